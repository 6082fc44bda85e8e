"""Finds the details that can identify or expose a child: ages, dates, places, schools, contacts, topics."""

from __future__ import annotations

import re
from collections.abc import Iterator

from moderation import child_patterns as P
from moderation.child_anchors import Anchors, is_word_start, match_at, merged
from moderation.child_explain import Finding
from moderation.child_extract import (
    AMBIGUOUS_TOWNS,
    ORG_EMAIL,
    PLACEMENT_CONTEXT,
    SCHOOL_STRIP,
    Extractor,
    Ref,
    Scan,
    Tok,
    _age_ok,
    _recent_year,
)
from moderation.child_gates import contains_any
from moderation.child_terms import CATEGORY_KIND, term_key

_SCHOOL_LEAD = SCHOOL_STRIP | (P.STOP_NAMES - {"st", "saint"})
# Literal alternatives of gate regexes, checked as substrings (same answer, much cheaper).
_SCHOOL_LOWER_WORDS = ("school", "nursery", "primary", "academy", "class", "college", "infant", "junior", "grammar")
_CASE_WORDS = ("case", "claim", "court", "file", "ref")
_DATE_WORDS = ("born", "birth", "dob", "d.o.b", "hearing", "court", "ifh", "fhdra")
_NOT_CHILD_HEALTH = frozenset(
    """parent parents mum mums mother mothers dad dads father fathers adult adults carer carers
    people person children kids pupils young families services service team teams sector system
    budget budgets funding policy provision charity charities awareness training act strategy
    framework nurse nurses professionals staff workforce assessments lists""".split()
)


def _next_word(text: str, pos: int) -> str:
    m = P.WORD.search(text, pos, min(len(text), pos + 40))
    return m.group().lower() if m else ""


def _windowed(rx: re.Pattern[str], gate: re.Pattern[str], text: str, reach: int) -> Iterator[re.Match[str]]:
    """Run an expensive pattern only on stretches just before a cheap anchor word."""
    last_end = 0
    for g in gate.finditer(text):
        lo = max(last_end, g.start() - reach)
        for m in rx.finditer(text, lo, min(len(text), g.end() + 25)):
            if m.end() > last_end:
                last_end = m.end()
                yield m


def _yo_ages(an: Anchors) -> list[re.Match[str]]:
    """YO_AGE matches ("9yo", "12 y/o"): they start a run of digits not just after a full stop."""
    low = an.low
    starts = []
    for d, e in an.digit_runs:
        # One or two digits, at most one whitespace character, then "yo" or "y/o": checked here
        # because most numbers are not ages and a regex call costs more than these tests.
        if e - d > 2 or (d and low[d - 1] == "."):
            continue
        k = e + 1 if low[e : e + 1].isspace() else e
        if low.startswith(_YO, k):
            starts.append(d)
    return match_at(P.YO_AGE, low, starts)


_YO = ("yo", "y/o")


def _year_groups(an: Anchors) -> list[re.Match[str]]:
    """YEAR_GROUP matches ("year 6", "yr10", "y 9"), tried only where such a word ends before a number."""
    low = an.low
    starts: list[int] = []
    for d, _e in an.digit_runs:
        # At most one space between the word and the number; the word ends in "r" or is "y".
        end = d - 1 if d and low[d - 1].isspace() else d
        if end and low[end - 1] in "ry":
            for w in ("year", "yr", "y"):
                p = end - len(w)
                if p >= 0 and low.startswith(w, p) and is_word_start(low, p):
                    starts.append(p)
                    break
    return match_at(P.YEAR_GROUP.rx, low, starts)


def _scottish_years(an: Anchors) -> list[re.Match[str]]:
    """SCOTTISH_YEAR matches, tried only at "p4"/"s2" and at an "in" just before one."""
    low = an.low
    starts: list[int] = []
    for d, _e in an.digit_runs:
        if d and low[d] in "1234567" and low[d - 1] in "ps":
            k = d - 1
            while k and low[k - 1].isspace():
                k -= 1
            if 2 <= k < d - 1 and low[k - 2 : k] == "in":
                starts.append(k - 2)
            starts.append(d - 1)
    return match_at(P.SCOTTISH_YEAR, low, sorted(set(starts)))


def _postcodes(text: str, an: Anchors) -> list[re.Match[str]]:
    """POSTCODE matches: a postcode starts one or two letters before a run of digits, at a word start."""
    starts: list[int] = []
    for d, _e in an.digit_runs:
        if d and text[d - 1].isalpha():
            p = d - 2 if d >= 2 and text[d - 2].isalpha() else d - 1
            if is_word_start(text, p):
                starts.append(p)
    return match_at(P.POSTCODE.rx, text, starts)


