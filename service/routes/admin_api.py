"""Admin JSON API (Authorization: Bearer <site API key>): sites, threads, policies, keys."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from moderation.policy import Policy, decide
from service import admin_apikeys as apikeys
from service import admin_sites as sites
from service.models import Site, Thread
from service.routes.public import error_response
from service.state import AppState, state_of
from service.validation import InputError, parse_json

PREFIX = "/api/v1/admin/sites/{site}"
MAX_BODY = 200_000


@dataclass
class Ctx:
    """What an admin operation needs, whoever asked (API key or logged-in owner)."""

    request: Request
    state: AppState
    session: AsyncSession
    site: Site
    actor: str

    async def json(self) -> Any:
        body = await self.request.body()
        if len(body) > MAX_BODY:
            raise InputError(413, f"The request body is larger than {MAX_BODY} bytes.", code="too_large")
        return parse_json(body)

    async def thread(self) -> Thread:
        key = self.request.path_params["thread"]
        thread = await sites.get_thread(self.session, self.site, key)
        if thread is None:
            raise InputError(404, f"No thread {key!r} on site {self.site.key!r}.", code="not_found")
        return thread


Handler = Callable[[Ctx], Awaitable[Response]]


async def key_identity(request: Request, st: AppState) -> apikeys.KeyIdentity:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    challenge = {"WWW-Authenticate": 'Bearer realm="safeguard-admin"'}
    if scheme.lower() != "bearer" or not token.strip():
        raise InputError(401, "Send a site API key as `Authorization: Bearer sgk_...`; an owner "
                         "creates one with `safeguard apikey create SITE` or in the admin pages.",
                         code="unauthorized", headers=challenge)
    async with st.sessionmaker() as session:
        ident = await apikeys.authenticate(session, token.strip())
    if ident is None:
        raise InputError(401, "This API key is unknown or has been revoked; ask the site owner for a "
                         "new one.", code="unauthorized", headers=challenge)
    site = request.path_params.get("site")
    if site is not None and site != ident.site_key:
        raise InputError(403, f"This API key belongs to site {ident.site_key!r}, not {site!r}.",
                         code="forbidden")
    return ident


def api(handler: Handler) -> Callable[[Request], Awaitable[Response]]:
    """Authenticate the key, open a session, run the operation, commit only if it succeeded."""

    @wraps(handler)
    async def wrapped(request: Request) -> Response:
        st = state_of(request)
        try:
            ident = await key_identity(request, st)
            async with st.sessionmaker() as session:
                site = await session.get(Site, ident.site_id)
                if site is None:
                    raise InputError(404, "This key's site no longer exists.", code="not_found")
                response = await handler(Ctx(request, st, session, site, ident.actor))
                await session.commit()
        except InputError as exc:
            return error_response(exc)
        return response

    return wrapped


def changed(ctx: Ctx) -> None:
    # Widget look-ups are cached per process; drop them so the change shows at once here.
    ctx.state.directory.forget()


# --------------------------------------------------------------------------- site and policy


async def get_site(ctx: Ctx) -> Response:
    return JSONResponse(sites.site_dict(ctx.site, await sites.site_settings(ctx.session, ctx.site.id)))


async def patch_site(ctx: Ctx) -> Response:
    await sites.update_site(ctx.session, ctx.site, await ctx.json(), ctx.actor)
    changed(ctx)
    return await get_site(ctx)


async def get_policy(ctx: Ctx) -> Response:
    return JSONResponse(sites.effective_policy(ctx.site).to_dict())


async def put_policy(ctx: Ctx) -> Response:
    new = sites.replaced_policy(await ctx.json())
    await sites.save_policy(ctx.session, ctx.site, new, ctx.actor)
    return JSONResponse(new)


async def patch_policy(ctx: Ctx) -> Response:
    new = sites.merged_policy(ctx.site, await ctx.json())
    await sites.save_policy(ctx.session, ctx.site, new, ctx.actor)
    return JSONResponse(new)


async def policy_history(ctx: Ctx) -> Response:
    return JSONResponse({"items": await sites.policy_history(ctx.session, ctx.site)})


async def try_policy_result(ctx: Ctx, data: Any) -> dict[str, Any]:
    """Score a pasted comment under a policy and say what would happen; nothing is stored."""
    if not isinstance(data, dict):
        raise sites.invalid([{"field": "body", "message": "expected a JSON object"}])
    text = data.get("text")
    errors = []
    if not isinstance(text, str) or not text.strip():
        errors.append({"field": "text", "message": "required: the comment to try"})
    elif len(text) > ctx.state.settings.max_text_chars:
        errors.append({"field": "text", "message": f"at most {ctx.state.settings.max_text_chars} characters"})
    if errors:
        raise sites.invalid(errors)
    policy: Policy = sites.effective_policy(ctx.site)
    if data.get("policy") is not None:
        policy = Policy.from_dict(sites.replaced_policy(data["policy"]))
    if data.get("thread"):
        thread = await sites.get_thread(ctx.session, ctx.site, str(data["thread"]))
        if thread is None:
            raise sites.invalid([{"field": "thread", "message": "no such thread on this site"}])
        if thread.policy_overrides:
            policy = policy.with_overrides(thread.policy_overrides)
    moderator = ctx.state.pipeline.moderator
    assessment = (await asyncio.to_thread(moderator.assess_batch, [str(text)]))[0]
    decision = decide(assessment, policy, first_time=bool(data.get("first_time", False)))
    spans = [s.to_dict() for s in assessment.child_data.spans]
    spans += [s.to_dict() for s in assessment.toxicity_spans]
    return {
        "decision": decision.status,
        "reasons": [r.to_dict() for r in decision.reasons],
        "spans": sorted(spans, key=lambda s: (s["start"], s["end"])),
        "toxicity": {k: round(v, 4) for k, v in assessment.toxicity.items()},
        "child_score": round(assessment.child_data.score, 4),
        "explanation": assessment.child_data.explanation,
        "text": text,
        "stored": False,
    }


async def try_policy(ctx: Ctx) -> Response:
    return JSONResponse(await try_policy_result(ctx, await ctx.json()))


async def get_wordlists(ctx: Ctx) -> Response:
    policy = sites.effective_policy(ctx.site)
    return JSONResponse({"banned": list(policy.banned_words), "suspect": list(policy.suspect_words)})


async def post_wordlists(ctx: Ctx) -> Response:
    return JSONResponse(await sites.apply_wordlist(ctx.session, ctx.site, await ctx.json(), ctx.actor))


# --------------------------------------------------------------------------- threads


async def list_threads(ctx: Ctx) -> Response:
    rows = await ctx.session.execute(
        select(Thread).where(Thread.site_id == ctx.site.id).order_by(Thread.created_at.desc(), Thread.id.desc())
        .limit(1000))
    return JSONResponse({"items": [sites.thread_dict(t) for t in rows.scalars()]})


async def create_thread(ctx: Ctx) -> Response:
    thread = await sites.create_thread(ctx.session, ctx.site, await ctx.json(), ctx.actor)
    changed(ctx)
    return JSONResponse(sites.thread_dict(thread), status_code=201,
                        headers={"Location": f"/api/v1/admin/sites/{ctx.site.key}/threads/{thread.key}"})


async def get_thread(ctx: Ctx) -> Response:
    return JSONResponse(sites.thread_dict(await ctx.thread()))


async def patch_thread(ctx: Ctx) -> Response:
    thread = await sites.update_thread(ctx.session, ctx.site, await ctx.thread(), await ctx.json(), ctx.actor)
    changed(ctx)
    return JSONResponse(sites.thread_dict(thread))


# --------------------------------------------------------------------------- API keys


async def list_keys(ctx: Ctx) -> Response:
    return JSONResponse({"items": [apikeys.key_dict(k) for k in await apikeys.list_keys(ctx.session, ctx.site.id)]})


async def create_key(ctx: Ctx) -> Response:
    data = await ctx.json()
    name = data.get("name") if isinstance(data, dict) else None
    if not isinstance(name, str) or not name.strip() or len(name) > 100:
        raise sites.invalid([{"field": "name", "message": "required: a label of 1 to 100 characters, e.g. 'CMS'"}])
    row, plain = await apikeys.create_key(ctx.session, ctx.site.id, str(name).strip(), ctx.actor)
    return JSONResponse({**apikeys.key_dict(row), "key": plain,
                         "note": "Store this key now: it is shown only once."}, status_code=201)


async def revoke_key(ctx: Ctx) -> Response:
    raw = ctx.request.path_params["key_id"]
    row = await apikeys.revoke_key(ctx.session, ctx.site.id, int(raw)) if raw.isdigit() else None
    if row is None:
        raise InputError(404, "No API key with that id on this site.", code="not_found")
    return JSONResponse(apikeys.key_dict(row))


def site_routes() -> list[Route]:
    def r(path: str, handler: Handler, method: str) -> Route:
        return Route(PREFIX + path, api(handler), methods=[method])

    return [
        r("", get_site, "GET"),
        r("", patch_site, "PATCH"),
        r("/policy", get_policy, "GET"),
        r("/policy", put_policy, "PUT"),
        r("/policy", patch_policy, "PATCH"),
        r("/policy/history", policy_history, "GET"),
        r("/policy/try", try_policy, "POST"),
        r("/wordlists", get_wordlists, "GET"),
        r("/wordlists", post_wordlists, "POST"),
        r("/threads", list_threads, "GET"),
        r("/threads", create_thread, "POST"),
        r("/threads/{thread}", get_thread, "GET"),
        r("/threads/{thread}", patch_thread, "PATCH"),
        r("/keys", list_keys, "GET"),
        r("/keys", create_key, "POST"),
        r("/keys/{key_id}", revoke_key, "DELETE"),
    ]
