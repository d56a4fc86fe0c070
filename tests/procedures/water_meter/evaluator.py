"""A small procedure for tests: E = (V_i − V_a)/V_a × 100 %, each run within ±MPE (JJG 162-2019
§5.2.1). It lives outside the application and is loaded from its folder by `forms.registry`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from forms.definition import FormDefinition
from forms.display import number, shown, size, within
from forms.errors import Incomplete
from forms.numbers import HUNDRED, mul, quotient, result, sub
from forms.verdict import Judge, items_of, magnitude, object_of, state


def evaluate(
    defn: FormDefinition, data: Mapping[str, Any], options: Mapping[str, Any], judge: Judge
) -> dict[str, Any]:
    mpe = defn.limit("mpe_pct")
    runs = []
    for i, run in enumerate(items_of(data, "runs", "runs")):
        path = f"runs[{i}]"
        run = object_of(run, path)
        v_i = defn.parse("v_i", run.get("v_i"), f"{path}.v_i")
        v_a = defn.parse("v_a", run.get("v_a"), f"{path}.v_a")
        error = mul(quotient(sub(v_i, v_a), v_a), HUNDRED)
        ok = magnitude(error) <= mpe  # on the limit passes (spec README)
        judge.record("indication_error", state(ok))
        runs.append({"error_pct": result(error), "verdict": state(ok)})
    if not runs:
        raise Incomplete("runs", ["runs"])
    return {"runs": runs}


def key_figures(defn: FormDefinition, results: Mapping[str, Any]) -> str:
    """The QR's figure: the worst run's error (E+1.20%)."""
    runs = [r for r in results.get("runs", []) if number(r.get("error_pct")) is not None]
    if not runs:
        return ""
    worst = max(runs, key=lambda r: size(r["error_pct"]))
    ok = worst.get("verdict") == "pass"
    return f"E{shown(worst['error_pct'], '0.01', within(defn.limit('mpe_pct')), ok, sign=True)}%"
