"""The office's paper desk: importing scanned records, the scan box, records known from paper.

Thin over sync.scan_import (which imports exactly as a bundle record is imported) and the office
store; shared by `office import-scan`, `office scan`, `office paper` and the 扫描导入 page.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from db.office import OfficeStore
from inspector_app.sync.paper import overdue_before

if TYPE_CHECKING:
    from inspector_app.sync.scan_import import Cancelled, Progress, ScanResult

# sync.scan_import (cryptography's x509, the importer: ~0.3 s of CPU) is imported only to read
# or import scans: the statistics ask `awaited` here and must not pay for it.

PAPER_STATUSES = ("pending", "overdue", "differs", "conflict", "arrived")


class PaperService:
    """Records that come on paper, and those known from paper whose data is still awaited."""

    def __init__(
        self,
        store: OfficeStore,
        *,
        verifier: Callable[[], Any],
        clock: Callable[[], str],
        device_id: str,
        actor: Callable[[], str],
        overdue_days: Callable[[], int],
    ) -> None:
        self.store = store
        self._verifier = verifier
        self._clock = clock
        self._device_id = device_id
        self._actor = actor
        self._overdue_days = overdue_days

    def import_scans(
        self,
        paths: list[Path],
        *,
        dpi: int = 200,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> ScanResult:
        """Read and import scanned pages and photos (sync.scan_import.import_scans); never raises
        for bad input. Safe off the GUI thread: one transaction at the end."""
        from inspector_app.sync import scan_import

        return scan_import.import_scans(
            paths,
            self.store,
            self._verifier(),
            now=self._clock(),
            office_device=self._device_id,
            actor=self._actor(),
            dpi=dpi,
            overdue_days=self._overdue_days(),
            progress=progress,
            cancelled=cancelled,
        )

    def scan_texts(self, texts: list[str], *, source: str = "scan_box") -> ScanResult:
        """QR texts typed by a USB scanner: summaries make records known from paper, a record's
        sync codes import once all of them are given."""
        from inspector_app.sync import scan_import

        return scan_import.import_qr_texts(
            [t for t in texts if t.strip()],
            self.store,
            self._verifier(),
            now=self._clock(),
            office_device=self._device_id,
            actor=self._actor(),
            source=source,
            overdue_days=self._overdue_days(),
        )

    def _before(self) -> str:
        return overdue_before(self._clock(), self._overdue_days())

    def known(self, *, status: str = "", limit: int = 1000) -> list[dict[str, Any]]:
        """Records known from paper (newest inspection first) with what became of their data."""
        return self.store.paper_known(overdue_before=self._before(), status=status, limit=limit)

    def counts(self) -> dict[str, int]:
        """Records known from paper per status; every status present (0 when none)."""
        found = self.store.paper_known_counts(overdue_before=self._before())
        return {s: found.get(s, 0) for s in PAPER_STATUSES}

    def awaited(self, filters: dict[str, str] | None = None) -> dict[str, Any]:
        """What the statistics add, marked, for records known only from paper: their data has not
        arrived, so they are not among the records counted; their signed summary gives procedure,
        day and verdict. ``filters``: date_from, date_to (inspection day), form_id; a summary
        names no district or inspector, so with either filter set none is counted (``attributed``
        False says why)."""
        chosen = {k: v for k, v in (filters or {}).items() if v}
        if chosen.get("district") or chosen.get("inspector"):
            rows: list[tuple[str, str, str, int]] = []
        else:
            rows = self.store.paper_awaited(chosen, overdue_before=self._before())
        by_form: dict[str, dict[str, int]] = {}
        for form, verdict, status, n in rows:
            group = by_form.setdefault(
                form, {"total": 0, "pass": 0, "fail": 0, "inconclusive": 0, "overdue": 0}
            )
            group["total"] += n
            group[verdict if verdict in ("pass", "fail") else "inconclusive"] += n
            if status == "overdue":
                group["overdue"] += n
        totals = {
            k: sum(g[k] for g in by_form.values())
            for k in ("total", "pass", "fail", "inconclusive", "overdue")
        }
        return {
            "records": totals.pop("total"),
            **totals,
            "attributed": not (chosen.get("district") or chosen.get("inspector")),
            "by_procedure": [{"key": form, **by_form[form]} for form in sorted(by_form)],
        }
