"""Cross-sector agencies, interventions and innovations."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kampungkb.concurrency import VersionedModel
from kampungkb.domain import Sasaran, Seksi, SumberDana
from kampungkb.scoping import ScopedQuerySet


class InstansiQuerySet(ScopedQuerySet):
    scope_path = "kabupaten__kode"

    def for_user(self, user):
        # The 37 official agencies are national (no kabupaten) and visible to all.
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return super().for_user(user) | self.filter(kabupaten__isnull=True)


class Instansi(models.Model):
    """An agency taking part in Kampung KB: one of the 37 official ones
    (``kabupaten`` empty) or a local OPD name of one kabupaten."""

    nama = models.CharField(_("nama instansi"), max_length=150)
    kabupaten = models.ForeignKey(
        "villages.Wilayah",
        verbose_name=_("kabupaten"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    induk = models.ForeignKey(
        "self",
        verbose_name=_("padanan resmi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="lokal",
        help_text=_("Instansi resmi yang dipadankan dengan nama OPD lokal ini."),
    )

    objects = InstansiQuerySet.as_manager()

    class Meta:
        verbose_name = _("instansi")
        verbose_name_plural = _("instansi")
        ordering = ["kabupaten_id", "urutan", "nama"]
        constraints = [
            models.UniqueConstraint(
                fields=["kabupaten", "nama"], name="instansi_unik_per_kabupaten"
            ),
            models.UniqueConstraint(
                fields=["nama"],
                condition=models.Q(kabupaten__isnull=True),
                name="instansi_resmi_unik",
            ),
        ]

    def __str__(self) -> str:
        return self.nama


# --- Inpres 3/2022 activity catalogue (domain.md §1.5) ---------------------


class InpresSasaran(models.Model):
    nomor = models.PositiveSmallIntegerField(_("nomor"), unique=True)
    nama = models.CharField(_("sasaran"), max_length=255)

    class Meta:
        verbose_name = _("sasaran Inpres 3/2022")
        verbose_name_plural = _("sasaran Inpres 3/2022")
        ordering = ["nomor"]

    def __str__(self) -> str:
        return f"{self.nomor}. {self.nama}"


class InpresProgram(models.Model):
    sasaran = models.ForeignKey(
        InpresSasaran, verbose_name=_("sasaran"), on_delete=models.CASCADE, related_name="program"
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    nama = models.CharField(_("program"), max_length=255)

    class Meta:
        verbose_name = _("program Inpres 3/2022")
        verbose_name_plural = _("program Inpres 3/2022")
        ordering = ["sasaran__nomor", "urutan"]
        constraints = [
            models.UniqueConstraint(fields=["sasaran", "nama"], name="inpres_program_unik")
        ]

    def __str__(self) -> str:
        return self.nama


class InpresKegiatan(models.Model):
    program = models.ForeignKey(
        InpresProgram, verbose_name=_("program"), on_delete=models.CASCADE, related_name="kegiatan"
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    nama = models.CharField(_("kegiatan"), max_length=255)
    indikator = models.TextField(_("indikator"), blank=True)
    penanggung_jawab = models.CharField(_("penanggung jawab"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("kegiatan Inpres 3/2022")
        verbose_name_plural = _("kegiatan Inpres 3/2022")
        ordering = ["program__sasaran__nomor", "program__urutan", "urutan"]
        constraints = [
            models.UniqueConstraint(fields=["program", "nama"], name="inpres_kegiatan_unik")
        ]

    def __str__(self) -> str:
        return self.nama


# --- Intervensi (domain.md §1.2 new_intervensi) ------------------------------


class JenisIntervensi(models.TextChoices):
    """JenisPostSeeder: 1 Sebelum - Sesudah, 2 Kegiatan."""

    SEBELUM_SESUDAH = "Sebelum - Sesudah", _("Sebelum - Sesudah")
    KEGIATAN = "Kegiatan", _("Kegiatan")


class StatusIntervensi(models.TextChoices):
    RENCANA = "rencana", _("Rencana")
    BERJALAN = "berjalan", _("Berjalan")
    SELESAI = "selesai", _("Selesai")


class IntervensiQuerySet(ScopedQuerySet):
    scope_path = "kampung__desa__kode"


class Intervensi(VersionedModel):
    """One activity an agency carried out in a Kampung KB (the village news feed)."""

    kampung = models.ForeignKey(
        "villages.KampungKB",
        verbose_name=_("Kampung KB"),
        on_delete=models.PROTECT,
        related_name="intervensi",
    )
    judul = models.CharField(_("judul"), max_length=200)
    tanggal = models.DateField(_("tanggal"))
    tempat = models.CharField(_("tempat"), max_length=200)
    deskripsi = models.TextField(_("deskripsi"))
    jenis = models.CharField(
        _("jenis"), max_length=20, choices=JenisIntervensi.choices, default=JenisIntervensi.KEGIATAN
    )
    seksi = models.CharField(_("seksi"), max_length=30, choices=Seksi.choices)
    sasaran = models.JSONField(_("sasaran"), default=list, blank=True)
    sasaran_lainnya = models.CharField(_("sasaran lainnya"), max_length=200, blank=True)
    instansi = models.ManyToManyField(
        Instansi, verbose_name=_("instansi"), related_name="intervensi", blank=True
    )
    instansi_lainnya = models.CharField(_("instansi lainnya"), max_length=200, blank=True)
    inpres_kegiatan = models.ForeignKey(
        InpresKegiatan,
        verbose_name=_("kegiatan Inpres 3/2022"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="intervensi",
    )
    target_poktan = models.JSONField(_("poktan sasaran"), default=list, blank=True)
    sumber_dana = models.CharField(
        _("sumber dana"), max_length=40, choices=SumberDana.choices, blank=True
    )
    anggaran = models.PositiveBigIntegerField(_("anggaran (Rp)"), null=True, blank=True)
    penerima_manfaat = models.PositiveIntegerField(
        _("jumlah penerima manfaat"), null=True, blank=True
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=StatusIntervensi.choices,
        default=StatusIntervensi.SELESAI,
    )
    instansi_pemilik = models.ForeignKey(
        Instansi,
        verbose_name=_("instansi pencatat"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="intervensi_dicatat",
        help_text=_("Instansi yang mencatat; hanya instansi ini yang boleh mengubah."),
    )
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dicatat oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)

    objects = IntervensiQuerySet.as_manager()

    class Meta:
        verbose_name = _("intervensi")
        verbose_name_plural = _("intervensi")
        ordering = ["-tanggal", "-id"]
        indexes = [
            models.Index(fields=["kampung", "-tanggal"]),
            # The list's default order: a page of the national/provincial list
            # reads 25 rows instead of sorting every intervention (issue 7).
            models.Index(fields=["-tanggal", "-id"], name="intervensi_tanggal_id_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(tanggal__gte=dt.date(2016, 1, 1)),
                name="intervensi_tanggal_min_2016",
            ),
        ]

    def __str__(self) -> str:
        return self.judul

    @property
    def audit_wilayah_kode(self) -> str:
        return self.kampung.desa_id

    def sasaran_labels(self) -> list[str]:
        """The stored codes as the reader's language shows them."""
        labels = dict(Sasaran.choices)
        return [str(labels.get(s, s)) for s in self.sasaran]


