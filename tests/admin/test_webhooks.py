"""Webhooks: signed deliveries to a real loopback receiver, retried until a down receiver is back."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import select

from service.admin_webhooks import verify_signature
from service.models_admin import Webhook, WebhookDelivery
from tests.admin.conftest import Admin, eventually
from tests.admin.receivers import HttpReceiver
from tests.conftest import free_port

pytestmark = pytest.mark.anyio

CLEAN = "The review is right that kinship carers need proper allowances, not warm words."
CHILD = ("My daughter Ellie Marsh is 7 and goes to Brookside Primary in Leeds; "
         "she has been in foster care since the care order.")
ARTICLE = "/api/v1/sites/demo/threads/welcome/submissions"


@pytest.fixture
def receiver() -> Iterator[HttpReceiver]:
    rec = HttpReceiver(free_port())
    rec.start()
    yield rec
    rec.stop()


async def add_hook(admin: Admin, url: str, events: list[str] | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"url": url, "description": "test"}
    if events is not None:
        body["events"] = events
    r = await admin.post("/webhooks", body)
    assert r.status_code == 201, r.text
    return r.json()


async def test_published_held_and_reported_events_arrive_signed(admin: Admin, receiver: HttpReceiver) -> None:
    hook = await add_hook(admin, receiver.url)
    secret = hook["secret"]
    assert secret.startswith("whsec_")
    assert all("secret" not in h for h in (await admin.get("/webhooks")).json()["items"])
    async with admin.svc.state.sessionmaker() as s:
        stored = (await s.execute(select(Webhook))).scalar_one()
    assert secret not in json.dumps({"salt": stored.salt, "url": stored.url})

    svc = admin.svc
    published = (await svc.client.post(ARTICLE, json={"author": "A", "text": CLEAN})).json()["id"]
    held = (await svc.client.post(ARTICLE, json={"author": "B", "text": CHILD})).json()["id"]
    await svc.drain()
    r = await svc.client.post(f"/api/v1/submissions/{published}/reports", json={"reason": "spam"})
    assert r.status_code == 202

    async def three() -> bool:
        return len(receiver.received) >= 3

    await eventually(three)
    events = {}
    for got in receiver.received:
        assert got.path == "/hooks/safeguard"
        assert verify_signature(secret, got.headers["safeguard-signature"], got.body)
        assert not verify_signature("whsec_wrong", got.headers["safeguard-signature"], got.body)
        payload = json.loads(got.body)
        assert payload["type"] == got.headers["safeguard-event"] and payload["site"] == "demo"
        events[payload["type"]] = payload["data"]
    assert events["submission.published"]["submission"]["id"] == published
    assert "html" in events["submission.published"]["submission"]
    assert events["submission.held"]["submission"]["id"] == held
    assert "child_data" in events["submission.held"]["submission"]["reason_codes"]
    # What a held item says is never sent out: it may identify a child.
    assert "Ellie" not in json.dumps(events["submission.held"])
    assert events["report.created"]["report"] == {"reason": "spam", "count": 1}
    # A signature cannot be replayed with another body or after the tolerance window.
    first = receiver.received[0]
    assert not verify_signature(secret, first.headers["safeguard-signature"], first.body + b" ")
    stamp = int(first.headers["safeguard-signature"].split(",")[0][2:])
    assert not verify_signature(secret, first.headers["safeguard-signature"], first.body, now=stamp + 3600)

    deliveries = (await admin.get(f"/webhooks/{hook['id']}/deliveries")).json()["items"]
    assert {d["state"] for d in deliveries} == {"delivered"}
    assert all(d["last_status"] == 200 and d["last_response"] == '{"ok": true}' for d in deliveries)


async def test_only_subscribed_events_are_sent(admin: Admin, receiver: HttpReceiver) -> None:
    await add_hook(admin, receiver.url, ["submission.held"])
    svc = admin.svc
    await svc.client.post(ARTICLE, json={"author": "A", "text": CLEAN})
    held = (await svc.client.post(ARTICLE, json={"author": "B", "text": CHILD})).json()["id"]
    await svc.drain()

    async def one() -> bool:
        return len(receiver.received) >= 1

    await eventually(one)
    await svc.state.extras["outbox"].run_once()
    assert [json.loads(r.body)["data"]["submission"]["id"] for r in receiver.received] == [held]


async def test_receiver_down_then_back_gets_every_event(admin: Admin) -> None:
    receiver = HttpReceiver(free_port())  # nothing listens yet: connections are refused
    hook = await add_hook(admin, receiver.url, ["submission.published"])
    svc = admin.svc
    ids = [(await svc.client.post(ARTICLE, json={"author": f"R{i}", "text": f"{CLEAN} ({i})"})).json()["id"]
           for i in range(3)]
    await svc.drain()

    async def failed_twice() -> Any:
        items = (await admin.get(f"/webhooks/{hook['id']}/deliveries")).json()["items"]
        return len(items) == 3 and all(d["attempts"] >= 2 for d in items) and items

    items = await eventually(failed_twice)
    assert all(d["state"] == "pending" and d["last_error"] and d["next_attempt_at"] for d in items)
    receiver.start()
    try:
        async def all_delivered() -> bool:
            items = (await admin.get(f"/webhooks/{hook['id']}/deliveries")).json()["items"]
            return all(d["state"] == "delivered" for d in items)

        await eventually(all_delivered, timeout=20)
        got = sorted(json.loads(r.body)["data"]["submission"]["id"] for r in receiver.received)
        assert got == sorted(ids)
    finally:
        receiver.stop()


async def test_error_status_is_retried_and_shown(admin: Admin, receiver: HttpReceiver) -> None:
    receiver.status = 503
    hook = await add_hook(admin, receiver.url)
    r = await admin.post(f"/webhooks/{hook['id']}/ping")
    assert r.status_code == 202

    async def refused() -> Any:
        items = (await admin.get(f"/webhooks/{hook['id']}/deliveries")).json()["items"]
        return items and items[0]["attempts"] >= 2 and items[0]

    item = await eventually(refused)
    assert item["state"] == "pending" and item["last_status"] == 503
    assert item["last_response"] == "receiver says no"
    receiver.status = 204

    async def delivered() -> Any:
        items = (await admin.get(f"/webhooks/{hook['id']}/deliveries")).json()["items"]
        return items[0]["state"] == "delivered" and items[0]

    assert (await eventually(delivered))["last_status"] == 204


async def test_pending_deliveries_survive_a_restart(tmp_path: Any, moderator: Any, monkeypatch: Any) -> None:
    """Queued deliveries are rows: a new process with the same database sends them."""
    from tests.admin.conftest import FAST_OUTBOX, make_key
    from tests.conftest import make_settings, running_service, sqlite_url

    for name, value in FAST_OUTBOX.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("SAFEGUARD_WEBHOOK_BACKOFF_SECONDS", "3600")
    settings = make_settings(sqlite_url(tmp_path), rate_limit_per_minute=600, rate_limit_burst=100)
    receiver = HttpReceiver(free_port())
    async with running_service(settings, moderator) as svc:
        admin = Admin(svc, await make_key(svc))
        await add_hook(admin, receiver.url)
        await svc.client.post(ARTICLE, json={"author": "A", "text": CLEAN})
        await svc.drain()

        async def tried() -> bool:
            async with svc.state.sessionmaker() as s:
                row = (await s.execute(select(WebhookDelivery))).scalar_one_or_none()
            return row is not None and row.attempts == 1

        await eventually(tried)
    receiver.start()
    async with svc.state.sessionmaker() as s:  # the old process left it pending, due in an hour
        row = (await s.execute(select(WebhookDelivery))).scalar_one()
        assert row.state == "pending"
        row.next_attempt_at = row.created_at
        await s.commit()
    try:
        async with running_service(settings, moderator):
            async def arrived() -> bool:
                return len(receiver.received) == 1

            await eventually(arrived)
            assert json.loads(receiver.received[0].body)["type"] == "submission.published"
    finally:
        receiver.stop()


async def test_webhook_input_is_validated(admin: Admin) -> None:
    r = await admin.post("/webhooks", {"url": "ftp://x", "events": ["submission.exploded"], "colour": 1})
    assert r.status_code == 422
    assert {e["field"] for e in r.json()["errors"]} == {"url", "events[0]", "colour"}
    assert (await admin.get("/webhooks")).json()["items"] == []
    assert (await admin.get("/webhooks/99/deliveries")).status_code == 404
