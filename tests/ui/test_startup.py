"""Start-up by design (DESIGN.md: ≤ 1.5 × a bare window at any database size; bench/startup.py
measures it): the first paint needs only the list's first page, read with plain sqlite3, and no
enum of PySide6's `Qt` namespace; the rest follows once the window is on screen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from db import Stamp
from db import inspections as repo
from db.listing import OPEN_DRAFT_SQL
from forms import form_ids, load_definition
from inspector_app import credit_code
from inspector_app.services import open_services
from tests.ui.typing import show_active
from ui import icons
from ui.app import parse_args
from ui.main_window import MainWindow
from ui.models import inspection_table_model as table_model
from ui.models.inspection_table_model import PAGE_SIZE, InspectionTableModel
from ui.pages.inspections_page import InspectionsPage

ROOT = Path(__file__).resolve().parents[2]


CODE = "91500105MA5U0001X" + credit_code.check_character("91500105MA5U0001X")


def add_inspections(services, count: int, *, status: str = "finalised") -> None:
    """``count`` inspections in one transaction (as bench/_common.py seeds 200,000)."""
    sites = services.registry.search("sites", limit=1)
    site = (
        sites[0]["id"]
        if sites
        else services.registry.create("sites", {"name": "观音桥农贸市场", "credit_code": CODE})
    )
    start = services.inspection_list.count()
    defn = load_definition("scale")
    rows = [
        {
            "id": str(uuid.uuid4()),
            "record_no": f"20261101-TEST-{start + i:06d}",
            "form_id": "scale",
            "form_version": defn.version,
            "form_hash": defn.sha256,
            "status": status,
            "site_id": site,
            "site_name": "观音桥农贸市场",
            "site_code": CODE,
            "instrument_label": f"SN{start + i:06d}",
            "started_at": f"2026-11-{1 + i % 28:02d}T09:00:{i % 60:02d}.000Z",
            "verdict": "pass",
            "canonical": "{}" if status != "draft" else None,
        }
        for i in range(count)
    ]
    definition = {"sha256": defn.sha256, "form_id": defn.id, "version": defn.version, "text": defn.text}
    repo.insert_many(services.db, rows, Stamp(services.device_id, Stamp.utc_now()), definition=definition)


# What the GUI process holds at its first paint and once start-up has finished, seen from inside:
# the probe wraps MainWindow.finish_startup, which runs right after the first paint.
PROBE = """
import gc, json, sys
gc.disable()
import inspector_app.services  # the order ui/entry.py imports in
import PySide6.QtCore, PySide6.QtWidgets
import ui.main_window as mw
seen = {}
finish = mw.MainWindow.finish_startup
def probe(self):
    model = self.inspections_page.model
    seen["first_paint"] = {
        "sqlite_utils": "sqlite_utils" in sys.modules,
        "forms": sorted(m for m in sys.modules if m.startswith("forms")),
        "dataclasses": "dataclasses" in sys.modules,
        "qt_namespace": "Qt" in vars(PySide6.QtCore),
        "qstyle": "QStyle" in vars(PySide6.QtWidgets),
        "rows": model.rowCount(),
        "keys_read": len(model._keys),
    }
    def finished():
        seen["finished"] = {
            "sqlite_utils": "sqlite_utils" in sys.modules,
            "keys_read": len(model._keys),
            "procedures": self.inspections_page.form.count() - 1,
            "sorting": self.inspections_page.table.isSortingEnabled(),
        }
    self.startup_finished.connect(finished)
    finish(self)
