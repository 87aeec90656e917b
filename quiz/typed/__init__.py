"""Typed answers marked as a careful nurse would: a different number or a different word is never right.

docs/questions.md ("Typed answers: what counts as right") states the rules for authors;
tests/data/typed-answers.tsv is a table of cases. Pure: no I/O but reading quiz's own look-alike
list (quiz/data/look-alikes.tsv) and, at the first slip in an English deck, the CMU Pronouncing
Dictionary; no UI. rapidfuzz is imported only when a slip is weighed, so `quiz check` on a deck
without near misses does not load it.

Which slips are forgiven (lexicon.forgivable; decided 2026-11-30 after a review found short words
and medical words marked right: "ice" for "lice", "fundus" for "fungus", "Videx" for "Bidex"): a
wrong answer marked right is the worst mistake, and no word list quiz has (the deck's texts, its
look-alikes, the CMU dictionary) holds every medical word and drug name. So a slip is forgiven only
where it seldom makes another word: in one word of 4+ letters (as answered and as typed), never at
its first letter, and only a swap, a doubled or undoubled letter or a plural ending (in a word of
8+ letters also a vowel dropped or added: "hepatoma" is not "hematoma" however long the word);
then never if the result is a known word. Misspellings such as "asprin" are wrong
now: a right answer marked wrong is the lesser harm, and the feedback shows what was typed.

The package reads in layers: `words` (the tables: number words, units, comparisons), `numbers`
(a number's value in its written forms), `units` (the SI's unit symbols: which ones case tells
apart, a compound unit's per and times), `reading` (what a text says: fold, read), `lexicon` (the
real words a slip must not become) and `marking` (mark, is_match, typed_possible). The names below
are its public face.
"""

from quiz.typed.folding import case_units, fold
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
from quiz.typed.numbers import number_value
from quiz.typed.quantities import IN_BASE_UNITS, as_share, in_base_units, proportions
from quiz.typed.reading import read
from quiz.typed.shape import Reading
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
    "case_units",
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
    "IN_BASE_UNITS",
    "in_base_units",
    "proportions",
    "as_share",
    "read",
    "same_answer",
    "slip_runs",
    "typed_possible",
]
