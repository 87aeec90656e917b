"""The cards one row of an export gives: its note type's fields, cloze notes, guid, and what makes a card unusable."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import NamedTuple

from quiz.deck.checker import MAX_CHARS
from quiz.deck.errors import Problem
from quiz.deck.text import blank, control_characters, position
from quiz.interop.cloze import MAX_CLOZES, ClozeError, cloze_numbers, clozes, has_cloze
from quiz.interop.header import AnkiHeader
from quiz.interop.html_text import field_text
from quiz.interop.notetypes import ALWAYS_REVERSED, KNOWN_TYPES, Roles, fields_of, is_cloze, roles
from quiz.interop.rows import Row, unused_character
from quiz.untrusted import INVISIBLE_MARKS

THIRD_COLUMN = "fields after the second become the explanation"
"""The start of the note printed when quiz reads a third column differently from Anki, on purpose.
The note shows the first row it applies to, question, answer and explanation, so that a cut the
importer cannot see (`1,2;mg/dL`: the unit apart from its number) is there to read, not silent."""


def _third_column_note(line: int, question: str, answer: str, extra: tuple[str, ...]) -> str:
    def short(text: str) -> str:
        text = " ".join(text.split())
        return text if len(text) <= 40 else text[:39] + "…"

    return (
        f"{THIRD_COLUMN}, as on line {line}: question “{short(question)}”, answer “{short(answer)}”, "
        f"explanation “{short(chr(10).join(extra))}” (Anki would read the third as tags; a #tags column:N line "
        "says which column holds them; choose another separator with --separator if these are one field)"
    )


MAX_FIELD_CHARS = 50_000
"""The most characters a field may have as written in the file, HTML and all: five times the
longest text a deck holds (quiz.deck.checker.MAX_LONG_CHARS). A longer one is refused before it
is read as HTML or cloze text, which takes a second for each few megabytes."""


def fact_id_for_guid(guid: str) -> str:
    """The fact id an Anki note's guid gives: the same guid always gives the same id, whatever the text."""
    return "anki-" + hashlib.blake2b(guid.encode("utf-8"), digest_size=5).hexdigest()


@dataclass(frozen=True, slots=True)
class Card:
    """One fact to be: its line, question, answer, further text, tags, the id its note fixes ("" if none),
    and whether Anki would also ask it in reverse."""

    line: int
    front: str
    back: str
    extra: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    key: str = ""
    reverse: bool = False
    statement: str = ""
    """From a cloze note: the text with this card's span marked {{...}} (quiz.deck.statement)."""
    also: tuple[str, ...] = ()
    """The ids the guids of notes repeating this card's question and answer give (imported once,
    as this card): a deck made before may hold the fact under one of them."""


class Columns(NamedTuple):
    """How rows are laid out: their width, the columns Anki's header names (guid, notetype, deck,
    tags; 0-based), the column names, and the columns read as Anki's "Add Reverse" flag.

    A row may have fewer fields than the width (those left out are empty): each row is read in
    time proportional to its own fields, whatever the width a `#columns:` line names."""

    width: int
    special: dict[str, int]
    names: list[str]
    flags: frozenset[int] = frozenset()
    roles: dict[tuple[str, ...] | None, tuple[Roles, dict[int, int]]] | None = None
    """Each note type's fields -> its Roles and each extra column's place among them, made once
    (row_cards fills it; None: made for each row)."""


def _field(row: Row, column: int) -> str:
    """A row's field, "" for one the row leaves out at its end."""
    return row.fields[column] if column < len(row.fields) else ""


def row_note_type(row: Row, columns: Columns, head: AnkiHeader) -> str:
    """A row's note type: its notetype column's, else the header's ("" when neither says)."""
    if "notetype" in columns.special:
        return _field(row, columns.special["notetype"]).strip()
    return head.notetype


def _roles(columns: Columns, fields: tuple[str, ...] | None) -> tuple[Roles, dict[int, int]]:
    """The roles of the columns for a note type's fields, and each extra column's place (made once per note type)."""
    cache = columns.roles if columns.roles is not None else {}
    if fields not in cache:
        special = set(columns.special.values())
        text_columns = [c for c in range(columns.width) if c not in special and c not in columns.flags]
        role = roles(text_columns, columns.names, fields)
        cache[fields] = (role, {c: n for n, c in enumerate(role.extra)})
    return cache[fields]


