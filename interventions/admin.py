from django.contrib import admin, messages
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from interventions.models import (
    IndikatorIID,
    InpresKegiatan,
    InpresProgram,
    InpresSasaran,
    Instansi,
    ParameterIID,
    PredikatIID,
    TahunIID,
    TematikIID,
)


@admin.register(Instansi)
class InstansiAdmin(admin.ModelAdmin):
    list_display = ["nama", "kabupaten", "induk", "urutan"]
    list_filter = [("kabupaten", admin.EmptyFieldListFilter)]
    search_fields = ["nama"]
    raw_id_fields = ["kabupaten"]
    autocomplete_fields = ["induk"]


class InpresKegiatanInline(admin.TabularInline):
    model = InpresKegiatan
    extra = 0


@admin.register(InpresProgram)
class InpresProgramAdmin(admin.ModelAdmin):
    list_display = ["nama", "sasaran", "urutan"]
    inlines = [InpresKegiatanInline]


@admin.register(InpresSasaran)
class InpresSasaranAdmin(admin.ModelAdmin):
    list_display = ["nomor", "nama"]


class ParameterInline(admin.TabularInline):
    model = ParameterIID
    extra = 0


@admin.register(IndikatorIID)
class IndikatorIIDAdmin(admin.ModelAdmin):
    list_display = ["nomor", "nama", "tahun", "jenis_berkas"]
    list_filter = ["tahun"]
    inlines = [ParameterInline]


class IndikatorInline(admin.TabularInline):
    model = IndikatorIID
    extra = 0
    fields = ["nomor", "nama", "jenis_berkas"]
    show_change_link = True


class PredikatInline(admin.TabularInline):
    model = PredikatIID
    extra = 0


class TematikInline(admin.TabularInline):
    model = TematikIID
    extra = 0


@admin.action(description=_("Salin konfigurasi ke tahun berikutnya"))
def salin_ke_tahun_berikutnya(modeladmin, request, queryset):
    """A new year starts as a copy; edit it there, stored scores of other years stay."""
    for tahun in queryset:
        baru = tahun.tahun + 1
        if TahunIID.objects.filter(tahun=baru).exists():
            messages.warning(request, _("Konfigurasi %(t)s sudah ada.") % {"t": baru})
            continue
        with transaction.atomic():
            copy = TahunIID.objects.create(tahun=baru, keterangan=f"Salinan IID {tahun.tahun}")
            for ind in tahun.indikator.prefetch_related("parameter"):
                params = list(ind.parameter.all())
                ind.pk, ind.tahun = None, copy
                ind.save()
                ParameterIID.objects.bulk_create(
                    ParameterIID(indikator=ind, urutan=p.urutan, nama=p.nama, bobot=p.bobot)
                    for p in params
                )
            for p in tahun.predikat.all():
                p.pk, p.tahun = None, copy
                p.save()
            for t in tahun.tematik.all():
                t.pk, t.tahun = None, copy
                t.save()
        messages.success(request, _("Konfigurasi %(t)s dibuat.") % {"t": baru})


@admin.register(TahunIID)
class TahunIIDAdmin(admin.ModelAdmin):
    list_display = ["tahun", "keterangan"]
    inlines = [IndikatorInline, PredikatInline, TematikInline]
    actions = [salin_ke_tahun_berikutnya]
