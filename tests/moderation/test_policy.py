"""Policy values, validation, overrides and publish / hold / reject decisions with reasons."""

from __future__ import annotations

import json

import pytest

from moderation.policy import DEFAULT_POLICY, Policy, PolicyError, decide
from moderation.types import REASON_CODES, TOXICITY_LABELS, Assessment, ChildDataResult, Span

CALM = {label: 0.01 for label in TOXICITY_LABELS}
NO_CHILD = ChildDataResult(score=0.0)


def assess(
    text: str = "A calm comment about school funding.",
    child: ChildDataResult = NO_CHILD,
    **scores: float,
) -> Assessment:
    return Assessment(text=text, toxicity={**CALM, **scores}, child_data=child)


def ellie() -> ChildDataResult:
    text = "Ellie Marsh, 7, at Brookside Primary"
    return ChildDataResult(
        score=0.93,
        spans=(
            Span(0, 11, "child_name", "Ellie Marsh"),
            Span(13, 14, "age", "7"),
            Span(19, 36, "school", text[19:36]),
        ),
        explanation="names a child (Ellie Marsh) with her age (7) and school (Brookside Primary)",
    )


def codes(decision_reasons: tuple) -> list[str]:  # type: ignore[type-arg]
    return [r.code for r in decision_reasons]


# --- decisions -------------------------------------------------------------------------------


def test_calm_comment_publishes_with_no_reasons() -> None:
    decision = decide(assess(), DEFAULT_POLICY)
    assert decision.status == "publish"
    assert decision.reasons == ()


def test_child_data_holds_and_uses_detectors_explanation() -> None:
    decision = decide(assess(child=ellie()), DEFAULT_POLICY)
    assert decision.status == "hold"
    (reason,) = decision.reasons
    assert reason.code == "child_data"
    assert reason.message.startswith("Names a child (Ellie Marsh) with her age (7)")
    assert reason.message.endswith(".")
    assert reason.detail["kinds"] == ["child_name", "age", "school"]
    assert reason.to_dict()["score"] == 0.93


def test_child_data_below_threshold_publishes() -> None:
    weak = ChildDataResult(score=0.3, explanation="mentions a school")
    assert decide(assess(child=weak), DEFAULT_POLICY).status == "publish"
    stricter = Policy(child_data_hold=0.25)
    assert decide(assess(child=weak), stricter).status == "hold"


def test_moderate_insult_holds_with_label_and_score() -> None:
    decision = decide(assess(insult=0.72, toxicity=0.64), DEFAULT_POLICY)
    assert decision.status == "hold"
    assert [(r.code, r.label) for r in decision.reasons] == [
        ("toxicity", "toxicity"),
        ("toxicity", "insult"),
    ]
    insult = decision.reasons[1]
    assert insult.score == 0.72
    assert "insults" in insult.message and "0.72" in insult.message and "0.50" in insult.message


def test_mild_obscenity_alone_does_not_hold_by_default() -> None:
    assert decide(assess(obscene=0.7), DEFAULT_POLICY).status == "publish"
    assert decide(assess(obscene=0.95), DEFAULT_POLICY).status == "hold"


def test_only_very_high_threat_or_severe_toxicity_rejects() -> None:
    assert decide(assess(threat=0.85), DEFAULT_POLICY).status == "hold"
    assert decide(assess(threat=0.95), DEFAULT_POLICY).status == "reject"
    assert decide(assess(severe_toxicity=0.91), DEFAULT_POLICY).status == "reject"
    assert decide(assess(insult=0.99, toxicity=0.99), DEFAULT_POLICY).status == "hold"


def test_every_applicable_reason_is_listed_deciding_ones_first() -> None:
    policy = Policy(
        banned_words=("scumbag",),
        suspect_words=("social worker",),
        hold_links=True,
        premoderate_first_time=True,
        max_length=40,
        mode="premoderate",
    )
    text = "That SCUMBAG social worker posted www.example.com about Ellie Marsh, 7"
    decision = decide(assess(text, child=ellie(), threat=0.97, insult=0.6), policy, first_time=True)
    assert decision.status == "reject"
    assert codes(decision.reasons) == [
        "banned_word",
        "toxicity",
        "child_data",
        "toxicity",
        "suspect_word",
        "links",
        "premoderation",
        "first_time",
        "length",
    ]
    by_code = {r.code: r for r in decision.reasons}
    assert by_code["banned_word"].detail == {"words": ["scumbag"]}
    assert by_code["suspect_word"].detail == {"words": ["social worker"]}
    assert by_code["links"].detail == {"links": 1}
    assert by_code["length"].detail == {"length": len(text), "max": 40}
    assert all(r.code in REASON_CODES and r.message.endswith(".") for r in decision.reasons)
    json.dumps([r.to_dict() for r in decision.reasons])  # the service stores these as JSON


