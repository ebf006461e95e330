"""Round-trip cases: every create and edit form, keyed by URL name.

Each case says who uses the form, where it is shown and posted, how to read
what it stored and, where a generic changed value would not be valid, which
value to type. Fields may be left out only with a reason (``exclude``, or
``ALWAYS_EXCLUDED`` for fields of every form).
"""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from tests.roundtrip.case_helpers import (
    RoundTrip,
    also_ticked,
    another_iid_year,
    another_kampung,
    attendance,
    kb_method_for_kemandirian,
    kkbpk_balance,
    kode,
    lalu,
    laporan_draft,
    laporan_of,
    last_note,
    latest,
    meeting_date,
    no_kb_method,
    operasional,
    other_urusan,
    pengarah_when_no_plkb,
    pengurus_row,
    periode,
    phone,
    poktan_pk,
    potensi_line,
    r,
    snapshot,
    tematik_of_year,
    uppka_anggota,
)

ALWAYS_EXCLUDED = {
    "csrfmiddlewaretoken": "Django's CSRF token, not data",
    "version": "the version the user loaded (optimistic locking): test_concurrency.py",
    "form_token": "one-time token of create forms: kampungkb/tests/test_idempotency.py",
    "*-TOTAL_FORMS": "formset management form, sent as rendered",
    "*-INITIAL_FORMS": "formset management form, sent as rendered",
    "*-MIN_NUM_FORMS": "formset management form, sent as rendered",
    "*-MAX_NUM_FORMS": "formset management form, sent as rendered",
    "*-id": "hidden key of an inline formset row",
    "*-poktan": "hidden parent key of an inline formset row",
    "*-clear": "clearing an uploaded file: the upload tests (tests/security/test_uploads.py)",
}
# File inputs are left to the upload tests (tests/security/test_uploads.py,
# interventions/tests/test_uploads.py, poktan/tests/test_poktan_views.py).
FILE_REASON = "file upload: covered by the upload tests"

# URL names whose views read a POST but hold no stored record to round-trip.
NOT_ROUND_TRIPPED = {
    "akun:login": "credentials, nothing stored: kampungkb/tests/test_login_throttling.py",
    "akun:logout": "a button, no fields",
    "akun:password-change": "a password is never shown back (Django's PasswordChangeView)",
    "set-language": "a cookie, not a record: kampungkb/tests/test_i18n.py",
    "poktan:anggota-import": "an upload: poktan/tests/test_anggota.py, security/test_uploads.py",
    "poktan:anggota-import-confirm": "confirms a stored upload: poktan/tests/test_anggota.py",
    "poktan:laporan-pertemuan-add": "one more empty meeting row, nothing stored: "
    "poktan/tests/test_shortcuts.py",
    "poktan:laporan-hadir-copy": "the register's own save (round-tripped as poktan:laporan-edit)"
    " with last month's ticks added: poktan/tests/test_shortcuts.py",
    "interventions:foto-add": "an upload: interventions/tests/test_uploads.py",
    "poktan:laporan-foto-add": "an upload: poktan/tests/test_foto_kegiatan.py",
    "poktan:laporan-foto-replace": "an upload: poktan/tests/test_foto_kegiatan.py",
    "poktan:laporan-foto-delete": "a button, no fields",
    "poktan:laporan-verify-many": "ticks registers to verify, nothing typed: "
    "poktan/tests/test_verify_many.py",
    "interventions:foto-delete": "a button, no fields",
    "reports:unduhan-create": "buttons queueing a download, nothing typed: reports/tests",
    "service-worker": "GET only: the matrix checks that a POST answers 405",
}

PERTEMUAN = {"pertemuan": lambda o: list(o.pertemuan.order_by("tanggal", "id"))}
HADIR = {"hadir": lambda o: sorted(str(pk) for pk in o.anggota_hadir.values_list("pk", flat=True))}
LAPORAN_VALUES = {"pertemuan-*-tanggal": meeting_date, "pertemuan-*-jumlah_hadir": attendance}

