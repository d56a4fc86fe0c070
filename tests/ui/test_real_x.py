"""The real app in a real X server (Xvfb), typed into by xdotool at a person's pace (issue 11): one
complete inspection per procedure — 新建检查, every step by the keyboard, finalise and sign —, then
the signed records are read back (the `report` and `verify` commands, the record embedded in the
PDF) and must hold exactly the readings the keyboard meant (tests/ui/scripts.py).

This is the test that would have caught readings landing in the wrong cells, and it found what the
offscreen tests could not: a window opened from the keyboard was never activated under X, so
Ctrl+PgDown reached the focused list as PgDown. Xvfb and xdotool come from the Debian packages
that `setup.sh` installs for the tests. Slow (about two minutes): CI runs it with `pytest -m slow`.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from inspector_app import credit_code
from inspector_app.demo import DEMO_PASSPHRASE
from inspector_app.services import open_services
from inspector_app.signing import pades
from tests.ui.scripts import DOWN, ENTER, NEXT, SCRIPTS, TAB, ascii_token

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
KEYS = {ENTER: "Return", TAB: "Tab", DOWN: "Down", NEXT: "ctrl+Next"}
TYPE_DELAY_MS = 60  # between characters: a quick typist
KEY_PAUSE_S = 0.15  # after each key or value: a person looks at the screen
SITE = "真机测试站"
LOT = {"product": "sugar", "nominal": "500", "lot_size": "80"}
# 新建检查 lists the site's instruments by serial after "(none: a product lot)"; the default is the
# first instrument. Arrow presses from the default to each procedure's instrument:
INSTRUMENT_KEYS = {
    "fuel_dispenser": [],
    "scale": ["Down"],
    "taxi_meter": ["Down", "Down"],
    "net_content": ["Up"],
}


def xdo(display: str, *args: str) -> str:
    done = subprocess.run(
        ["xdotool", *args], env={**os.environ, "DISPLAY": display}, capture_output=True, text=True, timeout=60
    )
    return done.stdout.strip()


def key(display: str, name: str) -> None:
    xdo(display, "key", name)
    time.sleep(KEY_PAUSE_S)


def type_text(display: str, text: str) -> None:
    xdo(display, "type", "--delay", str(TYPE_DELAY_MS), text)
    time.sleep(KEY_PAUSE_S)


def wait_for_window(display: str, name: str, timeout: float = 60) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if xdo(display, "search", "--onlyvisible", "--name", name):
            return
        time.sleep(0.2)
    raise AssertionError(f"no window named {name!r} within {timeout} s")


@pytest.fixture
def display(tmp_path) -> Iterator[str]:
    """A fresh Xvfb on a display number it picks itself (-displayfd): nothing else shares it."""
    missing = [tool for tool in ("Xvfb", "xdotool") if shutil.which(tool) is None]
    if missing:
        pytest.fail(f"{', '.join(missing)} missing: `bash setup.sh test` installs them (Debian packages)")
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    try:
        assert number, "Xvfb did not start"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def prepare(path: Path) -> None:
    """An inspector with a key, one site and an instrument of each kind (no register figures:
    the scale's Max and e are typed)."""
    base = "91500103MA5U8KL2Q"
    with open_services(path, create=True) as services:
        services.settings.set("inspector_name", "李明")
        services.settings.set("inspector_id", "渝执 50012345")
        services.settings.set("partner_name", "王强")  # the second enforcement officer
        services.settings.set("partner_id", "渝执 50012388")
        services.records.create_identity(
            name="李明", id_number="渝执 50012345", office="重庆市市场监督管理局", passphrase=DEMO_PASSPHRASE
        )
        site = services.registry.create(
            "sites", {"name": SITE, "credit_code": base + credit_code.check_character(base)}
        )
        for kind in ("fuel_dispenser", "scale", "taxi_meter"):  # listed by serial in this order
            services.registry.create("instruments", {"site_id": site, "kind": kind, "serial": f"X-{kind}"})


def statuses(path: Path) -> dict[str, str]:
    with sqlite3.connect(path) as conn:
        return dict(conn.execute("SELECT form_id, status FROM inspections").fetchall())


def inspect(display: str, path: Path, form_id: str) -> None:
    """One inspection from the main window to its signature, as a person at the keyboard does."""
    xdo(display, "mousemove", "700", "400", "click", "1")  # the list: the main window has the keys
    time.sleep(0.5)
    key(display, "ctrl+n")
    wait_for_window(display, "新建检查")
    time.sleep(0.5)
    key(display, "Tab")  # the site (there is one) → 新增单位… → the instrument
    key(display, "Tab")
    for name in INSTRUMENT_KEYS[form_id]:
        key(display, name)
    tokens, _ = SCRIPTS[form_id]()
    if form_id == "net_content":  # the lot is typed here; its step then needs nothing
        for _ in range(4):  # 新增器具… → procedure → control → product
            key(display, "Tab")
        for field in ("product", "nominal", "lot_size"):
            type_text(display, LOT[field])
            key(display, "Tab")
            if field == "nominal":
                key(display, "Tab")  # the unit stays 质量 (g)
        tokens = tokens[tokens.index(NEXT) :]  # "↓ ⇥ 500 ⏎ 80 ⏎" would type the lot again
    key(display, "Return")  # OK
    end = time.monotonic() + 60
    while form_id not in statuses(path) and time.monotonic() < end:
        time.sleep(0.2)
    time.sleep(1.5)  # the inspection window paints
    for token in tokens:
        if token in KEYS:
            key(display, KEYS[token])
        else:
            type_text(display, ascii_token(token))
    key(display, "ctrl+Return")  # 定稿并签名 on the verdict step
    time.sleep(1)
    key(display, "Return")  # "Finalise record … with the verdict 合格?" — Yes
    time.sleep(1)
    type_text(display, DEMO_PASSPHRASE)
    key(display, "Return")
    end = time.monotonic() + 120
    while statuses(path).get(form_id) != "finalised" and time.monotonic() < end:
        time.sleep(0.3)
    assert statuses(path).get(form_id) == "finalised", f"{form_id} was not finalised"
    time.sleep(1.5)
    key(display, "Escape")  # the record preview that opens after signing


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ui.entry", *args], cwd=ROOT, capture_output=True, text=True, timeout=300
    )


