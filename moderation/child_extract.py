"""Finds child references and candidate child data in normalised text (no scoring here)."""

from __future__ import annotations

import datetime
import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field

from moderation import child_patterns as P
from moderation.child_anchors import START_WORDS, Anchors, is_word_start, match_at
from moderation.child_explain import Finding
from moderation.child_gates import (
    ADULT_SELF_WORDS,
    PRACTITIONER_SELF_WORDS,
    PRACTITIONER_WORDS,
    adult_children_gate,
    gate_passes,
)
from moderation.child_gazetteers import Gazetteers
from moderation.child_terms import term_table

_THIS_YEAR = datetime.date.today().year
_AGE_ADJ = re.compile(P._AGE_ADJ)
_CAP_SPLIT = re.compile("(" + P.CAP_WORD.pattern + ")")
# What NAME_AGE_TAIL needs to see first (after optional spaces: ' ( , or one of these words).
# It is case-insensitive, which makes it slow; on ASCII text this lowercase check is exact.
_TAIL_START = re.compile(r"\s*[',(]|\s+(?:from|in|of|off|age|is|was|turn|has)")


AMBIGUOUS_TOWNS = frozenset(
    """reading bath deal march sandy wells nelson stanley chester lincoln washington richmond
    hamilton boston grays ware hyde sutton leigh louth ince brough denton middleton ashton wick
    flint mold barry bury wellington ely newtown derry perth ayr rugby stafford preston durham
    kendal dover street hull leek stoke kirkby morley blyth hatfield windsor warwick newport
    stratford christchurch hove camden brent chatham skelton seaham cowbridge brigg march
    oakham sudbury ramsbottom selby whitby harrow sale crewe eccles stamford wigan""".split()
)
SCHOOL_STRIP = P.SCHOOL_GENERIC_WORDS | {"royal", "national", "ofsted", "every", "each", "any"}
PLACEMENT_CONTEXT = re.compile(
    r"placement|placed|children's home|childrens home|residential|secure|foster|care home|"
    r"\bunit\b|lives? at|living at|moved to|ran away|in care"
)
_OWNED = re.compile(r"\b(?:my|our|his|her|both|your|\w+'s)\s+(?:\w+\s+)?$")
ORG_EMAIL = re.compile(
    r"^(?:info|enquiries|enquiry|office|admin|help|contact|support|consultation|hello|team|"
    r"press|media|complaints|feedback|advice|reception|safeguarding|duty)@|\.gov\.uk$|\.nhs\.(?:uk|net)$"
)


# (start, end, word, lowercase word, counts as capitalised)
Tok = tuple[int, int, str, str, bool]


@dataclass(slots=True)
class Ref:
    """A reference to a particular child (or to the author as a child)."""

    start: int
    end: int
    strength: str  # strong | weak
    label: str
    gender: str = ""
    is_self: bool = False
    is_name: bool = False
    dropped: bool = False
    plural: bool = False  # "our kids": a group, which a practitioner's role does not make one child


@dataclass(slots=True)
class Scan:
    """Everything found in one text, in normalised coordinates."""

    refs: list[Ref] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    generic: list[int] = field(default_factory=list)
    pronouns: list[tuple[int, str]] = field(default_factory=list)
    adult_self: list[int] = field(default_factory=list)
    adult_children: list[int] = field(default_factory=list)
    practitioner: list[int] = field(default_factory=list)
    deceased: list[int] = field(default_factory=list)
    statistics: list[int] = field(default_factory=list)
    family_court_number: bool = False


def _recent_year(date_text: str) -> bool:
    """True when a written date of birth makes the person under 18 now."""
    digits = re.findall(r"\d+", date_text)
    if not digits:
        return False
    year = int(digits[-1])
    if year < 100:
        year += 2000 if year <= _THIS_YEAR % 100 else 1900
    return _THIS_YEAR - 18 <= year <= _THIS_YEAR


def _next_word(text: str, pos: int) -> str:
    m = P.WORD.search(text, pos, min(len(text), pos + 40))
    return m.group().lower() if m else ""


