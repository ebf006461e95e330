from django.urls import path

from villages import views

app_name = "villages"

urlpatterns = [
    path("kampung/", views.kampung_list, name="kampung-list"),
    path("kampung/baru/", views.kampung_create, name="kampung-create"),
    path("kampung/<str:kode>/", views.kampung_detail, name="kampung-detail"),
    path("kampung/<str:kode>/ubah/", views.kampung_edit, name="kampung-edit"),
    path("kampung/<str:kode>/pokja/", views.pokja_edit, name="pokja-edit"),
    path("kampung/<str:kode>/riwayat/", views.kampung_riwayat, name="kampung-riwayat"),
    path(
        "kampung/<str:kode>/data/<str:jenis>/<str:periode>/",
        views.snapshot_edit,
        name="snapshot-edit",
    ),
    path("kampung/<str:kode>/berkas/<str:nama>/", views.kampung_berkas, name="kampung-berkas"),
    path("publik/kampung/<str:kode>/", views.publik_kampung, name="publik-kampung"),
    path("publik/kampung/<str:kode>/foto/", views.publik_foto, name="publik-foto"),
]
