"""Child-data rules by category of miss found on unseen comments: positives and their hard negatives."""

from __future__ import annotations

import pytest

from moderation.child_data import HOLD_THRESHOLD, ChildDataDetector


@pytest.fixture(scope="module")
def rules() -> ChildDataDetector:
    # The rules alone: these tests are about what the rules recognise, not the learned layer.
    return ChildDataDetector(learned=False)


def _held(rules: ChildDataDetector, text: str) -> bool:
    return rules.detect(text).score >= HOLD_THRESHOLD


def _kinds(rules: ChildDataDetector, text: str) -> set[str]:
    return {s.kind for s in rules.detect(text).spans}


def _names(rules: ChildDataDetector, text: str) -> set[str]:
    return {s.text for s in rules.detect(text).spans if s.kind == "child_name"}


POSITIVES = {
    "name opening a sentence, age and school": [
        "Brayden is 11 and goes to Oakfield Free School in Harlow, and he was excluded twice this term.",
        "Saoirse is 9 and was moved to a foster placement in Newry after the police came.",
    ],
    "name in apposition, more sentences after": [
        "The boy staying with us, Callum, is 13 and was groomed by men in Oldham. Two of them are now in prison. "
        "Nobody from the council has rung us since.",
    ],
    "list of names with the writer's children counted": [
        "Ava, Mason and Lily - my three were placed with carers in Hastings last year. 9, 6 and 2.",
    ],
    "a relative speaking to a child by name": [
        "Mia if you see this it's Grandad, we haven't given up on the care case. Court again on 3rd March.",
    ],
    "name with y/o or initials with an age": [
        "Harvey, 8 y/o, at Riverside Academy in Luton: his dad was arrested last week and he's with an aunt.",
        "J.M. (14) from Moss Side is the lad who got charged, his aunt shared it on Facebook.",
    ],
    "forum shorthand DS/DD": [
        "DD is 15, autistic, and hasn't been in school since October half term.",
        "DS (11) has an EHCP and the LA still can't find him a place.",
        "DSD is 7 and lives with us since her mum went into rehab in Swansea.",
    ],
    "family surname with children": [
        "The Kowalski twins, 6 and 6, have been on a child protection plan in Swindon since last summer.",
        "The Brennan boys got split up: Sean's in a children's home in Derry and Liam is fostered in Omagh.",
    ],
    "practitioner disclosing a case": [
        "Midwife at the Royal Gwent. Delivered a baby last night to a 15 year old, social services were called.",
        "As Maisie's social worker I can say her placement plan was never updated.",
    ],
    "Scottish and Northern Irish school stages": [
        "Ruaridh (P6, Oban) gets picked on every day and the school has done nothing about the bruises.",
        "im S3 at a school in dundee and in foster care and the teachers keep telling everyone",
        "Two P7 girls at our school have disclosed abuse by a coach this month.",
    ],
    "estate, exploitation and nickname": [
        "Kayden off the Ferrier in Greenwich is 14 and being used to run drugs out to Margate.",
        "Young girl, about 13, gets picked up outside the chippy in Rotherham by older men every Friday night.",
    ],
    "handle or phone with a child": [
        "his tiktok is @jayden.b_10 and he lives in the children's home in Hull, he's 12, someone should tell them",
        "Please call me on 07700 900123 about Oscar's school taxi, he's been left at the gate twice.",
    ],
    "possessive name, school with apostrophe, kinship": [
        "Our Tilly starts at St Bede's in Bolton next week and she's terrified after the bullying.",
        "Our kinship granddaughter is 6 and still has night terrors since what she saw at her dad's.",
    ],
    "school year said of one child": [
        "Her tiktok is maddie.j_2012 and she's in Year 8 at Castlebrook, she's been sending photos to men.",
    ],
    "names with a sibling-set age in brackets": [
        "Ollie and Jack (twins, 7) have had four social workers since the care order in Hull.",
    ],
    "a sentence opening with an age and a child, no article": [
        "Night shift again. 14 year old lad brought in from Hartcliffe, overdose, third time this month.",
    ],
    "jigsaw": [
        "There's a Year 9 girl at our school who lives in the children's home on Mill Lane and everyone knows it.",
    ],
}

