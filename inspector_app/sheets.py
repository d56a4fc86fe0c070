"""Reading grids without widgets: which reading path each cell is, how an edit of cells becomes
path changes, and what people call a cell (加油机示值 V_J（流量点 1，第 2 次）), never a path.

A grid is drawn from the stored readings after every edit, so the screen shows what is stored.
Rows stay dense, as the evaluator reads them: a row whose readings are all cleared closes up.
Two-level grids (``flow_points[].runs[]``) lead with a group column (the flow point); a row's
runs are numbered within its group, rows are shown by group then run. A group typed on a row that
has no reading yet is held as *pending* (the caller keeps it, e.g. in the window's saved state).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from forms.definition import FieldSpec, FormDefinition, Step
from inspector_app import cells
from inspector_app.messages import FieldError


@dataclass(frozen=True)
class Table:
    """A grid's content: stored values (codes, not labels) by row, pending rows last."""

    rows: list[list[str]]
    keys: list[tuple[int, ...] | None]  # each row's index in the evaluation results; None if pending
    valued: int  # rows holding readings (the rest are pending groups)


@dataclass(frozen=True)
class Edit:
    """The outcome of editing cells: the path changes to store, where the edited row now is, the
    groups still pending, and why anything typed was not taken (None when all was)."""

    changes: dict[str, str]
    row: int
    pending: tuple[str, ...]
    refused: FieldError | None = None
    notice: FieldError | None = None  # taken, but not all of it (rows beyond the maximum)
    cleared: list[str] = field(default_factory=list)