def court_case_numbers(text: str, an: Anchors) -> list[re.Match[str]]:
    """Family-court case numbers (two capitals, then digits): tried two letters before digit runs."""
    starts = [
        d - 2 for d, _e in an.digit_runs if d >= 2 and text[d - 1].isupper() and is_word_start(text, d - 2)
    ]
    return match_at(P.COURT_CASE_NO.rx, text, starts)


def _add(scan: Scan, s: int, e: int, kind: str, label: str, weight: str, sub: str = "") -> None:
    scan.findings.append(Finding(s, e, kind, label, weight, False, sub))


def ages_and_dates(text: str, low: str, scan: Scan, an: Anchors) -> None:
    for m in P.AGE_UNIT.finditer(low) if "old" in low else ():
        b = P.AGE_NUM_BEFORE.search(low, max(0, m.start() - 12), m.start())
        if not b:
            continue
        s0 = b.start("num")
        if m.group("plural"):
            scan.generic.append(s0)
            continue
        v = P.num_value(b.group("num"))
        if v is None or (v >= 18 and m.group("unit") in ("year", "yr")):
            continue
        _add(scan, s0, m.end(), "age", text[s0 : m.end()], "weak")
    if " oed" in low:
        for m in P.OED_AGE.finditer(low):
            v = P.num_value(m.group("num"))
            if v is not None and v < 18:
                _add(scan, m.start("num"), m.end("num"), "age", text[m.start("num") : m.end("num")], "weak")
    if "age" in low:
        for m in P.AGED.finditer(low):
            v = P.num_value(m.group("num2"))
            if v is None or m.group("range") or v >= 18 or not _age_ok(low, m.end("num2")):
                continue
            _add(scan, m.start(), m.end("num2"), "age", text[m.start() : m.end("num2")], "weak")
    if "month" in low:
        for m in P.AT_MONTHS.finditer(low):
            _add(scan, m.start() + 3, m.end(), "age", text[m.start() + 3 : m.end()], "weak")
    digits = bool(an.digit_runs)
    for ms, g in ((P.COMMA_AGE.finditer(low), "num4"), (_yo_ages(an), "num5")) if digits else ():
        for m in ms:
            v = P.num_value(m.group(g))
            if v is not None and v < 18:
                _add(scan, m.start(g), m.end(g), "age", text[m.start(g) : m.end(g)], "weak")
    year_groups = [(m, "n") for m in _year_groups(an)] if digits else []
    if digits:
        year_groups += [(m, "sc" if m.group("sc") else "sc2") for m in _scottish_years(an)]
    if "reception" in low:
        year_groups += [(m, "rec" if m.group("rec") else "rec2") for m in P.RECEPTION.finditer(low)]
    for m, g in year_groups:
        tail = (m.group("tail") or "").strip()
        if tail in ("pupils", "students", "children", "kids", "classes", "groups", "s", "teachers", "of"):
            scan.generic.append(m.start())
            continue
        s0 = m.start() if g == "n" else m.start(g)
        _add(scan, s0, m.end(g), "age", text[s0 : m.end(g)], "weak", "year_group")
    if not contains_any(low, _DATE_WORDS):
        return
    for m in match_at(P.DATE.rx, low, merged(an.words("month"), an.word_digit_starts())):
        s, e = m.start(), m.end()
        sent_lo = max(0, s - 60)
        before = low[sent_lo:s]
        cut = max(before.rfind(". "), before.rfind("\n"))
        before = before[cut + 1 :] if cut >= 0 else before
        if P.BIRTH_WORD.search(before):
            _add(scan, s, e, "date_of_birth", text[s:e], "strong")
            if _recent_year(text[s:e]):
                scan.refs.append(Ref(s, e, "strong", "date of birth " + text[s:e]))
        elif P.HEARING_WORD.search(before) or P.HEARING_WORD.search(low, e, min(len(low), e + 40)):
            _add(scan, s, e, "case_reference", "hearing on " + text[s:e], "strong", "hearing")
    # Each of the two patterns below needs one of these words.
    for m in P.BORN_YEAR.finditer(low) if ("born" in low or "dob" in low) else ():
        label = text[m.start("date") : m.end("date")]
        _add(scan, m.start("date"), m.end("date"), "date_of_birth", label, "strong")
        if _recent_year(label):
            scan.refs.append(Ref(m.start("date"), m.end("date"), "strong", "born " + label))
    for m in P.HEARING_WHEN.finditer(low) if ("hearing" in low or "court" in low) else ():
        _add(scan, m.start("when"), m.end("when"), "case_reference", "hearing " + text[m.start("when") : m.end("when")],
             "strong", "hearing")


