"""Fixtures of the moderator-interface tests: accounts on two sites and logged-in browsers (httpx)."""

from __future__ import annotations

import html
import re
import shutil
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import Service, make_settings, running_service, sqlite_url

PASSWORD = "correct horse battery"
CHILD_TEXT = "My daughter Ellie Marsh is 7 and goes to Brookside Primary in Leeds"
CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_of(page: str) -> str:
    found = CSRF_RE.search(page)
    assert found, "no CSRF token on the page"
    return html.unescape(found.group(1))


async def add_accounts(settings: Any) -> None:
    """A second site with its own moderator, two moderators and an owner of the demo site."""
    from service.cli import _run_db, add_site, add_user

    async def make(session: Any) -> None:
        await add_site(session, "other", "Other paper", ["https://other.example"], exist_ok=True)
        from service.cli import add_thread

        await add_thread(session, "other", "news", kind="article", title="Other news", exist_ok=True)
        await add_user(session, "mod@example.org", PASSWORD, "moderator", ["demo"])
        await add_user(session, "mod2@example.org", PASSWORD, "moderator", ["demo"])
        await add_user(session, "owner@example.org", PASSWORD, "owner", ["demo"])
        await add_user(session, "other@example.org", PASSWORD, "moderator", ["other"])

    await _run_db(settings, make)


@dataclass
class Browser:
    """One person's cookie jar over the in-process app, with form helpers."""

    client: httpx.AsyncClient
    csrf: str = ""

    async def login(self, email: str, password: str = PASSWORD) -> httpx.Response:
        page = await self.client.get("/login")
        response = await self.client.post("/login", data={"email": email, "password": password,
                                                          "csrf_token": csrf_of(page.text), "next": "/moderate"})
        if response.status_code == 303:
            queue = await self.client.get("/moderate/queue/held")
            self.csrf = csrf_of(queue.text)
        return response

    async def get(self, url: str, **kw: Any) -> httpx.Response:
        return await self.client.get(url, **kw)

    async def post(self, url: str, data: dict[str, Any] | None = None, **kw: Any) -> httpx.Response:
        body = {"csrf_token": self.csrf, **(data or {})}
        return await self.client.post(url, data=body, **kw)


async def post_comment(svc: Service, text: str, *, thread: str = "welcome", site: str = "demo",
                       author: str = "Sam", email: str | None = None, **extra: Any) -> str:
    body: dict[str, Any] = {"author": author, "text": text, **extra}
    if email:
        body["email"] = email
    response = await svc.client.post(f"/api/v1/sites/{site}/threads/{thread}/submissions", json=body)
    assert response.status_code == 202, response.text
    await svc.drain()
    return str(response.json()["id"])


async def status_of(svc: Service, sid: str) -> str:
    from service.models import Submission

    async with svc.state.sessionmaker() as session:
        sub = await session.get(Submission, sid)
        assert sub is not None
        return sub.status


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated, seeded SQLite file with the accounts; each test gets a copy (saves seconds)."""
    import asyncio

    from service.cli import migrate
    from tests.conftest import seed

    path = tmp_path_factory.mktemp("moderator-template") / "safeguard.db"
    settings = make_settings(f"sqlite+aiosqlite:///{path}")
    migrate(settings)
    asyncio.run(seed(settings))
    asyncio.run(add_accounts(settings))
    return path


@pytest.fixture
async def accounts(tmp_path: Path, template_db: Path, moderator: Any) -> AsyncIterator[Service]:
    shutil.copy(template_db, tmp_path / "safeguard.db")
    settings = make_settings(sqlite_url(tmp_path), rate_limit_per_minute=600, rate_limit_burst=100)
    async with running_service(settings, moderator) as svc:
        yield svc


@pytest.fixture
async def browser_factory(accounts: Service) -> AsyncIterator[Any]:
    clients: list[httpx.AsyncClient] = []

    async def make(email: str | None = None) -> Browser:
        transport = httpx.ASGITransport(app=accounts.app, client=("198.51.100.9", 4444))
        client = httpx.AsyncClient(transport=transport, base_url="http://testserver")
        clients.append(client)
        browser = Browser(client)
        if email:
            response = await browser.login(email)
            assert response.status_code == 303, response.text
        return browser

    yield make
    for client in clients:
        await client.aclose()


@pytest.fixture
async def mod(browser_factory: Any) -> Browser:
    return await browser_factory("mod@example.org")  # type: ignore[no-any-return]
