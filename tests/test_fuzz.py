"""Fuzzing the two doors hostile input comes through: `evaluate` (thousands of generated JSON
checks) and `verify` (hundreds of mutated record PDFs). Each ends in a defined exit code with a
message, within a time bound — never an exception.

In process for speed (the same functions the CLI calls), plus a handful through the real
subprocess. Derandomised, so CI runs the same inputs every time and a failure reproduces.
"""

from __future__ import annotations

import copy
import json
import random
import subprocess
import sys
import time
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from forms import load_definition
from inspector_app import cells
from inspector_app.evaluation import evaluate_text
from inspector_app.readings import flatten
from inspector_app.services import open_services
from inspector_app.sheets import spec_at
from tests.core.test_records import CHECKS, PASSPHRASE, finalised
from tests.core.test_resolution_rules import put
from tests.test_evaluate_cli import F1, NC1, SC1, TG1

FUZZ = settings(
    derandomize=True,
    database=None,
    deadline=None,  # wall time is the shared machine's; each test bounds the CPU time it spends
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
FORMS = ("fuel_dispenser", "taxi_meter", "scale", "net_content")


@dataclass(frozen=True)
class Raw:
    """A JSON token written verbatim (numbers json.dumps cannot make: 1e-999999, 5,000 digits)."""

    text: str


def to_json(value: Any) -> str:
    if isinstance(value, Raw):
        return value.text
    if isinstance(value, dict):
        return "{" + ",".join(f"{json.dumps(k)}:{to_json(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ",".join(to_json(v) for v in value) + "]"
    return json.dumps(value)  # ensure_ascii: a lone surrogate becomes the escape "\ud800"


NASTY_TEXT = [
    "\ud800",
    "\udfff",
    "\x00",
    "\u202e",
    "15,000",
    "1e-999999",
    "1e999999",
    "9" * 5000,
    "-0",
    " 12 ",
    "NaN",
    "Infinity",
    "1_000",
    "٣",
    "0x10",
    "",
    "真",
]
numbers = st.one_of(
    st.integers(-(10**30), 10**30).map(lambda i: Raw(str(i))),
    st.builds(lambda m, e: Raw(f"{m}e{e}"), st.integers(-999, 999), st.integers(-999_999, 999_999)),
    st.builds(lambda i, f: Raw(f"{i}.{f}"), st.integers(-(10**6), 10**6), st.integers(0, 10**9)),
    st.sampled_from(["1e-999999", "9" * 5000, "-" + "9" * 5000, "1e20", "1e-20", "0.0", "-0"]).map(Raw),
)
scalars = st.one_of(
    numbers,
    st.text(max_size=12),
    st.sampled_from(NASTY_TEXT),
    st.booleans(),
    st.none(),
    numbers.map(lambda r: r.text),  # numbers as strings, as the GUI sends them
)
FIELD_NAMES = sorted(
    {
        *("form", "control", "options", "fuel", "measure_material", "flow_points", "runs", "v_j", "v_b"),
        *("t_j", "t_b", "neck", "v0", "h0_mm", "d_ml_per_mm", "h_mm", "payment", "unit_price", "volume"),
        *("amount", "payment_increment", "distance_tests", "meter_m", "reference_m", "time_tests"),
        *("meter_s", "reference_s", "tariff", "flag_fall", "included_km", "per_km", "long_km"),
        *("long_surcharge", "wait_unit_s", "wait_charge", "night_multiplier", "fare_step", "fare_tests"),
        *("distance_km", "waiting_s", "night", "displayed", "accuracy_class", "max", "e", "d", "zero"),
        *("load", "indication", "added", "tare", "weighings", "eccentricity", "positions"),
        *("repeatability", "discrimination", "changed", "price", "per", "weight_kg", "interval"),
        *("reweighing", "category", "settled_g", "actual_g", "method", "quantity", "nominal"),
        *("lot_size", "mode", "empty", "density_g_per_ml", "samples", "net", "gross", "checklist", "date"),
    }
)
keys = st.one_of(st.sampled_from(FIELD_NAMES), st.text(max_size=8))
trees = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(keys, children, max_size=4)),
    max_leaves=8,
)
checks = st.builds(
    lambda form, fields: {"form": form, **fields},
    st.one_of(st.sampled_from(FORMS), scalars),
    st.dictionaries(keys, trees, max_size=5),
)

EXAMPLES = [F1, NC1, SC1, TG1, *({"form": k, **v} for k, v in CHECKS.items())]


