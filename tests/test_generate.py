"""Question generation: examples of each kind, determinism and the typed-answer rule."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.deck.load import parse_deck
from quiz.deck.model import Deck, Fact, Source
from quiz.generate import (
    Kind,
    Question,
    check_typed,
    content_hash,
    generate,
    kinds_for,
    make_question,
    question_rng,
)

SRC = Source(id="src", title="A source", publisher="Pub")


def _deck(*facts: Fact) -> Deck:
    return Deck(id="d", title="D", facts=facts, sources=(SRC,))


WASH = Fact(
    id="wash",
    question="For how many seconds should you scrub your hands?",
    answer="20 seconds",
    distractors=("5 seconds", "60 seconds", "2 seconds", "90 seconds"),
    explanation="Twenty seconds removes most germs.",
    source="src",
    refs="p. 3",
    accept=("twenty seconds",),
)
ORGAN = [
    Fact(id=f"o{n}", question=f"Which organ does thing {n}?", answer=a, group="organs")
    for n, a in enumerate(["Liver", "Lung", "Bone", "Brain", "Colon"])
]


def test_multiple_choice_has_the_answer_once_among_four_options() -> None:
    q = make_question(_deck(WASH), WASH, Kind.MULTIPLE_CHOICE, seed=1)
    assert len(q.options) == 4
    assert q.options.count("20 seconds") == 1
    assert q.correct_index is not None and q.options[q.correct_index] == "20 seconds"
    assert set(q.options) - {"20 seconds"} <= set(WASH.distractors)
    assert q.source == SRC and q.refs == "p. 3"


def test_wrong_options_come_from_the_group_when_the_fact_has_none() -> None:
    deck = _deck(*ORGAN)
    q = make_question(deck, ORGAN[0], Kind.MULTIPLE_CHOICE, seed=0)
    assert len(q.options) == 4 and "Liver" in q.options
    assert set(q.options) <= {"Liver", "Lung", "Bone", "Brain", "Colon"}


def test_own_distractors_come_before_the_group() -> None:
    fact = Fact(id="x", question="Which organ?", answer="Heart", distractors=("Spleen", "Kidney"), group="organs")
    deck = _deck(fact, *ORGAN)
    for seed in range(20):
        q = make_question(deck, fact, Kind.MULTIPLE_CHOICE, seed=seed)
        assert {"Heart", "Spleen", "Kidney"} <= set(q.options) and len(q.options) == 4


def test_group_answers_equal_to_the_answer_are_not_options() -> None:
    facts = [
        Fact(id="a", question="Q a?", answer="Liver", group="g"),
        Fact(id="b", question="Q b?", answer="  LIVER ", group="g"),
        Fact(id="c", question="Q c?", answer="Lung", group="g"),
    ]
    deck = _deck(*facts)
    assert Kind.MULTIPLE_CHOICE not in kinds_for(deck, facts[0])  # only "Lung" is a wrong option
    with pytest.raises(ValueError, match="flashcard only"):
        make_question(deck, facts[0], Kind.MULTIPLE_CHOICE, seed=0)


def test_three_options_when_only_two_wrong_ones_exist() -> None:
    fact = Fact(id="x", question="Q?", answer="Yes", distractors=("No", "Maybe"))
    q = make_question(_deck(fact), fact, Kind.MULTIPLE_CHOICE, seed=0)
    assert sorted(q.options) == ["Maybe", "No", "Yes"]


def test_flashcard_is_always_possible_and_carries_the_back() -> None:
    fact = Fact(id="x", question="Q?", answer="A long answer that nobody could ever type", explanation="E")
    deck = _deck(fact)
    assert kinds_for(deck, fact) == (Kind.FLASHCARD,)
    q = make_question(deck, fact, Kind.FLASHCARD, seed=0)
    assert (q.prompt, q.answer, q.explanation, q.options, q.correct_index) == ("Q?", fact.answer, "E", (), None)
    with pytest.raises(ValueError):
        make_question(deck, fact, Kind.TYPED, seed=0)


def test_generate_is_deck_order_then_kind_order_and_matches_make_question() -> None:
    deck = _deck(WASH, *ORGAN)
    questions = generate(deck, seed=7)
    assert [(q.fact_id, q.kind) for q in questions[:3]] == [
        ("wash", Kind.MULTIPLE_CHOICE),
        ("wash", Kind.FLASHCARD),
        ("wash", Kind.TYPED),
    ]
    for q in questions:
        assert q == make_question(deck, deck.fact(q.fact_id), q.kind, seed=7)
    assert generate(deck, seed=7) == questions
    only = generate(deck, kinds=[Kind.TYPED, Kind.FLASHCARD], seed=7)
    assert [q.kind for q in only[:2]] == [Kind.TYPED, Kind.FLASHCARD]


def test_different_seeds_shuffle_differently() -> None:
    deck = _deck(*ORGAN)
    layouts = {make_question(deck, ORGAN[0], Kind.MULTIPLE_CHOICE, seed=s).options for s in range(30)}
    assert len(layouts) > 5


def test_a_large_group_generates_every_fact() -> None:
    facts = tuple(Fact(id=f"f{n}", question=f"Q {n}?", answer=f"Answer {n}", group="all") for n in range(2000))
    questions = generate(_deck(*facts), kinds=[Kind.MULTIPLE_CHOICE], seed=3)
    assert len(questions) == 2000
    assert all(len(set(q.options)) == 4 for q in questions)


@pytest.mark.parametrize(
    ("answer", "typed"),
    [
        ("20 seconds", "20 Seconds"),
        ("20 seconds", "  20 seconds. "),
        ("20 seconds", "20seconds"),
        ("20 seconds", "twenty seconds"),  # a small number in words
        ("2%", "2 %"),
        ("2%", "2 percent"),
        ("2.5 mg", "2,5 mg"),
        ("1000 mL", "1,000 ml"),
        ("Crème brûlée", "creme brulee"),
        ("A clean towel", "clean towel"),
        ("Colonoscopy", "colonscopy"),
        ("Colonoscopy", "(colonoscopy)"),
        ("CEA", "cea"),
    ],
)
def test_typed_answers_forgive_what_a_reader_would(answer: str, typed: str) -> None:
    q = Question("x", Kind.TYPED, "Q?", answer, "", None, "", accept=("twenty seconds",))
    assert check_typed(q, typed)


@pytest.mark.parametrize(
    ("answer", "typed"),
    [
        ("20 seconds", "2 seconds"),
        ("20 seconds", "200 seconds"),
        ("2%", "20%"),
        ("<1%", "1%"),
        ("CEA", "CEB"),  # too short for a typo to be forgiven
        ("Colonoscopy", "colnscpy"),
        ("Liver", ""),
        ("Liver", "..."),
        ("20 seconds", "seconds 20"),
        ("20 seconds", "20 secnods"),  # no slip in a word next to a number (its unit)
    ],
)
def test_typed_answers_reject_what_is_different(answer: str, typed: str) -> None:
    assert not check_typed(Question("x", Kind.TYPED, "Q?", answer, "", None, ""), typed)


def test_typed_is_offered_only_for_short_unambiguous_answers() -> None:
    short = Fact(id="a", question="Q?", answer="Liver", distractors=("Lung", "Bone"))
    long = Fact(id="b", question="Q?", answer="Take it with food and plenty of water", distractors=("x", "y"))
    close = Fact(id="c", question="Q?", answer="Colon", distractors=("Collon", "Bone"))
    deck = _deck(short, long, close)
    assert Kind.TYPED in kinds_for(deck, short)
    assert Kind.TYPED not in kinds_for(deck, long)
    assert Kind.TYPED not in kinds_for(deck, close)  # "Collon" passes as a slip (a doubled letter)


# Stored with every answer (quiz.history): if it changed, every fact in every history would look edited.
WASH_HASH = "fb1ba6b6c624e4fb"


def test_content_hash_is_stable_and_notices_changes() -> None:
    assert content_hash(WASH) == WASH_HASH
    assert content_hash(WASH._replace(question=f"  {WASH.question}\n")) == WASH_HASH  # spacing does not count
    reordered = WASH._replace(distractors=tuple(reversed(WASH.distractors)))
    assert content_hash(reordered) == content_hash(WASH)
    assert content_hash(WASH._replace(explanation="changed")) == content_hash(WASH)
    assert content_hash(WASH._replace(answer="30 seconds")) != content_hash(WASH)
    assert content_hash(WASH._replace(question="Other?")) != content_hash(WASH)
    assert content_hash(WASH._replace(distractors=("5 seconds", "60 seconds", "2 seconds"))) != content_hash(WASH)
    assert content_hash(WASH._replace(distractors=("5 seconds", "60 seconds", "2 seconds", "9 seconds"))) != WASH_HASH



def test_generate_a_loaded_deck() -> None:
    deck = parse_deck(
        'format = 1\n[deck]\nid = "d"\ntitle = "D"\n'
        '[[facts]]\nid = "a"\nquestion = "Q?"\nanswer = "Yes"\ndistractors = ["No", "Maybe"]\n'
    )
    assert [q.kind for q in generate(deck)] == [Kind.MULTIPLE_CHOICE, Kind.FLASHCARD, Kind.TYPED]


def test_an_option_composed_another_way_is_never_shown_twice() -> None:
    """The nfc-nfd-distractor case: a distractor that is the answer in decomposed Unicode (NFD)."""
    import unicodedata

    nfd = unicodedata.normalize("NFD", "Café au lait")
    fact = Fact(
        id="drink",
        question="Which drink has milk in it?",
        answer="Café au lait",
        distractors=(nfd, "Black tea", "Water", unicodedata.normalize("NFD", "Thé"), "Wa\u200bter\u00a0"),
        group="drinks",
    )
    other = Fact(id="other", question="Q?", answer="Thé", group="drinks")
    for q in (q for seed in range(30) for q in generate(_deck(fact, other), kinds=[Kind.MULTIPLE_CHOICE], seed=seed)):
        shown = [" ".join(unicodedata.normalize("NFC", o).replace("\u200b", "").casefold().split()) for o in q.options]
        assert len(shown) == len(set(shown)), q.options


def test_content_hash_ignores_unicode_composition() -> None:
    import unicodedata

    nfd = WASH._replace(question=unicodedata.normalize("NFD", "Combien de secondes? Café"))
    assert content_hash(nfd) == content_hash(WASH._replace(question="Combien de secondes? Café"))
    assert content_hash(nfd) != content_hash(WASH)


@given(st.integers(0, 2**64), st.text(max_size=20), st.sampled_from(list(Kind)), st.integers(0, 50), st.integers())
def test_a_reseeded_generator_draws_as_a_new_one(seed: int, ident: str, kind: Kind, used: int, before: int) -> None:
    """generate reseeds one generator for a deck (question_rng's `reuse`); make_question makes a new one."""
    reused = random.Random(before)
    for _ in range(used):  # whatever the previous question drew
        reused.random()
    reused.gauss(0, 1)  # and a Gaussian's second value, which the generator keeps for its next call
    fresh = question_rng(seed, ident, kind)
    again = question_rng(seed, ident, kind, reuse=reused)
    assert again is reused
    assert [again.random() for _ in range(5)] == [fresh.random() for _ in range(5)]
    assert again.gauss(0, 1) == fresh.gauss(0, 1)
    options = list(range(8))
    assert again.sample(options, 3) == fresh.sample(options, 3)
    assert again.randrange(1000) == fresh.randrange(1000)
