"""Read the plain-text card lists people export from Anki and Quizlet, and make a deck of them.

The text is one card per line, the term and its definition separated by a tab, a comma or another
chosen separator. A field in double quotes may hold the separator, newlines and "" for a quote.
Lines starting with # are comments; those at the top may be Anki's header (#separator:tab,
#html:true, #tags column:3, #columns:..., #deck:...). Every row that cannot become a fact is
reported with its line number; nothing is dropped without saying so.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from quiz.deck.errors import DeckError, Problem
from quiz.deck.load import CONTROL
from quiz.deck.model import Deck, Fact
from quiz.interop.slug import slugify, unique

SEPARATORS = {"tab": "\t", "comma": ",", "semicolon": ";", "pipe": "|", "colon": ":", "space": " "}
"""Separators by name, as Anki's header and --separator write them; any other text also works (Quizlet's custom)."""

HEADER_ROWS = {("term", "definition"), ("front", "back"), ("question", "answer")}
"""First rows read as column names rather than as a card."""

_DIRECTIVE = re.compile(r"#([a-z][a-z ]*):(.*)\Z", re.IGNORECASE)
_ID_LENGTH = 40


@dataclass(frozen=True, slots=True)
class Card:
    """One row of the file: the term, its definition, any further fields and Anki tags."""

    line: int
    front: str
    back: str
    extra: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()


@dataclass(slots=True)
class CardTable:
    """What reading a file found: the cards, the rows that could not be read, and what was decided."""

    cards: list[Card] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    deck_name: str = ""


@dataclass(slots=True)
class _Header:
    separator: str | None = None
    html: bool = False
    columns: list[str] | None = None
    special: dict[str, int] = field(default_factory=dict)  # "tags", "guid", ... -> 0-based column
    deck: str = ""
    raw_columns: str | None = None
    tags: tuple[str, ...] = ()


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


def _separator_name(sep: str) -> str:
    return next((name for name, char in SEPARATORS.items() if char == sep), repr(sep))


def _read_header(lines: list[str], header: _Header) -> int:
    """Read the # lines at the top (Anki's header and comments); return how many lines they take."""
    n = 0
    for line in lines:
        if not line.startswith("#"):
            break
        n += 1
        found = _DIRECTIVE.match(line)
        if not found:
            continue
        key, value = found.group(1).strip().casefold(), found.group(2)
        if key == "separator":
            try:
                header.separator = separator_text(value)
            except ValueError:
                pass
        elif key == "html":
            header.html = value.strip().casefold() == "true"
        elif key == "columns":
            header.raw_columns = value
        elif key == "deck":
            header.deck = value.strip()
        elif key == "tags":
            header.tags = tuple(value.split())
        elif key.endswith(" column"):
            try:
                header.special[key.removesuffix(" column")] = int(value) - 1
            except ValueError:
                pass
    return n


def _guess_separator(body: str) -> str:
    sample = [line for line in body.split("\n")[:50] if line.strip() and not line.startswith("#")]
    for sep in ("\t", ",", ";", "|"):
        if any(sep in line for line in sample):
            return sep
    return "\t"


_Record = tuple[str, int, list[str] | str | None]
"""("row", line, fields), ("bad", line, message) or ("comment", line, None)."""