def leaf_paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a check: containers too, so whole branches get replaced."""
    found = [path]
    if isinstance(value, dict):
        for k, v in value.items():
            found += leaf_paths(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            found += leaf_paths(v, (*path, i))
    return found


@st.composite
def mutated_examples(draw: st.DrawFn) -> Any:
    check = copy.deepcopy(draw(st.sampled_from(EXAMPLES)))
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in leaf_paths(check) if p]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = check
        for step in path[:-1]:
            parent = parent[step]
        parent[path[-1]] = draw(trees)
    return check


def assert_answered(text: str) -> None:
    start = time.process_time()  # CPU, not wall: a loaded machine must not fail a bound on work
    code, out = evaluate_text(text)
    assert time.process_time() - start < 2.0
    assert code in (0, 2), out
    printed = json.dumps(out, ensure_ascii=False)
    printed.encode("utf-8")  # what the CLI prints can be printed
    if code == 2:
        error = out["error"]
        assert isinstance(error["field"], str) and error["message"].strip(), out
    else:
        assert out["verdict"] in ("pass", "fail", "inconclusive"), out


@settings(FUZZ, max_examples=1000)
@given(checks)
def test_evaluate_answers_any_json_check(check):
    assert_answered(to_json(check))


@settings(FUZZ, max_examples=1000)
@given(mutated_examples())
def test_evaluate_answers_valid_checks_with_one_to_three_parts_replaced(check):
    assert_answered(to_json(check))


@settings(FUZZ, max_examples=500)
@given(st.binary(max_size=200).map(lambda b: b.decode("utf-8", "replace")))
def test_evaluate_answers_any_text(text):
    assert_answered(text)


def stepped_paths(check: dict[str, Any]) -> list[tuple[str, Decimal]]:
    """The readings of a check whose field declares a step (V_J's 0.01 L, a scale's d and 0.1e),
    with the step the core measures each against."""
    definition = load_definition(check["form"])
    flat = flatten({k: v for k, v in check.items() if k != "form"})
    out = []
    for path in flat:
        spec = spec_at(definition, path)
        step = None if spec is None else spec.step(cells.context(flat, path))
        if step is not None:
            out.append((path, step))
    return out


STEPPED = [(check, path, step) for check in EXAMPLES for path, step in stepped_paths(check)]


@settings(FUZZ, max_examples=300)
@given(st.sampled_from(STEPPED), st.integers(1, 9), st.integers(1, 3), st.integers(-3, 3))
def test_a_reading_between_two_steps_is_refused_naming_it_and_one_on_a_step_is_not(case, k, digits, n):
    """Issue 9 §1: any reading of a stepped field moved by a fraction of its step is refused with
    `finer_than_resolution` naming that reading; moved by whole steps, never for that reason."""
    check, path, step = case
    value = Decimal(flatten({k_: v for k_, v in check.items() if k_ != "form"})[path])
    finer = value + step * k / Decimal(10) ** digits
    code, out = evaluate_text(json.dumps(put(check, path, str(finer))))
    assert code == 2 and out["error"]["code"] == "finer_than_resolution", out
    assert out["error"]["field"] == path, out
    code, out = evaluate_text(json.dumps(put(check, path, str(value + step * n))))
    assert code == 0 or out["error"]["code"] != "finer_than_resolution", out


SUBPROCESS_INPUTS = [
    "[" * 100_000 + "]" * 100_000,
    '{"form": "scale", "max": ' + "9" * 5000 + ', "e": "5"}',
    '{"form": "scale", "max": "\\ud800", "e": "5"}',
    '{"form": "taxi_meter", "tariff": {"fare_step": 1e-999999}, "fare_tests": []}',
    to_json({**TG1, "tariff": {**TG1["tariff"], "fare_step": Raw("1e-999999")}}),
    to_json({**SC1, "weighings": [{"load": Raw("1e-999999"), "indication": "1"}]}),
    to_json({**SC1, "price": [{"unit_price": "12.80", "per": "kg", "weight_kg": "1.235", "displayed": "x"}]}),
    "\xff\xfe",
]


@pytest.mark.parametrize("text", SUBPROCESS_INPUTS, ids=range(len(SUBPROCESS_INPUTS)))
def test_evaluate_through_the_real_cli(text):
    proc = subprocess.run(
        [sys.executable, "-m", "ui.entry", "evaluate", "-"],
        input=text.encode("utf-8", "surrogatepass"),
        capture_output=True,
        timeout=60,
    )
    assert proc.returncode in (0, 2), proc
    assert b"Traceback" not in proc.stderr
    out = json.loads(proc.stdout)
    assert "verdict" in out or out["error"]["message"]


# -- verify ----------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def signed(tmp_path_factory):
    path = tmp_path_factory.mktemp("fuzz") / "laptop.sqlite"
    with open_services(path) as s:
        s.records.create_identity(name="王检查", id_number="渝执 1", office="江北局", passphrase=PASSPHRASE)
        _, pdf = finalised(s, "fuel_dispenser")
    return path, pdf


TOKENS = [b"obj", b"endobj", b"stream", b"endstream", b"/Length", b"xref", b"trailer", b"startxref", b"R"]


def mutate(pdf: bytes, rng: random.Random) -> tuple[str, bytes]:
    """One random damage of the kinds copies and attackers make; returns (description, bytes)."""
    n = len(pdf)
    kind = rng.choice(["flip", "truncate", "delete", "insert", "duplicate", "token", "digits", "zero"])
    at = rng.randrange(n)
    if kind == "flip":
        data = bytearray(pdf)
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(n)] ^= 1 << rng.randrange(8)
        return kind, bytes(data)
    if kind == "truncate":
        return f"{kind} {at}", pdf[:at]
    if kind == "delete":
        return f"{kind} {at}", pdf[:at] + pdf[at + rng.randint(1, 4096) :]
    if kind == "insert":
        return f"{kind} {at}", pdf[:at] + rng.randbytes(rng.randint(1, 512)) + pdf[at:]
    if kind == "duplicate":
        chunk = pdf[at : at + rng.randint(1, 8192)]
        return f"{kind} {at}", pdf[:at] + chunk + pdf[at:]
    if kind == "token":
        token = rng.choice(TOKENS)
        spots = [i for i in range(n) if pdf.startswith(token, i)][:400]
        if not spots:
            return kind, pdf[:-1]
        i = rng.choice(spots)
        return f"{kind} {token!r}@{i}", pdf[:i] + rng.choice(TOKENS) + pdf[i + len(token) :]
    if kind == "digits":
        data = bytearray(pdf)
        digits = [i for i in range(max(0, at - 20000), min(n, at + 20000)) if 48 <= data[i] <= 57]
        for i in rng.sample(digits, min(len(digits), rng.randint(1, 6))):
            data[i] = rng.choice(b"0123456789")
        return kind, bytes(data)
    length = rng.randint(16, 65536)
    return f"{kind} {at}+{length}", pdf[:at] + b"\0" * min(length, n - at) + pdf[at + length :]


def only_in_signature_container(pdf: bytes, damaged: bytes) -> bool:
    """True when every changed byte lies inside /Contents <…>: the CMS container the signature
    lives in, excluded from the signed byte range by design (ISO 32000-1 §12.8.1). Its zero
    padding, or a spare copy of the signer's certificate the trust store already holds, may change
    without changing anything signed; pyHanko then rightly still finds the signature valid."""
    start = pdf.index(b"/Contents <") + len(b"/Contents <")
    end = pdf.index(b">", start)
    if len(damaged) != len(pdf):
        return False
    return all(start <= i < end for i in range(len(pdf)) if pdf[i] != damaged[i])


def test_verify_answers_hundreds_of_damaged_pdfs(signed):
    path, pdf = signed
    rng = random.Random(20261130)
    seen: dict[str, int] = {}
    with open_services(path, create=False) as s:
        for _ in range(400):
            what, damaged = mutate(pdf, rng)
            start = time.process_time()
            result = s.records.verify_pdf(damaged)
            elapsed = time.process_time() - start
            assert elapsed < 5.0, (what, elapsed)
            if damaged == pdf or (result.status == "valid" and only_in_signature_container(pdf, damaged)):
                continue
            assert result.status in ("altered", "unreadable", "unknown_signer"), (what, result)
            assert result.exit_code in (1, 2) and result.reason, (what, result)
            seen[result.reason] = seen.get(result.reason, 0) + 1
    # the mutations reach every layer: the file, the structure, the record and the signature
    assert {"truncated", "pdf_signature_broken"} <= set(seen), seen
    assert len(seen) >= 4, seen


def test_verify_of_damaged_pdfs_through_the_real_cli(signed, tmp_path):
    path, pdf = signed
    rng = random.Random(7)
    for index in range(5):
        what, damaged = mutate(pdf, rng)
        file = tmp_path / f"m{index}.pdf"
        file.write_bytes(damaged)
        proc = subprocess.run(
            [sys.executable, "-m", "ui.entry", "verify", "--db", str(path), str(file)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert proc.returncode in (1, 2), (what, proc)
        assert "Traceback" not in proc.stderr and proc.stdout.strip(), (what, proc)
