"""Detector of personal data about children: spans, kinds, a score and a moderator's explanation."""

from __future__ import annotations

import threading
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from operator import attrgetter

from moderation import child_items as items
from moderation import child_patterns as P
from moderation.child_anchors import Anchors
from moderation.child_explain import Finding, Subject, explain
from moderation.child_extract import Extractor, Ref, Scan, Tok
from moderation.child_gazetteers import load_gazetteers
from moderation.child_general import events, general_refs, lower_places, more_names
from moderation.child_more import guards, more_refs
from moderation.child_normalize import Normalised, normalise
from moderation.learned import LinearTextModel
from moderation.learned import load as load_learned
from moderation.types import CHILD_DATA_KINDS, ChildDataResult, Span

__all__ = ["ChildDataDetector", "detect", "detect_batch", "HOLD_THRESHOLD"]

HOLD_THRESHOLD = 0.5
# Texts up to this many sentences are judged as one unit; longer ones in sliding windows so that
# a child mentioned on page 1 is not linked to a diagnosis on page 40.
_WHOLE_TEXT_SENTENCES = 6
_WINDOW = 3
_IDENTIFIERS = frozenset({"date_of_birth", "address", "contact", "case_reference"})
_SENSITIVE = frozenset({"care_status", "health_or_sen", "abuse_or_exploitation"})
_KINDS = frozenset(CHILD_DATA_KINDS)
_MODEL_CHARS = 5000


class _Sentences:
    """Sentence index of any offset, by binary search over sentence starts."""

    def __init__(self, low: str) -> None:
        self.starts = [0] + [m.end() for m in P.SENTENCE_BREAK.finditer(low)]
        self.count = len(self.starts)

    def of(self, pos: int) -> int:
        return bisect_right(self.starts, pos) - 1


# Span is a frozen dataclass: its __init__ sets each field through object.__setattr__. Setting the
# slots directly builds the same object in about half the time, which shows with ~10 spans a text.
_SPAN_FIELD_NAMES = ("start", "end", "kind", "text")
if getattr(Span, "__slots__", None) != _SPAN_FIELD_NAMES or hasattr(Span, "__post_init__"):
    raise TypeError("Span's fields or construction changed: update _span")
_SPAN_FIELDS = tuple(vars(Span)[name].__set__ for name in _SPAN_FIELD_NAMES)


def _span(start: int, end: int, kind: str, text: str) -> Span:
    """Span(start, end, kind, text), built without the frozen dataclass's __init__."""
    span = object.__new__(Span)
    set_start, set_end, set_kind, set_text = _SPAN_FIELDS
    set_start(span, start)
    set_end(span, end)
    set_kind(span, kind)
    set_text(span, text)
    return span


_START = attrgetter("start")
_END = attrgetter("end")


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """Drop a finding contained in another of the same kind (keep the longer, earlier one)."""
    # By start, then longest first; two stable sorts on C getters beat one on a Python key function.
    findings.sort(key=_END, reverse=True)
    findings.sort(key=_START)
    out: list[Finding] = []
    last_end: dict[str, int] = {}
    for f in findings:
        if f.end <= last_end.get(f.kind, -1):
            if f.attached or f.sub:
                for g in reversed(out):
                    if g.kind == f.kind and g.start <= f.start and g.end >= f.end:
                        g.attached = g.attached or f.attached
                        g.sub = g.sub or f.sub
                        if f.sub == "ref_age":
                            g.sub = "ref_age"
                        break
            continue
        out.append(f)
        last_end[f.kind] = f.end  # larger than the kind's previous end, or it was skipped above
    return out


