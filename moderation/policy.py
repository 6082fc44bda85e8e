"""Site moderation policy and the publish / hold / reject decision, with all its reasons."""

from __future__ import annotations

import difflib
import functools
import html
import json
import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal, get_args

from moderation.types import TOXICITY_LABELS, Assessment, Decision, DecisionStatus, Reason

__all__ = [
    "DEFAULT_POLICY",
    "MODES",
    "Mode",
    "Policy",
    "PolicyError",
    "decide",
]

Mode = Literal["premoderate", "hold_flagged", "postmoderate"]
MODES: tuple[str, ...] = get_args(Mode)

# obscene is held only when near-certain: mild swearing at institutions is fair comment here.
DEFAULT_TOXICITY_HOLD: Mapping[str, float] = MappingProxyType(
    {
        "toxicity": 0.5,
        "severe_toxicity": 0.5,
        "obscene": 0.9,
        "threat": 0.5,
        "insult": 0.5,
        "identity_attack": 0.5,
    }
)
DEFAULT_TOXICITY_REJECT: Mapping[str, float] = MappingProxyType({"severe_toxicity": 0.9, "threat": 0.9})

LABEL_WORDING: Mapping[str, str] = MappingProxyType(
    {
        "toxicity": "toxic language",
        "severe_toxicity": "severely toxic language",
        "obscene": "obscene language",
        "threat": "a threat",
        "insult": "insults",
        "identity_attack": ("an attack on people for who they are (race, religion, sexuality, disability...)"),
    }
)

_FIELDS: tuple[str, ...] = (
    "mode",
    "toxicity_hold",
    "toxicity_reject",
    "child_data_hold",
    "banned_words",
    "suspect_words",
    "hold_links",
    "premoderate_first_time",
    "max_length",
)
_THRESHOLD_MAPS = frozenset({"toxicity_hold", "toxicity_reject"})
_WORD_LISTS = frozenset({"banned_words", "suspect_words"})
_FLAGS = frozenset({"hold_links", "premoderate_first_time"})


# --- word and link matching (private; normalisation tuned for word lists, not for models) ---

# Invisible characters used to split words so they slip past filters.
_INVISIBLE_RE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u2069\u3164\ufe00-\ufe0f\ufeff\uffa0]"
)
# Cyrillic and Greek letters that look Latin (NFKC leaves them alone).
_LOOKALIKES = str.maketrans(
    "\u0430\u0435\u043e\u0440\u0441\u0443\u0445\u0456\u0458\u0455\u04cf"
    "\u043a\u043c\u043d\u0442\u0432\u03bf\u03b1\u03b9\u03ba\u03bd\u03c1\u03c4\u03c5\u03c7",
    "aeopcyxijslkmhtboaiknptux",
)
_LEET: Mapping[str, str] = MappingProxyType(
    {"a": "4@", "b": "8", "e": "3", "g": "9", "i": "1!|", "l": "1|", "o": "0", "s": "5$", "t": "7+"}
)
_MASKS = "*#"
# Three or more single letters split by single separators: "f u c k", "f.u.c.k".
_SPACED_RE = re.compile(r"(?<![^\W_])(?:[^\W_][ .\-_]){2,}[^\W_](?![^\W_])")
_SEPARATORS_RE = re.compile(r"[ .\-_]")


# Markup that splits a word without showing a gap ("f<b></b>uck") is removed; other tags are
# read as a space, since the sanitised page shows a break there.
_INLINE_TAG_RE = re.compile(r"</?(?:a|b|i|em|strong|span|u|s|small|sub|sup|font|mark|code)\b[^>]*>", re.IGNORECASE)
_OTHER_TAG_RE = re.compile(r"</?[a-z][^>]*>", re.IGNORECASE)


def _fold(text: str) -> str:
    """Case-, accent- and disguise-insensitive form of ``text`` for word matching."""
    if "<" in text:
        text = _OTHER_TAG_RE.sub(" ", _INLINE_TAG_RE.sub("", text))
    if "&" in text:
        text = html.unescape(text)
    text = unicodedata.normalize("NFKC", text)
    text = _INVISIBLE_RE.sub("", text).casefold()
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(_LOOKALIKES))
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text


