"""Anki field HTML as plain text, with the stdlib's html.parser, and the media a field refers to.

Line breaks are kept (<br>, and the end of a block such as <div> or <p>), entities are decoded,
and a `<` or `>` that does not start a tag stays text ("5 < 7 and 9 > 8"). Media are not text a
learner can read or type: `<img src=...>` and Anki's `[sound:...]` are taken out and returned.

What Anki shows otherwise than as text run together is never merged into the text unsaid: a
superscript or subscript becomes Unicode's superscript or subscript characters ("10<sup>9</sup>"
is "10⁹", which typed marking reads as a power, never "109"), or, where it has none, is kept as
text with a note; struck-out text (<s>, <del>, <strike>: a value corrected), hidden text
(display:none) and ruby readings (<rt>) are left out with a note; simple MathJax becomes text
(quiz.interop.mathjax). Each note is a kind (READ_NOTES) and an example, gathered by read_notes.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from typing import NamedTuple

from quiz.interop.mathjax import LOWERED, RAISED, as_text, mend_delimiters, raised

_BLOCKS = frozenset({"div", "p", "li", "tr", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"})
_SKIPPED = frozenset({"script", "style"})
_STRUCK = frozenset({"s", "del", "strike"})
_VOID = frozenset({"br", "img", "hr", "wbr", "input", "meta", "link", "area", "base", "col", "source", "track"})
_SOUND = re.compile(r"\[sound:([^\]]*)\]")
_HTML_TAG = re.compile(
    r"</?(?:br|div|p|b|i|u|s|em|strong|span|img|a|ul|ol|li|sup|sub|font|hr|table|tr|td|th|h[1-6]|blockquote|pre|code)"
    r"\b[^<>]*>|&(?:nbsp|amp|lt|gt|quot|#\d+|#x[0-9a-f]+);",
    re.IGNORECASE,
)
_BLANK_LINES = re.compile(r"\n{3,}")
_HIDDEN_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b", re.IGNORECASE)

_ORDINAL = re.compile(r"(?:st|nd|rd|th)\Z", re.IGNORECASE)

READ_NOTES = {
    "struck": "left out struck-out text (<s>, <del>, <strike>), which Anki shows crossed out",
    "hidden": "left out hidden text (display:none), which Anki does not show",
    "ruby": "left out ruby readings (<rt>), which Anki shows above their text",
    "raised": "kept superscript or subscript text that has no such characters as plain text, run on to the text "
    "before it: check that it reads right",
    "mathjax": "read simple MathJax as text (\\(10^9\\) as 10⁹)",
    "mathjax-kept": "left MathJax that quiz cannot read as text as it is written, which Anki typesets and quiz "
    "shows as its source: write it as text",
}
"""What field_text did to a field that shows otherwise in Anki, by kind, as a note says it."""


class FieldText(NamedTuple):
    """A field read as text: what a learner sees, the media files it named (in order), and what
    was done to it (kind of READ_NOTES, an example), for a note."""

    text: str
    media: tuple[str, ...]
    notes: tuple[tuple[str, str], ...] = ()


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.media: list[str] = []
        self.notes: list[tuple[str, str]] = []
        self._skipping = 0
        self._left_out: list[str] = []  # the tags open in a part left out, its own first
        self._why = ""  # the READ_NOTES kind of the part left out
        self._gone: list[str] = []  # its text
        self._raised: list[tuple[str, int]] = []  # open sup/sub tags, each with where its text starts
        self._mixed = False  # a sub in a sup, or the other way, in the outermost open one

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._left_out:
            if tag not in _VOID:
                self._left_out.append(tag)
            return
        why = _left_out(tag, dict(attrs))
        if why:
            self._left_out, self._why, self._gone = [tag], why, []
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "img":
            self.media.append(dict(attrs).get("src") or "an image")
        elif tag in _SKIPPED:
            self._skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")
        elif tag in ("sup", "sub"):
            self._mixed = self._mixed or any(open_tag != tag for open_tag, _ in self._raised)  # x<sup>a<sub>b
            self._raised.append((tag, len(self.parts)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if self._left_out and self._left_out[-1] == tag and tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._left_out:
            if tag in self._left_out:
                del self._left_out[len(self._left_out) - 1 - self._left_out[::-1].index(tag) :]
                gone = " ".join("".join(self._gone).split())
                if not self._left_out and gone:
                    self.notes.append((self._why, gone))
            return
        if tag in _SKIPPED:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")
        elif tag in ("sup", "sub") and self._raised and self._raised[-1][0] == tag:
            _, start = self._raised.pop()
            if not self._raised:  # a sup inside a sup is read with it
                self._raise(tag, start)

    def _raise(self, tag: str, start: int) -> None:
        """The text since `start` as superscript or subscript characters, or as it is with a note."""
        text = "".join(self.parts[start:])
        shown, converted = text.strip(), raised(text, RAISED if tag == "sup" else LOWERED)
        if self._mixed:
            self._mixed, converted = False, None
        if converted is not None:
            self.parts[start:] = [converted]
        elif shown.strip("®™©℠") and not (tag == "sup" and _ORDINAL.match(shown) and _after_a_digit(self.parts, start)):
            self.notes.append(
                ("raised", f"<{tag}>{shown}</{tag}>")
            )  # "1<sup>st</sup>" reads as 1st, "X<sup>®</sup>" X®

    def finish(self) -> None:
        """What an element never closed left open at the end, read as if it closed there."""
        if self._left_out:
            self.handle_endtag(self._left_out[0])
        while self._raised:
            self.handle_endtag(self._raised[-1][0])

    def handle_data(self, data: str) -> None:
        if self._left_out:
            self._gone.append(data)
        elif not self._skipping:  # a line break in HTML source is a space, as a browser (and Anki) shows it
            self.parts.append(data.replace("\r", " ").replace("\n", " "))


def _after_a_digit(parts: list[str], end: int) -> bool:
    """Whether the text of parts[:end] ends in a digit."""
    return next((p[-1].isdigit() for p in reversed(parts[:end]) if p), False)


def _left_out(tag: str, attrs: dict[str, str | None]) -> str:
    """The READ_NOTES kind of an element whose text is left out, or "": struck out, hidden, a ruby reading."""
    if tag in _STRUCK:
        return "struck"
    if tag in ("rt", "rp"):
        return "ruby"
    if "hidden" in attrs or _HIDDEN_STYLE.search(attrs.get("style") or ""):
        return "hidden"
    return ""


def looks_like_html(field: str) -> bool:
    """Whether a field holds HTML: a tag Anki's editor writes (<br>, <div>, <b>, <img ...>...) or an entity.

    Anki's own guess (rslib text.rs is_html) takes anything like <...>, so "x <y> z" in a plain
    file would lose "<y>"; this asks for real HTML (docs/interop.md says so).
    """
    return _HTML_TAG.search(field) is not None


def field_text(field: str, *, html: bool) -> FieldText:
    """The text a field shows, the media it names, and notes on what was read otherwise than run
    together (the module's docstring); `html` says whether the field is HTML.

    Plain text is kept exactly, but for media references taken out of it and simple MathJax
    (quiz.interop.mathjax.as_text), which Anki typesets in a plain field too.
    """
    media = _SOUND.findall(field)
    notes: list[tuple[str, str]] = []
    if media:
        field = _SOUND.sub("", field).strip()
    if html and "<" not in field:  # no tag: what the parser gives, without a call for each piece
        field = unescape(field).replace("\r", " ").replace("\n", " ").replace("\xa0", " ")
    elif html:
        parser = _TextParser()
        parser.feed(field)
        parser.close()
        parser.finish()
        media = parser.media + media
        notes = parser.notes
        field = "".join(parser.parts).replace("\xa0", " ")
    if html:
        field = "\n".join(line.strip(" ") for line in field.split("\n"))
        field = _BLANK_LINES.sub("\n\n", field).strip()
    if "\\" in field:
        field, read, kept = as_text(field)
        notes += [("mathjax", read)] if read else []
        notes += [("mathjax-kept", kept)] if kept else []
    return FieldText(mend_delimiters(field), tuple(media), tuple(notes))


def read_notes(found: dict[str, tuple[list[int], str]]) -> list[str]:
    """A note for each kind of READ_NOTES met in a file: kind -> (the lines, an example)."""
    notes = []
    for kind, (lines, example) in found.items():
        shown = ", ".join(map(str, lines[:10])) + (", ..." if len(lines) > 10 else "")
        notes.append(f"{READ_NOTES[kind]}: line {shown} (“{example[:60]}”)")
    return notes
