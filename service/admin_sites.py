"""Owner operations on sites, threads, policies and word lists: validate all, then save, audited."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from moderation.policy import DEFAULT_POLICY, Policy, PolicyError
from service.models import THREAD_KINDS, AuditEvent, Site, Thread, utcnow
from service.models_admin import SiteSettings
from service.pipeline import audit
from service.validation import InputError

THREAD_KEY_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:~-]{0,199}$")
WORD_LISTS = {"banned": "banned_words", "suspect": "suspect_words"}
WORD_ACTIONS = ("add", "remove", "replace")
THREAD_FIELDS = {"key", "kind", "title", "url", "intro", "opens_at", "closes_at", "questions",
                 "publish_responses", "policy_overrides"}
SITE_FIELDS = {"name", "origins", "policy", "retention_days", "notify_replies", "rejection_notice"}


def invalid(errors: list[dict[str, str]], status: int = 422, code: str = "validation_failed") -> InputError:
    return InputError(status, "Some fields need attention: " +
                      "; ".join(f"{e['field']}: {e['message']}" for e in errors), errors, code=code)


def _prefixed(prefix: str, exc: PolicyError) -> list[dict[str, str]]:
    return [{"field": f"{prefix}.{e['field']}", "message": e["message"]} for e in exc.errors]


def check_origins(value: Any, errors: list[dict[str, str]], field: str = "origins") -> list[str]:
    if not isinstance(value, list):
        errors.append({"field": field, "message": 'expected a list like ["https://news.example.org"]'})
        return []
    out: list[str] = []
    for i, origin in enumerate(value):
        parts = urlsplit(origin) if isinstance(origin, str) else None
        if (parts is None or parts.scheme not in ("http", "https") or not parts.hostname
                or parts.path not in ("", "/") or parts.query or parts.fragment
                or parts.username or parts.password):
            errors.append({"field": f"{field}[{i}]", "message": f"{origin!r} is not an origin; use "
                           "scheme://host[:port] with no path, e.g. https://news.example.org"})
            continue
        try:
            parts.port  # noqa: B018 - raises on a bad port
        except ValueError:
            errors.append({"field": f"{field}[{i}]", "message": "the port is not a number from 1 to 65535"})
            continue
        norm = f"{parts.scheme}://{parts.netloc.lower()}"
        if norm not in out:
            out.append(norm)
    return out


def effective_policy(site: Site) -> Policy:
    return Policy.from_dict(site.policy) if site.policy else DEFAULT_POLICY


async def site_settings(session: AsyncSession, site_id: int) -> SiteSettings:
    row = await session.get(SiteSettings, site_id)
    if row is None:
        row = SiteSettings(site_id=site_id, retention_days=None, notify_replies=False,
                           rejection_notice=None, updated_at=utcnow())
        session.add(row)
        await session.flush()
    return row


def site_dict(site: Site, settings: SiteSettings) -> dict[str, Any]:
    return {
        "key": site.key,
        "name": site.name,
        "origins": list(site.origins or []),
        "policy": effective_policy(site).to_dict(),
        "retention_days": settings.retention_days,
        "notify_replies": settings.notify_replies,
        "rejection_notice": settings.rejection_notice,
        "created_at": site.created_at.isoformat(),
    }


async def _audit(session: AsyncSession, **kwargs: Any) -> None:
    await session.execute(insert(AuditEvent), [audit(**kwargs)])


async def update_site(session: AsyncSession, site: Site, data: Any, actor: str) -> None:
    """Apply a partial update of the site and its settings; nothing is saved if any field is wrong."""
    if not isinstance(data, dict):
        raise invalid([{"field": "body", "message": "expected a JSON object"}])
    errors: list[dict[str, str]] = []
    for name in sorted(set(data) - SITE_FIELDS):
        errors.append({"field": name, "message": f"unknown field; use {', '.join(sorted(SITE_FIELDS))}"})
    changes: dict[str, Any] = {}
    if "name" in data:
        name = data["name"]
        if not isinstance(name, str) or not name.strip() or len(name) > 200:
            errors.append({"field": "name", "message": "required: 1 to 200 characters"})
        else:
            changes["name"] = name.strip()
    if "origins" in data:
        changes["origins"] = check_origins(data["origins"], errors)
    new_policy = None
    if "policy" in data:
        try:
            new_policy = Policy.from_dict(data["policy"]).to_dict()
        except PolicyError as exc:
            errors.extend(_prefixed("policy", exc))
    settings_changes: dict[str, Any] = {}
    if "retention_days" in data:
        days = data["retention_days"]
        if days is not None and (isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= 3650):
            errors.append({"field": "retention_days",
                           "message": "a whole number of days from 1 to 3650, or null to keep forever"})
        else:
            settings_changes["retention_days"] = days
    if "notify_replies" in data:
        if not isinstance(data["notify_replies"], bool):
            errors.append({"field": "notify_replies", "message": "expected true or false"})
        else:
            settings_changes["notify_replies"] = data["notify_replies"]
    if "rejection_notice" in data:
        notice = data["rejection_notice"]
        if notice is not None and (not isinstance(notice, str) or len(notice) > 2000):
            errors.append({"field": "rejection_notice",
                           "message": "text of at most 2,000 characters, or null to send none"})
        else:
            settings_changes["rejection_notice"] = (notice or "").strip() or None
    if errors:
        raise invalid(errors)
    before = {k: getattr(site, k) for k in changes}
    for key, value in changes.items():
        setattr(site, key, value)
    if changes:
        await _audit(session, actor=actor, action="site.update", site_id=site.id,
                     detail={"before": before, "after": changes})
    if settings_changes:
        row = await site_settings(session, site.id)
        before_s = {k: getattr(row, k) for k in settings_changes}
        for key, value in settings_changes.items():
            setattr(row, key, value)
        row.updated_at = utcnow()
        await _audit(session, actor=actor, action="site.settings", site_id=site.id,
                     detail={"before": before_s, "after": settings_changes})
    if new_policy is not None:
        await save_policy(session, site, new_policy, actor)


async def save_policy(session: AsyncSession, site: Site, new_policy: dict[str, Any], actor: str,
                      via: str = "policy") -> None:
    """Store a validated policy and audit who changed it, when, and from what to what."""
    before = effective_policy(site).to_dict()
    if before == new_policy and site.policy:
        return
    site.policy = new_policy
    await _audit(session, actor=actor, action="policy.update", site_id=site.id,
                 detail={"before": before, "after": new_policy, "via": via})


def merged_policy(site: Site, patch: Any) -> dict[str, Any]:
    """The site's policy with some settings replaced (threshold maps merge per label)."""
    try:
        return effective_policy(site).with_overrides(patch).to_dict()
    except PolicyError as exc:
        raise invalid(_prefixed("policy", exc)) from None


