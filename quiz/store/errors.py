"""The store's errors: each names the file and says what to do; callers never need sqlite3 to tell them apart."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from quiz.errors import QuizError
from quiz.paths import shown

CORRUPT_CODES = {"SQLITE_CORRUPT", "SQLITE_NOTADB"}
"""SQLite's result codes for a damaged file (https://sqlite.org/rescode.html)."""


class StoreError(QuizError):
    """The score history cannot be used; the message says why and what to do."""


class HistoryFull(StoreError):
    """The disk (or the file system's quota) is full: the write was not made."""


class HistoryLocked(StoreError):
    """Another program held the history's write lock for longer than BUSY_TIMEOUT_MS."""


class HistoryDamaged(StoreError):
    """SQLite found the open history damaged while using it (SQLITE_CORRUPT, SQLITE_NOTADB)."""


def store_error(err: sqlite3.Error, path: Path) -> StoreError:
    """The StoreError subclass for an error SQLite raised while using the history at `path`.

    Chosen by SQLite's result code (https://sqlite.org/rescode.html), never by the message text,
    so callers can tell a full disk from a lock or damage without importing sqlite3.
    """
    name = getattr(err, "sqlite_errorname", "") or ""
    if name.startswith("SQLITE_FULL") or (name.startswith("SQLITE_IOERR") and "full" in str(err).lower()):
        return HistoryFull(f"{shown(path)}: the disk is full, so the score history could not be written")
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return HistoryLocked(f"{shown(path)}: another program is using the score history; try again in a moment")
    if name.startswith(tuple(CORRUPT_CODES)):
        return HistoryDamaged(f"{shown(path)}: the score history is damaged ({err}); run `quiz history restore`")
    return StoreError(f"{shown(path)}: the score history could not be written ({err})")


class DamagedDatabase(StoreError):
    """The history file is damaged; it was moved to `aside_path` and kept.

    `backup` names the backup `quiz history restore` would use (quiz.store.health.damaged finds
    it), None when there is none.
    """

    def __init__(self, path: Path, aside_path: Path, reason: str, backup: str | None = None) -> None:
        restore = f"run `quiz history restore` to restore the backup {backup}, or " if backup else ""
        super().__init__(
            f"{shown(path)}: the score history is damaged ({reason}). It was kept, unchanged, at "
            f"{shown(aside_path)}. To go on, {restore}just start quiz again for a fresh history."
        )
        self.path, self.aside_path, self.reason, self.backup = path, aside_path, reason, backup


class HistoryMissing(StoreError):
    """The history file was missing while a backup holds answers: a new, empty history was started
    in its place, and the backup `backup` (holding `answers`) is offered."""

    def __init__(self, path: Path, backup: Path, answers: int) -> None:
        held = f"{answers} answer" + ("" if answers == 1 else "s")
        super().__init__(
            f"{shown(path)}: the score history was missing, while the backup {backup.name} holds {held}. A new, "
            "empty history was started in its place; nothing was overwritten. Run `quiz history restore` "
            "to restore that backup (the new history is kept beside), or just start quiz again to go on "
            "with the new one."
        )
        self.path, self.backup, self.answers = path, backup, answers