CASES = [
    RoundTrip(
        "villages:kampung-create",
        "opd_labuhanbatu",
        r("villages:kampung-create"),
        obj=latest("villages.KampungKB", desa_id="12.10.09.2010"),
        create=True,
        show=lambda w, o: reverse("villages:kampung-edit", args=[o.desa_id]),
        values={"desa": lambda w, f, d: "12.10.09.2010"},
    ),
    RoundTrip(
        "villages:kampung-edit",
        "opd_labuhanbatu",
        r("villages:kampung-edit", kode),
        obj=lambda w: type(w.kampung).objects.get(pk=w.kampung.pk),
        read={
            "potensi": lambda o: [f"{p.get_kategori_display()}: {p.nama}" for p in o.potensi.all()]
        },
        values={"potensi": potensi_line},
        exclude={"foto_sampul": FILE_REASON, "struktur_organisasi": FILE_REASON},
    ),
    RoundTrip(
        "villages:pokja-edit",
        "kader_pondokbatu",
        r("villages:pokja-edit", kode),
        obj=lambda w: type(w.kampung).objects.get(pk=w.kampung.pk).pokja,
        rows={"anggota": lambda o: list(o.anggota.order_by("urutan", "id"))},
        values={"anggota-*-telepon": phone},
        exclude={"sk_berkas": FILE_REASON},
    ),
    RoundTrip(
        "villages:snapshot-edit",
        "kader_pondokbatu",
        r("villages:snapshot-edit", kode, lambda w: "profil", periode),
        obj=snapshot("profil"),
        read={f"operasional_{i}": operasional(i) for i in range(10)},
        values={"plkb_kontak": phone},
        extra={
            "plkb_pendamping": pengarah_when_no_plkb,
            "regulasi": also_ticked("regulasi_ada"),
            "penggunaan_data": also_ticked("penggunaan_data_ada"),
        },
        exclude={"rkm_berkas": FILE_REASON},
        label="profil",
    ),
    RoundTrip(
        "villages:snapshot-edit",
        "kader_pondokbatu",
        r("villages:snapshot-edit", kode, lambda w: "penduduk", periode),
        obj=snapshot("penduduk"),
        label="penduduk",
    ),
    RoundTrip(
        "villages:snapshot-edit",
        "kader_pondokbatu",
        r("villages:snapshot-edit", kode, lambda w: "kkbpk", periode),
        obj=snapshot("kkbpk"),
        extra={"kb_*": kkbpk_balance, "non_*": kkbpk_balance},
        label="kkbpk",
    ),
    RoundTrip(
        "poktan:poktan-create",
        "kader_pondokbatu",
        r("poktan:poktan-create"),
        obj=latest("poktan.Poktan"),
        create=True,
        show=lambda w, o: [
            reverse("poktan:poktan-edit", args=[o.pk]),
            reverse("poktan:poktan-detail", args=[o.pk]),  # its Kampung KB
        ],
        rows={"pengurus": lambda o: list(o.pengurus.all())},
        values={"pengurus-*-kontak": phone, "potensi_tahun": lambda w, f, d: "2024"},
        exclude={"sk_berkas": FILE_REASON},
    ),
    RoundTrip(
        "poktan:poktan-edit",
        "opd_labuhanbatu",
        r("poktan:poktan-edit", poktan_pk),
        obj=lambda w: type(w.poktan).objects.get(pk=w.poktan.pk),
        rows={"pengurus": lambda o: list(o.pengurus.all())},
        values={"pengurus-*-kontak": phone, "potensi_tahun": lambda w, f, d: "2024"},
        exclude={"sk_berkas": FILE_REASON},
        setup=pengurus_row,
    ),
    RoundTrip(
        "poktan:laporan-edit",
        "kader_pondokbatu",
        r("poktan:laporan-edit", poktan_pk, periode),
        obj=laporan_of("periode"),
        rows=PERTEMUAN,
        read=HADIR,
        values=LAPORAN_VALUES,
        setup=laporan_draft,
    ),
    RoundTrip(
        "poktan:laporan-submit",
        "kader_pondokbatu",
        r("poktan:laporan-edit", poktan_pk, periode),
        post=r("poktan:laporan-submit", poktan_pk, periode),
        obj=laporan_of("periode"),
        create=True,
        rows=PERTEMUAN,
        read=HADIR,
        values=LAPORAN_VALUES,
        setup=laporan_draft,
    ),
    RoundTrip(
        "poktan:laporan-return",
        "pkb_bilahhulu",
        r("poktan:laporan-edit", poktan_pk, lalu),
        post=r("poktan:laporan-return", poktan_pk, lalu),
        obj=laporan_of("periode_lalu"),
        create=True,
    ),
    RoundTrip(
        "poktan:laporan-verify",
        "pkb_bilahhulu",
        r("poktan:laporan-edit", poktan_pk, lalu),
        post=r("poktan:laporan-verify", poktan_pk, lalu),
        obj=laporan_of("periode_lalu"),
        create=True,
        read={"catatan": last_note},  # the reviewer's note goes to the history
    ),
    RoundTrip(
        "poktan:anggota-create",
        "kader_pondokbatu",
        r("poktan:anggota-create", poktan_pk),
        obj=latest("poktan.Anggota"),
        create=True,
        show=lambda w, o: reverse("poktan:anggota-edit", args=[o.poktan_id, o.pk]),
        values={
            "nomor_kk": lambda w, f, d: "1210090000000555",
            "alasan_tidak_kb": lambda w, f, d: "",
        },
    ),
    RoundTrip(
        "poktan:anggota-edit",
        "kader_pondokbatu",
        r("poktan:anggota-edit", poktan_pk, lambda w: w.anggota.pk),
        obj=lambda w: type(w.anggota).objects.get(pk=w.anggota.pk),
        extra={"alasan_tidak_kb": no_kb_method, "kemandirian_kb": kb_method_for_kemandirian},
    ),
    RoundTrip(
        "poktan:anggota-edit",
        "kader_pondokbatu",
        r("poktan:anggota-edit", lambda w: w.poktan_uppka.pk, lambda w: w.anggota_uppka.pk),
        obj=lambda w: type(w.anggota_uppka).objects.get(pk=w.anggota_uppka.pk),
        extra={"alasan_tidak_kb": no_kb_method, "kemandirian_kb": kb_method_for_kemandirian},
        setup=uppka_anggota,
        label="uppka",
    ),
    RoundTrip(
        "interventions:intervensi-create",
        "kader_pondokbatu",
        r("interventions:intervensi-create"),
        obj=latest("interventions.Intervensi"),
        create=True,
        show=lambda w, o: reverse("interventions:intervensi-edit", args=[o.pk]),
        values={"tanggal": lambda w, f, d: "2024-05-06"},
        exclude={
            "foto-*": "photos chosen with the intervention: stored as photos only with a "
            "file (interventions/tests/test_catat_foto.py)"
        },
    ),
    RoundTrip(
        "interventions:intervensi-edit",
        "opd_labuhanbatu",
        r("interventions:intervensi-edit", lambda w: w.intervensi.pk),
        obj=lambda w: type(w.intervensi).objects.get(pk=w.intervensi.pk),
        setup=another_kampung,
    ),
    RoundTrip(
        "interventions:inovasi-create",
        "opd_labuhanbatu",
        r("interventions:inovasi-create"),
        obj=latest("interventions.Inovasi"),
        create=True,
        show=lambda w, o: reverse("interventions:inovasi-edit", args=[o.pk]),
        values={"urusan_lain": other_urusan},
        exclude={"berkas_anggaran": FILE_REASON, "berkas_profil_bisnis": FILE_REASON},
    ),
    RoundTrip(
        "interventions:inovasi-edit",
        "opd_labuhanbatu",
        r("interventions:inovasi-edit", lambda w: w.inovasi.pk),
        obj=lambda w: type(w.inovasi).objects.get(pk=w.inovasi.pk),
        values={"urusan_lain": other_urusan, "tematik": tematik_of_year},
        exclude={"berkas_anggaran": FILE_REASON, "berkas_profil_bisnis": FILE_REASON},
        setup=lambda w: (another_iid_year(w), another_kampung(w)),
    ),
    RoundTrip(
        "interventions:bukti-edit",
        "opd_labuhanbatu",
        r("interventions:bukti-edit", lambda w: w.inovasi.pk, lambda w: 1),
        obj=lambda w: type(w.bukti).objects.get(pk=w.bukti.pk),
        values={"tautan": lambda w, f, d: "https://example.org/bukti-uji"},
        exclude={"berkas": FILE_REASON, "hapus_berkas": FILE_REASON},
    ),
    RoundTrip(
        "interventions:unggulan-create",
        "kader_pondokbatu",
        r("interventions:unggulan-create", lambda w: w.kampung.pk),
        obj=latest("interventions.InovasiUnggulan"),
        create=True,
        show=lambda w, o: reverse("interventions:unggulan-edit", args=[o.pk]),
        values={"telepon": phone},
    ),
    RoundTrip(
        "interventions:unggulan-edit",
        "kader_pondokbatu",
        r("interventions:unggulan-edit", lambda w: w.unggulan.pk),
        obj=lambda w: type(w.unggulan).objects.get(pk=w.unggulan.pk),
        values={"telepon": phone},
    ),
    RoundTrip(
        "interventions:instansi-create",
        "opd_labuhanbatu",
        r("interventions:instansi-create"),
        obj=latest("interventions.Instansi"),
        create=True,
        show=lambda w, o: reverse("interventions:instansi-list"),
    ),
    RoundTrip(
        "akun:profil",
        "kader_pondokbatu",
        r("akun:profil"),
        obj=lambda w: type(w.personas.kader_pondokbatu).objects.get(
            pk=w.personas.kader_pondokbatu.pk
        ),
        # stored as +628…, shown back and compared as typed from 08…
        read={"telepon": lambda o: "0" + o.telepon[3:] if o.telepon else ""},
    ),
    RoundTrip(
        "periode-reopen",
        "opd_labuhanbatu",
        r("periode-reopen"),
        obj=latest("kampungkb.PeriodeBuka"),
        create=True,
        values={
            "desa": lambda w, f, d: w.kampung.desa_id,
            "periode": lambda w, f, d: str(w.periode_lalu.prev()),
            "sampai": lambda w, f, d: (timezone.localdate() + dt.timedelta(days=5)).isoformat(),
        },
    ),
]
