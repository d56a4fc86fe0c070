"""What each screen needs of the services, as narrow Protocols: a widget is typed with the port it
uses, never with the database nor with the whole `Services`, so mypy checks every call a page
makes and a page cannot reach past its port (ui/ imports these; the services satisfy them
structurally — `tests/core/test_ports.py` and mypy at the composition root check that they do).

Each port lists exactly the methods its screens call, with the services' own signatures.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from forms.definition import FormDefinition
    from inspector_app.office.conflicts import ConflictQueue
    from inspector_app.office.credit import CreditService
    from inspector_app.office.directories import DirectoryService
    from inspector_app.office.draw.service import DrawService
    from inspector_app.office.paper import PaperService
    from inspector_app.office.publication import PublicationService
    from inspector_app.office.review import ReviewService
    from inspector_app.office.service import Issued, Root
    from inspector_app.office.statistics import StatisticsService
    from inspector_app.pki.certs import EnrolmentRequest
    from inspector_app.services.inspections import FinaliseResult, LiveEvaluation
    from inspector_app.services.inspections import Sealer as AnySealer
    from inspector_app.services.records import Sealer, Verification
    from inspector_app.sync.laptop import Exported


# -- the registers (sites, instruments, standards, tasks) and settings -------------------------
class Registers(Protocol):
    """The register pages, the tasks page and 新建检查: rows of a register."""

    def create(self, table: str, values: dict[str, Any]) -> str: ...

    def get(self, table: str, row_id: str) -> dict[str, Any]: ...

    def search(
        self, table: str, text: str = "", *, limit: int = 500, order_by: str = "updated_at DESC", **where: Any
    ) -> list[dict[str, Any]]: ...

    def update(self, table: str, row_id: str, values: dict[str, Any]) -> None: ...


class SettingReader(Protocol):
    """A setting's value (the inspector's name, the office's name, a default)."""

    def get(self, key: str) -> str: ...


class FormDrafts(SettingReader, Protocol):
    """A register form's unsaved text, kept across a crash, and the settings it reads."""

    def load_draft(self, key: str) -> str | None: ...

    def save_draft(self, key: str, value: str) -> None: ...

    def clear_draft(self, key: str) -> None: ...


class SettingsEditing(Protocol):
    """The settings page: every value, and one changed at a time."""

    def values(self) -> dict[str, str]: ...

    def set(self, key: str, value: str) -> None: ...


# -- inspections -----------------------------------------------------------------------------
class TaskStarting(Protocol):
    """The tasks page: a draft from an assigned task, on the definition in force."""

    def current_definition(self, form_id: str, *, day: str | None = None) -> FormDefinition: ...

    def start_from_task(
        self, task_id: str, *, standard_ids: tuple[str, ...] = (), instrument_id: str | None = None
    ) -> str: ...


class InspectionStarting(Protocol):
    """新建检查: readings typed before the draft exists checked, then the draft started."""

    def check_readings(self, form_id: str, values: dict[str, str]) -> None: ...

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
    ) -> str: ...


class Evidence(Protocol):
    """The photos and signatures panel of a draft."""

    def attach(self, inspection_id: str, kind: str, data: bytes, mime: str) -> str: ...

    def attachments(self, inspection_id: str) -> list[dict[str, Any]]: ...

    def attachment_data(self, inspection_id: str, attachment_id: str) -> bytes: ...

    def detach(self, inspection_id: str, attachment_id: str) -> None: ...


class DraftEditing(Evidence, Protocol):
    """The inspection window: a draft's readings, their live evaluation, and finalising it."""

    def get(self, inspection_id: str) -> dict[str, Any]: ...

    def definition_of(self, inspection_id: str) -> FormDefinition: ...

    def readings(self, inspection_id: str) -> dict[str, str]: ...

    def tariff_choices(self) -> list[tuple[str, str, str]]: ...

    def set_readings(
        self, inspection_id: str, values: dict[str, str], *, ui_state: dict[str, Any] | None = None
    ) -> LiveEvaluation: ...

    def remember(self, inspection_id: str, ui_state: dict[str, Any]) -> None: ...

    def set_second_inspector(self, inspection_id: str, name: str, id_number: str) -> list[dict[str, str]]: ...

    def set_correction_reason(self, inspection_id: str, reason: str) -> None: ...

    def set_measures(self, inspection_id: str, measures: list[str]) -> list[str]: ...

    def evaluate_flat(
        self, defn: FormDefinition, row: dict[str, Any], flat: dict[str, str]
    ) -> LiveEvaluation: ...

    def finalise(
        self, inspection_id: str, *, sealer: AnySealer | None = None, measures: list[str] | None = None
    ) -> FinaliseResult: ...


# -- signing, keys and verifying -------------------------------------------------------------
class Sealing(Protocol):
    """Unlocking the inspector's key to sign a record."""

    def sealer(self, passphrase: str, identity_id: str | None = None) -> Sealer: ...


class Signers(Sealing, Protocol):
    """The 审核 page: whose keys may sign a decision, and unlocking one."""

    def identities(self) -> list[dict[str, Any]]: ...


