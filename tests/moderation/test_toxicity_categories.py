"""Rules alone, by category of abuse writers found missing: each positive must be held, each look-alike not."""

from __future__ import annotations

import pytest

from moderation.policy import DEFAULT_TOXICITY_HOLD
from moderation.toxicity import EmbeddedScorer


@pytest.fixture(scope="module")
def rules() -> EmbeddedScorer:
    return EmbeddedScorer("rules under test", learned=False)


def _held(rules: EmbeddedScorer, text: str) -> list[str]:
    scores = rules.score_batch([text])[0]
    return [label for label, score in scores.items() if score >= DEFAULT_TOXICITY_HOLD[label]]


VEILED_THREATS = [
    "Somebody ought to pay that headteacher a little visit at home after dark.",
    "We should all go and pay the councillor a visit at his house and teach him some manners.",
    "Folk like him have a habit of ending up floating in the river round here.",
    "Grasses like her usually wind up in a ditch, just an observation.",
    "Shame if people like you had a nasty accident on the way home.",
    "That landlord wants sorting. I've got a couple of mates who would gladly sort him out.",
    "We know some lads that'd happily pay her a visit.",
    "String the lot of them up from the lamp posts, no need for a trial.",
    "Stringing every last one of them up would be a start.",
    "I would happily hold that chief executive's head under water for a minute or two.",
    "Can somebody track down where the social worker on this case lives? Post it below.",
    "Does anyone know where the reporter who wrote this actually lives?",
    "She parks her red Fiesta outside the office every morning, in case anybody fancies a chat.",
    "If someone battered the magistrate on his way home I would not lose any sleep.",
    "I wouldn't shed a single tear if somebody torched his car.",
    "Keep letting them in and folk round here will deal with it themselves.",
]
THREAT_LOOKALIKES = [
    "Someone should investigate how this contract was awarded.",
    "Heads should roll at the top of the department over this.",
    "These cuts will kill off youth services in half the county.",
    "Ofsted inspectors should pay the school a visit next term.",
    "My nan has a visit from the district nurse at her house every Tuesday.",
    "Children in care too often end up in hospital because nobody spots the signs.",
    "Does anyone know where the youth club moved to?",
    "The council should find out where the money went.",
    "We strung the fairy lights up in the hall for the party.",
    "I know a few volunteers who would happily help with the food bank.",
    "He was taught to hold his breath under water at swimming lessons.",
    "In case anyone wants to help, the drop-in centre is on Mill Street.",
]


@pytest.mark.parametrize("text", VEILED_THREATS)
def test_veiled_threats_and_incitement_are_held(rules: EmbeddedScorer, text: str) -> None:
    assert _held(rules, text), text


@pytest.mark.parametrize("text", THREAT_LOOKALIKES)
def test_threat_lookalikes_are_not_held(rules: EmbeddedScorer, text: str) -> None:
    assert _held(rules, text) == [], text


SEXUAL_HARASSMENT = [
    "Lovely photo Kerry, bet you'd look better on your knees though.",
    "Send me a selfie babe, you know you want to.",
    "Cute avatar darling 😉 go on then, show me what you've got.",
    "The teacher from the article could pop round to mine tonight 😏",
    "Bet you look good with nothing on, sweetheart.",
]
SEXUAL_LOOKALIKES = [
    "The jacket potato came with nothing on it again.",
    "Send us a photo of the damage and we'll pass it to the housing officer.",
    "Come along to the open mic night and show us what you've got!",
    "The health visitor can come round any time to check on the baby.",
    "My knees are shot after twenty years of kneeling on classroom floors.",
]


@pytest.mark.parametrize("text", SEXUAL_HARASSMENT)
def test_sexual_harassment_is_held(rules: EmbeddedScorer, text: str) -> None:
    assert _held(rules, text), text


@pytest.mark.parametrize("text", SEXUAL_LOOKALIKES)
def test_sexual_lookalikes_are_not_held(rules: EmbeddedScorer, text: str) -> None:
    assert _held(rules, text) == [], text