def test_one_inspection_per_procedure_typed_in_a_real_x_window(display, tmp_path):
    path = tmp_path / "real-x.sqlite"
    prepare(path)
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    app = subprocess.Popen(
        [sys.executable, "-m", "ui.entry", "--db", str(path)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        wait_for_window(display, "计量监督检查")
        time.sleep(2)  # start-up finishes after the first paint
        for form_id in ("fuel_dispenser", "scale", "taxi_meter", "net_content"):
            inspect(display, path, form_id)
    except BaseException:
        if shutil.which("import"):  # imagemagick, if there: what the screen showed
            subprocess.run(["import", "-window", "root", str(tmp_path / "failed.png")], env=env, check=False)
        raise
    finally:
        app.terminate()
        output, _ = app.communicate(timeout=60)
    assert "Traceback" not in output, output
    with sqlite3.connect(path) as conn:
        records = conn.execute("SELECT form_id, record_no FROM inspections").fetchall()
    assert len(records) == 4
    for form_id, record_no in records:
        pdf = tmp_path / f"{record_no}.pdf"
        report = cli("report", "--db", str(path), record_no, "-o", str(pdf))
        assert report.returncode == 0, report.stderr
        checked = cli("verify", "--db", str(path), str(pdf))
        assert checked.returncode == 0 and checked.stdout.startswith("有效"), checked.stdout + checked.stderr
        record = json.loads(json.loads(pades.read_attachment(pdf.read_bytes()))["canonical"])
        signed = record["readings"]  # flat, as stored: path → text
        _, intended = SCRIPTS[form_id]()
        assert signed == intended, (form_id, set(signed.items()) ^ set(intended.items()))
        assert record["evaluation"]["verdict"] == "pass", form_id
