"""Question generation gives exactly the questions it gave before: golden files per seed.

The questions are kept in tests/golden/generate-*.json; a change there changes what learners see
for a saved seed, so update them only on purpose (tests/golden_files.py says how) and say why in
the commit.
"""

from __future__ import annotations

import random
from pathlib import Path

from quiz.deck.load import load_deck
from quiz.deck.model import Deck, Fact, Source
from quiz.generate import Kind, Question, check_typed, generate, kinds_for, make_question
from tests.golden_files import Golden

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


def _as_json(q: Question) -> dict[str, object]:
    """The question as the learner meets it; keys with nothing in them are left out."""
    source = None if q.source is None else [q.source.id, q.source.title, q.source.publisher, q.source.url]
    shown = {
        "fact": q.fact_id,
        "kind": str(q.kind),
        "prompt": q.prompt,
        "answer": q.answer,
        "explanation": q.explanation,
        "source": source,
        "refs": q.refs,
        "options": list(q.options),
        "correct": q.correct_index,
        "accept": list(q.accept),
    }
    return {key: value for key, value in shown.items() if value not in ("", [], None)}


def _all_json(questions: list[Question]) -> list[dict[str, object]]:
    return [_as_json(q) for q in questions]


FACT_KINDS = (Kind.MULTIPLE_CHOICE, Kind.FLASHCARD, Kind.TYPED)
"""The kinds every fact is asked as (those of quiz.kinds need a statement or the glossary: tests/test_kinds.py)."""


def _by_seed(deck: Deck, seeds: tuple[int, ...]) -> dict[str, object]:
    """Every question for the first seed; for the others what a seed changes (which facts, which
    kinds, in what order, the options and where the answer is), one question to a line."""
    first, *others = seeds
    got: dict[str, object] = {f"seed {first}": _all_json(generate(deck, seed=first))}
    for seed in others:
        got[f"seed {seed}: fact, kind, options, correct"] = [
            [q.fact_id, str(q.kind), list(q.options), q.correct_index] if q.options else [q.fact_id, str(q.kind)]
            for q in generate(deck, seed=seed)
        ]
    return got


def test_generate_gives_the_golden_questions(golden: Golden) -> None:
    deck = _varied_deck(120, seed=3)
    golden("generate-varied", _by_seed(deck, (0, 1, 7, 12345)))


def test_generate_by_kind_gives_the_golden_questions(golden: Golden) -> None:
    deck = _varied_deck(80, seed=4)
    got = {str(kind): _all_json(generate(deck, kinds=[kind], seed=5)) for kind in reversed(FACT_KINDS)}
    got["typed then multiple choice"] = _all_json(generate(deck, kinds=[Kind.TYPED, Kind.MULTIPLE_CHOICE], seed=5))
    golden("generate-by-kind", got)


def test_make_question_and_kinds_for_agree_with_generate() -> None:
    deck = _varied_deck(300, seed=6)
    questions = [make_question(deck, f, k, seed=9) for f in deck.facts for k in kinds_for(deck, f)]
    assert questions == generate(deck, seed=9)


def test_builtin_deck_gives_the_golden_questions(golden: Golden) -> None:
    deck = load_deck(ROOT / "decks" / "rectal-cancer-stage-iv.toml")
    # An edit of the deck changes these too: update them then, and read the questions' diff.
    golden("generate-builtin", _by_seed(deck, (0, 1, 2)))


def test_typed_answers_are_judged_as_before(golden: Golden) -> None:
    rng = random.Random(8)
    texts = [*SHORT, *TYPED_TRIES]
    deck = _varied_deck(40, seed=9)
    got = []
    for fact in deck.facts:
        for q in generate(Deck(id="x", title="x", facts=(fact,)), kinds=[Kind.TYPED], seed=0):
            tried = rng.sample(texts, 12)
            got.append(
                {
                    "answer": q.answer,
                    "accept": list(q.accept),
                    "passes": [t for t in tried if check_typed(q, t)],
                    "fails": [t for t in tried if not check_typed(q, t)],
                }
            )
    # Issue 13 changed two on purpose: "twenty seconds" (a number in words) and "20 secs" (a unit's
    # abbreviation) pass for an accept text "20 seconds".
    golden("typed-judgements", got)

