"""Profil Inovasi Daerah: the context shared by the HTML preview and the PDF."""

from __future__ import annotations

from pathlib import Path

from django.urls import NoReverseMatch, reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from kampungkb.periods import Periode


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


def nama_berkas(inovasi, periode: Periode | None = None) -> str:
    """'profil-inovasi-kang-mas-mesra-2026-11.pdf'."""
    return f"profil-inovasi-{slugify(inovasi.nama)}-{periode or Periode.current()}.pdf"
