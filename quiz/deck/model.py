"""The deck model: immutable records made by the loader, read by everything else.

They are NamedTuples rather than frozen dataclasses: every start of quiz and every `quiz check`
defines them, and a frozen dataclass costs about 2 ms to define (its methods are compiled from
source) where a NamedTuple costs 0.3 ms, and the check then needs no `dataclasses` (which imports
`inspect`, `ast` and `dis`: 13 ms). Where a dataclass field was compare=False (a fact's place in
its file, a deck's path) the record says so in its own __eq__, __ne__ and __hash__.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

FORMAT_VERSION = 1
MUST_KNOW, SHOULD_KNOW, NICE_TO_KNOW = "must-know", "should-know", "nice-to-know"
PRIORITIES = (MUST_KNOW, SHOULD_KNOW, NICE_TO_KNOW)
"""A fact's priority, most important first: the curriculum planner's three levels (docs/deck-format.md)."""
NO_POSITIONS: Mapping[str, tuple[int, int]] = MappingProxyType({})
"""The key positions of a fact that was not parsed from text (built in code, or read from the cache)."""


def _equal(self: Any, other: object) -> bool:
    """Equality of two records of one kind over their `_compared()` fields (Fact, Deck)."""
    return type(other) is type(self) and self._compared() == other._compared()  # type: ignore[attr-defined]


def _unequal(self: Any, other: object) -> bool:
    return not _equal(self, other)  # tuple's own != would compare every field


def _hash(self: Any) -> int:
    return hash(self._compared())


class Source(NamedTuple):
    """A work the facts cite."""

    id: str
    title: str
    publisher: str = ""
    url: str = ""


class Topic(NamedTuple):
    """A part of the deck's subject that facts belong to, with a one-sentence summary.

    Two topics are equal when everything but their place in a file (line, key_lines) is.
    """

    id: str
    title: str
    summary: str = ""
    line: int = 0
    key_lines: Mapping[str, tuple[int, int]] = NO_POSITIONS

    def _compared(self) -> tuple[object, ...]:
        return self[:3]

    __eq__ = _equal
    __ne__ = _unequal
    __hash__ = _hash  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Topic(id={self.id!r}, title={self.title!r}, summary={self.summary!r}, line={self.line!r})"

    def where(self, key: str | None = None) -> tuple[int, int]:
        """Line and column of `key` in the file, or of the topic's [[topics]] header."""
        if key and key in self.key_lines:
            return self.key_lines[key]
        return (self.line, 1)


class Fact(NamedTuple):
    """One testable statement; questions of every kind are generated from it.

    Two facts are equal when everything but their place in a file (line, key_lines) is.
    """

    id: str
    question: str
    answer: str
    distractors: tuple[str, ...] = ()
    explanation: str = ""
    source: str = ""
    refs: str = ""
    group: str = ""
    tags: tuple[str, ...] = ()
    accept: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()
    topic: str = ""
    priority: str = SHOULD_KNOW
    whys: tuple[str, ...] = ()
    """Why each distractor is wrong, parallel to `distractors` ("" where none is given); () when none is."""
    statement: str = ""
    """The fact as a plain sentence with the answer marked {{...}} (quiz.statement); "" when none."""
    line: int = 0
    key_lines: Mapping[str, tuple[int, int]] = NO_POSITIONS

    def _compared(self) -> tuple[object, ...]:
        return self[:_FACT_COMPARED]

    __eq__ = _equal
    __ne__ = _unequal
    __hash__ = _hash  # type: ignore[assignment]

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={value!r}" for name, value in zip(self._fields[:-1], self[:-1], strict=True))
        return f"Fact({fields})"

    def where(self, key: str | None = None) -> tuple[int, int]:
        """Line and column of `key` in the file, or of the fact's [[facts]] header."""
        if key and key in self.key_lines:
            return self.key_lines[key]
        return (self.line, 1)

    def why(self, option: str) -> str:
        """Why `option` is wrong: the `why` of the distractor with this text (compared as written), else ""."""
        for text, why in zip(self.distractors, self.whys, strict=False):
            if text == option:
                return why
        return ""


class Deck(NamedTuple):
    """A deck of facts with its metadata, sources and glossary.

    Two decks are equal when everything but the file they were read from (path) is.
    """

    id: str
    title: str
    facts: tuple[Fact, ...]
    description: str = ""
    language: str = "en"
    audience: str = ""
    version: str = ""
    reviewed: dt.date | None = None
    disclaimer: str = ""
    tags: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    glossary: tuple[tuple[str, str], ...] = ()
    topics: tuple[Topic, ...] = ()
    path: Path | None = None

    def _compared(self) -> tuple[object, ...]:
        return self[:-1]

    __eq__ = _equal
    __ne__ = _unequal
    __hash__ = _hash  # type: ignore[assignment]

    def fact(self, fact_id: str) -> Fact:
        """The fact with this id (KeyError if none)."""
        for fact in self.facts:
            if fact.id == fact_id:
                return fact
        raise KeyError(fact_id)

    def source(self, source_id: str) -> Source | None:
        """The source with this id, if the deck has one."""
        return next((s for s in self.sources if s.id == source_id), None)

    def topic(self, topic_id: str) -> Topic | None:
        """The topic with this id, if the deck has one."""
        return next((t for t in self.topics if t.id == topic_id), None)


_FACT_COMPARED = Fact._fields.index("line")
