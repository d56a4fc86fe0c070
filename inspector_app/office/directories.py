"""The two directories of 一单两库 (国办发〔2015〕58号): the entities that may be drawn and the
inspectors who may be sent, plus the recusal list (回避).

The entity directory comes from a CSV or XLSX file the office keeps (one row per entity: 统一社会
信用代码 checked with its GB 32100 check character, name, district, type, risk level A–D, last
inspected, address). A file with any faulty row is refused whole, every fault listed with its row
number; nothing is half-imported. The inspector directory is the office's enrolled inspectors
(certificates with the inspector role) with what only the office knows: district and availability.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from db.office import OfficeStore
from inspector_app import credit_code
from inspector_app.office.draw.algorithm import LEVELS
from inspector_app.office.tables import TableUnreadable, read_rows
from inspector_app.registries import DISTRICTS, SITE_KINDS
from inspector_app.services.errors import FieldError, ValidationFailed

# column -> the headers accepted for it (Chinese as offices write them, English as scripts do)
SITE_COLUMNS: dict[str, tuple[str, ...]] = {
    "credit_code": ("统一社会信用代码", "信用代码", "credit_code", "credit code", "uscc"),
    "name": ("名称", "单位名称", "企业名称", "name"),
    "district": ("区县", "所属区县", "district"),
    "type": ("类型", "主体类型", "type", "kind"),
    "risk": ("风险等级", "风险", "risk", "risk level"),
    "last_inspected": ("上次检查日期", "最近检查日期", "last_inspected", "last inspected"),
    "address": ("地址", "住所", "address"),
}
REQUIRED = ("credit_code", "name", "district", "type", "risk")
MAX_ERRORS = 20  # listed faults of one refused file (the count says how many there were)
LABELS = {
    "credit_code": ("统一社会信用代码", "Credit code"),
    "name": ("名称", "Name"),
    "district": ("区县", "District"),
    "type": ("类型", "Type"),
    "risk": ("风险等级", "Risk level"),
    "last_inspected": ("上次检查日期", "Last inspected"),
    "address": ("地址", "Address"),
}
_KIND_BY_TEXT = {text: code for code, zh, en in SITE_KINDS for text in (code, zh, en, en.lower())}


def _columns(header: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    wanted = {alias.lower(): column for column, aliases in SITE_COLUMNS.items() for alias in aliases}
    for index, title in enumerate(header):
        column = wanted.get(title.strip().lower())
        if column and column not in found:
            found[column] = index
    return found


def _fault(row: int, column: str, code: str, **params: Any) -> FieldError:
    zh, en = LABELS[column]
    return FieldError(
        f"row {row}.{column}",
        code,
        {"label_zh": f"第 {row} 行 {zh}", "label_en": f"row {row}, {en}", **params},
    )


def check_site_rows(
    header: list[str], rows: list[list[str]]
) -> tuple[list[dict[str, str]], list[FieldError]]:
    """The entity rows of a directory file, and every fault (row numbers as a spreadsheet shows
    them: the header is row 1)."""
    columns = _columns(header)
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        return [], [
            FieldError(
                "header",
                "columns_missing",
                {
                    "value": "、".join(LABELS[c][0] for c in missing),
                    "choices": [SITE_COLUMNS[c][0] for c in missing],
                },
            )
        ]
    out: list[dict[str, str]] = []
    errors: list[FieldError] = []
    seen: dict[str, int] = {}
    for number, cells in enumerate(rows, start=2):

        def get(column: str, cells: list[str] = cells) -> str:
            index = columns.get(column)
            return cells[index].strip() if index is not None and index < len(cells) else ""

        code = credit_code.normalise(get("credit_code"))
        problem = credit_code.problem(code)
        if problem is not None:
            errors.append(_fault(number, "credit_code", problem.code, value=code, **problem.params))
        elif code in seen:
            errors.append(_fault(number, "credit_code", "duplicate_row", value=code, first=seen[code]))
        else:
            seen[code] = number
        name = get("name")
        if not name:
            errors.append(_fault(number, "name", "required"))
        elif len(name) > 200:
            errors.append(_fault(number, "name", "too_long", max=200))
        district = get("district")
        if district not in DISTRICTS:
            errors.append(
                _fault(number, "district", "unknown_choice", value=district, choices=["渝中区", "…"])
            )
        kind = _KIND_BY_TEXT.get(get("type"), _KIND_BY_TEXT.get(get("type").lower(), ""))
        if not kind:
            errors.append(
                _fault(
                    number, "type", "unknown_choice", value=get("type"), choices=[k[1] for k in SITE_KINDS]
                )
            )
        risk = get("risk").upper()
        if risk not in LEVELS:
            errors.append(_fault(number, "risk", "unknown_choice", value=get("risk"), choices=list(LEVELS)))
        last = get("last_inspected")
        if last:
            try:
                last = dt.date.fromisoformat(last.replace("/", "-")[:10]).isoformat()
            except ValueError:
                errors.append(_fault(number, "last_inspected", "not_a_date", value=last))
        address = get("address")
        if len(address) > 300:
            errors.append(_fault(number, "address", "too_long", max=300))
        out.append(
            {
                "credit_code": code,
                "name": name,
                "district": district,
                "type": kind,
                "risk": risk,
                "last_inspected": last,
                "address": address,
            }
        )
    return out, errors


class DirectoryService:
    """Sites and inspectors as the draw sees them; import, list, set, recuse."""

    def __init__(
        self, store: OfficeStore, *, clock: Callable[[], str], device_id: str, actor: Callable[[], str]
    ) -> None:
        self.store = store
        self._clock = clock
        self._device_id = device_id
        self._actor = actor

    def import_sites(self, path: Path) -> dict[str, Any]:
        """Add or update the entities of a CSV/XLSX file in one transaction; returns counts.

        Raises ValidationFailed: the file unreadable, a required column missing, or any faulty row
        (up to MAX_ERRORS listed, with the total) — then nothing is written.
        """
        try:
            header, rows = read_rows(path)
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except TableUnreadable as exc:
            raise ValidationFailed(
                [FieldError(str(path), "table_unreadable", {"reason": exc.code, "detail": exc.detail})]
            ) from exc
        except OSError as exc:
            raise ValidationFailed(
                [FieldError(str(path), "unreadable", {"detail": exc.strerror or type(exc).__name__})]
            ) from exc
        sites, errors = check_site_rows(header, rows)
        if errors:
            shown = errors[:MAX_ERRORS]
            if len(errors) > MAX_ERRORS:
                shown.append(FieldError(str(path), "more_faults", {"count": len(errors) - MAX_ERRORS}))
            raise ValidationFailed(shown)
        if not sites:
            raise ValidationFailed([FieldError(str(path), "no_rows", {})])
        now = self._clock()
        with self.store.transaction():
            added, updated = self.store.upsert_sites(sites, source_sha256=digest, at=now)
            self.store.audit(
                at=now,
                device_id=self._device_id,
                actor=self._actor(),
                action="import_sites",
                entity="office_sites",
                entity_id=digest,
                detail={"file": path.name, "rows": len(sites), "added": added, "updated": updated},
            )
        return {"file": path.name, "sha256": digest, "rows": len(sites), "added": added, "updated": updated}

    def sites(self, *, search: str = "", limit: int = 1000, offset: int = 0) -> list[dict[str, Any]]:
        return self.store.sites(search=search, limit=limit, offset=offset)

    def site_count(self, *, search: str = "") -> int:
        return self.store.site_count(search=search)

    def inspectors(self) -> list[dict[str, Any]]:
        """Every inspector certificate: employee number, name, district, available, device, validity."""
        today = self._clock()[:10]
        rows = []
        for r in self.store.inspector_rows():
            state = "revoked" if r["revoked_at"] else "expired" if r["not_after"][:10] < today else "valid"
            rows.append(
                {
                    "employee_no": r["employee_no"],
                    "name": r["name"] or r["subject"],
                    "district": r["district"],
                    "available": bool(r["available"]),
                    "note": r["note"],
                    "device_id": r["device_id"],
                    "certificate": state,
                    "not_after": r["not_after"][:10],
                    "cert_sha256": r["cert_sha256"],
                }
            )
        return rows

    def set_inspector(
        self,
        employee_no: str,
        *,
        district: str | None = None,
        available: bool | None = None,
        note: str | None = None,
    ) -> dict[str, Any]:
        """Change what the office records of one enrolled inspector; raises ValidationFailed for an
        employee number no inspector certificate carries or a district not in the list."""
        current = [r for r in self.inspectors() if r["employee_no"] == employee_no]
        if not current:
            raise ValidationFailed([FieldError("employee_no", "not_found", {"value": employee_no})])
        if district is not None and district and district not in DISTRICTS:
            raise ValidationFailed(
                [FieldError("district", "unknown_choice", {"value": district, "choices": ["渝中区", "…"]})]
            )
        row = current[-1]
        new: dict[str, Any] = {
            "district": row["district"] if district is None else district,
            "available": row["available"] if available is None else available,
            "note": row["note"] if note is None else note[:200],
        }
        now = self._clock()
        with self.store.transaction():
            self.store.set_inspector(
                employee_no=employee_no,
                at=now,
                district=str(new["district"]),
                available=bool(new["available"]),
                note=str(new["note"]),
            )
            self.store.audit(
                at=now,
                device_id=self._device_id,
                actor=self._actor(),
                action="set_inspector",
                entity="office_inspectors",
                entity_id=employee_no,
                detail=new,
            )
        return {"employee_no": employee_no, **new}

    def recusals(self) -> list[dict[str, Any]]:
        return self.store.recusals()

    def recuse(self, employee_no: str, code: str, *, reason: str, remove: bool = False) -> None:
        """Add (or remove) a recusal: this inspector is never sent to this entity. Raises
        ValidationFailed for an invalid credit code or a missing reason."""
        code = credit_code.normalise(code)
        problem = credit_code.problem(code)
        if problem is not None:
            raise ValidationFailed(
                [FieldError("credit_code", problem.code, {"value": code, **problem.params})]
            )
        if not remove and not reason.strip():
            raise ValidationFailed(
                [FieldError("reason", "required", {"label_zh": "回避理由", "label_en": "Reason"})]
            )
        now = self._clock()
        with self.store.transaction():
            if remove:
                self.store.remove_recusal(employee_no=employee_no, credit_code=code)
            else:
                self.store.add_recusal(
                    employee_no=employee_no, credit_code=code, reason=reason.strip(), at=now
                )
            self.store.audit(
                at=now,
                device_id=self._device_id,
                actor=self._actor(),
                action="unrecuse" if remove else "recuse",
                entity="office_recusals",
                entity_id=f"{employee_no}:{code}",
                detail={"reason": reason.strip()},
            )
