"""Backups: daily copies of the history (SQLite's backup API) in the backups folder, and what they hold.

A backup is written whole under a temporary name and renamed; one process at a time writes one
(the backup lock). The newest KEEP_BACKUPS are kept; an older one only while it holds answers no
kept file holds (rotate says how that is told).
"""

from __future__ import annotations

import glob
import os
import re
import sqlite3
from contextlib import suppress
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import NamedTuple

from quiz.files import remove_stale_temps, same_file
from quiz.locks import try_lock
from quiz.paths import backups_dir, history_db, os_path
from quiz.schedule import utc
from quiz.store.connection import SIDE_FILES, history_file, precreate_private, reading
from quiz.store.errors import CORRUPT_CODES

KEEP_BACKUPS = 7
BACKUP_EVERY = timedelta(days=1)
BACKUP_PREFIX = "history-"
BACKUP_LOCK = ".backup.lock"
"""Held (quiz.files.try_lock) by the one process writing a backup; the others skip theirs."""
BACKUP_TEMPS = f".{BACKUP_PREFIX}*.tmp"


def list_backups(data_dir: Path, now: datetime | None = None) -> list[Path]:
    """The backups in `data_dir`, newest first by the time in their names; those named later than
    `now` (default: the clock now) last, newest first among them.

    A name in the future was given while the clock was ahead (a wrong date, a dead clock battery):
    it is no newer than the backups taken since, so it never counts as the last backup (backup_due
    would wait for its date) nor is kept in rotation as one of the newest at their expense.

    A file named as a backup that is the history itself (a link or hard link to it, is_history) is
    no backup: restored from, it would replace the history with itself and call that a restore.
    """
    folder = backups_dir(Path(data_dir))
    if not folder.is_dir():
        return []
    history = history_db(Path(data_dir))
    found = [p for p in folder.glob(f"{BACKUP_PREFIX}*.db") if backup_time_or_none(p) and not is_history(p, history)]
    newest_first = sorted(found, key=lambda p: p.name, reverse=True)
    moment = utc(now)
    return sorted(newest_first, key=lambda p: backup_time(p) > moment)  # stable: newest first in each


def is_history(candidate: Path, history: Path) -> bool:
    """Whether `candidate` is the history at `history` or one of its -wal, -shm or -journal files,
    by name, link or hard link (quiz.files.same_file)."""
    return any(same_file(candidate, own) for own in (history, *(Path(f"{history}{extra}") for extra in SIDE_FILES)))


def backups_stale(data_dir: Path, now: datetime | None = None) -> bool:
    """Whether the newest backup in `data_dir` is BACKUP_EVERY old by `now` (default: the clock
    now), or there is none; one named later than `now` does not count (list_backups)."""
    moment = utc(now)
    taken = [backup_time(b) for b in list_backups(data_dir, moment)]
    return not any(moment - BACKUP_EVERY < t <= moment for t in taken)


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


def line(path: Path) -> int | None:
    """The line of the history or backup at `path` (meta 'line', quiz.store.schema.NEW_LINE), or
    None if it has none (a backup from before lines, an empty file) or cannot be read."""
    try:
        with reading(path) as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = 'line'").fetchone()
            return int(row[0]) if row else None
    except (sqlite3.Error, ValueError):
        return None


def last_answer_id(path: Path) -> int | None:
    """The highest answer id of the history or backup at `path` (0 with none), read from the index's
    end at once; None if it cannot be read. No more answers than that: ids count up from 1 and are
    never reused (answer_count counts them, a walk over every row)."""
    try:
        with reading(path) as conn:
            return int(conn.execute("SELECT coalesce(max(id), 0) FROM answers").fetchone()[0])
    except sqlite3.Error:
        return None


def lineage(path: Path) -> tuple[int | None, datetime | None]:
    """What says which history the file at `path` belongs to: its line (meta 'line') and its start
    ('began'), read once for comparing with many backups (same_history)."""
    return line(path), began(path)


