"""Rows of fields from delimited text, with the stdlib's csv, and the separator a file uses.

A field in double quotes may hold the separator, line breaks and "" for a quote, and keeps every
space; spaces around a field not in quotes are dropped (`term: definition`, `a, b` are written with
one; a stray tab too). A line starting with `#` where a row would start is a comment (as Anki reads it). A separator
longer than one character (Quizlet's custom ones, such as " - ") is read the same way, through a
character the text does not hold.

A separator that is also written inside numbers (comma, point, colon, space, apostrophe), not in
quotes, between a number and a digit (`Potassium,5,5 mmol/L`) most likely cuts a number written
with a decimal comma (or a time, `10:30`) in two: reading finds each such split
(Rows.splits), a guess never takes a separator that makes one, and quiz/interop/table.py refuses the
row, since the alternative is a deck whose answer is a wrong number.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterator
from typing import NamedTuple

from quiz.interop.header import separator_name
from quiz.interop.signs import prose_after, spaced_mark

_CANDIDATES = ("\t", "|", ";", ":", ",")
"""The separators a guess tries, in Anki's order (metadata.rs); a space only where none of these
splits every row alike."""


GUESS_LINES = 5_000
"""The most lines a guess reads, blank lines and comments included: a sample, as csv.Sniffer and
Anki guess from one (Anki from the first line), large enough for a deck of hundreds of cards to
be read whole. Reading the whole file with each candidate cost seconds for a file of nothing but
blank lines; the rows after the sample are read once, with the separator chosen, and any that do
not fit it are reported with their lines (quiz/interop/table.py)."""
GUESS_BYTES = 256 * 1024
"""The most characters of the text a guess reads: the whole lines among the first this many (the
start of a first line longer than that): a sample of rows a thousand fields wide is read with
each candidate in milliseconds."""
MAX_FIELDS = 1_000
"""The most fields a row may have. Anki's note types have a handful; a row of thousands is not a
card (and each would be read, then joined into an explanation far over its limit)."""


class Row(NamedTuple):
    """One row: the line it starts on and its fields."""

    line: int
    fields: list[str]


class BadRow(NamedTuple):
    """A row csv cannot read (an unclosed quote, text after a closing quote), at the line it starts."""

    line: int
    message: str


class Split(NamedTuple):
    """A separator not in quotes between a number and a digit: the row's line, the index of the
    field before it, and the text it cuts ("5,5")."""

    line: int
    field: int
    text: str


class Rows(NamedTuple):
    """What reading found: the rows, the unreadable ones, the lines of comments skipped, and every
    separator that cuts what looks like one number."""

    rows: list[Row]
    bad: list[BadRow]
    comments: list[int]
    splits: list[Split]
    stopped: bool = False
    """True when `stop` ended the reading before the end of the text."""
    words: tuple[int, ...] = ()
    """Lines where the separator is a space not in quotes between two fields not in quotes: the
    space between two words of a text as much as a separator (`Aspirin tablet`)."""


_NUMBER_MARKS = frozenset(",.: '")
"""Separators that are also written inside numbers: a decimal comma or point, a time's colon, a
thousands space or apostrophe. A tab, pipe or semicolon between two numbers separates them."""
_NUMBER_END = re.compile(r"(?<!\w)\d+$")
"""A field's last word is a number ("below 7", "38"; not "B12" or "HbA1")."""
_DIGITS_START = re.compile(r"\d+")


def _unquoted(raw: str, fields: list[str], sep: str) -> list[bool]:
    """Which fields were written without quotes, from the row's text as csv read it (strict: a quoted
    field is exactly `"` + the field with each `"` doubled + `"`)."""
    flags, pos = [], 0
    for f in fields:
        quoted = raw.startswith('"', pos)
        flags.append(not quoted)
        pos += len(f) + (f.count('"') + 2 if quoted else 0) + len(sep)
    return flags


def _number_splits(line: int, fields: list[str], unquoted: list[bool], sep: str) -> list[Split]:
    if sep not in _NUMBER_MARKS:
        return []
    found = []
    for i in range(len(fields) - 1):
        left, right = fields[i], fields[i + 1]
        if left[-1:].isdigit() and right[:1].isdigit() and unquoted[i] and unquoted[i + 1]:
            end, start = _NUMBER_END.search(left), _DIGITS_START.match(right)
            if end and start:
                found.append(Split(line, i, end.group() + sep + start.group()))
    return found


