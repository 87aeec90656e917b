"""Properties of question generation over generated decks (Hypothesis)."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.deck.model import Deck, Fact
from quiz.deck.text import normalize
from quiz.generate import Kind, Question, check_typed, generate, kinds_for, make_question
from quiz.lint import lint_deck
from quiz.typed import case_units, read
from tests.strategies import SHORT, decks


def _multiple_choice(deck: Deck, seed: int) -> list[Question]:
    return generate(deck, kinds=[Kind.MULTIPLE_CHOICE], seed=seed)


@pytest.mark.slow
@settings(max_examples=200)
@given(decks(max_facts=8, max_distractors=5), st.integers(0, 2**32))
def test_options_hold_the_answer_once_and_are_unique(deck: Deck, seed: int) -> None:
    for q in _multiple_choice(deck, seed):
        keys = [normalize(o) for o in q.options]
        assert 3 <= len(q.options) <= 4
        assert len(set(keys)) == len(keys)
        assert keys.count(normalize(q.answer)) == 1
        assert q.correct_index is not None and q.options[q.correct_index] == q.answer
        fact = deck.fact(q.fact_id)
        wrong = [o for i, o in enumerate(q.options) if i != q.correct_index]
        own = {normalize(d) for d in fact.distractors}
        group = {normalize(f.answer) for f in deck.facts if fact.group and f.group == fact.group}
        assert all(normalize(o) in own | group for o in wrong)
        if len(own) >= 3:
            assert all(normalize(o) in own for o in wrong)  # the fact's own distractors come first


@pytest.mark.slow
@settings(max_examples=100)
@given(decks(max_facts=8, max_distractors=5), st.integers(0, 2**32))
def test_same_seed_same_questions_alone_or_in_a_batch(deck: Deck, seed: int) -> None:
    questions = generate(deck, seed=seed)
    assert generate(deck, seed=seed) == questions
    for q in questions:
        assert make_question(deck, deck.fact(q.fact_id), q.kind, seed=seed) == q
    expected = [(f.id, k) for f in deck.facts for k in Kind if k in kinds_for(deck, f)]
    assert [(q.fact_id, q.kind) for q in questions] == expected


@pytest.mark.slow
@settings(max_examples=100)
@given(decks(max_facts=8, max_distractors=5))
def test_flashcard_only_warning_matches_generation(deck: Deck) -> None:
    warned = {p.message.split('"')[1] for p in lint_deck(deck) if p.rule == "flashcard-only"}
    assert warned == {f.id for f in deck.facts if Kind.MULTIPLE_CHOICE not in kinds_for(deck, f)}


# chi-square critical value for 3 degrees of freedom at p = 0.0001
CHI2_LIMIT = 21.1


def _chi2(counts: Counter[int], n: int, k: int) -> float:
    expected = n / k
    return sum((counts[i] - expected) ** 2 / expected for i in range(k))


@pytest.mark.slow
@settings(max_examples=15, derandomize=True)
@given(decks(max_facts=3, max_distractors=5))
def test_the_answer_position_is_uniform_over_seeds(deck: Deck) -> None:
    for fact in deck.facts:
        if Kind.MULTIPLE_CHOICE not in kinds_for(deck, fact):
            continue
        qs = [make_question(deck, fact, Kind.MULTIPLE_CHOICE, seed=s) for s in range(800)]
        k = len(qs[0].options)
        assert _chi2(Counter(q.correct_index for q in qs), len(qs), k) < CHI2_LIMIT


def test_the_answer_position_is_spread_over_a_deck() -> None:
    facts = tuple(
        Fact(id=f"f{i}", question=f"Q{i}?", answer=f"A{i}", distractors=(f"B{i}", f"C{i}", f"D{i}")) for i in range(800)
    )
    qs = _multiple_choice(Deck(id="d", title="D", facts=facts), seed=0)
    assert _chi2(Counter(q.correct_index for q in qs), len(qs), 4) < CHI2_LIMIT


def _typo(text: str, where: int) -> str | None:
    """Swap two different neighbouring letters, after the first, of a word of 4 or more letters that
    is no Roman numeral, or None if the text has no such pair (a slip that is forgiven in a word of
    any length: docs/questions.md, "One slip")."""
    import re

    from quiz.typed import is_numeral

    pairs = [
        i
        for m in re.finditer(r"[^\W\d_]+", text)
        if len(m.group()) >= 4 and not is_numeral(m.group().casefold())
        for i in range(m.start() + 1, m.end() - 1)
        if text[i].casefold() != text[i + 1].casefold()
    ]
    if not pairs:
        return None
    i = pairs[where % len(pairs)]
    return text[:i] + text[i + 1] + text[i] + text[i + 2 :]


@pytest.mark.slow
@settings(max_examples=100)
@given(decks(SHORT, max_facts=5, max_distractors=5), st.integers(0, 100))
def test_typed_matching_forgives_variants_and_rejects_distractors(deck: Deck, where: int) -> None:
    from quiz.pronouncing import is_word

    for q in generate(deck, kinds=[Kind.TYPED]):
        fact = deck.fact(q.fact_id)
        a = q.answer
        variants = [a, f"  {a}. ", f"({a})", f'"{a}"', a.replace(" ", "  "), a.replace("%", " %")]
        # Case is forgiven but where it is a unit's meaning ("1 T" is a tablespoon, "1 t" a teaspoon).
        variants += [v for v in (a.upper(), a.lower()) if case_units(v) == case_units(a)]
        typo = _typo(a, where)
        # A slip is forgiven only in words away from any number, never when it makes a real word,
        # and only in a language quiz has a dictionary of (Lexicon.has_dictionary: English).
        if typo is not None and read(a).shape == (("w",),) and q.lexicon is not None and q.lexicon.has_dictionary:
            made = {"".join(read(typo).runs[0]), *(set(read(typo).runs[0]) - set(read(a).runs[0]))}
            if not made & q.lexicon.words and not any(is_word(w) for w in made):  # "cour" for "cuor"
                variants.append(typo)
        for text in variants:
            assert check_typed(q, text), (a, text)
        for accepted in fact.accept:
            assert check_typed(q, accepted)
        for d in fact.distractors:
            assert not check_typed(q, d), (a, d)


def test_typed_questions_are_common_among_short_answers() -> None:
    words = ["Liver", "Lung", "Bone", "Brain", "Colon", "Skin", "Heart", "Kidney"]
    facts = tuple(
        Fact(id=f"f{i}", question="Q?", answer=w, distractors=tuple(x for x in words if x != w)[:3])
        for i, w in enumerate(words)
    )
    assert len(generate(Deck(id="d", title="D", facts=facts), kinds=[Kind.TYPED])) == len(words)
