"""Question generation gives exactly the questions it gave before: digests pinned per seed.

The digests were computed before generate was optimised; a change here changes what learners
see for a saved seed, so update them only on purpose.
"""

from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path

import pytest

from quiz.deck.load import load_deck
from quiz.deck.model import Deck, Fact, Source
from quiz.generate import Kind, Question, check_typed, generate, kinds_for, make_question

ROOT = Path(__file__).resolve().parent.parent
WORDS = "dose scan tumor liver lung week month surgery nurse plan risk fever drug test rest".split()
TYPED_TRIES = (
    "20 secs|twenty seconds|1000|2 percent|2 per cent|cafe|Lvier|LIVER.|2.5 mg|2,5 mg|x ray|xray|Aero|on|the|10%"
    "|01|1.000,5|1,000.50"
).split("|")
SHORT = ["20 seconds", "2%", "1,000", "the Liver", "Café", "  LUNG ", "2.50 mg", "an X-ray", "9", "Ærø", "no"]


def _varied_deck(n_facts: int, seed: int) -> Deck:
    """Groups large and small, repeated and blank answers, shared distractors, typed-friendly answers."""
    rng = random.Random(seed)
    facts = []
    for i in range(n_facts):
        shape = rng.random()
        answer = rng.choice(SHORT) if shape < 0.3 else f"Answer {i % 97} {rng.choice(WORDS)}"
        if shape > 0.9:
            answer = " ".join(rng.choices(WORDS, k=rng.randint(3, 7)))
        pool = [*WORDS, *SHORT, answer.upper(), f" {answer} "]
        group = rng.choice(["", "", "big", "big", "big", "tiny", f"g{i % 7}"])
        facts.append(
            Fact(
                id=f"f{i:04d}",
                question=f"Question {i} about the {rng.choice(WORDS)}?",
                answer=answer,
                distractors=tuple(rng.sample(pool, rng.choice([0, 0, 1, 2, 3, 4, 6]))),
                explanation="Why." if i % 4 else "",
                source=rng.choice(["", "s1", "s2", "missing"]),
                refs=str(i % 9),
                group=group if group != "tiny" or i % 50 == 0 else "",
                accept=tuple(rng.sample(SHORT, rng.choice([0, 0, 1, 2]))),
            )
        )
    sources = (Source("s1", "One"), Source("s2", "Two", publisher="P"))
    return Deck(id="pinned", title="Pinned", facts=tuple(facts), sources=sources)


def _as_json(q: Question) -> list[object]:
    source = None if q.source is None else [q.source.id, q.source.title, q.source.publisher, q.source.url]
    return [
        q.fact_id, str(q.kind), q.prompt, q.answer, q.explanation, source, q.refs,
        list(q.options), q.correct_index, list(q.accept),
    ]


def _digest(questions: list[Question]) -> str:
    text = json.dumps([_as_json(q) for q in questions], ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


VARIED = {
    0: "44e70d1972d1e2e161c8",
    1: "7d9b878d5026d3ccbeb3",
    7: "7867222a45c64cb4ed27",
    12345: "6b59a18c2b59d983d44a",
}


@pytest.mark.parametrize(("seed", "expected"), sorted(VARIED.items()))
def test_generate_gives_the_pinned_questions(seed: int, expected: str) -> None:
    assert _digest(generate(_varied_deck(600, seed=3), seed=seed)) == expected


def test_generate_by_kind_gives_the_pinned_questions() -> None:
    deck = _varied_deck(300, seed=4)
    got = [_digest(generate(deck, kinds=[kind], seed=5)) for kind in reversed(Kind)]
    got.append(_digest(generate(deck, kinds=[Kind.TYPED, Kind.MULTIPLE_CHOICE], seed=5)))
    assert got == ["04d06f8384f95e9fc118", "1560769b7a6addf7eea8", "fafaa953a59d4d222608", "2e11906d12c9bf35f829"]


def test_make_question_and_kinds_for_agree_with_the_pinned_questions() -> None:
    deck = _varied_deck(300, seed=6)
    questions = [make_question(deck, f, k, seed=9) for f in deck.facts for k in kinds_for(deck, f)]
    assert _digest(questions) == "d569a29ff49d7388def4"
    assert _digest(questions) == _digest(generate(deck, seed=9))


def test_builtin_deck_gives_the_pinned_questions() -> None:
    deck = load_deck(ROOT / "decks" / "rectal-cancer-stage-iv.toml")
    # An edit of the deck changes these too: recompute them then, after checking the deck's diff.
    assert [_digest(generate(deck, seed=s)) for s in (0, 1, 2)] == [
        "9df63e7dd5ee1aa6ee4a",
        "8da949b37d703be625e2",
        "3b134ae20e24fcaaae3b",
    ]


def test_typed_answers_are_judged_as_before() -> None:
    rng = random.Random(8)
    texts = [*SHORT, *TYPED_TRIES]
    deck = _varied_deck(40, seed=9)
    got = []
    for fact in deck.facts:
        for q in generate(Deck(id="x", title="x", facts=(fact,)), kinds=[Kind.TYPED], seed=0):
            got.append([check_typed(q, t) for t in rng.sample(texts, 12)])
    digest = hashlib.sha256(json.dumps(got).encode()).hexdigest()[:20]
    # Changed on purpose by issue 13: "twenty seconds" (a number in words) and "20 secs" (a unit's
    # abbreviation) now pass for an accept text "20 seconds"; no other judgement differs.
    assert digest == "b511fa049c93b59052cc"
