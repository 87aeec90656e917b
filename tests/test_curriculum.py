"""Topics and priorities in what a session asks, the why of a picked option, and progress per topic."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.curriculum import by_topic, deck_progress, must_know_first, progress_lines, session_facts
from quiz.deck.load import load_deck
from quiz.deck.model import MUST_KNOW, NICE_TO_KNOW, PRIORITIES, SHOULD_KNOW, Deck, Fact, Topic
from quiz.deck.text import normalize
from quiz.generate import Kind, generate, why_of
from quiz.schedule import Rating, Scheduler
from quiz.store import Store

TOPICS = Path(__file__).parent / "data" / "decks" / "valid" / "topics.toml"
T0 = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)


def _deck() -> Deck:
    facts = (
        Fact("s1", "Q?", "A", topic="spread", priority=SHOULD_KNOW),
        Fact("n1", "Q?", "A", topic="spread", priority=NICE_TO_KNOW),
        Fact("m1", "Q?", "A", topic="spread", priority=MUST_KNOW),
        Fact("c1", "Q?", "A", topic="call", priority=SHOULD_KNOW),
        Fact("m2", "Q?", "A", topic="call", priority=MUST_KNOW),
        Fact("s2", "Q?", "A", topic="spread", priority=SHOULD_KNOW),
    )
    topics = (Topic("spread", "Liver spread"), Topic("call", "When to call"))
    return Deck("d", "Deck", facts, topics=topics)


def _ids(facts: list[Fact]) -> list[str]:
    return [f.id for f in facts]


def test_a_default_session_asks_must_know_first_and_leaves_out_nice_to_know() -> None:
    assert _ids(session_facts(_deck())) == ["m1", "m2", "s1", "c1", "s2"]


def test_more_detail_adds_nice_to_know_facts_among_the_others_after_must_know() -> None:
    """A learner who asks for detail meets it within a short session, not only after every other fact."""
    assert _ids(session_facts(_deck(), more_detail=True)) == ["m1", "m2", "s1", "n1", "c1", "s2"]


def test_nice_to_know_facts_come_once_everything_else_is_mastered() -> None:
    deck = _deck()
    assert "n1" not in _ids(session_facts(deck, mastered={"m1", "s1"}))
    assert _ids(session_facts(deck, "spread", mastered={"m1", "s1", "s2"})) == ["m1", "s1", "n1", "s2"]


def test_a_topic_session_asks_only_that_topic() -> None:
    assert _ids(session_facts(_deck(), "call")) == ["m2", "c1"]
    with pytest.raises(KeyError):
        session_facts(_deck(), "no-such-topic")


FACTS = st.lists(st.tuples(st.sampled_from(["a", "b"]), st.sampled_from(PRIORITIES)), min_size=1, max_size=12).map(
    lambda rows: tuple(Fact(f"f{i}", "Q?", "A", topic=t, priority=p) for i, (t, p) in enumerate(rows))
)


@given(FACTS, st.sampled_from([None, "a", "b"]), st.booleans(), st.sets(st.sampled_from([f"f{i}" for i in range(12)])))
def test_a_session_is_its_topics_facts_must_know_first_then_the_rest_in_deck_order(
    facts: tuple[Fact, ...], topic: str | None, more: bool, mastered: set[str]
) -> None:
    deck = Deck("d", "D", facts, topics=(Topic("a", "A"), Topic("b", "B")))
    chosen = session_facts(deck, topic, more_detail=more, mastered=mastered)
    scope = [f for f in facts if topic is None or f.topic == topic]
    rest_mastered = all(f.id in mastered for f in scope if f.priority != NICE_TO_KNOW)
    expected = [f for f in scope if more or rest_mastered or f.priority != NICE_TO_KNOW]
    assert sorted(_ids(chosen)) == sorted(_ids(expected))
    must = [f.priority == MUST_KNOW for f in chosen]
    assert must == sorted(must, reverse=True)  # every must-know fact before any other
    for first in (True, False):  # then deck order, should-know and nice-to-know alike
        same = [f for f in chosen if (f.priority == MUST_KNOW) == first]
        assert same == [f for f in facts if f in same]


def test_must_know_first_keeps_deck_order_among_the_rest() -> None:
    assert _ids(must_know_first(_deck().facts)) == ["m1", "m2", "s1", "n1", "c1", "s2"]


def test_by_topic_groups_in_topic_order_with_must_know_first_on_request() -> None:
    deck = _deck()
    groups = by_topic(deck, reversed(deck.facts), priority_first=True)
    assert [(t.id if t else None, _ids(fs)) for t, fs in groups] == [
        ("spread", ["m1", "s2", "s1", "n1"]),
        ("call", ["m2", "c1"]),
    ]
    plain = Deck("p", "P", (Fact("x", "Q?", "A"),))
    assert by_topic(plain, plain.facts) == [(None, list(plain.facts))]


# --- the why of the option picked ------------------------------------------------------------


TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=12).filter(str.strip)


@st.composite
def facts_with_whys(draw: st.DrawFn) -> Fact:
    answer = draw(TEXT)
    distractors = draw(
        st.lists(TEXT, min_size=2, max_size=5, unique_by=normalize).filter(
            lambda ds: all(normalize(d) != normalize(answer) for d in ds)
        )
    )
    whys = tuple(draw(st.just("") | TEXT) for _ in distractors)
    return Fact("f", "Q?", answer, tuple(distractors), whys=whys if any(whys) else ())


@given(facts_with_whys(), st.integers(0, 2**16))
def test_the_why_shown_is_that_of_the_option_picked(fact: Fact, seed: int) -> None:
    [question] = generate(Deck("d", "D", (fact,)), kinds=[Kind.MULTIPLE_CHOICE], seed=seed)
    whys = dict(zip(fact.distractors, fact.whys, strict=False))
    for i, option in enumerate(question.options):
        expected = "" if i == question.correct_index else whys.get(option, "")
        assert why_of(question, i) == expected
    assert why_of(question, len(question.options)) == "" and why_of(question, -1) == ""


def test_the_why_of_one_option_is_not_shown_for_another() -> None:
    deck = load_deck(TOPICS)
    [question] = [q for q in generate(deck, kinds=[Kind.MULTIPLE_CHOICE]) if q.fact_id == "fever-call"]
    wait = question.options.index("Wait a day to see if it goes away")
    water = question.options.index("Drink more water")
    assert why_of(question, wait).startswith("A fever during chemotherapy can be a serious infection")
    assert why_of(question, water) == ""
    assert why_of(question, question.correct_index or 0) == ""


# --- progress per topic, from the store --------------------------------------------------------


def _learn(store: Store, sid: int, fact: str) -> None:
    for day in range(4):
        store.record_answer(sid, "d", fact, kind="flashcard", response="Good", correct=True, rating=Rating.GOOD,
                            now=T0 + timedelta(days=day * 3))  # fmt: skip


def test_progress_per_topic_counts_must_know_apart_from_the_store(tmp_path: Path) -> None:
    deck = _deck()
    with Store.open(tmp_path, scheduler=Scheduler(fuzz=False), backup=False) as store:
        sid = store.start_session("d", "flashcard", now=T0)
        for fact in ("m1", "s1", "s2", "c1", "gone"):
            _learn(store, sid, fact)
        mastered = store.mastered_facts("d", now=T0 + timedelta(days=10))
    assert mastered == {"m1", "s1", "s2", "c1", "gone"}
    whole, topics = deck_progress(deck, mastered)
    assert [p.line() for p in topics] == [
        "Liver spread: 3 of 4 mastered, must-know: 1 of 1",
        "When to call: 1 of 2 mastered, must-know: 0 of 1",
    ]
    assert (whole.facts, whole.mastered, whole.must_know, whole.must_know_mastered) == (6, 4, 2, 1)
    assert [p.done for p in topics] == [True, False]  # nice-to-know n1 is not needed
    assert not whole.done  # a must-know fact (m2) is not mastered
    assert deck_progress(deck, mastered | {"m2"})[0].done


def test_a_deck_without_must_know_facts_says_nothing_of_them() -> None:
    deck = Deck("d", "Plain", (Fact("a", "Q?", "A"), Fact("b", "Q?", "B")))
    whole, topics = deck_progress(deck, {"a"})
    assert topics == [] and whole.line() == "Plain: 1 of 2 mastered" and not whole.done
    assert deck_progress(deck, {"a", "b"})[0].done


def test_a_deck_of_nice_to_know_facts_alone_is_done_only_when_all_are_mastered() -> None:
    deck = Deck(
        "d", "Extra", (Fact("a", "Q?", "A", priority=NICE_TO_KNOW), Fact("b", "Q?", "B", priority=NICE_TO_KNOW))
    )
    assert not deck_progress(deck, set())[0].done and not deck_progress(deck, {"a"})[0].done
    assert deck_progress(deck, {"a", "b"})[0].done


def test_progress_lines_count_must_know_apart_and_call_a_deck_mastered_only_when_it_is() -> None:
    deck = _deck()
    assert progress_lines(*deck_progress(deck, {"m1", "s1"})) == [
        "must-know: 1 of 2 mastered",
        "Liver spread: 2 of 4 mastered, must-know: 1 of 1",
        "When to call: 0 of 2 mastered, must-know: 0 of 1",
    ]
    everything_but_detail = {"m1", "m2", "s1", "s2", "c1"}
    assert (
        progress_lines(*deck_progress(deck, everything_but_detail))[0]
        == "Mastered: every must-know and should-know fact."
    )
    plain = Deck("p", "Plain", (Fact("a", "Q?", "A"),))
    assert progress_lines(*deck_progress(plain, set())) == []
