"""Text normalisation for the child-data detector that keeps a map back to original offsets."""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Characters people use to hide words from filters: zero-width joiners/spaces, bidi controls,
# soft hyphens, word joiners and the BOM. Dropped before matching.
_INVISIBLE = frozenset(
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200c\u200d\u200e\u200f"
    "\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069"
    "\u206a\u206b\u206c\u206d\u206e\u206f\u3164\ufeff\uffa0"
)

# Look-alike letters from other scripts that NFKC leaves alone (Cyrillic and Greek mostly).
_CONFUSABLES = {
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x", "у": "y", "і": "i", "ј": "j",
    "ѕ": "s", "ԁ": "d", "ɡ": "g", "һ": "h", "ӏ": "l", "ո": "n", "ԛ": "q", "ѡ": "w",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C",
    "Т": "T", "Х": "X", "У": "Y", "І": "I", "Ј": "J", "Ѕ": "S",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N",
    "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "ο": "o", "ν": "v", "ι": "i",
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u02bc": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2013": "-", "\u2014": "-", "\u2010": "-",
    "\u2011": "-", "\u2012": "-", "\u2212": "-", "\u00a0": " ", "\u2007": " ", "\u202f": " ",
}

_SPECIAL = re.compile(r"[^\x00-\x7f]|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


@dataclass(frozen=True, slots=True)
class Normalised:
    """Matching text plus, when it differs from the original, per-character original offsets."""

    text: str
    lower: str
    starts: list[int] | None  # starts[i]: original offset where normalised char i came from
    ends: list[int] | None  # ends[i]: original offset just after the source of char i

    def orig_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open normalised range back onto the original text."""
        if self.starts is None or self.ends is None:
            return start, end
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else (self.ends[-1] if self.ends else 0)
            return pos, pos
        return self.starts[start], self.ends[end - 1]


def _fold_char(ch: str) -> str:
    mapped = _CONFUSABLES.get(ch)
    if mapped is not None:
        return mapped
    if ch in _INVISIBLE:
        return ""
    cat = unicodedata.category(ch)
    if cat == "Cf":
        return ""
    folded = unicodedata.normalize("NFKC", ch)
    # Keep one-to-one lowercase lengths: a fold whose lowercase changes length would break the map.
    out = []
    for c in folded:
        c = _CONFUSABLES.get(c, c)
        if len(c.lower()) != 1:
            continue
        out.append(c)
    return "".join(out)


@lru_cache(maxsize=4096)
def _replacement(token: str) -> str:
    """What one special character or HTML entity becomes: a pure function of the token, cached
    because a disguised comment repeats the same few (fullwidth letters cost ~1.5 µs each)."""
    if token[0] == "&":
        decoded = html.unescape(token)
        return "".join(_fold_char(c) if ord(c) > 127 else c for c in decoded)
    return _fold_char(token)


def normalise(text: str) -> Normalised:
    """Fold fullwidth/look-alike letters, drop invisible characters and decode HTML entities."""
    # Plain ASCII without "&" (most comments) has nothing to fold; the check is much cheaper than the regex.
    if (text.isascii() and "&" not in text) or not _SPECIAL.search(text):
        return Normalised(text, text.lower(), None, None)
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for m in _SPECIAL.finditer(text):
        s, e = m.start(), m.end()
        if s > pos:
            parts.append(text[pos:s])
            starts.extend(range(pos, s))
            ends.extend(range(pos + 1, s + 1))
        rep = _replacement(m.group())
        if rep:
            parts.append(rep)
            starts.extend([s] * len(rep))
            ends.extend([e] * len(rep))
        pos = e
    if pos < len(text):
        parts.append(text[pos:])
        starts.extend(range(pos, len(text)))
        ends.extend(range(pos + 1, len(text) + 1))
    norm = "".join(parts)
    lower = norm.lower()
    if len(lower) != len(norm):  # defensive: never let offsets drift
        lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in norm)
    return Normalised(norm, lower, starts, ends)
