"""An office and its laptops on real database files, for the PKI and sync tests.

Records are made the way an inspector makes them: a draft through the services, then finalised
with the laptop's key (real signature, real PDF).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from inspector_app import credit_code
from inspector_app.readings import flatten
from inspector_app.services import Services, create_office, open_services
from tests.forms.helpers import answered
from tests.people import pair

OFFICE_PASS = "office-root-passphrase"
LAPTOP_PASS = "laptop-passphrase-1"
OFFICE_NAME = "重庆市渝中区市场监督管理局"
CODE = "91500103MA5U7XY1P" + credit_code.check_character("91500103MA5U7XY1P")
CODE2 = "91500103MA6A8B9C0" + credit_code.check_character("91500103MA6A8B9C0")
SCALE = {
    "accuracy_class": "III",
    "max": "15000",
    "e": "5",
    "zero": {"load": "50", "indication": "50", "added": "2.0"},
    "weighings": [
        {"load": "100", "indication": "100", "added": "1.5"},
        {"load": "15000", "indication": "15010", "added": "0.5"},
    ],
    "price": [{"unit_price": "12.80", "per": "kg", "weight_kg": "1.235", "displayed": "15.81"}],
    "checklist": answered("scale"),  # every item answered: finalising needs them all
}


@contextlib.contextmanager
def office(path, **kwargs) -> Iterator[Services]:
    with open_services(path, **kwargs) as services:
        if services.office is None:
            create_office(services, name=OFFICE_NAME, passphrase=OFFICE_PASS)
        yield services


@contextlib.contextmanager
def laptop(path, name: str = "王检查", id_number: str = "渝执 50000001", **kwargs) -> Iterator[Services]:
    with open_services(path, **kwargs) as services:
        if not services.records.identities():
            services.settings.set("inspector_name", name)
            pair(services)
            services.records.create_identity(
                name=name, id_number=id_number, office=OFFICE_NAME, passphrase=LAPTOP_PASS
            )
        yield services


def site(services: Services) -> str:
    found = services.registry.search("sites", credit_code=CODE)
    if found:
        return str(found[0]["id"])
    return str(
        services.registry.create(
            "sites", {"name": "解放碑农贸市场", "credit_code": CODE, "district": "渝中区"}
        )
    )


def finalise(services: Services, *, serial: str = "SC-0001", readings: dict | None = None) -> str:
    """One signed scale record; returns its inspection id."""
    site_id = site(services)
    found = services.registry.search("instruments", serial=serial)
    instrument = (
        found[0]["id"]
        if found
        else services.registry.create(
            "instruments", {"site_id": site_id, "kind": "scale", "serial": serial, "maker": "凯丰"}
        )
    )
    iid = services.inspections.start(
        form_id="scale", site_id=site_id, instrument_id=instrument, readings=flatten(readings or SCALE)
    )
    services.inspections.finalise(iid, sealer=services.records.sealer(LAPTOP_PASS))
    return iid


def enrol(office_services: Services, laptop_services: Services, *, role: str = "inspector", name: str = ""):
    """The laptop's key request, enrolled by the office; returns the Issued certificate."""
    pem = laptop_services.keys.request(LAPTOP_PASS, name=name)
    office_service = office_services.office
    request = office_service.read_request(pem.encode())
    return office_service.enrol(request, role=role, root=office_service.unlock(OFFICE_PASS))


def bulk(services: Services, count: int, *, seed: int = 1) -> list[str]:
    """``count`` signed records made fast (inspector_app.demo.bulk_signed) after one real one."""
    from inspector_app.demo import bulk_signed

    template = fleet_template(services)
    return bulk_signed(services, template, count, LAPTOP_PASS, pdf_size=2048, seed=seed)


def fleet_template(services: Services) -> str:
    rows = [r for r in services.inspections.list_rows(limit=5) if r["status"] == "finalised"]
    return str(rows[0]["id"]) if rows else finalise(services)


def export(services: Services, folder, *, full: bool = False):
    folder.mkdir(parents=True, exist_ok=True)
    return services.sync.export(folder, LAPTOP_PASS, full=full)


def rezip(
    source,
    target,
    *,
    drop: tuple[str, ...] = (),
    add: dict[str, bytes] | None = None,
    replace: dict[str, bytes] | None = None,
    edit_manifest=None,
    resign=None,
    update_manifest: bool = False,
):
    """A copy of a bundle with members dropped, added or replaced; with ``update_manifest`` the
    manifest lists the new hashes and sizes, and with ``resign`` (key, certificate PEM) the
    manifest is signed again — so a test isolates exactly one fault."""
    import hashlib
    import json
    import zipfile

    from inspector_app.sync import manifest

    with zipfile.ZipFile(source) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist()}
    for name in drop:
        members.pop(name)
    members.update(replace or {})
    members.update(add or {})
    body = json.loads(members["manifest.json"])
    if update_manifest:
        for name in replace or {}:
            body["members"][name] = {
                "sha256": hashlib.sha256(members[name]).hexdigest(),
                "size": len(members[name]),
            }
    if edit_manifest is not None:
        edit_manifest(body)
    if update_manifest or edit_manifest is not None:
        members["manifest.json"] = manifest.dump(body)
    if resign is not None:
        members["manifest.sig"] = manifest.sign(members["manifest.json"], *resign)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in members.items():
            out.writestr(name, data)
    return target


def signing_key(services: Services):
    """(key, certificate PEM) of the laptop's first identity, to re-sign crafted bundles."""
    sealer = services.records.sealer(LAPTOP_PASS)
    return sealer.key, sealer.certificate_pem


SUPERVISOR_PASS = "supervisor-passphrase"


def supervisor_key(office_services: Services):
    """The office's supervisor (审核人) key, enrolled with the supervisor role; returns the key."""
    if not office_services.records.identities():
        office_services.records.create_identity(
            name="赵审核", id_number="渝执 50009999", office=OFFICE_NAME, passphrase=SUPERVISOR_PASS
        )
        pem = office_services.keys.request(SUPERVISOR_PASS)
        office = office_services.office
        office.enrol(office.read_request(pem.encode()), role="supervisor", root=office.unlock(OFFICE_PASS))
    return office_services.records.sealer(SUPERVISOR_PASS).key


def package(office_services: Services, device_id: str, folder):
    folder.mkdir(parents=True, exist_ok=True)
    office = office_services.office
    return office.make_package(device_id, folder, root=office.unlock(OFFICE_PASS))["package"]


def root_fingerprint(office_services: Services) -> str:
    return office_services.office.info()["root_sha256"]


def conflicting(bundle, record_id: str, key, target, *, old: str = '"15010"', new: str = '"15005"'):
    """A copy of ``bundle`` whose record ``record_id`` is re-signed over other content (``old``
    replaced by ``new`` in its canonical text): the same id, another fingerprint — a conflict.
    ``key`` is (private key, certificate PEM); returns (bundle path, the new canonical text)."""
    import json
    import zipfile

    from inspector_app.signing import record as record_sig

    name = f"records/{record_id}.json"
    with zipfile.ZipFile(bundle) as zf:
        wrapper = json.loads(zf.read(name))
    canonical = wrapper["canonical"].replace(old, new)
    assert canonical != wrapper["canonical"]
    wrapper["canonical"] = canonical
    wrapper["signature"]["value"] = record_sig.b64(record_sig.sign(key[0], canonical.encode()))
    path = rezip(
        bundle, target, replace={name: json.dumps(wrapper).encode()}, update_manifest=True, resign=key
    )
    return path, canonical
