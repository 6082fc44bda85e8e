"""Further child references (forum shorthand, family surnames, initials, vocatives) and look-alike guards."""

from __future__ import annotations

import re

from moderation import child_patterns as P
from moderation.child_anchors import Anchors, is_word_start
from moderation.child_explain import Finding
from moderation.child_extract import Extractor, Ref, Scan, _age_ok

# Parenting-forum shorthand: DS/DD (dear son/daughter), DSS/DSD (step-), numbered DS1, DD2.
_FORUM_KID = re.compile(r"\b(?P<w>D[SD]\d?|DS[SD]\d?)\b(?=\s*(?:\(|,|is\b|was\b|has\b|had\b|'s\b|and\b|goes\b|"
                        r"started\b|starts\b|attends\b|got\b|has\b|\d))")
_FORUM_GENDER = {"S": "m", "D": "f"}
# Without an age right after it, DS/DD counts only beside other forum shorthand (DH, DP, DC, LO, AIBU).
_FORUM_OTHER = re.compile(r"\b(?:DH|DP|DCs?|LO|AIBU|WIBU|PFB|MIL|SIL|DSis)\b")
_FORUM_NOT = re.compile(r"\b(?:the|a|an|this|that|police|detective|by|via|set\s+up\s+a)\s+$")
# "the Malik sisters", "the Doherty twins", "the Whitfield baby": a family name picks out the children.
_FAMILY_GROUP = re.compile(
    r"\b[Tt]he\s+(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+(?P<noun>sisters|brothers|twins|triplets|siblings|baby|"
    r"kids|children|boys|girls|bairns|weans|lad|lass)\b"
)
# The same from its literal middle, which the regex engine finds fast.
_FAMILY_FAST = re.compile(r"he [A-Z][a-z]+(?:-[A-Z][a-z]+)? (?:sisters|brothers|twins|triplets|siblings|baby|kids|"
                          r"children|boys|girls|bairns|weans|lad|lass)\b")
# Group words that look like family names but are nationalities, faiths, parties or the like.
_GROUP_WORDS = re.compile(r"(?:ian|ish|ese|ic|ist|ean|can)$")
_NOT_FAMILY = frozenset(
    """year care foster local school council labour tory tories green welsh scots irish english british
    muslim catholic jewish sikh hindu christian roma traveller gypsy asylum refugee poor other same
    new two three four five older younger little wee big real nhs camhs uk afghan german roman sudan
    orphan veteran anglican lutheran republican pakistani bangladeshi iraqi somali israeli saudi yemeni
    nepali bengali punjabi gujarati kosovan""".split()
)
# "my three were ...", "our two have ...": the writer's own children counted.
_COUNTED_OWN = re.compile(
    r"\b(?:my|our)\s+(?:two|three|four|five|six|2|3|4|5|6)\b(?=\s*(?:were|are|have|had|all|both|was|,|-|\.|'re))"
)
# "If you're worried about a child in Leeds, ring ...": advice about any child, not one.
_ADVICE_WORDS = ("worried ", "concerned ", "anxious ")
_ADVICE_LEAD = re.compile(r"\b(?:if|when|whenever)\s+(?:you(?:'re|\s+are)?|anyone(?:'s|\s+is)?)\s+(?:ever\s+)?$")
_ADVICE = re.compile(
    r"(?:worried|concerned|anxious)\s+(?:about|for)\s+(?:a|any|the\s+safety\s+of\s+a)\s+"
    r"(?:child|young\s+person|kid|baby|pupil)\b[^.!?]*"
)
# "she's 26 now": an adult, which no child word in the sentence overrides.
_ADULT_AGE = re.compile(
    r"\b(?:she|he)(?:'s|\s+is|\s+turned|\s+turns)\s+(?:now\s+|just\s+|nearly\s+|almost\s+)?"
    r"(?P<num>1[89]|[2-9]\d)\b(?!\s*(?:%|weeks?|months?|days?|minutes?|hours?|kg|cm|lbs?|stone))"
)
_ADULT_AGE_STARTS = ("she's ", "he's ", "she is ", "he is ", "she turn", "he turn")
# "the age assessment says he's 19": a claimed age, which a stated child age outweighs.
_DISPUTED = re.compile(r"\b(?:says?|said|claims?|claimed|assess\w*|thinks?|thought|reckons?|insists?|believes?|"
                       r"decided|disputed?|looks?|looked|pretend\w*|lied|lying|passes?\s+for)\b[^.!?]*$")
