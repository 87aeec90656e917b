"""The checker the validation walks a deck with: it places and collects problems, and reads a
table's texts and lists of texts with the deck's text rules (quiz.deck.text)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeVar

from quiz.deck.errors import Problem
from quiz.deck.locate import Layout, Table
from quiz.deck.suggest import did_you_mean
from quiz.deck.text import SLUG, blank, control_character, not_a_slug
from quiz.untrusted import visible

MAX_CHARS = 2_000
"""The longest text of any field but the long ones: about 300 words, ten times the longest question,
answer or glossary definition of the built-in deck (plain-language guidance keeps each far shorter)."""
MAX_LONG_CHARS = 10_000
"""The longest explanation, description or disclaimer: about 1,500 words, some pages of reading.
A longer text makes every screen that shows it slow to draw (docs/deck-format.md, "Limits")."""
LONG_KEYS = ("explanation", "description", "disclaimer")

T = TypeVar("T")


def kind(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return f"the date/time {value.isoformat()}"
    return type(value).__name__


def control_message(text: str, limit: int = MAX_CHARS) -> str | None:
    """What is wrong with a text of the deck: a control character, or more than `limit` characters."""
    return control_character(text) or _too_long(text, limit)


def _too_long(text: str, limit: int) -> str | None:
    if len(text) > limit:
        return f'is {len(text):,} characters long; the limit is {limit:,} (see "Limits" in docs/deck-format.md)'
    return None


class Checker:
    """Walks the parsed TOML once, building the model and collecting problems."""

    def __init__(self, path: Path, layout: Layout, *, controls: bool = True) -> None:
        """`controls` False says that no parsed string can hold a control character: the text was
        searched whole and holds none, nor an escape that could write one (quiz.deck.text.CONTROL_ESCAPE)."""
        self.path = path
        self.layout = layout
        self.controls = controls
        self.problems: list[Problem] = []
        self._shared: dict[object, object] = {}

    def text_problem(self, text: str, limit: int = MAX_CHARS) -> str | None:
        """control_message(text, limit); no search for a control character where `controls` says none can be."""
        return control_message(text, limit) if self.controls else _too_long(text, limit)

    def shared(self, value: T) -> T:
        """`value`, or an equal one met before: tomli makes a new text for each time a value is
        written, and a deck repeats its sources, groups, topics and tags on every fact."""
        return self._shared.setdefault(value, value)  # type: ignore[return-value]

    def add(self, where: tuple[int, int] | None, message: str) -> None:
        line, col = where if where else (None, None)
        self.problems.append(Problem(self.path, line, col, message))

    @staticmethod
    def pos(table: Table | None, key: str | None = None) -> tuple[int, int] | None:
        if table is None:
            return None
        if key is not None and key in table.keys:
            return table.keys[key]
        return (table.line, table.col)

    def item_pos(self, table: Table | None, key: str, n: int) -> tuple[int, int] | None:
        """Where the `n`-th item (from 1) of the array `key` was written, else where `key` was."""
        found = table.item(key, n - 1) if table is not None else None
        return found or self.pos(table, key)

    def top_pos(self, key: str) -> tuple[int, int]:
        """Where a top-level key was written: as `key = ...`, as [key] or as the first [[key]]."""
        layout = self.layout
        if key in layout.top.keys:
            return layout.top.keys[key]
        table = layout.tables.get(key) or next(iter(layout.arrays.get(key, [])), None)
        return (table.line, table.col) if table else (1, 1)

    def unknown_keys(self, data: dict[str, Any], allowed: tuple[str, ...], table: Table | None, label: str) -> None:
        for key in data:
            if key not in allowed:
                self.add(
                    self.pos(table, key),
                    f'{label}unknown key "{visible(key)}"{did_you_mean(key, allowed)}',
                )

    def text(
        self,
        data: dict[str, Any],
        key: str,
        table: Table | None,
        label: str,
        *,
        required: bool = False,
        slug: bool = False,
    ) -> str:
        value = data.get(key)
        if value is None:
            if required:
                self.add(self.pos(table), f'{label}missing "{key}"')
            return ""
        if not isinstance(value, str):
            self.add(
                self.pos(table, key),
                f'{label}"{key}" must be text, got {kind(value)}'
                + (
                    f' (write it in quotes: {key} = "{value}")'
                    if isinstance(value, int | float) and not isinstance(value, bool)
                    else ""
                ),
            )
            return ""
        bad = self.text_problem(value, MAX_LONG_CHARS if key in LONG_KEYS else MAX_CHARS)
        if bad:
            self.add(self.pos(table, key), f'{label}"{key}" {bad}')
            return ""
        if required and blank(value):
            self.add(self.pos(table, key), f'{label}"{key}" is empty')
            return ""
        if slug and not SLUG.match(value):
            self.add(self.pos(table, key), f'{label}"{key}" {not_a_slug(value)}')
            return ""
        return value

    def texts(self, data: dict[str, Any], key: str, table: Table | None, label: str) -> tuple[str, ...]:
        value = data.get(key)
        if value is None:
            return ()
        if not isinstance(value, list):
            hint = f' (write a list: {key} = ["..."])' if isinstance(value, str) else ""
            self.add(self.pos(table, key), f'{label}"{key}" must be a list of texts, got {kind(value)}{hint}')
            return ()
        items: list[str] = []
        for n, item in enumerate(value, start=1):
            if not isinstance(item, str):
                self.add(self.item_pos(table, key, n), f'{label}"{key}" item {n} must be text, got {kind(item)}')
            elif self.text_item(item, key, n, table, label):
                items.append(item)
        return tuple(items)

    def text_item(self, item: str, key: str, n: int, table: Table | None, label: str) -> bool:
        """Whether the `n`-th text of the list `key` can be used (no control character, not empty)."""
        bad = self.text_problem(item)
        if bad:
            self.add(self.item_pos(table, key, n), f'{label}"{key}" item {n} {bad}')
            return False
        if blank(item):
            self.add(self.item_pos(table, key, n), f'{label}"{key}" item {n} is empty')
            return False
        return True

    def tables(self, data: dict[str, Any], name: str) -> list[tuple[dict[str, Any], Table | None]]:
        value = data.get(name)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.add(
                self.pos(self.layout.top, name), f'"{name}" must be written as [[{name}]] tables, got {kind(value)}'
            )
            return []
        written = self.layout.arrays.get(name, [])
        fallback = self._fallback(name) if len(written) < len(value) else None  # for entries not written [[name]]
        return [(entry, written[i] if i < len(written) else fallback) for i, entry in enumerate(value)]

    def identified(
        self, data: dict[str, Any], name: str, keys: tuple[str, ...], what: str
    ) -> Iterator[tuple[dict[str, Any], Table | None, str, str]]:
        """Each [[name]] table as (entry, table, label, id): unknown keys reported, the id read as
        a required slug and a repeated id reported ("duplicate {what} id") at its line."""
        seen: set[str] = set()
        for n, (entry, table) in enumerate(self.tables(data, name), start=1):
            label = f"{what} #{n}: "
            self.unknown_keys(entry, keys, table, label)
            ident = self.text(entry, "id", table, label, required=True, slug=True)
            if ident and ident in seen:
                self.add(self.pos(table, "id"), f'{label}duplicate {what} id "{ident}"')
            seen.add(ident)
            yield entry, table, label, ident

    def _fallback(self, name: str) -> Table:
        return Table(*(self.pos(self.layout.top, name) or (1, 1))[:1])