@functools.lru_cache(maxsize=1024)
def _word_pattern(word: str) -> tuple[re.Pattern[str], int]:
    """Regex for one folded word or phrase, and how many letters of it may be masked."""
    parts: list[str] = []
    letters = 0
    word_start = True
    for ch in word:
        if ch.isspace():
            parts.append(r"[\W_]+")
            word_start = True
            continue
        variants = re.escape(ch) + "".join(re.escape(v) for v in _LEET.get(ch, ""))
        if not word_start and ch.isalnum():
            variants += re.escape(_MASKS)
        # Repeats are allowed ("fuuuck"); a doubled letter in the word still needs two.
        parts.append(f"[{variants}]+")
        letters += 1
        word_start = False
    body = "".join(parts)
    return re.compile(rf"(?<![^\W_]){body}(?![^\W_])"), letters // 2


def find_words(text: str, words: tuple[str, ...]) -> list[str]:
    """The configured words or phrases that occur in ``text`` as whole words, in list order."""
    if not words or not text:
        return []
    folded = _fold(text)
    variants = [folded]
    collapsed = _SPACED_RE.sub(lambda m: _SEPARATORS_RE.sub("", m.group()), folded)
    if collapsed != folded:
        variants.append(collapsed)
    found: list[str] = []
    for word in words:
        pattern, max_masked = _word_pattern(" ".join(_fold(word).split()))
        for haystack in variants:
            if any(sum(m.group().count(c) for c in _MASKS) <= max_masked for m in pattern.finditer(haystack)):
                found.append(word)
                break
    return found


_LINK_RE = re.compile(
    r"""(?ix)
    \b(?:https?://|www\.)[^\s<>"']+
    | (?<![@\w.\-])(?:[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?\.)+
      (?:com|org|net|uk|io|info|biz|co|me|ly|gov|edu|eu|ie|de|fr|ru|cn|xyz|top|site|online
         |app|dev|tk|ml|ga|cf|gq|link|click|shop|store|club|live|tv|us|ca|au|in|nz)
      \b(?![@\-])(?:/[^\s<>"']*)?
    """
)


def count_links(text: str) -> int:
    """Web links in raw text: http(s) URLs, www. addresses and bare domains (not e-mails)."""
    return len(_LINK_RE.findall(_INVISIBLE_RE.sub("", text)))


class PolicyError(ValueError):
    """A policy that cannot be used; ``errors`` holds one {"field", "message"} per problem."""

    def __init__(self, errors: list[dict[str, str]]) -> None:
        self.errors = errors
        super().__init__("; ".join(f"{e['field']}: {e['message']}" for e in errors))


