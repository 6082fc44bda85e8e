"""Read side of the moderator interface: keyset-paged queues, counts, item detail, history, stats."""

from __future__ import annotations

import base64
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Select, and_, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from service.models import AuditEvent, Report, Site, Submission, Thread, User, utcnow

QUEUES = ("held", "reported", "decided", "all")
QUEUE_TITLES = {"held": "Held", "reported": "Reported", "decided": "Recently decided", "all": "All"}
# Filter names moderators see -> reason codes stored on submissions.
REASON_FILTERS: dict[str, tuple[str, ...]] = {
    "child_data": ("child_data",),
    "toxicity": ("toxicity",),
    "word_list": ("banned_word", "suspect_word"),
    "premoderation": ("premoderation",),
    "links": ("links",),
    "first_time": ("first_time",),
    "length": ("length",),
}
REASON_TITLES = {
    "child_data": "Child data",
    "toxicity": "Toxicity",
    "word_list": "Word list",
    "banned_word": "Banned word",
    "suspect_word": "Suspect word",
    "premoderation": "Pre-moderation",
    "links": "Links",
    "first_time": "First-time commenter",
    "length": "Too long",
}
MODERATOR_ACTIONS = ("approve", "reject", "remove", "restore")
COUNT_CAP = 10_000
PAGE_SIZE = 25


class QueryError(ValueError):
    """A filter or cursor in the URL is not valid; the message says which and what to use."""


@dataclass(frozen=True)
class QueueFilter:
    queue: str = "held"
    site_ids: tuple[int, ...] = ()
    thread_id: int | None = None
    kind: str | None = None
    reason: str | None = None
    newest_first: bool = False
    after: str | None = None
    before: str | None = None
    limit: int = PAGE_SIZE


@dataclass
class QueueItem:
    id: str
    site_id: int
    site_key: str
    thread_id: int
    thread_title: str
    thread_kind: str
    author: str
    text: str
    status: str
    reason_codes: list[str]
    report_count: int
    created_at: datetime
    decided_at: datetime | None
    claimed_by: int | None
    claimed_until: datetime | None
    child_score: float | None
    toxicity_max: float
    event_id: int | None = None
    event_actor: str | None = None
    event_action: str | None = None
    event_at: datetime | None = None

    @property
    def snippet(self) -> str:
        text = " ".join(self.text.split())
        return text if len(text) <= 220 else text[:217] + "…"

    def claimed_by_other(self, user_id: int, now: datetime | None = None) -> bool:
        now = now or utcnow()
        return (self.claimed_by is not None and self.claimed_by != user_id
                and self.claimed_until is not None and self.claimed_until > now)


@dataclass
class QueuePage:
    items: list[QueueItem]
    next_cursor: str | None
    prev_cursor: str | None


# --------------------------------------------------------------------------- cursors


def _encode(*parts: str) -> str:
    return base64.urlsafe_b64encode("|".join(parts).encode()).decode().rstrip("=")


def _decode(cursor: str) -> list[str]:
    try:
        return base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode().split("|")
    except Exception:
        raise QueryError("the page link is damaged; go back to the first page of the queue") from None


def _time_cursor(cursor: str) -> tuple[datetime, str]:
    parts = _decode(cursor)
    try:
        return datetime.fromisoformat(parts[0]), parts[1]
    except (ValueError, IndexError):
        raise QueryError("the page link is damaged; go back to the first page of the queue") from None


def _id_cursor(cursor: str) -> int:
    parts = _decode(cursor)
    if len(parts) != 1 or not parts[0].isdigit():
        raise QueryError("the page link is damaged; go back to the first page of the queue")
    return int(parts[0])


# --------------------------------------------------------------------------- queues

ITEM_COLUMNS = (
    Submission.id, Submission.site_id, Site.key.label("site_key"), Submission.thread_id,
    Thread.title.label("thread_title"), Thread.kind.label("thread_kind"), Submission.author,
    Submission.raw_text, Submission.status, Submission.reason_codes, Submission.report_count,
    Submission.created_at, Submission.decided_at, Submission.claimed_by, Submission.claimed_until,
    Submission.child_score, Submission.toxicity,
)


def _site_cond(site_ids: tuple[int, ...]) -> Any:
    if not site_ids:
        return Submission.site_id == -1  # nobody with no sites sees anything
    if len(site_ids) == 1:
        return Submission.site_id == site_ids[0]
    return Submission.site_id.in_(site_ids)


def _reason_cond(reason: str) -> Any:
    codes = REASON_FILTERS.get(reason)
    if codes is None:
        raise QueryError(f"reason {reason!r} is not a filter; use one of {', '.join(REASON_FILTERS)}")
    # reason_codes is a sorted comma list; padding with commas makes the match exact per code.
    padded = "," + Submission.reason_codes + ","
    return or_(*[padded.like(f"%,{c},%") for c in codes])


