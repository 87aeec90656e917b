"""Backups against a model: whatever a person does (answer, a damaged or emptied history, a restore,
a daily backup), no answer that was ever in a backup or is in the history is in no kept file.

What the keep limit allows: rotation removes a backup only when a kept file holds its answers, so
the property holds with no exception for KEEP_BACKUPS. What is lost is what the damage itself
took: answers given after the last backup of a history that was then emptied or overwritten (a
backup is at most a day behind). Rotation still rotates: at most KEEP_BACKUPS backups, plus one
for each fresh start (damage or restore) since they hold different answers.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from contextlib import suppress
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from quiz.paths import history_db
from quiz.store import KEEP_BACKUPS, DamagedDatabase, Store, StoreError, list_backups
from quiz.store.restore import restore_backup

pytestmark = pytest.mark.slow  # a Hypothesis state machine over real files

DAY = timedelta(days=1)


def responses_in(path: Path) -> set[str]:
    """The responses (each answer's is unique here) the history or backup at `path` holds; none if unreadable."""
    try:
        conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
        try:
            return {row[0] for row in conn.execute("SELECT response FROM answers")}
        finally:
            conn.close()
    except sqlite3.Error:
        return set()


class BackupMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.dir = Path(tempfile.mkdtemp(prefix="quiz-backups-"))
        # Backups are named by the time passed in; it runs ahead of the clock, after the history began.
        self.now = datetime.now(UTC)
        self.given = 0
        self.live: set[str] = set()
        """The answers the history holds (the model)."""
        self.safe: set[str] = set()
        """Every answer that was ever in a backup or in a history set aside whole (a restore's)."""
        self.fresh_starts = 0
        self.store = self.open()

    def open(self) -> Store:
        try:
            return Store.open(self.dir, backup=False)
        except DamagedDatabase:  # set aside; the person starts afresh
            return Store.open(self.dir, backup=False)

    def teardown(self) -> None:
        with suppress(Exception):
            self.store.close()
        shutil.rmtree(self.dir, ignore_errors=True)

    @rule(count=st.integers(1, 12))
    def answer(self, count: int) -> None:
        sid = self.store.start_session("d", "quiz", now=self.now)
        for _ in range(count):
            self.given += 1
            response = f"answer {self.given}"
            self.store.record_answer(sid, "d", "f", kind="typed", response=response, correct=True, now=self.now)
            self.live.add(response)
        self.store.finish_session(sid, now=self.now)

    @rule(days=st.integers(1, KEEP_BACKUPS + 2))
    def daily_backups(self, days: int) -> None:
        for _ in range(days):
            self.now += DAY
            self.store.backup(self.now)
        self.safe |= self.live

    @rule(how=st.sampled_from(["emptied", "overwritten", "truncated"]))
    def damage(self, how: str) -> None:
        self.store.close()
        path = history_db(self.dir)
        data = path.read_bytes()
        if how == "emptied":
            path.write_bytes(b"")
        elif how == "overwritten":
            path.write_bytes(b"\x00not a database" * 300)
        else:
            path.write_bytes(data[: len(data) // 2])
        self.live = set()  # what was not backed up is lost with it: not rotation's doing
        self.fresh_starts += 1
        self.store = self.open()
        self.live = responses_in(history_db(self.dir))  # a truncation SQLite did not see keeps the rest

    @precondition(lambda self: bool(list_backups(self.dir)))
    @rule(data=st.data(), force=st.booleans())
    def restore(self, data: st.DataObject, force: bool) -> None:
        self.store.close()
        backup = data.draw(st.sampled_from([None, *list_backups(self.dir)]), label="backup")
        try:
            restore_backup(self.dir, backup, force=force)
        except StoreError:  # refused (without force, over answers the backup lacks): nothing changed
            pass
        else:
            self.safe |= self.live  # the replaced history is kept whole beside it
            self.fresh_starts += 1
        self.store = self.open()
        self.live = responses_in(history_db(self.dir))

    @invariant()
    def no_answer_is_in_no_kept_file(self) -> None:
        self.store.checkpoint()
        kept = [history_db(self.dir), *list_backups(self.dir), *self.dir.glob("history.replaced-*.db")]
        held: set[str] = set()
        for path in kept:
            held |= responses_in(path)
        assert self.safe | self.live <= held, sorted((self.safe | self.live) - held)[:5]

    @invariant()
    def rotation_still_rotates(self) -> None:
        assert len(list_backups(self.dir)) <= KEEP_BACKUPS + self.fresh_starts


BackupMachine.TestCase.settings = settings(max_examples=30, stateful_step_count=25, deadline=None)
TestBackups = BackupMachine.TestCase
