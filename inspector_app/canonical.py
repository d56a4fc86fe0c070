"""The canonical record: a finalised inspection as deterministic UTF-8 JSON, and its fingerprint.

Sorted keys, no insignificant whitespace, decimals as strings: the same record always gives the
same bytes, so its SHA-256 identifies it and a signature over it survives any transport.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from inspector_app.evaluation import jsonable

# 2: the record carries the audit log's head (audit_head); 3: and the task it answers (task_id)
CANONICAL_VERSION = 3


def canonical_bytes(record: dict[str, Any]) -> bytes:
    return json.dumps(jsonable(record), ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode(
        "utf-8"
    )


def fingerprint(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