def addresses(text: str, low: str, scan: Scan, an: Anchors) -> None:
    if not an.digit_runs:
        return
    word_digits = an.word_digit_starts()
    for m in match_at(P.ADDRESS.rx, text, merged(an.words("flat"), word_digits)):
        _add(scan, m.start(), m.end(), "address", m.group(), "strong")
    for m in match_at(P.ADDRESS_LOWER.rx, low, word_digits):
        _add(scan, m.start(), m.end(), "address", text[m.start() : m.end()], "strong")
    for m in an.find("lives_on", text) if ("liv" in low or "stay" in low) else ():
        _add(scan, m.start("street"), m.end("street"), "address", m.group("street"), "strong")
    for m in _postcodes(text, an):
        code = m.group()
        if any(c.isdigit() for c in code[-3:]) and code[-2:].isalpha():
            _add(scan, m.start(), m.end(), "address", code, "strong")


def schools(text: str, low: str, scan: Scan, an: Anchors) -> None:
    for m in _windowed(P.SCHOOL_NAME, P.SCHOOL_GATE, text, 70):
        words = m.group().split()
        k = 0
        while k < len(words) - 1 and words[k].lower().strip(".") in _SCHOOL_LEAD:
            k += 1
        name_words = words[k:]
        head = [w for w in name_words[:-1] if w.lower() not in SCHOOL_STRIP and w.lower() not in (
            "primary", "school", "academy", "high", "nursery", "infant", "junior", "secondary", "community")]
        if not head:
            continue
        s = m.start() + m.group().index(name_words[0]) if k else m.start()
        _add(scan, s, m.end(), "school", text[s : m.end()], "strong", "named")
    if "sgol" in low or "scoil" in low or "sgoil" in low:
        for m in P.CELTIC_SCHOOL.finditer(text):
            _add(scan, m.start(), m.end(), "school", m.group(), "strong", "named")
    for m in an.find("saint_school", text) if "St" in text else ():
        _add(scan, m.start("name"), m.end("name"), "school", m.group("name"), "strong", "named")
    # Substring tests first; the regex only decides the "pru" case (it wants a word end there).
    lower_gate = contains_any(low, _SCHOOL_LOWER_WORDS) or (
        "pru" in low and P.SCHOOL_LOWER_GATE.search(low) is not None
    )
    for m in an.find("school_lower") if lower_gate else ():
        name = m.group("name")
        first = name.split()[0]
        if first in SCHOOL_STRIP or first in P.STOP_NAMES:
            continue
        _add(scan, m.start("name"), m.end("name"), "school", text[m.start("name") : m.end("name")], "strong", "named")
    for m in _windowed(P.PLACEMENT_NAME, P.PLACEMENT_GATE, text, 50):
        lo, hi = max(0, m.start() - 80), min(len(low), m.end() + 60)
        if not PLACEMENT_CONTEXT.search(low, lo, hi):
            continue
        words = m.group().split()
        k = 0
        while k < len(words) - 1 and words[k].lower() in P.STOP_NAMES:
            k += 1
        if k == len(words) - 1:
            continue
        s = m.start() + m.group().index(words[k])
        _add(scan, s, m.end(), "school", text[s : m.end()], "strong", "placement")
    for m in an.find("school_generic") if lower_gate else ():
        _add(scan, m.start(), m.end(), "school", text[m.start() : m.end()], "broad", "generic")


def places(ex: Extractor, text: str, low: str, toks: list[Tok], used: set[int], scan: Scan) -> None:
    gaz = ex.gaz
    lookup = gaz.places.get
    i = 0
    n = len(toks)
    while i < n:
        s, e, tok, lowtok, _cap = toks[i]
        if i in used or not tok[0].isupper():
            i += 1
            continue
        hit = None
        if lowtok in gaz.place_heads:
            for size in range(min(gaz.place_max_words, n - i), 0, -1):
                last = toks[i + size - 1]
                if last[1] - s > 32:
                    continue
                phrase = low[s : last[1]]
                if "  " in phrase or "\n" in phrase:
                    continue
                entry = lookup(" ".join(phrase.split()))
                if entry is not None:
                    hit = (size, last[1], entry)
                    break
        elif e - s <= 32:
            # One word holds no whitespace, so it is its own lookup key.
            entry = lookup(low[s:e])
            if entry is not None:
                hit = (1, e, entry)
        if hit is None:
            i += 1
            continue
        size, end, (name, level) = hit
        key = low[s:end]
        if key in AMBIGUOUS_TOWNS and not P.PLACE_PREPOSITION.search(low[max(0, s - 12) : s]):
            i += size
            continue
        weight = "weak" if level == "town" else "broad"
        _add(scan, s, end, "location", text[s:end], weight, level)
        i += size
    for m in P.ESTATE.finditer(text) if "estate" in low else ():
        _add(scan, m.start(), m.end(), "location", m.group(), "weak", "estate")
    for m in P.HOSPITAL.finditer(text) if ("hospital" in low or "infirmary" in low) else ():
        _add(scan, m.start(), m.end(), "location", m.group(), "weak", "hospital")