mw.MainWindow.finish_startup = probe
from ui.app import main
code = main(["--db", sys.argv[1]])
print("PROBE " + json.dumps(seen))
sys.exit(code)
"""


def run_probe(db: Path) -> dict[str, dict[str, object]]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "INSPECTOR_APP_EXIT_WHEN_IDLE": "1"}
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(db)], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr[-3000:]
    assert out.stdout.startswith("ready_ms="), out.stdout  # the line bench/startup.py times
    line = next(line for line in out.stdout.splitlines() if line.startswith("PROBE "))
    result: dict[str, dict[str, object]] = json.loads(line.removeprefix("PROBE "))
    return result


def test_the_first_paint_needs_only_the_first_page(tmp_path):
    """At the first paint: no sqlite-utils, no procedure parsed (names from the catalogue), no
    dataclasses, no `Qt` namespace, no QStyle, and one page of keys read for a list that is
    longer; after start-up, the rest is there."""
    db = tmp_path / "many.sqlite"
    with open_services(db) as services:
        add_inspections(services, PAGE_SIZE * 2 + 50)
    seen = run_probe(db)
    assert seen["first_paint"] == {
        "sqlite_utils": False,
        "forms": ["forms", "forms.catalogue", "forms.errors"],  # names from the definitions' heads
        "dataclasses": False,
        "qt_namespace": False,
        "qstyle": False,
        "rows": PAGE_SIZE * 2 + 50,
        "keys_read": PAGE_SIZE,
    }
    assert seen["finished"] == {
        "sqlite_utils": True,
        "keys_read": PAGE_SIZE * 2 + 50,
        "procedures": len(form_ids()),
        "sorting": True,
    }


def test_start_up_finishes_after_the_first_paint_and_reopens_an_open_draft(tmp_path, qtbot):
    """The deferred steps: procedures offered, sorting on, shortcuts, and the draft that was open
    when the app stopped reopened with its recovery notice."""
    with open_services(tmp_path / "a.sqlite") as services:
        add_inspections(services, 3)
        site = services.registry.search("sites", limit=1)[0]["id"]
        draft = services.inspections.start(form_id="taxi_meter", site_id=site)
        services.inspections.set_readings(draft, {}, ui_state={"open": True, "step": 0})
        window = MainWindow(services, "zh")
        qtbot.addWidget(window)
        page = window.inspections_page
        assert page.form.count() == 1 and not page.table.isSortingEnabled()
        with (
            qtbot.waitSignal(window.first_painted, timeout=5000),
            qtbot.waitSignal(window.startup_finished, timeout=5000),
        ):
            show_active(qtbot, window)
        assert [page.form.itemData(i) for i in range(1, page.form.count())] == list(form_ids())
        assert page.table.isSortingEnabled()
        assert page.table.horizontalHeader().sortIndicatorSection() == table_model.COLUMNS.index("started_at")
        reopened = window.open_windows[draft]
        assert reopened.isVisible() and "恢复" in reopened.notice.text()
        reopened.close()
        show_active(qtbot, window)
        qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
        assert window.nav.currentRow() == 2


class CountingSource:
    """The list source over a real database, counting what the model asks for."""

    def __init__(self, services) -> None:
        self.inner = services.inspection_list
        self.calls: list[tuple[str, object]] = []

    def list_keys(self, *, limit=None, **filters):
        self.calls.append(("list_keys", limit))
        return self.inner.list_keys(limit=limit, **filters)

    def count(self, **filters):
        self.calls.append(("count", None))
        return self.inner.count(**filters)

    def rows_by_keys(self, keys):
        return self.inner.rows_by_keys(keys)


def test_the_model_reads_one_page_first_then_the_rest(tmp_path, qtbot):
    with open_services(tmp_path / "a.sqlite") as services:
        add_inspections(services, PAGE_SIZE + 30)
        source = CountingSource(services)
        model = InspectionTableModel(source)
        model.reload(rest_later=True)
        assert source.calls == [("list_keys", PAGE_SIZE), ("count", None)]
        assert model.rowCount() == PAGE_SIZE + 30 and len(model._keys) == PAGE_SIZE
        first = model.id_at(0)
        model.complete()
        assert len(model._keys) == PAGE_SIZE + 30 and model.id_at(0) == first
        model.complete()  # nothing left to read
        assert source.calls[-1] == ("list_keys", None) and len(source.calls) == 3
        # a row past the first page, asked for before `complete`, reads the rest itself
        model.reload(rest_later=True)
        assert model.index(PAGE_SIZE + 10, 0).data() == model.row_data(PAGE_SIZE + 10)["record_no"]
        assert len(model._keys) == PAGE_SIZE + 30


def test_rows_added_between_the_first_page_and_the_rest_are_shown(tmp_path, qtbot):
    with open_services(tmp_path / "a.sqlite") as services:
        add_inspections(services, PAGE_SIZE + 5)
        model = InspectionTableModel(services.inspection_list)
        model.reload(rest_later=True)
        add_inspections(services, 5)
        with qtbot.waitSignal(model.modelReset, timeout=1000):
            model.complete()
        assert model.rowCount() == PAGE_SIZE + 10 == len(model._keys)


def test_sorting_in_the_order_the_model_has_costs_no_query(tmp_path, qtbot):
    with open_services(tmp_path / "a.sqlite") as services:
        add_inspections(services, 5)
        source = CountingSource(services)
        model = InspectionTableModel(source)
        model.reload()
        model.sort(table_model.COLUMNS.index("started_at"), Qt.SortOrder.DescendingOrder)
        assert len(source.calls) == 1
        model.sort(table_model.COLUMNS.index("started_at"), Qt.SortOrder.AscendingOrder)
        assert len(source.calls) == 2


@pytest.mark.parametrize("argv", [[], ["--db", "a.sqlite"]])
def test_the_two_usual_launches_read_their_arguments_as_argparse_would(argv):
    """They skip argparse (start-up time); `gui …` goes through it and must read the same."""
    assert vars(parse_args(argv)) == vars(parse_args(["gui", *argv]))


def test_the_constants_that_stand_in_for_qt_enums_match_them():
    roles = Qt.ItemDataRole
    assert roles.DisplayRole.value == table_model.DISPLAY_ROLE
    assert roles.DecorationRole.value == table_model.DECORATION_ROLE
    assert roles.ToolTipRole.value == table_model.TOOLTIP_ROLE
    assert roles.ForegroundRole.value == table_model.FOREGROUND_ROLE
    assert roles.UserRole.value == table_model.USER_ROLE


def test_the_open_draft_is_found_through_its_partial_index(tmp_path):
    """`resume` at start-up reads an index holding only open drafts, not every draft's JSON."""
    with open_services(tmp_path / "a.sqlite") as services:
        add_inspections(services, 20, status="draft")
        plan = " ".join(str(r[3]) for r in services.conn.execute("EXPLAIN QUERY PLAN " + OPEN_DRAFT_SQL))
        assert "USING INDEX inspections_open_draft" in plan and "TEMP B-TREE" not in plan
        assert services.inspections.resumable() is None
        site = services.registry.search("sites", limit=1)[0]["id"]
        older = services.inspections.start(form_id="scale", site_id=site)
        newer = services.inspections.start(form_id="scale", site_id=site)
        services.inspections.set_readings(older, {}, ui_state={"open": True})
        services.inspections.set_readings(newer, {}, ui_state={"open": True})
        assert services.inspections.resumable()["id"] == newer
        services.inspections.set_readings(newer, {}, ui_state={"open": False})
        assert services.inspections.resumable()["id"] == older


