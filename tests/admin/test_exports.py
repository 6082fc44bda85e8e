"""Consultation evidence: CSV and JSON exports of every response, streamed; summary and chart."""

from __future__ import annotations

import csv
import io
import time
import tracemalloc
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import select, text

from service.models import Site, Thread
from tests.admin.conftest import Admin

pytestmark = pytest.mark.anyio

CONSULTATION = "children-in-care-call-for-evidence"
STATUSES = ["published", "held", "rejected", "accepted"]


async def bulk_responses(admin: Admin, n: int, *, text_len: int = 60, start: datetime | None = None) -> None:
    """n responses in one INSERT ... SELECT over a counter (Python-side rows would take minutes):
    3 an hour from `start`, roles and statuses in turn, answers to q1 and q2."""
    start = start or datetime(2029, 3, 1, 9, tzinfo=UTC)
    async with admin.svc.state.sessionmaker() as s:
        site_id = (await s.execute(select(Site.id).where(Site.key == "demo"))).scalar_one()
        thread_id = (await s.execute(select(Thread.id).where(Thread.key == CONSULTATION))).scalar_one()
        filler = ("Foster carers need more support with school transitions. " * 20)[:text_len]
        await s.execute(text("""
            INSERT INTO submissions (id, site_id, thread_id, author, role, answers, raw_text, status,
                reason_codes, client_hash, report_count, attempts, notify, created_at, decided_at, updated_at)
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < :n)
            SELECT printf('%032x', i), :site, :thread, 'Resp ' || i,
                   CASE i % 4 WHEN 0 THEN 'parent_or_carer' WHEN 1 THEN 'social_worker'
                              WHEN 2 THEN 'young_person' ELSE NULL END,
                   json_object('q1', 'answer one ' || i, 'q2', 'answer two ' || i),
                   i || ': ' || :filler,
                   CASE i % 4 WHEN 0 THEN 'published' WHEN 1 THEN 'held' WHEN 2 THEN 'rejected'
                              ELSE 'accepted' END,
                   '', '', 0, 1, 0, ts, ts, ts
            FROM (SELECT i, strftime('%Y-%m-%d %H:%M:%f000', :start, '+' || (i / 3) || ' hours') AS ts FROM n)
        """), {"n": n, "site": site_id, "thread": thread_id, "filler": filler,
               "start": start.strftime("%Y-%m-%d %H:%M:%S")})
        await s.commit()


async def test_csv_export_has_every_response_with_answers_and_status(admin: Admin) -> None:
    await bulk_responses(admin, 2500)
    r = await admin.get(f"/threads/{CONSULTATION}/export.csv")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text.lstrip("\ufeff"))))
    assert len(rows) == 2500
    assert len({row["id"] for row in rows}) == 2500  # keyset paging loses and repeats nothing
    first = rows[0]
    assert first["status"] == "published" and first["role"] == "parent_or_carer"
    assert first["q1: What helps children in care do well at school?"] == "answer one 0"
    assert {row["status"] for row in rows} == set(STATUSES)


async def test_csv_cells_cannot_run_as_spreadsheet_formulas(admin: Admin) -> None:
    svc = admin.svc
    r = await svc.client.post(f"/api/v1/sites/demo/threads/{CONSULTATION}/submissions",
                              json={"author": "=HYPERLINK(\"http://evil\")", "text": "+1 plain text answer",
                                    "role": "other"})
    assert r.status_code == 202
    await svc.drain()
    body = (await admin.get(f"/threads/{CONSULTATION}/export.csv")).text
    row = next(csv.DictReader(io.StringIO(body.lstrip("\ufeff"))))
    assert row["author"] == "'=HYPERLINK(\"http://evil\")" and row["text"] == "'+1 plain text answer"
    data = (await admin.get(f"/threads/{CONSULTATION}/export.json")).json()
    assert data["responses"][0]["author"] == "=HYPERLINK(\"http://evil\")"  # JSON keeps it exact


