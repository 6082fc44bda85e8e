"""Moderator pages beyond the queue: dashboard, audit log (+ CSV) and owners' user management."""

from __future__ import annotations

from sqlalchemy import select
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import BaseRoute, Route

from service.models import MEMBER_ROLES, Membership, Site, User, utcnow
from service.moderation_queries import REASON_TITLES, QueryError
from service.moderation_stats import (
    DASHBOARD_DAYS,
    AuditFilter,
    audit_csv,
    audit_page,
    duration_label,
    site_dashboard,
)
from service.routes.moderator_charts import daily_chart, reason_chart
from service.state import state_of
from service.web import Forbidden, UserCtx, _finish, page, read_form, render, require_user

AUDIT_ACTIONS = ("approve", "reject", "remove", "restore", "dismiss_reports", "decide")


def _scope(user: UserCtx, site_key: str | None) -> tuple[int, ...]:
    if not site_key:
        return tuple(user.site_ids)
    for sid, access in user.sites.items():
        if access.key == site_key:
            return (sid,)
    raise Forbidden(f"You are not a member of site {site_key!r}.", status=404)


@page
async def dashboard(request: Request) -> Response:
    user = await require_user(request)
    scope = _scope(user, request.query_params.get("site"))
    st = state_of(request)
    boards = []
    async with st.sessionmaker() as session:
        sites = (await session.execute(select(Site).where(Site.id.in_(scope)).order_by(Site.name))).scalars()
        for site in sites:
            board = await site_dashboard(session, site)
            boards.append({
                "b": board,
                "median": duration_label(board.median_seconds),
                "p95": duration_label(board.p95_seconds),
                "daily": daily_chart(board.by_day, f"Decisions per day on {site.name}, last {DASHBOARD_DAYS} days"),
                "reasons": reason_chart(board.by_reason, {**REASON_TITLES, "none": "No flag (reported)"},
                                        f"Decisions by reason held on {site.name}, last {DASHBOARD_DAYS} days"),
            })
    return render(request, "moderator/dashboard.html", {"boards": boards, "days": DASHBOARD_DAYS,
                                                         "reason_titles": REASON_TITLES})


def _audit_filter(user: UserCtx, request: Request) -> AuditFilter:
    action = request.query_params.get("action") or None
    if action is not None and action not in AUDIT_ACTIONS:
        raise QueryError(f"action must be one of {', '.join(AUDIT_ACTIONS)}")
    return AuditFilter(site_ids=_scope(user, request.query_params.get("site")), action=action,
                       moderators_only=action is None, before=request.query_params.get("before") or None)


@page
async def audit_view(request: Request) -> Response:
    user = await require_user(request)
    try:
        flt = _audit_filter(user, request)
        async with state_of(request).sessionmaker() as session:
            events, older = await audit_page(session, flt)
    except QueryError as exc:
        return render(request, "moderator/error.html", {"status": 422, "message": str(exc)}, status=422)
    params = {k: v for k, v in request.query_params.items() if k in ("site", "action") and v}
    return render(request, "moderator/audit.html", {"events": events, "older": older, "params": params,
                                                     "actions": AUDIT_ACTIONS})


@page
async def audit_export(request: Request) -> Response:
    user = await require_user(request)
    try:
        flt = _audit_filter(user, request)
    except QueryError as exc:
        return render(request, "moderator/error.html", {"status": 422, "message": str(exc)}, status=422)
    st = state_of(request)

    async def rows():  # type: ignore[no-untyped-def]
        async with st.sessionmaker() as session:
            async for chunk in audit_csv(session, flt):
                yield chunk

    name = f"safeguard-audit-{utcnow():%Y%m%d-%H%M}.csv"
    return _finish(request, StreamingResponse(rows(), media_type="text/csv; charset=utf-8",
                                              headers={"Content-Disposition": f'attachment; filename="{name}"'}))


# --------------------------------------------------------------------------- users (owners)


async def _members(request: Request, user: UserCtx) -> list[dict[str, object]]:
    owned = [sid for sid in user.site_ids if user.is_owner(sid)]
    async with state_of(request).sessionmaker() as session:
        rows = (await session.execute(
            select(User.email, User.locked_until, User.disabled, Membership.role, Site.key, Site.name)
            .join(Membership, Membership.user_id == User.id)
            .join(Site, Site.id == Membership.site_id)
            .where(Membership.site_id.in_(owned))
            .order_by(Site.key, User.email))).all()
    now = utcnow()
    return [{"email": r.email, "role": r.role, "site": r.key, "site_name": r.name,
             "locked": r.locked_until is not None and r.locked_until > now, "disabled": r.disabled}
            for r in rows]


@page
async def users_view(request: Request) -> Response:
    user = await require_user(request, role="owner")
    return render(request, "moderator/users.html", {
        "members": await _members(request, user), "roles": MEMBER_ROLES,
        "owned": [a for a in user.sites.values() if a.role == "owner"],
        "created": request.query_params.get("created"),
    })


@page
async def users_create(request: Request) -> Response:
    from service.cli import CommandError, add_user

    user = await require_user(request, role="owner")
    form = await read_form(request)
    email = str(form.get("email", "")).strip().lower()
    password = str(form.get("password", ""))
    role = str(form.get("role", ""))
    site_key = str(form.get("site", ""))
    owned = {a.key: a for a in user.sites.values() if a.role == "owner"}
    errors: dict[str, str] = {}
    if "@" not in email or len(email) > 320:
        errors["email"] = "Enter the person's email address, like name@example.org."
    if len(password) < 10:
        errors["password"] = "Use at least 10 characters for the first password."
    if role not in MEMBER_ROLES:
        errors["role"] = "Choose owner or moderator."
    if site_key not in owned:
        errors["site"] = "Choose one of the sites you own."
    if not errors:
        async with state_of(request).sessionmaker() as session:
            try:
                await add_user(session, email, password, role, [site_key])
                await session.commit()
            except CommandError as exc:
                errors["email"] = str(exc)
    if errors:
        return render(request, "moderator/users.html", {
            "members": await _members(request, user), "roles": MEMBER_ROLES, "owned": list(owned.values()),
            "errors": errors, "form": {"email": email, "role": role, "site": site_key},
        }, status=422)
    from starlette.responses import RedirectResponse

    return RedirectResponse(f"/moderate/users?created={email}", status_code=303)


routes: list[BaseRoute] = [
    Route("/moderate/dashboard", dashboard, methods=["GET"]),
    Route("/moderate/audit", audit_view, methods=["GET"]),
    Route("/moderate/audit.csv", audit_export, methods=["GET"]),
    Route("/moderate/users", users_view, methods=["GET"]),
    Route("/moderate/users", users_create, methods=["POST"]),
]