class Sheet:
    """One grid step's mapping between cells and reading paths (pure; no widgets, no storage)."""

    def __init__(self, definition: FormDefinition, step: Step) -> None:
        self.definition = definition
        self.step = step
        self.specs: list[FieldSpec] = [definition.fields[f] for f in step.fields]
        self.grouped = step.grid.count("[]") == 2
        self.prefix, _, rest = step.grid.partition("[]")
        self.inner = rest.removeprefix(".").removesuffix("[]")  # "runs"
        self.parent = self.prefix.rsplit(".", 1)[0] if "." in self.prefix else ""
        self.max_rows = step.max_rows or 500
        self.width = len(self.specs) + (1 if self.grouped else 0)  # input columns: group, fields
        self._cells: dict[str, tuple[tuple[int, ...], int] | None] = {}
        names = "|".join(re.escape(f) for f in step.fields)
        tail = "" if step.scalar else rf"\.({names})"
        head = re.escape(self.prefix)
        if self.grouped:
            self._pattern = re.compile(rf"^{head}\[(\d+)\]\.{re.escape(self.inner)}\[(\d+)\]{tail}$")
        else:
            self._pattern = re.compile(rf"^{head}\[(\d+)\]{tail}$")

    # -- columns ----------------------------------------------------------------------------

    def spec_of(self, column: int) -> FieldSpec | None:
        """The field of an input column; None for the group column."""
        offset = 1 if self.grouped else 0
        return None if column < offset else self.specs[column - offset]

    def group_label(self, lang: str) -> str:
        zh, en = self.step.group_zh or "组", self.step.group_en or "Group"
        return zh if lang == "zh" else en

    def header(self, column: int, lang: str) -> str:
        spec = self.spec_of(column)
        if spec is None:
            return self.group_label(lang)
        text = spec.zh if lang == "zh" else spec.en
        return f"{text} ({spec.unit})" if spec.unit else text

    # -- reading the stored values ----------------------------------------------------------
    def owns(self, path: str) -> bool:
        return self._pattern.match(path) is not None

    def cell_of(self, path: str) -> tuple[tuple[int, ...], int] | None:
        """(row key, input column) of a path this grid owns, else None (kept per path: every
        redraw asks it of every reading)."""
        try:
            return self._cells[path]
        except KeyError:
            found = self._cells[path] = self._cell_of(path)
            return found

    def _cell_of(self, path: str) -> tuple[tuple[int, ...], int] | None:
        m = self._pattern.match(path)
        if m is None:
            return None
        offset = 1 if self.grouped else 0
        key = (int(m.group(1)), int(m.group(2))) if self.grouped else (int(m.group(1)),)
        name = None if self.step.scalar else m.group(len(key) + 1)
        column = offset + (0 if name is None else self.step.fields.index(name))
        return key, column

    def table(self, flat: dict[str, str], pending: tuple[str, ...] = ()) -> Table:
        """The grid's rows from the stored readings (sorted by group and run), pending rows last."""
        cells_by_key: dict[tuple[int, ...], dict[int, str]] = {}
        for path, value in flat.items():
            parsed = self.cell_of(path)
            if parsed is not None:
                cells_by_key.setdefault(parsed[0], {})[parsed[1]] = value
        rows: list[list[str]] = []
        keys: list[tuple[int, ...] | None] = []
        ordered = sorted(cells_by_key)
        groups = sorted({k[0] for k in ordered}) if self.grouped else []
        runs: dict[int, int] = {}
        for index, key in enumerate(ordered):
            row = [cells_by_key[key].get(c, "") for c in range(self.width)]
            if self.grouped:
                row[0] = str(key[0] + 1)
                rank = groups.index(key[0])  # the evaluator closes gaps: results are dense
                keys.append((rank, runs.setdefault(rank, 0)))
                runs[rank] += 1
            else:
                keys.append((index,))
            rows.append(row)
        for group in pending if self.grouped else ():
            rows.append([group] + [""] * (self.width - 1))
            keys.append(None)
        return Table(rows, keys, len(ordered))

    def default_group(self, rows: list[list[str]], row: int) -> str:
        """The group a row without one belongs to: that of the nearest row above, else 1."""
        for r in range(min(row, len(rows)) - 1, -1, -1):
            if rows[r][0]:
                return rows[r][0]
        return "1"

    # -- editing ----------------------------------------------------------------------------
    def edit(
        self,
        flat: dict[str, str],
        pending: tuple[str, ...],
        top: int,
        left: int,
        block: list[list[str]],
    ) -> Edit:
        """Set a block of cells (one typed cell, a paste, a cleared range) from (top, left).

        Typed labels become codes (否 → false). A group that is not a whole number from 1 to one
        more than the highest other group is refused whole (nothing changes). Rows beyond the
        grid's maximum and columns beyond its last are not entered, and `notice` says so.
        """
        table = self.table(flat, pending)
        rows = [list(r) for r in table.rows]
        had_values = [self._has_values(r) for r in rows]
        notice = None
        room = max(self.max_rows - top, 0)
        if len(block) > room:
            notice = FieldError(
                self.prefix,
                "rows_limit",
                {**self._step_labels(), "max": self.max_rows, "dropped": len(block) - room},
            )
            block = block[:room]
        extra_columns = max((left + len(line) - self.width for line in block), default=0)
        if extra_columns > 0 and notice is None:
            notice = FieldError(
                self.prefix, "columns_limit", {**self._step_labels(), "dropped": extra_columns}
            )
        while len(rows) < top + len(block):
            rows.append([""] * self.width)
            had_values.append(False)
        for i, line in enumerate(block):
            for j, text in enumerate(line[: max(self.width - left, 0)]):
                r, c = top + i, left + j
                spec = self.spec_of(c)
                if spec is None:
                    group = text.strip()
                    if group:
                        refused = self._group_problem(rows, r, group)
                        if refused is not None:
                            return Edit({}, top, pending, refused=refused)
                        group = str(int(group))
                    rows[r][c] = group
                else:
                    rows[r][c] = cells.stored(spec, text)
        edited = rows[top] if top < len(rows) else None
        kept: list[list[str]] = []
        new_pending: list[str] = []
        for r, row in enumerate(rows):
            if self._has_values(row):
                if self.grouped and not row[0]:
                    row[0] = self.default_group(rows, r)
                kept.append(row)
            elif self.grouped and row[0] and not had_values[r]:
                new_pending.append(row[0])
        owned = self.paths(kept)
        old = {p: v for p, v in flat.items() if self.owns(p)}
        changes = {p: v for p, v in owned.items() if old.get(p) != v}
        changes.update({p: "" for p in old if p not in owned})
        after = {**{p: v for p, v in flat.items() if not self.owns(p)}, **owned}
        new_table = self.table(after, tuple(new_pending))
        focus = self._find(new_table, kept, edited, new_pending, top)
        return Edit(changes, focus, tuple(new_pending), notice=notice)

    def paths(self, rows: list[list[str]]) -> dict[str, str]:
        """The readings of rows that hold values, numbered densely (runs within their group)."""
        out: dict[str, str] = {}
        if self.grouped:
            groups = sorted({int(r[0]) for r in rows})
            runs: dict[int, int] = {}
            for row in rows:
                g = groups.index(int(row[0]))
                k = runs.setdefault(g, 0)
                runs[g] += 1
                self._put(out, f"{self.prefix}[{g}].{self.inner}[{k}]", row[1:])
        else:
            for index, row in enumerate(rows):
                self._put(out, f"{self.prefix}[{index}]", row)
        return out

    def _put(self, out: dict[str, str], base: str, values: list[str]) -> None:
        for name, value in zip(self.step.fields, values, strict=False):
            if value:
                out[base if self.step.scalar else f"{base}.{name}"] = value

    def _has_values(self, row: list[str]) -> bool:
        return any(row[1:] if self.grouped else row)

    def _find(
        self,
        table: Table,
        kept: list[list[str]],
        edited: list[str] | None,
        pending: list[str],
        top: int,
    ) -> int:
        """Where the edited row is shown after the edit (rows may close up or re-sort by group)."""
        if edited is not None:
            for index, row in enumerate(kept):
                if row is edited:
                    base = self._base_of(kept, index)
                    return table.keys.index(base)
        if edited is not None and edited[0] and self.grouped and edited[0] in pending:
            return table.valued + pending.index(edited[0])
        return min(top, table.valued + len(pending))

    def _base_of(self, rows: list[list[str]], index: int) -> tuple[int, ...]:
        if not self.grouped:
            return (index,)
        groups = sorted({int(r[0]) for r in rows})
        g = int(rows[index][0])
        k = sum(1 for r in rows[:index] if int(r[0]) == g)
        return (groups.index(g), k)

    def _group_problem(self, rows: list[list[str]], row: int, text: str) -> FieldError | None:
        highest = max((int(r[0]) for i, r in enumerate(rows) if i != row and r[0].isdigit()), default=0)
        allowed = min(highest + 1, self.max_rows)
        labels = {"label_zh": self.group_label("zh"), "label_en": self.group_label("en")}
        if not text.isdigit():
            return FieldError(self.prefix, "not_an_integer", {**labels, "value": text})
        if not 1 <= int(text) <= allowed:
            return FieldError(
                self.prefix,
                "out_of_range",
                {**labels, "value": text, "min": "1", "max": str(allowed), "unit": ""},
            )
        return None

    def _step_labels(self) -> dict[str, str]:
        return {"label_zh": self.step.zh, "label_en": self.step.en}

    # -- checking and naming ----------------------------------------------------------------
    def path_of(self, table: Table, row: int, column: int) -> str:
        """The reading path of a cell of a stored row ('' for the group column or other rows)."""
        key = table.keys[row] if row < len(table.keys) else None
        spec = self.spec_of(column)
        if key is None or spec is None:
            return ""
        base = f"{self.prefix}[{key[0]}]" + (f".{self.inner}[{key[1]}]" if self.grouped else "")
        return base if self.step.scalar else f"{base}.{spec.id}"

    def problem(
        self, table: Table, row: int, column: int, readings: dict[str, str] | None = None
    ) -> FieldError | None:
        """Why the stored value of a cell cannot stand (None when it can or the cell is empty),
        measured against the check's other ``readings`` (a scale's d and e)."""
        spec = self.spec_of(column)
        if spec is None or row >= len(table.rows) or not table.rows[row][column]:
            return None
        return cells.problem(spec, table.rows[row][column], self.path_of(table, row, column), readings)

    def step_of(self, table: Table, row: int, column: int, readings: dict[str, str]) -> str:
        """The step a cell's value must be a multiple of, as text ('' for none): what its problem
        depends on besides its own text (a scale's e typed anew changes every ΔL's)."""
        spec = self.spec_of(column)
        if spec is None or not spec.resolution_from:  # none, or fixed: the text alone decides
            return ""
        step = spec.step(cells.context(readings, self.path_of(table, row, column)))
        return "" if step is None else str(step)

    def place(self, table: Table, row: int, column: int, lang: str) -> str:
        """A cell as people name it: 加油机示值 V_J（流量点 1，第 2 次）, 示值 I（称量测试 第 3 行）."""
        spec = self.spec_of(column)
        name = self.group_label(lang) if spec is None else (spec.zh if lang == "zh" else spec.en)
        return (
            f"{name}（{self.where(table, row, 'zh')}）"
            if lang == "zh"
            else f"{name} ({self.where(table, row, 'en')})"
        )

    def where(self, table: Table, row: int, lang: str) -> str:
        """The row as people name it: 流量点 1，第 2 次 / 称量测试 第 3 行."""
        if self.grouped:
            rows = table.rows
            group = rows[row][0] if row < len(rows) and rows[row][0] else self.default_group(rows, row)
            run = 1 + sum(1 for r in rows[:row] if (r[0] or "1") == group)
            if lang == "zh":
                return f"{self.group_label('zh')} {group}，第 {run} 次"
            return f"{self.group_label('en').lower()} {group}, run {run}"
        step = self.step.zh if lang == "zh" else self.step.en
        return f"{step} 第 {row + 1} 行" if lang == "zh" else f"{step}, row {row + 1}"


