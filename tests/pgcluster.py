"""A throw-away PostgreSQL cluster for tests and benches: `initdb` into a temporary folder, the
server on a Unix socket in that folder (no TCP: `listen_addresses=''`), run as a non-root user
(PostgreSQL refuses to run as root; as root we run it as the `postgres` user that Debian's package
makes). Gone when stopped. PLATFORM.md has the commands this wraps.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path


class NoServer(RuntimeError):
    """No PostgreSQL server can be started here; the message says why."""


def _bindir() -> Path:
    if found := os.environ.get("INSPECTOR_PG_BINDIR"):
        return Path(found)
    for pattern in ("/usr/lib/postgresql/*/bin",):  # Debian's packages
        dirs = sorted(glob.glob(pattern), key=lambda p: int(Path(p).parent.name))
        if dirs and (Path(dirs[-1]) / "initdb").exists():
            return Path(dirs[-1])
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).resolve().parent
    raise NoServer("PostgreSQL server programs (initdb, pg_ctl) not found: apt-get install postgresql")


class Cluster:
    """One server; ``url(name)`` makes a fresh database and returns its URL."""

    def __init__(self, *, memory: bool = True, durable: bool = False, shared_buffers: str = "128MB") -> None:
        """``memory``: put the cluster in /dev/shm when there is one (tests: no disk waits);
        ``durable``: fsync as a production server does (benches), else not (tests);
        ``shared_buffers``: the server's own cache (PostgreSQL's default 128MB; a dedicated
        server is usually given a quarter of its memory)."""
        self.shared_buffers = shared_buffers
        self.bindir = _bindir()
        self.user: str | None = None
        if os.geteuid() == 0:
            try:
                pwd.getpwnam("postgres")
            except KeyError as exc:
                raise NoServer("running as root and there is no 'postgres' user to run the server") from exc
            self.user = "postgres"
        shm = Path("/dev/shm")
        where = str(shm) if memory and shm.is_dir() and os.access(shm, os.W_OK) else None
        self.base = Path(tempfile.mkdtemp(prefix="inspector-pg-", dir=where))
        self.data = self.base / "data"
        self.socket = str(self.base)
        self.role = self.user or pwd.getpwuid(os.geteuid()).pw_name
        if self.user:
            shutil.chown(self.base, self.user)
        self.durable = durable
        self._started = False

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        command = list(args)
        if self.user:
            command = ["runuser", "-u", self.user, "--", *command]
        return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)

    def start(self) -> Cluster:
        done = self._run(
            str(self.bindir / "initdb"), "-D", str(self.data), "-A", "trust", "-E", "UTF8",
            "--no-locale", "-U", self.role,
        )  # fmt: skip
        if done.returncode != 0:
            raise NoServer(f"initdb failed: {(done.stderr or done.stdout).strip()[-500:]}")
        options = (
            f"-k {self.socket} -c listen_addresses='' -c max_connections=60 "
            f"-c shared_buffers={self.shared_buffers}"
        )
        if not self.durable:
            options += " -c fsync=off -c full_page_writes=off -c synchronous_commit=off"
        done = self._run(
            str(self.bindir / "pg_ctl"), "-D", str(self.data), "-o", options, "-l",
            str(self.base / "server.log"), "-w", "-t", "60", "start",
        )  # fmt: skip
        if done.returncode != 0:
            log = (self.base / "server.log").read_text(errors="replace")[-500:] if self.user is None else ""
            raise NoServer(f"pg_ctl start failed: {(done.stderr or done.stdout).strip()[-500:]} {log}")
        self._started = True
        return self

    def url(self, name: str = "") -> str:
        """A new, empty database on this server."""
        import psycopg

        name = name or "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(self.admin_url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql://{self.role}@/{name}?host={self.socket}"

    def drop(self, url: str) -> None:
        import psycopg

        name = url.split("/")[-1].split("?")[0]
        with psycopg.connect(self.admin_url(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def admin_url(self) -> str:
        return f"postgresql://{self.role}@/postgres?host={self.socket}"

    def stop(self) -> None:
        if self._started:
            self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
            self._started = False
        shutil.rmtree(self.base, ignore_errors=True)
