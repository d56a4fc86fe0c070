"""Spreadsheet files the office reads and hands on: CSV and XLSX, in and out.

Reading: CSV in UTF-8 (with or without the BOM spreadsheet programs write) or GB 18030 (what
Excel saves a CSV as on a Chinese Windows), and XLSX through openpyxl in read-only mode (the only
place it is used). Writing: XLSX through XlsxWriter in constant-memory mode and CSV in UTF-8 with a
BOM, so a spreadsheet program opens the Chinese text correctly. Files are written whole (a
temporary sibling renamed over the target): an interrupted export leaves no half file.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

MAX_INPUT = 64 * 1024 * 1024  # bytes of one directory file
MAX_ROWS = 500_000  # data rows of one directory file


class TableUnreadable(ValueError):
    """Not a CSV or XLSX file this app can read; ``code`` and ``detail`` say why."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}")
        self.code = code
        self.detail = detail


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise TableUnreadable("not_text", "neither UTF-8 nor GB 18030")


def read_rows(path: Path) -> tuple[list[str], list[list[str]]]:
    """(header, data rows) of the first sheet of an .xlsx or of a .csv, cells as trimmed text.

    Raises TableUnreadable (unknown kind, too large, undecodable, no header) or OSError.
    """
    suffix = path.suffix.lower()
    if path.stat().st_size > MAX_INPUT:
        raise TableUnreadable("too_large", f"{MAX_INPUT // (1024 * 1024)} MiB")
    if suffix == ".csv":
        text = _decode(path.read_bytes())
        rows = [[c.strip() for c in row] for row in csv.reader(io.StringIO(text))]
    elif suffix == ".xlsx":
        rows = list(_xlsx_rows(path))
    else:
        raise TableUnreadable("unknown_kind", suffix or path.name)
    rows = [r for r in rows if any(r)]
    if not rows:
        raise TableUnreadable("no_header")
    if len(rows) - 1 > MAX_ROWS:
        raise TableUnreadable("too_many_rows", str(MAX_ROWS))
    return rows[0], rows[1:]


def _xlsx_rows(path: Path) -> Iterator[list[str]]:
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise TableUnreadable("not_xlsx", type(exc).__name__) from exc
    try:
        sheet = book.worksheets[0]
        for count, row in enumerate(sheet.iter_rows(values_only=True)):
            if count > MAX_ROWS + 1:
                raise TableUnreadable("too_many_rows", str(MAX_ROWS))
            yield [_cell(v) for v in row]
    finally:
        book.close()


def _replace(target: Path, write: Any) -> None:
    part = target.with_name(target.name + ".part")
    try:
        write(part)
        os.replace(part, target)
    except BaseException:
        part.unlink(missing_ok=True)
        raise


FORMULA_STARTS = ("=", "+", "@", "\t", "\r")  # what a spreadsheet program would run as a formula


def _csv_safe(value: Any) -> Any:
    """A text cell a spreadsheet would read as a formula gets a leading apostrophe (OWASP's
    advice against CSV injection: names come from the field, the list goes to the public)."""
    if value is None:
        return ""
    if isinstance(value, str) and (
        value.startswith(FORMULA_STARTS) or (value.startswith("-") and not _numeric(value))
    ):
        return "'" + value
    return value


def _numeric(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def write_csv(target: Path, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """UTF-8 with BOM; returns the data rows written."""
    count = 0

    def write(part: Path) -> None:
        nonlocal count
        with open(part, "w", encoding="utf-8-sig", newline="") as handle:
            out = csv.writer(handle)
            out.writerow(header)
            for row in rows:
                out.writerow([_csv_safe(v) for v in row])
                count += 1

    _replace(target, write)
    return count


def write_xlsx(
    target: Path,
    sheets: Sequence[tuple[str, Sequence[str], Iterable[Sequence[Any]]]],
    *,
    widths: dict[str, Sequence[int]] | None = None,
) -> int:
    """One worksheet per (name, header, rows), header bold and frozen; returns data rows written."""
    import xlsxwriter

    count = 0

    def write(part: Path) -> None:
        nonlocal count
        # Text stays text: a name that starts with "=" is not a formula, nor "http…" a link.
        options = {
            "constant_memory": True,
            "strings_to_numbers": False,
            "strings_to_formulas": False,
            "strings_to_urls": False,
        }
        book = xlsxwriter.Workbook(str(part), options)
        try:
            bold = book.add_format({"bold": True, "bg_color": "#E8EAED", "border": 1})
            for name, header, rows in sheets:
                sheet = book.add_worksheet(name[:31])
                for col, width in enumerate((widths or {}).get(name, ())):
                    sheet.set_column(col, col, width)
                sheet.freeze_panes(1, 0)
                sheet.write_row(0, 0, list(header), bold)
                r = 0
                for r, row in enumerate(rows, start=1):
                    sheet.write_row(r, 0, ["" if v is None else v for v in row])
                count += r
        finally:
            book.close()

    _replace(target, write)
    return count
