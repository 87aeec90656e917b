"""A history emptied or replaced outside quiz, told by the answers it holds beside its own backups.

Answers are only ever added to a history (but for an undo, which takes back its session's last
answer), so a history lacking answers a backup of its own holds was changed by something else: rows
deleted by hand, an empty file or database put in its place, or an older copy of it restored by a
sync tool or by hand. quiz.store.health.check_health sets such a history aside and names the backup.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import NamedTuple

from quiz.plural import plural
from quiz.store.backups import answer_count, last_answer_id, lineage, list_backups, same_history
from quiz.store.connection import history_file, reading

EMPTIED_RATIO = 2
"""A history holding fewer than 1/EMPTIED_RATIO of the answers of a backup of its own was emptied
outside quiz (rows deleted by hand): it is set aside, not taken as new."""


COUNT_UNDO = "INSERT INTO meta (key, value) VALUES ('undone', 1) ON CONFLICT (key) DO UPDATE SET value = value + 1"
"""SQL counting, in the transaction of an undo (quiz.store.Store.undo_last), one answer quiz took
back: meta 'undone', which every backup copies. An undo after a backup (another quiz's daily one,
taken while a session runs) leaves the history fewer answers than the backup, by quiz's own doing."""


class Held(NamedTuple):
    """What a history holds: its answers, the highest answer id it ever gave (SQLite's
    AUTOINCREMENT counter, sqlite_sequence, which neither an undo nor a deletion lowers), and how
    many answers quiz ever took back (meta 'undone', COUNT_UNDO)."""

    answers: int
    given: int
    undone: int = 0


def held(path: Path) -> Held | None:
    """What the history file at `path` holds (Held): (0, 0) for an empty file or an SQLite database
    with no answers table yet (one quiz has not set up); None if it cannot be read."""
    if path.stat().st_size == 0:
        return Held(0, 0)
    try:
        with reading(path) as conn:
            if conn.execute("SELECT 1 FROM sqlite_schema WHERE name = 'answers'").fetchone() is None:
                return Held(0, 0)
            count, top = conn.execute("SELECT count(*), coalesce(max(id), 0) FROM answers").fetchone()
            seq = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'answers'").fetchone()
            return Held(int(count), max(int(top), int(seq[0]) if seq else 0), undone_in(conn))
    except (sqlite3.Error, ValueError, TypeError):
        return None


def undone_in(conn: sqlite3.Connection) -> int:
    """How many answers quiz took back from the history or backup open on `conn` (COUNT_UNDO); 0
    when it does not say (no meta table, or from before quiz counted them)."""
    if conn.execute("SELECT 1 FROM sqlite_schema WHERE name = 'meta'").fetchone() is None:
        return 0
    row = conn.execute("SELECT value FROM meta WHERE key = 'undone'").fetchone()
    return int(row[0]) if row else 0


def _undone(path: Path) -> int:
    """undone_in for the backup at `path`; 0 if it cannot be read."""
    try:
        with reading(path) as conn:
            return undone_in(conn)
    except (sqlite3.Error, ValueError, TypeError):
        return 0


def emptied(path: Path) -> str | None:
    """Why the history `path` (its name in the data folder, a link or not: the backups are in that
    folder, the file read is the one it links to) looks emptied or replaced outside quiz, or None.

    Only backups of its own line count (quiz.store.backups.same_history: those of a history set
    aside before a fresh start, or left behind by a restore, which gives the history a new line,
    are not its own). Of those, one that holds
    - an answer with an id above the highest the history ever gave (Held.given): answers given
      after the history's last, so it is an older copy of itself (or an empty file or database)
      put in its place, whatever the counts; a history that simply went on past the backup has
      given every id the backup holds, and an undo lowers no counter;
    - or, but for the answers quiz took back since it was taken (Held.undone, less the backup's
      own count), more than EMPTIED_RATIO times the answers the history holds: rows deleted by hand.
    The reason names the one of these holding the most answers. By answers, never by size: rows
    deleted by hand leave the file its size, and an empty SQLite database is a few pages. Call it
    once `damage` found nothing wrong; a history that cannot be read now is not judged (None).
    """
    backups = list_backups(path.parent)
    if not backups:
        return None
    real = history_file(path)
    have = held(real)
    if have is None:
        return None
    had, largest, beyond = 0, None, False
    own = lineage(real)
    for backup in backups:
        last = last_answer_id(backup) or 0
        if last <= max(had, min(have.given, have.answers * EMPTIED_RATIO)) or not same_history(own, backup):
            continue  # it holds no more answers than its last id: it cannot be the one that says so
        count = answer_count(backup) or 0
        kept = count - max(0, have.undone - _undone(backup))  # what the history should still hold of them
        if count > had and (last > have.given or kept > have.answers * EMPTIED_RATIO):
            had, largest, beyond = count, backup, last > have.given
    if largest is None:
        return None
    if real.stat().st_size == 0:
        what = "it is empty"
    else:
        what = "it holds no answers" if have.answers == 0 else f"it holds {plural(have.answers, 'answer')}"
    why = f"{what}, while the backup {largest.name} holds {plural(had, 'answer')}"
    if beyond and have.answers:
        why += ", some given after its last: an older copy of it was put in its place"
    return why
