"""GET /widget.js over HTTP: size budget, gzip, caching, CSP and CORS; the demo page embeds it."""

from __future__ import annotations

import gzip
import re
from typing import Any

import pytest

pytestmark = pytest.mark.anyio

BUDGET = 25 * 1024


async def test_everything_the_widget_downloads_fits_in_25_kb_gzipped(service: Any) -> None:
    r = await service.client.get("/widget.js", headers={"Accept-Encoding": "identity"})
    assert r.status_code == 200
    assert "content-encoding" not in r.headers
    # The CSS is inlined into the script, so this one file is the whole widget.
    assert "__SAFEGUARD_CSS__" not in r.text and ":host" in r.text
    size = len(gzip.compress(r.content, compresslevel=9))
    assert size <= BUDGET, f"widget is {size} bytes gzipped; the budget is {BUDGET}"


async def test_widget_is_served_gzipped_when_accepted(service: Any) -> None:
    plain = await service.client.get("/widget.js", headers={"Accept-Encoding": "identity"})
    r = await service.client.get("/widget.js", headers={"Accept-Encoding": "br;q=1, gzip;q=0.8"})
    assert r.headers["content-encoding"] == "gzip"
    assert int(r.headers["content-length"]) < len(plain.content) / 2
    assert r.content == plain.content  # httpx decodes: same script either way
    refused = await service.client.get("/widget.js", headers={"Accept-Encoding": "gzip;q=0"})
    assert "content-encoding" not in refused.headers
    assert "accept-encoding" in r.headers["vary"].lower()


async def test_widget_response_headers(service: Any) -> None:
    r = await service.client.get("/widget.js", headers={"Origin": "https://news.example.org"})
    assert r.headers["content-type"] == "text/javascript; charset=utf-8"
    csp = r.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    # A public, credential-free script: any host page may load it (and use SRI with crossorigin).
    assert r.headers["access-control-allow-origin"] == "*"
    assert "access-control-allow-credentials" not in r.headers
    assert r.headers["cross-origin-resource-policy"] == "cross-origin"
    assert "set-cookie" not in r.headers
    assert re.fullmatch(r"public, max-age=\d+, stale-while-revalidate=\d+", r.headers["cache-control"])


async def test_etag_revalidation_answers_304(service: Any) -> None:
    first = await service.client.get("/widget.js", headers={"Accept-Encoding": "gzip"})
    etag = first.headers["etag"]
    again = await service.client.get("/widget.js", headers={"Accept-Encoding": "gzip", "If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == etag
    other = await service.client.get("/widget.js", headers={"If-None-Match": '"something-else"'})
    assert other.status_code == 200 and other.content


async def test_versioned_url_is_cached_for_a_year(service: Any) -> None:
    etag = (await service.client.get("/widget.js", headers={"Accept-Encoding": "identity"})).headers["etag"]
    digest = etag.strip('"')
    r = await service.client.get(f"/widget.js?v={digest}")
    assert "immutable" in r.headers["cache-control"] and "max-age=31536000" in r.headers["cache-control"]
    stale = await service.client.get("/widget.js?v=0000")
    assert "immutable" not in stale.headers["cache-control"]


async def test_demo_page_embeds_the_real_widget_for_the_demo_threads(service: Any) -> None:
    r = await service.client.get("/")
    assert r.status_code == 200
    embeds = re.findall(r'<script src="/widget\.js" data-site="demo" data-thread="([^"]+)" async>', r.text)
    assert embeds == ["welcome", "children-in-care-call-for-evidence", "page-feedback"]
    assert "Content-Security-Policy" in r.text
    for thread in embeds:
        assert (await service.client.get(f"/api/v1/sites/demo/threads/{thread}")).status_code == 200


async def test_widget_path_is_in_the_openapi_document(service: Any) -> None:
    spec = (await service.client.get("/openapi.json")).json()
    assert "/widget.js" in spec["paths"]
