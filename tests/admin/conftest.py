"""Fixtures of the owner-admin tests: a running service with an API key for the demo site."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import pytest

from tests.conftest import Service

A = "/api/v1/admin/sites/demo"


@dataclass
class Admin:
    svc: Service
    key: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.key}"}

    async def get(self, path: str, **kw: Any) -> Any:
        return await self.svc.client.get(A + path, headers=self.headers, **kw)

    async def post(self, path: str, json: Any = None, **kw: Any) -> Any:
        return await self.svc.client.post(A + path, json=json, headers=self.headers, **kw)

    async def patch(self, path: str, json: Any = None) -> Any:
        return await self.svc.client.patch(A + path, json=json, headers=self.headers)

    async def put(self, path: str, json: Any = None) -> Any:
        return await self.svc.client.put(A + path, json=json, headers=self.headers)

    async def delete(self, path: str) -> Any:
        return await self.svc.client.delete(A + path, headers=self.headers)


async def make_key(svc: Service, site: str = "demo", name: str = "test") -> str:
    from sqlalchemy import select

    from service.admin_apikeys import create_key
    from service.models import Site

    async with svc.state.sessionmaker() as session:
        site_id = (await session.execute(select(Site.id).where(Site.key == site))).scalar_one()
        _, plain = await create_key(session, site_id, name, "test")
        await session.commit()
    return plain


@pytest.fixture
async def admin(service: Service) -> AsyncIterator[Admin]:
    yield Admin(service, await make_key(service))


FAST_OUTBOX = {
    "SAFEGUARD_OUTBOX_POLL_SECONDS": "0.05",
    "SAFEGUARD_WEBHOOK_BACKOFF_SECONDS": "0.2",
    "SAFEGUARD_WEBHOOK_MAX_ATTEMPTS": "30",
}


@pytest.fixture
def admin_env() -> dict[str, str]:
    """Extra environment for the service under test; modules override this fixture (e.g. SMTP)."""
    return {}


@pytest.fixture
async def service(tmp_path: Any, moderator: Any, monkeypatch: pytest.MonkeyPatch,
                  admin_env: dict[str, str]) -> AsyncIterator[Service]:
    """The shared service fixture, with the outbox polling and retrying fast enough for tests."""
    from tests.conftest import make_settings, running_service, sqlite_url

    for name, value in FAST_OUTBOX.items():
        monkeypatch.setenv(name, value)
    for name in ("SAFEGUARD_SMTP_HOST", "SAFEGUARD_SMTP_PORT", "SAFEGUARD_SMTP_USER", "SAFEGUARD_SMTP_PASSWORD",
                 "SAFEGUARD_SMTP_FROM", "SAFEGUARD_SMTP_SECURITY"):
        monkeypatch.delenv(name, raising=False)
    for name, value in admin_env.items():
        monkeypatch.setenv(name, value)
    settings = make_settings(sqlite_url(tmp_path), rate_limit_per_minute=600, rate_limit_burst=100)
    async with running_service(settings, moderator) as svc:
        yield svc


async def eventually(check: Any, timeout: float = 10.0, interval: float = 0.05) -> Any:
    """Poll an async check until it returns something truthy (background loops are asynchronous)."""
    import anyio

    with anyio.fail_after(timeout):
        while True:
            result = await check()
            if result:
                return result
            await anyio.sleep(interval)
