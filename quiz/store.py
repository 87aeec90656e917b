"""The score history: one SQLite file (stdlib sqlite3) with sessions, answers and per-fact state.

Every answer is committed the moment it is given (WAL, synchronous=FULL, one BEGIN IMMEDIATE
transaction per write), so a crash keeps everything answered before it and two quiz processes
can write at once. A damaged file is moved aside, never overwritten; a file from a newer quiz is
refused and left untouched. Nothing here logs or prints deck text or answers.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import time
from collections.abc import Collection, Iterator, Mapping
from contextlib import contextmanager, suppress
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import BinaryIO, NamedTuple, TextIO

from quiz import history
from quiz.errors import QuizError
from quiz.files import remove_stale_temps, try_lock, write_atomic
from quiz.history import (
    AnswerRow,
    DayAccuracy,
    DeckSummary,
    DueCounts,
    FactScore,
    FactState,
    Mastery,
    Overview,
    SessionRow,
    stamp,
)
from quiz.paths import FILE_MODE, backups_dir, ensure_private_dir, history_db
from quiz.schedule import CardState, Rating, Scheduler, local_day, rating_for, utc

APPLICATION_ID = 0x51554959  # "QUIY": marks the file as a quiz score history
BUSY_TIMEOUT_MS = 10_000
KEEP_BACKUPS = 7
BACKUP_EVERY = timedelta(days=1)
_BACKUP_PREFIX = "history-"
_BACKUP_LOCK = ".backup.lock"
"""Held (quiz.files.try_lock) by the one process writing a backup; the others skip theirs."""
_BACKUP_TEMPS = f".{_BACKUP_PREFIX}*.tmp"
EMPTIED_RATIO = 2
"""A history holding fewer than 1/EMPTIED_RATIO of the answers of a backup was emptied or replaced
outside quiz (answers are only ever added, but for an undo): it is set aside, not taken as new."""
_CORRUPT_CODES = {"SQLITE_CORRUPT", "SQLITE_NOTADB"}
_SQLITE_MAGIC = b"SQLite format 3\x00"
_BTREE_PAGE_TYPES = {2, 5, 10, 13}
QUICK_CHECK_MAX_BYTES = 32 * 1024 * 1024
"""Up to this size (about 70,000 answers) every open runs SQLite's quick_check, which reads every
page (about 0.1 s here). A larger file gets a structural check at open instead (header, size, the
root page of every table and index) and quick_check runs in the background: see verify()."""

__all__ = [
    "AnswerRow",
    "DamagedDatabase",
    "DayAccuracy",
    "HistoryDamaged",
    "HistoryFull",
    "HistoryLocked",
    "DeckSummary",
    "FactScore",
    "FactState",
    "Mastery",
    "NewerDatabase",
    "SessionRow",
    "Store",
    "StoreError",
    "list_backups",
    "restore_backup",
    "verify",
]

MIGRATIONS: list[str] = [
    # 1: sessions, answers and per-fact state, indexed for the history queries.
    """
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        deck_id TEXT NOT NULL,
        mode TEXT NOT NULL,
        deck_version TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        ended_early INTEGER NOT NULL DEFAULT 0,
        answered INTEGER NOT NULL DEFAULT 0,
        correct INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX sessions_by_deck ON sessions (deck_id, id);
    CREATE TABLE answers (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        session_id INTEGER NOT NULL REFERENCES sessions (id),
        deck_id TEXT NOT NULL,
        fact_id TEXT NOT NULL,
        deck_version TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        kind TEXT NOT NULL,
        response TEXT NOT NULL,
        correct INTEGER NOT NULL,
        rating INTEGER NOT NULL,
        response_ms INTEGER NOT NULL,
        answered_at TEXT NOT NULL,
        day TEXT NOT NULL,
        prior_state TEXT
    );
    CREATE INDEX answers_by_session ON answers (session_id, id);
    CREATE INDEX answers_by_fact ON answers (deck_id, fact_id, id);
    CREATE INDEX answers_by_deck_day ON answers (deck_id, day, correct);
    CREATE INDEX answers_by_day ON answers (day);
    CREATE TABLE fact_state (
        deck_id TEXT NOT NULL,
        fact_id TEXT NOT NULL,
        tries INTEGER NOT NULL,
        misses INTEGER NOT NULL,
        phase INTEGER NOT NULL,
        step INTEGER,
        stability REAL,
        difficulty REAL,
        due TEXT NOT NULL,
        last_review TEXT,
        PRIMARY KEY (deck_id, fact_id)
    ) WITHOUT ROWID;
    CREATE INDEX fact_state_by_due ON fact_state (deck_id, due);
    CREATE INDEX fact_state_by_due_all ON fact_state (due)
    """,
    # 2: a change counter, so a daily backup is taken only when something changed.
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
    INSERT INTO meta (key, value) VALUES
        ('generation', (SELECT count(*) > 0 FROM sessions)), ('backed_up', 0)
    """,
    # 3: how sure the learner was (certainty-based marking) and whether a typed answer was accepted
    # with a slip; every earlier answer keeps its row, with no certainty and no slip.
    """
    ALTER TABLE answers ADD COLUMN certainty INTEGER CHECK (certainty IN (1, 2, 3));
    ALTER TABLE answers ADD COLUMN slip INTEGER NOT NULL DEFAULT 0;
    -- When this file began (Unix seconds), so backups of an earlier history are not taken for its
    -- own. Only a history with no answers yet can say: an older one's start is unknown (no 'began').
    INSERT OR IGNORE INTO meta (key, value)
        SELECT 'began', CAST(strftime('%s', 'now') AS INTEGER) WHERE NOT EXISTS (SELECT 1 FROM answers)
    """,
    # 4: a visit a person prepares a deck for (quiz.visit), and how many questions a day until then.
    """
    CREATE TABLE deck_plan (
        deck_id TEXT PRIMARY KEY,
        visit TEXT NOT NULL,
        per_day INTEGER NOT NULL DEFAULT 10 CHECK (per_day BETWEEN 1 AND 200)
    ) WITHOUT ROWID
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)


class StoreError(QuizError):
    """The score history cannot be used; the message says why and what to do."""


class HistoryFull(StoreError):
    """The disk (or the file system's quota) is full: the write was not made."""


class HistoryLocked(StoreError):
    """Another program held the history's write lock for longer than BUSY_TIMEOUT_MS."""


class HistoryDamaged(StoreError):
    """SQLite found the open history damaged while using it (SQLITE_CORRUPT, SQLITE_NOTADB)."""


def _store_error(err: sqlite3.Error, path: Path) -> StoreError:
    """The StoreError subclass for an error SQLite raised while using the history at `path`.

    Chosen by SQLite's result code (https://sqlite.org/rescode.html), never by the message text,
    so callers can tell a full disk from a lock or damage without importing sqlite3.
    """
    name = getattr(err, "sqlite_errorname", "") or ""
    if name.startswith("SQLITE_FULL") or (name.startswith("SQLITE_IOERR") and "full" in str(err).lower()):
        return HistoryFull(f"{path}: the disk is full, so the score history could not be written")
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return HistoryLocked(f"{path}: another program is using the score history; try again in a moment")
    if name.startswith(tuple(_CORRUPT_CODES)):
        return HistoryDamaged(f"{path}: the score history is damaged ({err}); run `quiz history restore`")
    return StoreError(f"{path}: the score history could not be written ({err})")


class NewerDatabase(StoreError):
    """The history was written by a newer quiz; it is left exactly as it is."""

    def __init__(self, path: Path, version: int) -> None:
        super().__init__(
            f"{path}: this score history was written by a newer version of quiz "
            f"(schema {version}; this quiz understands up to {SCHEMA_VERSION}). "
            "Update quiz to use it; the file was not changed."
        )
        self.path, self.version = path, version


class DamagedDatabase(StoreError):
    """The history file is damaged; it was moved to `aside_path` and kept."""

    def __init__(self, path: Path, aside_path: Path, reason: str) -> None:
        best = _most_answers_first(list_backups(path.parent))
        restore = f"run `quiz history restore` to restore the backup {best[0].name}, or " if best else ""
        super().__init__(
            f"{path}: the score history is damaged ({reason}). It was kept, unchanged, at "
            f"{aside_path}. To go on, {restore}just start quiz again for a fresh history."
        )
        self.path, self.aside_path, self.reason = path, aside_path, reason


class Store:
    """An open score history; every write is its own committed transaction."""

    def __init__(self, conn: sqlite3.Connection, root: Path, scheduler: Scheduler) -> None:
        """Wrap an open, migrated connection; use Store.open instead."""
        self._conn = conn
        self.root = root
        self.path = history_db(root)
        self.scheduler = scheduler
        self.fully_checked = True
        """Whether opening read the whole file (quick_check); if not, `verify` is still to run."""
        self.wal_lost = False
        """Set when checkpoint() found `history.db-wal` deleted under the open history (its answers
        were saved); whoever tells the person resets it."""
        self._unfinished: set[int] = set()
        """Sessions started here and not finished yet: close() ends them as cut short."""

    # -- opening and closing ------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        data_dir: Path,
        *,
        scheduler: Scheduler | None = None,
        backup: bool = True,
        now: datetime | None = None,
    ) -> Store:
        """Open (creating if needed) the history in `data_dir`, check it, migrate it, back it up."""
        root = ensure_private_dir(Path(data_dir))
        path = history_db(root)
        _remove_stale_temps(root)
        fully_checked = _check_health(path)
        _precreate_private(path)
        store = cls(_connect(path), root, scheduler or Scheduler())
        store.fully_checked = fully_checked
        if backup:
            with suppress(OSError, sqlite3.Error):
                store.backup_if_due(now)
        return store

    def close(self) -> None:
        """End the sessions started here and not finished (as cut short, as leaving one does),
        checkpoint the WAL into the history file and close the connection.

        Every answer was already committed; ending the sessions keeps History from listing one
        as "not finished" after quitting the app (ctrl+q, a closed window, SIGTERM).
        """
        try:
            for session_id in sorted(self._unfinished):
                with suppress(StoreError):
                    self.finish_session(session_id, ended_early=True)
            with suppress(sqlite3.Error):
                self.checkpoint()
        finally:
            self._conn.close()

    def checkpoint(self) -> bool:
        """Copy what the WAL holds into the history file itself (SQLite's PASSIVE checkpoint,
        which never waits for another quiz); quiz does this when a session ends, when the app is
        idle and when it closes, so the answers do not live in `history.db-wal` alone.

        Returns False when `history.db-wal` had disappeared from the folder (deleted by hand or
        by a cleaning tool) while the history was open: the answers SQLite still held in it are
        saved by this checkpoint and a new -wal is started; the caller should say so.
        Raises StoreError subclasses as writes do.
        """
        wal_present = Path(f"{self.path}-wal").exists()
        try:
            _busy, frames, _done = self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        except sqlite3.Error as err:
            raise _store_error(err, self.path) from None
        if not wal_present:  # the open -wal is unlinked: write on in a new one, in the folder
            self._conn.close()
            self._conn = _connect(self.path)
            # Only a WAL that still held answers is worth a warning: another program that opened
            # the history (the sqlite3 tool, say) may remove an empty one as it closes.
            self.wal_lost = frames > 0
        return wal_present or frames <= 0

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _write(self, *, bump: bool = True) -> Iterator[sqlite3.Connection]:
        """One write transaction that takes the write lock up front and (with `bump`) bumps the
        change counter, which a write that changes no history (noting a backup) leaves alone."""
        conn = self._conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                if bump:
                    conn.execute("UPDATE meta SET value = value + 1 WHERE key = 'generation'")
                conn.execute("COMMIT")
            except BaseException:
                with suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
                raise
        except sqlite3.Error as err:
            raise _store_error(err, self.path) from None

    # -- writing ------------------------------------------------------------------------------

    def start_session(
        self, deck_id: str, mode: str, deck_version: str = "", *, now: datetime | None = None
    ) -> int:
        """Record the start of a session and return its id."""
        with self._write() as conn:
            cur = conn.execute(
                "INSERT INTO sessions (deck_id, mode, deck_version, started_at) VALUES (?, ?, ?, ?)",
                (deck_id, mode, deck_version, stamp(utc(now))),
            )
            session_id = int(cur.lastrowid or 0)
        self._unfinished.add(session_id)
        return session_id

    def finish_session(
        self, session_id: int, ended_early: bool = False, *, now: datetime | None = None
    ) -> None:
        """Mark a session finished (or cut short); finishing it again changes nothing."""
        with self._write() as conn:
            self._session_deck(conn, session_id)
            conn.execute(
                "UPDATE sessions SET finished_at = ?, ended_early = ? "
                "WHERE id = ? AND finished_at IS NULL",
                (stamp(utc(now)), int(ended_early), session_id),
            )
        self._unfinished.discard(session_id)
        with suppress(StoreError):  # the answers leave the WAL for the history file itself
            self.checkpoint()

    def record_answer(
        self,
        session_id: int,
        deck_id: str,
        fact_id: str,
        *,
        deck_version: str = "",
        content_hash: str = "",
        kind: str,
        response: str,
        correct: bool,
        rating: Rating | None = None,
        response_ms: int = 0,
        certainty: int | None = None,
        slip: bool = False,
        now: datetime | None = None,
    ) -> int:
        """Commit one answer and the fact's new scheduling state together; return the answer id.

        `rating` is decided by the caller (quiz.study.StudyRun); None rates by rating_for(correct):
        wrong is Again, right is Good. `certainty` is 1-3 (quiz.certainty.Certainty) or None when
        the learner was not asked; `slip` marks a typed answer accepted with a one-letter slip.
        """
        moment = utc(now)
        grade = Rating(rating) if rating is not None else rating_for(correct)
        with self._write() as conn:
            session_deck = self._session_deck(conn, session_id, open_only=True)
            if session_deck != deck_id:
                raise StoreError(f"session {session_id} is for deck {session_deck!r}, not {deck_id!r}")
            prior = self._fact_state(conn, deck_id, fact_id)
            card = self.scheduler.review(prior.card if prior else None, grade, moment)
            cur = conn.execute(
                "INSERT INTO answers (session_id, deck_id, fact_id, deck_version, content_hash, "
                "kind, response, correct, rating, response_ms, answered_at, day, prior_state, certainty, slip) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    session_id, deck_id, fact_id, deck_version, content_hash, kind, response,
                    int(correct), int(grade), int(response_ms), stamp(moment),
                    moment.date().isoformat(), prior.card.to_json() if prior else None,
                    None if certainty is None else int(certainty), int(slip),
                ),
            )  # fmt: skip
            tries = (prior.tries if prior else 0) + 1
            misses = (prior.misses if prior else 0) + (0 if correct else 1)
            self._put_state(conn, deck_id, fact_id, tries, misses, card)
            conn.execute(
                "UPDATE sessions SET answered = answered + 1, correct = correct + ? WHERE id = ?",
                (int(correct), session_id),
            )
            return int(cur.lastrowid or 0)

    def undo_last(self, session_id: int) -> AnswerRow | None:
        """Remove the session's last answer and restore the fact's state before it; None if none."""
        with self._write() as conn:
            self._session_deck(conn, session_id, open_only=True)
            row = conn.execute(
                f"SELECT {history.ANSWER_COLUMNS}, prior_state FROM answers "
                "WHERE session_id = ? ORDER BY id DESC LIMIT 1",
                (session_id,),
            ).fetchone()
            if row is None:
                return None
            answer, prior_json = history.answer_row(row[:-1]), row[-1]
            conn.execute("DELETE FROM answers WHERE id = ?", (answer.id,))
            later = conn.execute(
                "SELECT 1 FROM answers WHERE deck_id = ? AND fact_id = ? AND id > ? LIMIT 1",
                (answer.deck_id, answer.fact_id, answer.id),
            ).fetchone()
            state = self._fact_state(conn, answer.deck_id, answer.fact_id)
            if state is not None:
                tries = state.tries - 1
                misses = state.misses - (0 if answer.correct else 1)
                if later is not None:  # a later review (another session) owns the state now
                    self._put_state(conn, answer.deck_id, answer.fact_id, tries, misses, state.card)
                elif prior_json is None:
                    conn.execute(
                        "DELETE FROM fact_state WHERE deck_id = ? AND fact_id = ?",
                        (answer.deck_id, answer.fact_id),
                    )
                else:
                    card = CardState.from_json(prior_json)
                    self._put_state(conn, answer.deck_id, answer.fact_id, tries, misses, card)
            conn.execute(
                "UPDATE sessions SET answered = answered - 1, correct = correct - ? WHERE id = ?",
                (int(answer.correct), session_id),
            )
            return answer

    @staticmethod
    def _session_deck(conn: sqlite3.Connection, session_id: int, open_only: bool = False) -> str:
        row = conn.execute(
            "SELECT deck_id, finished_at FROM sessions WHERE id = ?", (session_id,)
        ).fetchone()
        if row is None:
            raise StoreError(f"no session {session_id} in the score history")
        if open_only and row[1] is not None:
            raise StoreError(f"session {session_id} is already finished")
        return str(row[0])

    @staticmethod
    def _fact_state(conn: sqlite3.Connection, deck_id: str, fact_id: str) -> FactState | None:
        row = conn.execute(
            f"SELECT {history.STATE_COLUMNS} FROM fact_state WHERE deck_id = ? AND fact_id = ?",
            (deck_id, fact_id),
        ).fetchone()
        return history.fact_state_row(row) if row else None

    @staticmethod
    def _put_state(
        conn: sqlite3.Connection, deck_id: str, fact_id: str, tries: int, misses: int, c: CardState
    ) -> None:
        conn.execute(
            f"INSERT OR REPLACE INTO fact_state ({history.STATE_COLUMNS}) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                deck_id, fact_id, tries, misses, int(c.phase), c.step, c.stability, c.difficulty,
                stamp(c.due), stamp(c.last_review) if c.last_review else None,
            ),
        )  # fmt: skip

    # -- reading ------------------------------------------------------------------------------

    def session(self, session_id: int) -> SessionRow | None:
        """One session, or None."""
        row = self._conn.execute(
            f"SELECT {history.SESSION_COLUMNS} FROM sessions WHERE id = ?", (session_id,)
        ).fetchone()
        return history.session_row(row) if row else None

    def last_sessions(self, n: int = 20, deck_id: str | None = None) -> list[SessionRow]:
        """The newest `n` sessions, newest first."""
        return history.last_sessions(self._conn, n, deck_id)

    def answers(self, session_id: int | None = None) -> Iterator[AnswerRow]:
        """Every answer (or one session's), oldest first."""
        return history.answers(self._conn, session_id)

    def fact_state(self, deck_id: str, fact_id: str) -> FactState | None:
        """The tries, misses and scheduling state of one fact, or None if never answered."""
        return self._fact_state(self._conn, deck_id, fact_id)

    def fact_states(self, deck_id: str) -> dict[str, FactState]:
        """The state of every answered fact of a deck, by fact id."""
        return history.fact_states(self._conn, deck_id)

    def due_facts(self, deck_id: str, now: datetime | None = None) -> list[str]:
        """The deck's answered facts that are due now, most overdue first."""
        return history.due_facts(self._conn, deck_id, utc(now))

    def due_count(self, deck_id: str, now: datetime | None = None, fact_ids: set[str] | None = None) -> int:
        """How many of the deck's answered facts (of `fact_ids`, if given) are due now."""
        return history.due_count(self._conn, deck_id, utc(now), fact_ids)

    def visit(self, deck_id: str) -> tuple[date, int] | None:
        """The visit date set for a deck and the questions a day until then, or None."""
        row = self._conn.execute("SELECT visit, per_day FROM deck_plan WHERE deck_id = ?", (deck_id,)).fetchone()
        return (date.fromisoformat(row[0]), int(row[1])) if row else None

    def set_visit(self, deck_id: str, visit: date | None, per_day: int = 10) -> None:
        """Set (or, with None, clear) the visit a deck is studied for (quiz.visit). Raises StoreError."""
        with self._write() as conn:
            if visit is None:
                conn.execute("DELETE FROM deck_plan WHERE deck_id = ?", (deck_id,))
            else:
                conn.execute(
                    "INSERT INTO deck_plan (deck_id, visit, per_day) VALUES (?, ?, ?) "
                    "ON CONFLICT (deck_id) DO UPDATE SET visit = excluded.visit, per_day = excluded.per_day",
                    (deck_id, visit.isoformat(), int(per_day)),
                )

    def calibration(self, deck_id: str | None = None) -> list[history.Calibration]:
        """How often the learner was right at each certainty level (history.calibration)."""
        return history.calibration(self._conn, deck_id)

    def cbm_scores(self, session_ids: Collection[int]) -> dict[int, tuple[int, int]]:
        """Per session: (CBM score, answers rated for certainty) (history.cbm_scores)."""
        return history.cbm_scores(self._conn, session_ids)

    def due_counts(self, deck_id: str, fact_ids: Collection[str], now: datetime | None = None) -> DueCounts:
        """Due now, due later today and new, for the deck's facts `fact_ids` (history.DueCounts)."""
        return history.due_counts(self._conn, deck_id, fact_ids, utc(now))

    def due_forecast(
        self, deck_id: str | None = None, days: int = 14, now: datetime | None = None
    ) -> list[tuple[date, int]]:
        """How many facts fall due on each of the person's next `days` days (today includes overdue)."""
        return history.due_forecast(self._conn, deck_id, days, utc(now))

    def new_fact_ids(self, deck_id: str, all_fact_ids: list[str], limit: int) -> list[str]:
        """Up to `limit` never-answered facts, in deck order: the new facts for this sitting."""
        return history.new_fact_ids(self._conn, deck_id, all_fact_ids, limit)

    def accuracy_per_day(self, deck_id: str, start: date, end: date) -> list[DayAccuracy]:
        """Per UTC day from `start` to `end`, the answers and right answers (empty days left out)."""
        return history.accuracy_per_day(self._conn, deck_id, start, end)

    def weakest_facts(self, deck_id: str, min_tries: int = 3, limit: int = 10) -> list[FactScore]:
        """The most missed facts among those tried at least `min_tries` times."""
        return history.weakest_facts(self._conn, deck_id, min_tries, limit)

    def mastery(
        self, deck_id: str, fact_ids: Collection[str] | None = None, now: datetime | None = None
    ) -> Mastery:
        """How many of `fact_ids` (default: answered facts) are recalled with the target probability."""
        return history.mastery(self._conn, self.scheduler, deck_id, fact_ids, utc(now))

    def mastered_facts(
        self, deck_id: str, fact_ids: Collection[str] | None = None, now: datetime | None = None
    ) -> set[str]:
        """The ids of the deck's mastered facts (of `fact_ids`, if given): for quiz.curriculum's progress."""
        return history.mastered_facts(self._conn, self.scheduler, deck_id, fact_ids, utc(now))

    def streak(self, today: date | None = None) -> int:
        """Consecutive study days ending today (or yesterday, if not yet today), in the person's days."""
        return history.streak(self._conn, today or local_day())

    def deck_ids(self) -> list[str]:
        """The id of every deck with a session, in order."""
        return history.deck_ids(self._conn)

    def overview(
        self, deck_id: str | None, now: datetime | None = None, days: int = history.OVERVIEW_DAYS
    ) -> Overview:
        """Every query of the History screen, for one deck or (None) all of them: the last sessions,
        accuracy per day over `days` days, the streak, the weakest facts and the 14-day forecast."""
        moment = utc(now)
        today = local_day(moment)
        start = today - timedelta(days=days - 1)
        ids = [deck_id] if deck_id else self.deck_ids()
        per_day: dict[date, tuple[int, int]] = {}
        for did in ids:
            for day in self.accuracy_per_day(did, start, today):
                answered, correct = per_day.get(day.day, (0, 0))
                per_day[day.day] = (answered + day.answered, correct + day.correct)
        return Overview(
            sessions=self.last_sessions(200, deck_id),
            per_day=per_day,
            streak=self.streak(today),
            weakest=[(did, self.weakest_facts(did, 3, 10)) for did in ids],
            forecast=self.due_forecast(deck_id, 14, moment),
            due_now=sum(self.due_count(did, moment) for did in ids),
        )

    def deck_summaries(
        self, deck_id: str | None = None, now: datetime | None = None
    ) -> list[DeckSummary]:
        """One summary per studied deck."""
        return history.deck_summaries(self._conn, self.scheduler, utc(now), deck_id)

    def export_csv(
        self,
        path: Path,
        *,
        titles: Mapping[str, str] | None = None,
        questions: Mapping[tuple[str, str], str] | None = None,
    ) -> int:
        """Write every answer to a CSV file readable by its owner alone (as write_csv); return the count.

        The file is written whole under a temporary name and then renamed: an earlier export at
        `path` is replaced only by a complete one (a full disk leaves it as it was).
        """
        import io

        count = 0

        def write(handle: BinaryIO) -> None:
            nonlocal count
            out = io.TextIOWrapper(handle, newline="", encoding="utf-8")
            count = self.write_csv(out, titles=titles, questions=questions)
            out.flush()
            out.detach()  # write_atomic syncs and closes the file itself

        write_atomic(Path(path), write, private=True)
        return count

    def write_csv(
        self,
        out: TextIO,
        *,
        titles: Mapping[str, str] | None = None,
        questions: Mapping[tuple[str, str], str] | None = None,
    ) -> int:
        """Write every answer as CSV rows to `out` and return the count.

        The history keeps ids only; `titles` (deck id -> title) and `questions` ((deck id, fact id)
        -> question) fill the last two columns, so a person can read the file; "" where unknown.
        `certainty` is 1-3 (Guessing, Fairly sure, Sure) or empty when not asked; `slip` is 1 for a
        typed answer accepted with a one-letter slip.
        """
        import csv  # only here: the app's start-up does not need it

        titles = titles or {}
        questions = questions or {}
        fields = [
            "answer_id", "session_id", "deck_id", "fact_id", "deck_version", "content_hash",
            "kind", "response", "correct", "rating", "response_ms", "answered_at", "certainty", "slip",
            "deck_title", "question",
        ]  # fmt: skip
        count = 0
        writer = csv.writer(out)
        writer.writerow(fields)
        for a in self.answers():
            writer.writerow(
                [
                    a.id, a.session_id, _cell(a.deck_id), _cell(a.fact_id),
                    _cell(a.deck_version), a.content_hash, a.kind, _cell(a.response),
                    int(a.correct), a.rating, a.response_ms, stamp(a.answered_at),
                    "" if a.certainty is None else a.certainty, int(a.slip),
                    _cell(titles.get(a.deck_id, "")), _cell(questions.get((a.deck_id, a.fact_id), "")),
                ]
            )  # fmt: skip
            count += 1
        return count

    # -- backups ------------------------------------------------------------------------------

    def backup_due(self, now: datetime | None = None) -> bool:
        """Whether something changed since the last backup and the newest backup is a day old."""
        meta = dict(self._conn.execute("SELECT key, value FROM meta"))
        if meta.get("generation") == meta.get("backed_up"):
            return False
        newest = list_backups(self.root)
        return not newest or utc(now) - _backup_time(newest[0]) >= BACKUP_EVERY

    def backup_if_due(self, now: datetime | None = None) -> Path | None:
        """Back up if backup_due says so and no other quiz is backing up right now; return the new file.
        Raises StoreError or OSError.

        One process at a time: the backup lock decides, and backup_due is asked again under it,
        so quiz processes started together write one backup between them, not one each.
        """
        try:
            if not self.backup_due(now):
                return None
            folder = ensure_private_dir(backups_dir(self.root))
            with try_lock(folder / _BACKUP_LOCK) as mine:
                if not mine or not self.backup_due(now):
                    return None
                (generation,) = self._conn.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
                path = self._backup(folder, now)
                with self._write(bump=False) as conn:
                    conn.execute("UPDATE meta SET value = ? WHERE key = 'backed_up'", (generation,))
        except sqlite3.Error as err:
            raise _store_error(err, self.path) from None
        return path

    def backup(self, now: datetime | None = None) -> Path:
        """Write a backup now with SQLite's backup API, rotate the old ones, return the new file.

        Raises HistoryLocked when another quiz is writing a backup at this moment, StoreError or
        OSError when the backup cannot be written (the earlier backups are left as they were).
        """
        folder = ensure_private_dir(backups_dir(self.root))
        with try_lock(folder / _BACKUP_LOCK) as mine:
            if not mine:
                raise HistoryLocked(f"{folder}: another quiz is writing a backup right now; try again in a moment")
            try:
                return self._backup(folder, now)
            except sqlite3.Error as err:
                raise _store_error(err, self.path) from None

    def _backup(self, folder: Path, now: datetime | None) -> Path:
        """Write a backup while holding the backup lock (so every temporary backup left is stale)."""
        remove_stale_temps(folder, _BACKUP_TEMPS, older_than=0)
        name = f"{_BACKUP_PREFIX}{utc(now).strftime('%Y%m%dT%H%M%S%fZ')}.db"
        final = folder / name
        tmp = folder / f".{name}.tmp"
        try:
            _copy_database(self._conn, tmp)
            os.replace(tmp, final)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        self._rotate()
        return final

    def _rotate(self) -> None:
        """Keep the newest KEEP_BACKUPS backups, and beyond them the one holding the most answers
        while it holds more than the history does now (so a history emptied outside quiz never
        costs the last backup of the answers)."""
        backups = list_backups(self.root)
        if len(backups) <= KEEP_BACKUPS:
            return
        counts = {b: _answer_count(b) or 0 for b in backups}
        best = max(backups, key=lambda b: (counts[b], b.name))
        (have,) = self._conn.execute("SELECT count(*) FROM answers").fetchone()
        for old in backups[KEEP_BACKUPS:]:
            if old == best and counts[best] > have:
                continue
            old.unlink(missing_ok=True)

    def integrity_check(self) -> list[str]:
        """SQLite's full integrity check: ['ok'] when the file is sound."""
        return [r[0] for r in self._conn.execute("PRAGMA integrity_check")]

    def schema_version(self) -> int:
        """The schema version of the open file."""
        return int(self._conn.execute("PRAGMA user_version").fetchone()[0])


