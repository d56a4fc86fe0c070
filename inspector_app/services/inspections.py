"""Inspection use cases: start a draft, autosave readings with live evaluation, finalise, correct.

A finalised inspection is never changed; `correct` starts a new draft that supersedes it. The
evaluation always uses the definition text stored with the inspection (by hash), so an old record
re-evaluates exactly as it was recorded even after the form changes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Protocol

from db import FrozenRecord, NotFound, Stamp, listing
from db import audit as audit_repo
from db import inspections as repo
from db import registry as registry_repo
from db import sync as sync_repo
from db.durability import WalFlusher, relaxed_sync
from forms import (
    FAIL,
    DefinitionError,
    Evaluation,
    FormDefinition,
    Incomplete,
    InputError,
    checklist_answers,
    definition_from_text,
    load_definition,
)
from forms import evaluate as evaluate_check
from forms.display import choice_unit
from inspector_app import cells
from inspector_app import readings as paths
from inspector_app.canonical import CANONICAL_VERSION, canonical_bytes, fingerprint
from inspector_app.evaluation import evaluation_json, jsonable
from inspector_app.messages import missing_text
from inspector_app.services.errors import FieldError, RecordFrozen, ValidationFailed
from inspector_app.sheets import reading_problems, spec_at

if TYPE_CHECKING:
    from sqlite_utils import Database


# Register columns a check starts from, by form: field id → instruments column. The register's
# Max and e of a scale are in grams, as the scale definition's fields (registries.py says so).
REGISTER_READINGS: dict[str, dict[str, str]] = {
    "scale": {"max": "max_capacity", "e": "e_interval", "accuracy_class": "accuracy_class"},
}


class Sealer(Protocol):
    """An unlocked identity that signs a record and makes its PDF (services.records.Sealer)."""

    @property
    def signer_info(self) -> dict[str, str]: ...

    def seal(
        self,
        record: dict[str, Any],
        data: bytes,
        fingerprint: str,
        definition: FormDefinition,
        attachments: list[tuple[str, bytes]],
    ) -> Any: ...


INCOMPLETE = "incomplete"  # the live state of a check below the minimum content: never a verdict


@dataclass(frozen=True)
class Changes:
    """What one write changed, so a screen redraws only that: the reading paths whose stored value
    changed, and the top-level results whose computed values did (``None``: not known, e.g. an
    evaluation never stored — redraw everything)."""

    readings: frozenset[str] = frozenset()
    results: frozenset[str] | None = None


@dataclass(frozen=True)
class LiveEvaluation:
    """The evaluation of the readings as they stand, the first field that stops it, and what is
    still missing before it may be finalised (spec README, "Minimum content for a verdict").

    ``missing`` lists the minimum content the rules still lack (code "incomplete"), a required
    field not yet given ("required") and every checklist item not yet answered ("unanswered").
    ``failed_so_far`` keeps the checklist items already failed while no evaluation is possible.
    ``readings`` are the readings as stored after the write that produced it (the screen's one
    source); ``changes`` what that write changed.
    """

    evaluation: Evaluation | None
    error: FieldError | None
    missing: tuple[FieldError, ...] = ()
    failed_so_far: tuple[str, ...] = ()
    readings: dict[str, str] = field(default_factory=dict)
    changes: Changes = field(default_factory=Changes)
    # What the rules could compute before they stopped (a lot's plan and T while its samples are
    # still weighed: `InputError.partial`), shown as the results; never a verdict.
    partial: dict[str, Any] | None = None
    # `as_json` as the write stored it: computed once per edit, not again by every screen that
    # shows it (a 125-package evaluation takes ~0.3 ms to convert). Read-only to its users.
    stored_json: dict[str, Any] | None = field(default=None, compare=False, repr=False)

    @property
    def status(self) -> str | None:
        """What the check shows: a fail is final; anything missing makes it incomplete (never a
        pass); then the verdict; None when the input is invalid (the error says why)."""
        if self.evaluation is not None and self.evaluation.verdict == FAIL:
            return FAIL
        if self.missing:
            return INCOMPLETE
        return None if self.evaluation is None else self.evaluation.verdict

    @property
    def complete(self) -> bool:
        """Whether it may be finalised: evaluated, nothing missing."""
        return self.evaluation is not None and not self.missing and self.error is None

    def as_json(self) -> dict[str, Any]:
        if self.stored_json is not None:
            return self.stored_json
        out: dict[str, Any] = (
            {"verdict": None, "failed": list(self.failed_so_far), "results": jsonable(self.partial or {})}
            if self.evaluation is None
            else evaluation_json(self.evaluation)
        )
        out["verdict"] = self.status
        if self.missing:
            out["missing"] = [
                {"field": m.field, "code": m.code, "zh": _missing_text(m, "zh"), "en": _missing_text(m, "en")}
                for m in self.missing
            ]
        return out


# What is missing, in words, by the entry (field, code, its parameters) and language: every edit
# words the same list again (a checklist of six items unanswered, in two languages).
_MISSING_TEXTS: dict[tuple[str, str, str, str], str] = {}


def _missing_text(missing: FieldError, lang: str) -> str:
    """What is missing, in words: the minimum content itself, else the field's message."""
    key = (missing.field, missing.code, lang, repr(missing.params))
    found = _MISSING_TEXTS.get(key)
    if found is None:
        if len(_MISSING_TEXTS) >= 2048:
            _MISSING_TEXTS.clear()
        found = _MISSING_TEXTS[key] = _word_missing(missing, lang)
    return found


