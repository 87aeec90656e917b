"""Facts -> questions: multiple choice, flashcard and typed answer. Pure: no I/O, no UI.

Every random choice for a question comes from random.Random(f"{seed}:{fact.id}:{kind}"), so a
question is the same whether it is made alone (make_question) or with its deck (generate).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache

from quiz.deck.model import Deck, Fact, Source
from quiz.deck.text import normalize
from quiz.typed import (  # noqa: F401  (TYPED_MAX_*, TYPO_MIN_LETTERS: re-exported)
    CURATED_ONLY,
    TYPED_MAX_CHARS,
    TYPED_MAX_WORDS,
    TYPO_MIN_LETTERS,
    Lexicon,
    TypedMark,
    deck_lexicon,
    mark,
    typed_possible,
)

WRONG_OPTIONS = 3
"""Wrong options shown with a multiple-choice question (four options in all)."""
MIN_WRONG_OPTIONS = 2
"""A fact with fewer possible wrong options than this is served as a flashcard only."""


class Kind(StrEnum):
    """The ways a fact can be asked."""

    MULTIPLE_CHOICE = "multiple_choice"
    FLASHCARD = "flashcard"
    TYPED = "typed"


@dataclass(frozen=True, slots=True)
class Question:
    """One question as a learner sees it; options, correct_index and whys are for multiple choice only.

    whys[i] says why options[i] is wrong ("" for the answer and for options without one); it is ()
    when no option has a why. accept and lexicon are for typed answers only: the other texts that
    count, and the deck's real words that a slip must not become (with the deck's language, for
    reading numbers).
    """

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
    whys: tuple[str, ...] = ()
    lexicon: Lexicon | None = field(default=None, compare=False, repr=False)


def why_of(question: Question, index: int) -> str:
    """Why the option at `index` (from 0) is wrong, as the deck says; "" for the answer or an option without one.

    Feedback after a wrong multiple-choice answer shows it above the explanation.
    """
    return question.whys[index] if 0 <= index < len(question.whys) else ""


# --- wrong options --------------------------------------------------------------------------


class _Pool:
    """The distinct answers of one group, in deck order, with each one's folded form."""

    __slots__ = ("texts", "keys", "index")

    def __init__(self, texts: tuple[str, ...], keys: tuple[str, ...], index: dict[str, int]) -> None:
        self.texts, self.keys, self.index = texts, keys, index


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


def _wrong_choices(fact: Fact, pool: _Pool | None) -> tuple[tuple[str, ...], frozenset[str], int]:
    """The fact's own wrong options, the folded texts they use up, and how many group answers are left.

    Group answers count only when the fact's own distractors are too few for a question.
    """
    own, taken = _own_wrong(fact.answer, fact.distractors)
    if len(own) >= WRONG_OPTIONS or pool is None:
        return own, taken, 0
    index = pool.index
    used = 0
    for key in taken:
        if key in index:
            used += 1
    return own, taken, len(pool.texts) - used


# The draws below are those of random.Random's randrange, sample and shuffle (as CPython 3.11 makes
# them), made straight from getrandbits: the same numbers in a fraction of the time, which matters
# when a deck of thousands of facts is turned into questions. tests/test_generate_pinned.py pins the
# questions, so a change in how they are drawn cannot pass unnoticed.


def _below(bits: Callable[[int], int], n: int) -> int:
    """A number in range(n), drawn as Random.randrange(n) draws it."""
    k = n.bit_length()
    r = bits(k)
    while r >= n:
        r = bits(k)
    return r


