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


def _comments(n: int, target: int, seed: int, *, child_data: bool | None = None) -> list[str]:
    """Realistic ~target-character comments built from labelled comments.

    child_data=None mixes every labelled comment (most built comments then hold some child
    data); False uses only comments without any, the stream where the learned model is asked
    about every text.
    """
    pool: list[str] = []
    for path in SOURCES:
        if path.exists():
            rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
            pool += [r["text"] for r in rows if child_data is None or r["child_data"] == child_data]
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
    plain = _comments(args.n, args.chars, seed=8, child_data=False)
    detector = ChildDataDetector()
    rules = ChildDataDetector(learned=False)
    for d in (detector, rules):
        d.detect_batch(texts[:50])  # warm caches (gazetteers are loaded in the constructor)
    simple = re.compile(r"\bchild(?:ren)?\b")

    def baseline(batch: list[str]) -> None:
        for t in batch:
            simple.search(t.lower())

    flagged = sum(r.score >= 0.5 for r in rules.detect_batch(texts)) / len(texts)
    rows = [
        (f"mixed stream ({flagged:.0%} held by the rules)", detector.detect_batch, texts, True),
        ("  same, rules only (no learned model)", rules.detect_batch, texts, False),
        ("comments without child data (model always asked)", detector.detect_batch, plain, True),
    ]
    mean_len = sum(map(len, texts)) / len(texts)
    print(f"child-data detector benchmark: {len(texts)} comments per stream, mean {mean_len:.0f} chars, "
          f"{args.runs} runs, CPU time of one core")
    print(f"{'stream':<52}{'comments/s (median)':>21}{'x baseline':>12}")
    worst = None
    for label, fn, batch, full in rows:
        det, base, ratio = _rates(fn, baseline, batch, args.runs)
        print(f"{label:<52}{det:>21,.0f}{ratio:>12.4f}")
        if full:
            worst = det if worst is None else min(worst, det)
    print(f"{'baseline: lower() + one re.search':<52}{base:>21,.0f}{1:>12.4f}")
    assert worst is not None
    print(f"{'target (full detector, every stream)':<52}{'>= 2,000':>21}  {'OK' if worst >= 2000 else 'BELOW TARGET'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
