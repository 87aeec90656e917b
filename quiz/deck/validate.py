"""Validation of a parsed deck: walks tomli's tables once, building the model and collecting every
problem with its line and column (from the text's layout, quiz.deck.locate)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from quiz.deck.checker import Checker, kind
from quiz.deck.errors import DeckError
from quiz.deck.fact_options import check_accept, check_distractors
from quiz.deck.locate import Layout, Table
from quiz.deck.model import (
    DECK_KEYS,
    FACT_KEYS,
    FORMAT_VERSION,
    PRIORITIES,
    SHOULD_KNOW,
    SOURCE_KEYS,
    TOPIC_KEYS,
    Deck,
    Fact,
    Source,
    Topic,
)
from quiz.deck.options import Said, group_repeats, on_screen
from quiz.deck.suggest import did_you_mean
from quiz.deck.text import blank, term_id
from quiz.untrusted import visible

MAX_FACTS = 20_000
"""The most facts a deck may hold: twice the largest deck quiz is benchmarked with (bench/, 10,000)."""

TOP_KEYS = ("format", "deck", "sources", "topics", "glossary", "facts")


def _check_deck_table(c: Checker, data: dict[str, Any]) -> dict[str, Any]:
    deck = data.get("deck")
    table = c.layout.table("deck")
    if deck is None:
        c.add((1, 1), 'missing the [deck] table (it holds the deck\'s "id" and "title")')
        return {}
    if not isinstance(deck, dict):
        c.add(c.pos(c.layout.top, "deck"), f'"deck" must be a table ([deck]), got {kind(deck)}')
        return {}
    label = "[deck] "
    c.unknown_keys(deck, DECK_KEYS, table, label)
    reviewed = deck.get("reviewed")
    if reviewed is not None and (not isinstance(reviewed, dt.date) or isinstance(reviewed, dt.datetime)):
        c.add(
            c.pos(table, "reviewed"),
            f'{label}"reviewed" must be a date written without quotes, like reviewed = 2026-11-27; '
            f"got {kind(reviewed)}",
        )
        reviewed = None
    return {
        "id": c.text(deck, "id", table, label, required=True, slug=True),
        "title": c.text(deck, "title", table, label, required=True),
        "description": c.text(deck, "description", table, label),
        "language": c.text(deck, "language", table, label) or "en",
        "audience": c.text(deck, "audience", table, label),
        "version": c.text(deck, "version", table, label),
        "reviewed": reviewed,
        "disclaimer": c.text(deck, "disclaimer", table, label),
        "tags": c.texts(deck, "tags", table, label),
    }


def _check_sources(c: Checker, data: dict[str, Any]) -> tuple[Source, ...]:
    sources: list[Source] = []
    for entry, table, label, sid in c.identified(data, "sources", SOURCE_KEYS, "source"):
        sources.append(
            Source(
                id=sid,
                title=c.text(entry, "title", table, label, required=True),
                publisher=c.text(entry, "publisher", table, label),
                url=c.text(entry, "url", table, label),
            )
        )
    return tuple(sources)


def _check_topics(c: Checker, data: dict[str, Any]) -> list[tuple[Topic, Table | None]]:
    """Each [[topics]] entry as a Topic, with where it was written."""
    topics: list[tuple[Topic, Table | None]] = []
    for entry, table, label, tid in c.identified(data, "topics", TOPIC_KEYS, "topic"):
        title = c.text(entry, "title", table, label, required=True)
        topics.append((Topic(id=tid, title=title, summary=c.text(entry, "summary", table, label)), table))
    return topics


def _check_fact_topic(c: Checker, entry: dict[str, Any], table: Table | None, label: str, topic_ids: set[str]) -> None:
    """A fact names a [[topics]] id when, and only when, the deck has topics."""
    topic = entry.get("topic")
    if not isinstance(topic, str) or c.text_problem(topic):
        if topic is None and topic_ids:
            known = ", ".join(f'"{t}"' for t in sorted(topic_ids))
            c.add(c.pos(table), f'{label}missing "topic": this deck has [[topics]], so every fact names one ({known})')
        return  # a value of the wrong kind is reported by c.text
    if topic not in topic_ids:
        known = ", ".join(f'"{t}"' for t in sorted(topic_ids)) or "none: add a [[topics]] table"
        c.add(c.pos(table, "topic"), f'{label}"topic" names "{topic}", which is not a [[topics]] id (known: {known})')


def _check_glossary(c: Checker, data: dict[str, Any], said: Said) -> tuple[tuple[str, str], ...]:
    """The glossary's (term, definition) pairs; two terms that look the same, are kept under one id,
    or say the same as typed answers are read (`said`: "Tumor" and "Tumour") are refused."""
    glossary = data.get("glossary")
    if glossary is None:
        return ()
    table = c.layout.table("glossary")
    if not isinstance(glossary, dict):
        c.add(c.pos(c.layout.top, "glossary"), f'"glossary" must be a table ([glossary]), got {kind(glossary)}')
        return ()
    terms: list[tuple[str, str]] = []
    ids: dict[str, str] = {}
    looks: dict[str, str] = {}  # a term as a reader tells it apart (on_screen): the first written so
    says: dict[object, str] = {}  # what a term says (said): the first written so
    language = said.language
    for term, definition in glossary.items():
        where = c.pos(table, term)
        bad = c.text_problem(term)
        if bad:
            c.add(where, f"[glossary] a term {bad}")
        elif blank(term):
            c.add(where, "[glossary] a term is empty")
        elif (first := looks.setdefault(on_screen(term, language), term)) != term and term_id(first) != term_id(term):
            c.add(where, f'[glossary] "{visible(term)}" looks the same as "{visible(first)}" on screen: keep one')
        elif (first := ids.setdefault(term_id(term), term)) != term:
            c.add(
                where,
                f'[glossary] "{term}" would share its answers and schedule with "{first}" (both are kept as '
                f'"{term_id(term)}"): write them so that they differ by more than case, accents or punctuation, '
                "or keep one",
            )
        elif (first := says.setdefault(said.key(term)[0], term)) != term:
            c.add(where, f'[glossary] "{visible(term)}" is "{visible(first)}" written another way: keep one')
        elif not isinstance(definition, str):
            c.add(where, f'[glossary] "{term}" must be defined as text, got {kind(definition)}')
        elif c.text_problem(definition):
            c.add(where, f'[glossary] "{term}" {c.text_problem(definition)}')
        elif blank(definition):
            c.add(where, f'[glossary] "{term}" has an empty definition')
        else:
            terms.append((term, definition))
    return tuple(terms)


def _check_priority(c: Checker, entry: dict[str, Any], table: Table | None, label: str) -> str:
    """The fact's priority: one of PRIORITIES, SHOULD_KNOW when not given."""
    value = entry.get("priority")
    if value is not None and not isinstance(value, str):
        c.add(c.pos(table, "priority"), f'{label}"priority" must be one of {_quoted(PRIORITIES)}, got {kind(value)}')
        return SHOULD_KNOW
    priority = c.text(entry, "priority", table, label)
    if not priority:
        if isinstance(value, str) and not c.text_problem(value):
            c.add(c.pos(table, "priority"), f'{label}"priority" is empty: use one of {_quoted(PRIORITIES)}')
        return SHOULD_KNOW
    if priority not in PRIORITIES:
        hint = did_you_mean(priority.strip().lower().replace(" ", "-").replace("_", "-"), PRIORITIES)
        c.add(
            c.pos(table, "priority"),
            f'{label}"priority" is "{priority}", which is not one of {_quoted(PRIORITIES)}{hint}',
        )
        return SHOULD_KNOW
    return priority


