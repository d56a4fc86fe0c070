"""Sidebar icons that mean their page (issue 9 §3): every page of the laptop's window and of the
office window has its own pictogram — drawn, not blank, and unlike every other page's of the same
window — and the navigation shows it beside the page's name."""

from __future__ import annotations

from itertools import combinations

import pytest
from PySide6.QtGui import QImage

from ui import icons
from ui.main_window import PAGES, MainWindow
from ui.office.window import OFFICE_PAGES

SIZE = 22  # as the navigation draws them


def image(page: str) -> QImage:
    return icons.nav_pixmap(page, SIZE).toImage().convertToFormat(QImage.Format.Format_ARGB32)


def ink(img: QImage) -> set[tuple[int, int]]:
    """The pixels a pictogram draws on (not transparent)."""
    return {
        (x, y) for x in range(img.width()) for y in range(img.height()) if img.pixelColor(x, y).alpha() > 64
    }


@pytest.mark.parametrize("pages", [PAGES, OFFICE_PAGES], ids=["laptop", "office"])
def test_every_page_has_its_own_drawn_icon(pages):
    drawn = {page: ink(image(page)) for page in pages}
    area = (SIZE * icons.SCALE) ** 2
    for page, pixels in drawn.items():
        assert len(pixels) > area * 0.04, f"{page}: the icon is (nearly) blank"
    for a, b in combinations(pages, 2):
        differing = len(drawn[a] ^ drawn[b])
        assert differing > area * 0.05, f"{a} and {b} look alike ({differing} pixels differ)"


def test_the_sidebar_shows_each_pages_icon_beside_its_name(services, qtbot):
    window = MainWindow(services, "zh")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.startup_finished, timeout=20_000):
        window.show()
    assert window.nav.count() == len(PAGES)
    for row, page in enumerate(PAGES):
        item = window.nav.item(row)
        shown = item.data(1)  # Qt.ItemDataRole.DecorationRole
        assert shown is not None and not shown.isNull(), page
        assert shown.toImage() == icons.nav_pixmap(page).toImage(), page
        assert item.text(), page
