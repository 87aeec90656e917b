"""The real words a slip must not become: quiz's curated medical look-alikes, a deck's own words,
and (in an English deck) the CMU Pronouncing Dictionary's."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from quiz.typed.folding import fold
from quiz.typed.reading import read, words_and_whole_number_parts
from quiz.typed.words import TYPO_MIN_LETTERS, TYPO_VOWEL_LETTERS, UNIT_SPELLINGS, UNITS, primary_language

if TYPE_CHECKING:
    from quiz.deck.model import Deck, Fact

_LOOK_ALIKES = Path(__file__).parent.parent / "data" / "look-alikes.tsv"

# --- real words that a slip must not become --------------------------------------------------


@cache
def look_alike_pairs() -> tuple[tuple[str, str, str], ...]:
    """quiz's curated medical look-alikes: (word, word, source key), folded, from quiz/data/look-alikes.tsv.

    An entry starting with "-" is a word ending (see the file's header for the sources).
    """
    pairs = []
    for line in _LOOK_ALIKES.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip() or line.startswith("word\t"):
            continue
        a, b, source = line.split("\t")
        pairs.append((fold(a), fold(b), source))
    return tuple(pairs)


class _Curated(NamedTuple):
    words: frozenset[str]  # single-word look-alikes
    runs: dict[str, str]  # every look-alike's letters, spaces and hyphens dropped -> its words ("tcell": "t cell")
    endings: tuple[frozenset[str], ...]  # sets of word endings that make another word of a stem


@cache
def _curated() -> _Curated:
    """The curated look-alikes, arranged for lookup."""
    words: set[str] = set()
    runs: dict[str, str] = {}
    endings: list[set[str]] = []
    for a, b, _ in look_alike_pairs():
        if a.startswith("-"):
            group = next((g for g in endings if a[1:] in g or b[1:] in g), None)
            if group is None:
                endings.append(group := set())
            group.update((a[1:], b[1:]))
            continue
        for entry in (a, b):
            for run in read(entry).runs:
                runs["".join(run)] = " ".join(run)
                if len(run) == 1:
                    words.add(run[0])
    return _Curated(frozenset(words), runs, tuple(frozenset(g) for g in endings))


def _other_ending(expected: str, typed: str) -> bool:
    """Whether typed is expected's stem with another ending of a look-alike set (colotomy, colostomy)."""
    for group in _curated().endings:
        for end in group:
            if expected.endswith(end) and len(expected) - len(end) >= 2:  # a stem to keep ("col-")
                stem = expected[: -len(end)]
                if any(typed == stem + other for other in group if other != end):
                    return True
    return False


class Lexicon:
    """The real words a slip must not become: those of a deck's texts and quiz's look-alikes.

    Made cheaply for every typed question of a deck, and cheap to ask: marking a slip reads only
    the deck texts whose letters contain the word in question, so the first slip in a deck of
    thousands of facts costs milliseconds, not a reading of every text. `language` is the deck's,
    for reading numbers.
    """

    __slots__ = ("language", "_texts", "_letters", "_words", "_runs", "_index")

    def __init__(self, texts: Iterable[str] = (), language: str = "en") -> None:
        self.language = language
        self._texts = texts
        self._letters: list[tuple[str, str]] | None = None  # (a text's letters alone, the text)
        self._words: frozenset[str] | None = None
        self._runs: dict[str, str] = {}
        self._index: list[str] | None = None

    @property
    def has_dictionary(self) -> bool:
        """Whether quiz can tell a slip from another real word in the deck's language: in English
        only (the CMU Pronouncing Dictionary). Elsewhere no slip is forgiven (quiz.typed.marking):
        "pero" is one slip from "perro", "poison" from "poisson", "Rate" from "Ratte"."""
        return primary_language(self.language) == "en"

    def contains(self, entry: str) -> bool:
        """Whether a folded word or run (spaces dropped) is a curated look-alike or a deck text's run."""
        if self.is_curated(entry):
            return True
        if self._words is not None or entry in UNIT_SPELLINGS:  # a unit's letters may not be in its text
            return entry in self.words
        if self._letters is None:
            self._letters = [(_letters(t, self.language), t) for t in dict.fromkeys(self._texts)]
        return any(
            entry in letters and any("".join(run) == entry for run in read(text, self.language).runs)
            for letters, text in self._letters
        )

    def near(self, word: str) -> set[str]:
        """The words and runs of the lexicon one slip from `word` (OSA distance 1, by rapidfuzz)."""
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        if self._index is None:
            self._index = sorted(self.words | self._runs.keys())
        found = process.extract(word, self._index, scorer=OSA.distance, score_cutoff=1, limit=None)
        return {entry for entry, distance, _ in found if distance == 1}

    def spelled(self, entry: str) -> str:
        """A word or run as the texts write it, folded, with its spaces ("tcell" -> "t cell")."""
        _ = self.words
        return self._runs.get(entry, entry)

    def is_curated(self, entry: str) -> bool:
        """Whether a word or run is one of quiz's medical look-alikes (not only a word of the deck)."""
        curated = _curated()
        return entry in curated.words or entry in curated.runs

    def _load(self) -> frozenset[str]:
        curated = _curated()
        runs = dict(curated.runs)
        texts = self._texts if self._letters is None else (t for _, t in self._letters)
        for text in texts:
            for run in read(text, self.language).runs:
                runs.setdefault("".join(run), " ".join(run))
        self._words, self._runs = frozenset(curated.words | runs.keys()), runs
        return self._words

    @property
    def words(self) -> frozenset[str]:
        """The real words: each deck text's letters (each run of words between numbers, without its
        spaces: "heartattack"), and the curated look-alikes' words and runs; folded."""
        return self._words if self._words is not None else self._load()

    def _english(self, word: str, expected: tuple[str, ...]) -> bool:
        """Whether an English deck's word is in the CMU Pronouncing Dictionary ("fever" for "never",
        "ice" for "lice"; a word that short is refused by `forgivable` before it is asked).

        The plural or singular of an expected word that is in the dictionary ("livers" for
        "liver", "lumens" for "lumen") stays a slip here, as it was before the dictionary was asked;
        the deck's own words still tell such pairs apart. An "s" added to a word the dictionary
        does not hold makes no plural of it where the dictionary holds what was typed: "genus"
        (a kind of living thing) for "genu" (the knee) is another word.
        """
        if not self.has_dictionary or not word.isalpha():
            return False
        from quiz.pronouncing import is_word  # the dictionary is read at the first slip, not at start-up

        if any(is_plural_of(word, e) and (len(word) < len(e) or is_word(e)) for e in expected):
            return False  # "stent" for "Stents" too, the singular of a plural the dictionary lacks
        return is_word(word)

    def other_word(self, expected: tuple[str, ...], typed: tuple[str, ...]) -> str:
        """The real word that typed (a run one slip from expected) makes, or "" if it makes none."""
        joined = "".join(typed)
        if joined != "".join(expected) and self.contains(joined):
            return " ".join(typed)
        for word in typed:
            if word in expected:
                continue
            if self.contains(word) or self._english(word, expected) or any(_other_ending(e, word) for e in expected):
                return word
        return ""


@cache
def _not_letters() -> re.Pattern[str]:
    """Everything but letters: what is left of a folded text holds every run of it, joined."""
    return re.compile(r"[\W\d_]+")


def _letters(text: str, language: str) -> str:
    """A text's letters alone, folded, then again with each unit in its one spelling (UNITS), as
    typed reading writes it in a run: every run of the text, joined, is in what this gives ("2
    weeks rest" reads as the run "wk rest", "0× a" as "times a": Hypothesis found "timesa" read
    in a text but not in its letters)."""
    folded = fold(text, language)
    spelled = "".join(UNITS.get(word, word) for word in re.findall(r"[^\W\d_]+", folded))
    return _not_letters().sub("", folded) + "\n" + spelled


def look_alikes(text: str, lexicon: Lexicon, own: Iterable[str] = ()) -> list[str]:
    """The real words that one forgivable slip in `text` would make, sorted; never raises.

    Real words are those of `lexicon` (the deck's texts and the medical look-alikes) and a word's
    stem with another look-alike ending ("colotomy" for "colostomy"). Words of the `own` texts (the
    fact's answer and accept texts) are not counted, nor are words of fewer than TYPO_MIN_LETTERS
    letters or words next to a number, where no slip is forgiven anyway.
    """
    runs = slip_runs(text, lexicon.language)
    if not runs:
        return []
    mine = {w for t in (text, *own) for run in read(t, lexicon.language).runs for w in (*run, "".join(run))}
    found: set[str] = set()
    for run in runs:
        joined = "".join(run)
        for word in {*run, joined}:
            if len(word) < TYPO_MIN_LETTERS:
                continue
            found |= lexicon.near(word)
            for group in _curated().endings:
                for end in group:
                    if word.endswith(end) and len(word) - len(end) >= 2:
                        found.update(w for o in group if one_slip(word, w := word[: -len(end)] + o))
    return sorted(found - mine)


def slip_runs(text: str, language: str = "en") -> list[tuple[str, ...]]:
    """The runs of words of a text in which a slip may be forgiven: of TYPO_MIN_LETTERS letters or
    more and not beside a number (quiz.typed.marking forgives none elsewhere). look_alikes looks only
    in these, so a text without any has no look-alike, whatever the lexicon.

    A text of words and whole numbers alone (reading.words_and_whole_numbers) with a number in
    it has none without being read: every run of its words borders a number ("Answer 12 month",
    "5 to 10 years"). A property test holds this to the long way.
    """
    parts = words_and_whole_number_parts(fold(text, language))
    if parts is not None and not all(map(str.isalpha, parts)):  # a number among them
        return []
    reading = read(text, language)
    return [
        run
        for run, near_number in zip(reading.runs, reading.near_number, strict=True)
        if not near_number and len("".join(run)) >= TYPO_MIN_LETTERS
    ]


_deck_lexicon: tuple[object, Lexicon] | None = None


def deck_lexicon(deck: Deck) -> Lexicon:
    """The deck's Lexicon (its answers, distractors, accept texts and glossary terms, its language).

    The last deck's is kept: the app asks one question at a time, and `quiz check` goes fact by fact.
    """
    global _deck_lexicon
    cached = _deck_lexicon
    if cached is not None and cached[0] is deck:
        return cached[1]
    lexicon = Lexicon(deck_texts(deck.facts, deck.glossary), deck.language)
    _deck_lexicon = (deck, lexicon)
    return lexicon


def deck_texts(facts: Iterable[Fact], glossary: Iterable[tuple[str, str]] = ()) -> Iterable[str]:
    """Every answer, distractor and `accept` text of the facts, and every glossary term (lazily)."""
    for fact in facts:
        yield fact.answer
        yield from fact.distractors
        yield from fact.accept
    for term, _ in glossary:
        yield term


CURATED_ONLY = Lexicon()
"""A lexicon of quiz's look-alikes alone, for a question made without its deck."""


def one_slip(expected: str, typed: str) -> bool:
    """Whether typed is one slip from expected by the optimal string alignment distance (rapidfuzz)."""
    if abs(len(expected) - len(typed)) > 1:
        return False
    from rapidfuzz.distance import OSA

    return OSA.distance(expected, typed, score_cutoff=1) == 1


def is_plural_of(word: str, other: str) -> bool:
    """Whether word is other with "s" or "es" added, or other is word with one ("livers", "liver")."""
    return any(a in (b + "s", b + "es") for a, b in ((word, other), (other, word)))


def slip_kind(expected: str, typed: str) -> str:
    """How typed differs from expected, one slip apart (one_slip): "swap" (two neighbours swapped),
    "double" (a letter doubled or a double letter made single: "diarhea"), "plural" (an "s" or "es"
    added or dropped at the end), "vowel" (a vowel added or dropped: "colonscopy") or "letter" (any
    other letter changed, added or dropped)."""
    if is_plural_of(expected, typed):
        return "plural"
    at = 0
    while at < min(len(expected), len(typed)) and expected[at] == typed[at]:
        at += 1
    if len(expected) == len(typed):
        swapped = expected[at : at + 2] == typed[at : at + 2][::-1] and expected[at + 2 :] == typed[at + 2 :]
        return "swap" if swapped else "letter"
    longer = expected if len(expected) > len(typed) else typed
    if longer[at] in (longer[at - 1 : at] + longer[at + 1 : at + 2]):
        return "double"
    return "vowel" if longer[at] in "aeiou" else "letter"


def forgivable(expected: str, typed: str) -> bool:
    """Whether a slip that turns the word expected into typed (one slip apart, both folded) may be
    forgiven at all, before any list of words is asked whether typed is another word.

    Never in a short word (either under TYPO_MIN_LETTERS letters: "ice" for "lice", "and" for
    "hand"), never at the first letter ("Videx" for "Bidex", "kin" for "skin": a person who knows the
    word knows how it starts, and look-alike drug names differ there), and never a consonant or a
    changed vowel, however long the word (slip_kind): the lists quiz has (its look-alikes, the
    deck's texts, the CMU dictionary) miss many medical words and drug names, and long ones differ
    by one letter too ("hepatoma" and "hematoma", "ureteral" and "urethral", "dysphagia" and
    "dysphasia", "perineal" and "peroneal"). Only the slips that rarely make another word are
    forgiven: two neighbours swapped, a letter doubled or undoubled, a plural ending ("lvier",
    "diarhea", "livers"), and in a word of TYPO_VOWEL_LETTERS letters or more a vowel dropped or
    added ("colonscopy", "hypertenson"). When in doubt the answer is wrong, and the feedback shows
    what was typed.
    """
    if min(len(expected), len(typed)) < TYPO_MIN_LETTERS or expected[:1] != typed[:1]:
        return False
    kind = slip_kind(expected, typed)
    return kind not in ("letter", "vowel") or (kind == "vowel" and len(expected) >= TYPO_VOWEL_LETTERS)