def queue_conditions(flt: QueueFilter) -> list[Any]:
    conds: list[Any] = [_site_cond(flt.site_ids)]
    if flt.queue == "held":
        conds.append(Submission.status == "held")
    elif flt.queue == "reported":
        # Start from the few open reports rather than walk every published item in order.
        conds += [
            Submission.status == "published",
            Submission.id.in_(select(Report.submission_id).where(Report.resolved.is_(False))),
        ]
    elif flt.queue == "all":
        conds.append(Submission.status != "received")
    if flt.thread_id is not None:
        conds.append(Submission.thread_id == flt.thread_id)
    if flt.kind:
        conds.append(Thread.kind == flt.kind)
    if flt.reason:
        conds.append(_reason_cond(flt.reason))
    return conds


def _item(row: Any, event: Any = None) -> QueueItem:
    tox = row.toxicity or {}
    return QueueItem(
        id=row.id, site_id=row.site_id, site_key=row.site_key, thread_id=row.thread_id,
        thread_title=row.thread_title, thread_kind=row.thread_kind, author=row.author,
        text=row.raw_text, status=row.status,
        reason_codes=[c for c in (row.reason_codes or "").split(",") if c],
        report_count=row.report_count, created_at=row.created_at, decided_at=row.decided_at,
        claimed_by=row.claimed_by, claimed_until=row.claimed_until, child_score=row.child_score,
        toxicity_max=max((float(v) for v in tox.values()), default=0.0),
        event_id=getattr(event, "event_id", None), event_actor=getattr(event, "actor", None),
        event_action=getattr(event, "action", None), event_at=getattr(event, "event_at", None),
    )


async def queue_page(session: AsyncSession, flt: QueueFilter) -> QueuePage:
    """One page of a queue in (created_at, id) order (oldest first by default), keyset-paged."""
    if flt.queue not in QUEUES:
        raise QueryError(f"no queue {flt.queue!r}; use one of {', '.join(QUEUES)}")
    if flt.queue == "decided":
        return await _decided_page(session, flt)
    query: Select[Any] = (
        select(*ITEM_COLUMNS)
        .join(Thread, Thread.id == Submission.thread_id)
        .join(Site, Site.id == Submission.site_id)
        .where(*queue_conditions(flt))
    )
    backwards = flt.before is not None
    cursor = flt.before or flt.after
    # Walking forward in the chosen order, or backward (reverse order, then flip the page).
    descending = flt.newest_first != backwards
    if cursor:
        stamp, sid = _time_cursor(cursor)
        # The plain range on created_at lets the index seek straight to the cursor; the OR alone
        # would make SQLite walk the index from its start (seconds deep into a million rows).
        if descending:
            query = query.where(Submission.created_at <= stamp,
                                or_(Submission.created_at < stamp, Submission.id < sid))
        else:
            query = query.where(Submission.created_at >= stamp,
                                or_(Submission.created_at > stamp, Submission.id > sid))
    order = ((Submission.created_at.desc(), Submission.id.desc()) if descending
             else (Submission.created_at, Submission.id))
    rows = (await session.execute(query.order_by(*order).limit(flt.limit + 1))).all()
    more = len(rows) > flt.limit
    rows = rows[: flt.limit]
    if backwards:
        rows.reverse()
    items = [_item(r) for r in rows]
    first, last = (items[0], items[-1]) if items else (None, None)
    has_next = more if not backwards else True
    has_prev = (cursor is not None) if not backwards else more
    return QueuePage(
        items,
        _encode(last.created_at.isoformat(), last.id) if last and has_next else None,
        _encode(first.created_at.isoformat(), first.id) if first and has_prev else None,
    )


async def _decided_page(session: AsyncSession, flt: QueueFilter) -> QueuePage:
    """Moderator decisions, newest first, keyset-paged on the audit event id."""
    event_site = (AuditEvent.site_id == flt.site_ids[0] if len(flt.site_ids) == 1
                  else AuditEvent.site_id.in_(flt.site_ids or (-1,)))
    query: Select[Any] = (
        select(*ITEM_COLUMNS, AuditEvent.id.label("event_id"), AuditEvent.actor, AuditEvent.action,
               AuditEvent.created_at.label("event_at"))
        .select_from(AuditEvent)
        .join(Submission, Submission.id == AuditEvent.submission_id)
        .join(Thread, Thread.id == Submission.thread_id)
        .join(Site, Site.id == Submission.site_id)
        .where(event_site, AuditEvent.action.in_(MODERATOR_ACTIONS))
    )
    extra = queue_conditions(QueueFilter(queue="decided", site_ids=flt.site_ids, thread_id=flt.thread_id,
                                         kind=flt.kind, reason=flt.reason))
    query = query.where(*extra)
    backwards = flt.before is not None
    cursor = flt.before or flt.after
    if cursor:
        eid = _id_cursor(cursor)
        query = query.where(AuditEvent.id > eid if backwards else AuditEvent.id < eid)
    query = query.order_by(AuditEvent.id if backwards else AuditEvent.id.desc()).limit(flt.limit + 1)
    rows = (await session.execute(query)).all()
    more = len(rows) > flt.limit
    rows = rows[: flt.limit]
    if backwards:
        rows.reverse()
    items = [_item(r, r) for r in rows]
    has_next = more if not backwards else True
    has_prev = (cursor is not None) if not backwards else more
    return QueuePage(
        items,
        _encode(str(items[-1].event_id)) if items and has_next else None,
        _encode(str(items[0].event_id)) if items and has_prev else None,
    )