def _word_missing(missing: FieldError, lang: str) -> str:
    if missing.code == "incomplete":
        sep = "；" if lang == "zh" else "; "
        return sep.join(missing_text(code, missing.params, lang) for code in missing.params["missing"])
    return missing.message(lang)


def _changed_results(row: dict[str, Any], evaluation: dict[str, Any]) -> frozenset[str] | None:
    """The top-level result keys whose values differ from those the row stored (None if it stored
    none to compare with)."""
    if not row.get("results"):
        return None
    try:
        stored = json.loads(row["results"])
    except ValueError:
        return None
    now = evaluation.get("results") or {}
    if not isinstance(stored, dict):
        return None
    return frozenset(k for k in stored.keys() | now.keys() if stored.get(k) != now.get(k))


def _instrument_of(instrument: dict[str, Any], keep: tuple[str, ...]) -> dict[str, Any]:
    """The instrument as the record carries it; a taxi meter with its vehicle's plate (the plate
    is how a taxi is known: the record names it)."""
    kept = {k: instrument[k] for k in keep}
    try:
        plate = json.loads(instrument.get("details") or "{}").get("plate")
    except (ValueError, AttributeError):
        plate = None
    return {**kept, "plate": str(plate)} if plate else kept


def record_gaps(row: dict[str, Any]) -> tuple[FieldError, ...]:
    """What the record itself still lacks before it may be signed, besides the readings: the second
    enforcement officer (the law asks for two) and, for a correction, its reason."""
    gaps = []
    team = json.loads(row.get("inspectors") or "[]")
    if len(team) < 2 or not team[1].get("name"):
        gaps.append(
            FieldError(
                "inspectors[1]", "required", {"label_zh": "第二检查人员", "label_en": "Second inspector"}
            )
        )
    elif not team[1].get("id_number"):
        gaps.append(
            FieldError(
                "inspectors[1].id_number",
                "required",
                {"label_zh": "第二检查人员执法证号", "label_en": "Second inspector's enforcement ID"},
            )
        )
    if row.get("supersedes") and not str(row.get("correction_reason") or "").strip():
        gaps.append(
            FieldError(
                "correction_reason",
                "required",
                {"label_zh": "更正原因", "label_en": "Reason for the correction"},
            )
        )
    return tuple(gaps)


@dataclass(frozen=True)
class FinaliseResult:
    inspection_id: str
    fingerprint: str
    verdict: str


def lot_as_evaluated(defn: FormDefinition, lot: dict[str, Any], flat: dict[str, str]) -> dict[str, Any]:
    """The lot with its nominal quantity (in its quantity's unit) and its size as the lot step
    last said them, where they differ from what 新建检查 first noted: the signed record, the list
    and the office name the lot that was evaluated."""
    if defn.subject != "product_lot" or not lot:
        return lot
    out = dict(lot)
    nominal, size = flat.get("nominal", ""), flat.get("lot_size", "")
    if nominal:
        text = f"{nominal} {choice_unit(defn, 'quantity', flat.get('quantity'))}".strip()
        if text != lot.get("nominal_text"):
            out["nominal_text"] = text
    if size and size != str(lot.get("lot_size", "")):
        out["lot_size"] = size
    return out


def instrument_label(instrument: dict[str, Any] | None, lot: dict[str, Any] | None) -> str:
    """What the list shows for the checked item: maker, model and serial, or the lot's product."""
    if instrument:
        return " ".join(
            str(instrument.get(k) or "") for k in ("maker", "model", "serial") if instrument.get(k)
        )
    lot = lot or {}
    return " ".join(str(lot.get(k, "")) for k in ("product", "nominal_text") if lot.get(k))


