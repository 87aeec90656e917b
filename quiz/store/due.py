"""What is due: the store's queries of facts whose next review has come, and when the rest come.

One meaning of due everywhere (Home, Review, History, `quiz history`): among the ids a deck
schedules now (quiz.glossary.scheduled_ids) where the caller gives them; stored moments are
fixed-width UTC text (quiz.store.rows.stamp), so SQLite compares them in time order.
"""

from __future__ import annotations

import sqlite3
from bisect import bisect_right
from collections.abc import Collection, Mapping
from datetime import date, datetime

from quiz.schedule import days_ahead, local_day, utc
from quiz.store.rows import DeckDue, DueCounts, stamp

_STATE_DECKS = "SELECT DISTINCT deck_id FROM fact_state"
"""Every deck with a scheduled fact (SQLite steps through the index from one deck to the next)."""


class DueQueries:
    """The what-is-due part of quiz.store.HistoryQueries (its base class)."""

    _conn: sqlite3.Connection

    def due_facts(self, deck_id: str, now: datetime | None = None) -> list[str]:
        """The ids of a deck's answered facts due now, most overdue first."""
        rows = self._conn.execute(
            "SELECT fact_id FROM fact_state WHERE deck_id = ? AND due <= ? ORDER BY due, fact_id",
            (deck_id, stamp(utc(now))),
        )
        return [r[0] for r in rows]

    def due_count(self, deck_id: str, now: datetime | None = None, fact_ids: set[str] | None = None) -> int:
        """How many of a deck's answered facts (of `fact_ids`, if given) are due now."""
        args = (deck_id, stamp(utc(now)))
        if fact_ids is None:
            sql = "SELECT count(*) FROM fact_state WHERE deck_id = ? AND due <= ?"
            return int(self._conn.execute(sql, args).fetchone()[0])
        rows = self._conn.execute("SELECT fact_id FROM fact_state WHERE deck_id = ? AND due <= ?", args)
        return sum(1 for (fact_id,) in rows if fact_id in fact_ids)

    def due_counts(self, deck_id: str, fact_ids: Collection[str], now: datetime | None = None) -> DueCounts:
        """Due now, due later today and new, for the deck's facts `fact_ids` (facts no longer in the
        deck are left out), and when the first of those due later today falls due; see DueCounts."""
        moment = utc(now)
        wanted = set(fact_ids)
        end_of_day = days_ahead(moment, 2)[1]
        due_now = later = seen = 0
        first = ""  # the first moment later today at which one falls due
        # Stored moments are fixed-width UTC text, so SQLite compares them as due_count does: no
        # moment is parsed in Python (10,000 of them took 10 ms of Home's UI thread).
        rows = self._conn.execute(
            "SELECT fact_id, due <= ?, due < ?, due FROM fact_state WHERE deck_id = ?",
            (stamp(moment), stamp(end_of_day), deck_id),
        )
        for fact_id, is_due, today, due in rows:
            if fact_id not in wanted:
                continue
            seen += 1
            if is_due:
                due_now += 1
            elif today:
                later += 1
                first = due if not first or due < first else first
        return DueCounts(
            now=due_now, later_today=later, new=len(wanted) - seen, later=seen - due_now - later, next_due=first
        )

    def deck_due(
        self, deck_id: str, fact_ids: Collection[str], term_ids: Collection[str], now: datetime | None = None
    ) -> DeckDue:
        """The due counts of a deck's facts `fact_ids` and, apart, of its glossary words `term_ids`
        (quiz.glossary.terms_by_id): the one count Home, History and `quiz history` show."""
        return DeckDue(facts=self.due_counts(deck_id, fact_ids, now), words=self.due_counts(deck_id, term_ids, now))

    def next_due(self, scheduled: Mapping[str, Collection[str]], now: datetime | None = None) -> datetime | None:
        """The first moment after `now`, before the person's day ends, at which one of `scheduled`'s
        ids ({deck id: the ids it schedules now}) falls due; None when none does. A screen that
        shows what is due draws again then: "due" on it never lags the store."""
        moment = utc(now)
        end_of_day = days_ahead(moment, 2)[1]
        first: str | None = None
        for deck_id, ids in scheduled.items():
            wanted = ids if isinstance(ids, (set, frozenset)) else set(ids)
            rows = self._conn.execute(  # on fact_state_by_due (deck_id, due), soonest first
                "SELECT fact_id, due FROM fact_state WHERE deck_id = ? AND due > ? AND due < ? ORDER BY due",
                (deck_id, stamp(moment), stamp(end_of_day) if first is None else first),
            )
            found = next((due for fact_id, due in rows if fact_id in wanted), None)
            if found is not None:
                first = found
        return datetime.fromisoformat(first) if first is not None else None

    def due_forecast(
        self,
        deck_id: str | None = None,
        days: int = 14,
        now: datetime | None = None,
        scheduled: Mapping[str, Collection[str]] | None = None,
    ) -> list[tuple[date, int]]:
        """How many facts fall due on each of the person's next `days` days; today's count includes
        the overdue (DueCounts splits it into due now and later today).

        With `scheduled` ({deck id: the ids the deck schedules now}, quiz.glossary.scheduled_ids)
        only those are counted, and decks not in it not at all: what Home and Review count.
        Without it, every stored state counts."""
        starts = days_ahead(utc(now), days + 1)
        # Deck by deck on fact_state_by_due (deck_id, due): there is no index by due alone (schema 6).
        ids = [deck_id] if deck_id is not None else [r[0] for r in self._conn.execute(_STATE_DECKS)]
        if scheduled is not None:
            return self._scheduled_forecast([d for d in ids if d in scheduled], scheduled, starts)
        marks = ", ".join("?" * len(ids))
        result: list[tuple[date, int]] = []
        for i in range(days):
            low = "" if i == 0 else stamp(starts[i])
            (count,) = self._conn.execute(
                f"SELECT count(*) FROM fact_state WHERE deck_id IN ({marks}) AND due >= ? AND due < ?",
                (*ids, low, stamp(starts[i + 1])),
            ).fetchone()
            result.append((local_day(starts[i]), count))
        return result

    def _scheduled_forecast(
        self, ids: list[str], scheduled: Mapping[str, Collection[str]], starts: list[datetime]
    ) -> list[tuple[date, int]]:
        """due_forecast of the scheduled ids alone: the states due before the last day ends, each
        put on its day (the first day takes the overdue)."""
        ends = [stamp(s) for s in starts[1:]]
        counts = [0] * len(ends)
        for deck_id in ids:
            wanted = scheduled[deck_id]
            rows = self._conn.execute(
                "SELECT fact_id, due FROM fact_state WHERE deck_id = ? AND due < ?", (deck_id, ends[-1])
            )
            for fact_id, due in rows:
                if fact_id in wanted:
                    counts[bisect_right(ends, due)] += 1
        return [(local_day(starts[i]), n) for i, n in enumerate(counts)]

    def _due_now(self, deck_id: str, moment: datetime, scheduled: Mapping[str, Collection[str]] | None) -> int | None:
        """A deck's count of what is due now: among its scheduled ids when `scheduled` is given (None
        for a deck not in it: quiz cannot find the deck, so nothing of it can be asked)."""
        if scheduled is None:
            return self.due_count(deck_id, moment)
        if deck_id not in scheduled:
            return None
        return self.due_count(deck_id, moment, set(scheduled[deck_id]))
