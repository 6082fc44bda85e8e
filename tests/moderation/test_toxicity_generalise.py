"""Colloquial British abuse and its hard negatives, judged the way `safeguard evaluate` judges them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from moderation.assess import build_moderator
from moderation.cli import TOXIC_CODES
from moderation.policy import DEFAULT_POLICY, decide

DATA = Path(__file__).resolve().parents[1] / "data" / "generalise_toxic.jsonl"
ITEMS = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def verdicts() -> dict[str, bool]:
    moderator = build_moderator("embedded")
    texts = [item["text"] for item in ITEMS]
    out = {}
    for text, assessment in zip(texts, moderator.assess_batch(texts), strict=True):
        decision = decide(assessment, DEFAULT_POLICY)
        codes = {reason.code for reason in decision.reasons}
        out[text] = decision.status in ("hold", "reject") and bool(codes & TOXIC_CODES)
    return out


def test_set_is_big_and_balanced_enough_to_mean_something():
    toxic = sum(item["toxic"] for item in ITEMS)
    assert len(ITEMS) >= 120
    assert toxic >= 60 and len(ITEMS) - toxic >= 40


@pytest.mark.parametrize("item", ITEMS, ids=[f"line{i + 1}" for i in range(len(ITEMS))])
def test_held_for_toxicity_exactly_when_labelled_toxic(verdicts, item):
    assert verdicts[item["text"]] == item["toxic"], (item["text"], item["note"])


@pytest.mark.parametrize(("masked", "words"), [
    ("y o u r a t h i c k t w a t", "thick twat"),
    ("Y o u a r e a s . l . a . g", "you are a slag"),
    ("F.u.c.k.i.n.g p.a.e.d.o apologist", "fucking paedo apologist"),
    ("you're a p.a.e.d.o a.p.o.l.o.g.i.s.t", "paedo apologist"),
    ("you absolute p*edo defender", "pedo defender"),
])
def test_letters_spelled_out_across_words_are_read_back_as_words(masked, words):
    from moderation.normalize import normalize

    assert words in normalize(masked)


@pytest.mark.parametrize("text", ["the B B C and N H S", "I got an A B B at A level",
                                  "a b c d e", "e.g. a b"])
def test_initials_and_grades_are_not_rewritten(text):
    from moderation.normalize import normalize

    assert normalize(text) == text.lower()
