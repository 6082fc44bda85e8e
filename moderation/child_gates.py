"""Cheap gates: substring tests that settle whether a costly pattern can match a text at all."""

from __future__ import annotations

import re

# Literal alternatives (or literal instances) of the gate regexes: finding one settles the gate.
PRACTITIONER_WORDS = (
    "teach", "worker", "carer", "head", "lead", "nurse", "senco", "visitor", "client", "caseload", "mentor", "dsl",
    "doctor", "therapist", "psycholog", "tutor", "guardian", "solicitor", "barrister", "officer", "midwife",
    "childminder", "paediatrician", "i work",
)
PRACTITIONER_SELF_WORDS = ("i'm", "i am", "i was", "as ", "client", "caseload", "mentee", "i work", "i teach")
ADULT_SELF_WORDS = ("i'm", "as a", "when i", "i was", "i am", "growing", "i grew", "i left")
ADULT_CHILDREN_WORDS = ("adult", "grown", "university", "twenties", "thirties", "forties")


def contains_any(low: str, words: tuple[str, ...]) -> bool:
    """``any(w in low for w in words)`` without the generator, which costs as much as the searches."""
    for w in words:
        if w in low:
            return True
    return False


def gate_passes(low: str, words: tuple[str, ...], rx: re.Pattern[str]) -> bool:
    """Whether rx matches somewhere in low, trying cheap substring tests first."""
    for w in words:
        if w in low:
            return True
    return rx.search(low) is not None


# ADULT_CHILDREN_GATE's other alternatives are "uni\b", "0s\b" and "\sown\s"; a regex starting with
# \s cannot skip ahead to a likely start, so the whole gate is decided here with str methods.
_UNI_0S = re.compile(r"(?:uni|0s)\b")


def adult_children_gate(low: str) -> bool:
    """Same answer as ``P.ADULT_CHILDREN_GATE.search(low) is not None``, much cheaper."""
    for w in ADULT_CHILDREN_WORDS:
        if w in low:
            return True
    if ("uni" in low or "0s" in low) and _UNI_0S.search(low) is not None:
        return True
    at = low.find("own", 1)
    while at != -1:
        # str.isspace() is the test re's \s applies to each character of a str pattern.
        if low[at - 1].isspace() and low[at + 3 : at + 4].isspace():
            return True
        at = low.find("own", at + 3)
    return False