def _cell(text: str) -> str:
    """Keep a spreadsheet from running a cell as a formula (a leading ' is shown, not run)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


# -- health, migration and files --------------------------------------------------------------


def _connect(path: Path) -> sqlite3.Connection:
    """Connect to the history at `path`, set up and migrated; a damaged one is moved aside."""
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as err:
        raise StoreError(f"{path}: cannot open the score history ({err})") from None
    try:
        _prepare(conn, path)
    except sqlite3.DatabaseError as err:
        conn.close()
        if err.sqlite_errorname in _CORRUPT_CODES:
            aside = _set_aside(path, "damaged")
            raise DamagedDatabase(path, aside, str(err)) from None
        raise StoreError(f"{path}: cannot open the score history ({err})") from None
    except BaseException:
        conn.close()
        raise
    return conn


def _prepare(conn: sqlite3.Connection, path: Path) -> None:
    """Set the connection up (WAL, synchronous=FULL) and migrate the schema.

    Two quiz processes creating the same new file at once can find it locked while the other one
    switches it to WAL, which SQLite reports at once rather than through the busy handler; that
    is retried until BUSY_TIMEOUT_MS has passed.
    """
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode.lower() != "wal":
                raise StoreError(f"{path}: cannot switch the score history to WAL ({mode})")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA cache_size = -500")
            conn.execute("PRAGMA foreign_keys = ON")
            _migrate(conn, path)
            return
        except sqlite3.OperationalError as err:
            if err.sqlite_errorname not in ("SQLITE_BUSY", "SQLITE_LOCKED") or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    """Bring the schema up to date, one transaction per step; refuse a newer schema."""
    while True:
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise NewerDatabase(path, version)
            if version == SCHEMA_VERSION:
                conn.execute("COMMIT")
                return
            for statement in MIGRATIONS[version].split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            with suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            raise


def _check_health(path: Path) -> bool:
    """Refuse a newer or damaged file before anything writes to it; a damaged one is moved aside.

    Returns whether the whole file was read (quick_check): true up to QUICK_CHECK_MAX_BYTES, and
    for a larger file with a -wal file that is not empty, whose structure alone says too little.
    """
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return True
    wal = Path(f"{path}-wal")
    emptied = _emptied(path, size + (wal.stat().st_size if wal.exists() else 0))
    if emptied is not None:
        aside = _set_aside(path, "emptied")
        raise DamagedDatabase(path, aside, emptied)
    if size == 0:
        return True
    thorough = size <= QUICK_CHECK_MAX_BYTES or (wal.exists() and wal.stat().st_size > 0)
    reason = _damage(path, thorough=thorough)
    if reason is not None:
        aside = _set_aside(path, "damaged")
        raise DamagedDatabase(path, aside, reason)
    return thorough


def _emptied(path: Path, size: int) -> str | None:
    """Why the history at `path` (`size` bytes with its -wal) looks emptied or replaced outside
    quiz, or None: it holds fewer than 1/EMPTIED_RATIO of the answers of a backup of it.

    Backups taken before the history began (a fresh start after damage) are not its own. Reads
    no file unless the history is that much smaller than the largest backup, which is rare.
    """
    sizes = {}
    for backup in list_backups(path.parent):
        with suppress(OSError):
            sizes[backup] = backup.stat().st_size
    if not sizes or size * EMPTIED_RATIO >= max(sizes.values()):
        return None
    began = _began(path) if path.stat().st_size else None
    own = {b: n for b, n in sizes.items() if began is None or _backup_time(b) >= began}
    if not own:
        return None
    largest = max(own, key=lambda b: own[b])
    if size * EMPTIED_RATIO >= own[largest]:
        return None
    had = _answer_count(largest)
    have = _answer_count(path) if path.stat().st_size else 0
    if not had or have is None or have * EMPTIED_RATIO >= had:
        return None
    what = "it is empty" if size == 0 else f"it holds {have} answer{'s' if have != 1 else ''}"
    return f"{what}, while the backup {largest.name} holds {had} answers"


@contextmanager
def _reading(path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection to the database at `path`; raises sqlite3.Error if it cannot open."""
    conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True, isolation_level=None)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        yield conn
    finally:
        conn.close()


