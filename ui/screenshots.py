"""`inspector-app screenshot --db PATH DIR`: every main page rendered offscreen to PNG.

`--readme` writes only the images the README shows, under the names it links to
(docs/screenshots/; `make docs-screenshots` refreshes them from a fresh demo database).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from ui.main_window import PAGES, MainWindow


def save_office_screenshots(services: Any, lang: str, outdir: Path) -> list[Path]:
    """The office window's pages (office mode), the import page showing the last bundles' results."""
    from ui.office.credit_page import CreditPage
    from ui.office.window import OFFICE_PAGES, OfficeWindow
    from ui.tables import item_at

    outdir.mkdir(parents=True, exist_ok=True)
    window = OfficeWindow(services, lang)
    window.resize(1280, 800)
    window.show()
    finished: list[bool] = []
    window.startup_finished.connect(lambda: finished.append(True))
    window.finish_startup()  # the import page's history, as it is once start-up is done
    while not finished:
        QApplication.processEvents()
    saved = []
    for index, name in enumerate(OFFICE_PAGES):
        window.show_page(index)
        _settle()  # pages that count or render off the GUI thread show their result
        path = outdir / f"office-{index + 1:02d}-{name}-{lang}.png"
        window.grab().save(str(path))
        saved.append(path)
        if name == "credit":
            page = window.page("credit")
            assert isinstance(page, CreditPage)
            entries = page.black.rowCount() or page.red.rowCount()
            view = page.black if page.black.rowCount() else page.red
            codes = [str(item_at(view, 0, 0).text())] if entries else []
            codes += [r["site_code"] for r in services.office.review.page({}, limit=1)]
            dialog = page.open_entity(codes[0]) if codes else None
            if dialog is not None:
                dialog.resize(1100, 560)
                _settle()
                path = outdir / f"office-{index + 1:02d}-entity-{lang}.png"
                dialog.grab().save(str(path))
                saved.append(path)
                dialog.close()
    window.close()
    return saved


def _settle() -> None:
    from PySide6.QtCore import QThreadPool

    for _ in range(3):
        QApplication.processEvents()
        QThreadPool.globalInstance().waitForDone(60_000)
    QApplication.processEvents()


def save_screenshots(services: Any, lang: str, outdir: Path) -> list[Path]:
    from ui.pages.verify_page import VerifyPage

    if services.office_mode:
        return save_office_screenshots(services, lang, outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    window = MainWindow(services, lang)
    window.resize(1280, 800)
    window.show()
    saved = []
    finalised = [r["id"] for r in services.inspections.list_rows(status="finalised", limit=50)]
    signed = next((i for i in finalised if services.records.pdf_of(i) is not None), None)
    for index, name in enumerate(PAGES):
        window.show_page(index)
        if name in ("sites", "instruments", "standards"):
            page = window.registry_pages[name]
            if page.model.rowCount():
                page.view.selectRow(0)
        if name == "verify" and signed:
            verify = window.page("verify")
            assert isinstance(verify, VerifyPage)
            verify.verify_pdf_bytes(services.records.pdf_of(signed))
        QApplication.processEvents()
        path = outdir / f"{index + 1:02d}-{name}-{lang}.png"
        window.grab().save(str(path))
        saved.append(path)
    # Every procedure's steps, filled from a demo draft (or a copy of a finalised record).
    from ui.inspection.window import InspectionWindow

    for form_id in ("fuel_dispenser", "taxi_meter", "scale", "net_content"):
        rows = services.inspections.list_rows(form_id=form_id, status="draft", limit=1)
        if rows:
            draft = rows[0]["id"]
        else:
            done = services.inspections.list_rows(form_id=form_id, limit=1)
            if not done:
                continue
            draft = services.inspections.correct(done[0]["id"])
        inspection = InspectionWindow(services, draft, lang)
        inspection.resize(1280, 800)
        inspection.show()
        for index, step in enumerate(inspection.definition.steps):
            inspection.go(index)
            for _ in range(3):
                QApplication.processEvents()
            path = outdir / f"step-{form_id}-{index + 1:02d}-{step.id}-{lang}.png"
            inspection.grab().save(str(path))
            saved.append(path)
        inspection.close()
    if signed:  # the preview of a signed record
        dialog = window.open_inspection(signed)
        QApplication.processEvents()
        path = outdir / f"{len(PAGES) + 1:02d}-record-preview-{lang}.png"
        dialog.grab().save(str(path))
        saved.append(path)
        dialog.close()
    window.close()
    return saved


README_PAGES = {"inspections": "inspections", "sites": "sites", "verify": "verify"}  # page → file stem
README_STEPS = {"weighings": "inspection-scale-weighings", "summary": "inspection-summary"}  # scale steps


def save_readme_images(services: Any, lang: str, outdir: Path) -> list[Path]:
    """The README's pictures: three pages, two steps of a scale inspection, a record's first page."""
    outdir.mkdir(parents=True, exist_ok=True)
    shots = {p.name: p for p in save_screenshots(services, lang, outdir / ".all")}
    saved = []
    for index, name in enumerate(PAGES):
        if name in README_PAGES:
            saved.append(
                _keep(
                    shots[f"{index + 1:02d}-{name}-{lang}.png"], outdir / f"{README_PAGES[name]}-{lang}.png"
                )
            )
    for shot_name, shot in shots.items():
        for step_id, stem in README_STEPS.items():
            if shot_name.startswith("step-scale-") and shot_name.endswith(f"-{step_id}-{lang}.png"):
                saved.append(_keep(shot, outdir / f"{stem}-{lang}.png"))
    finalised = [r["id"] for r in services.inspections.list_rows(status="finalised", limit=50)]
    signed = next((i for i in finalised if services.records.pdf_of(i) is not None), None)
    if signed:
        page = outdir / "record-page-1.png"
        page.write_bytes(services.records.preview(signed, dpi=100)[0])
        saved.append(page)
    for leftover in (outdir / ".all").iterdir():
        leftover.unlink()
    (outdir / ".all").rmdir()
    return saved


def _keep(shot: Path, target: Path) -> Path:
    shot.replace(target)
    return target
