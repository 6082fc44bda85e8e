"""Moderator pages: login, review queues, item view and decisions (thin HTTP handlers)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qsl, urlencode

from sqlalchemy import select
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from moderation.types import TOXICITY_LABELS
from service.models import THREAD_KINDS, Thread
from service.moderation_actions import (
    ACTION_DONE,
    ACTIONS,
    REJECT_REASONS,
    ActionRefused,
    NotVisible,
    bulk,
    decide,
    default_selected,
)
from service.moderation_queries import (
    QUEUE_TITLES,
    QUEUES,
    REASON_FILTERS,
    REASON_TITLES,
    QueryError,
    QueueFilter,
    actor_label,
    claim,
    count_label,
    held_reason_counts,
    highlight_segments,
    item_detail,
    neighbours,
    queue_counts,
    queue_page,
    release,
)
from service.pipeline import scored_text
from service.ratelimit import client_hash
from service.routes import moderator_pages
from service.state import state_of
from service.validation import ID_RE
from service.web import (
    Forbidden,
    UserCtx,
    authenticate,
    current_user,
    form_list,
    login_response,
    logout_response,
    page,
    read_form,
    render,
    require_user,
    safe_next,
)

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
CONTEXT_KEYS = ("queue", "site", "thread", "kind", "reason", "order")
KIND_LABELS = {
    "child_name": "child's name", "age": "age", "date_of_birth": "date of birth", "school": "school",
    "address": "address", "location": "location", "contact": "contact details",
    "case_reference": "case reference", "care_status": "care status", "health_or_sen": "health or SEN",
    "abuse_or_exploitation": "abuse or exploitation", "identity_attack": "identity attack",
    "severe_toxicity": "severe toxicity",
}


# --------------------------------------------------------------------------- login


async def login_form(request: Request) -> Response:
    if await current_user(request) is not None:
        return RedirectResponse(safe_next(request.query_params.get("next")), status_code=303)
    return render(request, "moderator/login.html", {
        "next": safe_next(request.query_params.get("next")),
        "signed_out": request.query_params.get("out") == "1",
    })


async def login_submit(request: Request) -> Response:
    try:
        form = await read_form(request)
    except Forbidden as exc:
        return render(request, "moderator/login.html", {"error": exc.detail, "next": "/moderate"}, status=403)
    email = str(form.get("email", "")).strip()
    password = str(form.get("password", ""))
    next_url = safe_next(str(form.get("next", "")))
    errors = {}
    if not email:
        errors["email"] = "Enter your email address."
    if not password:
        errors["password"] = "Enter your password."
    if errors:
        return render(request, "moderator/login.html",
                      {"errors": errors, "email": email, "next": next_url}, status=422)
    st = state_of(request)
    ip = request.client.host if request.client else "unknown"
    # Per network as well as per account: guessing across many accounts is slowed down too.
    wait = await st.limiter.hit(f"login:{client_hash(st.settings.secret_key, ip)}")
    if wait > 0:
        seconds = max(1, int(wait + 0.999))
        return render(request, "moderator/login.html",
                      {"error": f"Too many login attempts from your network; wait {seconds} seconds and try again.",
                       "email": email, "next": next_url}, status=429, headers={"Retry-After": str(seconds)})
    result = await authenticate(st, email, password)
    if result.user_id is None:
        return render(request, "moderator/login.html",
                      {"error": result.error, "email": email, "next": next_url},
                      status=429 if result.locked_seconds else 401,
                      headers={"Retry-After": str(result.locked_seconds)} if result.locked_seconds else None)
    return await login_response(request, result.user_id, next_url)


@page
async def logout(request: Request) -> Response:
    await read_form(request)
    return await logout_response(request)


# --------------------------------------------------------------------------- queues


def _site_scope(user: UserCtx, site_key: str | None) -> tuple[int, ...]:
    if not site_key:
        return tuple(user.site_ids)
    for sid, access in user.sites.items():
        if access.key == site_key:
            return (sid,)
    raise Forbidden(f"You are not a moderator of site {site_key!r}.", status=404)


def _filter(user: UserCtx, params: dict[str, str], queue: str) -> QueueFilter:
    if queue not in QUEUES:
        raise Forbidden(f"There is no queue {queue!r}; use one of {', '.join(QUEUES)}.", status=404)
    thread = params.get("thread") or None
    if thread is not None and not thread.isdigit():
        raise QueryError("thread must be chosen from the list")
    kind = params.get("kind") or None
    if kind is not None and kind not in THREAD_KINDS:
        raise QueryError(f"kind must be one of {', '.join(THREAD_KINDS)}")
    reason = params.get("reason") or None
    if reason is not None and reason not in REASON_FILTERS:
        raise QueryError(f"reason must be one of {', '.join(REASON_FILTERS)}")
    return QueueFilter(
        queue=queue, site_ids=_site_scope(user, params.get("site") or None),
        thread_id=int(thread) if thread else None, kind=kind, reason=reason,
        newest_first=params.get("order") == "newest",
        after=params.get("after") or None, before=params.get("before") or None,
    )


def _context(params: dict[str, str], queue: str) -> dict[str, str]:
    ctx = {k: params[k] for k in CONTEXT_KEYS if params.get(k)}
    ctx["queue"] = queue
    return ctx


@page
async def home(request: Request) -> Response:
    await require_user(request)
    return RedirectResponse("/moderate/queue/held", status_code=303)


@page
async def queue_view(request: Request) -> Response:
    user = await require_user(request)
    queue = request.path_params["queue"]
    params = dict(request.query_params)
    st = state_of(request)
    try:
        flt = _filter(user, params, queue)
    except QueryError as exc:
        return render(request, "moderator/error.html", {"status": 422, "message": str(exc)}, status=422)
    async with st.sessionmaker() as session:
        try:
            result = await queue_page(session, flt)
        except QueryError as exc:
            return render(request, "moderator/error.html", {"status": 422, "message": str(exc)}, status=422)
        counts = await queue_counts(session, flt.site_ids)
        reasons = await held_reason_counts(session, flt.site_ids) if queue == "held" else {}
        threads = (await session.execute(
            select(Thread.id, Thread.title, Thread.site_id).where(Thread.site_id.in_(user.site_ids))
            .order_by(Thread.title).limit(500))).all()
    ctx = _context(params, queue)
    return render(request, "moderator/queue.html", {
        "queue": queue, "queue_titles": QUEUE_TITLES, "page": result, "counts": counts,
        "count_label": count_label, "reason_counts": reasons, "reason_filters": REASON_FILTERS,
        "reason_titles": REASON_TITLES, "threads": threads, "kinds": THREAD_KINDS, "params": params,
        "ctx": ctx, "ctx_qs": urlencode(ctx), "filter_qs": urlencode({k: v for k, v in ctx.items() if k != "queue"}),
        "chip_qs": urlencode({k: v for k, v in ctx.items() if k not in ("queue", "reason")}),
        "reject_reasons": REJECT_REASONS, "done": _done_message(params), "now_user": user,
    })


def _done_message(params: dict[str, str]) -> str | None:
    done = params.get("done")
    if done == "bulk":
        n, refused = params.get("n", "0"), params.get("refused", "0")
        msg = f"{n} item(s) decided."
        if refused not in ("", "0"):
            msg += f" {refused} could not be: someone else decided or is reviewing them."
        return msg
    return ACTION_DONE.get(done or "")


# --------------------------------------------------------------------------- item


def _ctx_from(params: dict[str, str]) -> dict[str, str]:
    ctx = {k: params[k] for k in CONTEXT_KEYS if params.get(k)}
    if ctx.get("queue") not in QUEUES:
        ctx["queue"] = "held"
    return ctx


async def _item_page(request: Request, user: UserCtx, item_id: str, ctx: dict[str, str], *,
                     error: str | None = None, status: int = 200, done: str | None = None) -> Response:
    st = state_of(request)
    if not ID_RE.match(item_id):
        raise Forbidden("No such item.", status=404)
    async with st.sessionmaker() as session:
        detail = await item_detail(session, item_id)
        if detail is None or not user.can_see(detail.sub.site_id):
            # Same answer for "missing" and "another site's": ids are not confirmed to outsiders.
            raise Forbidden("No such item, or it is on a site you do not moderate.", status=404)
        holder = detail.sub.claimed_by
        if detail.sub.status in ("held", "published", "removed", "rejected", "accepted"):
            holder = await claim(session, item_id, user.id)
            detail = await item_detail(session, item_id) or detail
        try:
            flt = _filter(user, ctx, ctx.get("queue", "held"))
            prev_id, next_id = await neighbours(session, flt, item_id)
        except (QueryError, Forbidden):
            prev_id, next_id = None, None
    sub = detail.sub
    document = scored_text(sub.raw_text, sub.answers)
    spans = list(sub.spans or [])
    questions = {q.get("id"): q.get("text") for q in (detail.thread.questions or []) if isinstance(q, dict)}
    return render(request, "moderator/item.html", {
        "d": detail, "sub": sub, "segments": highlight_segments(document, spans), "spans": spans,
        "preselected": set(default_selected(spans)), "kind_labels": KIND_LABELS,
        "toxicity": [(label, (sub.toxicity or {}).get(label)) for label in TOXICITY_LABELS],
        "reasons": sub.reasons or [], "reject_reasons": REJECT_REASONS, "questions": questions,
        "held_by_other": holder is not None and holder != user.id, "holder": detail.claim_holder,
        "prev_id": prev_id, "next_id": next_id, "ctx": ctx, "ctx_qs": urlencode(ctx),
        "error": error, "done": ACTION_DONE.get(done or ""), "actor_label": actor_label,
        "reason_titles": REASON_TITLES,
    }, status=status)


@page
async def item_view(request: Request) -> Response:
    user = await require_user(request)
    params = dict(request.query_params)
    return await _item_page(request, user, request.path_params["item_id"], _ctx_from(params),
                            done=params.get("done"))


@page
async def item_action(request: Request) -> Response:
    user = await require_user(request)
    form = await read_form(request)
    item_id, action = request.path_params["item_id"], request.path_params["action"]
    if action not in (*ACTIONS, "release") or not ID_RE.match(item_id):
        raise Forbidden("No such action.", status=404)
    ctx = _ctx_from(dict(parse_qsl(str(form.get("ctx", "")))))
    st = state_of(request)
    if action == "release":
        async with st.sessionmaker() as session:
            await release(session, item_id, user.id)
        queue = ctx.pop("queue")
        return RedirectResponse(f"/moderate/queue/{queue}?{urlencode(ctx)}", status_code=303)
    expected = str(form.get("expected_status") or form.get(f"seen_{item_id}") or "") or None
    selected = [int(v) for v in form_list(form, "spans") if v.isdigit()]
    try:
        await decide(st, user, item_id, action, expected_status=expected,
                     reason=str(form.get("reason") or "") or None, note=str(form.get("note") or ""),
                     selected=selected)
    except NotVisible:
        raise Forbidden("No such item, or it is on a site you do not moderate.", status=404) from None
    except ActionRefused as exc:
        return await _item_page(request, user, item_id, ctx, error=exc.message, status=exc.status)
    if form.get("stay"):
        return RedirectResponse(f"/moderate/items/{item_id}?{urlencode({**ctx, 'done': action})}", status_code=303)
    next_id = None
    if form.get("return") != "queue":  # from the item page, go on to the next item
        async with st.sessionmaker() as session:
            try:
                _, next_id = await neighbours(session, _filter(user, ctx, ctx["queue"]), item_id)
            except (QueryError, Forbidden):
                next_id = None
    if next_id:
        return RedirectResponse(f"/moderate/items/{next_id}?{urlencode({**ctx, 'done': action})}", status_code=303)
    queue = ctx.pop("queue")
    return RedirectResponse(f"/moderate/queue/{queue}?{urlencode({**ctx, 'done': action})}", status_code=303)


@page
async def bulk_action(request: Request) -> Response:
    user = await require_user(request)
    form = await read_form(request)
    ids = [i for i in form_list(form, "ids") if ID_RE.match(i)]
    seen = {i: str(form.get(f"seen_{i}", "")) for i in ids if form.get(f"seen_{i}")}
    ctx = _ctx_from(dict(parse_qsl(str(form.get("ctx", "")))))
    queue = ctx.pop("queue")
    try:
        result = await bulk(state_of(request), user, ids, str(form.get("action", "")), seen=seen,
                            reason=str(form.get("reason") or "") or None, note=str(form.get("note") or ""))
    except ActionRefused as exc:
        return render(request, "moderator/error.html", {"status": exc.status, "message": exc.message,
                                                        "back": f"/moderate/queue/{queue}?{urlencode(ctx)}"},
                      status=exc.status)
    query = urlencode({**ctx, "done": "bulk", "n": len(result.done), "refused": len(result.refused)})
    return RedirectResponse(f"/moderate/queue/{queue}?{query}", status_code=303)


def _static() -> list[BaseRoute]:
    return [Mount("/static", app=StaticFiles(directory=STATIC_DIR), name="static")] if STATIC_DIR.is_dir() else []


routes: list[BaseRoute] = [
    Route("/login", login_form, methods=["GET"]),
    Route("/login", login_submit, methods=["POST"]),
    Route("/logout", logout, methods=["POST"]),
    Route("/moderate", home, methods=["GET"]),
    Route("/moderate/queue/{queue}", queue_view, methods=["GET"]),
    Route("/moderate/bulk", bulk_action, methods=["POST"]),
    Route("/moderate/items/{item_id}", item_view, methods=["GET"]),
    Route("/moderate/items/{item_id}/{action}", item_action, methods=["POST"]),
    *moderator_pages.routes,
    *_static(),
]

