"""Update a deck file in place from a new import: facts matched by id, the rest of the file kept.

A fact whose text changed has the keys that changed written again where they stand, its other
lines (the keys the import does not carry, comments, the author's order) kept as written
(quiz.deck.write.rewrite_fact); an unchanged fact is left exactly as written; a new fact
is added after the last; a fact the import no longer has is kept and reported, never deleted.
Everything outside the facts (the deck's keys, sources, glossary, comments) stays as written.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from quiz.deck.errors import DeckError, Problem
from quiz.deck.load import parse_deck
from quiz.deck.locate import locate
from quiz.deck.model import SHOULD_KNOW, Deck, Fact
from quiz.deck.write import fact_to_toml, rewrite_fact
from quiz.interop.cards import Card, fact_id_for_guid
from quiz.interop.edits import edited, meaning_changed, taken_out_comments, words, written_for_before
from quiz.interop.merge import merged_fact


class Update(NamedTuple):
    """The updated deck text and what changed, by fact id."""

    text: str
    changed: list[str]
    added: list[str]
    kept: list[str]
    missing: list[str]
    renumbered: dict[str, str] = {}
    """Changed facts that keep their id (their note's guid) although a number in the question or
    answer changed, or the answer is another: fact id -> "number" or "answer"
    (quiz.interop.edits.meaning_changed). The learners' history of the old fact stays with them."""
    taken_out: tuple[tuple[str, str, str, tuple[str, ...]], ...] = ()
    """Changed facts whose answer is another, with what was written for the old answer taken out
    (quiz.interop.edits.written_for_before): (fact id, old answer, new answer, keys), each kept as
    comments above the fact."""
    questions_kept: tuple[str, ...] = ()
    """Changed facts whose statement was edited in their cloze note, which carries no question:
    each keeps its own question, which the author may need to bring in line."""


def own_ids(deck_id: str, facts: Sequence[Fact]) -> dict[str, str]:
    """Ids an import gives to notes that `quiz export` made from the deck `deck_id` with `facts`,
    mapped back to the facts' ids: the note of each fact's note type first, then that of the other
    (an export from before the fact gained or lost a statement: quiz.interop.anki.note_guid)."""
    from quiz.interop.anki import is_cloze_fact, note_guid

    ids = {}
    for fact in facts:
        basic = fact_id_for_guid(note_guid(deck_id, fact.id))
        cloze = fact_id_for_guid(note_guid(deck_id, fact.id, cloze=True)) + "-c1"  # one deletion, c1
        for key in (cloze, basic) if is_cloze_fact(fact) else (basic, cloze):
            ids[key] = fact.id
        ids[f"{basic}-c1"] = fact.id  # a cloze note from before cloze notes had their own guid
    return ids


_GUID_ID = re.compile(r"anki-[0-9a-f]{10}(?:-c\d+)?")
"""A fact id an Anki note's guid gave (quiz.interop.cards.fact_id_for_guid; "-cN" for a cloze
deletion): the fact's note had a guid."""


def _two_guids(new_id: str, old_id: str) -> bool:
    """Whether two fact ids both come from a guid (_GUID_ID): two notes, never matched by text."""
    return bool(_GUID_ID.fullmatch(new_id) and _GUID_ID.fullmatch(old_id))


def _matching_ids(deck: Deck, imported: Deck) -> dict[str, str]:
    """Imported fact id -> the deck's fact id it updates, where the two differ.

    Notes `quiz export` made map back to their facts; a fact whose id matches nothing else is
    matched by its question, where exactly one unmatched fact of the deck asks it and the answers
    are the same or a small edit apart (quiz.interop.edits.edited): a deck first imported without
    Anki's guids, updated from an export with them. (A fact asking that question with another answer is
    another fact, and never takes the old one's id and history.)
    """
    own = own_ids(deck.id, deck.facts)
    ids = {new: old for new, old in own.items() if new != old}
    present = {f.id for f in deck.facts}
    matched = {ids.get(f.id, f.id) for f in imported.facts} & present
    unmatched: dict[str, list[Fact]] = {}
    for fact in deck.facts:
        if fact.id not in matched:
            unmatched.setdefault(words(fact.question), []).append(fact)
    for fact in imported.facts:
        if ids.get(fact.id, fact.id) in present:
            continue
        same = unmatched.get(words(fact.question), [])
        if (
            len(same) == 1
            and not _two_guids(fact.id, same[0].id)
            and edited(same[0].answer, fact.answer, deck.language)
        ):
            ids[fact.id] = same.pop().id
    return ids


def older_notes(cards: Sequence[Card], earlier: Sequence[Fact], earlier_deck: str) -> dict[int, str]:
    """The cards (by index) of notes `quiz export` made of a fact of `earlier` (the deck
    `earlier_deck`) before its note type changed, where the card of its newer note is there too:
    card index -> the fact's id. Anki cannot change a note's type on import, so it keeps the older
    note beside the newer (quiz.interop.anki.note_guid), and its export holds both; the fact is the
    newer one's (own_ids lists each fact's current note first)."""
    if not earlier_deck:
        return {}
    own = own_ids(earlier_deck, earlier)
    rank = {key: n for n, key in enumerate(own)}
    best: dict[str, int] = {}
    for n, card in enumerate(cards):
        fact_id = own.get(card.key)
        if fact_id is not None and (fact_id not in best or rank[card.key] < rank[cards[best[fact_id]].key]):
            best[fact_id] = n
    return {n: own[card.key] for n, card in enumerate(cards) if card.key in own and best[own[card.key]] != n}


def earlier_ids(
    cards: Sequence[Card], earlier: Sequence[Fact], earlier_deck: str = "", language: str = "en"
) -> tuple[dict[int, str], set[str]]:
    """Ids from the deck an import replaces or updates, for the cards that keep one (by index in
    `cards`), and every id of that deck (which a new fact must not take).

    A fact keeps its id whenever the card is the same fact: by guid where both have one (the id
    a card's guid gives is that fact's, and where `earlier_deck` names the deck of `earlier`, a
    card of a note `quiz export` made from it takes its fact's id: own_ids; a card imported once
    for notes of the same question and answer, by any of their guids: Card.also), else by text. A card
    takes the id of the deck's fact that has its question and answer (spacing and case aside). Of
    those left, a card and a fact that are the only ones to share a question, and whose answers
    differ by a small edit (quiz.interop.edits.edited), are the same fact with its answer edited;
    then the same for a shared answer and a question edited ("How often shuold..." fixed). Nothing is matched by place
    or by the id a question makes: two notes asking "What does this sign mean?" in another order
    would swap their ids, and so their history; and a fact whose text is another (not an edit of
    it) never takes an old fact's id and history. `language` is the deck's, for reading numbers.

    By text, a card with a guid matches a fact without one (a deck first imported from an export
    without guids, replaced from one with them), never a fact whose own guid was another
    (_GUID_ID): two notes with two guids are two facts, whatever their text.
    """
    own = own_ids(earlier_deck, earlier) if earlier_deck else {}
    present = {f.id for f in earlier}
    ids: dict[int, str] = {n: own[card.key] for n, card in enumerate(cards) if card.key in own}
    for n, card in enumerate(cards):  # a card imported for several notes: the id its fact had under any
        if n not in ids and card.key not in present:
            had = [own.get(key, key) for key in card.also if own.get(key, key) in present]
            if had:
                ids[n] = had[0]
    ids |= {n: fact_id for n, fact_id in retyped(cards, present).items() if n not in ids}
    keys = {card.key for card in cards if card.key} | set(ids.values())
    by_text = [n not in ids and card.key not in present for n, card in enumerate(cards)]

    free: dict[tuple[str, str], list[str]] = {}
    for fact in earlier:
        if fact.id not in keys:
            free.setdefault((words(fact.question), words(fact.answer)), []).append(fact.id)
    for n, card in enumerate(cards):
        same = free.get((words(card.front), words(card.back)), [])
        fact_id = next((f for f in same if not _two_guids(card.key, f)), None)
        if by_text[n] and fact_id is not None:
            ids[n] = fact_id
            same.remove(fact_id)
    for shared in ("question", "answer"):
        claimed = set(ids.values())
        facts: dict[str, list[Fact]] = {}
        for fact in earlier:
            if fact.id not in keys and fact.id not in claimed:
                facts.setdefault(words(getattr(fact, shared)), []).append(fact)
        found: dict[str, list[int]] = {}
        for n, card in enumerate(cards):
            if by_text[n] and n not in ids:
                found.setdefault(words(card.front if shared == "question" else card.back), []).append(n)
        for text, ns in found.items():
            same_text = facts.get(text, [])
            if len(ns) == 1 and len(same_text) == 1 and not _two_guids(cards[ns[0]].key, same_text[0].id):
                fact, card = same_text[0], cards[ns[0]]
                other = (fact.answer, card.back) if shared == "question" else (fact.question, card.front)
                if edited(*other, language, answer=shared == "question"):
                    ids[ns[0]] = fact.id
    return ids, present


def _note_cards(cards: Sequence[Card]) -> dict[str, list[int]]:
    """The cards (by index) of each note with a guid, by the id its guid gives (a cloze note's
    cards without their "-cN")."""
    notes: dict[str, list[int]] = {}
    for n, card in enumerate(cards):
        if card.key:
            notes.setdefault(_CLOZE_NUMBER.sub("", card.key), []).append(n)
    return notes


_CLOZE_NUMBER = re.compile(r"-c\d+\Z")


def retyped(cards: Sequence[Card], present: set[str]) -> dict[int, str]:
    """Card index -> the id of the fact of `present` its note had under its other note type: a
    note changed in Anki from Basic to Cloze of one deletion (or back), whose guid stays, is the
    same fact (its id was the guid's, and is now the guid's with "-c1", or the other way)."""
    found = {}
    for base, ns in _note_cards(cards).items():
        if len(ns) != 1 or cards[ns[0]].key in present:
            continue
        other = base if cards[ns[0]].key != base else f"{base}-c1"
        if other in present and not (other != base and f"{base}-c2" in present):
            found[ns[0]] = other
    return found


def retyped_notes(cards: Sequence[Card], present: set[str]) -> list[str]:
    """A note for each note whose type changed in Anki (same guid) where its fact's id cannot
    follow it (retyped does where it can): a Basic note made a cloze of several deletions, or the
    other way; the history of the fact it was stays with that fact."""
    notes = []
    for base, ns in _note_cards(cards).items():
        keys = [cards[n].key for n in ns]
        if len(ns) > 1 and base in present and not present.intersection(keys):
            notes.append(
                f"line {cards[ns[0]].line}: this note was the fact {base} before it became a cloze note of "
                f"{len(ns)} deletions; each deletion is a new fact, which the history of {base} does not follow"
            )
        elif len(ns) == 1 and keys == [base] and f"{base}-c2" in present:
            notes.append(
                f"line {cards[ns[0]].line}: this note was a cloze note of several deletions ({base}-c1, "
                f"{base}-c2...) before its type changed; it is a new fact, which their history does not follow"
            )
    return notes


def _read_back(deck: Deck) -> dict[str, Fact]:
    """Fact id -> the fact `quiz import` makes of that fact's note in Anki's "Notes in Plain Text"
    export (HTML, with guid, note type and tags columns, each row as wide as the widest, as Anki
    writes it): what a round trip through Anki with no edit gives. A fact whose note the import
    cannot read back has none."""
    import csv
    import io

    from quiz.interop.anki import FIELDS, notes
    from quiz.interop.importer import card_fact
    from quiz.interop.table import read_cards

    text = io.StringIO()
    text.write(f"#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#tags column:{len(FIELDS) + 3}\n")
    rows = csv.writer(text, delimiter="\t", lineterminator="\n")
    for note in notes(deck):
        fields = [*note.fields, *[""] * (len(FIELDS) - len(note.fields))]
        rows.writerow([note.guid, note.model.name, *fields, " ".join(note.tags)])
    table = read_cards(text.getvalue(), "<export>")
    own = own_ids(deck.id, deck.facts)
    return {own[card.key]: card_fact(card, card.key, "") for card in table.cards if card.key in own}


def _fact_spans(lines: list[str]) -> list[tuple[int, int]]:
    """Each [[facts]] table's lines as (start, end) indexes.

    Comments and blank lines just before the next table belong to that table, not to the fact.
    """
    layout = locate("\n".join(lines))
    starts = sorted({t.line for t in layout.tables.values()} | {t.line for ts in layout.arrays.values() for t in ts})
    spans = []
    for entry in layout.arrays.get("facts", []):
        start = entry.line - 1
        after = bisect.bisect_right(starts, entry.line)  # the next table's start (a scan was quadratic)
        end = starts[after] - 1 if after < len(starts) else len(lines)
        while end > start + 1 and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
            end -= 1
        spans.append((start, end))
    return spans


def _as_in_the_deck(
    problems: Sequence[Problem], result: str, order: list[str], where: dict[str, int], path: Path
) -> list[Problem]:
    """Problems of the updated text, which is not written, placed in the deck file as it is: at the
    first line of the fact (by id: `where`) whose text the import would make invalid, or at no line
    for a fact it would add."""
    starts = [start for start, _ in _fact_spans(result.split("\n"))]
    found = []
    for problem in problems:
        fact = bisect.bisect_right(starts, (problem.line or 0) - 1) - 1
        if problem.line is None or fact < 0:
            found.append(problem)
            continue
        line = where.get(order[fact])
        message = f"the import would make this fact invalid: {problem.message}"
        if line is None and 'missing "topic"' in problem.message:  # a note added in Anki
            message += "; in Anki, a note's tag topic::ID gives it its topic"
        found.append(Problem(path, line, None, message))
    return found


def update_deck(text: str, path: Path, imported: Deck) -> Update:
    """The deck file `text` (at `path`) brought up to date with `imported`; DeckError if it cannot be."""
    from quiz.interop.anki import from_tags

    deck = parse_deck(text, path)
    lines = text.split("\n")
    spans = _fact_spans(lines)
    if len(spans) != len(deck.facts):
        raise DeckError([Problem(path, None, None, "--update needs every fact written as a [[facts]] table")])
    ids = _matching_ids(deck, imported)
    incoming = {ids.get(f.id, f.id): f for f in imported.facts}
    merges = {f.id: merged_fact(deck, f, incoming[f.id], None) for f in deck.facts if f.id in incoming}
    # what a round trip with no edit gives is read only for the facts that would change without it
    unlike = {f.id: f for f in deck.facts if f.id in merges and merges[f.id] != f}
    for fact_id, image in _read_back(deck._replace(facts=tuple(unlike.values()))).items():
        merges[fact_id] = merged_fact(deck, unlike[fact_id], incoming[fact_id], image)
    changed, kept, missing, questions_kept = [], [], [], []
    renumbered: dict[str, str] = {}
    taken_out = []
    for fact, (start, end) in reversed(list(zip(deck.facts, spans, strict=True))):
        merged = merges.get(fact.id)
        if merged is None:
            missing.append(fact.id)
            continue
        if merged == fact:
            kept.append(fact.id)
            continue
        changed.append(fact.id)
        if change := meaning_changed(fact, merged, deck.language):
            renumbered[fact.id] = change
        if merged.statement != fact.statement and merged.question == fact.question and fact.statement:
            questions_kept.append(fact.id)
        merged, taken = written_for_before(fact, merged, deck.language)
        if taken:
            taken_out.append((fact.id, fact.answer, merged.answer, tuple(key for key, _ in taken)))
        table = rewrite_fact(lines[start:end], fact, merged) or fact_to_toml(merged).split("\n")
        lines[start:end] = [*taken_out_comments(taken, fact.answer), *table]
    present = {f.id for f in deck.facts}
    added = [
        (tagged := from_tags(deck, f))._replace(id=ids.get(f.id, f.id), priority=tagged.priority or SHOULD_KNOW)
        for f in imported.facts
        if ids.get(f.id, f.id) not in present
    ]  # a new note's topic and priority by its tags, as quiz export writes them
    if added:
        at = _fact_spans(lines)[-1][1]
        lines[at:at] = ["", *"\n\n".join(fact_to_toml(f) for f in added).split("\n")]
    result = "\n".join(lines)
    try:
        parse_deck(result, path)
    except DeckError as err:
        order = [f.id for f in deck.facts] + [f.id for f in added]
        where = dict(zip([f.id for f in deck.facts], [start + 1 for start, _ in spans], strict=True))
        raise DeckError(_as_in_the_deck(err.problems, result, order, where, path)) from None
    return Update(
        result, changed[::-1], [f.id for f in added], kept[::-1], missing[::-1],
        renumbered=dict(reversed(renumbered.items())), questions_kept=tuple(questions_kept[::-1]),
        taken_out=tuple(taken_out[::-1]),
    )  # fmt: skip
