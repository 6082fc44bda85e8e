"""Public JSON API used by the reader widget: threads, published lists, submissions, reports."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from service.directory import ThreadInfo
from service.models import Submission
from service.pipeline import READER_MESSAGES, ingest
from service.published import published_page
from service.ratelimit import client_hash
from service.state import AppState, state_of
from service.validation import (
    ID_RE,
    InputError,
    parse_json,
    validate_report,
    validate_submission,
)

ALLOW_HEADERS = "Content-Type, Idempotency-Key, If-None-Match"


def error_response(exc: InputError, cors: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(exc.body(), status_code=exc.status, headers={**(cors or {}), **exc.headers})


def client_ip(request: Request, st: AppState) -> str:
    if st.settings.trust_proxy:
        forwarded = request.headers.get("x-forwarded-for")
        if forwarded:
            return forwarded.split(",")[0].strip()
    return request.client.host if request.client else "unknown"


def cors_headers(request: Request, st: AppState, origins: frozenset[str]) -> dict[str, str]:
    """Answer CORS only for the site's allowed origins (and the service's own); refuse others."""
    origin = request.headers.get("origin")
    if origin is None:
        return {}
    if origin in origins or origin == st.settings.public_origin or "*" in origins:
        return {"Access-Control-Allow-Origin": origin, "Vary": "Origin"}
    raise InputError(
        403,
        f"Origin {origin} is not allowed to use this site. The site owner can add it with "
        "`safeguard site add KEY --origin ORIGIN` or in the admin pages.",
        code="origin_not_allowed",
    )


async def _thread(request: Request, st: AppState) -> ThreadInfo:
    site, key = request.path_params["site"], request.path_params["thread"]
    info = await st.directory.thread(site, key)
    if info is None:
        raise InputError(404, f"No thread {key!r} on site {site!r}. Check data-site and "
                         "data-thread on the embed, or create the thread first.",
                         code="not_found")
    return info


async def preflight(request: Request) -> Response:
    st = state_of(request)
    try:
        if "submission_id" in request.path_params:
            origins = await _submission_origins(st, request.path_params["submission_id"])
        else:
            origins = (await _thread(request, st)).origins
        cors = cors_headers(request, st, origins)
    except InputError as exc:
        return error_response(exc)
    cors.update({"Access-Control-Allow-Methods": "GET, POST, OPTIONS",
                 "Access-Control-Allow-Headers": ALLOW_HEADERS,
                 "Access-Control-Max-Age": "600"})
    return Response(status_code=204, headers=cors)


async def get_thread(request: Request) -> Response:
    st = state_of(request)
    cors: dict[str, str] = {}
    try:
        thread = await _thread(request, st)
        cors = cors_headers(request, st, thread.origins)
    except InputError as exc:
        return error_response(exc, cors)
    return JSONResponse(thread.public_dict(), headers={**cors, "Cache-Control": "no-cache"})


async def list_submissions(request: Request) -> Response:
    st = state_of(request)
    cors: dict[str, str] = {}
    try:
        thread = await _thread(request, st)
        cors = cors_headers(request, st, thread.origins)
        order = request.query_params.get("order", "oldest")
        if order not in ("oldest", "newest"):
            raise InputError(422, "order must be oldest or newest",
                             [{"field": "order", "message": "use oldest or newest"}],
                             code="validation_failed")
        raw_limit = request.query_params.get("limit", "50")
        if not raw_limit.isdigit() or not 1 <= int(raw_limit) <= 100:
            raise InputError(422, "limit must be a whole number from 1 to 100",
                             [{"field": "limit", "message": "use 1 to 100"}],
                             code="validation_failed")
        limit = int(raw_limit)
        cursor = request.query_params.get("cursor") or None
        key = f"{order}|{limit}|{cursor or ''}"
        page = st.cache.get(thread.thread_id, key)
        if page is None:
            version = st.cache.version(thread.thread_id)
            async with st.sessionmaker() as session:
                body = await published_page(session, thread, order=order, cursor=cursor, limit=limit)
            page = st.cache.put(thread.thread_id, key, body, version)
    except InputError as exc:
        return error_response(exc, cors)
    headers = {**cors, "ETag": page.etag, "Cache-Control": "no-cache"}
    if request.headers.get("if-none-match") == page.etag:
        return Response(status_code=304, headers=headers)
    return Response(page.body, media_type="application/json", headers=headers)


async def create_submission(request: Request) -> Response:
    st = state_of(request)
    cors: dict[str, str] = {}
    try:
        thread = await _thread(request, st)
        cors = cors_headers(request, st, thread.origins)
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > st.settings.max_body_bytes:
            raise _too_large(st)
        body = await request.body()
        if len(body) > st.settings.max_body_bytes:
            raise _too_large(st)
        state = thread.state()
        if state == "closed":
            assert thread.closes_at is not None
            raise InputError(409, f"This {thread.kind} closed on {thread.closes_at:%-d %B %Y at %H:%M} UTC "
                             f"({thread.closes_at.isoformat()}); it no longer accepts submissions.",
                             code="thread_closed")
        if state == "not_open":
            assert thread.opens_at is not None
            raise InputError(409, f"This {thread.kind} opens on {thread.opens_at:%-d %B %Y at %H:%M} UTC "
                             f"({thread.opens_at.isoformat()}); send your response after that.",
                             code="thread_not_open")
        data = validate_submission(
            parse_json(body),
            max_chars=st.settings.max_text_chars,
            kind=thread.kind,
            question_ids=[q["id"] for q in thread.questions],
        )
        who = client_hash(st.settings.secret_key, client_ip(request, st))
        idem = request.headers.get("idempotency-key") or None
        if idem is not None and (len(idem) > 200 or not idem.isprintable()):
            raise InputError(422, "Idempotency-Key must be printable and at most 200 characters",
                             [{"field": "Idempotency-Key", "message": "at most 200 printable characters"}],
                             code="validation_failed")
        if idem is None or not await st.seen_idempotency(thread.site_id, who, idem):
            wait = await st.limiter.hit(f"{thread.site_id}:{who}")
            if wait > 0:
                seconds = max(1, int(wait + 0.999))
                raise InputError(429, f"Too many submissions from your connection; try again in {seconds} s.",
                                 code="rate_limited", headers={"Retry-After": str(seconds)})
        root_id = None
        # A bare connection, not an ORM session: the write path is one INSERT and a commit.
        async with st.engine.connect() as session:
            if data.parent_id is not None:
                parent = (await session.execute(
                    select(Submission.id, Submission.root_id).where(
                        Submission.id == data.parent_id,
                        Submission.thread_id == thread.thread_id,
                        Submission.status == "published",
                    ))).first()
                if parent is None:
                    raise InputError(422, "parent_id is not a published comment on this thread",
                                     [{"field": "parent_id", "message": "reply to a published comment on this thread"}],
                                     code="validation_failed")
                root_id = parent.root_id or parent.id
            result = await ingest(
                session,
                site_id=thread.site_id,
                thread_id=thread.thread_id,
                author=data.author,
                text=data.text,
                email=data.email,
                notify=data.notify,
                parent_id=data.parent_id,
                root_id=root_id,
                role=data.role,
                answers=data.answers,
                client_hash=who,
                idempotency_key=idem,
            )
        if result.created:
            await st.queue.enqueue([result.id])
    except InputError as exc:
        return error_response(exc, cors)
    # A repeated Idempotency-Key replays the first answer; the status endpoint tells what happened.
    message = ("Thanks, your response has been received." if thread.private
               else "Thanks, we have your comment and are checking it now.")
    return JSONResponse({"id": result.id, "status": "received", "message": message},
                        status_code=202, headers=cors)


def _too_large(st: AppState) -> InputError:
    return InputError(413, f"The request body is larger than {st.settings.max_body_bytes} bytes; "
                      f"comments may be at most {st.settings.max_text_chars} characters.",
                      [{"field": "text", "message": f"at most {st.settings.max_text_chars} characters"}],
                      code="too_large")


async def _submission(st: AppState, sid: str) -> Any:
    """(status, site_id) of a submission by its public id, or a 404 naming nothing about it."""
    row = None
    if ID_RE.match(sid):
        async with st.sessionmaker() as session:
            row = (await session.execute(
                select(Submission.status, Submission.site_id).where(Submission.id == sid))).first()
    if row is None:
        raise InputError(404, "No such submission.", code="not_found")
    return row


async def _submission_origins(st: AppState, sid: str) -> frozenset[str]:
    return await st.directory.origins_for_site_id((await _submission(st, sid)).site_id)


async def submission_status(request: Request) -> Response:
    st = state_of(request)
    sid = request.path_params["submission_id"]
    cors: dict[str, str] = {}
    try:
        row = await _submission(st, sid)
        cors = cors_headers(request, st, await st.directory.origins_for_site_id(row.site_id))
    except InputError as exc:
        return error_response(exc, cors)
    return JSONResponse({"id": sid, "status": row.status, "message": READER_MESSAGES[row.status]},
                        headers={**cors, "Cache-Control": "no-store"})


async def create_report(request: Request) -> Response:
    st = state_of(request)
    sid = request.path_params["submission_id"]
    cors: dict[str, str] = {}
    try:
        row = await _submission(st, sid)
        # Only published items can be seen, so only they can be reported; others look absent.
        if row.status != "published":
            raise InputError(404, "No published comment with that id.", code="not_found")
        cors = cors_headers(request, st, await st.directory.origins_for_site_id(row.site_id))
        body = await request.body()
        if len(body) > 20_000:
            raise InputError(413, "A report may be at most 20,000 bytes.", code="too_large")
        reason, note = validate_report(parse_json(body))
        who = client_hash(st.settings.secret_key, client_ip(request, st))
        wait = await st.limiter.hit(f"report:{row.site_id}:{who}")
        if wait > 0:
            seconds = max(1, int(wait + 0.999))
            raise InputError(429, f"Too many reports from your connection; try again in {seconds} s.",
                             code="rate_limited", headers={"Retry-After": str(seconds)})
        count = await st.pipeline.add_report(sid, reason=reason, note=note, client_hash=who)
        await st.reported(sid, row.site_id, reason, count)
    except InputError as exc:
        return error_response(exc, cors)
    return JSONResponse({"id": sid, "status": "reported",
                         "message": "Thanks, a moderator will look at this comment."},
                        status_code=202, headers=cors)


async def healthz(request: Request) -> Response:
    st = state_of(request)
    try:
        await st.ping()
    except Exception as exc:  # a health check reports, it does not raise
        return JSONResponse({"status": "unavailable", "database": str(exc.__class__.__name__)},
                            status_code=503)
    return JSONResponse({"status": "ok", "database": "ok", "queue": st.queue_kind,
                         "scorer": st.scorer_name})


routes = [
    Route("/healthz", healthz, methods=["GET"]),
    Route("/api/v1/sites/{site}/threads/{thread}", get_thread, methods=["GET"]),
    Route("/api/v1/sites/{site}/threads/{thread}", preflight, methods=["OPTIONS"]),
    Route("/api/v1/sites/{site}/threads/{thread}/submissions", list_submissions, methods=["GET"]),
    Route("/api/v1/sites/{site}/threads/{thread}/submissions", create_submission, methods=["POST"]),
    Route("/api/v1/sites/{site}/threads/{thread}/submissions", preflight, methods=["OPTIONS"]),
    Route("/api/v1/submissions/{submission_id}/status", submission_status, methods=["GET"]),
    Route("/api/v1/submissions/{submission_id}/status", preflight, methods=["OPTIONS"]),
    Route("/api/v1/submissions/{submission_id}/reports", create_report, methods=["POST"]),
    Route("/api/v1/submissions/{submission_id}/reports", preflight, methods=["OPTIONS"]),
]
