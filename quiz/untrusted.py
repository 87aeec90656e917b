"""Text that came from a file (deck keys, file names, imported rows) made safe for a terminal.

A terminal acts on control characters: ESC starts sequences that set the window title, draw a
hidden hyperlink (OSC 8) or write the clipboard (OSC 52); C1 controls (U+0080-U+009F) do the same
on terminals that read 8-bit controls; bidirectional overrides and isolates reorder what is shown
(CVE-2021-42574, "Trojan Source"). Neither print() nor Rich nor Textual removes them, so every
text from a file goes through visible() before a person sees it, and every command-line message
through say().
"""

from __future__ import annotations

import re
import sys
from typing import TextIO

_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_OTHER = "\u2028\u2029\ud800-\udfff"  # line and paragraph separators, lone surrogates
INVISIBLE_MARKS = "\u180e\u200b\u2060-\u2064\ufeff"
"""Characters that show as nothing and that no script needs (zero-width space, word joiner,
invisible operators, byte-order mark), as a regex class body: escaped in a name (visible), and
taken out of imported card text (quiz.interop.cards), where a question with one would look like
another. The zero-width joiners that some scripts and emoji need are not among them."""

# Compiled at first use, through re's own cache: a class of characters beyond Latin-1 takes about
# 0.4 ms to compile, which every start of quiz would pay whether or not it shows a file's text.
_UNSAFE_LINES = f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}{_OTHER}]"
_UNSAFE = f"[\x00-\x1f\x7f-\x9f{_BIDI}{_OTHER}{INVISIBLE_MARKS}]"


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def visible(text: str, *, lines: bool = False) -> str:
    """`text` with every character a terminal could act on written as a `\\uXXXX` escape.

    Escaped: C0 controls (tab and newline too, unless `lines` keeps them), DEL, C1 controls,
    the bidirectional marks, embeddings, overrides and isolates, the line and paragraph
    separators, and lone surrogates (an undecodable file name). Without `lines` (a name: a key, an
    id, a file name, a title) also the characters that show as nothing (zero-width space, word
    joiner, byte-order mark), so that two names that look the same do not read the same; in text
    of many lines they are left, as are the zero-width joiners that some scripts and emoji need.
    The escape is the one TOML and JSON use, so the output stays valid inside a JSON string.
    visible(visible(t)) == visible(t).
    """
    if text.isprintable():  # most text: every character escaped below is unprintable (tested)
        return text
    return re.sub(_UNSAFE_LINES if lines else _UNSAFE, _escape, text)


_SPACES = re.compile("[\t\n\x0b-\x0d\x1c-\x1f\x85\u2028\u2029]+")  # what str.split() takes for a space


def typeable(text: str) -> str:
    """`text` typed or pasted into a box of one line, as the box may hold it: each run of tabs and
    line breaks one space, and every other character visible() escapes dropped (ESC, BEL, C1, the
    bidirectional controls, zero-width spaces, lone surrogates). What a person types is then never
    a control a terminal acts on when it is stored and shown again; a paste of
    "8\x1b[31m" is "8[31m", of "8\u202e" is "8". typeable(typeable(t)) == typeable(t), and
    visible(typeable(t)) == typeable(t).
    """
    if text.isprintable():
        return text
    return re.sub(_UNSAFE, "", _SPACES.sub(" ", text))


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
