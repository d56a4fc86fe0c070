"""Unlocking an inspector's key: the Argon2id cost an attacker pays per guessed passphrase, against
the PBKDF2 (2,048 rounds) PKCS#8 encryption used before. Target (issue 8 §5): ~0.25 s per unlock.

    .venv/bin/python bench/unlock.py [--runs 7]
"""

from __future__ import annotations

import argparse
import sys

from _common import ROOT, median_ms

sys.path.insert(0, str(ROOT))

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from inspector_app.signing import keys

PASSPHRASE = "bench-passphrase"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    key = ec.generate_private_key(ec.SECP256R1())
    stored = keys.encrypt_key(key, PASSPHRASE)
    legacy = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(PASSPHRASE.encode()),
    ).decode("ascii")
    ours = median_ms(lambda: keys.unlock(stored, PASSPHRASE), args.runs)
    wrong = median_ms(lambda: _wrong(stored), args.runs)
    old = median_ms(lambda: keys.unlock(legacy, PASSPHRASE), max(args.runs, 25))
    params = keys.KDF_PARAMS
    print(
        f"Argon2id m={params['memory_kib'] // 1024} MiB t={params['iterations']} p={params['lanes']}: "
        f"unlock {ours:.0f} ms, wrong passphrase {wrong:.0f} ms (median of {args.runs})"
    )
    print(f"before: PKCS#8 PBKDF2 2,048 rounds: unlock {old:.2f} ms")
    print(f"guesses per second and core: {1000 / wrong:.1f} (before: {1000 / old:.0f})")


def _wrong(stored: str) -> None:
    try:
        keys.unlock(stored, PASSPHRASE + "?")
    except keys.WrongPassphrase:
        return
    raise AssertionError("a wrong passphrase opened the key")


if __name__ == "__main__":
    main()
