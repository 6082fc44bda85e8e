"""HTTP benchmark of the service against bare baselines measured in the same run (wrk, 2 cores).

Server pinned to core 0, wrk to core 1, concurrency 32, ~10 s per row. 100,000 submissions are
preloaded across 1,000 threads. Prints requests/s, p50/p99 latency, server CPU ms per request and
the ratios the targets are stated in. Usage: python bench/bench_service.py [--seconds 10]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TEXTS = [
    "The review is right that kinship carers need proper allowances, not warm words from ministers",
    "Our council has cut early help twice in three years and now wonders why referrals are up",
    "Designated teachers need protected time; attendance improves when someone knows the child",
    "What a shambles. Years of reviews and not a penny extra for the schools doing the work",
]
N_THREADS = 1000
N_SUBMISSIONS = 100_000
CLK = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def preload(db: Path) -> None:
    from service.cli import migrate
    from service.settings import Settings

    migrate(Settings.from_environ({"SAFEGUARD_ENV": "test"}).with_(database_url=f"sqlite+aiosqlite:///{db}"))
    con = sqlite3.connect(db)
    now = datetime.now(UTC).replace(tzinfo=None)
    con.execute("INSERT INTO sites (id, key, name, origins, policy, auto_create_threads, created_at) "
                "VALUES (1, 'bench', 'Bench', '[]', '{}', 0, ?)", (now,))
    con.executemany(
        "INSERT INTO threads (id, site_id, key, kind, title, questions, publish_responses, "
        "policy_overrides, created_at) VALUES (?, 1, ?, 'article', ?, '[]', 0, '{}', ?)",
        [(i, f"t{i}", f"Thread {i}", now) for i in range(1, N_THREADS + 1)])
    rows = []
    start = now - timedelta(days=30)
    for i in range(N_SUBMISSIONS):
        text = TEXTS[i % len(TEXTS)] + f" ({i})"
        status = "published" if i % 10 else "held"
        created = start + timedelta(seconds=i * 20)
        rows.append((uuid.uuid4().hex, 1, (i % N_THREADS) + 1, f"reader{i % 5000}", text, f"<p>{text}</p>",
                     status, "", "", 0, 0, 0, created, created, created))
    con.executemany(
        "INSERT INTO submissions (id, site_id, thread_id, author, raw_text, html, status, reason_codes, "
        "client_hash, notify, report_count, attempts, created_at, decided_at, updated_at) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    con.commit()
    con.execute("PRAGMA journal_mode=WAL")
    con.close()


def start_server(target: str, port: int, env: dict[str, str]) -> subprocess.Popen[bytes]:
    cmd = ["taskset", "-c", "0", sys.executable, "-m", "uvicorn", "--factory", target,
           "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning", "--no-access-log"]
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/ok" if "bare" in target
                                   else f"http://127.0.0.1:{port}/healthz", timeout=1)
            return proc
        except Exception:
            if proc.poll() is not None:
                raise RuntimeError(proc.stderr.read().decode() if proc.stderr else "server died") from None
            time.sleep(0.2)
    raise TimeoutError("server did not start")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK


def lua_post(path_prefix: str, per_thread: bool) -> str:
    texts = ",".join(json.dumps(t) for t in TEXTS)
    path = f'"{path_prefix}" .. math.random(1, {N_THREADS}) .. "/submissions"' if per_thread else f'"{path_prefix}"'
    return f"""
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local texts = {{{texts}}}
request = function()
  local body = '{{"author":"bench","text":"' .. texts[math.random(#texts)] .. ' ' .. math.random(1, 1000000000) .. '"}}'
  return wrk.format("POST", {path}, nil, body)
end
"""


def lua_get(path_prefix: str, threads: int) -> str:
    return f"""
request = function()
  return wrk.format("GET", "{path_prefix}" .. math.random(1, {threads}) .. "/submissions")
end
"""


def to_ms(value: str) -> float:
    m = re.match(r"([\d.]+)(us|ms|s)", value)
    assert m, value
    n = float(m.group(1))
    return {"us": n / 1000, "ms": n, "s": n * 1000}[m.group(2)]


def wrk(url: str, seconds: int, script: str | None, server_pid: int) -> dict[str, float]:
    args = ["taskset", "-c", "1", "wrk", "-t2", "-c32", f"-d{seconds}s", "--latency"]
    tmp = None
    if script:
        tmp = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)
        tmp.write(script)
        tmp.close()
        args += ["-s", tmp.name]
    cpu0 = cpu_seconds(server_pid)
    out = subprocess.run(args + [url], capture_output=True, text=True, check=True).stdout
    cpu1 = cpu_seconds(server_pid)
    if tmp:
        os.unlink(tmp.name)
    requests = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = int(non2xx.group(1)) if non2xx else 0
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),  # type: ignore[union-attr]
        "p50": to_ms(re.search(r"^\s*50%\s+(\S+)", out, re.M).group(1)),  # type: ignore[union-attr]
        "p99": to_ms(re.search(r"^\s*99%\s+(\S+)", out, re.M).group(1)),  # type: ignore[union-attr]
        "cpu_ms": (cpu1 - cpu0) * 1000 / max(1, requests),
        "errors": errors,
        "requests": requests,
    }


def wait_drained(db: Path, timeout: float = 600) -> float:
    start = time.monotonic()
    con = sqlite3.connect(db, timeout=30)
    while time.monotonic() - start < timeout:
        left = con.execute("SELECT count(*) FROM submissions WHERE status='received'").fetchone()[0]
        if left == 0:
            break
        time.sleep(0.5)
    con.close()
    return time.monotonic() - start


def post_to_decision(port: int, db: Path, n: int = 200, rate: float = 20.0) -> tuple[float, float]:
    """Post at a steady, moderate rate and read each item's created_at -> decided_at."""
    ids = []
    for i in range(n):
        body = json.dumps({"author": "latency", "text": f"{TEXTS[i % 4]} latency probe {i}"}).encode()
        req = urllib.request.Request(
            f"http://127.0.0.1:{port}/api/v1/sites/bench/threads/t{random.randint(1, N_THREADS)}/submissions",
            data=body, headers={"Content-Type": "application/json"}, method="POST")
        with urllib.request.urlopen(req) as r:
            ids.append(json.loads(r.read())["id"])
        time.sleep(1 / rate)
    time.sleep(1.0)
    con = sqlite3.connect(db, timeout=30)
    marks = ",".join("?" * len(ids))
    rows = con.execute(f"SELECT created_at, decided_at FROM submissions WHERE id IN ({marks})", ids).fetchall()
    con.close()
    waits = sorted((datetime.fromisoformat(d) - datetime.fromisoformat(c)).total_seconds() * 1000
                   for c, d in rows if d)
    if len(waits) < len(ids):
        raise RuntimeError(f"only {len(waits)} of {len(ids)} latency probes were decided")
    return statistics.median(waits), waits[min(len(waits) - 1, int(len(waits) * 0.99))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("BENCH_SECONDS", "10")))
    args = parser.parse_args()
    if not shutil.which("wrk") or not shutil.which("taskset"):
        sys.exit("bench_service needs wrk and taskset: apt-get install wrk util-linux")
    tmp = Path(tempfile.mkdtemp(prefix="safeguard-bench-"))
    db = tmp / "bench.db"
    print(f"preloading {N_SUBMISSIONS:,} submissions across {N_THREADS:,} threads ...", flush=True)
    preload(db)
    shutil.copy(db, tmp / "bare.db")
    env = {**os.environ, "DATABASE_URL": f"sqlite+aiosqlite:///{db}", "SAFEGUARD_ENV": "test",
           "SAFEGUARD_RATE_LIMIT_PER_MINUTE": "0", "SAFEGUARD_TOXICITY_BACKEND": "embedded",
           "SAFEGUARD_LOG_LEVEL": "WARNING"}
    env.pop("REDIS_URL", None)
    results: dict[str, dict[str, float]] = {}
    secs = args.seconds

    port = free_port()
    bare_env = {**env, "DATABASE_URL": f"sqlite+aiosqlite:///{tmp / 'bare.db'}", "PYTHONPATH": str(ROOT)}
    server = start_server("bench.bare_app:create_app", port, bare_env)
    try:
        base = f"http://127.0.0.1:{port}"
        results["bare GET /ok"] = wrk(f"{base}/ok", secs, None, server.pid)
        results["bare SQLAlchemy insert"] = wrk(f"{base}/insert", secs, lua_post("/insert", False), server.pid)
        results["bare SQLAlchemy 50-row select"] = wrk(f"{base}/select", secs, None, server.pid)
    finally:
        server.terminate()
        server.wait(10)

    port = free_port()
    server = start_server("service.app:create_app", port, env)
    try:
        base = f"http://127.0.0.1:{port}"
        prefix = "/api/v1/sites/bench/threads/t"
        results["POST submission"] = wrk(base + "/", secs, lua_post(prefix, True), server.pid)
        drain = wait_drained(db)
        print(f"(worker finished the POST backlog {drain:.1f} s after the load stopped)", flush=True)
        # Readers crowd onto the few threads that are live: 10 hot threads, served from the cache.
        results["GET published list (50), 10 hot threads"] = wrk(base + "/", secs, lua_get(prefix, 10), server.pid)
        # The same spread over all 1,000 threads: mostly cache misses in a short run.
        results["GET published list (50), 1,000 threads"] = wrk(base + "/", secs, lua_get(prefix, N_THREADS),
                                                                server.pid)
        p50, p99 = post_to_decision(port, db)
    finally:
        server.terminate()
        server.wait(10)
    shutil.rmtree(tmp, ignore_errors=True)

    print()
    print("| endpoint | req/s | p50 ms | p99 ms | server CPU ms/req | non-2xx |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, r in results.items():
        print(f"| {name} | {r['rps']:,.0f} | {r['p50']:.1f} | {r['p99']:.1f} | {r['cpu_ms']:.2f} "
              f"| {int(r['errors'])} |")
    print(f"| POST -> final status (20 req/s, embedded scorer) | | {p50:.1f} | {p99:.1f} | | |")
    print()
    post_ratio = results["POST submission"]["rps"] / results["bare SQLAlchemy insert"]["rps"]
    hot, cold = results["GET published list (50), 10 hot threads"], results["GET published list (50), 1,000 threads"]
    get_ratio = hot["rps"] / results["bare GET /ok"]["rps"]
    cold_ratio = cold["rps"] / results["bare SQLAlchemy 50-row select"]["rps"]
    print("| target | measured | goal |")
    print("|---|---:|---:|")
    print(f"| POST / bare insert | {post_ratio:.0%} | >= 100% |")
    print(f"| GET list (hot) / bare GET /ok | {get_ratio:.0%} | >= 35% |")
    print(f"| GET list (1,000 threads) / bare 50-row select | {cold_ratio:.0%} | (no target) |")
    print(f"| POST -> decision p50 | {p50:.0f} ms | < 100 ms |")


if __name__ == "__main__":
    main()
