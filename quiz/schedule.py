"""Spaced repetition: the fsrs package behind a small interface of our own.

Every datetime here is timezone-aware UTC. How an answer becomes a rating:

- a flashcard is graded by the person: Again, Hard, Good or Easy;
- a multiple-choice or typed answer is graded by quiz: wrong is Again, right is Good
  (never Hard or Easy: a right answer alone says nothing about how hard it felt).
"""

from __future__ import annotations

import enum
from datetime import UTC, date, datetime, time, timedelta
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import fsrs

NEW_PER_SESSION = 3
"""New facts introduced in one sitting: patients retain two or three new facts at a time best."""

TARGET_RECALL = 0.9
"""The recall probability fsrs schedules for, and above which a fact counts as mastered."""
FSRS_DECAY = 0.1542
"""fsrs's forgetting-curve decay: its default parameter w20 (fsrs.scheduler.DEFAULT_PARAMETERS[20]),
kept here so that weighing mastery, as Home does at every start, needs no import of fsrs (about
17 M instructions). tests/test_store_fast_paths.py holds the curve equal to fsrs's own."""


class Rating(enum.IntEnum):
    """How well a fact was recalled; the values are fsrs's."""

    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4


class Phase(enum.IntEnum):
    """Where a fact is in learning; the values are fsrs's State."""

    LEARNING = 1
    REVIEW = 2
    RELEARNING = 3


def rating_for(correct: bool) -> Rating:
    """The rating of a multiple-choice or typed answer: wrong is Again, right is Good."""
    return Rating.GOOD if correct else Rating.AGAIN


def utc(moment: datetime | None = None) -> datetime:
    """Return `moment` (default: now) as an aware UTC datetime; naive datetimes are refused."""
    if moment is None:
        return datetime.now(UTC)
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"expected a timezone-aware datetime, got naive {moment.isoformat()}")
    return moment.astimezone(UTC)


class CardState(NamedTuple):
    """The scheduling state of one fact, as stored (a NamedTuple, as the history's rows are)."""

    phase: Phase
    step: int | None
    stability: float | None
    difficulty: float | None
    due: datetime
    last_review: datetime | None

    def to_json(self) -> str:
        """Serialise for storing beside an answer, so undo can bring it back exactly."""
        import json  # here, like fsrs: opening Home needs neither

        return json.dumps(
            {
                "phase": int(self.phase),
                "step": self.step,
                "stability": self.stability,
                "difficulty": self.difficulty,
                "due": self.due.isoformat(),
                "last_review": self.last_review.isoformat() if self.last_review else None,
            }
        )

    @classmethod
    def from_json(cls, text: str) -> CardState:
        """The inverse of to_json."""
        import json

        raw = json.loads(text)
        return cls(
            phase=Phase(raw["phase"]),
            step=raw["step"],
            stability=raw["stability"],
            difficulty=raw["difficulty"],
            due=datetime.fromisoformat(raw["due"]),
            last_review=datetime.fromisoformat(raw["last_review"]) if raw["last_review"] else None,
        )


