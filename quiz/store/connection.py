"""Connections to a history file: set up for writing (WAL, synchronous=FULL), or read-only.

Every answer is committed the moment it is given (WAL, synchronous=FULL, one BEGIN IMMEDIATE
transaction per write), so a crash keeps everything answered before it and two quiz processes
can write at once.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from quiz.paths import FILE_MODE, os_path, shown
from quiz.store.errors import StoreError
from quiz.store.schema import migrate

BUSY_TIMEOUT_MS = 10_000
SQLITE_MAGIC = b"SQLite format 3\x00"
SIDE_FILES = ("-wal", "-shm", "-journal")
"""The endings of the files SQLite writes beside a database (write-ahead log, its index, rollback journal)."""


def prepare(conn: sqlite3.Connection, path: Path) -> None:
    """Set the connection up (WAL, synchronous=FULL, no automatic checkpoint) and migrate the schema.

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
                raise StoreError(f"{shown(path)}: cannot switch the score history to WAL ({mode})")
            conn.execute("PRAGMA synchronous = FULL")
            # No automatic checkpoint: SQLite's (every 1,000 WAL pages, about every 85th answer) ran
            # inside the commit of whichever answer crossed the line, the slowest 1% of answers.
            # Store.checkpoint runs instead when a session ends, every CHECKPOINT_EVERY seconds
            # while the app runs, and on close. Each answer is durable at its commit either way.
            conn.execute("PRAGMA wal_autocheckpoint = 0")
            conn.execute("PRAGMA cache_size = -500")
            conn.execute("PRAGMA foreign_keys = ON")
            migrate(conn, path)
            return
        except sqlite3.OperationalError as err:
            if err.sqlite_errorname not in ("SQLITE_BUSY", "SQLITE_LOCKED") or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


@contextmanager
def reading(path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection to the database at `path`; raises sqlite3.Error if it cannot open."""
    conn = sqlite3.connect(f"{os_path(path).as_uri()}?mode=ro", uri=True, isolation_level=None)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        yield conn
    finally:
        conn.close()


def precreate_private(path: Path) -> None:
    """Create the file 0600 before SQLite does, so its -wal and -shm inherit that mode."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, FILE_MODE)
    try:
        if os.fstat(fd).st_mode & 0o777 != FILE_MODE:
            os.fchmod(fd, FILE_MODE)
    finally:
        os.close(fd)


def history_file(path: Path) -> Path:
    """The file the history `path` is: the file its link (or chain of links) points to, there or
    not yet, where SQLite opens it and keeps its side files; `path` itself when it is no link.
    Whatever renames or replaces the history acts on this, never on the link."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path
