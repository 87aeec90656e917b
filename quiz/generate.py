"""Facts -> questions: multiple choice, flashcard and typed answer. Pure: no I/O, no UI.

Every random choice for a question comes from random.Random(f"{seed}:{fact.id}:{kind}") (or a
generator reseeded with that text: question_rng), so a question is the same whether it is made
alone (make_question) or with its deck (generate).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from quiz.deck.model import Deck, Fact, Source
from quiz.deck.options import MIN_WRONG_OPTIONS, WRONG_OPTIONS, WrongOptions, wrong_options
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


class Kind(StrEnum):
    """The ways a fact can be asked."""

    MULTIPLE_CHOICE = "multiple_choice"
    FLASHCARD = "flashcard"
    TYPED = "typed"
    FILL_BLANK = "fill_blank"
    """The fact's statement with its answer blanked (quiz.kinds); typed, or picked from wrong options."""
    TRUE_FALSE = "true_false"
    """The fact's statement as written (true) or with a wrong option in its span (false) (quiz.kinds)."""
    MATCH = "match"
    """Four glossary terms to pair with their four meanings (quiz.kinds); not made from one fact."""


@dataclass(slots=True)
class Question:
    """One question as a learner sees it; options, correct_index and whys are for multiple choice
    (and for a fill-in-the-blank question answered by picking, and "True"/"False").

    whys[i] says why options[i] is wrong ("" for the answer and for options without one); it is ()
    when no option has a why. accept and lexicon are for typed answers only: the other texts that
    count, and the deck's real words that a slip must not become (with the deck's language, for
    reading numbers).

    The kinds of quiz.kinds add: `statement`, the fact's true sentence (shown in the feedback);
    `blank`, the sentence with the answer blanked (fill in the blank); `truth`, whether the
    sentence shown is the true one (true or false); `pairs`, the (term, meaning) pairs of a
    matching question in the order the terms are asked (its `options` are the meanings, shuffled
    on their own).

    Treat a question as a value: nothing changes one once made (dataclasses.replace makes another).
    It is not frozen only for speed: a frozen dataclass sets each of its 16 fields through
    object.__setattr__, about 1.3 us a question, a sixth of loading and generating a 10,000-fact deck.
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
    statement: str = ""
    blank: str = ""
    truth: bool | None = None
    pairs: tuple[tuple[str, str], ...] = ()


def why_of(question: Question, index: int) -> str:
    """Why the option at `index` (from 0) is wrong, as the deck says; "" for the answer or an option without one.

    Feedback after a wrong multiple-choice answer shows it above the explanation.
    """
    return question.whys[index] if 0 <= index < len(question.whys) else ""


def question_rng(seed: int, ident: str, kind: Kind, reuse: random.Random | None = None) -> random.Random:
    """The generator for the random choices of one question: seeded with f"{seed}:{ident}:{kind}".

    With `reuse`, that generator is reseeded and returned instead of a new one: the same draws (seed
    resets the whole state) for about two thirds of the cost, since a new generator is seeded twice
    (from hash(text) in C, then from the text). generate reuses one for a deck's multiple choice.
    """
    text = f"{seed}:{ident}:{kind.value}"
    if reuse is None:
        return random.Random(text)
    reuse.seed(text)
    return reuse


# --- wrong options --------------------------------------------------------------------------


def _pick_wrong(wrong: WrongOptions, rng: random.Random) -> list[str]:
    """Up to three wrong options: the fact's own distractors first, then other answers of its group."""
    if len(wrong.own) >= WRONG_OPTIONS:
        return rng.sample(wrong.own, WRONG_OPTIONS)
    picked = list(wrong.own)
    group = wrong.group
    if group is None:
        return picked
    need = WRONG_OPTIONS - len(picked)
    if wrong.free <= need:
        return picked + wrong.from_group()
    # Drawn by rejection: a group may hold thousands of answers, of which only a few are taken.
    chosen: list[int] = []
    while len(chosen) < need:
        i = rng.randrange(len(group.texts))
        if i not in chosen and group.keys[i] not in wrong.taken:
            chosen.append(i)
    return picked + [group.texts[i] for i in chosen]


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


# --- questions ---------------------------------------------------------------------------


