"""Health checks: a newer or damaged history is refused before anything writes to it, and a damaged
one (or one emptied outside quiz) is set aside, never overwritten.

Up to QUICK_CHECK_MAX_BYTES every open runs SQLite's quick_check; a larger file gets a structural
check at open (header, size, the root page of every table and index) and `verify` later.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import suppress
from pathlib import Path

from quiz.paths import history_db, os_path, shown
from quiz.schedule import utc
from quiz.store.backups import list_backups, most_answers_first
from quiz.store.connection import BUSY_TIMEOUT_MS, SIDE_FILES, SQLITE_MAGIC, history_file
from quiz.store.errors import CORRUPT_CODES, DamagedDatabase, StoreError
from quiz.store.outside import emptied
from quiz.store.schema import APPLICATION_ID, SCHEMA_VERSION, NewerDatabase, schema_gap

_BTREE_PAGE_TYPES = {2, 5, 10, 13}
QUICK_CHECK_MAX_BYTES = 32 * 1024 * 1024
"""Up to this size (about 70,000 answers) every open runs SQLite's quick_check, which reads every
page (about 0.1 s here). A larger file gets a structural check at open instead (header, size, the
root page of every table and index) and quick_check runs in the background: see verify()."""


def damaged(path: Path, aside: Path, reason: str) -> DamagedDatabase:
    """The error for the damaged history `path` (its name in the data folder, a link or not: the
    backups are in that folder), set aside at `aside`, naming the backup that `quiz history
    restore` would use (the one holding the most answers), if any."""
    best = most_answers_first(list_backups(path.parent))
    return DamagedDatabase(path, aside, reason, best[0].name if best else None)


def check_health(path: Path) -> bool:
    """Refuse a newer or damaged file before anything writes to it; a damaged one is moved aside.

    Returns whether the whole file was read (quick_check): true up to QUICK_CHECK_MAX_BYTES, and
    for a larger file with a -wal file that is not empty, whose structure alone says too little.
    A write-ahead log beside a missing or empty history is set aside with it (see
    `lost_log_reason`): SQLite would delete it on opening, and the answers in it with it.
    A linked history is checked where its file and side files are (history_file), and told as
    an unlinked one is: the backups named are those in the data folder, beside `path`.
    """
    named, path = path, history_file(path)
    wal = Path(f"{path}-wal")
    why_lost = lost_log_reason(path)
    if why_lost is not None:
        raise damaged(named, set_aside(path, "damaged"), why_lost)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return True
    thorough = size <= QUICK_CHECK_MAX_BYTES or (wal.exists() and wal.stat().st_size > 0)
    reason = damage(path, thorough=thorough) if size else None
    if reason is not None:
        aside = set_aside(path, "damaged")
        raise damaged(named, aside, reason)
    why_emptied = emptied(named)
    if why_emptied is not None:
        aside = set_aside(path, "emptied")
        raise damaged(named, aside, why_emptied)
    return thorough


WAL_HEADER_BYTES = 32
"""A write-ahead log's header (https://sqlite.org/fileformat2.html#walformat); frames follow it."""


def lost_log_reason(path: Path) -> str | None:
    """Why a log beside the history `path` would be lost on opening it, or None.

    SQLite deletes the -wal and the -journal of a database file that is missing or empty (0
    bytes) when it opens it. A -wal holds every answer given since the last checkpoint: one
    holding frames (longer than its header) beside a missing or empty history means the history
    was emptied or removed outside quiz. A -journal that holds more than an empty database's
    journal (holds_pages) is none of quiz's, but no more quiz's to delete. Either way the history
    and its side files are set aside together (set_aside). What another quiz creating the history
    right now leaves there (a -journal of an empty database, a -wal only once the file has its
    first page) is never mistaken for this.
    """
    path = history_file(path)  # SQLite keeps a linked history's logs beside the file it points to
    held = []
    wal, journal = Path(f"{path}-wal"), Path(f"{path}-journal")
    with suppress(FileNotFoundError):
        if (size := wal.stat().st_size) > WAL_HEADER_BYTES:
            held.append(f"{wal.name} beside it, SQLite's log of the latest answers, holds {size} bytes")
    with suppress(FileNotFoundError):
        if holds_pages(journal):
            held.append(f"{journal.name} beside it, a rollback journal, holds {journal.stat().st_size} bytes")
    if not held:
        return None
    try:
        if path.stat().st_size > 0:
            return None
        state = "the file is empty"
    except FileNotFoundError:
        state = "the file is missing"
    return f"{state}, while {' and '.join(held)}"


JOURNAL_HEADER_BYTES = 28
"""A rollback journal's header: magic, record count, nonce, the database's size in pages before
the change (bytes 16-19), sector size, page size (https://sqlite.org/fileformat2.html#rollbackjournal)."""


