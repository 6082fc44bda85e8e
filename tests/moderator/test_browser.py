"""Real-browser tests of the moderator interface: Playwright driving Debian's chromium over HTTP."""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from tests.conftest import ROOT, live_server, missing
from tests.moderator.conftest import CHILD_TEXT, PASSWORD, add_accounts

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-gpu"]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"


@dataclass
class LiveMod:
    url: str

    def post(self, text: str, author: str = "Reader") -> str:
        r = httpx.post(f"{self.url}/api/v1/sites/demo/threads/welcome/submissions",
                       json={"author": author, "text": text}, timeout=10)
        assert r.status_code == 202, r.text
        sid = str(r.json()["id"])
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if self.status(sid) != "received":
                return sid
            time.sleep(0.1)
        raise AssertionError(f"{sid} was not decided in time")

    def status(self, sid: str) -> str:
        return str(httpx.get(f"{self.url}/api/v1/submissions/{sid}/status", timeout=10).json()["status"])

    def public_html(self) -> str:
        r = httpx.get(f"{self.url}/api/v1/sites/demo/threads/welcome/submissions?limit=100", timeout=10)
        return " ".join(item["html"] for item in r.json()["items"])


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory, moderator: Any) -> Iterator[LiveMod]:
    with live_server(tmp_path_factory.mktemp("moderator-live"), moderator, prepare=add_accounts) as url:
        yield LiveMod(url)


@pytest.fixture(scope="module")
def chromium(live: LiveMod) -> Iterator[Any]:
    # Depends on live: the server and its migrations must start before sync Playwright runs a loop.
    if not os.path.exists(CHROMIUM):
        missing(f"{CHROMIUM} is not installed: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def login(chromium: Any, live: LiveMod, email: str, *, javascript: bool = True) -> Any:
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(f"{live.url}/moderate")
    assert page.url.startswith(f"{live.url}/login")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r".*/moderate/queue/held.*"))
    return page


def test_review_child_data_redact_and_approve_in_the_browser(chromium: Any, live: LiveMod) -> None:
    sid = live.post(CHILD_TEXT, author="Parent A")
    assert live.status(sid) == "held"
    page = login(chromium, live, "mod@example.org")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Held")
    row = page.locator(f"li.item[data-id='{sid}']")
    assert "Child data" in row.inner_text()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "moderator-queue-1280.png"), full_page=True)

    row.get_by_role("link", name="Parent A").click()
    page.wait_for_url(re.compile(f".*/moderate/items/{sid}.*"))
    marks = page.locator("#text mark")
    assert marks.count() >= 3
    child = page.locator("#text mark.kind-child_name")
    assert child.first.inner_text().startswith("Ellie Marsh")
    assert "child's name" in child.first.inner_text()
    assert page.locator("#text mark.kind-school").first.inner_text().startswith("Brookside Primary")
    # Detector spans are ticked in advance on the redact form.
    boxes = page.locator("#redact input[type=checkbox]")
    assert boxes.count() >= 3 and all(boxes.nth(i).is_checked() for i in range(boxes.count()))
    page.screenshot(path=str(SCREENSHOTS / "moderator-item-1280.png"), full_page=True)

    page.get_by_role("button", name="Remove ticked passages and approve").click()
    page.wait_for_load_state()
    assert live.status(sid) == "published"
    public = live.public_html()
    assert "[removed]" in public
    for secret in ("Ellie", "Marsh", "Brookside"):
        assert secret not in public
    page.goto(f"{live.url}/moderate/dashboard")
    assert page.locator("svg").count() >= 2
    page.screenshot(path=str(SCREENSHOTS / "moderator-dashboard-1280.png"), full_page=True)


def test_approve_by_keyboard_and_visible_focus(chromium: Any, live: LiveMod) -> None:
    sid = live.post("My son Tom Reed is 9 and lives on Elm Road in Bristol", author="Parent K")
    page = login(chromium, live, "mod@example.org")
    assert "j" in page.locator("aside.keys").inner_text()
    page.goto(f"{live.url}/moderate/items/{sid}")
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    with page.expect_navigation():
        page.keyboard.press("a")
    assert live.status(sid) == "published"
    assert "Tom Reed" in live.public_html()

    # In the queue: j selects the first item, a approves it.
    other = live.post("My niece Lily Hart is 6 and goes to Oak Primary in York", author="Parent Q")
    page.goto(f"{live.url}/moderate/queue/held?order=newest")
    page.keyboard.press("j")
    assert page.locator("li.item.current").get_attribute("data-id") == other
    with page.expect_navigation():
        page.keyboard.press("a")
    assert live.status(other) == "published"


def test_approve_and_reject_work_without_javascript(chromium: Any, live: LiveMod) -> None:
    a = live.post("My daughter Mia Cole is 8 and goes to Hill Primary in Derby", author="No JS A")
    b = live.post("My son Leo Dunn is 10 and goes to Park School in Hull", author="No JS B")
    page = login(chromium, live, "mod2@example.org", javascript=False)
    page.goto(f"{live.url}/moderate/items/{a}")
    page.get_by_role("button", name=re.compile("^Approve")).click()
    page.wait_for_load_state()
    assert live.status(a) == "published"
    page.goto(f"{live.url}/moderate/items/{b}")
    page.get_by_label("Reason").select_option("child_data")
    page.get_by_label("Note for the audit log (optional)").fill("names a child and school")
    page.get_by_role("button", name="Reject", exact=True).click()
    page.wait_for_load_state()
    assert live.status(b) == "rejected"


def test_moderator_of_another_site_gets_404_for_the_item(chromium: Any, live: LiveMod) -> None:
    sid = live.post(CHILD_TEXT, author="Parent Z")
    page = login(chromium, live, "other@example.org")
    response = page.goto(f"{live.url}/moderate/items/{sid}")
    assert response is not None and response.status == 404
    assert "Ellie" not in page.content()
    assert live.status(sid) == "held"
