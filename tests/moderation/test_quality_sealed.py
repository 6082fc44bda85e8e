"""The issue's quality targets, on the one labelled set nothing was tuned or trained on.

tests/data/sealed.jsonl: comments by writers who never saw the code, kept apart from every round
of detector work (see tests/data/README.md). Embedded backend, default policy, exactly what
`safeguard evaluate` reports.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from moderation.policy import DEFAULT_POLICY, decide

SEALED = Path(__file__).resolve().parents[2] / "tests" / "data" / "sealed.jsonl"
TOXIC_CODES = {"toxicity", "banned_word", "suspect_word"}


@pytest.fixture(scope="module")
def outcomes(moderator) -> list[tuple[dict[str, object], set[str]]]:
    rows = [json.loads(x) for x in SEALED.read_text(encoding="utf-8").splitlines() if x.strip()]
    assessments = moderator.assess_batch([str(r["text"]) for r in rows])
    return [(r, {reason.code for reason in decide(a, DEFAULT_POLICY).reasons})
            for r, a in zip(rows, assessments, strict=True)]


def _precision_recall(pairs: list[tuple[bool, bool]]) -> tuple[float, float]:
    tp = sum(1 for truth, flagged in pairs if truth and flagged)
    fp = sum(1 for truth, flagged in pairs if not truth and flagged)
    fn = sum(1 for truth, flagged in pairs if truth and not flagged)
    return tp / max(tp + fp, 1), tp / max(tp + fn, 1)


def test_the_sealed_set_is_big_enough_to_mean_something(outcomes):
    assert len(outcomes) >= 400
    assert sum(bool(r["child_data"]) for r, _ in outcomes) >= 100
    assert sum(bool(r["toxic"]) for r, _ in outcomes) >= 100


def test_children_s_data_recall_at_least_095_at_precision_085(outcomes, moderator):
    assert moderator.backend == "embedded"
    p, r = _precision_recall([(bool(row["child_data"]), "child_data" in codes) for row, codes in outcomes])
    assert r >= 0.95 and p >= 0.85, f"child_data P {p:.3f} R {r:.3f}"


def test_toxic_recall_at_least_090_at_precision_080(outcomes):
    p, r = _precision_recall([(bool(row["toxic"]), bool(codes & TOXIC_CODES)) for row, codes in outcomes])
    assert r >= 0.90 and p >= 0.80, f"toxic P {p:.3f} R {r:.3f}"