def holds_pages(journal: Path) -> bool:
    """Whether the rollback journal at `journal` may hold pages of a database. Not one SQLite is
    writing: shorter than a header, or its magic still zeros (SQLite writes it only once the rest
    is on disk, and never plays back such a journal); nor a journal of a database that had no
    pages (its header says 0), as SQLite writes while creating one. Anything else there, SQLite's
    or damaged, may. Raises FileNotFoundError when there is none."""
    with open(journal, "rb") as f:
        header = f.read(JOURNAL_HEADER_BYTES)
    if len(header) < JOURNAL_HEADER_BYTES or header[:8] == bytes(8):
        return False
    return not (header[:8] == JOURNAL_MAGIC and int.from_bytes(header[16:20], "big") == 0)


def damage(path: Path, *, thorough: bool = True) -> str | None:
    """Why the file at `path` is not a usable quiz history, or None; raises NewerDatabase.

    `thorough` runs quick_check, which reads the whole file; otherwise only its structure is checked.
    A file is newer only when it is quiz's (its application id), sound (quick_check, or its
    structure) and at a higher schema version; or, when this SQLite cannot read it (but does not
    find it corrupt), when its header says so (newer_in_header): a file a newer SQLite wrote for a
    newer quiz is not moved aside as damaged. Anything else unreadable (an SQLite header with
    other bytes after it) is damaged.
    """
    with open(path, "rb") as f:
        header = f.read(100)
    if header[:16] != SQLITE_MAGIC:
        return "not an SQLite database"
    newer = newer_in_header(header)
    # A newer quiz's file is read as it is (immutable): not even a -shm is made beside it.
    how = "mode=ro" if newer is None else "mode=ro&immutable=1"
    try:
        conn = sqlite3.connect(f"{os_path(path).as_uri()}?{how}", uri=True, isolation_level=None)
    except sqlite3.Error as err:
        if newer is not None:
            raise NewerDatabase(path, newer) from None
        raise StoreError(f"{shown(path)}: cannot read the score history ({err})") from None
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
        if app_id != APPLICATION_ID and (app_id != 0 or tables or version > SCHEMA_VERSION):
            return "an SQLite database, but not a quiz score history"
        if version <= SCHEMA_VERSION:
            gap = schema_gap(conn, version)
            if gap is not None:
                return f"not a usable quiz score history: {gap}"
        problem = _unsound(conn, path, header, thorough=thorough)
        if problem is None and version > SCHEMA_VERSION:
            raise NewerDatabase(path, version)
        return problem
    except sqlite3.DatabaseError as err:
        if err.sqlite_errorname in CORRUPT_CODES:
            return str(err)
        if newer is not None:  # what this SQLite cannot read, in a newer quiz's file, may be new
            raise NewerDatabase(path, newer) from None
        if err.sqlite_errorname == "SQLITE_READONLY_ROLLBACK":
            raise journal_in_the_way(path) from None
        raise StoreError(f"{shown(path)}: cannot read the score history ({err})") from None
    finally:
        conn.close()


def _unsound(conn: sqlite3.Connection, path: Path, header: bytes, *, thorough: bool) -> str | None:
    """What quick_check (`thorough`) or the structure (structure_damage) finds wrong, or None."""
    if not thorough:
        roots = [r[0] for r in conn.execute("SELECT rootpage FROM sqlite_schema WHERE rootpage > 0")]
        return structure_damage(path, header, roots)
    problems = [r[0] for r in conn.execute("PRAGMA quick_check")]
    return None if problems == ["ok"] else f"quick_check: {problems[0]}"


SQLITE_FIXED_HEADER = (21, b"\x40\x20\x20")
"""Where and what an SQLite header always holds: the payload fractions 64, 32 and 32
(https://sqlite.org/fileformat2.html#the_database_header)."""


def newer_in_header(header: bytes) -> int | None:
    """The schema version that the 100-byte header of an SQLite file says, when it is a header of
    quiz's (its application id at bytes 68-71, a possible page size, SQLite's fixed bytes) at a
    schema version above this quiz's (bytes 60-63); None otherwise: bytes that merely follow
    SQLite's magic say nothing of the version."""
    if len(header) < 100:
        return None
    version = int.from_bytes(header[60:64], "big", signed=True)
    if version <= SCHEMA_VERSION or int.from_bytes(header[68:72], "big", signed=True) != APPLICATION_ID:
        return None
    at, fixed = SQLITE_FIXED_HEADER
    return version if page_size(header) is not None and header[at : at + len(fixed)] == fixed else None


