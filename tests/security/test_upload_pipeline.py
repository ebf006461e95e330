"""One upload pipeline, one way to serve files (issues 13 §3, 14 §1, 12 §6).

For every file field of every model (listed from the models, so a new field
without a case fails): upload through its form a JPEG carrying GPS EXIF and a
``<script>`` comment under a telling name, then fetch it from every URL that
serves it. The bytes served have neither; the uploader's file name appears in
no URL, no Content-Disposition and no stored path. With the file removed from
disk, every serving URL answers 404 (not 500). Fields that take only PDFs get
a PDF and the same name checks."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.urls import reverse
from PIL import Image

from tests.security.forms import baseline, context_forms, form_fields

pytestmark = pytest.mark.django_db

APPS = ["kampungkb", "villages", "poktan", "interventions", "reports"]
SECRET_NAME = "rumah-bu-siti-GPS"
SCRIPT = b"<script>alert(document.cookie)</script>"


def hostile_jpeg() -> bytes:
    image = Image.new("RGB", (400, 300), (30, 120, 200))
    exif = Image.Exif()
    exif[0x010F] = "KameraRahasia"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (2.0, 30.0, 15.0)  # GPSLatitudeRef, GPSLatitude
    gps[3], gps[4] = "E", (99.0, 50.0, 5.0)
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif, comment=SCRIPT)
    data = out.getvalue()
    # The fixture itself must carry what the pipeline has to remove.
    probe = Image.open(io.BytesIO(data))
    assert probe.getexif().get_ifd(0x8825) and probe.info.get("comment") == SCRIPT
    return data


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def url(name, *args):
    return lambda w: reverse(name, args=[a(w) for a in args])


def kode(w):
    return w.kampung.desa_id


def last_foto(w):
    from interventions.models import FotoIntervensi

    return FotoIntervensi.objects.latest("pk").pk


@dataclass
class FieldCase:
    persona: str
    page: Any
    field: str
    serve: list  # URL builders that serve the stored file
    image: bool = True  # the field accepts images (else a PDF is uploaded)
    post: Any = None
    extra: dict = field(default_factory=dict)
    stored: Any = None  # w -> the FieldFile now stored
    setup: Any = None  # w -> None: what must exist before the page offers the upload


def draft_register(w):
    """This month's register of the poktan as a draft (a meeting photo needs one)."""
    from poktan.models import Laporan, Status

    Laporan.objects.get_or_create(
        poktan=w.poktan, periode=w.periode.first_day, defaults={"status": Status.DRAF}
    )


def last_foto_kegiatan(w):
    from poktan.models_foto import FotoKegiatan

    return FotoKegiatan.objects.latest("pk").pk


def _obj(model_label, **lookup):
    def get(w):
        model = apps.get_model(model_label)
        return model.objects.filter(**{k: v(w) for k, v in lookup.items()}).latest("pk")

    return get


CASES = {
    "villages.KampungKB.foto_sampul": FieldCase(
        "opd_labuhanbatu",
        url("villages:kampung-edit", kode),
        "foto_sampul",
        [
            url("villages:kampung-berkas", kode, lambda w: "sampul"),
            url("villages:publik-foto", kode),
        ],
    ),
    "villages.KampungKB.struktur_organisasi": FieldCase(
        "opd_labuhanbatu",
        url("villages:kampung-edit", kode),
        "struktur_organisasi",
        [url("villages:kampung-berkas", kode, lambda w: "struktur")],
    ),
    "villages.Pokja.sk_berkas": FieldCase(
        "kader_pondokbatu",
        url("villages:pokja-edit", kode),
        "sk_berkas",
        [url("villages:kampung-berkas", kode, lambda w: "sk")],
        # The two empty member rows as a person leaves them (no jabatan chosen).
        extra={"anggota-1-jabatan": None, "anggota-2-jabatan": None},
    ),
    "villages.ProfilKampung.rkm_berkas": FieldCase(
        "kader_pondokbatu",
        url("villages:snapshot-edit", kode, lambda w: "profil", lambda w: str(w.periode)),
        "rkm_berkas",
        [url("villages:kampung-berkas", kode, lambda w: "rkm")],
    ),
    "poktan.Poktan.sk_berkas": FieldCase(
        "opd_labuhanbatu",
        url("poktan:poktan-edit", lambda w: w.poktan.pk),
        "sk_berkas",
        [url("poktan:poktan-sk", lambda w: w.poktan.pk)],
    ),
    "poktan.FotoKegiatan.berkas": FieldCase(
        "kader_pondokbatu",
        url("poktan:laporan-edit", lambda w: w.poktan.pk, lambda w: str(w.periode)),
        "berkas",
        [
            url(
                "poktan:laporan-foto",
                lambda w: w.poktan.pk,
                lambda w: str(w.periode),
                last_foto_kegiatan,
            )
        ],
        post=url("poktan:laporan-foto-add", lambda w: w.poktan.pk, lambda w: str(w.periode)),
        extra={"keterangan": ["Penyuluhan"]},
        setup=draft_register,
    ),
    "interventions.FotoIntervensi.berkas": FieldCase(
        "opd_labuhanbatu",
        url("interventions:intervensi-detail", lambda w: w.intervensi.pk),
        "berkas",
        [url("interventions:foto", last_foto), url("interventions:foto-publik", last_foto)],
        post=url("interventions:foto-add", lambda w: w.intervensi.pk),
        extra={"keterangan": ["Posyandu"], "tipe": ["Kegiatan"], "publik": ["on"]},
    ),
    "interventions.Inovasi.berkas_anggaran": FieldCase(
        "opd_labuhanbatu",
        url("interventions:inovasi-edit", lambda w: w.inovasi.pk),
        "berkas_anggaran",
        [url("interventions:inovasi-berkas", lambda w: w.inovasi.pk, lambda w: "anggaran")],
        image=False,
    ),
    "interventions.Inovasi.berkas_profil_bisnis": FieldCase(
        "opd_labuhanbatu",
        url("interventions:inovasi-edit", lambda w: w.inovasi.pk),
        "berkas_profil_bisnis",
        [url("interventions:inovasi-berkas", lambda w: w.inovasi.pk, lambda w: "profil-bisnis")],
        image=False,
    ),
    # Indicator 4 (Penggunaan IT) takes photos and screenshots as evidence.
    "interventions.BuktiIID.berkas": FieldCase(
        "opd_labuhanbatu",
        url("interventions:bukti-edit", lambda w: w.inovasi.pk, lambda w: 4),
        "berkas",
        [url("interventions:bukti-berkas", lambda w: w.inovasi.pk, lambda w: 4)],
        extra={
            "parameter": lambda w: [
                str(w.inovasi.tahun_iid.indikator.get(nomor=4).parameter.first().pk)
            ]
        },
    ),
}


