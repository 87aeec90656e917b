"""Read an export's text into a table of cards: its header, separator, column names and rows."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from quiz.deck.errors import Problem
from quiz.deck.text import control_characters
from quiz.deck.validate import MAX_FACTS
from quiz.interop.cards import Card, Columns, cards_at_most, row_cards, row_note_type
from quiz.interop.header import AnkiHeader, names_columns, read_header, separator_name
from quiz.interop.html_text import looks_like_html, read_notes
from quiz.interop.limits import MAX_CELLS, MAX_TAGS, limit_problem, too_many_cards, too_many_lines
from quiz.interop.notetypes import KNOWN_TYPES, fields_of, is_cloze, is_quiz_type
from quiz.interop.pipe_table import pipe_table
from quiz.interop.rows import (
    MAX_FIELDS,
    BadRow,
    EveryMarkUsed,
    Row,
    Split,
    guess_separator,
    read_rows,
    unused_character,
)
from quiz.interop.signs import spaced_mark
from quiz.plural import plural

_HTML_SAMPLE = 5  # Anki guesses HTML from the first five rows (metadata.rs PREVIEW_LENGTH)


@dataclass(slots=True)
class CardTable:
    """What reading a file found: the cards, the rows that could not be read, and what was decided."""

    cards: list[Card] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    deck_name: str = ""
    quiz_types: set[str] = field(default_factory=set)
    """The note types of `quiz export` ("quiz: DECK-ID", "quiz cloze: DECK-ID") its notes have."""


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
    try:
        return _read_cards(text, path, separator, header, quotes, html, row_separator)
    except EveryMarkUsed as err:
        return CardTable(problems=[Problem(path, None, None, f"{err}; this is not an export of cards")])


def _read_cards(
    text: str,
    path: Path,
    separator: str | None,
    header: bool | None,
    quotes: bool,
    html: bool | None,
    row_separator: str | None,
) -> CardTable:
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if (too_many := too_many_lines(text, path)) is not None:
        return CardTable(problems=[too_many])
    lines = text.split("\n")
    head = read_header(lines, tags_line=header is not False)
    body = "\n".join(lines[head.lines :])
    table = CardTable(deck_name=_deck_name(head.deck))
    table.notes += [f"ignored {reason}" for reason in head.ignored]
    line_break = ""
    if row_separator not in (None, "\n"):
        line_break = unused_character(body)
        body = body.replace("\n", line_break).replace(row_separator, "\n")
        table.notes.append(f"rows separated by {separator_name(row_separator)} (line numbers in messages count rows)")
        if (too_many := too_many_lines(body, path, "rows")) is not None:
            table.problems.append(too_many)
            return table
    if separator is None and head.separator is None and (piped := pipe_table(body)) is not None:
        body, separator, header = piped, "|", header is not False
        table.notes.append("read as a Markdown table: its first row names the columns")
    sep = separator or head.separator
    guessed = sep is None
    if sep is None:
        guess = guess_separator(body, quotes=quotes, first_line=head.lines + 1)
        if guess.separator is None:
            reason = f"cannot tell the separator: {guess.reason}; choose one with --separator"
            table.problems.append(Problem(path, head.lines + 1, None, reason))
            return table
        sep = guess.separator
        table.notes.append(
            f"fields separated by {separator_name(sep)} (a guess: {guess.reason}; choose with --separator)"
        )
    count = [0, 0]  # rows, fields

    def past_a_limit(row: Row | BadRow) -> bool:
        count[0] += 1
        count[1] += len(row.fields) if isinstance(row, Row) else 1
        return count[0] > MAX_FACTS or count[1] > MAX_CELLS or (isinstance(row, Row) and len(row.fields) > MAX_FIELDS)

    found = read_rows(body, sep, first_line=head.lines + 1, quotes=quotes, stop=past_a_limit)
    if line_break:
        found = found._replace(rows=[Row(r.line, [f.replace(line_break, "\n") for f in r.fields]) for r in found.rows])
    table.problems += [Problem(path, bad.line, None, bad.message) for bad in found.bad]
    if found.comments:
        shown = ", ".join(map(str, found.comments[:10])) + (", ..." if len(found.comments) > 10 else "")
        table.notes.append(f"skipped {plural(len(found.comments), 'comment line')} starting with # (line {shown})")
    rows = found.rows
    if found.stopped and not (rows and all(len(r.fields) == 1 for r in rows) and (separator or head.separator) is None):
        table.problems.append(Problem(path, *limit_problem(found, sep)))
        return table
    names = head.columns
    if rows and head.columns is None and (header or (header is None and names_columns(rows[0].fields))):
        line, names = rows.pop(0)
        table.notes.append(f"line {line} read as column names: {' | '.join(names)}")
    if not rows:
        return table
    special = set(head.special.values())
    cuts: dict[int, Split] = {}
    for split in found.splits:
        if split.field not in special and split.field + 1 not in special:
            cuts.setdefault(split.line, split)
    columns = _columns(head, names, [r for r in rows if r.line not in cuts] or rows, path, table)
    if columns is None:
        return table
    one_column = rows and all(len(r.fields) == 1 for r in rows) and columns.width == 1
    if one_column and not _may_be_cloze(rows[0], columns, head):  # a cloze note needs only its Text
        table.problems.append(Problem(path, rows[0].line, None, _one_column_message(body, sep, guessed)))
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
    if html and body.count("<") + body.count("&") > MAX_TAGS:
        message = (
            f"the file holds more than {MAX_TAGS:,} HTML tags and entities, more than a deck of {MAX_FACTS:,} facts "
            "is written with; split it into several files and import each as its own deck"
        )
        table.problems.append(Problem(path, None, None, message))
        return table
    if "{{c" in body and (past := _past_the_fact_limit(rows, columns, head)) is not None:
        table.problems.append(Problem(path, past[0], None, too_many_cards(past[1])))
        return table
    decks: set[str] = set()
    media: list[str] = []
    unseen: list[int] = []  # the lines of fields that held invisible marks (row_cards)
    read: dict[str, tuple[list[int], str]] = {}  # what was read otherwise than run together (row_cards)
    for row in rows:
        if row.line in cuts:
            cut = _cut_message(cuts[row.line], sep, guessed, given=separator is not None)
            table.problems.append(Problem(path, row.line, None, cut))
            continue
        if len(row.fields) > columns.width and not any(f.strip() for f in row.fields[columns.width :]):
            row = Row(row.line, row.fields[: columns.width])  # stray separators at the end of the row
        short = _text_fields(row, columns) < 2 and not _may_be_cloze(row, columns, head)
        if len(row.fields) > columns.width or short:
            table.problems.append(Problem(path, row.line, None, _width_message(row, columns, head, sep, guessed)))
            continue
        if "deck" in columns.special:
            decks.add(row.fields[columns.special["deck"]] if columns.special["deck"] < len(row.fields) else "")
        note_type = row_note_type(row, columns, head)
        if note_type and is_quiz_type(note_type):
            table.quiz_types.add(note_type)
        cards, problems, row_media = row_cards(row, columns, head, html, path, table.notes, unseen, read)
        if guessed:  # a field left empty may be a wrong guess's doing (`60 to 100<TAB>`)
            problems = [p._replace(message=_guess_named(p.message, sep)) for p in problems]
        table.problems += problems
        if row_media:
            media.append(f"line {row.line} ({', '.join(row_media)})")
        if not problems:
            table.cards += cards
        if len(table.cards) > MAX_FACTS:  # counted as rows are read: a cloze note makes up to 100
            table.problems.append(Problem(path, row.line, None, too_many_cards(len(table.cards))))
            table.cards.clear()
            return table
    reversed_lines = [str(card.line) for card in table.cards if card.reverse]
    if reversed_lines:
        table.notes.append(
            f"Anki also asks {plural(len(reversed_lines), 'card')} in reverse "
            f"({'line' if len(reversed_lines) == 1 else 'lines'} {', '.join(reversed_lines)}); "
            "quiz asks the front only"
        )
    if media:
        table.notes.append(f"left out media, which a deck cannot show: {'; '.join(media)}")
    if unseen:
        shown = ", ".join(map(str, unseen[:10])) + (", ..." if len(unseen) > 10 else "")
        table.notes.append(
            "removed characters that show as nothing (a zero-width space, a byte-order mark where two files were "
            f"joined, a word joiner...), which would make a text look like another: line {shown}"
        )
    table.notes += read_notes(read)
    if len(decks) == 1 and not table.deck_name:
        table.deck_name = _deck_name(decks.pop())
    _report_duplicates(table, path)
    return table


def _past_the_fact_limit(rows: list[Row], columns: Columns, head: AnkiHeader) -> tuple[int, int] | None:
    """The line of the row whose cards (cards_at_most: a cloze note makes one for each number)
    pass MAX_FACTS with those of the rows before it, and how many they make; None if none does."""
    total = 0
    for row in rows:
        total += cards_at_most(row, columns, head)
        if total > MAX_FACTS:
            return row.line, total
    return None


def _deck_name(name: str) -> str:
    name = name.rsplit("::", 1)[-1].strip()
    return "" if control_characters().search(name) else name


def _columns(
    head: AnkiHeader, names: list[str] | None, rows: list[Row], path: Path, table: CardTable
) -> Columns | None:
    """How wide rows are and which columns hold what; None (and a problem) when the header cannot be used."""
    width = len(names) if names is not None else max(len(r.fields) for r in rows)
    if width > MAX_FIELDS:  # a row of column names (#columns or the first row) as wide as no card is
        message = f"the column names name {width:,} columns, more than any card has ({MAX_FIELDS:,}); check them"
        table.problems.append(Problem(path, head.where.get("columns"), None, message))
        return None
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
    named: dict[int, str] = {}
    for key, column in sorted(head.special.items(), key=lambda item: head.where.get(f"{item[0]} column", 0)):
        if column in named:
            table.problems.append(
                Problem(
                    path,
                    head.where.get(f"{key} column"),
                    None,
                    f"#{key} column:{column + 1} names the column #{named[column]} column:{column + 1} names too; "
                    "a column holds one of them (Anki would read it as both)",
                )
            )
        named.setdefault(column, key)
    if len(table.problems) > before:
        return None
    special = {k: v for k, v in head.special.items() if k in ("guid", "notetype", "deck", "tags")}
    tags = [i for i, name in enumerate(names or []) if i > 1 and name.strip().casefold() in ("tags", "tag")]
    special |= {"tags": tags[0]} if "tags" not in special and len(tags) == 1 else {}  # a column named Tags
    return Columns(width, special, names or [], _reverse_flags(head, width, special, rows), {})


def _reverse_flags(head: AnkiHeader, width: int, special: dict[str, int], rows: list[Row]) -> frozenset[int]:
    """Columns after the second that hold only "y" or nothing, in a file that does not say its note
    type: Anki's "Add Reverse" field of "Basic (optional reversed card)" notes, not text to learn."""
    if head.notetype or "notetype" in special:
        return frozenset()
    full = [r for r in rows if len(r.fields) == width]
    if not full:
        return frozenset()
    text_columns = [c for c in range(width) if c not in special.values()][2:]
    values = {c: {r.fields[c].strip() for r in full} for c in text_columns}
    return frozenset(c for c, seen in values.items() if "y" in seen and seen <= {"", "y"})


