"""Benchmark of the child-data detector on ~500-character comments, against an in-run baseline."""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import time
from collections.abc import Callable
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


def _cpu_seconds(fn: Callable[[list[str]], object], texts: list[str]) -> float:
    start = time.process_time()
    fn(texts)
    return max(time.process_time() - start, 1e-9)


def _rates(
    fn: Callable[[list[str]], object], base: Callable[[list[str]], object], texts: list[str], runs: int
) -> tuple[float, float, float]:
    """Median comments per CPU-second of fn and of base, and the median per-run ratio fn/base.

    The two are timed alternately, so a busy spell on a shared machine slows both and the ratio
    stays comparable between runs even when the absolute rates are not.
    """
    det, ref, ratio = [], [], []
    for _ in range(runs):
        a = len(texts) / _cpu_seconds(fn, texts)
        b = len(texts) / _cpu_seconds(base, texts)
        det.append(a)
        ref.append(b)
        ratio.append(a / b)
    return statistics.median(det), statistics.median(ref), statistics.median(ratio)


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

    det, base, ratio = _rates(detector.detect_batch, baseline, texts, args.runs)
    mean_len = sum(map(len, texts)) / len(texts)
    print(f"child-data detector benchmark: {len(texts)} comments, mean {mean_len:.0f} chars, {args.runs} runs")
    print(f"{'what':<44}{'comments/s (median)':>22}")
    print(f"{'ChildDataDetector.detect_batch':<44}{det:>22,.0f}")
    print(f"{'baseline: lower() + one re.search':<44}{base:>22,.0f}")
    print(f"{'ratio detector / baseline (median per run)':<44}{ratio:>22.4f}")
    print(f"{'target':<44}{'>= 2,000':>22}  {'OK' if det >= 2000 else 'BELOW TARGET'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
