from django.urls import path

from reports import views, views_pdf

app_name = "reports"

urlpatterns = [
    path("dasbor/", views.dasbor_home, name="dasbor-home"),
    path("dasbor/<str:kode>/", views.dasbor, name="dasbor"),
    path("inovasi/<int:pk>/pdf/", views_pdf.inovasi_pdf, name="inovasi-pdf"),
    path("laporan/inovasi/<int:pk>/", views_pdf.inovasi_pratinjau, name="inovasi-pratinjau"),
]
