"""Benchmark of the toxicity backends on ~500-character comments (comments/s, median of runs).

Usage: .venv/bin/python bench/bench_toxicity.py [--runs 5] [--n 2000] [--skip-detoxify]

Rows: the raw alt-profanity-check model (baseline, the same texts and batches), the embedded
scorer (normalisation + recognisers + that model) pinned to one core, and the Detoxify
backend with a full-size, randomly initialised BERT (BertConfig() defaults, the "original"
architecture) built locally: no download, and weights do not change speed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

_FALLBACK = [
    "The review's findings on placement stability are worth reading in full.",
    "Social services let us down badly but the new team manager is trying.",
    "What a shambles. Years of reviews and not a penny extra for schools.",
    "As a foster carer for twelve years, education has always been the hardest part.",
    "You absolute idiot, read the report before spouting off.",
    "Kinship carers get no allowance in our area and the council does sod all about it.",
]


def make_comments(n: int, length: int = 500, seed: int = 7, toxic: bool | None = None,
                  abusive_share: float | None = None) -> list[str]:
    """~500-character comments stitched from sentences of the labelled set (or a fallback).

    toxic=None draws sentences from the whole set; True/False from one side only.
    abusive_share=p makes a share p of the comments start with one abusive sentence and fills
    every comment up with clean ones (abuse is rarer than 1 in 4 sentences in real threads).
    """
    path = ROOT / "tests" / "data" / "comments.jsonl"
    rows = [{"text": t, "toxic": "idiot" in t} for t in _FALLBACK]
    if path.exists():
        rows = [json.loads(x) for x in path.read_text().splitlines() if x.strip()]
    clean = [r["text"] for r in rows if not r.get("toxic")]
    abusive = [r["text"] for r in rows if r.get("toxic")]
    pool = [r["text"] for r in rows if toxic is None or bool(r.get("toxic")) == toxic]
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        text = ""
        if abusive_share is not None:
            if rng.random() < abusive_share:
                text = rng.choice(abusive) + " "
            while len(text) < length:
                text += rng.choice(clean) + " "
        while len(text) < length:
            text += rng.choice(pool) + " "
        out.append(text[:length])
    return out


def rate(fn: Callable[[Sequence[str]], object], texts: list[str], batch: int, runs: int,
         warm: int = 64) -> float:
    fn(texts[:min(batch, warm)])  # warm-up: lazy loads and caches outside the timing
    rates = []
    for _ in range(runs):
        t0 = time.perf_counter()
        for i in range(0, len(texts), batch):
            fn(texts[i:i + batch])
        rates.append(len(texts) / (time.perf_counter() - t0))
    return statistics.median(rates)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--n", type=int, default=2000, help="comments per embedded run")
    ap.add_argument("--n-detoxify", type=int, default=64, help="comments per Detoxify run")
    ap.add_argument("--runs-detoxify", type=int, default=2)
    ap.add_argument("--threads", type=int, default=1, help="torch threads for Detoxify")
    ap.add_argument("--skip-detoxify", action="store_true")
    args = ap.parse_args(argv)

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    from moderation.toxicity import load_scorer

    quarter = make_comments(args.n, abusive_share=0.25)
    clean = make_comments(args.n, toxic=False)
    dense = make_comments(args.n)
    rows: list[tuple[str, int, float, float]] = []

    import profanity_check  # the baseline: its own predict_prob, loaded at import

    base = rate(profanity_check.predict_prob, quarter, 64, args.runs)
    rows.append(("baseline: profanity_check.predict_prob", 64, base, 1.0))
    scorer = load_scorer("embedded")
    for batch in (64, 256):
        r = rate(scorer.score_batch, quarter, batch, args.runs)
        rows.append(("embedded, 1 in 4 comments abusive", batch, r, r / base))
    r = rate(scorer.score_batch, clean, 64, args.runs)
    rows.append(("embedded, clean comments", 64, r, r / base))
    r = rate(scorer.score_batch, dense, 64, args.runs)
    rows.append(("embedded, worst case: abuse in nearly every one", 64, r, r / base))

    if not args.skip_detoxify:
        try:
            rows.extend(_bench_detoxify(args, base))
        except ImportError as exc:
            print(f"Detoxify rows skipped: {exc}", file=sys.stderr)

    print(f"\n~500-character comments, one core, median of {args.runs} runs\n")
    print(f"| {'backend':<48} | {'batch':>5} | {'comments/s':>10} | {'x baseline':>10} |")
    print(f"|{'-' * 50}|{'-' * 7}|{'-' * 12}|{'-' * 12}|")
    for name, batch, r, ratio in rows:
        print(f"| {name:<48} | {batch:>5} | {r:>10.1f} | {ratio:>10.4f} |")
    return 0


def _bench_detoxify(args: argparse.Namespace, base: float) -> list[tuple[str, int, float, float]]:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    if hasattr(os, "sched_setaffinity"):
        cpus = sorted(os.sched_getaffinity(0) | set(range(os.cpu_count() or 1)))
        os.sched_setaffinity(0, set(cpus[: max(1, args.threads)]))
    from moderation.toxicity import load_scorer
    from tests.moderation.tiny_detoxify import build_checkpoint

    texts = make_comments(args.n_detoxify)
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        ckpt, cfg = build_checkpoint(Path(tmp), full_size=True, texts=make_comments(400))
        built = time.perf_counter() - t0
        for batch in (16, 32, 64):
            t0 = time.perf_counter()
            scorer = load_scorer("detoxify", checkpoint=ckpt, config_dir=cfg,
                                 threads=args.threads, batch_size=batch)
            loaded = time.perf_counter() - t0
            r = rate(scorer.score_batch, texts, batch, args.runs_detoxify, warm=4)
            out.append((f"detoxify original, BERT-base random ({args.threads} thr)", batch, r,
                        r / base))
            print(f"detoxify batch {batch}: load {loaded:.1f}s (checkpoint built in "
                  f"{built:.1f}s), {r:.1f} comments/s", file=sys.stderr)
    return out


if __name__ == "__main__":
    raise SystemExit(main())
