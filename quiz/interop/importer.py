"""Make a deck from the plain-text card lists people export from Anki and Quizlet.

Anki's "Notes in Plain Text" files are read as Anki reads them (quiz/interop/header.py): the
header, the separator, HTML, column names, note types, guids and tags. Where quiz chooses
differently on purpose (docs/interop.md lists each), it prints a note whenever that applies.
Every row that cannot become a fact is reported with its line; nothing is dropped without a word.
quiz/interop/table.py reads the file into cards (quiz/interop/cards.py makes each row's); this
module makes the deck from them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from quiz.deck.errors import DeckError, Problem
from quiz.deck.model import Deck, Fact
from quiz.deck.options import Said, said_earlier
from quiz.deck.text import slugify, unique
from quiz.interop.cards import Card
from quiz.interop.table import read_cards
from quiz.untrusted import visible

_ID_LENGTH = 40


def cards_to_deck(
    cards: Sequence[Card],
    *,
    deck_id: str,
    title: str,
    group: str | None = None,
    earlier: Sequence[Fact] = (),
    earlier_deck: str = "",
    language: str = "en",
) -> tuple[Deck, list[str]]:
    """A deck with one fact per card, all in one group for multiple choice, and notes on the cards
    left out of the group.

    A card whose answer says what an earlier card's answer says in other words ("Stage 4" after
    "Stage IV", as typed marking reads them: quiz.deck.options.Said) is left out of the group, with
    a note: in it, each would be offered as a wrong option to the other, which the loader refuses.

    A card takes the id of the fact in `earlier` (the deck this import replaces or updates) that is
    the same fact: by guid where both have one, else by its question and answer
    (quiz.interop.update.earlier_ids), so a fact first imported without guids keeps its id when
    its note brings one. Any other card whose note had a guid takes the id the guid gives
    (fact_id_for_guid), so importing the file again after an edit in Anki keeps every fact's id
    and history; others take one made from the question, made unique, never one `earlier` uses.
    """
    from quiz.interop.update import earlier_ids, retyped_notes

    kept, used = earlier_ids(cards, earlier, earlier_deck, language)
    taken = {card.key for card in cards if card.key} | set(kept.values()) | used
    facts = []
    apart = dict(said_earlier([card.back for card in cards], Said(language)))  # card index: the earlier one's
    notes = [
        f"line {cards[i].line}: its answer {cards[i].back!r} says what the answer on line {cards[j].line} says, so "
        "it is left out of the group of answers shown as wrong options; it is asked as a flashcard"
        for i, j in apart.items()
    ]
    notes += retyped_notes([card for n, card in enumerate(cards) if n not in kept], used)
    for n, card in enumerate(cards, start=1):
        fact_id = kept.get(n - 1) or card.key or unique(slugify(card.front, max_len=_ID_LENGTH) or f"card-{n}", taken)
        facts.append(card_fact(card, fact_id, "" if n - 1 in apart else deck_id if group is None else group))
    return Deck(id=deck_id, title=title, facts=tuple(facts), language=language), notes


def card_fact(card: Card, fact_id: str, group: str) -> Fact:
    """The fact a card becomes: its further fields, each that is not empty, make the explanation,
    a blank line between them."""
    return Fact(
        id=fact_id,
        question=card.front,
        answer=card.back,
        explanation="\n\n".join(card.extra),
        group=group,
        tags=card.tags,
        statement=card.statement,
    )


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
    earlier: Sequence[Fact] = (),
    earlier_deck: str = "",
    language: str = "en",
    updating: bool = False,
) -> Imported:
    """The deck made from an export's text; DeckError lists every bad row, and everything the deck
    loader would refuse in the deck (a field past its limit...) at the row it came from
    (loader_problems).

    With skip_bad, the good rows make the deck and the bad ones are listed in `skipped` instead.
    `earlier` holds the facts of the deck the import replaces or updates, whose ids cards without
    a guid keep (cards_to_deck), as do the notes `quiz export` made from it (its id `earlier_deck`).
    `language` is the deck's (a code such as "es"), by whose rules typed answers are marked.
    `updating`: the deck made goes into `earlier`'s file with --update, which keeps what notes
    `quiz export` wrote do not carry; otherwise a note says what they do not (_from_quiz).
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
    origins = {"title": "--title" if title else "the deck name in the file" if table.deck_name else "--id"}
    if group is not None:
        origins["group"] = "--group"
    cards, older = _without_older_notes(table.cards, earlier, earlier_deck)
    deck, apart = cards_to_deck(
        cards, deck_id=deck_id, title=name, group=group, earlier=earlier, earlier_deck=earlier_deck, language=language
    )
    refused = loader_problems(deck, cards, path, origins)
    if refused and skip_bad and all(p.line is not None for p in refused):
        lines = {p.line for p in refused}
        cards = [card for card in cards if card.line not in lines]
        problems = sorted(problems + refused, key=lambda p: p.line or 0)
        if not cards:
            raise DeckError(problems)
        deck, apart = cards_to_deck(
            cards, deck_id=deck_id, title=name, group=group, earlier=earlier, earlier_deck=earlier_deck,
            language=language,
        )  # fmt: skip
        refused = loader_problems(deck, cards, path, origins)
    if refused:
        rows_only = all(p.line is not None for p in refused) and len({p.line for p in refused}) < len(cards)
        raise (BadRows if rows_only else DeckError)(sorted(problems + refused, key=lambda p: p.line or 0))
    own = [_from_quiz(table.quiz_types)] if table.quiz_types and not updating else []
    return Imported(deck, [*table.notes, *own, *older, *_ambiguous_numbers(cards), *apart], problems)


