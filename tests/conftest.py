"""Real-server fixtures: SQLite files, PostgreSQL and Redis started from installed binaries."""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

IN_CI = bool(os.environ.get("CI"))
ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def missing(reason: str) -> None:
    """Skip on a workstation; fail in CI, so CI can never skip a real-server test silently."""
    if IN_CI:
        pytest.fail(f"CI=true but {reason}")
    pytest.skip(reason)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for_port(port: int, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return
        time.sleep(0.05)
    raise TimeoutError(f"nothing listening on 127.0.0.1:{port} after {timeout} s")


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


# --------------------------------------------------------------------------- PostgreSQL


def _pg_bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


@dataclass
class PgServer:
    port: int
    datadir: str
    as_user: list[str]

    def url(self, db: str = "postgres") -> str:
        return f"postgresql+asyncpg://postgres@127.0.0.1:{self.port}/{db}"

    def create_database(self, name: str) -> str:
        psql = _pg_bin("psql")
        assert psql, "psql not found"
        subprocess.run([*self.as_user, psql, "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres",
                        "-d", "postgres", "-c", f'CREATE DATABASE "{name}"'],
                       check=True, capture_output=True)
        return self.url(name)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PgServer]:
    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    if not initdb or not pg_ctl:
        missing("PostgreSQL binaries (initdb, pg_ctl) are not installed: apt-get install postgresql")
    as_user: list[str] = []
    tmp = tempfile.mkdtemp(prefix="safeguard-pg-")
    if os.geteuid() == 0:
        # initdb refuses to run as root: run the server as the postgres user on a dir it owns.
        as_user = ["runuser", "-u", "postgres", "--"]
        shutil.chown(tmp, "postgres", "postgres")
    datadir = os.path.join(tmp, "data")
    port = free_port()
    subprocess.run([*as_user, initdb, "-D", datadir, "-U", "postgres", "--auth=trust", "-E", "UTF8",
                    "--no-sync"], check=True, capture_output=True)
    subprocess.run([*as_user, pg_ctl, "-D", datadir, "-l", os.path.join(tmp, "log"), "-w", "-o",
                    f"-p {port} -k {tmp} -c listen_addresses=127.0.0.1 -c fsync=off "
                    "-c max_connections=200", "start"], check=True, capture_output=True)
    try:
        wait_for_port(port)
        yield PgServer(port, datadir, as_user)
    finally:
        subprocess.run([*as_user, pg_ctl, "-D", datadir, "-m", "immediate", "stop"], capture_output=True)
        shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture
def pg_url(postgres_server: PgServer) -> str:
    return postgres_server.create_database(f"t{os.getpid()}_{time.monotonic_ns()}")


# --------------------------------------------------------------------------- Redis


@dataclass
class RedisServer:
    port: int
    proc: subprocess.Popen[bytes]

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def flushall(self) -> None:
        subprocess.run(["redis-cli", "-p", str(self.port), "FLUSHALL"], check=True, capture_output=True)


@pytest.fixture(scope="session")
def redis_server() -> Iterator[RedisServer]:
    binary = shutil.which("redis-server")
    if not binary:
        missing("redis-server is not installed: apt-get install redis-server")
    tmp = tempfile.mkdtemp(prefix="safeguard-redis-")
    port = free_port()
    proc = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                             "--appendonly", "no", "--daemonize", "no", "--dir", tmp],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_port(port)
        yield RedisServer(port, proc)
    finally:
        proc.terminate()
        proc.wait(10)
        shutil.rmtree(tmp, ignore_errors=True)


# --------------------------------------------------------------------------- the service


@pytest.fixture(scope="session")
def moderator() -> Any:
    """The real embedded moderator, loaded once for the whole run (as a process would)."""
    from moderation.assess import build_moderator

    return build_moderator("embedded")


def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite+aiosqlite:///{tmp_path / 'safeguard.db'}"


def make_settings(database_url: str, **changes: Any) -> Any:
    from service.settings import Settings

    base = Settings.from_environ({"SAFEGUARD_ENV": "test"})
    return base.with_(database_url=database_url, **changes)


async def seed(settings: Any) -> None:
    from service.cli import _run_db, seed_demo

    await _run_db(settings, lambda s: seed_demo(s, settings.public_url))


@dataclass
class Service:
    app: Any
    client: Any
    settings: Any

    @property
    def state(self) -> Any:
        return self.app.state.safeguard

    async def drain(self) -> None:
        await self.state.queue.drain()


@contextlib.asynccontextmanager
async def running_service(settings: Any, moderator: Any, **kwargs: Any) -> AsyncIterator[Service]:
    import anyio
    import httpx

    from service.app import create_app
    from service.cli import migrate

    await anyio.to_thread.run_sync(migrate, settings)
    await seed(settings)
    app = create_app(settings, moderator=moderator, **kwargs)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app, client=("203.0.113.7", 5555))
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            yield Service(app, client, settings)


@pytest.fixture
async def service(tmp_path: Path, moderator: Any) -> AsyncIterator[Service]:
    settings = make_settings(sqlite_url(tmp_path), rate_limit_per_minute=600, rate_limit_burst=100)
    async with running_service(settings, moderator) as svc:
        yield svc


@contextlib.contextmanager
def live_server(tmp: Path, moderator: Any, *, prepare: Any = None, **changes: Any) -> Iterator[str]:
    """A real uvicorn server in a thread on a free port, on a migrated and seeded SQLite file."""
    import asyncio
    import threading

    import uvicorn

    from service.app import create_app
    from service.cli import migrate

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    settings = make_settings(sqlite_url(tmp), public_url=url, rate_limit_per_minute=100_000,
                             rate_limit_burst=10_000, **changes)
    migrate(settings)
    asyncio.run(seed(settings))
    if prepare is not None:
        asyncio.run(prepare(settings))
    server = uvicorn.Server(uvicorn.Config(create_app(settings, moderator=moderator), host="127.0.0.1",
                                           port=port, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        wait_for_port(port)
        deadline = time.monotonic() + 20
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.05)
        yield url
    finally:
        server.should_exit = True
        thread.join(15)