def file_fields() -> set[str]:
    return {
        f"{label}.{model.__name__}.{f.name}"
        for label in APPS
        for model in apps.get_app_config(label).get_models()
        for f in model._meta.concrete_fields
        if isinstance(f, models.FileField)
    }


def test_every_file_field_has_a_case():
    assert file_fields() == set(CASES), "a file field without a case (or a stale case)"


def _upload(case: FieldCase, sec, client):
    if case.setup is not None:
        case.setup(sec)
    page_url = case.page(sec)
    post_url = (case.post or case.page)(sec)
    page = client.get(page_url)
    assert page.status_code == 200
    data = baseline(form_fields(page.content.decode(), post_url, page_url))
    for key, value in case.extra.items():
        value = value(sec) if callable(value) else value
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    name, content, kind = (
        (f"{SECRET_NAME}.jpg", hostile_jpeg(), "image/jpeg")
        if case.image
        else (f"{SECRET_NAME}.pdf", PDF, "application/pdf")
    )
    response = client.post(post_url, {**data, case.field: SimpleUploadedFile(name, content, kind)})
    errors = []
    if response.status_code != 302:
        errors = [getattr(f, "errors", None) for f in context_forms(response)]
    assert response.status_code == 302, f"upload refused: {response.status_code} {errors}"


def _served(case, sec, client) -> list:
    responses = []
    for build in case.serve:
        served_url = build(sec)
        response = client.get(served_url)
        assert response.status_code == 200, served_url
        assert SECRET_NAME.lower() not in served_url.lower()
        disposition = response.get("Content-Disposition", "")
        assert SECRET_NAME.lower() not in disposition.lower(), disposition
        assert "filename=" in disposition, "the portal names every file it serves"
        responses.append((served_url, b"".join(response.streaming_content)))
    return responses


@pytest.mark.parametrize("key", sorted(CASES))
def test_upload_is_stripped_and_served_under_our_name(key, sec, client_for, media):
    case = CASES[key]
    client = client_for(getattr(sec.personas, case.persona))
    _upload(case, sec, client)
    stored = [p for p in media.rglob("*") if p.is_file() and SECRET_NAME.lower() in p.name.lower()]
    assert not stored, f"stored under the uploader's name: {stored}"
    for served_url, body in _served(case, sec, client):
        if not case.image:
            assert body.startswith(b"%PDF-"), served_url
            continue
        assert SCRIPT not in body and b"<script" not in body, f"{served_url}: comment kept"
        image = Image.open(io.BytesIO(body))
        assert "comment" not in image.info, served_url
        exif = image.getexif()
        assert not exif.get_ifd(0x8825), f"{served_url}: GPS kept"
        assert b"KameraRahasia" not in body, f"{served_url}: EXIF kept"


@pytest.mark.parametrize("key", sorted(CASES))
def test_file_missing_from_disk_answers_404(key, sec, client_for, media):
    case = CASES[key]
    client = client_for(getattr(sec.personas, case.persona))
    _upload(case, sec, client)
    urls = [build(sec) for build in case.serve]
    for path in media.rglob("*"):
        if path.is_file():
            path.unlink()
    for served_url in urls:
        assert client.get(served_url).status_code == 404, served_url


def test_evidence_shows_the_name_the_user_uploaded(sec, client_for, media):
    """Pages show the uploader's name as text; the download gets the portal's name."""
    case = CASES["interventions.BuktiIID.berkas"]
    client = client_for(getattr(sec.personas, case.persona))
    _upload(case, sec, client)
    page = client.get(reverse("interventions:inovasi-bukti", args=[sec.inovasi.pk]))
    assert f"{SECRET_NAME}.jpg" in page.content.decode()
    form_page = client.get(case.page(sec))
    assert f"{SECRET_NAME}.jpg" in form_page.content.decode()
    served = client.get(case.serve[0](sec))
    from interventions.models import BuktiIID

    bukti = BuktiIID.objects.get(inovasi=sec.inovasi, indikator__nomor=4)
    assert f'filename="bukti-{bukti.pk}.jpg"' in served["Content-Disposition"]
