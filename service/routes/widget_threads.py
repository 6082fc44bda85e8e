"""Create a comment thread on first sight, for sites whose owners turned on auto_create_threads."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from service.models import AuditEvent, Site, Thread
from service.openapi import PATHS, SITE_THREAD, _error
from service.ratelimit import client_hash
from service.routes.public import ALLOW_HEADERS, client_ip, cors_headers, error_response
from service.state import AppState, state_of
from service.validation import InputError, clean_text, parse_json

THREAD_KEY_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:~-]{0,199}$")


def _field_error(name: str, message: str) -> InputError:
    return InputError(422, f"{name}: {message}", [{"field": name, "message": message}], code="validation_failed")


async def _site(st: AppState, key: str) -> Site:
    site = await st.directory.site_exists(key)
    if site is None:
        raise InputError(404, f"No site {key!r}. Check data-site on the embed.", code="not_found")
    return site


def _origins(site: Site) -> frozenset[str]:
    return frozenset(site.origins or [])


def _require_page_origin(request: Request, st: AppState, site: Site) -> dict[str, str]:
    # Only a page of the site itself may create its threads; a request without Origin is not a page.
    if request.headers.get("origin") is None:
        raise InputError(403, "Threads are created on first sight only from pages of the site's allowed origins.",
                         code="origin_not_allowed")
    return cors_headers(request, st, _origins(site))


async def preflight(request: Request) -> Response:
    st = state_of(request)
    try:
        site = await _site(st, request.path_params["site"])
        cors = _require_page_origin(request, st, site)
    except InputError as exc:
        return error_response(exc)
    cors.update({"Access-Control-Allow-Methods": "POST, OPTIONS",
                 "Access-Control-Allow-Headers": ALLOW_HEADERS, "Access-Control-Max-Age": "600"})
    return Response(status_code=204, headers=cors)


def _validate(data: object, site: Site) -> tuple[str, str, str]:
    if not isinstance(data, dict):
        raise _field_error("body", 'expected a JSON object like {"thread": "...", "url": "...", "title": "..."}')
    key, url, title = data.get("thread"), data.get("url"), data.get("title")
    if not isinstance(key, str) or not THREAD_KEY_RE.match(key):
        raise _field_error("thread", "1 to 200 letters, digits or . _ : ~ -, starting with a letter or digit")
    if not isinstance(url, str) or len(url) > 2000:
        raise _field_error("url", "the page's address (http or https, at most 2,000 characters)")
    parts = urlsplit(url)
    page_origin = f"{parts.scheme}://{parts.netloc.lower()}"
    if parts.scheme not in ("http", "https") or page_origin not in _origins(site):
        raise _field_error("url", "must be a page on one of the site's allowed origins")
    clean_title = " ".join(clean_text(title).split())[:300] if isinstance(title, str) else ""
    return key, parts._replace(fragment="").geturl(), clean_title or key


async def create_thread(request: Request) -> Response:
    st = state_of(request)
    cors: dict[str, str] = {}
    try:
        site = await _site(st, request.path_params["site"])
        cors = _require_page_origin(request, st, site)
        body = await request.body()
        if len(body) > 10_000:
            raise InputError(413, "The request body may be at most 10,000 bytes.", code="too_large")
        data = parse_json(body)
        key, url, title = _validate(data, site)
        if not site.auto_create_threads:
            # The widget asks here after a failed thread look-up (whose 404 it may not be allowed to
            # read), so this answer, with CORS, is what the reader's page shows.
            raise InputError(404, f"No thread {key!r} on site {site.key!r}. Check data-site and data-thread "
                             "on the embed, or create the thread first; this site does not create threads "
                             "on first sight.", code="not_found")
        who = client_hash(st.settings.secret_key, client_ip(request, st))
        wait = await st.limiter.hit(f"threads:{site.id}:{who}")
        if wait > 0:
            seconds = max(1, int(wait + 0.999))
            raise InputError(429, f"Too many new threads from your connection; try again in {seconds} s.",
                             code="rate_limited", headers={"Retry-After": str(seconds)})
        created = True
        async with st.sessionmaker() as session:
            existing = (await session.execute(
                select(Thread.id).where(Thread.site_id == site.id, Thread.key == key))).first()
            if existing is None:
                session.add(Thread(site_id=site.id, key=key, kind="article", title=title, url=url,
                                   questions=[], policy_overrides={}, publish_responses=False))
                session.add(AuditEvent(site_id=site.id, actor="widget", action="thread_auto_created",
                                       detail={"thread": key, "url": url}))
                try:
                    await session.commit()
                except IntegrityError:  # another page view created it a moment ago
                    await session.rollback()
                    created = False
            else:
                created = False
        # A miss for this key may be cached; forget it so the next GET finds the new thread.
        st.directory.forget()
        info = await st.directory.thread(site.key, key)
        assert info is not None
    except InputError as exc:
        return error_response(exc, cors)
    return JSONResponse(info.public_dict(), status_code=201 if created else 200, headers=cors)


PATHS.update({
    "/api/v1/sites/{site}/threads": {"post": {
        "summary": "Create a comment thread on first sight (only sites with auto_create_threads; "
                   "only from a page of an allowed origin)",
        "parameters": SITE_THREAD[:1],
        "requestBody": {"required": True, "content": {"application/json": {"schema": {
            "type": "object", "required": ["thread", "url"],
            "properties": {"thread": {"type": "string", "maxLength": 200},
                           "url": {"type": "string", "format": "uri"},
                           "title": {"type": "string", "maxLength": 300}}}}}},
        "responses": {"201": {"description": "created", "content": {"application/json": {
            "schema": {"$ref": "#/components/schemas/Thread"}}}},
            "200": {"description": "it already existed"},
            "403": _error("origin not allowed"),
            "404": _error("no such site, or the site does not create threads on first sight"),
            "422": _error("bad key, url or title"),
            "429": _error("rate limited")}}},
})

routes = [
    Route("/api/v1/sites/{site}/threads", create_thread, methods=["POST"]),
    Route("/api/v1/sites/{site}/threads", preflight, methods=["OPTIONS"]),
]
