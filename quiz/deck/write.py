"""Write a Deck back out as deck-format TOML that an author can read and edit.

Strings are escaped by tomli_w (long text as multiline strings); the layout is ours, so short
lists stay on one line and each table reads the way docs/deck-format.md shows it.
"""

from __future__ import annotations

import datetime as dt
import re

import tomli_w

from quiz.deck.model import (
    DECK_KEYS,
    FACT_KEYS,
    FORMAT_VERSION,
    SHOULD_KNOW,
    SOURCE_KEYS,
    TOPIC_KEYS,
    Deck,
    Fact,
    Source,
    Topic,
)

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+\Z")
# Text that tomli_w would write unchanged between quotes: no quote, backslash or control character.
_PLAIN = re.compile(r'[^"\\\x00-\x1f\x7f-\x9f]*\Z')


def _string(text: str, *, multiline: bool = True) -> str:
    if _PLAIN.match(text):  # most text: skip tomli_w, which is slow on large decks
        return f'"{text}"'
    rendered = tomli_w.dumps({"v": text}, multiline_strings=multiline)
    return rendered[len("v = ") : -1]


def _key(key: str) -> str:
    return key if _BARE_KEY.match(key) else _string(key, multiline=False)


class _Written(str):
    """A value already written as TOML."""


def _value(value: str | tuple[str, ...] | dt.date) -> str:
    if isinstance(value, _Written):
        return value
    if isinstance(value, tuple):
        return "[" + ", ".join(_string(v, multiline=False) for v in value) + "]"
    if isinstance(value, dt.date):
        return value.isoformat()
    return _string(value)


def toml_value(value: str | tuple[str, ...]) -> str:
    """A text or a list of texts as deck_to_toml writes it after `key = ` (a long text may span lines)."""
    return _value(value)


def _table(header: str, pairs: list[tuple[str, str | tuple[str, ...] | dt.date | None]]) -> str:
    lines = [header]
    lines += [f"{_key(k)} = {_value(v)}" for k, v in pairs if v]
    return "\n".join(lines)


def _distractors(fact: Fact) -> str | tuple[str, ...]:
    """Plain texts as one list; with whys, one item a line, those with a why as { text, why } tables."""
    if not fact.whys:
        return fact.distractors
    items = []
    for text, why in zip(fact.distractors, fact.whys, strict=True):
        item = _string(text, multiline=False)
        if why:
            item = f"{{ text = {item}, why = {_string(why, multiline=False)} }}"
        items.append(f"  {item},")
    return _Written("[\n" + "\n".join(items) + "\n]")


def _deck_table(deck: Deck) -> str:
    return _table("[deck]", [(key, getattr(deck, key)) for key in DECK_KEYS])


def _source_table(source: Source) -> str:
    return _table("[[sources]]", list(zip(SOURCE_KEYS, source, strict=True)))


def _fact_table(fact: Fact) -> str:
    special = {"distractors": _distractors(fact), "priority": fact.priority if fact.priority != SHOULD_KNOW else ""}
    return _table("[[facts]]", [(key, special.get(key, getattr(fact, key))) for key in FACT_KEYS])


def _topic_table(topic: Topic) -> str:
    return _table("[[topics]]", list(zip(TOPIC_KEYS, topic, strict=True)))


def fact_to_toml(fact: Fact) -> str:
    """One fact as a [[facts]] table, as deck_to_toml writes it (no trailing newline)."""
    return _fact_table(fact)


def deck_to_toml(deck: Deck) -> str:
    """The deck as format-1 TOML; parse_deck(deck_to_toml(deck)) == deck for any valid deck."""
    parts = [f"format = {FORMAT_VERSION}", _deck_table(deck)]
    parts += [_source_table(s) for s in deck.sources]
    parts += [_topic_table(t) for t in deck.topics]
    if deck.glossary:
        parts.append(_table("[glossary]", list(deck.glossary)))
    parts += [fact_to_toml(f) for f in deck.facts]
    return "\n\n".join(parts) + "\n"
