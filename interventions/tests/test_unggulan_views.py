from django.urls import reverse

from interventions.models import BuktiIID, Inovasi, InovasiUnggulan
from interventions.tests import factories as f
from kampungkb.models import AuditEntry


def test_kader_adds_flagship_innovation(client_for, kader_pondokbatu, kampung_pondokbatu):
    url = reverse("interventions:unggulan-create", args=[kampung_pondokbatu.pk])
    data = {
        "nama": "Himpunan Sepuluh Ribu Perbulan",
        "singkatan": "HSP",
        "inisiator": "Kelompok HSP",
        "sumber_inisiatif": "Masyarakat",
        "ketua": "Bapak Aan Syahputra",
        "telepon": "0822-8854-8662",
        "urutan": 1,
    }
    response = client_for(kader_pondokbatu).post(url, data)
    assert response.status_code == 302
    obj = InovasiUnggulan.objects.get()
    assert obj.telepon == "082288548662"
    assert AuditEntry.objects.filter(action="interventions.unggulan.create").exists()


def test_bad_phone_refused_at_field(client_for, kader_pondokbatu, kampung_pondokbatu):
    url = reverse("interventions:unggulan-create", args=[kampung_pondokbatu.pk])
    response = client_for(kader_pondokbatu).post(
        url, {"nama": "Dapur Dhuafa", "inisiator": "Yayasan", "telepon": "telp 12", "urutan": 0}
    )
    assert response.status_code == 200
    assert "Nomor telepon 8–15 angka" in response.content.decode()
    assert 'value="Dapur Dhuafa"' in response.content.decode()


def test_unggulan_edit_conflict(client_for, opd_labuhanbatu, kampung_pondokbatu):
    obj = f.unggulan(kampung_pondokbatu)
    InovasiUnggulan.objects.filter(pk=obj.pk).update(version=5)
    response = client_for(opd_labuhanbatu).post(
        reverse("interventions:unggulan-edit", args=[obj.pk]),
        {"nama": "Dapur Dhuafa Baru", "inisiator": "Yayasan", "urutan": 0, "version": 1},
    )
    assert response.status_code == 200
    assert "sudah diubah orang lain" in response.content.decode()
    obj.refresh_from_db()
    assert obj.nama == "Dapur Dhuafa"


def test_inovasi_edit_conflict_and_audit(client_for, opd_labuhanbatu, kampung_pondokbatu):
    from interventions.tests.test_inovasi_views import _profil

    inovasi = f.inovasi("12.10.09.2009")
    client = client_for(opd_labuhanbatu)
    url = reverse("interventions:inovasi-edit", args=[inovasi.pk])
    data = _profil(kampung_pondokbatu, tahapan="Uji Coba", version=inovasi.version)
    assert client.post(url, data).status_code == 302
    entry = AuditEntry.objects.get(action="interventions.inovasi.update")
    assert entry.changes["tahapan"] == {
        "label": "tahapan inovasi",
        "old": "Penerapan",
        "new": "Uji Coba",
        "raw": ["Penerapan", "Uji Coba"],
    }
    stale = _profil(kampung_pondokbatu, tahapan="Inisiatif", version=1)
    response = client.post(url, stale)
    assert "sudah diubah orang lain" in response.content.decode()
    assert Inovasi.objects.get().tahapan == "Uji Coba"


def test_bukti_edit_conflict(client_for, opd_labuhanbatu, regions):
    inovasi = f.inovasi("12.10.09.2009")
    bukti = f.bukti(inovasi, 2)
    BuktiIID.objects.filter(pk=bukti.pk).update(version=3)
    response = client_for(opd_labuhanbatu).post(
        reverse("interventions:bukti-edit", args=[inovasi.pk, 2]),
        {"parameter": bukti.indikator.parameter.get(urutan=3).pk, "version": 1},
    )
    assert "sudah diubah orang lain" in response.content.decode()
    bukti.refresh_from_db()
    assert bukti.bobot == 2


def test_pimpinan_reads_but_cannot_post(client_for, pimpinan, kampung_pondokbatu):
    obj = f.intervensi(kampung_pondokbatu, f.resmi("Dinas Kesehatan"))
    client = client_for(pimpinan)
    assert client.get(reverse("interventions:intervensi-detail", args=[obj.pk])).status_code == 200
    assert client.post(reverse("interventions:intervensi-create"), {}).status_code == 403
    assert client.post(reverse("interventions:foto-add", args=[obj.pk]), {}).status_code == 403