def _guess_named(message: str, sep: str) -> str:
    """A refusal of an empty field, naming the separator guessed (the others are untouched)."""
    if not message.endswith(" is empty"):
        return message
    return f"{message} (fields separated by {separator_name(sep)}, a guess: choose another with --separator)"


def _one_column_message(body: str, sep: str, guessed: bool) -> str:
    """Why a file whose rows are one field each is refused, naming a spaced mark (" - ") that every
    row holds, which may be what the person meant as the separator."""
    if guessed:
        found = (
            "no row has a separator between a term and its definition (a tab, pipe, semicolon, colon or comma not in "
            "quotes; a space is not guessed, since it also separates the words of a text)"
        )
    else:
        found = f"no row has a {separator_name(sep)} between a term and its definition"
    mark = spaced_mark(body)
    if mark is not None:
        return f"{found}; every row holds “{mark}”: if it separates them, import with --separator '{mark}'"
    return f"{found}; choose the separator with --separator (tab, comma, semicolon, pipe, space or any text)"


def _cut_message(split: Split, sep: str, guessed: bool, given: bool = False) -> str:
    """Why a row whose separator cuts what looks like one number is refused: its fields would be
    wrong numbers ("5,5 mmol/L" read as answer "5" and a further field "5 mmol/L"). Another separator
    is suggested unless it was `given` with --separator."""
    guess = " (a guess)" if guessed else ""
    other = "" if given else ", or choose another separator with --separator"  # not the one just given
    return (
        f"the {separator_name(sep)}{guess} in “{split.text}” would cut what looks like one number (a decimal "
        f"comma, a time) into two fields; put the field in double quotes if it is one number, or a space after "
        f"the {separator_name(sep)} if it separates two{other}"
    )