NEGATIVES = {
    "advice to ring a service about any child": [
        "If you're concerned about a child in Bristol, call the First Response team on 0117 903 6444.",
        "If anyone is worried about a child in Kent, phone the front door service on 03000 411111.",
    ],
    "an adult son or daughter": [
        "My son is autistic and he's 31 now, lives independently and works at the library.",
        "Our daughter had anorexia as a teenager; she's 24 now and a junior doctor.",
    ],
    "first-person contractions are not names": [
        "If that was my child I'd be round there with a baseball bat.",
        "If my kids were treated like that I'll tell you what, I'd have gone to the papers.",
    ],
    "fictional children": [
        "Harry Potter was eleven and living under the stairs, and nobody from social services ever knocked.",
        "Adrian Mole was 13 and his diary was funnier than this consultation.",
    ],
    "family surnames of adults or groups": [
        "The Tory children's minister has never visited a children's home.",
        "The Afghan children who arrived last year need school places.",
    ],
    "stages and ages in general statements": [
        "Most S4 pupils in Scotland sit their National 5 exams in May.",
        "Children in P1 to P3 get free school meals across Scotland.",
    ],
    "school years and bare ages in general statements": [
        "She's in Year 9 of her apprenticeship and loving it.",
        "Teachers say 14 year old boys are the hardest group to reach on online safety.",
    ],
    "practitioners speaking generally": [
        "Health visitor in Cardiff for twenty years. The caseloads are impossible and the training has been cut.",
    ],
}


@pytest.mark.parametrize(
    "text", [t for texts in POSITIVES.values() for t in texts], ids=lambda t: t[:40]
)
def test_child_data_in_each_category_is_held(rules: ChildDataDetector, text: str) -> None:
    assert _held(rules, text), rules.detect(text)


@pytest.mark.parametrize(
    "text", [t for texts in NEGATIVES.values() for t in texts], ids=lambda t: t[:40]
)
def test_look_alikes_in_each_category_are_not_held(rules: ChildDataDetector, text: str) -> None:
    assert not _held(rules, text), rules.detect(text)


def test_name_opening_a_sentence_is_marked(rules: ChildDataDetector) -> None:
    assert "Brayden" in _names(rules, POSITIVES["name opening a sentence, age and school"][0])


def test_family_surname_is_marked_as_the_name(rules: ChildDataDetector) -> None:
    assert "Kowalski" in _names(rules, POSITIVES["family surname with children"][0])


def test_initials_with_age_are_marked(rules: ChildDataDetector) -> None:
    assert "J.M." in _names(rules, POSITIVES["name with y/o or initials with an age"][1])


def test_forum_shorthand_links_age_and_health(rules: ChildDataDetector) -> None:
    kinds = _kinds(rules, POSITIVES["forum shorthand DS/DD"][0])
    assert {"age", "health_or_sen"} <= kinds


def test_vocative_name_is_marked(rules: ChildDataDetector) -> None:
    assert "Mia" in _names(rules, POSITIVES["a relative speaking to a child by name"][0])


def test_adult_age_overrides_but_child_age_stands(rules: ChildDataDetector) -> None:
    assert not _held(rules, "My daughter is trans and she's 22 now, settled and happy.")
    assert _held(rules, "My daughter is trans and she's 12 now, and her school in Leek refuses to use her name.")


def test_claimed_adult_age_does_not_override_a_childs(rules: ChildDataDetector) -> None:
    text = ("Our foster son (15) came from Sudan, is placed with us in Luton, and the age assessment claims "
            "he's 20.")
    assert _held(rules, text)


def test_fictional_name_still_allows_real_child(rules: ChildDataDetector) -> None:
    text = "My son Harry is 9 and reads Oliver Twist at Oakwood Primary in Crawley."
    assert "Harry" in _names(rules, text)
    assert _held(rules, text)
