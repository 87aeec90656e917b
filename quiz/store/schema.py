"""The history's schema: the migrations that build it, one transaction per step, and the version check.

A file from a newer quiz (user_version above SCHEMA_VERSION) is refused and left untouched.
"""

from __future__ import annotations

import functools
import sqlite3
from contextlib import suppress
from pathlib import Path

from quiz.paths import shown
from quiz.store.errors import StoreError

APPLICATION_ID = 0x51554959  # "QUIY": marks the file as a quiz score history

MIGRATIONS: list[str] = [
    # 1: sessions, answers and per-fact state, indexed for the history queries.
    """
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        deck_id TEXT NOT NULL,
        mode TEXT NOT NULL,
        deck_version TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        ended_early INTEGER NOT NULL DEFAULT 0,
        answered INTEGER NOT NULL DEFAULT 0,
        correct INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX sessions_by_deck ON sessions (deck_id, id);
    CREATE TABLE answers (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        session_id INTEGER NOT NULL REFERENCES sessions (id),
        deck_id TEXT NOT NULL,
        fact_id TEXT NOT NULL,
        deck_version TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        kind TEXT NOT NULL,
        response TEXT NOT NULL,
        correct INTEGER NOT NULL,
        rating INTEGER NOT NULL,
        response_ms INTEGER NOT NULL,
        answered_at TEXT NOT NULL,
        day TEXT NOT NULL,
        prior_state TEXT
    );
    CREATE INDEX answers_by_session ON answers (session_id, id);
    CREATE INDEX answers_by_fact ON answers (deck_id, fact_id, id);
    CREATE INDEX answers_by_deck_day ON answers (deck_id, day, correct);
    CREATE INDEX answers_by_day ON answers (day);
    CREATE TABLE fact_state (
        deck_id TEXT NOT NULL,
        fact_id TEXT NOT NULL,
        tries INTEGER NOT NULL,
        misses INTEGER NOT NULL,
        phase INTEGER NOT NULL,
        step INTEGER,
        stability REAL,
        difficulty REAL,
        due TEXT NOT NULL,
        last_review TEXT,
        PRIMARY KEY (deck_id, fact_id)
    ) WITHOUT ROWID;
    CREATE INDEX fact_state_by_due ON fact_state (deck_id, due);
    CREATE INDEX fact_state_by_due_all ON fact_state (due)
    """,
    # 2: a change counter, so a daily backup is taken only when something changed.
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
    INSERT INTO meta (key, value) VALUES
        ('generation', (SELECT count(*) > 0 FROM sessions)), ('backed_up', 0)
    """,
    # 3: how sure the learner was (certainty-based marking) and whether a typed answer was accepted
    # with a slip; every earlier answer keeps its row, with no certainty and no slip.
    """
    ALTER TABLE answers ADD COLUMN certainty INTEGER CHECK (certainty IN (1, 2, 3));
    ALTER TABLE answers ADD COLUMN slip INTEGER NOT NULL DEFAULT 0;
    -- When this file began (Unix seconds), so backups of an earlier history are not taken for its
    -- own. Only a history with no answers yet can say: an older one's start is unknown (no 'began').
    INSERT OR IGNORE INTO meta (key, value)
        SELECT 'began', CAST(strftime('%s', 'now') AS INTEGER) WHERE NOT EXISTS (SELECT 1 FROM answers)
    """,
    # 4: a visit a person prepares a deck for (quiz.visit), and how many questions a day until then.
    """
    CREATE TABLE deck_plan (
        deck_id TEXT PRIMARY KEY,
        visit TEXT NOT NULL,
        per_day INTEGER NOT NULL DEFAULT 10 CHECK (per_day BETWEEN 1 AND 200)
    ) WITHOUT ROWID
    """,
    # 5: how sure the learner was, per deck (calibration), read from an index alone instead of
    # every answer; only answers rated for certainty are in it.
    """
    CREATE INDEX IF NOT EXISTS answers_by_certainty ON answers (deck_id, certainty, correct) WHERE certainty IS NOT NULL
    """,
    # 6: fewer pages written with each answer (issue 21): the streak and the all-decks forecast
    # read the deck-first indexes (answers_by_deck_day, fact_state_by_due) one deck at a time, so
    # the day-only and due-only indexes, each written by every answer, go.
    """
    DROP INDEX IF EXISTS answers_by_day;
    DROP INDEX IF EXISTS fact_state_by_due_all
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)


NEW_LINE = "(random() & 9223372036854775807)"
"""SQL for a new history's line (meta 'line'): a random number, 0 to 2**63 - 1, that every backup
of the history copies. A history gets one when it is first opened (migrate), and a new one when
quiz restores a backup into its place (quiz.store.restore): so the backups of the same line are
its own (quiz.store.health.emptied compares it with them alone), and those of a history set aside
or left behind by a restore are not. Not in a migration: no schema change, and a history from
before it gets its line at its next open."""


class NewerDatabase(StoreError):
    """The history was written by a newer quiz; it is left exactly as it is."""

    def __init__(self, path: Path, version: int) -> None:
        super().__init__(
            f"{shown(path)}: this score history was written by a newer version of quiz "
            f"(schema {version}; this quiz understands up to {SCHEMA_VERSION}). "
            "Update quiz to use it; the file was not changed."
        )
        self.path, self.version = path, version


@functools.cache
def expected_columns(version: int) -> dict[str, frozenset[str]]:
    """{table: its columns} of a history at schema `version` (0 to SCHEMA_VERSION), as MIGRATIONS
    build it: set up in memory once per version."""
    conn = sqlite3.connect(":memory:")
    try:
        for migration in MIGRATIONS[:version]:
            conn.executescript(migration)
        return _columns(conn)
    finally:
        conn.close()


def _columns(conn: sqlite3.Connection) -> dict[str, frozenset[str]]:
    rows = conn.execute(
        "SELECT m.name, p.name FROM sqlite_schema AS m JOIN pragma_table_info(m.name) AS p "
        "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'"
    ).fetchall()
    tables: dict[str, set[str]] = {}
    for table, column in rows:
        tables.setdefault(table, set()).add(column)
    return {table: frozenset(columns) for table, columns in tables.items()}


def schema_gap(conn: sqlite3.Connection, version: int) -> str | None:
    """What the history open on `conn`, at schema `version`, lacks of the tables and columns quiz
    built for that version (expected_columns), or None: "the table answers is missing", say.
    A table or column more is not a gap (another tool may add one)."""
    have = _columns(conn)
    for table, columns in expected_columns(version).items():
        if table not in have:
            return f"the table {table} is missing"
        if columns - have[table]:
            return f"the table {table} lacks the column {min(columns - have[table])}"
    return None


def migrate(conn: sqlite3.Connection, path: Path) -> None:
    """Bring the schema up to date, one transaction per step; refuse a newer schema."""
    while True:
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise NewerDatabase(path, version)
            if version == SCHEMA_VERSION:
                conn.execute(f"INSERT OR IGNORE INTO meta (key, value) VALUES ('line', {NEW_LINE})")
                conn.execute("COMMIT")
                return
            for statement in MIGRATIONS[version].split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            with suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            raise
