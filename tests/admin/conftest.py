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
