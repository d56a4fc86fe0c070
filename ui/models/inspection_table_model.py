"""The inspection list as a lazy item model: it holds ids only and fetches rows a page at a time.

Sorting and filtering happen in SQL (through the inspection service); the view asks only for the
rows it paints, so 200,000 inspections cost one id query and a few small page queries.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush

from ui import icons, labels

PAGE_SIZE = 200

# Columns: (key, header source text); header text is translated in headerData.
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
ID_ROLE = Qt.ItemDataRole.UserRole + 1
VERDICT_ROLE = Qt.ItemDataRole.UserRole + 2


class InspectionSource(Protocol):
    def list_keys(self, **filters: Any) -> list[int]: ...
    def rows_by_keys(self, keys: list[int]) -> dict[int, dict[str, Any]]: ...


class InspectionTableModel(QAbstractTableModel):
    """Row keys in display order plus a cache of fetched pages; `reload` re-runs the query."""

    def __init__(self, source: InspectionSource, parent: Any = None) -> None:
        super().__init__(parent)
        self._source = source
        self._keys: list[int] = []
        self._pages: dict[int, dict[int, dict[str, Any]]] = {}
        self._filters: dict[str, Any] = {"order_by": "started_at", "descending": True}
        self.pages_fetched = 0  # for tests: proof that rows are fetched lazily

    # -- query -----------------------------------------------------------------------------
    def set_filters(
        self, *, search: str = "", status: str = "", form_id: str = "", verdict: str = ""
    ) -> None:
        self._filters.update(search=search, status=status, form_id=form_id, verdict=verdict)
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._keys = self._source.list_keys(**self._filters)
        self._pages.clear()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._filters["order_by"] = SORT_KEYS[COLUMNS[column]]
        self._filters["descending"] = order == Qt.SortOrder.DescendingOrder
        self.reload()

    def id_at(self, row: int) -> str:
        """The inspection's UUID at a row."""
        return str(self.row_data(row)["id"])

    def row_data(self, row: int) -> dict[str, Any]:
        page = row // PAGE_SIZE
        if page not in self._pages:
            keys = self._keys[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
            self._pages[page] = self._source.rows_by_keys(keys)
            self.pages_fetched += 1
        return self._pages[page].get(self._keys[row], {})

    # -- Qt model --------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._keys)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return {
            "record_no": self.tr("Record no."),
            "status": self.tr("Status"),
            "form_id": self.tr("Procedure"),
            "site_name": self.tr("Site"),
            "instrument_label": self.tr("Instrument / lot"),
            "started_at": self.tr("Date"),
            "verdict": self.tr("Verdict"),
        }[COLUMNS[section]]

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        key = COLUMNS[index.column()]
        if role == ID_ROLE:
            return self.row_data(index.row()).get("id")
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.DecorationRole,
            Qt.ItemDataRole.ForegroundRole,
            VERDICT_ROLE,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        row = self.row_data(index.row())
        value = row.get(key)
        if role == VERDICT_ROLE:
            return row.get("verdict")
        if key == "verdict":
            if role == Qt.ItemDataRole.DecorationRole:
                return icons.verdict_icon(value, 16)
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(icons.colour(value))
        if role == Qt.ItemDataRole.DecorationRole:
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return None
        if key == "status":
            return labels.status(value)
        if key == "form_id":
            return labels.form(value)
        if key == "verdict":
            return labels.verdict(value)
        if key == "started_at":
            return (value or "")[:10]
        return value