def same_history(own: tuple[int | None, datetime | None], backup: Path) -> bool:
    """Whether `backup` is a backup of the history whose lineage is `own` (or of its line before it
    was emptied): the same line, or where either has none, the same start ('began'); a history that
    says neither (an empty file, an empty SQLite database) is compared with every backup."""
    own_line, own_start = own
    theirs = line(backup)
    if own_line is not None and theirs is not None:
        return own_line == theirs
    return own_start is None or began(backup) == own_start


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
    """Remove the temporary files left by a backup, restore or CSV export that died (a kill, a full disk).

    A backup's are removed only under the backup lock, so one being written now is never touched.
    """
    folder = backups_dir(root)
    if folder.is_dir():
        with suppress(OSError), try_lock(folder / BACKUP_LOCK) as mine:
            if mine:
                remove_stale_temps(folder, BACKUP_TEMPS, older_than=0)
    remove_stale_temps(root)  # a restore's, an export's (quiz.files.write_atomic's temp_folder)
    real = history_file(history_db(root))
    remove_stale_temps(real.parent, f".{glob.escape(real.name)}.*.tmp")



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
    rotate(conn, root, now)
    return final


AnswerKey = tuple[int, int, str, str, str, str]
"""One answer as rotation tells it apart: its ANSWER_KEY columns."""
ANSWER_KEY = ("id", "session_id", "deck_id", "fact_id", "answered_at", "response")

_END_ANSWER = f"SELECT {', '.join(ANSWER_KEY)} FROM answers ORDER BY id {{}} LIMIT 1"


def first_and_last_answer(conn: sqlite3.Connection) -> tuple[AnswerKey, AnswerKey] | None:
    """The history's first and last answer (lowest and highest id), or None if it holds none.

    Raises sqlite3.Error when the file cannot be read (or is not a quiz history).
    """
    first = conn.execute(_END_ANSWER.format("ASC")).fetchone()
    if first is None:
        return None
    return tuple(first), tuple(conn.execute(_END_ANSWER.format("DESC")).fetchone())  # type: ignore[return-value]


def holds_answer(conn: sqlite3.Connection, answer: AnswerKey) -> bool:
    """Whether the history open on `conn` holds `answer` (same id, session, deck, fact, time and response)."""
    row = conn.execute(
        f"SELECT 1 FROM answers WHERE {' AND '.join(f'{column} = ?' for column in ANSWER_KEY)}", answer
    ).fetchone()
    return row is not None


class Coverage(NamedTuple):
    """How a backup covers a history: the answers each holds, and how many of the history's the
    backup lacks (answers told apart as rotation does: AnswerKey)."""

    history: int
    backup: int
    lacking: int


def coverage(history: Path, backup: Path) -> Coverage | None:
    """How the backup at `backup` covers the history at `history` (read only: neither changes);
    None when either cannot be read as a quiz history (a damaged, empty or foreign file)."""
    same = " AND ".join(f"b.{column} IS a.{column}" for column in ANSWER_KEY)
    try:
        with reading(history) as conn:
            conn.execute("ATTACH DATABASE ? AS backup", (f"{os_path(backup).as_uri()}?mode=ro",))
            have = conn.execute("SELECT count(*) FROM main.answers").fetchone()[0]
            had = conn.execute("SELECT count(*) FROM backup.answers").fetchone()[0]
            lacking = conn.execute(
                f"SELECT count(*) FROM main.answers AS a WHERE NOT EXISTS "
                f"(SELECT 1 FROM backup.answers AS b WHERE {same})"
            ).fetchone()[0]
            return Coverage(int(have), int(had), int(lacking))
    except (sqlite3.Error, OSError):
        return None


def continues(conn: sqlite3.Connection, ends: tuple[AnswerKey, AnswerKey]) -> bool:
    """Whether the history open on `conn` continues the one whose first and last answer are `ends`:
    it holds both, so it is the same history (answer ids are never reused: AUTOINCREMENT) at or
    after the moment the last was recorded, and holds every answer between them that quiz did not
    take back (undo). An error reading it counts as not."""
    try:
        return holds_answer(conn, ends[0]) and holds_answer(conn, ends[1])
    except sqlite3.Error:
        return False


