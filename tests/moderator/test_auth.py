"""Accounts and access: login, cookies, CSRF, lockout, logout, and one site never seeing another's."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from service import web
from tests.conftest import Service, make_settings, running_service, sqlite_url
from tests.moderator.conftest import CHILD_TEXT, PASSWORD, Browser, add_accounts, csrf_of, post_comment

pytestmark = pytest.mark.anyio


async def test_pages_need_a_login_and_come_back_after_it(browser_factory: Any) -> None:
    anon: Browser = await browser_factory()
    response = await anon.get("/moderate/queue/held?reason=child_data")
    assert response.status_code == 303
    assert response.headers["location"].startswith("/login?next=")
    login_page = await anon.get(response.headers["location"])
    assert 'value="/moderate/queue/held?reason=child_data"' in login_page.text
    done = await anon.client.post("/login", data={
        "email": "mod@example.org", "password": PASSWORD, "csrf_token": csrf_of(login_page.text),
        "next": "/moderate/queue/held?reason=child_data"})
    assert done.status_code == 303
    assert done.headers["location"] == "/moderate/queue/held?reason=child_data"


async def test_session_cookie_is_httponly_lax_and_not_secure_on_http(browser_factory: Any) -> None:
    anon: Browser = await browser_factory()
    response = await anon.login("mod@example.org")
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("sg_session=")
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert "Secure" not in cookie


async def test_cookie_is_secure_behind_https(tmp_path: Any, moderator: Any) -> None:
    settings = make_settings(sqlite_url(tmp_path), public_url="https://comments.example.org")
    async with running_service(settings, moderator) as svc:
        await add_accounts(settings)
        transport = httpx.ASGITransport(app=svc.app)
        async with httpx.AsyncClient(transport=transport, base_url="https://comments.example.org") as client:
            page = await client.get("/login")
            assert "Secure" in page.headers["set-cookie"]
            response = await client.post("/login", data={"email": "mod@example.org", "password": PASSWORD,
                                                          "csrf_token": csrf_of(page.text)})
        assert response.status_code == 303
        assert "Secure" in response.headers["set-cookie"]


async def test_wrong_password_is_refused_without_saying_which_part_was_wrong(browser_factory: Any) -> None:
    anon: Browser = await browser_factory()
    wrong = await anon.login("mod@example.org", "not the password")
    nobody = await anon.login("nobody@example.org", "not the password")
    assert wrong.status_code == nobody.status_code == 401
    assert "do not match an account" in wrong.text and "do not match an account" in nobody.text
    assert "sg_session" not in wrong.headers.get("set-cookie", "")


async def test_login_form_needs_its_csrf_token(browser_factory: Any) -> None:
    anon: Browser = await browser_factory()
    await anon.get("/login")
    response = await anon.client.post("/login", data={"email": "mod@example.org", "password": PASSWORD})
    assert response.status_code == 403
    assert "sg_session" not in response.headers.get("set-cookie", "")


async def test_lockout_after_repeated_wrong_passwords(browser_factory: Any, monkeypatch: Any) -> None:
    monkeypatch.setattr(web, "SLOWDOWN_STEP_SECONDS", 0.0)
    anon: Browser = await browser_factory()
    statuses = [(await anon.login("mod@example.org", f"guess {i}")).status_code for i in range(web.LOCK_AFTER)]
    assert statuses[:-1] == [401] * (web.LOCK_AFTER - 1)
    assert statuses[-1] == 429
    # Even the right password is refused while the account is locked.
    locked = await anon.login("mod@example.org", PASSWORD)
    assert locked.status_code == 429
    assert "locked" in locked.text and locked.headers["retry-after"].isdigit()


async def test_state_changing_forms_refuse_missing_or_wrong_csrf(accounts: Service, mod: Browser) -> None:
    sid = await post_comment(accounts, CHILD_TEXT)
    for token in ("", "forged-token"):
        response = await mod.client.post(f"/moderate/items/{sid}/approve",
                                         data={"csrf_token": token, "expected_status": "held"})
        assert response.status_code == 403
        assert "CSRF" in response.text
    bulk = await mod.client.post("/moderate/bulk", data={"ids": sid, "action": "approve"})
    assert bulk.status_code == 403
    logout = await mod.client.post("/logout", data={})
    assert logout.status_code == 403
    from tests.moderator.conftest import status_of

    assert await status_of(accounts, sid) == "held"


async def test_cross_site_form_post_is_refused_even_with_a_token(accounts: Service, mod: Browser) -> None:
    sid = await post_comment(accounts, CHILD_TEXT)
    response = await mod.post(f"/moderate/items/{sid}/approve", {"expected_status": "held"},
                              headers={"Origin": "https://evil.example"})
    assert response.status_code == 403


async def test_logout_ends_the_session_on_the_server(mod: Browser) -> None:
    cookie = mod.client.cookies.get("sg_session")
    assert cookie
    response = await mod.post("/logout")
    assert response.status_code == 303
    # Replaying the old cookie does not work: the session was revoked, not just forgotten.
    mod.client.cookies.set("sg_session", cookie)
    again = await mod.get("/moderate/queue/held")
    assert again.status_code == 303 and again.headers["location"].startswith("/login")


async def test_login_never_redirects_off_site(browser_factory: Any) -> None:
    anon: Browser = await browser_factory()
    page = await anon.get("/login")
    response = await anon.client.post("/login", data={"email": "mod@example.org", "password": PASSWORD,
                                                       "csrf_token": csrf_of(page.text),
                                                       "next": "//evil.example/phish"})
    assert response.headers["location"] == "/moderate"


async def test_moderator_of_another_site_cannot_see_or_decide_the_item(
    accounts: Service, browser_factory: Any
) -> None:
    sid = await post_comment(accounts, CHILD_TEXT)
    other: Browser = await browser_factory("other@example.org")
    page = await other.get(f"/moderate/items/{sid}")
    assert page.status_code == 404
    assert "Ellie" not in page.text
    decided = await other.post(f"/moderate/items/{sid}/approve", {"expected_status": "held"})
    assert decided.status_code == 404
    bulk = await other.post("/moderate/bulk", {"ids": sid, "action": "approve", "ctx": "queue=held"})
    assert bulk.status_code == 303
    queue = await other.get("/moderate/queue/held")
    assert sid not in queue.text and "Ellie" not in queue.text
    assert (await other.get("/moderate/queue/held?site=demo")).status_code == 404
    from tests.moderator.conftest import status_of

    assert await status_of(accounts, sid) == "held"


async def test_only_owners_manage_people_and_new_people_can_log_in(browser_factory: Any) -> None:
    mod: Browser = await browser_factory("mod@example.org")
    assert (await mod.get("/moderate/users")).status_code == 403
    owner: Browser = await browser_factory("owner@example.org")
    short = await owner.post("/moderate/users", {"email": "new@example.org", "password": "short",
                                                 "role": "moderator", "site": "demo"})
    assert short.status_code == 422 and "at least 10 characters" in short.text
    not_owned = await owner.post("/moderate/users", {"email": "new@example.org", "password": PASSWORD,
                                                     "role": "moderator", "site": "other"})
    assert not_owned.status_code == 422
    created = await owner.post("/moderate/users", {"email": "New@Example.org", "password": PASSWORD,
                                                   "role": "moderator", "site": "demo"})
    assert created.status_code == 303
    listing = await owner.get("/moderate/users")
    assert "new@example.org" in listing.text
    newcomer: Browser = await browser_factory()
    assert (await newcomer.login("new@example.org")).status_code == 303


async def test_login_attempts_from_one_network_are_rate_limited(tmp_path: Any, moderator: Any) -> None:
    settings = make_settings(sqlite_url(tmp_path), rate_limit_per_minute=1, rate_limit_burst=3)
    async with running_service(settings, moderator) as svc:
        await add_accounts(settings)
        page = await svc.client.get("/login")
        token = csrf_of(page.text)
        codes = []
        for i in range(4):
            r = await svc.client.post("/login", data={"email": f"guess{i}@example.org", "password": "x" * 12,
                                                      "csrf_token": token})
            codes.append(r.status_code)
        assert codes == [401, 401, 401, 429]
        assert "Too many login attempts" in r.text and int(r.headers["retry-after"]) > 0