def _check_statement(
    c: Checker, entry: dict[str, Any], table: Table | None, label: str, answer: str, accept: tuple[str, ...]
) -> str:
    """The fact's statement, its one {{...}} span being the answer or an accept form (quiz.deck.statement.problem).

    A problem is placed at the span, wherever and however the statement is written (quiz.deck.in_string).
    """
    statement = c.text(entry, "statement", table, label)
    if not statement or not answer:
        return statement
    from quiz.deck.statement import problem

    found = problem(statement, answer, accept)
    if found is None:
        return statement
    offset, message = found
    where = c.pos(table, "statement")
    if table is not None and "statement" in table.keys:
        from quiz.deck.in_string import string_position

        where = string_position(c.layout, table.keys["statement"], offset) or where
    c.add(where, f'{label}"statement" {message}')
    return ""


def _quoted(names: tuple[str, ...]) -> str:
    return ", ".join(f'"{n}"' for n in names)


def _check_fact(
    c: Checker,
    entry: dict[str, Any],
    table: Table | None,
    n: int,
    source_ids: set[str],
    topic_ids: set[str],
    said: Said,
) -> Fact | None:
    raw_id = entry.get("id")
    label = (
        f'fact "{raw_id}": '
        if isinstance(raw_id, str) and raw_id.strip() and not c.text_problem(raw_id)
        else f"fact #{n}: "
    )
    before = len(c.problems)
    c.unknown_keys(entry, FACT_KEYS, table, label)
    fid = c.text(entry, "id", table, label, required=True, slug=True)
    question = c.text(entry, "question", table, label, required=True)
    answer = c.text(entry, "answer", table, label, required=True)
    accept = check_accept(c, entry, table, label, answer, said)
    distractors, whys = check_distractors(c, entry, table, label, (answer, *accept), said)
    source = c.text(entry, "source", table, label)
    if source and source not in source_ids:
        known = ", ".join(f'"{s}"' for s in sorted(source_ids)) or "none: add a [[sources]] table"
        c.add(
            c.pos(table, "source"), f'{label}"source" names "{source}", which is not a [[sources]] id (known: {known})'
        )
    _check_fact_topic(c, entry, table, label, topic_ids)
    statement = _check_statement(c, entry, table, label, answer, accept)
    fact = Fact(
        id=fid,
        question=question,
        answer=answer,
        distractors=distractors,
        explanation=c.shared(c.text(entry, "explanation", table, label)),
        source=c.shared(source),
        refs=c.shared(c.text(entry, "refs", table, label)),
        group=c.shared(c.text(entry, "group", table, label)),
        tags=c.shared(c.texts(entry, "tags", table, label)),
        accept=accept,
        allow=c.shared(c.texts(entry, "allow", table, label)),
        topic=c.shared(c.text(entry, "topic", table, label)),
        priority=c.shared(_check_priority(c, entry, table, label)),
        whys=whys,
        statement=statement,
    )
    return fact if len(c.problems) == before else None


