"""The study flow: one sitting with a deck, as a learner acts on it. No Textual, no sqlite3.

A `StudyRun` holds the session (quiz.session), the score history (quiz.store) and the clock, and
offers the acts a learner can perform: answer by option, by text or by grade, reveal a flashcard,
go on, undo, leave, retry the missed ones, and take an edited deck. Each act is allowed only in
the phases where it makes sense; anything else is refused (it returns False) and changes nothing.
The screen maps keys and clicks to these acts and draws what the run says.

The rules it keeps (docs/questions.md, "The study loop"):

- an answer is recorded only for the question on screen, and only by an explicit act on it;
  an empty typed answer is not an answer;
- every answer, flashcards included, is followed by feedback, and `go_on` shows the next question;
- the rating is decided here, once: a flashcard's grade as given, otherwise wrong is Again and
  right is Good (quiz.schedule.rating_for); a flashcard graded Hard or better counts as remembered.
"""

from __future__ import annotations

import enum
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from quiz.certainty import AskCertainty, Certainty, asks_certainty, cbm_mark, rating_with_certainty
from quiz.curriculum import session_facts
from quiz.deck.model import Deck
from quiz.generate import Kind, Question, content_hash, kinds_for, make_question, mark_typed
from quiz.glossary import terms_in
from quiz.mode import Mode
from quiz.schedule import NEW_PER_SESSION, Rating, rating_for
from quiz.session import DEFAULT_COUNT, Answered, StudySession, plan
from quiz.store import HistoryFull, HistoryLocked, StoreError
from quiz.visit import choose_for_visit, planning

if TYPE_CHECKING:
    from quiz.store import Store

_STORE_ERRORS = (StoreError, OSError)
"""What a write to the history may raise (the store's own errors, chosen by SQLite's result code)."""


class Phase(enum.Enum):
    """Where a sitting is; each act of StudyRun names the phases it is allowed in."""

    ASKING = "asking"
    """A question is on screen, not yet answered (a flashcard: its front)."""
    REVEALED = "revealed"
    """A flashcard's back is on screen; a grade answers it."""
    CERTAINTY = "certainty"
    """An option was chosen or an answer typed; how sure the learner is completes the answer."""
    ANSWERED = "answered"
    """The feedback on the last answer is on screen; going on shows the next question."""
    FINISHED = "finished"
    """The sitting is over; the summary is on screen."""


