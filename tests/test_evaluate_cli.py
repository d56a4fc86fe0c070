"""`inspector-app evaluate`: the JSON contract of the spec README, through the real entry point."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal

import pytest

from tests.forms.examples import F1_RUNS, NC1_EMPTY, NC1_GROSS, TG1_TARIFF

F1 = {
    "form": "fuel_dispenser",
    "fuel": "gasoline",
    "measure_material": "stainless_steel",
    "flow_points": [{"runs": F1_RUNS}],
}
NC1 = {
    "form": "net_content",
    "quantity": "mass",
    "nominal": "500",
    "lot_size": 80,
    "tare": {"mode": "average", "empty": NC1_EMPTY},
    "samples": [{"gross": g} for g in NC1_GROSS],
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
        (json.dumps({**NC1, "samples": NC1["samples"][:10]}), "samples", "需 13 件样品，现有 10 件"),
        (json.dumps({**NC1, "samples": NC1["samples"] * 2}), "samples", "needs 13 samples, 26 given"),
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


TG1 = {
    "form": "taxi_meter",
    "tariff": TG1_TARIFF,
    "fare_tests": [
        {"distance_km": "12.4", "waiting_s": "690", "night": False, "displayed": "35"},
        {"distance_km": "2.6", "waiting_s": "240", "night": False, "displayed": "10"},
        {"distance_km": "3.0", "waiting_s": "300", "night": False, "displayed": "12"},
    ],
}
SC1 = {
    "form": "scale",
    "control": "in_service",
    "accuracy_class": "III",
    "max": "15000",
    "e": "5",
    "d": "5",
    "zero": {"load": "50", "indication": "50", "added": "2.0"},
    "weighings": [
        {"load": "100", "indication": "100", "added": "1.5"},
        {"load": "2500", "indication": "2505", "added": "3.5"},
        {"load": "10000", "indication": "10005", "added": "1.0"},
        {"load": "15000", "indication": "15010", "added": "0.5"},
    ],
}


def test_tg1_contract_output():
    """Spec README contract example T-G1: a fare test alone is the minimum content."""
    code, out, err = evaluate(json.dumps(TG1))
    assert code == 0 and err == ""
    assert (out["form"], out["verdict"], out["failed"]) == ("taxi_meter", "pass", [])
    res = out["results"]
    assert (res["distance_tests"], res["time_tests"]) == ([], [])
    assert [t["computed"] for t in res["fare_tests"]] == ["35", "10", "12"]


def test_sc1_contract_output():
    """Spec README contract example SC-1, every printed value as printed."""
    code, out, err = evaluate(json.dumps(SC1))
    assert code == 0 and err == ""
    assert (out["form"], out["verdict"], out["failed"]) == ("scale", "pass", [])
    res = out["results"]
    assert res["accuracy_class"] == "III" and res["zero"]["error"] == "0.5"
    assert [(w["mpe"], w["error"], w["corrected_error"]) for w in res["weighings"]] == [
        ("5.0", "1.0", "0.5"),
        ("5.0", "4.0", "3.5"),
        ("10.0", "6.5", "6.0"),
        ("15.0", "12.0", "11.5"),
    ]
    assert (res["price"], res["reweighing"]) == ([], [])


def test_nc1_contract_output_as_printed():
    code, out, _ = evaluate(json.dumps(NC1))
    assert code == 0 and out["verdict"] == "pass" and out["failed"] == []
    assert out["results"]["net"] == [
        "503.2", "506.1", "499.4", "501.8", "508.0", "497.6", "504.5",
        "482.0", "505.3", "502.7", "500.9", "507.4", "503.6",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("data", "field", "words"),
    [
        ({"form": "fuel_dispenser", "fuel": "gasoline", "measure_material": "carbon_steel"}, "flow_points",
         "at least one run at one flow point"),
        ({**F1, "flow_points": [{"runs": []}]}, "flow_points[0].runs", "at least one run at one flow point"),
        ({"form": "taxi_meter", "time_tests": [{"meter_s": "300", "reference_s": "300"}]}, "distance_tests",
         "at least one distance or fare test"),
        ({**SC1, "weighings": []}, "weighings", "at or above Min (100 g)"),
        ({**SC1, "weighings": [{"load": "95", "indication": "95", "added": "2.5"}]}, "weighings",
         "at or above Min (100 g)"),
        ({**NC1, "samples": []}, "samples", "13 samples for a lot of 80, 0 so far"),
    ],
)  # fmt: skip
def test_less_than_the_minimum_content_is_invalid_input_naming_what_is_missing(data, field, words):
    """README "Minimum content for a verdict": less is never `pass`; exit 2 naming what is missing."""
    code, out, err = evaluate(json.dumps(data))
    assert code == 2 and "Traceback" not in err
    assert out["error"]["field"] == field and out["error"]["code"] == "incomplete"
    assert words in out["error"]["message"] and "不能给出结论" in out["error"]["message"]


@pytest.mark.parametrize(
    ("text", "field", "code", "words"),
    [
        (
            json.dumps({**SC1, "max": "15,000"}),
            "max",
            "decimal_comma",
            "use a dot for decimals, no thousands",
        ),
        (json.dumps({**SC1, "max": "15，000"}), "max", "decimal_comma", "小数请用点号"),
        (json.dumps(SC1).replace('"15000"', "1" * 5000, 1), "max", "too_many_digits", "20 significant"),
        (json.dumps(SC1).replace('"50"', "1e-999999", 1), "zero.load", "exponent_out_of_range", "1e-20"),
        (json.dumps({**SC1, "e": "5.00000000000000000001"}), "e", "too_many_digits", "检定分度值 e"),
        (json.dumps({**SC1, "e": "1e21"}), "e", "exponent_out_of_range", "1e20"),
    ],
    ids=["comma", "full-width-comma", "5000-digit-integer", "1e-999999", "21-digits", "1e21"],
)
def test_numbers_as_typed_or_invalid_input_naming_the_field(text, field, code, words):
    """README "Numbers as typed": JSON strings and numbers go through one parser; exit 2, no trace."""
    rc, out, err = evaluate(text)
    assert rc == 2 and "Traceback" not in err
    assert (out["error"]["field"], out["error"]["code"]) == (field, code)
    assert words in out["error"]["message"]
