"""One study session: which questions, in what order, the answers given and the score. Pure, no I/O.

quiz.study.StudyRun drives it: it grades each answer, keeps the store in step and records the
answer here; the session itself never touches a file or a clock.
"""

from __future__ import annotations

import random
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from quiz.curriculum import must_know_first
from quiz.deck.model import Deck, Fact
from quiz.generate import Kind, Question, kinds_for, make_question
from quiz.mode import Mode
from quiz.schedule import NEW_PER_SESSION, Rating
from quiz.typed import TypedMark

DEFAULT_COUNT = 10


_KIND_OF_MODE = {Mode.MULTIPLE_CHOICE: Kind.MULTIPLE_CHOICE, Mode.FLASHCARD: Kind.FLASHCARD, Mode.TYPED: Kind.TYPED}


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
    `only` restricts the session to those facts (to retry the ones missed).
    """
    rng = random.Random(f"plan:{seed}")
    every = {f.id: f for f in deck.facts}
    by_id = {i: f for i, f in every.items() if scope is None or i in scope}
    facts: list[Fact]
    if only is not None:
        facts = [by_id[i] for i in only if i in by_id]
    elif mode is Mode.DUE:
        new = must_know_first(by_id[i] for i in unseen if i in by_id and i not in due)[: max(new_per_session, 0)]
        facts = [every[i] for i in due if i in every] + new
    else:
        due_first = [i for i in due if i in every]
        by_id.update((i, every[i]) for i in due_first)
        new_ids = [f.id for f in must_know_first(by_id[i] for i in unseen if i in by_id and i not in due_first)]
        chosen = set(due_first) | set(new_ids)
        rest = [f for f in by_id.values() if f.id not in chosen]
        rng.shuffle(rest)
        facts = [by_id[i] for i in due_first + new_ids] + must_know_first(rest)
    questions: list[Question] = []
    for fact in facts:
        kind = _kind_for(mode, kinds_for(deck, fact), rng)
        if kind is None:
            continue
        questions.append(make_question(deck, fact, kind, seed=seed))
        if count is not None and only is None and mode is not Mode.DUE and len(questions) >= count:
            break
    return questions


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


@dataclass
class StudySession:
    """The state of one sitting: the questions, the answers so far and what was missed."""

    deck: Deck
    mode: Mode
    questions: list[Question]
    answers: list[Answered] = field(default_factory=list)
    store_id: int | None = None

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
        return sum(a.correct for a in self.answers)

    @property
    def missed(self) -> list[Answered]:
        return [a for a in self.answers if not a.correct]

    def record(self, answered: Answered) -> None:
        """Add a graded answer (once the store has kept it)."""
        if answered.question is not self.current:
            raise ValueError("the answer is not for the current question")
        self.answers.append(answered)

    def undo(self) -> Answered | None:
        """Take back the last answer; the question becomes current again."""
        return self.answers.pop() if self.answers else None
