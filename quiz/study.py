"""The study flow: one sitting with a deck, as a learner acts on it. No Textual, no sqlite3.

A `StudyRun` holds the session (quiz.session), the history's writer (quiz.recording) and the
clock, and offers a learner's acts: answer by option, text, grade or pair, reveal a flashcard, go
on, undo, leave, retry the missed ones (as practice), take an edited deck. An act outside its phases is refused
(it returns False) and changes nothing; the screen maps keys to acts and draws what the run says.
The rules it keeps (docs/questions.md, "The study loop"):

- an answer is recorded only for the question on screen, and only by an explicit act on it;
  an empty typed answer is not an answer;
- every answer, flashcards included, is followed by feedback, and `go_on` shows the next question;
- the rating is decided here, once: a flashcard's grade as given, otherwise wrong is Again and
  right is Good (quiz.schedule.rating_for); a flashcard graded Hard or better counts as remembered;
- a matching question (quiz.kinds) is answered pair by pair (`pair`); once every term has a
  meaning it is one answer of the sitting, and each pair is kept in the history as an answer
  about its glossary term (quiz.kinds.term_id), so terms are scheduled like facts;
- a retry of the missed ones is practice (`practice`): its answers are kept nowhere, for each
  follows feedback that showed its answer (the rule of quiz.apart).
"""

from __future__ import annotations

import enum
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from quiz.certainty import AskCertainty, Certainty, asks_certainty, rating_with_certainty
from quiz.deck.model import Deck
from quiz.generate import Kind, Question, mark_typed
from quiz.kinds import by_picking, by_typing, right_meaning
from quiz.mode import Mode
from quiz.recording import Recorder
from quiz.schedule import Rating, rating_for
from quiz.session import Answered, StudySession, plan, remake
from quiz.words_shown import WordsToKnow, words_to_know

