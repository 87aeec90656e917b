"""Make a deck from the plain-text card lists people export from Anki and Quizlet.

Anki's "Notes in Plain Text" files are read as Anki reads them (quiz/interop/header.py): the
header, the separator, HTML, column names, note types, guids and tags. Where quiz chooses
differently on purpose (docs/interop.md lists each), it prints a note whenever that applies.
Every row that cannot become a fact is reported with its line; nothing is dropped without a word.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from quiz.deck.errors import DeckError, Problem
from quiz.deck.model import Deck, Fact
from quiz.deck.text import CONTROL, position, slugify, unique
from quiz.interop.cloze import clozes, has_cloze
from quiz.interop.header import SEPARATORS, AnkiHeader, read_header, separator_name
from quiz.interop.html_text import field_text, looks_like_html
from quiz.interop.notetypes import ALWAYS_REVERSED, KNOWN_TYPES, Roles, fields_of, is_cloze, roles
from quiz.interop.rows import Row, guess_separator, read_rows
from quiz.plural import plural

HEADER_ROWS = {("term", "definition"), ("front", "back"), ("question", "answer")}
"""First rows read as column names rather than as a card (quiz's choice; Anki imports them as a card)."""

THIRD_COLUMN = (
    "fields after the second become the explanation (Anki would read the third as tags; "
    "a #tags column:N line says which column holds them)"
)
"""The note printed when quiz reads a third column differently from Anki, on purpose."""

_HTML_SAMPLE = 5  # Anki guesses HTML from the first five rows (metadata.rs PREVIEW_LENGTH)
_ID_LENGTH = 40


def separator_text(name: str) -> str:
    """The separator a name stands for ("tab", "comma", ..., "\\t") or the text itself; ValueError if unusable."""
    key = name.strip().casefold()
    if key in SEPARATORS:
        return SEPARATORS[key]
    if name == "\\t":
        return "\t"
    if name and "\n" not in name and "\r" not in name and not name.startswith(('"', "#")):
        return name
    known = ", ".join(SEPARATORS)
    raise ValueError(f"cannot separate fields with {name!r}: use one of {known}, or other text without quotes")


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


@dataclass(slots=True)
class CardTable:
    """What reading a file found: the cards, the rows that could not be read, and what was decided."""

    cards: list[Card] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    deck_name: str = ""


class _Columns(NamedTuple):
    width: int
    special: dict[str, int]
    names: list[str]
    flags: frozenset[int] = frozenset()  # columns read as Anki's "Add Reverse" flag


def read_cards(
    text: str,
    path: Path | str = "<cards>",
    *,
    separator: str | None = None,
    header: bool | None = None,
    quotes: bool = True,
    html: bool | None = None,
    row_separator: str | None = None,
) -> CardTable:
    """Read an Anki or Quizlet text export.

    `header` None means "a first row like term/definition is a header"; `html` None means "as the
    file's #html line says, or guessed from its first rows". `row_separator` is Quizlet's "between
    rows" choice when it is not a new line (then a line break is text, and positions count rows).
    """
    path = Path(path)
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    head = read_header(lines)
    body = "\n".join(lines[head.lines :])
    table = CardTable(deck_name=_deck_name(head.deck))
    table.notes += [f"ignored {reason}" for reason in head.ignored]
    line_break = ""
    if row_separator not in (None, "\n"):
        line_break = next(chr(c) for c in range(0xE000, 0xF900) if chr(c) not in body)
        body = body.replace("\n", line_break).replace(row_separator, "\n")
        table.notes.append(f"rows separated by {separator_name(row_separator)} (line numbers in messages count rows)")
    sep = separator or head.separator
    guessed = sep is None
    if sep is None:
        guess = guess_separator(body, quotes=quotes)
        if guess.separator is None:
            table.problems.append(
                Problem(
                    path,
                    head.lines + 1,
                    None,
                    f"cannot tell the separator: {guess.reason}; choose one with --separator",
                )
            )
            return table
        sep = guess.separator
        table.notes.append(
            f"fields separated by {separator_name(sep)} (a guess: {guess.reason}; choose with --separator)"
        )
    found = read_rows(body, sep, first_line=head.lines + 1, quotes=quotes)
    if line_break:
        found = found._replace(rows=[Row(r.line, [f.replace(line_break, "\n") for f in r.fields]) for r in found.rows])
    table.problems += [Problem(path, bad.line, None, bad.message) for bad in found.bad]
    if found.comments:
        shown = ", ".join(map(str, found.comments[:10])) + (", ..." if len(found.comments) > 10 else "")
        table.notes.append(f"skipped {plural(len(found.comments), 'comment line')} starting with # (line {shown})")
    rows = found.rows
    names = head.columns
    if rows and head.columns is None and (header or (header is None and _names_columns(rows[0]))):
        line, names = rows.pop(0)
        table.notes.append(f"line {line} read as column names: {' | '.join(names)}")
    if not rows:
        return table
    columns = _columns(head, names, rows, path, table)
    if columns is None:
        return table
    if rows and all(len(r.fields) == 1 for r in rows) and columns.width == 1:
        hint = " (a guess)" if guessed else ""
        table.problems.append(
            Problem(
                path,
                rows[0].line,
                None,
                f"no row has a {separator_name(sep)}{hint} between a term and its definition; "
                "choose the separator with --separator (tab, comma, semicolon, pipe or any text)",
            )
        )
        return table
    if head.notetype and "notetype" not in columns.special and fields_of(head.notetype) is None:
        message = f'#notetype: note type "{head.notetype}" is not one quiz can import ({KNOWN_TYPES})'
        table.problems.append(Problem(path, head.where["notetype"], None, message))
        return table
    if html is None:
        html = head.html
    if html is None:
        html = any(looks_like_html(f) for r in rows[:_HTML_SAMPLE] for f in r.fields)
        if html:
            table.notes.append(
                "fields read as HTML: the first rows hold HTML tags and the file has no #html line "
                "(--no-html reads them as plain text)"
            )
    decks: set[str] = set()
    media: list[str] = []
    for row in rows:
        if len(row.fields) > columns.width and not any(f.strip() for f in row.fields[columns.width :]):
            row = Row(row.line, row.fields[: columns.width])  # stray separators at the end of the row
        if len(row.fields) != columns.width:
            table.problems.append(Problem(path, row.line, None, _width_message(row, columns, head, sep, guessed)))
            continue
        if "deck" in columns.special:
            decks.add(row.fields[columns.special["deck"]])
        cards, problems, row_media = _row_cards(row, columns, head, html, path, table.notes)
        table.problems += problems
        if row_media:
            media.append(f"line {row.line} ({', '.join(row_media)})")
        if not problems:
            table.cards += cards
    reversed_lines = [str(card.line) for card in table.cards if card.reverse]
    if reversed_lines:
        table.notes.append(
            f"Anki also asks {plural(len(reversed_lines), 'card')} in reverse "
            f"({'line' if len(reversed_lines) == 1 else 'lines'} {', '.join(reversed_lines)}); "
            "quiz asks the front only"
        )
    if media:
        table.notes.append(f"left out media, which a deck cannot show: {'; '.join(media)}")
    if len(decks) == 1 and not table.deck_name:
        table.deck_name = _deck_name(decks.pop())
    _report_duplicates(table, path)
    return table


def _deck_name(name: str) -> str:
    name = name.rsplit("::", 1)[-1].strip()
    return "" if CONTROL.search(name) else name


def _names_columns(row: Row) -> bool:
    return tuple(f.strip().casefold() for f in row.fields[:2]) in HEADER_ROWS


def _columns(
    head: AnkiHeader, names: list[str] | None, rows: list[Row], path: Path, table: CardTable
) -> _Columns | None:
    """How wide rows are and which columns hold what; None (and a problem) when the header cannot be used."""
    width = len(names) if names is not None else len(rows[0].fields)
    before = len(table.problems)
    for key, column in head.special.items():
        if column >= width:
            table.problems.append(
                Problem(
                    path,
                    head.where.get(f"{key} column"),
                    None,
                    f"#{key} column:{column + 1} names column {column + 1}, but the rows have {plural(width, 'field')}",
                )
            )
    if len(table.problems) > before:
        return None
    special = {k: v for k, v in head.special.items() if k in ("guid", "notetype", "deck", "tags")}
    return _Columns(width, special, names or [], _reverse_flags(head, width, special, rows))


def _reverse_flags(head: AnkiHeader, width: int, special: dict[str, int], rows: list[Row]) -> frozenset[int]:
    """Columns after the second that hold only "y" or nothing, in a file that does not say its note
    type: Anki's "Add Reverse" field of "Basic (optional reversed card)" notes, not text to learn."""
    if head.notetype or "notetype" in special:
        return frozenset()
    text_columns = [c for c in range(width) if c not in special.values()][2:]
    values = {c: {r.fields[c].strip() for r in rows if len(r.fields) == width} for c in text_columns}
    return frozenset(c for c, seen in values.items() if "y" in seen and seen <= {"", "y"})


def _width_message(row: Row, columns: _Columns, head: AnkiHeader, sep: str, guessed: bool) -> str:
    found = len(row.fields)
    if head.columns is not None:
        return (
            f"#columns (line {head.where['columns']}) names {plural(columns.width, 'column')}, "
            f"but this row has {plural(found, 'field')} separated by {separator_name(sep)}"
        )
    guess = " (a guess: choose another with --separator)" if guessed else ""
    return (
        f"expected {columns.width} fields separated by {separator_name(sep)}{guess}, found {found}; "
        "put a field that holds the separator in double quotes"
    )


def _note_type(row: Row, columns: _Columns, head: AnkiHeader) -> str:
    if "notetype" in columns.special:
        return row.fields[columns.special["notetype"]].strip()
    return head.notetype


def _row_cards(
    row: Row, columns: _Columns, head: AnkiHeader, html: bool, path: Path, notes: list[str]
) -> tuple[list[Card], list[Problem], list[str]]:
    """The cards one row gives, its problems, and the media it named."""
    special = set(columns.special.values())
    text_columns = [c for c in range(columns.width) if c not in special]
    note_type = _note_type(row, columns, head)
    fields = fields_of(note_type) if note_type else None
    if note_type and fields is None:
        message = f'note type "{note_type}" in the note type column is not one quiz can import ({KNOWN_TYPES})'
        return [], [Problem(path, row.line, None, message)], []
    media: list[str] = []
    texts: dict[int, str] = {}
    for c in text_columns:
        read = field_text(row.fields[c], html=html)
        texts[c] = read.text
        media += read.media
    role = roles([c for c in text_columns if c not in columns.flags], columns.names, fields)
    tags = head.tags + (tuple(row.fields[columns.special["tags"]].split()) if "tags" in columns.special else ())
    tags = tuple(dict.fromkeys(tags))
    guid = row.fields[columns.special["guid"]].strip() if "guid" in columns.special else ""
    key = fact_id_for_guid(guid) if guid else ""
    first = texts.get(role.question, "") if role.question is not None else ""
    second = texts.get(role.answer, "") if role.answer is not None else ""
    extra = tuple(texts[c] for c in role.extra if texts[c].strip())
    if extra and fields is None and "tags" not in columns.special and THIRD_COLUMN not in notes:
        notes.append(THIRD_COLUMN)
    if is_cloze(note_type) if note_type else has_cloze(first):
        return _cloze_cards(row, first, (second, *extra), tags, key, path, media)
    problems = _card_problems(row.line, first, second, extra, tags, media, path, _labels(fields, role))
    flagged = any(row.fields[c].strip() for c in columns.flags)
    reversed_too = (
        flagged or note_type.casefold() == ALWAYS_REVERSED or (role.reverse is not None and texts[role.reverse].strip())
    )
    return [Card(row.line, first, second, extra, tags, key, reverse=bool(reversed_too))], problems, media


def _cloze_cards(
    row: Row, text: str, extra: tuple[str, ...], tags: tuple[str, ...], key: str, path: Path, media: list[str]
) -> tuple[list[Card], list[Problem], list[str]]:
    made = clozes(text)
    if not made:
        return [], [Problem(path, row.line, None, "a cloze note without a cloze deletion such as {{c1::...}}")], media
    cards, problems = [], []
    extra = tuple(e for e in extra if e.strip())
    for cloze in made:
        problems += _card_problems(row.line, cloze.question, cloze.answer, extra, tags, media, path)
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
        if not value.strip():
            if media:
                message = f"the {label} is only media ({', '.join(media)}), which a deck cannot show"
            else:
                message = f"the {label} is empty"
            found.append(Problem(path, line, None, message))
    for label, values in (
        (labels[0], [front]),
        (labels[1], [back]),
        ("a further field", list(extra)),
        ("a tag", list(tags)),
    ):
        for value in values:
            bad = CONTROL.search(value)
            if bad:
                found.append(
                    Problem(
                        path,
                        line + position(value, bad.start())[0] - 1,
                        None,
                        f"the {label} contains the control character U+{ord(bad.group()):04X}, "
                        "which a deck cannot hold; remove it and import again",
                    )
                )
    return found


def _report_duplicates(table: CardTable, path: Path) -> None:
    """Leave out a card that repeats another's question and answer, saying so; a repeated guid is a problem."""
    seen: dict[tuple[str, str], int] = {}
    keys: dict[str, int] = {}
    questions: dict[str, int] = {}
    kept = []
    for card in table.cards:
        if card.key and card.key in keys and keys[card.key] != card.line:
            table.problems.append(
                Problem(path, card.line, None, f"this note's guid is also the guid of line {keys[card.key]}")
            )
            continue
        keys.setdefault(card.key, card.line)
        pair = (" ".join(card.front.split()).casefold(), " ".join(card.back.split()).casefold())
        if pair in seen:
            table.notes.append(f"line {card.line} repeats line {seen[pair]} (same question and answer): imported once")
            continue
        seen[pair] = card.line
        if pair[0] in questions:
            table.notes.append(
                f"line {card.line} asks the same question as line {questions[pair[0]]} with another answer; "
                "a learner cannot tell them apart"
            )
        questions.setdefault(pair[0], card.line)
        kept.append(card)
    table.cards = kept


def cards_to_deck(cards: Sequence[Card], *, deck_id: str, title: str, group: str | None = None) -> Deck:
    """A deck with one fact per card, all in one group for multiple choice.

    A card whose note had a guid takes the id the guid gives (fact_id_for_guid), so importing the
    file again after an edit in Anki keeps every fact's id and history; others take one made from
    the question, made unique.
    """
    taken = {card.key for card in cards if card.key}
    facts = []
    for n, card in enumerate(cards, start=1):
        fact_id = card.key or unique(slugify(card.front, max_len=_ID_LENGTH) or f"card-{n}", taken)
        facts.append(
            Fact(
                id=fact_id,
                question=card.front,
                answer=card.back,
                explanation="\n\n".join(card.extra),
                group=deck_id if group is None else group,
                tags=card.tags,
                statement=card.statement,
            )
        )
    return Deck(id=deck_id, title=title, facts=tuple(facts))


class BadRows(DeckError):
    """Some rows cannot become facts while others can (with skip_bad, those others are imported)."""


class Imported(NamedTuple):
    """An import's result: the deck, notes on what was decided, and the rows left out (with --skip-bad)."""

    deck: Deck
    notes: list[str]
    skipped: list[Problem]


def import_cards(
    text: str,
    path: Path | str,
    *,
    deck_id: str,
    title: str | None = None,
    group: str | None = None,
    separator: str | None = None,
    header: bool | None = None,
    quotes: bool = True,
    html: bool | None = None,
    row_separator: str | None = None,
    skip_bad: bool = False,
) -> Imported:
    """The deck made from an export's text; DeckError lists every bad row.

    With skip_bad, the good rows make the deck and the bad ones are listed in `skipped` instead.
    """
    path = Path(path)
    table = read_cards(
        text, path, separator=separator, header=header, quotes=quotes, html=html, row_separator=row_separator
    )
    problems = sorted(table.problems, key=lambda p: p.line or 0)
    if problems and table.cards and not skip_bad:
        raise BadRows(problems)
    if problems and not table.cards:
        raise DeckError(problems)
    if not table.cards:
        raise DeckError([Problem(path, None, None, "no cards found: the file has no rows of term and definition")])
    name = title or table.deck_name or deck_id.replace("-", " ").capitalize()
    notes = [*table.notes, *_ambiguous_numbers(table.cards)]
    return Imported(cards_to_deck(table.cards, deck_id=deck_id, title=name, group=group), notes, problems)


_DECIMAL_COMMA = re.compile(r"(?<![\d,.])\d+,(?:\d{1,2}|\d{4,})(?![\d,.])")
"""A number whose comma cannot be a thousands mark ("1,2", "38,5", "0,125"): a decimal comma."""
_THOUSANDS_OR_DECIMAL = re.compile(r"(?<![\d,.])\d{1,3},\d{3}(?![\d,.])")
"""A number like "1,250": thousands in English, 1.25 where the comma is the decimal mark."""


def _ambiguous_numbers(cards: Sequence[Card]) -> list[str]:
    """Notes for numbers a file's own decimal commas make ambiguous: in a file that writes "1,2 mg/dL",
    "1,250 mg" may be 1.25 (quiz, reading the deck as English, takes it as 1250). A wrong number in
    a patient deck is the worst mistake, so each is named with its line, to check by hand."""
    texts = [(c.line, t) for c in cards for t in (c.front, c.back)]
    example = next(((line, m.group()) for line, t in texts if (m := _DECIMAL_COMMA.search(t))), None)
    if example is None:
        return []
    notes = []
    for line, t in texts:
        for m in _THOUSANDS_OR_DECIMAL.finditer(t):
            notes.append(
                f"line {line}: “{m.group()}” could be {m.group().replace(',', '.')} or {m.group().replace(',', '')}: "
                f"this file writes decimals with a comma (“{example[1]}” on line {example[0]}), and quiz reads "
                f"the deck as English ({m.group().replace(',', '')}); check it, and set the deck's language "
                '(language = "de", "fr", ...) if the comma is the decimal mark'
            )
    return notes
