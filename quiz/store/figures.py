"""The rows of the history's figures (History and `quiz history`): accuracy per day, the weakest
facts, mastery, each deck's summary, the overview and calibration.

Apart from quiz.store.rows, whose rows every start of the app reads: a named tuple takes about
0.3 ms to define, and Home, the first screen, shows none of these (docs/benchmarks.md). The
queries that build them (quiz.store.queries) import this module when first asked.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import NamedTuple

from quiz.store.rows import SessionRow


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
    """Facts answered at least once (of those the deck holds now, when quiz finds the deck); glossary
    words are counted apart (words_seen)."""
    due_now: int | None
    """Facts and words due now, as a review asks them (quiz.store.HistoryQueries.deck_summaries);
    None when the deck is not found."""
    mastered: int
    """Facts mastered; words apart (words_mastered)."""
    words_seen: int = 0
    """Glossary words practised at least once (matching: quiz.kinds)."""
    words_mastered: int = 0


class Overview(NamedTuple):
    """Everything the History screen shows for one deck (or all of them), read in one go."""

    sessions: list[SessionRow]
    per_day: dict[date, tuple[int, int]]
    streak: int
    weakest: list[tuple[str, list[FactScore]]]
    forecast: list[tuple[date, int]]
    due_now: int = 0
    """How many of the forecast's first day are due now (the rest fall due later today)."""


class Calibration(NamedTuple):
    """How often the learner was right when they said they were at one certainty level."""

    certainty: int
    answered: int
    correct: int
