"""Text normalisation that undoes the tricks people use to hide abuse from word filters."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache

from moderation.tox_lexicon import INSULT_ADJS, INSULT_NOUNS, SLURS, alt

# Characters that render as nothing (or reorder what is shown) and are used to split words
# so that a filter misses them: zero-width, joiners, bidi overrides/isolates, soft hyphen,
# variation selectors, word joiner and the invisible operators.
_INVISIBLE = frozenset(
    [0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180E, 0x3164, 0xFEFF, 0xFFA0]
    + list(range(0x200B, 0x2010))
    + list(range(0x202A, 0x202F))
    + list(range(0x2060, 0x2070))
    + list(range(0xFE00, 0xFE10))
    + list(range(0xE0000, 0xE0080))
)
# Combining marks that attach to Latin/Greek/Cyrillic letters ("zalgo" text, f\u0301uck).
# Other scripts' marks are kept: they are part of their spelling.
_COMBINING_RANGES = ((0x0300, 0x0370), (0x1AB0, 0x1B00), (0x1DC0, 0x1E00), (0x20D0, 0x2100),
                     (0xFE20, 0xFE30))

# Cyrillic and Greek letters that look like Latin ones.  Applied only when a text is mostly
# Latin, so Russian or Greek comments keep their own letters.
_CONFUSABLES = {
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "i", "ј": "j", "һ": "h",
    "ԁ": "d", "ԛ": "q", "ԝ": "w", "ɡ": "g", "ı": "i", "ʏ": "y", "ɪ": "i", "ᴜ": "u",
    "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p",
    "τ": "t", "υ": "u", "χ": "x", "ϲ": "c", "ω": "w", "μ": "u", "ƒ": "f", "ȼ": "c", "ɑ": "a",
    "ʋ": "u", "ɩ": "i", "ł": "l", "ø": "o", "đ": "d", "ħ": "h", "¢": "c", "©": "c", "®": "r",
    "¥": "y",
}
# Gestures that say a word: the raised middle finger is "fuck" aimed at whoever follows.
_EMOJI_WORDS = {"\U0001f595": " fuck "}
_LATIN_RE = re.compile(r"[a-zA-Z]")
# Letters outside ASCII, found by the regex engine rather than a Python loop over every letter.
_NON_ASCII_LETTER_RE = re.compile(r"[^\W\d_\x00-\x7f]")


def _squared_letter(cp: int) -> str | None:
    # Enclosed/squared/negative letters and regional indicators do not decompose under NFKC.
    for base in (0x1F130, 0x1F150, 0x1F170, 0x1F1E6):
        if base <= cp < base + 26:
            return chr(ord("a") + cp - base)
    return None


@lru_cache(maxsize=8192)
def _fold_char(ch: str, confusables: bool) -> str:
    cp = ord(ch)
    if ch in _EMOJI_WORDS:
        return _EMOJI_WORDS[ch]
    if cp in _INVISIBLE:
        return ""
    for lo, hi in _COMBINING_RANGES:
        if lo <= cp < hi:
            return ""
    sq = _squared_letter(cp)
    if sq is not None:
        return sq
    name = unicodedata.name(ch, "")
    if name.startswith("LATIN LETTER SMALL CAPITAL ") and len(name) == 28:
        return name[-1].lower()  # ʏᴏᴜ ᴀʀᴇ -> you are
    if confusables:
        low = ch.lower()
        if low in _CONFUSABLES:
            return _CONFUSABLES[low]
    out = unicodedata.normalize("NFKC", ch)
    decomposed = unicodedata.normalize("NFKD", out)
    # Strip accents from Latin letters only ("fück" -> "fuck"; "ü" alone is harmless either way).
    if decomposed and decomposed[0].isascii() and decomposed[0].isalpha():
        out = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    if confusables and any(c.lower() in _CONFUSABLES for c in out):
        out = "".join(_CONFUSABLES.get(c.lower(), c) for c in out)
    return out


# --- word lists the de-obfuscation steps aim at (kept small and explicit) ------------------
# Target words for masked/leet tokens, in priority order when a mask is ambiguous (s**t).
TARGET_WORDS: tuple[str, ...] = (
    "fuck", "fucking", "fucked", "fucker", "fuckers", "fucks", "fuckin", "fuckwit", "shit",
    "shite", "shits", "shitty", "bullshit", "cunt", "cunts", "twat", "twats", "bitch", "bitches",
    "whore", "whores", "slut", "sluts", "slag", "slags", "bastard", "bastards", "wanker",
    "wankers", "dick", "dickhead", "prick", "pricks", "cock", "arse", "arsehole", "ass",
    "asshole", "piss", "pissed", "bollocks", "tosser", "tossers", "idiot", "idiots", "moron",
    "morons", "stupid", "retard", "retarded", "retards", "faggot", "fag", "nigger", "nigga",
    "paki", "pakis", "spastic", "kys", "kill", "die", "rape", "scum", "loser", "bellend",
    "knobhead", "nonce", "motherfucker", "pussy", "crap", "damn", "hell", "tits", "skank",
    "shut", "up", "you", "yourself", "cow", "pig", "liar", "troll", "dyke", "tranny", "coon",
    "wog", "gyppo", "pikey", "chink", "kike", "yid", "poof", "mong", "spaz", "hoe", "hoes",
    "sucker", "fool", "muppet", "clown", "imbecile", "cretin", "ugly", "fat", "dumb", "thick",
    "stfu", "gtfo", "wanker", "twat", "prat", "foad", "paedo", "pedo", "paedos", "nonces",
)
_TARGET_SET = frozenset(TARGET_WORDS) | {"are", "a", "an", "off", "u", "ur", "r", "is", "go",
                                          "die", "fat", "sad", "old", "get", "lost"}
# Words a run of spelled-out letters may be split back into ("youarethicktwat" -> "you are
# thick twat"); a run is re-split only when one of the abusive words turns up in it.
_ABUSIVE = (_TARGET_SET - {"are", "a", "an", "off", "u", "ur", "r", "is", "go", "get", "lost",
                           "up", "you", "yourself", "old", "sad"}) | frozenset(
    w for w in (*INSULT_NOUNS, *INSULT_ADJS, *SLURS) if w.isalpha() and len(w) > 2)
_FUNCTION = frozenset(
    "you your youre yourself are a an the is was what of off up go and such total absolute "
    "utter complete little this that she he they i im so just get lost r u ur me my kill die "
    "apologist apologists defender defenders lover lovers loving fucking bloody right proper "
    "real big fat old sad piece shut".split())
_VOCAB = _ABUSIVE | _FUNCTION
_MAX_PIECE = max(len(w) for w in _VOCAB)


@lru_cache(maxsize=1024)
def _segment(word: str) -> str:
    """`word` split into the fewest vocabulary words, or itself when it cannot be split.

    The caller keeps the split only if an abusive word turns up somewhere in the run.
    """
    n = len(word)
    if n > 60:
        return word
    best: list[tuple[int, int] | None] = [None] * (n + 1)  # (pieces, previous cut)
    best[0] = (0, 0)
    for end in range(1, n + 1):
        for start in range(max(0, end - _MAX_PIECE), end):
            prev = best[start]
            if prev is not None and word[start:end] in _VOCAB:
                cand = (prev[0] + 1, start)
                if best[end] is None or cand[0] < best[end][0]:  # type: ignore[index]
                    best[end] = cand
    if best[n] is None:
        return word
    pieces = []
    end = n
    while end > 0:
        start = best[end][1]  # type: ignore[index]
        pieces.append(word[start:end])
        end = start
    pieces.reverse()
    return " ".join(pieces)


# Misspellings used to slip past word lists, mapped to the word they stand for.
VARIANTS = {
    "fvck": "fuck", "fck": "fuck", "fcuk": "fuck", "phuck": "fuck", "phuk": "fuck", "fuk": "fuck",
    "fukk": "fuck", "fook": "fuck", "fuq": "fuck", "fcking": "fucking", "fkn": "fucking",
    "fking": "fucking", "fukin": "fucking", "fukkin": "fucking", "fookin": "fucking",
    "fvcking": "fucking", "phucking": "fucking", "sht": "shit", "shyt": "shit", "shiet": "shit",
    "kunt": "cunt", "cnut": "cunt", "biatch": "bitch", "biotch": "bitch", "bytch": "bitch",
    "beeyotch": "bitch", "azz": "ass", "arsse": "arse", "wankr": "wanker", "twot": "twat",
    "idoit": "idiot", "idot": "idiot", "retad": "retard", "tard": "retard", "libtard": "retard",
    "stoopid": "stupid", "stupit": "stupid", "moran": "moron", "k*s": "kys",
}
_VARIANT_RX = re.compile(r"\b" + alt(VARIANTS) + r"\b")
_VARIANT_WORDS = frozenset(k for k in VARIANTS if k.isalpha())
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b",
                       "@": "a", "$": "s", "!": "i", "|": "i", "€": "e", "9": "g", "+": "t",
                       "¡": "i"})
# Numbers with units, ordinals and decimals are not leet ("1st", "10am", "3.5bn", "80s").
_NUMERIC = re.compile(r"\d+(?:st|nd|rd|th|am|pm|s|k|m|bn|yo|yr|yrs|mph|kg|km|cm|mm|ml|p|x|h|hr|hrs)?\Z"
                      r"|.*\d[.,:/]\d|\d+[-/]?[a-z]+\Z|[a-z]*[-/]?\d+s?\Z")
# Whitespace-delimited tokens holding a digit or symbol: candidates for leet or masking
# ("sh1t", "f***", "b!tch"); the callback leaves everything else as it was.
_OBFUSCATED_TOKEN = re.compile(r"(?<!\S)[^\s0-9*#@$!|%~^+€¡_.\-]*[0-9*#@$!|%~^+€¡_.\-]\S*")
# Cheap test whether a text can hold such a token at all: a symbol touching a letter, or a
# short word split by one dot or hyphen ("f.uck", "sh-it").
_ANY_SYMBOL = re.compile(r"[0-9*#@$!|%~^+€¡_]")
# It is only ever asked whether it matches: a letter then a symbol, a symbol then a letter,
# or a lone digit run on into letters that are not a unit ("2nd", "10am"). Each branch starts
# at the symbol or digit, looking back at the letter, so the regex engine skips straight to
# the (rare) symbols instead of trying every letter.
_MAYBE_OBFUSCATED = re.compile(
    r"[0-9*#@$!|%~^+€¡_](?:(?<=[a-z][0-9*#@$!|%~^+€¡_])|(?<=[*#@$!|%~^+€¡_])(?=[a-z])"
    r"|(?<=[0-9])(?<![0-9][0-9])"
    r"(?!(?:st|nd|rd|th|am|pm|s|k|m|bn|yo|yr|yrs|mph|kg|km|cm|mm|ml|p|x|h|hr|hrs|ish)\b)[a-z])")
_WORD = re.compile(r"[a-z]+")
_TOKEN_EDGE = "\"'()[]{}<>,;:?“”‘’"
# Three or more single letters split by spaces/dots/hyphens ("f u c k", "w-h-o-r-e", "s.h.i.t",
# "a s . l . a . g"); a run is kept as written unless it spells words we look for.
_SPACED_LETTERS = re.compile(r"(?<![\w'])[a-z](?:[ .\-_*·•/|]{1,4}[a-z]){2,}(?![\w'])")
_WIDE_GAP = re.compile(r"\s{2,}|\s*[/|]\s*")
_GAP = re.compile(r"[ .\-_*·•/|]+")
# A letter run of three or more ("fuuuuck", "stuuupid", "idiooot"); English never has one.
_REPEATS = re.compile(r"[a-z]*([a-z])\1{2,}[a-z]*")
_RUN = re.compile(r"([a-z])\1{2,}")
_HAS_RUN = re.compile(r"([a-z])\1\1")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});?")


def _join_spaced(m: re.Match[str]) -> str:
    # Two or more spaces (or a slash) between letters mark a word break: "s h u t  u p".
    # Join only when that spells a word we look for, so "u r a" and "A B C" stay as written.
    words = _WIDE_GAP.split(m.group())
    if _PUNCT_GAP.search(m.group()) and _SPACE_GAP.search(m.group()):
        # Dotted letters with plain spaces between them: the spaces are the word breaks
        # ("s.h.u.t u.p"); loose single letters either side are joined into one chunk.
        words = _merge_single(p for w in words for p in _SPACE_GAP.split(w))
    joined = [_split_edges(_GAP.sub("", w)) for w in words if w.strip(" .-_*·•")]
    joined = [j if " " in j or j in _VOCAB else _segment(j) for j in joined]
    if not any(part in _TARGET_SET or part in _ABUSIVE or (len(part) > 3 and part in _FUNCTION)
               for j in joined for part in j.split()):
        return m.group()
    return " ".join(joined)


_PUNCT_GAP = re.compile(r"[a-z]\s?[.\-_*·•]\s?[a-z]")
_SPACE_GAP = re.compile(r"(?<=[a-z]) (?=[a-z])")


def _merge_single(pieces: Iterable[str]) -> list[str]:
    """Consecutive one-letter pieces joined into one ("y o u" -> "you"); others kept."""
    out: list[str] = []
    single = False
    for p in pieces:
        if len(p) == 1 and single:
            out[-1] += p
        else:
            out.append(p)
        single = len(p) == 1
    return out


def _split_edges(word: str) -> str:
    # Single-letter words run into a spelled-out one: "a f u c k i n g", "f u c k u".
    if word in _TARGET_SET or len(word) < 4:
        return word
    head = word[0] in "aiu" and word[1:] in _TARGET_SET
    tail = word[-1] in "aiu" and word[:-1] in _TARGET_SET
    if head:
        return word[0] + " " + word[1:]
    if tail:
        return word[:-1] + " " + word[-1]
    if word[0] in "aiu" and word[-1] in "aiu" and word[1:-1] in _TARGET_SET:
        return f"{word[0]} {word[1:-1]} {word[-1]}"
    return word


@lru_cache(maxsize=4096)
def _deobfuscate_token(tok: str) -> str:
    core = tok
    if _NUMERIC.match(core):
        return tok
    # Internal punctuation splitting a known word: "f.uck", "sh-it", "b_i_t_c_h".
    squeezed = re.sub(r"[.\-_~^*]", "", core)
    if squeezed in _TARGET_SET:
        return squeezed
    leet = core.translate(_LEET)
    leet_squeezed = re.sub(r"[.\-_~^*#%]", "", leet)
    if leet_squeezed in _TARGET_SET:
        return leet_squeezed
    # Masked letters: each symbol stands for one hidden letter ("f**k", "c*nt", "sh*t").
    if core[0].isalpha():
        masked = re.sub(r"[^a-z]", ".", core)
        rx = re.compile(masked + r"\Z")
        for word in TARGET_WORDS:
            if len(word) == len(core) and rx.match(word):
                return word
    # Only rewrite when the token is mostly letters after leet-mapping; keep numbers, codes,
    # handles and dates as they were.
    letters = sum(c.isalpha() for c in leet)
    if letters >= max(2, len(leet) - 1) and not any(c.isdigit() for c in leet):
        return leet
    return tok


def _obfuscated(m: re.Match[str]) -> str:
    tok = m.group()
    if tok[0] == "@" and not any(c in tok for c in "*#"):
        return tok  # a social handle (@marcus), not a masked word
    # Quotes, brackets and sentence punctuation around a word are not part of it.
    core = tok.lstrip(_TOKEN_EDGE).rstrip(_TOKEN_EDGE + ".!-")
    if len(core) < 2 or core.isalpha() or not any(c.isalpha() for c in core):
        return tok
    head = len(tok) - len(tok.lstrip(_TOKEN_EDGE))
    tail = tok[head + len(core):]
    return tok[:head] + _deobfuscate_token(core) + tail


def _collapse_repeats(m: re.Match[str]) -> str:
    word = m.group()
    double = _RUN.sub(r"\1\1", word)
    if double in _TARGET_SET:
        return double  # "helll" -> "hell", "killl" -> "kill"
    return _RUN.sub(r"\1", word)


def _variant(m: re.Match[str]) -> str:
    return VARIANTS[m.group()]


def _entity(m: re.Match[str]) -> str:
    return html.unescape(m.group())


Step = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]


def _steps() -> Iterable[Step]:
    yield _SPACED_LETTERS, _join_spaced
    yield _OBFUSCATED_TOKEN, _obfuscated
    yield _REPEATS, _collapse_repeats
    yield _VARIANT_RX, _variant


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _mostly_latin(text: str) -> bool:
    text = unicodedata.normalize("NFKC", text)  # fullwidth and maths letters count as Latin
    latin = len(_LATIN_RE.findall(text))
    other = sum(1 for c in _NON_ASCII_LETTER_RE.findall(text) if c.lower() not in _CONFUSABLES)
    return latin > 0 and latin >= other


def normalize(text: str) -> str:
    """Lower-case text with invisible characters, look-alikes, leet, masks and spacing undone."""
    return normalize_words(text)[0]


def normalize_words(text: str) -> tuple[str, list[str]]:
    """normalize(text) and its words; cheap checks on the words skip steps that cannot apply."""
    s = text
    if "&" in s:
        s = _ENTITY.sub(_entity, _ENTITY.sub(_entity, s))
    if not s.isascii():
        conf = _mostly_latin(s)
        s = _NON_ASCII.sub(lambda m: _fold_char(m.group(), conf), s)
    s = s.lower()
    words = _WORD.findall(s)
    changed = False
    run = 0
    for w in words:
        run = run + 1 if len(w) == 1 else 0
        if run == 3:  # three single letters in a row: maybe a spelled-out word
            break
    if run >= 3:
        new = _SPACED_LETTERS.sub(_join_spaced, s)
        changed, s = changed or new != s, new
    if _ANY_SYMBOL.search(s) and _MAYBE_OBFUSCATED.search(s):
        new = _OBFUSCATED_TOKEN.sub(_obfuscated, s)
        changed, s = changed or new != s, new
    if _HAS_RUN.search(s):
        s = _REPEATS.sub(_collapse_repeats, s)
        changed = True
    if changed:
        words = _WORD.findall(s)
    if not _VARIANT_WORDS.isdisjoint(words):
        s = _VARIANT_RX.sub(_variant, s)
        words = _WORD.findall(s)
    return s, words


class MappedText:
    """Normalised text plus, for each of its characters, the original [start, end) it came from."""

    __slots__ = ("text", "starts", "ends")

    def __init__(self, text: str, starts: list[int], ends: list[int]) -> None:
        self.text = text
        self.starts = starts
        self.ends = ends

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        if end <= start or start >= len(self.starts):
            return (0, 0)
        end = min(end, len(self.ends))
        return (self.starts[start], self.ends[end - 1])

    def sub(self, rx: re.Pattern[str], fn: Callable[[re.Match[str]], str]) -> MappedText:
        parts: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        pos = 0
        for m in rx.finditer(self.text):
            a, b = m.span()
            rep = fn(m)
            parts.append(self.text[pos:a])
            starts.extend(self.starts[pos:a])
            ends.extend(self.ends[pos:a])
            parts.append(rep)
            if len(rep) == b - a:
                starts.extend(self.starts[a:b])
                ends.extend(self.ends[a:b])
            elif rep:
                o_start = self.starts[a] if a < b else (self.ends[a - 1] if a else 0)
                o_end = self.ends[b - 1] if a < b else o_start
                starts.extend([o_start] * len(rep))
                ends.extend([o_end] * len(rep))
            pos = b
        if pos == 0 and not parts:
            return self
        parts.append(self.text[pos:])
        starts.extend(self.starts[pos:])
        ends.extend(self.ends[pos:])
        return MappedText("".join(parts), starts, ends)


def normalize_mapped(text: str) -> MappedText:
    """Same result as normalize(), keeping where each character came from (for highlighting)."""
    mt = MappedText(text, list(range(len(text))), list(range(1, len(text) + 1)))
    if "&" in text:
        mt = mt.sub(_ENTITY, _entity).sub(_ENTITY, _entity)
    if not mt.text.isascii():
        conf = _mostly_latin(mt.text)
        mt = mt.sub(_NON_ASCII, lambda m: _fold_char(m.group(), conf))
    mt = mt.sub(re.compile(r"[^\x00-\x7f]|[A-Z]"), lambda m: m.group().lower())
    for rx, fn in _steps():
        mt = mt.sub(rx, fn)
    return mt
