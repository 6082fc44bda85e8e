"""The rule type, label profiles and regex fragments shared by the toxicity recognisers."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from moderation.tox_lexicon import (
    INSULT_ADJS,
    INSULT_NOUNS,
    MODIFIERS,
    STRONG_ADJS,
    WEAK_NOUNS,
    alt,
    trigger_words,
)

# How one recognised kind of abuse spreads over the labels (Jigsaw-style: toxicity is the
# umbrella, severe_toxicity marks what a site would not want to show even for a moment).
PROFILES: dict[str, dict[str, float]] = {
    "insult": {"insult": 1.0, "toxicity": 1.05, "severe_toxicity": 0.15},
    "directed_profanity": {"insult": 0.95, "toxicity": 1.08, "obscene": 0.95,
                           "severe_toxicity": 0.55},
    "epithet": {"insult": 1.0, "toxicity": 1.08, "obscene": 0.7, "severe_toxicity": 0.45},
    "threat": {"threat": 1.0, "toxicity": 1.05, "severe_toxicity": 0.7},
    "incitement": {"threat": 1.0, "toxicity": 1.05, "severe_toxicity": 0.65},
    "death_wish": {"threat": 0.85, "toxicity": 1.1, "severe_toxicity": 0.75, "insult": 0.4},
    "self_harm": {"toxicity": 1.1, "severe_toxicity": 0.95, "threat": 0.7, "insult": 0.5},
    "identity": {"identity_attack": 1.0, "toxicity": 1.05, "insult": 0.45,
                 "severe_toxicity": 0.35},
    "slur": {"identity_attack": 1.0, "toxicity": 1.08, "insult": 0.7, "severe_toxicity": 0.6,
             "obscene": 0.3},
    "soft_slur": {"identity_attack": 0.7, "toxicity": 1.05, "insult": 1.0,
                  "severe_toxicity": 0.35},
    "dehumanise": {"insult": 1.0, "toxicity": 1.08, "severe_toxicity": 0.3},
    "sexual": {"obscene": 1.0, "toxicity": 1.08, "severe_toxicity": 0.8, "insult": 0.5},
    "sexual_violence": {"threat": 1.0, "obscene": 0.9, "toxicity": 1.1, "severe_toxicity": 1.0},
}
# The label a span of each kind is shown as in the moderator UI.
SPAN_LABEL: dict[str, str] = {
    "insult": "insult", "directed_profanity": "insult", "epithet": "insult", "threat": "threat",
    "incitement": "threat", "death_wish": "threat", "self_harm": "severe_toxicity",
    "identity": "identity_attack", "slur": "identity_attack", "soft_slur": "insult",
    "dehumanise": "insult", "sexual": "obscene", "sexual_violence": "threat",
}


@dataclass(frozen=True, slots=True)
class Rule:
    """A regex over normalised text; `strength` is the probability it gives its profile."""

    name: str
    profile: str
    strength: float
    rx: re.Pattern[str]
    triggers: frozenset[str]
    # Quoted or reported abuse ("he called me a liar") is weakened, not ignored.
    reportable: bool = True
    # A second word set of which one must also be present (cheap pre-filter).
    also: frozenset[str] = frozenset()
    # How far before and after a trigger word a match can start and end: the regex only
    # searches those windows.
    before: int = 170
    after: int = 170



def rule_adder(rules: list[Rule]) -> Callable[..., None]:
    """A function that compiles a rule and appends it to `rules` (one list per module)."""

    def add(name: str, profile: str, strength: float, pattern: str, triggers: frozenset[str],
            reportable: bool = True) -> None:
        rules.append(Rule(name, profile, strength, re.compile(pattern), triggers, reportable))

    return add


# --- shared fragments ----------------------------------------------------------------------
YOU = r"(?:you|u|ya|ye|yer|youse|yous|thee)"
YOU_ARE = (r"(?:you\s*(?:'re|’re|are|r|re|is|was|were|remain|look like|sound like|seem like)"
           r"|u\s*(?:r|are|'re)|ur|youre|you're|yer|ye're|ye\s+are|youse\s+are|yous\s+are"
           r"|your(?=\s+(?:a|an|such|so|the|just|nothing|clearly|one)\b))")
SUBJECT_COPULA = r"(?:\s+(?:is|was|are|were|remains|seems|looks like|sounds like)|'s|’s)"
FILLER = (r"(?:(?:such|so|just|nothing\s+but|clearly|obviously|really|truly|simply|actually|"
          r"being|acting\s+like|a|an|the|one|some|another|literally|basically|frankly|honestly|"
          r"quite|an?\s+absolute|the\s+biggest|the\s+most|definitely|indeed|still|also|"
          r"a\s+bunch\s+of|bunch\s+of|a\s+pack\s+of|a\s+load\s+of|all|typical)\s+)")
_nouns_strong = [n for n in INSULT_NOUNS if n not in WEAK_NOUNS]
_nouns_weak = [n for n in INSULT_NOUNS if n in WEAK_NOUNS]
# A noun must end the word: "pig" is not "pig-headed",
# nor a possessive: "a complete dog's dinner" insults no one.
_WHOLE = r"(?!-\w|['’]s\s)"
NOUN = alt(_nouns_strong, plural=True) + _WHOLE
WEAK_NOUN = alt(_nouns_weak, plural=True) + _WHOLE
# Weak nouns that only ever describe people (not "a total joke" about a policy).
PERSON_WEAK_NOUN = alt([n for n in _nouns_weak if n not in {"joke", "disgrace", "fraud", "shit",
                                                             "arse", "tool", "sheep", "bag",
                                                             "embarrassment"}],
                       plural=True) + _WHOLE
ANY_NOUN = alt(INSULT_NOUNS, plural=True) + _WHOLE
MOD = alt(MODIFIERS)
ADJ = alt(INSULT_ADJS)
STRONG_ADJ = alt(STRONG_ADJS)
NOUN_TRIG = trigger_words(INSULT_NOUNS)
ADJ_TRIG = trigger_words(STRONG_ADJS)
INSULT_TRIG = NOUN_TRIG | ADJ_TRIG
END = r"(?=\s*(?:$|[.!?,;:)\"'—–-]|and\b|but\b|who\b|like\b|too\b|as\s+well))"
