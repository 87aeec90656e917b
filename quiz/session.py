"""One study session: which questions, in what order, the answers given and the score. Pure, no I/O.

quiz.study.StudyRun drives it: it grades each answer, keeps the store in step and records the
answer here; the session itself never touches a file or a clock.
"""

from __future__ import annotations

import random
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from quiz import kinds
from quiz.apart import kept_apart
from quiz.certainty import Certainty, cbm_mark
from quiz.curriculum import must_know_first
from quiz.deck.model import Deck, Fact
from quiz.generate import Kind, Question, kinds_for, make_question
from quiz.glossary import is_term, terms_in
from quiz.mode import Mode
from quiz.schedule import NEW_PER_SESSION, Rating
from quiz.sitting import sitting
from quiz.typed import TypedMark
from quiz.visit import choose_for_visit, planning
from quiz.words_shown import giving_away

if TYPE_CHECKING:
    from quiz.store import Store

DEFAULT_COUNT = 10
CANDIDATES = 3
"""Questions made for each one a session of `count` asks: those whose answers the feedback of an
earlier one gives away wait (quiz.apart.kept_apart), and the next take their places."""
MATCH_PER_SESSION = 3
"""Matching questions in a "Match words to meanings" session at most: 12 words, about as long as
ten questions of the other kinds. Mixed sessions hold one."""


_KIND_OF_MODE = {
    Mode.MULTIPLE_CHOICE: Kind.MULTIPLE_CHOICE,
    Mode.FLASHCARD: Kind.FLASHCARD,
    Mode.TYPED: Kind.TYPED,
    Mode.FILL_BLANK: Kind.FILL_BLANK,
    Mode.TRUE_FALSE: Kind.TRUE_FALSE,
}


def _kind_for(mode: Mode, kinds: tuple[Kind, ...], rng: random.Random) -> Kind | None:
    if mode in _KIND_OF_MODE:
        wanted = _KIND_OF_MODE[mode]
        if wanted in kinds:
            return wanted
        # A fact with too few wrong options is served as a flashcard, as `quiz check` warns.
        return Kind.FLASHCARD if mode is Mode.MULTIPLE_CHOICE and Kind.FLASHCARD in kinds else None
    return rng.choice(kinds) if kinds else None


