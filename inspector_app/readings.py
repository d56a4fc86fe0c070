"""Readings as flat paths (``flow_points[0].runs[1].v_j``) and the nested check input they form.

The database stores one row per path; the evaluator takes the nested JSON of the spec's contract.
"""

from __future__ import annotations

import functools
import re
from typing import Any

_TOKEN = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


@functools.lru_cache(maxsize=8192)  # `nest` splits every reading on every edit; paths repeat
def split(path: str) -> tuple[str | int, ...]:
    """``a[0].b`` → ('a', 0, 'b')."""
    return tuple(name if name else int(index) for name, index in _TOKEN.findall(path))


def nest(flat: dict[str, str]) -> dict[str, Any]:
    """Build the nested input; list indices are kept in order, gaps closed."""
    root: dict[str | int, Any] = {}
    for path, value in flat.items():
        keys = split(path)
        node: dict[str | int, Any] = root
        for key in keys[:-1]:  # lists are index-keyed dicts until _listify
            child = node.get(key)
            if not isinstance(child, dict):  # a deeper path wins over a plain value at its parent
                child = node[key] = {}
            node = child
        if not isinstance(node.get(keys[-1]), dict):  # ... and a plain value never replaces it
            node[keys[-1]] = value
    return _listify(root)  # type: ignore[no-any-return]


def _listify(node: Any) -> Any:
    """Index-keyed dicts become lists. Only `nest`'s own dicts are walked (exact types: every edit
    nests all 125 packages of a lot, and a leaf, a str, is most of what is met)."""
    if type(node) is not dict:
        return node
    if node and all(type(k) is int for k in node):
        return [v if type(v) is str else _listify(v) for _k, v in sorted(node.items())]
    return {k: v if type(v) is str else _listify(v) for k, v in node.items()}


def flatten(nested: Any, prefix: str = "") -> dict[str, str]:
    """The inverse of `nest` for JSON-like input; booleans become 'true'/'false'."""
    out: dict[str, str] = {}
    if isinstance(nested, dict):
        for key, value in nested.items():
            out.update(flatten(value, f"{prefix}.{key}" if prefix else str(key)))
    elif isinstance(nested, list):
        for i, value in enumerate(nested):
            out.update(flatten(value, f"{prefix}[{i}]"))
    elif isinstance(nested, bool):
        out[prefix] = "true" if nested else "false"
    elif nested is not None:
        out[prefix] = str(nested)
    return out


def at(node: Any, path: str) -> Any:
    """The value at a dotted path below ``node`` (None if any part is missing)."""
    for part in path.split(".") if path else ():
        if not isinstance(node, dict):
            return None
        node = node.get(part)
    return node


def entries(node: Any, pattern: str) -> list[tuple[tuple[int, ...], Any]]:
    """The entries a grid pattern (``a[].b[]``, ``x.y[]``, or a plain object path) names below
    ``node``, each with its indices (one per ``[]``)."""
    found: list[tuple[tuple[int, ...], Any]] = [((), node)]
    for part in pattern.split("."):
        name, lists = part.replace("[]", ""), part.count("[]")
        step = []
        for index, value in found:
            value = value.get(name) if isinstance(value, dict) else None
            if value is None:
                continue
            level = [(index, value)]
            for _ in range(lists):
                level = [((*i, k), item) for i, v in level if isinstance(v, list) for k, item in enumerate(v)]
            step.extend(level)
        found = step
    return found