def place_of(definition: FormDefinition, path: str, lang: str) -> str:
    """Any reading path as people name it: a grid cell with its row, a field by its label, a
    checklist item by its text, a whole grid by its step; the path itself only as a last resort."""
    for sheet in _index(definition).sheets:
        step = sheet.step
        parsed = sheet.cell_of(path)
        if parsed is not None:
            key, column = parsed
            spec = sheet.spec_of(column)
            name = "" if spec is None else spec.zh if lang == "zh" else spec.en
            if sheet.grouped:
                table = Table([[str(key[0] + 1)]] * (key[1] + 1), [], 0)
                where = sheet.where(table, key[1], lang)
            else:
                where = sheet.where(Table([], [], 0), key[0], lang)
            return f"{name}（{where}）" if lang == "zh" else f"{name} ({where})"
    spec = spec_at(definition, path)
    if spec is not None:
        return spec.zh if lang == "zh" else spec.en
    parts = path.split(".")
    if parts[0] == "checklist" and len(parts) > 1:
        for item in definition.checklist:
            if item.id == parts[1]:
                return item.zh if lang == "zh" else item.en
    head = re.split(r"[.\[]", path, maxsplit=1)[0]
    for step in definition.steps:
        if head and step.grid and re.split(r"[.\[]", step.grid, maxsplit=1)[0] == head:
            return step.zh if lang == "zh" else step.en
    return path


