from django.urls import reverse

from interventions.forms import IntervensiForm
from interventions.models import Instansi
from interventions.tests import factories as f


def test_opd_adds_local_name_matched_to_official(
    client_for, opd_labuhanbatu, opd_kabupaten_lain, opd_kesehatan
):
    dkp = f.resmi("Dinas Kelautan dan Perikanan")
    client = client_for(opd_labuhanbatu)
    url = reverse("interventions:instansi-create")
    response = client.post(url, {"nama": "  Dinas   Perikanan ", "induk": dkp.pk})
    assert response.status_code == 302
    lokal = Instansi.objects.get(nama="Dinas Perikanan")
    assert (lokal.kabupaten_id, lokal.induk) == ("12.10", dkp)

    again = client.post(url, {"nama": "dinas perikanan", "induk": dkp.pk})
    assert "sudah ada di daftar instansi" in again.content.decode()
    official = client.post(url, {"nama": "Dinas Kesehatan", "induk": dkp.pk})
    assert "sudah ada di daftar instansi" in official.content.decode()

    # Offered to users of Labuhanbatu, not to another kabupaten.
    assert lokal in IntervensiForm(user=opd_kesehatan).fields["instansi"].queryset
    assert lokal not in IntervensiForm(user=opd_kabupaten_lain).fields["instansi"].queryset
    listing = client_for(opd_kabupaten_lain).get(reverse("interventions:instansi-list"))
    assert "Dinas Perikanan" not in listing.content.decode()