def _age_ok(text: str, end: int) -> bool:
    """A number is an age unless a unit follows it ("12 weeks", "10 times", "5%")."""
    tail = text[end : end + 3]
    if tail[:1] in ("%", ":") or tail[:2] in (".5", ",0"):
        return False
    return _next_word(text, end) not in P.AGE_FOLLOW_UNITS


_SCHOOL_WORDS = frozenset(
    """primary academy school high grammar nursery infant infants junior juniors college secondary
    house lodge hall court road street lane avenue close drive estate hospital""".split()
)
_ADULT_TITLES = frozenset(
    "secretary minister mp judge cllr councillor worker teacher headteacher mr mrs ms dr state".split()
)


def _pronoun_gender(low: str, p: int) -> str:
    """Gender of the pronoun word starting at p, as refs() reads it without a regex call."""
    return "f" if low[p] == "s" or low.startswith("her", p) else "m"


def _check_pronoun_shortcut() -> None:
    """refs() takes every "pronoun" start word as a PRONOUN match: prove that at import.

    Each start word is a whole word there, so PRONOUN must match exactly that word whatever
    non-word character follows, and the gender read from its letters must be the old one.
    """
    for w in START_WORDS["pronoun"]:
        for tail in ("", " ", "'s", ".", ","):
            m = P.PRONOUN.rx.match(w + tail)
            if m is None or m.group() != w:
                raise ValueError(f"PRONOUN does not match start word {w!r} as a whole")
        old = "m" if w[0] == "h" and w != "her" and not w.startswith("hers") and w != "herself" else "f"
        if _pronoun_gender(w, 0) != old:
            raise ValueError(f"pronoun gender shortcut is wrong for {w!r}")


_check_pronoun_shortcut()


def _generic_struct(an: Anchors) -> list[re.Match[str]]:
    """GENERIC_STRUCT matches: word-anchored, plus "under" glued to its number ("under16s")."""
    low = an.low
    starts = an.words("generic_struct")
    at = low.find("under")
    if at != -1:
        extra = []
        while at != -1:
            if is_word_start(low, at):
                extra.append(at)
            at = low.find("under", at + 5)
        starts = sorted(set(starts).union(extra))
    return match_at(P.GENERIC_STRUCT.rx, low, starts)


