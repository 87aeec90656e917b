"""A time zone quiz cannot use (an offset of a day or more, TZ=UTC+25) falls back to UTC with a
note, for Python and SQLite alike: never an unexpected error, and still one meaning of "day"."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.schedule import local_day, local_time
from quiz.store import Store
from quiz.time_zone import settle_time_zone
from tests.zones import time_zone

ROOT = Path(__file__).resolve().parent.parent
UNUSABLE = ["UTC+25", "EST+30", "UTC-26", "EST+5EDT+30,M3.2.0,M11.1.0"]


@pytest.mark.parametrize("zone", UNUSABLE)
def test_an_unusable_zone_falls_back_to_utc_with_a_note(zone: str) -> None:
    with time_zone(zone):
        note = settle_time_zone()
        assert note is not None and f"TZ={zone}" in note and "UTC" in note
        moment = datetime(2026, 3, 1, 23, 30, tzinfo=UTC)
        assert local_time(moment).utcoffset() == timedelta(0)
        assert local_day(moment).isoformat() == "2026-03-01"
        assert settle_time_zone() is None  # settled: UTC is usable


@pytest.mark.parametrize("zone", ["UTC", "America/Los_Angeles", "Pacific/Kiritimati", "Foo/Bar", "UTC+23"])
def test_a_usable_zone_is_left_alone(zone: str) -> None:
    with time_zone(zone):
        assert settle_time_zone() is None
        assert os.environ["TZ"] == zone


@settings(max_examples=40, deadline=None)
@given(hours=st.integers(-30, 30), at=st.datetimes(datetime(2000, 1, 1), datetime(2040, 1, 1)))
def test_after_settling_python_and_sqlite_agree_on_the_day(hours: int, at: datetime) -> None:
    moment = at.replace(tzinfo=UTC)
    with time_zone(f"XYZ{hours:+d}"):
        settle_time_zone()
        conn = sqlite3.connect(":memory:")
        (sqlite_day,) = conn.execute("SELECT date(?, 'localtime')", (moment.strftime("%Y-%m-%d %H:%M:%S"),)).fetchone()
        conn.close()
        assert local_day(moment).isoformat() == sqlite_day


@pytest.mark.parametrize("zone", UNUSABLE[:3])
def test_quiz_history_shows_utc_times_with_a_note(tmp_path: Path, zone: str) -> None:
    data = tmp_path / "data"
    with Store.open(data, backup=False) as store:
        sid = store.start_session("d", "quiz", now=datetime(2026, 3, 1, 23, 30, tzinfo=UTC))
        store.record_answer(sid, "d", "f", kind="typed", response="x", correct=True,
                            now=datetime(2026, 3, 1, 23, 31, tzinfo=UTC))  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QUIZ_DATA_DIR": str(data), "TZ": zone}
    for command in (["history", "--plain"], ["history", "--json"]):
        run = subprocess.run(
            [sys.executable, "-m", "quiz", *command], capture_output=True, text=True, env=env, timeout=120
        )
        assert run.returncode == 0 and "unexpected" not in run.stderr, run.stderr
        assert "quiz: note:" in run.stderr and "UTC" in run.stderr
    plain = subprocess.run(
        [sys.executable, "-m", "quiz", "history", "--plain"], capture_output=True, text=True, env=env, timeout=120
    )
    assert "2026-03-01 23:30" in plain.stdout and "2026-03-01" in plain.stdout


PART_OF_THE_YEAR = [
    "AAA-23:30BBB,M4.1.0,M5.1.0",  # +24:30 from the first Sunday of April to the first of May (the report's)
    "AAA-23BBB-25,J100/0,J100/2",  # +25 for two hours a year
    "AAA+23:30BBB+24:30,M10.1.0,M10.2.0",  # -24:30 a week in October
]


@pytest.mark.parametrize("zone", PART_OF_THE_YEAR)
def test_a_zone_out_of_range_part_of_the_year_falls_back_to_utc(zone: str) -> None:
    with time_zone(zone):
        note = settle_time_zone()
        assert note is not None and f"TZ={zone}" in note
        assert local_time(datetime(2026, 4, 15, 12, tzinfo=UTC)).utcoffset() == timedelta(0)


def _posix_offset(seconds: int) -> str:
    """An offset east of UTC in seconds, as a POSIX TZ writes it (west positive, [+-]hh:mm:ss)."""
    west = -seconds
    sign = "-" if west < 0 else "+"
    hours, rest = divmod(abs(west), 3600)
    return f"{sign}{hours}:{rest // 60:02d}:{rest % 60:02d}"


@settings(max_examples=60, deadline=None)
@given(
    std=st.integers(-26 * 3600, 26 * 3600),
    dst=st.integers(-26 * 3600, 26 * 3600),
    start=st.integers(1, 365),
    hours=st.integers(1, 24 * 60),
    at=st.datetimes(datetime(1990, 1, 1), datetime(2060, 1, 1)),
)
def test_after_settling_every_moment_has_a_local_time(std: int, dst: int, start: int, hours: int, at: datetime) -> None:
    """Whatever the rule and whenever its daylight saving falls, every moment of every year has a
    local time once the zone is settled (in range kept, out of range UTC), never a ValueError."""
    end_day, end_hour = divmod(start * 24 + hours, 24)
    zone = f"AAA{_posix_offset(std)}BBB{_posix_offset(dst)},J{start},J{min(end_day, 365)}/{end_hour}"
    moment = at.replace(tzinfo=UTC)
    with time_zone(zone):
        note = settle_time_zone()
        assert (note is None) == (abs(std) < 24 * 3600 and abs(dst) < 24 * 3600)
        local_time(moment)
