"""The limits an import reads within, each counted as the file is read (or before, at C speed), so
that no shape of file (blank lines, one huge line, rows of a thousand fields, HTML) takes seconds
to be refused: and the messages that refuse a file past one."""

from __future__ import annotations

from pathlib import Path

from quiz.deck.errors import Problem
from quiz.deck.validate import MAX_FACTS
from quiz.interop.header import separator_name
from quiz.interop.rows import MAX_FIELDS, Rows

MAX_LINES = 10 * MAX_FACTS
"""The most lines an import reads, blank lines and comments included: ten for each fact a deck may
hold, room for fields of several paragraphs. A file of more (8 MiB of blank lines is 8 million)
is refused before any is read, so that no shape of file takes seconds to refuse."""
MAX_TAGS = 12 * MAX_FACTS
"""The most HTML tags and entities (counted as "<" and "&") an import reads as HTML: a dozen for
each fact a deck may hold (Anki's editor writes a few to a field: <b>, <br>, &nbsp;). Each is
read by a call in Python (html.parser, html.unescape), a few microseconds, so 8 MiB of them is
refused before any is read."""
MAX_CELLS = 12 * MAX_FACTS
"""The most fields an import reads in all: a dozen for each fact a deck may hold (Anki's "Notes
in Plain Text" with guid, note type, deck and tags columns has six to ten). Each field is read
and checked on its own, and 8 MiB of rows a thousand fields wide holds four million of them."""


def too_many_lines(text: str, path: Path, lines: str = "lines") -> Problem | None:
    """The problem with a text of more than MAX_LINES lines (counted at C speed, before any is read), or None.
    `lines` names them ("rows" where --row-separator separates them)."""
    if text.count("\n", 0, len(text) - 1) < MAX_LINES:
        return None
    return Problem(
        path,
        None,
        None,
        f"the file has more than {MAX_LINES:,} {lines} (blank {lines} and comments count), more than an import reads: "
        f"a deck holds at most {MAX_FACTS:,} facts; remove the blank lines, or split it into several files and import "
        "each as its own deck",
    )


def limit_problem(found: Rows, sep: str) -> tuple[None, None, str]:
    """The message for the row at which reading stopped: too wide, one too many, or past MAX_CELLS
    fields in all. It names its line in the text and has none of its own, so that it comes before
    the rows' own problems."""
    last = max([r.line for r in found.rows[-1:]] + [b.line for b in found.bad[-1:]])
    row = found.rows[-1] if found.rows else None
    if row is not None and row.line == last and len(row.fields) > MAX_FIELDS:
        return (
            None,
            None,
            (
                f"line {last:,} has more than {MAX_FIELDS:,} fields separated by {separator_name(sep)}, more than any "
                "card has; check the separator (--separator), or split the row"
            ),
        )
    if len(found.rows) + len(found.bad) <= MAX_FACTS:
        return (
            None,
            None,
            (
                f"the rows up to line {last:,} have more than {MAX_CELLS:,} fields separated by {separator_name(sep)} "
                f"in all, more than a deck of {MAX_FACTS:,} facts is made of; check the separator (--separator), or "
                "split the file into several and import each as its own deck"
            ),
        )
    return (
        None,
        None,
        (
            f"the file has more than {MAX_FACTS:,} rows (line {last:,} is row {MAX_FACTS + 1:,}), and a deck holds at "
            f"most {MAX_FACTS:,} facts; split it into several files and import each as its own deck"
        ),
    )


def too_many_cards(cards: int) -> str:
    """The message for rows that make more cards than a deck holds facts (`cards` so far: a cloze
    note makes one for each deletion), placed at the row that passed MAX_FACTS: reading stops
    there, before the cards of the rest are made."""
    return (
        f"the rows up to this one make {cards:,} cards (a cloze note makes one for each cloze number), and a deck "
        f"holds at most {MAX_FACTS:,} facts; split the file into several and import each as its own deck"
    )
