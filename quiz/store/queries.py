"""What the store reads: every query of the score history, with its SQL.

Days are the person's calendar days (quiz.schedule.local_day); each answer also stores its UTC day,
which per-day queries use to narrow by index before grouping by the local day.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterator, Mapping
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from quiz.deck.text import TERM_PREFIX
from quiz.schedule import Phase, Scheduler, local_day, utc
from quiz.store.due import DueQueries
from quiz.store.rows import (
    ANSWER_COLUMNS,
    SESSION_COLUMNS,
    STATE_COLUMNS,
    AnswerRow,
    FactState,
    SessionRow,
    answer_row,
    fact_state_row,
    session_row,
)

if TYPE_CHECKING:  # the figures' rows are imported where they are built: Home needs none of them
    from quiz.store.figures import Calibration, DayAccuracy, DeckSummary, FactScore, Mastery, Overview

OVERVIEW_DAYS = 30
"""How many days back the History screen (HistoryQueries.overview) shows accuracy for."""
LOCAL_DAY = (
    "CASE WHEN substr(answered_at, 21, 3) = '999' THEN date(substr(answered_at, 1, 19), 'localtime') "
    "ELSE date(answered_at, 'localtime') END"
)
"""An answer's day in the person's time zone (SQLite's 'localtime' follows the same system zone as
quiz.schedule.local_day). The stored `day` column is the UTC day: a local day lies within one UTC
day either side of it, so queries narrow by `day` on its index first, then group by LOCAL_DAY.

SQLite rounds a time to the nearest millisecond, so an answer at 23:59:59.9999 counted for the next
day (a streak of two days out of two days apart). A stamp whose fraction of a second begins .999
(rows.stamp: "...T07:59:59.999900+00:00") is read without it, to the second, in UTC as every stamp
is; the others as they are, which costs the history screen nothing (taking the fraction off every
stamp cost its queries a third more)."""


def _near(day: date) -> tuple[str, str]:
    """The UTC `day` values an answer given on the local `day` can have."""
    return (day - timedelta(days=1)).isoformat(), (day + timedelta(days=1)).isoformat()


CBM_SQL = "CASE WHEN correct THEN certainty ELSE (CASE certainty WHEN 1 THEN 0 WHEN 2 THEN -2 ELSE -6 END) END"
"""An answer's certainty-based mark in SQL: the same numbers as quiz.certainty.cbm_mark."""


_EVERY_DECK = "(SELECT DISTINCT deck_id FROM sessions)"


def _studied_on(day_sql: str, decks_sql: str = _EVERY_DECK) -> str:
    """SQL that is true when an answer was given on the local day `day_sql` (an SQL expression), to
    a deck of `decks_sql` (an SQL list: every deck with a session by default).

    The UTC day of the same date is looked at first, then the one before and after: most answers
    of a local day share its UTC date, so the first rows read usually decide, where one range over
    the three days read a whole day of answers first (0.7 s for a 1,000-day streak at 1M answers).
    Answers are found deck by deck on answers_by_deck_day (every answer's deck has a session, so
    the decks are read from sessions_by_deck): there is no index by day alone (schema 6).
    """
    return " OR ".join(
        f"EXISTS (SELECT 1 FROM answers WHERE deck_id IN {decks_sql} "
        f"AND day = date({day_sql}, '{shift}') AND {LOCAL_DAY} = {day_sql})"
        for shift in ("+0 days", "-1 day", "+1 day")
    )


_DAY_BEFORE = "date(run.d, '-1 day')"