class Verifying(Protocol):
    """The 核验 page: a record's PDF, a file, or the text of its QR code."""

    def verify_file(self, path: Path | str) -> Verification: ...

    def verify_pdf(self, pdf: bytes, *, verifier: Any = None) -> Verification: ...

    def verify_qr(self, text: str) -> Verification: ...


class IdentityMaking(Protocol):
    """The keys page's first start: the inspector's identity and key."""

    def create_identity(self, *, name: str, id_number: str, office: str, passphrase: str) -> str: ...


class KeyKeeping(Protocol):
    """The keys page: the keys' state, a new passphrase, a certificate request for the office."""

    def status(self) -> list[dict[str, Any]]: ...

    def change_passphrase(self, old: str, new: str, *, identity_id: str | None = None) -> None: ...

    def request(self, passphrase: str, *, name: str = "", identity_id: str | None = None) -> str: ...


# -- sync by file ----------------------------------------------------------------------------
class LaptopSync(Protocol):
    """The sync page: what is waiting, the tasks the office sent, a return package applied."""

    def status(self) -> dict[str, Any]: ...

    def tasks(self) -> list[dict[str, Any]]: ...

    def returned(self) -> list[dict[str, Any]]: ...

    def apply_package(self, path: Path, *, accept_root: str | None = None) -> Any: ...

    def export(
        self,
        folder: Path,
        passphrase: str,
        *,
        full: bool = False,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> Exported: ...


# -- the windows and dialogs that take several services at once ------------------------------
class StartingServices(Protocol):
    """新建检查: the registers to choose from (and add a site to), and the draft it starts."""

    @property
    def inspections(self) -> InspectionStarting: ...

    @property
    def registry(self) -> Registers: ...

    @property
    def settings(self) -> FormDrafts: ...


class EvidenceServices(Protocol):
    """The photos and signatures panel."""

    @property
    def inspections(self) -> Evidence: ...


class DraftServices(Protocol):
    """The inspection window: the draft, and the key that signs it."""

    @property
    def inspections(self) -> DraftEditing: ...

    @property
    def records(self) -> Sealing: ...


# -- the office's pages (the office's own services, by the parts each page uses) --------------
class Unlocking(Protocol):
    """The office root's key, unlocked for a signature (a draw, a package, an enrolment)."""

    def unlock(self, passphrase: str) -> Root: ...


class Enrolling(Unlocking, Protocol):
    """The 证书 page: requests from laptops, certificates issued and revoked."""

    def info(self) -> dict[str, Any]: ...

    def certificates(self) -> list[dict[str, Any]]: ...

    def requests(self, *, status: str = "") -> list[dict[str, Any]]: ...

    def read_request(self, data: bytes) -> EnrolmentRequest: ...

    def enrol(self, request: EnrolmentRequest, *, role: str, root: Root) -> Issued: ...

    def revoke(self, cert_sha256: str, *, reason: str, root: Root) -> int: ...


class ConflictResolving(Protocol):
    """The conflicts dialog: records that arrived twice with different content."""

    def conflicts(self) -> list[dict[str, Any]]: ...

    @property
    def conflict_queue(self) -> ConflictQueue: ...


class Packaging(ConflictResolving, Unlocking, Protocol):
    """The 回传包 page: a signed return package for a laptop."""

    def devices(self) -> list[dict[str, Any]]: ...

    def make_package(self, device_id: str, target: Path, *, root: Root) -> dict[str, Any]: ...


class Importing(Protocol):
    """The 导入 page: bundles from laptops, imported whole or refused whole."""

    def bundles(self, *, limit: int = 100) -> list[dict[str, Any]]: ...

    def import_bundles(
        self,
        paths: list[Path],
        *,
        progress: Callable[[str, int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> list[Any]: ...


class Drawing(Unlocking, Protocol):
    """The 双随机 page: the directories drawn from and the draws."""

    @property
    def draws(self) -> DrawService: ...

    @property
    def directories(self) -> DirectoryService: ...

    @property
    def credit(self) -> CreditService: ...  # today's date, as the lists count it


class Reviewing(Protocol):
    """The 审核 page: the queue and the certificates its decisions are signed under."""

    @property
    def review(self) -> ReviewService: ...

    def certificates(self) -> list[dict[str, Any]]: ...


class Counting(Protocol):
    """The 统计 page."""

    @property
    def statistics(self) -> StatisticsService: ...

    @property
    def review(self) -> ReviewService: ...


class CreditListing(Protocol):
    """The 信用 page: red and black lists, the integrity file."""

    @property
    def credit(self) -> CreditService: ...


class Publishing(Protocol):
    """The 公开 page: the 一公开 list and its deadlines (counted in working days from today)."""

    @property
    def publication(self) -> PublicationService: ...

    @property
    def credit(self) -> CreditService: ...


class PaperScanning(Protocol):
    """The 扫描导入 page: records known from paper."""

    @property
    def paper(self) -> PaperService: ...
