"""Size rule (issue 14): no function over 80 lines, no module over 500 lines,
in every Python file of the project outside migrations (tests included).

    .venv/bin/python scripts/code_size.py      # lists violations, exit 1 if any

A function's length runs from its ``def`` (decorators not counted) to its last
line; a nested function counts inside its parent and on its own."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_FUNCTION = 80
MAX_MODULE = 500
SKIP_DIRS = {".venv", "migrations", "node_modules", "staticfiles", "media", ".git", "__pycache__"}


def python_files(root: Path = ROOT):
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root)
        if SKIP_DIRS & set(rel.parts) or any(p.startswith(".") for p in rel.parts[:-1]):
            continue
        yield path


def violations(root: Path = ROOT) -> list[str]:
    found = []
    for path in python_files(root):
        rel = path.relative_to(root).as_posix()
        text = path.read_text(encoding="utf-8")
        lines = len(text.splitlines())
        if lines > MAX_MODULE:
            found.append(f"{rel}: module of {lines} lines (max {MAX_MODULE})")
        for node in ast.walk(ast.parse(text, filename=rel)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION:
                    found.append(
                        f"{rel}:{node.lineno}: function {node.name} of {length} lines "
                        f"(max {MAX_FUNCTION})"
                    )
    return found


def main() -> int:
    found = violations()
    print("\n".join(found) if found else "code size: every module and function within the rule")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
