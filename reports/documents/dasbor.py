"""The dashboard as XLSX: the region and its children, and every village
behind (the page shows the worst 50), for the same period as the page. The
page itself is ``reports.views.dasbor`` over ``reports.dashboard``."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from reports import dashboard
from reports.access import wilayah_for
from reports.documents.base import Document, register

DASBOR = register(
    Document(
        name="dasbor",
        group="dasbor",
        jenis="dasbor",
        judul=gettext_lazy("Dasbor"),
        subject=wilayah_for,
        context=lambda ask: dashboard.dashboard_context(ask.subject, ask.periode, all_behind=True),
        formats=("xlsx",),
        sheets=dashboard.sheets,
    )
)
