"""Commenter e-mail through a real SMTP server on loopback: published, replies, notices, unsubscribe."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from tests.admin.conftest import Admin, eventually
from tests.admin.receivers import SmtpReceiver
from tests.conftest import free_port

pytestmark = pytest.mark.anyio

ARTICLE = "/api/v1/sites/demo/threads/welcome/submissions"
CLEAN = "The review is right that kinship carers need proper allowances, not warm words."
CHILD = ("My daughter Ellie Marsh is 7 and goes to Brookside Primary in Leeds; "
         "she has been in foster care since the care order.")
PORT = free_port()


@pytest.fixture
def smtp() -> Iterator[SmtpReceiver]:
    server = SmtpReceiver(PORT)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def admin_env() -> dict[str, str]:
    return {"SAFEGUARD_SMTP_HOST": "127.0.0.1", "SAFEGUARD_SMTP_PORT": str(PORT),
            "SAFEGUARD_SMTP_FROM": "comments@news.example", "SAFEGUARD_SMTP_SECURITY": "none"}


async def post(admin: Admin, text: str, email: str | None = "reader@example.org", notify: bool = True,
               **extra: Any) -> str:
    body = {"author": "Reader", "text": text, **extra}
    if email:
        body.update(email=email, notify=notify)
    r = await admin.svc.client.post(ARTICLE, json=body)
    assert r.status_code == 202, r.text
    return str(r.json()["id"])


async def settle(admin: Admin) -> None:
    """Let the worker decide and the outbox send what it owes."""
    await admin.svc.drain()
    await admin.svc.state.extras["outbox"].run_once()


async def test_one_email_when_published_none_for_held_or_rejected(admin: Admin, smtp: SmtpReceiver) -> None:
    await admin.post("/wordlists", {"list": "banned", "action": "add", "words": ["wombat"]})
    await post(admin, CLEAN)
    held = await post(admin, CHILD)
    await post(admin, "What a wombat.")
    await post(admin, CLEAN + " No thanks.", notify=False)

    async def one() -> bool:
        return len(smtp.messages) >= 1

    await eventually(one)
    await settle(admin)
    assert len(smtp.messages) == 1
    rcpt, msg = smtp.messages[0]
    assert rcpt == ["reader@example.org"]
    assert "is published" in msg["Subject"] and msg["From"].endswith("<comments@news.example>")
    body = msg.get_content()
    link = re.search(r"http\S+/unsubscribe\?t=\S+", body)
    assert link and msg["List-Unsubscribe"] == f"<{link.group()}>"
    assert msg["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # The moderator releases the held one: now, and only now, it is mailed; twice is never sent.
    await admin.svc.state.pipeline.transition(held, "approve", actor="test")

    async def two() -> bool:
        return len(smtp.messages) >= 2

    await eventually(two)
    await admin.svc.state.pipeline.transition(held, "reject", actor="test")
    await admin.svc.state.pipeline.transition(held, "approve", actor="test")
    await settle(admin)
    assert len(smtp.messages) == 2


async def test_site_rejection_notice_and_reply_emails(admin: Admin, smtp: SmtpReceiver) -> None:
    await admin.patch("", {"notify_replies": True,
                           "rejection_notice": "Your comment broke our house rules, so it was not published."})
    await admin.post("/wordlists", {"list": "banned", "action": "add", "words": ["wombat"]})
    parent = await post(admin, CLEAN, email="parent@example.org")
    await post(admin, "What a wombat.", email="rude@example.org")
    await settle(admin)
    await post(admin, "I agree about allowances, parent.", email="replier@example.org", notify=False,
               parent_id=parent)

    async def three() -> bool:
        return len(smtp.messages) >= 3

    await eventually(three)
    await settle(admin)
    by_rcpt = {rcpt[0]: msg for rcpt, msg in smtp.messages}
    assert set(by_rcpt) == {"parent@example.org", "rude@example.org"} and len(smtp.messages) == 3
    rejected = by_rcpt["rude@example.org"]
    assert "house rules" in rejected.get_content()
    subjects = sorted(m["Subject"] for r, m in smtp.messages if r == ["parent@example.org"])
    assert subjects[0].startswith("New reply") and "published" in subjects[1]


async def test_unsubscribe_link_stops_all_email(admin: Admin, smtp: SmtpReceiver) -> None:
    await post(admin, CLEAN)

    async def one() -> bool:
        return len(smtp.messages) >= 1

    await eventually(one)
    link = re.search(r"http\S+/unsubscribe\?t=(\S+)", smtp.messages[0][1].get_content())
    assert link
    path = "/unsubscribe?t=" + link.group(1)
    c = admin.svc.client
    page = await c.get(path)
    assert page.status_code == 200 and "reader@example.org" in page.text and "<form" in page.text
    assert (await c.post("/unsubscribe?t=" + link.group(1)[:-2] + "xx")).status_code == 400
    done = await c.post(path, content=b"List-Unsubscribe=One-Click",
                        headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert done.status_code == 200 and "no more e-mail" in done.text
    await post(admin, CLEAN + " Second thoughts.")
    await settle(admin)
    assert len(smtp.messages) == 1


async def test_smtp_down_then_back_still_delivers(admin: Admin) -> None:
    await post(admin, CLEAN)
    await settle(admin)
    from sqlalchemy import select

    from service.models_admin import Notification

    async def failed_once() -> Any:
        async with admin.svc.state.sessionmaker() as s:
            row = (await s.execute(select(Notification))).scalar_one_or_none()
        return row is not None and row.attempts >= 1 and row.last_error and row

    row = await eventually(failed_once)
    assert row.state == "pending"
    server = SmtpReceiver(PORT)
    server.start()
    try:
        async def arrived() -> bool:
            return len(server.messages) == 1

        await eventually(arrived)
    finally:
        server.stop()
