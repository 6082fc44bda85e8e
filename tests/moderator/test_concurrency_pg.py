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
            # The read side runs on PostgreSQL too: queue with filters and paging, item, dashboard, audit.
            held = await post_comment(svc, CHILD_TEXT, author="Still held")
            queue = await browsers[0].get("/moderate/queue/held?reason=child_data&kind=article&order=newest")
            assert queue.status_code == 200 and held in queue.text
            decided = await browsers[0].get("/moderate/queue/decided")
            assert decided.status_code == 200 and decided.text.count('class="item"') == 3
            item = await browsers[0].get(f"/moderate/items/{held}")
            assert item.status_code == 200 and 'kind-child_name">Ellie Marsh' in item.text
            board = await browsers[0].get("/moderate/dashboard")
            assert board.status_code == 200 and "<dt>Decisions, last 30 days</dt><dd>3</dd>" in board.text
            export = await browsers[0].get("/moderate/audit.csv")
            assert export.status_code == 200 and export.text.count("\n") == 4  # header + 3 decisions
        finally:
            for browser in browsers:
                await browser.client.aclose()
