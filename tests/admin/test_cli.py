"""`safeguard apikey ...` and `safeguard retention run` (admin_cli.register) on a real SQLite file."""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path
from typing import Any

import pytest

from service.admin_cli import register
from tests.conftest import make_settings, seed, sqlite_url


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="safeguard")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return int(args.handler(args))


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    from service.cli import migrate

    settings = make_settings(sqlite_url(tmp_path))
    migrate(settings)
    asyncio.run(seed(settings))
    monkeypatch.setenv("DATABASE_URL", settings.database_url)
    monkeypatch.setenv("SAFEGUARD_ENV", "test")
    return settings


def test_apikey_create_list_revoke(db: Any, capsys: pytest.CaptureFixture[str]) -> None:
    from service import admin_apikeys
    from service.db import make_engine, make_sessionmaker

    assert run(["apikey", "create", "demo", "--name", "CMS"]) == 0
    out = capsys.readouterr()
    key = out.out.strip()
    assert key.startswith("sgk_") and "shown again" in out.err

    async def who() -> Any:
        engine = make_engine(db)
        try:
            async with make_sessionmaker(engine)() as s:
                return await admin_apikeys.authenticate(s, key)
        finally:
            await engine.dispose()

    ident = asyncio.run(who())
    assert ident is not None and ident.site_key == "demo" and ident.name == "CMS"
    run(["apikey", "list", "demo"])
    listing = capsys.readouterr().out
    assert "CMS" in listing and key not in listing and "active" in listing
    run(["apikey", "revoke", "demo", str(ident.key_id)])
    assert asyncio.run(who()) is None
    from service.cli import CommandError

    with pytest.raises(CommandError):
        run(["apikey", "create", "nosuchsite"])


def test_retention_run_without_settings_says_so(db: Any, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["retention", "run"]) == 0
    assert "no site has a retention period" in capsys.readouterr().out
