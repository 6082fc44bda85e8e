"""Commenter e-mail: queued when a submission is decided, sent by the worker over SMTP with retries.

Configuration (environment): SAFEGUARD_SMTP_HOST (unset = no e-mail), SAFEGUARD_SMTP_PORT (587),
SAFEGUARD_SMTP_USER, SAFEGUARD_SMTP_PASSWORD, SAFEGUARD_SMTP_FROM, SAFEGUARD_SMTP_SECURITY
(starttls | ssl | none; default starttls on 587, ssl on 465, otherwise none).
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import hashlib
import hmac
import logging
import smtplib
import ssl
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from email.message import EmailMessage
from email.utils import formataddr, make_msgid
from typing import Any
from urllib.parse import quote

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from service.admin_webhooks import RetryPolicy, _claim
from service.models import Site, Submission, Thread, utcnow
from service.models_admin import Notification, SiteSettings, Unsubscribe

log = logging.getLogger("safeguard.notify")


@dataclass(frozen=True)
class SmtpConfig:
    host: str | None = None
    port: int = 587
    user: str | None = None
    password: str | None = None
    sender: str = "safeguard@localhost"
    security: str = "none"
    timeout: float = 20.0

    @property
    def enabled(self) -> bool:
        return bool(self.host)

    @classmethod
    def from_environ(cls, env: Mapping[str, str]) -> SmtpConfig:
        port_raw = env.get("SAFEGUARD_SMTP_PORT") or "587"
        if not port_raw.isdigit():
            raise ValueError(f"SAFEGUARD_SMTP_PORT={port_raw!r} is not a port number; use e.g. 587")
        port = int(port_raw)
        default = "starttls" if port == 587 else "ssl" if port == 465 else "none"
        security = (env.get("SAFEGUARD_SMTP_SECURITY") or default).lower()
        if security not in ("starttls", "ssl", "none"):
            raise ValueError(f"SAFEGUARD_SMTP_SECURITY={security!r} is not known; use starttls, ssl or none")
        return cls(host=env.get("SAFEGUARD_SMTP_HOST") or None, port=port,
                   user=env.get("SAFEGUARD_SMTP_USER") or None,
                   password=env.get("SAFEGUARD_SMTP_PASSWORD") or None,
                   sender=env.get("SAFEGUARD_SMTP_FROM") or "safeguard@localhost", security=security)


# --------------------------------------------------------------------------- unsubscribe tokens


def email_hash(secret_key: str, email: str) -> str:
    return hmac.new(secret_key.encode(), f"email:{email.strip().lower()}".encode(), hashlib.sha256).hexdigest()


def unsubscribe_token(secret_key: str, site_id: int, email: str) -> str:
    payload = f"{site_id}:{email.strip().lower()}"
    mac = hmac.new(secret_key.encode(), f"unsub:{payload}".encode(), hashlib.sha256).hexdigest()[:32]
    return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=") + "." + mac


def read_unsubscribe_token(secret_key: str, token: str) -> tuple[int, str] | None:
    try:
        raw, mac = token.rsplit(".", 1)
        payload = base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)).decode()
        site_raw, email = payload.split(":", 1)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        return None
    good = hmac.new(secret_key.encode(), f"unsub:{payload}".encode(), hashlib.sha256).hexdigest()[:32]
    if not hmac.compare_digest(good, mac) or not site_raw.isdigit():
        return None
    return int(site_raw), email


def unsubscribe_url(public_url: str, secret_key: str, site_id: int, email: str) -> str:
    return f"{public_url}/unsubscribe?t={quote(unsubscribe_token(secret_key, site_id, email))}"


async def unsubscribe(session: AsyncSession, secret_key: str, site_id: int, email: str) -> None:
    """No more e-mail from this site to this address: future sends and the pending ones stop."""
    digest = email_hash(secret_key, email)
    exists = (await session.execute(select(Unsubscribe.id).where(
        Unsubscribe.site_id == site_id, Unsubscribe.email_hash == digest))).first()
    if exists is None:
        session.add(Unsubscribe(site_id=site_id, email_hash=digest, created_at=utcnow()))
    await session.execute(update(Submission).where(Submission.site_id == site_id, Submission.email == email)
                          .values(notify=False).execution_options(synchronize_session=False))
    await session.execute(update(Notification).where(
        Notification.site_id == site_id, Notification.to_email == email, Notification.state == "pending")
        .values(state="cancelled").execution_options(synchronize_session=False))


async def _unsubscribed(session: AsyncSession, secret_key: str, site_id: int, email: str) -> bool:
    return (await session.execute(select(Unsubscribe.id).where(
        Unsubscribe.site_id == site_id, Unsubscribe.email_hash == email_hash(secret_key, email)))).first() is not None


# --------------------------------------------------------------------------- queueing


def _text(kind: str, author: str, title: str, url: str | None, site_name: str, notice: str | None,
          unsub: str) -> tuple[str, str]:
    where = f"\n\nRead it here: {url}" if url else ""
    if kind == "published":
        subject = f"Your comment on \u201c{title}\u201d is published"
        body = f"Hello {author},\n\nyour comment on \u201c{title}\u201d has been published.{where}"
    elif kind == "reply":
        subject = f"New reply to your comment on \u201c{title}\u201d"
        body = f"Hello {author},\n\nsomeone replied to your comment on \u201c{title}\u201d.{where}"
    else:
        subject = f"About your comment on \u201c{title}\u201d"
        body = f"Hello {author},\n\n{notice}"
    body += (f"\n\n-- \n{site_name}\nYou get this e-mail because you asked to be notified. "
             f"To stop all e-mail from {site_name}: {unsub}\n")
    return subject, body


async def queue_for_decisions(session: AsyncSession, events: list[dict[str, Any]], *, public_url: str,
                              secret_key: str) -> int:
    """E-mails owed for these decisions: published (and replies, if the site wants), or the site's
    rejection notice. Never anything for held, accepted or removed items."""
    wanted = [e for e in events if e["status"] in ("published", "rejected")]
    if not wanted:
        return 0
    rows = (await session.execute(
        select(Submission.id, Submission.status, Submission.site_id, Submission.email, Submission.notify,
               Submission.author, Submission.parent_id, Thread.title, Thread.url, Site.name,
               SiteSettings.notify_replies, SiteSettings.rejection_notice)
        .join(Thread, Thread.id == Submission.thread_id).join(Site, Site.id == Submission.site_id)
        .outerjoin(SiteSettings, SiteSettings.site_id == Submission.site_id)
        .where(Submission.id.in_([e["id"] for e in wanted])))).all()
    out: list[dict[str, Any]] = []
    now = utcnow()

    async def add(kind: str, sid: str, site_id: int, email: str, author: str, r: Any) -> None:
        if await _unsubscribed(session, secret_key, site_id, email):
            return
        unsub = unsubscribe_url(public_url, secret_key, site_id, email)
        subject, body = _text(kind, author, r.title, r.url, r.name, r.rejection_notice, unsub)
        out.append({"site_id": site_id, "submission_id": sid, "kind": kind, "to_email": email,
                    "subject": subject, "body": body, "unsubscribe_url": unsub, "state": "pending",
                    "attempts": 0, "next_attempt_at": now, "created_at": now})

    for r in rows:
        if r.status == "published":
            if r.email and r.notify:
                await add("published", r.id, r.site_id, r.email, r.author, r)
            if r.notify_replies and r.parent_id:
                parent = (await session.execute(select(Submission.email, Submission.notify, Submission.author)
                                                .where(Submission.id == r.parent_id))).first()
                if parent is not None and parent.email and parent.notify and parent.email != r.email:
                    await add("reply", r.id, r.site_id, parent.email, parent.author, r)
        elif r.status == "rejected" and r.rejection_notice and r.email and r.notify:
            await add("rejected", r.id, r.site_id, r.email, r.author, r)
    if not out:
        return 0
    # One e-mail per (submission, kind, address), however often the item is re-decided.
    existing = set((await session.execute(select(Notification.submission_id, Notification.kind,
                                                 Notification.to_email)
                                          .where(Notification.submission_id.in_([o["submission_id"] for o in out]))
                                          )).all())
    fresh = [o for o in out if (o["submission_id"], o["kind"], o["to_email"]) not in existing]
    if fresh:
        await session.execute(insert(Notification), fresh)
    return len(fresh)


# --------------------------------------------------------------------------- sending


def _message(cfg: SmtpConfig, n: Notification) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = formataddr(("Safeguard", cfg.sender)) if "<" not in cfg.sender else cfg.sender
    msg["To"] = n.to_email
    msg["Subject"] = n.subject
    msg["Message-ID"] = make_msgid(domain=cfg.sender.rsplit("@", 1)[-1].strip(">") or "localhost")
    msg["List-Unsubscribe"] = f"<{n.unsubscribe_url}>"
    msg["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    msg["Auto-Submitted"] = "auto-generated"
    msg.set_content(n.body)
    return msg


def smtp_send(cfg: SmtpConfig, msg: EmailMessage) -> None:
    assert cfg.host
    if cfg.security == "ssl":
        smtp: smtplib.SMTP = smtplib.SMTP_SSL(cfg.host, cfg.port, timeout=cfg.timeout,
                                              context=ssl.create_default_context())
    else:
        smtp = smtplib.SMTP(cfg.host, cfg.port, timeout=cfg.timeout)
    with smtp:
        if cfg.security == "starttls":
            smtp.starttls(context=ssl.create_default_context())
        if cfg.user:
            smtp.login(cfg.user, cfg.password or "")
        smtp.send_message(msg)


async def send_due(sessionmaker: async_sessionmaker[AsyncSession], cfg: SmtpConfig, retry: RetryPolicy,
                   secret_key: str, limit: int = 20) -> int:
    if not cfg.enabled:
        return 0
    async with sessionmaker() as session:
        ids = await _claim(session, Notification, limit, retry.lease_seconds)
        if not ids:
            return 0
        rows = list((await session.execute(select(Notification).where(Notification.id.in_(ids)))).scalars())
    for n in rows:
        values: dict[str, Any] = {"attempts": n.attempts + 1, "locked_until": None}
        async with sessionmaker() as session:
            stopped = await _unsubscribed(session, secret_key, n.site_id, n.to_email)
        if stopped:
            values["state"] = "cancelled"
        else:
            try:
                await asyncio.to_thread(smtp_send, cfg, _message(cfg, n))
                values.update(state="sent", sent_at=utcnow(), last_error=None)
            except Exception as exc:  # SMTP down, refused, timed out: retried later
                values["last_error"] = f"{type(exc).__name__}: {exc}"[:2000]
                if n.attempts + 1 >= retry.max_attempts:
                    values["state"] = "failed"
                else:
                    values["next_attempt_at"] = utcnow() + timedelta(seconds=retry.delay(n.attempts + 1))
        async with sessionmaker() as session:
            await session.execute(update(Notification).where(Notification.id == n.id).values(**values)
                                  .execution_options(synchronize_session=False))
            await session.commit()
    return len(rows)
