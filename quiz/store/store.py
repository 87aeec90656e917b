"""The Store: an open score history, and every write to it (sessions, answers, undo, plans, backups).

Every answer is committed the moment it is given (WAL, synchronous=FULL, one BEGIN IMMEDIATE
transaction per write), so a crash keeps everything answered before it and two quiz processes
can write at once. Nothing here logs or prints deck text or answers.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import date, datetime
from pathlib import Path

from quiz.locks import try_lock
from quiz.paths import backups_dir, ensure_private_dir, history_db, shown
from quiz.schedule import CardState, Rating, Scheduler, rating_for, utc
from quiz.store.backups import (
    BACKUP_LOCK,
    backups_stale,
    missing_history,
    remove_history_temps,
    write_backup,
)
from quiz.store.connection import BUSY_TIMEOUT_MS, precreate_private, prepare
from quiz.store.errors import CORRUPT_CODES, HistoryLocked, HistoryMissing, StoreError, store_error
from quiz.store.health import check_health, damaged, set_aside
from quiz.store.outside import COUNT_UNDO, not_yet_made, note_parted
from quiz.store.place import refuse_unusable_place
from quiz.store.queries import HistoryQueries
from quiz.store.rows import ANSWER_COLUMNS, STATE_COLUMNS, AnswerRow, answer_row, stamp
from quiz.store.waiting import WaitingWrites, Written


class Store(HistoryQueries):
    """An open score history: its queries (HistoryQueries) and its writes, each its own committed transaction."""

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
        self.waiting = WaitingWrites()
        """Writes another program's lock kept out (quiz.store.waiting), written by write_waiting."""
        self.lost: list[str] = []  # what close() could not write after all (Waiting.what)

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
        """Open (creating if needed) the history in `data_dir`, check it, migrate it, back it up.

        Raises HistoryMissing, once the new history is made, when it was missing while a backup
        holds answers (quiz.store.backups.missing_history), as an emptied one is told (check_health).
        """
        root = ensure_private_dir(Path(data_dir))
        path = history_db(root)
        refuse_unusable_place(path)
        remove_history_temps(root)
        missing = missing_history(path)  # asked before anything makes a new one
        fully_checked, fresh = check_health(path), not_yet_made(path)  # fresh: quiz makes it now
        precreate_private(path)
        store = cls(connect(path), root, scheduler or Scheduler())
        store.fully_checked = fully_checked
        if fresh:  # made knowing of the backups there (the person was told of the history before)
            with suppress(sqlite3.Error):
                note_parted(store._conn, root)
        if missing is not None:
            store.close()
            raise HistoryMissing(path, *missing)
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
            with suppress(sqlite3.Error):  # the answers that waited for a lock go in first, in order
                self.write_waiting()
            self.lost = [item.what for item in self.waiting.items]
            self.waiting.items.clear()
            for session_id in sorted(self._unfinished):
                with suppress(StoreError):
                    self.finish_session(session_id, ended_early=True)
            with suppress(sqlite3.Error):
                self.checkpoint()
        finally:
            self._conn.close()

    def write_waiting(self, *, patient: bool = True) -> Written:
        """Write the writes that waited for another program's lock (Store.waiting), oldest first:
        `patient` waits for the lock as every write does (BUSY_TIMEOUT_MS); otherwise a lock still
        held is given up on at once (the app's timer must not freeze the screen).
        """
        if not self.waiting:
            return Written([], [])
        if patient:
            return self.waiting.write()
        self.set_busy_timeout(0)
        try:
            return self.waiting.write()
        finally:
            self.set_busy_timeout(BUSY_TIMEOUT_MS)

    def set_busy_timeout(self, ms: int) -> None:
        """How long (ms) a write waits for another program's lock before HistoryLocked."""
        self._conn.execute(f"PRAGMA busy_timeout = {int(ms)}")

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
            raise store_error(err, self.path) from None
        if not wal_present:  # the open -wal is unlinked: write on in a new one, in the folder
            self._conn.close()
            self._conn = connect(self.path)
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
            raise store_error(err, self.path) from None

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
            prior = self.fact_state(deck_id, fact_id)
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
                f"SELECT {ANSWER_COLUMNS}, prior_state FROM answers "
                "WHERE session_id = ? ORDER BY id DESC LIMIT 1",
                (session_id,),
            ).fetchone()
            if row is None:
                return None
            answer, prior_json = answer_row(row[:-1]), row[-1]
            conn.execute("DELETE FROM answers WHERE id = ?", (answer.id,))
            conn.execute(COUNT_UNDO)
            later = conn.execute(
                "SELECT 1 FROM answers WHERE deck_id = ? AND fact_id = ? AND id > ? LIMIT 1",
                (answer.deck_id, answer.fact_id, answer.id),
            ).fetchone()
            state = self.fact_state(answer.deck_id, answer.fact_id)
            if state is not None:
                tries = state.tries - 1
                misses = state.misses - (0 if answer.correct else 1)
                if later is not None:  # a later review (another session) owns the state now
                    self._put_state(conn, answer.deck_id, answer.fact_id, tries, misses, state.card)
                elif prior_json is None or tries <= 0:  # new again (the prior of two windows' taken back)
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
    def _put_state(
        conn: sqlite3.Connection, deck_id: str, fact_id: str, tries: int, misses: int, c: CardState
    ) -> None:
        conn.execute(
            f"INSERT OR REPLACE INTO fact_state ({STATE_COLUMNS}) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                deck_id, fact_id, tries, misses, int(c.phase), c.step, c.stability, c.difficulty,
                stamp(c.due), stamp(c.last_review) if c.last_review else None,
            ),
        )  # fmt: skip

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

    # -- backups ------------------------------------------------------------------------------

    def backup_due(self, now: datetime | None = None) -> bool:
        """Whether something changed since the last backup and the newest backup is a day old (one
        named later than `now` does not count: list_backups)."""
        meta = dict(self._conn.execute("SELECT key, value FROM meta"))
        if meta.get("generation") == meta.get("backed_up"):
            return False
        return backups_stale(self.root, now)

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
            with try_lock(folder / BACKUP_LOCK) as mine:
                if not mine or not self.backup_due(now):
                    return None
                (generation,) = self._conn.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
                path = write_backup(self._conn, self.root, folder, now)
                with self._write(bump=False) as conn:
                    conn.execute("UPDATE meta SET value = ? WHERE key = 'backed_up'", (generation,))
        except sqlite3.Error as err:
            raise store_error(err, self.path) from None
        return path

    def backup(self, now: datetime | None = None) -> Path:
        """Write a backup now with SQLite's backup API, rotate the old ones, return the new file.

        Raises HistoryLocked when another quiz is writing a backup at this moment, StoreError or
        OSError when the backup cannot be written (the earlier backups are left as they were).
        """
        folder = ensure_private_dir(backups_dir(self.root))
        with try_lock(folder / BACKUP_LOCK) as mine:
            if not mine:
                raise HistoryLocked(f"{shown(folder)}: another quiz is writing a backup right now; try again soon")
            try:
                return write_backup(self._conn, self.root, folder, now)
            except sqlite3.Error as err:
                raise store_error(err, self.path) from None


def connect(path: Path) -> sqlite3.Connection:
    """Connect to the history at `path`, set up and migrated; a damaged one is moved aside."""
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as err:
        raise StoreError(f"{shown(path)}: cannot open the score history ({err})") from None
    try:
        prepare(conn, path)
    except sqlite3.DatabaseError as err:
        conn.close()
        if err.sqlite_errorname in CORRUPT_CODES:
            aside = set_aside(path, "damaged")
            raise damaged(path, aside, str(err)) from None
        raise StoreError(f"{shown(path)}: cannot open the score history ({err})") from None
    except BaseException:
        conn.close()
        raise
    return conn

