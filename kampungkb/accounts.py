"""Login and password-change throttling on top of django-axes (issue 13 §8).

Two counts, both in the database so every app server sees them:

- username + address (django-axes, AXES_FAILURE_LIMIT = 5): that pair waits
  15 minutes. A stranger guessing ``kader.<kode>`` from elsewhere locks only
  his own address for that name; the kader logs in from her phone.
- address across usernames (AXES_IP_FAILURE_LIMIT = 20 in 15 minutes): an
  address trying many names is refused for every name, from that address
  only. 20 leaves room for a village office whose kader share one address.

Wrong old passwords on the password-change form count as failed logins of
that user from that address, so the form cannot be used to guess past the
login lock.
"""

from __future__ import annotations

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_client_ip_address
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordChangeForm
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ValidationError
from django.db.models import Sum
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

TOO_MANY = _("Terlalu banyak percobaan kata sandi salah. Coba lagi 15 menit lagi.")


def address_locked(request) -> bool:
    """True when this address failed more than the per-address limit lately."""
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    failures = AccessAttempt.objects.filter(
        ip_address=get_client_ip_address(request), attempt_time__gte=since
    ).aggregate(n=Sum("failures_since_start"))["n"]
    return (failures or 0) >= settings.AXES_IP_FAILURE_LIMIT


def _lockout(request):
    return render(request, settings.AXES_LOCKOUT_TEMPLATE, status=429)


class LoginView(auth_views.LoginView):
    def post(self, request, *args, **kwargs):
        if address_locked(request):
            return _lockout(request)
        return super().post(request, *args, **kwargs)


class ThrottledPasswordChangeForm(PasswordChangeForm):
    def __init__(self, user, *args, request=None, **kwargs):
        self.request = request
        super().__init__(user, *args, **kwargs)

    def clean_old_password(self):
        credentials = {"username": self.user.get_username()}
        if AxesProxyHandler.is_locked(self.request, credentials) or address_locked(self.request):
            raise ValidationError(TOO_MANY, code="throttled")
        try:
            return super().clean_old_password()
        except ValidationError:
            user_login_failed.send(sender=type(self), credentials=credentials, request=self.request)
            raise


class PasswordChangeView(auth_views.PasswordChangeView):
    form_class = ThrottledPasswordChangeForm

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"request": self.request}
