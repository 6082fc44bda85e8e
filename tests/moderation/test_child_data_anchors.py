"""The detector's fast paths find exactly what a plain scan would, and stay linear on long input."""

from __future__ import annotations

import json
import random
import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from moderation import child_anchors as A
from moderation import child_extract as E
from moderation import child_items as items
from moderation import child_patterns as P
from moderation.child_data import ChildDataDetector
from moderation.child_normalize import normalise

ROOT = Path(__file__).resolve().parents[2]
LABELLED = [ROOT.parent / "shared" / "eval" / "dev.jsonl", ROOT / "tests" / "data" / "comments.jsonl"]
# Texts where a match starts somewhere unusual: inside a word, glued to a number, after odd spacing.
TRICKY = [
    "Do them a favour her school in Halifax has been amazing.",
    "Under16s and under-12s; my grandson, 9, and the boy (aged 7) at 22 Acacia Avenue, Leeds LS6 2AB.",
    "A-Oakfield Primary pupil, DOB 03/05/2016, in P4 at St Mary's; in  p5 twins; she is 9; im 12.",
    "Call 07700 900123 or +44 7700 900123 (ref BS19C00321, case no. LS22C00417); Year 6, yr10, y 9.",
    "The 13-year-old girl who lives on Elm Grove was born in 2014; hearing next week at family court.",
    "I'm the SENCo for a 9yo in reception class; my mentee's mum is 16 and in foster care.",
    "My son\u00a0Jake,\u00a09, is at Brookside Primary \u2013 his EHCP was refused;"
    " \uff25\uff54\uff48\uff41\uff4e is 7.",
]


def _texts() -> list[str]:
    out = list(TRICKY)
    for path in LABELLED:
        if path.exists():
            out += [json.loads(x)["text"] for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    rng = random.Random(3)
    # Shuffled fragments make starts land next to every kind of neighbour.
    pieces = [w for t in out for w in re.split(r"(\s+)", t)]
    out += ["".join(rng.choice(pieces) for _ in range(rng.randint(5, 80))) for _ in range(300)]
    return out


TEXTS = _texts()
ON_TEXT = {"baby_name", "saint_school", "lives_on", "flat", "care_verb"}
PARTIAL = {"flat", "month"}  # also start at digits: checked through the helpers below


def _word_start_scan(rx: re.Pattern[str]) -> re.Pattern[str]:
    """The same pattern scanned everywhere, but allowed to start only where a word starts."""
    return rx if rx.pattern.startswith(r"\b") else re.compile(r"\b(?:" + rx.pattern + ")", rx.flags)


@pytest.mark.parametrize("name", [n for n in A.NAMES if n not in PARTIAL])
def test_word_anchored_patterns_lose_no_match(name: str) -> None:
    reference = _word_start_scan(A.PATTERNS[A.SLOT[name]])
    for text in TEXTS:
        norm = normalise(text)
        s = norm.text if name in ON_TEXT else norm.lower
        anchors = A.Anchors(norm.lower)
        # "under16s" starts inside a word run, so the detector adds those starts itself.
        found = E._generic_struct(anchors) if name == "generic_struct" else anchors.find(name, s)
        assert [m.span() for m in found] == [m.span() for m in reference.finditer(s)], text


@pytest.mark.parametrize(
    ("helper", "reference", "on_text"),
    [
        (items._postcodes, _word_start_scan(P.POSTCODE.rx), True),
        (items.court_case_numbers, _word_start_scan(P.COURT_CASE_NO.rx), True),
        (lambda _text, an: items._year_groups(an), _word_start_scan(P.YEAR_GROUP.rx), False),
        (lambda _text, an: items._yo_ages(an), P.YO_AGE, False),
        (lambda _text, an: items._scottish_years(an), P.SCOTTISH_YEAR, False),
    ],
    ids=["postcode", "court_case", "year_group", "yo_age", "scottish_year"],
)
def test_number_anchored_patterns_lose_no_match(
    helper: Callable[[str, A.Anchors], list[re.Match[str]]], reference: re.Pattern[str], on_text: bool
) -> None:
    for text in TEXTS:
        norm = normalise(text)
        anchors = A.Anchors(norm.lower)
        s = norm.text if on_text else norm.lower
        assert [m.span() for m in helper(norm.text, anchors)] == [m.span() for m in reference.finditer(s)], text


def test_digit_runs_are_every_run_of_digits() -> None:
    for text in TEXTS:
        low = normalise(text).lower
        assert A.Anchors(low).digit_runs == [m.span() for m in re.finditer(r"\d+", low)], text


def test_long_hostile_inputs_take_linear_time() -> None:
    detector = ChildDataDetector()
    units = ["the girl at ", "Ellie Marsh, 7, ", "i'm 12 ", "AB12 ", "p4 in p5 ", "A-Oakfield House ", "١٢ "]
    for unit in units:
        short = (unit * (10_000 // len(unit) + 1))[:10_000]
        long = (unit * (100_000 // len(unit) + 1))[:100_000]
        start = time.process_time()
        detector.detect(short)
        t_short = time.process_time() - start
        start = time.process_time()
        result = detector.detect(long)
        t_long = time.process_time() - start
        assert all(long[s.start : s.end] == s.text for s in result.spans)
        # Ten times the text may take about ten times as long, never a hundred.
        assert t_long < max(30 * t_short, 0.5), (unit, t_short, t_long)
