"""The procedures this installation has, discovered from their folders: never a list kept by hand.

A procedure is a folder holding `definition.toml` (and `evaluator.py`): the four shipped beside this
module, plus any folder under a path named by the environment variable `INSPECTOR_APP_FORMS`
(paths separated by the platform's path separator; each path is a folder of procedure folders).
The folder's name is the procedure's id.

Discovery reads only each definition's top-level keys (id, names, subject, QR letter), which TOML
places before any table; that costs a directory listing and a few lines per procedure, so even the
first screen may name procedures. The full definition is parsed when first needed
(`forms.registry`). This module imports nothing but the standard library's lightest parts.
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path
from typing import NamedTuple

from forms.errors import DefinitionError

FORMS_ENV = "INSPECTOR_APP_FORMS"  # extra folders of procedure folders, os.pathsep-separated
BUILTIN_DIR = Path(__file__).parent
SUBJECTS = ("instrument", "product_lot")  # what a check is made on: a registered instrument or a lot
_LINE = re.compile(r'^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*"((?:[^"\\]|\\.)*)"\s*(?:#.*)?$')
_ID = re.compile(r"^[a-z][a-z0-9_]*$")


class Procedure(NamedTuple):
    """What the first screen and the lists need of a procedure, read from its definition's head
    (a NamedTuple: the first paint names procedures without importing dataclasses)."""

    id: str
    folder: Path
    zh: str
    en: str
    subject: str  # "instrument" or "product_lot"
    instrument_kind: str  # the registry's instrument type checked ("product_lot" for a lot)
    instrument_zh: str  # that type as the instrument register names it
    instrument_en: str
    qr_letter: str  # the one letter naming the procedure in a record's QR summary
    builtin: bool

    def name(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


def forms_paths() -> tuple[Path, ...]:
    """The folders searched for procedure folders: the shipped one first, then the environment's."""
    extra = [Path(p) for p in os.environ.get(FORMS_ENV, "").split(os.pathsep) if p.strip()]
    return (BUILTIN_DIR, *extra)


def procedures() -> dict[str, Procedure]:
    """Every procedure found, by id, in the order of the paths then of the folder names.

    Raises DefinitionError for two procedures with one id or one QR letter (a QR would not say
    which was meant), or a definition head that does not name itself as its folder does.
    """
    return _discover(forms_paths())


@cache
def _discover(paths: tuple[Path, ...]) -> dict[str, Procedure]:
    found: dict[str, Procedure] = {}
    letters: dict[str, str] = {}
    for root in paths:
        try:
            folders = sorted(p for p in root.iterdir() if (p / "definition.toml").is_file())
        except OSError:
            continue  # a path that is not there names no procedure
        for folder in folders:
            proc = _read_head(folder, builtin=root == BUILTIN_DIR)
            if proc.id in found:
                raise DefinitionError(
                    f"{folder}: a procedure '{proc.id}' exists already ({found[proc.id].folder})"
                )
            if proc.qr_letter in letters:
                raise DefinitionError(
                    f"{folder}: QR letter '{proc.qr_letter}' is already '{letters[proc.qr_letter]}''s"
                )
            found[proc.id] = proc
            letters[proc.qr_letter] = proc.id
    return found


def _read_head(folder: Path, *, builtin: bool) -> Procedure:
    """The top-level keys of a definition (plain `key = "text"` lines before the first table)."""
    path = folder / "definition.toml"
    head_lines = []
    with path.open(encoding="utf-8") as lines:
        for raw in lines:
            if raw.lstrip().startswith("["):
                break
            head_lines.append(raw)
    head: dict[str, str] = {}
    for raw in head_lines:
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        match = _LINE.match(line)
        if match is None or "\\" in line:  # anything but a plain string: let TOML read the head
            head = _toml_head("".join(head_lines), path)
            break
        head[match.group(1)] = match.group(2)
    pid = head.get("id", "")
    if pid != folder.name or not _ID.match(pid):
        raise DefinitionError(f"{path}: id '{pid}' must be the folder's name, lower case")
    kind = head.get("instrument_kind", "")
    subject = head.get("subject") or ("product_lot" if kind == "product_lot" else "instrument")
    if subject not in SUBJECTS:
        raise DefinitionError(f"{path}: subject '{subject}' is not one of {SUBJECTS}")
    letter = head.get("qr_letter", "")
    if not re.fullmatch(r"[A-Z]", letter):
        raise DefinitionError(f"{path}: qr_letter must be one capital letter A–Z")
    zh, en = head.get("zh", pid), head.get("en", pid)
    return Procedure(
        id=pid,
        folder=folder,
        zh=zh,
        en=en,
        subject=subject,
        instrument_kind=kind,
        instrument_zh=head.get("instrument_zh", zh),
        instrument_en=head.get("instrument_en", en),
        qr_letter=letter,
        builtin=builtin,
    )


def _toml_head(text: str, path: Path) -> dict[str, str]:
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:  # a multi-line value that looked like a table: read it all
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise DefinitionError(f"{path}: not TOML: {exc}") from exc
    return {k: v for k, v in data.items() if isinstance(v, str)}


def form_ids() -> tuple[str, ...]:
    """The ids of every procedure found."""
    return tuple(procedures())


def procedure(form_id: str) -> Procedure | None:
    """The procedure of this id, or None if this installation has none."""
    return procedures().get(form_id)


def name(form_id: str | None, lang: str) -> str:
    """A procedure's name in ``lang`` ('zh' or 'en'); its id if it is not installed here."""
    found = procedures().get(form_id or "")
    return (form_id or "") if found is None else found.name(lang)


def form_of_letter(letter: str) -> str | None:
    """The procedure a QR summary's letter names, or None."""
    return next((p.id for p in procedures().values() if p.qr_letter == letter), None)
