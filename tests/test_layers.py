"""The dependency rules of DESIGN.md, checked by walking the imports of every module."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RULES = {  # package -> top-level modules it must not import
    "forms": {"inspector_app", "ui", "db", "PySide6", "sqlite_utils", "sqlite3", "reportlab"},
    "db": {"inspector_app", "ui", "forms", "PySide6"},
    "inspector_app": {"ui", "PySide6"},
    "ui": {"db", "sqlite_utils", "sqlite3"},
}


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", sorted(RULES))
def test_package_respects_its_layer(package):
    offenders = {
        str(p.relative_to(ROOT)): imports(p) & RULES[package] for p in (ROOT / package).rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_forms_uses_only_the_standard_library():
    import sys

    allowed = set(sys.stdlib_module_names) | {"forms", "__future__"}
    used = set().union(*(imports(p) for p in (ROOT / "forms").rglob("*.py")))
    assert used <= allowed, used - allowed


@pytest.mark.parametrize("package", ["inspector_app", "ui", "forms"])
def test_no_sql_outside_db(package):
    """SQL lives in db/ only: no execute/query calls elsewhere (STYLE.md 6)."""
    offenders = []
    for path in (ROOT / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("execute", "executemany", "executescript", "query")
            ):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []


# The names a widget's constructor takes a service under (DESIGN.md: widgets call services).
SERVICE_PARAMETERS = {
    "services", "office", "records", "sync", "registry", "settings", "settings_service", "keys",
    "inspections", "review", "source",
}  # fmt: skip


def test_widgets_are_given_typed_services_never_any():
    """A widget's service is typed — a port of inspector_app/services/ports.py, or `Services` at
    the composition root — so mypy checks every call the widget makes on it (issue 9 §2)."""
    untyped = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef) or node.name != "__init__":
                continue
            for arg in node.args.args + node.args.kwonlyargs:
                if arg.arg in SERVICE_PARAMETERS:
                    shown = ast.unparse(arg.annotation) if arg.annotation else "nothing"
                    if "Any" in shown or shown == "nothing":
                        untyped.append(f"{path.relative_to(ROOT)}:{node.lineno} {arg.arg}: {shown}")
    assert not untyped, "\n".join(untyped)