def _answer_count(path: Path) -> int | None:
    """How many answers the quiz history or backup at `path` holds; None if it cannot be read."""
    try:
        with _reading(path) as conn:
            return int(conn.execute("SELECT count(*) FROM answers").fetchone()[0])
    except sqlite3.Error:
        return None


def _began(path: Path) -> datetime | None:
    """When the history at `path` was created (meta 'began'), or None if it does not say."""
    try:
        with _reading(path) as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = 'began'").fetchone()
            return datetime.fromtimestamp(int(row[0]), UTC) if row else None
    except (sqlite3.Error, ValueError, OverflowError, OSError):
        return None


def _remove_stale_temps(root: Path) -> None:
    """Remove the temporary files left by a backup or restore that died (a kill, a full disk).

    A backup's are removed only under the backup lock, so one being written now is never touched.
    """
    folder = backups_dir(root)
    if folder.is_dir():
        with suppress(OSError), try_lock(folder / _BACKUP_LOCK) as mine:
            if mine:
                remove_stale_temps(folder, _BACKUP_TEMPS, older_than=0)
    remove_stale_temps(root, f".{history_db(root).name}.*.tmp")


def _damage(path: Path, *, thorough: bool = True) -> str | None:
    """Why the file at `path` is not a usable quiz history, or None; raises NewerDatabase.

    `thorough` runs quick_check, which reads the whole file; otherwise only its structure is checked.
    """
    with open(path, "rb") as f:
        header = f.read(100)
    if header[:16] != _SQLITE_MAGIC:
        return "not an SQLite database"
    if len(header) == 100 and int.from_bytes(header[60:64], "big", signed=True) > SCHEMA_VERSION:
        raise NewerDatabase(path, int.from_bytes(header[60:64], "big", signed=True))  # refused before opening
    try:
        conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True, isolation_level=None)
    except sqlite3.Error as err:
        raise StoreError(f"{path}: cannot read the score history ({err})") from None
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        # One read transaction, so the three answers come from one moment: read one by one, another
        # quiz creating this history could commit its tables between them, and a file with tables
        # but no application id yet would look like somebody else's database.
        conn.execute("BEGIN")
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0]
        conn.execute("COMMIT")
        if app_id != APPLICATION_ID and (app_id != 0 or tables):
            return "an SQLite database, but not a quiz score history"
        if version > SCHEMA_VERSION:
            raise NewerDatabase(path, version)
        if not thorough:
            roots = [r[0] for r in conn.execute("SELECT rootpage FROM sqlite_schema WHERE rootpage > 0")]
            return _structure_damage(path, header, roots)
        problems = [r[0] for r in conn.execute("PRAGMA quick_check")]
        if problems != ["ok"]:
            return f"quick_check: {problems[0]}"
        return None
    except sqlite3.DatabaseError as err:
        if err.sqlite_errorname in _CORRUPT_CODES:
            return str(err)
        raise StoreError(f"{path}: cannot read the score history ({err})") from None
    finally:
        conn.close()


