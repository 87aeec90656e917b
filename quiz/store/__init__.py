"""The score history: one SQLite file (stdlib sqlite3) with sessions, answers and per-fact state.

Every answer is committed the moment it is given, so a crash keeps everything answered before it
and two quiz processes can write at once. A damaged file is moved aside, never overwritten; a file
from a newer quiz is refused and left untouched. Nothing here logs or prints deck text or answers.

The modules, from the bottom up:

- errors: the StoreError family callers catch;
- schema: the migrations, and NewerDatabase for a file from a newer quiz;
- connection: a connection set up for writing (WAL, synchronous=FULL), or read-only;
- backups: the daily backups and what they hold; restore: putting one back (imported from
  there, as only a damaged history or `quiz history restore` needs it);
- place: the history's place refused when none can be kept there (a folder, a pipe, a link to
  nowhere, a read-only folder); health: the checks at open, and setting a damaged file aside;
  outside: a history emptied or replaced outside quiz; waiting: writes kept out by a lock;
- rows: the row types the queries return (figures: those of History's figures, imported from
  there when first built: Home needs none of them); queries: every read, with its SQL;
- store: Store, the open history (its queries and its writes).
"""

from __future__ import annotations

from quiz.store.backups import KEEP_BACKUPS, list_backups
from quiz.store.errors import (
    DamagedDatabase,
    HistoryDamaged,
    HistoryFull,
    HistoryLocked,
    HistoryMissing,
    StoreError,
)
from quiz.store.health import verify
from quiz.store.queries import OVERVIEW_DAYS
from quiz.store.rows import AnswerRow, DeckDue, DueCounts, FactState, SessionRow
from quiz.store.schema import SCHEMA_VERSION, NewerDatabase
from quiz.store.store import Store

__all__ = [
    "KEEP_BACKUPS",
    "OVERVIEW_DAYS",
    "SCHEMA_VERSION",
    "AnswerRow",
    "DeckDue",
    "DueCounts",
    "FactState",
    "SessionRow",
    "DamagedDatabase",
    "HistoryDamaged",
    "HistoryFull",
    "HistoryLocked",
    "HistoryMissing",
    "NewerDatabase",
    "Store",
    "StoreError",
    "list_backups",
    "verify",
]