class HistoryQueries(DueQueries):
    """The read-only queries of an open score history; Store adds opening, writing and backups.

    Moments (`now`) default to the present and are compared in UTC; days are the person's own.
    """

    _conn: sqlite3.Connection
    scheduler: Scheduler

    # -- sessions and answers -------------------------------------------------------------------

    def session(self, session_id: int) -> SessionRow | None:
        """One session, or None."""
        row = self._conn.execute(f"SELECT {SESSION_COLUMNS} FROM sessions WHERE id = ?", (session_id,)).fetchone()
        return session_row(row) if row else None

    def last_sessions(self, n: int = 20, deck_id: str | None = None) -> list[SessionRow]:
        """The newest `n` sessions, newest first, of one deck or of all."""
        if deck_id is None:
            sql = f"SELECT {SESSION_COLUMNS} FROM sessions ORDER BY id DESC LIMIT ?"
            rows = self._conn.execute(sql, (n,))
        else:
            sql = f"SELECT {SESSION_COLUMNS} FROM sessions WHERE deck_id = ? ORDER BY id DESC LIMIT ?"
            rows = self._conn.execute(sql, (deck_id, n))
        return [session_row(r) for r in rows]

    def answers(self, session_id: int | None = None) -> Iterator[AnswerRow]:
        """Every answer (or one session's), oldest first."""
        if session_id is None:
            rows = self._conn.execute(f"SELECT {ANSWER_COLUMNS} FROM answers ORDER BY id")
        else:
            sql = f"SELECT {ANSWER_COLUMNS} FROM answers WHERE session_id = ? ORDER BY id"
            rows = self._conn.execute(sql, (session_id,))
        for r in rows:
            yield answer_row(r)

    def deck_ids(self) -> list[str]:
        """The id of every deck with a session, in order (from the sessions_by_deck index alone)."""
        return [r[0] for r in self._conn.execute("SELECT DISTINCT deck_id FROM sessions ORDER BY deck_id")]

    def calibration(self, deck_id: str | None = None) -> list[Calibration]:
        """Answers and right answers per certainty level (levels never chosen are left out)."""
        where, args = ("AND deck_id = ?", (deck_id,)) if deck_id is not None else ("", ())
        rows = self._conn.execute(
            "SELECT certainty, count(*), sum(correct) FROM answers "
            f"WHERE certainty IS NOT NULL {where} GROUP BY certainty ORDER BY certainty",
            args,
        )
        from quiz.store.figures import Calibration

        return [Calibration(c, n, r) for c, n, r in rows]

    def cbm_scores(self, session_ids: Collection[int]) -> dict[int, tuple[int, int]]:
        """Per session: (CBM score, answers rated for certainty); sessions with none are left out."""
        ids = list(session_ids)
        if not ids:
            return {}
        marks = ", ".join("?" * len(ids))
        rows = self._conn.execute(
            f"SELECT session_id, sum({CBM_SQL}), count(*) FROM answers "
            f"WHERE certainty IS NOT NULL AND session_id IN ({marks}) GROUP BY session_id",
            ids,
        )
        return {sid: (int(score), int(n)) for sid, score, n in rows}

    # -- facts ----------------------------------------------------------------------------------

    def fact_state(self, deck_id: str, fact_id: str) -> FactState | None:
        """The tries, misses and scheduling state of one fact, or None if never answered."""
        row = self._conn.execute(
            f"SELECT {STATE_COLUMNS} FROM fact_state WHERE deck_id = ? AND fact_id = ?", (deck_id, fact_id)
        ).fetchone()
        return fact_state_row(row) if row else None

    def fact_states(self, deck_id: str) -> dict[str, FactState]:
        """The stored state of every answered fact of a deck, by fact id."""
        rows = self._conn.execute(f"SELECT {STATE_COLUMNS} FROM fact_state WHERE deck_id = ?", (deck_id,))
        return {r[1]: fact_state_row(r) for r in rows}

    def new_fact_ids(self, deck_id: str, all_fact_ids: list[str], limit: int) -> list[str]:
        """The first `limit` of `all_fact_ids`, in their order, never answered: the new facts for this sitting."""
        seen = {r[0] for r in self._conn.execute("SELECT fact_id FROM fact_state WHERE deck_id = ?", (deck_id,))}
        return [f for f in dict.fromkeys(all_fact_ids) if f not in seen][: max(limit, 0)]

    def weakest_facts(self, deck_id: str, min_tries: int = 3, limit: int = 10) -> list[FactScore]:
        """The most missed facts of a deck among those tried at least `min_tries` times."""
        rows = self._conn.execute(
            "SELECT fact_id, tries, misses FROM fact_state "
            "WHERE deck_id = ? AND tries >= ? AND misses > 0 "
            "ORDER BY misses * 1.0 / tries DESC, misses DESC, fact_id LIMIT ?",
            (deck_id, min_tries, limit),
        )
        from quiz.store.figures import FactScore

        return [FactScore(f, t, m) for f, t, m in rows]

    def mastery(self, deck_id: str, fact_ids: Collection[str] | None = None, now: datetime | None = None) -> Mastery:
        """How many of `fact_ids` (default: every answered fact) are mastered (see mastered_facts)."""
        wanted = None if fact_ids is None else fact_ids if isinstance(fact_ids, set | frozenset) else set(fact_ids)
        if wanted is None:
            sql = "SELECT count(*) FROM fact_state WHERE deck_id = ?"
            (total,) = self._conn.execute(sql, (deck_id,)).fetchone()
        else:
            total = len(wanted)
        from quiz.store.figures import Mastery

        return Mastery(facts=total, mastered=len(self.mastered_facts(deck_id, wanted, now)))

    def mastered_facts(
        self, deck_id: str, fact_ids: Collection[str] | None = None, now: datetime | None = None
    ) -> set[str]:
        """The ids of the deck's mastered facts (Scheduler.is_mastered), of `fact_ids` if given:
        for quiz.curriculum's progress.

        Only facts past the learning steps (Phase.REVIEW) can be mastered, so only their rows are
        read, and of each only the two numbers the forgetting curve needs (no CardState is built:
        at 10,000 studied facts that took most of `quiz history --json`).
        """
        moment = utc(now)
        if fact_ids is not None and not isinstance(fact_ids, set | frozenset):
            fact_ids = set(fact_ids)
        rows = self._conn.execute(
            "SELECT fact_id, stability, last_review FROM fact_state WHERE deck_id = ? AND phase = ?",
            (deck_id, int(Phase.REVIEW)),
        )
        recalled = self.scheduler.recalled_at_target
        return {
            fact_id
            for fact_id, stability, last_review in rows
            if (fact_ids is None or fact_id in fact_ids)
            and last_review is not None
            and recalled(stability, datetime.fromisoformat(last_review), moment)
        }

    def visit(self, deck_id: str) -> tuple[date, int] | None:
        """The visit date set for a deck (quiz.visit) and the questions a day until then, or None."""
        row = self._conn.execute("SELECT visit, per_day FROM deck_plan WHERE deck_id = ?", (deck_id,)).fetchone()
        return (date.fromisoformat(row[0]), int(row[1])) if row else None

    # -- days -----------------------------------------------------------------------------------

    def accuracy_per_day(self, deck_id: str, start: date, end: date) -> list[DayAccuracy]:
        """Answers and right answers per local day from `start` to `end` inclusive, days with none left out."""
        rows = self._conn.execute(
            f"SELECT {LOCAL_DAY} AS local, count(*), sum(correct) FROM answers "
            "WHERE deck_id = ? AND day BETWEEN ? AND ? GROUP BY local HAVING local BETWEEN ? AND ? ORDER BY local",
            (deck_id, _near(start)[0], _near(end)[1], start.isoformat(), end.isoformat()),
        )
        from quiz.store.figures import DayAccuracy

        return [DayAccuracy(date.fromisoformat(d), n, c) for d, n, c in rows]

    def recent_days(self, deck_id: str, today: date | None = None, days: int = OVERVIEW_DAYS) -> list[DayAccuracy]:
        """The deck's answers per local day over the `days` days ending `today` (default: the
        person's today), oldest first, days with none left out: the window of accuracy per day
        that the History screen (overview) and `quiz history` show."""
        today = today or local_day()
        return self.accuracy_per_day(deck_id, today - timedelta(days=days - 1), today)

    def streak(self, today: date | None = None, deck_id: str | None = None) -> int:
        """Consecutive local days with an answer (to `deck_id`, or to any deck), ending today (the
        person's), or yesterday if today has none yet."""
        today = today or local_day()
        decks, more = ("(?2)", (deck_id,)) if deck_id is not None else (_EVERY_DECK, ())
        (today_studied,) = self._conn.execute(
            f"SELECT {_studied_on('?1', decks)}", (today.isoformat(), *more)
        ).fetchone()
        last = today if today_studied else today - timedelta(days=1)
        # One statement walks back day by day inside SQLite: a few index probes per day, no round trips.
        (count,) = self._conn.execute(
            "WITH RECURSIVE run(d) AS ("
            f" SELECT ?1 WHERE {_studied_on('?1', decks)}"
            " UNION ALL"
            " SELECT date(run.d, '-1 day') FROM run"
            f" WHERE {_studied_on(_DAY_BEFORE, decks)}"
            ") SELECT count(*) FROM run",
            (last.isoformat(), *more),
        ).fetchone()
        return int(count)

    # -- the History screen and `quiz history` ----------------------------------------------------

    def overview(
        self,
        deck_id: str | None,
        now: datetime | None = None,
        days: int = OVERVIEW_DAYS,
        scheduled: Mapping[str, Collection[str]] | None = None,
    ) -> Overview:
        """Every query of the History screen, for one deck or (None) all of them: the last sessions,
        accuracy per day over `days` days, the streak, the weakest facts and the 14-day forecast.
        What is due is counted as due_forecast counts it, among `scheduled` when given."""
        moment = utc(now)
        today = local_day(moment)
        ids = [deck_id] if deck_id else self.deck_ids()
        per_day: dict[date, tuple[int, int]] = {}
        for did in ids:
            for day in self.recent_days(did, today, days):
                answered, correct = per_day.get(day.day, (0, 0))
                per_day[day.day] = (answered + day.answered, correct + day.correct)
        from quiz.store.figures import Overview

        return Overview(
            sessions=self.last_sessions(200, deck_id),
            per_day=per_day,
            streak=self.streak(today, deck_id),
            weakest=[(did, self.weakest_facts(did, 3, 10)) for did in ids],
            forecast=self.due_forecast(deck_id, 14, moment, scheduled),
            due_now=sum(self._due_now(did, moment, scheduled) or 0 for did in ids),
        )

    def deck_summaries(
        self,
        deck_id: str | None = None,
        now: datetime | None = None,
        scheduled: Mapping[str, Collection[str]] | None = None,
    ) -> list[DeckSummary]:
        """One summary per deck that has sessions (or of `deck_id` alone), in deck id order. Its
        `due_now` counts among `scheduled` when given, and is None for a deck not in it; its facts
        and words seen and mastered count among a deck's scheduled ids too, so a fact taken out of
        its deck is no longer counted (its answers still are)."""
        moment = utc(now)
        where, args = ("WHERE deck_id = ?", (deck_id,)) if deck_id is not None else ("", ())
        rows = self._conn.execute(
            "SELECT deck_id, count(*), sum(answered), sum(correct), max(started_at) "
            f"FROM sessions {where} GROUP BY deck_id ORDER BY deck_id",
            args,
        ).fetchall()
        from quiz.store.figures import DeckSummary

        out = []
        for deck, sessions, answered, correct, last in rows:
            ids = set(scheduled[deck]) if scheduled is not None and deck in scheduled else None
            stored = self._conn.execute("SELECT fact_id FROM fact_state WHERE deck_id = ?", (deck,))
            found = [i for (i,) in stored if ids is None or i in ids]
            words, seen = sum(1 for i in found if i.startswith(TERM_PREFIX)), len(found)  # a word's id: "term:" slug
            mastered = self.mastered_facts(deck, ids, moment)
            words_mastered = sum(1 for i in mastered if i.startswith(TERM_PREFIX))
            out.append(
                DeckSummary(
                    deck_id=deck,
                    sessions=sessions,
                    answered=answered or 0,
                    correct=correct or 0,
                    last_studied=datetime.fromisoformat(last) if last else None,
                    facts_seen=seen - words,
                    due_now=self._due_now(deck, moment, scheduled),
                    mastered=len(mastered) - words_mastered,
                    words_seen=words,
                    words_mastered=words_mastered,
                )
            )
        return out

    # -- the file ---------------------------------------------------------------------------------

    def integrity_check(self) -> list[str]:
        """SQLite's full integrity check: ['ok'] when the file is sound."""
        return [r[0] for r in self._conn.execute("PRAGMA integrity_check")]

    def schema_version(self) -> int:
        """The schema version of the open file."""
        return int(self._conn.execute("PRAGMA user_version").fetchone()[0])
