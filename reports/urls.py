from django.urls import path

from reports import views, views_pdf, views_ri, views_unduhan

app_name = "reports"

urlpatterns = [
    path("dasbor/", views.dasbor_home, name="dasbor-home"),
    path("dasbor/<str:kode>/", views.dasbor, name="dasbor"),
    path("dasbor/<str:kode>/xlsx/", views.dasbor_xlsx, name="dasbor-xlsx"),
    path("laporan/", views.laporan_index, name="laporan-index"),
    path("inovasi/<int:pk>/pdf/", views_pdf.inovasi_pdf, name="inovasi-pdf"),
    path("laporan/inovasi/<int:pk>/", views_pdf.inovasi_pratinjau, name="inovasi-pratinjau"),
    path("laporan/kampung/<str:kode>/", views_pdf.kampung_pratinjau, name="kampung-pratinjau"),
    path("laporan/kampung/<str:kode>/pdf/", views_pdf.kampung_pdf, name="kampung-pdf"),
    path("laporan/daftar/<slug:daftar>/xlsx/", views.daftar_xlsx, name="daftar-xlsx"),
    # Cetak R/I (?periode=YYYY-MM): a poktan's register page, a kecamatan's month.
    path("laporan/ri/poktan/<int:pk>/pdf/", views_ri.ri_pdf, name="ri-pdf"),
    path("laporan/ri/wilayah/<str:kode>/xlsx/", views_ri.ri_xlsx, name="ri-xlsx"),
    path("laporan/unduhan/", views_unduhan.unduhan_create, name="unduhan-create"),
    path("laporan/unduhan/<int:pk>/", views_unduhan.unduhan_detail, name="unduhan-detail"),
    path(
        "laporan/unduhan/<int:pk>/berkas/",
        views_unduhan.unduhan_berkas,
        name="unduhan-berkas",
    ),
    # Recaps by kind: /laporan/poktan/<kode>/, /laporan/intervensi/<kode>/ (+ pdf/, xlsx/)
    path("laporan/<slug:jenis>/<str:kode>/", views_pdf.rekap_pratinjau, name="rekap-pratinjau"),
    path("laporan/<slug:jenis>/<str:kode>/pdf/", views_pdf.rekap_pdf, name="rekap-pdf"),
    path("laporan/<slug:jenis>/<str:kode>/xlsx/", views_pdf.rekap_xlsx, name="rekap-xlsx"),
]
