"""Owner admin pages: login + CSRF, owners only, field errors in the form, same effects as the API."""

from __future__ import annotations

import re
from typing import Any

import pytest
from sqlalchemy import select

from service.models import Site, Thread
from tests.conftest import Service

pytestmark = pytest.mark.anyio

PASSWORD = "correct horse battery"
CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


async def add_person(svc: Service, email: str, role: str) -> None:
    from service.cli import add_user

    async with svc.state.sessionmaker() as s:
        await add_user(s, email, PASSWORD, role, ["demo"])
        await s.commit()


class Browser:
    """A cookie-keeping client that logs in through the real login form."""

    def __init__(self, svc: Service) -> None:
        self.svc = svc
        self.csrf = ""

    async def login(self, email: str) -> None:
        c = self.svc.client
        page = await c.get("/login")
        token = CSRF_RE.search(page.text)
        assert token
        r = await c.post("/login", data={"email": email, "password": PASSWORD, "csrf_token": token.group(1),
                                         "next": "/admin"})
        assert r.status_code == 303, r.text

    async def get(self, path: str) -> Any:
        r = await self.svc.client.get(path)
        token = CSRF_RE.search(r.text)
        if token:
            self.csrf = token.group(1)
        return r

    async def post(self, path: str, data: dict[str, Any], csrf: bool = True) -> Any:
        body = {**data, "csrf_token": self.csrf} if csrf else data
        return await self.svc.client.post(path, data=body)


@pytest.fixture
async def owner(service: Service) -> Browser:
    await add_person(service, "owner@example.org", "owner")
    b = Browser(service)
    await b.login("owner@example.org")
    return b


async def test_only_logged_in_owners_get_in(service: Service) -> None:
    r = await service.client.get("/admin/demo/policy")
    assert r.status_code == 303 and r.headers["location"].startswith("/login?next=")
    await add_person(service, "mod@example.org", "moderator")
    b = Browser(service)
    await b.login("mod@example.org")
    assert (await b.get("/admin/demo")).status_code == 403
    assert (await b.get("/admin/demo/keys")).status_code == 403


async def test_site_form_shows_field_errors_and_saves_nothing(owner: Browser) -> None:
    page = await owner.get("/admin/demo")
    assert page.status_code == 200 and "Allowed origins" in page.text
    r = await owner.post("/admin/demo", {"name": "Demo!", "origins": "https://ok.example\nnot an origin",
                                         "retention_days": "-3"})
    assert r.status_code == 422
    assert "origins[1]" in r.text and "retention_days" in r.text and 'aria-invalid="true"' in r.text
    assert "not an origin" in r.text  # what they typed is kept
    async with owner.svc.state.sessionmaker() as s:
        site = (await s.execute(select(Site).where(Site.key == "demo"))).scalar_one()
    assert site.name == "Safeguard demo"
    r = await owner.post("/admin/demo", {"name": "Demo news", "origins": "https://ok.example",
                                         "retention_days": "90", "notify_replies": "on"})
    assert r.status_code == 303
    page = await owner.get("/admin/demo?done=saved")
    assert "Saved." in page.text and "https://ok.example" in page.text and 'value="90"' in page.text


async def test_forms_without_csrf_are_refused(owner: Browser) -> None:
    await owner.get("/admin/demo")
    r = await owner.post("/admin/demo", {"name": "Hijacked", "origins": ""}, csrf=False)
    assert r.status_code == 403
    async with owner.svc.state.sessionmaker() as s:
        assert (await s.execute(select(Site.name).where(Site.key == "demo"))).scalar_one() == "Safeguard demo"


def policy_form(**changes: str) -> dict[str, str]:
    form = {"mode": "hold_flagged", "child_data_hold": "0.5", "max_length": "20000", "banned_words": "",
            "suspect_words": "", "hold_toxicity": "0.5", "hold_insult": "0.5", "reject_threat": "0.9"}
    form.update(changes)
    return form


async def test_policy_form_validates_saves_audits_and_tries(owner: Browser) -> None:
    await owner.get("/admin/demo/policy")
    r = await owner.post("/admin/demo/policy", policy_form(hold_insult="1.5", child_data_hold="lots"))
    assert r.status_code == 422
    assert "policy.toxicity_hold.insult" in r.text and "policy.child_data_hold" in r.text
    r = await owner.post("/admin/demo/policy", policy_form(mode="premoderate", banned_words="wombat\nnumpty"))
    assert r.status_code == 303
    page = await owner.get("/admin/demo/policy")
    assert "owner@example.org" in page.text and "premoderate" in page.text
    r = await owner.post("/admin/demo/policy/try", {"text": "Honestly, what a wombat."})
    assert r.status_code == 200 and "reject" in r.text and "banned_word" in r.text
    child = "My daughter Ellie Marsh is 7 and goes to Brookside Primary in Leeds."
    r = await owner.post("/admin/demo/policy/try", {"text": child})
    assert '<mark class="span">' in r.text and "child_data" in r.text