# Well-known fictional children: literature and television, not a living child's data. Full names only,
# and none that real children commonly share ("Heidi", "William Brown").
FICTIONAL = tuple(
    """oliver twist|tracy beaker|harry potter|hermione granger|ron weasley|tiny tim|artful dodger|jane eyre|
    matilda wormwood|charlie bucket|peter pan|wendy darling|adrian mole|bart simpson|lisa simpson|
    pollyanna|just william|anne shirley|huckleberry finn|tom sawyer|
    danny champion|james henry trotter|peppa pig|dennis the menace|mary lennox|
    colin craven|scout finch|holden caulfield|billy elliot|billy casper|stephen dedalus|david copperfield"""
    .replace("\n", " ").replace("    ", "").split("|")
)


# "A.K. (13)", "J.T., 15,": initials with an age read as one young person.
_INITIALS_BEFORE = re.compile(r"\b(?P<ini>[A-Z]\.\s?[A-Z]\.?)\s*(?:\(\s*(?:aged?\s*)?|,\s*(?:aged?\s+)?)$")
# "Lacey it's Nanny": a relative speaking to a child by name.
_VOCATIVE_TAIL = re.compile(
    r"it'?s\s+(?:your\s+)?(?:nanny|nana|nan|nanna|granny|gran|grandma|grandad|grandpa|mummy|mum|mam|daddy|dad|"
    r"auntie|aunty|uncle)\b"
)
_VOCATIVE_NAME = re.compile(
    r"(?:^|[.!?,]\s*)(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
    r"(?:,?\s+(?:if|when|in\s+case|i\s+know)\s+[^.!?]{0,40}?)?,?\s+$"
)
# "Cerys's IRO", "Ruby's taxi to school": only a child has these, so the owner is a child.
_OWNED_TAIL = re.compile(
    r"'s\s+(?:iro|ehcp|care\s+plan|pathway\s+plan|pep|placement|foster\s+(?:carers?|placement|home)|"
    r"social\s+worker|key\s?worker|school\s+(?:taxi|place|report|bag|uniform)|taxi|nursery|class\s+teacher|"
    r"form\s+tutor|teacher|senco|school|contact\s+(?:visits?|sessions?)|reception\s+class|nappy|cot|pram|buggy)\b"
    # An adult's training, staff or governors: "Rachel's teacher training", "Helen's school staff".
    r"(?!\s+(?:training|trainee|governors?|staff|colleagues?|reunion|days|years|friends))"
)
_OWNER_NAME = re.compile(r"\b(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)$")
# "Health visitor in Ebbw Vale.", "School nurse at Beath High here": a role and a place opening a sentence.
_ROLE_LEAD = re.compile(r"(?:^|[.!?\n]\s*)(?:[\w-]+\s+){0,2}$")
_ROLE_PLACE = re.compile(r"\w+\s+(?:in|at|for|on)\s+(?:the\s+)?[A-Z]")
_COUNTED_STARTS = tuple(f"{w} {n}" for w in ("my", "our") for n in "two three four five six 2 3 4 5 6".split())
# "young lad, about 15": a described child with an estimated age.
_ABOUT_NOUN = re.compile(r"\b(?:young\s+)?(?P<noun>lad|lass|boy|girl|kid|child|teenager)\s*,?\s+"
                         r"(?:about|around|aged|roughly|maybe)\s+$")
