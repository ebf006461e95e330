from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from kampungkb import audit
from kampungkb.models import AturanPeriode, AuditEntry, PeriodeBuka, User
from kampungkb.telepon import TeleponField

# Account fields whose changes go to the audit log (never the password hash).
USER_AUDIT_FIELDS = [
    "username",
    "first_name",
    "last_name",
    "email",
    "role",
    "wilayah",
    "instansi",
    "telepon",
    "is_active",
    "is_staff",
    "is_superuser",
]


class _TeleponMixin:
    """The mobile number: 0812…/+62…/62… accepted and stored as +628…, a clear
    message at the field when it is not an Indonesian mobile number."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "telepon" in self.fields:
            model_field = User._meta.get_field("telepon")
            self.fields["telepon"] = TeleponField(label=model_field.verbose_name)


class PenggunaChangeForm(_TeleponMixin, UserChangeForm):
    pass


class PenggunaCreationForm(_TeleponMixin, AdminUserCreationForm):
    pass


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    form = PenggunaChangeForm
    add_form = PenggunaCreationForm
    list_display = ["username", "get_full_name", "role", "wilayah", "instansi", "is_active"]
    list_filter = ["role", "is_active"]
    search_fields = ["username", "first_name", "last_name", "wilayah__nama"]
    autocomplete_fields = ["wilayah"]
    fieldsets = (
        *BaseUserAdmin.fieldsets,
        (_("Peran dan wilayah"), {"fields": ("role", "wilayah", "instansi", "telepon")}),
    )
    # A new account needs its role and scope at once (User.clean checks them).
    add_fieldsets = (
        *BaseUserAdmin.add_fieldsets,
        (_("Peran dan wilayah"), {"fields": ("role", "wilayah", "instansi", "telepon")}),
    )

    def save_model(self, request, obj, form, change):
        """Accounts created or changed here are audited like every service."""
        before = {}
        if change:
            before = audit.snapshot(User.objects.get(pk=obj.pk), USER_AUDIT_FIELDS)
        super().save_model(request, obj, form, change)
        changes = audit.diff(User, before, audit.snapshot(obj, USER_AUDIT_FIELDS))
        if "telepon" in changes:  # the audit log is read widely: no phone numbers (nor raw)
            changes["telepon"] = {"label": changes["telepon"]["label"], "old": "•", "new": "•"}
        if {"password", "password1"} & set(form.changed_data):
            changes["password"] = {"label": gettext_noop("kata sandi"), "old": "•", "new": "•"}
        audit.record(
            actor=request.user,
            action=f"kampungkb.user.{'update' if change else 'create'}",
            obj=obj,
            changes=changes,
            wilayah_kode=obj.wilayah_id or "",
        )


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["created_at", "actor_name", "action", "object_repr", "wilayah_kode"]
    list_filter = ["action"]
    search_fields = ["object_repr", "actor_name", "wilayah_kode"]
    readonly_fields = [f.name for f in AuditEntry._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


admin.site.register(AturanPeriode)
admin.site.register(PeriodeBuka)
