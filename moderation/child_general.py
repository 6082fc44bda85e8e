"""Recognisers for indirect, informal and jigsaw references to one child, and guards against look-alikes."""

from __future__ import annotations

import re
from bisect import bisect_left

from moderation import child_general_patterns as G
from moderation import child_patterns as P
from moderation.child_anchors import Anchors
from moderation.child_explain import Finding
from moderation.child_extract import AMBIGUOUS_TOWNS, Extractor, Ref, Scan, Tok, _age_ok
from moderation.child_gates import contains_any
from moderation.child_terms import term_table

# Sentence-start test for informal self-descriptions ("am 14 an ...", "me, 15, ..."), which
# elsewhere are ordinary words ("give me 15 minutes", "8 am 14 May").
_CLAUSE_START = re.compile(r"(?:^|[.!?,;:\n(\-]|\b(?:and|but|so|lol|hi|hiya|bruv|tbh|honestly|yeah|well))\s*$")
_STAT_AFTER = re.compile(
    r"\s+(?:in|out\s+of)\s+(?:every\s+|a\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|"
    r"hundred|thousand)\b"
)
# Necessary parts of two STAT_CUE branches, for its gate.
_TIMES_CUE = re.compile(r"times\s+(?:more|less)")
_RATE_CUE = re.compile(r"rates?\s+of")
_ROLE_BEFORE = re.compile(r"\b(?:as|like|was|were|being|been|be|am|i'm|im|such|what|not|every|of)\s+$")
_RELATIVE_DIED = re.compile(
    r"\b(?:mum|mam|mom|mother|dad|father|nan|nana|gran|granny|grandma|grandad|grandpa|grandmother|grandfather|"
    r"parent|parents|husband|wife|partner|uncle|aunt|auntie|friend|dog|cat|brother|sister|stepdad|stepmum|"
    r"cousin|grandparents)\s+(?:\w+\s+)?$"
)
_LATER_AGE = re.compile(r"[^.!?;]{0,40}?\b(?:is|was|turned|aged?)\s+(?:only\s+|just\s+|now\s+)?(?P<num>\d{1,2}|"
                        + "|".join(P.NUM_WORDS) + r")\b")


def _clause_start(low: str, pos: int) -> bool:
    return _CLAUSE_START.search(low, max(0, pos - 12), pos) is not None


def _jigsaw_possible(low: str) -> bool:
    """False when no branch of JIGSAW_CUE can match: each needs a first word and a last word.

    Finding the first words means scanning for common words ("you"); most texts fail here first.
    """
    who = "who" in low
    if who and (("you" in low and _JIGSAW_YOU.search(low) is not None) or "obvious" in low):
        return True
    if (who or "which" in low) and contains_any(low, _JIGSAW_CROWD) and _JIGSAW_CROWD_RX.search(low):
        return True
    return (
        ("easy" in low or "easily" in low or "possible" in low)
        and ("identify" in low or "work" in low or "recognise" in low)
        and _JIGSAW_EASY.search(low) is not None
    )


_JIGSAW_CROWD = ("everyone", "everybody", "anyone", "anybody", "whole")
# JIGSAW_CUE's "you could tell who" branch: it starts with a literal, so the engine finds it fast.
_JIGSAW_YOU = re.compile(
    r"you\s+(?:can|could|would|will|'d|'ll)\s+(?:easily\s+)?(?:work\s+out|tell|guess|know|figure\s+out)\s+who"
)
# The start of its "everyone in the village knows who" branch, and its "easy to identify" branch.
_JIGSAW_CROWD_RX = re.compile(r"(?:everyone|everybody|anyone|anybody|whole\s+\w+)\s+(?:in|on|at|round|around|from)\s+")
_JIGSAW_EASY = re.compile(r"(?:easy|easily|possible)\s+to\s+(?:identify|work\s+out|recognise)")
if any(rx.pattern not in G.JIGSAW_CUE.pattern for rx in (_JIGSAW_YOU, _JIGSAW_CROWD_RX, _JIGSAW_EASY)):
    raise ValueError("the _JIGSAW_* gates must stay copies of parts of JIGSAW_CUE")


def _age_finding(scan: Scan, s: int, e: int, label: str, sub: str = "") -> None:
    scan.findings.append(Finding(s, e, "age", label, "weak", True, sub))