_PRIVATE_USE = (range(0xE000, 0xF900), range(0xF0000, 0xFFFFE), range(0x100000, 0x10FFFE))
"""Unicode's private use areas: characters no export gives a meaning to."""


class EveryMarkUsed(ValueError):
    """A text holds every private use character (137,468 of them: a made-up file), so that none is
    left to stand for a separator, a line break or a colon while it is read."""


def unused_character(*texts: str) -> str:
    """A private use character (_PRIVATE_USE) that none of `texts` holds, to stand for text (a
    separator, a line break, a colon) while they are read; EveryMarkUsed if they hold every one.

    The texts are read once into a set (a search of the whole text for each candidate took
    minutes in a text that holds the first thousands)."""
    used: set[str] = set()
    for text in texts:
        used.update(text)
    for area in _PRIVATE_USE:
        for code in area:
            if chr(code) not in used:
                return chr(code)
    raise EveryMarkUsed("the text holds every private use character, one of which quiz needs to read it")


def read_rows(
    text: str,
    sep: str,
    *,
    first_line: int = 1,
    quotes: bool = True,
    stop: Callable[[Row | BadRow], bool] | None = None,
    max_lines: int | None = None,
) -> Rows:
    """Split `text` (newlines as \\n) into rows; `first_line` is the file line `text` starts on.

    Rows are read one at a time: where `stop` is given, reading ends after the first row (or bad
    row) it returns True for, and Rows.stopped says so, so that a limit is enforced as soon as it
    is passed rather than after reading the whole file. Where `max_lines` is given, only the
    first `max_lines` lines are read (blank lines and comments count; each line is read once): a
    row they end in the middle of (a quoted field going on) is left out, and Rows.stopped says
    that lines were left.
    """
    if len(sep) > 1:
        mark = unused_character(text)
        found = read_rows(
            text.replace(sep, mark), mark, first_line=first_line, quotes=quotes, stop=stop, max_lines=max_lines
        )
        restored = [Row(r.line, [f.replace(mark, sep) for f in r.fields]) for r in found.rows]
        cuts = [s._replace(text=s.text.replace(mark, sep)) for s in found.splits]
        return Rows(restored, found.bad, found.comments, cuts, found.stopped, found.words)
    if csv.field_size_limit() < len(text):
        # csv refuses a field longer than its limit (131,072 characters unless set) with an error
        # that reads as a missing quote. No field is longer than the text, which an import holds
        # whole (at most quiz.deck.load.MAX_BYTES), so the limit, which is the process's, is
        # raised to the text's length: a long field is read, then refused by the deck's own
        # limits at its line (quiz.interop.importer.loader_problems).
        csv.field_size_limit(len(text))
    lines = text.split("\n") if max_lines is None else text.split("\n", max_lines)
    cut = max_lines is not None and len(lines) > max_lines and lines.pop() != ""
    if lines and lines[-1] == "":
        lines.pop()
    state = {"next": 0, "start": 0, "at_start": True}
    comments: list[int] = []
    raw: list[str] = []  # the lines of the row being read

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
            raw.append(line + "\n")
            yield line + "\n"

    if quotes:
        reader = csv.reader(feed(), delimiter=sep, quoting=csv.QUOTE_MINIMAL, strict=True)
    else:
        reader = csv.reader(feed(), delimiter=sep, quoting=csv.QUOTE_NONE, strict=True)
    rows: list[Row] = []
    bad: list[BadRow] = []
    splits: list[Split] = []
    words: list[int] = []
    while True:
        state["at_start"] = True
        raw.clear()
        try:
            fields = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            if cut and state["next"] == len(lines):
                break  # a row the sample ends inside: not read, not bad
            bad.append(BadRow(state["start"], _csv_message(str(err))))
            if stop is not None and stop(bad[-1]):
                return Rows(rows, bad, comments, splits, True, tuple(words))
            continue
        if len(fields) <= MAX_FIELDS:  # a wider row is refused as it is
            unquoted = _unquoted("".join(raw), fields, sep) if quotes else [True] * len(fields)
            splits += _number_splits(state["start"], fields, unquoted, sep)  # "7, 5" is a list, not a split
            if sep == " " and any(a and b for a, b in zip(unquoted, unquoted[1:], strict=False)):
                words.append(state["start"])
            fields = [f.strip(" \t") if plain else f for f, plain in zip(fields, unquoted, strict=True)]
        rows.append(Row(state["start"], fields))
        if stop is not None and stop(rows[-1]):
            return Rows(rows, bad, comments, splits, True, tuple(words))
    return Rows(rows, bad, comments, splits, cut, tuple(words))


