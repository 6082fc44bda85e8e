"""Owner admin pages under /admin/ (login session + CSRF from service.web): same operations as the API."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from functools import wraps
from typing import Any

from sqlalchemy import select
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from moderation.types import TOXICITY_LABELS
from service import admin_apikeys as apikeys
from service import admin_dataprotection as dp
from service import admin_exports as exports
from service import admin_members as members
from service import admin_sites as sites
from service import admin_webhooks as webhooks
from service.admin_runtime import allow_private
from service.models import MEMBER_ROLES, THREAD_KINDS, Site, Thread
from service.models_admin import WEBHOOK_EVENTS
from service.routes.admin_api import Ctx, try_policy_result
from service.routes.admin_ops import export_csv, export_json, summary_svg
from service.state import state_of
from service.validation import InputError
from service.web import Forbidden, form_list, page, read_form, render, require_user

UiHandler = Callable[[Ctx], Awaitable[Response]]
TABS = (("", "Site"), ("/policy", "Policy"), ("/threads", "Threads"), ("/keys", "API keys"),
        ("/webhooks", "Webhooks"), ("/members", "People"), ("/privacy", "Data protection"))


def owner_page(handler: UiHandler) -> Callable[[Request], Awaitable[Response]]:
    """Logged in, and owner of the site in the path; runs the handler in one transaction."""

    @page
    @wraps(handler)
    async def wrapped(request: Request) -> Response:
        user = await require_user(request)
        key = request.path_params["site"]
        site_id = next((sid for sid, a in user.sites.items() if a.key == key), None)
        if site_id is None:
            raise Forbidden(f"You are not a member of site {key!r}.", status=404)
        await require_user(request, role="owner", site_id=site_id)
        st = state_of(request)
        async with st.sessionmaker() as session:
            site = await session.get(Site, site_id)
            if site is None:
                raise Forbidden("This site no longer exists.", status=404)
            try:
                response = await handler(Ctx(request, st, session, site, user.actor))
            except InputError as exc:
                raise Forbidden(exc.message, status=exc.status) from None
            await session.commit()
        return response

    return wrapped


def show(ctx: Ctx, template: str, values: dict[str, Any], status: int = 200) -> Response:
    base = ctx.request.url.path.split("/")
    return render(ctx.request, f"admin/{template}", {
        "site": ctx.site, "tabs": TABS, "site_base": f"/admin/{ctx.site.key}",
        "here": "/" + "/".join(base[3:4]) if len(base) > 3 else "", **values}, status=status)


def errors_of(exc: InputError) -> dict[str, str]:
    return {e["field"]: e["message"] for e in exc.errors} or {"form": exc.message}


def back(ctx: Ctx, path: str = "", note: str | None = None) -> Response:
    target = f"/admin/{ctx.site.key}{path}" + (f"?done={note}" if note else "")
    return RedirectResponse(target, status_code=303)


def _number(raw: Any) -> Any:
    """Form text to a number where it is one; otherwise pass it on so validation names the field."""
    if not isinstance(raw, str) or not raw.strip():
        return None
    try:
        value = float(raw)
    except ValueError:
        return raw
    return int(value) if value.is_integer() and "." not in raw else value


def _lines(raw: Any) -> list[str]:
    return [line.strip() for line in str(raw or "").splitlines() if line.strip()]


@page
async def index(request: Request) -> Response:
    user = await require_user(request)
    owned = [a for a in user.sites.values() if a.role == "owner"]
    if not owned:
        raise Forbidden("Only site owners can use the admin pages.")
    if len(owned) == 1:
        return RedirectResponse(f"/admin/{owned[0].key}", status_code=303)
    return render(request, "admin/index.html", {"owned": sorted(owned, key=lambda a: a.name)})


# --------------------------------------------------------------------------- site settings


async def site_view(ctx: Ctx, errors: dict[str, str] | None = None, form: dict[str, Any] | None = None) -> Response:
    data = sites.site_dict(ctx.site, await sites.site_settings(ctx.session, ctx.site.id))
    return show(ctx, "site.html", {"data": data, "errors": errors or {}, "form": form,
                                   "done": ctx.request.query_params.get("done")}, status=422 if errors else 200)


async def site_save(ctx: Ctx) -> Response:
    form = await read_form(ctx.request)
    data = {"name": form.get("name", ""), "origins": _lines(form.get("origins")),
            "retention_days": _number(form.get("retention_days")),
            "notify_replies": form.get("notify_replies") == "on",
            "rejection_notice": str(form.get("rejection_notice") or "").strip() or None}
    try:
        await sites.update_site(ctx.session, ctx.site, data, ctx.actor)
    except InputError as exc:
        return await site_view(ctx, errors_of(exc), form)
    ctx.state.directory.forget()
    return back(ctx, "", "saved")


# --------------------------------------------------------------------------- policy


def _policy_from_form(form: dict[str, Any]) -> dict[str, Any]:
    hold = {label: _number(form.get(f"hold_{label}")) for label in TOXICITY_LABELS}
    reject = {label: _number(form.get(f"reject_{label}")) for label in TOXICITY_LABELS}
    return {
        "mode": form.get("mode"),
        "child_data_hold": _number(form.get("child_data_hold")),
        "toxicity_hold": {k: v for k, v in hold.items() if v is not None},
        "toxicity_reject": {k: v for k, v in reject.items() if v is not None},
        "hold_links": form.get("hold_links") == "on",
        "premoderate_first_time": form.get("premoderate_first_time") == "on",
        "max_length": _number(form.get("max_length")),
        "banned_words": _lines(form.get("banned_words")),
        "suspect_words": _lines(form.get("suspect_words")),
    }


async def policy_view(ctx: Ctx, errors: dict[str, str] | None = None, form: dict[str, Any] | None = None,
                      tried: dict[str, Any] | None = None, try_text: str = "") -> Response:
    return show(ctx, "policy.html", {
        "policy": sites.effective_policy(ctx.site).to_dict(), "labels": TOXICITY_LABELS, "errors": errors or {},
        "form": form, "tried": tried, "try_text": try_text, "done": ctx.request.query_params.get("done"),
        "history": await sites.policy_history(ctx.session, ctx.site, limit=20),
        "modes": ("hold_flagged", "premoderate", "postmoderate")}, status=422 if errors else 200)


async def policy_save(ctx: Ctx) -> Response:
    form = await read_form(ctx.request)
    try:
        new = sites.replaced_policy(_policy_from_form(form))
    except InputError as exc:
        return await policy_view(ctx, errors_of(exc), form)
    await sites.save_policy(ctx.session, ctx.site, new, ctx.actor, via="admin page")
    return back(ctx, "/policy", "saved")


async def policy_try(ctx: Ctx) -> Response:
    form = await read_form(ctx.request)
    text = str(form.get("text") or "")
    data: dict[str, Any] = {"text": text}
    if form.get("use_form") == "on":
        data["policy"] = _policy_from_form(form)
    try:
        result = await try_policy_result(ctx, data)
    except InputError as exc:
        return await policy_view(ctx, errors_of(exc), form if "policy" in data else None, try_text=text)
    result["marked"] = _marked(text, result["spans"])
    return await policy_view(ctx, None, form if "policy" in data else None, tried=result, try_text=text)


def _marked(text: str, spans: list[dict[str, Any]]) -> list[tuple[str, str | None]]:
    """The text cut into (piece, kind-or-None) so the template can <mark> flagged runs safely."""
    out: list[tuple[str, str | None]] = []
    pos = 0
    for span in sorted(spans, key=lambda s: s["start"]):
        if span["start"] < pos:
            continue
        out.append((text[pos:span["start"]], None))
        out.append((text[span["start"]:span["end"]], str(span["kind"])))
        pos = span["end"]
    out.append((text[pos:], None))
    return [piece for piece in out if piece[0]]


# --------------------------------------------------------------------------- threads


async def threads_view(ctx: Ctx, errors: dict[str, str] | None = None, form: dict[str, Any] | None = None) -> Response:
    rows = (await ctx.session.execute(select(Thread).where(Thread.site_id == ctx.site.id)
                                      .order_by(Thread.created_at.desc()).limit(500))).scalars()
    return show(ctx, "threads.html", {"threads": [sites.thread_dict(t) for t in rows], "errors": errors or {},
                                      "form": form, "kinds": THREAD_KINDS,
                                      "done": ctx.request.query_params.get("done")},
                status=422 if errors else 200)


def _thread_from_form(form: dict[str, Any], new: bool) -> dict[str, Any]:
    questions: list[Any] = []
    for line in _lines(form.get("questions")):
        qid, sep, text = line.partition("|")
        questions.append({"id": qid.strip(), "text": text.strip()} if sep else line)
    data: dict[str, Any] = {
        "kind": form.get("kind"), "title": form.get("title", ""),
        "url": str(form.get("url") or "").strip() or None,
        "intro": str(form.get("intro") or "").strip() or None,
        "opens_at": str(form.get("opens_at") or "").strip() or None,
        "closes_at": str(form.get("closes_at") or "").strip() or None,
        "questions": questions, "publish_responses": form.get("publish_responses") == "on",
    }
    raw = str(form.get("policy_overrides") or "").strip()
    if raw:
        try:
            data["policy_overrides"] = json.loads(raw)
        except ValueError:
            data["policy_overrides"] = "not JSON"
    else:
        data["policy_overrides"] = {}
    if new:
        data["key"] = str(form.get("key") or "").strip()
    return data


async def thread_create(ctx: Ctx) -> Response:
    form = await read_form(ctx.request)
    try:
        thread = await sites.create_thread(ctx.session, ctx.site, _thread_from_form(form, True), ctx.actor)
    except InputError as exc:
        return await threads_view(ctx, errors_of(exc), form)
    ctx.state.directory.forget()
    return back(ctx, f"/threads/{thread.key}", "created")


async def thread_view(ctx: Ctx, errors: dict[str, str] | None = None, form: dict[str, Any] | None = None) -> Response:
    thread = await ctx.thread()
    summary = await exports.summary(ctx.session, thread)
    return show(ctx, "thread.html", {"t": sites.thread_dict(thread), "summary": summary, "errors": errors or {},
                                     "form": form, "kinds": THREAD_KINDS,
                                     "done": ctx.request.query_params.get("done")},
                status=422 if errors else 200)


async def thread_save(ctx: Ctx) -> Response:
    form = await read_form(ctx.request)
    thread = await ctx.thread()
    try:
        await sites.update_thread(ctx.session, ctx.site, thread, _thread_from_form(form, False), ctx.actor)
    except InputError as exc:
        return await thread_view(ctx, errors_of(exc), form)
    ctx.state.directory.forget()
    return back(ctx, f"/threads/{thread.key}", "saved")


# --------------------------------------------------------------------------- keys, webhooks, people


async def keys_view(ctx: Ctx, created: dict[str, Any] | None = None, errors: dict[str, str] | None = None) -> Response:
    rows = [apikeys.key_dict(k) for k in await apikeys.list_keys(ctx.session, ctx.site.id)]
    return show(ctx, "keys.html", {"keys": rows, "created": created, "errors": errors or {}},
                status=422 if errors else 200)


async def key_create(ctx: Ctx) -> Response:
    form = await read_form(ctx.request)
    name = str(form.get("name") or "").strip()
    if not name or len(name) > 100:
        return await keys_view(ctx, errors={"name": "Give the key a label of 1 to 100 characters, e.g. CMS."})
    row, plain = await apikeys.create_key(ctx.session, ctx.site.id, name, ctx.actor)
    await ctx.session.commit()
    return await keys_view(ctx, created={"name": row.name, "key": plain})


async def key_revoke(ctx: Ctx) -> Response:
    await read_form(ctx.request)
    raw = ctx.request.path_params["key_id"]
    if await apikeys.revoke_key(ctx.session, ctx.site.id, int(raw)) is None:
        raise Forbidden("No such API key on this site.", status=404)
    return back(ctx, "/keys")


async def hooks_view(ctx: Ctx, created: dict[str, Any] | None = None, errors: dict[str, str] | None = None,
                     form: dict[str, Any] | None = None) -> Response:
    hooks = []
    for row in await webhooks.list_webhooks(ctx.session, ctx.site.id):
        hooks.append({**webhooks.webhook_dict(row),
                      "deliveries": [webhooks.delivery_dict(d)
                                     for d in await webhooks.recent_deliveries(ctx.session, row.id, limit=10)]})
    return show(ctx, "webhooks.html", {"hooks": hooks, "created": created, "errors": errors or {}, "form": form,
                                       "events": WEBHOOK_EVENTS}, status=422 if errors else 200)


async def hook_create(ctx: Ctx) -> Response:
    form = await read_form(ctx.request)
    data = {"url": str(form.get("url") or "").strip(), "events": form_list(form, "events"),
            "description": str(form.get("description") or "").strip() or None}
    try:
        row, secret = await webhooks.create_webhook(ctx.session, ctx.site.id, data, ctx.state.settings.secret_key,
                                                    allow_private(ctx.state.extras))
    except InputError as exc:
        return await hooks_view(ctx, errors=errors_of(exc), form=form)
    await ctx.session.commit()
    return await hooks_view(ctx, created={"url": row.url, "secret": secret})


async def hook_action(ctx: Ctx) -> Response:
    await read_form(ctx.request)
    row = await webhooks.get_webhook(ctx.session, ctx.site.id, ctx.request.path_params["webhook_id"])
    if ctx.request.path_params["action"] == "delete":
        await ctx.session.delete(row)
    elif ctx.request.path_params["action"] == "ping":
        await webhooks.queue_ping(ctx.session, row)
        await ctx.session.commit()
        outbox = ctx.state.extras.get("outbox")
        if outbox is not None:
            outbox.wake()
    else:
        raise Forbidden("Unknown webhook action.", status=404)
    return back(ctx, "/webhooks")


async def members_view(ctx: Ctx, errors: dict[str, str] | None = None, form: dict[str, Any] | None = None) -> Response:
    return show(ctx, "members.html", {"members": await members.list_members(ctx.session, ctx.site.id),
                                      "roles": MEMBER_ROLES, "errors": errors or {}, "form": form,
                                      "done": ctx.request.query_params.get("done")},
                status=422 if errors else 200)


async def member_add(ctx: Ctx) -> Response:
    form = await read_form(ctx.request)
    data = {"email": form.get("email"), "role": form.get("role"), "password": form.get("password") or None}
    try:
        await members.add_member(ctx.session, ctx.site, data, ctx.actor)
    except InputError as exc:
        return await members_view(ctx, errors_of(exc), form)
    return back(ctx, "/members", "saved")


async def member_remove(ctx: Ctx) -> Response:
    await read_form(ctx.request)
    try:
        await members.remove_member(ctx.session, ctx.site, ctx.request.path_params["member_id"], ctx.actor)
    except InputError as exc:
        if exc.status == 404:
            raise
        return await members_view(ctx, errors_of(exc))
    return back(ctx, "/members", "removed")


# --------------------------------------------------------------------------- data protection


async def privacy_view(ctx: Ctx, errors: dict[str, str] | None = None, form: dict[str, Any] | None = None,
                       result: dict[str, Any] | None = None) -> Response:
    settings = await sites.site_settings(ctx.session, ctx.site.id)
    return show(ctx, "privacy.html", {"errors": errors or {}, "form": form, "result": result,
                                      "retention_days": settings.retention_days}, status=422 if errors else 200)


async def privacy_action(ctx: Ctx) -> Response:
    form = await read_form(ctx.request)
    action = ctx.request.path_params["action"]
    try:
        if action == "export":
            email, _ = dp.check_email_request({"email": form.get("email")}, with_mode=False)
            data = await dp.export_commenter(ctx.session, ctx.site.id, email)
            return Response(json.dumps(data, indent=2), media_type="application/json",
                            headers={"Content-Disposition": 'attachment; filename="commenter-data.json"'})
        if action == "erase":
            if form.get("confirm") != "on":
                return await privacy_view(ctx, {"confirm": "Tick the box to confirm: this cannot be undone."}, form)
            email, mode = dp.check_email_request({"email": form.get("email"), "mode": form.get("mode")},
                                                 with_mode=True)
            result = await dp.erase_commenter(ctx.session, ctx.site.id, email, mode, ctx.actor)
            await ctx.session.commit()
            if result["threads"]:
                await ctx.state.invalidator.published(set(result["threads"]))
            return await privacy_view(ctx, result={"mode": mode, "submissions": result["submissions"]})
        if action == "retention":
            lines = await dp.run_retention(ctx.session, site_id=ctx.site.id, actor=ctx.actor)
            await ctx.session.commit()
            return await privacy_view(ctx, result={"retention": lines})
    except InputError as exc:
        return await privacy_view(ctx, errors_of(exc), form)
    raise Forbidden("Unknown action.", status=404)


def ui_routes() -> list[Route]:
    base = "/admin/{site}"

    def r(path: str, handler: UiHandler, method: str = "GET") -> Route:
        return Route(base + path, owner_page(handler), methods=[method])

    return [
        Route("/admin", index, methods=["GET"]),
        r("", site_view), r("", site_save, "POST"),
        r("/policy", policy_view), r("/policy", policy_save, "POST"), r("/policy/try", policy_try, "POST"),
        r("/threads", threads_view), r("/threads", thread_create, "POST"),
        r("/threads/{thread}", thread_view), r("/threads/{thread}", thread_save, "POST"),
        r("/threads/{thread}/export.csv", export_csv), r("/threads/{thread}/export.json", export_json),
        r("/threads/{thread}/summary.svg", summary_svg),
        r("/keys", keys_view), r("/keys", key_create, "POST"), r("/keys/{key_id:int}/revoke", key_revoke, "POST"),
        r("/webhooks", hooks_view), r("/webhooks", hook_create, "POST"),
        r("/webhooks/{webhook_id}/{action}", hook_action, "POST"),
        r("/members", members_view), r("/members", member_add, "POST"),
        r("/members/{member_id}/remove", member_remove, "POST"),
        r("/privacy", privacy_view), r("/privacy/{action}", privacy_action, "POST"),
    ]