@dataclass(frozen=True)
class Policy:
    """How a site (or one thread) decides: see ``decide`` for the rules.

    Threshold maps hold a probability in [0, 1] per toxicity label; a label left out is never
    a reason on its own. Word lists match whole words or phrases, case-insensitively, after
    undoing common disguises (accents, look-alike letters, leetspeak, f**k-style masking,
    s p a c e d letters, zero-width and bidi characters).
    """

    mode: Mode = "hold_flagged"
    toxicity_hold: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_TOXICITY_HOLD))
    toxicity_reject: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_TOXICITY_REJECT))
    child_data_hold: float = 0.5
    banned_words: tuple[str, ...] = ()
    suspect_words: tuple[str, ...] = ()
    hold_links: bool = False
    premoderate_first_time: bool = False
    max_length: int = 20000

    def __post_init__(self) -> None:
        # Validate direct construction too, so a Policy value is always usable.
        errors: list[dict[str, str]] = []
        values = {name: getattr(self, name) for name in _FIELDS}
        for name in _FIELDS:
            values[name] = _parse_field(name, values[name], errors)
        if errors:
            raise PolicyError(errors)
        for name in _FIELDS:
            value = values[name]
            if name in _THRESHOLD_MAPS:
                value = MappingProxyType(dict(value))
            object.__setattr__(self, name, value)

    def __hash__(self) -> int:
        return hash(json.dumps(self.to_dict(), sort_keys=True))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Policy:
        """Build a policy from JSON-like data; missing settings take the defaults.

        Raises PolicyError listing every problem (unknown setting, wrong type, out of range).
        """
        return cls(**_checked(data, base=None))

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form; ``Policy.from_dict(p.to_dict()) == p``."""
        return {
            "mode": self.mode,
            "toxicity_hold": dict(self.toxicity_hold),
            "toxicity_reject": dict(self.toxicity_reject),
            "child_data_hold": self.child_data_hold,
            "banned_words": list(self.banned_words),
            "suspect_words": list(self.suspect_words),
            "hold_links": self.hold_links,
            "premoderate_first_time": self.premoderate_first_time,
            "max_length": self.max_length,
        }

    def with_overrides(self, overrides: Mapping[str, Any]) -> Policy:
        """This policy with a thread's overrides applied (validated like ``from_dict``).

        Threshold maps merge per label (a label set to null removes that threshold); every
        other setting, word lists included, replaces the site's value.
        """
        return Policy(**_checked(overrides, base=self))


def _checked(data: Mapping[str, Any], base: Policy | None) -> dict[str, Any]:
    if not isinstance(data, Mapping):
        raise PolicyError([{"field": "policy", "message": f"expected a JSON object, got {_kind(data)}"}])
    errors: list[dict[str, str]] = []
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in _FIELDS:
            hint = difflib.get_close_matches(str(key), _FIELDS, n=1)
            suggestion = f"did you mean {hint[0]!r}?" if hint else "remove it"
            errors.append(_err(str(key), f"unknown setting; {suggestion} Known: {', '.join(_FIELDS)}."))
            continue
        if key in _THRESHOLD_MAPS and base is not None and isinstance(value, Mapping):
            merged = dict(getattr(base, key))
            for label, threshold in value.items():
                if threshold is None:
                    merged.pop(label, None)
                else:
                    merged[label] = threshold
            value = merged
        values[key] = _parse_field(key, value, errors)
    if errors:
        raise PolicyError(errors)
    if base is not None:
        return {**{name: getattr(base, name) for name in _FIELDS}, **values}
    return values


def _err(field_name: str, message: str) -> dict[str, str]:
    return {"field": field_name, "message": message}


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, (list, tuple)):
        return "a list"
    return type(value).__name__


def _probability(field_name: str, value: Any, errors: list[dict[str, str]]) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        errors.append(_err(field_name, f"expected a number from 0 to 1 (e.g. 0.5), got {_kind(value)}"))
        return None
    if math.isnan(value) or not 0.0 <= value <= 1.0:
        errors.append(_err(field_name, f"{value!r} is outside 0 to 1; use a probability such as 0.5"))
        return None
    return float(value)


def _parse_field(name: str, value: Any, errors: list[dict[str, str]]) -> Any:
    if name == "mode":
        if value not in MODES:
            errors.append(_err(name, f"{value!r} is not a mode; use one of {', '.join(MODES)}"))
        return value
    if name in _THRESHOLD_MAPS:
        if not isinstance(value, Mapping):
            errors.append(
                _err(
                    name,
                    f'expected an object of label -> threshold (e.g. {{"insult": 0.5}}), got {_kind(value)}',
                )
            )
            return {}
        out: dict[str, float] = {}
        for label, threshold in value.items():
            where = f"{name}.{label}"
            if label not in TOXICITY_LABELS:
                close = difflib.get_close_matches(str(label), TOXICITY_LABELS, n=1)
                hint = f"did you mean {close[0]!r}? " if close else ""
                errors.append(_err(where, f"unknown label; {hint}use one of {', '.join(TOXICITY_LABELS)}"))
                continue
            parsed = _probability(where, threshold, errors)
            if parsed is not None:
                out[label] = parsed
        return out
    if name == "child_data_hold":
        parsed = _probability(name, value, errors)
        return parsed if parsed is not None else value
    if name in _WORD_LISTS:
        if isinstance(value, str) or not isinstance(value, (list, tuple)):
            errors.append(_err(name, f'expected a list of words or phrases (["word", ...]), got {_kind(value)}'))
            return ()
        words: list[str] = []
        for index, word in enumerate(value):
            where = f"{name}[{index}]"
            if not isinstance(word, str):
                errors.append(_err(where, f"expected a word as a string, got {_kind(word)}"))
            elif not word.strip():
                errors.append(_err(where, "empty word; remove it or write the word to match"))
            elif " ".join(word.split()) not in words:
                words.append(" ".join(word.split()))
        return tuple(words)
    if name in _FLAGS:
        if not isinstance(value, bool):
            errors.append(_err(name, f"expected true or false, got {_kind(value)}"))
        return value
    if name == "max_length":
        if isinstance(value, bool) or not isinstance(value, int):
            errors.append(_err(name, f"expected a whole number of characters, got {_kind(value)}"))
        elif value < 1:
            errors.append(_err(name, f"{value} is too small; use at least 1 (default 20000)"))
        return value
    raise AssertionError(name)  # pragma: no cover - _FIELDS and this function list the same names


DEFAULT_POLICY = Policy()


def _sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def _quoted(words: list[str]) -> str:
    return ", ".join(f"\u201c{w}\u201d" for w in words)


def decide(assessment: Assessment, policy: Policy, *, first_time: bool = False) -> Decision:
    """Decide publish / hold / reject and list every reason that applies, deciding ones first.

    - reject: a banned word, or any toxicity score at or above its reject threshold;
    - hold: the site pre-moderates everything; personal data about a child scores at or above
      ``child_data_hold``; a toxicity score at or above its hold threshold; a suspect word;
      links when ``hold_links``; a first-time commenter when ``premoderate_first_time``; text
      longer than ``max_length``;
    - publish otherwise.

    In ``postmoderate`` mode everything that is not rejected is published, except possible
    personal data about a child, which is always held: publishing material that identifies a
    child in Children Act proceedings can be an offence (Children Act 1989 s97), so it cannot
    wait for after-the-fact moderation. The other reasons are still listed for the moderator.
    """
    rejecting: list[Reason] = []
    holding: list[Reason] = []
    text = assessment.text

    if banned := find_words(text, policy.banned_words):
        rejecting.append(
            Reason(
                "banned_word",
                f"Contains {_quoted(banned)}, which this site bans.",
                detail={"words": banned},
            )
        )

    for label in TOXICITY_LABELS:
        score = assessment.toxicity.get(label)
        if score is None or math.isnan(score):
            continue
        wording = LABEL_WORDING[label]
        reject_at = policy.toxicity_reject.get(label)
        hold_at = policy.toxicity_hold.get(label)
        if reject_at is not None and score >= reject_at:
            rejecting.append(
                Reason(
                    "toxicity",
                    f"Very likely contains {wording} (score {score:.2f}; this site rejects at {reject_at:.2f}).",
                    label=label,
                    score=score,
                    detail={"threshold": reject_at},
                )
            )
        elif hold_at is not None and score >= hold_at:
            holding.append(
                Reason(
                    "toxicity",
                    f"Likely contains {wording} (score {score:.2f}; this site holds for review at {hold_at:.2f}).",
                    label=label,
                    score=score,
                    detail={"threshold": hold_at},
                )
            )

    child = assessment.child_data
    child_reason: Reason | None = None
    if child.score >= policy.child_data_hold:
        kinds = list(dict.fromkeys(span.kind for span in child.spans))
        message = _sentence(child.explanation) or (
            "May contain personal data about a specific child; check before publishing."
        )
        child_reason = Reason("child_data", message, score=child.score, detail={"kinds": kinds})
        holding.insert(0, child_reason)

    if found := find_words(text, policy.suspect_words):
        holding.append(
            Reason(
                "suspect_word",
                f"Contains {_quoted(found)}, which this site reviews before publishing.",
                detail={"words": found},
            )
        )

    if policy.hold_links and (links := count_links(text)):
        noun = "a link" if links == 1 else f"{links} links"
        holding.append(
            Reason(
                "links",
                f"Contains {noun}; this site reviews comments with links before publishing.",
                detail={"links": links},
            )
        )

    if policy.mode == "premoderate":
        holding.append(Reason("premoderation", "This site reviews every comment before it is published."))

    if policy.premoderate_first_time and first_time:
        holding.append(
            Reason(
                "first_time",
                "This is the person's first comment; this site reviews first comments before publishing.",
            )
        )

    if len(text) > policy.max_length:
        holding.append(
            Reason(
                "length",
                f"At {len(text):,} characters it is longer than this site's limit of {policy.max_length:,}.",
                detail={"length": len(text), "max": policy.max_length},
            )
        )

    status: DecisionStatus
    if rejecting:
        status = "reject"
    elif policy.mode == "postmoderate":
        status = "hold" if child_reason is not None else "publish"
    else:
        status = "hold" if holding else "publish"
    return Decision(status=status, reasons=tuple(rejecting + holding))