def _from_quiz(note_types: set[str]) -> str:
    """The note on a new deck made from notes `quiz export` wrote: what they do not carry, and how
    edits made in Anki go back into the deck they came from (an educator lost a deck's sources,
    priorities and accept forms without a word)."""
    named = ", ".join(f"“{visible(t)}”" for t in sorted(note_types))
    return (
        f"these notes were written by quiz export (note type {named}): they hold each fact's question, answer and "
        "explanation, with the whys of its wrong options as text (read here into the explanation); the deck's "
        "sources, glossary, topics, priorities, accept forms and wrong options stay in its own file. To take edits "
        "made in Anki back into that deck, import with --update DECK.toml"
    )


def _without_older_notes(
    cards: Sequence[Card], earlier: Sequence[Fact], earlier_deck: str
) -> tuple[list[Card], list[str]]:
    """The cards but those of a fact's older note (quiz.interop.update.older_notes), and a note on each."""
    from quiz.interop.update import older_notes

    older = older_notes(cards, earlier, earlier_deck)
    notes = [
        f'line {cards[n].line}: an older note of fact "{fact_id}", from before it gained or lost a statement, which '
        "Anki keeps beside the newer one (it cannot change a note's type on import): left out; delete it in Anki"
        for n, fact_id in older.items()
    ]
    return [card for n, card in enumerate(cards) if n not in older], notes


def loader_problems(deck: Deck, cards: Sequence[Card], path: Path, origins: dict[str, str]) -> list[Problem]:
    """What the deck loader (quiz.deck.load.parse_deck, the one home of a deck's rules) refuses in
    the deck made from `cards`, each named where it came from, not in the deck file, which is not
    written: a fact's problem at its row's line in the imported file `path`; a problem with a key
    that `origins` names (key -> the option or the file that gave it: "title" -> "--title", "group"
    -> "--group") once, after its origin; the deck's other problems after the origin of its title."""
    from quiz.deck.load import parse_deck
    from quiz.deck.locate import locate
    from quiz.deck.write import deck_to_toml

    text = deck_to_toml(deck)
    try:
        parse_deck(text, path)
    except DeckError as err:
        starts = [table.line for table in locate(text).arrays.get("facts", [])]
        found = []
        for problem in err.problems:
            fact = bisect.bisect_right(starts, problem.line or 0) - 1
            message = problem.message.removeprefix("[deck] ")
            if fact >= 0 and problem.line is not None:
                message = message.removeprefix(f'fact "{deck.facts[fact].id}": ')
            key = next((k for k in origins if message.startswith(f'"{k}"')), None)
            if key is not None or fact < 0 or problem.line is None:
                found.append(Problem(path, None, None, f"{origins[key or 'title']}: {message}"))
            else:
                found.append(Problem(path, cards[fact].line, None, message, problem.severity, problem.rule))
        return list(dict.fromkeys(found))
    return []


