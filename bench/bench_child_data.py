"""Benchmark of the child-data detector on ~500-character comments, against an in-run baseline."""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from moderation.child_data import ChildDataDetector  # noqa: E402

SOURCES = (ROOT / "tests" / "data" / "comments.jsonl", ROOT.parent / "shared" / "eval" / "dev.jsonl")
FALLBACK = [
    "My son Ethan Walsh is 10 and has been out of school since his placement broke down.",
    "Local authorities in the North East have seen the biggest rise in children in need referrals.",
    "I've been a foster carer for twelve years and education has always been the hardest thing.",
    "Our granddaughter Poppy (6) attends Millbrook Primary in Swindon.",
    "Response to question 3: designated teachers need protected time and proper training budgets.",
]


def _comments(n: int, target: int, seed: int) -> list[str]:
    """Realistic ~target-character comments built from labelled comments (mixed labels)."""
    pool: list[str] = []
    for path in SOURCES:
        if path.exists():
            pool += [json.loads(x)["text"] for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    pool = pool or FALLBACK
    rng = random.Random(seed)
    out: list[str] = []
    while len(out) < n:
        text = ""
        while len(text) < target - 40:
            text += rng.choice(pool) + " "
        out.append(text[: target + 80].strip())
    return out


def _rate(fn, texts: list[str], runs: int) -> float:  # type: ignore[no-untyped-def]
    """Median comments per CPU-second over several runs (CPU time resists a busy machine)."""
    rates = []
    for _ in range(runs):
        start = time.process_time()
        fn(texts)
        elapsed = max(time.process_time() - start, 1e-9)
        rates.append(len(texts) / elapsed)
    return statistics.median(rates)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=2000, help="comments per run")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--chars", type=int, default=500)
    args = ap.parse_args(argv)

    texts = _comments(args.n, args.chars, seed=7)
    detector = ChildDataDetector()
    detector.detect_batch(texts[:50])  # warm caches (gazetteers are loaded in the constructor)
    simple = re.compile(r"\bchild(?:ren)?\b")

    def baseline(batch: list[str]) -> None:
        for t in batch:
            simple.search(t.lower())

    det = _rate(detector.detect_batch, texts, args.runs)
    base = _rate(baseline, texts, args.runs)
    mean_len = sum(map(len, texts)) / len(texts)
    print(f"child-data detector benchmark: {len(texts)} comments, mean {mean_len:.0f} chars, {args.runs} runs")
    print(f"{'what':<44}{'comments/s (median)':>22}")
    print(f"{'ChildDataDetector.detect_batch':<44}{det:>22,.0f}")
    print(f"{'baseline: lower() + one re.search':<44}{base:>22,.0f}")
    print(f"{'ratio detector / baseline':<44}{det / base:>22.4f}")
    print(f"{'target':<44}{'>= 2,000':>22}  {'OK' if det >= 2000 else 'BELOW TARGET'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
