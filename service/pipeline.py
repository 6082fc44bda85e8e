"""Ingest and process submissions: the only code that moves a submission's status."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Table, bindparam, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession, async_sessionmaker

from moderation.assess import Moderator
from moderation.policy import DEFAULT_POLICY, Policy
from moderation.policy import decide as decide_policy
from moderation.sanitize import sanitize
from moderation.types import Assessment, Decision
from service.models import AuditEvent, Report, Site, Submission, Thread, new_id, utcnow

log = logging.getLogger("safeguard.pipeline")
SUBMISSIONS: Table = Submission.__table__  # type: ignore[assignment]

READER_MESSAGES = {
    "received": "Thanks, we have your comment and are checking it now.",
    "published": "Published.",
    "accepted": "Thanks, your response has been received.",
    "held": "Thanks — your comment will appear after a moderator has reviewed it.",
    "rejected": "Sorry, this comment can't be published because it breaks the site's rules.",
    "removed": "This comment has been removed by a moderator.",
}

# Moderator transitions allowed from each status (received is only left by process()).
MODERATOR_TRANSITIONS: dict[str, dict[str, set[str]]] = {
    "approve": {"held": {"published"}, "rejected": {"published"}},
    "reject": {"held": {"rejected"}, "published": {"rejected"}},
    "remove": {"published": {"removed"}},
    "restore": {"removed": {"published"}, "rejected": {"held"}},
}


class TransitionError(Exception):
    """A moderator action does not apply to the submission's current status."""

    def __init__(self, message: str, *, current: str | None = None) -> None:
        super().__init__(message)
        self.current = current


@dataclass(frozen=True)
class IngestResult:
    id: str
    status: str
    message: str
    created: bool


@dataclass
class ProcessStats:
    decided: dict[str, str] = field(default_factory=dict)
    skipped: int = 0


def is_private(thread_kind: str, publish_responses: bool) -> bool:
    """Feedback is never public; consultation responses only when the thread publishes them."""
    return thread_kind == "feedback" or (thread_kind == "consultation" and not publish_responses)


def policy_for(site_policy: dict[str, Any] | None, overrides: dict[str, Any] | None) -> Policy:
    base = Policy.from_dict(site_policy) if site_policy else DEFAULT_POLICY
    return base.with_overrides(overrides) if overrides else base


def scored_text(raw_text: str, answers: dict[str, Any] | None) -> str:
    """The document that is scored and highlighted: the text, then each answer, blank-line apart."""
    parts = [raw_text] + [str(v) for v in (answers or {}).values() if str(v).strip()]
    return "\n\n".join(p for p in parts if p)


