"""The public read path: a thread's published submissions as a cursor-paged JSON page."""

from __future__ import annotations

import base64
import json
from datetime import datetime
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from service.directory import ThreadInfo
from service.models import Submission, UTCDateTime
from service.validation import InputError

PUBLIC_COLUMNS = (
    Submission.id,
    Submission.parent_id,
    Submission.root_id,
    Submission.author,
    Submission.role,
    Submission.html,
    Submission.answers_html,
    Submission.created_at,
)


def encode_cursor(created_at: datetime, sid: str) -> str:
    raw = f"{created_at.isoformat()}|{sid}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        stamp, sid = raw.split("|", 1)
        return datetime.fromisoformat(stamp), sid
    except Exception:
        raise InputError(422, "cursor is not one this API gave out; use next_cursor from the "
                         "previous page, or leave it out for the first page",
                         [{"field": "cursor", "message": "unrecognised cursor"}],
                         code="validation_failed") from None


def _item(row: Any) -> dict[str, Any]:
    item = {
        "id": row.id,
        "parent_id": row.parent_id,
        "author": row.author,
        "html": row.html or "",
        "created_at": row.created_at.isoformat(),
    }
    if row.role is not None:
        item["role"] = row.role
    if row.answers_html:
        item["answers_html"] = row.answers_html
    return item


async def published_page(
    session: AsyncSession, thread: ThreadInfo, *, order: str, cursor: str | None, limit: int
) -> bytes:
    """Top-level published items, oldest or newest first, each with all its published replies."""
    if thread.private:
        return json.dumps({"items": [], "next_cursor": None, "total": 0, "order": order}).encode()
    newest = order == "newest"
    conds = [
        Submission.thread_id == thread.thread_id,
        Submission.status == "published",
        Submission.parent_id.is_(None),
    ]
    if cursor:
        stamp, sid = decode_cursor(cursor)
        bound = UTCDateTime().process_bind_param(stamp, session.bind.dialect)  # type: ignore[union-attr]
        if newest:
            conds.append(or_(Submission.created_at < bound,
                             and_(Submission.created_at == bound, Submission.id < sid)))
        else:
            conds.append(or_(Submission.created_at > bound,
                             and_(Submission.created_at == bound, Submission.id > sid)))
    ordering = (
        (Submission.created_at.desc(), Submission.id.desc())
        if newest
        else (Submission.created_at, Submission.id)
    )
    rows = (
        await session.execute(select(*PUBLIC_COLUMNS).where(*conds).order_by(*ordering).limit(limit + 1))
    ).all()
    more = len(rows) > limit
    rows = rows[:limit]
    items = [_item(r) for r in rows]
    if items:
        by_id = {it["id"]: it for it in items}
        for it in items:
            it["replies"] = []
        replies = (
            await session.execute(
                select(*PUBLIC_COLUMNS)
                .where(
                    Submission.thread_id == thread.thread_id,
                    Submission.status == "published",
                    Submission.root_id.in_(list(by_id)),
                )
                .order_by(Submission.created_at, Submission.id)
            )
        ).all()
        for r in replies:
            by_id[r.root_id]["replies"].append(_item(r))
    total = (
        await session.execute(
            select(func.count()).select_from(Submission).where(
                Submission.thread_id == thread.thread_id, Submission.status == "published"
            )
        )
    ).scalar_one()
    next_cursor = encode_cursor(rows[-1].created_at, rows[-1].id) if more and rows else None
    body = {"items": items, "next_cursor": next_cursor, "total": total, "order": order}
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
