"""In production, webhooks cannot target loopback, private or link-local addresses."""

from __future__ import annotations

import secrets
from typing import Any

import pytest
from sqlalchemy import select

from service.admin_webhooks import validate_webhook
from service.models import Site
from service.models_admin import Webhook
from tests.admin.conftest import Admin, eventually
from tests.admin.receivers import HttpReceiver
from tests.conftest import free_port

pytestmark = pytest.mark.anyio


@pytest.fixture
def admin_env() -> dict[str, str]:
    return {"SAFEGUARD_WEBHOOK_ALLOW_PRIVATE": "0"}


@pytest.mark.parametrize("url", ["http://hooks.example.org/x", "https://127.0.0.1/x", "https://10.1.2.3/x",
                                 "https://169.254.169.254/latest", "https://localhost:8443/x",
                                 "https://[::1]/x", "https://printer.local/x"])
def test_private_or_plain_http_targets_are_refused(url: str) -> None:
    from service.validation import InputError

    with pytest.raises(InputError) as exc:
        validate_webhook({"url": url}, allow_private=False)
    assert exc.value.errors[0]["field"] == "url"
    assert validate_webhook({"url": url.replace("http://", "https://")}, allow_private=True)[0]


def test_public_https_target_is_accepted() -> None:
    assert validate_webhook({"url": "https://hooks.example.org/s"}, allow_private=False)[0] == \
        "https://hooks.example.org/s"


async def test_api_refuses_and_sender_refuses_a_loopback_target(admin: Admin) -> None:
    receiver = HttpReceiver(free_port())
    r = await admin.post("/webhooks", {"url": receiver.url})
    assert r.status_code == 422 and "private" in r.json()["errors"][0]["message"]
    # A row made before the rule (or by hand) is still not sent to.
    async with admin.svc.state.sessionmaker() as s:
        site_id = (await s.execute(select(Site.id).where(Site.key == "demo"))).scalar_one()
        s.add(Webhook(site_id=site_id, url=receiver.url, events=["submission.published"], active=True,
                      salt=secrets.token_hex(16)))
        await s.commit()
        hook_id = (await s.execute(select(Webhook.id))).scalar_one()
    receiver.start()
    try:
        await admin.post(f"/webhooks/{hook_id}/ping")

        async def refused() -> Any:
            items = (await admin.get(f"/webhooks/{hook_id}/deliveries")).json()["items"]
            return items and items[0]["attempts"] >= 1 and items[0]

        item = await eventually(refused)
        assert "private address" in item["last_error"] and item["state"] == "pending"
        assert receiver.received == []
    finally:
        receiver.stop()