class Extractor:
    """Runs every pattern over one normalised text."""

    def __init__(self, gaz: Gazetteers) -> None:
        self.gaz = gaz
        self.term_lookup = term_table()[1]

    # -- names ----------------------------------------------------------------------------------
    def known(self, low: str) -> bool:
        """A listed given name, or a hyphenated one that starts with a listed name (Lucy-Mae)."""
        if low in self.gaz.first_names:
            return low not in self.gaz.ambiguous_names
        head = low.split("-", 1)[0]
        return "-" in low and head in self.gaz.first_names

    def tokens(self, text: str) -> list[Tok]:
        """Capitalised-looking words of the text, each with its lowercase form and whether it counts as capitalised.

        An all-capitals word counts only when it is a single letter or a listed given name ("LUCY").
        """
        names = self.gaz.first_names
        out: list[Tok] = []
        # split() with one group gives [gap, word, gap, ...]; cheaper than a match object per word.
        parts = _CAP_SPLIT.split(text)
        s = len(parts[0])
        append = out.append
        for tok, gap in zip(parts[1::2], parts[2::2], strict=True):
            low = tok.lower()
            e = s + len(tok)
            append((s, e, tok, low, tok[0].isupper() and (not tok.isupper() or len(tok) == 1 or low in names)))
            s = e + len(gap)
        return out

    def _name_at(self, text: str, toks: list[Tok], i: int, direct: bool) -> tuple[int, int] | None:
        """Span of a first name (plus surname) at token i, or None if it cannot be a name."""
        s, e, tok, low, cap = toks[i]
        if low in P.STOP_NAMES or len(tok) < 2:
            return None
        known = low in self.gaz.first_names or self.known(low)
        if not (cap or (direct and self.known(low))):
            return None
        if not known and (low in self.gaz.places or not direct):
            return None
        end = e
        if i + 1 < len(toks):
            s2, e2, _tok2, low2, cap2 = toks[i + 1]
            if (
                text[e:s2] == " "
                and cap2
                and low2 not in P.STOP_NAMES
                and low2 not in self.gaz.places
                and low2 not in _SCHOOL_WORDS
                and not (i + 2 < len(toks) and toks[i + 2][3] in P.STOP_NAMES and toks[i + 2][2][:1].isupper()
                         and toks[i + 2][2] in ("Primary", "Academy", "School", "High", "Grammar"))
            ):
                end = e2
        return s, end

    def _adult_name(self, low: str, toks: list[Tok], i: int, end: int) -> bool:
        s = toks[i][0]
        if s > 0 and low[s - 1] == "@":
            return True
        before = P.WORD.findall(low, max(0, s - 40), s)[-3:]
        for j, w in enumerate(before):
            if w in P.ADULT_BEFORE and (j == len(before) - 1 or w in _ADULT_TITLES):
                return True
        if P.ADULT_AFTER.match(low, end):
            return True
        return i == 0 and low[toks[i][1]: toks[i][1] + 1] == ","

    def names(self, text: str, low: str, toks: list[Tok], scan: Scan,
              after_refs: list[int], an: Anchors) -> set[int]:
        """Child names from direct evidence; returns the token indices used."""
        starts = [t[0] for t in toks]
        used: set[int] = set()
        # No match of _TAIL_START at a position rules NAME_AGE_TAIL out there, on ASCII text only
        # (elsewhere case folding is not plain lowercasing): None where it cannot decide.
        tail_start = _TAIL_START.match if text.isascii() else None

        def add(i: int, direct: bool, why: str) -> None:
            if i in used or i >= len(toks):
                return
            span = self._name_at(text, toks, i, direct)
            if span is None:
                return
            used.add(i)
            if span[1] > toks[i][1] and i + 1 < len(toks):
                used.add(i + 1)
            label = text[span[0] : span[1]]
            scan.findings.append(Finding(span[0], span[1], "child_name", label, "strong", True, why))
            scan.refs.append(Ref(span[0], span[1], "strong", label, is_name=True))
            self._tail_age(text, low, span[1], scan, scan.refs[-1])

        for pos in after_refs:
            m = P.NAME_AFTER_REF.match(text, pos)
            at = m.end() if m else pos
            j = bisect_left(starts, at)
            if j < len(toks) and toks[j][0] == at:
                add(j, True, "after_ref")
                continue
            wm = P.WORD.match(text, at)
            # Lowercase typing ("my son jake"): only a listed given name will do.
            if wm and wm.group() in self.gaz.first_names and self.known(wm.group()) and wm.group() not in P.STOP_NAMES:
                label = wm.group()
                scan.findings.append(Finding(wm.start(), wm.end(), "child_name", label, "strong", True, "after_ref"))
                scan.refs.append(Ref(wm.start(), wm.end(), "strong", label, is_name=True))
        # The regex gate needs "name", "called", "known", ":" or "call"; "re" alone is in most texts.
        gate = "name" in low or "called" in low or (
            ("known" in low or ":" in low or "call" in low) and P.NAME_INTRO_GATE.search(low) is not None
        )
        for m in an.find("name_intro") if gate else ():
            j = bisect_left(starts, m.end())
            if j < len(toks) and toks[j][0] == m.end():
                add(j, True, "intro")
        for m in an.find("baby_name", text):
            j = bisect_left(starts, m.end())
            if j < len(toks) and toks[j][0] == m.end():
                # "Little Freddie" at a sentence start, but not "Little Acorns Nursery": a listed name only.
                add(j, not text[m.start()].isupper() or text[m.start()] == "B", "baby")
        for i, (_s, e, _tok, lowtok, cap) in enumerate(toks):
            if i in used or not cap or lowtok in P.STOP_NAMES:
                continue
            # Cheap test first: most capitalised words have no age, date or year group after them.
            if not (
                (tail_start is None or tail_start(low, e) is not None) and P.NAME_AGE_TAIL.match(text, e)
            ) and not (
                i + 1 < len(toks)
                and text[e : toks[i + 1][0]] == " "
                and (tail_start is None or tail_start(low, toks[i + 1][1]) is not None)
                and P.NAME_AGE_TAIL.match(text, toks[i + 1][1])
            ):
                continue
            span = self._name_at(text, toks, i, True)
            if span is None:
                continue
            m = P.NAME_AGE_TAIL.match(text, span[1])
            if not m:
                continue
            known = self.known(lowtok)
            loose = m.group("a1") or m.group("a2") or m.group("a3") or m.group("yr") or m.group("yr2")
            dob = m.group("dob1") or m.group("dob2")
            if dob:
                if not _recent_year(dob):
                    continue
                loose = dob
            if not known and not loose and m.group("a5"):
                after = P.WORD.search(low, m.end(), min(len(low), m.end() + 30))
                follows = after.group() if after else ""
                if low[m.end() : m.end() + 1] in (",", ".", ";") or follows in ("now", "and", "years", "yrs"):
                    loose = m.group("a5")
            if not known and not loose:
                continue
            if not known and lowtok in self.gaz.places:
                continue
            age_txt = m.group("a1") or m.group("a2") or m.group("a3") or m.group("a4") or m.group("a5")
            if age_txt:
                v = P.num_value(age_txt)
                if v is None or v >= 18:
                    continue
            add(i, True, "age_tail")
        return used

    def context_names(self, text: str, low: str, toks: list[Tok], used: set[int],
                      child_sentences: set[int], sent_of: Callable[[int], int], scan: Scan) -> None:
        """Known given names in sentences that are clearly about a child, unless an adult is meant."""
        for i, (s, _e, _tok, lowtok, cap) in enumerate(toks):
            if i in used or not cap:
                continue
            if not self.known(lowtok) or lowtok in P.STOP_NAMES:
                continue
            if sent_of(s) not in child_sentences:
                continue
            span = self._name_at(text, toks, i, False)
            if span is None or self._adult_name(low, toks, i, span[1]):
                continue
            if lowtok in self.gaz.places and P.PLACE_PREPOSITION.search(low[max(0, s - 12) : s]):
                continue
            used.add(i)
            label = text[span[0] : span[1]]
            scan.findings.append(Finding(span[0], span[1], "child_name", label, "strong", True, "context"))
            scan.refs.append(Ref(span[0], span[1], "strong", label, is_name=True))

    # -- references to children -----------------------------------------------------------------
    def _tail_age(self, text: str, low: str, pos: int, scan: Scan, ref: Ref) -> None:
        m = P.NAME_AGE_TAIL.match(text, pos)
        if not m:
            return
        for g in ("yr", "yr2"):
            if m.group(g):
                n = int(m.group(g))
                if 1 <= n <= 13:
                    scan.findings.append(Finding(m.start(g), m.end(g), "age", f"Year {n}", "weak", True, "year_group"))
                return
        for g in ("dob1", "dob2"):
            if m.group(g):
                scan.findings.append(Finding(m.start(g), m.end(g), "date_of_birth", text[m.start(g) : m.end(g)],
                                             "strong", True))
                return
        for g in ("a1", "a2", "a3", "a4", "a5"):
            if m.group(g):
                v = P.num_value(m.group(g))
                if v is None:
                    return
                if v >= 18:
                    if not ref.is_name:
                        ref.dropped = True
                    return
                scan.findings.append(Finding(m.start(g), m.end(g), "age", m.group(g), "weak", True))
                return

    def refs(self, text: str, low: str, scan: Scan, an: Anchors) -> list[int]:
        """Collect child references; returns offsets right after refs where a name may follow."""
        name_slots: list[int] = []
        for m in an.find("possessive"):
            poss = m.group("poss")
            if poss in P.NOT_POSSESSIVE:
                continue
            noun = m.group("noun") or ""
            key = " ".join(noun.split())
            plural = key in P.CHILD_PLUR
            gender = P.CHILD_SING.get(key, P.CHILD_PLUR.get(key, ""))
            if key in ("pupils", "students") and poss not in ("my", "one of my"):
                continue
            strength = "weak" if plural and poss in ("our", "their", "your") else "strong"
            ref = Ref(m.start(), m.end(), strength, text[m.start() : m.end()], gender, plural=plural)
            scan.refs.append(ref)
            if m.group("agenoun") or _AGE_ADJ.search(m.group()):
                am = P.AGE_ADJ_PARTS.search(low, m.start(), m.end())
                if am:
                    v = P.num_value(am.group("num"))
                    if v is not None and (v < 18 or am.group("unit") != "year"):
                        scan.findings.append(Finding(am.start(), am.end("num"), "age", am.group("num"), "weak", True))
                    elif v is not None:
                        ref.dropped = True
            self._tail_age(text, low, m.end(), scan, ref)
            if not plural:
                name_slots.append(m.end())
        for m in an.find("dialect_possessive"):
            key = " ".join(m.group("noun").split())
            ref = Ref(m.start(), m.end(), "strong", text[m.start() : m.end()], P.DIALECT_SING.get(key, ""))
            scan.refs.append(ref)
            self._tail_age(text, low, m.end(), scan, ref)
            name_slots.append(m.end())
        for m in P.NAMED_POSSESSIVE_REF.finditer(low):
            owner = low[max(0, m.start() - 30) : m.start()].rsplit(None, 1)[-1] + "'s" if m.start() else ""
            if not owner or owner in P.NOT_POSSESSIVE:
                continue
            noun = " ".join(m.group("noun").split())
            plural = noun in P.CHILD_PLUR
            if noun in ("pupils", "students"):
                continue
            s0 = m.start() - len(owner) + 2
            ref = Ref(s0, m.end(), "weak" if plural else "strong", text[s0 : m.end()],
                      P.CHILD_SING.get(noun, P.CHILD_PLUR.get(noun, "")))
            scan.refs.append(ref)
            self._tail_age(text, low, m.end(), scan, ref)
            if not plural:
                name_slots.append(m.end())
        for m in an.find("definite"):
            noun = " ".join(m.group("noun").split())
            weak = noun in ("kid", "child", "youngster", "young person", "pupil")
            gender = P.CHILD_SING.get(noun.split()[-1], "")
            ref = Ref(m.start(), m.end("noun"), "weak" if weak else "strong", text[m.start() : m.end("noun")], gender)
            scan.refs.append(ref)
            am = P.AGE_ADJ_PARTS.match(low, m.start("noun"))
            if am and (P.num_value(am.group("num")) or 99) < 18:
                scan.findings.append(Finding(am.start(), am.end("num"), "age", am.group("num"), "weak", True))
            self._tail_age(text, low, m.end("noun"), scan, ref)
        for m in an.find("indefinite"):
            gender = P.CHILD_SING.get(m.group("noun"), "")
            scan.refs.append(Ref(m.start(), m.end("noun"), "weak", text[m.start() : m.end("noun")], gender))
        for m in an.find("plural_definite"):
            counted = (m.group("count") or "") in ("two", "three", "four", "five")
            gender = P.CHILD_PLUR.get(m.group("noun"), "")
            scan.refs.append(Ref(m.start(), m.end("noun"), "strong" if counted else "weak",
                                 text[m.start() : m.end("noun")], gender, plural=not counted))
        for m in an.find("noun_age") if an.digit_runs else ():
            v = P.num_value(m.group("num"))
            if v is None or v >= 18:
                continue
            scan.refs.append(Ref(m.start(), m.end("num"), "strong", text[m.start() : m.end("num")]))
            scan.findings.append(Finding(m.start("num"), m.end("num"), "age", m.group("num"), "weak", True))
        for m in an.find("minor_parent"):
            scan.refs.append(Ref(m.start(), m.end(), "strong", text[m.start() : m.end()]))
            scan.findings.append(Finding(m.start("num"), m.end("num"), "age", m.group("num"), "weak", True))
        for m in an.find("single_out") if "only" in low else ():
            scan.refs.append(Ref(m.start(), m.end(), "weak", text[m.start() : m.end()]))
            scan.findings.append(Finding(m.start(), m.end(), "single_out", text[m.start() : m.end()], "weak", False,
                                         "single_out"))
        # The gates used to run first; run only when there is a hit, they change nothing else.
        hits = an.find("practitioner_self")
        if hits and gate_passes(low, PRACTITIONER_WORDS, P.PRACTITIONER_GATE) and gate_passes(
            low, PRACTITIONER_SELF_WORDS, P.PRACTITIONER_SELF_GATE
        ):
            scan.practitioner.extend(m.start() for m in hits)
        for m in an.find("indefinite_age"):
            v = P.num_value(m.group("num"))
            if v is None or (v >= 18 and m.group("unit") in (None, "year", "yr")):
                continue
            noun = m.group("noun") or ""
            gender = P.CHILD_SING.get(noun, "")
            scan.refs.append(Ref(m.start(), m.end(), "weak", text[m.start() : m.end()], gender))
            scan.findings.append(Finding(m.start("num"), m.end("num"), "age", m.group("num"), "weak", True, "ref_age"))
        # The gate only narrows the matches, so it runs only when there are some: the pattern is
        # tried at a few "a"/"the" starts, cheaper than the gate's scan of the whole text.
        hits = an.find("practitioner_ref")
        if hits and P.PRACTITIONER_REF_GATE.search(low) is not None:
            for m in hits:
                scan.refs.append(Ref(m.start(), m.end(), "strong", text[m.start() : m.end()]))
        for m in an.find("pronoun_age"):
            v = P.num_value(m.group("num"))
            if v is None or v >= 18 or not _age_ok(low, m.end()):
                continue
            pro = m.group("pro")
            gender = "m" if pro.startswith("he") else "f" if pro.startswith("she") else ""
            scan.refs.append(Ref(m.start(), m.end(), "weak" if pro.startswith("who") else "strong",
                                 text[m.start() : m.end()], gender))
            scan.findings.append(Finding(m.start("num"), m.end("num"), "age", m.group("num"), "weak", True))
        hits = an.find("self_age")
        child_hits = an.find("self_child")
        # The first-person gate only narrows these matches: scan for it only when there are some.
        first_person = bool(hits or child_hits) and P.FIRST_PERSON_GATE.search(low) is not None
        for m in hits if hits and (first_person or "as a" in low) else ():
            v = P.num_value(m.group("num"))
            if v is None:
                continue
            if m.group().startswith("as a") and not m.group("yo"):
                continue
            if not m.group("yo") and not _age_ok(low, m.end()):
                continue
            if v >= 18:
                if not re.search(r"\b(?:when|until|till|til|before|after|once|turn|by\s+the\s+time)\s+$",
                                 low[max(0, m.start() - 20) : m.start()]):
                    scan.adult_self.append(m.start())
                continue
            scan.refs.append(Ref(m.start(), m.end(), "strong", text[m.start() : m.end()], is_self=True))
            scan.findings.append(Finding(m.start("num"), m.end("num"), "age", m.group("num"), "weak", True))
        for m in child_hits if first_person else ():
            scan.refs.append(Ref(m.start(), m.end(), "strong", text[m.start() : m.end()], is_self=True))
        hits = an.find("adult_self")
        if hits and gate_passes(low, ADULT_SELF_WORDS, P.ADULT_SELF_GATE):
            scan.adult_self.extend(m.start() for m in hits)
        if adult_children_gate(low):
            scan.adult_children.extend(m.start() for m in an.find("adult_children"))
        for m in an.find("generic_plural"):
            before = low[max(0, m.start() - 9) : m.start()]
            if _OWNED.search(before):
                continue
            scan.generic.append(m.start())
        if "child" in low or "kid" in low or "under" in low or "pupil" in low or "baby" in low:
            scan.generic.extend(m.start() for m in _generic_struct(an))
        # PRONOUN matches exactly its start word at every one (checked at import): no regex call.
        pronouns = scan.pronouns
        for p in an.words("pronoun"):
            pronouns.append((p, _pronoun_gender(low, p)))
        return name_slots
