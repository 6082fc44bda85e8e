"""Site API keys: created once and shown once, stored as SHA-256, revocable, last use recorded."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from service.models import Site, utcnow
from service.models_admin import ApiKey

KEY_PREFIX = "sgk_"
# Writing last_used_at on every call would turn each read into a write; a minute is precise enough.
LAST_USED_PRECISION = timedelta(seconds=60)


def hash_key(key: str) -> str:
    # Keys carry 192 random bits, so a fast unsalted hash is safe: nothing to brute-force.
    return hashlib.sha256(key.encode()).hexdigest()


@dataclass(frozen=True)
class KeyIdentity:
    key_id: int
    name: str
    site_id: int
    site_key: str

    @property
    def actor(self) -> str:
        return f"apikey:{self.name}#{self.key_id}"


def key_dict(row: ApiKey) -> dict[str, Any]:
    return {
        "id": row.id,
        "name": row.name,
        "prefix": row.prefix,
        "created_by": row.created_by,
        "created_at": row.created_at.isoformat(),
        "last_used_at": row.last_used_at.isoformat() if row.last_used_at else None,
        "revoked_at": row.revoked_at.isoformat() if row.revoked_at else None,
        "active": row.revoked_at is None,
    }


async def create_key(session: AsyncSession, site_id: int, name: str, created_by: str) -> tuple[ApiKey, str]:
    """A new key for the site; the plain key is returned here and never again."""
    plain = KEY_PREFIX + secrets.token_urlsafe(24)
    row = ApiKey(site_id=site_id, name=name, prefix=plain[:12], key_hash=hash_key(plain),
                 created_by=created_by, created_at=utcnow())
    session.add(row)
    await session.flush()
    return row, plain


async def list_keys(session: AsyncSession, site_id: int) -> list[ApiKey]:
    rows = await session.execute(select(ApiKey).where(ApiKey.site_id == site_id).order_by(ApiKey.id))
    return list(rows.scalars())


async def revoke_key(session: AsyncSession, site_id: int, key_id: int) -> ApiKey | None:
    row = (await session.execute(
        select(ApiKey).where(ApiKey.id == key_id, ApiKey.site_id == site_id))).scalar_one_or_none()
    if row is not None and row.revoked_at is None:
        row.revoked_at = utcnow()
    return row


async def authenticate(session: AsyncSession, plain: str, now: datetime | None = None) -> KeyIdentity | None:
    """The identity behind a presented key, or None if it is unknown or revoked."""
    if not plain.startswith(KEY_PREFIX) or len(plain) > 100:
        return None
    row = (await session.execute(
        select(ApiKey, Site.key).join(Site, Site.id == ApiKey.site_id)
        .where(ApiKey.key_hash == hash_key(plain)))).first()
    if row is None:
        return None
    key, site_key = row
    if key.revoked_at is not None:
        return None
    now = now or utcnow()
    if key.last_used_at is None or now - key.last_used_at >= LAST_USED_PRECISION:
        await session.execute(update(ApiKey).where(ApiKey.id == key.id).values(last_used_at=now)
                              .execution_options(synchronize_session=False))
        await session.commit()
    return KeyIdentity(key.id, key.name, key.site_id, site_key)
