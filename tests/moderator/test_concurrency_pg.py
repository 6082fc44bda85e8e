"""No double decisions: two moderators deciding one item at once on PostgreSQL, exactly one wins."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

from tests.conftest import make_settings, running_service
from tests.moderator.conftest import CHILD_TEXT, Browser, add_accounts, post_comment, status_of

pytestmark = [pytest.mark.anyio, pytest.mark.postgres]


async def test_concurrent_decisions_on_postgres_exactly_one_succeeds(pg_url: str, moderator: Any) -> None:
    settings = make_settings(pg_url, rate_limit_per_minute=600, rate_limit_burst=100)
    async with running_service(settings, moderator) as svc:
        await add_accounts(settings)
        browsers = []
        for email in ("mod@example.org", "mod2@example.org"):
            client = httpx.AsyncClient(transport=httpx.ASGITransport(app=svc.app), base_url="http://testserver")
            browser = Browser(client)
            assert (await browser.login(email)).status_code == 303
            browsers.append(browser)
        try:
            for round_ in range(3):
                sid = await post_comment(svc, CHILD_TEXT, author=f"Round {round_}")
                assert await status_of(svc, sid) == "held"
                approve, reject = await asyncio.gather(
                    browsers[0].post(f"/moderate/items/{sid}/approve", {"expected_status": "held"}),
                    browsers[1].post(f"/moderate/items/{sid}/reject",
                                     {"expected_status": "held", "reason": "child_data"}),
                )
                codes = sorted([approve.status_code, reject.status_code])
                assert codes == [303, 409], (approve.text, reject.text)
                loser = approve if approve.status_code == 409 else reject
                assert "already been decided" in loser.text
                winner_status = "published" if approve.status_code == 303 else "rejected"
                assert await status_of(svc, sid) == winner_status
                from sqlalchemy import func, select

                from service.models import AuditEvent

                async with svc.state.sessionmaker() as session:
                    decisions = (await session.execute(
                        select(func.count()).select_from(AuditEvent).where(
                            AuditEvent.submission_id == sid, AuditEvent.actor.like("user:%")))).scalar_one()
                assert decisions == 1
        finally:
            for browser in browsers:
                await browser.client.aclose()
