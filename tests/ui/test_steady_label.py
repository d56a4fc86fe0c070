"""`SteadyLabel`: a line whose text changes on every edit (a lot's figures under its grid, the
current cell) takes the room its text needs — wrapping, growing and shrinking as a label does —
without re-laying out the whole window when the room it needs stays the same (issue 9 §2: one
edit in a 125-row grid < 5 ms; a window re-layout took ~1.5 ms of it)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from ui.steady_label import SteadyLabel

SHORT = "平均实际含量 (g) 502.06"
LONG = "；".join(f"标准偏差 s (g) {n}.06" for n in range(12))  # many lines at 300 px


class LayoutRequests(QObject):
    """Counts the layout requests widgets receive (each one re-lays out all a widget holds)."""

    def __init__(self, *widgets: QWidget) -> None:
        super().__init__()
        self.count = 0
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.count += 1
        return False


def window_with(qtbot, line: QWidget) -> tuple[QWidget, QLabel]:
    window = QWidget()
    qtbot.addWidget(window)
    below = QLabel("下一行")
    layout = QVBoxLayout(window)
    layout.addWidget(line)
    layout.addWidget(below)
    layout.addStretch(1)
    window.resize(300, 400)
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()  # laid out
    return window, below


def test_it_takes_the_room_its_text_needs(qtbot):
    line = SteadyLabel()
    line.setText(SHORT)
    window, below = window_with(qtbot, line)
    one_line = line.height()
    assert one_line == line.heightForWidth(line.width()) < 2 * line.fontMetrics().lineSpacing()

    line.setText(LONG)  # wraps onto many lines: the line grows, what is below moves down
    QApplication.processEvents()
    assert line.text() == LONG
    assert line.height() == line.heightForWidth(line.width()) > 3 * one_line
    assert below.y() >= line.geometry().bottom()

    window.resize(600, 400)  # wider: fewer lines
    QApplication.processEvents()
    assert line.height() == line.heightForWidth(line.width()) < line.heightForWidth(300)

    line.setText(SHORT)  # and back to one line
    QApplication.processEvents()
    assert line.height() == one_line and below.y() < 3 * one_line + line.y()


def test_a_new_text_of_the_same_height_re_lays_out_nothing(qtbot):
    line = SteadyLabel()
    line.setText(SHORT)
    window, _below = window_with(qtbot, line)
    requests = LayoutRequests(window)
    for n in range(10):  # a mean that changes on every edit
        line.setText(f"平均实际含量 (g) 50{n}.{n}6")
        QApplication.processEvents()
    assert requests.count == 0
    assert line.text() == line.accessibleDescription() == "平均实际含量 (g) 509.96"

    line.setText(LONG)  # a text that needs more room gets it
    QApplication.processEvents()
    assert requests.count >= 1 and line.height() == line.heightForWidth(line.width())


def test_a_plain_label_would_re_lay_out_the_window(qtbot):
    """What SteadyLabel avoids, so the test above can fail: a QLabel's new text, even of the same
    size, makes its window lay out again."""
    line = QLabel(SHORT, wordWrap=True)
    window, _below = window_with(qtbot, line)
    requests = LayoutRequests(window)
    line.setText("平均实际含量 (g) 503.36")
    QApplication.processEvents()
    assert requests.count >= 1


def test_a_larger_font_from_a_style_sheet_takes_more_room(qtbot):
    line = SteadyLabel()
    line.setText(LONG)
    _window, _below = window_with(qtbot, line)
    before = line.height()
    line.setStyleSheet("font-size: 24px;")
    QApplication.processEvents()
    assert line.height() == line.heightForWidth(line.width()) > before
    line.setText(LONG + "。")
    QApplication.processEvents()
    assert line.height() == line.heightForWidth(line.width())


def test_it_draws_as_a_label_draws(qtbot):
    """A line of rich text (a lot's figures, coloured marks, a bold failure) paints the very pixels
    a word-wrapped QLabel paints for it, at one line and wrapped."""
    rich = (
        '平均实际含量 (g) <span style="color:#1e8e3e;">✓ 502.06</span>；'
        'k2 <span style="color:#c5221f; font-weight:600;">✗ 3</span>；标准偏差 s (g) 2.06'
    )
    for width in (900, 200):
        images = []
        for line in (SteadyLabel(), QLabel(wordWrap=True)):
            qtbot.addWidget(line)
            line.setStyleSheet("font-size: 14px;")
            line.setText(rich)
            line.resize(width, 10)
            line.show()
            QApplication.processEvents()
            line.resize(width, line.heightForWidth(width))
            QApplication.processEvents()
            images.append(line.grab().toImage().convertToFormat(QImage.Format.Format_RGB32))
        assert images[0].size() == images[1].size() and images[0] == images[1], width
