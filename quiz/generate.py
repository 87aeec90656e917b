"""Facts -> questions: multiple choice, flashcard and typed answer. Pure: no I/O, no UI.

Every random choice for a question comes from random.Random(f"{seed}:{fact.id}:{kind}"), so a
question is the same whether it is made alone (make_question) or with its deck (generate).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, lru_cache

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
    """One question as a learner sees it; options, correct_index and whys are for multiple choice only.

    whys[i] says why options[i] is wrong ("" for the answer and for options without one); it is ()
    when no option has a why.
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

_SOFT = set(".,;:!?'\"`()[]{}-_\u2010\u2011\u2012\u2013\u2014\u2018\u2019\u201c\u201d\u00ab\u00bb\u2026/\\*")
_ARTICLES = {"a", "an", "the"}


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Tokens (a number, a run of letters or one other symbol) and "per cent" spelled out.

    Compiled on first use, so commands that only read this module's constants load it quickly.
    """
    number = r"\d+(?:[.,]\d+)*"
    return re.compile(rf"({number})|([^\W\d_]+)|(\S)"), re.compile(r"\b(?:per\s*cent|percent)\b")


def _number(text: str) -> str:
    """A number in one form: "1,000" = "1000", "2,5" = "2.5", "2.50" = "2.5"."""
    if text.isdigit() and (len(text) == 1 or text[0] != "0"):
        return text
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", text):
        text = text.replace(",", "")
    else:
        text = text.replace(",", ".")
    from decimal import Decimal, InvalidOperation

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
        import unicodedata

        decomposed = unicodedata.normalize("NFKD", text)
        folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    token, percent_words = _patterns()
    if "per" in folded:
        folded = percent_words.sub("%", folded)
    shape: list[str] = []
    words: list[str] = []
    seen = 0  # tokens kept so far, to drop a leading article before another word
    for number, word, symbol in token.findall(folded):
        if word:
            if not shape or shape[-1] != "w":
                shape.append("w")
                words.append(word)
            elif seen == 1 and words[0] in _ARTICLES:
                words[0] = word
            else:
                words[-1] += word
        elif number:
            shape.append(_number(number))
        elif symbol in _SOFT:
            continue
        else:
            shape.append(symbol)
        seen += 1
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
    return _typed_texts_possible(fact.answer, fact.accept, fact.distractors)


@lru_cache(maxsize=65536)
def _typed_texts_possible(answer: str, accept: tuple[str, ...], distractors: tuple[str, ...]) -> bool:
    answer = answer.strip()
    if len(answer) > TYPED_MAX_CHARS or len(answer.split()) > TYPED_MAX_WORDS:
        return False
    shape, letters = _canon(answer)
    if not (shape or letters):
        return False
    expected = (answer, *accept)
    return not any(_matches(e, d) for e in expected for d in distractors)


# --- questions ------------------------------------------------------------------------------

_new_object = object.__new__
_FIELDS = (
    "fact_id", "kind", "prompt", "answer", "explanation", "source", "refs", "options", "correct_index", "accept", "whys"
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
) -> Question:
    """Question(...) for this fact, with each field set through its slot.

    The frozen dataclass's __init__ sets fields one object.__setattr__ at a time, which is half
    the cost of generating a large deck; the object made here is the same in every way.
    """
    q = _new_object(Question)
    s_id, s_kind, s_prompt, s_answer, s_explanation, s_source, s_refs, s_options, s_correct, s_accept, s_whys = _SETTERS
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
    if _typed_possible(fact):
        kinds.append(Kind.TYPED)
    return tuple(kinds)


def make_question(deck: Deck, fact: Fact, kind: Kind, *, seed: int) -> Question:
    """The question of this kind for this fact; ValueError if the fact cannot be asked that way."""
    kind = Kind(kind)
    source = deck.source(fact.source) if fact.source else None
    if kind is Kind.FLASHCARD:
        return _question(fact, kind, source)
    if kind is Kind.TYPED:
        if not _typed_possible(fact):
            raise ValueError(f'fact "{fact.id}" cannot be a typed-answer question (its answer is long or ambiguous)')
        return _question(fact, kind, source, accept=fact.accept)
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
                if _typed_possible(fact):
                    add(_question(fact, kind, source, accept=fact.accept))
            else:
                question = _multiple_choice(fact, source, pools.get(fact.group) if fact.group else None, seed, rng)
                if question is not None:
                    add(question)
    return questions


def content_hash(fact: Fact) -> str:
    """A short, stable hash of what is asked (question, answer, distractors), to notice a changed fact."""
    parts = [" ".join(fact.question.split()), " ".join(fact.answer.split())]
    parts += sorted(" ".join(d.split()) for d in fact.distractors)
    import hashlib

    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]