def build(data: dict[str, Any], path: Path, layout: Layout, *, controls: bool = True) -> Deck:
    """The Deck that tomli's `data` describes, or DeckError listing every problem, placed by `layout`.

    `controls` False says that no string of `data` can hold a control character, so none is
    searched for one (quiz.deck.checker.Checker).

    The [[facts]] tables of `data` are let go of as they are checked (data["facts"] is left
    holding None), so a large deck's parsed tables and its facts are not all held at once.
    """
    c = Checker(path, layout, controls=controls)
    fmt = data.get("format")
    if fmt is None:
        c.add((1, 1), f'missing "format = {FORMAT_VERSION}" at the top of the file')
    elif isinstance(fmt, str) and fmt.strip() == str(FORMAT_VERSION):
        c.add(c.pos(layout.top, "format"), f"format must be a number: write format = {FORMAT_VERSION}, without quotes")
    elif fmt != FORMAT_VERSION or isinstance(fmt, bool):
        c.add(
            c.pos(layout.top, "format"),
            f"unsupported format {visible(repr(fmt))}: this version of quiz reads format = {FORMAT_VERSION}",
        )
    for key in data:
        if key not in TOP_KEYS:
            c.add(c.top_pos(key), f'unknown key "{visible(key)}"{did_you_mean(key, TOP_KEYS)}')
    meta = _check_deck_table(c, data)
    sources = _check_sources(c, data)
    topics = _check_topics(c, data)
    said = Said(meta.get("language") or "en")
    glossary = _check_glossary(c, data, said)
    source_ids = {s.id for s in sources if s.id}
    topic_ids = {t.id for t, _ in topics if t.id}
    facts: list[Fact] = []
    entries = c.tables(data, "facts")
    if len(entries) > MAX_FACTS:
        first_beyond = entries[MAX_FACTS][1]
        c.add(
            (first_beyond.line, 1) if first_beyond else None,
            f"the deck has {len(entries):,} facts; the limit is {MAX_FACTS:,} (split it into several decks)",
        )
        entries = []
    if not entries and "facts" not in data:
        c.add(
            None if not layout.table("deck") else (layout.table("deck").line, 1),  # type: ignore[union-attr]
            "the deck has no facts: add at least one [[facts]] table",
        )
    seen: dict[str, tuple[int, Table | None]] = {}
    placed: list[tuple[Fact, Table | None]] = []
    named: set[object] = set()
    tables = data.get("facts")
    for n, (entry, table) in enumerate(entries, start=1):
        entries[n - 1] = ({}, table)  # let go of the parsed table once this fact is checked
        if isinstance(tables, list):
            tables[n - 1] = None
        named.add(entry.get("topic"))
        fact = _check_fact(c, entry, table, n, source_ids, topic_ids, said)
        fid = entry.get("id")
        if isinstance(fid, str) and fid:
            if fid in seen:
                first, where = seen[fid]
                at = c.pos(where, "id")
                line = f", at line {at[0]}" if at else ""
                c.add(
                    c.pos(table, "id"),
                    f'fact "{fid}": duplicate id (fact #{first} has it too{line}); ids must be unique and never reused',
                )
            else:
                seen[fid] = (n, table)
        if fact is not None:
            facts.append(fact)
            placed.append((fact, table))
    for i, key, message in group_repeats([fact for fact, _ in placed], said):
        c.add(c.pos(placed[i][1], key), f'fact "{placed[i][0].id}": {message}')
    for topic, table in {t.id: (t, table) for t, table in reversed(topics)}.values():  # the first of each id
        if topic.id and topic.id not in named:
            c.add(
                c.pos(table, "id"),
                f'topic "{topic.id}" has no facts: name it in a fact (topic = "{topic.id}") or remove the topic',
            )
    if c.problems:
        c.problems.sort(key=lambda p: (p.line or 0, p.col or 0))
        raise DeckError(c.problems)
    return Deck(facts=tuple(facts), sources=sources, glossary=glossary, topics=tuple(t for t, _ in topics), path=path,
                **meta)  # fmt: skip
