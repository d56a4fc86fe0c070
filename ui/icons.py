"""Verdict and navigation icons drawn in code: colour plus shape, so meaning never rests on colour.

Each icon is SVG markup made here (a 24 × 24 view box, colours from the palette below) and
rendered by Qt's SVG image plugin at twice its size, crisp on high-DPI screens. They are drawn in
the first frame (the list's verdict column, the navigation), and SVG keeps that drawing in C++:
QPainter calls from Python (`setPen`, `setBrush`, `QBrush(colour)`…) make PySide6 create all 93
enum classes of its `Qt` namespace while it resolves their overloads (~20 ms, PLATFORM.md), where
an SVG icon costs 0.1 ms. tests/ui/test_startup.py checks that the first paint leaves `Qt` alone.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QColor, QPixmap

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

PASS_COLOUR = QColor("#1e8e3e")
FAIL_COLOUR = QColor("#c5221f")
INCONCLUSIVE_COLOUR = QColor("#e37400")
INCOMPLETE_COLOUR = QColor("#1967d2")  # not a verdict: blue, never the green of a pass
NEUTRAL_COLOUR = QColor("#5f6368")
INVALID_COLOUR = QColor("#d93025")  # input that cannot stand: a red warning triangle, not a disc
NAV_INK = "#3c4043"
SCALE = 2  # drawn at twice the size: crisp on high-DPI screens, scaled down elsewhere

COLOURS = {
    "pass": PASS_COLOUR,
    "fail": FAIL_COLOUR,
    "inconclusive": INCONCLUSIVE_COLOUR,
    "incomplete": INCOMPLETE_COLOUR,
}

_ROUND = 'fill="none" stroke-linecap="round" stroke-linejoin="round"'

# What goes on the verdict's disc, in white.
_MARKS = {
    "pass": f'<polyline points="6.8,12.4 10.4,16 17.2,8.4" stroke="white" stroke-width="2.6" {_ROUND}/>',
    "fail": f'<path d="M8 8L16 16M16 8L8 16" stroke="white" stroke-width="2.6" {_ROUND}/>',
    "inconclusive": (
        f'<path d="M9 9.3a3 3 0 1 1 4.4 2.6c-0.9 0.5-1.4 1.1-1.4 2.1v0.5" stroke="white" '
        f'stroke-width="2.4" {_ROUND}/><circle cx="12" cy="17.4" r="1.4" fill="white"/>'
    ),
    "incomplete": "".join(f'<circle cx="{x}" cy="12" r="1.6" fill="white"/>' for x in (7.2, 12, 16.8)),
}
_DASH = f'<path d="M7.5 12H16.5" stroke="white" stroke-width="2.6" {_ROUND}/>'

_LINE = f'stroke="{NAV_INK}" stroke-width="2" {_ROUND}'
_NAV = {  # one pictogram per page of the main window and the office window
    "inspections": (  # a list
        f'<path d="M9 7H20M9 12H20M9 17H20" {_LINE}/>'
        + "".join(f'<circle cx="4.5" cy="{y}" r="1.5" fill="{NAV_INK}"/>' for y in (7, 12, 17))
    ),
    "tasks": (  # a clipboard with a tick
        f'<rect x="5" y="4.5" width="14" height="17" rx="2" {_LINE}/>'
        f'<rect x="8.5" y="2.5" width="7" height="4" rx="1" fill="{NAV_INK}"/>'
        f'<polyline points="8.5,13.5 11,16 15.5,11" {_LINE}/>'
    ),
    "sites": (  # a shop: roof, walls, door
        f'<polyline points="3,11 12,3.8 21,11" {_LINE}/>'
        f'<polyline points="5.5,9.5 5.5,20 18.5,20 18.5,9.5" {_LINE}/>'
        f'<rect x="10" y="14" width="4" height="6" fill="{NAV_INK}"/>'
    ),
    "instruments": (  # a dial with its needle
        f'<path d="M3.5 17a8.5 8.5 0 0 1 17 0Z" {_LINE}/><path d="M12 17L16 11.5" {_LINE}/>'
        f'<circle cx="12" cy="17" r="1.6" fill="{NAV_INK}"/>'
    ),
    "standards": (  # a test weight
        f'<polygon points="7,9 17,9 20.5,20.5 3.5,20.5" fill="{NAV_INK}"/>'
        f'<circle cx="12" cy="5.5" r="2.5" {_LINE}/>'
    ),
    "verify": (  # a shield with a tick
        f'<path d="M12 2.5L20 5.5V11c0 5-3.4 8.5-8 10.5C7.4 19.5 4 16 4 11V5.5Z" fill="{NAV_INK}"/>'
        f'<polyline points="8.3,11.8 11,14.5 15.8,9.5" stroke="white" stroke-width="2" {_ROUND}/>'
    ),
    "sync": (  # two arrows chasing each other round: records go out and come back
        f'<path d="M4.5 12a7.5 7.5 0 0 1 12.8-5.3" {_LINE}/>'
        f'<polyline points="13.2,6.7 17.3,6.7 17.3,2.6" {_LINE}/>'
        f'<path d="M19.5 12a7.5 7.5 0 0 1-12.8 5.3" {_LINE}/>'
        f'<polyline points="10.8,17.3 6.7,17.3 6.7,21.4" {_LINE}/>'
    ),
    "keys": (  # a key
        f'<circle cx="7.5" cy="12" r="4" {_LINE}/><path d="M11.5 12H21M17.5 12V15.5M20.5 12V14.5" {_LINE}/>'
    ),
    "import": (  # a tray receiving an arrow (bundles come in)
        f'<path d="M12 3V14M7.5 9.5L12 14L16.5 9.5" {_LINE}/>'
        f'<polyline points="3.5,14 3.5,20.5 20.5,20.5 20.5,14" {_LINE}/>'
    ),
    "enrol": (  # a card with a person and a seal
        f'<rect x="2.5" y="5" width="19" height="14" rx="2" {_LINE}/>'
        f'<circle cx="8" cy="10.5" r="2" fill="{NAV_INK}"/><path d="M5 16c0.7-2 5.3-2 6 0" {_LINE}/>'
        f'<path d="M14 10H18.5M14 14H17" {_LINE}/>'
    ),
    "scan": (  # a printed page with QR finder squares under a scanner's beam
        f'<rect x="4.5" y="2.5" width="15" height="19" rx="1.5" {_LINE}/>'
        f'<rect x="7.5" y="5.5" width="3.5" height="3.5" fill="{NAV_INK}"/>'
        f'<rect x="13" y="5.5" width="3.5" height="3.5" fill="{NAV_INK}"/>'
        f'<rect x="7.5" y="11" width="3.5" height="3.5" fill="{NAV_INK}"/>'
        f'<path d="M1.5 17.5H22.5" {_LINE}/>'
    ),
    "packages": (  # a box with an arrow going out (packages go back)
        f'<path d="M3.5 9.5L12 5L20.5 9.5V18L12 22L3.5 18Z" {_LINE}/>'
        f'<path d="M12 13V2M8.5 5.5L12 2L15.5 5.5" stroke="{NAV_INK}" stroke-width="2" {_ROUND}/>'
    ),
    "review": (  # a page with a tick: the supervisor's check
        f'<path d="M6 2.5H14.5L19 7V21.5H6Z" {_LINE}/><path d="M14.5 2.5V7H19" {_LINE}/>'
        f'<polyline points="8.8,14 11.3,16.5 16,11.5" {_LINE}/>'
    ),
    "draw": (  # two dice: the draw by lot
        f'<rect x="2.5" y="8.5" width="10" height="10" rx="2" {_LINE}/>'
        f'<rect x="11.5" y="3.5" width="10" height="10" rx="2" fill="white" '
        f'stroke="{NAV_INK}" stroke-width="2"/>'
        + "".join(
            f'<circle cx="{x}" cy="{y}" r="1.2" fill="{NAV_INK}"/>'
            for x, y in ((5.5, 11.5), (9.5, 15.5), (16.5, 8.5))
        )
    ),
    "statistics": (  # a bar chart
        f'<path d="M3.5 20.5H20.5" {_LINE}/>'
        f'<rect x="5" y="12" width="3.5" height="8" fill="{NAV_INK}"/>'
        f'<rect x="10.3" y="6" width="3.5" height="14" fill="{NAV_INK}"/>'
        f'<rect x="15.6" y="9.5" width="3.5" height="10.5" fill="{NAV_INK}"/>'
    ),
    "credit": (  # a list with a flag: red and black lists
        f'<path d="M9 7H20M9 12H20M9 17H20" {_LINE}/>'
        f'<path d="M3.5 20V4" {_LINE}/><path d="M3.5 4.5H7L6 6.5L7 8.5H3.5" fill="{NAV_INK}"/>'
    ),
    "publication": (  # a megaphone: made public
        f'<path d="M3.5 10V14H7L15 19V5L7 10Z" {_LINE}/>'
        f'<path d="M18 9.5C19.3 10.8 19.3 13.2 18 14.5M7 14L8.5 20" {_LINE}/>'
    ),
    "settings": (  # a gear: teeth from a dashed ring, a hub with its hole
        f'<circle cx="12" cy="12" r="8.2" fill="none" stroke="{NAV_INK}" stroke-width="3.2" '
        'stroke-dasharray="3.2 3.24"/>'
        f'<circle cx="12" cy="12" r="5.4" fill="none" stroke="{NAV_INK}" stroke-width="3.4"/>'
    ),
}


def colour(verdict: str | None) -> QColor:
    return COLOURS.get(verdict or "", NEUTRAL_COLOUR)


def svg_pixmap(body: str, size: int) -> QPixmap:
    """SVG shapes in a 24 × 24 view box, ``size`` pixels square (drawn at SCALE ×). The first frame
    shows pixmaps: a view takes one as readily as an icon, and QIcon's Python type costs ~2 ms to
    set up (its ThemeIcon enum)."""
    px = max(size, 1) * SCALE
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{px}" height="{px}" viewBox="0 0 24 24">{body}</svg>'
    )
    pixmap = QPixmap()
    if not pixmap.loadFromData(QByteArray(svg.encode()), "SVG"):
        raise RuntimeError("Qt's SVG image plugin (imageformats/libqsvg) is missing: no icons")
    pixmap.setDevicePixelRatio(SCALE)
    return pixmap


@cache
def verdict_pixmap(verdict: str | None, size: int = 32) -> QPixmap:
    """A filled circle with a tick (pass), a cross (fail), a question mark (inconclusive), three
    dots (incomplete: something is still missing)."""
    disc = f'<circle cx="12" cy="12" r="11" fill="{colour(verdict).name()}"/>'
    return svg_pixmap(disc + _MARKS.get(verdict or "", _DASH), size)


PROVISIONAL = NEUTRAL_COLOUR  # a draft's verdict so far: grey text


@cache
def provisional_pixmap(verdict: str | None, size: int = 16) -> QPixmap:
    """A draft's verdict so far: a hollow, dashed ring in the verdict's colour (a signed verdict
    is a filled disc with its mark), so a list never shows a draft as if it were decided."""
    ring = (
        f'<circle cx="12" cy="12" r="9.5" fill="none" stroke="{colour(verdict).name()}" '
        'stroke-width="2.4" stroke-dasharray="3.5 2.5"/>'
    )
    return svg_pixmap(ring, size)


STEP_STATES = {  # a wizard step's state (inspector_app.progress) → the verdict disc it shows
    "done": "pass",
    "failed": "fail",
    "missing": "incomplete",
    "inconclusive": "inconclusive",
}


_WARNING = (  # a triangle with "!": input that cannot stand (a refused cell), not a verdict
    f'<path d="M12 2.2L22.6 20.6H1.4Z" fill="{INVALID_COLOUR.name()}" stroke="{INVALID_COLOUR.name()}" '
    'stroke-width="1.6" stroke-linejoin="round"/>'
    f'<path d="M12 8.6V14" stroke="white" stroke-width="2.6" {_ROUND}/>'
    '<circle cx="12" cy="17.4" r="1.5" fill="white"/>'
)


@cache
def step_pixmap(state: str, size: int = 18) -> QPixmap:
    """A step's mark in the wizard's step list: the disc of its state (done ✓, failed ✗, missing
    …, undecided ?), a red triangle with "!" for input that cannot stand, a dashed grey ring with
    a dash for an optional step left out, or an empty grey ring for a step not begun."""
    if state in STEP_STATES:
        return verdict_pixmap(STEP_STATES[state], size)
    if state == "invalid":
        return svg_pixmap(_WARNING, size)
    if state == "optional":  # may be left out: a dashed grey ring with a dash, not "to do"
        dashed = (
            f'<circle cx="12" cy="12" r="9.5" fill="none" stroke="{NEUTRAL_COLOUR.name()}" '
            'stroke-width="2" stroke-dasharray="3 2.6"/>'
            f'<path d="M8 12H16" stroke="{NEUTRAL_COLOUR.name()}" stroke-width="2" {_ROUND}/>'
        )
        return svg_pixmap(dashed, size)
    ring = f'<circle cx="12" cy="12" r="9.5" fill="none" stroke="{NEUTRAL_COLOUR.name()}" stroke-width="2"/>'
    return svg_pixmap(ring, size)


@cache
def step_icon(state: str, size: int = 18) -> QIcon:
    """`step_pixmap` as an icon, for the step list."""
    from PySide6.QtGui import QIcon

    return QIcon(step_pixmap(state, size))


@cache
def verdict_icon(verdict: str | None, size: int = 32) -> QIcon:
    """`verdict_pixmap` as an icon, for widgets that take icons."""
    from PySide6.QtGui import QIcon

    return QIcon(verdict_pixmap(verdict, size))


@cache
def nav_pixmap(page: str, size: int = 22) -> QPixmap:
    """The navigation bar's pictogram of a page."""
    return svg_pixmap(_NAV[page], size)


@cache
def nav_icon(page: str, size: int = 22) -> QIcon:
    """`nav_pixmap` as an icon, for widgets that take icons."""
    from PySide6.QtGui import QIcon

    return QIcon(nav_pixmap(page, size))
