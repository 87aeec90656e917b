"""Authoring warnings and reading counts are exactly what they were: golden files over varied decks.

The warnings and counts are kept in tests/golden/lint-*.json and reading-counts.json; a change
there changes what authors are told, so update them only on purpose (tests/golden_files.py says
how) and say why in the commit.
"""

from __future__ import annotations

import random
from pathlib import Path

from quiz.deck.load import load_deck, read_with_positions
from quiz.deck.locate import Layout, Table
from quiz.deck.model import Deck, Fact, Source
from quiz.deck.positions import Positions
from quiz.judging import deck_reading_grade, deck_reading_stats, fact_reading_stats
from quiz.lint import lint_deck
from quiz.readability import TextStats, syllables, text_stats
from tests.golden_files import Golden

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = [
    "Which of these is NOT a sign of a bleed?",
    "Which drug should you not take with *not* much water, except at night?",
    "What is the LEAST likely cause of fever at least a week after surgery?",
    "Is the tumour shrinking or not, and which scans show tumours best?",
    "Which treatment necessitates multidisciplinary consultation immediately?",
    "What does Café Ærø serve? Über-fast—or not?",
    "How often do bleeding gums mean bleeding elsewhere",
    "Which of the following is _except_ allowed?",
]
OPTIONS = [
    "All of the above",
    "none of these",
    "Both A and B",
    "A, B or C",
    "(a) & (b).",
    "only c or d",
    "Bleeding",
    "A very long answer that explains the treatment plan in full detail",
    "20%",
    "Liver",
    "Tumour shrinking",
    "Scan",
    "Two in 100 people",
    "10 percent",
    "Neither of the options",
    "X-ray",
]
EXPLANATIONS = [
    "",
    "About 20% of people have it. That is 20 in 100 people.",
    "It happens in 5 per cent of cases. Most people recover.",
    "Chemotherapy necessitates multidisciplinary consultation immediately. Ask your nurse!",
    'Take 2.5 mg a day (with food). It is safe."',
    "One in ten people — about 10% — get a rash; it's mild.",
    "Plain words help. Short sentences help too",
    "The risk is 0.5% (1 in 200).",
]
ALLOW = ["missing-source", "reading-level", "answer-longr", "zzz", "all-of-the-above", "negative-question"]


def _lint_deck(n_facts: int, seed: int) -> Deck:
    rng = random.Random(seed)
    facts = []
    for i in range(n_facts):
        answer = rng.choice(OPTIONS)
        facts.append(
            Fact(
                id=f"l{i:03d}",
                question=rng.choice(QUESTIONS),
                answer=answer,
                distractors=tuple(rng.sample([o for o in OPTIONS if o != answer], rng.choice([0, 1, 2, 3, 4]))),
                explanation=rng.choice(EXPLANATIONS),
                source=rng.choice(["", "s"]),
                group=rng.choice(["", "", "a", "b"]),
                allow=tuple(rng.sample(ALLOW, rng.choice([0, 0, 0, 1, 2]))),
            )
        )
    return Deck(id="lint", title="Lint", facts=tuple(facts), sources=(Source("s", "S"),), path=Path("lint.toml"))


def _positions(n_facts: int) -> Positions:
    """Each fact's [[facts]] header at line 10i+1; the odd ones with their question and answer placed."""
    layout = Layout()
    for i in range(n_facts):
        table = Table(10 * i + 1)
        if i % 2:
            table.keys = {"answer": (10 * i + 3, 10), "question": (10 * i + 2, 12)}
        layout.arrays.setdefault("facts", []).append(table)
    return Positions(layout=layout)


def _counts(stats: TextStats) -> list[int]:
    return [stats.words, stats.sentences, stats.syllables]


def _warnings(deck: Deck, positions: Positions) -> dict[str, object]:
    stats = deck_reading_stats(deck)
    # The file's name, not its path: the golden files must not depend on where the checkout lives.
    return {
        # As an author reads them: file:line:col: severity: message [rule].
        "warnings": [str(p).replace(str(p.path), p.path.name) for p in lint_deck(deck, positions)],
        "words, sentences, syllables, grade": [stats.words, stats.sentences, stats.syllables, deck_reading_grade(deck)],
    }


def test_lint_of_varied_decks_gives_the_golden_warnings(golden: Golden) -> None:
    golden("lint-varied", {f"seed {seed}": _warnings(_lint_deck(120, seed), _positions(120)) for seed in (0, 1, 2)})


def test_lint_of_the_builtin_and_corpus_decks_gives_the_golden_warnings(golden: Golden) -> None:
    # The built-in deck's warnings change whenever its text does: read their diff then.
    paths = [ROOT / "decks" / "rectal-cancer-stage-iv.toml", *sorted((ROOT / "tests/data/decks/valid").glob("*.toml"))]
    golden("lint-decks", {p.name: _warnings(*read_with_positions(p)) for p in paths})


def test_reading_counts_are_the_golden_counts(golden: Golden) -> None:
    deck = load_deck(ROOT / "decks" / "rectal-cancer-stage-iv.toml")
    texts = [*QUESTIONS, *OPTIONS, *EXPLANATIONS, *(t for f in deck.facts for t in (f.question, f.explanation))]
    words = sorted({w for t in texts for w in t.split()} | {"make", "whale", "asked", "tubes", "ies", "x2", "a"})
    golden(
        "reading-counts",
        {
            "syllables": {w: syllables(w) for w in words},
            "words, sentences, syllables of each text": [[t, *_counts(text_stats(t))] for t in texts],
            "words, sentences, syllables of each built-in fact": {
                f.id: _counts(fact_reading_stats(f)) for f in deck.facts
            },
        },
    )
