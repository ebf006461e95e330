"""No browser test waits on a promise with ``wait_for_function``: Playwright
takes the promise for a truthy value and returns at once, so the wait waits
for nothing (found in issue 16's tests: "the worker kept the page" was never
waited for). Async conditions go through ``tests.e2e.wait.until``."""

import ast
from pathlib import Path

E2E = Path(__file__).parent / "e2e"
ASYNC = ("then(", "Promise", "async ", "await ", "caches.", "indexedDB", "LuringDB.")


def _constants(tree: ast.Module) -> dict[str, str]:
    found = {}
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    found[target.id] = node.value.value
    return found


def _text(node: ast.expr, constants: dict[str, str]) -> str:
    """The JavaScript a call passes, as far as the source tells."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return constants.get(node.id, "")
    if isinstance(node, ast.Attribute):
        return node.attr.upper() if node.attr.endswith("_JS") else ""
    return "".join(_text(part, constants) for part in ast.iter_child_nodes(node))


def async_waits(source: str) -> list[int]:
    tree = ast.parse(source)
    constants = _constants(tree)
    lines = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "wait_for_function"
            and node.args
        ):
            text = _text(node.args[0], constants)
            if any(marker in text for marker in ASYNC) or text.endswith("_JS"):
                lines.append(node.lineno)
    return lines


def test_the_check_finds_an_async_wait():
    assert async_waits("page.wait_for_function(\"() => caches.has('x')\")") == [1]
    assert async_waits('J = "() => x.then(Boolean)"\npage.wait_for_function(J)') == [2]
    assert async_waits("page.wait_for_function(offline.KEPT_JS)") == [1]
    assert async_waits("page.wait_for_function(\"() => document.cookie.includes('a')\")") == []


def test_no_browser_test_waits_on_a_promise():
    found = [
        f"{path.name}:{line}"
        for path in sorted(E2E.glob("*.py"))
        for line in async_waits(path.read_text())
    ]
    assert not found, "wait_for_function on a promise (use tests.e2e.wait.until): " + ", ".join(
        found
    )
