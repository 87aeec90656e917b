"""Update a deck file in place from a new import: facts matched by id, the rest of the file kept.

A fact whose text changed is rewritten where it stands, keeping the keys the import does not
carry (distractors, source, group...); an unchanged fact is left exactly as written; a new fact
is added after the last; a fact the import no longer has is kept and reported, never deleted.
Everything outside the facts (the deck's keys, sources, glossary, comments) stays as written.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from quiz.deck.errors import DeckError, Problem
from quiz.deck.load import parse_deck
from quiz.deck.locate import locate
from quiz.deck.model import Deck, Fact
from quiz.deck.write import fact_to_toml
from quiz.interop.cards import fact_id_for_guid


class Update(NamedTuple):
    """The updated deck text and what changed, by fact id."""

    text: str
    changed: list[str]
    added: list[str]
    kept: list[str]
    missing: list[str]


def _own_ids(deck: Deck) -> dict[str, str]:
    """Ids an import gives to notes that `quiz export` made from this deck, mapped back to the facts' ids."""
    from quiz.interop.anki import note_guid

    return {fact_id_for_guid(note_guid(deck.id, f.id)): f.id for f in deck.facts}


def _matching_ids(deck: Deck, imported: Deck) -> dict[str, str]:
    """Imported fact id -> the deck's fact id it updates, where the two differ.

    Notes `quiz export` made map back to their facts; a fact whose id matches nothing else is
    matched by its question, where exactly one unmatched fact of the deck asks it (a deck first
    imported without Anki's guids, updated from an export with them).
    """
    own = _own_ids(deck)
    ids = {new: old for new, old in own.items() if new != old}
    present = {f.id for f in deck.facts}
    matched = {ids.get(f.id, f.id) for f in imported.facts} & present
    unmatched: dict[str, list[str]] = {}
    for fact in deck.facts:
        if fact.id not in matched:
            unmatched.setdefault(_words(fact.question), []).append(fact.id)
    for fact in imported.facts:
        if ids.get(fact.id, fact.id) in present:
            continue
        same = unmatched.get(_words(fact.question), [])
        if len(same) == 1:
            ids[fact.id] = same.pop()
    return ids


def _words(text: str) -> str:
    return " ".join(text.split()).casefold()


def _merged(deck: Deck, old: Fact, new: Fact) -> Fact:
    """The deck's fact with the import's text.

    Tags that `quiz export` adds to a note (the deck's, the group's) are not taken as the fact's own.
    """
    from quiz.interop.anki import note_tags

    added_by_export = set(note_tags(deck, old._replace(tags=()))) - set(old.tags)
    tags = tuple(t for t in new.tags if t not in added_by_export)
    return old._replace(
        question=new.question,
        answer=new.answer,
        explanation=new.explanation or old.explanation,
        tags=tags or old.tags,
    )


def _fact_spans(lines: list[str]) -> list[tuple[int, int]]:
    """Each [[facts]] table's lines as (start, end) indexes.

    Comments and blank lines just before the next table belong to that table, not to the fact.
    """
    layout = locate("\n".join(lines))
    starts = sorted({t.line for t in layout.tables.values()} | {t.line for ts in layout.arrays.values() for t in ts})
    spans = []
    for entry in layout.arrays.get("facts", []):
        start = entry.line - 1
        end = next((s - 1 for s in starts if s > entry.line), len(lines))
        while end > start + 1 and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
            end -= 1
        spans.append((start, end))
    return spans


def update_deck(text: str, path: Path, imported: Deck) -> Update:
    """The deck file `text` (at `path`) brought up to date with `imported`; DeckError if it cannot be."""
    deck = parse_deck(text, path)
    lines = text.split("\n")
    spans = _fact_spans(lines)
    if len(spans) != len(deck.facts):
        raise DeckError([Problem(path, None, None, "--update needs every fact written as a [[facts]] table")])
    ids = _matching_ids(deck, imported)
    incoming = {ids.get(f.id, f.id): f for f in imported.facts}
    changed, kept, missing = [], [], []
    for fact, (start, end) in reversed(list(zip(deck.facts, spans, strict=True))):
        new = incoming.get(fact.id)
        if new is None:
            missing.append(fact.id)
            continue
        merged = _merged(deck, fact, new)
        if merged == fact:
            kept.append(fact.id)
            continue
        changed.append(fact.id)
        lines[start:end] = fact_to_toml(merged).split("\n")
    present = {f.id for f in deck.facts}
    added = [f._replace(id=ids.get(f.id, f.id)) for f in imported.facts if ids.get(f.id, f.id) not in present]
    if added:
        at = _fact_spans(lines)[-1][1]
        lines[at:at] = ["", *"\n\n".join(fact_to_toml(f) for f in added).split("\n")]
    result = "\n".join(lines)
    parse_deck(result, path)
    return Update(result, changed[::-1], [f.id for f in added], kept[::-1], missing[::-1])
