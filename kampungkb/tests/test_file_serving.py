"""Every view that answers with a stored file goes through
``kampungkb.files.serve_file``, and a file missing from disk (a restore
without media, a manual clean-up) is 404 on every one of them, never a 500.

The views are found in the URL conf (any view whose source calls
``serve_file``); a new file view without a case below fails."""

import datetime as dt
import inspect
import uuid

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from conftest import PONDOK_BATU
from interventions.tests import factories as f
from kampungkb.domain import JenisPoktan


def _gone(suffix: str) -> str:
    """A storage name whose file was stored and then deleted from disk."""
    name = default_storage.save(f"privat/uji-hilang/{uuid.uuid4().hex}{suffix}", ContentFile(b"x"))
    default_storage.delete(name)
    return name


def _kampung_file(field):
    def build(kampung):
        setattr(kampung, field, _gone(".jpg"))
        kampung.save()

    return build


def _pokja_sk(kampung):
    from villages.models import Pokja

    Pokja.objects.create(kampung=kampung, sk_berkas=_gone(".pdf"))


def _profil_rkm(kampung):
    from villages.models import ProfilKampung

    ProfilKampung.objects.create(
        kampung=kampung, periode=dt.date(2024, 1, 1), rkm_berkas=_gone(".pdf")
    )


def _poktan_sk(kampung):
    from poktan.models import Poktan

    poktan = Poktan.objects.create(
        kampung=kampung, jenis=JenisPoktan.BKB, nama="BKB", sk_berkas=_gone(".pdf")
    )
    return reverse("poktan:poktan-sk", args=[poktan.pk])


def _foto_kegiatan(kampung):
    from kampungkb.periods import Periode
    from poktan.models import FotoKegiatan, Laporan, Poktan

    poktan = Poktan.objects.create(kampung=kampung, jenis=JenisPoktan.BKB, nama="BKB")
    periode = Periode.current()
    laporan = Laporan.objects.create(poktan=poktan, periode=periode.first_day)
    foto = FotoKegiatan.objects.create(laporan=laporan, berkas=_gone(".jpg"))
    return reverse("poktan:laporan-foto", args=[poktan.pk, periode, foto.pk])


def _foto(publik):
    def build(kampung):
        obj = f.intervensi(kampung, f.resmi("Dinas Kesehatan"))
        foto = f.foto(obj, 1, publik=publik)
        foto.berkas = _gone(".jpg")
        foto.save()
        return reverse(
            "interventions:foto-publik" if publik else "interventions:foto", args=[foto.pk]
        )

    return build


def _bukti(kampung):
    inovasi = f.inovasi(PONDOK_BATU)
    bukti = f.bukti(inovasi, 1)
    bukti.berkas = _gone(".pdf")
    bukti.save()
    return reverse("interventions:bukti-berkas", args=[inovasi.pk, 1])


def _inovasi_berkas(kampung):
    inovasi = f.inovasi(PONDOK_BATU, berkas_anggaran=_gone(".pdf"))
    return reverse("interventions:inovasi-berkas", args=[inovasi.pk, "anggaran"])


def _berkas(nama):
    return lambda: reverse("villages:kampung-berkas", args=[PONDOK_BATU, nama])


# url name → [(label, build(kampung) → url or None, url when build gives none, public)]
CASES = {
    "villages:kampung-berkas": [
        ("sampul", _kampung_file("foto_sampul"), _berkas("sampul")),
        ("struktur", _kampung_file("struktur_organisasi"), _berkas("struktur")),
        ("sk pokja", _pokja_sk, _berkas("sk")),
        ("rkm", _profil_rkm, _berkas("rkm")),
    ],
    "villages:publik-foto": [
        (
            "sampul publik",
            _kampung_file("foto_sampul"),
            lambda: reverse("villages:publik-foto", args=[PONDOK_BATU]),
        ),
    ],
    "poktan:poktan-sk": [("sk poktan", _poktan_sk, None)],
    "poktan:laporan-foto": [("foto kegiatan", _foto_kegiatan, None)],
    "interventions:foto": [("foto", _foto(False), None)],
    "interventions:foto-publik": [("foto publik", _foto(True), None)],
    "interventions:bukti-berkas": [("bukti", _bukti, None)],
    "interventions:inovasi-berkas": [("berkas inovasi", _inovasi_berkas, None)],
}
# Photo views also serve a resized copy (?w=320), made from the original.
SIZED = {
    "villages:publik-foto",
    "interventions:foto",
    "interventions:foto-publik",
    "poktan:laporan-foto",
}


def file_views() -> set[str]:
    found = set()

    def walk(patterns, namespace):
        for p in patterns:
            if isinstance(p, URLResolver):
                walk(p.url_patterns, p.namespace or namespace)
            elif isinstance(p, URLPattern) and p.name:
                view = inspect.unwrap(p.callback)
                try:
                    source = inspect.getsource(view)
                except (OSError, TypeError):
                    continue
                if "serve_file(" in source:
                    found.add(f"{namespace}:{p.name}" if namespace else p.name)

    walk(get_resolver().url_patterns, None)
    return found


def test_every_file_view_has_a_missing_file_case():
    assert file_views() == set(CASES)


@pytest.mark.parametrize(
    "name,case",
    [(name, case) for name, cases in CASES.items() for case in cases],
    ids=[case[0] for cases in CASES.values() for case in cases],
)
def test_a_file_missing_from_disk_is_404(
    name, case, kampung_pondokbatu, opd_labuhanbatu, client_for, client
):
    _label, build, url_of = case
    url = build(kampung_pondokbatu) or url_of()
    viewer = client if "publik" in name else client_for(opd_labuhanbatu)
    assert viewer.get(url).status_code == 404
    if name in SIZED:
        assert viewer.get(url, {"w": 320}).status_code == 404
