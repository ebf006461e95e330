"""The Kampung KB list filter: choices narrowed to what the user may see."""

import django_filters
from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext_lazy as _

from kampungkb.forms import at_most_limit, code_input
from villages.choices import POKTAN_SLUG, Kelas
from villages.models import KampungKB, ProfilKampung, Tingkat, Wilayah


class KampungFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Cari"), method="filter_q")
    kecamatan = django_filters.ChoiceFilter(label=_("Kecamatan"), method="filter_kecamatan")
    kelas = django_filters.ChoiceFilter(
        label=_("Klasifikasi"),
        choices=[*Kelas.choices, ("belum", _("belum diklasifikasi"))],
        method="filter_kelas",
    )
    poktan = django_filters.ChoiceFilter(
        label=_("Punya poktan"),
        choices=[(slug, p.label) for p, slug in POKTAN_SLUG.items()],
        method="filter_poktan",
    )

    class Meta:
        model = KampungKB
        fields = ["q", "kecamatan", "kelas", "poktan"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        kecamatan = Wilayah.objects.for_user(user).filter(tingkat=Tingkat.KECAMATAN)
        if user is not None and user.wilayah_id and len(user.wilayah_id) > 8:
            kecamatan = kecamatan.none()  # a kader's desa has no kecamatan to choose
        rows = at_most_limit(kecamatan.order_by("nama"))
        if rows is None:
            # A national or provincial user types the code; the scoped queryset
            # keeps any code inside the user's region.
            typed = django_filters.CharFilter(
                field_name="kecamatan",
                label=_("Kecamatan (kode)"),
                method="filter_kecamatan",
                widget=code_input(_("mis. 12.10.09")),
            )
            typed.parent, typed.model = self, KampungKB
            self.filters["kecamatan"] = typed
        else:
            self.filters["kecamatan"].extra["choices"] = [(w.kode, w.label) for w in rows]

    def filter_q(self, queryset, name, value):
        # One branch per index (trigram on each name, the desa code): an OR
        # across the joined tables would scan both tables instead.
        value = value.strip()
        by_name = KampungKB.objects.filter(nama__icontains=value).values("pk")
        by_desa = KampungKB.objects.filter(desa__nama__icontains=value).values("pk")
        by_code = KampungKB.objects.filter(desa_id=value).values("pk")
        return queryset.filter(pk__in=by_name.union(by_desa, by_code))

    def filter_kelas(self, queryset, name, value):
        return queryset.filter(kelas="" if value == "belum" else value)

    def filter_kecamatan(self, queryset, name, value):
        return queryset.in_wilayah(value)

    def filter_poktan(self, queryset, name, value):
        # "Has poktan X" according to the current (latest live) Profil.
        latest = ProfilKampung.objects.filter(kampung=OuterRef("pk"), aktif=True).order_by(
            "-periode"
        )
        return queryset.annotate(_ada=Subquery(latest.values(f"ada_{value}")[:1])).filter(_ada=True)
