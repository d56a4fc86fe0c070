"""Test-wide set-up: Qt offscreen before anything imports it (PLATFORM.md), and shared fixtures."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_SCALE_FACTOR", "1")

import pytest
from hypothesis import HealthCheck, settings

# The machine is shared: how fast Hypothesis draws inputs says nothing about the code under test,
# so the too-slow health check is off everywhere (each test's own settings still apply).
settings.register_profile("shared-machine", suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("shared-machine")


@pytest.fixture(autouse=True)
def own_per_user_folder(tmp_path_factory, monkeypatch):
    """Each test has a per-user folder of its own (XDG_DATA_HOME in a fresh temporary folder, which
    the command lines a test starts inherit; no INSPECTOR_APP_DB from the shell): no test reads or
    writes the per-user database of whoever runs the tests, nor sees another test's rows there —
    the office commands on PostgreSQL keep a desktop's own tables (a supervisor's key) in it."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("per-user")))
    monkeypatch.delenv("INSPECTOR_APP_DB", raising=False)


@pytest.fixture(scope="session")
def pg_cluster():
    """A throw-away PostgreSQL server for the session (tests/pgcluster.py). Without one the
    PostgreSQL tests are skipped with the reason — unless INSPECTOR_REQUIRE_POSTGRESQL=1 (CI sets
    it), where a server that cannot start is a failure."""
    from tests.pgcluster import Cluster, NoServer

    try:
        cluster = Cluster().start()
    except NoServer as exc:
        if os.environ.get("INSPECTOR_REQUIRE_POSTGRESQL") == "1":
            pytest.fail(f"PostgreSQL server could not start: {exc}")
        pytest.skip(f"no PostgreSQL server can be started here: {exc}")
    yield cluster
    cluster.stop()


@pytest.fixture
def pg_url(pg_cluster):
    """A new, empty PostgreSQL database on the session's server (dropped afterwards)."""
    url = pg_cluster.url()
    yield url
    pg_cluster.drop(url)
