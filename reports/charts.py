"""Server-rendered SVG charts: one renderer for the web page and the PDF.

Why hand-written: the charting libraries that emit SVG without a browser
(pygal, matplotlib) either embed <style>/<script> (blocked by our CSP) or are
far heavier than the four shapes we need. Every chart is plain SVG with
presentation attributes only, so it renders in Chromium, on a phone without
JavaScript and in WeasyPrint alike, and carries the data table it was drawn
from (``Chart.headers`` / ``Chart.rows``) for readers and screen readers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import formats
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

WIDTH = 340  # fits a 360 px phone; the SVG scales with its container
FONT = "DejaVu Sans, Arial, sans-serif"
PRIMARY = "#0b6e4f"
PALETTE = ["#0b6e4f", "#0d6efd", "#fd7e14", "#6f42c1", "#d63384", "#20c997", "#6c757d", "#ffc107"]
KELAS_COLORS = {
    "Dasar": "#dc3545",
    "Berkembang": "#ffc107",
    "Mandiri": "#198754",
    "Berkelanjutan": "#0d6efd",
}

Number = int | float | Decimal


def angka(value: Number | None, decimals: int = 0) -> str:
    if value is None:
        return "–"
    return formats.number_format(Decimal(str(value)), decimals, force_grouping=True)


def persen(value: Number | None) -> str:
    return "–" if value is None else f"{angka(value, 1)} %"


@dataclass
class Chart:
    title: str
    svg: SafeString
    headers: list[str]
    rows: list[list[str]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.rows


def _text(x, y, content, size=11, anchor="start", weight="normal", fill="#212529") -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-family="{FONT}" font-size="{size}" '
        f'text-anchor="{anchor}" font-weight="{weight}" fill="{fill}">{escape(content)}</text>'
    )


def _svg(height: float, body: list[str], title: str) -> SafeString:
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0f}" '
        f'width="100%" role="img" aria-label="{escape(title)}" class="kkb-chart">'
        f"<title>{escape(title)}</title>{''.join(body)}</svg>"
    )


def _empty(title: str, headers: list[str]) -> Chart:
    body = [_text(WIDTH / 2, 24, str(_("Belum ada data")), anchor="middle", fill="#6c757d")]
    return Chart(str(title), _svg(36, body, str(title)), headers, [])


def _legend(series: Sequence[tuple[str, str]], y: float) -> tuple[list[str], float]:
    """Legend swatches wrapped over lines; returns the parts and the next free y."""
    parts, x = [], 0.0
    for name, color in series:
        width = 18 + 6.5 * len(name)
        if x + width > WIDTH and x > 0:
            x, y = 0.0, y + 16
        parts.append(f'<rect x="{x:.1f}" y="{y - 9:.1f}" width="10" height="10" fill="{color}"/>')
        parts.append(_text(x + 14, y, name, size=10))
        x += width + 8
    return parts, y + 14


def bar(
    items: Sequence[tuple[str, Number | None]],
    *,
    title: str,
    value_header: str = "",
    fmt: Callable[[Number | None], str] = angka,
    color: str = PRIMARY,
    colors: dict[str, str] | None = None,
    max_value: Number | None = None,
) -> Chart:
    """Horizontal bars, the label above each bar so long names fit a phone."""
    headers = [str(_("Kategori")), str(value_header or _("Jumlah"))]
    items = [(str(label), value) for label, value in items]
    if not items:
        return _empty(title, headers)
    top = max_value or max((float(v or 0) for _l, v in items), default=0) or 1
    body, y = [], 4.0
    for label, value in items:
        body.append(_text(0, y + 11, label, size=11))
        length = (WIDTH - 70) * min(float(value or 0), float(top)) / float(top)
        fill = (colors or {}).get(label, color)
        body.append(
            f'<rect x="0" y="{y + 15:.1f}" width="{max(length, 1):.1f}" height="12" '
            f'rx="2" fill="{fill}"/>'
        )
        body.append(_text(length + 6, y + 25, fmt(value), size=11, weight="bold"))
        y += 34
    rows = [[label, fmt(value)] for label, value in items]
    return Chart(str(title), _svg(y, body, str(title)), headers, rows)


def stacked_bar(
    categories: Sequence[str],
    series: Sequence[tuple[str, str, Sequence[Number]]],
    *,
    title: str,
    fmt: Callable[[Number | None], str] = angka,
) -> Chart:
    """One horizontal bar per category split into the series' shares.

    ``series`` = [(name, colour, values aligned with categories)]."""
    headers = [str(_("Kategori")), *[name for name, _c, _v in series], str(_("Jumlah"))]
    if not categories:
        return _empty(title, headers)
    body, y = _legend([(name, color) for name, color, _v in series], 12)
    totals = [sum(float(s[2][i] or 0) for s in series) for i in range(len(categories))]
    top = max(totals) or 1
    rows = []
    for i, category in enumerate(categories):
        body.append(_text(0, y + 11, category, size=11))
        x = 0.0
        for _name, color, values in series:
            length = (WIDTH - 50) * float(values[i] or 0) / top
            if length > 0:
                body.append(
                    f'<rect x="{x:.1f}" y="{y + 15:.1f}" width="{length:.1f}" height="12" '
                    f'fill="{color}"/>'
                )
            x += length
        body.append(_text(x + 6, y + 25, fmt(totals[i]), size=11, weight="bold"))
        rows.append([category, *[fmt(values[i]) for _n, _c, values in series], fmt(totals[i])])
        y += 34
    return Chart(str(title), _svg(y, body, str(title)), headers, rows)


def line(
    labels: Sequence[str],
    series: Sequence[tuple[str, str, Sequence[Number | None]]],
    *,
    title: str,
    fmt: Callable[[Number | None], str] = angka,
    max_value: Number | None = None,
) -> Chart:
    """Trend over periods (e.g. 12 months); ``None`` values leave a gap."""
    headers = [str(_("Periode")), *[name for name, _c, _v in series]]
    if not labels:
        return _empty(title, headers)
    body, top_y = _legend([(name, color) for name, color, _v in series], 12)
    values = [float(v) for _n, _c, vs in series for v in vs if v is not None]
    top = float(max_value or max(values, default=0) or 1)
    left, right, plot_h = 46.0, WIDTH - 14.0, 120.0
    bottom = top_y + plot_h
    step = (right - left) / max(len(labels) - 1, 1)
    for frac in (0, 0.5, 1):
        gy = bottom - plot_h * frac
        body.append(
            f'<line x1="{left}" y1="{gy:.1f}" x2="{right}" y2="{gy:.1f}" '
            f'stroke="#dee2e6" stroke-width="1"/>'
        )
        body.append(_text(left - 4, gy + 4, fmt(top * frac), size=9, anchor="end"))
    for i, label in enumerate(labels):
        if len(labels) <= 6 or (len(labels) - 1 - i) % 2 == 0:  # always the latest
            body.append(_text(left + i * step, bottom + 14, label, size=9, anchor="middle"))
    for _name, color, vs in series:
        path, pen_down = [], False
        for i, v in enumerate(vs):
            if v is None:
                pen_down = False
                continue
            x, y = left + i * step, bottom - plot_h * float(v) / top
            path.append(f"{'L' if pen_down else 'M'}{x:.1f},{y:.1f}")
            body.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.5" fill="{color}"/>')
            pen_down = True
        if path:
            body.insert(
                0,
                f'<path d="{" ".join(path)}" fill="none" stroke="{color}" stroke-width="2"/>',
            )
    rows = [[label, *[fmt(vs[i]) for _n, _c, vs in series]] for i, label in enumerate(labels)]
    return Chart(str(title), _svg(bottom + 22, body, str(title)), headers, rows)
