"""Moderator: one scorer call per batch, results in order; the real scorers end to end."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from moderation.assess import Moderator, build_moderator
from moderation.policy import DEFAULT_POLICY, decide
from moderation.types import TOXICITY_LABELS, ChildDataResult, Span

DEV = Path(__file__).resolve().parents[3] / "shared" / Path("eval/dev.jsonl")
ROOT = Path(__file__).resolve().parents[2]


class WordScorer:
    """A small real scorer: probability rises with the share of listed insults in the text."""

    name = "words"
    why = "test scorer"

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def score_batch(self, texts: Sequence[str]) -> list[dict[str, float]]:
        self.calls.append(list(texts))
        out = []
        for text in texts:
            hits = len(re.findall(r"\b(idiot|moron)\b", text, re.IGNORECASE))
            scores = dict.fromkeys(TOXICITY_LABELS, 0.0)
            scores["toxicity"] = scores["insult"] = min(1.0, 0.45 * hits)
            out.append(scores)
        return out

    def toxic_spans(self, text: str) -> list[Span]:
        return [
            Span(m.start(), m.end(), "insult", m.group())
            for m in re.finditer(r"\b(idiot|moron)\b", text, re.IGNORECASE)
        ]


class AgeDetector:
    """A small real detector: flags '<Name>, <age>' pairs."""

    def __init__(self) -> None:
        self.calls = 0

    def detect_batch(self, texts: Sequence[str]) -> list[ChildDataResult]:
        self.calls += 1
        out = []
        for text in texts:
            m = re.search(r"\b([A-Z][a-z]+), (\d{1,2})\b", text)
            if m:
                spans = (
                    Span(m.start(1), m.end(1), "child_name", m.group(1)),
                    Span(m.start(2), m.end(2), "age", m.group(2)),
                )
                out.append(ChildDataResult(0.9, spans, f"names a child ({m.group(1)})"))
            else:
                out.append(ChildDataResult(0.0))
        return out


def test_one_scorer_and_detector_call_per_batch_in_order() -> None:
    scorer, detector = WordScorer(), AgeDetector()
    moderator = Moderator(scorer, detector)
    texts = ["What an idiot moron", "Lovely article", "Poppy, 6, was moved again"]
    results = moderator.assess_batch(texts)
    assert len(scorer.calls) == 1 and detector.calls == 1
    assert [a.text for a in results] == texts
    assert results[0].toxicity["insult"] == pytest.approx(0.9)
    assert results[1].toxicity["insult"] == 0.0
    assert results[2].child_data.spans[0].text == "Poppy"
    assert all(a.backend == "words" for a in results)
    assert [d.status for d in (decide(a, DEFAULT_POLICY) for a in results)] == [
        "hold",
        "publish",
        "hold",
    ]


def test_toxic_spans_only_for_texts_worth_highlighting() -> None:
    moderator = Moderator(WordScorer(), AgeDetector(), span_threshold=0.5)
    strong, weak = moderator.assess_batch(["idiot and moron", "one idiot"])
    assert [s.text for s in strong.toxicity_spans] == ["idiot", "moron"]
    assert weak.toxicity_spans == ()  # 0.45 is below the highlighting threshold


def test_empty_batch_costs_nothing() -> None:
    scorer = WordScorer()
    assert Moderator(scorer, AgeDetector()).assess_batch([]) == []
    assert scorer.calls == []


def test_a_scorer_returning_the_wrong_count_is_an_error() -> None:
    class Short(WordScorer):
        def score_batch(self, texts: Sequence[str]) -> list[dict[str, float]]:
            return super().score_batch(texts)[:-1]

    with pytest.raises(RuntimeError, match="for 2 texts"):
        Moderator(Short(), AgeDetector()).assess_batch(["a", "b"])


def test_importing_assess_loads_no_scorer() -> None:
    code = (
        "import sys, moderation.assess; "
        "print(any(m in sys.modules for m in "
        "('moderation.toxicity', 'moderation.child_data', 'torch', 'sklearn')))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.fixture(scope="module")
def real_moderator() -> Moderator:
    # Skips only while the scorers written alongside this module are missing.
    return build_moderator("embedded")


def test_real_moderator_flags_a_named_child_and_passes_calm_comments(
    real_moderator: Moderator,
) -> None:
    moderator = real_moderator
    texts = [
        "My son Ethan Walsh is 10 and has been out of school since his placement at "
        "Rosewood House in Dudley broke down.",
        "Thank you for a thoughtful article on school funding; the figures were clear.",
    ]
    named, calm = moderator.assess_batch(texts)
    assert set(named.toxicity) == set(TOXICITY_LABELS)
    assert named.backend == moderator.backend and moderator.backend
    assert decide(named, DEFAULT_POLICY).status == "hold"
    assert "child_data" in [r.code for r in decide(named, DEFAULT_POLICY).reasons]
    assert decide(calm, DEFAULT_POLICY).status == "publish"


def test_real_moderator_on_dev_set_finds_most_child_data(real_moderator: Moderator) -> None:
    moderator = real_moderator
    if not DEV.exists():
        pytest.skip(f"{DEV} not found")
    items = [json.loads(line) for line in DEV.read_text().splitlines() if line.strip()]
    results = moderator.assess_batch([item["text"] for item in items])
    positives = [r for r, item in zip(results, items, strict=True) if item["child_data"]]
    held = [r for r in positives if r.child_data.score >= DEFAULT_POLICY.child_data_hold]
    assert len(held) >= 0.8 * len(positives)
