"""Serves the embeddable reader widget: one script with its CSS inlined, cached, gzipped, CSP'd."""

from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from service.openapi import PATHS
from service.routes import widget_threads

WIDGETS_DIR = Path(__file__).resolve().parent.parent.parent / "widgets"
CSS_PLACEHOLDER = '"/*__SAFEGUARD_CSS__*/"'
# A script response is never a document; if someone opens it as one, it may do nothing at all.
WIDGET_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
# The embed URL is unversioned, so caches revalidate after five minutes (a 304 is cheap);
# ?v=<hash> URLs, as printed by the demo page, never change and may be cached for a year.
SHORT_CACHE = "public, max-age=300, stale-while-revalidate=86400"
LONG_CACHE = "public, max-age=31536000, immutable"


@dataclass(frozen=True)
class Asset:
    body: bytes
    gzipped: bytes
    digest: str
    media_type: str


_cache: dict[str, tuple[tuple[int, ...], Asset]] = {}


def _stamp(*paths: Path) -> tuple[int, ...]:
    return tuple(p.stat().st_mtime_ns for p in paths)


def build_widget_js(widgets_dir: Path = WIDGETS_DIR) -> bytes:
    """widget.js with widget.css substituted for its placeholder, as one self-contained script."""
    js = (widgets_dir / "widget.js").read_text("utf-8")
    css = (widgets_dir / "widget.css").read_text("utf-8")
    if CSS_PLACEHOLDER not in js:
        raise RuntimeError("widgets/widget.js lost its CSS placeholder; restore " + CSS_PLACEHOLDER)
    return js.replace(CSS_PLACEHOLDER, json.dumps(css), 1).encode("utf-8")


def widget_asset(widgets_dir: Path = WIDGETS_DIR) -> Asset:
    """Built once per file change (mtime), so editing the widget in development needs no restart."""
    sources = (widgets_dir / "widget.js", widgets_dir / "widget.css")
    stamp = _stamp(*sources)
    hit = _cache.get("widget.js")
    if hit is not None and hit[0] == stamp:
        return hit[1]
    body = build_widget_js(widgets_dir)
    asset = Asset(body=body, gzipped=gzip.compress(body, compresslevel=9, mtime=0),
                  digest=hashlib.sha256(body).hexdigest()[:20], media_type="text/javascript; charset=utf-8")
    _cache["widget.js"] = (stamp, asset)
    return asset


def accepts_gzip(header: str) -> bool:
    for part in header.split(","):
        token, _, params = part.strip().partition(";")
        if token.strip().lower() in ("gzip", "*"):
            q = params.strip().lower()
            if q.startswith("q="):
                try:
                    return float(q[2:]) > 0
                except ValueError:
                    return False
            return True
    return False


def asset_response(request: Request, asset: Asset) -> Response:
    gz = accepts_gzip(request.headers.get("accept-encoding", ""))
    etag = f'"{asset.digest}{"-gz" if gz else ""}"'
    versioned = request.query_params.get("v") == asset.digest
    headers = {
        "ETag": etag,
        "Cache-Control": LONG_CACHE if versioned else SHORT_CACHE,
        "Vary": "Accept-Encoding",
        "Content-Security-Policy": WIDGET_CSP,
        "X-Content-Type-Options": "nosniff",
        # A public script without credentials: any page may load it, also with crossorigin + SRI.
        "Access-Control-Allow-Origin": "*",
        "Cross-Origin-Resource-Policy": "cross-origin",
        "Referrer-Policy": "strict-origin-when-cross-origin",
    }
    wanted = {tag.strip().removeprefix("W/") for tag in request.headers.get("if-none-match", "").split(",")}
    if wanted & {f'"{asset.digest}"', f'"{asset.digest}-gz"', "*"}:
        return Response(status_code=304, headers=headers)
    body = asset.gzipped if gz else asset.body
    if gz:
        headers["Content-Encoding"] = "gzip"
    if request.method == "HEAD":
        headers["Content-Length"] = str(len(body))
        return Response(status_code=200, headers=headers, media_type=asset.media_type)
    return Response(body, headers=headers, media_type=asset.media_type)


async def widget_js(request: Request) -> Response:
    return asset_response(request, widget_asset())


PATHS.update({
    "/widget.js": {"get": {
        "summary": "The reader widget: embed with <script src=\".../widget.js\" data-site=\"SITE\" "
                   "data-thread=\"THREAD\" async></script>",
        "parameters": [{"name": "v", "in": "query", "required": False, "schema": {"type": "string"},
                        "description": "content hash; when it matches, the response is cacheable for a year"}],
        "responses": {"200": {"description": "JavaScript (gzip when accepted)",
                              "content": {"text/javascript": {}}},
                      "304": {"description": "not modified since the ETag you sent"}}}},
})

routes = [
    Route("/widget.js", widget_js, methods=["GET", "HEAD"]),
    *widget_threads.routes,
]
