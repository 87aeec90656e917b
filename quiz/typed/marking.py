"""Marking a typed answer: right, right with one slip forgiven, or wrong (docs/questions.md)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from itertools import pairwise
from typing import NamedTuple

from quiz.deck.text import normalize
from quiz.typed.folding import case_units
from quiz.typed.lexicon import CURATED_ONLY, Lexicon, forgivable, one_slip
from quiz.typed.reading import read
from quiz.typed.shape import Reading
from quiz.typed.words import (
    APART_AFTER,
    PREFIX_WORDS,
    TYPED_MAX_CHARS,
    TYPED_MAX_WORDS,
    TYPO_MIN_LETTERS,
    american,
    primary_language,
)


class TypedMark(NamedTuple):
    """How a typed answer was marked, for the feedback and the history.

    correct: the answer counts as right. slip: it counts only by forgiving one slip (a letter
    changed, added, dropped or two swapped). expected: the spelling to show (the answer or the
    `accept` text that was matched; the answer when wrong). typed: the text as typed, unchanged.
    look_alike: when a slip was refused because it makes another real word, that word (folded,
    as "abduction"); "" otherwise. near: wrong, but one vowel written for another in one word of
    the answer, every number and other word the same (_near): "cryosergery" for "Cryosurgery", so
    the feedback can say the answer was nearly right (never for a look-alike, a consonant changed,
    a first letter, nor a figure).
    """

    correct: bool
    slip: bool
    expected: str
    typed: str
    look_alike: str = ""
    near: bool = False


# --- marking ------------------------------------------------------------------------------------


def _key(reading: Reading, language: str) -> tuple[object, ...]:
    """What must be equal for an exact match: the shape and the letters of each run (_joined: "T
    cell" = "Tcell", but "a febrile" is not "afebrile", "not able" not "notable"), in an English
    deck each word in its American spelling ("tumour" = "tumor", "embolisation" = "embolization":
    american); elsewhere as written ("centre" is French)."""
    if primary_language(language) != "en":
        return reading.shape, tuple([_joined(run, PREFIX_WORDS) for run in reading.runs])
    return reading.shape, tuple([_joined([american(w) for w in run], APART_AFTER) for run in reading.runs])


def _joined(run: Sequence[str], apart: frozenset[str]) -> str:
    """The words of a run as compared: joined, as spacing does not count ("T cell" = "Tcell",
    "heart attack" = "heartattack", "non toxic" = "nontoxic"), but for the space after a word of
    `apart` (PREFIX_WORDS, and in an English deck APART_AFTER): "a febrile" (a feverish one) is not
    "afebrile", "in complete remission" is not "incomplete remission", "not able" is not "notable".
    Such a space may split another word, so it is never taken for mere spacing. Nor is a space
    between two Roman numerals (is_numeral): "Factor V III" names two factors, not Factor VIII."""
    out = []
    for word, after in pairwise(run):
        spaced = word in apart or word[:1] in _NUMERAL_LETTERS and _numerals(word, after)
        out.append(word + " " if spaced else word)
    return "".join(out) + run[-1]


_NUMERAL_LETTERS = frozenset("mdclxvi")
"""The letters a Roman numeral starts with: a cheap test before _numerals."""


def _numerals(word: str, after: str) -> bool:
    """Whether two words side by side are both Roman numerals."""
    return after[:1] in _NUMERAL_LETTERS and is_numeral(word) and is_numeral(after)


_ROMAN = re.compile(r"(?=[mdclxvi])m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})[abc]?\Z")
"""A Roman numeral, with the letter a stage may carry ("iv", "iiib"), as read (case-folded)."""


def is_numeral(word: str) -> bool:
    """Whether a word is a Roman numeral (a stage, a phase, a grade): a number, never a slip."""
    return len(word) <= 5 and _ROMAN.match(word) is not None


def _slip_run(expected: Reading, typed: Reading) -> int | None:
    """The one run where typed differs from expected by a forgivable slip, if that is all that differs.

    No slip is forgiven in a Roman numeral ("Stage IV" is never "Stage V"), as none is in a number,
    nor in a word of fewer than TYPO_MIN_LETTERS letters ("Vitamin D" is never "Vitamin C"), nor
    where lexicon.forgivable says no slip of its kind is safe ("fundus" for "fungus"). The slip is
    in one word: the run's words, spacing aside, are the answer's.
    """
    if expected.shape != typed.shape:
        return None
    differ = [i for i, (e, t) in enumerate(zip(expected.runs, typed.runs, strict=True)) if "".join(e) != "".join(t)]
    if len(differ) != 1:
        return None
    i = differ[0]
    e, t = "".join(expected.runs[i]), "".join(typed.runs[i])
    if expected.near_number[i] or len(e) < TYPO_MIN_LETTERS or not one_slip(e, t):
        return None
    numerals = [w for w in expected.runs[i] if is_numeral(w)], [w for w in typed.runs[i] if is_numeral(w)]
    if numerals[0] != numerals[1]:  # the slip is in a numeral, or makes one
        return None
    if len(expected.runs[i]) != len(typed.runs[i]):
        return None  # a slip and a space moved are two changes ("heartatack" for "heart attack")
    words = [(e, t) for e, t in zip(expected.runs[i], typed.runs[i], strict=True) if e != t]
    if len(words) != 1 or not forgivable(*words[0]):
        return None  # a short word is a label, not a spelling: "Hepatitis B" is never "Hepatitis C"
    return i


def mark(answer: str, accept: Iterable[str], text: str, lexicon: Lexicon = CURATED_ONLY) -> TypedMark:
    """Mark a typed text against an answer and its `accept` texts (docs/questions.md has the rules).

    An exact match (after folding) with any of them is right; otherwise one slip is forgiven unless
    what was typed is another real word of `lexicon`, and only where the lexicon's language has a
    dictionary (Lexicon.has_dictionary: English). Never raises for any text.
    """
    expected = (answer, *accept)
    typed = read(text, lexicon.language)
    readings = [read(e, lexicon.language) for e in expected]
    typed_keys = _exact(text, typed, lexicon.language)
    keys = [_exact(e, r, lexicon.language) for e, r in zip(expected, readings, strict=True)]
    for e, k in zip(expected, keys, strict=True):
        # The text itself always counts, even one with nothing to read ("...", a lone accent, or
        # only characters that show as nothing, which folding drops).
        if text == e or _said_same(k, typed_keys):
            return TypedMark(True, False, e, text)
    refused = ""
    if not lexicon.has_dictionary:  # no slip is forgiven where another real word cannot be told
        return TypedMark(False, False, answer, text)
    for e, r, k in zip(expected, readings, keys, strict=True):
        i = _slip_run(r, typed) if k[2] == typed_keys[2] else None  # no slip beside "1 T" for "1 t"
        if i is None:
            continue
        other = lexicon.other_word(r.runs[i], typed.runs[i])
        if not other:
            return TypedMark(True, True, e, text)
        refused = refused or other
    near = not refused and _near(readings[0], typed, lexicon)  # near the answer shown, not an accept text
    return TypedMark(False, False, answer, text, refused, near)


def _near(expected: Reading, typed: Reading, lexicon: Lexicon) -> bool:
    """Whether typed writes one vowel of expected as another (_vowel_for_vowel), past the first
    letter of one word of TYPO_MIN_LETTERS letters or more, making no other word of `lexicon`, and
    is the same elsewhere: the same shape, so the same numbers ("5 mg" is never near "6 mg"), and
    the same words ("Vitamin C" is not near "Vitamin D", "Ilium" not near "Ileum", another word)."""
    if expected.shape != typed.shape:
        return False
    differ = [i for i, (e, t) in enumerate(zip(expected.runs, typed.runs, strict=True)) if e != t]
    if len(differ) != 1 or expected.near_number[differ[0]]:
        return False
    e_run, t_run = expected.runs[differ[0]], typed.runs[differ[0]]
    words = [(e, t) for e, t in zip(e_run, t_run, strict=True) if e != t] if len(e_run) == len(t_run) else []
    if len(words) != 1:
        return False
    e, t = words[0]
    near = e.isalpha() and t.isalpha() and len(e) >= TYPO_MIN_LETTERS and e[0] == t[0]
    return near and _vowel_for_vowel(e, t) and not lexicon.other_word(e_run, t_run)


_VOWELS = frozenset("aeiouy")


def _vowel_for_vowel(expected: str, typed: str) -> bool:
    """Whether typed writes one vowel of expected as another ("cryosergery"), the slip of spelling
    a sound; a consonant changed makes another word too often to be called nearly right
    ("hematoma" for "hepatoma", "urethral" for "ureteral": quiz.typed.words.TYPO_VOWEL_LETTERS)."""
    if len(expected) != len(typed):
        return False
    differ = [i for i, (a, b) in enumerate(zip(expected, typed, strict=True)) if a != b]
    return len(differ) == 1 and {expected[differ[0]], typed[differ[0]]} <= _VOWELS


@cache
def _curated_lexicon(language: str) -> Lexicon:
    return Lexicon(language=language)


Keys = tuple[tuple[object, ...] | None, str, tuple[str, ...]]
"""exact_keys of a text: its reading's key (None when it has nothing to read), its folded text and
its case_units."""


def exact_keys(text: str, language: str = "en") -> Keys:
    """What `mark` compares for an exact match: the text's reading (None when it has nothing to
    read), its folded text, and the units whose case folding would lose (case_units). Two texts
    are the same answer written two ways when either of the first two is equal and the third is
    (same_answer): "0.5 mg" and ".5 mg", "−18 °C" and "-18 °C", "5 mg" and "five mg", a full-width
    "ＣＥＡ" and "CEA", but never "1 T" and "1 t". Worked out once a text (the caller keeps it), so a
    deck's options can be compared in one pass."""
    return _exact(text, read(text, language), language)


