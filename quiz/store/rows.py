"""The rows the history's queries return, as named tuples (immutable, cheap to define), and the
column lists the store reads and writes them with."""

# No `from __future__ import annotations` here: typing.NamedTuple compiles each annotation written
# as text (typing.ForwardRef), about 7 µs a field at every start of the app (docs/benchmarks.md).

from datetime import datetime
from typing import NamedTuple

from quiz.schedule import CardState, Phase, utc


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


class DueCounts(NamedTuple):
    """What a deck has to review, in the one meaning of "due" quiz uses everywhere.

    A fact is due when its next review time (fsrs's due) is at or before now. Facts due later
    in the person's day are counted apart, and so are those due on a later day and new facts (never
    answered), which a review brings in a few at a time (quiz.schedule.NEW_PER_SESSION): the four
    parts add up to the ids counted. The ids are a deck's facts or its glossary words (DeckDue).
    """

    now: int
    later_today: int
    new: int
    later: int = 0
    """Due on a later day of the person's."""
    next_due: str = ""
    """When the first of those due later today falls due (a stored moment, stamp), or "" for none:
    a screen showing the counts draws them again then (quiz.tui.falling_due)."""

    @property
    def total(self) -> int:
        """Every id counted: now + later_today + later + new."""
        return self.now + self.later_today + self.later + self.new


class DeckDue(NamedTuple):
    """A deck's due counts (Store.deck_due), its facts and its glossary words apart: each figure
    shown says which it counts. Both are reviewed (words by matching them to their meanings,
    quiz.session), so what a review asks first is `now`, the two together."""

    facts: DueCounts
    words: DueCounts

    @property
    def now(self) -> int:
        """Facts and words due now: what a review asks first (Home's "Due now" column)."""
        return self.facts.now + self.words.now

    @property
    def next_due(self) -> str:
        """The first moment later today at which a fact or a word falls due ("" for none)."""
        return min(filter(None, (self.facts.next_due, self.words.next_due)), default="")


def stamp(moment: datetime) -> str:
    """The stored form of a moment: fixed-width ISO 8601 in UTC, so text order is time order."""
    return utc(moment).isoformat(timespec="microseconds")


SESSION_COLUMNS = "id, deck_id, mode, deck_version, started_at, finished_at, ended_early, answered, correct"
ANSWER_COLUMNS = (
    "id, session_id, deck_id, fact_id, deck_version, content_hash, kind, response, correct, "
    "rating, response_ms, answered_at, certainty, slip"
)
STATE_COLUMNS = "deck_id, fact_id, tries, misses, phase, step, stability, difficulty, due, last_review"


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