class StudyRun:
    """One sitting with a deck: the questions, the answers given, and the history kept in step.

    `store` may be None (the history could not be opened): the run works the same, and counts
    the answers it could not keep in `unsaved`. Store failures never raise out of an act; the
    message is kept in `notice` for the screen to show once (take_notice).
    """

    def __init__(
        self,
        deck: Deck,
        mode: Mode,
        questions: Sequence[Question],
        *,
        store: Store | None = None,
        clock: Callable[[], datetime],
        seed: int = 0,
        ask_certainty: AskCertainty = AskCertainty.MUST_KNOW,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        """Start a sitting on `questions` (see plan_questions) and record its start in `store`.

        `ask_certainty` says for which facts a chosen or typed answer is completed by how sure the
        learner is (quiz.certainty); flashcards are graded instead and never asked.
        """
        self.session = StudySession(deck, mode, list(questions))
        self.store = store
        self.clock = clock
        self.seed = seed
        self._question_seed = seed
        """The seed this sitting's questions were made with (a retry uses another)."""
        self.monotonic = monotonic
        self.phase = Phase.ASKING
        self.ask_certainty = ask_certainty
        self.pending: Answered | None = None
        """The chosen or typed answer waiting for its certainty (phase CERTAINTY)."""
        self.ended_early = False
        self.unsaved = 0
        self.notice: str | None = None
        self.started_at = clock()
        self.shown_at = monotonic()
        if self.session.done:
            self.phase = Phase.FINISHED

    # -- what is on screen ---------------------------------------------------------------------

    @property
    def deck(self) -> Deck:
        return self.session.deck

    @property
    def mode(self) -> Mode:
        return self.session.mode

    @property
    def question(self) -> Question | None:
        """The question on screen: the one being asked, or the one whose feedback is shown."""
        if self.phase is Phase.ANSWERED:
            return self.session.answers[-1].question
        if self.phase is Phase.FINISHED:
            return None
        return self.session.current

    @property
    def last(self) -> Answered | None:
        """The answer whose feedback is on screen (phase ANSWERED), else None."""
        return self.session.answers[-1] if self.phase is Phase.ANSWERED else None

    @property
    def number(self) -> int:
        """The 1-based number of the question on screen (the total once finished)."""
        s = self.session
        if self.phase is Phase.FINISHED:
            return len(s.questions)
        return s.position if self.phase is Phase.ANSWERED else s.position + 1

    @property
    def total(self) -> int:
        return len(self.session.questions)

    @property
    def score(self) -> tuple[int, int]:
        """(right, answered) so far in this sitting."""
        return self.session.correct, len(self.session.answers)

    @property
    def missed(self) -> list[Answered]:
        return self.session.missed

    def elapsed(self) -> float:
        """Seconds since the sitting started, by the run's clock."""
        return max((self.clock() - self.started_at).total_seconds(), 0.0)

    def words_to_know(self) -> list[tuple[str, str]]:
        """The glossary entries for the text on screen, never more.

        Before an answer: the terms of the question alone (never terms found only in the answer
        or the options, which would give it away). Once the answer is shown (a flashcard's back,
        or the feedback): the question, the answer and the explanation.
        """
        return self.words()[0]

    def words(self) -> tuple[list[tuple[str, str]], int]:
        """(words_to_know(), how many of the question's terms are held back until it is answered).

        Before an answer, a term whose meaning names a word of the answer (or of an `accept`
        form) is held back: "locally advanced: ... the sacrum" would give away "Growth into the
        sacrum". Words are compared as `quiz check` compares cue words (lint.content_words).
        """
        q = self.question
        if q is None:
            return [], 0
        if self.phase in (Phase.REVEALED, Phase.ANSWERED):
            return terms_in("\n".join([q.prompt, q.answer, q.explanation]), self.deck.glossary), 0
        from quiz.judging import content_words

        answer = frozenset().union(*(content_words(t) for t in (q.answer, *q.accept)))
        entries = terms_in(q.prompt, self.deck.glossary)
        shown = [(term, meaning) for term, meaning in entries if not (content_words(meaning) & answer)]
        return shown, len(entries) - len(shown)

    def take_notice(self) -> str | None:
        """The last problem with the history, once: it is cleared as it is read."""
        notice, self.notice = self.notice, None
        return notice

    # -- answering -------------------------------------------------------------------------------

    @property
    def cbm_score(self) -> int | None:
        """The sitting's certainty-based score (sum of quiz.certainty.cbm_mark), None if never asked."""
        marks = [cbm_mark(Certainty(a.certainty), a.correct) for a in self.session.answers if a.certainty]
        return sum(marks) if marks else None

    @property
    def sure_but_wrong(self) -> list[Answered]:
        """The answers given wrong at high certainty: the confident wrong beliefs to talk about."""
        return [a for a in self.session.answers if not a.correct and a.certainty == Certainty.HIGH]

    def asks_certainty(self, q: Question) -> bool:
        """Whether a chosen or typed answer to `q` waits for how sure the learner is."""
        if q.kind is Kind.FLASHCARD:
            return False
        try:
            priority = self.deck.fact(q.fact_id).priority
        except KeyError:
            return False
        return asks_certainty(self.ask_certainty, priority)

    def _asking(self, kind: Kind, on: Question | None) -> Question | None:
        q = self.session.current
        if self.phase is not Phase.ASKING or q is None or q.kind is not kind:
            return None
        if on is not None and on is not q:
            return None
        return q

    def answer_option(self, index: int, *, on: Question | None = None) -> bool:
        """Answer the multiple-choice question on screen with option `index` (0-based).

        `on` is the question the learner acted on, as drawn; an act on any other is refused.
        """
        q = self._asking(Kind.MULTIPLE_CHOICE, on)
        if q is None or not 0 <= index < len(q.options):
            return False
        correct = index == q.correct_index
        self._answer(Answered(q, q.options[index], correct, rating_for(correct)))
        return True

    def answer_text(self, text: str, *, on: Question | None = None) -> bool:
        """Answer the typed question on screen; an empty (or all-space) answer is refused."""
        q = self._asking(Kind.TYPED, on)
        if q is None or not text.strip():
            return False
        mark = mark_typed(q, text)
        self._answer(Answered(q, text, mark.correct, rating_for(mark.correct), slip=mark.slip, mark=mark))
        return True

    def give_up(self, *, on: Question | None = None) -> bool:
        """Show the answer to the typed question on screen: recorded as not known (Again)."""
        q = self._asking(Kind.TYPED, on)
        if q is None:
            return False
        self._record(Answered(q, "", False, Rating.AGAIN))
        return True

    def reveal(self, *, on: Question | None = None) -> bool:
        """Turn the flashcard on screen over."""
        if self._asking(Kind.FLASHCARD, on) is None:
            return False
        self.phase = Phase.REVEALED
        return True

    def grade(self, rating: Rating, *, on: Question | None = None) -> bool:
        """Grade the turned flashcard on screen; Hard or better counts as remembered."""
        q = self.session.current
        if self.phase is not Phase.REVEALED or q is None or (on is not None and on is not q):
            return False
        rating = Rating(rating)
        self._record(Answered(q, rating.name.capitalize(), rating is not Rating.AGAIN, rating))
        return True

    def set_certainty(self, certainty: Certainty, *, on: Question | None = None) -> bool:
        """Say how sure the learner is of the answer waiting for it; that records the answer.

        Right but guessing is rated Hard, other right answers Good, wrong ones Again.
        """
        pending = self.pending
        if self.phase is not Phase.CERTAINTY or pending is None or (on is not None and on is not pending.question):
            return False
        level = Certainty(certainty)
        self.pending = None
        rating = rating_with_certainty(pending.correct, level)
        self._record(replace(pending, certainty=int(level), rating=rating))
        return True

    def _answer(self, answered: Answered) -> None:
        """Record a chosen or typed answer, or hold it for its certainty first."""
        if self.asks_certainty(answered.question):
            self.pending = answered
            self.phase = Phase.CERTAINTY
        else:
            self._record(answered)

    def _record(self, answered: Answered) -> None:
        response_ms = int((self.monotonic() - self.shown_at) * 1000)
        answered = self._save(answered, response_ms)
        self.session.record(answered)
        self.phase = Phase.ANSWERED

    # -- moving on ---------------------------------------------------------------------------------

    def go_on(self) -> bool:
        """Leave the feedback for the next question, or finish after the last one."""
        if self.phase is not Phase.ANSWERED:
            return False
        if self.session.done:
            self._finish()
        else:
            self._show_next()
        return True

    def undo(self) -> bool:
        """Take back the last answer of this sitting; its question is asked again, last (_ask_again).

        While the learner is asked how sure they are, nothing is recorded yet: undo lets them
        choose again, at once.
        """
        if self.phase is Phase.CERTAINTY:  # nothing was recorded yet: choose again
            self.pending = None
            self.phase = Phase.ASKING
            return True
        if self.phase is Phase.FINISHED or not self.session.answers:
            return False
        undone = self.session.undo()
        assert undone is not None
        if self.store is not None and self.session.store_id is not None and undone.answer_id is not None:
            try:
                self.store.undo_last(self.session.store_id)
            except _STORE_ERRORS as err:
                self.notice = f"Could not take the answer back in your history: {_first_line(err)}"
        self._ask_again(undone.question)
        self._show_next()
        return True

    def _ask_again(self, q: Question) -> None:
        """Put the undone question back, last: the learner has just seen its answer, so answering
        it again at once would only repeat what was on screen (it comes straight back only when
        it is the last question left). It is rebuilt if its fact was edited since, and left out if
        its fact was removed (an answer is only ever recorded for a fact of the deck)."""
        s = self.session
        del s.questions[s.position]
        try:
            fact = self.deck.fact(q.fact_id)
        except KeyError:
            return
        kind = q.kind if q.kind in kinds_for(self.deck, fact) else Kind.FLASHCARD
        fresh = make_question(self.deck, fact, kind, seed=self._question_seed)
        s.questions.append(q if fresh == q else fresh)

    def leave(self) -> bool:
        """End the sitting now; what was answered is kept."""
        if self.phase is Phase.FINISHED:
            return False
        self.pending = None  # an answer still waiting for its certainty was not given
        self._finish()
        return True

    def retry_missed(self) -> bool:
        """Once finished, start a new sitting on the facts missed in this one."""
        if self.phase is not Phase.FINISHED or not self.missed:
            return False
        missed = list(dict.fromkeys(a.question.fact_id for a in self.missed))
        questions = plan(self.deck, self.mode, seed=self.seed + 1, only=missed)
        if not questions:
            return False
        self._question_seed = self.seed + 1
        self.session = StudySession(self.deck, self.mode, questions)
        self.ended_early = False
        self.unsaved = 0
        self.started_at = self.clock()
        self._show_next()
        return True

    def take_deck(self, deck: Deck) -> None:
        """Use an edited deck from the next question on; the questions still to come follow it.

        A question whose fact was removed is dropped; one whose kind the fact no longer allows is
        asked as a flashcard. What was already answered, and the feedback on screen, stay as they were.
        """
        s = self.session
        if deck.id != s.deck.id:
            return
        upcoming: list[Question] = []
        for q in s.questions[s.position :]:
            try:
                fact = deck.fact(q.fact_id)
            except KeyError:
                continue
            kinds = kinds_for(deck, fact)
            kind = q.kind if q.kind in kinds else Kind.FLASHCARD
            upcoming.append(make_question(deck, fact, kind, seed=self._question_seed))
        s.deck = deck
        s.questions = s.questions[: s.position] + upcoming
        if self.phase in (Phase.ASKING, Phase.REVEALED, Phase.CERTAINTY):
            self.pending = None
            self._show_next()

    # -- inside ----------------------------------------------------------------------------------

    def _show_next(self) -> None:
        if self.session.done:
            self._finish()
            return
        self.phase = Phase.ASKING
        self.shown_at = self.monotonic()

    def _finish(self) -> None:
        self.ended_early = not self.session.done  # leaving once every question is answered is not early
        self.phase = Phase.FINISHED
        if self.store is not None and self.session.store_id is not None:
            try:
                self.store.finish_session(self.session.store_id, ended_early=self.ended_early, now=self.clock())
            except _STORE_ERRORS as err:
                self.notice = f"Could not note the end of the session: {_first_line(err)}"

    def _start_in_store(self) -> None:
        """Record the session's start, at its first answer: a session left before any answer
        leaves nothing in the history (no "0/0" rows)."""
        if self.store is None or self.session.store_id is not None:
            return
        try:
            self.session.store_id = self.store.start_session(
                self.deck.id, self.mode.value, self.deck.version, now=self.clock()
            )
        except _STORE_ERRORS as err:
            self.notice = _not_saved(err)

    def _save(self, answered: Answered, response_ms: int) -> Answered:
        self._start_in_store()
        store, sid = self.store, self.session.store_id
        if store is None or sid is None:
            self.unsaved += 1
            return answered
        q = answered.question
        try:
            answer_id = store.record_answer(
                sid,
                self.deck.id,
                q.fact_id,
                deck_version=self.deck.version,
                content_hash=content_hash(self.deck.fact(q.fact_id)),
                kind=q.kind.value,
                response=answered.response,
                correct=answered.correct,
                rating=answered.rating,
                response_ms=max(response_ms, 0),
                certainty=answered.certainty,
                slip=answered.slip,
                now=self.clock(),
            )
        except (*_STORE_ERRORS, KeyError) as err:
            self.unsaved += 1
            self.notice = _not_saved(err)
            return answered
        return replace(answered, answer_id=answer_id)


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
    ids = [f.id for f in deck.facts]
    due = store.due_facts(deck.id, now) if store is not None else []
    unseen = store.new_fact_ids(deck.id, ids, len(ids)) if store is not None else ids
    mastered = store.mastered_facts(deck.id, now=now) if store is not None else set()
    scope = {f.id for f in session_facts(deck, topic, more_detail=more_detail, mastered=mastered)}
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


def _first_line(err: Exception) -> str:
    text = str(err)
    return text.splitlines()[0] if text else type(err).__name__


def _not_saved(err: Exception) -> str:
    if isinstance(err, HistoryFull):
        why = "the disk is full"
    elif isinstance(err, HistoryLocked):
        why = "another program is using your history"
    else:
        why = _first_line(err)
    return (
        f"Your answer could not be saved ({why}). You can keep studying; "
        "this session's answers may not be in your history."
    )
