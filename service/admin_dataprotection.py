"""Data protection: erase or export a commenter's data by e-mail, and purge by retention period."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from service.models import AuditEvent, Report, Site, Submission, Thread, utcnow
from service.models_admin import Notification, SiteSettings, WebhookDelivery
from service.pipeline import audit
from service.validation import EMAIL_RE

ERASE_MODES = ("remove", "anonymise")
ANONYMOUS = "Anonymous"
CHUNK = 500


def check_email_request(data: Any, *, with_mode: bool) -> tuple[str, str]:
    from service.admin_sites import invalid

    if not isinstance(data, dict):
        raise invalid([{"field": "body", "message": "expected a JSON object"}])
    errors = []
    email = data.get("email")
    if not isinstance(email, str) or not EMAIL_RE.match(email.strip()):
        errors.append({"field": "email", "message": "required: the commenter's e-mail address"})
    mode = data.get("mode", "")
    if with_mode and mode not in ERASE_MODES:
        errors.append({"field": "mode", "message": "required: remove (delete their submissions) or "
                       "anonymise (keep the text, drop name, e-mail and connection data)"})
    if errors:
        raise invalid(errors)
    return str(email).strip().lower(), str(mode)


async def _ids_of(session: AsyncSession, site_id: int, email: str) -> list[tuple[str, int]]:
    rows = await session.execute(select(Submission.id, Submission.thread_id).where(
        Submission.site_id == site_id, func.lower(Submission.email) == email))
    return [(r.id, r.thread_id) for r in rows]


async def delete_submissions(session: AsyncSession, ids: list[str]) -> None:
    """Delete submissions; replies to them stay, promoted to top level (they are others' words)."""
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        await session.execute(update(Submission).where(
            or_(Submission.parent_id.in_(chunk), Submission.root_id.in_(chunk)), Submission.id.notin_(chunk))
            .values(parent_id=None, root_id=None).execution_options(synchronize_session=False))
        await session.execute(delete(Report).where(Report.submission_id.in_(chunk)))
        await session.execute(delete(Submission).where(Submission.id.in_(chunk))
                              .execution_options(synchronize_session=False))


async def erase_commenter(session: AsyncSession, site_id: int, email: str, mode: str, actor: str) -> dict[str, Any]:
    """Remove or anonymise everything this address wrote on the site; the audit keeps counts only."""
    found = await _ids_of(session, site_id, email)
    ids = [sid for sid, _ in found]
    threads = {tid for _, tid in found}
    if mode == "remove":
        await delete_submissions(session, ids)
    else:
        for start in range(0, len(ids), CHUNK):
            await session.execute(update(Submission).where(Submission.id.in_(ids[start:start + CHUNK])).values(
                author=ANONYMOUS, email=None, notify=False, client_hash="", idempotency_key=None,
                updated_at=utcnow()).execution_options(synchronize_session=False))
    notes = await session.execute(delete(Notification).where(
        Notification.site_id == site_id, func.lower(Notification.to_email) == email))
    # The erased address and content are not written anywhere: only what was done and how much.
    await session.execute(insert(AuditEvent), [audit(
        actor=actor, action="commenter.erase", site_id=site_id,
        detail={"mode": mode, "submissions": len(ids), "notifications": int(notes.rowcount or 0)})])  # type: ignore[attr-defined]
    return {"mode": mode, "submissions": len(ids), "threads": sorted(threads)}


async def export_commenter(session: AsyncSession, site_id: int, email: str) -> dict[str, Any]:
    rows = (await session.execute(
        select(Submission, Thread.key, Thread.title).join(Thread, Thread.id == Submission.thread_id)
        .where(Submission.site_id == site_id, func.lower(Submission.email) == email)
        .order_by(Submission.created_at, Submission.id))).all()
    notes = (await session.execute(select(Notification).where(
        Notification.site_id == site_id, func.lower(Notification.to_email) == email)
        .order_by(Notification.created_at))).scalars()
    site = await session.get(Site, site_id)
    return {
        "site": site.key if site else None,
        "email": email,
        "exported_at": utcnow().isoformat(),
        "submissions": [{
            "id": s.id, "thread": key, "thread_title": title, "author": s.author, "email": s.email,
            "notify": s.notify, "role": s.role, "text": s.raw_text, "answers": s.answers, "html": s.html,
            "status": s.status, "reasons": s.reasons or [], "created_at": s.created_at.isoformat(),
            "decided_at": s.decided_at.isoformat() if s.decided_at else None,
            "parent_id": s.parent_id, "report_count": s.report_count,
        } for s, key, title in rows],
        "notifications": [{"kind": n.kind, "subject": n.subject, "state": n.state,
                           "created_at": n.created_at.isoformat(),
                           "sent_at": n.sent_at.isoformat() if n.sent_at else None} for n in notes],
    }


async def run_retention(session: AsyncSession, *, site_id: int | None = None, actor: str = "system:retention",
                        now: datetime | None = None) -> list[dict[str, Any]]:
    """Purge, per site with a retention period: rejected submissions decided more than N days ago,
    moderator claims that expired more than N days ago, and finished outbox rows as old."""
    now = now or utcnow()
    query = select(SiteSettings.site_id, SiteSettings.retention_days, Site.key).join(
        Site, Site.id == SiteSettings.site_id).where(SiteSettings.retention_days.is_not(None))
    if site_id is not None:
        query = query.where(SiteSettings.site_id == site_id)
    results = []
    for sid, days, key in (await session.execute(query)).all():
        cutoff = now - timedelta(days=int(days or 0))
        old_rejected = list((await session.execute(select(Submission.id).where(
            Submission.site_id == sid, Submission.status == "rejected",
            func.coalesce(Submission.decided_at, Submission.created_at) < cutoff))).scalars())
        await delete_submissions(session, old_rejected)
        claims = await session.execute(update(Submission).where(
            Submission.site_id == sid, Submission.claimed_until.is_not(None), Submission.claimed_until < cutoff)
            .values(claimed_by=None, claimed_until=None).execution_options(synchronize_session=False))
        await session.execute(delete(WebhookDelivery).where(
            WebhookDelivery.site_id == sid, WebhookDelivery.state != "pending", WebhookDelivery.created_at < cutoff))
        await session.execute(delete(Notification).where(
            Notification.site_id == sid, Notification.state != "pending", Notification.created_at < cutoff))
        line = {"site": key, "days": days, "rejected": len(old_rejected),
                "claims": int(claims.rowcount or 0)}  # type: ignore[attr-defined]
        if line["rejected"] or line["claims"]:
            await session.execute(insert(AuditEvent), [audit(
                actor=actor, action="retention.purge", site_id=sid,
                detail={"days": days, "rejected": line["rejected"], "claims": line["claims"]})])
        results.append(line)
    return results

