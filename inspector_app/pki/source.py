"""Where a Verifier's inputs come from: the laptop's pinned root and applied trust lists, or the
office store's root and latest list. The newest list whose signature verifies wins; a list whose
signature fails is passed over (and `selfcheck` reports it), never trusted.
"""

from __future__ import annotations

from cryptography import x509
from sqlite_utils import Database

from db import sync as sync_repo
from db import trust as trust_repo
from db.office import OfficeStore
from inspector_app.pki import certs, trustlist
from inspector_app.pki.trust import Verifier


def newest_valid(documents: list[bytes], root: x509.Certificate) -> trustlist.TrustList | None:
    """The newest of ``documents`` (newest first) that the root signed, or None."""
    for document in documents:
        try:
            return trustlist.read(document, root)
        except trustlist.TrustListInvalid:
            continue
    return None


def _pems(pems: list[str | None]) -> list[x509.Certificate]:
    found = []
    for text in pems:
        if not text:
            continue
        try:
            found.append(certs.load(text))
        except ValueError:
            continue
    return found


def laptop_verifier(db: Database) -> Verifier:
    """The laptop's trust: its office root and trust list once it has one; its own keys (and
    certificates added by hand) locally until then. Local revocations always apply."""
    own = _pems([p for i in trust_repo.identities(db) for p in (i["cert_pem"], i.get("office_cert_pem"))])
    revoked = trust_repo.revocations(db)
    pinned = sync_repo.anchor(db)
    if pinned is None:
        by_hand = _pems([r["cert_pem"] for r in trust_repo.trusted(db)])
        return Verifier(root=None, local=[*own, *by_hand], revoked=revoked)
    root = certs.load(pinned["root_pem"])
    listed = newest_valid(sync_repo.trust_list_documents(db), root)
    return Verifier(root=root, trust_list=listed, local=own, revoked=revoked)


def office_verifier(store: OfficeStore) -> Verifier:
    """The office's trust: its own root and its newest trust list, plus its revocations table
    (distrust only), and the certificates seen in bundles as aliases (no trust of their own)."""
    office = store.office()
    if office is None:
        return Verifier(root=None)
    root = certs.load(office["root_pem"])
    listed = newest_valid([r["document"] for r in store.trust_lists()], root)
    revoked = {
        c["cert_sha256"]: (c["revoked_at"], c["reason"] or "")
        for c in store.certificates()
        if c["revoked_at"]
    }
    aliases = _pems([r["pem"] for r in store.signer_certs()])
    return Verifier(root=root, trust_list=listed, revoked=revoked, aliases=aliases)
