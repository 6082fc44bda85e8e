"""Moderators and owners of a site: list, add (creating the account if needed), change, remove."""

from __future__ import annotations

import asyncio
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from service.admin_sites import invalid
from service.auth import hash_password
from service.models import MEMBER_ROLES, AuditEvent, Membership, Site, User, utcnow
from service.pipeline import audit
from service.validation import EMAIL_RE, InputError


async def list_members(session: AsyncSession, site_id: int) -> list[dict[str, Any]]:
    rows = await session.execute(
        select(Membership.id, Membership.role, Membership.created_at, User.email, User.disabled)
        .join(User, User.id == Membership.user_id).where(Membership.site_id == site_id).order_by(User.email))
    return [{"id": r.id, "email": r.email, "role": r.role, "disabled": r.disabled,
             "since": r.created_at.isoformat()} for r in rows]


async def add_member(session: AsyncSession, site: Site, data: Any, actor: str) -> dict[str, Any]:
    """{"email", "role", "password"?}: the password is needed only when the account is new."""
    if not isinstance(data, dict):
        raise invalid([{"field": "body", "message": "expected a JSON object"}])
    errors = []
    email = data.get("email")
    role = data.get("role")
    password = data.get("password") or None
    if not isinstance(email, str) or not EMAIL_RE.match(email.strip()):
        errors.append({"field": "email", "message": "required: the person's e-mail address"})
    if role not in MEMBER_ROLES:
        errors.append({"field": "role", "message": f"use {' or '.join(MEMBER_ROLES)}"})
    if password is not None and (not isinstance(password, str) or len(password) < 10):
        errors.append({"field": "password", "message": "at least 10 characters"})
    if errors:
        raise invalid(errors)
    email = str(email).strip().lower()
    user = (await session.execute(select(User).where(User.email == email))).scalar_one_or_none()
    if user is None:
        if password is None:
            raise invalid([{"field": "password", "message": "no account has this e-mail yet: give a first "
                            "password (at least 10 characters) to create it"}])
        user = User(email=email, password_hash=await asyncio.to_thread(hash_password, str(password)),
                    created_at=utcnow(), failed_logins=0, disabled=False)
        session.add(user)
        await session.flush()
    member = (await session.execute(select(Membership).where(
        Membership.user_id == user.id, Membership.site_id == site.id))).scalar_one_or_none()
    before = member.role if member else None
    if member is None:
        member = Membership(user_id=user.id, site_id=site.id, role=str(role), created_at=utcnow())
        session.add(member)
    else:
        if before == "owner" and role != "owner":
            await _keep_an_owner(session, site.id)
        member.role = str(role)
    await session.flush()
    await session.execute(insert(AuditEvent), [audit(actor=actor, action="member.set", site_id=site.id,
                                                     detail={"email": email, "before": before, "after": role})])
    return {"id": member.id, "email": email, "role": member.role}


async def _keep_an_owner(session: AsyncSession, site_id: int) -> None:
    owners = (await session.execute(select(func.count()).select_from(Membership).where(
        Membership.site_id == site_id, Membership.role == "owner"))).scalar_one()
    if owners <= 1:
        raise invalid([{"field": "role", "message": "this is the site's last owner; make someone else "
                        "owner first"}], status=409, code="last_owner")


async def remove_member(session: AsyncSession, site: Site, raw_id: str, actor: str) -> None:
    member = await session.get(Membership, int(raw_id)) if raw_id.isdigit() else None
    if member is None or member.site_id != site.id:
        raise InputError(404, "No such member of this site.", code="not_found")
    if member.role == "owner":
        await _keep_an_owner(session, site.id)
    email = (await session.execute(select(User.email).where(User.id == member.user_id))).scalar_one()
    await session.delete(member)
    await session.execute(insert(AuditEvent), [audit(actor=actor, action="member.remove", site_id=site.id,
                                                     detail={"email": email, "before": member.role})])
