"""The deck model: frozen dataclasses made by the loader, read by everything else."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

FORMAT_VERSION = 1
NO_POSITIONS: Mapping[str, tuple[int, int]] = MappingProxyType({})
"""The key positions of a fact that was not parsed from text (built in code, or read from the cache)."""


@dataclass(frozen=True, slots=True)
class Source:
    """A work the facts cite."""

    id: str
    title: str
    publisher: str = ""
    url: str = ""


@dataclass(frozen=True, slots=True)
class Fact:
    """One testable statement; questions of every kind are generated from it."""

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
    line: int = field(default=0, compare=False)
    key_lines: Mapping[str, tuple[int, int]] = field(default_factory=lambda: NO_POSITIONS, compare=False, repr=False)

    def where(self, key: str | None = None) -> tuple[int, int]:
        """Line and column of `key` in the file, or of the fact's [[facts]] header."""
        if key and key in self.key_lines:
            return self.key_lines[key]
        return (self.line, 1)


@dataclass(frozen=True, slots=True)
class Deck:
    """A deck of facts with its metadata, sources and glossary."""

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
    path: Path | None = field(default=None, compare=False)

    def fact(self, fact_id: str) -> Fact:
        """The fact with this id (KeyError if none)."""
        for fact in self.facts:
            if fact.id == fact_id:
                return fact
        raise KeyError(fact_id)

    def source(self, source_id: str) -> Source | None:
        """The source with this id, if the deck has one."""
        return next((s for s in self.sources if s.id == source_id), None)