@dataclass(frozen=True)
class _Index:
    sheets: list[Sheet]
    fixed: dict[str, FieldSpec]  # plain and header fields by their path


_INDEXES: dict[str, _Index] = {}


def _index(definition: FormDefinition) -> _Index:
    """The grids and fixed paths of a definition, built once per definition text (its hash)."""
    found = _INDEXES.get(definition.sha256)
    if found is None:
        sheets = [Sheet(definition, step) for step in definition.steps if step.kind == "grid"]
        fixed: dict[str, FieldSpec] = {}
        for step in definition.steps:
            prefix = Sheet(definition, step).parent if step.kind == "grid" else step.grid
            names = step.header if step.kind == "grid" else step.fields if step.kind == "fields" else ()
            for fid in names:
                fixed[f"{prefix}.{fid}" if prefix else fid] = definition.fields[fid]
        found = _INDEXES[definition.sha256] = _Index(sheets, fixed)
    return found


def spec_at(definition: FormDefinition, path: str) -> FieldSpec | None:
    """The field a reading path holds a value of (grid cells, header and plain fields)."""
    index = _index(definition)
    if path in index.fixed:
        return index.fixed[path]
    for sheet in index.sheets:
        parsed = sheet.cell_of(path)
        if parsed is not None:
            return sheet.spec_of(parsed[1])
    return None


# A reading's problem depends on its field (found by its path), its text and the step it is measured
# against (a scale's d or e): every edit asks again for all 125 packages, so each answer is kept
# (by definition, path, text and step; bounded).
_PROBLEMS: dict[tuple[str, str, str, str], FieldError | None] = {}
_PROBLEMS_KEPT = 20_000


# The readings last checked and what was found: an edit asks twice of the same readings (the
# autosave's evaluation, then the step list's marks); comparing 125 readings is ~50× cheaper than
# checking them again.
_LAST: tuple[FormDefinition, dict[str, str], tuple[FieldError, ...]] | None = None


def reading_problems(definition: FormDefinition, flat: dict[str, str]) -> list[FieldError]:
    """Every stored reading that cannot stand by its field's rule (in path order)."""
    global _LAST
    last = _LAST
    if last is not None and last[0] is definition and last[1] == flat:
        return list(last[2])
    out = _reading_problems(definition, flat)
    _LAST = (definition, dict(flat), tuple(out))
    return out


def _reading_problems(definition: FormDefinition, flat: dict[str, str]) -> list[FieldError]:
    out = []
    for path in sorted(flat):
        value = flat[path]
        if not value:
            continue
        spec = spec_at(definition, path)
        if spec is None:
            continue
        step = spec.step(cells.context(flat, path)) if spec.resolution_from else spec.resolution
        key = (definition.sha256, path, value, "" if step is None else str(step))
        if key in _PROBLEMS:
            found = _PROBLEMS[key]
        else:
            found = cells.problem(spec, value, path, flat)
            if len(_PROBLEMS) >= _PROBLEMS_KEPT:
                _PROBLEMS.clear()
            _PROBLEMS[key] = found
        if found is not None:
            out.append(found)
    return out


def describe(definition: FormDefinition, error: FieldError, lang: str) -> str:
    """An error's message with its field named as people know it, never as a path."""
    params: dict[str, Any] = dict(error.params)
    label = "label_zh" if lang == "zh" else "label_en"
    place = place_of(definition, error.field, lang)
    if place != error.field or label not in params:  # not a reading: the error names its field
        params[label] = place
    return FieldError(error.field, error.code, params).message(lang)
