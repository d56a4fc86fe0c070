"""The composition root: resolve the database, open the services, install the translator and an
error dialog, show the main window. Nothing else configures the GUI.
"""

from __future__ import annotations

import gc
import os
import sys
import time
import traceback
from collections.abc import Sequence
from contextlib import ExitStack
from pathlib import Path
from types import SimpleNamespace, TracebackType
from typing import Any

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

I18N_DIR = Path(__file__).with_name("i18n")
# The GUI waits less than the CLI for another program's lock: the wait freezes the window, and an
# autosave that cannot get through is kept and retried (InspectionWindow.pending).
GUI_BUSY_TIMEOUT_MS = 1000
PROCESS_START = time.perf_counter()


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Our .qm (English only for plurals) plus, in Chinese, Qt's own catalogue for its dialogs and
    our supplement to it (ui/i18n/qt_extra_zh_CN.ts)."""
    from ui.labels import LANGUAGE_PROPERTY

    app.setProperty(LANGUAGE_PROPERTY, "zh" if language.startswith("zh") else "en")
    translators = []
    ours = QTranslator(app)
    name = "inspector_zh_CN.qm" if language.startswith("zh") else "inspector_en.qm"
    if ours.load(str(I18N_DIR / name)):
        app.installTranslator(ours)
        translators.append(ours)
    if language.startswith("zh"):
        qt = QTranslator(app)
        if qt.load(
            QLocale(QLocale.Language.Chinese, QLocale.Country.China),
            "qtbase",
            "_",
            QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        ):
            app.installTranslator(qt)
            translators.append(qt)
        # What Qt's catalogue lacks for this Qt version ("&Look in:" …); installed last, asked first.
        extra = QTranslator(app)
        if extra.load(str(I18N_DIR / "qt_extra_zh_CN.qm")):
            app.installTranslator(extra)
            translators.append(extra)
    return translators


def install_font(app: QApplication) -> None:
    """The CJK font for everything, fully hinted: each glyph is then drawn once, on the pixel
    grid (crisp small Chinese text), not at several sub-pixel positions, which cost the first
    paint ~6 ms (bench/startup.py)."""
    from inspector_app.fonts import cjk_font_path

    path = cjk_font_path()
    if path is None:
        return
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if families:
        font = QFont(families[0], 10)
        font.setHintingPreference(QFont.HintingPreference.PreferFullHinting)
        app.setFont(font)


def resume_gc() -> None:
    """Garbage collection back on after the first paint (ui/entry.py paused it). What start-up
    made lives as long as the app: frozen, later collections need not scan it again."""
    gc.freeze()
    gc.enable()


def start_backup(services: Any) -> Any:
    """The daily backup, once the window is on screen: on a worker thread, through a connection
    of its own, so the GUI keeps reading meanwhile (WAL)."""
    from ui.runner import Task, start

    return start(Task(lambda _report, _cancelled: services.daily_backup()))


def install_error_dialog(app: QApplication) -> None:
    """An unexpected error becomes a calm dialog (details on request), never a bare traceback."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        from PySide6.QtWidgets import QMessageBox  # here: start-up need not pay for it

        details = "".join(traceback.format_exception(kind, value, tb))
        sys.stderr.write(details)
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            app.tr("Unexpected error"),
            app.tr("Something went wrong. Your data is saved; the last action may not have completed."),
        )
        box.setDetailedText(details)
        box.exec()

    sys.excepthook = hook


def window_for(services: Any, lang: str) -> Any:
    """The main window of this database: the office's pages on an office database (office mode),
    the inspector's otherwise. Both signal `first_painted` and `startup_finished`, and build
    their other pages on first use."""
    if services.office_mode:
        from ui.office.window import OfficeWindow

        return OfficeWindow(services, lang)
    from ui.main_window import MainWindow

    return MainWindow(services, lang)


def parse_args(argv: Sequence[str]) -> Any:
    """The GUI's arguments. The two ways an inspector starts it (no argument; `--db PATH`) are read
    directly: argparse costs ~7 ms of start-up, as its messages go through gettext, which searches
    for catalogues. Anything else (screenshot, --help, a mistake) goes through argparse."""
    argv = list(argv)
    if not argv or (len(argv) == 2 and argv[0] == "--db" and not argv[1].startswith("-")):
        db = db_argument(argv[1]) if argv else None
        return SimpleNamespace(command="gui", outdir=None, db=db, readme=False)
    import argparse

    parser = argparse.ArgumentParser(prog="inspector-app")
    parser.add_argument("command", nargs="?", default="gui", choices=("gui", "screenshot"))
    parser.add_argument("outdir", nargs="?", type=Path)
    parser.add_argument("--db", type=db_argument, default=None)
    parser.add_argument("--readme", action="store_true", help="screenshot: only the README's images")
    return parser.parse_intermixed_args(argv)  # `screenshot --db X DIR` as the README has it