def general_refs(ex: Extractor, text: str, low: str, scan: Scan, an: Anchors) -> None:
    """References to one child that the older recognisers miss; guards that drop false ones."""
    for m in an.find("practitioner_role"):
        s, word = m.start(), m.group("word")
        lo = max(0, s - 50)
        if word in G.ROLE_SET:
            ok = m.group("here") is not None or G.ROLE_BACK.search(low, lo, s) is not None
        elif word in G.SETTING_SET:
            ok = G.SETTING_BACK.search(low, max(0, s - 30), s) is not None
        else:
            ok = G.VERB_BACK.search(low, max(0, s - 25), s) is not None
        if ok:
            scan.practitioner.append(s)
    for m in an.find("one_of_my"):
        # "one of my Year 9s": the writer teaches or looks after them, so this is a case they know.
        scan.refs.append(Ref(m.start(), m.end(), "strong", text[m.start() : m.end()]))
        scan.practitioner.append(m.start())
    for m in an.find("singular"):
        if _ROLE_BEFORE.search(low, max(0, m.start() - 16), m.start()):
            continue  # "as a teenager", "when I was a child": a role or a memory, not a child
        noun = m.group("noun")
        gender = P.CHILD_SING.get(noun, "")
        ref = Ref(m.start(), m.end(), "weak", text[m.start() : m.end()], gender)
        scan.refs.append(ref)
        am = P.AGE_ADJ_PARTS.search(low, m.start(), m.end())
        if m.group("num"):  # "a lass of 14"
            v = P.num_value(m.group("num"))
            if v is not None and v < 18:
                _age_finding(scan, m.start("num"), m.end("num"), m.group("num"), "ref_age")
            elif v is not None:
                ref.dropped = True
        elif am:
            v = P.num_value(am.group("num"))
            if v is not None and (v < 18 or am.group("unit") != "year"):
                _age_finding(scan, am.start(), am.end("num"), am.group("num"), "ref_age")
            elif v is not None:
                ref.dropped = True
    for m in an.find("birth_order"):
        owner = G.BIRTH_ORDER_OWNER.search(low, max(0, m.start() - 8), m.start())
        if owner is None:
            continue
        det = owner.group("det")
        noun = m.group("noun")
        # "the little one", "the middle one" is the writer's own child; "the eldest" may be anyone's.
        strong = det in ("my", "our") or (det == "the" and noun.endswith(" one"))
        if not strong and m.group("noun") in ("eldest", "oldest", "youngest"):
            # "the eldest" needs a verb or "of ..." after it to be someone rather than a category.
            if not re.match(r"\s+(?:is|was|has|had|of|'s|who)\b", low[m.end() : m.end() + 6]):
                continue
        ref = Ref(owner.start(), m.end(), "strong" if strong else "weak", text[owner.start() : m.end()])
        scan.refs.append(ref)
        n_found = len(scan.findings)
        ex._tail_age(text, low, m.end(), scan, ref)
        later = _LATER_AGE.match(low, m.end()) if len(scan.findings) == n_found and not ref.dropped else None
        if later and _age_ok(low, later.end()):
            v = P.num_value(later.group("num"))
            if v is not None and v < 18:
                _age_finding(scan, later.start("num"), later.end("num"), later.group("num"))
            elif v is not None:
                ref.dropped = True
    for m in an.find("sibling_group"):
        if m.group("kin") and not G.SIBLING_COUNT.search(low, max(0, m.start() - 20), m.start()):
            continue
        scan.refs.append(Ref(m.start(), m.end(), "weak", text[m.start() : m.end()]))
    _self_informal(text, low, scan, an)
    for m in an.find("person_age") if an.digit_runs else ():
        v = P.num_value(m.group("num"))
        if v is None or v >= 18:
            continue
        is_self = re.search(r"\b(?:i'm|im|i\s+am|as)\b", low[max(0, m.start() - 60) : m.start()]) is not None
        scan.refs.append(Ref(m.start(), m.end("num"), "strong", text[m.start() : m.end("num")], is_self=is_self))
        _age_finding(scan, m.start("num"), m.end("num"), m.group("num"))
    for m in an.find("jigsaw_cue") if _jigsaw_possible(low) else ():
        scan.refs.append(Ref(m.start(), m.end(), "strong", "a child readers could identify"))
    for m in an.find("single_one"):
        s = m.start()
        lead = G.SINGLE_ONE_LEAD.search(low, max(0, s - 12), s)
        if lead is None or _STAT_AFTER.match(low, m.end()):
            continue
        if low.startswith("one", s) and not lead.group().strip().startswith(("the", "there", "just")):
            continue  # a bare "one child" at a sentence start may be any child
        s = lead.start() if lead.group()[:1].isalpha() else s
        if low[max(0, s - 4) : s] == "not ":
            continue
        scan.refs.append(Ref(s, m.end(), "strong", text[s : m.end()]))
        scan.findings.append(Finding(s, m.end(), "single_out", text[s : m.end()], "weak", False, "single_out"))
    # Substrings every STAT_CUE match contains; most comments have none of them.
    # "times" and "rate" are common ("sometimes", "separate"): a literal-led regex checks their cue.
    if (
        "likel" in low or "%" in low or "average" in low or "proportion" in low
        or ("times" in low and _TIMES_CUE.search(low) is not None)
        or ("rate" in low and _RATE_CUE.search(low) is not None)
        or ("cent" in low and "per" in low)
        or ("than" in low and ("peers" in low or "classmates" in low))
    ):
        for m in G.STAT_CUE.finditer(low):
            scan.statistics.append(m.start())
    for m in an.find("deceased"):
        s = m.start()
        if not _RELATIVE_DIED.search(low, max(0, s - 30), s) and not G.DIED_HEDGE.search(low, max(0, s - 8), s):
            scan.deceased.append(s)
    if "review" in low or "rest in peace" in low:
        scan.deceased.extend(m.start() for m in G.REVIEW.finditer(low))
    for m in an.find("hypothetical"):
        s, e = m.start(), m.end()
        for r in scan.refs:
            if s <= r.start < e and not r.is_name:
                r.dropped = True
        scan.generic.append(s)
    _handles(text, low, scan, an)


