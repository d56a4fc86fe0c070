"""The spec's worked examples as check input, written once: the evaluator tests check their
printed results, the `evaluate` contract tests send them through the command line, the record
tests finalise them."""

from __future__ import annotations

# fuel_dispenser.md §2.6, F1: three runs at one flow point, with temperatures.
F1_RUNS = [
    {"v_j": "50.00", "v_b": "49.93", "t_j": "22.4", "t_b": "22.0"},
    {"v_j": "50.00", "v_b": "49.95", "t_j": "22.6", "t_b": "22.3"},
    {"v_j": "50.02", "v_b": "49.96", "t_j": "22.5", "t_b": "22.2"},
]

# net_content.md, NC1: a lot of 80 (13 sampled), 500 g, ten empties weighed for the average tare.
NC1_EMPTY = ["5.2", "4.9", "5.0", "5.1", "5.0", "4.8", "5.1", "5.0", "4.9", "5.0"]
NC1_GROSS = [
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
]

# taxi_meter.md, TG1: the hypothetical tariff the fare examples are worked with.
TG1_TARIFF = {
    "flag_fall": "10",
    "included_km": "3",
    "per_km": "2.0",
    "long_km": "10",
    "long_surcharge": "0.5",
    "wait_unit_s": "300",
    "wait_charge": "2.0",
    "night_multiplier": "1.2",
    "fare_step": "1",
}