def _structure_damage(path: Path, header: bytes, roots: list[int]) -> str | None:
    """What the header and the b-tree root pages say is wrong with the file, without reading it all.

    Catches a truncated file, a mangled header and a zeroed or overwritten table or index root;
    damage inside other pages is left to quick_check (verify) and to SQLite, which reports it when
    it reads such a page.
    """
    if len(header) < 100:
        return "the file is shorter than an SQLite header"
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return f"impossible page size {page_size}"
    size = path.stat().st_size
    pages = int.from_bytes(header[28:32], "big")
    if header[92:96] == header[24:28] and pages * page_size > size:
        return f"the file is truncated ({size} bytes; its header says {pages * page_size})"
    with open(path, "rb") as f:
        for root in roots:
            offset = (root - 1) * page_size + (100 if root == 1 else 0)
            f.seek(offset)
            kind = f.read(1)
            if not kind or kind[0] not in _BTREE_PAGE_TYPES:
                return f"page {root}, the root of a table or index, is not a b-tree page"
    return None


def verify(data_dir: Path) -> str | None:
    """Run quick_check over the whole history on a connection of its own; None when it is sound.

    Safe to call from a worker thread while a Store on the same file is in use.
    """
    path = history_db(Path(data_dir))
    if not path.exists() or path.stat().st_size == 0:
        return None
    return _damage(path, thorough=True)


