"""Rich text for the innovation's rancang bangun, typed on a phone without an editor.

The text is Markdown (blank line = new paragraph, ``**tebal**``, ``*miring*``,
lists with ``- `` or ``1. ``, headings with ``### ``), rendered with
Python-Markdown and then cleaned with nh3 down to a few formatting tags, so no
markup a user types can run or style the page; the same HTML goes into the PDF.
"""

import markdown
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "h3", "h4", "blockquote"}


def render(text: str) -> SafeString:
    html = markdown.markdown(text or "", output_format="html")
    # Headings a user types as "#" or "##" would outrank the page's own.
    html = html.replace("<h1>", "<h3>").replace("</h1>", "</h3>")
    html = html.replace("<h2>", "<h3>").replace("</h2>", "</h3>")
    return mark_safe(nh3.clean(html, tags=ALLOWED_TAGS, attributes={}))  # noqa: S308 (cleaned)
