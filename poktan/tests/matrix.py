"""Permission matrix cases of the poktan app (design.md §4.1).

Pondok Batu's kader edits; the petugas of Bilah Hulu and the OPD of
Labuhanbatu review; pimpinan and lintas sektor only read; the kader of
Meranti, the petugas of Bilah Barat and the OPD of Tapanuli Tengah are
outsiders (404).
"""

import itertools

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kampungkb.domain import JenisPoktan
from kampungkb.periods import Periode
from tests.matrix import Case, expect, read_in_scope

OUTSIDERS = ("kader_desa_lain", "pkb_kecamatan_lain", "opd_kabupaten_lain")
READ_ONLY = ("pkb_bilahhulu", "opd_labuhanbatu", "opd_kesehatan", "pimpinan")
REVIEWERS = ("pkb_bilahhulu", "opd_labuhanbatu")


def kader_writes(kader: int, admin: int | None = None) -> dict[str, int]:
    """Writes by the kader: outsiders 404, read-only roles 403, anonymous to login."""
    return expect(
        kader,
        anonim=302,
        admin_portal=kader if admin is None else admin,
        **dict.fromkeys(OUTSIDERS, 404),
        **dict.fromkeys(READ_ONLY, 403),
    )


def poktan_writes(status: int) -> dict[str, int]:
    """Registry edits by the desa's kader and the kabupaten OPD."""
    return expect(
        status,
        anonim=302,
        **dict.fromkeys(OUTSIDERS, 404),
        **dict.fromkeys(("pkb_bilahhulu", "opd_kesehatan", "pimpinan"), 403),
    )


def _poktan_data(w):
    w.poktan.refresh_from_db()
    return {
        "version": w.poktan.version,
        "jenis": "BKB",
        "nama": f"BKB Uji {w.poktan.version}",
        "aktif": "on",
        "pengurus-TOTAL_FORMS": "0",
        "pengurus-INITIAL_FORMS": "0",
    }


def reviewer_writes(status: int) -> dict[str, int]:
    return expect(
        403,
        anonim=302,
        admin_portal=status,
        **dict.fromkeys(OUTSIDERS, 404),
        **dict.fromkeys(REVIEWERS, status),
    )


def build(w):
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from poktan.models import Anggota, ImporAnggota, Laporan, Poktan, Status

    sk = "poktan/sk/matrix-uji.pdf"
    if not default_storage.exists(sk):
        default_storage.save(sk, ContentFile(b"%PDF-1.4 uji"))
    w.poktan = Poktan.objects.create(
        kampung=w.kampung, jenis=JenisPoktan.BKB, nama="BKB Uji", sk_berkas=sk
    )
    w.anggota = Anggota.objects.create(
        poktan=w.poktan, nama_kepala_keluarga="Budi", nomor_kk="1210090000000001"
    )
    w.periode = Periode.current()
    w.periode_lalu = w.periode.prev()
    w.laporan_lalu = Laporan.objects.create(
        poktan=w.poktan,
        periode=w.periode_lalu.first_day,
        status=Status.DIAJUKAN,
        jumlah_anggota=1,
        keluarga_hadir=1,
        anak_dipantau_kka=1,
    )
    w.upload = ImporAnggota.objects.create(
        poktan=w.poktan,
        diunggah_oleh=w.personas.kader_pondokbatu,
        nama_berkas="anggota.csv",
        isi=b"Nama kepala keluarga,Nomor KK\nSiti,1210090000000009\n",
    )


def _laporan_url(name, lalu=False):
    return lambda w: reverse(
        f"poktan:{name}", args=[w.poktan.pk, w.periode_lalu if lalu else w.periode]
    )


def _pengingat_url(w):
    kader = w.personas.kader_pondokbatu
    if not kader.telepon:
        kader.telepon = "+6281234567890"
        kader.save(update_fields=["telepon"])
    return reverse("poktan:pengingat-wa", args=[w.poktan.pk, w.periode, kader.pk])


def _laporan_data(w):
    from poktan.models import Laporan

    current = Laporan.objects.filter(poktan=w.poktan, periode=w.periode.first_day).first()
    return {
        "version": current.version if current else "",
        "jumlah_anggota": "1",
        "keluarga_hadir": "1",
        "anak_dipantau_kka": "0",
        "pertemuan-TOTAL_FORMS": "0",
        "pertemuan-INITIAL_FORMS": "0",
    }


def _laporan_ini(w):
    """This month's draft register of the world's poktan (made on first use)."""
    from poktan.models import Laporan

    laporan, _created = Laporan.objects.get_or_create(
        poktan=w.poktan, periode=w.periode.first_day, defaults={"jumlah_anggota": 1}
    )
    return laporan


