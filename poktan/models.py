"""Family groups (poktan), members and monthly registers (domain.md §2).

A poktan belongs to one Kampung KB (one desa); its K/0 "potensi" card is the
annual data on the poktan row itself, its R/I register is one ``Laporan`` per
(poktan, month).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from kampungkb.concurrency import VersionedModel
from kampungkb.domain import JenisPoktan, Kontrasepsi, NonKontrasepsi, SumberDana
from kampungkb.periods import Periode
from kampungkb.scoping import ScopedQuerySet
from poktan.siga import KemandirianKB, TahapanKS

NOMOR_KK_MESSAGE = _("Nomor KK harus 16 digit angka.")
nomor_kk_validator = RegexValidator(r"^[0-9]{16}$", NOMOR_KK_MESSAGE, code="nomor_kk")


class Keterpaduan(models.TextChoices):
    """BKB integrated with Posyandu and/or PAUD (K/0/BKB "Keterpaduan Kelompok")."""

    TIDAK = "", _("Tidak terpadu")
    POSYANDU = "Posyandu", "Posyandu"
    PAUD = "PAUD", "PAUD"
    POSYANDU_PAUD = "Posyandu dan PAUD", _("Posyandu dan PAUD")


class PoktanQuerySet(ScopedQuerySet):
    scope_path = "kampung__desa__kode"


class Poktan(VersionedModel):
    kampung = models.ForeignKey(
        "villages.KampungKB",
        verbose_name=_("Kampung KB"),
        on_delete=models.PROTECT,
        related_name="poktan",
    )
    jenis = models.CharField(_("jenis poktan"), max_length=8, choices=JenisPoktan.choices)
    nama = models.CharField(_("nama poktan"), max_length=150)
    aktif = models.BooleanField(_("aktif"), default=True)
    # K/0 potensi card, refreshed each January (domain.md §2.1).
    potensi_tahun = models.PositiveSmallIntegerField(_("tahun data potensi"), null=True, blank=True)
    sk_nomor = models.CharField(_("nomor SK pengukuhan"), max_length=100, blank=True)
    sk_tanggal = models.DateField(_("tanggal SK pengukuhan"), null=True, blank=True)
    sk_berkas = models.FileField(
        _("berkas SK pengukuhan"), upload_to="poktan/sk/%Y/", blank=True, max_length=255
    )
    sumber_dana = models.CharField(
        _("sumber dana"), max_length=40, choices=SumberDana.choices, blank=True
    )
    keterpaduan = models.CharField(
        _("keterpaduan"), max_length=20, choices=Keterpaduan.choices, blank=True
    )
    bkb_kit = models.PositiveSmallIntegerField(_("jumlah BKB Kit"), null=True, blank=True)
    jumlah_kka = models.PositiveIntegerField(_("jumlah KKA"), null=True, blank=True)
    jenis_usaha = models.CharField(_("jenis usaha kelompok"), max_length=150, blank=True)
    modal = models.BigIntegerField(_("modal kelompok (Rp)"), null=True, blank=True)
    # K/0/BKB "Sertifikasi Kelompok" and "Total Balita" (empty: not filled in).
    sertifikasi_kelompok = models.BooleanField(_("sertifikasi kelompok"), null=True, blank=True)
    total_balita = models.PositiveIntegerField(_("total balita"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PoktanQuerySet.as_manager()

    class Meta:
        verbose_name = _("poktan")
        verbose_name_plural = _("poktan")
        ordering = ["kampung_id", "jenis", "nama"]
        constraints = [
            models.CheckConstraint(
                condition=Q(modal__gte=0) | Q(modal__isnull=True), name="poktan_modal_nonneg"
            ),
            # Kampung KB began in 2016; no potensi card is older.
            models.CheckConstraint(
                condition=Q(potensi_tahun__gte=2016) | Q(potensi_tahun__isnull=True),
                name="poktan_potensi_tahun_min_2016",
            ),
        ]

    def __str__(self) -> str:
        return self.nama

    @property
    def desa_kode(self) -> str:
        return self.kampung.desa_id

    @property
    def audit_wilayah_kode(self) -> str:
        return self.kampung.desa_id


# What a pengurus row holds, as the form shows it and the service stores it.
PENGURUS_FIELDS = [
    "jabatan",
    "nama",
    "pendidikan",
    "pekerjaan",
    "pernah_pelatihan",
    "status_pus",
    "metode_kb",
    "kontak",
]


class Pengurus(models.Model):
    """Ketua and kader of a poktan (K/0 "Kader" list)."""

    poktan = models.ForeignKey(Poktan, on_delete=models.CASCADE, related_name="pengurus")
    nama = models.CharField(_("nama"), max_length=150)
    jabatan = models.CharField(_("jabatan"), max_length=60)
    pendidikan = models.CharField(_("pendidikan terakhir"), max_length=60, blank=True)
    pernah_pelatihan = models.BooleanField(_("pernah pelatihan"), default=False)
    kontak = models.CharField(_("kontak"), max_length=30, blank=True)
    # K/0 kader list: Pekerjaan, Status PUS, Kesertaan KB (empty: not filled in).
    pekerjaan = models.CharField(_("pekerjaan"), max_length=60, blank=True)
    status_pus = models.BooleanField(_("status PUS"), null=True, blank=True)
    metode_kb = models.CharField(
        _("kesertaan KB (metode)"), max_length=10, choices=Kontrasepsi.choices, blank=True
    )

    class Meta:
        verbose_name = _("pengurus poktan")
        verbose_name_plural = _("pengurus poktan")
        ordering = ["poktan_id", "id"]

    def __str__(self) -> str:
        return f"{self.jabatan}: {self.nama}"


class AnggotaQuerySet(ScopedQuerySet):
    scope_path = "poktan__kampung__desa__kode"

    def aktif(self):
        return self.filter(aktif=True)


class Anggota(VersionedModel):
    """A member family of a poktan (R/I register row)."""

    poktan = models.ForeignKey(Poktan, on_delete=models.CASCADE, related_name="anggota")
    nama_kepala_keluarga = models.CharField(_("nama kepala keluarga"), max_length=150)
    nomor_kk = models.CharField(_("nomor KK"), max_length=16, validators=[nomor_kk_validator])
    status_pus = models.BooleanField(_("pasangan usia subur (PUS)"), default=False)
    metode_kb = models.CharField(
        _("metode KB"),
        max_length=10,
        choices=Kontrasepsi.choices,
        blank=True,
        help_text=_("Kosongkan jika bukan peserta KB."),
    )
    alasan_tidak_kb = models.CharField(
        _("alasan tidak ber-KB"), max_length=20, choices=NonKontrasepsi.choices, blank=True
    )
    # BKB: children by age group (R/I/BKB 0–1 … 5–6 th) and KKA use.
    anak_0_1 = models.PositiveSmallIntegerField(_("anak 0–1 th"), default=0)
    anak_1_2 = models.PositiveSmallIntegerField(_("anak 1–2 th"), default=0)
    anak_2_3 = models.PositiveSmallIntegerField(_("anak 2–3 th"), default=0)
    anak_3_4 = models.PositiveSmallIntegerField(_("anak 3–4 th"), default=0)
    anak_4_5 = models.PositiveSmallIntegerField(_("anak 4–5 th"), default=0)
    anak_5_6 = models.PositiveSmallIntegerField(_("anak 5–6 th"), default=0)
    pakai_kka = models.BooleanField(_("memakai KKA"), default=False)
    jumlah_remaja = models.PositiveSmallIntegerField(_("jumlah remaja"), default=0)
    jumlah_lansia = models.PositiveSmallIntegerField(_("jumlah lansia"), default=0)
    jenis_usaha = models.CharField(_("jenis usaha"), max_length=150, blank=True)
    # SIGA register columns (poktan/siga.py); empty: not filled in.
    tahapan_ks = models.CharField(
        _("tahapan KS"), max_length=8, choices=TahapanKS.choices, blank=True
    )
    kemandirian_kb = models.CharField(
        _("kemandirian KB"),
        max_length=10,
        choices=KemandirianKB.choices,
        blank=True,
        help_text=_("Tempat keluarga mendapat pelayanan KB; hanya untuk peserta KB."),
    )
    jabatan = models.CharField(_("jabatan dalam kelompok"), max_length=60, blank=True)
    modal_diperoleh = models.BigIntegerField(
        _("jumlah modal diperoleh (Rp)"), null=True, blank=True
    )
    aktif = models.BooleanField(_("aktif"), default=True)

    objects = AnggotaQuerySet.as_manager()

    class Meta:
        verbose_name = _("anggota poktan")
        verbose_name_plural = _("anggota poktan")
        ordering = ["poktan_id", "nama_kepala_keluarga", "id"]
        constraints = [
            models.UniqueConstraint(fields=["poktan", "nomor_kk"], name="anggota_kk_unik"),
            models.CheckConstraint(
                condition=Q(nomor_kk__regex=r"^[0-9]{16}$"), name="anggota_kk_16_digit"
            ),
            # A KB user has no reason for not using KB.
            models.CheckConstraint(
                condition=Q(metode_kb="") | Q(alasan_tidak_kb=""), name="anggota_kb_atau_alasan"
            ),
            # Kemandirian KB is where a KB user is served: none without a method.
            models.CheckConstraint(
                condition=Q(kemandirian_kb="") | ~Q(metode_kb=""),
                name="anggota_kemandirian_peserta_kb",
            ),
            models.CheckConstraint(
                condition=Q(tahapan_ks__in=["", *TahapanKS.values]), name="anggota_tahapan_ks_valid"
            ),
            models.CheckConstraint(
                condition=Q(kemandirian_kb__in=["", *KemandirianKB.values]),
                name="anggota_kemandirian_valid",
            ),
            models.CheckConstraint(
                condition=Q(modal_diperoleh__gte=0) | Q(modal_diperoleh__isnull=True),
                name="anggota_modal_diperoleh_nonneg",
            ),
        ]

    def __str__(self) -> str:
        return self.nama_kepala_keluarga

    @property
    def audit_wilayah_kode(self) -> str:
        return self.poktan.kampung.desa_id


class Status(models.TextChoices):
    DRAF = "draf", _("Draf")
    DIAJUKAN = "diajukan", _("Diajukan")
    DIKEMBALIKAN = "dikembalikan", _("Dikembalikan")
    DIVERIFIKASI = "diverifikasi", _("Diverifikasi")


# Register figures per poktan type (domain.md §2.2; issue 4 item 3).
COMMON_FIELDS = ["jumlah_anggota"]
JENIS_FIELDS = {
    JenisPoktan.BKB: ["keluarga_hadir", "anak_dipantau_kka"],
    JenisPoktan.BKR: ["keluarga_hadir"],
    JenisPoktan.BKL: ["keluarga_hadir"],
    JenisPoktan.PIK_R: ["kegiatan_informasi", "kegiatan_konseling", "remaja_terjangkau"],
    JenisPoktan.UPPKA: ["anggota_aktif", "modal", "omzet"],
}
FIGURE_FIELDS = [
    "jumlah_anggota",
    "keluarga_hadir",
    "anak_dipantau_kka",
    "kegiatan_informasi",
    "kegiatan_konseling",
    "remaja_terjangkau",
    "anggota_aktif",
    "modal",
    "omzet",
]


def _nonneg(field: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(**{f"{field}__gte": 0}) | Q(**{f"{field}__isnull": True}),
        name=f"laporan_{field}_nonneg",
    )


def _le_anggota(field: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(**{f"{field}__lte": F("jumlah_anggota")})
        | Q(**{f"{field}__isnull": True})
        | Q(jumlah_anggota__isnull=True),
        name=f"laporan_{field}_le_anggota",
    )


class LaporanQuerySet(ScopedQuerySet):
    scope_path = "poktan__kampung__desa__kode"

    def of(self, periode: Periode):
        return self.filter(periode=periode.first_day)


class Laporan(VersionedModel):
    """The monthly register (R/I) of one poktan for one month."""

    poktan = models.ForeignKey(Poktan, on_delete=models.PROTECT, related_name="laporan")
    periode = models.DateField(_("periode"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAF
    )
    jumlah_anggota = models.IntegerField(_("jumlah keluarga anggota"), null=True, blank=True)
    keluarga_hadir = models.IntegerField(_("keluarga hadir"), null=True, blank=True)
    anak_dipantau_kka = models.IntegerField(_("anak dipantau dengan KKA"), null=True, blank=True)
    kegiatan_informasi = models.IntegerField(
        _("kegiatan informasi/penyuluhan"), null=True, blank=True
    )
    kegiatan_konseling = models.IntegerField(_("konseling"), null=True, blank=True)
    remaja_terjangkau = models.IntegerField(_("remaja terjangkau"), null=True, blank=True)
    anggota_aktif = models.IntegerField(_("anggota aktif"), null=True, blank=True)
    modal = models.BigIntegerField(_("modal (Rp)"), null=True, blank=True)
    omzet = models.BigIntegerField(_("omzet (Rp)"), null=True, blank=True)
    # KB participation of members by method, derived from the member list when saved:
    # {"pus": n, "peserta": n, "IUD": n, …, "tidak_kb": {"hamil": n, …}}.
    kesertaan_kb = models.JSONField(_("kesertaan KB anggota"), default=dict, blank=True)
    # Minutes of the month's penyuluhan (K/0 "Penyuluhan"); optional.
    notulen = models.TextField(_("notulen pertemuan"), blank=True)
    # Member attendance of the month (the R/I register's HADIR/TIDAK column per family).
    anggota_hadir = models.ManyToManyField(
        Anggota, verbose_name=_("keluarga anggota yang hadir"), blank=True, related_name="+"
    )
    catatan = models.TextField(_("catatan pengembalian"), blank=True)
    diajukan_pada = models.DateTimeField(_("diajukan pada"), null=True, blank=True)
    pertama_diajukan_pada = models.DateTimeField(null=True, blank=True, editable=False)
    diverifikasi_pada = models.DateTimeField(_("diverifikasi pada"), null=True, blank=True)
    diverifikasi_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = LaporanQuerySet.as_manager()

    class Meta:
        verbose_name = _("laporan bulanan poktan")
        verbose_name_plural = _("laporan bulanan poktan")
        ordering = ["-periode", "poktan_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["poktan", "periode"], name="laporan_poktan_periode_unik"
            ),
            models.CheckConstraint(condition=Q(periode__day=1), name="laporan_periode_hari_1"),
            *[_nonneg(f) for f in FIGURE_FIELDS],
            _le_anggota("keluarga_hadir"),
            _le_anggota("anggota_aktif"),
        ]
        indexes = [
            models.Index(fields=["status", "periode"]),
            # The verification queue (registers waiting, oldest first) of a
            # region and of the whole country: small partial indexes over the
            # waiting registers only (kabupaten queue 11 → 4 ms nationally).
            models.Index(
                fields=["poktan"], condition=Q(status="diajukan"), name="laporan_antre_poktan_idx"
            ),
            models.Index(
                fields=["diajukan_pada", "id"],
                condition=Q(status="diajukan"),
                name="laporan_antre_waktu_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.poktan} – {self.periode_obj.label}"

    @property
    def periode_obj(self) -> Periode:
        return Periode.of(self.periode)

    @property
    def audit_wilayah_kode(self) -> str:
        return self.poktan.kampung.desa_id

    @property
    def is_verified(self) -> bool:
        return self.status == Status.DIVERIFIKASI

    @property
    def is_editable_state(self) -> bool:
        """Kader may change it (period rules aside): draf or returned."""
        return self.status in (Status.DRAF, Status.DIKEMBALIKAN)

    def figure_fields(self) -> list[str]:
        return COMMON_FIELDS + JENIS_FIELDS[self.poktan.jenis]


class Pertemuan(models.Model):
    """A meeting held in the register's month."""

    laporan = models.ForeignKey(Laporan, on_delete=models.CASCADE, related_name="pertemuan")
    tanggal = models.DateField(_("tanggal"))
    materi = models.CharField(_("materi"), max_length=200)
    narasumber = models.CharField(_("narasumber"), max_length=150, blank=True)
    jumlah_hadir = models.IntegerField(_("jumlah hadir"))
    # K/0 "Penyuluhan: Ada Diskusi"; empty on meetings recorded before it existed.
    ada_diskusi = models.BooleanField(_("ada diskusi"), null=True, blank=True)

    class Meta:
        verbose_name = _("pertemuan")
        verbose_name_plural = _("pertemuan")
        ordering = ["laporan_id", "tanggal", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(jumlah_hadir__gte=0), name="pertemuan_hadir_nonneg"),
        ]

    def __str__(self) -> str:
        return f"{self.tanggal:%Y-%m-%d} {self.materi}"


class ImporAnggota(models.Model):
    """An uploaded member file kept between preview and confirmation.

    Stored in the database (not in memory or a local file) so any app server
    can finish the import; removed once imported or abandoned."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    poktan = models.ForeignKey(Poktan, on_delete=models.CASCADE, related_name="+")
    diunggah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    nama_berkas = models.CharField(max_length=255)
    isi = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("berkas impor anggota")
        verbose_name_plural = _("berkas impor anggota")

    def __str__(self) -> str:
        return self.nama_berkas


from poktan.models_foto import FotoKegiatan  # noqa: E402, F401  (the register's photos)
