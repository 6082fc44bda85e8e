"""Live fixtures for the widget: the real service over HTTP, a host page on another origin, chromium."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import http.server
import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import ROOT, free_port, make_settings, missing, seed, sqlite_url, wait_for_port

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-gpu"]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
CLOSED = "closed-call-for-evidence"
CLOSED_AT = datetime(2024, 3, 1, 17, 0, tzinfo=UTC)
PUBLISHED = "short-breaks-consultation"

# Host-page rules that would restyle the widget if its styles were not isolated in a shadow root.
HOSTILE_CSS = ("button { background: rgb(255, 105, 180) !important; font-size: 40px !important; } "
               "label { display: none !important; } * { color: rgb(0, 128, 0); letter-spacing: 3px; } "
               # The documented way to theme the widget: custom properties on the target element.
               ".safeguard { --sg-accent: rgb(128, 0, 128); }")
# Anything an injected payload could call sets the flag the XSS test checks.
TRAPS = """
window.__pwned = false;
for (const name of ["alert", "confirm", "prompt", "print", "open"]) {
  window[name] = function () { window.__pwned = true; };
}
"""


@dataclass
class Live:
    """The running service and the host page server (a different origin from the service)."""

    api: str
    host: str
    db_path: Path

    def page_url(self, name: str) -> str:
        return f"{self.host}/{name}.html"

    def query(self, sql: str, *args: Any) -> list[tuple[Any, ...]]:
        with contextlib.closing(sqlite3.connect(self.db_path)) as db:
            return db.execute(sql, args).fetchall()

    def post(self, thread: str, body: dict[str, Any]) -> str:
        """Post through the public API as the host page would, and wait until it is decided."""
        r = httpx.post(f"{self.api}/api/v1/sites/demo/threads/{thread}/submissions", json=body,
                       headers={"Origin": self.host}, timeout=10)
        assert r.status_code == 202, r.text
        return self.wait_decided(r.json()["id"])

    def wait_decided(self, sid: str, timeout: float = 15.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            status = httpx.get(f"{self.api}/api/v1/submissions/{sid}/status", timeout=10).json()["status"]
            if status != "received":
                return str(status)
            time.sleep(0.1)
        raise AssertionError(f"submission {sid} still received after {timeout} s")


def host_page(api: str, thread: str, *, extra: str = "", title: str = "Host page") -> str:
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title><style>{HOSTILE_CSS} body {{ margin: 0 auto; max-width: 46rem; padding: 8px; }}</style>
</head><body>
<h1>{title}</h1>
<p>A page of a news site on another origin.</p>
<script src="{api}/widget.js" data-site="demo" data-thread="{thread}" {extra} async></script>
</body></html>
"""


def write_host_pages(directory: Path, api: str) -> None:
    pages = {
        "article": host_page(api, "welcome", title="An article"),
        "article-all": host_page(api, "welcome", extra='data-page-size="100" data-order="newest"',
                                 title="All comments"),
        "article-paged": host_page(api, "welcome", extra='data-page-size="2"', title="Paged"),
        "consultation": host_page(api, "children-in-care-call-for-evidence", title="A consultation"),
        "closed": host_page(api, CLOSED, title="A closed consultation"),
        "published-consultation": host_page(api, PUBLISHED, title="A consultation that publishes responses"),
        "feedback": host_page(api, "page-feedback", title="A policy page"),
        "first-sight": host_page(api, "first-sight-article", extra='data-site="auto"',
                                 title="A brand new article").replace('data-site="demo" ', "", 1),
        "unknown": host_page(api, "no-such-thread", title="A page with a typo in its embed"),
    }
    for name, text in pages.items():
        (directory / f"{name}.html").write_text(text, "utf-8")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


async def _prepare(settings: Any, host_origins: list[str]) -> None:
    from sqlalchemy import select

    from service.cli import _run_db, add_site, add_thread
    from service.models import Site

    await seed(settings)

    async def extra(session: Any) -> None:
        site = (await session.execute(select(Site).where(Site.key == "demo"))).scalar_one()
        site.origins = sorted({*site.origins, *host_origins})
        await add_thread(session, "demo", CLOSED, kind="consultation",
                         title="Call for evidence: school transport for children in care",
                         intro="This call for evidence has closed.",
                         questions=["What works?"], opens=datetime(2024, 1, 8, tzinfo=UTC),
                         closes=CLOSED_AT)
        await add_thread(session, "demo", PUBLISHED, kind="consultation",
                         title="Consultation: short breaks for disabled children",
                         questions=["What would make short breaks easier to get?"], publish_responses=True)

    await _run_db(settings, extra)

    async def auto_site(session: Any) -> None:
        site = await add_site(session, "auto", "Auto-creating site", host_origins)
        site.auto_create_threads = True

    await _run_db(settings, auto_site)


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory, moderator: Any) -> Iterator[Live]:
    import uvicorn

    from service.app import create_app
    from service.cli import migrate

    tmp = tmp_path_factory.mktemp("widget-live")
    api_port, host_port = free_port(), free_port()
    api, host = f"http://127.0.0.1:{api_port}", f"http://127.0.0.1:{host_port}"
    settings = make_settings(sqlite_url(tmp), public_url=api, rate_limit_per_minute=100_000,
                             rate_limit_burst=10_000)
    migrate(settings)
    asyncio.run(_prepare(settings, [host]))

    server = uvicorn.Server(uvicorn.Config(create_app(settings, moderator=moderator), host="127.0.0.1",
                                           port=api_port, log_level="warning", lifespan="on"))
    api_thread = threading.Thread(target=server.run, daemon=True)
    api_thread.start()

    pages = tmp / "host"
    pages.mkdir()
    write_host_pages(pages, api)
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", host_port), functools.partial(_QuietHandler, directory=str(pages)))
    host_thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    host_thread.start()
    try:
        wait_for_port(api_port)
        wait_for_port(host_port)
        deadline = time.monotonic() + 20
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.05)
        yield Live(api=api, host=host, db_path=tmp / "safeguard.db")
    finally:
        httpd.shutdown()
        server.should_exit = True
        api_thread.join(15)


# Module scope, not session: while sync Playwright runs, its event loop counts as running in this
# thread, which breaks every anyio test after it; closing it at the module's end restores that.
@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not os.path.exists(CHROMIUM):
        missing(f"{CHROMIUM} is not installed: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@dataclass
class Reader:
    """One reader's browser tab, with the XSS traps installed and every dialog recorded."""

    page: Any
    context: Any
    dialogs: list[str]
    errors: list[str]

    def shot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path


@pytest.fixture
def reader(browser: Any) -> Iterator[Reader]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    context.add_init_script(TRAPS)
    page = context.new_page()
    dialogs: list[str] = []
    errors: list[str] = []

    def on_dialog(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        yield Reader(page, context, dialogs, errors)
    finally:
        context.close()
