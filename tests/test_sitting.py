"""The study menu's count of a review is what the review asks (quiz.sitting; T11 D1: it counted the
whole deck whatever the topic chosen, and said "1 new facts")."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from quiz.generate import Kind
from quiz.mode import Mode
from quiz.schedule import Rating, Scheduler
from quiz.session import plan_questions
from quiz.sitting import ReviewSize, review_size
from quiz.store import Store
from quiz.tui.text import review_line
from tests.test_curriculum import T0, _deck

LATER = T0 + timedelta(days=60)  # every fact answered once is due again by then


@pytest.mark.parametrize("topic", [None, "spread", "call"])
@pytest.mark.parametrize("more_detail", [False, True])
@pytest.mark.parametrize("answered", [(), ("m1",), ("m1", "c1", "n1"), ("s1", "s2", "m2", "c1")])
def test_the_count_of_a_review_is_what_the_review_asks(
    tmp_path: Path, topic: str | None, more_detail: bool, answered: tuple[str, ...]
) -> None:
    deck = _deck()
    with Store.open(tmp_path / "data", scheduler=Scheduler(fuzz=False), backup=False) as store:
        sid = store.start_session("d", "flashcard", now=T0)
        for fact in answered:
            store.record_answer(
                sid, "d", fact, kind="flashcard", response="Good", correct=True, rating=Rating.GOOD, now=T0
            )
        size = review_size(deck, store, LATER, topic=topic, more_detail=more_detail)
        asked = plan_questions(deck, Mode.DUE, store, LATER, topic=topic, more_detail=more_detail)
    facts = [q.fact_id for q in asked if q.kind is not Kind.MATCH]
    assert (size.facts, size.new) == (sum(f in answered for f in facts), sum(f not in answered for f in facts))
    assert size.words == 0 and not size.glossary  # the deck has no glossary


def test_the_menu_says_a_review_in_words_with_one_new_fact_singular() -> None:
    assert review_line(ReviewSize(2, 0, 3, glossary=False)) == "2 due now, up to 3 new"
    assert review_line(ReviewSize(2, 5, 1, glossary=True)) == "7 facts and words due now, up to 1 new"
    assert review_line(ReviewSize(0, 0, 3, glossary=True)) == "0 facts and words due now, up to 3 new"
    assert review_line(ReviewSize(4, 0, 0, glossary=False)) == "4 due now, none new"
    assert review_line(ReviewSize(0, 1, 3, glossary=True)) == "1 fact or word due now, up to 3 new"
