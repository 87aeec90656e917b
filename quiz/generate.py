"""Facts -> questions: multiple choice, flashcard and typed answer. Pure: no I/O, no UI.

Every random choice for a question comes from random.Random(f"{seed}:{fact.id}:{kind}"), so a
question is the same whether it is made alone (make_question) or with its deck (generate).
"""

from __future__ import annotations

import hashlib
import random
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from functools import lru_cache

from quiz.deck.load import normalize
from quiz.deck.model import Deck, Fact, Source

WRONG_OPTIONS = 3
"""Wrong options shown with a multiple-choice question (four options in all)."""
MIN_WRONG_OPTIONS = 2
"""A fact with fewer possible wrong options than this is served as a flashcard only."""
TYPED_MAX_WORDS = 4
TYPED_MAX_CHARS = 30
"""A typed-answer question needs a short answer: at most this many words and characters."""
TYPO_MIN_LETTERS = 4
"""One-letter typos are forgiven only in answers with at least this many letters."""


class Kind(StrEnum):
    """The ways a fact can be asked."""

    MULTIPLE_CHOICE = "multiple_choice"
    FLASHCARD = "flashcard"
    TYPED = "typed"


@dataclass(frozen=True, slots=True)
class Question:
    """One question as a learner sees it; options and correct_index are for multiple choice only."""

    fact_id: str
    kind: Kind
    prompt: str
    answer: str
    explanation: str
    source: Source | None
    refs: str
    options: tuple[str, ...] = ()
    correct_index: int | None = None
    accept: tuple[str, ...] = ()


# --- wrong options --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Pool:
    """The distinct answers of one group, in deck order, with each one's folded form."""

    texts: tuple[str, ...]
    keys: tuple[str, ...]
    index: dict[str, int]


def _group_pools(deck: Deck) -> dict[str, _Pool]:
    """Every group's distinct answers, computed once for the whole deck."""
    texts: dict[str, dict[str, str]] = {}
    for fact in deck.facts:
        if fact.group:
            texts.setdefault(fact.group, {}).setdefault(normalize(fact.answer), fact.answer)
    return {
        group: _Pool(tuple(seen.values()), tuple(seen), {k: i for i, k in enumerate(seen)})
        for group, seen in texts.items()
    }


_cache: tuple[Deck, dict[str, _Pool]] | None = None


def _pools_for(deck: Deck) -> dict[str, _Pool]:
    """The deck's group pools; the last deck's are kept, as the app asks one question at a time."""
    global _cache
    cached = _cache
    if cached is not None and cached[0] is deck:
        return cached[1]
    pools = _group_pools(deck)
    _cache = (deck, pools)
    return pools


@lru_cache(maxsize=65536)
def _own_wrong(answer: str, distractors: tuple[str, ...]) -> tuple[tuple[str, ...], frozenset[str]]:
    """The distractors that differ from the answer and from each other, and the folded texts used up."""
    seen = {normalize(answer)}
    out = []
    for d in distractors:
        key = normalize(d)
        if key not in seen:
            seen.add(key)
            out.append(d)
    return tuple(out), frozenset(seen)


def _free_in_pool(taken: frozenset[str], pool: _Pool) -> int:
    return len(pool.texts) - sum(1 for key in taken if key in pool.index)


def _wrong_count(fact: Fact, pool: _Pool | None) -> int:
    """How many different wrong options this fact could be shown with."""
    own, taken = _own_wrong(fact.answer, fact.distractors)
    if len(own) >= WRONG_OPTIONS or pool is None:
        return len(own)
    return len(own) + _free_in_pool(taken, pool)


