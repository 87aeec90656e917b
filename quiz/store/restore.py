"""Restoring a backup (`quiz history restore`): checked before anything moves, never leaving less than before."""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
from pathlib import Path
from typing import NamedTuple

from quiz.paths import backups_dir, ensure_private_dir, history_db, os_path, shown
from quiz.plural import plural
from quiz.store.backups import BACKUP_PREFIX, copy_database, coverage, is_history, list_backups, most_answers_first
from quiz.store.connection import SQLITE_MAGIC, history_file
from quiz.store.errors import HistoryLocked, StoreError, store_error
from quiz.store.health import damage, history_files, set_aside
from quiz.store.outside import note_parted
from quiz.store.place import refuse_unusable_place
from quiz.store.schema import NEW_LINE, migrate


class Restored(NamedTuple):
    """What a restore did: the backup it used and where the replaced history was kept."""

    backup: Path
    replaced: Path | None


def restore_backup(data_dir: Path, backup: Path | None = None, *, force: bool = False) -> Restored:
    """Replace the history with `backup` (default: the sound backup holding the most answers,
    the newest of those); the replaced history is kept beside it. Never leaves less than before:

    - a history that can be read and holds answers the backup lacks (more, or later ones) is
      not replaced unless `force` (HistoryNewer says how many each holds); a damaged one is;

    - the history itself (or its -wal) is refused as a backup, and so is a folder, a missing file
      or one that is not a regular file, each saying which;
    - unreadable or damaged backups are skipped (named in the error if none is sound);
    - the backup is copied next to the history and checked before anything is moved;
    - while another quiz has the history open, nothing is done (HistoryLocked);
    - a history that is a link is restored into the file it points to (history_file), the
      replaced one kept beside that file, and the link stays.

    Raises StoreError (HistoryLocked) with the reason; nothing was changed then.
    """
    root = ensure_private_dir(Path(data_dir))
    path = history_db(root)
    refuse_unusable_place(path, replacing=True)
    if backup is not None:
        backup = os_path(backup)
        if backup.is_dir():
            raise StoreError(
                f"{shown(backup)}: this is a folder, not a backup file; nothing was changed. Give one of the "
                f"backup files (named {BACKUP_PREFIX}<UTC time>.db, in {backups_dir(root)}), or leave "
                "--backup out to restore the sound backup holding the most answers"
            )
        if not backup.is_file():
            raise StoreError(
                f"{shown(backup)}: no such backup file" if not backup.exists() else f"{shown(backup)}: not a file"
            )
        if is_history(backup, path):
            raise StoreError(
                f"{shown(backup)}: this is the score history itself, not a backup; nothing was changed. "
                f"Backups are in {backups_dir(root)}"
            )
    candidates = [backup] if backup is not None else most_answers_first(list_backups(root))
    _refuse_if_open(path)
    real = history_file(path)  # a linked history is restored where its file is; the link stays
    fd, name = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".tmp", dir=real.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        chosen, problems = None, []
        for candidate in candidates:
            reason = _unusable(candidate) or _usable_copy(candidate, tmp, root)
            if reason is None:
                chosen = candidate
                break
            problems.append(f"{candidate.name}: {reason}")
        if chosen is None:
            detail = f" ({'; '.join(problems)})" if problems else ""
            raise StoreError(f"{backups_dir(root)}: no sound backup to restore{detail}; nothing was changed")
        if not force:
            _refuse_if_newer(path, chosen, named=backup is not None)
        replaced = set_aside(real, "replaced", link=True) if history_files(real) else None
        os.replace(tmp, real)  # the old history kept its name until now: a kill never leaves none
    except sqlite3.Error as err:
        raise store_error(err, path) from None
    finally:
        tmp.unlink(missing_ok=True)
    return Restored(chosen, replaced)


class HistoryNewer(StoreError):
    """The history in place holds answers the backup lacks; nothing was changed (restore with force)."""


def _refuse_if_newer(path: Path, backup: Path, *, named: bool) -> None:
    """Raise HistoryNewer when the history at `path` can be read (damage finds nothing wrong) and
    holds answers `backup` lacks (quiz.store.backups.coverage); `named`: the person gave the backup."""
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        if damage(path) is not None:
            return
    except StoreError:
        return  # unreadable, or a journal in the way: restoring over it keeps it aside, whole
    held = coverage(path, backup)
    if held is None or held.lacking == 0:
        return
    again = "quiz history restore" + (f" --backup {shown(backup)}" if named else "") + " --force"
    raise HistoryNewer(
        f"{shown(path)}: the score history holds {plural(held.history, 'answer')} and the backup {backup.name} "
        f"holds {plural(held.backup, 'answer')}: {plural(held.lacking, 'answer')} in the history "
        f"{'is' if held.lacking == 1 else 'are'} not in the backup. Nothing was changed. To replace the "
        f"history with the backup anyway (it is kept beside, as history.replaced-<time>.db), run `{again}`"
    )


