from django.urls import path

from reports import views

app_name = "reports"

urlpatterns = [
    path("dasbor/", views.dasbor_home, name="dasbor-home"),
    path("dasbor/<str:kode>/", views.dasbor, name="dasbor"),
]