def replaced_policy(data: Any) -> dict[str, Any]:
    try:
        return Policy.from_dict(data).to_dict()
    except PolicyError as exc:
        raise invalid(_prefixed("policy", exc)) from None


async def apply_wordlist(session: AsyncSession, site: Site, data: Any, actor: str) -> dict[str, Any]:
    """{"list": banned|suspect, "action": add|remove|replace, "words": [...]} on the site's policy."""
    if not isinstance(data, dict):
        raise invalid([{"field": "body", "message": "expected a JSON object"}])
    errors: list[dict[str, str]] = []
    which, action, words = data.get("list"), data.get("action"), data.get("words")
    if which not in WORD_LISTS:
        errors.append({"field": "list", "message": f"unknown word list; use {' or '.join(WORD_LISTS)}"})
    if action not in WORD_ACTIONS:
        errors.append({"field": "action", "message": f"unknown action {action!r}; use {', '.join(WORD_ACTIONS)}"})
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        errors.append({"field": "words", "message": 'expected a list of non-empty words, e.g. ["word", "a phrase"]'})
    elif any(len(w) > 100 for w in words):
        errors.append({"field": "words", "message": "each word or phrase may be at most 100 characters"})
    for extra in sorted(set(data) - {"list", "action", "words"}):
        errors.append({"field": extra, "message": "unknown field; use list, action and words"})
    if errors:
        raise invalid(errors)
    field = WORD_LISTS[str(which)]
    current = list(effective_policy(site).to_dict()[field])
    cleaned = [" ".join(str(w).split()) for w in words or []]
    if action == "add":
        updated = list(current)
        for word in cleaned:
            if word.casefold() not in {u.casefold() for u in updated}:
                updated.append(word)
    elif action == "remove":
        drop = {w.casefold() for w in cleaned}
        updated = [w for w in current if w.casefold() not in drop]
    else:
        updated = cleaned
    new_policy = merged_policy(site, {field: updated})
    await save_policy(session, site, new_policy, actor, via=f"wordlist.{which}.{action}")
    return {"banned": new_policy["banned_words"], "suspect": new_policy["suspect_words"]}


