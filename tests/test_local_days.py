"""Days are the person's days: streaks, accuracy per day and the forecast follow the local time zone
(../shared/cases/utc-day-streak)."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.schedule import Scheduler, day_start, days_ahead, local_day
from quiz.store import Store

LA = ZoneInfo("America/Los_Angeles")


@pytest.fixture
def zone(monkeypatch: pytest.MonkeyPatch):
    """Switch the process's time zone (TZ) for one test, and back."""

    def use(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield use
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()


def two_evenings(data: Path) -> list[datetime]:
    """Answers at 18:00 and at 08:00 the next morning, Los Angeles time: two local days, one UTC day."""
    moments = [datetime(2026, 11, 28, 18, 0, tzinfo=LA), datetime(2026, 11, 29, 8, 0, tzinfo=LA)]
    with Store.open(data, scheduler=Scheduler(fuzz=False), backup=False) as store:
        for m in moments:
            sid = store.start_session("kidney-care", "multiple-choice", "1.0.0", now=m)
            store.record_answer(sid, "kidney-care", "water", kind="multiple_choice", response="8", correct=True, now=m)
            store.finish_session(sid, now=m)
    return moments


def test_two_local_days_make_a_streak_of_two(tmp_path: Path, zone) -> None:
    two_evenings(tmp_path)  # written while the machine's zone is UTC
    zone("America/Los_Angeles")
    with Store.open(tmp_path, backup=False) as store:
        assert store.streak(date(2026, 11, 29)) == 2
        days = store.accuracy_per_day("kidney-care", date(2026, 11, 1), date(2026, 11, 30))
        assert [(d.day, d.answered) for d in days] == [(date(2026, 11, 28), 1), (date(2026, 11, 29), 1)]
    zone("UTC")
    with Store.open(tmp_path, backup=False) as store:
        assert store.streak(date(2026, 11, 29)) == 1  # in UTC both were on the 29th
        days = store.accuracy_per_day("kidney-care", date(2026, 11, 1), date(2026, 11, 30))
        assert [(d.day, d.answered) for d in days] == [(date(2026, 11, 29), 2)]


def test_the_forecast_names_local_days(tmp_path: Path, zone) -> None:
    zone("Asia/Tokyo")
    now = datetime(2026, 11, 29, 20, 0, tzinfo=UTC)  # already the 30th in Tokyo
    with Store.open(tmp_path, backup=False) as store:
        forecast = store.due_forecast(None, 3, now)
    assert [d for d, _ in forecast] == [date(2026, 11, 30), date(2026, 12, 1), date(2026, 12, 2)]


@given(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)))
def test_a_moment_lies_within_its_local_day(moment: datetime) -> None:
    day = local_day(moment)
    assert day_start(day) <= moment < day_start(day + timedelta(days=1))
    assert days_ahead(moment, 1) == [day_start(day)]
