"""The scheduling interface: ratings, UTC handling and fsrs behind our own types."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.schedule import CardState, Phase, Rating, Scheduler, days_ahead, rating_for, utc

NOW = datetime(2024, 3, 1, 9, 30, tzinfo=UTC)
ratings = st.sampled_from(list(Rating))
moments = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2090, 1, 1), timezones=st.just(UTC)
)


def test_choice_and_typed_answers_map_wrong_to_again_and_right_to_good() -> None:
    assert rating_for(False) is Rating.AGAIN
    assert rating_for(True) is Rating.GOOD


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        utc(datetime(2024, 1, 1))


def test_other_timezones_become_utc() -> None:
    plus_two = timezone(timedelta(hours=2))
    assert utc(datetime(2024, 1, 1, 2, tzinfo=plus_two)) == datetime(2024, 1, 1, tzinfo=UTC)
    assert utc(datetime(2024, 1, 1, 2, tzinfo=plus_two)).tzinfo is UTC


def test_a_right_answer_schedules_later_than_a_wrong_one() -> None:
    s = Scheduler(fuzz=False)
    good = s.review(s.review(None, Rating.GOOD, NOW), Rating.GOOD, NOW + timedelta(minutes=11))
    again = s.review(s.review(None, Rating.GOOD, NOW), Rating.AGAIN, NOW + timedelta(minutes=11))
    assert good.due > again.due
    assert good.phase is Phase.REVIEW


def test_without_fuzz_scheduling_is_repeatable() -> None:
    a, b = Scheduler(fuzz=False), Scheduler(fuzz=False)
    card_a = card_b = None
    for i, r in enumerate([Rating.GOOD, Rating.GOOD, Rating.EASY, Rating.HARD, Rating.GOOD]):
        at = NOW + timedelta(days=3 * i)
        card_a, card_b = a.review(card_a, r, at), b.review(card_b, r, at)
    assert card_a == card_b


def test_new_and_learning_facts_are_not_mastered() -> None:
    s = Scheduler(fuzz=False)
    assert not s.is_mastered(None, NOW)
    assert s.recall_probability(None, NOW) == 0.0
    learning = s.review(None, Rating.AGAIN, NOW)
    assert not s.is_mastered(learning, NOW + timedelta(minutes=5))
    learned = s.review(None, Rating.EASY, NOW)
    assert learned.phase is Phase.REVIEW
    assert s.is_mastered(learned, NOW + timedelta(hours=1))
    assert not s.is_mastered(learned, NOW + timedelta(days=3650))


@given(st.lists(ratings, min_size=1, max_size=8), moments, st.integers(0, 400))
def test_state_round_trips_through_json_and_stays_utc(
    rs: list[Rating], start: datetime, gap_hours: int
) -> None:
    s = Scheduler(fuzz=False)
    card: CardState | None = None
    at = start
    for r in rs:
        card = s.review(card, r, at)
        assert card.due.tzinfo is UTC
        assert card.due >= at
        assert CardState.from_json(card.to_json()) == card
        at += timedelta(hours=gap_hours)


def test_days_ahead_start_at_utc_midnight() -> None:
    days = days_ahead(NOW, 3)
    assert [d.isoformat() for d in days] == [
        "2024-03-01T00:00:00+00:00",
        "2024-03-02T00:00:00+00:00",
        "2024-03-03T00:00:00+00:00",
    ]
