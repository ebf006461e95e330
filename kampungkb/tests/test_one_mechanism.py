"""One mechanism for each job (issue 14 §1, §4): a second copy fails here.

Each rule names the one module allowed to do the job; the scan covers the
apps' Python sources (tests and migrations excepted)."""

import ast
import re
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
APPS = ["kampungkb", "villages", "poktan", "interventions", "reports"]


def app_sources():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            if "/tests/" in rel or "/migrations/" in rel:
                continue
            yield rel, path.read_text(encoding="utf-8")


# (what, pattern, the one module allowed)
RULES = [
    ("a file response", r"\bFileResponse\b", {"kampungkb/files.py"}),
    ("decoding an image", r"\bImage\.open\(", {"kampungkb/uploads.py"}),
    (
        "reading ?periode=",
        r"""\b(GET|POST)\s*(\.get\(|\[)\s*["']periode["']|\bdata\.get\(\s*["']periode["']""",
        {"kampungkb/periods.py"},
    ),
    ("the conflict message", r"\bCONFLICT_MESSAGE\b", {"kampungkb/concurrency.py"}),
    ("a version form field", r"""version\s*=\s*forms\.\w+Field\(""", {"kampungkb/concurrency.py"}),
    (
        "a period status as a string",
        r"""["'](terbuka|terkunci|dibuka_kembali|belum_dibuka)["']""",
        {"kampungkb/periods.py"},
    ),
    (
        "a role compared with a string",
        r"""\brole\s*(==|!=)\s*["']|\brole\s+in\s*[(\[]\s*["']""",
        set(),
    ),
    ("the locked-period message", r"sudah (terkunci|dikunci)\. Minta", {"kampungkb/periods.py"}),
]


@pytest.mark.parametrize("what,pattern,allowed", RULES, ids=[r[0] for r in RULES])
def test_one_place_for(what, pattern, allowed):
    found = {rel for rel, text in app_sources() if re.search(pattern, text)}
    assert found <= allowed, f"{what} outside {sorted(allowed)}: {sorted(found - allowed)}"


def test_templates_ask_the_reopen_rule_not_the_role():
    for path in (ROOT / "templates").rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert 'role == "opd_kabupaten"' not in text and "role == 'opd_kabupaten'" not in text, path


SERVICE_MODULES = sorted(p for app in APPS for p in (ROOT / app).glob("services*.py"))


def test_every_app_service_module_is_scanned():
    assert {p.parent.name for p in SERVICE_MODULES} >= {"villages", "poktan", "interventions"}


@pytest.mark.parametrize("path", SERVICE_MODULES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_services_show_their_signature(path):
    """No public service takes ``**kwargs``; every ``by`` is the user model."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    problems = []
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or node.name.startswith("_"):
            continue
        args = node.args
        if args.kwarg is not None:
            problems.append(f"{node.name}: **{args.kwarg.arg}")
        for arg in args.posonlyargs + args.args + args.kwonlyargs:
            if arg.arg == "by" and (
                arg.annotation is None or ast.unparse(arg.annotation) != "User"
            ):
                problems.append(f"{node.name}: by is not typed User")
    assert not problems, problems
