import re

from django import forms
from django.utils.translation import gettext_lazy as _


class KampungChoiceField(forms.ModelChoiceField):
    """A Kampung KB chosen by id (from a select) or by its desa code (typed into
    the compact text input, or from a link such as ``?kampung=12.10.09.2009``)."""

    def to_python(self, value):
        if isinstance(value, str) and "." in value:
            try:
                return self.queryset.get(desa_id=value.strip())
            except self.queryset.model.DoesNotExist as exc:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice"
                ) from exc
        return super().to_python(value)


class KampungCodesField(forms.ModelMultipleChoiceField):
    """Many Kampung KB typed as desa codes (separated by commas, spaces or new
    lines), for regions with more villages than a checkbox list can carry.

    Each code must be a Kampung KB of the field's (scoped) queryset; unknown
    codes are named in the error, and what was typed is shown again."""

    widget = forms.Textarea(attrs={"rows": 2, "inputmode": "decimal"})
    default_error_messages = {
        "unknown": _("Kode desa ini bukan Kampung KB di wilayah Anda: %(kode)s."),
    }

    @staticmethod
    def codes(value) -> list[str]:
        if value is None:
            return []
        if isinstance(value, str):
            value = re.split(r"[\s,;]+", value)
        return list(dict.fromkeys(str(v).strip() for v in value if str(v).strip()))

    def clean(self, value):
        codes = self.codes(value)
        if not codes:
            if self.required:
                raise forms.ValidationError(self.error_messages["required"], code="required")
            return self.queryset.none()
        found = set(self.queryset.filter(desa_id__in=codes).values_list("desa_id", flat=True))
        unknown = [c for c in codes if c not in found]
        if unknown:
            raise forms.ValidationError(
                self.error_messages["unknown"], code="unknown", params={"kode": ", ".join(unknown)}
            )
        return self.queryset.filter(desa_id__in=codes)

    def prepare_value(self, value):
        if isinstance(value, str):
            return value  # as typed
        if hasattr(value, "desa_id"):
            return value.desa_id
        items = list(value or [])
        ids = [i for i in items if not hasattr(i, "desa_id")]
        by_id = (
            dict(self.queryset.model.objects.filter(pk__in=ids).values_list("pk", "desa_id"))
            if ids
            else {}
        )
        return ", ".join(
            i.desa_id if hasattr(i, "desa_id") else by_id.get(i, str(i)) for i in items
        )

    def has_changed(self, initial, data):
        return set(self.codes(self.prepare_value(initial))) != set(self.codes(data))