def _csv_message(error: str) -> str:
    if "expected after" in error:
        return (
            "text follows a closing quote in the same field; put the whole field in quotes (writing a quote "
            'inside as ""), or use --no-quotes if quotes in this file are part of the text'
        )
    return 'a quoted field starts here but its closing quote is missing (a quote inside a quoted field is written "")'


class Guess(NamedTuple):
    """The separator chosen, or none with the reason; `fits` lists every one that gave each row two
    or more fields."""

    separator: str | None
    fits: tuple[str, ...]
    reason: str


def _fields_on_every_row(text: str, sep: str, quotes: bool, first_line: int) -> Rows | None:
    """The rows `sep` gives in the sample a guess reads (GUESS_LINES, GUESS_BYTES), or None as
    soon as a row is unreadable or has fewer than two fields (or more than MAX_FIELDS)."""
    lines = GUESS_LINES
    if len(text) > GUESS_BYTES:
        lines = min(GUESS_LINES, text.count("\n", 0, GUESS_BYTES))  # the whole lines in the sample
        if lines == 0:
            text, lines = text[:GUESS_BYTES], 1  # the start of a first line longer than the sample

    def unfit(row: Row | BadRow) -> bool:
        return isinstance(row, BadRow) or not 2 <= len(row.fields) <= MAX_FIELDS or _no_answer(row)

    found = read_rows(text, sep, quotes=quotes, first_line=first_line, stop=unfit, max_lines=lines)
    if found.bad or not found.rows or unfit(found.rows[-1]):
        return None
    return found


def _ending_every_row(text: str, chosen: str) -> str | None:
    """The candidate separator other than `chosen` that ends every line of the sample a guess
    reads (`Fever<TAB>38 °C;`: a stray one, or the real one with a stray `chosen` inside), or None."""
    lines = [
        line.rstrip(" \t")
        for line in text[:GUESS_BYTES].split("\n", GUESS_LINES)[:GUESS_LINES]
        if line.strip() and not line.startswith("#")
    ]
    others = [sep for sep in _CANDIDATES if sep not in (chosen, "\t")]
    return next((sep for sep in others if lines and all(line.endswith(sep) for line in lines)), None)


_CLOZE_START_CUT = re.compile(r"\{\{c[0-9]+\Z")
"""A field ending where a colon separator cut a cloze deletion's start (`{{c1` of `{{c1::`)."""


def _no_answer(row: Row) -> bool:
    """True when the fields give the row no answer: only its first field holds text
    (`60 to 100<TAB>`: the separator only at its end) and that is no cloze note's text, which is a
    card alone; or they cut a cloze deletion's `{{c1::` (its colons are not a separator)."""
    from quiz.interop.cloze import has_cloze

    if any(_CLOZE_START_CUT.search(f) and not after for f, after in zip(row.fields, row.fields[1:], strict=False)):
        return True
    return not any(f.strip() for f in row.fields[1:]) and not has_cloze(row.fields[0])


def _splitting(fitting: dict[str, Rows]) -> str:
    """How the fitting separators split the rows, for the reason a guess gives: "into the same
    number of fields" where each splits every row alike, else "into two or more fields" (rows may
    leave out the fields after the answer, as in `question;answer[;explanation]`)."""
    even = all(len({len(r.fields) for r in found.rows}) == 1 for found in fitting.values())
    return "into the same number of fields" if even else "into two or more fields"


