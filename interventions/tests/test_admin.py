from decimal import Decimal

import pytest
from django.urls import reverse

from interventions.models import IndikatorIID, ParameterIID, PredikatIID, TahunIID


@pytest.mark.django_db
def test_copy_year_configuration(client_for, admin_portal):
    tahun = TahunIID.objects.get(tahun=2023)
    response = client_for(admin_portal).post(
        reverse("admin:interventions_tahuniid_changelist"),
        {"action": "salin_ke_tahun_berikutnya", "_selected_action": [tahun.pk]},
    )
    assert response.status_code == 302
    baru = TahunIID.objects.get(tahun=2024)
    assert IndikatorIID.objects.filter(tahun=baru).count() == 20
    assert PredikatIID.objects.filter(tahun=baru).count() == 4
    # Editing the copy leaves 2023 untouched.
    ParameterIID.objects.filter(indikator__tahun=baru, indikator__nomor=1).update(bobot=1)
    assert ParameterIID.objects.get(
        indikator__tahun=tahun, indikator__nomor=1, urutan=3
    ).bobot == Decimal(9)