def verdict_coloured_pixels(image, x0: int, x1: int) -> int:
    """Pixels in columns x0..x1 of the image close to the pass or fail colour (text or icon)."""
    targets = [(c.red(), c.green(), c.blue()) for c in (icons.PASS_COLOUR, icons.FAIL_COLOUR)]
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(x0, x1, 2):
            p = image.pixelColor(x, y)
            if any(abs(p.red() - r) + abs(p.green() - g) + abs(p.blue() - b) < 60 for r, g, b in targets):
                count += 1
    return count


def test_only_the_verdict_column_is_painted_in_verdict_colours(demo_services, qtbot):
    """Colour and icon say the verdict, in its own column only: painted, not just returned."""
    page = InspectionsPage(demo_services.inspection_list)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.reload()
    show_active(qtbot, page)
    image = page.table.viewport().grab().toImage()
    table = page.table

    def span(column: int) -> tuple[int, int]:
        x = table.columnViewportPosition(column)
        return x, x + table.columnWidth(column)

    assert verdict_coloured_pixels(image, *span(table_model.VERDICT_COLUMN)) > 50
    for column in range(len(table_model.COLUMNS)):
        if column != table_model.VERDICT_COLUMN:
            assert verdict_coloured_pixels(image, *span(column)) == 0, table_model.COLUMNS[column]


