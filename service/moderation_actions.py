"""Moderator decisions: claim checks, redaction, bulk actions, report dismissal (via Pipeline)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, update

from moderation.types import CHILD_DATA_KINDS
from service.models import AuditEvent, Report, Submission, utcnow
from service.moderation_queries import claim_holder
from service.pipeline import TransitionError, audit, scored_text
from service.state import AppState
from service.web import UserCtx

REMOVED = "[removed]"
ACTIONS = ("approve", "reject", "redact", "remove", "restore", "dismiss")
# Reason codes a moderator picks when rejecting or removing (stored in the audit detail).
REJECT_REASONS: dict[str, str] = {
    "child_data": "Identifies or could identify a child",
    "abuse": "Abusive, threatening or hateful",
    "personal_information": "Personal information about an adult",
    "legal": "Legal risk (contempt of court, defamation)",
    "spam": "Spam or advertising",
    "off_topic": "Off topic",
    "other": "Other (say why in the note)",
}
ACTION_DONE = {
    "approve": "Approved",
    "reject": "Rejected",
    "redact": "Redacted and approved",
    "remove": "Removed",
    "restore": "Restored",
    "dismiss": "Reports dismissed; the comment stays up",
}


class ActionRefused(Exception):
    """The action cannot be taken; the message is shown to the moderator as it is."""

    def __init__(self, message: str, status: int = 409) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


class NotVisible(Exception):
    """No such item for this moderator (missing, or on a site they do not belong to)."""


@dataclass(frozen=True)
class Outcome:
    id: str
    action: str
    status: str


# --------------------------------------------------------------------------- redaction


def merge_ranges(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def redact_text(document: str, ranges: list[tuple[int, int]]) -> tuple[str, list[str]]:
    """Replace each (merged) range by REMOVED; returns the new text and the removed pieces."""
    merged = merge_ranges([(max(0, s), min(len(document), e)) for s, e in ranges if e > s])
    pieces: list[str] = []
    removed: list[str] = []
    pos = 0
    for start, end in merged:
        pieces.append(document[pos:start])
        pieces.append(REMOVED)
        removed.append(document[start:end])
        pos = end
    pieces.append(document[pos:])
    return "".join(pieces), removed


def _scrub(value: Any, removed: list[str]) -> Any:
    if isinstance(value, str):
        for piece in sorted({p for p in removed if p.strip()}, key=len, reverse=True):
            value = value.replace(piece, REMOVED)
        return value
    if isinstance(value, list):
        return [_scrub(v, removed) for v in value]
    if isinstance(value, dict):
        return {k: _scrub(v, removed) for k, v in value.items()}
    return value


def scrub_reasons(reasons: list[dict[str, Any]] | None, removed: list[str]) -> list[dict[str, Any]]:
    """Reasons kept after a redaction: the child-data sentence may quote the removed text, so it
    is replaced by a generic one; every other string has the removed pieces taken out."""
    out = []
    for reason in reasons or []:
        reason = _scrub(dict(reason), removed)
        if reason.get("code") == "child_data":
            reason["message"] = ("Contained personal data about a child; a moderator removed it "
                                 "before publishing.")
        out.append(reason)
    return out


def default_selected(spans: list[dict[str, Any]]) -> list[int]:
    """Spans preselected on the redact form: everything the child-data detector found."""
    return [i for i, s in enumerate(spans) if s.get("kind") in CHILD_DATA_KINDS]


# --------------------------------------------------------------------------- decisions


async def _load(state: AppState, user: UserCtx, item_id: str) -> Submission:
    async with state.sessionmaker() as session:
        sub = await session.get(Submission, item_id)
    if sub is None or not user.can_see(sub.site_id):
        raise NotVisible(item_id)
    return sub


async def _check_claim(state: AppState, user: UserCtx, item_id: str) -> None:
    async with state.sessionmaker() as session:
        holder_id, holder_email = await claim_holder(session, item_id)
    if holder_id is not None and holder_id != user.id:
        raise ActionRefused(
            f"{holder_email or 'Another moderator'} is reviewing this item right now. Leave it to "
            "them, or open it again when their claim has expired (10 minutes after they opened it).",
            status=409,
        )


async def decide(
    state: AppState,
    user: UserCtx,
    item_id: str,
    action: str,
    *,
    expected_status: str | None = None,
    reason: str | None = None,
    note: str | None = None,
    selected: list[int] | None = None,
) -> Outcome:
    """Apply one moderator action; raises NotVisible or ActionRefused (with a clear message)."""
    if action not in ACTIONS:
        raise ActionRefused(f"unknown action {action!r}", status=400)
    sub = await _load(state, user, item_id)
    await _check_claim(state, user, item_id)
    if expected_status and expected_status != sub.status:
        raise ActionRefused(_moved_message(sub.status))
    if action in ("reject", "remove"):
        if reason not in REJECT_REASONS:
            raise ActionRefused("Choose a reason for rejecting (field: reason).", status=422)
        if reason == "other" and not (note or "").strip():
            raise ActionRefused("With reason “Other”, say why in the note (field: note).", status=422)
    note = (note or "").strip()[:2000] or None
    if action not in ("reject", "remove"):
        reason = None  # a form may carry the bulk bar's reason along; only rejections have one
    if action == "dismiss":
        return await _dismiss_reports(state, user, sub, note)
    kwargs: dict[str, Any] = {}
    pipeline_action = action
    if action == "redact":
        pipeline_action = "approve"
        kwargs = _redaction(sub, selected or [])
    try:
        status = await state.pipeline.transition(
            item_id, pipeline_action, actor=user.actor, reason=reason, note=note,
            expected_status=expected_status or sub.status, **kwargs,
        )
    except TransitionError as exc:
        current = exc.current
        raise ActionRefused(_moved_message(current) if current else str(exc)) from None
    if action in ("remove", "reject") and sub.status == "published":
        await _resolve_reports(state, item_id)
    return Outcome(item_id, action, status)


def _moved_message(current: str | None) -> str:
    return (f"This item has already been decided: it is now {current}. Nothing was changed; "
            "reload to see the latest decision.")


def _redaction(sub: Submission, selected: list[int]) -> dict[str, Any]:
    spans = list(sub.spans or [])
    picked = sorted({i for i in selected if 0 <= i < len(spans)})
    if not picked:
        raise ActionRefused("Select at least one highlighted passage to remove, or use Approve.", status=422)
    document = scored_text(sub.raw_text, sub.answers)
    ranges = [(int(spans[i]["start"]), int(spans[i]["end"])) for i in picked]
    new_text, removed = redact_text(document, ranges)
    redaction = {
        "spans": [{"start": int(spans[i]["start"]), "end": int(spans[i]["end"]),
                   "kind": str(spans[i].get("kind", ""))} for i in picked],
        "kinds": sorted({str(spans[i].get("kind", "")) for i in picked}),
    }
    return {
        "new_text": new_text,
        "redaction": redaction,
        "scrubbed": {"reasons": scrub_reasons(sub.reasons, removed), "explanation": None},
    }


async def _resolve_reports(state: AppState, item_id: str) -> int:
    async with state.sessionmaker() as session:
        result = await session.execute(
            update(Report).where(Report.submission_id == item_id, Report.resolved.is_(False))
            .values(resolved=True).execution_options(synchronize_session=False))
        await session.commit()
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


async def _dismiss_reports(state: AppState, user: UserCtx, sub: Submission, note: str | None) -> Outcome:
    resolved = await _resolve_reports(state, sub.id)
    if not resolved:
        raise ActionRefused("There are no open reports on this item to dismiss.")
    detail: dict[str, Any] = {"reports": resolved}
    if note:
        detail["note"] = note
    async with state.sessionmaker() as session:
        await session.execute(insert(AuditEvent), [audit(
            actor=user.actor, action="dismiss_reports", submission_id=sub.id, site_id=sub.site_id,
            from_status=sub.status, to_status=sub.status, detail=detail, at=utcnow())])
        await session.commit()
    return Outcome(sub.id, "dismiss", sub.status)


@dataclass
class BulkResult:
    done: list[str]
    refused: list[tuple[str, str]]


async def bulk(
    state: AppState, user: UserCtx, ids: list[str], action: str, *,
    seen: dict[str, str], reason: str | None = None, note: str | None = None,
) -> BulkResult:
    """Approve or reject many items; each is decided on its own, refusals are reported per item."""
    if action not in ("approve", "reject"):
        raise ActionRefused("Bulk actions are approve and reject.", status=400)
    if not ids:
        raise ActionRefused("Select at least one item first (the check boxes in the list).", status=422)
    if len(ids) > 200:
        raise ActionRefused("Select at most 200 items at a time.", status=422)
    result = BulkResult([], [])
    for item_id in dict.fromkeys(ids):
        try:
            await decide(state, user, item_id, action, expected_status=seen.get(item_id),
                         reason=reason, note=note)
            result.done.append(item_id)
        except NotVisible:
            result.refused.append((item_id, "not found"))
        except ActionRefused as exc:
            result.refused.append((item_id, exc.message))
    return result