_DECIMAL_COMMA = re.compile(
    r"(?<![\d,.])(?:\d+,(?:\d{1,2}|\d{4,})|0,\d+|\d{4,},\d+|[1-9]\d{0,2}(?:\.\d{3})+,\d+)(?![\d,.])"
)
"""A number whose comma cannot be a thousands mark ("1,2", "38,5", "0,125", "1234,567", "1.000,5"): a
decimal comma (a thousands group has three digits after the mark, one to three before, not starting
with 0; a comma after dot-marked thousands is the decimal mark)."""
_DECIMAL_POINT = re.compile(
    r"(?<![\d,.])(?:\d+\.(?:\d{1,2}|\d{4,})|0\.\d+|\d{4,}\.\d+|[1-9]\d{0,2}(?:,\d{3})+\.\d+)(?![\d,.])"
)
"""The same with the marks swapped ("1.2", "0.125", "1,000.5"): a decimal point."""
_ONE_GROUP = re.compile(r"(?<![\d,.])[1-9]\d{0,2}[,.]\d{3}(?![\d,.])")
"""A number like "1,250" or "4.000" (not "0,125"): one mark before three digits, a thousands mark or a decimal
one. An English deck reads "1,250" as 1250 and "4.000" as 4 (quiz.typed.numbers.number_value);
where the comma is the decimal mark, they are 1.25 and 4000."""


def _ambiguous_numbers(cards: Sequence[Card]) -> list[str]:
    """Notes for numbers that may be read a thousand times too small or too large: in a file that
    writes "1,2 mg/dL" (a decimal comma, _DECIMAL_COMMA), "1,250 mg" may be 1.25 and "4.000 /µL" may be
    4000 (quiz, reading the deck as English, takes them as 1250 and 4); in a file that shows neither
    mark as a decimal one, "150.000" is still 150000 where a dot marks thousands (German, French
    tables) and 150 in English. "1,250" in such a file is left as 1250: English writes thousands so.
    A wrong number in a patient deck is the worst mistake, so each is named with its line, to
    check by hand. Numbers of more groups ("150.000.000", "1,250,000") read the same either way,
    and so are not named. Question, answer and further fields are all read."""
    texts = [(c.line, t) for c in cards for t in (c.front, c.back, *c.extra)]
    comma = next(((line, m.group()) for line, t in texts if (m := _DECIMAL_COMMA.search(t))), None)
    point = comma is None and any(_DECIMAL_POINT.search(t) for _, t in texts)
    notes = []
    for line, t in texts:
        for m in _ONE_GROUP.finditer(t):
            number = m.group()
            if comma is None and ("," in number or point):
                continue
            comma_reading = number.replace(".", "") if "." in number else number.replace(",", ".")
            english = number.replace(",", "") if "," in number else str(int(number.split(".")[0]))
            if comma is not None:
                why = f"this file writes decimals with a comma (“{comma[1]}” on line {comma[0]})"
                which = "the comma is the decimal mark"
            else:
                why = "nothing in this file shows whether its dots mark decimals or thousands"
                which = "the dot marks thousands"
            notes.append(
                f"line {line}: “{number}” could be {comma_reading} or {english}: {why}, and quiz reads the deck as "
                f"English ({english}); check it, and set the deck's language (language = \"de\", \"fr\", ...) if "
                f"{which}"
            )
    return list(dict.fromkeys(notes))
