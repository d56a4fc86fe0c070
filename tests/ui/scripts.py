"""One complete inspection per procedure, as an inspector types it with the keyboard alone, and
the readings it must leave in the store.

Tokens: ``⏎`` Enter, ``⇥`` Tab, ``↓`` Down (choose the next entry of a list), ``⇟`` Ctrl+PgDown
(the next step); anything else is text typed into the focused widget. The pytest-qt test and the
real-X test (xdotool) play the same scripts; `ascii_token` gives what the latter types for a
Chinese label (a code or a synonym the grid also takes).
"""

from __future__ import annotations

from forms import load_definition

ENTER, TAB, DOWN, NEXT = "⏎", "⇥", "↓", "⇟"
KEYS = (ENTER, TAB, DOWN, NEXT)
ASCII = {"否": "n", "是": "y", "元/kg": "kg", "原计量器具核称法": "own_scale"}


def split(text: str) -> list[str]:
    """Tokens written in one string, separated by spaces."""
    return text.split()


def cells(*values: str) -> list[str]:
    """Grid cells typed in reading order, each followed by Enter ('' just moves on)."""
    out: list[str] = []
    for value in values:
        out += [value, ENTER] if value else [ENTER]
    return out


def checklist(form_id: str) -> tuple[list[str], dict[str, str]]:
    """Every item answered 'conforms' (one Down), numbered items given a number."""
    tokens: list[str] = []
    readings: dict[str, str] = {}
    for item in load_definition(form_id).checklist:
        tokens += [DOWN, TAB]
        readings[f"checklist.{item.id}.ok"] = "true"
        if item.number_zh:
            number = f"N-{item.id[:6].upper()}-01"
            tokens += [number, ENTER]
            readings[f"checklist.{item.id}.number"] = number
    return tokens, readings


def fuel() -> tuple[list[str], dict[str, str]]:
    answers, answered = checklist("fuel_dispenser")
    runs = [
        ["1", "20.00", "19.98", "15.2", "15.0"],
        ["1", "20.00", "19.97", "15.3", "15.1"],
        ["1", "20.01", "19.99", "15.3", "15.0"],
        ["2", "50.00", "49.93", "", ""],
    ]
    tokens = [DOWN, TAB, DOWN, NEXT, *answers, NEXT]
    for run in runs:
        tokens += cells(*run)
    tokens += [NEXT, *cells("7.85", "20.00", "157.00"), NEXT]
    readings = {"fuel": "gasoline", "measure_material": "stainless_steel", **answered}
    names = ("v_j", "v_b", "t_j", "t_b")
    counts: dict[str, int] = {}
    for run in runs:
        k = counts.setdefault(run[0], 0)
        counts[run[0]] += 1
        for name, value in zip(names, run[1:], strict=True):
            if value:
                readings[f"flow_points[{int(run[0]) - 1}].runs[{k}].{name}"] = value
    readings.update(
        {"payment[0].unit_price": "7.85", "payment[0].volume": "20.00", "payment[0].amount": "157.00"}
    )
    return tokens, readings


def taxi() -> tuple[list[str], dict[str, str]]:
    answers, answered = checklist("taxi_meter")
    tokens = [
        *answers,
        NEXT,
        *cells("1000", "1003.5", "2000", "2011.0"),
        NEXT,
        *cells("300.0", "299.6"),
        NEXT,
        DOWN,
        TAB,
        "2024-06-01",
        TAB,  # issue 12: Tab out of the date, Ctrl+PgDown, the fare grid typed — and kept
        NEXT,
        *cells("8", "420", "否", "22", "12.4", "690", "否", "35"),
        NEXT,
    ]
    readings = {
        **answered,
        "distance_tests[0].meter_m": "1000",
        "distance_tests[0].reference_m": "1003.5",
        "distance_tests[1].meter_m": "2000",
        "distance_tests[1].reference_m": "2011.0",
        "time_tests[0].meter_s": "300.0",
        "time_tests[0].reference_s": "299.6",
        "tariff": "example-hypothetical",
        "date": "2024-06-01",
        "fare_tests[0].distance_km": "8",
        "fare_tests[0].waiting_s": "420",
        "fare_tests[0].night": "false",
        "fare_tests[0].displayed": "22",
        "fare_tests[1].distance_km": "12.4",
        "fare_tests[1].waiting_s": "690",
        "fare_tests[1].night": "false",
        "fare_tests[1].displayed": "35",
    }
    return tokens, readings