def _pick_wrong(
    own: tuple[str, ...], taken: frozenset[str], free: int, pool: _Pool | None, rng: random.Random
) -> list[str]:
    """Up to three wrong options: the fact's own distractors first, then other answers of its group."""
    n = len(own)
    if n >= WRONG_OPTIONS:
        if n > 21:  # where Random.sample switches to a set of picks
            return rng.sample(own, WRONG_OPTIONS)
        bits = rng.getrandbits
        left = list(own)
        picked = []
        for i in range(WRONG_OPTIONS):
            j = _below(bits, n - i)
            picked.append(left[j])
            left[j] = left[n - i - 1]
        return picked
    wrong = list(own)
    if pool is None:
        return wrong
    need = WRONG_OPTIONS - n
    if free <= need:
        return wrong + [t for t, k in zip(pool.texts, pool.keys, strict=True) if k not in taken]
    # Sample by rejection: the pool may hold thousands of answers and only a few are taken.
    bits, size, keys = rng.getrandbits, len(pool.texts), pool.keys
    chosen: list[int] = []
    while len(chosen) < need:
        i = _below(bits, size)
        if i not in chosen and keys[i] not in taken:
            chosen.append(i)
    return wrong + [pool.texts[i] for i in chosen]


def _shuffle(options: list[str], rng: random.Random) -> tuple[tuple[str, ...], int]:
    """The options in Random.shuffle's order, and where the first one (the answer) went."""
    bits = rng.getrandbits
    at = 0
    for i in range(len(options) - 1, 0, -1):
        j = _below(bits, i + 1)
        options[i], options[j] = options[j], options[i]
        if at == i:
            at = j
        elif at == j:
            at = i
    return tuple(options), at


# --- typed answers --------------------------------------------------------------------------
# The rules live in quiz.typed; these are the entry points for a question.


def mark_typed(question: Question, text: str) -> TypedMark:
    """Mark a typed answer to a typed question; the result says how, for feedback and history.

    TypedMark(correct, slip, expected, typed, look_alike): see quiz.typed.TypedMark. A slip that
    makes another real word of the question's deck (its `lexicon`) or a medical look-alike is
    wrong. The rules: docs/questions.md, "Typed answers: what counts as right".
    """
    return mark(question.answer, question.accept, text, question.lexicon or CURATED_ONLY)


def check_typed(question: Question, text: str) -> bool:
    """Whether a typed answer counts as right: mark_typed(question, text).correct."""
    return mark_typed(question, text).correct


def _typed_possible(fact: Fact, language: str = "en") -> bool:
    """A short answer that no distractor could be mistaken for (quiz.typed.typed_possible)."""
    return typed_possible(fact.answer, fact.accept, fact.distractors, language)


# --- questions ------------------------------------------------------------------------------

_new_object = object.__new__
_FIELDS = (
    "fact_id", "kind", "prompt", "answer", "explanation", "source", "refs", "options", "correct_index", "accept",
    "whys", "lexicon",
)  # fmt: skip
_SETTERS = tuple(getattr(Question, name).__set__ for name in _FIELDS)


def _question(
    fact: Fact,
    kind: Kind,
    source: Source | None,
    options: tuple[str, ...] = (),
    correct_index: int | None = None,
    accept: tuple[str, ...] = (),
    whys: tuple[str, ...] = (),
    lexicon: Lexicon | None = None,
) -> Question:
    """Question(...) for this fact, with each field set through its slot.

    The frozen dataclass's __init__ sets fields one object.__setattr__ at a time, which is half
    the cost of generating a large deck; the object made here is the same in every way.
    """
    q = _new_object(Question)
    s_id, s_kind, s_prompt, s_answer, s_explanation, s_source, s_refs, s_options, s_correct, s_accept, s_whys, s_lex = (
        _SETTERS
    )
    s_id(q, fact.id)
    s_kind(q, kind)
    s_prompt(q, fact.question)
    s_answer(q, fact.answer)
    s_explanation(q, fact.explanation)
    s_source(q, source)
    s_refs(q, fact.refs)
    s_options(q, options)
    s_correct(q, correct_index)
    s_accept(q, accept)
    s_whys(q, whys)
    s_lex(q, lexicon)
    return q