async def test_json_export_is_valid_and_complete(admin: Admin) -> None:
    await bulk_responses(admin, 1234)
    r = await admin.get(f"/threads/{CONSULTATION}/export.json")
    data = r.json()
    assert data["thread"] == CONSULTATION and [q["id"] for q in data["questions"]] == ["q1", "q2"]
    assert len(data["responses"]) == 1234
    assert data["responses"][-1]["answers"] == {"q1": "answer one 1233", "q2": "answer two 1233"}
    empty = (await admin.get("/threads/page-feedback/export.json")).json()
    assert empty["responses"] == []
    assert (await admin.get("/threads/nope/export.csv")).status_code == 404


async def test_summary_counts_by_role_and_status_and_draws_the_days(admin: Admin) -> None:
    await bulk_responses(admin, 200, start=datetime(2029, 3, 1, tzinfo=UTC))  # 3 an hour: 3 days
    data = (await admin.get(f"/threads/{CONSULTATION}/summary")).json()
    assert data["total"] == 200
    assert data["by_role"] == {"parent_or_carer": 50, "social_worker": 50, "young_person": 50, "not_given": 50}
    assert data["by_status"] == {s: 50 for s in STATUSES}
    assert [d["count"] for d in data["per_day"]] == [72, 72, 56]
    r = await admin.get(f"/threads/{CONSULTATION}/summary.svg")
    assert r.headers["content-type"].startswith("image/svg+xml")
    import xml.etree.ElementTree as ET

    svg = ET.fromstring(r.text)
    bars = svg.findall("{http://www.w3.org/2000/svg}rect")
    assert len(bars) == 3
    heights = [float(b.get("height", 0)) for b in bars]
    assert heights[0] == heights[1] > heights[2] > 0


async def _run_export(app: Any, path: str, headers: dict[str, str]) -> tuple[int, int, int, int]:
    """Drive the ASGI app directly, discarding chunks as a client would after writing them out
    (httpx's in-process transport buffers whole bodies, which would hide what is measured)."""
    status, size, chunks, biggest = 0, 0, 0, 0
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
             "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": b"",
             "root_path": "", "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
             "client": ("127.0.0.1", 1), "server": ("testserver", 80), "app": app, "state": {}}
    sent = False

    async def receive() -> dict[str, Any]:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": b"", "more_body": False}
        import anyio

        await anyio.sleep_forever()
        return {}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status, size, chunks, biggest
        if message["type"] == "http.response.start":
            status = message["status"]
        elif message["type"] == "http.response.body":
            body = message.get("body", b"")
            size += len(body)
            chunks += 1
            biggest = max(biggest, len(body))

    await app(scope, receive, send)
    return status, size, chunks, biggest


async def test_100k_responses_export_in_flat_memory(admin: Admin) -> None:
    await bulk_responses(admin, 100_000, text_len=400)
    app = admin.svc.app
    path = f"/api/v1/admin/sites/demo/threads/{CONSULTATION}/export"
    # tracemalloc slows every allocation several times over, so it watches the CSV export only;
    # the JSON export shares the batching and is checked to leave in batch-sized chunks.
    tracemalloc.start()
    try:
        base, _ = tracemalloc.get_traced_memory()
        t0 = time.monotonic()
        status, size, chunks, biggest = await _run_export(app, path + ".csv", admin.headers)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert status == 200
    assert size > 45_000_000, size  # the whole export went out (100k x ~450 bytes)...
    growth = (peak - base) / 1e6
    # ...while the process never held more than a few batches of it.
    assert growth < 30, f"csv: peak grew {growth:.1f} MB for a {size / 1e6:.0f} MB export"
    print(f"csv: {size / 1e6:.0f} MB in {time.monotonic() - t0:.1f} s, peak +{growth:.1f} MB")
    status, size, chunks, biggest = await _run_export(app, path + ".json", admin.headers)
    assert status == 200 and size > 60_000_000
    assert chunks >= 100 and biggest < 2_000_000
