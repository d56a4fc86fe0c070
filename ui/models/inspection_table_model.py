"""The inspection list as a lazy item model: it holds ids only and fetches rows a page at a time.

Sorting and filtering happen in SQL (through the inspection list service); the view asks only for
the rows it paints, so 200,000 inspections cost one id query and a few small page queries. At
start-up even the id query waits: `reload(rest_later=True)` reads the first page of keys and the
count, enough to paint; `complete` reads the rest once the window is on screen.

The first paint also shapes the model: no enum of PySide6's `Qt` namespace is touched until then,
since its first use creates all 93 of its enum classes (~20 ms, PLATFORM.md). So roles are compared
as the integers Qt passes, the text colour is a QColor (`QBrush(colour)` resolves its overloads
through `Qt`), and the view's header paints its labels from `header_model()`, a C++ model: the
Python `headerData` receives a `Qt.Orientation` (it stays for accessibility and other readers).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QStandardItemModel

from inspector_app import vocabulary
from inspector_app.local_time import local_day
from ui import icons, labels

if TYPE_CHECKING:
    from PySide6.QtCore import Qt

PAGE_SIZE = 200

COLUMNS = ("record_no", "status", "form_id", "site_name", "instrument_label", "started_at", "verdict")
SORT_KEYS = {
    "record_no": "record_no",
    "status": "status",
    "form_id": "form_id",
    "site_name": "site_name",
    "instrument_label": "instrument_label",
    "started_at": "started_at",
    "verdict": "verdict",
}
# Qt.ItemDataRole values, as Qt passes them (tests/ui/test_startup.py checks them against Qt's).
DISPLAY_ROLE, DECORATION_ROLE, TOOLTIP_ROLE, FOREGROUND_ROLE, USER_ROLE = 0, 1, 3, 9, 256
ID_ROLE = USER_ROLE + 1
VERDICT_ROLE = USER_ROLE + 2
ROLES = frozenset((DISPLAY_ROLE, DECORATION_ROLE, FOREGROUND_ROLE, TOOLTIP_ROLE, ID_ROLE, VERDICT_ROLE))
VERDICT_COLUMN = COLUMNS.index("verdict")
STATUS_COLUMN = COLUMNS.index("status")


class InspectionSource(Protocol):
    def list_keys(self, *, limit: int | None = None, **filters: Any) -> list[int]: ...
    def count(self, **filters: Any) -> int: ...
    def rows_by_keys(self, keys: list[int]) -> dict[int, dict[str, Any]]: ...


class InspectionTableModel(QAbstractTableModel):
    """Row keys in display order plus a cache of fetched pages; `reload` re-runs the query."""

    def __init__(self, source: InspectionSource, parent: Any = None) -> None:
        super().__init__(parent)
        self._source = source
        self._keys: list[int] = []
        self._total = 0  # rows; more than len(_keys) until `complete` has read the rest
        self._pages: dict[int, dict[int, dict[str, Any]]] = {}
        # row: texts, verdict, id, the status's tooltip
        self._cells: dict[int, tuple[tuple[str, ...], str | None, str | None, str]] = {}
        self._provisional: dict[int, bool] = {}  # row: a draft (its verdict is only so far)
        self._filters: dict[str, Any] = {"order_by": "started_at", "descending": True}
        self.pages_fetched = 0  # for tests: proof that rows are fetched lazily
        headers = {
            "record_no": self.tr("Record no."),
            "status": self.tr("Status"),
            "form_id": self.tr("Procedure"),
            "site_name": self.tr("Site"),
            "instrument_label": self.tr("Instrument / lot"),
            "started_at": self.tr("Date"),
            "verdict": self.tr("Verdict"),
        }
        self.headers = [headers[c] for c in COLUMNS]

    def header_model(self) -> QStandardItemModel:
        """The column labels in a C++ model, for the view's header to paint (see above)."""
        model = QStandardItemModel(0, len(COLUMNS), self)
        model.setHorizontalHeaderLabels(self.headers)
        return model

    # -- query -----------------------------------------------------------------------------
    def set_filters(
        self, *, search: str = "", status: str = "", form_id: str = "", verdict: str = ""
    ) -> None:
        self._filters.update(search=search, status=status, form_id=form_id, verdict=verdict)
        self.reload()

    def reload(self, *, rest_later: bool = False) -> None:
        """Run the query again. With ``rest_later``, read only the first page of keys and the
        count (what a first paint needs); `complete`, or the first row beyond it, reads the rest."""
        self.beginResetModel()
        if rest_later:
            self._keys = self._source.list_keys(limit=PAGE_SIZE, **self._filters)
            full = len(self._keys) < PAGE_SIZE
            self._total = len(self._keys) if full else self._source.count(**self._search_filters())
        else:
            self._keys = self._source.list_keys(**self._filters)
            self._total = len(self._keys)
        self._pages.clear()
        self._cells.clear()
        self._provisional.clear()
        self.endResetModel()

    def complete(self) -> None:
        """Read the keys `reload(rest_later=True)` left out; the rows already shown stay put."""
        if len(self._keys) >= self._total:
            return
        keys = self._source.list_keys(**self._filters)
        if len(keys) == self._total and keys[: len(self._keys)] == self._keys:
            self._keys = keys
            return
        self.beginResetModel()  # the data changed in between: show what is there now
        self._keys, self._total = keys, len(keys)
        self._pages.clear()
        self._cells.clear()
        self._provisional.clear()
        self.endResetModel()

    def _search_filters(self) -> dict[str, Any]:
        return {k: v for k, v in self._filters.items() if k not in ("order_by", "descending")}

    def sort(self, column: int, order: Qt.SortOrder | None = None) -> None:
        """Sort in SQL (ascending when no order is given)."""
        from PySide6.QtCore import Qt  # the view sorts only after the first paint (see above)

        order_by = SORT_KEYS[COLUMNS[column]]
        descending = order == Qt.SortOrder.DescendingOrder
        if (order_by, descending) == (self._filters["order_by"], self._filters["descending"]):
            return  # already in this order (e.g. when the view enables sorting): no new query
        self._filters.update(order_by=order_by, descending=descending)
        self.reload()

    def id_at(self, row: int) -> str:
        """The inspection's UUID at a row."""
        return str(self.row_data(row)["id"])

    def row_data(self, row: int) -> dict[str, Any]:
        if row >= len(self._keys):
            self.complete()
        page = row // PAGE_SIZE
        if page not in self._pages:
            keys = self._keys[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
            self._pages[page] = self._source.rows_by_keys(keys)
            self.pages_fetched += 1
        return self._pages[page].get(self._keys[row], {})

    # -- Qt model --------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY_ROLE) -> Any:
        from PySide6.QtCore import Qt  # for accessibility and the like; the view's header paints
        # `header_model()` instead (see above)

        if role != DISPLAY_ROLE or orientation != Qt.Orientation.Horizontal:
            return None
        return self.headers[section]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY_ROLE) -> Any:
        # Called for every role of every painted cell: the common "nothing" answer comes first.
        if role not in ROLES or not index.isValid():
            return None
        texts, verdict, inspection_id, status_tip = self._row_cells(index.row())
        if role == TOOLTIP_ROLE and status_tip and index.column() == STATUS_COLUMN:
            return status_tip
        if role in (DISPLAY_ROLE, TOOLTIP_ROLE):
            return texts[index.column()]
        if role == ID_ROLE:
            return inspection_id
        if role == VERDICT_ROLE:
            return verdict
        if index.column() != VERDICT_COLUMN:
            return None
        if self._provisional.get(index.row()):  # a draft's verdict so far: grey, a hollow mark
            return icons.provisional_pixmap(verdict, 16) if role == DECORATION_ROLE else icons.PROVISIONAL
        return icons.verdict_pixmap(verdict, 16) if role == DECORATION_ROLE else icons.colour(verdict)

    def cell_texts(self, column: int) -> list[str]:
        """Every text a status or verdict cell can show, so the view can size the column to hold
        each whole (a draft's "不合格（暂定）" was cut)."""
        if column == STATUS_COLUMN:
            return [labels.status(code) for code in vocabulary.STATUSES] + [self.tr("Superseded")]
        if column == VERDICT_COLUMN:
            words = [labels.verdict(code) for code in vocabulary.VERDICTS]
            return words + [self.tr("%1 (so far)").replace("%1", word) for word in words]
        return []

    def _row_cells(self, row: int) -> tuple[tuple[str, ...], str | None, str | None, str]:
        """A row's texts as shown, its verdict, id and the status's tooltip when it says more than
        the cell: made once per row, not once per role."""
        cells = self._cells.get(row)
        if cells is None:
            data = self.row_data(row)
            texts = [_text(key, data.get(key)) for key in COLUMNS]
            draft = data.get("status") == "draft"
            self._provisional[row] = draft
            if draft and data.get("verdict") not in (None, "", "incomplete"):  # so far, not signed
                texts[VERDICT_COLUMN] = self.tr("%1 (so far)").replace("%1", texts[VERDICT_COLUMN])
            tip = ""
            if data.get("superseded_by"):  # a correction replaced it: the mark fits the cell, the
                # tooltip says by which record (the whole sentence was cut to "已定…")
                tip = (
                    self.tr("%1, superseded by %2")
                    .replace("%1", texts[STATUS_COLUMN])
                    .replace("%2", str(data["superseded_by"]))
                )
                texts[STATUS_COLUMN] = self.tr("Superseded")
            cells = (tuple(texts), data.get("verdict"), data.get("id"), tip)
            self._cells[row] = cells
        return cells


def _text(key: str, value: Any) -> str:
    if key == "status":
        return labels.status(value)
    if key == "form_id":
        return labels.form(value)
    if key == "verdict":
        return labels.verdict(value)
    if key == "started_at":
        return local_day(value)
    return "" if value is None else str(value)
