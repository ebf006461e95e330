"""Size rule (issue 14 item 6): no function over 80 lines and no module over
500 lines in the project's Python outside migrations, tests included.

The rule itself is ``scripts/code_size.py`` (also a command:
``.venv/bin/python scripts/code_size.py``); a long module is split by topic
into a package or sibling modules, a long function into named steps."""

from __future__ import annotations

from scripts.code_size import MAX_FUNCTION, MAX_MODULE, violations


def test_every_module_and_function_within_the_size_rule():
    found = violations()
    assert found == [], "over the size rule:\n" + "\n".join(found)


def test_the_checker_sees_long_functions_and_modules_not_migrations(tmp_path):
    """The checker itself: a long function (even nested) and a long module are
    listed; a migration and the virtualenv are not."""
    body = "".join(f"        x{i} = {i}\n" for i in range(MAX_FUNCTION))
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "long_function.py").write_text(
        f"def short():\n    return 1\n\n\ndef outer():\n    def inner():\n{body}\n"
    )
    (tmp_path / "app" / "long_module.py").write_text("x = 1\n" * (MAX_MODULE + 1))
    (tmp_path / "app" / "ok.py").write_text("x = 1\n" * MAX_MODULE)
    for skipped in ("app/migrations", ".venv/lib"):
        (tmp_path / skipped).mkdir(parents=True)
        (tmp_path / skipped / "big.py").write_text("x = 1\n" * (MAX_MODULE + 1))

    found = violations(tmp_path)

    assert found == [
        f"app/long_function.py:5: function outer of {MAX_FUNCTION + 2} lines (max {MAX_FUNCTION})",
        f"app/long_function.py:6: function inner of {MAX_FUNCTION + 1} lines (max {MAX_FUNCTION})",
        f"app/long_module.py: module of {MAX_MODULE + 1} lines (max {MAX_MODULE})",
    ]
