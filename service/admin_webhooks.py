"""Webhooks: signed POSTs of moderation events, queued in the database and retried with backoff."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import ipaddress
import json
import logging
import random
import secrets
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import delete, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from service.models import Site, Submission, Thread, utcnow
from service.models_admin import WEBHOOK_EVENTS, Webhook, WebhookDelivery
from service.validation import InputError

log = logging.getLogger("safeguard.webhooks")

STATUS_EVENTS = {"held": "submission.held", "published": "submission.published",
                 "rejected": "submission.rejected"}
SIGNATURE_HEADER = "Safeguard-Signature"
RESPONSE_KEEP = 2000


@dataclass(frozen=True)
class RetryPolicy:
    base_seconds: float = 30.0
    max_seconds: float = 3600.0
    max_attempts: int = 12
    lease_seconds: float = 60.0
    timeout_seconds: float = 10.0
    # Production refuses webhooks to loopback, private and link-local addresses (cloud metadata
    # endpoints, internal services): an owner's URL must not become a way into the network.
    allow_private: bool = True

    def delay(self, attempts: int) -> float:
        """Exponential backoff with a little jitter, so a recovering receiver is not stampeded."""
        raw = min(self.max_seconds, self.base_seconds * 2 ** max(0, attempts - 1))
        return raw * random.uniform(1.0, 1.1)


def secret_for(secret_key: str, salt: str) -> str:
    """The webhook's signing secret; only the salt is stored, so a database dump does not reveal it."""
    mac = hmac.new(secret_key.encode(), f"webhook:{salt}".encode(), hashlib.sha256).hexdigest()
    return f"whsec_{mac}"


def signature(secret: str, timestamp: int, body: bytes) -> str:
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={mac}"


def verify_signature(secret: str, header: str, body: bytes, tolerance: float = 300.0,
                     now: float | None = None) -> bool:
    """What a receiver does: recompute the HMAC and refuse stale timestamps (replays)."""
    try:
        parts = dict(p.split("=", 1) for p in header.split(","))
        stamp = int(parts["t"])
    except (ValueError, KeyError):
        return False
    if abs((now or time.time()) - stamp) > tolerance:
        return False
    expected = signature(secret, stamp, body).split("v1=", 1)[1]
    return hmac.compare_digest(expected, parts.get("v1", ""))


def _private_host(host: str) -> bool:
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith((".localhost", ".local", ".internal")):
        return True
    try:
        return not ipaddress.ip_address(host).is_global
    except ValueError:
        return False  # a name: checked again when it is resolved at send time


def validate_webhook(data: Any, allow_private: bool = True) -> tuple[str, list[str], str | None]:
    from service.admin_sites import invalid

    if not isinstance(data, dict):
        raise invalid([{"field": "body", "message": "expected a JSON object"}])
    errors: list[dict[str, str]] = []
    url = data.get("url")
    parts = urlsplit(url) if isinstance(url, str) else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname or len(str(url)) > 2000:
        errors.append({"field": "url", "message": "required: the http(s) address that receives the events"})
    elif not allow_private and (parts.scheme != "https" or _private_host(parts.hostname)):
        errors.append({"field": "url", "message": "use an https address on the public internet; private, "
                       "loopback and local addresses are refused"})
    events = data.get("events", list(WEBHOOK_EVENTS))
    if not isinstance(events, list) or not events:
        errors.append({"field": "events", "message": f"a non-empty list of: {', '.join(WEBHOOK_EVENTS)}"})
        events = []
    for i, event in enumerate(events):
        if event not in WEBHOOK_EVENTS:
            errors.append({"field": f"events[{i}]",
                           "message": f"unknown event {event!r}; use {', '.join(WEBHOOK_EVENTS)}"})
    description = data.get("description")
    if description is not None and (not isinstance(description, str) or len(description) > 200):
        errors.append({"field": "description", "message": "text of at most 200 characters"})
    for extra in sorted(set(data) - {"url", "events", "description"}):
        errors.append({"field": extra, "message": "unknown field; use url, events and description"})
    if errors:
        raise invalid(errors)
    return str(url), list(dict.fromkeys(events)), description


def webhook_dict(row: Webhook) -> dict[str, Any]:
    return {"id": row.id, "url": row.url, "events": list(row.events), "description": row.description,
            "active": row.active, "created_at": row.created_at.isoformat()}


def delivery_dict(row: WebhookDelivery) -> dict[str, Any]:
    return {
        "id": row.id, "event": row.event, "state": row.state, "attempts": row.attempts,
        "next_attempt_at": row.next_attempt_at.isoformat() if row.state == "pending" else None,
        "last_status": row.last_status, "last_response": row.last_response, "last_error": row.last_error,
        "created_at": row.created_at.isoformat(),
        "delivered_at": row.delivered_at.isoformat() if row.delivered_at else None,
        "body": row.body,
    }


