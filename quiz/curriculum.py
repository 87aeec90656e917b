"""What a session asks and how far a learner has come, by topic and priority. Pure: no I/O, no UI.

A deck's facts are taught the way a nurse educator plans a teaching session: topic by topic,
must-know facts first (when to call the care team, what a treatment can and cannot do), then
should-know facts, and nice-to-know detail only when the learner asks for it or has mastered the
rest. The levels are the fact's `priority` (docs/deck-format.md).
"""

# No `from __future__ import annotations` here: typing.NamedTuple compiles each annotation written
# as text (typing.ForwardRef), about 7 µs a field at every start of the app (docs/benchmarks.md).

from collections.abc import Collection, Iterable
from typing import NamedTuple

from quiz.deck.model import MUST_KNOW, NICE_TO_KNOW, PRIORITIES, Deck, Fact, Topic

_RANK = {priority: rank for rank, priority in enumerate(PRIORITIES)}


def priority_rank(fact: Fact) -> int:
    """0 for a must-know fact, 1 for should-know, 2 for nice-to-know: a sort key, most important first."""
    return _RANK[fact.priority]


def must_know_first(facts: Iterable[Fact]) -> list[Fact]:
    """The must-know facts first, then the others, each in their order.

    Should-know and nice-to-know facts are not sorted apart: a learner who asks for more detail
    meets it among the rest of a topic, not only after every other fact (a 10-question session
    of a large topic would otherwise never reach it). A default session has no nice-to-know facts.
    """
    return sorted(facts, key=lambda fact: fact.priority != MUST_KNOW)


def topic_facts(deck: Deck, topic: str | None = None) -> tuple[Fact, ...]:
    """The deck's facts of one topic (by id), or all of them (None), in deck order.

    Raises KeyError for a topic id the deck does not have.
    """
    if topic is None:
        return deck.facts
    if deck.topic(topic) is None:
        raise KeyError(topic)
    return tuple(f for f in deck.facts if f.topic == topic)


def session_facts(
    deck: Deck, topic: str | None = None, *, more_detail: bool = False, mastered: Collection[str] = ()
) -> list[Fact]:
    """The facts a session may ask: of `topic` (an id; None for all), must-know first among equals.

    Must-know and should-know facts always; nice-to-know facts too when the learner asked for
    more detail, or once every other fact in scope is in `mastered` (fact ids, as from
    Store.mastered_facts). Within a priority the facts keep deck order. Raises KeyError for an
    unknown topic id.
    """
    facts = topic_facts(deck, topic)
    core = [f for f in facts if f.priority != NICE_TO_KNOW]
    if more_detail or all(f.id in mastered for f in core):
        return must_know_first(facts)
    return must_know_first(core)


def by_topic(
    deck: Deck, facts: Iterable[Fact], *, priority_first: bool = False
) -> list[tuple[Topic | None, list[Fact]]]:
    """`facts` grouped by topic, topics in deck order (empty ones left out).

    A deck without topics gives one group whose topic is None. With priority_first, each group
    lists its must-know facts first (for a summary of misses); otherwise facts keep their order.
    """
    groups: dict[str, list[Fact]] = {}
    for fact in facts:
        groups.setdefault(fact.topic, []).append(fact)
    order: list[tuple[Topic | None, str]] = [(t, t.id) for t in deck.topics]
    if "" in groups or not deck.topics:
        order.append((None, ""))
    result = []
    for topic, key in order:
        found = groups.get(key)
        if found:
            result.append((topic, sorted(found, key=priority_rank) if priority_first else found))
    return result


class Progress(NamedTuple):
    """How many facts of a topic (or a whole deck) are mastered, must-know facts counted apart."""

    title: str
    facts: int
    mastered: int
    must_know: int
    must_know_mastered: int
    done: bool
    """Mastered as a whole: every must-know and should-know fact is (nice-to-know is extra detail),
    so never while a must-know fact is not; with only nice-to-know facts, every fact is."""

    def line(self) -> str:
        """One line for Home and History: "Liver spread: 6 of 9 mastered, must-know: 4 of 7"."""
        text = f"{self.title}: {self.mastered} of {self.facts} mastered"
        if self.must_know:
            text += f", must-know: {self.must_know_mastered} of {self.must_know}"
        return text


def _progress(title: str, facts: Iterable[Fact], mastered: Collection[str]) -> Progress:
    total = done = must = must_done = core = core_done = 0
    for fact in facts:
        known = fact.id in mastered
        total += 1
        done += known
        if fact.priority == MUST_KNOW:
            must += 1
            must_done += known
        if fact.priority != NICE_TO_KNOW:
            core += 1
            core_done += known
    whole = core_done == core if core else done == total
    return Progress(title, total, done, must, must_done, whole and total > 0)


def deck_progress(deck: Deck, mastered: Collection[str]) -> tuple[Progress, list[Progress]]:
    """The deck's progress as a whole and per topic (in deck order; [] for a deck without topics).

    `mastered` holds the ids of mastered facts (Store.mastered_facts); ids of facts no longer in
    the deck are ignored.
    """
    whole = _progress(deck.title, deck.facts, mastered)
    return whole, [_progress(t.title, topic_facts(deck, t.id), mastered) for t in deck.topics]


def progress_lines(whole: Progress, topics: list[Progress]) -> list[str]:
    """A deck's progress in words for Home and History: the deck as a whole, then a line per topic.

    The first line says the deck is mastered only when every must-know and should-know fact is;
    until then it counts the must-know facts apart ("must-know: 4 of 7 mastered"), if there are any.
    """
    lines = []
    if whole.done:
        lines.append("Mastered: every must-know and should-know fact.")
    elif whole.must_know:
        lines.append(f"must-know: {whole.must_know_mastered} of {whole.must_know} mastered")
    return lines + [topic.line() for topic in topics]
