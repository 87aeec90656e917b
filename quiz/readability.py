"""Flesch-Kincaid reading grade, with syllables from the CMU Pronouncing Dictionary (works offline).

Grades are asked for by `quiz check` and `quiz preview`; the app's start-up never imports this module.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import NamedTuple

from quiz.pronouncing import dictionary_syllables

MIN_SAMPLE_WORDS = 100
"""Fewest words a reading grade is given for: Flesch-Kincaid is calibrated on samples of 100 words."""

_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
_ASCII_WORD = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z0-9]+)*")
"""_WORD's words in ASCII text, where its word characters are these and U+2019 cannot occur: the
same matches a third faster, as CPython's re tests a plain class without looking up each
character's Unicode category (10,000 questions: 29 -> 20 ms). A property test holds the two equal."""
_SENTENCE_END = re.compile(r"[.!?]+(?=[\s\"')\u201d\u2019]|$)")
_VOWELS = re.compile(r"[aeiouy]+")


@cache
def syllables(word: str) -> int:
    """Syllables in an English word: the dictionary's count, else a vowel-group rule for words it lacks.

    The rule (vowel groups, less a silent final e and the like) is right for most words and one
    short where vowels side by side are said apart ("radiation"); the dictionary has those.
    """
    w = word.casefold().replace("\u2019", "'")
    if not w.replace("'", "").isalpha():
        return 1  # numbers and abbreviations with digits are read as about one beat
    counted = dictionary_syllables(w)
    if counted is not None:
        return max(1, counted)
    w = w.replace("'", "")
    if not w.isalpha():
        return 1  # numbers and abbreviations with digits are read as about one beat
    if len(w) <= 3:
        return 1
    count = len(_VOWELS.findall(w))
    if w.endswith("e") and not w.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1  # silent final e: "make", "tissue"
    elif w.endswith("le") and len(w) > 2 and w[-3] in "aeiouy" and count > 1:
        count -= 1  # "whale", "mile"
    if w.endswith(("ed",)) and not w.endswith(("ted", "ded")) and count > 1:
        count -= 1  # "jumped", "asked"
    if w.endswith("es") and not w.endswith(("ies", "ses", "zes", "ces", "ges", "xes", "shes", "ches")) and count > 1:
        count -= 1  # "makes", "tubes"
    return max(1, count)


class TextStats(NamedTuple):
    """Counts behind a reading grade; stats add, so a deck's figure pools all its texts.

    A named tuple rather than a dataclass: as immutable (text_stats hands out shared ones), and
    made in a fraction of the time at import, which `quiz check` pays on every run.
    """

    words: int = 0
    sentences: int = 0
    syllables: int = 0

    def __add__(self, other: TextStats) -> TextStats:  # type: ignore[override]
        return TextStats(
            self.words + other.words, self.sentences + other.sentences, self.syllables + other.syllables
        )

    @property
    def grade(self) -> float | None:
        """The Flesch-Kincaid grade level, or None for text without words."""
        if not self.words:
            return None
        sentences = max(1, self.sentences)
        return 0.39 * self.words / sentences + 11.8 * self.syllables / self.words - 15.59


def pooled(stats: Iterable[TextStats]) -> TextStats:
    """The counts of many texts together: their sum, added in one pass (a deck's 10,000 facts
    added one TextStats at a time took 5 ms)."""
    return TextStats(*map(sum, zip(*stats, strict=True)))


def text_stats(text: str) -> TextStats:
    """Count words, sentences and syllables; text without end punctuation is one sentence.

    Not kept: quiz.judging counts each text of a deck once; the syllables of each word are kept.
    A text with no sentence mark (.!?) but the one it ends with is one sentence without searching
    for the others (a property test holds it to the search).
    """
    words = (_ASCII_WORD if text.isascii() else _WORD).findall(text)
    if not words:
        return TextStats()
    body = text.strip().rstrip("\"')\u201d\u2019")
    ends = body.endswith((".", "!", "?"))
    if body.count(".") + body.count("!") + body.count("?") == ends:
        sentences = 1  # no mark but the last one (most questions): no need to search
    else:
        sentences = len(_SENTENCE_END.findall(body)) + (not ends)  # the last sentence may have no full stop
    return TextStats(len(words), max(1, sentences), sum(map(syllables, words)))


def grade(text: str) -> float | None:
    """Flesch-Kincaid grade of a text: 0.39 words/sentence + 11.8 syllables/word - 15.59."""
    return text_stats(text).grade
