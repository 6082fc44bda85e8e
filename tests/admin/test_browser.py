"""The admin pages in a real browser: log in, change the policy, try it, read a thread's evidence."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from typing import Any

import pytest

from tests.conftest import ROOT, live_server, missing

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-gpu"]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
PASSWORD = "correct horse battery"


async def _owner(settings: Any) -> None:
    from service.cli import _run_db, add_user

    await _run_db(settings, lambda s: add_user(s, "owner@example.org", PASSWORD, "owner", ["demo"]))


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory, moderator: Any) -> Iterator[str]:
    with live_server(tmp_path_factory.mktemp("admin-live"), moderator, prepare=_owner) as url:
        yield url


def test_owner_changes_policy_tries_it_and_reads_evidence(live: str) -> None:
    if not os.path.exists(CHROMIUM):
        missing(f"{CHROMIUM} is not installed: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 1000})
            errors: list[str] = []
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.goto(f"{live}/admin/demo/policy")
            page.fill("input[name=email]", "owner@example.org")
            page.fill("input[name=password]", PASSWORD)
            page.click("button[type=submit]")
            page.wait_for_url("**/admin/demo/policy")
            page.fill("input[name=hold_insult]", "1.7")
            page.click("text=Save policy")
            assert page.locator(".error-summary").is_visible()
            assert page.locator("input[name=hold_insult]").get_attribute("aria-invalid") == "true"
            page.screenshot(path=str(SCREENSHOTS / "admin-policy-error.png"), full_page=True)
            page.fill("input[name=hold_insult]", "0.6")
            page.fill("textarea[name=banned_words]", "wombat")
            page.click("text=Save policy")
            assert page.locator("text=Saved.").is_visible()
            page.fill("textarea[name=text]", "My daughter Ellie Marsh is 7 and goes to Brookside Primary in Leeds.")
            page.click("text=Score it")
            assert page.locator("mark.span").count() >= 1
            page.screenshot(path=str(SCREENSHOTS / "admin-policy-try.png"), full_page=True)
            import httpx

            for i, role in enumerate(["parent_or_carer", "social_worker", "social_worker"]):
                r = httpx.post(f"{live}/api/v1/sites/demo/threads/children-in-care-call-for-evidence/submissions",
                               json={"author": f"R{i}", "role": role, "answers": {"q1": f"More tutoring ({i})"}})
                assert r.status_code == 202
            page.goto(f"{live}/admin/demo/threads/children-in-care-call-for-evidence")
            assert page.locator("text=3 in total").is_visible()
            assert page.locator("figure img").evaluate("img => img.complete && img.naturalWidth > 0")
            page.screenshot(path=str(SCREENSHOTS / "admin-thread.png"), full_page=True)
            from tests.conftest import free_port

            page.goto(f"{live}/admin/demo/webhooks")
            page.fill("input[name=url]", f"http://127.0.0.1:{free_port()}/down")
            page.click("text=Add webhook")
            assert page.locator("#new-secret").inner_text().startswith("whsec_")
            page.click("text=Send a test event")
            deadline = time.monotonic() + 15
            while "ConnectError" not in page.content() and time.monotonic() < deadline:
                time.sleep(0.3)
                page.reload()
            assert "ConnectError" in page.content() and "whsec_" not in page.content()
            page.screenshot(path=str(SCREENSHOTS / "admin-webhooks.png"), full_page=True)
            # The 422 page and a missing favicon log "Failed to load resource"; CSP breaks would not.
            assert [e for e in errors if "Content Security Policy" in e] == [], errors
        finally:
            browser.close()
