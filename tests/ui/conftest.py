"""GUI test fixtures: a real database file per test, services injected into the widgets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QStandardPaths

from inspector_app.services import open_services
from tests.people import pair

QStandardPaths.setTestModeEnabled(True)


@pytest.fixture
def services(tmp_path):
    with open_services(tmp_path / "gui.sqlite") as s:
        yield pair(s)  # a laptop names its usual second inspector (an inspection needs two)


@pytest.fixture
def demo_services(tmp_path):
    from inspector_app.demo import seed_demo

    with open_services(tmp_path / "demo.sqlite") as s:
        seed_demo(s, inspections=24, seed=3)
        yield s


@pytest.fixture(autouse=True, scope="session")
def chinese_translation(qapp):
    """The GUI speaks zh_CN first: tests see what an inspector sees."""
    from ui.app import install_translators

    translators = install_translators(qapp, "zh_CN")
    assert translators, "ui/i18n/inspector_zh_CN.qm is missing: run pyside6-lrelease"
    yield
    for t in translators:
        qapp.removeTranslator(t)