def _foto_url(name):
    """A photo of this month's register (made again if a case deleted it)."""

    def build_url(w):
        from django.core.files.base import ContentFile
        from django.core.files.storage import default_storage

        from poktan.models import FotoKegiatan

        berkas = "privat/poktan/laporan/matrix-uji.jpg"
        if not default_storage.exists(berkas):
            default_storage.save(berkas, ContentFile(_jpeg().read()))
        laporan = _laporan_ini(w)
        foto = laporan.foto.first() or FotoKegiatan.objects.create(laporan=laporan, berkas=berkas)
        return reverse(f"poktan:{name}", args=[w.poktan.pk, w.periode, foto.pk])

    return build_url


def _jpeg():
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (40, 30), (20, 120, 80)).save(out, "JPEG")
    return SimpleUploadedFile("foto.jpg", out.getvalue(), content_type="image/jpeg")


def _foto_add_url(w):
    _laporan_ini(w)
    return reverse("poktan:laporan-foto-add", args=[w.poktan.pk, w.periode])


def _foto_data(w):
    return {"version": _laporan_ini(w).version, "berkas": _jpeg()}


def _verify_many_data(w):
    w.laporan_lalu.refresh_from_db()
    return {"laporan": [f"{w.laporan_lalu.pk}:{w.laporan_lalu.version}"]}


_kk = itertools.count(100)


def _anggota_data(w):
    return {"nama_kepala_keluarga": "Ani", "nomor_kk": f"1210090000000{next(_kk):03d}"}


def _csv(w):
    return {
        "berkas": SimpleUploadedFile(
            "anggota.csv", b"Nama kepala keluarga,Nomor KK\nRina,1210090000000077\n"
        )
    }


