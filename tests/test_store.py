"""The score history: recording, undo, scheduling state, queries, file modes and backups."""

from __future__ import annotations

import csv
import os
import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from quiz.schedule import Rating, Scheduler
from quiz.store import (
    KEEP_BACKUPS,
    SCHEMA_VERSION,
    Store,
    StoreError,
    list_backups,
)
from quiz.store.answers_csv import export_csv
from quiz.store.restore import restore_backup

NOW = datetime(2024, 5, 6, 12, 0, tzinfo=UTC)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path) -> Store:
    s = Store.open(data_dir, scheduler=Scheduler(fuzz=False), now=NOW)
    yield s
    s.close()


def answer(store: Store, sid: int, fact: str, correct: bool, *, deck: str = "d", **kw) -> int:
    kw.setdefault("now", NOW)
    return store.record_answer(
        sid, deck, fact, kind=kw.pop("kind", "choice"), response=kw.pop("response", "x"),
        correct=correct, **kw,
    )  # fmt: skip


def test_files_are_private(store: Store, data_dir: Path) -> None:
    sid = store.start_session("d", "quiz", now=NOW)
    answer(store, sid, "f", True)
    store.backup(NOW)
    assert data_dir.stat().st_mode & 0o777 == 0o700
    assert (data_dir / "backups").stat().st_mode & 0o777 == 0o700
    files = [p for p in data_dir.rglob("*") if p.is_file()]
    assert {p.name for p in files} >= {"history.db", "history.db-wal"}
    for p in files:
        assert p.stat().st_mode & 0o777 == 0o600, p


def test_an_existing_folder_keeps_its_mode_and_a_loose_history_is_tightened(data_dir: Path) -> None:
    data_dir.mkdir()
    os.chmod(data_dir, 0o1777)  # a shared folder: quiz did not make it, so quiz leaves it alone
    (data_dir / "history.db").touch(mode=0o644)
    os.chmod(data_dir / "history.db", 0o644)
    Store.open(data_dir).close()
    assert data_dir.stat().st_mode & 0o7777 == 0o1777
    assert (data_dir / "history.db").stat().st_mode & 0o777 == 0o600


def test_pragmas_and_schema(store: Store) -> None:
    conn = store._conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    assert store.schema_version() == SCHEMA_VERSION
    assert conn.execute("PRAGMA application_id").fetchone()[0] != 0


