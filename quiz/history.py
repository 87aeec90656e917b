"""Read-only queries over the score history; the rows they return are named tuples (immutable, cheap to define).

Every function takes an open sqlite3 connection to a migrated history database; Store wraps them.
Days are the person's calendar days (quiz.schedule.local_day); each answer also stores its UTC day,
which per-day queries use to narrow by index before grouping by the local day.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterator
from datetime import date, datetime, timedelta
from typing import NamedTuple

from quiz.schedule import CardState, Phase, Scheduler, days_ahead, local_day, utc


class SessionRow(NamedTuple):
    """One study session: one deck in one mode, with its running counts."""

    id: int
    deck_id: str
    mode: str
    deck_version: str
    started_at: datetime
    finished_at: datetime | None
    ended_early: bool
    answered: int
    correct: int


class AnswerRow(NamedTuple):
    """One answer as stored (prior_state is the fact's scheduling state before it, for undo)."""

    id: int
    session_id: int
    deck_id: str
    fact_id: str
    deck_version: str
    content_hash: str
    kind: str
    response: str
    correct: bool
    rating: int
    response_ms: int
    answered_at: datetime
    certainty: int | None = None
    """How sure the learner said they were (quiz.certainty.Certainty), None when not asked."""
    slip: bool = False
    """A typed answer accepted with a one-letter slip."""


class FactState(NamedTuple):
    """What the store knows about one fact: its tries, misses and scheduling state."""

    deck_id: str
    fact_id: str
    tries: int
    misses: int
    card: CardState


class DayAccuracy(NamedTuple):
    """Answers and right answers on one UTC day."""

    day: date
    answered: int
    correct: int


class FactScore(NamedTuple):
    """How often a fact was tried and missed."""

    fact_id: str
    tries: int
    misses: int


class Mastery(NamedTuple):
    """How many of a deck's facts are recalled with at least the target probability."""

    facts: int
    mastered: int

    @property
    def share(self) -> float:
        """The mastered share, 0.0 for a deck with no facts."""
        return self.mastered / self.facts if self.facts else 0.0


class DeckSummary(NamedTuple):
    """A deck's history at a glance, from stored data alone (no deck file needed)."""

    deck_id: str
    sessions: int
    answered: int
    correct: int
    last_studied: datetime | None
    facts_seen: int
    due_now: int
    mastered: int


class Overview(NamedTuple):
    """Everything the History screen shows for one deck (or all of them), read in one go."""

    sessions: list[SessionRow]
    per_day: dict[date, tuple[int, int]]
    streak: int
    weakest: list[tuple[str, list[FactScore]]]
    forecast: list[tuple[date, int]]
    due_now: int = 0
    """How many of the forecast's first day are due now (the rest fall due later today)."""


class DueCounts(NamedTuple):
    """What a deck has to review, in the one meaning of "due" quiz uses everywhere.

    A fact is due when its next review time (fsrs's due) is at or before now. Facts due later
    in the person's day are counted apart, and so are new facts (never answered), which a review
    brings in a few at a time (quiz.schedule.NEW_PER_SESSION).
    """

    now: int
    later_today: int
    new: int


OVERVIEW_DAYS = 30
"""How many days back the History screen (Store.overview) shows accuracy for."""


def stamp(moment: datetime) -> str:
    """The stored form of a moment: fixed-width ISO 8601 in UTC, so text order is time order."""
    return utc(moment).isoformat(timespec="microseconds")


SESSION_COLUMNS = (
    "id, deck_id, mode, deck_version, started_at, finished_at, ended_early, answered, correct"
)
ANSWER_COLUMNS = (
    "id, session_id, deck_id, fact_id, deck_version, content_hash, kind, response, correct, "
    "rating, response_ms, answered_at, certainty, slip"
)
STATE_COLUMNS = (
    "deck_id, fact_id, tries, misses, phase, step, stability, difficulty, due, last_review"
)


def session_row(row: tuple) -> SessionRow:
    """Build a SessionRow from a row selected with SESSION_COLUMNS."""
    return SessionRow(
        id=row[0],
        deck_id=row[1],
        mode=row[2],
        deck_version=row[3],
        started_at=datetime.fromisoformat(row[4]),
        finished_at=datetime.fromisoformat(row[5]) if row[5] else None,
        ended_early=bool(row[6]),
        answered=row[7],
        correct=row[8],
    )


def answer_row(row: tuple) -> AnswerRow:
    """Build an AnswerRow from a row selected with ANSWER_COLUMNS."""
    return AnswerRow(
        id=row[0],
        session_id=row[1],
        deck_id=row[2],
        fact_id=row[3],
        deck_version=row[4],
        content_hash=row[5],
        kind=row[6],
        response=row[7],
        correct=bool(row[8]),
        rating=row[9],
        response_ms=row[10],
        answered_at=datetime.fromisoformat(row[11]),
        certainty=row[12],
        slip=bool(row[13]),
    )


def card_from_row(row: tuple) -> CardState:
    """Build a CardState from the last six columns of STATE_COLUMNS."""
    phase, step, stability, difficulty, due, last_review = row[-6:]
    return CardState(
        phase=Phase(phase),
        step=step,
        stability=stability,
        difficulty=difficulty,
        due=datetime.fromisoformat(due),
        last_review=datetime.fromisoformat(last_review) if last_review else None,
    )


def fact_state_row(row: tuple) -> FactState:
    """Build a FactState from a row selected with STATE_COLUMNS."""
    return FactState(row[0], row[1], row[2], row[3], card_from_row(row))


def last_sessions(conn: sqlite3.Connection, n: int, deck_id: str | None = None) -> list[SessionRow]:
    """The newest `n` sessions, newest first, of one deck or of all."""
    if deck_id is None:
        sql = f"SELECT {SESSION_COLUMNS} FROM sessions ORDER BY id DESC LIMIT ?"
        rows = conn.execute(sql, (n,))
    else:
        sql = f"SELECT {SESSION_COLUMNS} FROM sessions WHERE deck_id = ? ORDER BY id DESC LIMIT ?"
        rows = conn.execute(sql, (deck_id, n))
    return [session_row(r) for r in rows]


def answers(conn: sqlite3.Connection, session_id: int | None = None) -> Iterator[AnswerRow]:
    """Every answer in the order given, or those of one session."""
    if session_id is None:
        rows = conn.execute(f"SELECT {ANSWER_COLUMNS} FROM answers ORDER BY id")
    else:
        sql = f"SELECT {ANSWER_COLUMNS} FROM answers WHERE session_id = ? ORDER BY id"
        rows = conn.execute(sql, (session_id,))
    for r in rows:
        yield answer_row(r)


LOCAL_DAY = "date(answered_at, 'localtime')"
"""An answer's day in the person's time zone (SQLite's 'localtime' follows the same system zone as
quiz.schedule.local_day). The stored `day` column is the UTC day: a local day lies within one UTC
day either side of it, so queries narrow by `day` on its index first, then group by LOCAL_DAY."""


def _near(day: date) -> tuple[str, str]:
    """The UTC `day` values an answer given on the local `day` can have."""
    return (day - timedelta(days=1)).isoformat(), (day + timedelta(days=1)).isoformat()


def accuracy_per_day(
    conn: sqlite3.Connection, deck_id: str, start: date, end: date
) -> list[DayAccuracy]:
    """Answers and right answers per local day from `start` to `end` inclusive, days with none left out."""
    rows = conn.execute(
        f"SELECT {LOCAL_DAY} AS local, count(*), sum(correct) FROM answers "
        "WHERE deck_id = ? AND day BETWEEN ? AND ? GROUP BY local HAVING local BETWEEN ? AND ? ORDER BY local",
        (deck_id, _near(start)[0], _near(end)[1], start.isoformat(), end.isoformat()),
    )
    return [DayAccuracy(date.fromisoformat(d), n, c) for d, n, c in rows]


def weakest_facts(
    conn: sqlite3.Connection, deck_id: str, min_tries: int = 3, limit: int = 10
) -> list[FactScore]:
    """The most missed facts of a deck among those tried at least `min_tries` times."""
    rows = conn.execute(
        "SELECT fact_id, tries, misses FROM fact_state "
        "WHERE deck_id = ? AND tries >= ? AND misses > 0 "
        "ORDER BY misses * 1.0 / tries DESC, misses DESC, fact_id LIMIT ?",
        (deck_id, min_tries, limit),
    )
    return [FactScore(f, t, m) for f, t, m in rows]


def fact_states(conn: sqlite3.Connection, deck_id: str) -> dict[str, FactState]:
    """The stored state of every fact of a deck that has been answered."""
    rows = conn.execute(f"SELECT {STATE_COLUMNS} FROM fact_state WHERE deck_id = ?", (deck_id,))
    return {r[1]: fact_state_row(r) for r in rows}


def due_facts(conn: sqlite3.Connection, deck_id: str, now: datetime) -> list[str]:
    """The ids of a deck's answered facts due at or before `now`, most overdue first."""
    rows = conn.execute(
        "SELECT fact_id FROM fact_state WHERE deck_id = ? AND due <= ? ORDER BY due, fact_id",
        (deck_id, stamp(now)),
    )
    return [r[0] for r in rows]


def due_count(conn: sqlite3.Connection, deck_id: str, now: datetime, fact_ids: set[str] | None = None) -> int:
    """How many of a deck's answered facts (of `fact_ids`, if given) are due at or before `now`."""
    if fact_ids is None:
        sql = "SELECT count(*) FROM fact_state WHERE deck_id = ? AND due <= ?"
        return int(conn.execute(sql, (deck_id, stamp(now))).fetchone()[0])
    rows = conn.execute("SELECT fact_id FROM fact_state WHERE deck_id = ? AND due <= ?", (deck_id, stamp(now)))
    return sum(1 for (fact_id,) in rows if fact_id in fact_ids)


class Calibration(NamedTuple):
    """How often the learner was right when they said they were at one certainty level."""

    certainty: int
    answered: int
    correct: int


def calibration(conn: sqlite3.Connection, deck_id: str | None = None) -> list[Calibration]:
    """Answers and right answers per certainty level (levels never chosen are left out)."""
    where, args = ("AND deck_id = ?", (deck_id,)) if deck_id is not None else ("", ())
    rows = conn.execute(
        "SELECT certainty, count(*), sum(correct) FROM answers "
        f"WHERE certainty IS NOT NULL {where} GROUP BY certainty ORDER BY certainty",
        args,
    )
    return [Calibration(c, n, r) for c, n, r in rows]


CBM_SQL = "CASE WHEN correct THEN certainty ELSE (CASE certainty WHEN 1 THEN 0 WHEN 2 THEN -2 ELSE -6 END) END"
"""An answer's certainty-based mark in SQL: the same numbers as quiz.certainty.cbm_mark."""


def cbm_scores(conn: sqlite3.Connection, session_ids: Collection[int]) -> dict[int, tuple[int, int]]:
    """Per session: (CBM score, answers rated for certainty); sessions with none are left out."""
    ids = list(session_ids)
    if not ids:
        return {}
    marks = ", ".join("?" * len(ids))
    rows = conn.execute(
        f"SELECT session_id, sum({CBM_SQL}), count(*) FROM answers "
        f"WHERE certainty IS NOT NULL AND session_id IN ({marks}) GROUP BY session_id",
        ids,
    )
    return {sid: (int(score), int(n)) for sid, score, n in rows}


def due_counts(conn: sqlite3.Connection, deck_id: str, fact_ids: Collection[str], now: datetime) -> DueCounts:
    """DueCounts for the deck's facts `fact_ids` at `now` (facts no longer in the deck are left out)."""
    wanted = set(fact_ids)
    end_of_day = days_ahead(now, 2)[1]
    due_now = later = seen = 0
    for fact_id, due in conn.execute("SELECT fact_id, due FROM fact_state WHERE deck_id = ?", (deck_id,)):
        if fact_id not in wanted:
            continue
        seen += 1
        when = datetime.fromisoformat(due)
        if when <= now:
            due_now += 1
        elif when < end_of_day:
            later += 1
    return DueCounts(now=due_now, later_today=later, new=len(wanted) - seen)


def due_forecast(
    conn: sqlite3.Connection, deck_id: str | None, days: int, now: datetime
) -> list[tuple[date, int]]:
    """How many facts fall due on each of the person's days from today on; today's count includes
    the overdue (DueCounts splits it into due now and later today)."""
    starts = days_ahead(now, days + 1)
    result: list[tuple[date, int]] = []
    deck_sql, deck_args = ("deck_id = ? AND ", (deck_id,)) if deck_id is not None else ("", ())
    for i in range(days):
        low = "" if i == 0 else stamp(starts[i])
        (count,) = conn.execute(
            f"SELECT count(*) FROM fact_state WHERE {deck_sql}due >= ? AND due < ?",
            (*deck_args, low, stamp(starts[i + 1])),
        ).fetchone()
        result.append((local_day(starts[i]), count))
    return result


def mastery(
    conn: sqlite3.Connection,
    scheduler: Scheduler,
    deck_id: str,
    fact_ids: Collection[str] | None,
    now: datetime,
) -> Mastery:
    """How many of `fact_ids` (default: every answered fact) are mastered (see mastered_facts)."""
    wanted = None if fact_ids is None else fact_ids if isinstance(fact_ids, set | frozenset) else set(fact_ids)
    if wanted is None:
        (total,) = conn.execute("SELECT count(*) FROM fact_state WHERE deck_id = ?", (deck_id,)).fetchone()
    else:
        total = len(wanted)
    return Mastery(facts=total, mastered=len(mastered_facts(conn, scheduler, deck_id, wanted, now)))


def mastered_facts(
    conn: sqlite3.Connection,
    scheduler: Scheduler,
    deck_id: str,
    fact_ids: Collection[str] | None,
    now: datetime,
) -> set[str]:
    """The ids of the deck's mastered facts (Scheduler.is_mastered), of `fact_ids` if given.

    Only facts past the learning steps can be mastered, so only their rows are read, one at a time.
    """
    if fact_ids is not None and not isinstance(fact_ids, set | frozenset):
        fact_ids = set(fact_ids)
    rows = conn.execute(
        f"SELECT {STATE_COLUMNS} FROM fact_state WHERE deck_id = ? AND phase = ?", (deck_id, int(Phase.REVIEW))
    )
    return {
        row[1]
        for row in rows
        if (fact_ids is None or row[1] in fact_ids) and scheduler.is_mastered(fact_state_row(row).card, now)
    }


def new_fact_ids(
    conn: sqlite3.Connection, deck_id: str, all_fact_ids: list[str], limit: int
) -> list[str]:
    """The first `limit` of `all_fact_ids`, in their order, that were never answered."""
    seen = {r[0] for r in conn.execute("SELECT fact_id FROM fact_state WHERE deck_id = ?", (deck_id,))}
    return [f for f in dict.fromkeys(all_fact_ids) if f not in seen][: max(limit, 0)]


def _studied_on(day_sql: str) -> str:
    """SQL that is true when an answer was given on the local day `day_sql` (an SQL expression)."""
    return (
        f"EXISTS (SELECT 1 FROM answers WHERE day BETWEEN date({day_sql}, '-1 day') "
        f"AND date({day_sql}, '+1 day') AND {LOCAL_DAY} = {day_sql})"
    )


_DAY_BEFORE = "date(run.d, '-1 day')"


def streak(conn: sqlite3.Connection, today: date) -> int:
    """Consecutive local days with an answer, ending `today` (the person's), or yesterday if
    today has none yet."""
    (today_studied,) = conn.execute(f"SELECT {_studied_on('?1')}", (today.isoformat(),)).fetchone()
    last = today if today_studied else today - timedelta(days=1)
    # One statement walks back day by day inside SQLite: a few index probes per day, no round trips.
    (count,) = conn.execute(
        "WITH RECURSIVE run(d) AS ("
        f" SELECT ?1 WHERE {_studied_on('?1')}"
        " UNION ALL"
        " SELECT date(run.d, '-1 day') FROM run"
        f" WHERE {_studied_on(_DAY_BEFORE)}"
        ") SELECT count(*) FROM run",
        (last.isoformat(),),
    ).fetchone()
    return int(count)


def deck_ids(conn: sqlite3.Connection) -> list[str]:
    """The id of every deck with a session, in order (from the sessions_by_deck index alone)."""
    return [r[0] for r in conn.execute("SELECT DISTINCT deck_id FROM sessions ORDER BY deck_id")]


def deck_summaries(
    conn: sqlite3.Connection, scheduler: Scheduler, now: datetime, deck_id: str | None = None
) -> list[DeckSummary]:
    """One summary per deck that has sessions, in deck id order."""
    where, args = ("WHERE deck_id = ?", (deck_id,)) if deck_id is not None else ("", ())
    rows = conn.execute(
        "SELECT deck_id, count(*), sum(answered), sum(correct), max(started_at) "
        f"FROM sessions {where} GROUP BY deck_id ORDER BY deck_id",
        args,
    ).fetchall()
    out = []
    for deck, sessions, answered, correct, last in rows:
        m = mastery(conn, scheduler, deck, None, now)
        out.append(
            DeckSummary(
                deck_id=deck,
                sessions=sessions,
                answered=answered or 0,
                correct=correct or 0,
                last_studied=datetime.fromisoformat(last) if last else None,
                facts_seen=m.facts,
                due_now=due_count(conn, deck, now),
                mastered=m.mastered,
            )
        )
    return out
