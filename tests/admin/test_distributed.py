"""PostgreSQL + Redis + a real `safeguard worker` process: webhooks and e-mail sent by the worker."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from typing import Any

import pytest

from tests.admin.conftest import FAST_OUTBOX, Admin, eventually, make_key
from tests.admin.receivers import HttpReceiver, SmtpReceiver
from tests.conftest import free_port, make_settings, running_service

pytestmark = [pytest.mark.anyio, pytest.mark.postgres, pytest.mark.redis]
ARTICLE = "/api/v1/sites/demo/threads/welcome/submissions"
CONSULTATION = "children-in-care-call-for-evidence"
CLEAN = "The review is right that kinship carers need proper allowances, not warm words."
CHILD = ("My son Jamie Fraser is 9 and at St Anne's Primary in Bolton; "
         "he is on a child protection plan.")


async def test_worker_delivers_webhooks_and_email_with_postgres_and_redis(
        pg_url: str, redis_server: Any, moderator: Any) -> None:
    smtp_port = free_port()
    env = {**os.environ, "DATABASE_URL": pg_url, "REDIS_URL": redis_server.url, "SAFEGUARD_ENV": "test",
           "SAFEGUARD_TOXICITY_BACKEND": "embedded", "SAFEGUARD_LOG_LEVEL": "WARNING", **FAST_OUTBOX,
           "SAFEGUARD_SMTP_HOST": "127.0.0.1", "SAFEGUARD_SMTP_PORT": str(smtp_port),
           "SAFEGUARD_SMTP_SECURITY": "none", "SAFEGUARD_SMTP_FROM": "comments@news.example"}
    settings = make_settings(pg_url, redis_url=redis_server.url, rate_limit_per_minute=600, rate_limit_burst=100)
    receiver = HttpReceiver(free_port())
    receiver.start()
    smtp = SmtpReceiver(smtp_port)
    smtp.start()
    worker: subprocess.Popen[bytes] | None = None
    try:
        async with running_service(settings, moderator) as svc:
            assert "outbox" not in svc.state.extras  # with Redis, only workers send
            admin = Admin(svc, await make_key(svc))
            hook = (await admin.post("/webhooks", {"url": receiver.url})).json()
            worker = subprocess.Popen([sys.executable, "-m", "service.cli", "worker"], env=env,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            published = (await svc.client.post(ARTICLE, json={
                "author": "A", "text": CLEAN, "email": "a@example.org", "notify": True})).json()["id"]
            await svc.client.post(ARTICLE, json={"author": "B", "text": CHILD, "email": "b@example.org",
                                                 "notify": True})

            async def is_published() -> bool:
                r = await svc.client.get(f"/api/v1/submissions/{published}/status")
                return r.json()["status"] == "published"

            await eventually(is_published, timeout=60)
            r = await svc.client.post(f"/api/v1/submissions/{published}/reports", json={"reason": "spam"})
            assert r.status_code == 202

            async def three() -> bool:
                return len(receiver.received) >= 3

            await eventually(three, timeout=30)
            types = sorted(json.loads(x.body)["type"] for x in receiver.received)
            assert types == ["report.created", "submission.held", "submission.published"]

            async def mailed() -> bool:
                return len(smtp.messages) >= 1

            await eventually(mailed, timeout=30)
            assert [m[0] for m in smtp.messages] == [["a@example.org"]]  # never the held one
            deliveries = (await admin.get(f"/webhooks/{hook['id']}/deliveries")).json()["items"]
            assert {d["state"] for d in deliveries} == {"delivered"}

            # The evidence export and summary on PostgreSQL.
            for i in range(5):
                await svc.client.post(f"/api/v1/sites/demo/threads/{CONSULTATION}/submissions",
                                      json={"author": f"R{i}", "answers": {"q1": f"answer {i}"},
                                            "role": "social_worker"})
            rows = list(csv.DictReader(io.StringIO(
                (await admin.get(f"/threads/{CONSULTATION}/export.csv")).text.lstrip("\ufeff"))))
            assert len(rows) == 5 and {r["role"] for r in rows} == {"social_worker"}
            summary = (await admin.get(f"/threads/{CONSULTATION}/summary")).json()
            assert summary["total"] == 5 and summary["per_day"][0]["count"] == 5
    finally:
        if worker is not None:
            worker.terminate()
            try:
                worker.wait(15)
            except subprocess.TimeoutExpired:
                worker.kill()
        receiver.stop()
        smtp.stop()