def _usable_copy(backup: Path, tmp: Path, root: Path) -> str | None:
    """Copy the backup at `backup` to `tmp` and make it what quiz opens: migrated to this quiz's
    schema (quiz.store.schema.migrate: a file whose header says an older schema than its tables
    fails here, not after it took the history's place), with a line of its own; then checked as
    any history is at open (damage). Returns why it cannot be used, or None."""
    try:
        src = sqlite3.connect(f"{os_path(backup).as_uri()}?mode=ro", uri=True)
        try:
            copy_database(src, tmp)
        finally:
            src.close()
        conn = sqlite3.connect(tmp, isolation_level=None)
        try:
            migrate(conn, tmp)
        finally:
            conn.close()
        _start_new_line(tmp, root)
    except StoreError as err:
        return str(err)
    except sqlite3.Error as err:
        return f"quiz cannot use it ({err})"
    reason = _unusable(tmp)
    return None if reason is None else f"the copy of the backup did not check out ({reason})"


def _start_new_line(path: Path, root: Path) -> None:
    """Give the restored copy at `path` a line of its own (quiz.store.schema.NEW_LINE): the backups
    of the history it replaces, or of the one it was taken from, hold answers it lacks by the
    person's choice, and are not its own to be compared with (quiz.store.health.emptied); those
    in the data folder `root` are noted as parted from (quiz.store.outside.note_parted)."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        if conn.execute("SELECT 1 FROM sqlite_schema WHERE name = 'meta'").fetchone() is not None:
            conn.execute(f"INSERT OR REPLACE INTO meta (key, value) VALUES ('line', {NEW_LINE})")
            note_parted(conn, root)
    finally:
        conn.close()


def _unusable(path: Path) -> str | None:
    """Why the backup at `path` cannot be restored (unreadable, damaged, newer), or None."""
    try:
        return damage(os_path(path))
    except StoreError as err:
        return str(err)
    except OSError as err:
        return err.strerror or str(err)


def _refuse_if_open(path: Path) -> None:
    """Raise HistoryLocked if a connection (another quiz, or this process) has the history open.

    SQLite's own locks tell: in WAL mode every open connection holds a shared lock on the file's
    shared-lock bytes. Where the system can say so without opening the history (POSIX record
    locks, `held_by_sqlite`), nothing touches it: a connection opened to ask would, on closing,
    copy the -wal into the file and delete it, changing the file about to be kept unchanged.
    """
    try:
        with open(path, "rb") as f:
            if f.read(16) != SQLITE_MAGIC:
                return  # empty or not a database: nobody can be using it
    except FileNotFoundError:
        return
    held = held_by_sqlite(path)
    if held is None:  # no POSIX locks here (Windows): ask SQLite for an exclusive lock instead
        held = _exclusive_refused(path)
    if held:
        raise HistoryLocked(
            f"{shown(path)}: the score history is open in another quiz; close it there, then restore. "
            "Nothing was changed."
        )


SQLITE_LOCK_BYTES = (0x40000000, 512)
"""Where SQLite's unix VFS takes its locks on a database file: the pending byte, the reserved byte
and the 510 shared-lock bytes after them (os_unix.c: PENDING_BYTE, RESERVED_BYTE, SHARED_FIRST)."""
_FLOCK = "hhqqi4x"
"""Linux's struct flock: l_type, l_whence, l_start, l_len, l_pid, padded as the C struct is."""


def held_by_sqlite(path: Path) -> bool | None:
    """Whether any SQLite connection, in this process or another, holds a lock on the database
    `path`, asked of the system without opening it in SQLite; None where that cannot be asked
    (outside Linux, whose open-file-description lock test, F_OFD_GETLK, sees this process's own
    connections too)."""
    if sys.platform != "linux":
        return None
    import fcntl
    import struct

    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return None
    try:
        start, length = SQLITE_LOCK_BYTES
        answer = fcntl.fcntl(fd, fcntl.F_OFD_GETLK, struct.pack(_FLOCK, fcntl.F_WRLCK, os.SEEK_SET, start, length, 0))
        return bool(struct.unpack(_FLOCK, answer)[0] != fcntl.F_UNLCK)
    except OSError:
        return None
    finally:
        os.close(fd)


def _exclusive_refused(path: Path) -> bool:
    """Whether SQLite refuses this process an exclusive lock on the history (a connection has it open)."""
    conn = sqlite3.connect(path, isolation_level=None, timeout=0)
    try:
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("ROLLBACK")
    except sqlite3.Error as err:
        return (getattr(err, "sqlite_errorname", "") or "").startswith(("SQLITE_BUSY", "SQLITE_LOCKED"))
    finally:
        conn.close()
    return False
