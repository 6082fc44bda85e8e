"""Admin JSON API, continued: evidence export, webhooks, data protection; the unsubscribe page."""

from __future__ import annotations

from html import escape

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from service import admin_dataprotection as dp
from service import admin_exports as exports
from service import admin_members as members
from service import admin_notify as notify
from service import admin_webhooks as webhooks
from service.admin_runtime import allow_private
from service.routes.admin_api import PREFIX, Ctx, Handler, api
from service.state import state_of


def _filename(ctx: Ctx, ext: str) -> str:
    name = f"{ctx.site.key}-{ctx.request.path_params['thread']}"
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in name)
    return f'attachment; filename="{safe}-responses.{ext}"'


async def export_csv(ctx: Ctx) -> Response:
    thread = await ctx.thread()
    return StreamingResponse(exports.csv_stream(ctx.state.sessionmaker, thread), media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition": _filename(ctx, "csv"), "Cache-Control": "no-store"})


async def export_json(ctx: Ctx) -> Response:
    thread = await ctx.thread()
    return StreamingResponse(exports.json_stream(ctx.state.sessionmaker, thread, ctx.site.key),
                             media_type="application/json",
                             headers={"Content-Disposition": _filename(ctx, "json"), "Cache-Control": "no-store"})


async def summary(ctx: Ctx) -> Response:
    return JSONResponse(await exports.summary(ctx.session, await ctx.thread()))


async def summary_svg(ctx: Ctx) -> Response:
    data = await exports.summary(ctx.session, await ctx.thread())
    svg = exports.svg_chart(data["per_day"], f"Responses per day: {data['title']}")
    return Response(svg, media_type="image/svg+xml", headers={"Cache-Control": "no-store"})


# --------------------------------------------------------------------------- webhooks


async def list_hooks(ctx: Ctx) -> Response:
    rows = await webhooks.list_webhooks(ctx.session, ctx.site.id)
    return JSONResponse({"items": [webhooks.webhook_dict(w) for w in rows]})


async def create_hook(ctx: Ctx) -> Response:
    row, secret = await webhooks.create_webhook(ctx.session, ctx.site.id, await ctx.json(),
                                                ctx.state.settings.secret_key, allow_private(ctx.state.extras))
    return JSONResponse({**webhooks.webhook_dict(row), "secret": secret,
                         "note": "Store this signing secret now: it is shown only once."}, status_code=201)


async def delete_hook(ctx: Ctx) -> Response:
    row = await webhooks.get_webhook(ctx.session, ctx.site.id, ctx.request.path_params["webhook_id"])
    await ctx.session.delete(row)
    return Response(status_code=204)


async def hook_deliveries(ctx: Ctx) -> Response:
    row = await webhooks.get_webhook(ctx.session, ctx.site.id, ctx.request.path_params["webhook_id"])
    items = await webhooks.recent_deliveries(ctx.session, row.id)
    return JSONResponse({"webhook": webhooks.webhook_dict(row), "items": [webhooks.delivery_dict(d) for d in items]})


async def ping_hook(ctx: Ctx) -> Response:
    row = await webhooks.get_webhook(ctx.session, ctx.site.id, ctx.request.path_params["webhook_id"])
    did = await webhooks.queue_ping(ctx.session, row)
    await ctx.session.commit()
    outbox = ctx.state.extras.get("outbox")
    if outbox is not None:
        outbox.wake()
    return JSONResponse({"delivery": did, "state": "pending"}, status_code=202)


# --------------------------------------------------------------------------- data protection


async def erase(ctx: Ctx) -> Response:
    email, mode = dp.check_email_request(await ctx.json(), with_mode=True)
    result = await dp.erase_commenter(ctx.session, ctx.site.id, email, mode, ctx.actor)
    await ctx.session.commit()
    if result["threads"]:
        await ctx.state.invalidator.published(set(result["threads"]))
    return JSONResponse({"mode": mode, "submissions": result["submissions"]})


async def export_commenter(ctx: Ctx) -> Response:
    email, _ = dp.check_email_request(await ctx.json(), with_mode=False)
    data = await dp.export_commenter(ctx.session, ctx.site.id, email)
    return JSONResponse(data, headers={"Content-Disposition": 'attachment; filename="commenter-data.json"',
                                       "Cache-Control": "no-store"})


async def retention_run(ctx: Ctx) -> Response:
    results = await dp.run_retention(ctx.session, site_id=ctx.site.id, actor=ctx.actor)
    return JSONResponse({"items": results})


# --------------------------------------------------------------------------- members


async def list_members(ctx: Ctx) -> Response:
    return JSONResponse({"items": await members.list_members(ctx.session, ctx.site.id)})


async def add_member(ctx: Ctx) -> Response:
    return JSONResponse(await members.add_member(ctx.session, ctx.site, await ctx.json(), ctx.actor),
                        status_code=201)


async def remove_member(ctx: Ctx) -> Response:
    await members.remove_member(ctx.session, ctx.site, ctx.request.path_params["member_id"], ctx.actor)
    return Response(status_code=204)


# --------------------------------------------------------------------------- unsubscribe (public)

_PAGE = ("<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
         "<meta name='viewport' content='width=device-width'></head><body style='font-family:sans-serif;"
         "max-width:36rem;margin:3rem auto;padding:0 1rem'><h1>{title}</h1>{body}</body></html>")


def _page(title: str, body: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(_PAGE.format(title=escape(title), body=body), status_code=status,
                        headers={"Cache-Control": "no-store", "Referrer-Policy": "no-referrer",
                                 "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
                                 "form-action 'self'"})


async def unsubscribe(request: Request) -> Response:
    st = state_of(request)
    token = request.query_params.get("t", "")
    if request.method == "POST" and not token:
        token = str((await request.form()).get("t", ""))
    found = notify.read_unsubscribe_token(st.settings.secret_key, token)
    if found is None:
        return _page("Link not recognised", "<p>This unsubscribe link is incomplete or was changed. "
                     "Copy the whole link from the e-mail.</p>", status=400)
    site_id, email = found
    if request.method == "GET":
        # Mail scanners follow links: a GET only asks, the POST (button or one-click) unsubscribes.
        return _page("Stop e-mail from this site?", f"<p>Stop all notification e-mail to "
                     f"<strong>{escape(email)}</strong>?</p><form method='post'><input type='hidden' "
                     f"name='t' value='{escape(token)}'><button>Unsubscribe</button></form>")
    async with st.sessionmaker() as session:
        await notify.unsubscribe(session, st.settings.secret_key, site_id, email)
        await session.commit()
    return _page("Unsubscribed", f"<p>{escape(email)} will get no more e-mail from this site.</p>")


def ops_routes() -> list[Route]:
    def r(path: str, handler: Handler, method: str) -> Route:
        return Route(PREFIX + path, api(handler), methods=[method])

    return [
        r("/threads/{thread}/export.csv", export_csv, "GET"),
        r("/threads/{thread}/export.json", export_json, "GET"),
        r("/threads/{thread}/summary", summary, "GET"),
        r("/threads/{thread}/summary.svg", summary_svg, "GET"),
        r("/webhooks", list_hooks, "GET"),
        r("/webhooks", create_hook, "POST"),
        r("/webhooks/{webhook_id}", delete_hook, "DELETE"),
        r("/webhooks/{webhook_id}/deliveries", hook_deliveries, "GET"),
        r("/webhooks/{webhook_id}/ping", ping_hook, "POST"),
        r("/commenters/erase", erase, "POST"),
        r("/commenters/export", export_commenter, "POST"),
        r("/retention/run", retention_run, "POST"),
        r("/members", list_members, "GET"),
        r("/members", add_member, "POST"),
        r("/members/{member_id}", remove_member, "DELETE"),
        Route("/unsubscribe", unsubscribe, methods=["GET", "POST"]),
    ]
