"""Profil Inovasi Daerah: one innovation, previewed and printed (PDF)."""

from __future__ import annotations

from pathlib import Path

from django.urls import NoReverseMatch, reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kampungkb.periods import Periode
from kampungkb.scoping import get_for_user_or_404
from reports.documents.base import Ask, Document, register


def inovasi_context(inovasi, user, *, cetak: bool) -> dict:
    """The interventions app's profile (every field, IID rows, kematangan,
    linked Kampung KB and interventions) plus before/after photos."""
    from interventions import selectors
    from interventions.models import FotoIntervensi, TipeFoto

    profile = selectors.inovasi_profile
    context = profile(inovasi, user)
    intervensi = context["intervensi_list"]
    foto = FotoIntervensi.objects.filter(intervensi__in=[i.pk for i in intervensi]).order_by(
        "intervensi_id", "urutan"
    )
    sets: dict[int, dict] = {}
    for f in foto:
        src = _foto_src(f, cetak)
        if src:
            tipe = {TipeFoto.SEBELUM: "sebelum", TipeFoto.SESUDAH: "sesudah"}.get(
                f.tipe, "kegiatan"
            )
            sets.setdefault(f.intervensi_id, {"sebelum": [], "sesudah": [], "kegiatan": []})[
                tipe
            ].append({"src": src, "keterangan": f.keterangan})
    context["foto_sets"] = [{"intervensi": i, **sets[i.pk]} for i in intervensi if i.pk in sets]
    context["bukti_list"] = [
        b for b in context["kematangan"].baris if b.bukti and (b.bukti.berkas or b.bukti.tautan)
    ]
    for b in context["bukti_list"]:
        b.berkas_nama = (b.bukti.nama_berkas or _("dokumen")) if b.bukti.berkas else ""
    return context


def _foto_src(foto, cetak: bool) -> str:
    if not cetak:
        try:
            return reverse("interventions:foto", args=[foto.pk])
        except NoReverseMatch:  # the scoped photo view has not landed yet
            return ""
    try:
        path = Path(foto.berkas.path)
    except (ValueError, NotImplementedError):
        return ""
    return path.as_uri() if path.is_file() else ""


def nama_berkas(ask: Ask) -> str:
    """'profil-inovasi-kang-mas-mesra-2026-11.pdf' (the month it is printed)."""
    return f"profil-inovasi-{slugify(ask.subject.nama)}-{Periode.current()}.pdf"


def find(user, pk):
    from interventions.models import Inovasi

    return get_for_user_or_404(Inovasi.objects.select_related("wilayah"), user, pk=pk)


PROFIL_INOVASI = register(
    Document(
        name="profil-inovasi",
        group="profil",
        jenis="inovasi",
        judul=gettext_lazy("Profil Inovasi Daerah"),
        subject=find,
        context=lambda ask: inovasi_context(ask.subject, ask.user, cetak=ask.fmt == "pdf"),
        formats=("html", "pdf"),
        template="reports/pdf/_inovasi.html",
        filename=nama_berkas,
        wilayah_of=lambda inovasi: inovasi.wilayah,
        url_names={"pdf": "reports:inovasi-pdf"},
    )
)
