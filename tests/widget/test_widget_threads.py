"""Threads created on first sight by the widget: only where the site allows it, only for its own pages."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select, update

from service.models import AuditEvent, Site, Thread

pytestmark = pytest.mark.anyio

PAGE_ORIGIN = "http://127.0.0.1:8000"  # one of the demo site's seeded origins
CREATE = "/api/v1/sites/demo/threads"


def body(key: str = "budget-2026", url: str = PAGE_ORIGIN + "/news/budget-2026#comments", **more: Any) -> Any:
    return {"thread": key, "url": url, "title": "  Budget   2026: what it means for foster carers ", **more}


async def allow_auto_create(svc: Any) -> None:
    async with svc.state.sessionmaker() as s:
        await s.execute(update(Site).where(Site.key == "demo").values(auto_create_threads=True))
        await s.commit()
    svc.state.directory.forget()


async def test_site_without_auto_create_explains_the_missing_thread(service: Any) -> None:
    r = await service.client.post(CREATE, json=body(), headers={"Origin": PAGE_ORIGIN})
    assert r.status_code == 404
    assert "No thread 'budget-2026' on site 'demo'" in r.json()["message"]
    assert r.headers["access-control-allow-origin"] == PAGE_ORIGIN  # readable by the widget
    assert (await service.client.get(f"{CREATE}/budget-2026")).status_code == 404


async def test_thread_is_created_once_from_a_page_of_the_site(service: Any) -> None:
    await allow_auto_create(service)
    assert (await service.client.get(f"{CREATE}/budget-2026")).status_code == 404  # a cached miss
    r = await service.client.post(CREATE, json=body(), headers={"Origin": PAGE_ORIGIN})
    assert r.status_code == 201, r.text
    thread = r.json()
    assert thread["kind"] == "article" and thread["open"] is True
    assert thread["title"] == "Budget 2026: what it means for foster carers"
    assert thread["url"] == PAGE_ORIGIN + "/news/budget-2026"
    again = await service.client.post(CREATE, json=body(title="Another title"), headers={"Origin": PAGE_ORIGIN})
    assert again.status_code == 200 and again.json()["title"] == thread["title"]
    got = await service.client.get(f"{CREATE}/budget-2026", headers={"Origin": PAGE_ORIGIN})
    assert got.status_code == 200 and got.json()["title"] == thread["title"]
    posted = await service.client.post(f"{CREATE}/budget-2026/submissions",
                                       json={"author": "Sam", "text": "Useful summary, thanks."})
    assert posted.status_code == 202
    async with service.state.sessionmaker() as s:
        keys = (await s.execute(select(Thread.key).where(Thread.key == "budget-2026"))).scalars().all()
        audit = (await s.execute(select(AuditEvent.action).where(
            AuditEvent.action == "thread_auto_created"))).scalars().all()
    assert keys == ["budget-2026"] and audit == ["thread_auto_created"]


async def test_only_pages_of_the_sites_own_origins_may_create(service: Any) -> None:
    await allow_auto_create(service)
    other = await service.client.post(CREATE, json=body(), headers={"Origin": "https://evil.example"})
    assert other.status_code == 403 and "access-control-allow-origin" not in other.headers
    no_origin = await service.client.post(CREATE, json=body())
    assert no_origin.status_code == 403
    foreign_url = await service.client.post(CREATE, json=body(url="https://evil.example/page"),
                                            headers={"Origin": PAGE_ORIGIN})
    assert foreign_url.status_code == 422
    assert foreign_url.json()["errors"][0]["field"] == "url"
    bad_key = await service.client.post(CREATE, json=body(key="../etc/passwd"), headers={"Origin": PAGE_ORIGIN})
    assert bad_key.status_code == 422 and bad_key.json()["errors"][0]["field"] == "thread"
    async with service.state.sessionmaker() as s:
        assert (await s.execute(select(Thread.key).where(Thread.key == "budget-2026"))).first() is None


async def test_preflight_answers_allowed_origins_only(service: Any) -> None:
    ok = await service.client.options(CREATE, headers={"Origin": PAGE_ORIGIN,
                                                        "Access-Control-Request-Method": "POST"})
    assert ok.status_code == 204 and ok.headers["access-control-allow-origin"] == PAGE_ORIGIN
    assert "POST" in ok.headers["access-control-allow-methods"]
    bad = await service.client.options(CREATE, headers={"Origin": "https://evil.example",
                                                         "Access-Control-Request-Method": "POST"})
    assert bad.status_code == 403
