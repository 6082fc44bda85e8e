"""Allow-list HTML sanitising and linkifying of reader text; the only module that imports bleach."""

from __future__ import annotations

import html
import re
import threading
from collections.abc import Iterator
from functools import partial
from html.parser import HTMLParser
from typing import Any

import bleach
from bleach.html5lib_shim import Filter
from bleach.linkifier import LinkifyFilter, build_url_re

__all__ = ["ALLOWED_TAGS", "ALLOWED_PROTOCOLS", "LINK_REL", "sanitize", "plain_text"]

ALLOWED_TAGS: frozenset[str] = frozenset({"p", "br", "strong", "em", "b", "i", "blockquote", "ul", "ol", "li", "a"})
ALLOWED_PROTOCOLS: frozenset[str] = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow ugc noopener"

# Elements whose content is code, styling, hidden fallback or foreign markup rather than text
# a reader would see: they vanish with everything inside them. They must be known to the parser
# (bleach's tokenizer turns any tag it is not told about into plain text before tree building,
# which would leave a <script>'s body behind as visible text and parse <style> content as HTML).
DROP_CONTENT_TAGS: frozenset[str] = frozenset(
    {
        "script",
        "style",
        "template",
        "noscript",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "svg",
        "math",
        "noembed",
        "noframes",
        "title",
    }
)

# Removed before parsing: C0/C1 controls (except tab and newline), bidi embeddings, overrides and
# isolates (used to disguise text and links), BOM, interlinear annotation marks, lone surrogates
# (they cannot be encoded to UTF-8 later) and BMP noncharacters.
_BAD_CHAR_CLASS = (
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
    "\u202a-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb"
    "\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
)
_BAD_CHARS_RE = re.compile(f"[{_BAD_CHAR_CLASS}]")
_BAD_CHAR_SINGLE_RE = re.compile(f"^[{_BAD_CHAR_CLASS}]$")
# Numeric references are what smuggle the same characters past the raw-character check.
_NUMERIC_REF_RE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")
_URL_SCHEME_RE = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_URL_NOISE_RE = re.compile(r"[`\x00-\x20\x7f-\xa0\s]+")
# html5lib's tree building is quadratic in nesting depth (20,000 characters of "<ul><li>" take
# seconds), so text with more start tags than any real comment is treated as plain text. Links
# are left out of the count: linkifying adds them, and the parser never nests them.
MAX_START_TAGS = 500
_START_TAG_RE = re.compile(r"<(?!a[\s/>])[a-z]", re.IGNORECASE)
_URL_HINT_RE = re.compile(r"[\w-]\.[^\W\d_]")
_NEWLINES_RE = re.compile("\r\n?|[\u2028\u2029\x85]")

_local = threading.local()


def _drop_bad_ref(match: re.Match[str]) -> str:
    hex_digits, dec_digits = match.group(1), match.group(2)
    code = int(hex_digits, 16) if hex_digits is not None else int(dec_digits)
    if 0x80 <= code <= 0x9F:
        return match.group(0)  # browsers read these as Windows-1252 punctuation, e.g. &#150;
    if code == 0 or code > 0x10FFFF or _BAD_CHAR_SINGLE_RE.match(chr(code)):
        return ""
    return match.group(0)


def _precleaned(text: str) -> str:
    text = _NEWLINES_RE.sub("\n", text)
    text = _BAD_CHARS_RE.sub("", text)
    # Removing one reference can join its neighbours into a new one ("&&#0;#0;"), so repeat.
    while True:
        cleaned = _NUMERIC_REF_RE.sub(_drop_bad_ref, text)
        if cleaned == text:
            return cleaned
        text = cleaned


def _href_scheme_allowed(href: str) -> bool:
    """True only for an absolute http(s)/mailto URL, judged the way a browser would read it."""
    normal = _URL_NOISE_RE.sub("", html.unescape(href)).lower()
    match = _URL_SCHEME_RE.match(normal)
    return match is not None and match.group(1) in ALLOWED_PROTOCOLS


