"""Children's personal-data detector: labelled comments, every kind, and the negatives that must pass."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from moderation.child_data import ChildDataDetector, detect, detect_batch
from moderation.types import CHILD_DATA_KINDS

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"
COMMENTS = ROOT / "tests" / "data" / "comments.jsonl"


@pytest.fixture(scope="module")
def detector() -> ChildDataDetector:
    return ChildDataDetector()


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _spans(detector: ChildDataDetector, text: str) -> set[tuple[str, str]]:
    return {(s.kind, s.text) for s in detector.detect(text).spans}


@pytest.mark.skipif(not DEV.exists(), reason="shared dev set not present")
def test_every_dev_example_is_labelled_right(detector: ChildDataDetector) -> None:
    rows = _rows(DEV)
    results = detector.detect_batch([r["text"] for r in rows])
    wrong = [
        (row["child_data"], round(res.score, 2), row["text"])
        for row, res in zip(rows, results, strict=False)
        if (res.score >= 0.5) != row["child_data"]
    ]
    assert wrong == []


@pytest.mark.skipif(not COMMENTS.exists(), reason="labelled comments not present")
def test_labelled_comments_meet_the_quality_target(detector: ChildDataDetector) -> None:
    rows = _rows(COMMENTS)
    results = detector.detect_batch([r["text"] for r in rows])
    tp = sum(1 for r, res in zip(rows, results, strict=False) if r["child_data"] and res.score >= 0.5)
    fp = sum(1 for r, res in zip(rows, results, strict=False) if not r["child_data"] and res.score >= 0.5)
    fn = sum(1 for r, res in zip(rows, results, strict=False) if r["child_data"] and res.score < 0.5)
    assert tp / (tp + fn) >= 0.95
    assert tp / (tp + fp) >= 0.85


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Our granddaughter Poppy (6) attends Millbrook Primary in Swindon.",
         {("child_name", "Poppy"), ("age", "6"), ("school", "Millbrook Primary"), ("location", "Swindon")}),
        ("My son Oliver Grant is 11 and was adopted last year.",
         {("child_name", "Oliver Grant"), ("age", "11"), ("care_status", "adopted")}),
        ("Harvey was born on 03/05/2016 and his foster home is in Leeds.",
         {("child_name", "Harvey"), ("date_of_birth", "03/05/2016"), ("location", "Leeds")}),
        ("The boy at 22 Acacia Avenue, Leeds LS6 2AB is left alone every night.",
         {("address", "22 Acacia Avenue"), ("address", "LS6 2AB")}),
        ("Message me on 07700 900123 or jo.bloggs@example.com about my daughter's care order.",
         {("contact", "07700 900123"), ("contact", "jo.bloggs@example.com"), ("care_status", "care order")}),
        ("My daughter is on Snapchat as @lilyrose_09 and she's been groomed by older lads.",
         {("contact", "@lilyrose_09"), ("abuse_or_exploitation", "groomed")}),
        ("Our hearing is at Leeds family court, case number LS22C00417, for my two boys.",
         {("case_reference", "LS22C00417"), ("care_status", "family court")}),
        ("My 12-year-old has an EHCP for autism and her school won't follow it.",
         {("age", "12-year-old"), ("health_or_sen", "EHCP"), ("health_or_sen", "autism")}),
        ("My nephew, 15, was exploited through county lines and is now in a secure unit.",
         {("age", "15"), ("abuse_or_exploitation", "county lines"), ("care_status", "secure unit")}),
    ],
)
def test_kinds_are_found_with_exact_text(detector: ChildDataDetector, text: str, expected: set) -> None:
    result = detector.detect(text)
    assert result.score >= 0.5
    found = {(s.kind, s.text) for s in result.spans}
    assert expected <= found, found
    assert {s.kind for s in result.spans} <= set(CHILD_DATA_KINDS)


@pytest.mark.parametrize(
    "text",
    [
        "Nationally, 14-year-olds in care are three times more likely to be excluded than their peers.",
        "Children in care in Year 6 in Bradford did worse than last year, the report says.",
        "The head teacher, Mrs Patel, is 52 and has run Oakfield Primary for a decade.",
        "I disagree with Sarah, the social workers I met in Leeds were kind.",
        "Ring Childline on 0800 1111 or the NSPCC helpline if you are worried about a child.",
        "Email consultation@education.gov.uk with your views on the EHCP reforms.",
        "When I was 12 I was put in foster care. I'm 45 now and it still shapes me.",
        "My lad has settled in well at his new school.",
        "Our girl is 12 and that's all I'll share.",
        "Our children are grown up now but both had autism diagnoses years ago.",
        "As a disabled parent I worry about how assessments are done.",
        "Minister Damian Hinds announced the review in March 2018.",
        "",
        "   ",
    ],
)
def test_general_talk_adults_and_helplines_are_not_flagged(detector: ChildDataDetector, text: str) -> None:
    assert detector.detect(text).score < 0.5


def test_explanation_names_child_details_and_legal_context(detector: ChildDataDetector) -> None:
    result = detector.detect("Ellie Marsh, 7, goes to Brookside Primary and is subject to a care order.")
    assert result.score >= 0.5
    why = result.explanation
    assert "Ellie Marsh" in why and "Brookside Primary" in why and "(7)" in why
    assert "care order" in why and "Children Act" in why
    assert detector.detect("Budgets for schools are too low.").explanation == ""


def test_child_writing_about_themselves(detector: ChildDataDetector) -> None:
    result = detector.detect("I'm 14 and in a children's home in Stoke, and nobody tells me anything.")
    assert result.score >= 0.5
    assert ("age", "14") in {(s.kind, s.text) for s in result.spans}
    assert "themselves" in result.explanation


def test_practitioner_disclosing_a_case(detector: ChildDataDetector) -> None:
    text = "I'm the SENCo for a 13 year old girl in Grimsby who is self-harming and has no CAMHS support."
    assert detector.detect(text).score >= 0.5
    assert detector.detect("Self-harm among 13 year olds in Grimsby has doubled.").score < 0.5


def test_name_in_child_context_not_in_a_list_still_caught(detector: ChildDataDetector) -> None:
    result = detector.detect("Please help, my grandson Zebedee has been taken into care.")
    assert ("child_name", "Zebedee") in {(s.kind, s.text) for s in result.spans}
    assert result.score >= 0.5


def test_unicode_tricks_still_match_and_offsets_hit_the_original(detector: ChildDataDetector) -> None:
    zw = "My son E\u200bthan is 9 and in f\u200boster care"
    full = "My son \uff25\uff54\uff48\uff41\uff4e is 9 and in foster care"
    ent = "My son Ethan &amp; his sister are in foster care &amp; he is 9"
    for text in (zw, full, ent):
        result = detector.detect(text)
        assert result.score >= 0.5, text
        names = [s for s in result.spans if s.kind == "child_name"]
        assert names, text
        for span in result.spans:
            assert text[span.start : span.end] == span.text
    assert [s.text for s in detector.detect(zw).spans if s.kind == "child_name"] == ["E\u200bthan"]
    assert [s.text for s in detector.detect(full).spans if s.kind == "child_name"] == ["\uff25\uff54\uff48\uff41\uff4e"]


def test_long_text_is_scanned_to_the_end() -> None:
    filler = "The consultation raises many points about funding for local services. " * 1500
    text = filler + "My daughter Amelia, 8, is at Greenfield Primary in Hull."
    assert len(text) > 100_000
    result = detect(text)
    assert result.score >= 0.5
    assert ("child_name", "Amelia") in {(s.kind, s.text) for s in result.spans}
    assert all(text[s.start : s.end] == s.text for s in result.spans)
    assert detect(filler).score < 0.5


def test_module_level_helpers_match_the_class(detector: ChildDataDetector) -> None:
    texts = ["My son Jake is 6 and has ADHD.", "Funding is too low."]
    assert [r.score for r in detect_batch(texts)] == [r.score for r in detector.detect_batch(texts)]
    assert detect(texts[0]).score >= 0.5