if TYPE_CHECKING:
    from quiz.store import Store


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
        """Start a sitting on `questions` (see quiz.session.plan_questions) and record its start in `store`.

        `ask_certainty` says for which facts a chosen or typed answer is completed by how sure the
        learner is (quiz.certainty); flashcards are graded instead and never asked.
        """
        self.session = StudySession(deck, mode, list(questions), started_at=clock())
        self.recorder = Recorder(store, clock)
        self.clock = clock
        self.seed = seed
        self._question_seed = seed
        """The seed this sitting's questions were made with (a retry uses another)."""
        self.monotonic = monotonic
        self.phase = Phase.ASKING
        self.ask_certainty = ask_certainty
        self.pending: Answered | None = None
        """The chosen or typed answer waiting for its certainty (phase CERTAINTY)."""
        self.pairing: list[int] = []
        """A matching question's meanings chosen so far, one per term in order (phase ASKING)."""
        self.ended_early = False
        self.practice = False
        """Whether this sitting is a retry of the missed ones, whose answers are not kept (retry_missed)."""
        self.shown_at = monotonic()
        if self.session.done:
            self.phase = Phase.FINISHED

    # -- what is on screen ---------------------------------------------------------------------

    @property
    def store(self) -> Store | None:
        return self.recorder.store

    @property
    def unsaved(self) -> int:
        """Answers of this sitting that could not be kept in the history."""
        return self.recorder.unsaved

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
        return self.session.correct, self.session.answered

    @property
    def missed(self) -> list[Answered]:
        return self.session.missed

    def elapsed(self) -> float:
        """Seconds since the sitting started, by the run's clock."""
        began = self.session.started_at
        return 0.0 if began is None else max((self.clock() - began).total_seconds(), 0.0)

    def words(self) -> WordsToKnow:
        """The glossary entries for the text on screen and how many are held back (words_to_know)."""
        answered, q = self.phase in (Phase.REVEALED, Phase.ANSWERED), self.question
        return WordsToKnow([]) if q is None else words_to_know(self.deck, q, answered=answered)

    def take_notice(self) -> str | None:
        """The last problem with the history, once: it is cleared as it is read."""
        notice, self.recorder.notice = self.recorder.notice, None
        return notice

    # -- answering -------------------------------------------------------------------------------

    def asks_certainty(self, q: Question) -> bool:
        """Whether a chosen or typed answer to `q` waits for how sure the learner is."""
        if q.kind in (Kind.FLASHCARD, Kind.MATCH):
            return False
        try:
            priority = self.deck.fact(q.fact_id).priority
        except KeyError:
            return False
        return asks_certainty(self.ask_certainty, priority)

    def _asking(self, kind: Kind | Callable[[Question], bool], on: Question | None) -> Question | None:
        """The question on screen, if it is being asked, is of `kind` (or passes it) and is `on`."""
        q = self.session.current
        if self.phase is not Phase.ASKING or q is None:
            return None
        if not (kind(q) if callable(kind) else q.kind is kind):
            return None
        if on is not None and on is not q:
            return None
        return q

    def answer_option(self, index: int, *, on: Question | None = None) -> bool:
        """Answer the question on screen with option `index` (0-based): multiple choice, true or
        false, or fill in the blank with options (quiz.kinds.by_picking).

        `on` is the question the learner acted on, as drawn; an act on any other is refused.
        """
        q = self._asking(by_picking, on)
        if q is None or not 0 <= index < len(q.options):
            return False
        correct = index == q.correct_index
        self._answer(Answered(q, q.options[index], correct, rating_for(correct)))
        return True

    def answer_text(self, text: str, *, on: Question | None = None) -> bool:
        """Answer the typed question (or the fill-in-the-blank one typed) on screen; an empty (or
        all-space) answer is refused."""
        q = self._asking(by_typing, on)
        if q is None or not text.strip():
            return False
        mark = mark_typed(q, text)
        self._answer(Answered(q, text, mark.correct, rating_for(mark.correct), slip=mark.slip, mark=mark))
        return True

    def give_up(self, *, on: Question | None = None) -> bool:
        """Show the answer to the typed question on screen: recorded as not known (Again)."""
        q = self._asking(by_typing, on)
        if q is None:
            return False
        self._record(Answered(q, "", False, Rating.AGAIN))
        return True

    def pair(self, index: int, *, on: Question | None = None) -> bool:
        """Give the next term of the matching question on screen the meaning at `index` (0-based).

        A meaning already given to a term is refused (u takes a pair back). The last pair answers
        the question: right when every pair is.
        """
        q = self._asking(Kind.MATCH, on)
        if q is None or not 0 <= index < len(q.options) or index in self.pairing:
            return False
        self.pairing.append(index)
        if len(self.pairing) == len(q.pairs):
            paired, self.pairing = tuple(self.pairing), []
            correct = all(right_meaning(q, t) == m for t, m in enumerate(paired))
            response = "; ".join(f"{term} = {q.options[m]}" for (term, _), m in zip(q.pairs, paired, strict=True))
            self._record(Answered(q, response, correct, rating_for(correct), paired=paired))
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
        if not self.practice:
            response_ms = int((self.monotonic() - self.shown_at) * 1000)
            answered = self.recorder.save(self.session, answered, response_ms)
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
        current = self.session.current
        if self.phase is Phase.ASKING and current is not None and current.kind is Kind.MATCH:
            # On a matching question, undo takes back its pairs, one by one, and never reaches the
            # answer before it: "u" there means "take back a pair" (a reviewer lost a question so).
            if not self.pairing:
                return False
            self.pairing.pop()
            return True
        if self.phase is Phase.FINISHED or not self.session.answers:
            return False
        undone = self.session.undo()
        assert undone is not None
        self.recorder.undo(self.session, undone)  # of a practice answer, never kept: nothing
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
        fresh = remake(q, self.deck, seed=self._question_seed)
        if fresh is not None:
            s.questions.append(q if fresh == q else fresh)

    def leave(self) -> bool:
        """End the sitting now; what was answered is kept."""
        if self.phase is Phase.FINISHED:
            return False
        self.pending = None  # an answer still waiting for its certainty was not given
        self._finish()
        return True

    def retry_missed(self) -> bool:
        """Once finished, practise the facts missed in this one (`practice`: the module's rules say why)."""
        if self.phase is not Phase.FINISHED or not self.missed:
            return False
        missed = list(dict.fromkeys(a.question.fact_id for a in self.missed))
        questions = plan(self.deck, self.mode, seed=self.seed + 1, only=missed)
        questions += [a.question for a in self.missed if a.question.kind is Kind.MATCH]
        if not questions:
            return False
        self._question_seed = self.seed + 1
        self.session = StudySession(self.deck, self.mode, questions, started_at=self.clock())
        self.ended_early, self.practice = False, True
        self.recorder.unsaved = 0
        self._show_next()
        return True

    def take_deck(self, deck: Deck) -> bool:
        """Use an edited deck: the questions still to come follow it (one whose fact was removed is
        dropped, one whose kind the fact no longer allows asked as a flashcard). Return whether the
        question on screen, not yet answered, changed or went: it is asked afresh, a choice made on
        it not recorded. What was answered, and the feedback on screen, stay as they were."""
        s = self.session
        if deck.id != s.deck.id:
            return False
        seed, on_screen = self._question_seed, s.current
        upcoming = [q if new == q else new for q in s.questions[s.position :] if (new := remake(q, deck, seed=seed))]
        s.deck = deck
        s.questions = s.questions[: s.position] + upcoming
        if self.phase not in (Phase.ASKING, Phase.REVEALED, Phase.CERTAINTY) or s.current is on_screen:
            return False
        self.pending, self.pairing = None, []
        self._show_next()
        return True

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
        self.recorder.finish(self.session, ended_early=self.ended_early)  # of a practice, none kept: nothing