def _pick_wrong(fact: Fact, pool: _Pool | None, rng: random.Random) -> list[str]:
    """Up to three wrong options: the fact's own distractors first, then other answers of its group."""
    own, taken = _own_wrong(fact.answer, fact.distractors)
    if len(own) >= WRONG_OPTIONS:
        return rng.sample(own, WRONG_OPTIONS)
    wrong = list(own)
    if pool is None:
        return wrong
    need = WRONG_OPTIONS - len(wrong)
    if _free_in_pool(taken, pool) <= need:
        return wrong + [t for t, k in zip(pool.texts, pool.keys, strict=True) if k not in taken]
    # Sample by rejection: the pool may hold thousands of answers and only a few are taken.
    chosen: list[int] = []
    while len(chosen) < need:
        i = rng.randrange(len(pool.texts))
        if i not in chosen and pool.keys[i] not in taken:
            chosen.append(i)
    return wrong + [pool.texts[i] for i in chosen]


# --- typed answers --------------------------------------------------------------------------

_NUMBER = r"\d+(?:[.,]\d+)*"
_TOKEN = re.compile(rf"({_NUMBER})|([^\W\d_]+)|(\S)")
_SOFT = set(".,;:!?'\"`()[]{}-_\u2010\u2011\u2012\u2013\u2014\u2018\u2019\u201c\u201d\u00ab\u00bb\u2026/\\*")
_ARTICLES = {"a", "an", "the"}
_PERCENT_WORDS = re.compile(r"\b(?:per\s*cent|percent)\b")


def _number(text: str) -> str:
    """A number in one form: "1,000" = "1000", "2,5" = "2.5", "2.50" = "2.5"."""
    if text.isdigit() and (len(text) == 1 or text[0] != "0"):
        return text
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", text):
        text = text.replace(",", "")
    else:
        text = text.replace(",", ".")
    try:
        value = Decimal(text)
    except InvalidOperation:
        return text
    return format(value.normalize(), "f")


@lru_cache(maxsize=65536)
def _canon(text: str) -> tuple[tuple[str, ...], str]:
    """What a typed text is compared by: its numbers and symbols in order, and its letters.

    Case, accents, spacing, punctuation and a leading article are dropped; each run of words is
    joined into one, so letters can be compared with one typo forgiven while numbers must match.
    """
    if text.isascii():
        folded = text.lower()
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    tokens = [
        ("w", word) if word else ("n", _number(number)) if number else ("s", symbol)
        for number, word, symbol in _TOKEN.findall(_PERCENT_WORDS.sub("%", folded))
        if not symbol or symbol not in _SOFT
    ]
    if len(tokens) > 1 and tokens[0][0] == tokens[1][0] == "w" and tokens[0][1] in _ARTICLES:
        tokens = tokens[1:]
    shape: list[str] = []
    words: list[str] = []
    for kind, value in tokens:
        if kind != "w":
            shape.append(value)
        elif shape and shape[-1] == "w":
            words[-1] += value
        else:
            shape.append("w")
            words.append(value)
    return tuple(shape), "|".join(words)


