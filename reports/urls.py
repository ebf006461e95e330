from django.urls import path

from reports import views, views_unduhan

app_name = "reports"


def document(route: str, group: str, fmt: str, name: str, jenis: str | None = None):
    """A URL of a document (``reports.documents``), served by ``views.document``."""
    extra = {"group": group, "fmt": fmt} | ({"jenis": jenis} if jenis else {})
    return path(route, views.document, extra, name=name)


urlpatterns = [
    path("dasbor/", views.dasbor_home, name="dasbor-home"),
    path("dasbor/<str:kode>/", views.dasbor, name="dasbor"),
    document("dasbor/<str:key>/xlsx/", "dasbor", "xlsx", "dasbor-xlsx", jenis="dasbor"),
    path("laporan/", views.laporan_index, name="laporan-index"),
    document("inovasi/<int:key>/pdf/", "profil", "pdf", "inovasi-pdf", jenis="inovasi"),
    document("laporan/inovasi/<int:key>/", "profil", "html", "inovasi-pratinjau", jenis="inovasi"),
    document("laporan/kampung/<str:key>/", "profil", "html", "kampung-pratinjau", jenis="kampung"),
    document("laporan/kampung/<str:key>/pdf/", "profil", "pdf", "kampung-pdf", jenis="kampung"),
    document("laporan/daftar/<slug:jenis>/xlsx/", "daftar", "xlsx", "daftar-xlsx"),
    # Cetak R/I (?periode=YYYY-MM): a poktan's register page, a kecamatan's month.
    document("laporan/ri/poktan/<int:key>/pdf/", "ri", "pdf", "ri-pdf", jenis="poktan"),
    document("laporan/ri/wilayah/<str:key>/xlsx/", "ri", "xlsx", "ri-xlsx", jenis="wilayah"),
    path("laporan/unduhan/", views_unduhan.unduhan_create, name="unduhan-create"),
    path("laporan/unduhan/<int:pk>/", views_unduhan.unduhan_detail, name="unduhan-detail"),
    path(
        "laporan/unduhan/<int:pk>/berkas/",
        views_unduhan.unduhan_berkas,
        name="unduhan-berkas",
    ),
    # Recaps by kind: /laporan/poktan/<kode>/, /laporan/intervensi/<kode>/ (+ pdf/, xlsx/)
    document("laporan/<slug:jenis>/<str:key>/", "rekap", "html", "rekap-pratinjau"),
    document("laporan/<slug:jenis>/<str:key>/pdf/", "rekap", "pdf", "rekap-pdf"),
    document("laporan/<slug:jenis>/<str:key>/xlsx/", "rekap", "xlsx", "rekap-xlsx"),
]