def _self_informal(text: str, low: str, scan: Scan, an: Anchors) -> None:
    at = low.find(" here")
    while at != -1:
        m = G.YEAR_HERE.search(low, max(0, at - 24), at + 1) if not low[at + 5 : at + 6].isalnum() else None
        at = low.find(" here", at + 5)
        if m is None:
            continue
        if m.group("age"):
            age = int(m.group("age"))
            if age < 18:
                scan.refs.append(Ref(m.start("age"), m.end(), "strong", text[m.start("age") : m.end()], is_self=True))
                _age_finding(scan, m.start("age"), m.end("age"), m.group("age"))
            continue
        n = int(m.group("n"))
        if 1 <= n <= 13:
            scan.refs.append(Ref(m.start(), m.end(), "strong", text[m.start() : m.end()], is_self=True))
            _age_finding(scan, m.start(), m.end("n"), f"Year {n}", "year_group")
    for m in an.find("self_informal"):
        s = m.start()
        first = low[s : s + 4]
        if first.startswith(("am ", "me ", "me,", "man", "jus", "tur")) and not _clause_start(low, s):
            continue
        label = text[s : m.end()]
        if m.group("num"):
            v = P.num_value(m.group("num"))
            if v is None or v >= 18 or (not m.group("yo") and not _age_ok(low, m.end())):
                continue
            scan.refs.append(Ref(s, m.end(), "strong", label, is_self=True))
            _age_finding(scan, m.start("num"), m.end("num"), m.group("num"))
        elif m.group("yr"):
            g = "yr"
            n = int(m.group(g))
            if not 1 <= n <= 13:
                continue
            scan.refs.append(Ref(s, m.end(), "strong", label, is_self=True))
            _age_finding(scan, m.start(g), m.end(g), f"Year {n}", "year_group")
        else:
            scan.refs.append(Ref(s, m.end(), "strong", label, is_self=True))


_HANDLE_LEFT = re.compile(r"[A-Za-z][\w.]{0,24}\Z")
_HANDLE_RIGHT = re.compile(r"[\w.]{0,6}\b")

if G.HANDLE_YEAR.pattern != r"20[0-2]\d\b":
    raise ValueError("HANDLE_YEAR changed: check that _handle_years still finds all its matches")


def _handle_years(text: str, an: Anchors) -> list[re.Match[str]]:
    """HANDLE_YEAR's matches, as finditer gives them, tried only at the last four digits of runs.

    Its four characters are digits followed by a word boundary, so a match is the end of a run
    of digits: one try per run of four or more (and most texts have none) instead of a scan.
    """
    out: list[re.Match[str]] = []
    match = G.HANDLE_YEAR.match
    for d, e in an.digit_runs:
        if e - d >= 4:
            m = match(text, e - 4)
            if m is not None:
                out.append(m)
    return out


def _handles(text: str, low: str, scan: Scan, an: Anchors) -> None:
    """A handle carrying a recent birth year ("@amy_2011") points at a child by itself."""
    for y in _handle_years(text, an):
        d, e = y.span()
        if not d or not (text[d - 1].isalpha() or text[d - 1] in "_.") or not 2005 <= int(text[d:e]) <= 2025:
            continue
        left = _HANDLE_LEFT.search(text, max(0, d - 25), d)
        if left is None:
            continue
        s = left.start()
        end = _HANDLE_RIGHT.match(text, e).end()  # type: ignore[union-attr]
        if s > 0 and text[s - 1] == "@":
            s -= 1
        elif not G.PLATFORM_NEAR.search(low, max(0, s - 40), s):
            continue
        elif "." in text[s:end] and text[s:end].rsplit(".", 1)[-1].isalpha():
            continue  # a web address, not a handle
        scan.refs.append(Ref(s, end, "strong", "handle " + text[s:end]))
        scan.findings.append(Finding(s, end, "contact", text[s:end], "strong", True, "handle"))


