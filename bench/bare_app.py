"""Baselines for the service benchmark: bare Starlette, and bare Starlette + SQLAlchemy async.

Same uvicorn, same database file and table as the real service, no service logic at all.
"""

from __future__ import annotations

import contextlib
import os
import random
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import create_async_engine
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from service.models import Submission


def create_app() -> Starlette:
    url = os.environ["DATABASE_URL"]
    state: dict[str, object] = {}

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        engine = create_async_engine(url)
        state["engine"] = engine
        yield
        await engine.dispose()

    async def ok(request: Request) -> Response:
        return PlainTextResponse("ok")

    async def insert(request: Request) -> Response:
        data = await request.json()
        now = datetime.now(UTC).replace(tzinfo=None)
        async with state["engine"].begin() as conn:  # type: ignore[attr-defined]
            await conn.execute(Submission.__table__.insert(), [{
                "id": uuid.uuid4().hex, "site_id": 1, "thread_id": random.randint(1, 1000),
                "author": data["author"], "raw_text": data["text"], "status": "received",
                "reason_codes": "", "client_hash": "", "notify": False, "report_count": 0,
                "attempts": 0, "created_at": now, "updated_at": now}])
        return JSONResponse({"ok": True}, status_code=202)

    async def select50(request: Request) -> Response:
        tid = random.randint(1, 1000)
        t = Submission.__table__
        async with state["engine"].connect() as conn:  # type: ignore[attr-defined]
            rows = (await conn.execute(
                select(t.c.id, t.c.author, t.c.html, t.c.created_at)
                .where(t.c.thread_id == tid, t.c.status == "published")
                .order_by(t.c.created_at, t.c.id).limit(50))).all()
        return JSONResponse([{"id": r.id, "author": r.author, "html": r.html,
                              "created_at": r.created_at.isoformat()} for r in rows])

    return Starlette(routes=[Route("/ok", ok), Route("/insert", insert, methods=["POST"]),
                             Route("/select", select50)], lifespan=lifespan)
