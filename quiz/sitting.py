"""What a sitting of one deck chooses from, as the history says now: the one count of a review
that the study menu shows (review_size) and the session asks (quiz.session.plan_questions).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

from quiz.curriculum import session_facts, topic_facts
from quiz.deck.model import Deck
from quiz.glossary import is_term, terms_by_id
from quiz.schedule import NEW_PER_SESSION

if TYPE_CHECKING:
    from quiz.store import Store


def sitting(
    deck: Deck, store: Store | None, now: datetime, topic: str | None, more_detail: bool
) -> tuple[list[str], list[str], set[str]]:
    """What a sitting chooses from (quiz.session.plan_questions): the ids due now (the topic's facts, and every
    glossary word: quiz.glossary.is_term), the facts never answered, in deck order, and the facts
    in scope (quiz.curriculum.session_facts)."""
    ids = [f.id for f in deck.facts]
    in_topic = {f.id for f in topic_facts(deck, topic)}
    # A topic keeps its own due facts; due glossary words (term ids) are kept for matching.
    due = [i for i in store.due_facts(deck.id, now) if i in in_topic or is_term(i)] if store is not None else []
    unseen = store.new_fact_ids(deck.id, ids, len(ids)) if store is not None else ids
    mastered = store.mastered_facts(deck.id, now=now) if store is not None else set()
    return due, unseen, {f.id for f in session_facts(deck, topic, more_detail=more_detail, mastered=mastered)}


class ReviewSize(NamedTuple):
    """What a review (Mode.DUE) of a deck asks now (review_size): its facts due now, its glossary
    words due now, the new facts it brings in, and whether the deck has glossary words at all."""

    facts: int
    words: int
    new: int
    glossary: bool


def review_size(
    deck: Deck, store: Store, now: datetime, *, topic: str | None = None, more_detail: bool = False
) -> ReviewSize:
    """What a review of `deck` (quiz.session.plan_questions with Mode.DUE, the same `topic` and `more_detail`)
    would ask at `now`, counted from the same choice: the study menu says it, for the topic chosen.
    The words are the deck's glossary words due now (quiz.glossary.terms_by_id: a term taken out of
    the deck is never due); new facts are those in scope not yet answered, at most NEW_PER_SESSION."""
    due, unseen, scope = sitting(deck, store, now, topic, more_detail)
    is_due, terms = set(due), terms_by_id(deck.glossary)
    facts = sum(1 for f in deck.facts if f.id in is_due)
    new = [i for i in unseen if i in scope and i not in is_due][:NEW_PER_SESSION]
    return ReviewSize(facts, sum(1 for t in terms if t in is_due), len(new), bool(terms))
