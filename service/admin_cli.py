"""CLI for owners: `safeguard apikey create|list|revoke` and `safeguard retention run`."""

from __future__ import annotations

import argparse
import asyncio
import sys
from typing import Any

from service.settings import Settings


async def _with_session(settings: Settings, fn: Any) -> Any:
    from service.cli import _run_db

    return await _run_db(settings, fn)


async def _site(session: Any, key: str) -> Any:
    from sqlalchemy import select

    from service.cli import CommandError
    from service.models import Site

    site = (await session.execute(select(Site).where(Site.key == key))).scalar_one_or_none()
    if site is None:
        raise CommandError(f"no site {key!r}; create it first with `safeguard site add {key} ...`")
    return site


def cmd_apikey(args: argparse.Namespace) -> int:
    from service import admin_apikeys as apikeys

    settings = Settings.from_environ()

    async def run(session: Any) -> None:
        site = await _site(session, args.site)
        if args.apikey_action == "create":
            row, plain = await apikeys.create_key(session, site.id, args.name, "cli")
            print(plain)
            print(f"API key #{row.id} ({args.name}) for site {site.key}: store it now, it is not "
                  "shown again.", file=sys.stderr)
        elif args.apikey_action == "list":
            for row in await apikeys.list_keys(session, site.id):
                d = apikeys.key_dict(row)
                state = "active" if d["active"] else f"revoked {d['revoked_at']}"
                print(f"{d['id']}\t{d['prefix']}...\t{d['name']}\t{state}\tlast used {d['last_used_at'] or 'never'}")
        else:
            from service.cli import CommandError

            revoked = await apikeys.revoke_key(session, site.id, args.key_id)
            if revoked is None:
                raise CommandError(f"no API key #{args.key_id} on site {site.key}")
            print(f"API key #{revoked.id} ({revoked.name}) revoked")

    asyncio.run(_with_session(settings, run))
    return 0


def cmd_retention(args: argparse.Namespace) -> int:
    from service.admin_dataprotection import run_retention

    settings = Settings.from_environ()

    async def run(session: Any) -> Any:
        site_id = (await _site(session, args.site)).id if args.site else None
        return await run_retention(session, site_id=site_id, actor="cli")

    results = asyncio.run(_with_session(settings, run))
    for line in results:
        print(f"site {line['site']}: {line['rejected']} rejected submissions purged, "
              f"{line['claims']} expired claims cleared (older than {line['days']} days)")
    if not results:
        print("no site has a retention period set (retention_days); nothing purged")
    return 0


def register(subparsers: Any) -> None:
    """Add the owner commands to the `safeguard` parser (called from service/cli.py)."""
    key = subparsers.add_parser("apikey", help="create, list or revoke a site's admin API keys")
    key_sub = key.add_subparsers(dest="apikey_action", required=True)
    create = key_sub.add_parser("create", help="create a key (printed once on stdout)")
    create.add_argument("site")
    create.add_argument("--name", default="cli", help="a label, e.g. CMS")
    listing = key_sub.add_parser("list", help="list a site's keys")
    listing.add_argument("site")
    revoke = key_sub.add_parser("revoke", help="revoke a key by its id")
    revoke.add_argument("site")
    revoke.add_argument("key_id", type=int)
    key.set_defaults(handler=cmd_apikey)

    retention = subparsers.add_parser("retention", help="data retention")
    ret_sub = retention.add_subparsers(dest="retention_action", required=True)
    run = ret_sub.add_parser("run", help="purge rejected submissions and expired claims past retention")
    run.add_argument("--site", default=None)
    retention.set_defaults(handler=cmd_retention)