_INITIALS_DIGIT = re.compile(r"\.\s?(?:\(\s*(?:aged?\s*)?|,\s*(?:aged?\s+)?)\d")
_PRONOUN_STAGE_STARTS = tuple(f"{p}{v} in " for p in ("she", "he") for v in ("'s", "s", " is", " was"))
_PRONOUN_STAGE = re.compile(r"(?:she|he)(?:'s|s|\s+is|\s+was)\s+in\s+(?:year|yr|primary|[ps])\s?\d{1,2}\b")
_BARE_AGE = re.compile(r"[- ]?(?:year|yr)s?[- ]?old\s+(?P<noun>girl|boy|lad|lass|child|kid|teenager)\b")
_STAGE_NOUNS = (" girls", " boys", " pupils", " kids", " lads")
# "Three S2 girls", "two Year 9 boys": counted children of one school stage.
_STAGE_BEFORE = re.compile(r"\b(?:two|three|four|five|2|3|4|5)\s+(?:(?:year|yr)\s?\d{1,2}|[ps][1-7])$")


def _named(ex: Extractor, text: str, low: str, scan: Scan, s: int, e: int, why: str, gender: str = "") -> Ref:
    label = text[s:e]
    scan.findings.append(Finding(s, e, "child_name", label, "strong", True, why))
    ref = Ref(s, e, "strong", label, gender, is_name=True)
    scan.refs.append(ref)
    ex._tail_age(text, low, e, scan, ref)
    return ref


