"""Nothing imports a views module except the URL conf (issue 14 item 2).

A view module is the edge of the portal: it reads a request and answers it.
What another module needs from it (a queryset, a context builder, a rule)
belongs in a module of its own (``villages/profile.py``,
``poktan/checklist.py``, ``reports/documents/``), which the view imports too.
Only ``<app>/urls.py`` and ``kampungkb/urls.py`` may import ``*.views*``.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SKIP = {".venv", "node_modules", "staticfiles", "media", ".git", "__pycache__"}


def project_modules():
    for path in sorted(ROOT.rglob("*.py")):
        if not SKIP.intersection(path.relative_to(ROOT).parts):
            yield path


def is_views_module(dotted: str) -> bool:
    """``reports.views_pdf``, ``villages.views``: a project module whose last
    part is ``views`` or ``views_<something>`` (not Django's own)."""
    last = dotted.rsplit(".", 1)[-1]
    if last != "views" and not last.startswith("views_"):
        return False
    relative = Path(*dotted.split("."))
    return (ROOT / relative.with_suffix(".py")).is_file() or (ROOT / relative).is_dir()


def imported_views(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
        else:
            continue
        # ``from poktan.views import x`` names the module itself; ``from reports
        # import views`` names it as the imported name.
        found += [(node.lineno, name) for name in names if is_views_module(name)]
    return found


def test_only_url_confs_import_a_views_module():
    offenders = []
    for path in project_modules():
        if path.name == "urls.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        rel = path.relative_to(ROOT)
        offenders += [f"{rel}:{line} imports {name}" for line, name in imported_views(tree)]
    assert offenders == []


def test_the_scan_sees_every_way_of_importing_a_view():
    """The checker itself: each form of import is caught, Django's are not."""
    source = (
        "from reports import views\n"
        "from villages.views import PAGE_QUERYSET\n"
        "import poktan.views_laporan\n"
        "from django.contrib.auth import views as auth_views\n"
        "from tests.security.test_hostile_input import views_reading_post\n"
    )
    caught = [name for _line, name in imported_views(ast.parse(source))]
    assert caught == ["reports.views", "villages.views", "poktan.views_laporan"]