def test_a_schema_5_history_loses_the_two_indexes_each_answer_wrote_and_keeps_its_answers(data_dir: Path) -> None:
    """Schema 6 drops answers_by_day and fact_state_by_due_all (issue 21: fewer pages per answer);
    the streak and the all-decks forecast read the deck-first indexes instead."""
    with Store.open(data_dir, scheduler=Scheduler(fuzz=False), backup=False) as store:
        answer(store, store.start_session("d", "quiz", now=NOW), "f", True)
    conn = sqlite3.connect(data_dir / "history.db", isolation_level=None)
    conn.execute("CREATE INDEX answers_by_day ON answers (day)")
    conn.execute("CREATE INDEX fact_state_by_due_all ON fact_state (due)")
    conn.execute("PRAGMA user_version = 5")  # as the schema was before
    conn.close()
    with Store.open(data_dir, scheduler=Scheduler(fuzz=False), backup=False) as store:
        indexes = {r[0] for r in store._conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert not indexes & {"answers_by_day", "fact_state_by_due_all"}
        assert {"answers_by_deck_day", "fact_state_by_due"} <= indexes
        assert [a.fact_id for a in store.answers()] == ["f"] and store.streak(NOW.date()) == 1
        assert sum(n for _, n in store.due_forecast(None, now=NOW)) == 1


def test_answers_are_recorded_with_counts_and_state(store: Store) -> None:
    sid = store.start_session("d", "quiz", "1.2", now=NOW)
    h = "0123456789abcdef"
    a1 = answer(store, sid, "f1", True, content_hash=h, deck_version="1.2", response_ms=900)
    answer(store, sid, "f1", False, now=NOW + timedelta(minutes=1))
    answer(store, sid, "f2", True, kind="flashcard", rating=Rating.EASY)
    rows = list(store.answers(sid))
    assert [(r.fact_id, r.correct, r.rating) for r in rows] == [
        ("f1", True, Rating.GOOD),
        ("f1", False, Rating.AGAIN),
        ("f2", True, Rating.EASY),
    ]
    assert rows[0].id == a1 and rows[0].content_hash == h and rows[0].response_ms == 900
    session = store.session(sid)
    assert session is not None and (session.answered, session.correct) == (3, 2)
    f1 = store.fact_state("d", "f1")
    assert f1 is not None and (f1.tries, f1.misses) == (2, 1)
    assert f1.card.last_review == NOW + timedelta(minutes=1)


def test_undo_restores_counts_and_scheduling_state(store: Store) -> None:
    sid = store.start_session("d", "quiz", now=NOW)
    answer(store, sid, "f1", True)
    before = store.fact_state("d", "f1")
    answer(store, sid, "f1", False, now=NOW + timedelta(minutes=2))
    undone = store.undo_last(sid)
    assert undone is not None and undone.fact_id == "f1" and undone.correct is False
    assert store.fact_state("d", "f1") == before
    assert store.undo_last(sid) is not None
    assert store.fact_state("d", "f1") is None
    assert store.undo_last(sid) is None
    session = store.session(sid)
    assert session is not None and (session.answered, session.correct) == (0, 0)


def test_undo_keeps_a_later_review_from_another_session(store: Store) -> None:
    s1 = store.start_session("d", "quiz", now=NOW)
    s2 = store.start_session("d", "quiz", now=NOW)
    answer(store, s1, "f", True)
    answer(store, s2, "f", False, now=NOW + timedelta(minutes=5))
    after_s2 = store.fact_state("d", "f")
    store.undo_last(s1)
    state = store.fact_state("d", "f")
    assert state is not None and state.card == after_s2.card and (state.tries, state.misses) == (1, 1)


def test_two_sessions_taking_back_every_answer_leave_the_fact_new(store: Store) -> None:
    """Two windows answered one fact and each took its answer back: the second undo put back the
    state before its answer, which was the first window's answer already taken back, and the fact
    stood due with no answer behind it (a tester's report). With no answer left it is new again."""
    s1 = store.start_session("d", "quiz", now=NOW)
    s2 = store.start_session("d", "quiz", now=NOW)
    answer(store, s1, "f", False)
    answer(store, s2, "f", True, now=NOW + timedelta(minutes=1))
    store.undo_last(s1)
    store.undo_last(s2)
    assert list(store.answers()) == [] and store.fact_state("d", "f") is None
    assert store.due_facts("d", NOW + timedelta(days=30)) == []


def test_finished_and_unknown_sessions_are_refused(store: Store) -> None:
    sid = store.start_session("d", "quiz", now=NOW)
    store.finish_session(sid, ended_early=True, now=NOW)
    store.finish_session(sid, now=NOW + timedelta(hours=1))  # no change the second time
    session = store.session(sid)
    assert session is not None and session.ended_early and session.finished_at == NOW
    with pytest.raises(StoreError, match="already finished"):
        answer(store, sid, "f", True)
    with pytest.raises(StoreError, match="no session 99"):
        answer(store, 99, "f", True)
    other = store.start_session("other", "quiz", now=NOW)
    with pytest.raises(StoreError, match="deck 'other'"):
        answer(store, other, "f", True)
    assert list(store.answers()) == []


def test_due_facts_forecast_and_new_facts(store: Store) -> None:
    sid = store.start_session("d", "quiz", now=NOW)
    answer(store, sid, "right", True)
    answer(store, sid, "wrong", False)
    answer(store, sid, "easy", True, kind="flashcard", rating=Rating.EASY)
    assert store.due_facts("d", NOW) == []
    assert store.due_facts("d", NOW + timedelta(minutes=11)) == ["wrong", "right"]  # most overdue first
    later = NOW + timedelta(days=60)
    assert sorted(store.due_facts("d", later)) == ["easy", "right", "wrong"]
    forecast = store.due_forecast("d", now=NOW)
    assert len(forecast) == 14 and forecast[0] == (date(2024, 5, 6), 2)
    assert sum(n for _, n in forecast) == 3
    assert store.due_forecast(None, days=3, now=NOW)[0][1] == 2
    assert store.due_forecast("nope", now=NOW)[0][1] == 0
    deck = ["right", "n1", "wrong", "n2", "n3", "n4", "easy"]
    assert store.new_fact_ids("d", deck, 3) == ["n1", "n2", "n3"]
    assert store.new_fact_ids("d", deck, 0) == []


def test_accuracy_weakest_mastery_and_streak(store: Store) -> None:
    for day in range(4):
        at = NOW + timedelta(days=day)
        sid = store.start_session("d", "quiz", now=at)
        answer(store, sid, "hard", day == 3, now=at)
        answer(store, sid, "easy", True, now=at)
        if day == 0:
            answer(store, sid, "once", False, now=at)
    acc = store.accuracy_per_day("d", date(2024, 5, 1), date(2024, 5, 8))
    assert [(a.day.day, a.answered, a.correct) for a in acc] == [
        (6, 3, 1), (7, 2, 1), (8, 2, 1),
    ]  # fmt: skip
    weakest = store.weakest_facts("d", min_tries=3)
    assert [(w.fact_id, w.tries, w.misses) for w in weakest] == [("hard", 4, 3)]
    m = store.mastery("d", ["easy", "hard", "never"], now=NOW + timedelta(days=4))
    assert (m.facts, m.mastered) == (3, 1) and m.share == pytest.approx(1 / 3)
    assert store.streak(date(2024, 5, 9)) == 4
    assert store.streak(date(2024, 5, 10)) == 4  # yesterday counts until today ends
    assert store.streak(date(2024, 5, 11)) == 0
    summary = store.deck_summaries(now=NOW + timedelta(days=4))
    assert [(s.deck_id, s.sessions, s.answered, s.correct, s.facts_seen) for s in summary] == [
        ("d", 4, 9, 5, 3)
    ]
    assert store.last_sessions(2)[0].started_at == NOW + timedelta(days=3)
    assert len(store.last_sessions(10, deck_id="d")) == 4
    assert store.last_sessions(10, deck_id="e") == []


def test_export_csv_writes_every_answer_privately(store: Store, tmp_path: Path) -> None:
    sid = store.start_session("d", "quiz", now=NOW)
    answer(store, sid, "f1", True, response="=HYPERLINK(1)")
    answer(store, sid, "f2", False, response='comma, "quote"\nnewline')
    out = tmp_path / "export.csv"
    assert export_csv(store, out) == 2
    assert out.stat().st_mode & 0o777 == 0o600
    with out.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert [r["response"] for r in rows] == ["'=HYPERLINK(1)", 'comma, "quote"\nnewline']
    assert rows[1]["correct"] == "0" and rows[0]["answered_at"].startswith("2024-05-06T12:00")


def test_backups_once_a_day_when_changed_and_bounded(data_dir: Path) -> None:
    s = Store.open(data_dir, now=NOW)
    assert s.backup_if_due(NOW) is None  # nothing recorded yet
    sid = s.start_session("d", "quiz", now=NOW)
    first = s.backup_if_due(NOW)
    assert first is not None and first.stat().st_mode & 0o777 == 0o600
    s.record_answer(sid, "d", "f", kind="choice", response="x", correct=True, now=NOW)
    assert s.backup_if_due(NOW + timedelta(hours=23)) is None  # too soon
    assert s.backup_if_due(NOW + timedelta(hours=25)) is not None
    assert s.backup_if_due(NOW + timedelta(days=3)) is None  # nothing changed
    for day in range(KEEP_BACKUPS + 3):
        s.record_answer(sid, "d", "f", kind="choice", response="x", correct=True, now=NOW)
        assert s.backup_if_due(NOW + timedelta(days=5 + day)) is not None
    s.close()
    backups = list_backups(data_dir)
    assert len(backups) == KEEP_BACKUPS
    conn = sqlite3.connect(backups[0])
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM answers").fetchone()[0] == KEEP_BACKUPS + 4
    conn.close()


def test_restore_brings_back_the_newest_backup_and_keeps_the_current_file(data_dir: Path) -> None:
    s = Store.open(data_dir, now=NOW)
    sid = s.start_session("d", "quiz", now=NOW)
    s.record_answer(sid, "d", "f", kind="choice", response="x", correct=True, now=NOW)
    s.backup(NOW)
    s.record_answer(sid, "d", "g", kind="choice", response="x", correct=True, now=NOW)
    s.close()
    result = restore_backup(data_dir, force=True)  # the answer after the backup is the history's alone
    assert result.replaced is not None and result.replaced.exists()
    s = Store.open(data_dir, backup=False)
    assert [a.fact_id for a in s.answers()] == ["f"]
    s.close()
    old = sqlite3.connect(result.replaced)
    assert old.execute("SELECT count(*) FROM answers").fetchone()[0] == 2
    old.close()


def test_restore_without_backups_says_so(data_dir: Path) -> None:
    with pytest.raises(StoreError, match="no sound backup"):
        restore_backup(data_dir)
    with pytest.raises(StoreError, match="no such backup"):
        restore_backup(data_dir, data_dir / "missing.db")
    folder = data_dir / "backups"
    folder.mkdir(parents=True)
    with pytest.raises(StoreError, match="this is a folder, not a backup file") as refused:
        restore_backup(data_dir, folder)
    assert "no such" not in str(refused.value) and "history-<UTC time>.db" in str(refused.value)
    os.mkfifo(data_dir / "pipe.db")
    with pytest.raises(StoreError, match="pipe.db: not a file"):
        restore_backup(data_dir, data_dir / "pipe.db")


def test_no_answer_or_deck_text_reaches_logs_or_output(
    data_dir: Path, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    import logging

    caplog.set_level(logging.DEBUG)
    with Store.open(data_dir, now=NOW) as s:
        sid = s.start_session("secret-deck", "quiz", now=NOW)
        s.record_answer(sid, "secret-deck", "secret-fact", kind="typed", response="secret reply", correct=False)
        s.undo_last(sid)
        s.record_answer(sid, "secret-deck", "secret-fact", kind="typed", response="secret reply", correct=True)
        s.backup(NOW)
    captured = capsys.readouterr()
    assert "secret" not in caplog.text + captured.out + captured.err
