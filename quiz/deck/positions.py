"""Where a valid deck's facts and topics, and their keys, were written: the table the loader hands
to the authoring advice, beside the model rather than in it.

The text is scanned (quiz.deck.locate) only when a position is asked for, and then, where it can
be done exactly, only the part of the file that holds the fact asked about, as far as the key
asked for: `quiz check` on a deck of 10,000 facts places its warnings without scanning the whole
file, nor the lines of a fact after the key a warning is about.
"""

from __future__ import annotations

import re

from quiz.deck.locate import Layout, Table, locate

Position = tuple[int, int]

_FACT_HEADER = re.compile(r"\[\[[ \t]*facts[ \t]*\]\]")


class Positions:
    """The positions of one deck text's [[facts]] and [[topics]] entries, by their index (from 0)."""

    def __init__(self, text: str = "", *, facts: int = 0, layout: Layout | None = None) -> None:
        """`text` is the deck's text and `facts` the number of [[facts]] entries it parsed to;
        a `layout` already made (tests, a loader that scanned) is used as it is."""
        self._text = text
        self._count = facts
        self._layout = layout
        self._starts: list[int] | None = None
        self._lines: list[int] | None = None
        self._facts: dict[int, Table | None] = {}

    def _whole(self) -> Layout:
        if self._layout is None:
            self._layout = locate(self._text)
        return self._layout

    def _fact_table(self, index: int, key: str | None = None) -> Table | None:
        """The `index`-th fact's table: all of it, or as far as `key` where its part of the file is scanned."""
        if self._layout is not None:
            return self._layout.entry("facts", index)
        if index in self._facts:
            return self._facts[index]
        if self._starts is None:
            self._starts = self._fact_starts()
        if self._starts is None:
            return self._whole().entry("facts", index)
        starts = self._starts
        if index >= len(starts):
            return None
        end = starts[index + 1] if index + 1 < len(starts) else len(self._text)
        part = locate(self._text[starts[index] : end], self._lines_before(index) + 1, key).entry("facts", 0)
        if part is None or key not in part.keys:  # scanned to its end
            self._facts[index] = part
        return part

    def _lines_before(self, index: int) -> int:
        """How many lines come before the `index`-th [[facts]] header (counted once for all of them)."""
        if self._lines is None:
            starts, text, lines, at = self._starts or [], self._text, [], 0
            count = 0
            for start in starts:
                count += text.count("\n", at, start)
                lines.append(count)
                at = start
            self._lines = lines
        return self._lines[index]

    def _fact_starts(self) -> list[int] | None:
        """Where each [[facts]] header starts, when a plain search finds them exactly: no
        multi-line string could hide a line that looks like one, and there is one per fact."""
        if '"""' in self._text or "'''" in self._text:
            return None
        starts = fact_headers(self._text)
        return starts if len(starts) == self._count else None

    def fact(self, index: int, key: str | None = None) -> Position | None:
        """Line and column of `key` of the `index`-th fact, or of its [[facts]] header; None if unknown."""
        return _where(self._fact_table(index, key), key)

    def table(self, name: str) -> Position | None:
        """Line and column of the [name] table's header (such as [glossary]); None if unknown."""
        return _where(self._whole().table(name) if self._text or self._layout else None, None)

    def topic(self, index: int, key: str | None = None) -> Position | None:
        """Line and column of `key` of the `index`-th topic, or of its [[topics]] header; None if unknown."""
        return _where(self._whole().entry("topics", index) if self._text or self._layout else None, key)


def fact_headers(text: str) -> list[int]:
    """Where each line that starts with a [[facts]] header (after spaces and tabs) starts, in order.

    The header is searched for, then the start of its line checked: a regex anchored at every line
    start (^ with re.MULTILINE) tries each character of the text, three times as slow on a large
    deck. A property test holds the two equal.
    """
    starts = []
    for found in _FACT_HEADER.finditer(text):
        line = text.rfind("\n", 0, found.start()) + 1
        if not text[line : found.start()].strip(" \t"):
            starts.append(line)
    return starts


NO_POSITIONS = Positions()
"""The positions of a deck that was not parsed from text (built in code, or read from the cache)."""


def _where(table: Table | None, key: str | None) -> Position | None:
    if table is None:
        return None
    if key and key in table.keys:
        return table.keys[key]
    return (table.line, table.col)