def contacts(text: str, low: str, scan: Scan, an: Anchors) -> None:
    if an.digit_runs:
        _phones(text, scan, an)
    if "@" in text:
        _emails_and_handles(text, low, scan)
    # The substrings are necessary for the gate regex to match, and far cheaper to look for.
    gate = contains_any(low, _PLATFORM_WORDS) and P.PLATFORM_GATE.search(low)
    for m in P.PLATFORM_HANDLE.finditer(low) if gate else ():
        h = m.group("handle")
        if h in _NOT_HANDLES or h.isalpha() and len(h) < 4:
            continue
        hs, he = m.start("handle"), m.end("handle")
        _add(scan, hs, he, "contact", text[hs:he], "strong", "handle")


_PLATFORM_WORDS = ("tik", "snap", "insta", "twitter", "facebook", "fb", "youtube", "discord", "roblox", "xbox", "psn",
                   "twitch")
_NOT_HANDLES = frozenset({"a", "the", "her", "his", "their", "private", "public", "blocked", "deleted"})


def _phones(text: str, scan: Scan, an: Anchors) -> None:
    # A number starts at a "0" that begins a run of digits, or at the "+" of "+44".
    starts: list[int] = []
    for d, _e in an.digit_runs:
        if text[d] == "0":
            starts.append(d)
        elif d and text[d - 1] == "+" and text.startswith("44", d):
            starts.append(d - 1)
    for m in match_at(P.PHONE, text, starts):
        digits = "".join(c for c in m.group() if c.isdigit())
        if digits.startswith("44"):
            digits = "0" + digits[2:].lstrip("0")
        if digits.startswith(P.HELPLINE_PREFIXES):
            continue
        _add(scan, m.start(), m.end(), "contact", m.group(), "strong", "phone")


def _emails_and_handles(text: str, low: str, scan: Scan) -> None:
    at = text.find("@")
    while at != -1:
        left = P.EMAIL_LEFT.search(text, max(0, at - 64), at)
        right = P.EMAIL_RIGHT.match(text, at + 1)
        if left and right:
            s, e = left.start(), right.end()
            addr = low[s:e]
            if not ORG_EMAIL.search(addr):
                _add(scan, s, e, "contact", text[s:e], "strong", "email")
        at = text.find("@", at + 1)
    for m in P.HANDLE.finditer(text):
        _add(scan, m.start(), m.end(), "contact", m.group(), "strong", "handle")


def cases_and_terms(ex: Extractor, text: str, low: str, scan: Scan, an: Anchors) -> None:
    digits = bool(an.digit_runs)
    for m in court_case_numbers(text, an):
        _add(scan, m.start(), m.end(), "case_reference", m.group(), "strong", "family_court")
        if m.group()[4] in "CPFZL":
            scan.family_court_number = True
    for m in P.CASE_NUMBER.finditer(low) if digits and contains_any(low, _CASE_WORDS) else ():
        _add(scan, m.start("ref"), m.end("ref"), "case_reference", text[m.start("ref") : m.end("ref")], "strong")
    for m in P.NAMED_CASE.finditer(text) if " case" in low else ():
        _add(scan, m.start(), m.end(), "care_status", m.group(), "sensitive", "named_case")
    lookup = ex.term_lookup.get
    for m in an.find("terms"):
        # Keys are in term_key form; most matches already are, which spares rebuilding the string.
        phrase = m.group()
        cat = lookup(phrase)
        if cat is None:
            cat = lookup(term_key(phrase))
        if cat is None:
            continue
        if cat == "health" and _next_word(low, m.end()) in _NOT_CHILD_HEALTH:
            continue
        kind = CATEGORY_KIND[cat]
        weight = "weak" if cat == "education" else "sensitive"
        _add(scan, m.start(), m.end(), kind, text[m.start() : m.end()], weight, cat)