def audit(
    *,
    actor: str,
    action: str,
    submission_id: str | None = None,
    site_id: int | None = None,
    from_status: str | None = None,
    to_status: str | None = None,
    detail: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> dict[str, Any]:
    return {
        "actor": actor,
        "action": action,
        "submission_id": submission_id,
        "site_id": site_id,
        "from_status": from_status,
        "to_status": to_status,
        "detail": detail or {},
        "created_at": at or utcnow(),
    }


async def ingest(
    session: AsyncSession | AsyncConnection,
    *,
    site_id: int,
    thread_id: int,
    author: str,
    text: str,
    email: str | None = None,
    notify: bool = False,
    parent_id: str | None = None,
    root_id: str | None = None,
    role: str | None = None,
    answers: dict[str, str] | None = None,
    client_hash: str = "",
    idempotency_key: str | None = None,
) -> IngestResult:
    """Store a reader's submission as received (one INSERT); the caller then enqueues its id."""
    now = utcnow()
    sid = new_id()
    row = {
        "id": sid,
        "site_id": site_id,
        "thread_id": thread_id,
        "parent_id": parent_id,
        "root_id": root_id,
        "author": author,
        "email": email,
        "notify": notify,
        "role": role,
        "answers": answers,
        "raw_text": text,
        "status": "received",
        "reason_codes": "",
        "client_hash": client_hash,
        "idempotency_key": idempotency_key,
        "report_count": 0,
        "attempts": 0,
        "created_at": now,
        "updated_at": now,
    }
    try:
        await session.execute(SUBMISSIONS.insert(), [row])
        await session.commit()
    except IntegrityError:
        await session.rollback()
        if idempotency_key is None:
            raise
        existing = (
            await session.execute(
                select(Submission.id, Submission.status).where(
                    Submission.site_id == site_id,
                    Submission.client_hash == client_hash,
                    Submission.idempotency_key == idempotency_key,
                )
            )
        ).one()
        return IngestResult(existing.id, existing.status, READER_MESSAGES[existing.status], False)
    return IngestResult(sid, "received", READER_MESSAGES["received"], True)


def _final_status(decision: Decision, private: bool) -> str:
    if decision.status == "reject":
        return "rejected"
    if decision.status == "hold":
        return "held"
    return "accepted" if private else "published"


def moderate_batch(
    moderator: Moderator,
    documents: Sequence[str],
    answers: Sequence[dict[str, Any] | None],
    policies: Sequence[Policy],
    first_times: Sequence[bool],
    texts: Sequence[str],
) -> list[tuple[str, dict[str, str] | None, Assessment, Decision]]:
    """CPU-bound part of processing, run off the event loop: sanitise, score, decide."""
    assessments = moderator.assess_batch(documents)
    out = []
    for text, ans, assessment, policy, first in zip(
        texts, answers, assessments, policies, first_times, strict=True
    ):
        html = sanitize(text)
        answers_html = {k: sanitize(str(v)) for k, v in ans.items()} if ans else None
        out.append((html, answers_html, assessment, decide_policy(assessment, policy, first_time=first)))
    return out


SAVE_DECISION = (
    update(SUBMISSIONS)
    .where(SUBMISSIONS.c.id == bindparam("b_id"))
    .values(
        status=bindparam("b_status"),
        html=bindparam("b_html"),
        answers_html=bindparam("b_answers_html"),
        toxicity=bindparam("b_toxicity"),
        child_score=bindparam("b_child_score"),
        spans=bindparam("b_spans"),
        reasons=bindparam("b_reasons"),
        reason_codes=bindparam("b_reason_codes"),
        explanation=bindparam("b_explanation"),
        decided_at=bindparam("b_now"),
    )
)

PublishedHook = Callable[[set[int]], Awaitable[None] | None]


class Pipeline:
    """Moves submissions through their statuses; shared by the in-process and arq workers."""

    def __init__(
        self,
        sessionmaker: async_sessionmaker[AsyncSession],
        moderator: Moderator,
        *,
        on_published: PublishedHook | None = None,
        on_decided: Callable[[list[dict[str, Any]]], Awaitable[None]] | None = None,
        dialect: str = "sqlite",
    ) -> None:
        self.sessionmaker = sessionmaker
        self.moderator = moderator
        self.on_published = on_published
        self.on_decided = on_decided
        self.dialect = dialect

    async def process(self, ids: Sequence[str], *, actor: str = "system:worker") -> ProcessStats:
        """Score and decide the given ids that are still received; safe to call twice for an id.

        Three steps so that no lock is held while scoring: read the batch, score it off the event
        loop, then one short write transaction that claims the rows still received (UPDATE ...
        RETURNING: row locks on PostgreSQL, the write lock on SQLite) and saves every decision.
        """
        stats = ProcessStats()
        ids = list(dict.fromkeys(ids))
        if not ids:
            return stats
        t = SUBMISSIONS
        async with self.sessionmaker() as session:
            rows = (
                await session.execute(
                    select(t.c.id, t.c.site_id, t.c.thread_id, t.c.raw_text, t.c.answers, t.c.email,
                           t.c.client_hash, Thread.kind, Thread.publish_responses,
                           Thread.policy_overrides, Site.policy)
                    .join(Thread, Thread.id == t.c.thread_id)
                    .join(Site, Site.id == t.c.site_id)
                    .where(t.c.id.in_(ids), t.c.status == "received")
                )
            ).all()
            policies = [policy_for(r.policy, r.policy_overrides) for r in rows]
            first_times: dict[str, bool] = {}
            if any(p.premoderate_first_time for p in policies):
                first_times = await self._first_times(session, rows)
        stats.skipped = len(ids) - len(rows)
        if not rows:
            return stats
        results = await asyncio.to_thread(
            moderate_batch,
            self.moderator,
            [scored_text(r.raw_text, r.answers) for r in rows],
            [r.answers for r in rows],
            policies,
            [first_times.get(r.id, False) for r in rows],
            [r.raw_text for r in rows],
        )
        now = utcnow()
        published_threads: set[int] = set()
        decided_events: list[dict[str, Any]] = []
        async with self.sessionmaker() as session:
            claimed = set(
                (
                    await session.execute(
                        update(t)
                        .where(t.c.id.in_([r.id for r in rows]), t.c.status == "received")
                        .values(attempts=t.c.attempts + 1, updated_at=now)
                        .returning(t.c.id)
                    )
                ).scalars()
            )
            params: list[dict[str, Any]] = []
            audits: list[dict[str, Any]] = []
            for row, (html, answers_html, assessment, decision) in zip(rows, results, strict=True):
                if row.id not in claimed:  # another worker decided it meanwhile
                    stats.skipped += 1
                    continue
                status = _final_status(decision, is_private(row.kind, row.publish_responses))
                reasons = [r.to_dict() for r in decision.reasons]
                spans = [s.to_dict() for s in assessment.child_data.spans]
                spans += [s.to_dict() for s in assessment.toxicity_spans]
                params.append({
                    "b_id": row.id,
                    "b_status": status,
                    "b_html": html,
                    "b_answers_html": answers_html,
                    "b_toxicity": {k: round(v, 4) for k, v in assessment.toxicity.items()},
                    "b_child_score": round(assessment.child_data.score, 4),
                    "b_spans": spans,
                    "b_reasons": reasons,
                    "b_reason_codes": ",".join(sorted({r["code"] for r in reasons})),
                    "b_explanation": assessment.child_data.explanation or None,
                    "b_now": now,
                })
                audits.append(
                    audit(actor=actor, action="decide", submission_id=row.id, site_id=row.site_id,
                          from_status="received", to_status=status, at=now,
                          detail={"decision": decision.status, "reasons": [r["code"] for r in reasons],
                                  "backend": assessment.backend})
                )
                stats.decided[row.id] = status
                decided_events.append(
                    {"id": row.id, "site_id": row.site_id, "thread_id": row.thread_id, "status": status}
                )
                if status == "published":
                    published_threads.add(row.thread_id)
            if params:
                await session.execute(SAVE_DECISION, params)
                await session.execute(insert(AuditEvent), audits)
            await session.commit()
        await self._notify(published_threads, decided_events)
        return stats

    async def _notify(self, threads: set[int], events: list[dict[str, Any]]) -> None:
        if threads and self.on_published is not None:
            maybe = self.on_published(threads)
            if maybe is not None:
                await maybe
        if events and self.on_decided is not None:
            await self.on_decided(events)

    async def _first_times(self, session: AsyncSession, subs: Iterable[Any]) -> dict[str, bool]:
        """A commenter is first-time on a site until something of theirs has been published."""
        subs = list(subs)
        emails = {s.email for s in subs if s.email}
        hashes = {s.client_hash for s in subs if s.client_hash}
        site_ids = {s.site_id for s in subs}
        if not emails and not hashes:
            return {s.id: True for s in subs}
        conds = []
        if emails:
            conds.append(Submission.email.in_(emails))
        if hashes:
            conds.append(Submission.client_hash.in_(hashes))
        known = (
            await session.execute(
                select(Submission.site_id, Submission.email, Submission.client_hash)
                .where(Submission.site_id.in_(site_ids), Submission.status == "published", or_(*conds))
            )
        ).all()
        seen_emails = {(r.site_id, r.email) for r in known if r.email}
        seen_hashes = {(r.site_id, r.client_hash) for r in known if r.client_hash}
        return {
            s.id: (s.site_id, s.email) not in seen_emails and (s.site_id, s.client_hash) not in seen_hashes
            for s in subs
        }

    async def stale_received(self, grace_seconds: float, limit: int = 1000) -> list[str]:
        """Ids still received after the grace period: their job was lost, so enqueue them again."""
        cutoff = utcnow() - timedelta(seconds=grace_seconds)
        async with self.sessionmaker() as session:
            rows = await session.execute(
                select(Submission.id)
                .where(Submission.status == "received", Submission.created_at < cutoff)
                .order_by(Submission.created_at)
                .limit(limit)
            )
            return [r[0] for r in rows]

    async def transition(
        self,
        submission_id: str,
        action: str,
        *,
        actor: str,
        reason: str | None = None,
        note: str | None = None,
        expected_status: str | None = None,
        new_text: str | None = None,
        redaction: dict[str, Any] | None = None,
        scrubbed: dict[str, Any] | None = None,
    ) -> str:
        """A moderator's decision; refused (TransitionError) if the item's status has moved on.

        With new_text (a redaction), ``scrubbed`` may replace "reasons" and "explanation", which
        can quote the removed text.
        """
        if action not in MODERATOR_TRANSITIONS:
            raise TransitionError(f"unknown action {action!r}")
        async with self.sessionmaker() as session:
            query = select(Submission).where(Submission.id == submission_id)
            if self.dialect == "postgresql":
                query = query.with_for_update()
            sub = (await session.execute(query)).scalar_one_or_none()
            if sub is None:
                raise TransitionError("no such submission")
            current = sub.status
            if expected_status is not None and current != expected_status:
                raise TransitionError(
                    f"this item is already {current}; someone decided it before you", current=current
                )
            targets = MODERATOR_TRANSITIONS[action].get(current)
            if not targets:
                raise TransitionError(f"cannot {action} an item that is {current}", current=current)
            target = next(iter(targets))
            if target == "published":
                thread = await session.get(Thread, sub.thread_id)
                if thread is not None and is_private(thread.kind, thread.publish_responses):
                    target = "accepted"
            now = utcnow()
            values: dict[str, Any] = {"status": target, "updated_at": now, "decided_at": now,
                                      "claimed_by": None, "claimed_until": None}
            if new_text is not None:
                values["raw_text"] = new_text
                values["html"] = await asyncio.to_thread(sanitize, new_text)
                values["spans"] = []
                values["answers"] = None
                values["answers_html"] = None
                for key in ("reasons", "explanation"):
                    if scrubbed and key in scrubbed:
                        values[key] = scrubbed[key]
            result = await session.execute(
                update(Submission)
                .where(Submission.id == submission_id, Submission.status == current)
                .values(**values)
                .execution_options(synchronize_session=False)
            )
            if result.rowcount != 1:  # type: ignore[attr-defined]
                await session.rollback()
                raise TransitionError("this item was decided by someone else just now")
            detail: dict[str, Any] = {}
            if reason:
                detail["reason"] = reason
            if note:
                detail["note"] = note
            if redaction:
                detail["redaction"] = redaction
            await session.execute(
                insert(AuditEvent),
                [audit(actor=actor, action=action, submission_id=sub.id, site_id=sub.site_id,
                       from_status=current, to_status=target, detail=detail, at=now)],
            )
            await session.commit()
            thread_id = sub.thread_id
        if "published" in (current, target):
            await self._notify({thread_id}, [])
        if self.on_decided is not None:
            await self.on_decided([{"id": submission_id, "site_id": sub.site_id,
                                    "thread_id": thread_id, "status": target}])
        return target

    async def add_report(
        self, submission_id: str, *, reason: str, note: str | None, client_hash: str
    ) -> int:
        """Record a reader report; the count is kept on the submission for the reported queue."""
        async with self.sessionmaker() as session:
            await session.execute(
                insert(Report),
                [{"submission_id": submission_id, "reason": reason, "note": note,
                  "client_hash": client_hash, "resolved": False, "created_at": utcnow()}],
            )
            await session.execute(
                update(Submission)
                .where(Submission.id == submission_id)
                .values(report_count=Submission.report_count + 1)
                .execution_options(synchronize_session=False)
            )
            count = (
                await session.execute(
                    select(func.count()).select_from(Report).where(Report.submission_id == submission_id)
                )
            ).scalar_one()
            await session.commit()
        return int(count)