def cards_at_most(row: Row, columns: Columns, head: AnkiHeader) -> int:
    """How many cards the row makes, read from its text as written (before its HTML is read, at C
    speed): one, or for a cloze note one for each cloze number, none past MAX_CLOZES (refused).
    Counted for every row before any card is made, so that a file whose cloze notes make more
    cards than a deck holds facts is refused at once, not after 20,000 cards are made."""
    note_type = row_note_type(row, columns, head)
    fields = fields_of(note_type) if note_type else None
    question = _roles(columns, fields)[0].question
    text = _field(row, question) if question is not None else ""
    if not (is_cloze(note_type) if note_type else has_cloze(text)):
        return 1
    numbers = len(cloze_numbers(text))
    return numbers if numbers <= MAX_CLOZES else 0


def row_cards(
    row: Row,
    columns: Columns,
    head: AnkiHeader,
    html: bool,
    path: Path,
    notes: list[str],
    unseen: list[int],
    read: dict[str, tuple[list[int], str]],
) -> tuple[list[Card], list[Problem], list[str]]:
    """The cards one row gives, its problems, and the media it named; the row's line is added to
    `unseen` where a field held characters that show as nothing (_INVISIBLE), which are taken out,
    and to `read` (with the first example of each kind) where a field was read otherwise than run
    together (quiz.interop.html_text.FieldText.notes: struck-out text left out...)."""
    special = set(columns.special.values())
    text_columns = [c for c in range(min(columns.width, len(row.fields))) if c not in special]  # those it has
    longest = max(text_columns, key=lambda c: len(row.fields[c]), default=None)
    if longest is not None and len(row.fields[longest]) > MAX_FIELD_CHARS:
        message = (
            f"field {longest + 1} is {len(row.fields[longest]):,} characters long, more than any text of a deck "
            f"may be, even written as HTML (at most {MAX_FIELD_CHARS:,} characters are read)"
        )
        return [], [Problem(path, row.line, None, message)], []
    note_type = row_note_type(row, columns, head)
    fields = fields_of(note_type) if note_type else None
    if note_type and fields is None:
        message = f'note type "{note_type}" in the note type column is not one quiz can import ({KNOWN_TYPES})'
        return [], [Problem(path, row.line, None, message)], []
    media: list[str] = []
    texts: dict[int, str] = {}
    colon = unused_character(*row.fields) if html else ":"  # the mark of an entity colon (_ESCAPED_COLON)
    for c in text_columns:
        field = field_text(_ESCAPED_COLON.sub(colon, row.fields[c]) if html else row.fields[c], html=html)
        texts[c], marks = re.subn(_INVISIBLE, "", field.text) if not field.text.isascii() else (field.text, 0)
        if marks:  # the spaces beside them were not at the field's end when the row was read
            texts[c] = texts[c].strip(" ")
            if unseen[-1:] != [row.line]:
                unseen.append(row.line)
        media += field.media
        for kind, example in field.notes:
            lines = read.setdefault(kind, ([], example))[0]
            if lines[-1:] != [row.line]:
                lines.append(row.line)
    role, place = _roles(columns, fields)
    tags = head.tags + (tuple(_field(row, columns.special["tags"]).split()) if "tags" in columns.special else ())
    tags = tuple(dict.fromkeys(tags))
    guid = _field(row, columns.special["guid"]).strip() if "guid" in columns.special else ""
    key = fact_id_for_guid(guid) if guid else ""
    first = texts.get(role.question, "") if role.question is not None else ""
    second = texts.get(role.answer, "") if role.answer is not None else ""
    extra = tuple(texts[c] for c in sorted((c for c in texts if c in place), key=place.__getitem__) if texts[c].strip())
    noted = any(n.startswith(THIRD_COLUMN) for n in notes)
    if extra and fields is None and "tags" not in columns.special and not noted:
        shown = [t.replace(colon, ":") for t in (first, second, *extra)]
        notes.append(_third_column_note(row.line, shown[0], shown[1], tuple(shown[2:])))
    if is_cloze(note_type) if note_type else has_cloze(first):
        cards, problems, media = _cloze_cards(row, first, (second, *extra), tags, key, path, media)
        return [_colons(card, colon) for card in cards], problems, media
    first, second, extra = first.replace(colon, ":"), second.replace(colon, ":"), tuple(_unmark(extra, colon))
    texts = {c: t.replace(colon, ":") for c, t in texts.items()}
    problems = _card_problems(row.line, first, second, extra, tags, media, path, _labels(fields, role))
    flagged = any(_field(row, c).strip() for c in columns.flags)
    reversed_too = (
        flagged
        or note_type.casefold() == ALWAYS_REVERSED
        or (role.reverse is not None and texts.get(role.reverse, "").strip())
    )
    return [Card(row.line, first, second, extra, tags, key, reverse=bool(reversed_too))], problems, media