def plan(
    deck: Deck,
    mode: Mode,
    *,
    seed: int = 0,
    count: int | None = DEFAULT_COUNT,
    due: Sequence[str] = (),
    unseen: Sequence[str] = (),
    only: Sequence[str] | None = None,
    new_per_session: int = NEW_PER_SESSION,
    scope: Collection[str] | None = None,
) -> list[Question]:
    """Choose and order the questions of a session.

    Review (`Mode.DUE`) asks the due facts, most overdue first, then up to `new_per_session` facts
    never seen before. Other modes ask `count` facts: due ones first, then unseen ones in deck
    order, then the rest in a seeded shuffle. Among new facts, and among the rest, must-know
    facts come first (quiz.curriculum.priority_rank). `scope` (fact ids, as from
    quiz.curriculum.session_facts) limits the new and other facts to a topic and leaves
    nice-to-know facts out; `due` facts are all asked, whatever their priority (the caller limits
    them to the topic): a fact once studied is due in one sense only, the one Home counts.
    `only` restricts the session to those facts (to retry the ones missed; no matching question
    is made then, the missed ones are asked again as they were).

    Review also asks the glossary words that are due, by matching. Matching (`Mode.MATCH`) asks
    the glossary terms used by the facts in scope, due ones first
    (`due` holds term ids too: quiz.kinds.term_id), in up to MATCH_PER_SESSION questions; Mixed
    puts one matching question among the others. True-or-false questions are balanced: half
    show the true statement (quiz.kinds.balance_truth).
    """
    if mode is Mode.MATCH:
        if only is not None:  # a retry: the caller asks the matching questions missed again (StudyRun.retry_missed)
            return []
        limit = MATCH_PER_SESSION if count is None else min(count, MATCH_PER_SESSION)
        return kinds.match_questions(deck, seed=seed, order=due, within=_terms_within(deck, scope))[:limit]
    rng = random.Random(f"plan:{seed}")
    every = {f.id: f for f in deck.facts}
    by_id = {i: f for i, f in every.items() if scope is None or i in scope}
    facts: list[Fact]
    if only is not None:
        facts = [by_id[i] for i in only if i in by_id]
    elif mode is Mode.DUE:
        is_due = set(due)
        new = must_know_first(by_id[i] for i in unseen if i in by_id and i not in is_due)[: max(new_per_session, 0)]
        facts = [every[i] for i in due if i in every] + new
    else:
        due_first = [i for i in due if i in every]
        by_id.update((i, every[i]) for i in due_first)
        first = set(due_first)
        new_ids = [f.id for f in must_know_first(by_id[i] for i in unseen if i in by_id and i not in first)]
        chosen = set(due_first) | set(new_ids)
        rest = [f for f in by_id.values() if f.id not in chosen]
        rng.shuffle(rest)
        facts = [by_id[i] for i in due_first + new_ids] + must_know_first(rest)
    at_most = count if count is not None and only is None and mode is not Mode.DUE else None
    questions: list[Question] = []
    for fact in facts:
        kind = _kind_for(mode, kinds_for(deck, fact), rng)
        if kind is None:
            continue
        questions.append(make_question(deck, fact, kind, seed=seed))
        if at_most is not None and len(questions) >= at_most * CANDIDATES:
            break
    # No question's feedback gives away a later one's answer; facts that give each other's answers
    # away wait for another session, and the next candidates take their places.
    due_ids = set(due) if mode is Mode.DUE and only is None else set()
    all_due = sum(q.fact_id in due_ids for q in questions)  # a review asks every due fact
    questions = _balance_truth(deck, kept_apart(deck, questions, at_most, due=all_due), seed)
    if mode is Mode.DUE and only is None:  # glossary words due: asked by matching, due ones first
        due_words = sum(1 for i in due if is_term(i))
        if due_words:
            asked = kinds.match_questions(deck, seed=seed, order=due)
            questions += asked[: -(-due_words // kinds.MATCH_TERMS)]
    if mode is Mode.MIXED and only is None and questions:
        within = _terms_within(deck, scope)
        pool = [t for t, _ in deck.glossary] if within is None else within
        avoid = giving_away(deck, questions)
        allowed = [t for t in pool if t not in avoid]
        match = kinds.match_questions(deck, seed=seed, order=due, within=allowed)[:1]
        if match:
            at = rng.randrange(1, len(questions)) if len(questions) > 1 else 1  # never first
            questions.insert(at, match[0])
            if count is not None and len(questions) > count:
                questions.pop()  # a fact question: the matching one is never last but in a one-question session
    return questions


def _balance_truth(deck: Deck, questions: list[Question], seed: int) -> list[Question]:
    """The questions with their true-or-false ones remade so that half show the true statement."""
    ids = [q.fact_id for q in questions if q.kind is Kind.TRUE_FALSE]
    if not ids:
        return questions
    falsifiable = [i for i in ids if kinds.false_options(deck.fact(i))]
    truth = kinds.balance_truth(ids, falsifiable, seed=seed)
    return [
        kinds.make(deck, deck.fact(q.fact_id), q.kind, seed=seed, truth=truth[q.fact_id])
        if q.kind is Kind.TRUE_FALSE
        else q
        for q in questions
    ]


def _terms_within(deck: Deck, scope: Collection[str] | None) -> list[str] | None:
    """The glossary terms the facts in scope use (None for the whole glossary: no scope, or too few)."""
    if scope is None:
        return None
    text = "\n".join("\n".join((f.question, f.answer, f.explanation)) for f in deck.facts if f.id in scope)
    terms = [term for term, _ in terms_in(text, deck.glossary)]
    return terms if len(kinds.matchable_terms(deck, terms)) >= kinds.MATCH_TERMS else None


@dataclass(frozen=True, slots=True)
class Answered:
    """One answer given in the session."""

    question: Question
    response: str
    correct: bool
    rating: Rating
    answer_id: int | None = None
    certainty: int | None = None
    """How sure the learner said they were (quiz.certainty.Certainty); None when not asked."""
    slip: bool = False
    """A typed answer accepted with a one-letter slip."""
    mark: TypedMark | None = None
    """How a typed answer was marked (quiz.typed.TypedMark), for the feedback."""
    paired: tuple[int, ...] = ()
    """A matching question's answer: for each term (question.pairs), the index of the meaning chosen."""

    @property
    def marks(self) -> tuple[int, int]:
        """(right, answers) this counts for in a score: a matching question counts each pair, as
        the history keeps them (quiz.kinds); any other answer counts once."""
        if self.paired:
            right = sum(kinds.right_meaning(self.question, t) == m for t, m in enumerate(self.paired))
            return right, len(self.paired)
        return int(self.correct), 1


@dataclass
class StudySession:
    """The state of one sitting: the questions, the answers so far and what was missed."""

    deck: Deck
    mode: Mode
    questions: list[Question]
    answers: list[Answered] = field(default_factory=list)
    store_id: int | None = None
    started_at: datetime | None = None
    """When the sitting began (its first question shown): the history's session starts there, so
    its length is the one the summary gives (the row itself is written at the first answer)."""

    @property
    def position(self) -> int:
        """The index of the current question (== len(questions) when done)."""
        return len(self.answers)

    @property
    def current(self) -> Question | None:
        return self.questions[self.position] if self.position < len(self.questions) else None

    @property
    def done(self) -> bool:
        return self.position >= len(self.questions)

    @property
    def correct(self) -> int:
        """Right answers so far; a matching question counts each pair right (Answered.marks)."""
        return sum(a.marks[0] for a in self.answers)

    @property
    def answered(self) -> int:
        """Answers so far; a matching question counts each pair (Answered.marks), as the history does."""
        return sum(a.marks[1] for a in self.answers)

    @property
    def missed(self) -> list[Answered]:
        return [a for a in self.answers if not a.correct]

    @property
    def cbm_score(self) -> int | None:
        """The sitting's certainty-based score (sum of quiz.certainty.cbm_mark), None if never asked."""
        marks = [cbm_mark(Certainty(a.certainty), a.correct) for a in self.answers if a.certainty]
        return sum(marks) if marks else None

    @property
    def sure_but_wrong(self) -> list[Answered]:
        """The answers given wrong at high certainty: the confident wrong beliefs to talk about."""
        return [a for a in self.answers if not a.correct and a.certainty == Certainty.HIGH]

    def record(self, answered: Answered) -> None:
        """Add a graded answer (once the store has kept it)."""
        if answered.question is not self.current:
            raise ValueError("the answer is not for the current question")
        self.answers.append(answered)

    def undo(self) -> Answered | None:
        """Take back the last answer; the question becomes current again."""
        return self.answers.pop() if self.answers else None


def plan_questions(
    deck: Deck,
    mode: Mode,
    store: Store | None,
    now: datetime,
    *,
    seed: int = 0,
    count: int | None = None,
    new_per_session: int = NEW_PER_SESSION,
    topic: str | None = None,
    more_detail: bool = False,
) -> list[Question]:
    """The questions of a new sitting: what the history says is due first, then new facts.

    Review (Mode.DUE) of a deck with a visit date still to come asks instead the facts whose
    recall ON that day one review now raises most (quiz.visit.choose_for_visit).

    `count` defaults to DEFAULT_COUNT (review, Mode.DUE, asks every due fact and up to
    `new_per_session` new ones instead). `topic` (an id) limits it to one topic; nice-to-know
    facts come only with `more_detail` or once every other fact in scope is mastered
    (quiz.curriculum.session_facts). The same seed and the same history give the same questions
    in the same order with the same options. Raises KeyError for a topic the deck does not have.
    """
    due, unseen, scope = sitting(deck, store, now, topic, more_detail)
    visit = store.visit(deck.id) if store is not None and mode is Mode.DUE else None
    if store is not None and visit is not None and planning(visit[0], now):
        # Before a visit, review plans for that day (quiz.visit), not for what is due now.
        states = store.fact_states(deck.id)
        chosen = choose_for_visit(deck, states, store.scheduler, now, visit[0], scope=scope, per_day=visit[1])
        return plan(deck, mode, seed=seed, only=chosen)
    return plan(
        deck,
        mode,
        seed=seed,
        count=count or DEFAULT_COUNT,
        due=due,
        unseen=unseen,
        new_per_session=new_per_session,
        scope=scope,
    )


def remake(q: Question, deck: Deck, *, seed: int) -> Question | None:
    """`q` as `deck` asks it now (after an edit, or to ask it again): None if its fact (or one of
    a matching question's terms, as it was) is gone; as a flashcard if its fact no longer allows
    its kind; a true-or-false question shows the same version (true or false) as before."""
    if q.kind is Kind.MATCH:
        return q if all(entry in deck.glossary for entry in q.pairs) else None
    try:
        fact = deck.fact(q.fact_id)
    except KeyError:
        return None
    kind = q.kind if q.kind in kinds_for(deck, fact) else Kind.FLASHCARD
    if kind is Kind.TRUE_FALSE:
        return kinds.make(deck, fact, kind, seed=seed, truth=q.truth)
    return make_question(deck, fact, kind, seed=seed)
