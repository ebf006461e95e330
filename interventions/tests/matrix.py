"""Permission matrix of the interventions app (tests/matrix.py).

World: an intervention in Pondok Batu recorded by Dinas Kesehatan (with a
private and a public photo), one recorded by Dinas Sosial, an innovation
applied in Pondok Batu with a budget file and one evidenced indicator, and a
flagship innovation of Pondok Batu."""

from django.urls import reverse

from interventions.tests import factories as f
from tests.matrix import Case, expect, read_in_scope

OUTSIDERS = ("kader_desa_lain", "pkb_kecamatan_lain", "opd_kabupaten_lain")
ALL_READ = expect(200, anonim=302)


def build(w):
    p = w.personas
    dinkes, dinsos = f.resmi("Dinas Kesehatan"), f.resmi("Dinas Sosial")
    w.iv_intervensi = f.intervensi(w.kampung, dinkes, pemilik=dinkes, by=p.opd_kesehatan)
    w.iv_intervensi_dinsos = f.intervensi(w.kampung, dinsos, pemilik=dinsos, judul="Lansia tangguh")
    w.iv_foto = f.foto(w.iv_intervensi, 1)
    w.iv_foto_publik = f.foto(w.iv_intervensi, 2, publik=True)
    w.iv_inovasi = f.inovasi(
        w.kampung.desa_id,
        berkas_anggaran=f.stored_file("privat/uji/anggaran.pdf", b"%PDF-1.4\n"),
    )
    f.bukti(w.iv_inovasi, 1)
    w.iv_unggulan = f.unggulan(w.kampung)


def url(name, *args):
    return lambda w: reverse(f"interventions:{name}", args=[a(w) for a in args])


def pk(attr):
    return lambda w: getattr(w, attr).pk


# Writers of one Pondok Batu intervention recorded by Dinas Kesehatan.
EDIT_DINKES = expect(
    403,
    anonim=302,
    opd_labuhanbatu=200,
    opd_kesehatan=200,
    admin_portal=200,
    **dict.fromkeys(OUTSIDERS, 404),
)
MANAGE_INOVASI = expect(
    403, anonim=302, opd_labuhanbatu=200, admin_portal=200, **dict.fromkeys(OUTSIDERS, 404)
)
MANAGE_UNGGULAN = expect(
    403,
    anonim=302,
    opd_labuhanbatu=200,
    admin_portal=200,
    kader_pondokbatu=200,
    **dict.fromkeys(OUTSIDERS, 404),
)

CASES = [
    Case("interventions:intervensi-list", url("intervensi-list"), ALL_READ),
    Case(
        "interventions:intervensi-create",
        url("intervensi-create"),
        expect(200, anonim=302, pkb_bilahhulu=403, pkb_kecamatan_lain=403, pimpinan=403),
    ),
    Case(
        "interventions:intervensi-detail",
        url("intervensi-detail", pk("iv_intervensi")),
        read_in_scope(OUTSIDERS),
    ),
    Case("interventions:intervensi-edit", url("intervensi-edit", pk("iv_intervensi")), EDIT_DINKES),
    Case(
        "interventions:intervensi-edit",
        url("intervensi-edit", pk("iv_intervensi_dinsos")),
        {**EDIT_DINKES, "opd_kesehatan": 403},
        label="instansi lain",
    ),
    Case(
        "interventions:foto-add",
        url("foto-add", pk("iv_intervensi")),
        {**EDIT_DINKES, **dict.fromkeys(["opd_labuhanbatu", "opd_kesehatan", "admin_portal"], 400)},
        method="POST",
        label="tanpa berkas",
    ),
    Case("interventions:foto", url("foto", pk("iv_foto")), read_in_scope(OUTSIDERS)),
    # Deleting is tested per role in test_views (a POST here would delete it once).
    Case(
        "interventions:foto-delete",
        url("foto-delete", pk("iv_foto")),
        expect(405, anonim=302),
        label="GET",
    ),
    Case(
        "interventions:foto-publik",
        url("foto-publik", pk("iv_foto_publik")),
        expect(200),
        public=True,
    ),
    Case(
        "interventions:foto-publik",
        url("foto-publik", pk("iv_foto")),
        expect(404),
        public=True,
        label="bukan publik",
    ),
    Case("interventions:inovasi-list", url("inovasi-list"), ALL_READ),
    Case(
        "interventions:inovasi-create",
        url("inovasi-create"),
        expect(403, anonim=302, opd_labuhanbatu=200, opd_kabupaten_lain=200, admin_portal=200),
    ),
    Case(
        "interventions:inovasi-detail",
        url("inovasi-detail", pk("iv_inovasi")),
        read_in_scope(OUTSIDERS),
    ),
    Case("interventions:inovasi-edit", url("inovasi-edit", pk("iv_inovasi")), MANAGE_INOVASI),
    Case(
        "interventions:inovasi-berkas",
        lambda w: reverse("interventions:inovasi-berkas", args=[w.iv_inovasi.pk, "anggaran"]),
        read_in_scope(OUTSIDERS),
    ),
    Case(
        "interventions:inovasi-bukti",
        url("inovasi-bukti", pk("iv_inovasi")),
        read_in_scope(OUTSIDERS),
    ),
    Case(
        "interventions:bukti-edit",
        lambda w: reverse("interventions:bukti-edit", args=[w.iv_inovasi.pk, 1]),
        MANAGE_INOVASI,
    ),
    Case(
        "interventions:bukti-berkas",
        lambda w: reverse("interventions:bukti-berkas", args=[w.iv_inovasi.pk, 1]),
        read_in_scope(OUTSIDERS),
    ),
    Case(
        "interventions:unggulan-create",
        lambda w: reverse("interventions:unggulan-create", args=[w.kampung.pk]),
        MANAGE_UNGGULAN,
    ),
    Case("interventions:unggulan-edit", url("unggulan-edit", pk("iv_unggulan")), MANAGE_UNGGULAN),
    Case("interventions:instansi-list", url("instansi-list"), ALL_READ),
    Case(
        "interventions:instansi-create",
        url("instansi-create"),
        expect(403, anonim=302, opd_labuhanbatu=200, opd_kabupaten_lain=200),
    ),
]
