"""Text that came from a file (deck keys, file names, imported rows) made safe for a terminal.

A terminal acts on control characters: ESC starts sequences that set the window title, draw a
hidden hyperlink (OSC 8) or write the clipboard (OSC 52); C1 controls (U+0080-U+009F) do the same
on terminals that read 8-bit controls; bidirectional overrides and isolates reorder what is shown
(CVE-2021-42574, "Trojan Source"). Other characters show as nothing (the zero-width space, tag
characters, Hangul fillers, the soft hyphen), so that "note<U+E0001...>" reads as "note". Neither
print() nor Rich nor Textual removes any of them, so every text from a file goes through visible()
before a person sees it, and every command-line message through say().

This module is the one home of which characters those are (the constants below);
quiz.deck.text builds from them what a deck may not hold (control_characters) and what a reader
cannot see (as_seen).
"""

from __future__ import annotations

import re
import sys
from functools import cache
from typing import TextIO

CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f"
"""A regular-expression class body: the C0 controls but tab and newline, DEL and the C1 controls."""

BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"
"""The bidirectional embeddings, overrides and isolates (and their ends): they reorder what follows."""

INVISIBLE = (
    "\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u115f\u1160\u17b4\u17b5\u180b-\u180f"
    "\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff"
)
"""A class body: every character a terminal draws as nothing or acts on as a format, which is
Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt: the soft hyphen, zero-width
spaces and joiners, the bidirectional marks and controls, variation selectors, Hangul fillers,
tag characters) together with the format characters (general category Cf: the interlinear
annotation marks U+FFF9-FFFB, Arabic number signs, the Egyptian hieroglyph format controls):
tests/test_untrusted.py checks every code point against the `regex` module's Unicode tables. It holds
BIDI_CONTROLS and the bidirectional marks U+061C, U+200E and U+200F."""

INVISIBLE_MARKS = "\u180e\u200b\u2060-\u2064\ufeff"
"""The characters of INVISIBLE that show as nothing and that no script needs (the Mongolian vowel
separator, zero-width space, word joiner, invisible operators, byte-order mark), as a class body:
taken out of imported card text (quiz.interop.cards), where a question with one would look like
another. The zero-width joiners that some scripts and emoji need are not among them."""

_SEPARATORS = "\u2028\u2029\ud800-\udfff"  # line and paragraph separators, lone surrogates
_NAME = f"[\t\n{CONTROLS}{_SEPARATORS}{INVISIBLE}]"
_PROSE = f"[{CONTROLS}{_SEPARATORS}{INVISIBLE}]"
# Compiled at first use, through re's own cache: a class of characters beyond Latin-1 takes about
# 0.4 ms to compile, which every start of quiz would pay whether or not it shows a file's text.

_JOINERS = "\u200c\u200d"  # zero-width non-joiner and joiner
_SELECTORS = "[\u180b-\u180d\u180f\ufe00-\ufe0f\U000e0100-\U000e01ef]"  # variation selectors (compiled at first use)
_BASES = {"So", "Sm", "Sk", "Lo"}  # symbols (emoji) and letters of scripts without case
_KEYCAP = "\u20e3"


@cache
def invisible() -> re.Pattern[str]:
    """INVISIBLE as a pattern: the characters a terminal draws as nothing (quiz.deck.text.as_seen
    drops them to compare texts as a reader sees them). Compiled when first asked (3.2 M
    instructions), not at every start of the app."""
    return re.compile(f"[{INVISIBLE}]")


@cache
def _shown_as_nothing() -> frozenset[str]:
    """The characters of INVISIBLE that str.isprintable() passes (letters and marks with no glyph:
    Hangul fillers, variation selectors, the combining grapheme joiner...); built at first use."""
    hangul_and_marks = "\u034f\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180f\u3164\uffa0"
    selectors = [*range(0xFE00, 0xFE10), *range(0xE0100, 0xE01F0)]
    return frozenset(hangul_and_marks).union(map(chr, selectors))


def _as_it_is(text: str) -> bool:
    """Whether `text` holds nothing visible() escapes, without a search: printable (str.isprintable
    passes no control, format character, separator or surrogate) and ASCII or without one of the
    few printable characters that show as nothing."""
    return text.isprintable() and (text.isascii() or _shown_as_nothing().isdisjoint(text))


def _category(ch: str) -> str:
    import unicodedata  # only for a joiner or a selector: `quiz check` starts without it

    return unicodedata.category(ch)


def _drawn_base(ch: str) -> bool:
    """A character drawn as itself that a joiner or a variation selector may belong to: a symbol
    beyond ASCII (an emoji) or a letter of a script without case (Devanagari, Arabic, CJK,
    Mongolian)."""
    return not ch.isascii() and _category(ch) in _BASES and re.match(_NAME, ch) is None


def _selector_kept(text: str, i: int) -> bool:
    """Whether the variation selector at text[i] chooses how the character before it is drawn:
    after a symbol (U+FE0F after a heart asks for the emoji), a letter of a script without case
    (an ideograph's variant), or a keycap's digit, # or * (1 U+FE0F U+20E3)."""
    if i == 0:
        return False
    before = text[i - 1]
    keycap = before in "0123456789#*" and text[i + 1 : i + 2] == _KEYCAP
    return keycap or _drawn_base(before)


