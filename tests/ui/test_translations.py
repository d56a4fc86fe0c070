"""zh_CN is complete: every source string of the GUI has a finished Chinese translation."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

I18N = Path(__file__).resolve().parents[2] / "ui" / "i18n"


def test_zh_cn_has_no_unfinished_translation():
    tree = ET.parse(I18N / "inspector_zh_CN.ts")
    unfinished = [
        m.findtext("source")
        for m in tree.iter("message")
        if m.find("translation").get("type") in ("unfinished", "obsolete", "vanished")
        or not "".join(m.find("translation").itertext()).strip()
    ]
    assert unfinished == []


def test_sources_are_current():
    """Every tr() text of ui/ is in the .ts (run `make translations` after adding one)."""
    sources = {m.findtext("source") for m in ET.parse(I18N / "inspector_zh_CN.ts").iter("message")}
    used = set()
    for path in I18N.parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "tr"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                used.add(node.args[0].value)
    assert used and used - sources == set()