def page_size(header: bytes) -> int | None:
    """The page size an SQLite header gives (bytes 16-17; 1 means 65536), None if impossible."""
    size = int.from_bytes(header[16:18], "big")
    size = 65536 if size == 1 else size
    return None if size < 512 or size & (size - 1) else size


JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")
"""The first 8 bytes of an SQLite rollback journal (https://sqlite.org/fileformat2.html#rollbackjournal)."""


def journal_in_the_way(path: Path) -> StoreError:
    """The error for a rollback journal (-journal) beside the history `path` that SQLite would have
    to play back before reading it. quiz keeps its history in WAL mode and never writes one, so
    it is damaged or another program's; quiz neither plays it back (into a file it may not belong
    to) nor removes it, and says which file it is and what to do."""
    journal = Path(f"{path}-journal")
    try:
        with open(journal, "rb") as f:
            what = "an unfinished change another program left" if f.read(8) == JOURNAL_MAGIC else "damaged"
    except OSError:
        what = "unreadable"
    return StoreError(
        f"{shown(journal)}: the rollback journal beside the score history is {what}, so quiz cannot open "
        f"the history; nothing was changed, and your answers are still in {path.name}. quiz never "
        f"writes such a file: move {journal.name} out of {path.parent} (keep it until the history "
        "opens), then run quiz again"
    )


def structure_damage(path: Path, header: bytes, roots: list[int]) -> str | None:
    """What the header and the b-tree root pages say is wrong with the file, without reading it all.

    Catches a truncated file, a mangled header and a zeroed or overwritten table or index root;
    damage inside other pages is left to quick_check (verify) and to SQLite, which reports it when
    it reads such a page.
    """
    if len(header) < 100:
        return "the file is shorter than an SQLite header"
    page = page_size(header)
    if page is None:
        return f"impossible page size {int.from_bytes(header[16:18], 'big')}"
    size = path.stat().st_size
    pages = int.from_bytes(header[28:32], "big")
    if header[92:96] == header[24:28] and pages * page > size:
        return f"the file is truncated ({size} bytes; its header says {pages * page})"
    with open(path, "rb") as f:
        for root in roots:
            offset = (root - 1) * page + (100 if root == 1 else 0)
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
    return damage(path, thorough=True)


def set_aside(path: Path, why: str, *, link: bool = False) -> Path:
    """Rename the history `path` and every file SQLite wrote beside it (SIDE_FILES: its -wal, -shm
    and -journal, whatever they hold) to one new name beside it, `history.<why>-<UTC time>.db`
    (plus the same endings); return that name. Nothing is deleted: a -wal or -journal belongs to
    its own file alone (applied to another, it would mix two histories), so it goes where the file
    goes, and a -wal still holds the answers given since the last checkpoint. The side files go
    first, so a crash between the renames never leaves a log beside no file (SQLite would delete
    it). When `path` itself is missing only its side files are renamed, and the name returned is
    the first of them (the -wal if there is one).

    With `link` the history itself gets the new name as a hard link and keeps its own until the
    caller replaces it (a restore's os.replace): there is no moment without a history, so a
    restore killed at any point leaves the old history in place, or the new one; where the file
    system has no hard links it is renamed.

    A linked history is set aside where its file is (history_file), with that file's side files;
    the link stays, so the history made next is made through it, in the person's folder."""
    path = history_file(path)
    stem = utc().strftime("%Y%m%dT%H%M%SZ")
    n = 0
    while True:
        suffix = f"-{n}" if n else ""
        aside = path.with_name(f"{path.stem}.{why}-{stem}{suffix}{path.suffix}")
        if not any(_present(at) for at in (aside, *(Path(f"{aside}{end}") for end in SIDE_FILES))):
            break
        n += 1
    kept = []
    for end in SIDE_FILES:
        side = Path(f"{path}{end}")
        if _present(side):
            os.replace(side, f"{aside}{end}")
            kept.append(Path(f"{aside}{end}"))
    if _present(path):
        if not (link and _hard_linked(path, aside)):
            os.replace(path, aside)
        return aside
    return kept[0] if kept else aside


def _hard_linked(path: Path, name: Path) -> bool:
    """Whether `name` was made a hard link to the file `path`; False where the file system has
    none (FAT, exFAT, some network and sync folders) or refuses one."""
    try:
        os.link(path, name, follow_symlinks=False)
    except OSError:
        return False
    return True


def history_files(path: Path) -> list[Path]:
    """The history `path` (history_file: a link followed) and the files SQLite wrote beside it
    (SIDE_FILES) that are there."""
    path = history_file(path)
    return [at for at in (path, *(Path(f"{path}{end}") for end in SIDE_FILES)) if _present(at)]


def _present(path: Path) -> bool:
    """Whether something (a file, or a link, even a dangling one) has the name `path`."""
    return path.exists() or path.is_symlink()
