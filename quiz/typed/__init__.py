"""Typed answers marked as a careful nurse would: a different number or a different word is never right.

docs/questions.md ("Typed answers: what counts as right") states the rules for authors;
tests/data/typed-answers.tsv is a table of cases. Pure: no I/O but reading quiz's own look-alike
list (quiz/data/look-alikes.tsv) and, at the first slip in an English deck, the CMU Pronouncing
Dictionary; no UI. rapidfuzz is imported only when a slip is weighed, so `quiz check` on a deck
without near misses does not load it.

The package reads in layers: `words` (the tables: number words, units, comparisons), `reading`
(what a text says: fold, read), `lexicon` (the real words a slip must not become) and `marking`
(mark, is_match, typed_possible). The names below are its public face.
"""

from quiz.typed.lexicon import (
    CURATED_ONLY,
    Lexicon,
    deck_lexicon,
    deck_texts,
    look_alike_pairs,
    look_alikes,
    slip_runs,
)
from quiz.typed.marking import (
    Keys,
    TypedMark,
    exact_keys,
    is_match,
    is_numeral,
    mark,
    same_answer,
    typed_possible,
)
from quiz.typed.reading import Reading, fold, number_value, read
from quiz.typed.words import DECIMAL_COMMA, TYPED_MAX_CHARS, TYPED_MAX_WORDS, TYPO_MIN_LETTERS, UNIT_NAMES

__all__ = [
    "Keys",
    "CURATED_ONLY",
    "DECIMAL_COMMA",
    "TYPED_MAX_CHARS",
    "TYPED_MAX_WORDS",
    "TYPO_MIN_LETTERS",
    "UNIT_NAMES",
    "Lexicon",
    "Reading",
    "TypedMark",
    "deck_lexicon",
    "deck_texts",
    "exact_keys",
    "fold",
    "is_match",
    "is_numeral",
    "look_alike_pairs",
    "look_alikes",
    "mark",
    "number_value",
    "read",
    "same_answer",
    "slip_runs",
    "typed_possible",
]
