"""The deck model: immutable records made by the loader, read by everything else.

Plain NamedTuples: equal when every field is. Where a fact or topic was written in its file is
not part of it; the loader returns those positions beside the deck (quiz.deck.positions).
"""

# No `from __future__ import annotations` here: typing.NamedTuple compiles each annotation written
# as text (typing.ForwardRef), about 7 µs a field at every start of the app (docs/benchmarks.md).

import datetime as dt
from pathlib import Path
from typing import NamedTuple

FORMAT_VERSION = 1
MUST_KNOW, SHOULD_KNOW, NICE_TO_KNOW = "must-know", "should-know", "nice-to-know"
PRIORITIES = (MUST_KNOW, SHOULD_KNOW, NICE_TO_KNOW)
"""A fact's priority, most important first: the curriculum planner's three levels (docs/deck-format.md)."""


class Source(NamedTuple):
    """A work the facts cite."""

    id: str
    title: str
    publisher: str = ""
    url: str = ""


class Topic(NamedTuple):
    """A part of the deck's subject that facts belong to, with a one-sentence summary."""

    id: str
    title: str
    summary: str = ""


class Fact(NamedTuple):
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
    topic: str = ""
    priority: str = SHOULD_KNOW
    whys: tuple[str, ...] = ()
    """Why each distractor is wrong, parallel to `distractors` ("" where none is given); () when none is."""
    statement: str = ""
    """The fact as a plain sentence with the answer marked {{...}} (quiz.deck.statement); "" when none."""

    def why(self, option: str) -> str:
        """Why `option` is wrong: the `why` of the distractor with this text (compared as written), else ""."""
        for text, why in zip(self.distractors, self.whys, strict=False):
            if text == option:
                return why
        return ""


class Deck(NamedTuple):
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
    topics: tuple[Topic, ...] = ()
    path: Path | None = None
    """The file the deck was read from (None for a deck made in code); part of equality, as every field is."""

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


FACT_KEYS = tuple(name for name in Fact._fields if name != "whys")
"""The keys of a [[facts]] table, in the order they are written: a fact's fields but `whys`, which
are written inside `distractors` ({ text = "...", why = "..." })."""
DECK_KEYS = tuple(name for name in Deck._fields if name not in ("facts", "sources", "glossary", "topics", "path"))
"""The keys of the [deck] table: a deck's fields but those written as tables of their own, and its path."""
SOURCE_KEYS = Source._fields
TOPIC_KEYS = Topic._fields


def citation(source: Source | None, refs: str) -> str:
    """Where a fact comes from, in one wording everywhere: "Title (Publisher), references 69-75".

    The publisher is left out when the source names none; "reference 7" for a single number;
    "references 12" alone when the fact names no source; "" when it names neither.
    """
    where = ""
    if refs:
        where = f"{'reference' if refs.strip().isdigit() else 'references'} {refs}"
    if source is None:
        return where
    title = f"{source.title} ({source.publisher})" if source.publisher else source.title
    return f"{title}, {where}" if where else title
