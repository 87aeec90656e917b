"""Rows of fields from delimited text, with the stdlib's csv, and the separator a file uses.

A field in double quotes may hold the separator, line breaks and "" for a quote. A line starting
with `#` where a row would start is a comment (as Anki reads it). A separator longer than one
character (Quizlet's custom ones, such as " - ") is read the same way, through a character the
text does not hold.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import NamedTuple

from quiz.interop.header import SEPARATORS, separator_name

_PUNCTUATION = frozenset(",;:")
_CANDIDATES = ("\t", "|", ";", ":", ",")
_RARE_IN_TEXT = frozenset("\t|")  # a tab or a pipe is seldom part of a card's text; , ; : often are


class Row(NamedTuple):
    """One row: the line it starts on and its fields."""

    line: int
    fields: list[str]


class BadRow(NamedTuple):
    """A row csv cannot read (an unclosed quote, text after a closing quote), at the line it starts."""

    line: int
    message: str


class Rows(NamedTuple):
    """What reading found: the rows, the unreadable ones, and the lines of comments skipped."""

    rows: list[Row]
    bad: list[BadRow]
    comments: list[int]


def _placeholder(text: str) -> str:
    return next(chr(c) for c in range(0xE000, 0xF900) if chr(c) not in text)


def read_rows(text: str, sep: str, *, first_line: int = 1, quotes: bool = True) -> Rows:
    """Split `text` (newlines as \\n) into rows; `first_line` is the file line `text` starts on."""
    if len(sep) > 1:
        mark = _placeholder(text)
        found = read_rows(text.replace(sep, mark), mark, first_line=first_line, quotes=quotes)
        restored = [Row(r.line, [f.replace(mark, sep) for f in r.fields]) for r in found.rows]
        return Rows(restored, found.bad, found.comments)
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    state = {"next": 0, "start": 0, "at_start": True}
    comments: list[int] = []

    def feed() -> Iterator[str]:
        while state["next"] < len(lines):
            i = state["next"]
            state["next"] += 1
            line = lines[i]
            if state["at_start"]:
                if line.startswith("#"):
                    comments.append(first_line + i)
                    continue
                if not line.strip(" "):
                    continue
                state["start"], state["at_start"] = first_line + i, False
            yield line + "\n"

    if quotes:
        reader = csv.reader(feed(), delimiter=sep, quoting=csv.QUOTE_MINIMAL, strict=True)
    else:
        reader = csv.reader(feed(), delimiter=sep, quoting=csv.QUOTE_NONE, strict=True)
    rows: list[Row] = []
    bad: list[BadRow] = []
    while True:
        state["at_start"] = True
        try:
            fields = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            bad.append(BadRow(state["start"], _csv_message(str(err))))
            continue
        rows.append(Row(state["start"], fields))
    return Rows(rows, bad, comments)


def _csv_message(error: str) -> str:
    if "expected after" in error:
        return (
            "text follows a closing quote in the same field; put the whole field in quotes (writing a quote "
            'inside as ""), or use --no-quotes if quotes in this file are part of the text'
        )
    return 'a quoted field starts here but its closing quote is missing (a quote inside a quoted field is written "")'


class Guess(NamedTuple):
    """The separator chosen, or none with the reason; `fits` lists every one that split all rows alike."""

    separator: str | None
    fits: tuple[str, ...]
    reason: str


def _splits_evenly(text: str, sep: str, quotes: bool) -> list[Row] | None:
    found = read_rows(text, sep, quotes=quotes)
    if found.bad or not found.rows:
        return None
    widths = {len(r.fields) for r in found.rows}
    return found.rows if len(widths) == 1 and widths.pop() >= 2 else None


def _reads_as_punctuation(rows: list[Row], sep: str) -> bool:
    """True where the separator splits a number (`7,0`) or is followed by a space, as in prose."""
    if sep not in _PUNCTUATION:
        return False
    for row in rows:
        for left, right in zip(row.fields, row.fields[1:], strict=False):
            if right.startswith(" ") or (left[-1:].isdigit() and right[:1].isdigit()):
                return True
    return False


def guess_separator(text: str, *, quotes: bool = True) -> Guess:
    """The separator that splits every row into the same number (two or more) of fields.

    Anki takes the first of tab, pipe, semicolon, colon, comma and space found in the first row
    (metadata.rs). quiz asks more of a guess, since a wrong one writes a wrong deck that passes
    `quiz check`: it must split every row alike (a space only where nothing else does). Where
    several do, one that reads as punctuation in the text (a decimal comma, a comma before a
    space) gives way, and then a comma, semicolon or colon gives way to a tab or pipe (seldom
    text); if still more than one is left, there is no guess. Where none does, Anki's
    choice is used and the uneven rows are reported.
    """
    fitting = {sep: rows for sep in _CANDIDATES if (rows := _splits_evenly(text, sep, quotes)) is not None}
    if not fitting and (rows := _splits_evenly(text, " ", quotes)) is not None:
        fitting = {" ": rows}  # words split by spaces evenly only where nothing else does
    fits = tuple(fitting)
    plain = [sep for sep, rows in fitting.items() if not _reads_as_punctuation(rows, sep)]
    if len(fitting) == 1:
        return Guess(fits[0], fits, "the only separator that splits every row into the same number of fields")
    if len(plain) == 1:
        return Guess(plain[0], fits, "it splits every row into the same number of fields, and the others read as text")
    rare = [sep for sep in plain if sep in _RARE_IN_TEXT]
    if len(rare) == 1:
        return Guess(rare[0], fits, "it splits every row alike and is seldom text, where the others often are")
    if len(fitting) > 1:
        names = " and ".join(separator_name(s) for s in fits)
        return Guess(None, fits, f"{names} each split every row into the same number of fields")
    first = next((line for line in text.split("\n") if line.strip() and not line.startswith("#")), "")
    sep = next((s for s in SEPARATORS.values() if s in first), "\t")
    return Guess(sep, (), "Anki's rule (the first of tab, pipe, semicolon, colon, comma, space in the first row)")
