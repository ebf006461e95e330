"""The deadline-day load of the cluster bench: which drafts the kader submit,
who reads what, in which proportions (README "Kapasitas")."""

from __future__ import annotations

from bench.config import LOAD_MAX, PASSWORD, WRITE_FIELD, WRITE_TOP


class Drafts:
    """This month's drafts (any poktan), handed out once each (a submitted
    register cannot be submitted again); ``restore()`` puts the ones the bench
    submitted back to draft so the next run has them again (bench data only)."""

    def __init__(self, exclude: set[int]):
        from kampungkb.periods import Periode
        from poktan.models import Laporan

        qs = (
            Laporan.objects.filter(periode=Periode.current().first_day, status="draf")
            .exclude(pk__in=exclude)
            .select_related("poktan__kampung")
            .order_by("poktan__kampung__desa_id")
        )
        self.left = list(qs)
        self.handed: list[int] = []

    def restore(self) -> int:
        from poktan.models import Laporan

        return Laporan.objects.filter(pk__in=self.handed, status="diajukan").update(status="draf")

    def take(self, n: int, periode: str) -> list[dict]:
        out, self.left = self.left[:n], self.left[n:]
        self.handed += [r.pk for r in out]
        return [
            {
                "laporan_id": r.pk,
                "username": f"kader.{r.poktan.kampung.desa_id}",
                "path": f"/poktan/{r.poktan_id}/laporan/{periode}/",
            }
            for r in out
        ]


def spec_for(
    s: dict,
    drafts: Drafts,
    *,
    writers: int,
    readers: int,
    submitters: int,
    per_submitter: int,
    downloads: bool,
    seconds: float,
) -> dict:
    """The deadline-day mix: kader saving drafts and submitting, PKB and OPD
    reading grids and dashboards, an OPD asking for recap PDFs."""
    from poktan.models import Laporan

    writer_list = []
    for reg in s["load_registers"][:writers]:
        lap = Laporan.objects.get(pk=reg["laporan_id"])
        path = f"/poktan/{reg['poktan']}/laporan/{s['periode']}/"
        writer_list.append(
            {
                "username": f"kader.{reg['desa']}",
                "laporan_id": reg["laporan_id"],
                "path": path,
                "field": WRITE_FIELD,
                "value": getattr(lap, WRITE_FIELD) or 0,
                "top": WRITE_TOP,
                "reads": ["/", "/poktan/laporan-bulan-ini/", path],
            }
        )
    reader_pool = [
        {"username": s["pkb"], "reads": ["/poktan/kelengkapan/", "/", "/kampung/"]},
        {
            "username": s["opd"],
            "reads": [
                f"/dasbor/{s['kabupaten']}/",
                "/poktan/kelengkapan/",
                f"/kampung/{s['kampung']}/",
                "/intervensi/?seksi=Ekonomi",
            ],
        },
    ]
    spec = {
        "base": "",
        "password": PASSWORD,
        "seconds": seconds,
        "max_requests": LOAD_MAX,
        "writers": writer_list,
        "readers": [reader_pool[i % 2] for i in range(readers)],
        "submitters": [
            # "version": the one field every register form has, whatever the poktan.
            {"registers": drafts.take(per_submitter, s["periode"]), "field": "version"}
            for _ in range(submitters)
        ],
        "downloaders": [],
    }
    if downloads:
        form = {"jenis": "poktan", "kode": s["kabupaten"], "format": "pdf", "periode": s["periode"]}
        spec["downloaders"] = [{"username": s["opd"], "form": form, "every": 2.0}]
    return spec


def deadline_mix(clients: int, seconds: float, downloads: bool = True) -> dict:
    """National proportions on the deadline days (README "Kapasitas"): per
    register a kader makes ~10 requests (5 reads, 1-2 draft saves, 1 submit);
    PKB and OPD reading grids and dashboards are ~1 request in 5. Threads:
    half kader saving drafts, a quarter submitting, a quarter PKB/OPD."""
    submitters = max(1, clients // 4)
    readers = max(1, clients // 4)
    writers = max(1, clients - submitters - readers)
    return {
        "writers": writers,
        "readers": readers,
        "submitters": submitters,
        "per_submitter": 12,
        "downloads": downloads,
        "seconds": seconds,
    }
