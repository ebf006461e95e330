from django.contrib import admin

from villages.models import KampungKB, Wilayah


@admin.register(Wilayah)
class WilayahAdmin(admin.ModelAdmin):
    list_display = ["kode", "nama", "tingkat"]
    list_filter = ["tingkat"]
    search_fields = ["kode", "nama"]
    raw_id_fields = ["induk"]


@admin.register(KampungKB)
class KampungKBAdmin(admin.ModelAdmin):
    list_display = ["nama", "desa", "tanggal_pencanangan"]
    search_fields = ["nama", "desa__nama", "desa__kode"]
    raw_id_fields = ["desa"]