CASES = [
    Case("poktan:poktan-list", lambda w: reverse("poktan:poktan-list"), expect(200, anonim=302)),
    Case(
        "poktan:laporan-bulan-ini",
        lambda w: reverse("poktan:laporan-bulan-ini"),
        expect(200, anonim=302),
    ),
    Case("poktan:kelengkapan", lambda w: reverse("poktan:kelengkapan"), expect(200, anonim=302)),
    # WhatsApp reminder to the desa's kader: the reviewers (and admin) are sent to wa.me.
    Case(
        "poktan:pengingat-wa",
        lambda w: _pengingat_url(w),
        reviewer_writes(302),
    ),
    Case(
        "poktan:poktan-detail",
        lambda w: reverse("poktan:poktan-detail", args=[w.poktan.pk]),
        read_in_scope(OUTSIDERS),
    ),
    Case(
        "poktan:poktan-detail",
        lambda w: reverse("poktan:poktan-detail", args=[w.poktan.pk + 999]),
        expect(404, anonim=302),
        label="absent",
    ),
    # Any kader or kabupaten OPD may add a poktan (to a Kampung KB of their own scope).
    Case(
        "poktan:poktan-create",
        lambda w: reverse("poktan:poktan-create"),
        expect(
            200,
            anonim=302,
            **dict.fromkeys(
                ("pkb_bilahhulu", "pkb_kecamatan_lain", "opd_kesehatan", "pimpinan"), 403
            ),
        ),
    ),
    Case(
        "poktan:poktan-edit",
        lambda w: reverse("poktan:poktan-edit", args=[w.poktan.pk]),
        poktan_writes(200),
    ),
    Case(
        "poktan:poktan-edit",
        lambda w: reverse("poktan:poktan-edit", args=[w.poktan.pk]),
        poktan_writes(302),
        method="POST",
        data=_poktan_data,
    ),
    Case(
        "poktan:poktan-sk",
        lambda w: reverse("poktan:poktan-sk", args=[w.poktan.pk]),
        read_in_scope(OUTSIDERS),
    ),
    Case("poktan:laporan-edit", _laporan_url("laporan-edit"), read_in_scope(OUTSIDERS)),
    Case(
        "poktan:laporan-edit",
        _laporan_url("laporan-edit"),
        kader_writes(302),
        method="POST",
        data=_laporan_data,
    ),
    Case(
        "poktan:laporan-edit",
        lambda w: f"/poktan/{w.poktan.pk}/laporan/2026-13/",
        expect(404, anonim=404),
        label="bulan mustahil",
    ),
    Case(
        "poktan:laporan-submit",
        _laporan_url("laporan-submit"),
        expect(405, anonim=302),
        label="GET",
    ),
    # The kader submits; the admin's second submit finds it already submitted.
    Case(
        "poktan:laporan-submit",
        _laporan_url("laporan-submit"),
        kader_writes(302),
        method="POST",
        data=_laporan_data,
    ),
    # "Tambah pertemuan": the form again with one more row, nothing stored (200).
    Case(
        "poktan:laporan-pertemuan-add",
        _laporan_url("laporan-pertemuan-add"),
        kader_writes(200),
        method="POST",
        data=_laporan_data,
    ),
    Case(
        "poktan:laporan-pertemuan-add",
        _laporan_url("laporan-pertemuan-add"),
        expect(405, anonim=302),
        label="GET",
    ),
    # "Salin daftar hadir bulan lalu": saves the draft (302 + message).
    Case(
        "poktan:laporan-hadir-copy",
        _laporan_url("laporan-hadir-copy"),
        kader_writes(302),
        method="POST",
        data=_laporan_data,
    ),
    Case(
        "poktan:laporan-hadir-copy",
        _laporan_url("laporan-hadir-copy"),
        expect(405, anonim=302),
        label="GET",
    ),
    # The petugas verifies; the OPD's and admin's later tries find it verified (302 + message).
    Case(
        "poktan:laporan-verify",
        _laporan_url("laporan-verify", lalu=True),
        reviewer_writes(302),
        method="POST",
    ),
    Case(
        "poktan:laporan-verify-many",
        lambda w: reverse("poktan:laporan-verify-many"),
        expect(405, anonim=302),
        label="GET",
    ),
    # Several at once: the petugas verifies; later tries are told it is verified (302).
    Case(
        "poktan:laporan-verify-many",
        lambda w: reverse("poktan:laporan-verify-many"),
        reviewer_writes(302),
        method="POST",
        data=_verify_many_data,
    ),
    Case(
        "poktan:laporan-return",
        _laporan_url("laporan-return", lalu=True),
        reviewer_writes(302),
        method="POST",
        data={"catatan": "Angka hadir belum sesuai daftar."},
    ),
    # Foto kegiatan of this month's register: the kader adds, replaces, deletes; in scope reads.
    Case(
        "poktan:laporan-foto-add",
        _foto_add_url,
        kader_writes(302),
        method="POST",
        data=_foto_data,
    ),
    Case(
        "poktan:laporan-foto-add",
        _laporan_url("laporan-foto-add"),
        expect(405, anonim=302),
        label="GET",
    ),
    Case("poktan:laporan-foto", _foto_url("laporan-foto"), read_in_scope(OUTSIDERS)),
    Case(
        "poktan:laporan-foto-replace",
        _foto_url("laporan-foto-replace"),
        kader_writes(302),
        method="POST",
        data=_foto_data,
    ),
    Case(
        "poktan:laporan-foto-delete",
        _foto_url("laporan-foto-delete"),
        kader_writes(302),
        method="POST",
        data=_foto_data,
    ),
    Case(
        "poktan:anggota-list",
        lambda w: reverse("poktan:anggota-list", args=[w.poktan.pk]),
        read_in_scope(OUTSIDERS),
    ),
    Case(
        "poktan:anggota-create",
        lambda w: reverse("poktan:anggota-create", args=[w.poktan.pk]),
        kader_writes(200),
    ),
    Case(
        "poktan:anggota-create",
        lambda w: reverse("poktan:anggota-create", args=[w.poktan.pk]),
        kader_writes(302),
        method="POST",
        data=_anggota_data,
    ),
    Case(
        "poktan:anggota-edit",
        lambda w: reverse("poktan:anggota-edit", args=[w.poktan.pk, w.anggota.pk]),
        kader_writes(200),
    ),
    Case(
        "poktan:anggota-template",
        lambda w: reverse("poktan:anggota-template", args=[w.poktan.pk]),
        read_in_scope(OUTSIDERS),
    ),
    Case(
        "poktan:anggota-import",
        lambda w: reverse("poktan:anggota-import", args=[w.poktan.pk]),
        kader_writes(200),
    ),
    Case(
        "poktan:anggota-import",
        lambda w: reverse("poktan:anggota-import", args=[w.poktan.pk]),
        kader_writes(200),
        method="POST",
        data=_csv,
    ),
    # Only the user who uploaded the file may confirm it.
    Case(
        "poktan:anggota-import-confirm",
        lambda w: reverse("poktan:anggota-import-confirm", args=[w.poktan.pk, w.upload.pk]),
        kader_writes(302, admin=404),
        method="POST",
        data={"mode": "semua"},
    ),
]
