"""Backups: daily copies of the history (SQLite's backup API) in the backups folder, and what they hold.

A backup is written whole under a temporary name and renamed; one process at a time writes one
(the backup lock). The newest KEEP_BACKUPS are kept, and beyond them the one holding the most
answers while it holds more than the history does.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import suppress
from datetime import UTC, datetime, timedelta
from pathlib import Path

from quiz.files import remove_stale_temps, try_lock
from quiz.paths import backups_dir, history_db
from quiz.schedule import utc
from quiz.store.connection import precreate_private, reading

KEEP_BACKUPS = 7
BACKUP_EVERY = timedelta(days=1)
BACKUP_PREFIX = "history-"
BACKUP_LOCK = ".backup.lock"
"""Held (quiz.files.try_lock) by the one process writing a backup; the others skip theirs."""
BACKUP_TEMPS = f".{BACKUP_PREFIX}*.tmp"


def list_backups(data_dir: Path) -> list[Path]:
    """The backups in `data_dir`, newest first."""
    folder = backups_dir(Path(data_dir))
    if not folder.is_dir():
        return []
    found = [p for p in folder.glob(f"{BACKUP_PREFIX}*.db") if backup_time_or_none(p)]
    return sorted(found, key=lambda p: p.name, reverse=True)


def backup_time_or_none(path: Path) -> datetime | None:
    """When the backup at `path` was taken, from its name (history-YYYYmmddTHHMMSSffffffZ.db); None if not so named."""
    stem = path.stem.removeprefix(BACKUP_PREFIX)
    try:
        return utc(datetime.strptime(stem + "+0000", "%Y%m%dT%H%M%S%fZ%z"))
    except ValueError:
        return None


def backup_time(path: Path) -> datetime:
    """When the backup at `path`, one list_backups returned, was taken (UTC)."""
    moment = backup_time_or_none(path)
    assert moment is not None  # list_backups returns only well-named files
    return moment



def answer_count(path: Path) -> int | None:
    """How many answers the quiz history or backup at `path` holds; None if it cannot be read."""
    try:
        with reading(path) as conn:
            return int(conn.execute("SELECT count(*) FROM answers").fetchone()[0])
    except sqlite3.Error:
        return None


def began(path: Path) -> datetime | None:
    """When the history at `path` was created (meta 'began'), or None if it does not say."""
    try:
        with reading(path) as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = 'began'").fetchone()
            return datetime.fromtimestamp(int(row[0]), UTC) if row else None
    except (sqlite3.Error, ValueError, OverflowError, OSError):
        return None



def most_answers_first(backups: list[Path]) -> list[Path]:
    """Backups by the answers they hold, most first, newest first among equals; unreadable last."""
    counts = {b: answer_count(b) for b in backups}
    return sorted(backups, key=lambda b: (counts[b] is not None, counts[b] or 0, b.name), reverse=True)



def remove_history_temps(root: Path) -> None:
    """Remove the temporary files left by a backup or restore that died (a kill, a full disk).

    A backup's are removed only under the backup lock, so one being written now is never touched.
    """
    folder = backups_dir(root)
    if folder.is_dir():
        with suppress(OSError), try_lock(folder / BACKUP_LOCK) as mine:
            if mine:
                remove_stale_temps(folder, BACKUP_TEMPS, older_than=0)
    remove_stale_temps(root, f".{history_db(root).name}.*.tmp")



def copy_database(source: sqlite3.Connection, target: Path) -> None:
    """Copy a whole database into a new private single file at `target` with the backup API."""
    with suppress(FileNotFoundError):
        target.unlink()
    precreate_private(target)
    dest = sqlite3.connect(target, isolation_level=None)
    try:
        source.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()



def write_backup(conn: sqlite3.Connection, root: Path, folder: Path, now: datetime | None) -> Path:
    """Write a backup of the history open on `conn` into `folder` while holding the backup lock
    (so every temporary backup left there is stale), then rotate; return the new file."""
    remove_stale_temps(folder, BACKUP_TEMPS, older_than=0)
    name = f"{BACKUP_PREFIX}{utc(now).strftime('%Y%m%dT%H%M%S%fZ')}.db"
    final = folder / name
    tmp = folder / f".{name}.tmp"
    try:
        copy_database(conn, tmp)
        os.replace(tmp, final)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    rotate(conn, root)
    return final


def rotate(conn: sqlite3.Connection, root: Path) -> None:
    """Keep the newest KEEP_BACKUPS backups, and beyond them the one holding the most answers
    while it holds more than the history does now (so a history emptied outside quiz never
    costs the last backup of the answers)."""
    backups = list_backups(root)
    if len(backups) <= KEEP_BACKUPS:
        return
    counts = {b: answer_count(b) or 0 for b in backups}
    best = max(backups, key=lambda b: (counts[b], b.name))
    (have,) = conn.execute("SELECT count(*) FROM answers").fetchone()
    for old in backups[KEEP_BACKUPS:]:
        if old == best and counts[best] > have:
            continue
        old.unlink(missing_ok=True)
