from django.contrib import admin

from interventions.models import Instansi


@admin.register(Instansi)
class InstansiAdmin(admin.ModelAdmin):
    list_display = ["nama", "kabupaten", "urutan"]
    search_fields = ["nama"]
    raw_id_fields = ["kabupaten"]
