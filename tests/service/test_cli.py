"""The `safeguard` command as a new user meets it: a fresh directory, clear errors, nothing half-done."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run(tmp: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "service.cli", *args], cwd=tmp, text=True,
                          capture_output=True, timeout=120,
                          env={**os.environ, "SAFEGUARD_LOG_LEVEL": "WARNING", "DATABASE_URL": "", **env})


def test_sites_threads_and_users_on_a_fresh_directory(tmp_path: Path) -> None:
    ok = run(tmp_path, "site", "add", "news", "--name", "News", "--origin", "https://news.example.org")
    assert ok.returncode == 0, ok.stderr
    assert (tmp_path / "safeguard.db").exists()
    again = run(tmp_path, "site", "add", "news", "--name", "News")
    assert again.returncode == 2 and "already exists" in again.stderr
    bad_origin = run(tmp_path, "site", "add", "blog", "--name", "B", "--origin", "https://b.example/path")
    assert bad_origin.returncode == 2 and "scheme://host" in bad_origin.stderr
    backwards = run(tmp_path, "thread", "add", "news", "c1", "--kind", "consultation", "--title", "Call",
                    "--opens", "2027-01-01", "--closes", "2026-01-01")
    assert backwards.returncode == 2 and "--closes must be after --opens" in backwards.stderr
    bad_date = run(tmp_path, "thread", "add", "news", "c1", "--kind", "article", "--title", "A",
                   "--closes", "next tuesday")
    assert bad_date.returncode == 2 and "ISO 8601" in bad_date.stderr
    made = run(tmp_path, "thread", "add", "news", "c1", "--kind", "consultation", "--title", "Call",
               "--question", "What works?", "--closes", "2030-01-01T17:00:00Z")
    assert made.returncode == 0, made.stderr
    no_site = run(tmp_path, "thread", "add", "nope", "t", "--kind", "article", "--title", "A")
    assert no_site.returncode == 2 and "safeguard site add nope" in no_site.stderr
    weak = run(tmp_path, "user", "add", "m@example.org", "--role", "moderator", "--site", "news",
               SAFEGUARD_PASSWORD="short")
    assert weak.returncode == 2 and "at least 10 characters" in weak.stderr
    user = run(tmp_path, "user", "add", "m@example.org", "--role", "moderator", "--site", "news",
               SAFEGUARD_PASSWORD="a long passphrase")
    assert user.returncode == 0, user.stderr


def test_production_refuses_a_weak_secret(tmp_path: Path) -> None:
    done = run(tmp_path, "migrate", SAFEGUARD_ENV="production", SAFEGUARD_SECRET_KEY="changeme")
    assert done.returncode == 2 and "SAFEGUARD_SECRET_KEY" in done.stderr


def test_worker_without_redis_says_what_to_do(tmp_path: Path) -> None:
    done = run(tmp_path, "worker", REDIS_URL="")
    assert done.returncode == 2 and "REDIS_URL" in done.stderr
