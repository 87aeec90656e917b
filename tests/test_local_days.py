"""Days are the person's days: streaks, accuracy per day and the forecast follow the local time zone
(../shared/cases/utc-day-streak)."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from pathlib import Path
from zoneinfo import ZoneInfo, available_timezones

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from quiz.schedule import Scheduler, day_start, days_ahead, local_day
from quiz.store import Store
from tests.zones import time_zone

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


def changes(zone: str, year: int) -> list[date]:
    """The days of `year` on which `zone`'s offset from UTC changes (by noon-to-noon), and their
    neighbours: where a wrong day start hides, as a random date almost never lands there."""
    tz = ZoneInfo(zone)
    days = [date(year, 1, 1) + timedelta(days=i) for i in range(366)]
    offsets = [datetime.combine(d, clock(12), tz).utcoffset() for d in days]
    found = [d for d, a, b in zip(days[1:], offsets, offsets[1:], strict=False) if a != b]
    return [d + timedelta(days=k) for d in found for k in (-1, 0, 1)]


@st.composite
def zone_days(draw: st.DrawFn) -> tuple[str, date]:
    """A time zone and a day in it, most often a day on which its clocks change."""
    zone = draw(st.sampled_from(sorted(available_timezones())))
    year = draw(st.integers(1950, 2037))
    near = changes(zone, year)
    day = (
        draw(st.sampled_from(near))
        if near and draw(st.booleans())
        else draw(st.dates(date(year, 1, 1), date(year, 12, 31)))
    )
    return zone, day


@given(zone_days())
@example(("America/Santiago", date(2026, 9, 6)))  # clocks jump from 00:00 to 01:00
@example(("Asia/Beirut", date(2026, 3, 29)))  # the same, in spring
@example(("America/Havana", date(2026, 11, 1)))  # clocks go back from 01:00: midnight comes twice
@example(("Pacific/Apia", date(2011, 12, 30)))  # a day Samoa skipped
def test_each_local_day_starts_at_its_first_moment(zone_day: tuple[str, date]) -> None:
    """A day starts at the first instant whose local date is that day (local midnight, or where
    midnight does not exist, the moment the clocks jump); the instant before is an earlier day, and
    each day starts after the one before it (a day the zone skipped has no length)."""
    zone, day = zone_day
    with time_zone(zone):
        start, following = day_start(day), day_start(day + timedelta(days=1))
        assert local_day(start - timedelta(seconds=1)) < day <= local_day(start)
        if local_day(start) == day:  # the day exists
            assert start < following
        else:
            assert start == following


def test_the_forecast_keeps_a_day_whose_midnight_does_not_exist(tmp_path: Path, zone) -> None:
    zone("America/Santiago")  # on 2026-09-06 the clocks jump from 00:00 to 01:00
    now = datetime(2026, 9, 4, 15, 0, tzinfo=UTC)
    with Store.open(tmp_path, backup=False) as store:
        forecast = store.due_forecast(None, 5, now)
    assert [d for d, _ in forecast] == [date(2026, 9, d) for d in range(4, 9)]
    assert day_start(date(2026, 9, 6)) == datetime(2026, 9, 6, 4, 0, tzinfo=UTC)  # 01:00 local, the jump


@given(st.integers(0, 999_999), st.sampled_from(["America/Los_Angeles", "Asia/Kolkata", "UTC", "Pacific/Kiritimati"]))
@example(999_900, "America/Los_Angeles")  # a tester: 23:59:59.9999 counted for the next day
def test_an_answer_in_the_last_second_of_a_local_day_counts_for_that_day(micro: int, name: str) -> None:
    """SQLite rounds a time to the nearest millisecond: the store's local day must not (LOCAL_DAY)."""
    import os
    import tempfile

    old = os.environ.get("TZ")
    os.environ["TZ"] = name
    time.tzset()
    try:
        moment = datetime(2026, 11, 28, 23, 59, 59, micro, tzinfo=ZoneInfo(name))
        with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder), backup=False) as store:
            sid = store.start_session("d", "typed", "1", now=moment)
            store.record_answer(sid, "d", "f", kind="typed", response="x", correct=True, now=moment)
            days = store.accuracy_per_day("d", date(2026, 11, 27), date(2026, 11, 30))
            assert [d.day for d in days] == [date(2026, 11, 28)] == [local_day(moment)]
            assert store.streak(date(2026, 11, 29)) == 1 and store.streak(date(2026, 11, 30)) == 0
    finally:
        if old is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = old
        time.tzset()