def _records(text: str, sep: str, first_line: int, quotes: bool) -> Iterator[_Record]:
    """Split text into rows of fields, each with the line it starts on."""
    i, line, n = 0, first_line, len(text)
    field_end = re.compile(re.escape(sep) + "|\n")
    while i < n:
        eol = text.find("\n", i)
        eol = n if eol == -1 else eol
        row_text = text[i:eol]
        if not row_text.strip() and sep not in row_text:
            i, line = eol + 1, line + 1
            continue
        if row_text.startswith("#"):
            yield ("comment", line, None)
            i, line = eol + 1, line + 1
            continue
        start, fields, bad = line, [], False
        while True:
            if quotes and i < n and text[i] == '"':
                parts, j = [], i + 1
                while True:
                    k = text.find('"', j)
                    if k == -1:
                        yield (
                            "bad",
                            line,
                            "a quoted field starts here but its closing quote is missing (a quote "
                            'inside a quoted field is written "")',
                        )
                        return
                    parts.append(text[j:k])
                    if text.startswith('"', k + 1):
                        parts.append('"')
                        j = k + 2
                        continue
                    break
                line += text.count("\n", i, k)
                value, i = "".join(parts), k + 1
                if i < n and text[i] != "\n" and not text.startswith(sep, i):
                    bad = True
            else:
                end = field_end.search(text, i)
                k = end.start() if end else n
                value, i = text[i:k], k
            fields.append(value)
            if bad or i >= n or text[i] == "\n":
                break
            i += len(sep)
        if bad:
            yield (
                "bad",
                start,
                "text follows a closing quote in the same field; put the whole field in quotes (writing a quote "
                'inside as ""), or use --no-quotes if quotes in this file are part of the text',
            )
            eol = text.find("\n", i)
            i, line = (n if eol == -1 else eol) + 1, line + 1
            continue
        yield ("row", start, fields)
        i, line = i + 1, line + 1


def _from_html(text: str) -> str:
    text = re.sub(r"<br\s*/?>", "\n", text, flags=re.IGNORECASE)
    text = re.sub(r"</?(div|p)\b[^>]*>", "\n", text, flags=re.IGNORECASE)
    text = re.sub(r"<[^>]*>", "", text)
    return html.unescape(text).replace("\xa0", " ").strip()


def read_cards(
    text: str,
    path: Path | str = "<cards>",
    *,
    separator: str | None = None,
    header: bool | None = None,
    quotes: bool = True,
) -> CardTable:
    """Read an Anki or Quizlet text export; header None means "a first row like term/definition is a header"."""
    path = Path(path)
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    head = _Header()
    skip = _read_header(lines, head)
    body = "\n".join(lines[skip:])
    name = head.deck.rsplit("::", 1)[-1].strip()
    table = CardTable(deck_name="" if CONTROL.search(name) else name)
    sep = separator or head.separator
    if sep is None:
        sep = _guess_separator(body)
        table.notes.append(f"fields separated by {_separator_name(sep)} (a guess: choose with --separator)")
    if head.raw_columns is not None:
        head.columns = head.raw_columns.split(sep)
    special = {k: v for k, v in head.special.items() if k in ("tags", "guid", "notetype", "deck") and v >= 0}
    ignored = sorted(k for k in special if k not in ("tags", "deck"))
    if ignored:
        table.notes.append(f"ignored Anki's {', '.join(ignored)} column{'s' if len(ignored) > 1 else ''}")
    rows: list[tuple[int, list[str]]] = []
    comments: list[int] = []
    for kind, line, content in _records(body, sep, skip + 1, quotes):
        if kind == "comment":
            comments.append(line)
        elif kind == "bad":
            table.problems.append(Problem(path, line, None, str(content)))
        else:
            assert isinstance(content, list)
            rows.append((line, content))
    if comments:
        shown = ", ".join(map(str, comments[:10])) + (", ..." if len(comments) > 10 else "")
        table.notes.append(
            f"skipped {len(comments)} comment line{'s' if len(comments) > 1 else ''} starting with # "
            f"(line {shown}); put a term that starts with # in quotes"
        )
    if rows and (header or (header is None and tuple(f.strip().casefold() for f in rows[0][1][:2]) in HEADER_ROWS)):
        line, names = rows.pop(0)
        table.notes.append(f"line {line} read as column names: {' | '.join(names)}")
    if rows and all(len(fields) == 1 for _, fields in rows):
        table.problems.append(
            Problem(
                path,
                rows[0][0],
                None,
                f"no row has a {_separator_name(sep)} between a term and its definition; "
                "choose the separator with --separator (tab, comma, semicolon, pipe or any text)",
            )
        )
        return table
    widest = max((len(fields) for _, fields in rows), default=0)
    beyond = {name: column for name, column in special.items() if column >= widest}
    for name, column in beyond.items():  # a number read from the file sizes nothing the file cannot hold
        line = next((n for n, text in enumerate(lines[:skip], 1) if text.casefold().startswith(f"#{name} ")), None)
        message = f"#{name} column:{column + 1} names a column no row has (rows have at most {widest} fields)"
        table.problems.append(Problem(path, line, None, message))
    if beyond:
        return table
    width = len(head.columns) if head.columns else (len(rows[0][1]) if rows else 2)
    width = max(width, 2 + len(special), *(c + 1 for c in special.values()))
    text_columns = [c for c in range(width) if c not in special.values()]
    decks: set[str] = set()
    for line, fields in rows:
        if len(fields) != width:
            table.problems.append(
                Problem(
                    path,
                    line,
                    None,
                    f"expected {width} fields separated by {_separator_name(sep)}, found {len(fields)}; "
                    "put a field that holds the separator in double quotes",
                )
            )
            continue
        texts = [fields[c] for c in text_columns]
        if head.html:
            texts = [_from_html(t) for t in texts]
        tags = head.tags + (tuple(fields[special["tags"]].split()) if "tags" in special else ())
        tags = tuple(dict.fromkeys(tags))
        card = Card(line, texts[0], texts[1], tuple(t for t in texts[2:] if t.strip()), tags)
        decks.add(fields[special["deck"]] if "deck" in special else "")
        problems = _card_problems(card, path)
        if problems:
            table.problems.extend(problems)
        else:
            table.cards.append(card)
    if len(decks) == 1 and not table.deck_name:
        name = decks.pop().rsplit("::", 1)[-1].strip()
        table.deck_name = "" if CONTROL.search(name) else name
    return table


