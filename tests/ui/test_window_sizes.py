"""Every window and dialog fits a 1366 × 768 screen with its title bar and taskbar (issue 12): it
opens no larger, its layout can be that small, and its buttons are inside it at that size (the
record preview once opened 980 × 1000, its Print and Close below a 900-px screen's edge)."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QDialog, QScrollArea, QWidget

from inspector_app.services import open_services
from tests.core import fleet
from ui.dialogs.record_preview_dialog import RecordPreviewDialog
from ui.inspection.new_dialog import NewInspectionDialog
from ui.inspection.window import InspectionWindow
from ui.main_window import MainWindow
from ui.office.window import OfficeWindow
from ui.pages.keys_page import KeyDialog
from ui.screen import LARGEST_WINDOW, SMALLEST_SCREEN

WIDTH, HEIGHT = LARGEST_WINDOW


def test_the_largest_window_leaves_room_for_a_title_bar_and_a_taskbar():
    assert SMALLEST_SCREEN == (1366, 768)
    assert WIDTH <= 1366 and HEIGHT <= 768 - 60


def fits(window: QWidget, qtbot) -> None:
    """Opens within the screen, can be laid out within it, and at the largest window size every
    visible button is inside the window."""
    size, least = window.size(), window.minimumSizeHint()
    name = type(window).__name__
    assert size.width() <= WIDTH and size.height() <= HEIGHT, (name, size)
    assert least.width() <= WIDTH and least.height() <= HEIGHT, (name, least)
    window.resize(WIDTH, HEIGHT)
    window.show()
    qtbot.waitExposed(window)
    assert window.height() <= HEIGHT, (name, window.size())
    for button in window.findChildren(QAbstractButton):
        if button.isVisibleTo(window) and button.width() > 0:
            scroll = _scroll_area_of(button, window)  # reachable by scrolling: its area must fit
            shown = scroll if scroll is not None else button
            corner = shown.mapTo(window, shown.rect().bottomRight())
            assert window.rect().contains(corner), (name, button.text(), corner, window.size())


def _scroll_area_of(widget: QWidget, window: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def test_the_main_window_the_new_inspection_dialog_and_the_key_dialog_fit(demo_services, qtbot):
    window = MainWindow(demo_services, "zh")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.startup_finished, timeout=20000):
        fits(window, qtbot)
    dialog = NewInspectionDialog(demo_services, "zh", window)
    fits(dialog, qtbot)
    page = dialog.add_to_registry("instruments", modal=False)
    added = page.parentWidget()
    assert isinstance(added, QDialog)
    fits(added, qtbot)
    page.flush()
    added.close()
    key = KeyDialog({"name": "李明"}, window)
    fits(key, qtbot)


def test_every_step_of_every_procedure_and_the_record_preview_fit(demo_services, qtbot):
    for form_id in ("fuel_dispenser", "taxi_meter", "scale", "net_content"):
        rows = demo_services.inspections.list_rows(form_id=form_id, status="finalised", limit=1)
        draft = demo_services.inspections.correct(rows[0]["id"])
        window = InspectionWindow(demo_services, draft, "zh")
        qtbot.addWidget(window)
        for index in range(len(window.steps)):
            window.go(index)
            fits(window, qtbot)
        window.close()
    signed = next(
        r["id"]
        for r in demo_services.inspections.list_rows(status="finalised", limit=50)
        if demo_services.records.pdf_of(r["id"])
    )
    preview = RecordPreviewDialog(
        "R-1", demo_services.records.pdf_of(signed), demo_services.records.preview(signed)
    )
    qtbot.addWidget(preview)
    fits(preview, qtbot)


def test_the_office_window_fits(tmp_path, qtbot):
    with fleet.office(tmp_path / "office.sqlite"):
        pass
    with open_services(tmp_path / "office.sqlite") as office:
        window = OfficeWindow(office, "zh")
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.startup_finished, timeout=30_000):
            fits(window, qtbot)  # the deferred start-up runs while the database is open


def test_a_long_name_does_not_push_the_register_s_columns_off_its_list(demo_services, qtbot):
    """A petrol station's full name once made 所属单位 half the list, the serial, class and
    certificate behind a scroll bar: no column is wider than 12 characters; the name is elided,
    whole in its tooltip."""
    window = MainWindow(demo_services, "zh")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.startup_finished, timeout=20000):
        fits(window, qtbot)
    page = window.page("instruments")
    window.stack.setCurrentWidget(page)
    page.refresh()
    cap = page.fontMetrics().horizontalAdvance("中") * 12
    widths = [page.view.columnWidth(c) for c in range(page.model.columnCount() - 1)]
    assert widths and max(widths) <= cap, (widths, cap)
    names = [page.model.item(r, 0) for r in range(page.model.rowCount())]
    longest = max(names, key=lambda item: page.fontMetrics().horizontalAdvance(item.text()))
    assert page.fontMetrics().horizontalAdvance(longest.text()) > cap  # the demo has such a name
    assert longest.toolTip() == longest.text()