async def _capped_count(session: AsyncSession, query: Select[Any]) -> int:
    inner = query.limit(COUNT_CAP + 1).subquery()
    return int((await session.execute(select(func.count()).select_from(inner))).scalar_one())


async def queue_counts(session: AsyncSession, site_ids: tuple[int, ...]) -> dict[str, int]:
    """Items per queue for these sites; counting stops at COUNT_CAP + 1 to stay fast at any size."""
    out: dict[str, int] = {}
    for queue in ("held", "reported", "all"):
        flt = QueueFilter(queue=queue, site_ids=site_ids)
        query = select(Submission.id).where(*queue_conditions(flt))
        out[queue] = await _capped_count(session, query)
    since = utcnow() - timedelta(days=7)
    site = (AuditEvent.site_id == site_ids[0] if len(site_ids) == 1 else AuditEvent.site_id.in_(site_ids or (-1,)))
    out["decided"] = await _capped_count(
        session, select(AuditEvent.id).where(site, AuditEvent.action.in_(MODERATOR_ACTIONS),
                                             AuditEvent.created_at >= since))
    return out


async def held_reason_counts(session: AsyncSession, site_ids: tuple[int, ...]) -> dict[str, int]:
    """Held items per reason filter (an item held for two reasons counts under both)."""
    rows = (
        await session.execute(
            select(Submission.reason_codes, func.count())
            .where(_site_cond(site_ids), Submission.status == "held")
            .group_by(Submission.reason_codes)
        )
    ).all()
    counts: Counter[str] = Counter()
    for codes, n in rows:
        present = set((codes or "").split(","))
        for name, members in REASON_FILTERS.items():
            if present.intersection(members):
                counts[name] += int(n)
    return {name: counts.get(name, 0) for name in REASON_FILTERS}


def count_label(n: int) -> str:
    return f"{COUNT_CAP:,}+" if n > COUNT_CAP else f"{n:,}"


async def neighbours(session: AsyncSession, flt: QueueFilter, item_id: str) -> tuple[str | None, str | None]:
    """The previous and next item of a queue around item_id (for j/k on the item page)."""
    sub = await session.get(Submission, item_id)
    if sub is None or flt.queue == "decided":
        return None, None
    cursor = _encode(sub.created_at.isoformat(), sub.id)
    after = await queue_page(session, QueueFilter(**{**flt.__dict__, "after": cursor, "before": None, "limit": 1}))
    before = await queue_page(session, QueueFilter(**{**flt.__dict__, "after": None, "before": cursor, "limit": 1}))
    return (before.items[0].id if before.items else None), (after.items[0].id if after.items else None)


# --------------------------------------------------------------------------- item detail


@dataclass
class AuthorHistory:
    counts: dict[str, int]
    decisions: list[dict[str, Any]]
    matched_by: list[str]


@dataclass
class ItemDetail:
    sub: Submission
    site: Site
    thread: Thread
    parent: Submission | None
    reports: list[Report]
    history: AuthorHistory
    claim_holder: str | None
    events: list[AuditEvent] = field(default_factory=list)


async def item_detail(session: AsyncSession, item_id: str) -> ItemDetail | None:
    row = (
        await session.execute(
            select(Submission, Site, Thread)
            .join(Site, Site.id == Submission.site_id)
            .join(Thread, Thread.id == Submission.thread_id)
            .where(Submission.id == item_id)
        )
    ).first()
    if row is None:
        return None
    sub, site, thread = row
    parent = await session.get(Submission, sub.parent_id) if sub.parent_id else None
    reports = list((await session.execute(
        select(Report).where(Report.submission_id == sub.id).order_by(Report.id))).scalars())
    holder = None
    if sub.claimed_by is not None:
        holder = (await session.execute(select(User.email).where(User.id == sub.claimed_by))).scalar()
    events = list((await session.execute(
        select(AuditEvent).where(AuditEvent.submission_id == sub.id).order_by(AuditEvent.id))).scalars())
    return ItemDetail(sub, site, thread, parent, reports, await author_history(session, sub), holder, events)