async def create_webhook(session: AsyncSession, site_id: int, data: Any, secret_key: str,
                         allow_private: bool = True) -> tuple[Webhook, str]:
    url, events, description = validate_webhook(data, allow_private)
    row = Webhook(site_id=site_id, url=url, events=events, description=description,
                  salt=secrets.token_hex(16), active=True, created_at=utcnow())
    session.add(row)
    await session.flush()
    return row, secret_for(secret_key, row.salt)


async def get_webhook(session: AsyncSession, site_id: int, raw_id: str) -> Webhook:
    row = await session.get(Webhook, int(raw_id)) if raw_id.isdigit() else None
    if row is None or row.site_id != site_id:
        raise InputError(404, "No webhook with that id on this site.", code="not_found")
    return row


async def list_webhooks(session: AsyncSession, site_id: int) -> list[Webhook]:
    return list((await session.execute(
        select(Webhook).where(Webhook.site_id == site_id).order_by(Webhook.id))).scalars())


async def recent_deliveries(session: AsyncSession, webhook_id: int, limit: int = 50) -> list[WebhookDelivery]:
    return list((await session.execute(
        select(WebhookDelivery).where(WebhookDelivery.webhook_id == webhook_id)
        .order_by(WebhookDelivery.created_at.desc(), WebhookDelivery.id.desc()).limit(limit))).scalars())


# --------------------------------------------------------------------------- events -> outbox


def _body(delivery_id: str, event: str, site_key: str, data: dict[str, Any], at: datetime) -> str:
    return json.dumps({"id": delivery_id, "type": event, "created_at": at.isoformat(), "site": site_key,
                       "data": data}, separators=(",", ":"), sort_keys=True)


async def queue_event(session: AsyncSession, site_id: int, event: str, data: dict[str, Any]) -> int:
    """One pending delivery per active webhook of the site that wants this event."""
    hooks = (await session.execute(select(Webhook.id, Webhook.events, Site.key)
                                   .join(Site, Site.id == Webhook.site_id)
                                   .where(Webhook.site_id == site_id, Webhook.active.is_(True)))).all()
    now = utcnow()
    rows = []
    for hook_id, events, site_key in hooks:
        if event in events or event == "ping":
            did = uuid.uuid4().hex
            rows.append({"id": did, "webhook_id": hook_id, "site_id": site_id, "event": event,
                         "body": _body(did, event, site_key, data, now), "state": "pending", "attempts": 0,
                         "next_attempt_at": now, "created_at": now})
    if rows:
        await session.execute(insert(WebhookDelivery), rows)
    return len(rows)


async def queue_ping(session: AsyncSession, hook: Webhook) -> str:
    site_key = (await session.execute(select(Site.key).where(Site.id == hook.site_id))).scalar_one()
    now = utcnow()
    did = uuid.uuid4().hex
    session.add(WebhookDelivery(id=did, webhook_id=hook.id, site_id=hook.site_id, event="ping",
                                body=_body(did, "ping", site_key, {"webhook": hook.id}, now),
                                state="pending", attempts=0, next_attempt_at=now, created_at=now))
    return did


async def submission_data(session: AsyncSession, ids: list[str]) -> dict[str, dict[str, Any]]:
    """What receivers get about a submission: never the raw text; the HTML only once published."""
    rows = (await session.execute(
        select(Submission.id, Submission.status, Submission.reason_codes, Submission.author, Submission.role,
               Submission.created_at, Submission.decided_at, Submission.html, Submission.parent_id,
               Thread.key.label("thread"))
        .join(Thread, Thread.id == Submission.thread_id).where(Submission.id.in_(ids)))).all()
    out = {}
    for r in rows:
        item = {"id": r.id, "thread": r.thread, "status": r.status, "author": r.author, "role": r.role,
                "parent_id": r.parent_id,
                "reason_codes": [c for c in r.reason_codes.split(",") if c],
                "created_at": r.created_at.isoformat(),
                "decided_at": r.decided_at.isoformat() if r.decided_at else None}
        if r.status == "published":
            item["html"] = r.html
        out[r.id] = item
    return out


async def has_webhooks(session: AsyncSession, site_ids: set[int]) -> set[int]:
    rows = await session.execute(select(Webhook.site_id).where(
        Webhook.site_id.in_(site_ids), Webhook.active.is_(True)).distinct())
    return {r[0] for r in rows}


async def queue_decisions(session: AsyncSession, events: list[dict[str, Any]]) -> int:
    wanted = [e for e in events if e["status"] in STATUS_EVENTS]
    if not wanted:
        return 0
    sites_with = await has_webhooks(session, {e["site_id"] for e in wanted})
    wanted = [e for e in wanted if e["site_id"] in sites_with]
    if not wanted:
        return 0
    data = await submission_data(session, [e["id"] for e in wanted])
    queued = 0
    for e in wanted:
        if e["id"] in data:
            queued += await queue_event(session, e["site_id"], STATUS_EVENTS[e["status"]],
                                        {"submission": data[e["id"]]})
    return queued