def test_premoderate_mode_holds_everything() -> None:
    decision = decide(assess(), Policy(mode="premoderate"))
    assert decision.status == "hold"
    assert codes(decision.reasons) == ["premoderation"]


def test_first_time_commenters_held_only_when_enabled() -> None:
    assert decide(assess(), DEFAULT_POLICY, first_time=True).status == "publish"
    policy = Policy(premoderate_first_time=True)
    assert decide(assess(), policy, first_time=True).status == "hold"
    assert decide(assess(), policy, first_time=False).status == "publish"


def test_links_held_only_when_enabled_and_emails_are_not_links() -> None:
    text = "Guidance at https://www.gov.uk/x and bbc.co.uk/news"
    assert decide(assess(text), DEFAULT_POLICY).status == "publish"
    decision = decide(assess(text), Policy(hold_links=True))
    assert decision.status == "hold"
    assert decision.reasons[0].detail == {"links": 2}
    assert "2 links" in decision.reasons[0].message
    email_only = "Write to the clerk at clerk@council.gov.uk"
    assert decide(assess(email_only), Policy(hold_links=True)).status == "publish"


def test_postmoderate_publishes_flagged_but_always_holds_child_data() -> None:
    post = Policy(mode="postmoderate", suspect_words=("disgrace",), hold_links=True)
    flagged = decide(assess("A disgrace, see www.example.org", insult=0.8), post)
    assert flagged.status == "publish"
    assert codes(flagged.reasons) == ["toxicity", "suspect_word", "links"]
    assert decide(assess(child=ellie()), post).status == "hold"
    assert decide(assess(threat=0.99), post).status == "reject"


def test_overlong_text_is_held() -> None:
    policy = Policy(max_length=100)
    assert decide(assess("x" * 100), policy).status == "publish"
    decision = decide(assess("x" * 101), policy)
    assert decision.status == "hold"
    assert "101 characters" in decision.reasons[0].message


# --- word matching ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "You absolute SCUMBAG.",
        "scumb@g",
        "5cumbag!",
        "scuuumbag",
        "s c u m b a g",
        "s.c.u.m.b.a.g",
        "scu\u200bmbag",
        "scum\u202ebag",
        "sc*mbag",
        "\uff53\uff43\uff55\uff4d\uff42\uff41\uff47",  # full-width letters
        "s\u0441umbag",  # Cyrillic es
        "sc\u00fambag",  # accented u
        "&#115;cumbag",  # HTML entity
        "scum<b></b>bag",  # empty markup inside the word
        "<p>scumbag</p>",
    ],
)
def test_banned_words_match_through_disguises(text: str) -> None:
    decision = decide(assess(text), Policy(banned_words=("scumbag",)))
    assert decision.status == "reject", text


@pytest.mark.parametrize(
    "text",
    [
        "The scumbags are back",  # whole words only: list the plural if you want it
        "Scunthorpe United",
        "sc*****g",  # masked beyond recognition
        "scum</p><p>bag",  # two paragraphs, two words
    ],
)
def test_banned_words_do_not_match_other_words(text: str) -> None:
    decision = decide(assess(text), Policy(banned_words=("scumbag", "cunt")))
    assert decision.status == "publish", text


def test_phrases_match_as_phrases() -> None:
    policy = Policy(suspect_words=("kill yourself",))
    assert decide(assess("just k1ll   y0urself"), policy).status == "hold"
    assert decide(assess("kill time yourself"), policy).status == "publish"


# --- policy values ---------------------------------------------------------------------------


def test_defaults() -> None:
    assert DEFAULT_POLICY.mode == "hold_flagged"
    assert DEFAULT_POLICY.toxicity_reject == {"severe_toxicity": 0.9, "threat": 0.9}
    assert DEFAULT_POLICY.toxicity_hold["insult"] == 0.5
    assert DEFAULT_POLICY.max_length == 20000