def _text_fields(row: Row, columns: Columns) -> int:
    """How many of a row's fields hold text (not a guid, note type, deck or tags column)."""
    return sum(1 for c in range(len(row.fields)) if c not in columns.special.values())


def _may_be_cloze(row: Row, columns: Columns, head: AnkiHeader) -> bool:
    """Whether a row may be a cloze note, which needs only its Text field: its note type (the
    header's or its column's) is a cloze type, or a field holds what starts a deletion."""
    if "notetype" in columns.special and columns.special["notetype"] < len(row.fields):
        return is_cloze(row.fields[columns.special["notetype"]].strip())
    return is_cloze(head.notetype) if head.notetype else any("{{c" in f for f in row.fields)


def _width_message(row: Row, columns: Columns, head: AnkiHeader, sep: str, guessed: bool) -> str:
    """Why a row is not read: wider than the columns, or too short to hold a term and its definition
    (the fields after those may be left out, and are read as empty)."""
    found = len(row.fields)
    if found <= columns.width:  # too short: fewer than two fields of text
        guess = " (a guess: choose another with --separator)" if guessed else ""
        texts = _text_fields(row, columns)
        lacks = "definition" if texts == 1 else "term or definition"
        name = separator_name(sep)
        has = f"no {name}{guess}" if found == 1 else f"{found} fields (separated by {name}{guess})"
        if texts < found:  # it said "expected 2 fields, found 2": one was the guid column
            columns_named = "column" if found - texts == 1 else "columns"
            has += f", {found - texts} of which the header names as its guid, note type, deck or tags {columns_named},"
        return (
            f"this row has {has} and so no {lacks}: a row needs a term and its definition (the fields after those "
            "may be left out)"
        )
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


def _report_duplicates(table: CardTable, path: Path) -> None:
    """Leave out a card that repeats another's question and answer, saying so (its guid's id kept
    in the other's Card.also); a repeated guid is a problem."""
    seen: dict[tuple[str, str], int] = {}
    keys: dict[str, int] = {}
    questions: dict[str, int] = {}
    kept: list[Card] = []
    at: dict[tuple[str, str], int] = {}  # the index in `kept` of the card each pair is imported as
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
            if card.key:
                kept[at[pair]] = replace(kept[at[pair]], also=(*kept[at[pair]].also, card.key))
            continue
        seen[pair] = card.line
        at[pair] = len(kept)
        if pair[0] in questions:
            table.notes.append(
                f"line {card.line} asks the same question as line {questions[pair[0]]} with another answer; "
                "a learner cannot tell them apart"
            )
        questions.setdefault(pair[0], card.line)
        kept.append(card)
    table.cards = kept
