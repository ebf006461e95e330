from django.urls import path

from interventions import views, views_catat, views_inovasi

app_name = "interventions"

urlpatterns = [
    path("intervensi/", views.intervensi_list, name="intervensi-list"),
    path("intervensi/tambah/", views_catat.intervensi_create, name="intervensi-create"),
    path("intervensi/<int:pk>/", views.intervensi_detail, name="intervensi-detail"),
    path("intervensi/<int:pk>/ubah/", views.intervensi_edit, name="intervensi-edit"),
    path("intervensi/<int:pk>/foto/", views.foto_add, name="foto-add"),
    path("intervensi/foto/<int:pk>/", views.foto_view, name="foto"),
    path("intervensi/foto/<int:pk>/hapus/", views.foto_delete, name="foto-delete"),
    path("publik/intervensi/foto/<int:pk>/", views.foto_publik, name="foto-publik"),
    path("inovasi/", views_inovasi.inovasi_list, name="inovasi-list"),
    path("inovasi/tambah/", views_inovasi.inovasi_create, name="inovasi-create"),
    path("inovasi/<int:pk>/", views_inovasi.inovasi_detail, name="inovasi-detail"),
    path("inovasi/<int:pk>/ubah/", views_inovasi.inovasi_edit, name="inovasi-edit"),
    path(
        "inovasi/<int:pk>/berkas/<slug:jenis>/", views_inovasi.inovasi_berkas, name="inovasi-berkas"
    ),
    path("inovasi/<int:pk>/bukti/", views_inovasi.inovasi_bukti, name="inovasi-bukti"),
    path("inovasi/<int:pk>/bukti/<int:nomor>/", views_inovasi.bukti_edit, name="bukti-edit"),
    path(
        "inovasi/<int:pk>/bukti/<int:nomor>/berkas/",
        views_inovasi.bukti_berkas,
        name="bukti-berkas",
    ),
    path(
        "inovasi-unggulan/tambah/<int:kampung_id>/",
        views_inovasi.unggulan_create,
        name="unggulan-create",
    ),
    path("inovasi-unggulan/<int:pk>/ubah/", views_inovasi.unggulan_edit, name="unggulan-edit"),
    path("instansi/", views.instansi_list, name="instansi-list"),
    path("instansi/tambah/", views.instansi_create, name="instansi-create"),
]
