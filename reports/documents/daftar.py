"""Daftar: the other apps' list pages as XLSX, with the same filters as the
page — the page's own FilterSet, fed the same query string, over the same
scoped queryset. The list templates link here with
``?{{ request.GET.urlencode }}``. Each list is a document without a subject
(the reader's scope is the subject)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kampungkb.periods import Periode
from reports import xlsx
from reports.documents.base import Document, register


def intervensi_sheet(request) -> xlsx.Sheet:
    from interventions.filters import IntervensiFilter
    from interventions.selectors import intervensi_list_qs
    from reports.documents.rekap_intervensi import instansi_text

    qs = IntervensiFilter(
        request.GET, queryset=intervensi_list_qs(request.user), request=request
    ).qs.select_related("kampung__desa")
    c = xlsx.Column
    return xlsx.Sheet(
        _("Intervensi"),
        [
            c(_("Tanggal"), width=12),
            c(_("Kode desa"), width=16),
            c(_("Desa"), width=20),
            c(_("Judul"), width=36),
            c(_("Jenis"), width=16),
            c(_("Seksi"), width=16),
            c(_("Sasaran"), width=24),
            c(_("Instansi"), width=36),
            c(_("Sumber dana"), width=16),
            c(_("Anggaran (Rp)"), xlsx.INTEGER, width=16),
            c(_("Penerima manfaat"), xlsx.INTEGER),
            c(_("Status"), width=10),
        ],
        [
            [
                i.tanggal,
                i.kampung.desa_id,
                i.kampung.desa.nama,
                i.judul,
                i.get_jenis_display(),
                i.get_seksi_display(),
                "; ".join([*i.sasaran, *([i.sasaran_lainnya] if i.sasaran_lainnya else [])]),
                instansi_text(i),
                i.get_sumber_dana_display(),
                i.anggaran,
                i.penerima_manfaat,
                i.get_status_display(),
            ]
            for i in qs
        ],
        heading=_("Daftar intervensi"),
    )


def inovasi_sheet(request) -> xlsx.Sheet:
    from interventions.filters import InovasiFilter
    from interventions.selectors import inovasi_list_qs

    qs = InovasiFilter(request.GET, queryset=inovasi_list_qs(request.user), request=request).qs
    c = xlsx.Column
    return xlsx.Sheet(
        _("Inovasi"),
        [
            c(_("Nama inovasi"), width=24),
            c(_("Kepanjangan"), width=36),
            c(_("Kode wilayah"), width=16),
            c(_("Wilayah"), width=20),
            c(_("Perangkat daerah"), width=28),
            c(_("Tahapan"), width=12),
            c(_("Inisiator"), width=14),
            c(_("Jenis"), width=12),
            c(_("Bentuk"), width=28),
            c(_("Urusan utama"), width=28),
            c(_("Waktu uji coba"), width=12),
            c(_("Waktu implementasi"), width=12),
            c(_("Tahun IID"), width=10),
            c(_("Skor kematangan"), xlsx.DECIMAL),
        ],
        [
            [
                i.nama,
                i.kepanjangan,
                i.wilayah_id,
                i.wilayah.label,
                str(i.perangkat_daerah or ""),
                i.get_tahapan_display(),
                i.get_inisiator_display(),
                i.get_jenis_display(),
                i.get_bentuk_display(),
                i.urusan_utama,
                i.waktu_uji_coba,
                i.waktu_implementasi,
                i.tahun_iid.tahun,
                i.skor_kematangan,
            ]
            for i in qs
        ],
        heading=_("Daftar inovasi"),
    )


def kampung_sheet(request) -> xlsx.Sheet:
    from villages.filters import KampungFilter
    from villages.models import KampungKB

    queryset = KampungKB.objects.for_user(request.user).select_related("desa__induk")
    qs = KampungFilter(request.GET or None, queryset=queryset, user=request.user).qs
    c = xlsx.Column
    return xlsx.Sheet(
        _("Kampung KB"),
        [
            c(_("Kode desa"), width=16),
            c(_("Desa"), width=20),
            c(_("Kecamatan"), width=18),
            c(_("Nama Kampung KB"), width=32),
            c(_("Tanggal pencanangan"), width=14),
            c(_("Klasifikasi"), width=14),
        ],
        [
            [
                k.desa_id,
                k.desa.nama,
                k.desa.induk.nama if k.desa.induk else "",
                k.nama,
                k.tanggal_pencanangan,
                k.get_kelas_display(),
            ]
            for k in qs.order_by("desa_id")
        ],
        heading=_("Daftar Kampung KB"),
    )


def daftar(jenis: str, judul, sheet) -> Document:
    return register(
        Document(
            name=f"daftar-{jenis}",
            group="daftar",
            jenis=jenis,
            judul=judul,
            subject=lambda user, key: None,
            context=lambda ask: {"sheet": sheet(ask.request)},
            formats=("xlsx",),
            sheets=lambda context: [context["sheet"]],
            filename=lambda ask: f"daftar-{jenis}-{Periode.current()}.xlsx",
        )
    )


DAFTAR_INTERVENSI = daftar("intervensi", gettext_lazy("Daftar intervensi"), intervensi_sheet)
DAFTAR_INOVASI = daftar("inovasi", gettext_lazy("Daftar inovasi"), inovasi_sheet)
DAFTAR_KAMPUNG = daftar("kampung", gettext_lazy("Daftar Kampung KB"), kampung_sheet)
