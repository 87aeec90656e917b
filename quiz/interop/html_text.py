"""Anki field HTML as plain text, with the stdlib's html.parser, and the media a field refers to.

Line breaks are kept (<br>, and the end of a block such as <div> or <p>), entities are decoded,
and a `<` or `>` that does not start a tag stays text ("5 < 7 and 9 > 8"). Media are not text a
learner can read or type: `<img src=...>` and Anki's `[sound:...]` are taken out and returned.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from typing import NamedTuple

from quiz.interop.mathjax import mend_delimiters

_BLOCKS = frozenset({"div", "p", "li", "tr", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"})
_SKIPPED = frozenset({"script", "style"})
_SOUND = re.compile(r"\[sound:([^\]]*)\]")
_HTML_TAG = re.compile(
    r"</?(?:br|div|p|b|i|u|s|em|strong|span|img|a|ul|ol|li|sup|sub|font|hr|table|tr|td|th|h[1-6]|blockquote|pre|code)"
    r"\b[^<>]*>|&(?:nbsp|amp|lt|gt|quot|#\d+|#x[0-9a-f]+);",
    re.IGNORECASE,
)
_BLANK_LINES = re.compile(r"\n{3,}")


class FieldText(NamedTuple):
    """A field read as text: what a learner sees, and the media files it named (in order)."""

    text: str
    media: tuple[str, ...]


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.media: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")
        elif tag == "img":
            self.media.append(dict(attrs).get("src") or "an image")
        elif tag in _SKIPPED:
            self._skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:  # a line break in HTML source is a space, as a browser (and Anki) shows it
            self.parts.append(data.replace("\r", " ").replace("\n", " "))


def looks_like_html(field: str) -> bool:
    """Whether a field holds HTML: a tag Anki's editor writes (<br>, <div>, <b>, <img ...>...) or an entity.

    Anki's own guess (rslib text.rs is_html) takes anything like <...>, so "x <y> z" in a plain
    file would lose "<y>"; this asks for real HTML (docs/interop.md says so).
    """
    return _HTML_TAG.search(field) is not None


def field_text(field: str, *, html: bool) -> FieldText:
    """The text a field shows and the media it names; `html` says whether the field is HTML.

    Plain text is kept exactly, but for media references taken out of it.
    """
    media = _SOUND.findall(field)
    if media:
        field = _SOUND.sub("", field).strip()
    if html and "<" not in field:  # no tag: what the parser gives, without a call for each piece
        field = unescape(field).replace("\r", " ").replace("\n", " ").replace("\xa0", " ")
    elif html:
        parser = _TextParser()
        parser.feed(field)
        parser.close()
        media = parser.media + media
        field = "".join(parser.parts).replace("\xa0", " ")
    if html:
        field = "\n".join(line.strip(" ") for line in field.split("\n"))
        field = _BLANK_LINES.sub("\n\n", field).strip()
    return FieldText(mend_delimiters(field), tuple(media))