def test_round_trip_through_json() -> None:
    policy = Policy.from_dict(
        {
            "mode": "postmoderate",
            "toxicity_hold": {"insult": 0.7},
            "toxicity_reject": {},
            "banned_words": ["alpha", "beta gamma"],
            "hold_links": True,
            "max_length": 5000,
        }
    )
    data = json.loads(json.dumps(policy.to_dict()))
    assert Policy.from_dict(data) == policy
    assert hash(Policy.from_dict(data)) == hash(policy)
    assert Policy.from_dict({}) == DEFAULT_POLICY


def test_policy_is_immutable() -> None:
    with pytest.raises(AttributeError):
        DEFAULT_POLICY.mode = "premoderate"  # type: ignore[misc]
    with pytest.raises(TypeError):
        DEFAULT_POLICY.toxicity_hold["insult"] = 0.1  # type: ignore[index]


def _errors(data: object) -> dict[str, str]:
    with pytest.raises(PolicyError) as caught:
        Policy.from_dict(data)  # type: ignore[arg-type]
    return {e["field"]: e["message"] for e in caught.value.errors}


def test_validation_reports_every_problem_by_field() -> None:
    errors = _errors(
        {
            "mode": "moderate",
            "toxicity_hold": {"insutl": 0.5, "threat": 1.5, "insult": "high"},
            "toxicity_reject": [0.9],
            "child_data_hold": -0.1,
            "banned_words": ["ok", "  ", 7],
            "suspect_words": "word",
            "hold_links": "yes",
            "max_length": 0,
            "colour": "red",
        }
    )
    assert set(errors) == {
        "mode",
        "toxicity_hold.insutl",
        "toxicity_hold.threat",
        "toxicity_hold.insult",
        "toxicity_reject",
        "child_data_hold",
        "banned_words[1]",
        "banned_words[2]",
        "suspect_words",
        "hold_links",
        "max_length",
        "colour",
    }
    assert "premoderate, hold_flagged, postmoderate" in errors["mode"]
    assert "did you mean 'insult'" in errors["toxicity_hold.insutl"]
    assert "outside 0 to 1" in errors["toxicity_hold.threat"]
    assert "unknown setting" in errors["colour"]
    assert "at least 1" in errors["max_length"]


def test_validation_rejects_non_objects_and_bools_as_numbers() -> None:
    assert "policy" in _errors(["not", "an", "object"])
    assert "max_length" in _errors({"max_length": True})
    assert "child_data_hold" in _errors({"child_data_hold": float("nan")})
    assert "did you mean 'hold_links'" in _errors({"hold_link": True})["hold_link"]


def test_direct_construction_is_validated_too() -> None:
    with pytest.raises(PolicyError):
        Policy(mode="sometimes")  # type: ignore[arg-type]


def test_error_message_names_field_and_fix() -> None:
    with pytest.raises(PolicyError) as caught:
        Policy.from_dict({"toxicity_hold": {"threat": 2}})
    assert str(caught.value) == ("toxicity_hold.threat: 2 is outside 0 to 1; use a probability such as 0.5")


def test_thread_overrides_merge_thresholds_and_replace_the_rest() -> None:
    site = Policy(banned_words=("alpha",), hold_links=True)
    thread = site.with_overrides({"toxicity_hold": {"insult": 0.8, "obscene": None}, "banned_words": ["beta"]})
    assert thread.toxicity_hold["insult"] == 0.8
    assert "obscene" not in thread.toxicity_hold
    assert thread.toxicity_hold["threat"] == 0.5
    assert thread.banned_words == ("beta",)
    assert thread.hold_links is True
    assert site.toxicity_hold["insult"] == 0.5  # the site's policy is untouched
    assert decide(assess(insult=0.7), site).status == "hold"
    assert decide(assess(insult=0.7), thread).status == "publish"


def test_thread_overrides_are_validated() -> None:
    with pytest.raises(PolicyError) as caught:
        DEFAULT_POLICY.with_overrides({"toxicity_hold": {"insult": 3}, "mood": "calm"})
    assert {e["field"] for e in caught.value.errors} == {"toxicity_hold.insult", "mood"}
