"""Service configuration: one frozen dataclass read from the environment."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

WEAK_SECRETS = {"", "changeme", "secret", "dev", "development", "insecure-dev-secret"}
DEV_SECRET = "insecure-dev-secret"


class SettingsError(ValueError):
    """A configuration value is missing or wrong; the message names the variable and the fix."""


def _int(env: Mapping[str, str], name: str, default: int, minimum: int = 0) -> int:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{name}={raw!r} is not a whole number; set it to e.g. {default}") from None
    if value < minimum:
        raise SettingsError(f"{name}={value} is below {minimum}; set it to at least {minimum}")
    return value


def _float(env: Mapping[str, str], name: str, default: float) -> float:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        return float(raw)
    except ValueError:
        raise SettingsError(f"{name}={raw!r} is not a number; set it to e.g. {default}") from None


def _bool(env: Mapping[str, str], name: str, default: bool) -> bool:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    if raw.lower() in {"1", "true", "yes", "on"}:
        return True
    if raw.lower() in {"0", "false", "no", "off"}:
        return False
    raise SettingsError(f"{name}={raw!r} is not a yes/no value; use 1 or 0")


def default_database_url(cwd: Path | None = None) -> str:
    path = (cwd or Path.cwd()) / "safeguard.db"
    return f"sqlite+aiosqlite:///{path}"


def normalise_database_url(url: str) -> str:
    """Accept the URLs people paste (postgres://, postgresql://, sqlite://) and pick async drivers."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+asyncpg://" + url[len("postgresql://") :]
    if url.startswith("sqlite://") and not url.startswith("sqlite+aiosqlite://"):
        url = "sqlite+aiosqlite://" + url[len("sqlite://") :]
    return url


@dataclass(frozen=True)
class Settings:
    database_url: str = field(default_factory=default_database_url)
    redis_url: str | None = None
    secret_key: str = DEV_SECRET
    environment: str = "development"
    public_url: str = "http://127.0.0.1:8000"
    max_text_chars: int = 20_000
    max_body_bytes: int = 200_000
    rate_limit_per_minute: int = 20
    rate_limit_burst: int = 10
    trust_proxy: bool = False
    sweeper_grace_seconds: float = 30.0
    sweeper_interval_seconds: float = 10.0
    batch_size: int = 32
    batch_wait_ms: float = 5.0
    worker_max_defer_seconds: float = 2.0
    toxicity_backend: str = "auto"
    detoxify_model: str = "original"
    detoxify_checkpoint: str | None = None
    detoxify_config_dir: str | None = None
    page_cache_seconds: float = 60.0
    log_level: str = "INFO"

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def is_production(self) -> bool:
        return self.environment == "production"

    @property
    def public_origin(self) -> str:
        from urllib.parse import urlsplit

        parts = urlsplit(self.public_url)
        return f"{parts.scheme}://{parts.netloc}"

    def with_(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]

    @classmethod
    def from_environ(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        environment = env.get("SAFEGUARD_ENV", "development")
        if environment not in {"development", "production", "test"}:
            raise SettingsError(
                f"SAFEGUARD_ENV={environment!r} is not known; use development, production or test"
            )
        secret = env.get("SAFEGUARD_SECRET_KEY", "")
        if environment == "production":
            if secret in WEAK_SECRETS or len(secret) < 32:
                raise SettingsError(
                    "SAFEGUARD_SECRET_KEY is missing or weak; in production set it to at least 32 "
                    "random characters, e.g. `python -c 'import secrets; print(secrets.token_hex(32))'`"
                )
        elif not secret:
            secret = DEV_SECRET
        backend = env.get("SAFEGUARD_TOXICITY_BACKEND", "auto")
        if backend not in {"auto", "embedded", "detoxify"}:
            raise SettingsError(
                f"SAFEGUARD_TOXICITY_BACKEND={backend!r} is not known; use auto, embedded or detoxify"
            )
        db = env.get("DATABASE_URL") or default_database_url()
        return cls(
            database_url=normalise_database_url(db),
            redis_url=env.get("REDIS_URL") or None,
            secret_key=secret,
            environment=environment,
            public_url=env.get("SAFEGUARD_PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/"),
            max_text_chars=_int(env, "SAFEGUARD_MAX_TEXT_CHARS", 20_000, 1),
            max_body_bytes=_int(env, "SAFEGUARD_MAX_BODY_BYTES", 200_000, 1024),
            rate_limit_per_minute=_int(env, "SAFEGUARD_RATE_LIMIT_PER_MINUTE", 20, 0),
            rate_limit_burst=_int(env, "SAFEGUARD_RATE_LIMIT_BURST", 10, 1),
            trust_proxy=_bool(env, "SAFEGUARD_TRUST_PROXY", False),
            sweeper_grace_seconds=_float(env, "SAFEGUARD_SWEEPER_GRACE_SECONDS", 30.0),
            sweeper_interval_seconds=_float(env, "SAFEGUARD_SWEEPER_INTERVAL_SECONDS", 10.0),
            batch_size=_int(env, "SAFEGUARD_BATCH_SIZE", 32, 1),
            batch_wait_ms=_float(env, "SAFEGUARD_BATCH_WAIT_MS", 5.0),
            worker_max_defer_seconds=_float(env, "SAFEGUARD_WORKER_MAX_DEFER_SECONDS", 2.0),
            toxicity_backend=backend,
            detoxify_model=env.get("SAFEGUARD_DETOXIFY_MODEL", "original"),
            detoxify_checkpoint=env.get("SAFEGUARD_DETOXIFY_CHECKPOINT") or None,
            detoxify_config_dir=env.get("SAFEGUARD_DETOXIFY_CONFIG_DIR") or None,
            page_cache_seconds=_float(env, "SAFEGUARD_PAGE_CACHE_SECONDS", 60.0),
            log_level=env.get("SAFEGUARD_LOG_LEVEL", "INFO"),
        )
