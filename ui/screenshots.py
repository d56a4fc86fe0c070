"""`inspector-app screenshot --db PATH DIR`: every main page rendered offscreen to PNG."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from ui.main_window import PAGES, MainWindow


def save_screenshots(services: Any, lang: str, outdir: Path) -> list[Path]:
    outdir.mkdir(parents=True, exist_ok=True)
    window = MainWindow(services, lang)
    window.resize(1280, 800)
    window.show()
    saved = []
    for index, name in enumerate(PAGES):
        window.show_page(index)
        if name in ("sites", "instruments", "standards"):
            page = window.registry_pages[name]
            if page.model.rowCount():
                page.view.selectRow(0)
        QApplication.processEvents()
        path = outdir / f"{index + 1:02d}-{name}-{lang}.png"
        window.grab().save(str(path))
        saved.append(path)
    window.close()
    return saved
