"""Benchmark of the moderation hot path: sanitising vs bare bleach.clean, and batch assessment.

Run: .venv/bin/python bench/bench_moderation.py [--comments 500] [--rounds 7] [--backend embedded]
Prints medians over rounds and ratios measured in the same run (a script, not a test).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import bleach  # noqa: E402  (baseline only; the service sanitises through moderation.sanitize)

from moderation.policy import DEFAULT_POLICY, decide  # noqa: E402
from moderation.sanitize import sanitize  # noqa: E402

SENTENCES = [
    "I have fostered for eleven years and the placement shortage in our county is the worst I have seen.",
    "The council's own figures show spending on agency social workers doubled since 2019.",
    "<p>Please read the <b>Ofsted</b> report before commenting; it is not as simple as this.</p>",
    "Our local authority closed two children's centres last year and nobody asked parents.",
    "See https://www.gov.uk/government/statistics for the latest looked-after children data.",
    "My daughter Amelia, 9, has waited 14 months for an EHCP assessment at Oakfield Primary.",
    "Kinship carers get a fraction of the allowance that foster carers receive, which is absurd.",
    "<em>Frankly</em> the minister's response to the review was a disgrace and an insult to families.",
    "Email the consultation team at responses@example.org.uk if the form does not load.",
    "Residential homes run for profit are charging £6,000 a week and outcomes are not better.",
    "Teachers are doing the job of social workers, health visitors and counsellors all at once.",
    "The review's recommendation on regional care cooperatives deserves a proper pilot first.",
]


def make_comments(count: int, length: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        parts: list[str] = []
        while sum(len(p) + 1 for p in parts) < length:
            parts.append(rng.choice(SENTENCES))
        out.append(" ".join(parts)[: length + 80])
    return out


# CPU time of this process: other work on a shared 2-core machine inflates wall time unevenly.
clock = time.process_time


def per_item_ms(fn: Callable[[str], object], texts: Sequence[str]) -> float:
    start = clock()
    for text in texts:
        fn(text)
    return (clock() - start) * 1000 / len(texts)


def per_second(fn: Callable[[Sequence[str]], object], texts: Sequence[str], batch: int) -> float:
    start = clock()
    for i in range(0, len(texts), batch):
        fn(texts[i : i + batch])
    return len(texts) / (clock() - start)


def interleaved(rounds: int, measures: dict[str, Callable[[], float]]) -> dict[str, list[float]]:
    """Run every measure once per round, in turn, so all share the same machine conditions."""
    samples: dict[str, list[float]] = {name: [] for name in measures}
    for _ in range(rounds):
        for name, measure in measures.items():
            samples[name].append(measure())
    return samples


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=500)
    parser.add_argument("--length", type=int, default=500, help="characters per comment")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--backend", default="embedded", choices=("auto", "embedded", "detoxify"))
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")

    texts = make_comments(args.comments, args.length)
    mean_len = statistics.mean(len(t) for t in texts)
    print(
        f"{args.comments} comments, mean {mean_len:.0f} characters, "
        f"{args.rounds} rounds (medians), batch {args.batch}, Python {sys.version.split()[0]}\n"
    )

    cleaner_once = bleach.Cleaner()
    sanitize(texts[0])  # build the per-thread Cleaner before timing, as a worker would have
    runs = interleaved(
        args.rounds,
        {
            "base": lambda: per_item_ms(bleach.clean, texts),
            "reused": lambda: per_item_ms(cleaner_once.clean, texts),
            "naive": lambda: per_item_ms(lambda t: bleach.linkify(bleach.clean(t)), texts),
            "ours": lambda: per_item_ms(sanitize, texts),
        },
    )
    med = {name: statistics.median(values) for name, values in runs.items()}

    def ratio(name: str) -> str:
        # median of per-round ratios: robust to a slow round that hits every measure
        per_round = [a / b for a, b in zip(runs[name], runs["base"], strict=True)]
        return f"{statistics.median(per_round):.2f}x"

    rows = [
        ("bleach.clean (baseline, defaults)", f"{med['base']:.3f} ms", "1.00x"),
        ("bleach.Cleaner reused (defaults)", f"{med['reused']:.3f} ms", ratio("reused")),
        ("bleach.clean + bleach.linkify", f"{med['naive']:.3f} ms", ratio("naive")),
        ("moderation.sanitize (+linkify)", f"{med['ours']:.3f} ms", ratio("ours")),
    ]

    try:
        from moderation.assess import build_moderator

        start = time.perf_counter()
        moderator = build_moderator(args.backend)
        load_s = time.perf_counter() - start
    except ImportError as exc:  # the scorers are written alongside; say so rather than fail
        print(f"(assessment skipped: {exc})\n")
        moderator = None

    if moderator is not None:
        moderator.assess_batch(texts[: args.batch])  # warm caches
        assessments = moderator.assess_batch(texts)

        def pipeline(batch: Sequence[str]) -> None:
            for text, a in zip(batch, moderator.assess_batch(batch), strict=True):
                sanitize(text)
                decide(a, DEFAULT_POLICY)

        def decide_all() -> float:
            start = clock()
            for a in assessments:
                decide(a, DEFAULT_POLICY)
            return (clock() - start) * 1000 / len(assessments)

        b = args.batch
        runs = interleaved(
            args.rounds,
            {
                "tox": lambda: per_second(moderator.toxicity.score_batch, texts, b),
                "child": lambda: per_second(moderator.child_data.detect_batch, texts, b),
                "full": lambda: per_second(moderator.assess_batch, texts, b),
                "decide": decide_all,
                "whole": lambda: per_second(pipeline, texts, b),
            },
        )
        med = {name: statistics.median(values) for name, values in runs.items()}
        print(f"toxicity backend: {moderator.backend} ({moderator.why}); loaded in {load_s:.2f} s\n")

        def rate(name: str, per_s: float) -> tuple[str, str, str]:
            return (name, f"{per_s:,.0f} /s", f"{1000 / per_s:.3f} ms")

        rows += [
            rate(f"toxicity score_batch ({moderator.backend})", med["tox"]),
            rate("child-data detect_batch", med["child"]),
            rate("Moderator.assess_batch (both)", med["full"]),
            rate("policy decide()", 1000 / med["decide"]),
            rate("assess + sanitize + decide", med["whole"]),
        ]

    width = max(len(r[0]) for r in rows) + 2
    print(f"{'measure (CPU time)':<{width}}{'median':>14}{'ratio / per item':>18}")
    for name, value, extra in rows:
        print(f"{name:<{width}}{value:>14}{extra:>18}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
