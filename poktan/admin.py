"""Admin: for the national admin's inspection; field work happens in the portal pages."""

from django.contrib import admin

from poktan.models import Anggota, Laporan, Pengurus, Pertemuan, Poktan


class ReadOnly:
    """Changes go through the portal's services (audit, versions, summaries), not here."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class PengurusInline(ReadOnly, admin.TabularInline):
    model = Pengurus
    extra = 0


@admin.register(Poktan)
class PoktanAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["nama", "jenis", "kampung", "aktif", "potensi_tahun"]
    list_filter = ["jenis", "aktif"]
    search_fields = ["nama", "kampung__nama", "kampung__desa__kode"]
    list_select_related = ["kampung"]
    inlines = [PengurusInline]


@admin.register(Anggota)
class AnggotaAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["nama_kepala_keluarga", "poktan", "status_pus", "metode_kb", "aktif"]
    list_filter = ["poktan__jenis", "status_pus", "metode_kb"]
    search_fields = ["nama_kepala_keluarga", "nomor_kk"]
    list_select_related = ["poktan"]


class PertemuanInline(ReadOnly, admin.TabularInline):
    model = Pertemuan
    extra = 0


@admin.register(Laporan)
class LaporanAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["poktan", "periode", "status", "diajukan_pada", "diverifikasi_pada"]
    list_filter = ["status", "poktan__jenis", "periode"]
    list_select_related = ["poktan"]
    inlines = [PertemuanInline]
