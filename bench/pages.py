"""Who requests what: the users and objects the bench measures with, and the
pages it measures (``tests/test_query_budget.py`` starts from the same list)."""

from __future__ import annotations

from bench.config import LOAD_CLIENTS, WORKERS, N


def subjects() -> dict:
    """Users and objects the pages are measured with, picked from the data."""
    from interventions.models import Inovasi
    from kampungkb.models import User
    from kampungkb.periods import Periode
    from poktan.models import Laporan
    from villages.models import KampungKB, Wilayah

    periode = Periode.current()
    editable = (
        Laporan.objects.filter(periode=periode.first_day, status="draf", poktan__jenis="BKB")
        .select_related("poktan__kampung")
        .order_by("poktan__kampung__desa_id")
    )
    # The first for the draft-save page, the next for the load phase's kader,
    # then one per "Ajukan" (a submitted register cannot be submitted again).
    registers = list(editable[: LOAD_CLIENTS + 1 + N + WORKERS])
    if not registers:
        raise SystemExit("tidak ada laporan draf bulan ini di data bench")
    first = registers[0]
    desa = first.poktan.kampung.desa_id
    kecamatan, kabupaten, provinsi = desa[:8], desa[:5], desa[:2]
    inovasi = Inovasi.objects.filter(wilayah__kode__startswith=f"{kabupaten}.").first()
    inovasi = inovasi or Inovasi.objects.first()
    kampung = KampungKB.objects.get(desa_id=desa)
    n_desa = Wilayah.objects.filter(tingkat=4, kampung_kb__isnull=False).count()
    return {
        "periode": str(periode),
        "desa": desa,
        "kecamatan": kecamatan,
        "kabupaten": kabupaten,
        "provinsi": provinsi,
        "kader": f"kader.{desa}",
        "pkb": f"pkb.{kecamatan}",
        "opd": f"opd.{kabupaten}",
        "admin": User.objects.filter(role="admin", wilayah=None)
        .values_list("username", flat=True)
        .first(),
        "poktan": first.poktan_id,
        "laporan": first.pk,
        "inovasi": inovasi.pk if inovasi else None,
        "kampung": kampung.desa_id,
        "load_registers": [
            {"laporan_id": r.pk, "poktan": r.poktan_id, "desa": r.poktan.kampung.desa_id}
            for r in registers[1 : LOAD_CLIENTS + 1]
        ],
        "submit_registers": [
            {"laporan_id": r.pk, "poktan": r.poktan_id, "desa": r.poktan.kampung.desa_id}
            for r in registers[LOAD_CLIENTS + 1 :]
        ],
        "n_desa": n_desa,
    }


def pages(s: dict) -> list[dict]:
    """(name, user, path, kind) of every page measured; the first is the baseline."""
    reg = f"/poktan/{s['poktan']}/laporan/{s['periode']}/"
    p = s["periode"]
    out = [
        ("Halaman masuk (baseline)", None, "/akun/masuk/"),
        # The floor of any logged-in page: session, user, the base layout.
        ("Ubah kata sandi (halaman bersesi paling ringan)", "kader", "/akun/kata-sandi/"),
        ("Beranda kader", "kader", "/"),
        ("Laporan bulan ini (kader)", "kader", "/poktan/laporan-bulan-ini/"),
        ("Formulir laporan GET", "kader", reg),
        ("Formulir laporan POST (simpan draf)", "kader", reg),
        # Each time another kader's draft (BKB of this month), submitted as is.
        ("Formulir laporan POST (ajukan)", "kader", "ajukan"),
        ("Beranda petugas kecamatan", "pkb", "/"),
        ("Kelengkapan kecamatan (grid)", "pkb", "/poktan/kelengkapan/"),
        ("Kelengkapan kabupaten", "opd", "/poktan/kelengkapan/"),
        ("Dasbor kabupaten", "opd", f"/dasbor/{s['kabupaten']}/"),
        ("Dasbor provinsi", "admin", f"/dasbor/{s['provinsi']}/"),
        ("Dasbor nasional", "admin", "/dasbor/"),
        ("Beranda admin nasional", "admin", "/"),
        ("Halaman Kampung KB", "opd", f"/kampung/{s['kampung']}/"),
        ("Halaman publik Kampung KB", None, f"/publik/kampung/{s['kampung']}/"),
        ("Daftar Kampung KB ?kelas=Mandiri", "opd", "/kampung/?kelas=Mandiri"),
        ("Daftar Kampung KB nasional ?q=Batu", "admin", "/kampung/?q=Batu"),
        ("Daftar poktan (kabupaten)", "opd", "/poktan/"),
        ("Daftar intervensi ?seksi=Ekonomi", "opd", "/intervensi/?seksi=Ekonomi"),
        ("Daftar intervensi nasional", "admin", "/intervensi/"),
        ("Daftar inovasi ?tahapan=Penerapan", "opd", "/inovasi/?tahapan=Penerapan"),
        ("Riwayat perubahan", "opd", "/riwayat/"),
        ("Wilayah kabupaten", "opd", f"/wilayah/{s['kabupaten']}/"),
    ]
    pdfs = [
        ("PDF Kampung KB", "opd", f"/laporan/kampung/{s['kampung']}/pdf/"),
        ("PDF rekap poktan kabupaten", "opd", f"/laporan/poktan/{s['kabupaten']}/pdf/?periode={p}"),
        ("PDF rekap intervensi kabupaten", "opd", f"/laporan/intervensi/{s['kabupaten']}/pdf/"),
    ]
    if s["inovasi"]:
        pdfs.insert(0, ("PDF Profil Inovasi Daerah", "opd", f"/inovasi/{s['inovasi']}/pdf/"))
    kinds = {
        "Formulir laporan POST (simpan draf)": "post",
        "Formulir laporan POST (ajukan)": "submit",
    }
    result = [
        {"name": n, "user": u, "path": path, "kind": kinds.get(n, "html")} for n, u, path in out
    ]
    result += [{"name": n, "user": u, "path": path, "kind": "pdf"} for n, u, path in pdfs]
    return result
