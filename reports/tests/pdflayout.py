"""Test helper: where the boxes of a PDF landed, page by page (WeasyPrint's
own layout, the one the PDF is written from), and the rules a printed
report keeps (issue 12.6):

- a table carried over to another page repeats its header there;
- a short table (``SHORT`` body rows or fewer) is never split;
- the signature block shares its page with the content before it;
- no page but the last is less than half full (no forced break leaving a gap);
- an amount of money is never split over two lines ("Rp" / "1.250.000").
"""

from __future__ import annotations

import re

from weasyprint.formatting_structure import boxes

SHORT = 12
MIN_FILL = 0.6


def layout_of(response):
    """Lay the PDF of a test-client response out again from the context the
    view rendered it with (``base_print.html``)."""
    from reports.pdf import render_document

    assert response["Content-Type"] == "application/pdf"
    context = {}
    for ctx in response.context:  # ContextList: one per rendered template
        for layer in ctx.dicts if hasattr(ctx, "dicts") else [ctx]:
            context.update(layer)
    return render_document(context["body_template"], context)


def _in_flow(page_box):
    """The page's content boxes, without the running header and footer."""
    for child in page_box.children:
        if isinstance(child, boxes.MarginBox):
            continue
        yield child
        if isinstance(child, boxes.ParentBox):
            yield from child.descendants()


def _classes(box) -> set[str]:
    element = getattr(box, "element", None)
    if element is None:
        return set()
    return set((element.get("class") or "").split())


def _text(box) -> str:
    if isinstance(box, boxes.TextBox):
        return box.text
    if isinstance(box, boxes.ParentBox):
        return "".join(_text(c) for c in box.children)
    return ""


def problems(document) -> list[str]:
    found: list[str] = []
    pages = [list(_in_flow(p._page_box)) for p in document.pages]
    found += _table_problems(pages)
    found += _signature_problems(pages)
    found += _fill_problems(document, pages)
    found += _money_problems(pages)
    return found


def _table_problems(pages) -> list[str]:
    fragments: dict[int, list] = {}
    for number, content in enumerate(pages, 1):
        for box in content:
            if isinstance(box, boxes.TableBox):
                fragments.setdefault(id(box.element), []).append((number, box))
    found = []
    for parts in fragments.values():
        if len(parts) < 2:
            continue
        rows = sum(_body_rows(box) for _n, box in parts)
        first_row = _first_row_text(parts[0][1])
        if rows <= SHORT:
            found.append(f"short table split over pages {[n for n, _b in parts]}: {first_row!r}")
        for number, box in parts[1:]:
            if not any(g.is_header for g in box.children if isinstance(g, boxes.TableRowGroupBox)):
                found.append(f"page {number}: table continued without its header: {first_row!r}")
    return found


def _body_rows(table) -> int:
    return sum(
        len(group.children)
        for group in table.children
        if isinstance(group, boxes.TableRowGroupBox) and not group.is_header
    )


def _first_row_text(table) -> str:
    for group in table.children:
        if isinstance(group, boxes.TableRowGroupBox) and group.children:
            return " ".join(_text(group.children[0]).split())[:60]
    return ""


def _signature_problems(pages) -> list[str]:
    for number, content in enumerate(pages, 1):
        signature = [b for b in content if "tandatangan" in _classes(b)]
        if not signature:
            continue
        inside = {id(b) for b in signature[0].descendants()}
        others = [
            b
            for b in content
            if isinstance(b, boxes.TextBox) and id(b) not in inside and b.text.strip()
        ]
        if not others:
            return [f"page {number}: the signature block stands alone"]
    return []


def _fill_problems(document, pages) -> list[str]:
    found = []
    for number, (page, content) in enumerate(zip(document.pages, pages, strict=True), 1):
        if number == len(pages):
            break
        box = page._page_box
        top = box.content_box_y()
        height = box.height
        bottom = max(
            (b.position_y + b.margin_height() for b in content if isinstance(b, boxes.LineBox)),
            default=top,
        )
        fill = (bottom - top) / height
        if fill < MIN_FILL:
            found.append(f"page {number} is only {fill:.0%} full")
    return found


def _money_problems(pages) -> list[str]:
    found = []
    for number, content in enumerate(pages, 1):
        split = [
            b for b in content if isinstance(b, boxes.LineBox) and re.search(r"\bRp\s*$", _text(b))
        ]
        if split:
            found.append(f"page {number}: {len(split)} amount(s) split after 'Rp'")
    return found
