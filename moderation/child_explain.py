"""Plain-English explanations of child-data findings, for moderators."""

from __future__ import annotations

from dataclasses import dataclass, field

from moderation.child_gates import contains_any

YOUTH_JUSTICE = (
    "youth court", "youth offending", "yot", "referral order", "youth custody", "arrested",
    "charged", "remand", "young offender", "cautioned", "custody", "detained",
)
FAMILY_COURT = (
    "care order", "care proceedings", "family court", "placement order", "supervision order",
    "section 31", "s31", "interim care order", "emergency protection order", "cafcass",
    "special guardianship", "adoption", "adopted", "removed at birth", "guardian", "care case",
    "child arrangements",
)


@dataclass(slots=True)
class Finding:
    """One detected piece of child data, in normalised-text coordinates."""

    start: int
    end: int
    kind: str
    label: str
    weight: str  # strong | sensitive | weak | broad
    attached: bool = False
    sub: str = ""  # finer type: placement, hearing, year_group, family_court, ...


@dataclass(slots=True)
class Subject:
    """Who the findings are about, for the first words of the explanation."""

    names: list[str] = field(default_factory=list)
    ref_label: str = ""
    is_self: bool = False
    gender: str = ""


_DETAIL_ORDER = (
    ("age", "age"),
    ("date_of_birth", "date of birth"),
    ("school", "school"),
    ("address", "address"),
    ("location", "location"),
    ("contact", "contact details"),
    ("case_reference", "case reference"),
    ("single_out", "a detail that singles them out"),
)
_SENSITIVE_ORDER = (
    ("care_status", "care or court status"),
    ("health_or_sen", "health or special needs"),
    ("abuse_or_exploitation", "abuse or exploitation"),
)


_POSSESSIVE = {"m": "his", "f": "her"}


def _quote(labels: list[str]) -> str:
    seen: list[str] = []
    for label in labels:
        if label not in seen:
            seen.append(label)
    return ", ".join(seen[:3])


def explain(subject: Subject, findings: list[Finding]) -> str:
    """One sentence: who, which details, which sensitive context, and why it matters."""
    by_kind: dict[str, list[str]] = {}
    education: list[str] = []
    placements: list[str] = []
    named_schools: list[str] = []
    legal: list[str] = []  # care and case wording, for the legal reason at the end
    for f in findings:
        kind = f.kind
        if kind == "child_name":
            continue
        if kind == "school":
            if f.sub == "education":
                education.append(f.label)
                continue
            if f.sub == "placement":
                placements.append(f.label)
                continue
            if f.sub == "named":
                named_schools.append(f.label)
        elif kind == "care_status" or kind == "case_reference":
            legal.append(f.label.lower())
        by_kind.setdefault(kind, []).append(f.label)
    pron = _POSSESSIVE.get(subject.gender, "their")
    if subject.names:
        noun = "a child" if len(set(subject.names)) == 1 else "children"
        head = f"names {noun} ({_quote(subject.names)})"
    elif subject.is_self:
        head = "is a child writing about themselves"
        pron = "their"
    elif subject.ref_label:
        head = f"refers to a specific child ({subject.ref_label})"
    else:
        head = "gives details that may identify a child"
    if named_schools:
        by_kind["school"] = named_schools
    details: list[str] = []
    for kind, word in _DETAIL_ORDER:
        if kind in by_kind:
            details.append(f"{word} ({_quote(by_kind[kind])})")
        if kind == "school" and placements:
            details.append(f"placement ({_quote(placements)})")
    if details:
        first = f"{pron} {details[0]}"
        rest = details[1:]
        joined = first if not rest else ", ".join([first, *rest[:-1]]) + f" and {rest[-1]}"
        head += f" with {joined}"
    contexts = [f"{word} ({_quote(by_kind[k])})" for k, word in _SENSITIVE_ORDER if k in by_kind]
    if education:
        contexts.append(f"education status ({_quote(education)})")
    if contexts:
        head += " in the context of " + " and ".join(contexts)
    terms = " ".join(legal)
    if terms and contains_any(terms, YOUTH_JUSTICE):
        why = "children in youth justice cases have automatic reporting restrictions"
    elif "case_reference" in by_kind or (terms and contains_any(terms, FAMILY_COURT)):
        why = "identifying a child in Children Act proceedings may be an offence"
    elif "abuse_or_exploitation" in by_kind:
        why = "identifying a child victim of abuse or exploitation can put them at risk"
    elif "care_status" in by_kind or "health_or_sen" in by_kind:
        why = "this is sensitive personal information about a child"
    else:
        why = "together these details could let readers identify the child"
    return f"{head}; {why}"
