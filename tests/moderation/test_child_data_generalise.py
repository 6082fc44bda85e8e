"""Child-data detector on indirect, informal and jigsaw references, and on their look-alikes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from moderation.child_data import HOLD_THRESHOLD, ChildDataDetector

DETECTOR = ChildDataDetector()
GENERALISE = Path(__file__).resolve().parents[1] / "data" / "generalise.jsonl"


def _held(text: str) -> bool:
    return DETECTOR.detect(text).score >= HOLD_THRESHOLD


@pytest.mark.parametrize(
    "text",
    [
        "One of my Year 10s told me at lunch on Wednesday that her uncle has been touching her.",
        "As the school nurse at a primary in Barnsley I saw a boy this morning with burns on both hands.",
        "A 14-year-old gave birth on our maternity unit last night and social care knew nothing about it.",
        "I'm the allocated worker for a sibling group of three and the eldest is 12 and self-harming.",
        "Our health visitor team in Kendal is supporting a baby born with neonatal abstinence syndrome.",
        "PCSO here: I picked up a lass of 13 last night who had gone missing from her placement.",
    ],
)
def test_practitioner_disclosing_one_traceable_child_is_held(text: str) -> None:
    assert _held(text)


@pytest.mark.parametrize(
    "text",
    [
        "am 15 an in a childrens home in Wigan an staff dont listen",
        "im 14 been in foster care since i was 9, live in gateshead",
        "Year 11 here, I've got dyslexia and ADHD and my school in Crewe won't help",
        "mans 16 an been in semi independent in Tottenham since last year",
        "Just turned 15 and I'm in a secure unit in Kilmarnock, it's grim",
        "14 year old from Bolton here, got diagnosed with anxiety last month",
    ],
)
def test_child_writing_informally_about_themselves_is_held(text: str) -> None:
    result = DETECTOR.detect(text)
    assert result.score >= HOLD_THRESHOLD
    assert "writing about themselves" in result.explanation


@pytest.mark.parametrize(
    "text",
    [
        "Only one child at the primary in Ruthin uses a wheelchair, so everyone knows who this is about.",
        "There's one family in our village near Hexham with a son who was taken into care in May.",
        "The only looked-after child at that tiny school in Orkney has been excluded twice.",
        "You can work out who it is if you live in Totnes: twin girls, both with cerebral palsy.",
    ],
)
def test_jigsaw_identification_without_a_name_is_held(text: str) -> None:
    assert _held(text)


def test_handle_with_a_birth_year_is_a_childs_contact_detail() -> None:
    text = "She's on TikTok as @rosie_b2012 and posts about her foster placement every night."
    result = DETECTOR.detect(text)
    assert result.score >= HOLD_THRESHOLD
    assert any(s.kind == "contact" and "2012" in s.text for s in result.spans)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("my 2 boys Kai and Bailey both have ADHD and the school in Hull keeps excluding them", {"Kai", "Bailey"}),
        ("We adopted Saffie at two and she still sees her birth mum in Preston.", {"Saffie"}),
        ("Tia, Lacey and Mason were all split up into different foster homes last month.", {"Tia", "Lacey", "Mason"}),
    ],
)
def test_named_children_after_possessives_verbs_and_in_lists(text: str, names: set[str]) -> None:
    result = DETECTOR.detect(text)
    assert result.score >= HOLD_THRESHOLD
    assert names <= {s.text for s in result.spans if s.kind == "child_name"}


@pytest.mark.parametrize(
    "text",
    [
        "My son is on the gender clinic waiting list and his school in Exeter keeps outing him.",
        "Her cuts are getting deeper and my daughter's school still says it's a phase.",
        "My grandson has a tracheostomy and the nursery in Chelmsford has refused him a place.",
        "The LADO is involved now because my son disclosed that a coach touched him.",
        "Our eldest has just been diagnosed with OCD at 12 and the wait for therapy is 18 months.",
        "The little one has Down's syndrome and the nursery won't take her.",
        "Our middle one was excluded from his academy in Walsall for something caused by his ADHD.",
    ],
)
def test_sensitive_details_of_one_specific_child_are_held(text: str) -> None:
    assert _held(text)


@pytest.mark.parametrize(
    "text",
    [
        "As a Black care leaver and now a social worker in Lewisham, I see our boys written off every day.",
        "I'll not say more about our grandson than that he's thriving.",
        "The serious case review into the death of Ryan Hollis found that warning signs were missed.",
        "The inquest heard that the 15-year-old had been known to CAMHS before she died.",
        "Girls aged 11-16 in Northern Ireland report the highest rates of self-harm.",
        "A 15-year-old in care is four times more likely to be excluded than their peers.",
        "Ring the Bristol Parent Partnership on 0117 903 1234 if your child's been excluded.",
        "If a 14-year-old goes missing from placement, the police should treat it as high risk.",
        "Only one in ten care leavers in Norfolk goes on to university.",
        "Most of my Year 11s are anxious about exams this year, and who can blame them.",
        "I was in care in Leeds from 9 to 18 and I'm now 34 and a social work manager.",
        "Our youngest started secondary this September and is loving it.",
        "The eldest child in a family often ends up as a young carer, and schools rarely notice.",
        "Thank you to the staff at Little Acorns Nursery, they were brilliant with the families.",
    ],
)
def test_look_alikes_are_not_held(text: str) -> None:
    assert not _held(text)


def test_our_dying_relative_does_not_hide_a_living_childs_data() -> None:
    text = (
        "Our grandson Mateo, born 5 August 2017, has lived with us under a child arrangements order"
        " since his mum died."
    )
    assert _held(text)


def test_generalise_set_meets_the_quality_target() -> None:
    rows = [json.loads(x) for x in GENERALISE.read_text(encoding="utf-8").splitlines() if x.strip()]
    assert len(rows) >= 120
    preds = [DETECTOR.detect(r["text"]).score >= HOLD_THRESHOLD for r in rows]
    tp = sum(p and r["child_data"] for p, r in zip(preds, rows, strict=True))
    fp = sum(p and not r["child_data"] for p, r in zip(preds, rows, strict=True))
    fn = sum(not p and r["child_data"] for p, r in zip(preds, rows, strict=True))
    assert tp / (tp + fn) >= 0.95
    assert tp / (tp + fp) >= 0.85


@pytest.mark.parametrize(
    "text",
    [
        "Ei ferch hi, Gwenllian, sy'n 12 oed, has been on a child protection plan since the summer.",
        "Fy mhlentyn yn 6 oed and the school in Pwllheli still hasn't put his ADHD support in place.",
        "Ma wee lassie is 9 and has been referred to CAMHS for self-harm.",
        "My son is 13 and a young carer for his dad, and Ysgol Dyffryn Ogwen don't know.",
        "Our Harvey, 11, has had night terrors every night since his sister died in June.",
        "My daughter is 16, trans and on the gender identity service waiting list for four years.",
    ],
)
def test_welsh_scots_words_and_sensitive_states_of_one_child_are_held(text: str) -> None:
    assert _held(text)


def test_welsh_school_name_is_reported_as_a_school() -> None:
    result = DETECTOR.detect("My son is 10 and autistic and goes to Ysgol Bro Myrddin in Carmarthen.")
    assert result.score >= HOLD_THRESHOLD
    assert any(s.kind == "school" and s.text.startswith("Ysgol Bro Myrddin") for s in result.spans)


@pytest.mark.parametrize(
    "text",
    [
        "My merch from the gig arrived today and the hoodie is massive.",
        "Fy mab is 41 now and lives in Cardiff with his own family.",
        "Every wean in Inverclyde should have a warm coat this winter.",
        "Trans teenagers in Wales wait years for the gender identity service.",
        "Young carers in Ceredigion now get a card to show their teachers.",
        "I was bereaved at 14 myself and nobody at school noticed.",
        "Ysgol Penglais has a new head teacher from September.",
    ],
)
def test_dialect_and_sensitive_state_look_alikes_are_not_held(text: str) -> None:
    assert not _held(text)