class ChildDataDetector:
    """Finds personal data about specific children. Gazetteers load once, on construction."""

    def __init__(self, *, learned: bool = True, model: LinearTextModel | None = None) -> None:
        self._gaz = load_gazetteers()
        self._ex = Extractor(self._gaz)
        # The learned model (moderation.learned; `model` replaces the shipped one) only adds to
        # the rules: it is asked about texts the rules did not hold, and can lift their score,
        # never lower it.
        self._model = (model or load_learned("child_data")) if learned else None

    def detect_batch(self, texts: Sequence[str]) -> list[ChildDataResult]:
        return [self.detect(t) for t in texts]

    def detect(self, text: str) -> ChildDataResult:
        if not text or not text.strip():
            return ChildDataResult(0.0)
        norm = normalise(text)
        scan = self._scan(norm)
        result = self._judge(text, norm, scan)
        if self._model is not None and result.score < HOLD_THRESHOLD:
            result = self._second_opinion(text, result)
        return result

    def _second_opinion(self, text: str, result: ChildDataResult) -> ChildDataResult:
        model = self._model
        assert model is not None
        # Long texts are cut for the model as for any classifier; the rules scanned all of it.
        p = model.probability(text[:_MODEL_CHARS])
        score = model.calibrated(p)
        if score <= result.score:
            return result
        if score < HOLD_THRESHOLD:
            return ChildDataResult(round(score, 4), result.spans, result.explanation)
        why = (f"the wording reads like personal details of a specific child to a text model trained "
               f"on labelled comments (probability {p:.2f}), though no rule recognised a complete "
               "identifying detail: check for a child's name, school, place, case or health before "
               "publishing")
        found = result.explanation.rstrip(".")
        explanation = f"{found}; {why}." if found else why[0].upper() + why[1:] + "."
        return ChildDataResult(round(score, 4), result.spans, explanation)

    # -- scanning -------------------------------------------------------------------------------
    def _scan(self, norm: Normalised) -> tuple[Scan, _Sentences]:
        text, low = norm.text, norm.lower
        scan = Scan()
        toks = self._ex.tokens(text)
        sents = _Sentences(low)
        an = Anchors(low)
        slots = self._ex.refs(text, low, scan, an)
        general_refs(self._ex, text, low, scan, an)
        used = self._ex.names(text, low, toks, scan, slots, an)
        more_names(self._ex, text, low, toks, used, scan, an)
        more_refs(self._ex, text, low, scan, an)
        items.ages_and_dates(text, low, scan, an)
        items.schools(text, low, scan, an)
        # Sentences that are plainly about a child make a bare known given name a child's name.
        # Sentence indices by bisect inline: a method call per offset costs more than the search.
        bounds = sents.starts
        child_sents = {bisect_right(bounds, r.start) - 1 for r in scan.refs if not r.dropped}
        for f in scan.findings:
            if f.kind == "age" or (f.kind == "school" and f.weight == "strong"):
                child_sents.add(bisect_right(bounds, f.start) - 1)
        if child_sents:
            taken = used | self._covered(toks, scan)
            self._ex.context_names(text, low, toks, taken, child_sents, sents.of, scan)
            used |= taken
        guards(low, scan, an)
        if not any(not r.dropped for r in scan.refs) and not (
            an.digit_runs and items.court_case_numbers(text, an)
        ):
            # Nothing points at a particular child: the rest cannot lift the score (most comments).
            scan.findings = []
            return scan, sents
        items.addresses(text, low, scan, an)
        items.contacts(text, low, scan, an)
        items.cases_and_terms(self._ex, text, low, scan, an)
        items.places(self._ex, text, low, toks, used | self._covered(toks, scan), scan)
        lower_places(self._ex, text, low, scan)
        events(text, scan, an)
        scan.findings = _dedupe(scan.findings)
        return scan, sents

    @staticmethod
    def _covered(toks: list[Tok], scan: Scan) -> set[int]:
        """Token indices inside names or school names, which must not be read as towns."""
        spans = [(f.start, f.end) for f in scan.findings if f.kind in ("child_name", "school", "address")]
        out: set[int] = set()
        if not spans:
            return out
        starts = [t[0] for t in toks]
        n = len(toks)
        for a, b in spans:
            # Tokens are sorted and disjoint: those inside [a, b) form one run from the first at or after a.
            i = bisect_left(starts, a)
            while i < n and toks[i][1] <= b:
                out.add(i)
                i += 1
        return out

    # -- judging --------------------------------------------------------------------------------
    def _judge(self, original: str, norm: Normalised, scan_s: tuple[Scan, _Sentences]) -> ChildDataResult:
        scan, sents = scan_s
        n = sents.count
        ref_by_sent: dict[int, list[Ref]] = {}
        self._drop_adult_refs(scan, sents)
        starts = sents.starts
        for r in scan.refs:
            if not r.dropped:
                ref_by_sent.setdefault(bisect_right(starts, r.start) - 1, []).append(r)
        find_by_sent: dict[int, list[Finding]] = {}
        for f in scan.findings:
            find_by_sent.setdefault(bisect_right(starts, f.start) - 1, []).append(f)
        generic = {bisect_right(starts, p) - 1 for p in scan.generic}
        pron_gender: dict[int, str] = {}  # sentence -> gender of its first pronoun
        for p, g in scan.pronouns:
            s = bisect_right(starts, p) - 1
            if s not in pron_gender:
                pron_gender[s] = g
        pron = set(pron_gender)
        adult = {bisect_right(starts, p) - 1 for p in scan.adult_self}
        practice = {bisect_right(starts, p) - 1 for p in scan.practitioner}
        if n <= _WHOLE_TEXT_SENTENCES:
            windows = [range(0, n)]
        else:
            hot = sorted(set(ref_by_sent) | ({sents.of(f.start) for f in scan.findings if f.sub == "family_court"}))
            windows = []
            for s in hot:
                windows.append(range(max(0, s - _WINDOW + 1), min(n, s + _WINDOW)))
        best: tuple[float, list[Finding], Subject] = (0.0, [], Subject())
        chosen: list[Finding] = []
        for w in windows:
            score, linked, subject = self._score_window(
                w, ref_by_sent, find_by_sent, generic, pron, adult, practice, scan
            )
            if not subject.gender and not subject.is_self:
                for s in w:
                    if s in pron_gender:
                        subject.gender = pron_gender[s]
                        break
            if score >= HOLD_THRESHOLD:
                chosen.extend(linked)
            if score > best[0]:
                best = (score, linked, subject)
        score, linked, subject = best
        if score < HOLD_THRESHOLD:
            if not windows and scan.findings:
                score = 0.05
            return ChildDataResult(round(score, 4))
        if len(windows) == 1:
            # The chosen findings are the linked ones, an ordered part of the scan's findings, which
            # were deduplicated at the end of _scan: deduplicating a part of them changes nothing.
            kept = linked
            spans = self._spans(original, norm, kept)
        else:
            spans = self._spans(original, norm, _dedupe(list(chosen)))
            kept = _dedupe(list(linked))
        return ChildDataResult(round(min(score, 1.0), 4), spans, explain(subject, kept))

    @staticmethod
    def _drop_adult_refs(scan: Scan, sents: _Sentences) -> None:
        if scan.deceased:
            # A child who has died (an inquest, a published review) is not a living child's data.
            dead = {sents.of(p) for p in scan.deceased}
            for r in scan.refs:
                if not r.is_self and sents.of(r.start) in dead:
                    r.dropped = True
        if scan.statistics:
            # "A 15-year-old in care is four times more likely ...": a comparison, not a child.
            stats = {sents.of(p) for p in scan.statistics}
            for r in scan.refs:
                if r.strength == "weak" and not r.is_name and sents.of(r.start) in stats:
                    r.dropped = True
        if scan.practitioner:
            # "our kids" from a professional or an adult describing themselves is a generic group.
            roles = {sents.of(p) for p in scan.practitioner} | {sents.of(p) for p in scan.adult_self}
            for r in scan.refs:
                if r.plural and r.strength == "weak" and sents.of(r.start) in roles:
                    r.dropped = True
        if not scan.adult_self and not scan.adult_children:
            return
        adult_self = {sents.of(p) for p in scan.adult_self}
        adult_kids = {sents.of(p) for p in scan.adult_children}
        for r in scan.refs:
            s = sents.of(r.start)
            if r.is_self and (s - 1 in adult_self or s in adult_self or s + 1 in adult_self):
                r.dropped = True
            elif not r.is_name and not r.is_self and s in adult_kids:
                r.dropped = True

    def _score_window(
        self,
        window: range,
        ref_by_sent: dict[int, list[Ref]],
        find_by_sent: dict[int, list[Finding]],
        generic: set[int],
        pron: set[int],
        adult: set[int],
        practice: set[int],
        scan: Scan,
    ) -> tuple[float, list[Finding], Subject]:
        refs: list[Ref] = []
        for s in window:
            here = ref_by_sent.get(s)
            if here is not None:
                refs.extend(here)
        strong = has_self = named = single = False
        for r in refs:
            if not r.plural:
                single = True
            if r.strength == "strong":
                strong = True
            if r.is_self:
                has_self = True
            if r.is_name:
                named = True
        # A practitioner describing "a 14 year old lad" on their caseload means one real child.
        by_practitioner = single and not practice.isdisjoint(window)
        if by_practitioner:
            strong = True
        lo, hi = window.start, window.stop
        linked: list[Finding] = []
        for s in window:
            found = find_by_sent.get(s)
            if found is None:
                continue
            # Details in a sentence with a reference are linked; elsewhere only attached ones, unless
            # a pronoun, the author as the child, or a strong reference next door ties them in.
            if s in ref_by_sent or (
                refs
                and s not in generic
                and s not in adult
                and (
                    s in pron
                    or has_self
                    or (strong and ((s > lo and s - 1 in ref_by_sent) or (s + 1 < hi and s + 1 in ref_by_sent)))
                )
            ):
                linked.extend(found)
            else:
                linked.extend(f for f in found if f.attached)
        kinds_strong: set[str] = set()
        weak_kinds: set[str] = set()
        broad = event = single_out = False
        for f in linked:
            weight = f.weight
            if f.kind == "event":
                event = True
                continue
            if weight == "strong" or weight == "sensitive":
                if f.kind != "child_name":
                    kinds_strong.add(f.kind)
            elif weight == "weak":
                if f.sub != "ref_age" or strong:
                    weak_kinds.add(f.kind + "/" + f.sub if f.kind == "school" else f.kind)
            elif weight == "broad":
                broad = True
            if f.sub == "single_out":
                single_out = True
        family_court = scan.family_court_number and any(
            f.sub == "family_court" for s in window for f in find_by_sent.get(s, ())
        )
        n_strong = len(kinds_strong)
        # "The only ... at the village school": a generic institution singles the child out too.
        if event and by_practitioner and not named:
            weak_kinds.add("event")  # a practitioner's "last week" pins the case down
        n_weak = len(weak_kinds) + ((1 if single_out else 0.5) if broad else 0)
        if named:
            score = 0.72 + 0.07 * n_strong + 0.03 * n_weak
        elif strong:
            if n_strong:
                score = 0.66 + 0.08 * n_strong + 0.03 * n_weak
            elif n_weak >= 2:
                score = 0.5 + 0.05 * (n_weak - 1)
            else:
                score = 0.15 + 0.15 * n_weak
        elif refs:
            # "a 14-year-old" or "our kids" may be anyone: it takes a detail that pins the child down.
            # A particular occasion ("on our ward on Sunday night") makes "a 15-year-old" one child.
            identifying = len(kinds_strong - _SENSITIVE) + len(weak_kinds) + event
            sensitive = len(kinds_strong & _SENSITIVE)
            pinned = bool(kinds_strong & {"address", "date_of_birth", "contact"})
            if (identifying and sensitive) or pinned or len(kinds_strong - _SENSITIVE) >= 2 or identifying >= 3:
                score = 0.58 + 0.06 * (identifying + sensitive - 2)
            else:
                score = 0.1 + 0.1 * (n_strong + n_weak)
        else:
            score = 0.05 if find_by_sent else 0.0
        if family_court:
            score = max(score, 0.62)
            if not linked:
                linked = [f for s in window for f in find_by_sent.get(s, ()) if f.sub == "family_court"]
        subject = Subject()
        for r in refs:
            if r.is_name:
                subject.names.append(r.label)
            elif r.is_self:
                subject.is_self = True
            elif not subject.ref_label:
                subject.ref_label = r.label
            if r.gender and not subject.gender:
                subject.gender = r.gender
        if subject.names:
            subject.is_self = False
        return min(score, 0.99), linked, subject

    @staticmethod
    def _spans(original: str, norm: Normalised, kept: list[Finding]) -> tuple[Span, ...]:
        """Spans of deduplicated findings, mapped back onto the original text."""
        keys: set[tuple[int, int, str]] = set()
        mapped = norm.starts is not None
        for f in kept:
            if f.kind not in _KINDS:
                continue
            s, e = norm.orig_span(f.start, f.end) if mapped else (f.start, f.end)
            while s < e and original[s].isspace():
                s += 1
            while e > s and original[e - 1].isspace():
                e -= 1
            if e <= s:
                continue
            keys.add((s, e, f.kind))
        # A span is fixed by (start, end, kind), so build one per key, in (start, end, kind) order.
        return tuple([_span(s, e, k, original[s:e]) for s, e, k in sorted(keys)])


_default: ChildDataDetector | None = None
_lock = threading.Lock()


def _detector() -> ChildDataDetector:
    global _default
    if _default is None:
        with _lock:
            if _default is None:
                _default = ChildDataDetector()
    return _default


def detect(text: str) -> ChildDataResult:
    """Detect child data with a process-wide detector (built on first use)."""
    return _detector().detect(text)


def detect_batch(texts: Sequence[str]) -> list[ChildDataResult]:
    """Batch form of :func:`detect`."""
    return _detector().detect_batch(texts)
