"""Menu entries per role. Each app adds its pages here; entries whose URL
name does not resolve (an app not built yet) are skipped."""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

ALL = None  # every logged-in role

# (url name, label, roles or ALL)
NAV = [
    ("villages:kampung-list", _("Kampung KB"), ALL),
    ("poktan:laporan-bulan-ini", _("Laporan bulan ini"), {"kader"}),
    (
        "poktan:kelengkapan",
        _("Kelengkapan laporan"),
        {"petugas_kecamatan", "opd_kabupaten", "pimpinan", "admin"},
    ),
    ("interventions:intervensi-list", _("Intervensi"), ALL),
    ("interventions:inovasi-list", _("Inovasi"), ALL),
    ("interventions:instansi-list", _("Instansi"), {"opd_kabupaten", "admin"}),
    (
        "reports:dasbor-home",
        _("Dasbor"),
        {"petugas_kecamatan", "opd_kabupaten", "opd_lintas_sektor", "pimpinan", "admin"},
    ),
    ("reports:laporan-index", _("Laporan dan unduhan"), ALL),
]


def nav_items(user) -> list[dict]:
    items = []
    for name, label, roles in NAV:
        if roles is not ALL and user.role not in roles and not user.is_superuser:
            continue
        try:
            items.append({"url": reverse(name), "label": label})
        except NoReverseMatch:
            continue
    return items
