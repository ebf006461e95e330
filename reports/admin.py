from django.contrib import admin

from reports.models import Ringkasan, Unduhan


@admin.register(Ringkasan)
class RingkasanAdmin(admin.ModelAdmin):
    """Read-only: rows are computed (manage.py rebuild_summaries rebuilds them)."""

    list_display = ["wilayah", "tingkat", "periode", "jumlah_kampung", "laporan_wajib"]
    list_display += ["laporan_masuk", "pus", "peserta_kb", "diperbarui"]
    list_filter = ["tingkat", "periode"]
    search_fields = ["wilayah__kode", "wilayah__nama"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Unduhan)
class UnduhanAdmin(admin.ModelAdmin):
    list_display = ["judul", "pemilik", "status", "selesai", "total", "created_at"]
    list_filter = ["status", "jenis"]
    exclude = ["isi"]
    readonly_fields = ["galat"]
