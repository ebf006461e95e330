"""The user's own account page: her mobile number for reminders (issue 17 §2).

Every signed-in user keeps her own number here (the admin keeps everyone's in
Django admin); it reaches only roles with contact rights (kampungkb/contacts.py)
and the reminder links of the completeness page (poktan/pengingat.py)."""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from kampungkb import feedback, services, telepon


class ProfilForm(forms.Form):
    telepon = telepon.TeleponField(label=_("Nomor HP/WhatsApp"))


@login_required
@require_http_methods(["GET", "POST"])
def profil(request):
    if request.method == "POST":
        form = ProfilForm(request.POST)
        if form.is_valid():
            stored = services.user_telepon_save(
                user=request.user, telepon=form.cleaned_data["telepon"], by=request.user
            )
            feedback.saved(request, stored=stored, text=_("Nomor HP tersimpan."))
            return redirect("akun:profil")
    else:
        form = ProfilForm(initial={"telepon": telepon.local(request.user.telepon)})
    return render(request, "kampungkb/profil.html", {"form": form})