def more_refs(ex: Extractor, text: str, low: str, scan: Scan, an: Anchors) -> None:
    """References the main recognisers miss: forum shorthand, family names, initials, vocatives."""
    named = {(f.start, f.end) for f in scan.findings if f.kind == "child_name"} if scan.findings else set()
    m: re.Match[str] | None
    if "DS" in text or "DD" in text:
        forum = _FORUM_OTHER.search(text) is not None
        for m in _FORUM_KID.finditer(text):
            w = m.group("w")
            if _FORUM_NOT.search(low, max(0, m.start() - 12), m.start()):
                continue  # "the DS said": a detective sergeant; "a DD": a direct debit
            gender = _FORUM_GENDER[w[2] if len(w) > 2 and w[2] in "SD" else w[1]]
            ref = Ref(m.start(), m.end(), "strong", w, gender)
            before = len(scan.findings)
            ex._tail_age(text, low, m.end(), scan, ref)
            if forum or len(scan.findings) > before:
                scan.refs.append(ref)
    for f in _FAMILY_FAST.finditer(text):
        # "the" then a capital: a family name may follow ("the Malik sisters").
        p = f.start() - 1
        if p < 0 or text[p] not in "Tt" or not is_word_start(text, p):
            continue
        m = _FAMILY_GROUP.match(text, p)
        if m is None:
            continue
        name = m.group("name")
        key = name.lower()
        if (key in _NOT_FAMILY or key in P.STOP_NAMES or key in ex.gaz.places
                or (_GROUP_WORDS.search(key) is not None and key not in ex.gaz.first_names)):
            continue
        scan.findings.append(Finding(m.start("name"), m.end("name"), "child_name", name, "strong", True, "family"))
        # Not a name reference by itself: a family name alone ("the Beckham kids") needs a detail too.
        scan.refs.append(Ref(m.start(), m.end(), "strong", text[m.start() : m.end()]))
        ex._tail_age(text, low, m.end(), scan, scan.refs[-1])
    for v in _VOCATIVE_TAIL.finditer(low) if "it's" in low or "its " in low else ():
        p = v.start()
        m = _VOCATIVE_NAME.search(text, max(0, p - 70), p)
        if m is None:
            continue
        s, e = m.span("name")
        key = m.group("name").lower()
        if key in P.STOP_NAMES or (s, e) in named or not (ex.known(key) or key in ex.gaz.first_names):
            continue
        _named(ex, text, low, scan, s, e, "vocative")
    for o in _OWNED_TAIL.finditer(low) if "'s " in low else ():
        p = o.start()
        m = _OWNER_NAME.search(text, max(0, p - 25), p)
        if m is None:
            continue
        s, e = m.span("name")
        key = m.group("name").lower()
        if key in P.STOP_NAMES or (s, e) in named or key not in ex.gaz.first_names:
            continue
        _named(ex, text, low, scan, s, e, "owned")
    for p in an.words("possessive"):
        if not low.startswith(_COUNTED_STARTS, p):
            continue
        m = _COUNTED_OWN.match(low, p)
        if m is not None:
            scan.refs.append(Ref(m.start(), m.end(), "strong", text[m.start() : m.end()]))
    for p in an.words("pronoun_age"):
        # "she's in Year 9 at ...": a school year said of one child.
        if low.startswith(_PRONOUN_STAGE_STARTS, p):
            m = _PRONOUN_STAGE.match(low, p)
            if m is not None:
                scan.refs.append(Ref(m.start(), m.end(), "strong", text[m.start() : m.end()],
                                     "f" if low[p] == "s" else "m"))
        elif low.startswith(_ADULT_AGE_STARTS, p):
            # "she's 26 now": an adult, which no child word in the sentence overrides.
            m = _ADULT_AGE.match(low, p)
            if m is not None and _DISPUTED.search(low, max(0, p - 40), p) is None:
                scan.adult_children.append(p)
    for p in an.words("practitioner_role"):
        if _ROLE_PLACE.match(text, p) and _ROLE_LEAD.search(low, max(0, p - 25), p):
            scan.practitioner.append(p)
    for m in an.find("case_seen") if scan.practitioner else ():
        scan.refs.append(Ref(m.start(), m.end(), "weak", text[m.start() : m.end()]))
    if not an.digit_runs:
        return
    # Each remaining pattern has a one- or two-digit number; a literal-led scan finds the few candidates.
    for d in _INITIALS_DIGIT.finditer(text) if "." in text else ():
        ds = d.end() - 1
        m = _INITIALS_BEFORE.search(text, max(0, ds - 24), ds)
        if m is not None and (m.start("ini"), m.end("ini")) not in named:
            _named(ex, text, low, scan, m.start("ini"), m.end("ini"), "initials")
    for a in an.find("about_age"):
        ds, de = a.span("num")
        b = _ABOUT_NOUN.search(low, max(0, ds - 34), ds)
        if b is not None and int(low[ds:de]) < 18 and _age_ok(low, de):
            scan.refs.append(Ref(b.start(), de, "weak", text[b.start() : de], P.CHILD_SING.get(b.group("noun"), "")))
            scan.findings.append(Finding(ds, de, "age", low[ds:de], "weak", True, "ref_age"))
    for ds, de in an.digit_runs:
        if de - ds <= 2 and (ds == 0 or low[ds - 2 : ds] in (". ", "! ", "? ", "\n")) and _BARE_AGE.match(low, de):
            # "13 year old girl missing from ...": a sentence opening with a child and an age, no article.
            m = _BARE_AGE.match(low, de)
            if m is not None and int(low[ds:de]) < 18:
                scan.refs.append(Ref(ds, m.end(), "weak", text[ds : m.end()], P.CHILD_SING.get(m.group("noun"), "")))
                scan.findings.append(Finding(ds, de, "age", low[ds:de], "weak", True, "ref_age"))
        if de - ds <= 2 and low.startswith(_STAGE_NOUNS, de):
            m = _STAGE_BEFORE.search(low, max(0, ds - 24), de)
            if m is not None:
                end = low.find(" ", de + 1)
                end = len(low) if end == -1 else end
                scan.refs.append(Ref(m.start(), end, "strong", text[m.start() : end]))


def guards(low: str, scan: Scan, an: Anchors) -> None:
    """Drop references that mean any child, an adult, or a character in a book."""
    for word in _ADVICE_WORDS:
        at = low.find(word)
        while at != -1:
            lead = _ADVICE_LEAD.search(low, max(0, at - 30), at)
            m = _ADVICE.match(low, at) if lead is not None else None
            if m is not None:
                for r in scan.refs:
                    if lead.start() <= r.start < m.end() and not r.is_name:  # type: ignore[union-attr]
                        r.dropped = True
            at = low.find(word, at + 1)
    fictional = [f for f in scan.findings if f.kind == "child_name" and low.startswith(FICTIONAL, f.start)]
    if fictional:
        spans = {(f.start, f.end) for f in fictional}
        for r in scan.refs:
            if r.is_name and (r.start, r.end) in spans:
                r.dropped = True
        scan.findings = [f for f in scan.findings if f not in fictional]
