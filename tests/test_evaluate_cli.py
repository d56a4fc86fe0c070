"""`inspector-app evaluate`: the JSON contract of the spec README, through the real entry point."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal

import pytest

F1 = {
    "form": "fuel_dispenser",
    "fuel": "gasoline",
    "measure_material": "stainless_steel",
    "flow_points": [
        {
            "runs": [
                {"v_j": "50.00", "v_b": "49.93", "t_j": "22.4", "t_b": "22.0"},
                {"v_j": "50.00", "v_b": "49.95", "t_j": "22.6", "t_b": "22.3"},
                {"v_j": "50.02", "v_b": "49.96", "t_j": "22.5", "t_b": "22.2"},
            ]
        }
    ],
}
NC1 = {
    "form": "net_content",
    "quantity": "mass",
    "nominal": "500",
    "lot_size": 80,
    "tare": {
        "mode": "average",
        "empty": ["5.2", "4.9", "5.0", "5.1", "5.0", "4.8", "5.1", "5.0", "4.9", "5.0"],
    },
    "samples": [
        {"gross": g}
        for g in (
            "508.2",
            "511.1",
            "504.4",
            "506.8",
            "513.0",
            "502.6",
            "509.5",
            "487.0",
            "510.3",
            "507.7",
            "505.9",
            "512.4",
            "508.6",
        )
    ],
}


def r6(text: str) -> str:
    """The spec README prints results rounded to 6 decimals, marked with an ellipsis."""
    return str(Decimal(text).quantize(Decimal("0.000001")))


def evaluate(text: str) -> tuple[int, dict, str]:
    proc = subprocess.run(
        [sys.executable, "-m", "ui.entry", "evaluate", "-"],
        input=text,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return proc.returncode, json.loads(proc.stdout), proc.stderr


def test_f1_contract_output():
    code, out, err = evaluate(json.dumps(F1))
    assert code == 0 and err == ""
    assert (out["form"], out["verdict"], out["failed"]) == ("fuel_dispenser", "pass", [])
    assert out["form_version"] and out["regulation"] == "JJG 443-2023"
    runs = out["results"]["flow_points"][0]["runs"]
    assert runs[0]["v_b"] == "49.93" and r6(runs[0]["v_bt"]) == "49.958959"
    assert [r6(r["error_pct"]) for r in runs] == ["0.082149", "0.052575", "0.073062"]
    assert r6(out["results"]["flow_points"][0]["mean_error_pct"]) == "0.069262"
    assert r6(out["results"]["flow_points"][0]["repeatability_pct"]) == "0.017499"
    assert out["results"]["payment"] == []


def test_nc1_contract_output_with_json_numbers():
    """Numbers may be JSON numbers: parsed as decimals, never floats (500 → 500, 5.2 → 5.2)."""
    data = json.dumps(NC1).replace('"500"', "500").replace('"5.2"', "5.2")
    code, out, _ = evaluate(data)
    res = out["results"]
    assert code == 0 and out["verdict"] == "pass"
    assert (res["t"], res["two_t"], res["sample_size"], res["lambda"]) == ("15.0", "30.0", 13, "0.848")
    assert (res["c1"], res["k1"], res["k2"], res["tare_mean"]) == (1, 1, 0, "5.0")
    assert r6(res["mean"]) == "501.730769" and r6(res["s"]) == "6.645974"
    assert r6(res["mean_limit"]) == "494.364214" and res["net"][7] == "482.0"


def test_results_are_full_precision_strings():
    _, out, _ = evaluate(json.dumps(F1))
    value = out["results"]["flow_points"][0]["runs"][0]["error_pct"]
    assert isinstance(value, str) and len(value) > 20 and Decimal(value) > 0


def test_fail_verdict_still_exits_zero():
    data = {"form": "taxi_meter", "distance_tests": [{"meter_m": "1000", "reference_m": "974"}]}
    code, out, _ = evaluate(json.dumps(data))
    assert (code, out["verdict"], out["failed"]) == (0, "fail", ["distance_error"])


@pytest.mark.parametrize(
    ("text", "field", "words"),
    [
        ('{"form": "water_meter"}', "form", "water_meter"),
        (
            json.dumps({**F1, "flow_points": [{"runs": [{"v_j": "x", "v_b": "1"}]}]}),
            "flow_points[0].runs[0].v_j",
            "不是数字",
        ),
        (
            json.dumps({**F1, "flow_points": [{"runs": [{"v_j": "20", "v_b": "-20"}]}]}),
            "flow_points[0].runs[0].v_b",
            "0 < x ≤ 1000 L",
        ),
        (json.dumps({**NC1, "samples": NC1["samples"][:10]}), "samples", "13"),
        ("{not json", "", "JSON"),
        ("[1, 2]", "", "object"),
    ],
)
def test_invalid_input_exits_2_with_field_and_message(text, field, words):
    code, out, err = evaluate(text)
    assert code == 2 and "Traceback" not in err
    assert out["error"]["field"] == field and words in out["error"]["message"]


def test_unreadable_file_exits_2(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "ui.entry", "evaluate", str(tmp_path / "missing.json")],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "error" in json.loads(proc.stdout)


def test_version():
    proc = subprocess.run([sys.executable, "-m", "ui.entry", "--version"], capture_output=True, text=True)
    assert proc.returncode == 0 and proc.stdout.startswith("inspector-app ")