class _DropAndUnwrapFilter(Filter):  # type: ignore[misc]
    """Removes drop-content elements with their content; unwraps links without a safe href.

    Unwrapping here (before linkifying) rather than in the link callback keeps the result
    idempotent: the unwrapped text is linkified now, exactly as it would be on a second pass.
    """

    def __iter__(self) -> Iterator[dict[str, Any]]:
        # Text on both sides of a removed element is merged into one token, as it would be
        # when the output is parsed again: otherwise "2<a>.com" links only on a second pass.
        text: list[str] = []
        for token in self._kept():
            if token["type"] in ("Characters", "SpaceCharacters"):
                text.append(token["data"])
                continue
            if text:
                yield {"type": "Characters", "data": "".join(text)}
                text = []
            yield token
        if text:
            yield {"type": "Characters", "data": "".join(text)}

    def _kept(self) -> Iterator[dict[str, Any]]:
        drop_depth = 0
        anchors: list[bool] = []
        for token in super().__iter__():
            kind = token["type"]
            name = token.get("name")
            if drop_depth:
                if kind == "StartTag":
                    drop_depth += 1
                elif kind == "EndTag":
                    drop_depth -= 1
                continue
            if name in DROP_CONTENT_TAGS:
                if kind == "StartTag":
                    drop_depth = 1
                continue
            if name == "a":
                if kind == "StartTag":
                    href = (token.get("data") or {}).get((None, "href"))
                    keep = href is not None and _href_scheme_allowed(href)
                    anchors.append(keep)
                    if keep:
                        yield token
                elif kind == "EndTag":
                    if anchors and anchors.pop():
                        yield token
                continue
            yield token


class _FastLinkifyFilter(LinkifyFilter):  # type: ignore[misc]
    """LinkifyFilter that skips its costly regexes on text that cannot hold a link.

    An e-mail address needs an "@" and a URL a "name.tld"; most text tokens have neither, and
    bleach runs both regexes over every token (about half of sanitize's time).
    """

    def handle_email_addresses(self, src_iter: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        for token in src_iter:
            if token["type"] == "Characters" and "@" not in token["data"]:
                yield token
            else:
                yield from super().handle_email_addresses(iter([token]))

    def handle_links(self, src_iter: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        # Called per text token (or the tokens one e-mail split it into); bleach's URL regex
        # needs "name." followed by a letter, so tokens without one pass straight through.
        tokens = list(src_iter)
        if all(t["type"] == "Characters" and not _URL_HINT_RE.search(t["data"]) for t in tokens):
            yield from tokens
        else:
            yield from super().handle_links(iter(tokens))


def _link_attrs(attrs: dict[Any, Any], new: bool = False) -> dict[Any, Any] | None:
    href = attrs.get((None, "href"))
    if href is None or not _href_scheme_allowed(href):
        return None
    attrs.pop((None, "target"), None)
    attrs[(None, "rel")] = LINK_REL
    return attrs


def _cleaner() -> bleach.Cleaner:
    # One Cleaner per thread: html5lib parser state is not safe to share across threads.
    cleaner: bleach.Cleaner | None = getattr(_local, "cleaner", None)
    if cleaner is None:
        linkify = partial(
            _FastLinkifyFilter,
            callbacks=[_link_attrs],
            parse_email=True,
            url_re=build_url_re(protocols=["http", "https"]),
        )
        cleaner = bleach.Cleaner(
            tags=ALLOWED_TAGS | DROP_CONTENT_TAGS,
            attributes={"a": ["href"]},
            protocols=ALLOWED_PROTOCOLS,
            strip=True,
            strip_comments=True,
            filters=[_DropAndUnwrapFilter, linkify],
        )
        _local.cleaner = cleaner
    return cleaner


def sanitize(text: str) -> str:
    """Turn reader text (plain or HTML) into safe HTML for the allow-list above.

    Links keep only an http/https/mailto ``href`` and always get ``rel="nofollow ugc noopener"``;
    bare URLs and e-mail addresses become links; script, style and similar elements disappear
    with their content; other tags are stripped keeping their text; newlines stay as text (the
    widget renders with ``white-space: pre-line``). Text with more than MAX_START_TAGS tags is
    shown as text rather than parsed. Never raises on odd input and is idempotent.
    """
    text = _precleaned(text)
    if not text:
        return ""
    cleaner = _cleaner()
    if len(_START_TAG_RE.findall(text)) <= MAX_START_TAGS:
        out = str(cleaner.clean(text))
        # Checking the output too keeps this idempotent: formatting elements that the parser
        # reopens inside each paragraph can multiply the tags in the result.
        if len(_START_TAG_RE.findall(out)) <= MAX_START_TAGS:
            return out
    return str(cleaner.clean(html.escape(text, quote=False)))


class _TextExtractor(HTMLParser):
    _BREAK_AFTER = frozenset({"p", "blockquote", "li", "ul", "ol"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def _newline(self) -> None:
        if self.parts and not self.parts[-1].endswith("\n"):
            self.parts.append("\n")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")
        elif tag == "li":
            self._newline()
            self.parts.append("- ")
        elif tag in self._BREAK_AFTER:
            self._newline()

    def handle_endtag(self, tag: str) -> None:
        if tag in self._BREAK_AFTER:
            self._newline()

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def plain_text(sanitized_html: str) -> str:
    """Readable plain text of sanitised HTML (for e-mails and redaction views); tags dropped."""
    extractor = _TextExtractor()
    extractor.feed(sanitized_html)
    extractor.close()
    text = "".join(extractor.parts)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
