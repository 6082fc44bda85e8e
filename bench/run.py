"""`make bench`: run every benchmark in turn and print their tables (medians and in-run ratios)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ORDER = [
    "bench_moderation.py",  # sanitize vs bare bleach, full assess throughput
    "bench_toxicity.py",  # embedded and Detoxify backends
    "bench_child_data.py",  # children's-data detector
    "bench_moderator.py",  # review-queue keyset paging at 1,000,000 submissions
    "bench_service.py",  # HTTP: POST, GET list, baselines, POST -> decision
]


def main() -> int:
    only = set(sys.argv[1:])
    failed = []
    for name in ORDER:
        script = HERE / name
        if not script.exists() or (only and name.removesuffix(".py") not in only and name not in only):
            continue
        print(f"\n## {name}\n", flush=True)
        if subprocess.run([sys.executable, str(script)], cwd=HERE.parent).returncode != 0:
            failed.append(name)
    if failed:
        print(f"\nfailed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
