"""The inspection list: search (full-text), filters by status, procedure and verdict, a lazy table.

It is the main window's first screen, so it is built from what it needs to paint, and touches no
enum of PySide6's `Qt` namespace until then (see ui/models/inspection_table_model.py): the owner
loads the list (`reload`, or `model.reload(rest_later=True)`), then, after the first paint, calls
`finish` to offer the procedures (the forms) and turn sorting on.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from forms.catalogue import form_ids
from ui import labels
from ui.models.inspection_table_model import COLUMNS, ID_ROLE, InspectionSource, InspectionTableModel
from ui.widgets import named, shortcut

SEARCH_DELAY_MS = 150  # type-ahead: query after a short pause, not on every key


class InspectionsPage(QWidget):
    """Lists inspections; Enter or double-click emits `inspection_activated` with the id."""

    inspection_activated = Signal(str)
    new_requested = Signal()
    export_requested = Signal()

    def __init__(self, source: InspectionSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = InspectionTableModel(source, self)
        self._finished = False
        self.search = QLineEdit(placeholderText=self.tr("Search site, credit code, serial, record no."))
        self.search.setAccessibleName(self.tr("Search inspections"))
        self.status = named(QComboBox(), self.tr("Status"))
        self.status.addItem(self.tr("All statuses"), "")
        for code in ("draft", "finalised", "approved", "returned"):
            self.status.addItem(labels.status(code), code)
        self.form = named(QComboBox(), self.tr("Procedure"))
        self.form.addItem(self.tr("All procedures"), "")
        self.verdict = named(QComboBox(), self.tr("Verdict"))
        self.verdict.addItem(self.tr("All verdicts"), "")
        for code in ("pass", "fail", "inconclusive", "incomplete"):
            self.verdict.addItem(labels.verdict(code), code)
        self.count = QLabel()
        self.new_button = QPushButton(self.tr("New inspection"))
        self.new_button.setToolTip("Ctrl+N")
        self.new_button.clicked.connect(self.new_requested)

        self.table = QTableView()
        header = self.table.horizontalHeader()
        # Headers hidden while the model is set, and the labels from the model's C++ copy: both
        # keep the Python `headerData` out of the first paint (see the model's docstring).
        self.table.verticalHeader().setVisible(False)
        header.setVisible(False)
        self.table.setModel(self.model)
        header.setModel(self.model.header_model())
        header.setVisible(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(28)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate((170, 80, 110, 300, 220, 100, 110)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        # The procedure column holds the longest installed name whole ("集贸市场/超市衡器" was cut),
        # read from the procedures' heads (no definition parsed before the first paint).
        names = [labels.form(form_id) for form_id in form_ids()]
        longest = max((self.table.fontMetrics().horizontalAdvance(n) for n in names), default=0)
        self.table.setColumnWidth(COLUMNS.index("form_id"), max(110, min(longest + 24, 260)))
        # The status and the verdict (a draft's "不合格（暂定）" beside its mark) whole, too.
        for column, icon in ((COLUMNS.index("status"), 0), (COLUMNS.index("verdict"), 16 + 8)):
            widest = max(self.table.fontMetrics().horizontalAdvance(t) for t in self.model.cell_texts(column))
            self.table.setColumnWidth(column, max(self.table.columnWidth(column), widest + icon + 24))

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.status, 1)
        filters.addWidget(self.form, 1)
        filters.addWidget(self.verdict, 1)
        filters.addWidget(self.new_button)
        self.export_button = QPushButton(self.tr("Export signed PDFs…"))
        self.export_button.clicked.connect(self.export_requested)
        filters.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)

        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self._timer.start)
        self.search.returnPressed.connect(self.apply_filters)
        for combo in (self.status, self.form, self.verdict):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.table.activated.connect(lambda index: self.inspection_activated.emit(index.data(ID_ROLE)))
        self.model.modelReset.connect(self._update_count)

    def finish(self, form_ids: Iterable[str]) -> None:
        """Offer these procedures in the filter, turn sorting on and add Ctrl+N (after the first
        paint; a second call changes nothing)."""
        from PySide6.QtCore import Qt  # after the first paint only (see the module docstring)
        from PySide6.QtGui import QKeySequence

        if self._finished:
            return
        self._finished = True
        self.search.setClearButtonEnabled(True)  # shown only once there is text to clear
        shortcut(QKeySequence.StandardKey.New, self, self.new_requested.emit)
        for form_id in form_ids:
            self.form.addItem(labels.form(form_id), form_id)

        # The model is newest first already: the indicator says so, and enabling sorting asks the
        # model for the order it has, which costs no query.
        self.table.horizontalHeader().setSortIndicator(
            COLUMNS.index("started_at"), Qt.SortOrder.DescendingOrder
        )
        self.table.setSortingEnabled(True)

    def apply_filters(self) -> None:
        self._timer.stop()
        self.model.set_filters(
            search=self.search.text(),
            status=self.status.currentData(),
            form_id=self.form.currentData(),
            verdict=self.verdict.currentData(),
        )

    def reload(self) -> None:
        self.model.reload()

    def _update_count(self) -> None:
        self.count.setText(self.tr("%n inspection(s)", "", self.model.rowCount()))
