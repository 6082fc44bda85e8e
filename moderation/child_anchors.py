"""One scan per text for the words detailed patterns can start with, so each runs only there.

Python's ``re`` tries a pattern at every position whose character could start it, which for
twenty-odd patterns starting with common letters cost most of the detector's time. Every
word-anchored pattern below can only match where a word from its list begins, so a single scan
for all those words, then ``pattern.match`` at the hits, finds the same matches. (One deliberate
difference from the old ``WordRegex.finditer``: a match that started inside a word, such as "our"
in "favour", was thrown away but still hid a real match overlapping it; now it hides nothing.)
Runs of digits are collected here too, for the patterns that start at or just before a number.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from moderation import child_general_patterns as G
from moderation import child_patterns as P
from moderation.child_terms import term_table

_TERMS, _TERM_LOOKUP = term_table()

# pattern name -> (pattern, words a match can start with). A word is the whole run of \w
# characters at the match start ("i'm" starts with "i", "child's" with "child").
_SPECS: dict[str, tuple[re.Pattern[str], str]] = {
    "possessive": (P.POSSESSIVE_REF.rx, "my our his her their your both all one"),
    "dialect_possessive": (P.DIALECT_POSSESSIVE.rx, "fy ein ei oor ma mah"),
    "definite": (P.DEFINITE_REF.rx, "the this that"),
    "indefinite": (P.INDEFINITE_REF.rx, "a an"),
    "indefinite_age": (P.INDEFINITE_AGE_REF.rx, "a an one"),
    "plural_definite": (P.PLURAL_DEFINITE_REF.rx, "the these those"),
    "noun_age": (P.CHILD_NOUN_AGE.rx, "boy girl lad lass child pupil teenager teen youngster toddler baby son "
                                      "daughter kid wean"),
    "minor_parent": (P.MINOR_PARENT.rx, "mum mam mother dad father parent"),
    "single_out": (P.SINGLE_OUT.rx, "the only"),
    "practitioner_self": (P.PRACTITIONER_SELF.rx, "i as sw social teacher ta nurse senco dsl hv my our on"),
    "practitioner_ref": (P.PRACTITIONER_REF.rx, "one a the this"),
    "pronoun_age": (P.PRONOUN_AGE.rx, "he she who hes shes"),
    "self_age": (P.SELF_AGE.rx, "i im as"),
    "self_child": (P.SELF_CHILD.rx, "i im"),
    "adult_self": (P.ADULT_SELF.rx, "when as growing i"),
    "generic_plural": (P.GENERIC_PLURAL.rx, "children kids pupils students young youngsters teenagers teens "
                                            "adolescents babies toddlers families minors care every any each no"),
    "generic_struct": (P.GENERIC_STRUCT.rx, "a any if when where whether"),
    "pronoun": (P.PRONOUN.rx, "he she him his her hers himself herself"),
    "name_intro": (P.NAME_INTRO.rx, "her his their the a girl boy child baby lad kid toddler teenager pupil young son "
                                    "daughter student re name she he nicknamed we"),
    "baby_name": (P.BABY_NAME.rx, "baby wee little our"),
    "school_generic": (P.SCHOOL_GENERIC.rx, "his her their my our the a new village local same"),
    "school_lower": (P.SCHOOL_LOWER, "at attends attending to from goes pupil"),
    "saint_school": (P.SAINT_SCHOOL, "at from to attends attending excluded goes pupil"),
    "lives_on": (P.LIVES_ON, "lives live living lived staying stays"),
    # Addresses and dates also start at numbers: their callers add word_digit_starts().
    "flat": (P.ADDRESS.rx, "flat apartment"),
    "month": (P.DATE.rx, "jan january feb february mar march apr april may jun june jul july aug august sep sept "
                         "september oct october nov november dec december"),
    # Indirect, informal and jigsaw references (moderation.child_general).
    "singular": (G.SINGULAR_REF.rx, "a an one"),
    "one_of_my": (G.ONE_OF_MY.rx, "one"),
    "birth_order": (G.BIRTH_ORDER.rx, "eldest oldest youngest middle little wee littlest baby"),
    "sibling_group": (G.SIBLING_GROUP.rx, "sibling brothers sisters siblings twin"),
    "self_informal": (G.SELF_INFORMAL.rx, "am me mans man iam im just turned"),
    "person_age": (G.PERSON_AGE.rx, "young learner student person"),
    "single_one": (G.SINGLE_ONE.rx, "only one"),
    "practitioner_role": (G.PRACTITIONER_ROLE.rx, G.PRACTITIONER_WORDS),
    "event_time": (G.EVENT_TIME.rx, "yesterday last this monday tuesday wednesday thursday friday saturday "
                                    "sunday tonight earlier"),
    "deceased": (G.DECEASED.rx, "died death deaths killed murdered murder inquest memorial rip"),
    "hypothetical": (G.HYPOTHETICAL_YOUR.rx, "if when whether"),
    "care_verb": (G.CARE_VERB_NAME.rx, "adopted adopting fostered fostering foster took raising"),
    "about_age": (G.ABOUT_AGE.rx, "about around aged roughly maybe"),
    "case_seen": (G.CASE_SEEN.rx, "saw seen seeing visited visiting assessed examined weighed admitted treated "
                                  "treating"),
    # Care, health, abuse and education phrases start with the first word of one of their phrases.
    "terms": (_TERMS, " ".join(sorted({re.match(r"\w+", k).group() for k in _TERM_LOOKUP}))),  # type: ignore[union-attr]
}
# Patterns whose start words are very common ("is", "you") but which run only behind a rare gate:
# their words stay out of the shared scan, and their word starts are found when first asked for.
_LAZY_SPECS: dict[str, tuple[re.Pattern[str], str]] = {
    "adult_children": (P.ADULT_CHILDREN.rx, "are is grown adult at left has have"),
    "jigsaw_cue": (G.JIGSAW_CUE.rx, "you everyone everybody anyone anybody whole easy easily possible obvious"),
}
_LAZY = {name: (rx, re.compile(r"\b(?:" + "|".join(sorted(words.split(), key=len, reverse=True)) + r")\b"))
         for name, (rx, words) in _LAZY_SPECS.items()}
_LAZY_WORDS = {name: frozenset(words.split()) for name, (_rx, words) in _LAZY_SPECS.items()}
NAMES = tuple(_SPECS)
# The words each pattern can start with, for callers that prove a shortcut against them at import.
START_WORDS: dict[str, tuple[str, ...]] = {name: tuple(words.split()) for name, (_rx, words) in _SPECS.items()}
SLOT = {name: i for i, name in enumerate(NAMES)}
PATTERNS = tuple(rx for rx, _words in _SPECS.values())
_WORD_SLOTS: dict[str, tuple[int, ...]] = {}
for _name, (_rx, _words) in _SPECS.items():
    for _w in _words.split():
        _WORD_SLOTS[_w] = (*_WORD_SLOTS.get(_w, ()), SLOT[_name])
# Whole words only, found as whole \w runs of the text (see Anchors).
if not all(re.fullmatch(r"[a-z0-9]+", w) for w in _WORD_SLOTS):
    raise ValueError("anchor words must be made of ASCII letters and digits only (no '_', see Anchors)")
# On ASCII text \w is [a-z0-9_] (the text is lowercase): mapping every other ASCII character to a
# space makes str.split(" ") cut exactly at the gaps between \w runs, faster than the regex split.
_GAPS_TO_SPACE = str.maketrans({c: " " for c in range(128) if not (chr(c).isalnum() or chr(c) == "_")})
# The same maps for bytes: bytes.translate is a plain table lookup, several times faster than
# str.translate on ASCII text (encoding and decoding ASCII is a copy).
_GAPS_TO_SPACE_BYTES = bytes(32 if c in _GAPS_TO_SPACE else c for c in range(256))
# Digits to "0", everything else to "a": digit runs are then found by str.find alone.
_DIGIT_MARKS = bytes(48 if 48 <= c <= 57 else 97 for c in range(256))


def spaced_ascii(low: str) -> str:
    """An ASCII text with every non-word character as a space (offsets unchanged)."""
    return low.encode("ascii").translate(_GAPS_TO_SPACE_BYTES).decode("ascii")


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _ascii_stand_in(m: re.Match[str]) -> str:
    """"_" for a word character (what \\w matches: alphanumeric by str.isalnum), else a space."""
    c = m.group()
    return "_" if c.isalnum() else " "


def _digit_stand_in(m: re.Match[str]) -> str:
    return "0" if m.group().isdecimal() else "a"


def _digit_runs(low: str) -> list[tuple[int, int]]:
    """Spans of the runs of digits in the text."""
    if not low.isascii():
        # \d is what str.isdecimal accepts: other digits stand in as "0", other characters as "a".
        low = _NON_ASCII.sub(_digit_stand_in, low)
    # A regex scan tests every character in Python's engine (several microseconds a comment); on
    # the marked copy each run is two substring searches.
    marks = low.encode("ascii").translate(_DIGIT_MARKS).decode("ascii")
    out: list[tuple[int, int]] = []
    i = marks.find("0")
    while i != -1:
        e = marks.find("a", i)
        if e == -1:
            out.append((i, len(marks)))
            break
        out.append((i, e))
        i = marks.find("0", e)
    return out


class Anchors:
    """Word-start offsets per pattern and digit runs of one lowercase text."""

    __slots__ = ("low", "starts", "digit_runs", "_word_digits")

    def __init__(self, low: str) -> None:
        self.low = low
        starts: list[list[int]] = [[] for _ in NAMES]
        slots = _WORD_SLOTS
        # Every \w run of the text, each with one space after it (empty pieces are gaps). Other
        # than ASCII, a word character becomes "_" (in no anchor word, so its run matches none, as
        # the real run would not) and any other character a space: the same runs, offsets kept.
        ascii_low = low if low.isascii() else _NON_ASCII.sub(_ascii_stand_in, low)
        p = 0
        get = slots.get
        for word in spaced_ascii(ascii_low).split(" "):
            ks = get(word)
            if ks is not None:
                for k in ks:
                    starts[k].append(p)
            p += len(word) + 1
        self.starts = starts
        self.digit_runs = _digit_runs(low)
        self._word_digits: list[int] | None = None

    def words(self, name: str) -> list[int]:
        """Offsets where a word the named pattern can start with begins."""
        return self.starts[SLOT[name]]

    def find(self, name: str, s: str | None = None) -> list[re.Match[str]]:
        """The matches ``pattern.finditer`` would give at word starts, over ``s`` (default: the lowercase text)."""
        k = SLOT.get(name)
        if k is None:
            rx, words = _LAZY[name]
            low = self.low
            if low.isascii():
                # The same whole-word starts as the regex, from the \w runs (see __init__), faster.
                wanted = _LAZY_WORDS[name]
                at: list[int] = []
                p = 0
                for word in spaced_ascii(low).split(" "):
                    if word in wanted:
                        at.append(p)
                    p += len(word) + 1
            else:
                at = [m.start() for m in words.finditer(low)]
            return match_at(rx, low if s is None else s, at)
        starts = self.starts[k]
        if not starts:
            return []
        # match_at inlined: this runs some twenty times per text.
        out: list[re.Match[str]] = []
        last = 0
        match = PATTERNS[k].match
        if s is None:
            s = self.low
        for p in starts:
            if p >= last:
                m = match(s, p)
                if m is not None:
                    out.append(m)
                    last = m.end()
        return out

    def word_digit_starts(self) -> list[int]:
        """Starts of digit runs that begin a word (not "A22" or "x1")."""
        if self._word_digits is not None:
            return self._word_digits
        low = self.low
        out = []
        for s, _e in self.digit_runs:
            if s:
                c = low[s - 1]
                if c.isalnum() or c == "_":
                    continue
            out.append(s)
        self._word_digits = out
        return out


def is_word_start(s: str, p: int) -> bool:
    """True when offset p is not preceded by a word character."""
    if p <= 0:
        return True
    c = s[p - 1]
    return not (c.isalnum() or c == "_")


def match_at(rx: re.Pattern[str], s: str, starts: Iterable[int]) -> list[re.Match[str]]:
    """Non-overlapping matches of rx starting at the given ascending offsets, as finditer would pick them."""
    out: list[re.Match[str]] = []
    last = 0
    match = rx.match
    for p in starts:
        if p >= last:
            m = match(s, p)
            if m is not None:
                out.append(m)
                last = m.end()
    return out


def merged(*lists: Iterable[int]) -> list[int]:
    """Sorted union of offset lists."""
    return sorted(set().union(*lists))
