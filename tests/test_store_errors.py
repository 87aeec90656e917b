"""Store write failures arrive as StoreError subclasses chosen by SQLite's result code."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quiz.schedule import Scheduler
from quiz.store import HistoryFull, HistoryLocked, Store, StoreError

NOW = datetime(2024, 5, 6, 12, 0, tzinfo=UTC)


def test_a_full_history_raises_history_full(tmp_path: Path) -> None:
    store = Store.open(tmp_path, scheduler=Scheduler(fuzz=False), now=NOW)
    sid = store.start_session("d", "quiz", now=NOW)
    pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
    store._conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(HistoryFull):
        for n in range(2000):
            store.record_answer(sid, "d", f"f{n}", kind="choice", response="x" * 500, correct=True, now=NOW)
    store.close()


def test_a_held_write_lock_raises_history_locked(tmp_path: Path) -> None:
    store = Store.open(tmp_path, scheduler=Scheduler(fuzz=False), now=NOW)
    store._conn.execute("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(store.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(HistoryLocked) as caught:
            store.start_session("d", "quiz", now=NOW)
        assert isinstance(caught.value, StoreError)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert store.start_session("d", "quiz", now=NOW) > 0
    store.close()
