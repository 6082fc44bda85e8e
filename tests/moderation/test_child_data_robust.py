"""Child-data detector on hostile input: spans always slice the original text, nothing crashes."""

from __future__ import annotations

import random
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from moderation.child_data import ChildDataDetector

XSS = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "xss-payload-list.txt"
DETECTOR = ChildDataDetector()

SEEDS = [
    "My son Ethan Walsh is 10 and in foster care in Dudley.",
    "Poppy (6) attends Millbrook Primary; call 07700 900123.",
    "The girl at 17 Elm Grove, Sheffield LS6 2AB. DOB 12/09/2014. Ref BS19C00321.",
    "I'm 15 and in care. @amberxx2012 on TikTok.",
]
NOISE = [
    "\u200b", "\u202e", "\u2066", "\ufeff", "&amp;", "&#x41;", "\uff21", "😀", "é", "Ё", "\u0301", "İ", "ß", "ﬁ",
    "\n", "\t",
]
PIECES = list("ab 1,.()&;#x\u200b@'-Aa7") + NOISE + ["my son ", "Jake", " 9 "]


def _check(text: str) -> None:
    result = DETECTOR.detect(text)
    assert 0.0 <= result.score <= 1.0
    for span in result.spans:
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == span.text


def test_xss_corpus_lines_never_crash_and_spans_slice_exactly() -> None:
    lines = XSS.read_text(encoding="utf-8", errors="replace").splitlines() if XSS.exists() else []
    for line in lines[:3000]:
        _check(line)
        _check("My son Jake, 9, " + line + " lives at 4 Oak Road")


def test_random_noise_around_child_data_keeps_offsets_exact() -> None:
    rng = random.Random(1234)
    for _ in range(400):
        base = list(rng.choice(SEEDS))
        for _ in range(rng.randint(1, 12)):
            base.insert(rng.randint(0, len(base)), rng.choice(NOISE))
        _check("".join(base))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_is_safe(text: str) -> None:
    _check(text)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=80).map("".join))
def test_adversarial_alphabet_is_safe(text: str) -> None:
    _check(text)


def test_pathological_inputs_are_handled() -> None:
    cases = [
        "a" * 100_000,
        "@" * 50_000,
        "0 " * 50_000,
        "My son " * 15_000,
        ("Aa " * 30_000),
        "&amp;" * 20_000,
        "1/" * 50_000,
    ]
    for text in cases:
        _check(text)
