"""The lazy inspection model, tested without a view: ids up front, rows a page at a time."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from ui.models.inspection_table_model import COLUMNS, ID_ROLE, InspectionTableModel


def test_model_fetches_only_the_pages_it_is_asked_for(demo_services, qtbot):
    model = InspectionTableModel(demo_services.inspection_list)
    model.reload()
    assert model.rowCount() == 24 and model.pages_fetched == 0
    model.index(3, 0).data()
    model.index(7, 3).data()
    assert model.pages_fetched == 1


def test_sorting_and_filtering_happen_in_sql(demo_services, qtbot):
    model = InspectionTableModel(demo_services.inspection_list)
    column = COLUMNS.index("started_at")
    model.sort(column, Qt.SortOrder.AscendingOrder)
    dates = [model.index(r, column).data() for r in range(model.rowCount())]
    assert dates == sorted(dates)
    model.set_filters(status="draft")
    drafts = model.rowCount()
    assert 0 < drafts < 24
    assert all(
        demo_services.inspections.get(model.index(r, 0).data(ID_ROLE))["status"] == "draft"
        for r in range(drafts)
    )
    site = demo_services.inspections.get(model.id_at(0))["site_name"]
    model.set_filters(search=site[:4])
    assert all(site[:4] in model.index(r, COLUMNS.index("site_name")).data() for r in range(model.rowCount()))


def test_verdict_column_has_icon_and_colour(demo_services, qtbot):
    model = InspectionTableModel(demo_services.inspection_list)
    model.reload()
    index = model.index(0, COLUMNS.index("verdict"))
    assert not index.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert index.data(Qt.ItemDataRole.ForegroundRole) is not None


def test_the_date_column_is_the_day_in_chongqing(demo_services, qtbot):
    """A check begun at 01:30 on the 1st in Chongqing is stored as 17:30 UTC on the 30th; the list
    shows the day the inspector worked, as the record prints it (it showed the UTC day)."""
    model = InspectionTableModel(demo_services.inspection_list)
    model.reload()
    sample = demo_services.inspections.get(model.id_at(0))
    late = demo_services.inspections.start(
        form_id=sample["form_id"],
        site_id=sample["site_id"],
        instrument_id=sample["instrument_id"],
        lot=json.loads(sample["lot"]) if sample.get("lot") else None,
        started_at="2026-11-30T17:30:00.000Z",
    )
    model.reload()
    row = next(r for r in range(model.rowCount()) if model.id_at(r) == late)
    assert model.index(row, COLUMNS.index("started_at")).data() == "2026-12-01"