def _multiple_choice(
    fact: Fact, source: Source | None, pool: _Pool | None, seed: int, rng: random.Random
) -> Question | None:
    """The multiple-choice question, or None if the fact has too few wrong options.

    `rng` is reseeded as random.Random(f"{seed}:{fact.id}:multiple_choice") would be, so every
    question of a deck can share one generator.
    """
    own, taken, free = _wrong_choices(fact, pool)
    if len(own) + free < MIN_WRONG_OPTIONS:
        return None
    rng.seed(f"{seed}:{fact.id}:multiple_choice")
    wrong = _pick_wrong(own, taken, free, pool, rng)
    options, correct = _shuffle([fact.answer, *wrong], rng)
    whys = tuple("" if i == correct else fact.why(o) for i, o in enumerate(options)) if fact.whys else ()
    if not any(whys):
        whys = ()
    return _question(fact, Kind.MULTIPLE_CHOICE, source, options, correct, whys=whys)


def kinds_for(deck: Deck, fact: Fact) -> tuple[Kind, ...]:
    """The kinds of question this fact can be served as, in Kind order (flashcard always)."""
    pool = _pools_for(deck).get(fact.group) if fact.group else None
    own, _, free = _wrong_choices(fact, pool)
    kinds = [Kind.MULTIPLE_CHOICE] if len(own) + free >= MIN_WRONG_OPTIONS else []
    kinds.append(Kind.FLASHCARD)
    if _typed_possible(fact, deck.language):
        kinds.append(Kind.TYPED)
    return tuple(kinds)


def make_question(deck: Deck, fact: Fact, kind: Kind, *, seed: int) -> Question:
    """The question of this kind for this fact; ValueError if the fact cannot be asked that way."""
    kind = Kind(kind)
    source = deck.source(fact.source) if fact.source else None
    if kind is Kind.FLASHCARD:
        return _question(fact, kind, source)
    if kind is Kind.TYPED:
        if not _typed_possible(fact, deck.language):
            raise ValueError(f'fact "{fact.id}" cannot be a typed-answer question (its answer is long or ambiguous)')
        return _question(fact, kind, source, accept=fact.accept, lexicon=deck_lexicon(deck))
    pool = _pools_for(deck).get(fact.group) if fact.group else None
    question = _multiple_choice(fact, source, pool, seed, random.Random())
    if question is None:
        raise ValueError(f'fact "{fact.id}" has fewer than {MIN_WRONG_OPTIONS} wrong options: flashcard only')
    return question


def generate(deck: Deck, *, kinds: Sequence[Kind] | None = None, seed: int = 0) -> list[Question]:
    """Every fact as every requested kind it supports, in deck order (then in the order of `kinds`)."""
    wanted = tuple(Kind(k) for k in kinds) if kinds is not None else tuple(Kind)
    pools = _pools_for(deck)
    sources = {s.id: s for s in deck.sources}
    rng = random.Random(0)
    questions: list[Question] = []
    add = questions.append
    for fact in deck.facts:
        source = sources.get(fact.source) if fact.source else None
        for kind in wanted:
            if kind is Kind.FLASHCARD:
                add(_question(fact, kind, source))
            elif kind is Kind.TYPED:
                if _typed_possible(fact, deck.language):
                    add(_question(fact, kind, source, accept=fact.accept, lexicon=deck_lexicon(deck)))
            else:
                question = _multiple_choice(fact, source, pools.get(fact.group) if fact.group else None, seed, rng)
                if question is not None:
                    add(question)
    return questions


def content_hash(fact: Fact) -> str:
    """A short, stable hash of what is asked (question, answer, distractors), to notice a changed fact.

    Spacing and Unicode composition (NFC) do not count: the same words written with a combining
    accent are the same fact.
    """
    import hashlib
    import unicodedata

    def same(text: str) -> str:
        return " ".join((text if text.isascii() else unicodedata.normalize("NFC", text)).split())

    parts = [same(fact.question), same(fact.answer)]
    parts += sorted(same(d) for d in fact.distractors)

    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]