class Scheduler:
    """Decides when each fact is next due; a thin wrapper so the rest of quiz never sees fsrs.

    fsrs is imported when a fact is first reviewed, not when the Scheduler is made: Home opens the
    history and weighs mastery at every start, which needs only fsrs's curve (FSRS_DECAY).
    """

    def __init__(self, *, target_recall: float = TARGET_RECALL, fuzz: bool = True) -> None:
        """Schedule for `target_recall`; `fuzz` spreads due dates a little (turn it off in tests)."""
        self.target_recall = target_recall
        self.fuzz = fuzz

    @cached_property
    def _fsrs(self) -> fsrs.Scheduler:
        import fsrs

        return fsrs.Scheduler(desired_retention=self.target_recall, enable_fuzzing=self.fuzz)

    def review(self, card: CardState | None, rating: Rating, now: datetime) -> CardState:
        """Return the state after a review rated `rating` at `now`; `card` None means a new fact."""
        import fsrs

        now = utc(now)
        before = _to_fsrs(card) if card is not None else fsrs.Card(card_id=0, due=now)
        after, _log = self._fsrs.review_card(before, fsrs.Rating(int(rating)), now)
        return _from_fsrs(after)

    @cached_property
    def _curve(self) -> tuple[float, float]:
        """fsrs's forgetting curve, (decay, factor), derived from its decay as fsrs.Scheduler does."""
        decay = -FSRS_DECAY
        return decay, 0.9 ** (1 / decay) - 1

    def retrievability(self, stability: float | None, last_review: datetime | None, now: datetime) -> float:
        """The probability (0-1) of recalling at `now` a fact of `stability` (days) last reviewed at
        `last_review`: fsrs's Scheduler.get_card_retrievability, without building an fsrs.Card.

        Whole days since the review count, as fsrs counts them; 0 when never reviewed. `now` and
        `last_review` are aware datetimes. tests/test_schedule.py checks it against fsrs's own on
        random cards, so a change in fsrs's curve shows there.
        """
        if last_review is None or stability is None:
            return 0.0
        decay, factor = self._curve
        elapsed_days = max(0, (now - last_review).days)
        return float((1 + factor * elapsed_days / stability) ** decay)

    def recalled_at_target(self, stability: float | None, last_review: datetime | None, now: datetime) -> bool:
        """Whether the fact (as for `retrievability`) is recalled with at least the target probability."""
        return self.retrievability(stability, last_review, now) >= self.target_recall

    def recall_probability(self, card: CardState | None, now: datetime) -> float:
        """The predicted probability that the fact is recalled at `now` (0 for a new fact)."""
        if card is None:
            return 0.0
        return self.retrievability(card.stability, card.last_review, utc(now))

    def is_mastered(self, card: CardState | None, now: datetime) -> bool:
        """A fact is mastered once it left the learning steps (Phase.REVIEW) and is recalled at the target."""
        if card is None or card.phase != Phase.REVIEW:
            return False
        return self.recalled_at_target(card.stability, card.last_review, utc(now))


def _to_fsrs(card: CardState) -> fsrs.Card:
    import fsrs

    return fsrs.Card(
        card_id=0,
        state=fsrs.State(int(card.phase)),
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=utc(card.due),
        last_review=utc(card.last_review) if card.last_review else None,
    )


def _from_fsrs(card: fsrs.Card) -> CardState:
    return CardState(
        phase=Phase(int(card.state)),
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=utc(card.due),
        last_review=utc(card.last_review) if card.last_review else None,
    )


def local_time(moment: datetime | None = None) -> datetime:
    """`moment` (default: now) in the person's time zone: the system's (TZ, /etc/localtime), or
    UTC where that one cannot be used (quiz.time_zone.settle_time_zone). Every local time quiz shows is this.
    Should the zone still fail here (a zone file settle_time_zone's moments did not catch), the
    process turns to UTC (quiz.time_zone.use_utc) rather than stop."""
    try:
        return utc(moment).astimezone()
    except (ValueError, OverflowError):
        from quiz.time_zone import use_utc

        use_utc()
        return utc(moment)


def local_day(moment: datetime | None = None) -> date:
    """The person's calendar day of `moment` (default: now): its date in the system's time zone.

    Every "day" quiz shows (today, streaks, accuracy per day, the forecast) is this day, so two
    evenings in Los Angeles are two days, not one UTC day.
    """
    return local_time(moment).date()


def day_start(day: date) -> datetime:
    """The moment (aware UTC) the person's calendar `day` starts: the first instant whose local date
    is `day` (or a later one, for a day the zone skipped, as Samoa skipped 2011-12-30).

    Usually local midnight. Where the clocks jump forward at midnight (America/Santiago in
    September, Asia/Beirut on 2026-03-29) midnight does not exist: the day starts at the jump, 01:00
    local. Where midnight comes twice (clocks go back at 01:00), the day starts at the first. Read
    with PEP 495: a naive local time in a gap maps to two instants either side of the jump, one per
    `fold`, and the jump lies between them; transitions fall on whole seconds (the tz database).
    """
    midnight = datetime.combine(day, time())
    early, late = sorted(midnight.replace(fold=fold).astimezone(UTC) for fold in (0, 1))
    if local_day(early) >= day:
        return early
    before, after = int(early.timestamp()), int(late.timestamp())
    while local_day(datetime.fromtimestamp(after, UTC)) < day:  # a jump longer than the gap read
        after += 3600
    while after - before > 1:  # the first second of the day lies in (before, after]
        middle = (before + after) // 2
        if local_day(datetime.fromtimestamp(middle, UTC)) >= day:
            after = middle
        else:
            before = middle
    return datetime.fromtimestamp(after, UTC)


def days_ahead(now: datetime, days: int) -> list[datetime]:
    """The moments (aware UTC) that start the person's today and each of the next `days - 1` days."""
    today = local_day(now)
    return [day_start(today + timedelta(days=i)) for i in range(days)]
