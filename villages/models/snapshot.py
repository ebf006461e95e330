"""Monthly versioned records of one Kampung KB: profile, population, KKBPK, classification."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from kampungkb.scoping import ScopedQuerySet, scoped_queryset
from villages.choices import (
    KELUARGA,
    POKTAN_SLUG,
    RENTANG_USIA,
    Kelas,
    PlkbPengarah,
)

from .kampung import KampungKB, berkas_kampung_path


def kb_label(metode: str):
    """'PUS Menggunakan IUD' / 'Couples using IUD': the method name is official."""
    return format_lazy(_("PUS Menggunakan {metode}"), metode=metode)


def usia_label(template, rentang: str):
    """'Pria 0 - 4 Tahun' from the official band '0 - 4 Tahun', in any language."""
    return format_lazy(template, usia=rentang.removesuffix(" Tahun"))


class SnapshotQuerySet(ScopedQuerySet):
    scope_path = "kampung__desa__kode"

    def aktif(self):
        """The live version of each period (superseded versions are history)."""
        return self.filter(aktif=True)


class Snapshot(models.Model):
    """A versioned record of one Kampung KB for one month (domain.md §1.3).

    Every save adds a row with the next ``version`` of that kampung × periode
    and retires the previous one (``aktif`` False), so the full history stays.
    The current snapshot is the live row of the latest period."""

    kampung = models.ForeignKey(KampungKB, on_delete=models.CASCADE, related_name="+")
    periode = models.DateField(_("periode"))
    version = models.PositiveIntegerField(default=1)
    aktif = models.BooleanField(default=True)
    dibuat_pada = models.DateTimeField(auto_now_add=True)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = SnapshotQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["kampung", "-periode", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["kampung", "periode", "version"], name="%(class)s_versi_unik"
            ),
            models.UniqueConstraint(
                fields=["kampung", "periode"],
                condition=models.Q(aktif=True),
                name="%(class)s_satu_aktif_per_periode",
            ),
            models.CheckConstraint(
                condition=models.Q(periode__day=1), name="%(class)s_periode_hari_pertama"
            ),
        ]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.kampung} {self.periode:%Y-%m} v{self.version}"

    @property
    def audit_wilayah_kode(self) -> str:
        return self.kampung.desa_id


class ProfilKampung(Snapshot):
    """Profil Kampung KB: ownership, funding, pokja, PLKB, regulation, RKM, data use, operations."""

    # Fields holding a contact: masked in history for roles without contact
    # rights (kampungkb.contacts.for_viewer).
    contact_fields = frozenset({"plkb_kontak", "plkb_nip"})

    # Official names (poktan, Sekretariat KKB, Rumah DataKu): the same in every language.
    ada_bkb = models.BooleanField(_("BKB"), default=False)
    ada_bkr = models.BooleanField(_("BKR"), default=False)
    ada_bkl = models.BooleanField(_("BKL"), default=False)
    ada_uppka = models.BooleanField(_("UPPKA"), default=False)
    ada_pik_r = models.BooleanField(_("PIK R"), default=False)
    ada_sekretariat = models.BooleanField(_("Sekretariat KKB"), default=False)
    ada_rumah_dataku = models.BooleanField(_("Rumah Dataku"), default=False)
    sumber_dana = models.JSONField(_("Sumber Dana"), default=list, blank=True)
    pokja_ada = models.BooleanField(_("Kepengurusan/Pokja Kampung KB"), default=False)
    pokja_sk = models.BooleanField(_("SK Pokja Kampung KB"), default=False)
    pokja_jumlah = models.PositiveIntegerField(
        _("Jumlah Anggota Pokja Kampung KB"), null=True, blank=True
    )
    pokja_pelatihan = models.BooleanField(
        _("Pelatihan/Sosialisasi Pengelolaan Kampung KB"), default=False
    )
    pokja_pelatihan_desc = models.TextField(_("keterangan pelatihan/sosialisasi"), blank=True)
    pokja_jumlah_terlatih = models.PositiveIntegerField(
        _("Jumlah anggota pokja terlatih/tersosialisasi"), null=True, blank=True
    )
    plkb_pendamping = models.BooleanField(
        _("PLKB/PKB sebagai pendamping dan pengarah kegiatan"), default=False
    )
    plkb_nip = models.CharField(_("NIP PLKB/PKB"), max_length=18, blank=True)
    plkb_pengarah = models.CharField(
        _("Diarahkan Oleh"), max_length=30, choices=PlkbPengarah.choices, blank=True
    )
    plkb_pengarah_lainnya = models.CharField(_("pengarah lainnya"), max_length=150, blank=True)
    plkb_nama = models.CharField(_("nama pendamping/pengarah"), max_length=150, blank=True)
    plkb_kontak = models.CharField(_("kontak pendamping/pengarah"), max_length=20, blank=True)
    regulasi_ada = models.BooleanField(_("Regulasi"), default=False)
    regulasi = models.JSONField(_("daftar regulasi"), default=list, blank=True)
    rkm_ada = models.BooleanField(_("Rencana Kerja Masyarakat (RKM)"), default=False)
    rkm_berkas = models.FileField(
        _("berkas RKM"), upload_to=berkas_kampung_path, blank=True, max_length=255
    )
    penggunaan_data_ada = models.BooleanField(_("Penggunaan data dalam perencanaan"), default=False)
    penggunaan_data = models.JSONField(_("sumber data"), default=list, blank=True)
    # {operasional: frekuensi} for the items the village runs.
    operasional = models.JSONField(_("Mekanisme Operasional"), default=dict, blank=True)
    frekuensi_lainnya = models.CharField(_("frekuensi lainnya"), max_length=100, blank=True)

    class Meta(Snapshot.Meta):
        verbose_name = _("Profil Kampung KB")
        verbose_name_plural = _("Profil Kampung KB")
        constraints = [
            *Snapshot.Meta.constraints,
            models.CheckConstraint(
                condition=models.Q(pokja_jumlah_terlatih__lte=models.F("pokja_jumlah"))
                | models.Q(pokja_jumlah_terlatih__isnull=True)
                | models.Q(pokja_jumlah__isnull=True),
                name="profil_terlatih_maks_anggota",
            ),
            models.CheckConstraint(
                condition=models.Q(plkb_nip="") | models.Q(plkb_nip__regex=r"^[0-9]{18}$"),
                name="profil_plkb_nip_18_digit",
            ),
        ]

    def poktan_ada(self) -> list[str]:
        from villages.choices import POKTAN_SLUG as slugs

        return [p for p, slug in slugs.items() if getattr(self, f"ada_{slug}")]


class PendudukKampung(Snapshot):
    """Profil Kependudukan: 16 age bands × sex, and the family counts."""

    class Meta(Snapshot.Meta):
        verbose_name = _("Profil Kependudukan")
        verbose_name_plural = _("Profil Kependudukan")

    @property
    def jumlah_jiwa(self) -> int:
        return sum(self.pria) + sum(self.wanita)

    @property
    def pria(self) -> list[int]:
        return [getattr(self, f"pria_{i}") for i in range(len(RENTANG_USIA))]

    @property
    def wanita(self) -> list[int]:
        return [getattr(self, f"wanita_{i}") for i in range(len(RENTANG_USIA))]


# The 32 band columns and the 6 family counts, named after the official seeders.
for _i, _rentang in enumerate(RENTANG_USIA):
    PendudukKampung.add_to_class(
        f"pria_{_i}",
        models.PositiveIntegerField(usia_label(_("Pria {usia} Tahun"), _rentang), default=0),
    )
    PendudukKampung.add_to_class(
        f"wanita_{_i}",
        models.PositiveIntegerField(usia_label(_("Wanita {usia} Tahun"), _rentang), default=0),
    )
for _alias, _nama in KELUARGA.items():
    PendudukKampung.add_to_class(_alias, models.PositiveIntegerField(_nama, default=0))


class KkbpkKampung(Snapshot):
    """Perkembangan KKBPK: poktan participation, PUS by method and by reason, BPJS users."""

    kb_iud = models.PositiveIntegerField(kb_label("IUD"), default=0)
    kb_mow = models.PositiveIntegerField(kb_label("MOW"), default=0)
    kb_mop = models.PositiveIntegerField(kb_label("MOP"), default=0)
    kb_kondom = models.PositiveIntegerField(kb_label("Kondom"), default=0)
    kb_implan = models.PositiveIntegerField(kb_label("Implan"), default=0)
    kb_suntik = models.PositiveIntegerField(kb_label("Suntik"), default=0)
    kb_pil = models.PositiveIntegerField(kb_label("PIL"), default=0)
    non_hamil = models.PositiveIntegerField(_("Karena Hamil"), default=0)
    non_anak_segera = models.PositiveIntegerField(_("Karena Ingin Anak Segera"), default=0)
    non_anak_kemudian = models.PositiveIntegerField(
        _("Ingin Anak Kemudian/Ingin Anak Tunda (IAT)"), default=0
    )
    non_tidak_ingin_anak = models.PositiveIntegerField(_("Tidak Ingin Anak Lagi"), default=0)
    pengguna_bpjs = models.PositiveIntegerField(_("Pengguna BPJS"), default=0)

    class Meta(Snapshot.Meta):
        verbose_name = _("Perkembangan KKBPK")
        verbose_name_plural = _("Perkembangan KKBPK")

    KB_FIELDS = ["kb_iud", "kb_mow", "kb_mop", "kb_kondom", "kb_implan", "kb_suntik", "kb_pil"]
    MKJP_FIELDS = ["kb_iud", "kb_mow", "kb_mop", "kb_implan"]
    NON_FIELDS = ["non_hamil", "non_anak_segera", "non_anak_kemudian", "non_tidak_ingin_anak"]
    UNMET_FIELDS = ["non_anak_kemudian", "non_tidak_ingin_anak"]

    @property
    def peserta_kb(self) -> int:
        return sum(getattr(self, f) for f in self.KB_FIELDS)

    @property
    def peserta_mkjp(self) -> int:
        return sum(getattr(self, f) for f in self.MKJP_FIELDS)

    @property
    def bukan_peserta(self) -> int:
        return sum(getattr(self, f) for f in self.NON_FIELDS)

    @property
    def unmet(self) -> int:
        return sum(getattr(self, f) for f in self.UNMET_FIELDS)

    def ikut(self) -> dict:
        return {p: getattr(self, f"ikut_{slug}") for p, slug in POKTAN_SLUG.items()}


for _poktan, _slug in POKTAN_SLUG.items():
    KkbpkKampung.add_to_class(
        f"ikut_{_slug}",
        models.PositiveIntegerField(
            format_lazy(_("Jumlah keluarga ikut {poktan}"), poktan=_poktan.label), default=0
        ),
    )


class KlasifikasiPeriode(models.Model):
    """The class of one Kampung KB for one month, computed by services on write."""

    kampung = models.ForeignKey(KampungKB, on_delete=models.CASCADE, related_name="klasifikasi")
    periode = models.DateField(_("periode"))
    kelas = models.CharField(_("klasifikasi"), max_length=16, choices=Kelas.choices)
    indeks_input = models.DecimalField(_("indeks input"), max_digits=3, decimal_places=2)
    indeks_proses = models.DecimalField(_("indeks proses"), max_digits=3, decimal_places=2)
    indeks_output = models.DecimalField(_("indeks output"), max_digits=3, decimal_places=2)
    skor = models.JSONField(_("sub-skor"), default=dict)
    # The raw value behind each sub-score (counts, percents), e.g. the lintas-sektor count.
    nilai = models.JSONField(_("nilai"), default=dict)
    dihitung_pada = models.DateTimeField(auto_now=True)

    objects = scoped_queryset("kampung__desa__kode").as_manager()

    class Meta:
        verbose_name = _("klasifikasi per periode")
        verbose_name_plural = _("klasifikasi per periode")
        ordering = ["kampung", "-periode"]
        constraints = [
            models.UniqueConstraint(fields=["kampung", "periode"], name="klasifikasi_unik"),
        ]

    def __str__(self) -> str:
        return f"{self.kampung_id} {self.periode:%Y-%m} {self.kelas}"
