"""The `safeguard` command: migrate, serve, worker, sites, threads, users, demo data, scoring."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from service.models import MEMBER_ROLES, THREAD_KINDS
from service.settings import Settings, SettingsError

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


class CommandError(Exception):
    """A command cannot do what was asked; the message says what to change."""


def alembic_config(database_url: str) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["database_url"] = database_url
    return cfg


def migrate(settings: Settings, revision: str = "head") -> None:
    """Bring the schema to `revision` (Alembic upgrade); the only way the schema changes."""
    from alembic import command

    command.upgrade(alembic_config(settings.database_url), revision)


def downgrade(settings: Settings, revision: str) -> None:
    from alembic import command

    command.downgrade(alembic_config(settings.database_url), revision)


def parse_when(value: str, name: str) -> datetime:
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise CommandError(f"{name} {value!r} is not an ISO 8601 date; use e.g. 2026-12-31T17:00:00Z") from None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when


def check_origin(origin: str) -> str:
    parts = urlsplit(origin)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.path not in ("", "/") \
            or parts.query or parts.fragment:
        raise CommandError(
            f"origin {origin!r} is not an origin; use scheme://host[:port] with no path, "
            "e.g. https://news.example.org"
        )
    return f"{parts.scheme}://{parts.netloc.lower()}"


async def _run_db(settings: Settings, fn: Any) -> Any:
    from service.db import make_engine, make_sessionmaker

    engine = make_engine(settings)
    try:
        async with make_sessionmaker(engine)() as session:
            result = await fn(session)
            await session.commit()
            return result
    finally:
        await engine.dispose()


async def add_site(session: Any, key: str, name: str, origins: list[str], *, exist_ok: bool = False) -> Any:
    from sqlalchemy import select

    from service.models import Site

    existing = (await session.execute(select(Site).where(Site.key == key))).scalar_one_or_none()
    if existing is not None:
        if exist_ok:
            return existing
        raise CommandError(f"site {key!r} already exists; choose another KEY")
    site = Site(key=key, name=name, origins=[check_origin(o) for o in origins], policy={})
    session.add(site)
    await session.flush()
    return site


async def add_thread(
    session: Any,
    site_key: str,
    key: str,
    *,
    kind: str,
    title: str,
    url: str | None = None,
    opens: datetime | None = None,
    closes: datetime | None = None,
    questions: list[str] | None = None,
    intro: str | None = None,
    publish_responses: bool = False,
    exist_ok: bool = False,
) -> Any:
    from sqlalchemy import select

    from service.models import Site, Thread

    site = (await session.execute(select(Site).where(Site.key == site_key))).scalar_one_or_none()
    if site is None:
        raise CommandError(f"no site {site_key!r}; create it first with `safeguard site add {site_key} ...`")
    if kind not in THREAD_KINDS:
        raise CommandError(f"--kind {kind!r} is not known; use {', '.join(THREAD_KINDS)}")
    if opens and closes and closes <= opens:
        raise CommandError("--closes must be after --opens")
    existing = (await session.execute(
        select(Thread).where(Thread.site_id == site.id, Thread.key == key))).scalar_one_or_none()
    if existing is not None:
        if exist_ok:
            return existing
        raise CommandError(f"thread {key!r} already exists on site {site_key!r}; choose another KEY")
    thread = Thread(
        site_id=site.id, key=key, kind=kind, title=title, url=url, opens_at=opens, closes_at=closes,
        questions=[{"id": f"q{i + 1}", "text": q} for i, q in enumerate(questions or [])],
        intro=intro, publish_responses=publish_responses, policy_overrides={},
    )
    session.add(thread)
    await session.flush()
    return thread


async def add_user(session: Any, email: str, password: str, role: str, site_keys: list[str]) -> Any:
    from sqlalchemy import select

    from service.auth import hash_password
    from service.models import Membership, Site, User

    if role not in MEMBER_ROLES:
        raise CommandError(f"--role {role!r} is not known; use {' or '.join(MEMBER_ROLES)}")
    if len(password) < 10:
        raise CommandError("the password must be at least 10 characters")
    email = email.strip().lower()
    user = (await session.execute(select(User).where(User.email == email))).scalar_one_or_none()
    if user is None:
        user = User(email=email, password_hash=hash_password(password))
        session.add(user)
        await session.flush()
    for key in site_keys:
        site = (await session.execute(select(Site).where(Site.key == key))).scalar_one_or_none()
        if site is None:
            raise CommandError(f"no site {key!r}; create it first with `safeguard site add`")
        member = (await session.execute(select(Membership).where(
            Membership.user_id == user.id, Membership.site_id == site.id))).scalar_one_or_none()
        if member is None:
            session.add(Membership(user_id=user.id, site_id=site.id, role=role))
        else:
            member.role = role
    return user


async def seed_demo(session: Any, public_url: str) -> None:
    """A demo site with an article and an open consultation, so the widget can be tried at once."""
    origin = check_origin(public_url)
    origins = sorted({origin, "http://127.0.0.1:8000", "http://localhost:8000"})
    await add_site(session, "demo", "Safeguard demo", origins, exist_ok=True)
    await add_thread(session, "demo", "welcome", kind="article",
                     title="Children's social care: what the review means for families",
                     url=public_url + "/", exist_ok=True)
    await add_thread(
        session, "demo", "children-in-care-call-for-evidence", kind="consultation",
        title="Call for evidence: education of children in care",
        intro="We want to hear from parents, carers, young people and practitioners.",
        questions=["What helps children in care do well at school?",
                   "What gets in the way, and what should change?"],
        closes=datetime(2030, 1, 31, 23, 59, tzinfo=UTC), exist_ok=True,
    )
    await add_thread(session, "demo", "page-feedback", kind="feedback",
                     title="Tell us if you see it differently", exist_ok=True)


def cmd_serve(args: argparse.Namespace, settings: Settings) -> None:
    import uvicorn

    from service.app import create_app

    migrate(settings)
    if args.demo:
        asyncio.run(_run_db(settings, lambda s: seed_demo(s, settings.public_url)))
    uvicorn.run(create_app(settings), host=args.host, port=args.port, log_level="warning",
                proxy_headers=settings.trust_proxy)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="safeguard", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    sub.add_parser("migrate", help="apply pending database migrations (alembic upgrade head)")

    serve = sub.add_parser("serve", help="run the web service (runs pending migrations first)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--demo", action="store_true", help="create the demo site and threads if missing")

    sub.add_parser("worker", help="run an arq worker (needs REDIS_URL); run as many as you like")
    sub.add_parser("demo", help="create the demo site, article, consultation and feedback threads")

    site = sub.add_parser("site", help="manage sites").add_subparsers(dest="action", required=True)
    site_add = site.add_parser("add", help="add a site")
    site_add.add_argument("key")
    site_add.add_argument("--name", required=True)
    site_add.add_argument("--origin", action="append", default=[], help="allowed origin (repeatable)")

    thread = sub.add_parser("thread", help="manage threads").add_subparsers(dest="action", required=True)
    thread_add = thread.add_parser("add", help="add a thread to a site")
    thread_add.add_argument("site")
    thread_add.add_argument("key")
    thread_add.add_argument("--kind", required=True, choices=THREAD_KINDS)
    thread_add.add_argument("--title", required=True)
    thread_add.add_argument("--url")
    thread_add.add_argument("--opens")
    thread_add.add_argument("--closes")
    thread_add.add_argument("--question", action="append", default=[], help="consultation question")
    thread_add.add_argument("--intro")
    thread_add.add_argument("--publish-responses", action="store_true")

    user = sub.add_parser("user", help="manage moderators and owners").add_subparsers(dest="action", required=True)
    user_add = user.add_parser("add", help="add a user (asks for a password, or SAFEGUARD_PASSWORD)")
    user_add.add_argument("email")
    user_add.add_argument("--role", required=True, choices=MEMBER_ROLES)
    user_add.add_argument("--site", action="append", default=[], required=True)

    from moderation.cli import register as register_scoring
    from service.admin_cli import register as register_admin

    register_scoring(sub)
    register_admin(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        settings = Settings.from_environ()
    except SettingsError as exc:
        print(f"safeguard: configuration error: {exc}", file=sys.stderr)
        return 2
    logging.basicConfig(level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        if args.command in ("site", "thread", "user"):
            migrate(settings)  # a new database is usable straight away; a current one is untouched
        if args.command == "migrate":
            migrate(settings)
            print(f"database is at the latest schema ({settings.database_url.split('@')[-1]})")
        elif args.command == "serve":
            cmd_serve(args, settings)
        elif args.command == "worker":
            if not settings.redis_url:
                raise CommandError("safeguard worker needs REDIS_URL; without it, `safeguard serve` "
                                   "processes submissions itself")
            migrate(settings)
            from service.worker import run_worker

            run_worker(settings)
        elif args.command == "demo":
            migrate(settings)
            asyncio.run(_run_db(settings, lambda s: seed_demo(s, settings.public_url)))
            print("demo site 'demo' with threads 'welcome', 'children-in-care-call-for-evidence', 'page-feedback'")
        elif args.command == "site":
            origins = [check_origin(o) for o in args.origin]
            site = asyncio.run(_run_db(settings, lambda s: add_site(s, args.key, args.name, origins)))
            print(f"site {site.key} added with origins {', '.join(site.origins) or '(none)'}")
        elif args.command == "thread":
            opens = parse_when(args.opens, "--opens") if args.opens else None
            closes = parse_when(args.closes, "--closes") if args.closes else None
            thread = asyncio.run(_run_db(settings, lambda s: add_thread(
                s, args.site, args.key, kind=args.kind, title=args.title, url=args.url, opens=opens,
                closes=closes, questions=args.question, intro=args.intro,
                publish_responses=args.publish_responses)))
            print(f"thread {thread.key} ({thread.kind}) added to site {args.site}")
        elif args.command == "user":
            import getpass
            import os

            password = os.environ.get("SAFEGUARD_PASSWORD") or getpass.getpass("Password: ")
            asyncio.run(_run_db(settings, lambda s: add_user(s, args.email, password, args.role, args.site)))
            print(f"user {args.email} is {args.role} of {', '.join(args.site)}")
        elif callable(getattr(args, "handler", None) or getattr(args, "func", None)):
            handler = getattr(args, "handler", None) or args.func
            return int(handler(args) or 0)
        else:
            parser.error(f"unknown command {args.command}")
    except CommandError as exc:
        print(f"safeguard: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
