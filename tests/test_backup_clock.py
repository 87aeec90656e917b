"""Backups and a clock that was wrong (T9 #5): a backup named later than now (written while the
clock was ahead) is not the last backup, so daily backups go on; rotation never keeps it as one of
the newest at the expense of the backups taken since. Real files, real SQLite."""

from __future__ import annotations

import shutil
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.paths import backups_dir
from quiz.store import KEEP_BACKUPS, HistoryMissing, Store, list_backups
from quiz.store.backups import backup_time

DAY = timedelta(days=1)
NOW = datetime(2026, 12, 1, 9, tzinfo=UTC)
AHEAD = datetime(2027, 9, 1, tzinfo=UTC)


def study(data: Path, at: datetime, n: int = 5) -> Store:
    store = Store.open(data, backup=False)
    sid = store.start_session("d", "multiple-choice", "1", now=at)
    for i in range(n):
        store.record_answer(sid, "d", f"f{i}", kind="multiple_choice", response="r", correct=True, now=at)
    store.finish_session(sid, now=at)
    return store


def test_a_backup_named_in_the_future_does_not_stop_the_daily_backups(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with study(data, AHEAD, 1) as store:
        ahead = store.backup_if_due(AHEAD)
    assert ahead is not None
    taken = []
    for day in range(10):
        moment = NOW + day * DAY
        with study(data, moment) as store:
            taken.append(store.backup_if_due(moment + timedelta(hours=1)))
    assert None not in taken
    kept = list_backups(data, NOW + 10 * DAY)
    assert kept[:KEEP_BACKUPS] == taken[::-1][:KEEP_BACKUPS]  # the newest real ones first
    assert ahead not in kept  # its one answer is in the history: rotation let it go


def test_a_future_named_backup_with_answers_no_other_holds_is_kept_but_last(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with study(data, AHEAD, 3) as store:
        ahead = store.backup_if_due(AHEAD)
    assert ahead is not None
    (data / "history.db").unlink()  # another history from here on: the old one's answers are only in `ahead`
    with pytest.raises(HistoryMissing):  # told once; the new history is made
        Store.open(data, backup=False)
    taken = []
    for day in range(KEEP_BACKUPS + 2):
        moment = NOW + day * DAY
        with study(data, moment) as store:
            taken.append(store.backup_if_due(moment + timedelta(hours=1)))
    kept = list_backups(data, NOW + 10 * DAY)
    assert None not in taken and ahead in kept and kept[-1] == ahead
    assert kept[:KEEP_BACKUPS] == taken[::-1][:KEEP_BACKUPS]


@settings(max_examples=30, deadline=None)
@given(
    offsets=st.lists(st.integers(-400, 400), min_size=1, max_size=6, unique=True),
    hours=st.integers(0, 72),
)
def test_no_backup_named_after_now_comes_before_one_that_is_not(offsets: list[int], hours: int) -> None:
    """list_backups: the ones named up to now, newest first, then the future ones; backup_due asks
    only about the ones up to now."""
    folder = Path(tempfile.mkdtemp())
    try:
        with study(folder, NOW, 1) as store:
            made = [store.backup(NOW + timedelta(days=o)) for o in offsets]
            now = NOW + timedelta(hours=hours)
            listed = list_backups(folder, now)
            assert sorted(listed) == sorted(made)
            future = [backup_time(b) > now for b in listed]
            assert future == sorted(future)
            past = [backup_time(b) for b in listed if backup_time(b) <= now]
            assert past == sorted(past, reverse=True)
            recent = any(now - DAY < t for t in past)
            assert store.backup_due(now) is not recent
    finally:
        shutil.rmtree(folder)
        assert not backups_dir(folder).exists()