async def author_history(session: AsyncSession, sub: Submission) -> AuthorHistory:
    """What the same person (same email, or same network fingerprint) wrote before on this site."""
    conds = []
    matched = []
    if sub.email:
        conds.append(Submission.email == sub.email)
        matched.append("email")
    if sub.client_hash:
        conds.append(Submission.client_hash == sub.client_hash)
        matched.append("network fingerprint")
    if not conds:
        return AuthorHistory({}, [], [])
    same = and_(Submission.site_id == sub.site_id, or_(*conds), Submission.id != sub.id)
    counts = dict((await session.execute(
        select(Submission.status, func.count()).where(same).group_by(Submission.status))).all())
    decisions = (
        await session.execute(
            select(AuditEvent.submission_id, AuditEvent.action, AuditEvent.actor, AuditEvent.created_at,
                   AuditEvent.to_status, AuditEvent.detail)
            .join(Submission, Submission.id == AuditEvent.submission_id)
            .where(same, AuditEvent.action.in_(MODERATOR_ACTIONS))
            .order_by(AuditEvent.id.desc())
            .limit(10)
        )
    ).all()
    return AuthorHistory(
        {k: int(v) for k, v in counts.items()},
        [{"submission_id": d.submission_id, "action": d.action, "actor": actor_label(d.actor),
          "at": d.created_at, "to_status": d.to_status, "reason": (d.detail or {}).get("reason")}
         for d in decisions],
        matched,
    )


def actor_label(actor: str) -> str:
    """"user:3:ann@example.org" -> "ann@example.org"; system actors stay as they are."""
    if actor.startswith("user:"):
        parts = actor.split(":", 2)
        return parts[2] if len(parts) == 3 else actor
    return actor


# --------------------------------------------------------------------------- claims

CLAIM_MINUTES = 10


async def claim(session: AsyncSession, item_id: str, user_id: int, minutes: int = CLAIM_MINUTES) -> int | None:
    """Claim an item for review; returns the holder (this user unless someone else holds it)."""
    now = utcnow()
    await session.execute(
        update(Submission)
        .where(
            Submission.id == item_id,
            Submission.status.in_(("held", "published", "rejected", "removed", "accepted")),
            or_(Submission.claimed_by.is_(None), Submission.claimed_by == user_id,
                Submission.claimed_until.is_(None), Submission.claimed_until < now),
        )
        .values(claimed_by=user_id, claimed_until=now + timedelta(minutes=minutes))
        .execution_options(synchronize_session=False)
    )
    await session.commit()
    session.expire_all()  # objects loaded before the claim must not show the old holder
    row = (await session.execute(
        select(Submission.claimed_by, Submission.claimed_until).where(Submission.id == item_id))).first()
    if row is None or row.claimed_until is None or row.claimed_until <= now:
        return None
    return row.claimed_by  # type: ignore[no-any-return]


async def release(session: AsyncSession, item_id: str, user_id: int) -> None:
    await session.execute(
        update(Submission).where(Submission.id == item_id, Submission.claimed_by == user_id)
        .values(claimed_by=None, claimed_until=None).execution_options(synchronize_session=False))
    await session.commit()


async def claim_holder(session: AsyncSession, item_id: str) -> tuple[int | None, str | None]:
    """Who holds a live claim on the item (id, email), or (None, None)."""
    row = (await session.execute(
        select(Submission.claimed_by, Submission.claimed_until, User.email)
        .outerjoin(User, User.id == Submission.claimed_by)
        .where(Submission.id == item_id))).first()
    if row is None or row.claimed_by is None or row.claimed_until is None or row.claimed_until <= utcnow():
        return None, None
    return row.claimed_by, row.email


# --------------------------------------------------------------------------- highlighting


@dataclass(frozen=True)
class Segment:
    """A run of the text; kinds is empty for plain text, else the span kinds covering it."""

    text: str
    kinds: tuple[str, ...] = ()


def highlight_segments(document: str, spans: list[dict[str, Any]] | None) -> list[Segment]:
    """Cut the text at every span edge so a template can wrap flagged runs in <mark>; the pieces
    stay plain strings, so the template escapes them like any other reader text."""
    clean = []
    for s in spans or []:
        try:
            start, end = max(0, int(s["start"])), min(len(document), int(s["end"]))
        except (KeyError, TypeError, ValueError):
            continue
        if end > start:
            clean.append((start, end, str(s.get("kind", "flagged"))))
    cuts = sorted({0, len(document), *[c for s, e, _ in clean for c in (s, e)]})
    out: list[Segment] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        kinds = tuple(dict.fromkeys(k for s, e, k in clean if s <= a and b <= e))
        if out and out[-1].kinds == kinds:
            out[-1] = Segment(out[-1].text + document[a:b], kinds)
        else:
            out.append(Segment(document[a:b], kinds))
    return out
