"""Regions (Kemendagri codes) and Kampung KB profiles."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models.functions import Left
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from kampungkb.concurrency import VersionedModel
from kampungkb.scoping import ScopedQuerySet, scoped_queryset
from villages.choices import (
    KELUARGA,
    POKTAN_SLUG,
    RENTANG_USIA,
    CakupanWilayah,
    JabatanPokja,
    KategoriPotensi,
    Kelas,
    Kriteria,
    PlkbPengarah,
)


def kb_label(metode: str):
    """'PUS Menggunakan IUD' / 'Couples using IUD': the method name is official."""
    return format_lazy(_("PUS Menggunakan {metode}"), metode=metode)


def usia_label(template, rentang: str):
    """'Pria 0 - 4 Tahun' from the official band '0 - 4 Tahun', in any language."""
    return format_lazy(template, usia=rentang.removesuffix(" Tahun"))


class Tingkat(models.IntegerChoices):
    PROVINSI = 1, _("Provinsi")
    KABUPATEN = 2, _("Kabupaten/Kota")
    KECAMATAN = 3, _("Kecamatan")
    DESA = 4, _("Desa/Kelurahan")


# Length of a dotted Kemendagri code at each level: 12 / 12.10 / 12.10.09 / 12.10.09.2009
KODE_LENGTH = {1: 2, 2: 5, 3: 8, 4: 13}


def tingkat_of(kode: str) -> int:
    return kode.count(".") + 1


def induk_of(kode: str) -> str | None:
    return kode.rsplit(".", 1)[0] if "." in kode else None


def ancestor_codes_of(kode: str) -> list[str]:
    """'12.10.09.2009' → ['12', '12.10', '12.10.09'] (provinsi first)."""
    parts = kode.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]


class WilayahQuerySet(ScopedQuerySet):
    scope_path = "kode"

    def for_user(self, user):
        """A user sees their own region, everything beneath it and the regions
        above it (for breadcrumbs), but nothing beside it."""
        scoped = super().for_user(user)
        if getattr(user, "is_authenticated", False) and user.wilayah_id:
            ancestors = []
            kode = user.wilayah_id
            while (kode := induk_of(kode)) is not None:
                ancestors.append(kode)
            return scoped | self.filter(kode__in=ancestors)
        return scoped

    def desa(self, kode: str) -> Wilayah | None:
        """The desa/kelurahan with this code in the queryset, or None."""
        return self.filter(kode=kode.strip(), tingkat=Tingkat.DESA).first()

    def children_of(self, kode: str | None):
        if kode is None:
            return self.filter(tingkat=Tingkat.PROVINSI)
        return self.filter(induk_id=kode)


class Wilayah(models.Model):
    """An administrative region keyed by its dotted Kemendagri code (design.md §4.9).

    Never keyed by name: three villages are called Pondok Batu."""

    kode = models.CharField(_("kode Kemendagri"), max_length=13, primary_key=True)
    nama = models.CharField(_("nama"), max_length=120)
    tingkat = models.PositiveSmallIntegerField(_("tingkat"), choices=Tingkat.choices)
    induk = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="anak"
    )

    objects = WilayahQuerySet.as_manager()

    class Meta:
        verbose_name = _("wilayah")
        verbose_name_plural = _("wilayah")
        ordering = ["kode"]
        indexes = [
            models.Index(fields=["tingkat", "kode"]),
            models.Index(fields=["nama"]),
        ]

    def __str__(self) -> str:
        return self.nama

    @property
    def is_desa(self) -> bool:
        """A desa or kelurahan (the level a Kampung KB sits on)."""
        return self.tingkat == Tingkat.DESA

    @property
    def is_kelurahan(self) -> bool:
        # In the desa part DDDD, a leading 1 marks a kelurahan and 2 a desa.
        return self.tingkat == Tingkat.DESA and self.kode.rsplit(".", 1)[-1].startswith("1")

    @property
    def label(self) -> str:
        """'Kec. Bilah Hulu', 'Desa Pondok Batu'; kabupaten names already say it."""
        prefix = {
            Tingkat.KECAMATAN: "Kec.",
            Tingkat.DESA: "Kel." if self.is_kelurahan else "Desa",
        }.get(self.tingkat)
        return f"{prefix} {self.nama}" if prefix else self.nama

    def ancestor_codes(self) -> list[str]:
        return ancestor_codes_of(self.kode)

    def lineage(self) -> list[Wilayah]:
        """Ancestors and self, provinsi first, in one query."""
        return Wilayah.lineage_of(self.kode)

    @staticmethod
    def lineage_of(kode: str) -> list[Wilayah]:
        """The regions from the provinsi down to ``kode``, in one query (the
        codes of the ancestors are read off the code itself)."""
        codes = [*ancestor_codes_of(kode), kode]
        found = {w.kode: w for w in Wilayah.objects.filter(kode__in=codes)}
        return [found[c] for c in codes if c in found]


def berkas_kampung_path(instance, filename: str) -> str:
    """Uploaded files under the desa code; served only through scoped views."""
    kampung = getattr(instance, "kampung", instance)
    return f"kampung/{kampung.desa_id}/{filename}"


class KampungKBQuerySet(ScopedQuerySet):
    scope_path = "desa__kode"


class KampungKB(VersionedModel):
    """One Kampung KB per desa (the official app's unique active desa_id)."""

    desa = models.OneToOneField(
        Wilayah,
        verbose_name=_("desa/kelurahan"),
        on_delete=models.PROTECT,
        related_name="kampung_kb",
        limit_choices_to={"tingkat": Tingkat.DESA},
    )
    nama = models.CharField(_("nama Kampung KB"), max_length=150)
    tanggal_pencanangan = models.DateField(
        _("tanggal pencanangan"),
        validators=[
            MinValueValidator(dt.date(2016, 1, 1), _("Tidak boleh sebelum 1 Januari 2016."))
        ],
    )
    updated_at = models.DateTimeField(auto_now=True)

    cakupan_wilayah = models.CharField(
        _("cakupan wilayah"), max_length=10, choices=CakupanWilayah.choices, blank=True
    )
    gambaran_umum = models.TextField(_("gambaran umum"), blank=True)
    visi = models.TextField(_("visi"), blank=True)
    # Ordered lists of sentences, kept in the order the village wrote them.
    misi = models.JSONField(_("misi"), default=list, blank=True)
    faktor_pendukung = models.JSONField(_("faktor pendukung"), default=list, blank=True)
    faktor_penghambat = models.JSONField(_("faktor penghambat"), default=list, blank=True)
    kriteria = models.JSONField(_("kriteria pembentukan"), default=list, blank=True)
    kriteria_lainnya = models.CharField(_("kriteria lainnya"), max_length=255, blank=True)
    foto_sampul = models.ImageField(
        _("foto sampul"), upload_to=berkas_kampung_path, blank=True, max_length=255
    )
    struktur_organisasi = models.ImageField(
        _("bagan struktur badan pengurus"),
        upload_to=berkas_kampung_path,
        blank=True,
        max_length=255,
    )
    latitude = models.DecimalField(
        _("lintang"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("bujur"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    # "Kampung KB percontohan": one model village per kabupaten and per province.
    # The region codes are generated from the desa code so a partial unique
    # index can enforce "at most one" in the database.
    percontohan_kabupaten = models.BooleanField(_("percontohan kabupaten"), default=False)
    percontohan_provinsi = models.BooleanField(_("percontohan provinsi"), default=False)
    kabupaten_kode = models.GeneratedField(
        expression=Left("desa", 5), output_field=models.CharField(max_length=5), db_persist=True
    )
    provinsi_kode = models.GeneratedField(
        expression=Left("desa", 2), output_field=models.CharField(max_length=2), db_persist=True
    )
    # The class of the current snapshots, written by services (lists filter on it).
    kelas = models.CharField(_("klasifikasi"), max_length=16, choices=Kelas.choices, blank=True)
    # What the demo seed invented for this village (keys of kampungkb.contoh.LABELS);
    # pages and PDFs mark them "contoh". Empty for every real Kampung KB.
    contoh = models.JSONField(_("data contoh"), default=list, blank=True)

    objects = KampungKBQuerySet.as_manager()

    class Meta:
        verbose_name = _("Kampung KB")
        verbose_name_plural = _("Kampung KB")
        ordering = ["desa_id"]
        indexes = [
            # The home page's class count of a region reads this index alone
            # (an index-only scan instead of the wide table: 40 → 16 ms nationally).
            models.Index(fields=["desa_id"], include=["kelas"], name="kampungkb_desa_kelas_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(tanggal_pencanangan__gte=dt.date(2016, 1, 1)),
                name="kampung_pencanangan_min_2016",
            ),
            models.UniqueConstraint(
                fields=["kabupaten_kode"],
                condition=models.Q(percontohan_kabupaten=True),
                name="kampung_percontohan_satu_per_kabupaten",
                violation_error_message=_("Kabupaten ini sudah punya Kampung KB percontohan."),
            ),
            models.UniqueConstraint(
                fields=["provinsi_kode"],
                condition=models.Q(percontohan_provinsi=True),
                name="kampung_percontohan_satu_per_provinsi",
                violation_error_message=_("Provinsi ini sudah punya Kampung KB percontohan."),
            ),
            models.CheckConstraint(
                condition=models.Q(latitude__gte=-90, latitude__lte=90)
                | models.Q(latitude__isnull=True),
                name="kampung_latitude_sah",
            ),
            models.CheckConstraint(
                condition=models.Q(longitude__gte=-180, longitude__lte=180)
                | models.Q(longitude__isnull=True),
                name="kampung_longitude_sah",
            ),
        ]

    def __str__(self) -> str:
        return self.nama

    @property
    def audit_wilayah_kode(self) -> str:
        return self.desa_id

    def kriteria_labels(self) -> list[str]:
        """The official descriptions of the ticked kriteria pembentukan."""
        labels = dict(Kriteria.choices)
        texts = [str(labels.get(k, k)) for k in self.kriteria if k != Kriteria.LAINNYA]
        if Kriteria.LAINNYA in self.kriteria and self.kriteria_lainnya:
            texts.append(self.kriteria_lainnya)
        return texts

    def clean(self) -> None:
        if self.desa_id and tingkat_of(self.desa_id) != Tingkat.DESA:
            raise ValidationError({"desa": _("Kampung KB harus berada di desa/kelurahan.")})


# --------------------------------------------------------------------------
# Kampung KB profile (issue 3). KampungKB above keeps its identity fields; the
# profile, pokja, snapshots and classification live below.


class PotensiDesa(models.Model):
    """One potential of the village (a product, a place, an achievement), by category."""

    kampung = models.ForeignKey(KampungKB, on_delete=models.CASCADE, related_name="potensi")
    kategori = models.CharField(_("kategori"), max_length=20, choices=KategoriPotensi.choices)
    nama = models.CharField(_("potensi"), max_length=200)
    urutan = models.PositiveSmallIntegerField(default=0)

    objects = scoped_queryset("kampung__desa__kode").as_manager()

    class Meta:
        verbose_name = _("potensi desa")
        verbose_name_plural = _("potensi desa")
        ordering = ["kampung", "urutan", "id"]

    def __str__(self) -> str:
        return self.nama


class Pokja(VersionedModel):
    """Kelompok Kerja Kampung KB and its SK (usually issued by the Kepala Desa)."""

    kampung = models.OneToOneField(KampungKB, on_delete=models.CASCADE, related_name="pokja")
    sk_nomor = models.CharField(_("nomor SK"), max_length=100, blank=True)
    sk_tanggal = models.DateField(_("tanggal SK"), null=True, blank=True)
    sk_penerbit = models.CharField(
        _("penerbit SK"), max_length=150, blank=True, help_text=_("Mis. Kepala Desa Pondok Batu")
    )
    sk_berkas = models.FileField(
        _("berkas SK"), upload_to=berkas_kampung_path, blank=True, max_length=255
    )
    catatan = models.TextField(_("catatan"), blank=True)

    objects = scoped_queryset("kampung__desa__kode").as_manager()

    class Meta:
        verbose_name = _("Pokja Kampung KB")
        verbose_name_plural = _("Pokja Kampung KB")

    def __str__(self) -> str:
        return str(_("Pokja %(k)s") % {"k": self.kampung})

    @property
    def audit_wilayah_kode(self) -> str:
        return self.kampung.desa_id


class AnggotaPokja(models.Model):
    """A named member; contacts are shown only to logged-in users in scope."""

    pokja = models.ForeignKey(Pokja, on_delete=models.CASCADE, related_name="anggota")
    nama = models.CharField(_("nama"), max_length=150)
    jabatan = models.CharField(_("jabatan"), max_length=40, choices=JabatanPokja.choices)
    terlatih = models.BooleanField(_("sudah dilatih/disosialisasi"), default=False)
    telepon = models.CharField(_("telepon"), max_length=20, blank=True)
    urutan = models.PositiveSmallIntegerField(default=0)

    objects = scoped_queryset("pokja__kampung__desa__kode").as_manager()

    class Meta:
        verbose_name = _("anggota Pokja")
        verbose_name_plural = _("anggota Pokja")
        ordering = ["pokja", "urutan", "id"]

    def __str__(self) -> str:
        return f"{self.nama} ({self.jabatan})"


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