async def queue_report(session: AsyncSession, submission_id: str, site_id: int, reason: str, count: int) -> int:
    if not await has_webhooks(session, {site_id}):
        return 0
    data = await submission_data(session, [submission_id])
    if submission_id not in data:
        return 0
    return await queue_event(session, site_id, "report.created",
                             {"submission": data[submission_id], "report": {"reason": reason, "count": count}})


# --------------------------------------------------------------------------- delivery


async def _claim(session: AsyncSession, model: Any, limit: int, lease: float) -> list[Any]:
    """Rows due now, each taken by one process only (a lease, so a crashed sender's rows return)."""
    now = utcnow()
    free = or_(model.locked_until.is_(None), model.locked_until < now)
    ids = (await session.execute(select(model.id).where(
        model.state == "pending", model.next_attempt_at <= now, free)
        .order_by(model.next_attempt_at).limit(limit))).scalars().all()
    claimed = []
    for rid in ids:
        res = await session.execute(update(model).where(model.id == rid, model.state == "pending", free)
                                    .values(locked_until=now + timedelta(seconds=lease))
                                    .execution_options(synchronize_session=False))
        if res.rowcount == 1:  # type: ignore[attr-defined]
            claimed.append(rid)
    await session.commit()
    return claimed


async def deliver_due(sessionmaker: async_sessionmaker[AsyncSession], secret_key: str, retry: RetryPolicy,
                      client: Any, limit: int = 20) -> int:
    """Send the deliveries that are due; returns how many were attempted."""
    async with sessionmaker() as session:
        ids = await _claim(session, WebhookDelivery, limit, retry.lease_seconds)
        if not ids:
            return 0
        rows = (await session.execute(
            select(WebhookDelivery, Webhook.url, Webhook.salt, Webhook.active)
            .join(Webhook, Webhook.id == WebhookDelivery.webhook_id)
            .where(WebhookDelivery.id.in_(ids)))).all()
    results = await asyncio.gather(*(_send(client, secret_key, retry, d, url, salt, active)
                                     for d, url, salt, active in rows))
    async with sessionmaker() as session:
        for values, (delivery, *_rest) in zip(results, rows, strict=True):
            await session.execute(update(WebhookDelivery).where(WebhookDelivery.id == delivery.id)
                                  .values(**values).execution_options(synchronize_session=False))
        await session.commit()
    return len(rows)


async def _send(client: Any, secret_key: str, retry: RetryPolicy, delivery: WebhookDelivery, url: str,
                salt: str, active: bool) -> dict[str, Any]:
    attempts = delivery.attempts + 1
    values: dict[str, Any] = {"attempts": attempts, "locked_until": None}
    if not active:
        return {**values, "state": "failed", "last_error": "webhook disabled"}
    body = delivery.body.encode()
    stamp = int(time.time())
    headers = {"Content-Type": "application/json", "User-Agent": "Safeguard-Webhooks/1",
               SIGNATURE_HEADER: signature(secret_for(secret_key, salt), stamp, body),
               "Safeguard-Event": delivery.event, "Safeguard-Delivery": delivery.id}
    try:
        if not retry.allow_private:
            await _refuse_private(url)
        response = await client.post(url, content=body, headers=headers, timeout=retry.timeout_seconds)
        values.update(last_status=response.status_code, last_response=response.text[:RESPONSE_KEEP],
                      last_error=None)
        ok = 200 <= response.status_code < 300
        error = None if ok else f"HTTP {response.status_code}"
    except Exception as exc:  # any transport failure is retried, and shown to the owner
        ok, error = False, f"{type(exc).__name__}: {exc}"[:RESPONSE_KEEP]
        values.update(last_status=None, last_response=None, last_error=error)
    if ok:
        return {**values, "state": "delivered", "delivered_at": utcnow()}
    if attempts >= retry.max_attempts:
        log.warning("webhook delivery %s to %s failed %d times; giving up", delivery.id, url, attempts)
        return {**values, "state": "failed", "last_error": error}
    return {**values, "last_error": error,
            "next_attempt_at": utcnow() + timedelta(seconds=retry.delay(attempts))}


async def _refuse_private(url: str) -> None:
    host = urlsplit(url).hostname or ""
    infos = await asyncio.get_running_loop().getaddrinfo(host, None)
    for info in infos:
        if _private_host(str(info[4][0])):
            raise PermissionError(f"{host} resolves to {info[4][0]}, a private address; not sent")


async def purge_old_deliveries(session: AsyncSession, older_than: datetime) -> int:
    res = await session.execute(delete(WebhookDelivery).where(
        WebhookDelivery.state != "pending", WebhookDelivery.created_at < older_than))
    return int(res.rowcount or 0)  # type: ignore[attr-defined]
