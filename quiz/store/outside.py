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
from quiz.store.backups import (
    TOLD_ASIDE,
    answer_count,
    last_answer_id,
    last_set_aside,
    line,
    lineage,
    list_backups,
    same_history,
)
from quiz.store.connection import history_file, reading

EMPTIED_RATIO = 2
"""A history holding fewer than 1/EMPTIED_RATIO of the answers of a backup of its own was emptied
outside quiz (rows deleted by hand): it is set aside, not taken as new."""


COUNT_UNDO = "INSERT INTO meta (key, value) VALUES ('undone', 1) ON CONFLICT (key) DO UPDATE SET value = value + 1"
"""SQL counting, in the transaction of an undo (quiz.store.Store.undo_last), one answer quiz took
back: meta 'undone', which every backup copies. An undo after a backup (another quiz's daily one,
taken while a session runs) leaves the history fewer answers than the backup, by quiz's own doing."""


PARTED = "parted-"
"""meta keys `parted-<line>`: the lines of the backups in the data folder when quiz made this
history (the person was told of the one before: missing, or set aside) or restored it
(quiz.store.restore): their backups hold answers it lacks by the person's choice, so they are no
sign of another history put in its place (emptied)."""


def note_parted(conn: sqlite3.Connection, data_dir: Path) -> None:
    """Note in the history open on `conn` the lines of the backups in `data_dir` (PARTED)."""
    lines = {n for backup in list_backups(data_dir) if (n := line(backup)) is not None}
    conn.executemany(
        "INSERT OR IGNORE INTO meta (key, value) VALUES (?, 1)", [(f"{PARTED}{n}",) for n in sorted(lines)]
    )


def not_yet_made(path: Path) -> bool:
    """Whether the history `path` (a link followed) is still to be made: missing, or an empty file."""
    real = history_file(path)
    return not real.exists() or real.stat().st_size == 0


def parted(path: Path) -> set[int]:
    """The lines the history at `path` parted from knowingly (PARTED); empty if it cannot be read."""
    try:
        with reading(path) as conn:
            if conn.execute("SELECT 1 FROM sqlite_schema WHERE name = 'meta'").fetchone() is None:
                return set()
            keys = conn.execute("SELECT key FROM meta WHERE key LIKE ?", (f"{PARTED}%",)).fetchall()
    except sqlite3.Error:
        return set()
    return {int(k.removeprefix(PARTED)) for (k,) in keys if k.removeprefix(PARTED).isdecimal()}  # int() reads these


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

    Backups of its own line (quiz.store.backups.same_history) count when one holds
    - an answer with an id above the highest the history ever gave (Held.given): answers given
      after the history's last, so it is an older copy of itself (or an empty file or database)
      put in its place, whatever the counts; a history that simply went on past the backup has
      given every id the backup holds, and an undo lowers no counter;
    - or, but for the answers quiz took back since it was taken (Held.undone, less the backup's
      own count), more than EMPTIED_RATIO times the answers the history holds: rows deleted by hand.
    A backup of another line counts when it holds more answers than the history and nothing
    explains the fresh start: quiz did not make or restore this history knowing of that line
    (PARTED), and set aside no history (damaged, emptied or replaced) after the backup was
    written; so another history (an empty one another computer's quiz made, another person's) put
    in its place by a sync tool or a copy is told, as an emptied one is.
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
    had, largest, beyond, other = 0, None, False, False
    own, known, aside = lineage(real), parted(real), last_set_aside(real, (*TOLD_ASIDE, "replaced"))
    for backup in backups:
        last = last_answer_id(backup) or 0
        if not same_history(own, backup):
            if last > max(had, have.answers) and not _explained(backup, known, aside):
                count = answer_count(backup) or 0
                if count > max(had, have.answers):
                    had, largest, beyond, other = count, backup, False, True
            continue
        if last <= max(had, min(have.given, have.answers * EMPTIED_RATIO)):
            continue  # it holds no more answers than its last id: it cannot be the one that says so
        count = answer_count(backup) or 0
        kept = count - max(0, have.undone - _undone(backup))  # what the history should still hold of them
        if count > had and (last > have.given or kept > have.answers * EMPTIED_RATIO):
            had, largest, beyond, other = count, backup, last > have.given, False
    if largest is None:
        return None
    if real.stat().st_size == 0:
        what = "it is empty"
    else:
        what = "it holds no answers" if have.answers == 0 else f"it holds {plural(have.answers, 'answer')}"
    why = f"{what}, while the backup {largest.name} holds {plural(had, 'answer')}"
    if other and real.stat().st_size:
        why += ", and it is not the history the backup was taken of: another one was put in its place"
    elif beyond and have.answers:
        why += ", some given after its last: an older copy of it was put in its place"
    return why


def _explained(backup: Path, known: set[int], aside: int | None) -> bool:
    """Whether a fresh start explains a history lacking the answers of `backup`, of another line:
    quiz made or restored the history knowing of that line (`known`, PARTED), or set a history
    aside (at st_ctime_ns `aside`) after the backup was written."""
    if line(backup) in known:
        return True
    try:
        return aside is not None and backup.stat().st_ctime_ns <= aside
    except OSError:
        return True