def more_names(ex: Extractor, text: str, low: str, toks: list[Tok], used: set[int], scan: Scan,
               an: Anchors) -> None:
    """Names after a carer's verb, after "my two girls", and the rest of a list of child names."""
    starts = [t[0] for t in toks]

    def add(j: int, why: str, direct: bool = False) -> bool:
        if j >= len(toks) or j in used:
            return False
        span = ex._name_at(text, toks, j, direct)
        # A text opening "Tia, Lacey and Mason ..." lists children; "Sarah, you're wrong" addresses an adult.
        if span is None or (ex._adult_name(low, toks, j, span[1]) and not (why == "list" and j == 0)):
            return False
        used.add(j)
        if span[1] > toks[j][1]:
            used.add(j + 1)
        label = text[span[0] : span[1]]
        scan.findings.append(Finding(span[0], span[1], "child_name", label, "strong", True, why))
        scan.refs.append(Ref(span[0], span[1], "strong", label, is_name=True))
        return True

    def tok_at(pos: int) -> int:
        j = bisect_left(starts, pos)
        return j if j < len(toks) and toks[j][0] == pos else len(toks)

    for m in an.find("care_verb", text):
        # "we adopted Saffie": after these verbs a capitalised word that is no place is a child's name.
        add(tok_at(m.end()), "care_verb", direct=not m.group().startswith(("took", "raising")))
    for r in scan.refs:
        if r.plural and not r.dropped and r.label[:1].lower() in "mo":  # my / our
            gap = re.match(r"\s+", text[r.end : r.end + 3])
            if gap:
                add(tok_at(r.end + gap.end()), "after_ref")
    # A list "Tia, Lacey and Mason" of known given names in a sentence about care, health or school.
    runs: list[list[int]] = []
    first_names = ex.gaz.first_names
    for j, tok in enumerate(toks):
        if not tok[4] or tok[3] not in first_names or not ex.known(tok[3]) or tok[3] in P.STOP_NAMES:
            continue
        if runs and runs[-1][-1] == j - 1 and G.NAME_LIST_JOIN.fullmatch(text, toks[j - 1][1], tok[0]):
            runs[-1].append(j)
        else:
            runs.append([j])
    named = {f.start for f in scan.findings if f.kind == "child_name"}
    for run in runs:
        if len(run) < 2:
            continue
        first_named = any(toks[j][0] in named for j in run)
        if not first_named and (len(run) < 3 or not _topic_near(low, toks[run[0]][0])):
            continue
        for j in run:
            if toks[j][0] not in named:
                add(j, "list")


def _topic_near(low: str, pos: int) -> bool:
    """Whether the sentence around pos speaks of care, health, abuse or school status."""
    lo = max(low.rfind(". ", 0, pos), low.rfind("\n", 0, pos), 0)
    hi = low.find(". ", pos)
    hi = len(low) if hi == -1 else hi
    return term_table()[0].search(low, lo, hi) is not None


def events(text: str, scan: Scan, an: Anchors) -> None:
    """Occasions ("on Sunday night", "yesterday") that make "a 15-year-old" one particular child."""
    if not any(r.strength == "weak" and not r.dropped for r in scan.refs):
        return  # only a vague reference needs an occasion to pin it down
    for m in an.find("event_time"):
        scan.findings.append(Finding(m.start(), m.end(), "event", text[m.start() : m.end()], "weak", False, "event"))


def lower_places(ex: Extractor, text: str, low: str, scan: Scan) -> None:
    """Towns typed in lowercase ("in dundee") in informal writing; only listed towns, never common words."""
    if " i " not in text and " im " not in text and not text.startswith(("i ", "im ", "am ")):
        return  # only informal all-lowercase writing ("im 16 in care in dundee")
    places = ex.gaz.places
    for m in G.LOWER_PLACE_LEAD.finditer(low):
        s, e = m.span(1)
        if not text[s:e].islower():
            continue
        two = low[s:e]
        one_end = s + len(two.split()[0])
        for a, b in ((s, e), (s, one_end)):
            key = low[a:b]
            entry = places.get(key)
            if entry is None or entry[1] != "town" or key in AMBIGUOUS_TOWNS or len(key) < 4:
                continue
            scan.findings.append(Finding(a, b, "location", text[a:b], "weak", False, "town"))
            break
