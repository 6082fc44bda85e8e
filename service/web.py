"""Browser sessions for the moderator and admin pages: login, cookies, CSRF, access checks.

API (shared by service/routes/moderator*.py and the owner-admin pages):

    user = await current_user(request)            -> UserCtx | None (cached on request.state)
    user = await require_user(request, role=None, site_id=None)
        raises LoginRequired (not logged in) or Forbidden (no membership / wrong role).
        role="owner" demands owner of site_id (or of any site when site_id is None).
    @page                                          decorator for handlers: LoginRequired -> 303 to
                                                   /login?next=..., Forbidden -> rendered 403 page,
                                                   adds security headers to every response.
    form = await read_form(request)                -> dict of str | list[str]; checks CSRF (raises
                                                   Forbidden) and the Origin header for POSTs.
    csrf_token(request) -> str                     token for the hidden field named CSRF_FIELD
    check_csrf(request, form) -> None              raises Forbidden when the token is wrong
    render(request, "dir/page.html", ctx, status=200)  TemplateResponse with user, csrf_token,
                                                   csrf_field and settings in the context.
    result = await authenticate(state, email, password)  -> LoginResult (slowdown + lockout)
    await login_response(request, user_id, next_url) -> RedirectResponse with the session cookie
    await logout_response(request)                 -> RedirectResponse clearing cookie + session

UserCtx has .id, .email, .name, .sites {site_id: SiteAccess(key, name, role)}, .site_ids,
.can_see(site_id), .is_owner(site_id=None), .actor ("user:ID:EMAIL" for audit events).
Session cookie: random token + HMAC(secret_key) signature, HttpOnly, SameSite=Lax, Secure when
SAFEGUARD_PUBLIC_URL is https; the server keeps only sha256(token) in web_sessions, so logout
really ends the session.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import timedelta
from functools import wraps
from typing import Any
from urllib.parse import quote, urlsplit

from sqlalchemy import delete, select, update
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from service.auth import hash_password, verify_password
from service.models import Membership, Site, User, utcnow
from service.models_moderation import WebSession
from service.state import AppState, state_of

SESSION_COOKIE = "sg_session"
PRE_COOKIE = "sg_pre"  # anonymous CSRF seed for the login form (login CSRF)
CSRF_FIELD = "csrf_token"
SESSION_HOURS = 12
# After this many wrong passwords the account is locked, for LOCK_BASE doubling each time.
LOCK_AFTER = 5
LOCK_BASE_SECONDS = 60
LOCK_MAX_SECONDS = 3600
# Each wrong password also slows the answer down a little (per account), capped.
SLOWDOWN_STEP_SECONDS = 0.1
SLOWDOWN_MAX_SECONDS = 1.0

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
    ),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}

_DUMMY_HASH: str | None = None


class LoginRequired(HTTPException):
    def __init__(self) -> None:
        super().__init__(401, "Log in to see this page.")


class Forbidden(HTTPException):
    def __init__(self, message: str = "You do not have access to this page.", status: int = 403) -> None:
        super().__init__(status, message)


@dataclass(frozen=True)
class SiteAccess:
    id: int
    key: str
    name: str
    role: str


@dataclass(frozen=True)
class UserCtx:
    id: int
    email: str
    display_name: str | None
    sites: dict[int, SiteAccess]
    session_id: str
    csrf: str

    @property
    def name(self) -> str:
        return self.display_name or self.email

    @property
    def site_ids(self) -> list[int]:
        return sorted(self.sites)

    @property
    def actor(self) -> str:
        return f"user:{self.id}:{self.email}"

    def can_see(self, site_id: int | None) -> bool:
        return site_id is not None and site_id in self.sites

    def is_owner(self, site_id: int | None = None) -> bool:
        if site_id is None:
            return any(a.role == "owner" for a in self.sites.values())
        access = self.sites.get(site_id)
        return access is not None and access.role == "owner"


@dataclass(frozen=True)
class LoginResult:
    user_id: int | None
    error: str | None = None
    locked_seconds: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


# --------------------------------------------------------------------------- signing


def _sign(secret: str, value: str) -> str:
    mac = hmac.new(secret.encode(), value.encode(), hashlib.sha256).hexdigest()
    return f"{value}.{mac}"


def _unsign(secret: str, signed: str | None) -> str | None:
    if not signed or "." not in signed:
        return None
    value, mac = signed.rsplit(".", 1)
    good = hmac.new(secret.encode(), value.encode(), hashlib.sha256).hexdigest()
    return value if hmac.compare_digest(mac, good) else None


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def secure_cookies(state: AppState) -> bool:
    return state.settings.public_url.startswith("https://")


# --------------------------------------------------------------------------- current user


async def current_user(request: Request) -> UserCtx | None:
    """The logged-in user of this request, or None; looked up once per request."""
    if hasattr(request.state, "sg_user"):
        return request.state.sg_user  # type: ignore[no-any-return]
    user = await _load_user(request)
    request.state.sg_user = user
    return user


async def _load_user(request: Request) -> UserCtx | None:
    st = state_of(request)
    token = _unsign(st.settings.secret_key, request.cookies.get(SESSION_COOKIE))
    if token is None:
        return None
    sid = _digest(token)
    now = utcnow()
    async with st.sessionmaker() as session:
        row = (
            await session.execute(
                select(WebSession, User)
                .join(User, User.id == WebSession.user_id)
                .where(WebSession.id == sid, WebSession.revoked == 0)
            )
        ).first()
        if row is None:
            return None
        web, user = row
        if web.expires_at <= now or user.disabled:
            return None
        members = (
            await session.execute(
                select(Membership.site_id, Membership.role, Site.key, Site.name)
                .join(Site, Site.id == Membership.site_id)
                .where(Membership.user_id == user.id)
            )
        ).all()
    sites = {m.site_id: SiteAccess(m.site_id, m.key, m.name, m.role) for m in members}
    return UserCtx(user.id, user.email, user.display_name, sites, sid, web.csrf)


async def require_user(request: Request, role: str | None = None, site_id: int | None = None) -> UserCtx:
    """The logged-in user, who must belong to site_id (and be its owner when role="owner")."""
    user = await current_user(request)
    if user is None:
        raise LoginRequired()
    if site_id is not None and not user.can_see(site_id):
        raise Forbidden("You are not a member of this site.")
    if role == "owner" and not user.is_owner(site_id):
        raise Forbidden("Only a site owner can do this.")
    if not user.sites:
        raise Forbidden("Your account is not a member of any site yet; ask a site owner to add you.")
    return user


# --------------------------------------------------------------------------- CSRF


def csrf_token(request: Request) -> str:
    """The token to put in every state-changing form (hidden field CSRF_FIELD)."""
    user = getattr(request.state, "sg_user", None)
    if user is not None:
        return user.csrf  # type: ignore[no-any-return]
    st = state_of(request)
    seed = getattr(request.state, "sg_pre", None) or _unsign(st.settings.secret_key, request.cookies.get(PRE_COOKIE))
    if seed is None:
        seed = secrets.token_urlsafe(16)
        request.state.sg_pre_new = seed
    request.state.sg_pre = seed
    return hmac.new(st.settings.secret_key.encode(), f"pre:{seed}".encode(), hashlib.sha256).hexdigest()


def check_csrf(request: Request, form: dict[str, Any]) -> None:
    token = form.get(CSRF_FIELD)
    if not isinstance(token, str) or not token:
        raise Forbidden("This form has expired or was not sent from this site (no CSRF token); "
                        "reload the page and try again.")
    user = getattr(request.state, "sg_user", None)
    if user is not None:
        expected = user.csrf
    else:
        st = state_of(request)
        seed = _unsign(st.settings.secret_key, request.cookies.get(PRE_COOKIE))
        if seed is None:
            raise Forbidden("Your browser did not keep the login form's cookie; enable cookies and reload.")
        expected = hmac.new(st.settings.secret_key.encode(), f"pre:{seed}".encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(token, expected):
        raise Forbidden("This form has expired or was not sent from this site (bad CSRF token); "
                        "reload the page and try again.")


def _check_origin(request: Request) -> None:
    origin = request.headers.get("origin")
    if origin is None:
        return
    allowed = {state_of(request).settings.public_origin, f"{request.url.scheme}://{request.url.netloc}"}
    if origin not in allowed:
        raise Forbidden(f"Form posts from {origin} are not accepted here.")


async def read_form(request: Request) -> dict[str, Any]:
    """The posted form as a dict (repeated names become lists), after the CSRF and Origin checks."""
    await current_user(request)
    _check_origin(request)
    form = await request.form()
    out: dict[str, Any] = {}
    for key in form:
        values = [v for v in form.getlist(key) if isinstance(v, str)]
        out[key] = values if len(values) > 1 else (values[0] if values else "")
    check_csrf(request, out)
    return out


def form_list(form: dict[str, Any], name: str) -> list[str]:
    value = form.get(name)
    if value is None or value == "":
        return []
    return value if isinstance(value, list) else [value]


# --------------------------------------------------------------------------- login / logout


def _lock_seconds(failures: int) -> int:
    if failures < LOCK_AFTER:
        return 0
    return int(min(LOCK_MAX_SECONDS, LOCK_BASE_SECONDS * 2 ** (failures - LOCK_AFTER)))


async def authenticate(state: AppState, email: str, password: str) -> LoginResult:
    """Check a password; wrong ones slow the next answers down and lock the account after
    LOCK_AFTER in a row (the lock doubles each further failure, up to an hour)."""
    global _DUMMY_HASH
    email = email.strip().lower()
    now = utcnow()
    async with state.sessionmaker() as session:
        user = (await session.execute(select(User).where(User.email == email))).scalar_one_or_none()
        if user is None or user.disabled:
            # Same work as a real check, so timing does not tell which emails have accounts.
            if _DUMMY_HASH is None:
                _DUMMY_HASH = await asyncio.to_thread(hash_password, secrets.token_hex(8))
            await asyncio.to_thread(verify_password, _DUMMY_HASH, password)
            await asyncio.sleep(SLOWDOWN_STEP_SECONDS)
            return LoginResult(None, "That email and password do not match an account.")
        if user.locked_until is not None and user.locked_until > now:
            wait = int((user.locked_until - now).total_seconds()) + 1
            return LoginResult(None, _locked_message(wait), locked_seconds=wait)
        ok = await asyncio.to_thread(verify_password, user.password_hash, password)
        if ok:
            await session.execute(update(User).where(User.id == user.id)
                                  .values(failed_logins=0, locked_until=None))
            await session.commit()
            return LoginResult(user.id)
        failures = (user.failed_logins or 0) + 1
        lock = _lock_seconds(failures)
        await session.execute(
            update(User).where(User.id == user.id).values(
                failed_logins=User.failed_logins + 1,
                locked_until=now + timedelta(seconds=lock) if lock else None,
            )
        )
        await session.commit()
    await asyncio.sleep(min(SLOWDOWN_MAX_SECONDS, SLOWDOWN_STEP_SECONDS * failures))
    if lock:
        return LoginResult(None, _locked_message(lock), locked_seconds=lock)
    return LoginResult(None, "That email and password do not match an account.")


def _locked_message(seconds: int) -> str:
    minutes = max(1, (seconds + 59) // 60)
    unit = "minute" if minutes == 1 else "minutes"
    return (f"Too many wrong passwords: this account is locked for {minutes} {unit}. "
            "Try again later, or ask a site owner to reset your password.")


def safe_next(url: str | None, default: str = "/moderate") -> str:
    """Only same-site paths: an open redirect after login would help phishing."""
    if not url or not url.startswith("/") or url.startswith("//") or "\\" in url:
        return default
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return default
    return url


async def login_response(request: Request, user_id: int, next_url: str | None = None) -> Response:
    st = state_of(request)
    token = secrets.token_urlsafe(32)
    now = utcnow()
    ip = request.client.host if request.client else None
    async with st.sessionmaker() as session:
        # Expired sessions are useless; clearing them here keeps the table small without a job.
        await session.execute(delete(WebSession).where(WebSession.expires_at < now))
        session.add(WebSession(id=_digest(token), user_id=user_id, csrf=secrets.token_urlsafe(32),
                               created_at=now, expires_at=now + timedelta(hours=SESSION_HOURS),
                               ip=ip, revoked=0))
        await session.commit()
    response = RedirectResponse(safe_next(next_url), status_code=303)
    response.set_cookie(SESSION_COOKIE, _sign(st.settings.secret_key, token), max_age=SESSION_HOURS * 3600,
                        path="/", httponly=True, samesite="lax", secure=secure_cookies(st))
    response.delete_cookie(PRE_COOKIE, path="/")
    return response


async def logout_response(request: Request) -> Response:
    st = state_of(request)
    user = await current_user(request)
    if user is not None:
        async with st.sessionmaker() as session:
            await session.execute(update(WebSession).where(WebSession.id == user.session_id).values(revoked=1))
            await session.commit()
    response = RedirectResponse("/login?out=1", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="lax", secure=secure_cookies(st))
    return response


# --------------------------------------------------------------------------- rendering


def render(request: Request, template: str, context: dict[str, Any] | None = None,
           status: int = 200, headers: dict[str, str] | None = None) -> Response:
    templates = request.app.state.templates
    ctx = dict(context or {})
    ctx.setdefault("user", getattr(request.state, "sg_user", None))
    ctx.setdefault("csrf_token", csrf_token(request))
    ctx.setdefault("csrf_field", CSRF_FIELD)
    ctx.setdefault("settings", state_of(request).settings)
    response: Response = templates.TemplateResponse(request, template, ctx, status_code=status,
                                                    headers=headers)
    return _finish(request, response)


def _finish(request: Request, response: Response) -> Response:
    for key, value in SECURITY_HEADERS.items():
        response.headers.setdefault(key, value)
    seed = getattr(request.state, "sg_pre_new", None)
    if seed is not None:
        st = state_of(request)
        response.set_cookie(PRE_COOKIE, _sign(st.settings.secret_key, seed), max_age=3600, path="/",
                            httponly=True, samesite="lax", secure=secure_cookies(st))
    return response


Handler = Callable[[Request], Awaitable[Response]]


def page(handler: Handler) -> Handler:
    """Wrap a page handler: not logged in -> login page; no access -> a 403/404 page."""

    @wraps(handler)
    async def wrapped(request: Request) -> Response:
        try:
            response = await handler(request)
        except LoginRequired:
            if request.method == "GET":
                target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
                response = RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)
            else:
                response = RedirectResponse("/login", status_code=303)
        except Forbidden as exc:
            response = render(request, "moderator/error.html",
                              {"status": exc.status_code, "message": exc.detail}, status=exc.status_code)
        return _finish(request, response)

    return wrapped
