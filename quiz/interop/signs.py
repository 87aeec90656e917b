"""What in a file's rows says that a separator which splits every row is text as well: a mark
with spaces around it before it in every row (spaced_mark), a comma or semicolon followed by a
space in the fields after the second (prose_after). quiz.interop.rows.guess_separator asks for
--separator instead of guessing where one is found."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from quiz.interop.header import separator_name

if TYPE_CHECKING:
    from quiz.interop.rows import Row

SPACED_MARKS = (" - ", " – ", " — ", " = ", " : ", " -> ", " → ")
"""Marks written with a space either side between a term and its definition (Quizlet's custom
separator, a list typed by hand): never guessed, since each is also text, but named in the
message that asks for a separator where every row holds one."""


def spaced_mark(text: str, before: str | None = None) -> str | None:
    """The mark of SPACED_MARKS that every row (line not a comment or blank) of `text` holds, or
    None; with `before` (a separator), only in a first field not in quotes, before the separator
    ("Fever = high, in the mouth", where a mark after it is the definition's: "Sodium,135 - 145")."""
    lines = [line for line in text.split("\n") if line.strip() and not line.startswith("#")]
    if before is not None:
        lines = ["" if line.lstrip().startswith('"') else line.split(before, 1)[0] for line in lines]
    return next((mark for mark in SPACED_MARKS if lines and all(mark in line for line in lines)), None)


def prose_after(text: str, rows: Sequence[Row], sep: str, first_line: int) -> str | None:
    """Why a comma or semicolon that splits every row of `text` (rows read from its line
    `first_line`) may be the text's own, or None: in a row it splits into three fields or more, it
    is followed by a space after the row's first one, which is not, as a comma in a sentence is (a
    Quizlet export with commas between term and definition writes "Fever,38 °C, or more", and the
    answer read was "38 °C", its "or more" an explanation: a tester's report). A spreadsheet's
    third column ("Fever,38 °C,Call the team") and a row spaced alike ("Fever, 38 °C, Call the
    team") are read as before."""
    if sep not in ",;":
        return None
    lines = text.split("\n")
    for row in rows:
        at = row.line - first_line
        line = lines[at] if len(row.fields) > 2 and 0 <= at < len(lines) else ""
        rest = line.partition(sep)[2]
        if '"' in line:  # fields in quotes: csv reads their commas as text, as written
            continue
        if not rest.startswith((" ", "\t")) and sep + " " in rest:  # "a, b, c" is spaced alike: no sign
            name = separator_name(sep)
            return (
                f"the {name} splits every row, but on line {row.line} it also stands in the text "
                f"(“{rest.strip()}”), as in a sentence: put a definition that holds a {name} in "
                f"double quotes, or export with a tab between term and definition; --separator {name} reads every "
                f"{name} as a separator (fields after the second become the explanation)"
            )
    return None
