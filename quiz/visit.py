"""A plan that ends on the day of a clinic visit: what to review each day so that as much as
possible, must-know facts first, is remembered ON that day. Pure: no I/O, no UI.

Ordinary spaced repetition asks what is due now. Before a visit the question is different: which
reviews today raise most what will be remembered on the visit day? fsrs gives, for each fact, the
probability of recall at any moment (its retrievability); a review today changes it. So each day
the plan weighs every fact by how much one review today raises its recall at the visit, weighted
by priority (must-know counts most), spreads the new facts over the days left, and keeps the day
short (`per_day` questions). After the visit day the deck goes back to ordinary review.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Mapping
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, NamedTuple

from quiz.curriculum import must_know_first
from quiz.deck.model import MUST_KNOW, NICE_TO_KNOW, Deck, Fact
from quiz.plural import plural
from quiz.schedule import Rating, day_start, local_day

if TYPE_CHECKING:
    from quiz.schedule import Scheduler
    from quiz.store import FactState

DEFAULT_PER_DAY = 10
"""Questions a day before a visit, unless the person chooses another number."""
MAX_PER_DAY = 200
"""The most questions a day a visit plan asks (the history's deck_plan table holds no more)."""

_WEIGHT = {MUST_KNOW: 3.0, NICE_TO_KNOW: 0.5}
"""How much a fact's recall on the visit day counts, by priority (should-know counts 1)."""


def visit_moment(visit: date) -> datetime:
    """The moment recall is planned for: the start of the visit day, in the person's time zone."""
    return day_start(visit)


def days_left(visit: date, now: datetime) -> int:
    """Whole days from the person's today to the visit day (0 on the day itself; negative after)."""
    return (visit - local_day(now)).days


def planning(visit: date | None, now: datetime) -> bool:
    """Whether a visit plan is in force: a visit date set, and not yet passed."""
    return visit is not None and days_left(visit, now) >= 0


class VisitForecast(NamedTuple):
    """What the person will likely remember on the visit day, from the same model as the plan."""

    visit: date
    days_left: int
    must_know_likely: int
    must_know: int
    likely: int
    facts: int

    def line(self) -> str:
        """'On Tue 15 Dec (14 days): you will likely remember 11 of 12 must-know facts.'"""
        when = self.visit.strftime("%a %d %b")
        left = "today" if self.days_left == 0 else f"{plural(self.days_left, 'day')} left"
        if self.must_know:
            what = f"{self.must_know_likely} of {self.must_know} must-know facts"
        else:
            what = f"{self.likely} of {self.facts} facts"
        return f"Visit on {when} ({left}): you will likely remember {what}. Review (r) plans for that day."


def forecast(
    deck: Deck, states: Mapping[str, FactState], scheduler: Scheduler, now: datetime, visit: date
) -> VisitForecast:
    """The expected number of facts (and must-know facts) recalled at the visit, as the sum of
    each fact's recall probability then (fsrs retrievability; 0 for a fact never answered),
    rounded down so the promise is never larger than the model's."""
    at = visit_moment(visit)
    recall = {f.id: scheduler.recall_probability(states[f.id].card, at) if f.id in states else 0.0 for f in deck.facts}
    must = [f.id for f in deck.facts if f.priority == MUST_KNOW]
    return VisitForecast(
        visit=visit,
        days_left=days_left(visit, now),
        must_know_likely=math.floor(sum(recall[i] for i in must) + 1e-9),
        must_know=len(must),
        likely=math.floor(sum(recall.values()) + 1e-9),
        facts=len(deck.facts),
    )


def choose_for_visit(
    deck: Deck,
    states: Mapping[str, FactState],
    scheduler: Scheduler,
    now: datetime,
    visit: date,
    *,
    scope: Collection[str] | None = None,
    per_day: int = DEFAULT_PER_DAY,
) -> list[str]:
    """Today's facts for a visit on `visit`: at most `per_day` fact ids, in the order to ask them.

    Every fact is weighed by how much one review now (rated Good) raises its recall probability at
    the visit, times its priority weight (a new fact: from nothing to what one review leaves); new
    facts (must-know first) get at least an even share of the days left, so none is left to the
    last day. `scope` (fact ids) limits the choice, as a session's topic and detail do.
    """
    facts = [f for f in deck.facts if scope is None or f.id in scope]
    at = visit_moment(visit)
    left = max(days_left(visit, now), 0) + 1  # today counts
    new = must_know_first(f for f in facts if f.id not in states)
    at_least_new = min(len(new), math.ceil(len(new) / left), per_day)
    first_review = scheduler.recall_probability(scheduler.review(None, Rating.GOOD, now), at) if new else 0.0

    def gain(fact: Fact) -> float:
        """How much one review now raises the fact's recall at the visit, times its weight."""
        weight = _WEIGHT.get(fact.priority, 1.0)
        if fact.id not in states:
            return first_review * weight
        card = states[fact.id].card
        before = scheduler.recall_probability(card, at)
        after = scheduler.recall_probability(scheduler.review(card, Rating.GOOD, now), at)
        return (after - before) * weight

    chosen = [f.id for f in new[:at_least_new]]  # new facts get at least their share of the days left
    rest = sorted((f for f in facts if f.id not in chosen), key=gain, reverse=True)
    chosen += [f.id for f in rest[: per_day - len(chosen)]]
    return chosen


def parse_visit(text: str, today: date) -> date | None:
    """A visit date typed as YYYY-MM-DD: None for an empty text (no visit). Raises ValueError with
    a plain message for anything else, or a date before `today` or more than a year after it."""
    text = text.strip()
    if not text:
        return None
    try:
        when = date.fromisoformat(text)
    except ValueError:
        parts = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)  # written so, but no such day: "2026-02-30"
        if parts and not 1 <= int(parts[2]) <= 12:
            raise ValueError(f"“{text}”: there is no month {int(parts[2])}; write year-month-day") from None
        if parts:
            raise ValueError(f"“{text}” is no day of the calendar: that month has fewer days") from None
        raise ValueError(f"“{text}” is not a date: write it as year-month-day, like {today.isoformat()}") from None
    if when < today:
        raise ValueError(f"{when.isoformat()} has passed: give the date of a visit still to come")
    if when > today + timedelta(days=366):
        raise ValueError(f"{when.isoformat()} is more than a year away: give a date within the next year")
    return when