IDENTITY_ATTACKS = [
    "Asian landlords are only in it for the cash, always have been.",
    "Migrants are bringing crime and disease to every town they land in.",
    "Muslims who run half of the taxi firms round here are the real problem.",
    "Feminists are all bitter old witches.",
    "Female judges are just hysterical harpies.",
    "Them lot breed like rabbits and we pay for it.",
    "The chinky chippy on the corner is probably a front.",
    "Another night, another gang of j*ngle b*nnies on the high street.",
    "Him in the blue jacket looks like a right bender.",
    "That coach is a n.o.n.c.e, everyone at the club knows it.",
    "The new caretaker is obviously a groomer.",
    "The lad they housed at the hotel is a twenty-five year old cockroach.",
]
IDENTITY_LOOKALIKES = [
    "Black and disabled children are excluded at twice the rate of their peers.",
    "We need to talk honestly about the racism Black boys face at school.",
    "Female social workers make up most of the children's services workforce.",
    "Migrants are bringing skills the care sector badly needs.",
    "He went on a bender after the court hearing and missed the contact visit.",
    "The man jailed today is a convicted paedophile, the court heard.",
    "Paedo hunter groups often wreck police investigations.",
    "Rats and cockroaches were found in the children's home kitchen.",
]


@pytest.mark.parametrize("text", IDENTITY_ATTACKS)
def test_identity_attacks_without_classic_slurs_are_held(rules: EmbeddedScorer, text: str) -> None:
    assert _held(rules, text), text


@pytest.mark.parametrize("text", IDENTITY_LOOKALIKES)
def test_identity_lookalikes_are_not_held(rules: EmbeddedScorer, text: str) -> None:
    assert _held(rules, text) == [], text


INSULTS = [
    "Try reading the report this time, plonker. All of it.",
    "Wanker, read the article before you comment.",
    "I wouldn't spit on him if he was on fire.",
    "Sound it out, move your lips, you'll get there.",
    "you are soooo thiiick honestly",
    "You're a bitter, lonely, pathetic troll and the whole thread knows it.",
    "Hope you choke on your cornflakes.",
]
INSULT_LOOKALIKES = [
    "You are so clever with the kids, they adore you.",
    "You're a kind, patient and brilliant foster mum, not a failure.",
    "Read it again, the clause about respite care is easy to miss.",
    "I hope the toddler doesn't choke on grapes, cut them lengthways.",
    "This government has made a complete dog's breakfast of SEND funding.",
]


@pytest.mark.parametrize("text", INSULTS)
def test_insults_without_classic_pattern_are_held(rules: EmbeddedScorer, text: str) -> None:
    assert _held(rules, text), text


@pytest.mark.parametrize("text", INSULT_LOOKALIKES)
def test_insult_lookalikes_are_not_held(rules: EmbeddedScorer, text: str) -> None:
    assert _held(rules, text) == [], text


_REASONABLE = (
    "The review makes some fair points about placement stability, and the figures on "
    "residential care costs are worth reading in full. I work in a fostering service and most "
    "of what it says about sufficiency matches what we see every week. ")


@pytest.mark.parametrize("abuse", [
    "Anyone know where the author of the review lives? Asking for a few friends.",
    "And to the bloke below: you're a sad, sneering little troll.",
    "People like the minister tend to end up in a ditch eventually.",
])
def test_abuse_buried_in_a_long_reasonable_comment_is_held(rules: EmbeddedScorer,
                                                           abuse: str) -> None:
    text = _REASONABLE * 3 + abuse + " " + _REASONABLE * 3
    assert _held(rules, text), abuse
    assert _held(rules, _REASONABLE * 6) == []


@pytest.mark.parametrize("text", [
    "The benefit cap can go to hell, it pushes families into temporary housing.",
    "MPs who vote for cuts and then sod off to a consultancy job deserve our scorn.",
    "Someone at the council needs a kick up the backside over these delays.",
])
def test_anger_at_policy_and_office_is_not_held(rules: EmbeddedScorer, text: str) -> None:
    assert _held(rules, text) == [], text