_INVISIBLE = f"[{INVISIBLE_MARKS}]"
"""Characters that show as nothing and that no text needs (quiz.untrusted.INVISIBLE_MARKS): in a
question they make it look like another, and a byte-order mark starts each file two joined
exports were (quiz export's word joiners in `\\(` are taken out before, by field_text). Compiled at
first use, through re's cache, as quiz.untrusted does its classes beyond Latin-1."""

_ESCAPED_COLON = re.compile(r"&(?:#0*58|#x0*3a|colon);", re.IGNORECASE)
"""A colon written as an entity. In a cloze deletion it is text, never part of the "::" that
starts a hint (Anki parses clozes before entities are read, and quiz export writes ":" in a
deletion this way): it is read as a mark no field holds until the deletions are found."""


def _unmark(texts: tuple[str, ...], colon: str) -> list[str]:
    return [t.replace(colon, ":") for t in texts]


def _colons(card: Card, colon: str) -> Card:
    """The card with each entity colon (_ESCAPED_COLON) back as ":"."""
    return replace(
        card,
        front=card.front.replace(colon, ":"),
        back=card.back.replace(colon, ":"),
        extra=tuple(_unmark(card.extra, colon)),
        statement=card.statement.replace(colon, ":"),
    )


def _cloze_cards(
    row: Row, text: str, extra: tuple[str, ...], tags: tuple[str, ...], key: str, path: Path, media: list[str]
) -> tuple[list[Card], list[Problem], list[str]]:
    try:
        made = clozes(text, MAX_CHARS)  # the loader's limit, before a hundred cards are made
    except ClozeError as err:
        return [], [Problem(path, row.line, None, str(err))], media
    if not made:
        return [], [Problem(path, row.line, None, "a cloze note without a cloze deletion such as {{c1::...}}")], media
    cards, problems = [], []
    extra = tuple(e for e in extra if e.strip())
    for cloze in made:
        labels = ("cloze text", f"cloze deletion c{cloze.number}")
        problems += _card_problems(row.line, cloze.question, cloze.answer, extra, tags, media, path, labels)
        key_n = f"{key}-c{cloze.number}" if key else ""
        cards.append(Card(row.line, cloze.question, cloze.answer, extra, tags, key_n, statement=cloze.statement))
    return cards, list(dict.fromkeys(problems)), media


_LABELS = ("term (first field)", "definition (second field)")


def _labels(fields: tuple[str, ...] | None, role: Roles) -> tuple[str, str]:
    """How a refusal names the question's and the answer's field: by the note type's name and column where known."""
    if fields is None:
        return _LABELS
    columns = (role.question, role.answer)
    return (
        f'term (the "{fields[0]}" field, column {(columns[0] or 0) + 1})',
        f'definition (the "{fields[1]}" field, column {(columns[1] or 0) + 1})',
    )


def _card_problems(
    line: int,
    front: str,
    back: str,
    extra: tuple[str, ...],
    tags: tuple[str, ...],
    media: list[str],
    path: Path,
    labels: tuple[str, str] = _LABELS,
) -> list[Problem]:
    found = []
    for label, value in zip(labels, (front, back), strict=True):
        if blank(value):
            if media:
                message = f"the {label} is only media ({', '.join(media)}), which a deck cannot show"
            else:
                message = f"the {label} is empty"
            found.append(Problem(path, line, None, message))
    for label, values in (
        (f"the {labels[0]}", [front]),
        (f"the {labels[1]}", [back]),
        ("a further field", list(extra)),
        ("a tag", list(tags)),
    ):
        for value in values:
            bad = control_characters().search(value)
            if bad:  # every one the field holds, so one pass removes them all
                named = ", ".join(f"U+{ord(c):04X}" for c in dict.fromkeys(control_characters().findall(value)))
                what, it = ("the control characters", "them") if "," in named else ("the control character", "it")
                found.append(
                    Problem(
                        path,
                        line + position(value, bad.start())[0] - 1,
                        None,
                        f"{label} contains {what} {named}, which a deck cannot hold; remove {it} and import again",
                    )
                )
    return found
