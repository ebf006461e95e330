"""The page's stylesheet is a generated subset of Bootstrap (issue 16, weak
connections): a class a template uses must be in it, and the committed file
must be what scripts/css_subset.py makes of today's sources."""

import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("css_subset", ROOT / "scripts/css_subset.py")
css_subset = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(css_subset)


def bundle_classes() -> set[str]:
    text = css_subset.BUNDLE.read_text(encoding="utf-8")
    return set(css_subset.CLASS.findall(re.sub(r"\{[^{}]*\}", "", text)))


def test_every_bootstrap_class_a_template_uses_is_in_the_bundle():
    bootstrap = css_subset.bootstrap_classes()
    kept = bundle_classes()
    missing = {}
    for path in css_subset.source_files():
        if path.suffix != ".html":
            continue
        used, _prefixes = css_subset.template_classes(path.read_text(encoding="utf-8"))
        lost = sorted((used & bootstrap) - kept)
        if lost:
            missing[str(path.relative_to(ROOT))] = lost
    assert not missing, f"run scripts/css_subset.py; classes missing: {missing}"


def test_a_class_only_in_bootstrap_is_left_out():
    # The subset is a subset: components no page uses do not travel.
    kept = bundle_classes()
    assert "carousel" not in kept and "offcanvas" not in kept and "modal" not in kept
    assert {"btn", "form-control", "alert-warning", "text-bg-success"} <= kept


def test_committed_bundle_is_up_to_date():
    # Stale after a template, portal.css or poktan.css change: regenerate.
    assert css_subset.BUNDLE.read_text(encoding="utf-8") == css_subset.build(), (
        "static/css/bundle.css is stale: run .venv/bin/python scripts/css_subset.py"
    )


def test_portal_css_comes_after_bootstrap_and_stays_a_source_file():
    text = css_subset.BUNDLE.read_text(encoding="utf-8")
    portal = (ROOT / "static/css/portal.css").read_text(encoding="utf-8")
    assert portal in text
    assert text.index(portal) > text.index(".btn{")
