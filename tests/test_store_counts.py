"""Counts the Home screen shows: due facts and mastery, limited to the facts a deck has now."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from quiz.schedule import Rating, Scheduler
from quiz.store import Store

T0 = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)


def test_due_count_and_mastery_count_only_the_facts_given(tmp_path: Path) -> None:
    with Store.open(tmp_path, scheduler=Scheduler(fuzz=False), backup=False) as store:
        sid = store.start_session("d", "flashcard", now=T0)
        for fact in ("a", "b", "gone"):  # "gone" was removed from the deck since
            for day in range(4):
                moment = T0 + timedelta(days=day * 3)
                store.record_answer(sid, "d", fact, kind="flashcard", response="Good", correct=True,
                                    rating=Rating.GOOD, now=moment)  # fmt: skip
        later = T0 + timedelta(days=400)
        assert store.due_count("d", later) == 3
        assert store.due_count("d", later, {"a", "b", "new"}) == 2
        assert store.due_count("d", T0) == 0
        soon = T0 + timedelta(days=10)
        every = store.mastery("d", None, soon)
        assert (every.facts, every.mastered) == (3, 3)
        some = store.mastery("d", {"a", "new"}, soon)
        assert (some.facts, some.mastered) == (2, 1)
        assert store.mastery("d", ["a", "a", "new"], later).mastered == 0  # forgotten by then


def test_overview_gathers_what_the_history_screen_shows(tmp_path: Path) -> None:
    with Store.open(tmp_path, scheduler=Scheduler(fuzz=False), backup=False) as store:
        for deck, correct in (("d", True), ("e", False)):
            sid = store.start_session(deck, "multiple-choice", now=T0)
            for _ in range(3):
                store.record_answer(sid, deck, "f", kind="multiple_choice", response="x", correct=correct, now=T0)
            store.finish_session(sid, now=T0)
        every = store.overview(None, T0)
        assert [s.deck_id for s in every.sessions] == ["e", "d"]
        assert every.per_day == {T0.date(): (6, 3)} and every.streak == 1
        assert dict(every.weakest) == {"d": [], "e": [store.weakest_facts("e")[0]]}
        one = store.overview("d", T0)
        assert one.per_day == {T0.date(): (3, 3)} and [s.deck_id for s in one.sessions] == ["d"]
        assert len(one.forecast) == 14


def test_due_counts_only_what_each_deck_schedules_now_when_told(tmp_path: Path) -> None:
    """One meaning of due (a reviewer saw Home say 2 and History 1 after a fact left its deck): with
    `scheduled`, the History screen's and `quiz history`'s due counts are Home's."""
    later = T0 + timedelta(days=60)
    with Store.open(tmp_path, scheduler=Scheduler(fuzz=False), backup=False) as store:
        for deck, facts in (("d", ("kept", "gone")), ("e", ("other",))):
            sid = store.start_session(deck, "multiple-choice", now=T0)
            for fact in facts:
                store.record_answer(sid, deck, fact, kind="multiple_choice", response="x", correct=True, now=T0)
        scheduled = {"d": {"kept", "new"}}  # "gone" left deck d; deck e's file is not found
        assert store.overview(None, later).due_now == 3  # every stored state, without `scheduled`
        every = store.overview(None, later, scheduled=scheduled)
        assert every.due_now == 1 and sum(n for _, n in every.forecast) == 1
        one = store.overview("d", later, scheduled=scheduled)
        assert one.due_now == 1 and one.forecast == store.due_forecast("d", 14, later, {"d": ["kept"]})
        summaries = {s.deck_id: s.due_now for s in store.deck_summaries(now=later, scheduled=scheduled)}
        assert summaries == {"d": 1, "e": None}
        soon = T0 + timedelta(minutes=1)  # not due yet: each falls on its day of the forecast
        stored = store.due_forecast("d", 14, soon)
        assert store.due_forecast("d", 14, soon, {"d": {"kept", "gone"}}) == stored
        assert sum(n for _, n in store.due_forecast("d", 14, soon, {"d": {"kept"}})) == 1


def test_facts_seen_and_mastered_count_only_what_each_deck_holds_now_when_told(tmp_path: Path) -> None:
    """`quiz history` counted a fact taken out of its deck among the deck's facts seen and mastered
    (a tester's report): with `scheduled`, they count what the deck holds now, as Home's do; a
    deck quiz cannot find keeps every stored fact."""
    with Store.open(tmp_path, scheduler=Scheduler(fuzz=False), backup=False) as store:
        for deck, facts in (("d", ("kept", "gone", "term:gone-word", "term:word")), ("e", ("other",))):
            sid = store.start_session(deck, "flashcard", now=T0)
            for fact in facts:
                for day in range(4):
                    store.record_answer(sid, deck, fact, kind="flashcard", response="Good", correct=True,
                                        rating=Rating.GOOD, now=T0 + timedelta(days=day * 3))  # fmt: skip
        soon = T0 + timedelta(days=10)
        scheduled = {"d": {"kept", "term:word", "new"}}
        told = {s.deck_id: s for s in store.deck_summaries(now=soon, scheduled=scheduled)}
        d = told["d"]
        assert (d.facts_seen, d.mastered, d.words_seen, d.words_mastered) == (1, 1, 1, 1)
        assert (told["e"].facts_seen, told["e"].mastered) == (1, 1)
        assert told["d"].answered == 16  # the answers themselves are all still counted
        every = {s.deck_id: s for s in store.deck_summaries(now=soon)}
        assert (every["d"].facts_seen, every["d"].mastered, every["d"].words_seen) == (2, 2, 2)