def _set_aside(path: Path, why: str) -> Path:
    """Rename the file (and its -wal and -shm) to a new name beside it; return the new name."""
    stem = utc().strftime("%Y%m%dT%H%M%SZ")
    n = 0
    while True:
        suffix = f"-{n}" if n else ""
        aside = path.with_name(f"{path.stem}.{why}-{stem}{suffix}{path.suffix}")
        if not aside.exists():
            break
        n += 1
    for extra in ("-wal", "-journal"):
        side = Path(f"{path}{extra}")
        if side.exists() and side.stat().st_size > 0:
            os.replace(side, f"{aside}{extra}")
    os.replace(path, aside)
    for extra in ("-wal", "-journal", "-shm"):  # empty, or only an index SQLite rebuilds
        with suppress(FileNotFoundError):
            Path(f"{path}{extra}").unlink()
    return aside


def _precreate_private(path: Path) -> None:
    """Create the file 0600 before SQLite does, so its -wal and -shm inherit that mode."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, FILE_MODE)
    try:
        if os.fstat(fd).st_mode & 0o777 != FILE_MODE:
            os.fchmod(fd, FILE_MODE)
    finally:
        os.close(fd)


def _copy_database(source: sqlite3.Connection, target: Path) -> None:
    """Copy a whole database into a new private single file at `target` with the backup API."""
    with suppress(FileNotFoundError):
        target.unlink()
    _precreate_private(target)
    dest = sqlite3.connect(target, isolation_level=None)
    try:
        source.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()


def list_backups(data_dir: Path) -> list[Path]:
    """The backups in `data_dir`, newest first."""
    folder = backups_dir(Path(data_dir))
    if not folder.is_dir():
        return []
    found = [p for p in folder.glob(f"{_BACKUP_PREFIX}*.db") if _backup_time_or_none(p)]
    return sorted(found, key=lambda p: p.name, reverse=True)


def _backup_time_or_none(path: Path) -> datetime | None:
    stem = path.stem.removeprefix(_BACKUP_PREFIX)
    try:
        return utc(datetime.strptime(stem + "+0000", "%Y%m%dT%H%M%S%fZ%z"))
    except ValueError:
        return None


def _backup_time(path: Path) -> datetime:
    moment = _backup_time_or_none(path)
    assert moment is not None  # list_backups returns only well-named files
    return moment


class Restored(NamedTuple):
    """What a restore did: the backup it used and where the replaced history was kept."""

    backup: Path
    replaced: Path | None


def restore_backup(data_dir: Path, backup: Path | None = None) -> Restored:
    """Replace the history with `backup` (default: the sound backup holding the most answers,
    the newest of those); the replaced history is kept beside it. Never leaves less than before:

    - the history itself (or its -wal) is refused as a backup;
    - unreadable or damaged backups are skipped (named in the error if none is sound);
    - the backup is copied next to the history and checked before anything is moved;
    - while another quiz has the history open, nothing is done (HistoryLocked).

    Raises StoreError (HistoryLocked) with the reason; nothing was changed then.
    """
    root = ensure_private_dir(Path(data_dir))
    path = history_db(root)
    if backup is not None:
        backup = Path(backup).absolute()
        if not backup.is_file():
            raise StoreError(f"{backup}: no such backup file")
        if _is_history(backup, path):
            raise StoreError(
                f"{backup}: this is the score history itself, not a backup; nothing was changed. "
                f"Backups are in {backups_dir(root)}"
            )
    candidates = [backup] if backup is not None else _most_answers_first(list_backups(root))
    _refuse_if_open(path)
    chosen, problems = None, []
    for candidate in candidates:
        reason = _unusable(candidate)
        if reason is None:
            chosen = candidate
            break
        problems.append(f"{candidate.name}: {reason}")
    if chosen is None:
        detail = f" ({'; '.join(problems)})" if problems else ""
        raise StoreError(f"{backups_dir(root)}: no sound backup to restore{detail}; nothing was changed")
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=root)
    os.close(fd)
    tmp = Path(name)
    try:
        src = sqlite3.connect(f"{chosen.as_uri()}?mode=ro", uri=True)
        try:
            _copy_database(src, tmp)
        finally:
            src.close()
        reason = _unusable(tmp)
        if reason is not None:
            raise StoreError(f"{chosen}: the copy of the backup did not check out ({reason}); nothing was changed")
        replaced = _set_aside(path, "replaced") if path.exists() else None
        os.replace(tmp, path)
    except sqlite3.Error as err:
        raise _store_error(err, path) from None
    finally:
        tmp.unlink(missing_ok=True)
    return Restored(chosen, replaced)


def _is_history(candidate: Path, path: Path) -> bool:
    """Whether `candidate` is the history at `path` or one of its -wal, -shm or -journal files."""
    for own in (path, *(Path(f"{path}{extra}") for extra in ("-wal", "-shm", "-journal"))):
        with suppress(OSError):
            if candidate.samefile(own):
                return True
    return False


def _unusable(path: Path) -> str | None:
    """Why the backup at `path` cannot be restored (unreadable, damaged, newer), or None."""
    try:
        return _damage(path.absolute())
    except StoreError as err:
        return str(err)
    except OSError as err:
        return err.strerror or str(err)


def _most_answers_first(backups: list[Path]) -> list[Path]:
    """Backups by the answers they hold, most first, newest first among equals; unreadable last."""
    counts = {b: _answer_count(b) for b in backups}
    return sorted(backups, key=lambda b: (counts[b] is not None, counts[b] or 0, b.name), reverse=True)


def _refuse_if_open(path: Path) -> None:
    """Raise HistoryLocked if another connection (another quiz) has the history open.

    SQLite's own locks tell: in WAL mode every open connection holds a shared lock, so an
    exclusive one is granted only when nobody else has the file open.
    """
    try:
        with open(path, "rb") as f:
            if f.read(16) != _SQLITE_MAGIC:
                return  # empty or not a database: nobody can be using it
    except FileNotFoundError:
        return
    conn = sqlite3.connect(path, isolation_level=None, timeout=0)
    try:
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("ROLLBACK")
    except sqlite3.Error as err:
        if (getattr(err, "sqlite_errorname", "") or "").startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
            raise HistoryLocked(
                f"{path}: the score history is open in another quiz; close it there, then restore. "
                "Nothing was changed."
            ) from None
    finally:
        conn.close()
