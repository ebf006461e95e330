from django import forms


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
