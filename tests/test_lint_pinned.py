"""Authoring warnings and reading counts are exactly what they were: digests pinned over varied decks.

The digests were computed before lint and readability were optimised; a change here changes what
authors are told, so update them only on purpose.
"""

from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path

from quiz.deck.load import load_deck, read_with_positions
from quiz.deck.locate import Layout, Table
from quiz.deck.model import Deck, Fact, Source
from quiz.deck.positions import Positions
from quiz.judging import deck_reading_grade, deck_reading_stats, fact_reading_stats
from quiz.lint import lint_deck
from quiz.readability import TextStats, syllables, text_stats

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


def _digest(value: object) -> str:
    return hashlib.sha256(json.dumps(value, ensure_ascii=False).encode("utf-8")).hexdigest()[:20]


def _counts(stats: TextStats) -> list[int]:
    return [stats.words, stats.sentences, stats.syllables]


def _warnings(deck: Deck, positions: Positions) -> list[list[object]]:
    stats = deck_reading_stats(deck)
    # The file's name, not its path: the digests must not depend on where the checkout lives.
    warnings = lint_deck(deck, positions)
    return [[str(p).replace(str(p.path), p.path.name), p.rule, p.severity, p.line, p.col] for p in warnings] + [
        [stats.words, stats.sentences, stats.syllables, deck_reading_grade(deck)]
    ]


def test_lint_of_varied_decks_gives_the_pinned_warnings() -> None:
    got = [_digest(_warnings(_lint_deck(120, seed), _positions(120))) for seed in (0, 1, 2)]
    # Updated on purpose when texts under MIN_GRADED_WORDS stopped getting a reading grade warning.
    # Updated on purpose when missing-why, topic-summary-long and typed-look-alike joined the rules
    # that unknown-allow lists, and again when context-dependent-stem and extreme-distractors did (issue 16).
    assert got == ["bd98695f793f41f3e6c2", "3a7ba384f44069377c7b", "fccadacf66b71bc13ad8"]


def test_lint_of_the_builtin_and_corpus_decks_gives_the_pinned_warnings() -> None:
    paths = [ROOT / "decks" / "rectal-cancer-stage-iv.toml", *sorted((ROOT / "tests/data/decks/valid").glob("*.toml"))]
    got = [_digest(_warnings(*read_with_positions(p))) for p in paths]
    # The first digest is updated on purpose whenever the built-in deck's text changes (issue 16 rewrote it).
    # topics.toml gained an extreme-distractors warning (its "liver-treat" options are all absolute) in issue 16.
    assert got == ["9668daf9cd8af037b9f8", "9a1e4faa8c8849923707", "6d36e9ac3b9490826c5f", "4d65b614fd7db98d6399"]


def test_reading_counts_are_the_pinned_counts() -> None:
    deck = load_deck(ROOT / "decks" / "rectal-cancer-stage-iv.toml")
    texts = [*QUESTIONS, *OPTIONS, *EXPLANATIONS, *(t for f in deck.facts for t in (f.question, f.explanation))]
    words = sorted({w for t in texts for w in t.split()} | {"make", "whale", "asked", "tubes", "ies", "x2", "a"})
    counts = [[syllables(w) for w in words], [_counts(text_stats(t)) for t in texts]]
    counts.append([_counts(fact_reading_stats(f)) for f in deck.facts])
    # Updated on purpose whenever the built-in deck's text changes (issue 16 rewrote it).
    assert _digest(counts) == "d9816ace680b31ef743b"
