"""Does the visit plan work? Simulated learners study a deck for a visit, three ways.

A simulated learner's memory follows the FSRS model with parameters of its own (fsrs's defaults,
each moved by up to ±20%, seeded), so the learner is not the model quiz schedules with. Each day
the learner answers `per_day` questions chosen by a strategy; each answer is recalled with the
learner's true probability of recall at that moment, and both the learner's memory and quiz's
model take the resulting rating (Good or Again). On the visit day the figure is the expected
number of must-know facts recalled (the sum of the learner's true recall probabilities; every fact
when the deck has no must-know facts), averaged over the learners. The strategies:

- "plan": quiz.visit.choose_for_visit, the date-aware plan;
- "review": quiz's ordinary review: what is due now, most overdue first, then up to
  NEW_PER_SESSION new facts (must-know first), `per_day` questions at most;
- "order": the deck in order, `per_day` facts a day, from the start again at the end.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime, timedelta
from statistics import mean
from typing import NamedTuple

import fsrs
from fsrs.scheduler import DEFAULT_PARAMETERS

from quiz.curriculum import must_know_first
from quiz.deck.model import MUST_KNOW, Deck
from quiz.schedule import NEW_PER_SESSION, CardState, Rating, Scheduler
from quiz.visit import choose_for_visit

START = datetime(2026, 1, 5, 14, 0, tzinfo=UTC)
"""The first study day's afternoon (UTC): the plan's days are the machine's local days."""


class _State(NamedTuple):
    """What choose_for_visit reads of a fact's stored state: its scheduling card."""

    card: CardState


Strategy = Callable[[Deck, "States", Scheduler, datetime, date, int], list[str]]


States = Mapping[str, _State]


def plan(deck: Deck, states: States, model: Scheduler, now: datetime, visit: date, n: int) -> list[str]:
    return choose_for_visit(deck, states, model, now, visit, per_day=n)  # type: ignore[arg-type]


def review(deck: Deck, states: States, model: Scheduler, now: datetime, visit: date, n: int) -> list[str]:
    due = sorted((s.card.due, i) for i, s in states.items() if s.card.due <= now)
    new = [f.id for f in must_know_first(f for f in deck.facts if f.id not in states)][:NEW_PER_SESSION]
    return ([i for _, i in due] + new)[:n]


def in_order(deck: Deck, states: States, model: Scheduler, now: datetime, visit: date, n: int) -> list[str]:
    day = (now - START).days
    ids = [f.id for f in deck.facts]
    return [ids[(day * n + k) % len(ids)] for k in range(min(n, len(ids)))]


STRATEGIES: dict[str, Strategy] = {"plan": plan, "review": review, "order": in_order}


def _learner_parameters(rng: random.Random) -> list[float]:
    """fsrs's default parameters, each moved by up to ±20%, kept within fsrs's bounds."""
    from fsrs.scheduler import LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS

    out = []
    for value, low, high in zip(DEFAULT_PARAMETERS, LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS, strict=True):
        out.append(min(max(value * rng.uniform(0.8, 1.2), low), high))
    return out


def recalled_on_visit(
    deck: Deck, strategy: Strategy, *, learner: int, seed: int = 0, days: int = 14, per_day: int = 10
) -> float:
    """One simulated learner: the expected number of must-know facts recalled on the visit day."""
    rng = random.Random(f"visit:{seed}:{learner}")
    memory = fsrs.Scheduler(parameters=_learner_parameters(rng), enable_fuzzing=False)
    model = Scheduler(fuzz=False)
    visit = (START + timedelta(days=days)).date()
    true_cards: dict[str, fsrs.Card] = {}
    states: dict[str, _State] = {}
    for day in range(days):
        now = START + timedelta(days=day)
        for k, fact_id in enumerate(strategy(deck, states, model, now, visit, per_day)):
            at = now + timedelta(minutes=k)
            card = true_cards.get(fact_id)
            recall = memory.get_card_retrievability(card, at) if card is not None else 0.0
            rating = Rating.GOOD if rng.random() < recall else Rating.AGAIN
            true_cards[fact_id], _ = memory.review_card(card or fsrs.Card(due=at), fsrs.Rating(int(rating)), at)
            before = states[fact_id].card if fact_id in states else None
            states[fact_id] = _State(model.review(before, rating, at))
    at_visit = START + timedelta(days=days)
    must = [f.id for f in deck.facts if f.priority == MUST_KNOW] or [f.id for f in deck.facts]
    return sum(memory.get_card_retrievability(true_cards[i], at_visit) for i in must if i in true_cards)


def compare(deck: Deck, *, learners: int = 200, seed: int = 0, days: int = 14, per_day: int = 10) -> dict[str, float]:
    """The mean expected must-know facts recalled on the visit day, per strategy, on the same learners."""
    return {
        name: mean(
            recalled_on_visit(deck, strategy, learner=k, seed=seed, days=days, per_day=per_day) for k in range(learners)
        )
        for name, strategy in STRATEGIES.items()
    }
