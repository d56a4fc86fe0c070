"""The pinned PySide6 must not leak references to ``None`` (PLATFORM.md, turn 2).

PySide6-Essentials 6.12.0 on Python 3.11 drops one reference to ``None`` on every call that
returns nothing; a 125-package grid edit makes ~1,430 such calls and the process aborts with
"Fatal Python error: none_dealloc" after a few edits. The check runs in a child process so that a
version with the bug fails this test instead of killing the test run.
"""

from __future__ import annotations

import os
import subprocess
import sys

CALLS = 3000  # far more than one grid edit makes, far fewer than None's ~5,000 references

PROBE = f"""
import sys
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QApplication, QTableWidgetItem
app = QApplication([])
item = QTableWidgetItem()
before = sys.getrefcount(None)
for _ in range({CALLS} // 3):
    item.setToolTip("")
    item.setBackground(QBrush())
    item.setText("1.0")
print(sys.getrefcount(None) - before)
"""


def test_void_calls_keep_none_refcount() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, f"PySide6 aborted after {CALLS} void calls: {done.stderr[-400:]}"
    drift = int(done.stdout.strip().splitlines()[-1])
    # A leak loses one reference per call (−3,000); a few stray references either way are noise.
    assert abs(drift) < 50, f"None's reference count moved by {drift} over {CALLS} calls"