def rotate(conn: sqlite3.Connection, root: Path, now: datetime | None = None) -> None:
    """Remove the old backups whose answers a kept file holds too; never one with answers no other has.

    The newest KEEP_BACKUPS backups are kept. Each older one, newest first, is removed when the
    history open on `conn` or a backup kept so far continues it (see `continues`), when it holds
    no answers, or when SQLite finds it damaged (restore could not use it); otherwise it is kept.
    So of a history that was set aside (damaged or emptied, then started afresh) or replaced by a
    restore, the newest backup is kept however many newer backups there are, one file per such
    fresh start, and the older backups of it go. A backup that cannot be read for another reason
    (it cannot be opened, it is busy) is kept and looked at again at the next rotation.

    Not by answer counts: a fresh history soon holds more answers than the backup of the old one,
    and none of the same. Not by the history's start ('began', see `began`): it is to the second,
    missing from histories older than schema 3, and a history restored from an older backup shares
    it while it goes its own way. What this does not see: answers deleted by hand from the middle
    of a history that still holds its first and last. A backup named later than `now` (the clock
    was ahead) is among the old ones, whatever its name says (list_backups).
    """
    backups = list_backups(root, now)
    kept = backups[:KEEP_BACKUPS]
    for old in backups[KEEP_BACKUPS:]:
        try:
            with reading(old) as reader:
                ends = first_and_last_answer(reader)
        except sqlite3.DatabaseError as err:
            if err.sqlite_errorname not in CORRUPT_CODES:
                kept.append(old)
                continue
            ends = None
        except (sqlite3.Error, OSError):
            kept.append(old)
            continue
        if ends is None or continues(conn, ends) or any(_continues_file(b, ends) for b in kept):
            old.unlink(missing_ok=True)
        else:
            kept.append(old)


def _continues_file(path: Path, ends: tuple[AnswerKey, AnswerKey]) -> bool:
    """`continues` for the backup at `path`; False if it cannot be read."""
    try:
        with reading(path) as reader:
            return continues(reader, ends)
    except (sqlite3.Error, OSError):
        return False


def never_written(root: Path) -> list[tuple[Path, str]]:
    """What in the data folder `root` holds answers, which no command writing a file the person
    named ever writes over, even with --force (quiz.files.check_output's `keep`), each with what
    it is: the history, the files SQLite keeps beside it (SIDE_FILES, there or not), the
    histories quiz set aside (quiz.store.health.set_aside: `history.<why>-<time>.db` and their
    side files), and the backups folder, with anything in it.

    When the history is a link, all this both beside the link and beside the file it points to
    (quiz.store.health.history_file: SQLite keeps the side files there, and quiz sets it aside
    there); check_output follows any other link or hard link to these."""
    kept: list[tuple[Path, str]] = []
    for path in dict.fromkeys((history_db(root), history_file(history_db(root)))):
        kept.append((path, "the score history"))
        kept += [(Path(f"{path}{end}"), "a file SQLite keeps beside the score history") for end in SIDE_FILES]
        with suppress(OSError):
            kept += [(aside, "a score history quiz set aside")
                     for aside in path.parent.glob(f"{glob.escape(path.stem)}.*{glob.escape(path.suffix)}*")]
    kept.append((backups_dir(root), "the folder of quiz's backups of the score history"))
    return kept



TOLD_ASIDE = ("damaged", "emptied")
"""Why quiz sets a history aside when it tells the person, then, which backup holds its answers
(quiz.store.health.check_health): a history missing after that is the fresh start it offered. Not
a restore's ("replaced"): the restored copy takes the history's place at once, so a history missing
after one was lost since (the restore killed between its two renames, the file deleted later)."""


def last_set_aside(real: Path, reasons: tuple[str, ...]) -> int | None:
    """When (st_ctime_ns: a rename sets it) quiz last set aside the history file `real` for one of
    `reasons` (quiz.store.health.set_aside: `history.<why>-<UTC time>.db`, or `...-<n>.db` when that
    name was taken, and its side files), by the file system's clock; None if no such file is there."""
    named = re.compile(rf"\.(?:{'|'.join(reasons)})-\d{{8}}T\d{{6}}Z(?:-\d+)?\.")
    with suppress(OSError):
        aside = real.parent.glob(f"{glob.escape(real.stem)}.*-*")
        times = [p.stat().st_ctime_ns for p in aside if named.search(p.name)]
        return max(times, default=None)
    return None


def missing_history(path: Path) -> tuple[Path, int] | None:
    """(the backup holding the most answers, how many) when the history `path` is missing while a
    backup holds answers, or None. Backups already there when quiz last set a history aside and
    told of it (TOLD_ASIDE, damaged or emptied: it said then which backup holds the answers, and
    that starting again begins a fresh history) do not count, by the file system's clock (st_ctime:
    a rename sets it), never by the times in their names, which another clock may have given.
    A history a restore set aside is no such file: nothing was told."""
    real = history_file(path)  # a link to a missing file is a missing history; set aside beside that file
    if real.exists():
        return None
    backups = list_backups(path.parent)
    told = last_set_aside(real, TOLD_ASIDE)
    if told is not None:
        with suppress(OSError):
            backups = [b for b in backups if b.stat().st_ctime_ns > told]
    for backup in most_answers_first(backups)[:1]:
        count = answer_count(backup) or 0
        if count:
            return backup, count
    return None
