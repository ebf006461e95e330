from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.i18n import set_language

from kampungkb import accounts, profil, pwa, views

akun_patterns = (
    [
        path("masuk/", accounts.LoginView.as_view(), name="login"),
        path("keluar/", pwa.LogoutView.as_view(), name="logout"),
        path("profil/", profil.profil, name="profil"),
        path(
            "kata-sandi/",
            accounts.PasswordChangeView.as_view(success_url="/akun/kata-sandi/selesai/"),
            name="password-change",
        ),
        path(
            "kata-sandi/selesai/",
            auth_views.PasswordChangeDoneView.as_view(),
            name="password-change-done",
        ),
    ],
    "akun",
)

urlpatterns = [
    path("", views.home, name="home"),
    path("sw.js", pwa.service_worker, name="service-worker"),
    path("favicon.ico", pwa.favicon, name="favicon"),
    path("luring/", pwa.luring, name="luring"),
    path("akun/", include(akun_patterns)),
    path("bahasa/", set_language, name="set-language"),
    path("wilayah/", views.wilayah_browse, name="wilayah-root"),
    path("wilayah/<str:kode>/", views.wilayah_browse, name="wilayah-detail"),
    path("riwayat/", views.audit_list, name="audit-list"),
    path("periode/buka/", views.periode_reopen_view, name="periode-reopen"),
    path("", include("villages.urls")),
    path("", include("poktan.urls")),
    path("", include("interventions.urls")),
    path("", include("reports.urls")),
    path("admin/", admin.site.urls),
]

handler403 = "kampungkb.views.error_403"
handler404 = "kampungkb.views.error_404"
handler500 = "kampungkb.views.error_500"