def _exact(text: str, reading: Reading, language: str) -> Keys:
    return (_key(reading, language) if reading.shape else None), normalize(text, None, language), case_units(text)


def _said_same(expected: Keys, typed: Keys) -> bool:
    """The exact match of `mark`, on exact_keys: the same reading, or the same folded text, and
    the same units whose case is their meaning."""
    if expected[2] != typed[2]:
        return False
    return (expected[0] is not None and expected[0] == typed[0]) or bool(typed[1] and expected[1] == typed[1])


def same_answer(expected: str, text: str, language: str = "en") -> bool:
    """Whether `text` is `expected` written another way (exact_keys): what `mark` takes for it
    without forgiving a slip. A wrong option that is the same answer would be a right answer
    marked wrong."""
    return _said_same(exact_keys(expected, language), exact_keys(text, language))


def is_match(expected: str, text: str, language: str = "en") -> bool:
    """Whether text passes for expected by these rules, with a slip forgiven and no deck words known."""
    return mark(expected, (), text, _curated_lexicon(language)).correct


@lru_cache(maxsize=65536)
def typed_possible(answer: str, accept: tuple[str, ...], distractors: tuple[str, ...], language: str = "en") -> bool:
    """Whether a fact can be asked as a typed answer: a short answer no distractor passes for.

    Short: at most TYPED_MAX_WORDS words and TYPED_MAX_CHARS characters, with something to compare.
    A distractor that would pass as the answer or an `accept` text even as a slip rules it out
    ("Colon" with the distractor "Colin").
    """
    answer = answer.strip()
    if len(answer) > TYPED_MAX_CHARS or len(answer.split()) > TYPED_MAX_WORDS:
        return False
    reading = read(answer, language)
    if not reading.shape:
        return False
    return not any(is_match(e, d, language) for e in (answer, *accept) for d in distractors)
