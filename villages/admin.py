from django.contrib import admin

from villages.models import (
    AnggotaPokja,
    KampungKB,
    KkbpkKampung,
    KlasifikasiPeriode,
    PendudukKampung,
    Pokja,
    ProfilKampung,
    Wilayah,
)


@admin.register(Wilayah)
class WilayahAdmin(admin.ModelAdmin):
    list_display = ["kode", "nama", "tingkat"]
    list_filter = ["tingkat"]
    search_fields = ["kode", "nama"]
    raw_id_fields = ["induk"]


@admin.register(KampungKB)
class KampungKBAdmin(admin.ModelAdmin):
    list_display = ["nama", "desa", "tanggal_pencanangan", "kelas", "percontohan_kabupaten"]
    list_filter = ["kelas", "percontohan_kabupaten", "percontohan_provinsi"]
    search_fields = ["nama", "desa__nama", "desa__kode"]
    raw_id_fields = ["desa"]


class AnggotaInline(admin.TabularInline):
    model = AnggotaPokja
    extra = 0


@admin.register(Pokja)
class PokjaAdmin(admin.ModelAdmin):
    list_display = ["kampung", "sk_nomor", "sk_tanggal", "version"]
    raw_id_fields = ["kampung"]
    inlines = [AnggotaInline]


class SnapshotAdmin(admin.ModelAdmin):
    """History rows are written by services only (versions, audit, class)."""

    list_display = ["kampung", "periode", "version", "aktif", "dibuat_oleh", "dibuat_pada"]
    list_filter = ["aktif", "periode"]
    search_fields = ["kampung__nama", "kampung__desa__kode"]
    raw_id_fields = ["kampung"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


for _model in (ProfilKampung, PendudukKampung, KkbpkKampung):
    admin.site.register(_model, SnapshotAdmin)


@admin.register(KlasifikasiPeriode)
class KlasifikasiPeriodeAdmin(SnapshotAdmin):
    list_display = ["kampung", "periode", "kelas", "indeks_input", "indeks_proses", "indeks_output"]
    list_filter = ["kelas", "periode"]
