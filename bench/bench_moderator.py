"""Benchmark: moderator queue pages (keyset paging) on a migrated SQLite file with 1,000,000 submissions.

    .venv/bin/python bench/bench_moderator.py [--rows 1000000] [--repeat 30] [--keep PATH]

Rows are preloaded with sqlite3 executemany straight into the migrated schema (the pipeline would
take hours for a million). Every page is fetched through the same code the web page uses
(service.moderation_queries.queue_page on the async engine); the baseline in the same run is a
bare primary-key lookup through that engine, so the ratio shows the cost the queue adds.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import text  # noqa: E402

from service.cli import _run_db, add_site, add_thread, migrate, seed_demo  # noqa: E402
from service.db import make_engine, make_sessionmaker  # noqa: E402
from service.moderation_queries import (  # noqa: E402
    QueueFilter,
    held_reason_counts,
    queue_counts,
    queue_page,
)
from service.settings import Settings  # noqa: E402

STATUSES = [("published", 0.84), ("held", 0.08), ("rejected", 0.05), ("removed", 0.02), ("accepted", 0.01)]
HELD_REASONS = ["child_data", "toxicity", "suspect_word", "links", "first_time", "child_data,first_time",
                "premoderation", "banned_word,toxicity"]


def _cursor(created: str, sid: str) -> str:
    stamp = datetime.fromisoformat(created).replace(tzinfo=UTC).isoformat()
    return base64.urlsafe_b64encode(f"{stamp}|{sid}".encode()).decode().rstrip("=")


def preload(path: Path, rows: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    threads = [r[0] for r in con.execute("SELECT id FROM threads WHERE site_id = 1 ORDER BY id")]
    start = datetime(2026, 1, 1)
    statuses, weights = zip(*STATUSES, strict=True)
    batch = []
    columns = ("id, site_id, thread_id, author, email, notify, raw_text, html, status, toxicity, child_score, "
               "spans, reasons, reason_codes, client_hash, report_count, attempts, created_at, decided_at, "
               "updated_at")
    sql = f"INSERT INTO submissions ({columns}) VALUES ({', '.join('?' * 20)})"
    toxicity = json.dumps({"toxicity": 0.02, "insult": 0.01})
    for i in range(rows):
        created = start + timedelta(seconds=i * 3)
        status = rng.choices(statuses, weights)[0]
        codes = rng.choice(HELD_REASONS) if status in ("held", "rejected") else ""
        stamp = created.strftime("%Y-%m-%d %H:%M:%S.%f")
        decided = (created + timedelta(seconds=rng.randint(1, 90_000))).strftime("%Y-%m-%d %H:%M:%S.%f")
        text_ = f"Comment {i} about the consultation and what it means for families in our area."
        batch.append((uuid.UUID(int=rng.getrandbits(128)).hex, 1, rng.choice(threads), f"Reader {i % 5000}",
                      f"reader{i % 5000}@example.org", 0, text_, f"<p>{text_}</p>", status, toxicity, 0.1,
                      "[]", "[]", codes, f"{i % 9000:064x}", 1 if i % 997 == 0 else 0, 1, stamp,
                      decided if status != "held" else None, stamp))
        if len(batch) == 50_000:
            con.executemany(sql, batch)
            batch.clear()
    if batch:
        con.executemany(sql, batch)
    # Readers reported about one published item in a thousand; half of those reports are resolved.
    con.execute("INSERT INTO reports (submission_id, reason, client_hash, resolved, created_at) "
                "SELECT id, 'abuse', '', (rowid % 2), created_at FROM submissions WHERE report_count > 0")
    con.commit()
    con.execute("ANALYZE")
    con.close()


def cursors(path: Path, where: str, page: int) -> dict[str, str | None]:
    """Cursors that open the first, middle and last page of a queue (found once, outside the timing)."""
    con = sqlite3.connect(path)
    total = con.execute(f"SELECT count(*) FROM submissions WHERE {where}").fetchone()[0]
    out: dict[str, str | None] = {"first": None}
    for name, offset in (("middle", total // 2), ("last", max(0, total - page - 1))):
        row = con.execute(f"SELECT created_at, id FROM submissions WHERE {where} ORDER BY created_at, id "
                          f"LIMIT 1 OFFSET {offset}").fetchone()
        out[name] = _cursor(row[0], row[1])
    con.close()
    return out


async def timed(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    await fn()  # warm the page cache and the statement cache
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        await fn()
        samples.append((time.perf_counter() - t0) * 1000)
    return statistics.median(samples)


async def run(path: Path, repeat: int) -> list[tuple[str, float]]:
    settings = Settings.from_environ({"SAFEGUARD_ENV": "test"}).with_(database_url=f"sqlite+aiosqlite:///{path}")
    engine = make_engine(settings)
    sessionmaker = make_sessionmaker(engine)
    results: list[tuple[str, float]] = []
    held = cursors(path, "site_id = 1 AND status = 'held'", 25)
    everything = cursors(path, "site_id = 1 AND status != 'received'", 25)
    rowids = [random.randint(1, 1_000_000) for _ in range(64)]
    async with sessionmaker() as session:
        turn = iter(range(10**9))

        async def baseline() -> None:
            rid = rowids[next(turn) % len(rowids)]
            (await session.execute(text("SELECT id FROM submissions WHERE rowid = :r"), {"r": rid})).all()

        results.append(("baseline: SELECT id WHERE rowid = ?", await timed(baseline, repeat)))
        for queue, marks in (("held", held), ("all", everything)):
            for name, cursor in marks.items():
                flt = QueueFilter(queue=queue, site_ids=(1,), after=cursor)

                async def page(flt: QueueFilter = flt) -> None:
                    result = await queue_page(session, flt)
                    assert len(result.items) == 25

                results.append((f"{queue} queue, {name} page (25 items)", await timed(page, repeat)))
        for name, cursor in held.items():
            flt = QueueFilter(queue="held", site_ids=(1,), reason="child_data", after=cursor)

            async def filtered(flt: QueueFilter = flt) -> None:
                await queue_page(session, flt)

            results.append((f"held + reason=child_data, {name} page", await timed(filtered, repeat)))

        async def reported() -> None:
            await queue_page(session, QueueFilter(queue="reported", site_ids=(1,)))

        results.append(("reported queue, first page", await timed(reported, repeat)))

        async def newest() -> None:
            await queue_page(session, QueueFilter(queue="held", site_ids=(1,), newest_first=True))

        results.append(("held queue, newest first, first page", await timed(newest, repeat)))

        async def counts() -> None:
            await queue_counts(session, (1,))
            await held_reason_counts(session, (1,))

        results.append(("queue counts + held-by-reason counts", await timed(counts, repeat)))

        async def whole_view() -> None:
            await queue_page(session, QueueFilter(queue="held", site_ids=(1,), after=held["middle"]))
            await counts()

        results.append(("one queue view: middle page + all counts", await timed(whole_view, repeat)))
        # The baseline again at the end: the lower of the two is used, so a cold cache at the
        # start cannot flatter the ratios.
        late = await timed(baseline, repeat)
        if late < results[0][1]:
            results[0] = (results[0][0], late)
    await engine.dispose()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--keep", type=Path, help="build (or reuse) the database at this path")
    args = parser.parse_args()
    path = args.keep or Path(tempfile.mkdtemp(prefix="safeguard-bench-")) / "bench.db"
    if not path.exists():
        settings = Settings.from_environ({"SAFEGUARD_ENV": "test"}).with_(database_url=f"sqlite+aiosqlite:///{path}")
        migrate(settings)

        async def sites(session):  # type: ignore[no-untyped-def]
            await seed_demo(session, "http://127.0.0.1:8000")
            await add_site(session, "second", "Second site", ["https://second.example"], exist_ok=True)
            await add_thread(session, "second", "t", kind="article", title="T", exist_ok=True)

        asyncio.run(_run_db(settings, sites))
        t0 = time.perf_counter()
        preload(path, args.rows)
        print(f"preloaded {args.rows:,} submissions in {time.perf_counter() - t0:.0f} s into {path}")
    results = asyncio.run(run(path, args.repeat))
    base = results[0][1]
    width = max(len(name) for name, _ in results)
    print(f"\n{'query':<{width}}  {'median ms':>9}  {'x baseline':>10}")
    print(f"{'-' * width}  {'-' * 9}  {'-' * 10}")
    for name, ms in results:
        print(f"{name:<{width}}  {ms:9.2f}  {ms / base:10.1f}")
    worst = max(ms for name, ms in results[1:] if "page" in name and "counts" not in name)
    print(f"\nslowest page: {worst:.2f} ms (target < 100 ms) -> {'OK' if worst < 100 else 'TOO SLOW'}")


if __name__ == "__main__":
    main()
