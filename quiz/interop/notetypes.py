"""The Anki note types quiz imports, their fields, and which column holds what in a row."""

from __future__ import annotations

from typing import NamedTuple

from quiz.interop.header import ANSWER_NAMES, QUESTION_NAMES, column_name

NOTE_TYPES = {
    "basic": ("Front", "Back"),
    "basic (type in the answer)": ("Front", "Back"),
    "basic (and reversed card)": ("Front", "Back"),
    "basic (optional reversed card)": ("Front", "Back", "Add Reverse"),
    "cloze": ("Text", "Back Extra"),
}
"""Anki's stock note types quiz imports (by name, any case) and their fields in order."""

QUIZ_NOTE_TYPE = ("Question", "Answer", "Explanation", "Wrong options", "Source")
"""The fields of the note type `quiz export` writes ("quiz: DECK-ID"), in order (quiz.interop.anki uses
these). "Wrong options" (each distractor's why) and the source are the deck's own, not imported."""

QUIZ_CLOZE_PREFIX = "quiz cloze: "
"""The start of the name of the cloze note type `quiz export` writes for facts with a statement
("quiz cloze: DECK-ID"); its fields are the stock Cloze type's."""

KNOWN_TYPES = "Basic, its reversed and typed-answer variants, Cloze, and quiz's own"
"""The note types quiz imports, as a refusal names them."""

ALWAYS_REVERSED = "basic (and reversed card)"

_SAME_AS = {**dict.fromkeys(QUESTION_NAMES, "front"), **dict.fromkeys(ANSWER_NAMES, "back")}
"""Column names that mean Anki's Front and Back ("Question", "Term", "Frage"; "Answer", "Definition", "Antwort")."""
_NOT_TEXT = {"add reverse", "source"}


class Roles(NamedTuple):
    """The columns (0-based) of a row that hold the question, the answer, Anki's reverse flag, and further text."""

    question: int | None
    answer: int | None
    reverse: int | None
    extra: list[int]


def fields_of(note_type: str) -> tuple[str, ...] | None:
    """The fields of a note type quiz imports, in order; None for any other."""
    if is_cloze(note_type):
        return NOTE_TYPES["cloze"]
    return QUIZ_NOTE_TYPE if is_quiz_type(note_type) else NOTE_TYPES.get(note_type.casefold())


def is_quiz_type(note_type: str) -> bool:
    """Whether a note type is one `quiz export` writes ("quiz: DECK-ID", "quiz cloze: DECK-ID")."""
    return note_type.startswith(("quiz: ", QUIZ_CLOZE_PREFIX))


def is_cloze(note_type: str) -> bool:
    """Whether a note type is Anki's Cloze or the cloze type `quiz export` writes."""
    return note_type.casefold() == "cloze" or note_type.startswith(QUIZ_CLOZE_PREFIX)


def roles(text_columns: list[int], names: list[str], fields: tuple[str, ...] | None) -> Roles:
    """Map a row's text columns to the note type's fields: by name where the columns are named
    (Front/Question/Term, Back/Answer/Definition...), else in order, as Anki maps them."""
    wanted = [f.casefold() for f in (fields or ("Front", "Back"))]
    by_name: dict[str, int] = {}
    for c in text_columns:
        name = column_name(names[c]) if c < len(names) else ""
        name = _SAME_AS.get(name, name)
        if name in wanted and name not in by_name:
            by_name[name] = c
    if not by_name:
        by_name = dict(zip(wanted, text_columns, strict=False))
    free = [c for c in text_columns if c not in by_name.values()]
    for field in wanted[:2]:  # a question or answer no column names takes the first column no name took
        if field not in by_name and free:
            by_name[field] = free.pop(0)
    used = set(by_name.values())
    further = [by_name[w] for w in wanted[2:] if w in by_name and w not in _NOT_TEXT]
    return Roles(
        question=by_name.get(wanted[0]),
        answer=by_name.get(wanted[1]) if len(wanted) > 1 else None,
        reverse=by_name.get("add reverse"),
        extra=further + [c for c in text_columns if c not in used],
    )