def _joiner_kept(text: str, i: int) -> bool:
    """Whether the zero-width joiner or non-joiner at text[i] joins two drawn characters: two emoji
    (woman, ZWJ, health worker), a virama and a consonant (क्‍ष), two Arabic or Persian letters.
    Between Latin letters, at an end or beside a space it joins nothing and is escaped."""
    if i == 0 or i + 1 == len(text) or not _drawn_base(text[i + 1]):
        return False
    before = text[i - 1]
    if re.match(_SELECTORS, before):
        return _selector_kept(text, i - 1)
    return _category(before) in ("Mn", "Mc") and re.match(_NAME, before) is None or _drawn_base(before)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code > 0xFFFF:  # as JSON writes it: a surrogate pair
        high, low = divmod(code - 0x10000, 0x400)
        return f"\\u{0xD800 + high:04x}\\u{0xDC00 + low:04x}"
    return f"\\u{code:04x}"


def _escape_prose(match: re.Match[str]) -> str:
    ch, text, i = match.group(), match.string, match.start()
    if ch in _JOINERS and _joiner_kept(text, i) or re.match(_SELECTORS, ch) and _selector_kept(text, i):
        return ch
    return _escape(match)


def visible(text: str, *, lines: bool = False) -> str:
    """`text` with every character a terminal could act on, or that shows as nothing, written as a
    `\\uXXXX` escape, as JSON writes one (U+E0001, beyond 16 bits, is the pair `\\udb40\\udc01`).

    Escaped always: C0 controls, DEL, C1 controls, the line and paragraph separators, lone
    surrogates (an undecodable file name) and every character of INVISIBLE (bidirectional marks,
    embeddings, overrides and isolates, zero-width spaces, the soft hyphen, tag characters, Hangul
    fillers, the interlinear annotation marks...). A name (a key, an id, a file name: the default)
    keeps none of them, tab and newline neither, so that no two names that read the same
    differ. Prose (`lines`, a question, an explanation, a message) keeps tab and newline, and a
    zero-width joiner or a variation selector only where it belongs to what is drawn: inside an
    emoji sequence, after a symbol ("❤️"), between letters of a script that needs it (क्‍ष, the
    Persian non-joiner); beside a Latin letter or a space, at an end, it is escaped too.
    The output stays valid, and means the same, inside a JSON string.
    visible(visible(t)) == visible(t).
    """
    if _as_it_is(text):  # most text
        return text
    return re.sub(_PROSE, _escape_prose, text) if lines else re.sub(_NAME, _escape, text)


def visible_title(text: str) -> str:
    """A title (a deck's, a topic's) on one line, shown as prose is (visible with `lines`: an emoji
    keeps its joiners, a Persian word its non-joiner) but with a tab or a line break escaped too,
    as a name's are. A title is read, not matched: a name that must not pass for another (a key,
    an id, a file name) is visible()'s default."""
    return visible(text, lines=True).replace("\t", "\\u0009").replace("\n", "\\u000a")


_SPACES = re.compile("[\t\n\x0b-\x0d\x1c-\x1f\x85\u2028\u2029]+")  # what str.split() takes for a space


def typeable(text: str) -> str:
    """`text` typed or pasted into a box of one line, as the box may hold it: each run of tabs and
    line breaks one space, and every other character visible() escapes in a name dropped (ESC, BEL,
    C1, the bidirectional controls, zero-width spaces and joiners, tag characters, lone
    surrogates). What a person types is then never a control a terminal acts on when it is stored
    and shown again; a paste of
    "8\x1b[31m" is "8[31m", of "8\u202e" is "8". typeable(typeable(t)) == typeable(t), and
    visible(typeable(t)) == typeable(t).
    """
    if _as_it_is(text):
        return text
    return re.sub(_NAME, "", _SPACES.sub(" ", text))


def say(*parts: object, file: TextIO | None = None, sep: str = " ", end: str = "\n") -> None:
    """print() for every command-line message: the whole line goes through visible(lines=True)."""
    text = sep.join(str(p) for p in parts)
    print(visible(text, lines=True), file=file if file is not None else sys.stdout, end=end)


class ShownText:
    """A text stream onto a terminal for data a command prints (a CSV to standard output): what is
    written goes through visible(lines=True), as say() does for messages. Only for a terminal: into a
    file or a pipe such data is written exact, so that nothing is lost."""

    def __init__(self, out: TextIO) -> None:
        self.out = out

    def write(self, text: str) -> int:
        return self.out.write(visible(text, lines=True))


def data_out(out: TextIO) -> TextIO | ShownText:
    """Where a command writes the data it prints on `out` (a CSV, a Markdown handout): onto a
    terminal through ShownText, so that nothing raw reaches it; into a file or a pipe `out` itself,
    so that the data is exact (`quiz export -o - > handout.md` keeps a right-to-left mark)."""
    return ShownText(out) if out.isatty() else out
