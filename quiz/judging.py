"""What the authoring advice (quiz.lint) reads of a deck, each worked out once and only when read:
a text's content words, a fact's wrong options as a reader meets them, and reading counts; and
the cheap tests that rule a text out before a rule's slow search.
"""

from __future__ import annotations

import os.path
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import cache, cached_property

from quiz.deck.model import Deck, Fact
from quiz.deck.options import GroupAnswers, WrongOptions, option_key, wrong_options
from quiz.deck.text import normalize
from quiz.readability import TextStats, pooled, text_stats

MIN_GRADED_WORDS = 10
"""Below this many words a Flesch-Kincaid grade says nothing (one long word alone reads as grade 20)."""

WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")
STOPWORDS = frozenset(
    """
    about above after again against also among another any are aren't because been before being
    below between both but can cannot could did does doing done down during each either else
    ever every few for from further had has have having here hers herself him himself his how
    into its itself just like more most much must near need needs often once only other ought
    our ours over own same shall she should some such than that the their theirs them then there
    these they this those through too under until upon very was were what when where which
    while who whom whose why will with within without would you your yours yourself people
    person thing things usually best most main kind type part
    """.split()
)


def content_words(text: str) -> frozenset[str]:
    """The stems of a text's longer words (4+ letters) other than stopwords, folded as normalize does."""
    return frozenset(_stem(w) for w in WORD.findall(normalize(text)) if len(w) >= 4 and w not in STOPWORDS)


def as_written(stems: Iterable[str], text: str) -> list[str]:
    """Each of `stems` (content_words of `text`) as `text` writes it, its first word of that stem
    ("normalized" for the stem "normaliz"), for a message a person reads; a stem `text` has no word
    of stays as it is."""
    written: dict[str, str] = {}
    for word in WORD.findall(text):
        written.setdefault(_stem(normalize(word)), word)
    return [written.get(stem, stem) for stem in stems]


def shared_content_words(words: frozenset[str], text: str) -> frozenset[str]:
    """words & content_words(text) for content words `words`, `text`'s found only when it can share one.

    A stem is the start of a word of the normalized text, so a stem that is nowhere in
    normalize(text) is not among its content words: most answers share no word with their question,
    and their questions are not split into words at all. An ASCII text is only lower-cased for this
    test: normalize differs from lower() there only in runs of spaces, which no stem holds. A
    property test holds it to the long way.
    """
    low = "" if not words else text.lower() if text.isascii() else normalize(text)
    if not any(stem in low for stem in words):
        return frozenset()
    return words & content_words(text)