def db_argument(value: str) -> Path | str:
    """--db: a SQLite file, or a ``postgresql://`` URL naming an office database on a server
    (kept as text: a Path would fold its //)."""
    from inspector_app.services import is_url

    return value if is_url(value) else Path(value)


def refusal(exc: Exception, db: Path | str | None) -> str | None:
    """Why the database named by --db cannot be opened, in Chinese and English, naming --db; None
    when the error is not one a user can act on (the error dialog takes it)."""
    from inspector_app.messages import bilingual
    from inspector_app.services.errors import DatabaseMissing

    if isinstance(exc, DatabaseMissing):
        return bilingual("--db", "no_database", {"value": exc.path})
    if type(exc).__module__.startswith("psycopg"):  # a PostgreSQL office database (db.office.postgres)
        import re

        value = re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", str(db))  # never a password on screen
        detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        code = "server_unreachable" if type(exc).__name__ == "OperationalError" else "database_url_invalid"
        return bilingual("--db", code, {"value": value, "detail": detail})
    return None


def screenshot_copy(stack: ExitStack, source: Path | None) -> Path:
    """A temporary copy of the database to take screenshots from (removed on exit). A missing
    source gives a path that does not exist, refused as any mistyped --db is."""
    import tempfile

    from inspector_app.paths import default_db_path
    from inspector_app.services import copy_database

    folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="inspector-shots-")))
    source = source or default_db_path()
    if not source.is_file():
        return source
    return copy_database(source, folder / "copy.sqlite")


def main(argv: Sequence[str]) -> int:
    args = parse_args(argv)

    from inspector_app.paths import default_db_path
    from inspector_app.services import open_services

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("inspector-app")
    app.setOrganizationName("inspector-app")
    if args.command == "screenshot":
        gc.enable()
    stack = ExitStack()
    db_path = args.db
    remote = isinstance(db_path, str)  # a PostgreSQL office database
    if args.command == "screenshot" and not isinstance(args.db, str):  # rendered from a copy:
        db_path = screenshot_copy(stack, args.db)  # opening steps and drafts must not touch it
    try:  # only the per-user database is made at first start; a mistyped --db is refused
        services = stack.enter_context(
            open_services(
                db_path,
                create=args.command == "gui" and args.db is None,
                busy_timeout_ms=GUI_BUSY_TIMEOUT_MS,
                backup=False,  # the GUI's waits for its first paint; a screenshot copy needs none
                # On a server's office database, this desktop's own tables (the supervisor's key,
                # the language) stay in its per-user database.
                local=default_db_path() if remote else None,
            )
        )
        if remote and not services.office_mode:
            from inspector_app.messages import bilingual

            stack.close()
            message: str | None = bilingual("--db", "not_office", {"value": str(db_path)})
        else:
            message = None
    except Exception as exc:
        stack.close()
        message = refusal(exc, db_path)
        if message is None:
            raise
    if message is not None:
        from PySide6.QtWidgets import QMessageBox

        print(message, file=sys.stderr)
        if args.command == "gui" and QApplication.platformName() != "offscreen":
            QMessageBox.critical(None, "inspector-app", message)
        return 2
    with stack:
        language = services.language()
        lang = "zh" if language.startswith("zh") else "en"
        install_translators(app, language)  # type: ignore[arg-type]
        install_font(app)  # type: ignore[arg-type]
        if args.command == "screenshot":
            from ui.screenshots import save_readme_images, save_screenshots

            outdir = args.outdir or Path("screenshots")
            save = save_readme_images if args.readme else save_screenshots
            for path in save(services, lang, outdir):
                print(path)
            return 0
        install_error_dialog(app)  # type: ignore[arg-type]
        window = window_for(services, lang)
        window.first_painted.connect(resume_gc)
        window.startup_finished.connect(lambda: start_backup(services))
        if os.environ.get("INSPECTOR_APP_EXIT_WHEN_IDLE"):  # bench/startup.py, packaging tests

            def report() -> None:
                wall = (time.perf_counter() - PROCESS_START) * 1000
                print(f"ready_ms={wall:.1f} cpu_ms={time.process_time() * 1000:.1f}", flush=True)

            window.first_painted.connect(report)
            window.startup_finished.connect(app.quit)
        window.show()
        code = app.exec()
        from PySide6.QtCore import QThreadPool

        QThreadPool.globalInstance().waitForDone()  # a daily backup still copying finishes first
        return code