def guess_separator(text: str, *, quotes: bool = True, first_line: int = 1) -> Guess:
    """The separator that splits every row into two or more fields (a row may leave out the fields
    after its answer: `question;answer[;explanation]`, as Anki, csv.Sniffer and LibreOffice read
    rows of different widths).

    Anki takes the first of tab, pipe, semicolon, colon, comma and space found in the file
    (metadata.rs, delimiter_from_reader). quiz asks more of a guess, since a wrong one writes a
    wrong deck that passes `quiz check`: it must give every row of the sample it reads (GUESS_LINES
    lines) a question and an answer: a separator met only at the end of a row (`60 to 100<TAB>`)
    or cutting a cloze deletion's `{{c1::` gives it none (_no_answer). Where several fit, one that
    cuts a number in two (`5,5 mmol/L` at the comma: Rows.splits) gives way; if still more than one
    is left there is no guess, and quiz asks: `Dose, adult;5 mg` or `Q1;A1|x` could be either, a
    comma before a space is no proof (a guess that reads prose is still a guess), and nor is a
    tab: one pasted into a field of every row (`q;a;x<TAB>y`) splits each as the semicolons do.
    Where only one separator fits it is taken even if it cuts numbers, and the rows it cuts are
    refused with their lines (quiz/interop/table.py); but where another candidate ends every row
    (`Fever<TAB>38 °C;`), it would stay in the last field, and quiz asks; so it does where a spaced
    mark stands before it in every row (`Fever = high, in the mouth`), unless it is an export's tab,
    and where a comma or semicolon that splits a row into three fields or more is followed by a
    space after the first, as in a sentence (`Fever,38 °C, or more`: quiz.interop.signs.prose_after).

    A space is guessed only where nothing else fits, and only where each space it splits at has a
    field in quotes beside it (`"Heart rate" "60 to 100"`): a space between two bare words is how
    a text is written (`Aspirin tablet`, `Aspirin - painkiller`), not proof of two fields. Where
    nothing fits, Anki's choice among the others is used and the rows it does not fit are reported
    (a tab where none is in the first row: a file of one column, which quiz/interop/table.py
    refuses as such).
    """
    fitting = {
        sep: found for sep in _CANDIDATES if (found := _fields_on_every_row(text, sep, quotes, first_line)) is not None
    }
    if not fitting and (found := _fields_on_every_row(text, " ", quotes, first_line)) is not None and not found.words:
        fitting = {" ": found}
    fits = tuple(fitting)
    whole = [sep for sep, found in fitting.items() if not found.splits]
    if len(fitting) == 1 or len(whole) == 1:
        chosen = fits[0] if len(fitting) == 1 else whole[0]
        if (stray := _ending_every_row(text, chosen)) is not None:
            reason = (
                f"every row ends in a {separator_name(stray)}, which would stay at the end of its last field "
                f"if the {separator_name(chosen)} separates the fields"
            )
            return Guess(None, fits, reason)
        if chosen != "\t" and (mark := spaced_mark(text, before=chosen)) is not None:
            said = f"the {separator_name(chosen)} splits every row, but every row holds “{mark}” before it"
            return Guess(None, fits, said + ", which may be what separates a term and its definition")
        if (prose := prose_after(text, fitting[chosen].rows, chosen, first_line)) is not None:
            return Guess(None, fits, prose)
        if len(fitting) == 1:
            return Guess(chosen, fits, f"the only separator that splits every row {_splitting(fitting)}")
        cut = next(found.splits[0] for found in fitting.values() if found.splits)
        if (loose := _not_only_in_numbers(text, [sep for sep in fits if sep != chosen])) is not None:
            other, line = loose
            name = separator_name(other)
            reason = (
                f"{separator_name(chosen)} and {name} each split every row; the {name} cuts a number in two "
                f"(“{cut.text}” on line {cut.line}), but it stands outside a number too (line "
                f"{line + first_line - 1}), so it may be the separator, with the {separator_name(chosen)} in the text"
            )
            return Guess(None, fits, reason)
        return Guess(
            chosen,
            fits,
            f"it splits every row {_splitting({chosen: fitting[chosen]})}, and the others would cut a number "
            f"in two (“{cut.text}” on line {cut.line})",
        )
    if len(fitting) > 1:
        names = " and ".join(separator_name(s) for s in fits)
        return Guess(None, fits, f"{names} each split every row {_splitting(fitting)}")
    first = next((line for line in text.split("\n", GUESS_LINES) if line.strip() and not line.startswith("#")), "")
    sep = next((s for s in _CANDIDATES if s in first), "\t")
    return Guess(sep, (), "Anki's rule (the first of tab, pipe, semicolon, colon, comma in the first row)")


def _not_only_in_numbers(text: str, others: list[str]) -> tuple[str, int] | None:
    """The first of `others` (separators that fit but cut a number) that stands outside a number
    somewhere in the sample a guess reads (not between two digits: `type 2,under 7 %`), with the
    line (of `text`, from 1); None if each stands only between digits (a decimal or thousands
    mark: `1,2 mg/dL`), where it gives way to the separator that cuts none."""
    lines = text[:GUESS_BYTES].split("\n", GUESS_LINES)[:GUESS_LINES]
    for sep in others:
        between = re.compile(r"(?<=[0-9])" + re.escape(sep) + r"(?=[0-9])")
        for n, line in enumerate(lines, start=1):
            if not line.startswith("#") and line.count(sep) > len(between.findall(line)):
                return sep, n
    return None
