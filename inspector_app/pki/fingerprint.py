"""How a SHA-256 fingerprint is shown to people. Apart from `certs` (which needs cryptography) so
the office window can show its root's fingerprint in its first frame."""

from __future__ import annotations


def grouped(fingerprint: str) -> str:
    """A SHA-256 as people compare it aloud: upper-case groups of four."""
    text = fingerprint.upper()
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))
