"""``kampungkb`` is the foundation below the apps (issue 14): it imports from
the apps only ``villages.models.Wilayah``. Apps reach it through hooks
(``kampungkb.hooks.app_hooks``) and model attributes, never the other way."""

import ast
from pathlib import Path

from django.apps import apps

ROOT = Path(__file__).resolve().parents[2]
APPS = {"villages", "poktan", "interventions", "reports"}
ALLOWED = {("villages.models", "Wilayah")}
# A model relation to an app other than Wilayah: kept until a kampungkb
# migration moves it (only listed exceptions).
ALLOWED_RELATIONS = {
    # A lintas-sektor user's agency.
    ("kampungkb.user", "instansi"): "interventions.instansi",
}
DYNAMIC_IMPORTS = {"import_module", "import_string"}


def _sources():
    for path in sorted((ROOT / "kampungkb").rglob("*.py")):
        rel = path.relative_to(ROOT)
        if {"tests", "migrations"} & set(rel.parts):
            continue
        yield rel, ast.parse(path.read_text(encoding="utf-8"))


def _app(dotted: str) -> bool:
    return dotted.split(".")[0] in APPS


def app_imports(tree: ast.AST) -> list[tuple[int, str]]:
    """Every import of an app, at module level or inside a function (a lazy
    import is a dependency all the same), plus dotted app paths handed to
    ``import_module``/``import_string``."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and _app(node.module or ""):
            found += [
                (node.lineno, f"{node.module}.{a.name}")
                for a in node.names
                if (node.module, a.name) not in ALLOWED
            ]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if _app(a.name)]
        elif isinstance(node, ast.Call):
            func = node.func
            name = getattr(func, "attr", None) or getattr(func, "id", None)
            if name in DYNAMIC_IMPORTS and node.args:
                arg = node.args[0]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and _app(arg.value):
                    found.append((node.lineno, arg.value))
    return found


def test_kampungkb_imports_no_app_but_wilayah():
    violations = [
        f"{rel}:{line} imports {name}"
        for rel, tree in _sources()
        for line, name in app_imports(tree)
    ]
    assert violations == [], "\n".join(violations)


def test_the_scan_sees_lazy_and_dynamic_imports():
    tree = ast.parse(
        "from villages.models import Wilayah\n"
        "def f():\n"
        "    from poktan.models import Poktan\n"
        "    import reports.pdf\n"
        "    import_module('interventions.home')\n"
        "from villages.models import KampungKB\n"
    )
    assert sorted(app_imports(tree)) == [
        (3, "poktan.models.Poktan"),
        (4, "reports.pdf"),
        (5, "interventions.home"),
        (6, "villages.models.KampungKB"),
    ]


def test_kampungkb_models_relate_only_to_wilayah():
    relations = {}
    for model in apps.get_app_config("kampungkb").get_models():
        for field in model._meta.get_fields():
            target = field.related_model
            if not field.is_relation or field.auto_created or target is None:
                continue
            if target._meta.app_label in APPS and target._meta.label != "villages.Wilayah":
                relations[(model._meta.label_lower, field.name)] = target._meta.label_lower
    assert relations == ALLOWED_RELATIONS