class TipeFoto(models.TextChoices):
    """IntervensiGambarTypeSeeder: Kegiatan (jenis 2); Sebelum, Sesudah (jenis 1)."""

    KEGIATAN = "Kegiatan", _("Kegiatan")
    SEBELUM = "Sebelum", _("Sebelum")
    SESUDAH = "Sesudah", _("Sesudah")


MAKS_FOTO = 5


def foto_path(instance: FotoIntervensi, filename: str) -> str:
    # Under MEDIA_ROOT, which no URL serves: the scoped view reads it.
    return f"privat/intervensi/{instance.intervensi_id}/{filename}"


class FotoIntervensiQuerySet(ScopedQuerySet):
    scope_path = "intervensi__kampung__desa__kode"


class FotoIntervensi(models.Model):
    intervensi = models.ForeignKey(
        Intervensi, verbose_name=_("intervensi"), on_delete=models.CASCADE, related_name="foto"
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"))
    berkas = models.FileField(_("berkas"), upload_to=foto_path, max_length=255)
    keterangan = models.CharField(_("keterangan foto"), max_length=200, blank=True)
    tipe = models.CharField(
        _("tipe foto"), max_length=10, choices=TipeFoto.choices, default=TipeFoto.KEGIATAN
    )
    publik = models.BooleanField(
        _("boleh tampil di halaman publik"),
        default=False,
        help_text=_("Jangan centang bila foto memperlihatkan wajah anak atau data pribadi."),
    )
    lebar = models.PositiveIntegerField(default=0)
    tinggi = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = FotoIntervensiQuerySet.as_manager()

    class Meta:
        verbose_name = _("foto intervensi")
        verbose_name_plural = _("foto intervensi")
        ordering = ["intervensi_id", "urutan"]
        constraints = [
            # At most MAKS_FOTO photos: the slot number is 1..5 and unique.
            models.UniqueConstraint(fields=["intervensi", "urutan"], name="foto_urutan_unik"),
            models.CheckConstraint(
                condition=models.Q(urutan__gte=1, urutan__lte=MAKS_FOTO), name="foto_maks_5"
            ),
        ]

    def __str__(self) -> str:
        return self.keterangan or f"{self.intervensi} #{self.urutan}"

    @property
    def audit_wilayah_kode(self) -> str:
        return self.intervensi.kampung.desa_id


# --- Inovasi daerah (domain.md §4.2) ----------------------------------------


class Tahapan(models.TextChoices):
    INISIATIF = "Inisiatif", "Inisiatif"
    UJI_COBA = "Uji Coba", "Uji Coba"
    PENERAPAN = "Penerapan", "Penerapan"


class Inisiator(models.TextChoices):
    """PP 38/2017."""

    KEPALA_DAERAH = "Kepala Daerah", "Kepala Daerah"
    ANGGOTA_DPRD = "Anggota DPRD", "Anggota DPRD"
    OPD = "OPD", "OPD"
    ASN = "ASN", "ASN"
    MASYARAKAT = "Masyarakat", "Masyarakat"


class JenisInovasi(models.TextChoices):
    DIGITAL = "Digital", "Digital"
    NON_DIGITAL = "Non Digital", "Non Digital"


class BentukInovasi(models.TextChoices):
    LAINNYA = (
        "Inovasi Daerah lainnya sesuai Urusan Pemerintahan yang menjadi kewenangan Daerah",
        "Inovasi Daerah lainnya sesuai Urusan Pemerintahan yang menjadi kewenangan Daerah",
    )
    PELAYANAN_PUBLIK = "Inovasi Pelayanan Publik", "Inovasi Pelayanan Publik"
    TATA_KELOLA = (
        "Inovasi Tata Kelola Pemerintahan Daerah",
        "Inovasi Tata Kelola Pemerintahan Daerah",
    )


class KlasifikasiInovasi(models.TextChoices):
    """2025 form (third-party source, domain.md §4.2); optional."""

    PERANGKAT_DAERAH = "Inovasi Perangkat Daerah", "Inovasi Perangkat Daerah"
    DESA = "Inovasi Desa", "Inovasi Desa"
    MASYARAKAT = "Inovasi Masyarakat", "Inovasi Masyarakat"


# The 38 urusan pemerintahan of the IID form (domain.md §4.5), in order.
URUSAN = [
    "Pendidikan",
    "Kesehatan",
    "Pekerjaan umum dan penataan ruang",
    "Perumahan rakyat dan kawasan permukiman",
    "Ketenteraman, ketertiban umum, dan perlindungan masyarakat",
    "Sosial",
    "Tenaga kerja",
    "Pemberdayaan perempuan dan perlindungan anak",
    "Pangan",
    "Pertanahan",
    "Lingkungan hidup",
    "Administrasi kependudukan dan pencatatan sipil",
    "Pemberdayaan masyarakat dan desa",
    "Pengendalian penduduk dan keluarga berencana",
    "Perhubungan",
    "Komunikasi dan informatika",
    "Koperasi, UKM",
    "Penanaman modal",
    "Kepemudaan dan olahraga",
    "Statistik",
    "Persandian",
    "Kebudayaan",
    "Perpustakaan",
    "Kearsipan",
    "Kelautan dan perikanan",
    "Pariwisata",
    "Pertanian",
    "Kehutanan",
    "ESDM",
    "Perdagangan",
    "Perindustrian",
    "Transmigrasi",
    "Perencanaan",
    "Keuangan",
    "Kepegawaian",
    "Pendidikan dan pelatihan",
    "Penelitian dan pengembangan",
    "Fungsi lain sesuai ketentuan peraturan perundang-undangan",
]
URUSAN_CHOICES = [(u, u) for u in URUSAN]


class TahunIID(models.Model):
    """One year's IID configuration (indicators, parameters, bands, tematik)."""

    tahun = models.PositiveSmallIntegerField(_("tahun"), unique=True)
    keterangan = models.CharField(_("keterangan"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("konfigurasi IID tahunan")
        verbose_name_plural = _("konfigurasi IID tahunan")
        ordering = ["-tahun"]

    def __str__(self) -> str:
        return f"IID {self.tahun}"


class TematikIID(models.Model):
    tahun = models.ForeignKey(TahunIID, on_delete=models.CASCADE, related_name="tematik")
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    nama = models.CharField(_("tematik"), max_length=150)

    class Meta:
        verbose_name = _("tematik IID")
        verbose_name_plural = _("tematik IID")
        ordering = ["tahun__tahun", "urutan"]
        constraints = [models.UniqueConstraint(fields=["tahun", "nama"], name="tematik_unik")]

    def __str__(self) -> str:
        return self.nama


class IndikatorIID(models.Model):
    tahun = models.ForeignKey(TahunIID, on_delete=models.CASCADE, related_name="indikator")
    nomor = models.PositiveSmallIntegerField(_("nomor"))
    nama = models.CharField(_("indikator"), max_length=150)
    bukti = models.TextField(_("data pendukung yang diminta"))
    jenis_berkas = models.CharField(
        _("jenis berkas yang diterima"),
        max_length=60,
        default="pdf",
        help_text=_("Ekstensi dipisah koma, mis. pdf,jpg,png."),
    )

    class Meta:
        verbose_name = _("indikator IID")
        verbose_name_plural = _("indikator IID")
        ordering = ["tahun__tahun", "nomor"]
        constraints = [
            models.UniqueConstraint(fields=["tahun", "nomor"], name="indikator_iid_unik")
        ]

    def __str__(self) -> str:
        return f"{self.nomor}. {self.nama}"

    @property
    def ekstensi(self) -> list[str]:
        return [e.strip().lower() for e in self.jenis_berkas.split(",") if e.strip()]


class ParameterIID(models.Model):
    indikator = models.ForeignKey(IndikatorIID, on_delete=models.CASCADE, related_name="parameter")
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    nama = models.CharField(_("parameter"), max_length=200)
    bobot = models.DecimalField(_("bobot"), max_digits=5, decimal_places=2)

    class Meta:
        verbose_name = _("parameter IID")
        verbose_name_plural = _("parameter IID")
        ordering = ["indikator_id", "urutan"]
        constraints = [
            models.CheckConstraint(condition=models.Q(bobot__gte=0), name="parameter_bobot_min_0")
        ]

    def __str__(self) -> str:
        return f"{self.nama} ({self.bobot.normalize():f})"


class PredikatIID(models.Model):
    """Predicate band of the index, per year (2023: Sangat Inovatif 60,01–100 …)."""

    tahun = models.ForeignKey(TahunIID, on_delete=models.CASCADE, related_name="predikat")
    nama = models.CharField(_("predikat"), max_length=60)
    batas_bawah = models.DecimalField(_("batas bawah"), max_digits=5, decimal_places=2)
    batas_atas = models.DecimalField(_("batas atas"), max_digits=5, decimal_places=2)

    class Meta:
        verbose_name = _("predikat IID")
        verbose_name_plural = _("predikat IID")
        ordering = ["tahun__tahun", "-batas_bawah"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(batas_atas__gte=models.F("batas_bawah")),
                name="predikat_batas_urut",
            )
        ]

    def __str__(self) -> str:
        return self.nama


class InovasiQuerySet(ScopedQuerySet):
    scope_path = "wilayah__kode"


def berkas_inovasi_path(instance, filename: str) -> str:
    return f"privat/inovasi/{instance.pk or 'baru'}/{filename}"


class Inovasi(VersionedModel):
    """A regional innovation profile ("Profil Inovasi Daerah", domain.md §4.2)."""

    wilayah = models.ForeignKey(
        "villages.Wilayah",
        verbose_name=_("wilayah"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Kabupaten, kecamatan atau desa tempat inovasi diterapkan."),
    )
    nama = models.CharField(_("nama inovasi"), max_length=150)
    kepanjangan = models.CharField(_("kepanjangan nama"), max_length=255, blank=True)
    perangkat_daerah = models.ForeignKey(
        Instansi,
        verbose_name=_("perangkat daerah"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="inovasi",
    )
    uptd = models.CharField(_("UPTD"), max_length=150, blank=True)
    tahapan = models.CharField(_("tahapan inovasi"), max_length=12, choices=Tahapan.choices)
    inisiator = models.CharField(_("inisiator inovasi"), max_length=15, choices=Inisiator.choices)
    nama_inisiator = models.CharField(_("nama inisiator"), max_length=150, blank=True)
    jenis = models.CharField(_("jenis inovasi"), max_length=12, choices=JenisInovasi.choices)
    bentuk = models.CharField(_("bentuk inovasi"), max_length=100, choices=BentukInovasi.choices)
    klasifikasi = models.CharField(
        _("klasifikasi"), max_length=30, choices=KlasifikasiInovasi.choices, blank=True
    )
    tahun_iid = models.ForeignKey(
        TahunIID,
        verbose_name=_("tahun penilaian IID"),
        on_delete=models.PROTECT,
        related_name="inovasi",
    )
    tematik = models.ForeignKey(
        TematikIID,
        verbose_name=_("tematik"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    urusan_utama = models.CharField(_("urusan utama"), max_length=80, choices=URUSAN_CHOICES)
    urusan_lain = models.JSONField(_("urusan lain"), default=list, blank=True)
    waktu_uji_coba = models.DateField(_("waktu uji coba"), null=True, blank=True)
    waktu_implementasi = models.DateField(_("waktu implementasi"), null=True, blank=True)
    rancang_bangun = models.TextField(_("rancang bangun dan pokok perubahan"), blank=True)
    tujuan_umum = models.TextField(_("tujuan umum"), blank=True)
    tujuan_khusus = models.JSONField(_("tujuan khusus"), default=list, blank=True)
    manfaat = models.TextField(_("manfaat inovasi"), blank=True)
    hasil = models.TextField(_("hasil inovasi"), blank=True)
    berkas_anggaran = models.FileField(
        _("berkas anggaran (PDF)"), upload_to=berkas_inovasi_path, blank=True, max_length=255
    )
    berkas_profil_bisnis = models.FileField(
        _("berkas profil bisnis (PDF)"), upload_to=berkas_inovasi_path, blank=True, max_length=255
    )
    video = models.URLField(_("tautan video"), blank=True)
    kampung = models.ManyToManyField(
        "villages.KampungKB", verbose_name=_("Kampung KB"), blank=True, related_name="inovasi"
    )
    intervensi = models.ManyToManyField(
        Intervensi, verbose_name=_("intervensi terkait"), blank=True, related_name="inovasi"
    )
    # Σ stored bobot of evidenced indicators; kept by the services (evidence changes).
    skor_kematangan = models.DecimalField(
        _("skor kematangan"), max_digits=6, decimal_places=2, default=0
    )
    # What the demo seed invented (keys of kampungkb.contoh.LABELS), marked "contoh".
    contoh = models.JSONField(_("data contoh"), default=list, blank=True)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = InovasiQuerySet.as_manager()

    class Meta:
        verbose_name = _("inovasi")
        verbose_name_plural = _("inovasi")
        ordering = ["nama", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(waktu_implementasi__isnull=True)
                | models.Q(waktu_uji_coba__isnull=True)
                | models.Q(waktu_implementasi__gte=models.F("waktu_uji_coba")),
                name="inovasi_implementasi_setelah_uji_coba",
            )
        ]

    def __str__(self) -> str:
        return self.nama

    @property
    def audit_wilayah_kode(self) -> str:
        return self.wilayah_id

    @property
    def judul_lengkap(self) -> str:
        return f"{self.nama} ({self.kepanjangan})" if self.kepanjangan else self.nama


class BuktiIIDQuerySet(ScopedQuerySet):
    scope_path = "inovasi__wilayah__kode"


def bukti_path(instance, filename: str) -> str:
    return f"privat/inovasi/{instance.inovasi_id}/bukti/{filename}"


class BuktiIID(VersionedModel):
    """The parameter chosen for one indicator and its evidence ("data pendukung").

    ``bobot`` is copied from the parameter when chosen, so a later change of
    any year's configuration never changes a stored score."""

    inovasi = models.ForeignKey(Inovasi, on_delete=models.CASCADE, related_name="bukti")
    indikator = models.ForeignKey(
        IndikatorIID, on_delete=models.PROTECT, related_name="bukti_inovasi"
    )
    parameter = models.ForeignKey(
        ParameterIID,
        verbose_name=_("parameter"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    bobot = models.DecimalField(_("bobot"), max_digits=5, decimal_places=2, default=0)
    nomor_surat = models.CharField(_("nomor surat"), max_length=100, blank=True)
    tanggal_surat = models.DateField(_("tanggal surat"), null=True, blank=True)
    tentang = models.CharField(_("tentang"), max_length=255, blank=True)
    berkas = models.FileField(_("dokumen"), upload_to=bukti_path, blank=True, max_length=255)
    # The name the uploader gave, for pages and PDFs only (the stored and served
    # names are the portal's: bukti-<id>.pdf).
    nama_berkas = models.CharField(_("nama dokumen"), max_length=150, blank=True)
    tautan = models.URLField(_("tautan"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = BuktiIIDQuerySet.as_manager()

    class Meta:
        verbose_name = _("data pendukung IID")
        verbose_name_plural = _("data pendukung IID")
        ordering = ["inovasi_id", "indikator__nomor"]
        constraints = [
            models.UniqueConstraint(fields=["inovasi", "indikator"], name="bukti_iid_unik")
        ]

    def __str__(self) -> str:
        return f"{self.inovasi} – {self.indikator}"

    @property
    def audit_wilayah_kode(self) -> str:
        return self.inovasi.wilayah_id

    @property
    def ada_bukti(self) -> bool:
        return bool(self.berkas or self.tautan)


# --- Inovasi unggulan of a Kampung KB ------------------------------------------


class InovasiUnggulanQuerySet(ScopedQuerySet):
    scope_path = "kampung__desa__kode"


class InovasiUnggulan(VersionedModel):
    """A flagship local innovation of a Kampung KB. The contact (ketua, telepon)
    is personal data: only logged-in users in scope see it, never public pages."""

    # Masked in history for roles without contact rights (kampungkb.contacts).
    contact_fields = frozenset({"ketua", "telepon"})

    kampung = models.ForeignKey(
        "villages.KampungKB",
        verbose_name=_("Kampung KB"),
        on_delete=models.CASCADE,
        related_name="inovasi_unggulan",
    )
    nama = models.CharField(_("nama inovasi"), max_length=150)
    singkatan = models.CharField(_("singkatan"), max_length=30, blank=True)
    deskripsi = models.TextField(_("deskripsi"), blank=True)
    inisiator = models.CharField(_("inisiator"), max_length=200)
    sumber_inisiatif = models.CharField(
        _("asal inisiatif"), max_length=15, choices=Inisiator.choices, blank=True
    )
    ketua = models.CharField(_("ketua/narahubung"), max_length=150, blank=True)
    telepon = models.CharField(_("telepon"), max_length=20, blank=True)
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)

    objects = InovasiUnggulanQuerySet.as_manager()

    class Meta:
        verbose_name = _("inovasi unggulan")
        verbose_name_plural = _("inovasi unggulan")
        ordering = ["kampung_id", "urutan", "id"]
        constraints = [
            models.UniqueConstraint(fields=["kampung", "nama"], name="inovasi_unggulan_unik")
        ]

    def __str__(self) -> str:
        return f"{self.nama} ({self.singkatan})" if self.singkatan else self.nama

    @property
    def audit_wilayah_kode(self) -> str:
        return self.kampung.desa_id
