"""The inspection list over 200,000 records: first paint, filter, search, memory.
Targets (DESIGN.md): first paint < 100 ms, filter/search < 100 ms, memory < 250 MB.

    .venv/bin/python bench/inspection_list.py [--records 200000]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import time

from _common import ROOT, list_db

sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from inspector_app.services import open_services


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=200_000)
    args = parser.parse_args()
    path = str(list_db(args.records))  # seeded in a child process: its memory is not counted here

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from ui.models.inspection_table_model import COLUMNS
    from ui.pages.inspections_page import InspectionsPage

    app = QApplication([])
    with open_services(path) as s:
        page = InspectionsPage(s.inspection_list)
        page.resize(1200, 800)
        page.show()
        app.processEvents()

        newest_first = (COLUMNS.index("started_at"), Qt.SortOrder.DescendingOrder)

        def timed(action) -> float:
            """Median of 5: the action (a new SQL query and model reset) plus a full repaint, each
            from the unfiltered list, newest first."""
            times = []
            for _ in range(5):
                page.model.sort(*newest_first)  # the model skips a sort into the order it has
                page.model.set_filters()
                start = time.perf_counter()
                action()
                page.table.viewport().repaint()
                app.processEvents()
                times.append((time.perf_counter() - start) * 1000)
            return statistics.median(times)

        first = timed(page.reload)
        rows = page.model.rowCount()
        serial = page.model.row_data(rows // 2)["instrument_label"]
        results = {
            "first paint (all records, newest first)": first,
            "first paint at start-up (first page of keys and the count; the rest after)": timed(
                lambda: page.model.reload(rest_later=True)
            ),
            "filter status = draft": timed(lambda: page.model.set_filters(status="draft")),
            "filter verdict = fail": timed(lambda: page.model.set_filters(verdict="fail")),
            "full-text search 加油站 (trigram FTS5, 30 % of all rows match)": timed(
                lambda: page.model.set_filters(search="加油站")
            ),
            "full-text search of one serial number": timed(lambda: page.model.set_filters(search=serial)),
            "search 渝北 (2 characters: LIKE)": timed(lambda: page.model.set_filters(search="渝北")),
            "sort by site": timed(lambda: page.model.sort(3)),
            "scroll to the end": timed(lambda: page.table.scrollToBottom()),
        }
        print(f"{rows} inspections")
        for name, ms in results.items():
            print(f"{name}: {ms:.0f} ms")
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak memory (RSS): {rss:.0f} MB")


if __name__ == "__main__":
    main()
