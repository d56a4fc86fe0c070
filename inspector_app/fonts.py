"""Finding the CJK TrueType font that Qt and reportlab both use (WenQuanYi Micro Hei).

reportlab can embed only TrueType outlines: Noto CJK and Source Han are refused (PLATFORM.md), so
the app looks for wqy-microhei first; a bundled copy (PyInstaller) or INSPECTOR_APP_FONT wins.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ENV_FONT = "INSPECTOR_APP_FONT"
CANDIDATES = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
    "/usr/local/share/fonts/wqy-microhei.ttc",
)


def cjk_font_path() -> Path | None:
    """The first CJK font found, or None (selfcheck reports it; the GUI would draw boxes)."""
    override = os.environ.get(ENV_FONT)
    if override and Path(override).is_file():
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle and (Path(bundle) / "fonts" / "wqy-microhei.ttc").is_file():
        return Path(bundle) / "fonts" / "wqy-microhei.ttc"
    for candidate in CANDIDATES:
        if Path(candidate).is_file():
            return Path(candidate)
    return None