@cache
def _stem(word: str) -> str:
    """A crude stem, enough to match "tumour"/"tumours" and "bleed"/"bleeding"; kept for each word,
    as a deck's words repeat (the built-in deck's advice stems 228 words of 121 kinds)."""
    for suffix in ("ing", "es", "s", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


ROOT_LETTERS = 5
"""Two stems are of one root when they begin with this many letters alike, and with at least 2/3
of the shorter (same_root): Snowball leaves some endings on ("feverish" stays "feverish", "fever"
is "fever"; "nauseous", "nausea"), and a shorter start would join "pain" and "paint"."""
SNOWBALL = {
    "ar": "arabic", "hy": "armenian", "eu": "basque", "ca": "catalan", "cs": "czech", "da": "danish",
    "nl": "dutch", "en": "english", "eo": "esperanto", "et": "estonian", "fi": "finnish", "fr": "french",
    "de": "german", "el": "greek", "hi": "hindi", "hu": "hungarian", "id": "indonesian", "ga": "irish",
    "it": "italian", "lt": "lithuanian", "ne": "nepali", "no": "norwegian", "nb": "norwegian",
    "nn": "norwegian", "fa": "persian", "pl": "polish", "pt": "portuguese", "ro": "romanian",
    "ru": "russian", "sr": "serbian", "st": "sesotho", "es": "spanish", "sv": "swedish", "ta": "tamil",
    "tr": "turkish", "yi": "yiddish",
}  # fmt: skip
"""The Snowball stemmer of each ISO 639-1 language code (snowballstemmer.algorithms())."""
_ALL_WORDS = re.compile(r"[^\W_]+")
"""A word as the give-away rule reads it: letters and digits, split at any joiner (space, hyphen,
slash, apostrophe, underscore), so "CT-scan", "CT scan" and "CT/scan" are the same two words."""


@cache
def stem_word(word: str, language: str) -> str:
    """The Snowball stem of a folded word in `language` (a deck's tag), stemmed again until it stays
    the same ("tiredness" -> "tired" -> "tire", as "tired" is); the word itself in a language
    Snowball has no stemmer for (a plain comparison). An English word is stemmed in its American
    spelling (quiz.typed.words.american), as typed marking compares words: "hypoglycaemia" is
    "hypoglycemia", "tumours" "tumors"."""
    from quiz.typed.words import american, primary_language

    primary = primary_language(language)
    if primary == "en":
        word = american(word)
    name = SNOWBALL.get(primary)
    if name is None:
        return word
    import snowballstemmer

    stemmer = snowballstemmer.stemmer(name)
    for _ in range(4):
        stem = stemmer.stemWord(word)
        if stem == word:
            break
        word = stem
    return word


ABBREVIATION_PLURAL = re.compile(r"(?<=[A-Z][A-Z])s(?![^\W_])")
"""The "s" of an abbreviation's plural ("CTs", "MRIs", "5-FUs"), which no stemmer knows."""


def word_stems(text: str, language: str = "en") -> tuple[str, ...]:
    """Every word of `text` in order, folded (Unicode NFKC, casefold) and stemmed (stem_word), an
    abbreviation's plural as the abbreviation: "CT-scans" -> ("ct", "scan"), "MRIs" -> ("mri",)."""
    folded = unicodedata.normalize("NFKC", ABBREVIATION_PLURAL.sub("", text)).casefold()
    return tuple(stem_word(w, language) for w in _ALL_WORDS.findall(folded))


def give_away_stems(text: str, language: str = "en") -> frozenset[str]:
    """The stems of `text`'s words that can give an answer away: those of 4 letters or more, other
    than stopwords (as content_words picks them). Not a number in digits: numbers are compared by
    value (quiz.give_away), and "10000" is no root of "100000"."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    words = (w for w in _ALL_WORDS.findall(folded) if len(w) >= 4 and w not in STOPWORDS and not w.isdigit())
    return frozenset(stem_word(w, language) for w in words)


def same_root(a: str, b: str) -> bool:
    """Whether two words or stems (word_stems) are of one root: equal, or they begin with
    ROOT_LETTERS letters or more alike, at least 2/3 of the shorter ("fever" and "feverish",
    "cryosurgical" and "cryosurgery", "artery" and "arterial")."""
    shared = len(os.path.commonprefix([a, b]))
    return a == b or (shared >= ROOT_LETTERS and shared * 3 >= min(len(a), len(b)) * 2)


def shares_a_root(stems: Iterable[str], others: Iterable[str]) -> bool:
    """Whether any stem of `stems` is of one word with any of `others` (same_root): the one rule for
    whether a text names a word of another ("Being feverish ..." names the answer "fevers")."""
    others = tuple(others)
    return any(same_root(a, b) for a in stems for b in others)


def names_words(text: str, words: str, language: str = "en") -> bool:
    """Whether `text` names `words` (a term such as "CT scan"): its stems in a run of `text`'s
    stems, each of one word with its own (same_root), however they are joined ("CT-scans")."""
    want, have = word_stems(words, language), word_stems(text, language)
    n = len(want)
    return bool(n) and any(all(map(same_root, want, have[i : i + n])) for i in range(len(have) - n + 1))


class _GroupTotals:
    """A group's answers summed once: each one's length and their total, and, when asked, their
    content words, by each answer's key in GroupAnswers (quiz.deck.options.option_key)."""

    __slots__ = ("group", "lengths", "length", "_words", "_counted")

    def __init__(self, group: GroupAnswers) -> None:
        self.group = group
        self.lengths = {key: len(text.strip()) for key, text in zip(group.keys, group.texts, strict=True)}
        self.length = sum(self.lengths.values())
        self._words: dict[str, tuple[str, ...]] | None = None
        self._counted: Counter[str] | None = None

    def words(self) -> dict[str, tuple[str, ...]]:
        """Each answer's content words, by its key: every answer of the group split once. Kept as
        tuples, which take a quarter of a small frozenset's memory (10,000 answers: 0.6 MB, not 2.2)."""
        if self._words is None:
            group = self.group
            self._words = {k: tuple(content_words(t)) for k, t in zip(group.keys, group.texts, strict=True)}
        return self._words

    def counted_words(self) -> Counter[str]:
        """How many of the group's answers have each content word."""
        if self._counted is None:
            self._counted = Counter(w for words in self.words().values() for w in words)
        return self._counted


class Judged:
    """A fact's possible wrong options as the advice rules read them: how many, their mean length,
    whether one uses a word; and its answer's content words. Lengths and words are worked out only
    when a rule asks."""

    def __init__(self, wrong: WrongOptions, totals: _GroupTotals | None, answer: str) -> None:
        self.wrong, self._totals, self._answer = wrong, totals, answer
        self.count = wrong.total
        self._own_words: frozenset[str] | None = None

    def _taken(self) -> list[str]:
        """The keys of the group's answers this fact's answer and own distractors use up."""
        totals = self._totals
        return [k for k in self.wrong.taken if k in totals.lengths] if totals else []

    @property
    def mean_length(self) -> float:
        """The mean length (characters, ends stripped) of the wrong options; 0.0 when there are none."""
        length = sum(len(d.strip()) for d in self.wrong.own)
        if self._totals is not None:
            lengths = self._totals.lengths
            length += self._totals.length - sum(lengths.get(k, 0) for k in self.wrong.taken)
        return length / self.count if self.count else 0.0

    @property
    def answer_words(self) -> frozenset[str]:
        """content_words of the fact's answer: its group's, when its group's answers may be shown with
        it (the answer is one of them, so each is split once for the whole group)."""
        words = self._totals.words().get(option_key(self._answer)) if self._totals is not None else None
        return content_words(self._answer) if words is None else frozenset(words)

    def uses(self, word: str) -> bool:
        """Whether some wrong option has this content word: the fact's own, or a group answer not taken."""
        if self._own_words is None:
            self._own_words = frozenset().union(*map(content_words, self.wrong.own))
        if word in self._own_words:
            return True
        if self._totals is None:
            return False
        words = self._totals.words()
        taken = sum(1 for k in self._taken() if word in words[k])
        return self._totals.counted_words()[word] > taken


class Judge:
    """Judged wrong options for each fact of one deck, with each group summed once."""

    def __init__(self, deck: Deck) -> None:
        self.deck = deck
        self._totals: dict[str, _GroupTotals] = {}

    def __call__(self, fact: Fact) -> Judged:
        wrong = wrong_options(self.deck, fact)
        totals = None
        if wrong.group is not None:
            totals = self._totals.get(fact.group)
            if totals is None:
                totals = self._totals[fact.group] = _GroupTotals(wrong.group)
        return Judged(wrong, totals, fact.answer)


# --- reading counts -------------------------------------------------------------------------

_counted: tuple[Deck, dict[int, TextStats]] | None = None


def read_texts(fact: Fact) -> tuple[str, ...]:
    """What a learner reads for a fact: its question, its explanation and, when it has one, its
    statement as the true version reads (quiz.deck.statement)."""
    if not fact.statement:
        return (fact.question, fact.explanation)
    from quiz.deck.statement import split

    parts = split(fact.statement)
    return (fact.question, fact.explanation, parts.true if parts else fact.statement)


def _fact_counts(deck: Deck) -> dict[int, TextStats]:
    """The counts of what a learner reads for each fact of a deck, by id(fact), each text counted
    once (the last deck's are kept, so the reading-level rule and the deck's grade count nothing twice)."""
    global _counted
    if _counted is not None and _counted[0] is deck:
        return _counted[1]
    texts: dict[str, TextStats] = {}
    counts: dict[int, TextStats] = {}
    for fact in deck.facts:
        found = []
        for text in read_texts(fact):
            stats = texts.get(text)
            if stats is None:
                stats = texts[text] = text_stats(text)
            found.append(stats)
        counts[id(fact)] = sum(found[1:], found[0])  # two or three texts: one addition or two
    _counted = (deck, counts)
    return counts


def reading_stats(deck: Deck, fact: Fact) -> TextStats:
    """Words, sentences and syllables of what a learner reads for a fact of `deck` (read_texts),
    counted once per deck."""
    counts = _fact_counts(deck)
    stats = counts.get(id(fact))
    return fact_reading_stats(fact) if stats is None else stats  # None: a fact not of this deck


def fact_reading_stats(fact: Fact) -> TextStats:
    """Words, sentences and syllables of what a learner reads for a fact (read_texts): question,
    explanation and statement."""
    return pooled(map(text_stats, read_texts(fact)))


def deck_reading_stats(deck: Deck) -> TextStats:
    """The pooled counts of every text a learner reads in the deck (read_texts)."""
    counts = _fact_counts(deck)
    return pooled(counts[id(f)] for f in deck.facts)


def graded_reading_stats(deck: Deck) -> TextStats:
    """The pooled counts of the facts long enough to grade (MIN_GRADED_WORDS or more words): a
    one-word prompt counts as a sentence and pulls a deck's grade toward nonsense (-0.3)."""
    counts = _fact_counts(deck)
    return pooled(s for s in (counts[id(f)] for f in deck.facts) if s.words >= MIN_GRADED_WORDS)


def deck_reading_grade(deck: Deck) -> float | None:
    """The deck's overall Flesch-Kincaid grade (pooled over every text a learner reads)."""
    return deck_reading_stats(deck).grade


@cache
def of_the_above() -> re.Pattern[str]:
    """An option that points at the others; compiled only for a text that could match (it is slow to compile)."""
    return re.compile(
        r"\b(?:all|none|any|neither|both)\s+of\s+(?:the\s+)?(?:above|these|those|the\s+(?:options|answers))\b"
        r"|^\s*(?:both|neither|only)?\s*\(?[a-e]\)?\s*(?:,\s*\(?[a-e]\)?\s*)*(?:and|or|nor|&)\s*\(?[a-e]\)?\s*\.?\s*$",
        re.IGNORECASE,
    )


_ABOVE_WORDS = ("above", "these", "those", "options", "answers")
_ASCII_SPACE = "".join(c for c in map(chr, range(128)) if c.isspace())
_LETTER_OPTION_CHARS = frozenset("abcde&(),.bothneitherlyandr" + _ASCII_SPACE)
"""Every character an option such as "Both (a) and (c)." can hold, lower-cased."""


def points_at_other_options(text: str) -> bool:
    """Whether of_the_above() matches; an ASCII text lacking what either branch needs is ruled out first."""
    if text.isascii():
        low = text.lower()
        of_the = "of" in low and any(w in low for w in _ABOVE_WORDS)
        letters = ("and" in low or "or" in low or "&" in low) and _LETTER_OPTION_CHARS.issuperset(low)
        if not (of_the or letters):
            return False
    return of_the_above().search(text) is not None


def may_hold(text: str, needles: tuple[str, ...]) -> bool:
    """Whether a case-insensitive pattern that needs one of `needles` (lower-case ASCII) may match `text`.

    False only for an ASCII text that holds none of them: there lower() folds case exactly as the
    pattern does. A text with other characters is always passed on (the pattern folds "ſ" to "s").
    quiz.lint's rules ask this before a slow search; a property test holds each pair to agree.
    """
    if not text.isascii():
        return True
    low = text.lower()
    return any(needle in low for needle in needles)


class Search:
    """A case-insensitive pattern written in lower case, and the needles (lower-case ASCII) one of
    which every match holds (as for may_hold); `found_in` is quick on ASCII text.

    There lower() folds case exactly as re.IGNORECASE does, so a text holding no needle is ruled
    out without a search, and the rest is searched lower-cased by the pattern compiled without
    IGNORECASE, about 3 times faster in CPython's re. Other text is searched as written. A
    property test holds each one to the plain case-insensitive search.
    """

    def __init__(self, pattern: str, needles: tuple[str, ...]) -> None:
        self.needles = needles
        self._lower = re.compile(pattern)

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """The pattern, case-insensitive: compiled only for a text other than ASCII."""
        return re.compile(self._lower.pattern, re.IGNORECASE)

    def found_in(self, text: str) -> bool:
        """Whether the pattern matches somewhere in `text`, in any case."""
        if not text.isascii():
            return self.pattern.search(text) is not None
        low = text.lower()
        return any(needle in low for needle in self.needles) and self._lower.search(low) is not None