# The same probe for office mode: OfficeWindow.finish_startup runs right after its first paint.
OFFICE_PROBE = """
import gc, json, sys
gc.disable()
import inspector_app.services
import PySide6.QtCore, PySide6.QtWidgets
import ui.office.window as ow
seen = {}
finish = ow.OfficeWindow.finish_startup
def modules():
    return {
        "sqlite_utils": "sqlite_utils" in sys.modules,
        "cryptography": "cryptography" in sys.modules,
        "office_service": "inspector_app.office.service" in sys.modules,
        "qt_namespace": "Qt" in vars(PySide6.QtCore),
        "qstyle": "QStyle" in vars(PySide6.QtWidgets),
    }
def probe(self):
    page = self._pages["import"]
    seen["first_paint"] = {
        **modules(),
        "pages": sorted(self._pages),
        "history": page.results.rowCount(),
        "title": self.windowTitle(),
        "status": self.statusBar().currentMessage(),
    }
    def finished():
        seen["finished"] = {**modules(), "history": page.results.rowCount()}
    self.startup_finished.connect(finished)
    finish(self)
ow.OfficeWindow.finish_startup = probe
from ui.app import main
code = main(["--db", sys.argv[1]])
print("PROBE " + json.dumps(seen))
sys.exit(code)
"""


def test_the_office_first_paint_needs_neither_the_store_nor_the_pki(tmp_path):
    """Office mode (issue 9 §4 at any database, issue 14's office): the first frame shows the
    navigation, the office's name and root fingerprint and the import page, read with plain
    sqlite3; the office store (sqlite-utils), the PKI (cryptography) and the bundles imported
    before come after it."""
    from tests.core import fleet

    with fleet.office(tmp_path / "office.sqlite") as office, fleet.laptop(tmp_path / "lap.sqlite") as lap:
        fleet.enrol(office, lap)
        fleet.finalise(lap)
        [done] = office.office.import_bundles([fleet.export(lap, tmp_path / "usb").path])
        assert done.imported == 1
        name, root = office.office.info()["name"], office.office.info()["root_sha256"]
    out = subprocess.run(
        [sys.executable, "-c", OFFICE_PROBE, str(tmp_path / "office.sqlite")],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "INSPECTOR_APP_EXIT_WHEN_IDLE": "1"},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr[-3000:]
    assert out.stdout.startswith("ready_ms="), out.stdout  # the line bench/startup.py times
    seen = json.loads(
        next(x for x in out.stdout.splitlines() if x.startswith("PROBE ")).removeprefix("PROBE ")
    )
    first = seen["first_paint"]
    assert {
        k: first[k] for k in ("sqlite_utils", "cryptography", "office_service", "qt_namespace", "qstyle")
    } == {
        "sqlite_utils": False,
        "cryptography": False,
        "office_service": False,
        "qt_namespace": False,
        "qstyle": False,
    }
    assert first["pages"] == ["import"] and first["history"] == 0
    assert name in first["title"] and root[:4].upper() in first["status"]
    assert seen["finished"] == {
        "sqlite_utils": True,
        "cryptography": True,
        "office_service": True,
        "qt_namespace": seen["finished"]["qt_namespace"],  # whatever the history's table needs
        "qstyle": seen["finished"]["qstyle"],
        "history": 1,
    }