# --------------------------------------------------------------------------- threads


def _when(value: Any, field: str, errors: list[dict[str, str]]) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, str):
        errors.append({"field": field, "message": "expected an ISO 8601 date-time such as 2030-01-31T17:00:00Z"})
        return None
    try:
        when = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        errors.append({"field": field, "message": f"{value!r} is not an ISO 8601 date-time; "
                       "use e.g. 2030-01-31T17:00:00Z"})
        return None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


def _questions(value: Any, errors: list[dict[str, str]]) -> list[dict[str, str]]:
    if not isinstance(value, list):
        errors.append({"field": "questions", "message": 'expected a list of questions, e.g. ["What works?"]'})
        return []
    out: list[dict[str, str]] = []
    for i, q in enumerate(value):
        qid, text = (f"q{i + 1}", q) if isinstance(q, str) else (
            (q.get("id") or f"q{i + 1}", q.get("text")) if isinstance(q, dict) else (None, None))
        if not isinstance(text, str) or not text.strip() or len(text) > 1000:
            errors.append({"field": f"questions[{i}]", "message": "a question of 1 to 1,000 characters"})
            continue
        if not isinstance(qid, str) or not re.fullmatch(r"[A-Za-z0-9_-]{1,40}", qid):
            errors.append({"field": f"questions[{i}].id", "message": "letters, digits, - and _ (at most 40)"})
            continue
        if any(o["id"] == qid for o in out):
            errors.append({"field": f"questions[{i}].id", "message": f"duplicate question id {qid!r}"})
            continue
        out.append({"id": qid, "text": text.strip()})
    return out


def validate_thread(data: Any, site: Site, existing: Thread | None) -> dict[str, Any]:
    """Column values for a new thread (existing=None) or the changed ones of an existing thread."""
    if not isinstance(data, dict):
        raise invalid([{"field": "body", "message": "expected a JSON object"}])
    errors: list[dict[str, str]] = []
    for name in sorted(set(data) - THREAD_FIELDS):
        errors.append({"field": name, "message": f"unknown field; use {', '.join(sorted(THREAD_FIELDS))}"})
    values: dict[str, Any] = {}
    if existing is None or "key" in data:
        key = data.get("key")
        if existing is not None and key != existing.key:
            errors.append({"field": "key", "message": "a thread's key cannot change (embeds refer to it)"})
        elif not isinstance(key, str) or not THREAD_KEY_RE.match(key):
            errors.append({"field": "key", "message": "required: 1 to 200 letters, digits and . _ : ~ -, "
                           "starting with a letter or digit (e.g. the article's slug)"})
        else:
            values["key"] = key
    if existing is None or "kind" in data:
        kind = data.get("kind", "article")
        if kind not in THREAD_KINDS:
            errors.append({"field": "kind", "message": f"unknown kind; use {', '.join(THREAD_KINDS)}"})
        else:
            values["kind"] = kind
    if existing is None or "title" in data:
        title = data.get("title")
        if not isinstance(title, str) or not title.strip() or len(title) > 300:
            errors.append({"field": "title", "message": "required: 1 to 300 characters"})
        else:
            values["title"] = title.strip()
    if "url" in data:
        url = data["url"]
        parts = urlsplit(url) if isinstance(url, str) else None
        if url is not None and (parts is None or parts.scheme not in ("http", "https")
                                or not parts.netloc or len(url) > 2000):
            errors.append({"field": "url", "message": "an http(s) address of the page, or null"})
        else:
            values["url"] = url
    if "intro" in data:
        intro = data["intro"]
        if intro is not None and (not isinstance(intro, str) or len(intro) > 5000):
            errors.append({"field": "intro", "message": "text of at most 5,000 characters, or null"})
        else:
            values["intro"] = intro
    for name in ("opens_at", "closes_at"):
        if name in data:
            values[name] = _when(data[name], name, errors)
    opens = values.get("opens_at", existing.opens_at if existing else None)
    closes = values.get("closes_at", existing.closes_at if existing else None)
    if opens and closes and closes <= opens and not any(e["field"] in ("opens_at", "closes_at") for e in errors):
        errors.append({"field": "closes_at", "message": f"must be after opens_at ({opens.isoformat()})"})
    kind = values.get("kind", existing.kind if existing else "article")
    if "questions" in data:
        values["questions"] = _questions(data["questions"], errors)
        if values["questions"] and kind != "consultation":
            errors.append({"field": "questions", "message": "only consultations have questions"})
    if "publish_responses" in data:
        if not isinstance(data["publish_responses"], bool):
            errors.append({"field": "publish_responses", "message": "expected true or false"})
        else:
            values["publish_responses"] = data["publish_responses"]
    if "policy_overrides" in data:
        overrides = data["policy_overrides"] or {}
        try:
            effective_policy(site).with_overrides(overrides)
            values["policy_overrides"] = dict(overrides)
        except PolicyError as exc:
            errors.extend(_prefixed("policy_overrides", exc))
    if errors:
        raise invalid(errors)
    if existing is None:
        values.setdefault("questions", [])
        values.setdefault("publish_responses", False)
        values.setdefault("policy_overrides", {})
    return values