def _multiple_choice(
    deck: Deck, fact: Fact, source: Source | None, seed: int, reuse: random.Random | None = None
) -> Question | None:
    """The multiple-choice question, or None if the fact has too few wrong options.

    Its random choices come from question_rng(seed, fact.id, MULTIPLE_CHOICE, reuse).
    """
    wrong = wrong_options(deck, fact)
    if wrong.total < MIN_WRONG_OPTIONS:
        return None
    rng = question_rng(seed, fact.id, Kind.MULTIPLE_CHOICE, reuse)
    options = [fact.answer, *_pick_wrong(wrong, rng)]
    rng.shuffle(options)
    correct = options.index(fact.answer)  # the wrong options differ from it (quiz.deck.options)
    whys = tuple("" if i == correct else fact.why(o) for i, o in enumerate(options)) if fact.whys else ()
    if not any(whys):
        whys = ()
    return _question(fact, Kind.MULTIPLE_CHOICE, source, tuple(options), correct, whys=whys)


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
    """The Question of this kind for `fact`, its prompt, answer, explanation and refs the fact's."""
    return Question(
        fact.id, kind, fact.question, fact.answer, fact.explanation, source, fact.refs,
        options, correct_index, accept, whys, lexicon,
    )  # fmt: skip


def kinds_for(deck: Deck, fact: Fact) -> tuple[Kind, ...]:
    """The kinds of question this fact can be served as, in Kind order (flashcard always)."""
    kinds = [Kind.MULTIPLE_CHOICE] if wrong_options(deck, fact).total >= MIN_WRONG_OPTIONS else []
    kinds.append(Kind.FLASHCARD)
    if _typed_possible(fact, deck.language):
        kinds.append(Kind.TYPED)
    if fact.statement:
        from quiz.kinds import fact_kinds

        kinds += fact_kinds(deck, fact)
    return tuple(kinds)


def make_question(deck: Deck, fact: Fact, kind: Kind, *, seed: int) -> Question:
    """The question of this kind for this fact; ValueError if the fact cannot be asked that way (or for MATCH,
    which is made from the glossary: quiz.kinds.match_questions)."""
    kind = Kind(kind)
    if kind in (Kind.FILL_BLANK, Kind.TRUE_FALSE):
        from quiz import kinds

        return kinds.make(deck, fact, kind, seed=seed)
    if kind is Kind.MATCH:
        raise ValueError("a matching question is made from the glossary, not from one fact")
    source = deck.source(fact.source) if fact.source else None
    if kind is Kind.FLASHCARD:
        return _question(fact, kind, source)
    if kind is Kind.TYPED:
        if not _typed_possible(fact, deck.language):
            raise ValueError(f'fact "{fact.id}" cannot be a typed-answer question (its answer is long or ambiguous)')
        return _question(fact, kind, source, accept=fact.accept, lexicon=deck_lexicon(deck))
    question = _multiple_choice(deck, fact, source, seed)
    if question is None:
        raise ValueError(f'fact "{fact.id}" has fewer than {MIN_WRONG_OPTIONS} wrong options: flashcard only')
    return question


def generate(deck: Deck, *, kinds: Sequence[Kind] | None = None, seed: int = 0) -> list[Question]:
    """Every fact as every requested kind it supports, in deck order (then in the order of `kinds`);
    with MATCH, the glossary's matching questions after them (quiz.kinds.match_questions)."""
    wanted = tuple(Kind(k) for k in kinds) if kinds is not None else tuple(Kind)
    extra = tuple(k for k in wanted if k in (Kind.FILL_BLANK, Kind.TRUE_FALSE, Kind.MATCH))
    if extra:
        from quiz import kinds as more

        wanted = tuple(k for k in wanted if k not in extra)
    from_statement = tuple(k for k in extra if k is not Kind.MATCH)
    sources = {s.id: s for s in deck.sources}
    lexicon = deck_lexicon(deck) if Kind.TYPED in wanted else None
    rng = random.Random()  # reseeded for each question that draws (question_rng)
    questions: list[Question] = []
    for fact in deck.facts:
        source = sources.get(fact.source) if fact.source else None
        for kind in wanted:
            if kind is Kind.FLASHCARD:
                questions.append(_question(fact, kind, source))
            elif kind is Kind.TYPED:
                if _typed_possible(fact, deck.language):
                    questions.append(_question(fact, kind, source, accept=fact.accept, lexicon=lexicon))
            else:
                question = _multiple_choice(deck, fact, source, seed, rng)
                if question is not None:
                    questions.append(question)
        if fact.statement:  # the kinds of quiz.kinds asked of one fact are asked from its statement
            for kind in from_statement:
                made = more.question(deck, fact, kind, seed=seed)
                if made is not None:
                    questions.append(made)
    if Kind.MATCH in extra:
        questions += more.match_questions(deck, seed=seed)
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
