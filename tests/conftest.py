"""Test-wide set-up: Qt offscreen before anything imports it (PLATFORM.md), and shared fixtures."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_SCALE_FACTOR", "1")

from hypothesis import HealthCheck, settings

# The machine is shared: how fast Hypothesis draws inputs says nothing about the code under test,
# so the too-slow health check is off everywhere (each test's own settings still apply).
settings.register_profile("shared-machine", suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("shared-machine")