def thread_dict(thread: Thread) -> dict[str, Any]:
    return {
        "key": thread.key,
        "kind": thread.kind,
        "title": thread.title,
        "url": thread.url,
        "intro": thread.intro,
        "opens_at": thread.opens_at.isoformat() if thread.opens_at else None,
        "closes_at": thread.closes_at.isoformat() if thread.closes_at else None,
        "questions": list(thread.questions or []),
        "publish_responses": thread.publish_responses,
        "policy_overrides": dict(thread.policy_overrides or {}),
        "created_at": thread.created_at.isoformat(),
    }


async def get_thread(session: AsyncSession, site: Site, key: str) -> Thread | None:
    return (await session.execute(
        select(Thread).where(Thread.site_id == site.id, Thread.key == key))).scalar_one_or_none()


async def create_thread(session: AsyncSession, site: Site, data: Any, actor: str) -> Thread:
    values = validate_thread(data, site, None)
    if await get_thread(session, site, values["key"]) is not None:
        raise invalid([{"field": "key", "message": f"thread {values['key']!r} already exists on this site; "
                        "choose another key or update that thread"}], status=409, code="duplicate")
    thread = Thread(site_id=site.id, created_at=utcnow(), **values)
    session.add(thread)
    await session.flush()
    await _audit(session, actor=actor, action="thread.create", site_id=site.id,
                 detail={"thread": thread.key, "after": thread_dict(thread)})
    return thread


async def update_thread(session: AsyncSession, site: Site, thread: Thread, data: Any, actor: str) -> Thread:
    values = validate_thread(data, site, thread)
    before = thread_dict(thread)
    for key, value in values.items():
        setattr(thread, key, value)
    await session.flush()
    after = thread_dict(thread)
    changed = {k: v for k, v in after.items() if before.get(k) != v}
    if changed:
        action = "thread.policy_update" if "policy_overrides" in changed else "thread.update"
        await _audit(session, actor=actor, action=action, site_id=site.id,
                     detail={"thread": thread.key, "before": {k: before[k] for k in changed},
                             "after": changed})
    return thread


async def policy_history(session: AsyncSession, site: Site, limit: int = 50) -> list[dict[str, Any]]:
    rows = await session.execute(
        select(AuditEvent).where(AuditEvent.site_id == site.id,
                                 AuditEvent.action.in_(("policy.update", "thread.policy_update")))
        .order_by(AuditEvent.created_at.desc(), AuditEvent.id.desc()).limit(limit))
    return [{"actor": e.actor, "action": e.action, "at": e.created_at.isoformat(), **e.detail}
            for e in rows.scalars()]