def _one_edit(a: str, b: str) -> bool:
    """Whether b is a at most one typo away: a letter changed, added, dropped or two swapped."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    i = 0
    while i < min(la, lb) and a[i] == b[i]:
        i += 1
    if la == lb:
        if a[i + 1 :] == b[i + 1 :]:
            return True
        return i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
    if la > lb:
        return a[i + 1 :] == b[i:]
    return a[i:] == b[i + 1 :]


def _matches(expected: str, typed: str) -> bool:
    shape, letters = _canon(expected)
    typed_shape, typed_letters = _canon(typed)
    if shape != typed_shape or not (shape or letters):
        return False
    if letters == typed_letters:
        return True
    return len(letters.replace("|", "")) >= TYPO_MIN_LETTERS and _one_edit(letters, typed_letters)


def check_typed(question: Question, text: str) -> bool:
    """Whether a typed answer counts as right, forgiving what a careful reader would.

    Case, accents, spacing, a leading article, punctuation and one-letter typos (in answers of
    four letters or more) are forgiven; numbers must be the same numbers ("2 %" = "2%" =
    "2 percent", "1,000" = "1000"). The answer and each of the fact's `accept` texts count.
    """
    return any(_matches(expected, text) for expected in (question.answer, *question.accept))


def _typed_possible(fact: Fact) -> bool:
    """A short answer that no distractor could be mistaken for under lenient matching."""
    answer = fact.answer.strip()
    if len(answer) > TYPED_MAX_CHARS or len(answer.split()) > TYPED_MAX_WORDS:
        return False
    shape, letters = _canon(answer)
    if not (shape or letters):
        return False
    expected = (answer, *fact.accept)
    return not any(_matches(e, d) for e in expected for d in fact.distractors)


# --- questions ------------------------------------------------------------------------------


def _possible(fact: Fact, kind: Kind, pool: _Pool | None) -> bool:
    if kind is Kind.MULTIPLE_CHOICE:
        return _wrong_count(fact, pool) >= MIN_WRONG_OPTIONS
    if kind is Kind.TYPED:
        return _typed_possible(fact)
    return True


def kinds_for(deck: Deck, fact: Fact) -> tuple[Kind, ...]:
    """The kinds of question this fact can be served as, in Kind order (flashcard always)."""
    pool = _pools_for(deck).get(fact.group) if fact.group else None
    return tuple(kind for kind in Kind if _possible(fact, kind, pool))


def _make(
    fact: Fact, kind: Kind, source: Source | None, pool: _Pool | None, seed: int, *, checked: bool = False
) -> Question:
    """The question; `checked` says the caller already knows the kind is possible for the fact."""
    if kind is Kind.FLASHCARD:
        return Question(fact.id, kind, fact.question, fact.answer, fact.explanation, source, fact.refs)
    if kind is Kind.TYPED:
        if not checked and not _typed_possible(fact):
            raise ValueError(f'fact "{fact.id}" cannot be a typed-answer question (its answer is long or ambiguous)')
        return Question(
            fact.id, kind, fact.question, fact.answer, fact.explanation, source, fact.refs, accept=fact.accept
        )
    if kind is not Kind.MULTIPLE_CHOICE:
        raise ValueError(f"unknown question kind {kind!r}")
    rng = random.Random(f"{seed}:{fact.id}:{kind.value}")
    wrong = _pick_wrong(fact, pool, rng)
    if len(wrong) < MIN_WRONG_OPTIONS:
        raise ValueError(f'fact "{fact.id}" has fewer than {MIN_WRONG_OPTIONS} wrong options: flashcard only')
    options = [fact.answer, *wrong]
    order = list(range(len(options)))
    rng.shuffle(order)
    return Question(
        fact.id,
        kind,
        fact.question,
        fact.answer,
        fact.explanation,
        source,
        fact.refs,
        options=tuple(options[i] for i in order),
        correct_index=order.index(0),
    )


def make_question(deck: Deck, fact: Fact, kind: Kind, *, seed: int) -> Question:
    """The question of this kind for this fact; ValueError if the fact cannot be asked that way."""
    pool = _pools_for(deck).get(fact.group) if fact.group else None
    return _make(fact, Kind(kind), deck.source(fact.source) if fact.source else None, pool, seed)


def generate(deck: Deck, *, kinds: Sequence[Kind] | None = None, seed: int = 0) -> list[Question]:
    """Every fact as every requested kind it supports, in deck order (then in the order of `kinds`)."""
    wanted = tuple(Kind(k) for k in kinds) if kinds is not None else tuple(Kind)
    pools = _group_pools(deck)
    sources = {s.id: s for s in deck.sources}
    questions = []
    for fact in deck.facts:
        pool = pools.get(fact.group) if fact.group else None
        source = sources.get(fact.source) if fact.source else None
        for kind in wanted:
            if _possible(fact, kind, pool):
                questions.append(_make(fact, kind, source, pool, seed, checked=True))
    return questions


def content_hash(fact: Fact) -> str:
    """A short, stable hash of what is asked (question, answer, distractors), to notice a changed fact."""
    parts = [" ".join(fact.question.split()), " ".join(fact.answer.split())]
    parts += sorted(" ".join(d.split()) for d in fact.distractors)
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]
