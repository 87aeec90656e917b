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


def _pairs(pairs: list[tuple[str, str | tuple[str, ...] | dt.date | None]]) -> dict[str, str]:
    return {k: f"{_key(k)} = {_value(v)}" for k, v in pairs if v}


def _table(header: str, pairs: list[tuple[str, str | tuple[str, ...] | dt.date | None]]) -> str:
    return "\n".join([header, *_pairs(pairs).values()])


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


def fact_keys(fact: Fact) -> dict[str, str]:
    """Each key of `fact` that is written, in FACT_KEYS order: key -> its `key = value` text (a
    long text or a list of distractors with whys spans lines). A key at its default (no tags, a
    should-know priority) is not written."""
    special = {"distractors": _distractors(fact), "priority": fact.priority if fact.priority != SHOULD_KNOW else ""}
    return _pairs([(key, special.get(key, getattr(fact, key))) for key in FACT_KEYS])


def _topic_table(topic: Topic) -> str:
    return _table("[[topics]]", list(zip(TOPIC_KEYS, topic, strict=True)))


def fact_to_toml(fact: Fact) -> str:
    """One fact as a [[facts]] table, as deck_to_toml writes it (no trailing newline)."""
    return "\n".join(["[[facts]]", *fact_keys(fact).values()])


def deck_to_toml(deck: Deck) -> str:
    """The deck as format-1 TOML; parse_deck(deck_to_toml(deck)) == deck for any valid deck."""
    parts = [f"format = {FORMAT_VERSION}", _deck_table(deck)]
    parts += [_source_table(s) for s in deck.sources]
    parts += [_topic_table(t) for t in deck.topics]
    if deck.glossary:
        parts.append(_table("[glossary]", list(deck.glossary)))
    parts += [fact_to_toml(f) for f in deck.facts]
    return "\n\n".join(parts) + "\n"


def rewrite_fact(lines: list[str], before: Fact, after: Fact) -> list[str] | None:
    """The lines of one [[facts]] table as its author wrote it (`lines`, the header first), which
    reads as `before`, with each key whose value `after` changes written again where it stands
    (its value as fact_keys writes it; the key as the author wrote it and the comment after it
    kept): a key `after` adds goes after the key before it in FACT_KEYS order, a key it leaves out
    is taken out, and every other line (comments, the order of keys, how an unchanged value is
    written) stays as it was: an update changes only what changed. None where the table cannot be
    edited so (a value never closed, say); what is returned is checked to read as the author's
    table with `after`'s changed values. A comment inside a multi-line value replaced goes with it."""
    import tomli

    from quiz.deck.locate import locate, value_rows, value_start

    old, new = fact_keys(before), fact_keys(after)
    changed = [key for key in FACT_KEYS if old.get(key) != new.get(key)]
    table = locate("\n".join(lines)).entry("facts", 0)
    if table is None:
        return None
    written: dict[str, tuple[int, int]] = {}  # key -> (its first row, how many rows it takes)
    for key, (lineno, col) in table.keys.items():
        rows = value_rows(lines, lineno - 1, col)
        if not rows:
            return None
        written[key] = (lineno - 1, rows)
    edits: list[tuple[int, int, int, list[str]]] = []  # (row, order, rows taken out, lines put in)
    for order, key in enumerate(changed):
        text = new[key].split("\n") if key in new else []
        if key in written:
            row, rows = written[key]
            line = lines[row]
            start = value_start(line, 1) or 0  # the key as the author wrote it ("question = ", '  "answer"= ')
            value = "\n".join([line[start:], *lines[row + 1 : row + rows]])
            if text:
                text[0] = line[:start] + text[0].removeprefix(f"{_key(key)} = ")
                text[-1] += _comment(value)
            edits.append((row, order, rows, text))
        elif text:
            earlier = [written[k] for k in FACT_KEYS[: FACT_KEYS.index(key)] if k in written]
            row = max((r + n for r, n in earlier), default=1)
            edits.append((row, order, 0, text))
    result = list(lines)
    for row, _, rows, text in sorted(edits, reverse=True):
        result[row : row + rows] = text
    try:
        got, was = (tomli.loads("\n".join(t))["facts"][0] for t in (result, lines))
        want = tomli.loads(fact_to_toml(after))["facts"][0]
    except (tomli.TOMLDecodeError, KeyError, IndexError):
        return None
    keys = set(got) | set(was) | set(want)
    if any(got.get(k) != (want if k in changed else was).get(k) for k in keys):
        return None
    return result


def _comment(value: str) -> str:
    """The comment an author wrote after a key's value on its last line, with the spaces before
    it ("  # checked with the nurse"); "" for none. `value` is the text after `key = `, its lines
    joined: the comment begins at the first "#" after which the text before it is a whole value."""
    import tomli

    for at in (i for i, ch in enumerate(value) if ch == "#" and "\n" not in value[i:]):
        try:
            tomli.loads("v = " + value[:at])
        except tomli.TOMLDecodeError:
            continue
        return value[len(value[:at].rstrip()) :]
    return ""