def _card_problems(card: Card, path: Path) -> list[Problem]:
    found = []
    for label, value in (("term (first field)", card.front), ("definition (second field)", card.back)):
        if not value.strip():
            found.append(Problem(path, card.line, None, f"the {label} is empty"))
    for label, values in (
        ("term (first field)", [card.front]),
        ("definition (second field)", [card.back]),
        ("a further field", card.extra),
        ("a tag", card.tags),
    ):
        for value in values:
            bad = CONTROL.search(value)
            if bad:
                found.append(
                    Problem(
                        path,
                        card.line + value.count("\n", 0, bad.start()),
                        None,
                        f"the {label} contains the control character U+{ord(bad.group()):04X}, "
                        "which a deck cannot hold; remove it and import again",
                    )
                )
    return found


def cards_to_deck(cards: Sequence[Card], *, deck_id: str, title: str, group: str | None = None) -> Deck:
    """A deck with one fact per card: ids made from the term, all in one group for multiple choice."""
    taken: set[str] = set()
    facts = []
    for n, card in enumerate(cards, start=1):
        fact_id = unique(slugify(card.front, max_len=_ID_LENGTH) or f"card-{n}", taken)
        facts.append(
            Fact(
                id=fact_id,
                question=card.front,
                answer=card.back,
                explanation="\n\n".join(card.extra),
                group=deck_id if group is None else group,
                tags=card.tags,
            )
        )
    return Deck(id=deck_id, title=title, facts=tuple(facts))


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
) -> tuple[Deck, list[str]]:
    """The deck made from an export's text, and notes on what was decided; DeckError lists every bad row."""
    path = Path(path)
    table = read_cards(text, path, separator=separator, header=header, quotes=quotes)
    if table.problems:
        raise DeckError(sorted(table.problems, key=lambda p: p.line or 0))
    if not table.cards:
        raise DeckError([Problem(path, None, None, "no cards found: the file has no rows of term and definition")])
    name = title or table.deck_name or deck_id.replace("-", " ").capitalize()
    return cards_to_deck(table.cards, deck_id=deck_id, title=name, group=group), table.notes
