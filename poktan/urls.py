"""Family groups (poktan), members and monthly registers."""

from django.urls import path, register_converter

from kampungkb.periods import Periode
from poktan import (
    views_anggota,
    views_foto,
    views_kelengkapan,
    views_laporan,
    views_pengingat,
    views_poktan,
    views_shortcuts,
    views_verify,
)


class PeriodeConverter:
    """'2026-11' in the URL ↔ Periode; an impossible month is no match (404)."""

    regex = r"[0-9]{4}-[0-9]{2}"

    def to_python(self, value: str) -> Periode:
        return Periode.parse(value)

    def to_url(self, value) -> str:
        return str(value)


register_converter(PeriodeConverter, "poktan_periode")

app_name = "poktan"

urlpatterns = [
    path("poktan/", views_poktan.poktan_list, name="poktan-list"),
    path("poktan/laporan-bulan-ini/", views_laporan.laporan_bulan_ini, name="laporan-bulan-ini"),
    path("poktan/kelengkapan/", views_kelengkapan.kelengkapan, name="kelengkapan"),
    path("poktan/verifikasi/", views_verify.laporan_verify_many, name="laporan-verify-many"),
    path("poktan/tambah/", views_poktan.poktan_create, name="poktan-create"),
    path("poktan/<int:pk>/", views_poktan.poktan_detail, name="poktan-detail"),
    path("poktan/<int:pk>/ubah/", views_poktan.poktan_edit, name="poktan-edit"),
    path("poktan/<int:pk>/sk/", views_poktan.poktan_sk, name="poktan-sk"),
    path(
        "poktan/<int:pk>/laporan/<poktan_periode:periode>/",
        views_laporan.laporan_edit,
        name="laporan-edit",
    ),
    path(
        "poktan/<int:pk>/laporan/<poktan_periode:periode>/ajukan/",
        views_laporan.laporan_submit,
        name="laporan-submit",
    ),
    path(
        "poktan/<int:pk>/laporan/<poktan_periode:periode>/tambah-pertemuan/",
        views_shortcuts.laporan_pertemuan_add,
        name="laporan-pertemuan-add",
    ),
    path(
        "poktan/<int:pk>/laporan/<poktan_periode:periode>/salin-hadir/",
        views_shortcuts.laporan_hadir_copy,
        name="laporan-hadir-copy",
    ),
    path(
        "poktan/<int:pk>/laporan/<poktan_periode:periode>/verifikasi/",
        views_laporan.laporan_verify,
        name="laporan-verify",
    ),
    path(
        "poktan/<int:pk>/laporan/<poktan_periode:periode>/kembalikan/",
        views_laporan.laporan_return,
        name="laporan-return",
    ),
    path(
        "poktan/<int:pk>/laporan/<poktan_periode:periode>/pengingat/<int:kader>/",
        views_pengingat.pengingat_wa,
        name="pengingat-wa",
    ),
    path(
        "poktan/<int:pk>/laporan/<poktan_periode:periode>/foto/",
        views_foto.laporan_foto_add,
        name="laporan-foto-add",
    ),
    path(
        "poktan/<int:pk>/laporan/<poktan_periode:periode>/foto/<int:foto_pk>/",
        views_foto.laporan_foto,
        name="laporan-foto",
    ),
    path(
        "poktan/<int:pk>/laporan/<poktan_periode:periode>/foto/<int:foto_pk>/ganti/",
        views_foto.laporan_foto_replace,
        name="laporan-foto-replace",
    ),
    path(
        "poktan/<int:pk>/laporan/<poktan_periode:periode>/foto/<int:foto_pk>/hapus/",
        views_foto.laporan_foto_delete,
        name="laporan-foto-delete",
    ),
    path("poktan/<int:pk>/anggota/", views_anggota.anggota_list, name="anggota-list"),
    path("poktan/<int:pk>/anggota/tambah/", views_anggota.anggota_create, name="anggota-create"),
    path(
        "poktan/<int:pk>/anggota/<int:anggota_pk>/ubah/",
        views_anggota.anggota_edit,
        name="anggota-edit",
    ),
    path(
        "poktan/<int:pk>/anggota/templat.xlsx",
        views_anggota.anggota_template,
        name="anggota-template",
    ),
    path("poktan/<int:pk>/anggota/impor/", views_anggota.anggota_import, name="anggota-import"),
    path(
        "poktan/<int:pk>/anggota/impor/<uuid:token>/",
        views_anggota.anggota_import_confirm,
        name="anggota-import-confirm",
    ),
]