def scale() -> tuple[list[str], dict[str, str]]:
    answers, answered = checklist("scale")
    eccentricity = ["5000", "5005", "4995", "5000", "5005"]
    repeatability = ["7500", "7505", "7500"]
    tokens = [
        *split("↓ ↓ ↓ ⇥ 15000 ⏎ 5 ⏎ 5 ⏎ ⇟"),
        *answers,
        *split("⇟ 50 ⏎ 50 ⏎ 2.0 ⏎ ⇟ ⇟"),  # zero; the tare test is for verification only
        *cells("100", "100", "1.5", "2500", "2505", "3.5", "15000", "15010", "0.5"),
        *split("⇟ 5000 ⏎"),
        *cells(*(v for i in eccentricity for v in (i, ""))),
        *split("⇟ 7500 ⏎"),
        *cells(*(v for i in repeatability for v in (i, ""))),
        NEXT,
        *cells("10000", "是"),
        NEXT,
        *cells("12.80", "元/kg", "1.250", "16.00"),
        NEXT,
        *cells("2", "1000", "995", "原计量器具核称法"),
        NEXT,
    ]
    readings = {
        "accuracy_class": "III",
        "max": "15000",
        "e": "5",
        "d": "5",
        **answered,
        "zero.load": "50",
        "zero.indication": "50",
        "zero.added": "2.0",
        "weighings[0].load": "100",
        "weighings[0].indication": "100",
        "weighings[0].added": "1.5",
        "weighings[1].load": "2500",
        "weighings[1].indication": "2505",
        "weighings[1].added": "3.5",
        "weighings[2].load": "15000",
        "weighings[2].indication": "15010",
        "weighings[2].added": "0.5",
        "eccentricity.load": "5000",
        **{f"eccentricity.positions[{i}].indication": v for i, v in enumerate(eccentricity)},
        "repeatability.load": "7500",
        **{f"repeatability.runs[{i}].indication": v for i, v in enumerate(repeatability)},
        "discrimination[0].load": "10000",
        "discrimination[0].changed": "true",
        "price[0].unit_price": "12.80",
        "price[0].per": "kg",
        "price[0].weight_kg": "1.250",
        "price[0].displayed": "16.00",
        "reweighing[0].category": "2",
        "reweighing[0].settled_g": "1000",
        "reweighing[0].actual_g": "995",
        "reweighing[0].method": "own_scale",
    }
    return tokens, readings


def net_content() -> tuple[list[str], dict[str, str]]:
    answers, answered = checklist("net_content")
    empties = ["5.2", "4.9", "5.0", "5.1", "5.0", "4.8", "5.1", "5.0", "4.9", "5.0"]
    gross = ["508.2", "511.1", "504.4", "506.8", "513.0", "502.6", "509.5"]
    gross += ["487.0", "510.3", "507.7", "505.9", "512.4", "508.6"]
    tokens = [
        *split("↓ ⇥ 500 ⏎ 80 ⏎ ⇟"),
        *answers,
        *split("⇟ ↓ ⇥"),
        *cells(*empties),
        NEXT,
        *cells(*(v for g in gross for v in (g, "", ""))),
        NEXT,
    ]
    readings = {
        "quantity": "mass",
        "nominal": "500",
        "lot_size": "80",
        **answered,
        "tare.mode": "average",
        **{f"tare.empty[{i}]": v for i, v in enumerate(empties)},
        **{f"samples[{i}].gross": v for i, v in enumerate(gross)},
    }
    return tokens, readings


SCRIPTS = {"fuel_dispenser": fuel, "taxi_meter": taxi, "scale": scale, "net_content": net_content}


def ascii_token(token: str) -> str:
    """What a US keyboard types for a token (xdotool types ASCII reliably)."""
    return ASCII.get(token, token)