class InspectionService:
    """The inspection lifecycle over the store; evaluation defaults come from the settings."""

    def __init__(
        self,
        db: Database,
        stamp: Callable[[], Stamp],
        actor: Callable[[], str],
        defaults: Callable[[], dict[str, Any]],
        flusher: WalFlusher | None = None,
        *,
        team: Callable[[], list[dict[str, str]]] = list,
    ) -> None:
        self._db = db
        self._flusher = flusher
        self._stamp = stamp
        self._actor = actor
        self._defaults = defaults
        self._team = team
        self._tariff_cache: dict[str, Any] = {}
        self._definitions: dict[str, FormDefinition] = {}

    # -- starting -------------------------------------------------------------------------
    def start(
        self,
        *,
        form_id: str,
        site_id: str,
        instrument_id: str | None = None,
        control: str = "in_service",
        lot: dict[str, Any] | None = None,
        standard_ids: tuple[str, ...] = (),
        readings: dict[str, str] | None = None,
        supersedes: str | None = None,
        started_at: str | None = None,
        inspectors: list[dict[str, str]] | None = None,
        correction_reason: str = "",
        measures: list[str] | None = None,
    ) -> str:
        """Create a draft; raises ValidationFailed for an unknown form, site or instrument, an
        expired standard (on the day it starts), or a second inspector not fully named.

        ``inspectors`` are the two enforcement officers, the lead first (default: this laptop's
        inspector and the usual second one, from the settings)."""
        day = (started_at or self._stamp().now)[:10]
        self.check_standards(tuple(standard_ids), day=day)
        team = self._checked_team(list(inspectors) if inspectors is not None else self._team())
        try:
            defn = self.current_definition(form_id)
        except InputError as exc:
            raise ValidationFailed([FieldError("form_id", exc.code, exc.params)]) from exc
        try:
            site = registry_repo.get(self._db, "sites", site_id)
        except NotFound as exc:
            raise ValidationFailed([FieldError("site_id", "not_found", {"value": site_id})]) from exc
        # What is checked follows the procedure (its definition's subject): a lot of prepackaged
        # goods is no instrument, and an instrument's check is no lot.
        names = {"procedure_zh": defn.zh, "procedure_en": defn.en}
        if defn.subject == "product_lot" and instrument_id:
            labels = {"label_zh": "计量器具", "label_en": "Instrument"}
            raise ValidationFailed(
                [FieldError("instrument_id", "lot_has_no_instrument", {**names, **labels})]
            )
        if defn.subject == "instrument" and lot:
            labels = {"label_zh": "检验批", "label_en": "Lot"}
            raise ValidationFailed([FieldError("lot", "instrument_has_no_lot", {**names, **labels})])
        label = ""
        if instrument_id:
            try:
                inst = registry_repo.get(self._db, "instruments", instrument_id)
            except NotFound as exc:
                raise ValidationFailed(
                    [FieldError("instrument_id", "not_found", {"value": instrument_id})]
                ) from exc
            label = instrument_label(inst, None)
            if supersedes is None:  # a correction keeps the corrected record's readings
                readings = {**self.register_readings(defn, inst), **(readings or {})}
        elif lot:
            label = instrument_label(None, lot)
        stamp = self._stamp()
        inspection_id = repo.create(
            self._db,
            {
                "form_id": defn.id,
                "form_version": defn.version,
                "form_hash": defn.sha256,
                "control": control,
                "site_id": site_id,
                "instrument_id": instrument_id,
                "site_name": site["name"],
                "site_code": site["credit_code"],
                "instrument_label": label,
                "lot": json.dumps(lot or {}, ensure_ascii=False),
                "inspector": team[0]["name"] if team else self._actor(),
                "inspectors": json.dumps(team, ensure_ascii=False),
                "correction_reason": correction_reason.strip(),
                "measures": json.dumps(measures or [], ensure_ascii=False),
                "started_at": started_at or stamp.now,
                "supersedes": supersedes,
            },
            stamp,
            actor=self._actor(),
            definition={
                "sha256": defn.sha256,
                "form_id": defn.id,
                "version": defn.version,
                "text": defn.text,
            },
            readings=readings,
            standard_ids=tuple(standard_ids),
        )
        if readings:
            self.set_readings(inspection_id, {})
        return inspection_id

    def check_readings(self, form_id: str, values: dict[str, str]) -> None:
        """Refuse readings typed before a draft exists (the lot in 新建检查) that their fields
        cannot take, by the same rules as a grid cell; raises ValidationFailed naming each."""
        defn = load_definition(form_id)
        errors = [
            problem
            for path, value in values.items()
            if value and (spec := spec_at(defn, path)) is not None
            if (problem := cells.problem(spec, value, path)) is not None
        ]
        if errors:
            raise ValidationFailed(errors)

    def register_readings(self, defn: FormDefinition, instrument: dict[str, Any]) -> dict[str, str]:
        """What the instrument register already says about a check's parameters (a scale's Max,
        e and class): readings to start from, each only if its field takes it as it stands."""
        out = {}
        for field_id, column in REGISTER_READINGS.get(defn.id, {}).items():
            value = str(instrument.get(column) or "").strip()
            spec = defn.fields[field_id]
            if value and cells.problem(spec, value, field_id) is None:
                out[field_id] = value
        return out

    def check_standards(self, standard_ids: tuple[str, ...], *, day: str | None = None) -> None:
        """Refuse a standard whose certificate has expired (the expiry date is in the message)."""
        today = day or self._stamp().now[:10]
        errors = []
        for sid in standard_ids:
            try:
                standard = registry_repo.get(self._db, "standards", sid)
            except NotFound:
                errors.append(FieldError("standard_ids", "not_found", {"value": sid}))
                continue
            if standard["cert_expiry"] and standard["cert_expiry"] < today:
                errors.append(
                    FieldError(
                        "standard_ids",
                        "standard_expired",
                        {
                            "name": standard["name"],
                            "serial": standard["serial"],
                            "expiry": standard["cert_expiry"],
                            "label_zh": "标准器",
                            "label_en": "Standard",
                        },
                    )
                )
        if errors:
            raise ValidationFailed(errors)

    def tariff_choices(self) -> list[tuple[str, str, str]]:
        """(id, zh, en) of every tariff file shipped or added; examples are marked as such."""
        from forms.taxi_meter.tariffs import load_tariffs

        return [(t.id, t.city_zh, t.city_en) for t in {**load_tariffs(), **self.received_tariffs()}.values()]

    def resumable(self) -> dict[str, Any] | None:
        """The draft that was open when the app last stopped (its ui_state says so), if any."""
        return listing.open_draft(self._db)

    # -- evidence ---------------------------------------------------------------------------
    # Each signature is printed in its box: the lead officer's, the second officer's ("partner",
    # as the laptop's usual second officer is called in the settings), the site representative's.
    ATTACHMENT_KINDS = ("photo", "signature_inspector", "signature_partner", "signature_site")
    MAX_ATTACHMENT = 20 * 1024 * 1024  # bytes: a phone photo, not a video

    def attach(self, inspection_id: str, kind: str, data: bytes, mime: str) -> str:
        """Store a photo or a signature image with its SHA-256 (listed in the signed record).

        The image is decoded whole first (PNG or JPEG, at most 50 megapixels); its stored type is
        what the bytes are, not what ``mime`` claims. Raises ValidationFailed for an unknown kind,
        an empty or oversized file, or a file that is not such an image; RecordFrozen once the
        inspection is finalised. The second officer signs once named (ValidationFailed before).
        """
        errors = []
        if kind not in self.ATTACHMENT_KINDS:
            errors.append(
                FieldError("kind", "unknown_choice", {"value": kind, "choices": list(self.ATTACHMENT_KINDS)})
            )
        elif kind == "signature_partner" and not self._second_of(repo.get(self._db, inspection_id)).get(
            "name"
        ):
            errors.append(
                FieldError(
                    "inspectors[1]", "required", {"label_zh": "第二检查人员", "label_en": "Second inspector"}
                )
            )
        if not data or len(data) > self.MAX_ATTACHMENT:
            errors.append(
                FieldError(
                    "file",
                    "out_of_range",
                    {
                        "value": f"{len(data)} B",
                        "min": "0",
                        "max": f"{self.MAX_ATTACHMENT} B",
                        "min_exclusive": True,
                        "unit": "",
                        "label_zh": "文件大小",
                        "label_en": "File size",
                    },
                )
            )
        if data and not errors:
            from inspector_app.pdf.images import ImageRefused, image_mime

            try:
                mime = image_mime(data)  # what the bytes are, whatever the file was called
            except ImageRefused as exc:
                errors.append(
                    FieldError(
                        "file",
                        exc.code,
                        {**exc.params, "label_zh": "照片或签名图像", "label_en": "Photo or signature image"},
                    )
                )
        if errors:
            raise ValidationFailed(errors)
        try:
            return repo.add_attachment(
                self._db,
                inspection_id,
                kind=kind,
                sha256=hashlib.sha256(data).hexdigest(),
                mime=mime,
                data=data,
                stamp=self._stamp(),
                replace_kind=kind.startswith("signature_"),
            )
        except FrozenRecord as exc:
            raise RecordFrozen(inspection_id) from exc

    @staticmethod
    def _check_images(attachments: list[tuple[str, bytes]]) -> None:
        """Refuse to seal a record whose stored image cannot be drawn (stored before images were
        decoded on arrival): the inspector removes it, rather than the finalisation crashing."""
        from inspector_app.pdf.images import ImageRefused, image_mime

        for kind, data in attachments:
            try:
                image_mime(data)
            except ImageRefused as exc:
                raise ValidationFailed(
                    [FieldError(kind, exc.code, {**exc.params, "label_zh": "附件", "label_en": "Attachment"})]
                ) from exc

    def detach(self, inspection_id: str, attachment_id: str) -> None:
        try:
            repo.remove_attachment(self._db, inspection_id, attachment_id, self._stamp())
        except FrozenRecord as exc:
            raise RecordFrozen(inspection_id) from exc

    def attachments(self, inspection_id: str) -> list[dict[str, Any]]:
        return repo.attachment_list(self._db, inspection_id)

    def attachment_data(self, inspection_id: str, attachment_id: str) -> bytes:
        """The stored bytes of one attachment (a signature shown again in its pad)."""
        return repo.attachment_data(self._db, inspection_id, attachment_id)

    def start_from_task(
        self, task_id: str, *, standard_ids: tuple[str, ...] = (), instrument_id: str | None = None
    ) -> str:
        """A draft for an assigned task (its site, instrument and procedure), linked to the task.

        A task drawn by the office names the entity, not the instrument: ``instrument_id`` (one of
        the site's) fills it in. Raises ValidationFailed for an unknown task or instrument."""
        try:
            task = registry_repo.get(self._db, "tasks", task_id)
        except NotFound as exc:
            raise ValidationFailed([FieldError("task", "not_found", {"value": task_id})]) from exc
        if task["inspection_id"]:
            return str(task["inspection_id"])
        inspection_id = self.start(
            form_id=task["form_id"],
            site_id=task["site_id"],
            instrument_id=task["instrument_id"] or instrument_id or None,
            standard_ids=standard_ids,
        )
        registry_repo.update(
            self._db, "tasks", task_id, {"inspection_id": inspection_id}, self._stamp(), actor=self._actor()
        )
        return inspection_id

    def correct(self, inspection_id: str, reason: str = "") -> str:
        """A new draft that supersedes a finalised inspection: the same readings, standards,
        measures, inspectors, lot and control, started when the original was (the standards are
        judged on that day), with the reason for the correction (required before finalising).

        Raises ValidationFailed for a draft (only a finalised record is corrected)."""
        row = repo.get(self._db, inspection_id)
        if row["status"] == "draft":
            raise ValidationFailed([FieldError("supersedes", "not_finalised", {"value": row["record_no"]})])
        return self.start(
            form_id=row["form_id"],
            site_id=row["site_id"],
            instrument_id=row["instrument_id"],
            control=row["control"],
            lot=json.loads(row["lot"]),
            readings=repo.readings(self._db, inspection_id),
            standard_ids=tuple(s["id"] for s in repo.standards_of(self._db, inspection_id)),
            supersedes=inspection_id,
            started_at=row["started_at"],
            inspectors=json.loads(row["inspectors"] or "[]") or None,
            correction_reason=reason,
            measures=json.loads(row["measures"] or "[]"),
        )

    def _tariff_of(self, flat: dict[str, str]) -> dict[str, Any]:
        """The tariff a taxi check names, by id and name (the record prints the name)."""
        tariff_id = flat.get("tariff")
        if not tariff_id:
            return {}
        names = {value: (zh, en) for value, zh, en in self.tariff_choices()}
        zh, en = names.get(tariff_id, (tariff_id, tariff_id))
        return {"tariff": {"id": tariff_id, "name_zh": zh, "name_en": en}}

    def superseded_by(self, inspection_id: str) -> dict[str, Any] | None:
        """The finalised record that corrects this one (id, record_no, finalised_at), or None."""
        return repo.superseded_by(self._db, inspection_id)

    # -- who inspects, why a correction, what was done: set on a draft, signed at finalising --
    def _checked_team(self, team: list[dict[str, str]]) -> list[dict[str, str]]:
        """The inspectors as stored: names and ID numbers trimmed; the second must not be the lead
        (ValidationFailed). A second named without an ID number is kept: finalising asks for it."""
        people = [
            {"name": str(p.get("name", "")).strip(), "id_number": str(p.get("id_number", "")).strip()}
            for p in team
        ]
        if len(people) > 1:
            lead, second = people[0], people[1]
            labels = {"label_zh": "第二检查人员", "label_en": "Second inspector"}
            if not second["name"]:
                return people[:1]
            if (second["name"], second["id_number"]) == (lead["name"], lead["id_number"]) or (
                second["id_number"] and second["id_number"] == lead["id_number"]
            ):
                raise ValidationFailed([FieldError("inspectors[1]", "same_inspector", labels)])
        return people[:2]

    @staticmethod
    def _second_of(row: dict[str, Any]) -> dict[str, str]:
        team = json.loads(row.get("inspectors") or "[]")
        return dict(team[1]) if len(team) > 1 else {}

    def set_second_inspector(self, inspection_id: str, name: str, id_number: str) -> list[dict[str, str]]:
        """Name the second enforcement officer of a draft ('' for both clears it); returns the
        inspectors now stored. Another person named (or nobody) takes the former second officer's
        drawn signature away with them, in the same transaction: a box signed by one officer never
        carries another's name. Raises ValidationFailed (an ID number missing, the lead named
        twice) or RecordFrozen once finalised."""
        row = repo.get(self._db, inspection_id)
        team = json.loads(row["inspectors"] or "[]") or [{"name": row["inspector"], "id_number": ""}]
        team = self._checked_team([team[0], {"name": name, "id_number": id_number}])
        before = self._second_of(row).get("name", "")
        after = team[1]["name"] if len(team) > 1 else ""
        replaced = "signature_partner" if before and after != before else None
        self._set_fields(inspection_id, {"inspectors": team}, detach_kind=replaced)
        return team

    def set_correction_reason(self, inspection_id: str, reason: str) -> None:
        """Why a correction is made (printed and signed with it); RecordFrozen once finalised."""
        self._set_fields(inspection_id, {"correction_reason": reason.strip()})

    def set_measures(self, inspection_id: str, measures: list[str]) -> list[str]:
        """The measures taken, kept on the draft as they are ticked; raises ValidationFailed for one
        not in the definition's list, RecordFrozen once finalised."""
        chosen = self.check_measures(self.definition_of(inspection_id), measures)
        self._set_fields(inspection_id, {"measures": chosen})
        return chosen

    def _set_fields(
        self, inspection_id: str, values: dict[str, Any], *, detach_kind: str | None = None
    ) -> None:
        try:
            repo.set_draft_fields(
                self._db, inspection_id, values, self._stamp(), actor=self._actor(), detach_kind=detach_kind
            )
        except FrozenRecord as exc:
            raise RecordFrozen(inspection_id) from exc
        row = repo.get(self._db, inspection_id)  # the stored verdict follows what is now missing
        live = self.evaluate_flat(
            self._definition(row["form_hash"]), row, repo.readings(self._db, inspection_id)
        )
        repo.put_readings(self._db, inspection_id, {}, self._stamp(), evaluation=live.as_json())

    # -- live work ------------------------------------------------------------------------
    def definition_of(self, inspection_id: str) -> FormDefinition:
        row = repo.get(self._db, inspection_id)
        return self._definition(row["form_hash"])

    def get(self, inspection_id: str) -> dict[str, Any]:
        return repo.get(self._db, inspection_id)

    def _definition(self, form_hash: str) -> FormDefinition:
        """The definition text stored under this hash, parsed once (a stored text never changes:
        it is keyed by its own SHA-256)."""
        defn = self._definitions.get(form_hash)
        if defn is None:
            defn = self._definitions[form_hash] = definition_from_text(
                repo.definition_text(self._db, form_hash)
            )
        return defn

    def readings(self, inspection_id: str) -> dict[str, str]:
        return repo.readings(self._db, inspection_id)

    def check_input(self, row: dict[str, Any], flat: dict[str, str]) -> dict[str, Any]:
        """The `evaluate` input of the readings; the inspection's own form and control win over
        any reading of the same name (a record says 使用中检查 only if it was evaluated so)."""
        data = {**paths.nest(flat), "form": row["form_id"], "control": row["control"]}
        if row["form_id"] == "taxi_meter" and isinstance(data.get("tariff"), str):
            # A tariff the office sent (a return package) wins over the shipped file of that id:
            # it is passed inline, the period in force on the check's date.
            received = self.received_tariffs().get(data["tariff"])
            period = received.period_on(str(data.get("date") or "")) if received else None
            if period is not None:
                data["tariff"] = dict(period)
        return data

    # -- reference files from the office (return packages) -----------------------------------------
    def current_definition(self, form_id: str, *, day: str | None = None) -> FormDefinition:
        """The definition a new inspection uses: the shipped one, or a newer version the office
        sent that is in force on ``day`` (default today). Raises InputError for an unknown form."""
        best = load_definition(form_id)
        today = day or self._stamp().now[:10]
        for ref in sync_repo.reference_files(self._db, "form"):
            if ref["ref_id"] != form_id or ref["effective_from"] > today:
                continue
            if _version_key(ref["version"]) > _version_key(best.version):
                try:
                    best = definition_from_text(ref["text"])
                except DefinitionError:
                    continue
        return best

    def received_tariffs(self, *, day: str | None = None) -> dict[str, Any]:
        """Tariff files the office sent, in force on ``day``: the newest version of each id."""
        from forms.taxi_meter.tariffs import tariff_from_text

        today = day or self._stamp().now[:10]
        found: dict[str, Any] = {}
        for ref in sync_repo.reference_files(self._db, "tariff"):  # ordered by id, then effective date
            if ref["effective_from"] > today:
                continue
            tariff = self._tariff_cache.get(ref["sha256"])
            if tariff is None:
                try:
                    tariff = self._tariff_cache[ref["sha256"]] = tariff_from_text(ref["text"])
                except (ValueError, KeyError):
                    continue
            found[tariff.id] = tariff
        return found

    def evaluate_flat(
        self, defn: FormDefinition, row: dict[str, Any], flat: dict[str, str]
    ) -> LiveEvaluation:
        """Evaluate readings (pure; no write): the evaluation, or the first field that stops it,
        plus what is still missing (minimum content, required fields, unanswered checklist, the
        second inspector, a correction's reason). A reading its field cannot accept (finer than
        its resolution, say) stops it first."""
        problems = reading_problems(defn, flat)
        if problems:
            return LiveEvaluation(None, problems[0])
        data = self.check_input(row, flat)
        try:
            answers = checklist_answers(defn, data)
        except InputError as exc:
            return LiveEvaluation(None, FieldError(exc.field, exc.code, exc.params))
        unanswered = tuple(
            FieldError(f"checklist.{item.id}", "unanswered", {"label_zh": item.zh, "label_en": item.en})
            for item in defn.checklist
            if item.id not in answers
        ) + record_gaps(row)
        failed_so_far = tuple(item for item, ok in answers.items() if not ok)
        try:
            result = evaluate_check(data, defaults=self._defaults(), definition=defn)
        except Incomplete as exc:
            gap = FieldError(exc.field, exc.code, exc.params)
            return LiveEvaluation(None, None, (gap, *unanswered), failed_so_far, partial=exc.partial)
        except InputError as exc:
            error = FieldError(exc.field, exc.code, exc.params)
            missing = (error, *unanswered) if exc.code == "required" else unanswered
            return LiveEvaluation(None, error, missing, failed_so_far, partial=exc.partial)
        except ArithmeticError as exc:  # as `evaluate` does: refused, never a crash of the window
            error = FieldError("", "not_computable", {"detail": type(exc).__name__})
            return LiveEvaluation(None, error, unanswered, failed_so_far)
        return LiveEvaluation(result, None, unanswered)

    def set_readings(
        self, inspection_id: str, values: dict[str, str], *, ui_state: dict[str, Any] | None = None
    ) -> LiveEvaluation:
        """Autosave readings ('' clears one), re-evaluate, store the result; one transaction.

        Raises RecordFrozen if the inspection is finalised.
        """
        row = repo.get(self._db, inspection_id)
        defn = self._definition(row["form_hash"])
        before = repo.readings(self._db, inspection_id)
        flat = {k: v for k, v in {**before, **values}.items() if v != ""}
        live = self.evaluate_flat(defn, row, flat)
        evaluation = live.as_json()
        try:
            with self._autosaving():
                repo.put_readings(
                    self._db, inspection_id, values, self._stamp(), evaluation=evaluation, ui_state=ui_state
                )
        except FrozenRecord as exc:
            raise RecordFrozen(inspection_id) from exc
        changed = frozenset(path for path, value in values.items() if before.get(path, "") != value)
        changes = Changes(changed, _changed_results(row, evaluation))
        return replace(live, readings=flat, changes=changes, stored_json=evaluation)

    def remember(self, inspection_id: str, ui_state: dict[str, Any]) -> None:
        """Store where the inspector is and what is being typed (no reading changes, no
        evaluation); raises RecordFrozen once finalised."""
        try:
            with self._autosaving():
                repo.put_readings(self._db, inspection_id, {}, self._stamp(), ui_state=ui_state)
        except FrozenRecord as exc:
            raise RecordFrozen(inspection_id) from exc

    @contextmanager
    def _autosaving(self) -> Iterator[None]:
        """An autosave commits without waiting for the disk: from its commit on it survives the
        app being killed, and the flusher puts it on the disk right after, off this thread
        (db/durability.py; docs/decisions.md, "When an edit is saved"). Without a flusher (no
        file: a memory database) it commits as every other write does."""
        if self._flusher is None:
            yield
            return
        with relaxed_sync(self._db.conn):
            yield
        self._flusher.written()

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until every autosave so far is on the disk (a power cut cannot take it); False if
        ``timeout`` ran out first. Finalising needs no call: its commit flushes everything."""
        return True if self._flusher is None else self._flusher.wait(timeout)

    # -- finalising -----------------------------------------------------------------------
    @staticmethod
    def check_measures(defn: FormDefinition, measures: list[str]) -> list[str]:
        """The measures taken, each once, in the order given; raises ValidationFailed for one that
        is not in the definition's list (a signed record never carries free text here)."""
        allowed = [m.id for m in defn.measures]
        unknown = [m for m in measures if m not in allowed]
        if unknown:
            raise ValidationFailed(
                [
                    FieldError(
                        "measures",
                        "unknown_choice",
                        {
                            "value": unknown[0],
                            "choices": allowed,
                            "label_zh": "处理措施",
                            "label_en": "Measure",
                        },
                    )
                ]
            )
        return list(dict.fromkeys(measures))

    def canonical_record(
        self, inspection_id: str, *, finalised_at: str, measures: list[str] | None = None
    ) -> dict[str, Any]:
        row = repo.get(self._db, inspection_id)
        defn = self._definition(row["form_hash"])
        if measures is not None:
            measures = self.check_measures(defn, measures)
        flat = repo.readings(self._db, inspection_id)
        live = self.evaluate_flat(defn, row, flat)
        if live.error is not None and live.error not in live.missing:
            raise ValidationFailed([live.error])
        if live.missing:  # incomplete checks are not signed (spec README, "Minimum content")
            raise ValidationFailed(list(live.missing))
        assert live.evaluation is not None
        site = registry_repo.get(self._db, "sites", row["site_id"])
        instrument = (
            registry_repo.get(self._db, "instruments", row["instrument_id"]) if row["instrument_id"] else None
        )
        standards = repo.standards_of(self._db, inspection_id)
        attachments = repo.attachment_hashes(self._db, inspection_id)
        superseded = repo.get(self._db, row["supersedes"]) if row["supersedes"] else None
        keep_site = ("id", "name", "credit_code", "address", "district", "kind", "contact")
        keep_inst = (
            "id",
            "kind",
            "maker",
            "model",
            "serial",
            "accuracy_class",
            "max_capacity",
            "e_interval",
            "q_max",
            "q_min",
            "cert_no",
            "cert_expiry",
        )
        return {
            "canonical_version": CANONICAL_VERSION,
            "id": row["id"],
            "record_no": row["record_no"],
            "form": {
                "id": defn.id,
                "version": defn.version,
                "regulation": defn.regulation,
                "sha256": defn.sha256,
            },
            "control": row["control"],
            "site": {k: site[k] for k in keep_site},
            "instrument": None if instrument is None else _instrument_of(instrument, keep_inst),
            "lot": lot_as_evaluated(defn, json.loads(row["lot"]), flat),
            "standards": standards,
            "readings": flat,
            "evaluation": evaluation_json(live.evaluation),
            "measures": json.loads(row["measures"]) if measures is None else list(measures),
            "inspector": row["inspector"],
            # Both enforcement officers, the lead first (the law asks for two at an inspection).
            "inspectors": json.loads(row["inspectors"] or "[]"),
            **self._tariff_of(flat),
            "correction_reason": row["correction_reason"],
            "supersedes_record_no": superseded["record_no"] if superseded else None,
            "device_id": row["device_id"],
            "started_at": row["started_at"],
            "finalised_at": finalised_at,
            "supersedes": row["supersedes"],
            # The office task (a 双随机 draw's) this record answers, so the office can publish it.
            "task_id": repo.task_of(self._db, inspection_id),
            "attachments": attachments,
            # The audit log's head now: signing it makes a deleted or rewritten log detectable.
            "audit_head": dict(zip(("seq", "hash"), audit_repo.head(self._db), strict=True)),
        }

    def finalise(
        self, inspection_id: str, *, sealer: Sealer | None = None, measures: list[str] | None = None
    ) -> FinaliseResult:
        """Freeze the draft: evaluate, build the canonical record, fingerprint it and, with a
        sealer (an unlocked identity), sign it and make its signed PDF.

        Raises ValidationFailed if the readings cannot be evaluated or the check is incomplete (below
        the minimum content, a checklist item unanswered: every missing part is listed),
        RecordFrozen if already finalised. Nothing is written unless everything succeeds (one
        transaction at the end).
        """
        row = repo.get(self._db, inspection_id)
        if row["status"] != "draft":
            raise RecordFrozen(inspection_id)
        stamp = self._stamp()
        record = self.canonical_record(inspection_id, finalised_at=stamp.now, measures=measures)
        if sealer is not None:
            record["signer"] = sealer.signer_info
        data = canonical_bytes(record)
        digest = fingerprint(data)
        evaluation = record["evaluation"]
        sealed = None
        if sealer is not None:
            defn = self._definition(row["form_hash"])
            attachments = repo.attachments(self._db, inspection_id)
            self._check_images(attachments)
            sealed = sealer.seal(record, data, digest, defn, attachments)
        try:
            repo.finalise(
                self._db,
                inspection_id,
                {
                    "verdict": evaluation["verdict"],
                    "failed": json.dumps(evaluation["failed"]),
                    "results": json.dumps(evaluation["results"], ensure_ascii=False),
                    "measures": json.dumps(record["measures"], ensure_ascii=False),
                    "canonical": data.decode("utf-8"),
                    "fingerprint": digest,
                    # the lot as evaluated (lot_as_evaluated), in the list as in the signed record
                    **(
                        {
                            "lot": json.dumps(record["lot"], ensure_ascii=False),
                            "instrument_label": instrument_label(None, record["lot"]),
                        }
                        if record["lot"] and record["lot"] != json.loads(row["lot"])
                        else {}
                    ),
                    "signature": sealed.signature if sealed else None,
                    "finalised_at": stamp.now,
                },
                stamp,
                actor=self._actor(),
                pdf=sealed.pdf if sealed else None,
            )
        except FrozenRecord as exc:
            raise RecordFrozen(inspection_id) from exc
        return FinaliseResult(inspection_id, digest, evaluation["verdict"])

    def delete_draft(self, inspection_id: str) -> None:
        try:
            repo.delete_draft(self._db, inspection_id, self._stamp(), actor=self._actor())
        except FrozenRecord as exc:
            raise RecordFrozen(inspection_id) from exc

    # -- lists ----------------------------------------------------------------------------
    def list_rows(self, **filters: Any) -> list[dict[str, Any]]:
        return listing.list_rows(self._db, **filters)

    def counts(self, column: str) -> dict[str, int]:
        return listing.count_by(self._db, column)


def _version_key(version: str) -> tuple[tuple[int, str], ...]:
    """'1.10.0' after '1.9.2': numeric parts compare as numbers."""
    return tuple((int(p), "") if p.isdigit() else (-1, p) for p in version.split("."))
