"""Models shared by every app: the user with role and scope, the audit log,
and the reporting-period configuration."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from kampungkb.scoping import ScopedQuerySet
from kampungkb.telepon import HP_HELP, validate_hp


class Role(models.TextChoices):
    KADER = "kader", _("Kader desa")
    PETUGAS_KECAMATAN = "petugas_kecamatan", _("Petugas kecamatan (PKB/PLKB)")
    OPD_KABUPATEN = "opd_kabupaten", _("OPD kabupaten (Dinas PPKB)")
    OPD_LINTAS_SEKTOR = "opd_lintas_sektor", _("OPD lintas sektor")
    PIMPINAN = "pimpinan", _("Pimpinan")
    ADMIN = "admin", _("Admin")


# Region level (1 provinsi … 4 desa) each role's scope must have at least;
# "at least" lets a pimpinan of a province or BKKBN see wider than a kabupaten.
ROLE_SCOPE_LEVEL = {
    Role.KADER: 4,
    Role.PETUGAS_KECAMATAN: 3,
    Role.OPD_KABUPATEN: 2,
    Role.OPD_LINTAS_SEKTOR: 2,
    Role.PIMPINAN: 2,
}
READ_ONLY_ROLES = {Role.PIMPINAN}


class UserQuerySet(ScopedQuerySet):
    scope_path = "wilayah__kode"


class PortalUserManager(UserManager.from_queryset(UserQuerySet)):
    pass


class User(AbstractUser):
    """A portal account: one role, scoped to one Kemendagri region."""

    role = models.CharField(_("peran"), max_length=32, choices=Role.choices, default=Role.KADER)
    wilayah = models.ForeignKey(
        "villages.Wilayah",
        verbose_name=_("wilayah tugas"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Kosong hanya untuk admin nasional."),
    )
    instansi = models.ForeignKey(
        "interventions.Instansi",
        verbose_name=_("instansi"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pengguna",
    )
    # Mobile number for reminders (issue 17 §2), stored as +628… (kampungkb/telepon.py);
    # shown only to roles with contact rights (kampungkb/contacts.py).
    telepon = models.CharField(
        _("nomor HP"), max_length=20, blank=True, validators=[validate_hp], help_text=HP_HELP
    )

    objects = PortalUserManager()

    class Meta:
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def has_national_scope(self) -> bool:
        return self.is_superuser or (self.role == Role.ADMIN and not self.wilayah_id)

    @property
    def is_read_only(self) -> bool:
        return self.role in READ_ONLY_ROLES and not self.is_superuser

    def clean(self) -> None:
        super().clean()
        level = ROLE_SCOPE_LEVEL.get(self.role)
        if level is None:
            return
        if not self.wilayah_id:
            raise ValidationError({"wilayah": _("Peran ini wajib punya wilayah tugas.")})
        tingkat = self.wilayah.tingkat
        if self.role in (Role.KADER, Role.PETUGAS_KECAMATAN) and tingkat != level:
            raise ValidationError(
                {
                    "wilayah": _("Wilayah tugas peran ini harus setingkat %(t)s.")
                    % {"t": "desa" if level == 4 else "kecamatan"}
                }
            )
        if tingkat > level:
            raise ValidationError({"wilayah": _("Wilayah tugas terlalu sempit untuk peran ini.")})
        if self.role == Role.OPD_LINTAS_SEKTOR and not self.instansi_id:
            raise ValidationError(
                {"instansi": _("Pengguna lintas sektor wajib terikat satu instansi.")}
            )


class AuditEntry(models.Model):
    """One thing someone did: who, when, what (old → new).

    ``action`` is a namespaced code (``poktan.laporan.submit``); its last part
    picks the verb of the sentence shown under the object."""

    created_at = models.DateTimeField(_("waktu"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_name = models.CharField(max_length=150, blank=True)
    action = models.CharField(max_length=64)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=64)
    object_repr = models.CharField(max_length=255)
    wilayah_kode = models.CharField(max_length=13, blank=True, db_index=True)
    version = models.PositiveIntegerField(null=True, blank=True)
    changes = models.JSONField(default=dict, blank=True)
    note = models.TextField(blank=True)

    objects = models.Manager.from_queryset(
        type("AuditQuerySet", (ScopedQuerySet,), {"scope_path": "wilayah_kode"})
    )()

    class Meta:
        verbose_name = _("catatan audit")
        verbose_name_plural = _("catatan audit")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.action} {self.object_repr}"

    def sentence(self) -> str:
        from kampungkb.audit import sentence

        return sentence(self)


class AturanPeriode(models.Model):
    """Deadline rule for monthly reports, effective from a date (yearly rules are data)."""

    berlaku_mulai = models.DateField(_("berlaku mulai"), unique=True)
    hari_batas = models.PositiveSmallIntegerField(
        _("tanggal batas lapor (bulan berikutnya)"), default=3
    )
    hari_kunci = models.PositiveSmallIntegerField(_("dikunci … hari setelah batas"), default=10)

    class Meta:
        verbose_name = _("aturan periode")
        verbose_name_plural = _("aturan periode")
        ordering = ["-berlaku_mulai"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hari_batas__gte=1, hari_batas__lte=28),
                name="aturan_periode_hari_batas_1_28",
            )
        ]

    def __str__(self) -> str:
        return f"{self.berlaku_mulai:%Y-%m}: batas {self.hari_batas}, kunci +{self.hari_kunci}"


class PeriodeBukaQuerySet(ScopedQuerySet):
    scope_path = "desa__kode"


class PeriodeBuka(models.Model):
    """The kabupaten reopened one desa × period after it locked."""

    desa = models.ForeignKey("villages.Wilayah", on_delete=models.CASCADE, related_name="+")
    periode = models.DateField(_("periode"))
    sampai = models.DateField(_("dibuka sampai"))
    alasan = models.CharField(_("alasan"), max_length=255, blank=True)
    dibuka_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    dibuka_pada = models.DateTimeField(auto_now=True)

    objects = PeriodeBukaQuerySet.as_manager()

    class Meta:
        verbose_name = _("periode dibuka kembali")
        verbose_name_plural = _("periode dibuka kembali")
        constraints = [
            models.UniqueConstraint(fields=["desa", "periode"], name="periode_buka_unik"),
            models.CheckConstraint(
                condition=models.Q(periode__day=1), name="periode_buka_hari_pertama"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.desa_id} {self.periode:%Y-%m}"


class FormToken(models.Model):
    """A create form's one-time token: a double tap or a resent POST on a flaky
    connection finds its token used and is sent to what the first one made."""

    token = models.UUIDField(primary_key=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    url = models.CharField(max_length=255, blank=True)

    class Meta:
        verbose_name = _("token formulir")
        verbose_name_plural = _("token formulir")

    def __str__(self) -> str:
        return str(self.token)