async def test_thread_pages_create_edit_export(owner: Browser) -> None:
    await owner.get("/admin/demo/threads")
    r = await owner.post("/admin/demo/threads", {"key": "welcome", "kind": "article", "title": "Dup"})
    assert r.status_code == 422 and "already exists" in r.text
    r = await owner.post("/admin/demo/threads", {"key": "budget", "kind": "consultation", "title": "Budget",
                                                 "opens_at": "2030-02-01T00:00", "closes_at": "2030-01-01T00:00",
                                                 "questions": "Why?"})
    assert r.status_code == 422 and "must be after opens_at" in r.text
    r = await owner.post("/admin/demo/threads", {"key": "budget", "kind": "consultation", "title": "Budget",
                                                 "questions": "Why?\ncost | What does it cost?"})
    assert r.status_code == 303 and r.headers["location"].startswith("/admin/demo/threads/budget")
    async with owner.svc.state.sessionmaker() as s:
        thread = (await s.execute(select(Thread).where(Thread.key == "budget"))).scalar_one()
    assert thread.questions == [{"id": "q1", "text": "Why?"}, {"id": "cost", "text": "What does it cost?"}]
    page = await owner.get("/admin/demo/threads/budget")
    assert "q1 | Why?" in page.text and "summary.svg" in page.text
    r = await owner.post("/admin/demo/threads/budget", {"kind": "consultation", "title": "Budget 2031",
                                                        "questions": "q1 | Why?", "policy_overrides": "{oops"})
    assert r.status_code == 422 and "policy_overrides" in r.text
    csv_page = await owner.get("/admin/demo/threads/children-in-care-call-for-evidence/export.csv")
    assert csv_page.status_code == 200 and csv_page.text.lstrip("\ufeff").startswith("id,created_at")
    svg = await owner.get("/admin/demo/threads/budget/summary.svg")
    assert svg.headers["content-type"].startswith("image/svg+xml")


async def test_key_and_webhook_secrets_are_shown_once(owner: Browser) -> None:
    await owner.get("/admin/demo/keys")
    r = await owner.post("/admin/demo/keys", {"name": "CMS"})
    key = re.search(r'<code id="new-key">(sgk_[^<]+)</code>', r.text)
    assert key
    api = await owner.svc.client.get("/api/v1/admin/sites/demo", headers={"Authorization": f"Bearer {key.group(1)}"})
    assert api.status_code == 200
    page = await owner.get("/admin/demo/keys")
    assert key.group(1) not in page.text and "CMS" in page.text
    r = await owner.post("/admin/demo/webhooks", {"url": "gopher://x"})
    assert r.status_code == 422
    r = await owner.post("/admin/demo/webhooks", {"url": "https://hooks.example/s", "events": ["report.created"]})
    secret = re.search(r'<code id="new-secret">(whsec_[^<]+)</code>', r.text)
    assert secret
    page = await owner.get("/admin/demo/webhooks")
    assert secret.group(1) not in page.text and "report.created" in page.text


async def test_privacy_page_needs_confirmation_then_erases(owner: Browser) -> None:
    c = owner.svc.client
    await c.post("/api/v1/sites/demo/threads/welcome/submissions",
                 json={"author": "Sam", "text": "Kinship carers need proper allowances.", "email": "sam@example.org"})
    await owner.svc.drain()
    await owner.get("/admin/demo/privacy")
    r = await owner.post("/admin/demo/privacy/export", {"email": "sam@example.org"})
    assert r.json()["submissions"][0]["author"] == "Sam"
    r = await owner.post("/admin/demo/privacy/erase", {"email": "sam@example.org", "mode": "remove"})
    assert r.status_code == 422 and "cannot be undone" in r.text
    r = await owner.post("/admin/demo/privacy/erase", {"email": "sam@example.org", "mode": "remove", "confirm": "on"})
    assert r.status_code == 200 and "1 submissions deleted" in r.text


async def test_members_page_keeps_an_owner(owner: Browser) -> None:
    page = await owner.get("/admin/demo/members")
    mid = re.search(r'/admin/demo/members/(\d+)/remove', page.text)
    assert mid
    r = await owner.post(f"/admin/demo/members/{mid.group(1)}/remove", {})
    assert r.status_code == 422 and "last owner" in r.text
    r = await owner.post("/admin/demo/members", {"email": "new@example.org", "role": "moderator"})
    assert r.status_code == 422 and "password" in r.text
    r = await owner.post("/admin/demo/members", {"email": "new@example.org", "role": "moderator",
                                                 "password": "a long first password"})
    assert r.status_code == 303
    assert "new@example.org" in (await owner.get("/admin/demo/members")).text


async def test_try_uses_the_unsaved_settings_and_saves_nothing(owner: Browser) -> None:
    await owner.get("/admin/demo/policy")
    clean = "Kinship carers need proper allowances, not warm words."
    r = await owner.post("/admin/demo/policy/try", {**policy_form(mode="premoderate"), "text": clean,
                                                    "use_form": "on"})
    assert r.status_code == 200 and "premoderation" in r.text
    assert '<option value="premoderate" selected>' in r.text  # the unsaved edit is still in the form
    r = await owner.post("/admin/demo/policy/try", {"text": clean})
    assert "premoderation" not in r.text and "No reason to hold or reject" in r.text
    async with owner.svc.state.sessionmaker() as s:
        assert (await s.execute(select(Site.policy).where(Site.key == "demo"))).scalar_one() == {}
