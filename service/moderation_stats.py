"""Dashboard figures and the audit log for the moderator interface (read-only queries)."""

from __future__ import annotations

import csv
import io
from collections import Counter, defaultdict
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from service.models import AuditEvent, Site, Submission, utcnow
from service.moderation_queries import (
    MODERATOR_ACTIONS,
    QueryError,
    QueueFilter,
    _capped_count,
    _decode,
    _encode,
    actor_label,
    queue_conditions,
)

DASHBOARD_DAYS = 30
MAX_DURATIONS = 50_000


@dataclass
class SiteDashboard:
    site_id: int
    key: str
    name: str
    held: int
    reported: int
    waiting: int
    decisions: int
    median_seconds: float | None
    p95_seconds: float | None
    by_reason: dict[str, dict[str, int]]  # reason code -> {action: count}
    by_day: list[tuple[date, dict[str, int]]]  # day -> {action: count}


def percentile(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile (q in 0..100) of a list; None when empty."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, int(-(-q * len(ordered) // 100)))  # ceil(q/100 * n)
    return ordered[min(rank, len(ordered)) - 1]


def duration_label(seconds: float | None) -> str:
    if seconds is None:
        return "no decisions yet"
    if seconds < 60:
        return f"{seconds:.0f} s"
    if seconds < 3600:
        return f"{seconds / 60:.0f} min"
    if seconds < 86400 * 2:
        return f"{seconds / 3600:.1f} h"
    return f"{seconds / 86400:.1f} days"


async def site_dashboard(session: AsyncSession, site: Site, now: datetime | None = None) -> SiteDashboard:
    now = now or utcnow()
    since = now - timedelta(days=DASHBOARD_DAYS)
    ids = (site.id,)
    held = await _capped_count(session, select(Submission.id).where(*queue_conditions(QueueFilter("held", ids))))
    reported = await _capped_count(
        session, select(Submission.id).where(*queue_conditions(QueueFilter("reported", ids))))
    waiting = await _capped_count(
        session, select(Submission.id).where(Submission.site_id == site.id, Submission.status == "received"))
    # Moderator decisions of the last 30 days, with the submission's age at decision time.
    rows = (
        await session.execute(
            select(AuditEvent.action, AuditEvent.created_at, AuditEvent.from_status,
                   Submission.created_at.label("submitted_at"), Submission.reason_codes)
            .join(Submission, Submission.id == AuditEvent.submission_id)
            .where(AuditEvent.site_id == site.id, AuditEvent.action.in_(MODERATOR_ACTIONS),
                   AuditEvent.created_at >= since)
            .order_by(AuditEvent.id.desc())
            .limit(MAX_DURATIONS)
        )
    ).all()
    durations: list[float] = []
    by_reason: dict[str, Counter[str]] = defaultdict(Counter)
    by_day: dict[date, Counter[str]] = defaultdict(Counter)
    for r in rows:
        if r.from_status == "held":
            # Time to decision is what a held reader waits: only first decisions on held items.
            durations.append(max(0.0, (r.created_at - r.submitted_at).total_seconds()))
        codes = [c for c in (r.reason_codes or "").split(",") if c] or ["none"]
        for code in codes:
            by_reason[code][r.action] += 1
        by_day[r.created_at.date()][r.action] += 1
    days = [(since + timedelta(days=i + 1)).date() for i in range(DASHBOARD_DAYS)]
    return SiteDashboard(
        site_id=site.id, key=site.key, name=site.name, held=held, reported=reported, waiting=waiting,
        decisions=len(rows), median_seconds=percentile(durations, 50), p95_seconds=percentile(durations, 95),
        by_reason={k: dict(v) for k, v in sorted(by_reason.items(), key=lambda kv: -sum(kv[1].values()))},
        by_day=[(d, dict(by_day.get(d, {}))) for d in days],
    )


# --------------------------------------------------------------------------- audit log

AUDIT_PAGE = 50
CSV_COLUMNS = ["time_utc", "site", "submission_id", "moderator", "action", "reason", "note",
               "status_before", "status_after", "redacted_kinds", "redacted_offsets"]


@dataclass(frozen=True)
class AuditFilter:
    site_ids: tuple[int, ...]
    action: str | None = None
    moderators_only: bool = True
    before: str | None = None


def _audit_query(flt: AuditFilter) -> Select[AuditEvent, str]:
    query = (select(AuditEvent, Site.key.label("site_key"))
             .outerjoin(Site, Site.id == AuditEvent.site_id)
             .where(AuditEvent.site_id.in_(flt.site_ids or (-1,))))
    if flt.action:
        query = query.where(AuditEvent.action == flt.action)
    elif flt.moderators_only:
        query = query.where(AuditEvent.actor.like("user:%"))
    return query


async def audit_page(session: AsyncSession, flt: AuditFilter) -> tuple[list[dict[str, Any]], str | None]:
    query = _audit_query(flt)
    if flt.before:
        parts = _decode(flt.before)
        if len(parts) != 1 or not parts[0].isdigit():
            raise QueryError("the page link is damaged; go back to the first page of the audit log")
        query = query.where(AuditEvent.id < int(parts[0]))
    rows = (await session.execute(query.order_by(AuditEvent.id.desc()).limit(AUDIT_PAGE + 1))).all()
    more = len(rows) > AUDIT_PAGE
    events = [audit_row(e, key) for e, key in rows[:AUDIT_PAGE]]
    return events, (_encode(str(events[-1]["id"])) if more and events else None)


def audit_row(event: AuditEvent, site_key: str | None) -> dict[str, Any]:
    detail = event.detail or {}
    redaction = detail.get("redaction") or {}
    return {
        "id": event.id,
        "at": event.created_at,
        "site": site_key or "",
        "submission_id": event.submission_id or "",
        "moderator": actor_label(event.actor),
        "action": event.action,
        "reason": detail.get("reason") or ", ".join(detail.get("reasons", []) or []),
        "note": detail.get("note") or "",
        "from_status": event.from_status or "",
        "to_status": event.to_status or "",
        "redacted_kinds": ", ".join(redaction.get("kinds", [])),
        "redacted_offsets": " ".join(f"{s['start']}-{s['end']}" for s in redaction.get("spans", [])),
    }


def _csv_cell(value: Any) -> str:
    text = value.isoformat() if isinstance(value, datetime) else str(value)
    # A cell starting with = + - @ is run as a formula by spreadsheets (CSV injection).
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


async def audit_csv(session: AsyncSession, flt: AuditFilter, batch: int = 2000) -> AsyncIterator[str]:
    """The whole (filtered) audit log as CSV, oldest first, fetched in keyset batches."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(CSV_COLUMNS)
    yield buf.getvalue()
    last = 0
    while True:
        rows = (await session.execute(
            _audit_query(flt).where(AuditEvent.id > last).order_by(AuditEvent.id).limit(batch))).all()
        if not rows:
            return
        buf = io.StringIO()
        writer = csv.writer(buf)
        for event, key in rows:
            row = audit_row(event, key)
            writer.writerow([_csv_cell(row[k]) for k in ("at", "site", "submission_id", "moderator", "action",
                                                         "reason", "note", "from_status", "to_status",
                                                         "redacted_kinds", "redacted_offsets")])
        last = rows[-1][0].id
        yield buf.getvalue()
