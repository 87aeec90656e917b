"""A sitting's answers kept in the score history the moment each is given. No Textual, no sqlite3.

quiz.study.StudyRun decides what an answer is; a `Recorder` writes it: the session's row at its
first answer (a sitting left before any answer leaves nothing behind), each answer (a matching
question's pairs as answers about their glossary terms), an undo, and the session's end. A failed
write never raises: the answer stays in the sitting, is counted in `unsaved`, and a plain message
waits in `notice` for the screen to show once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from quiz.generate import Kind, content_hash
from quiz.kinds import right_meaning, term_hash, term_id
from quiz.schedule import rating_for
from quiz.session import Answered, StudySession
from quiz.store import HistoryFull, HistoryLocked, StoreError

if TYPE_CHECKING:
    from quiz.store import Store

STORE_ERRORS = (StoreError, OSError)
"""What a write to the history may raise (the store's own errors, chosen by SQLite's result code)."""


class Recorder:
    """Writes one sitting's answers to `store` (None: the history could not be opened, and every
    answer is counted as unsaved). `clock` gives the time each write is stamped with."""

    def __init__(self, store: Store | None, clock: Callable[[], datetime]) -> None:
        self.store = store
        self.clock = clock
        self.unsaved = 0
        """Answers of this sitting that could not be kept in the history."""
        self.notice: str | None = None
        """The last problem with the history, for the screen to show once."""

    def save(self, session: StudySession, answered: Answered, response_ms: int) -> Answered:
        """Keep `answered` in the history; returns it with its answer id (unchanged if not kept)."""
        self._start(session)
        store, sid = self.store, session.store_id
        if store is None or sid is None:
            self.unsaved += 1
            return answered
        deck, q = session.deck, answered.question
        try:
            if q.kind is Kind.MATCH:
                answer_id = self._save_pairs(session, answered, response_ms, store, sid)
            else:
                answer_id = store.record_answer(
                    sid,
                    deck.id,
                    q.fact_id,
                    deck_version=deck.version,
                    content_hash=content_hash(deck.fact(q.fact_id)),
                    kind=q.kind.value,
                    response=answered.response,
                    correct=answered.correct,
                    rating=answered.rating,
                    response_ms=max(response_ms, 0),
                    certainty=answered.certainty,
                    slip=answered.slip,
                    now=self.clock(),
                )
        except (*STORE_ERRORS, KeyError) as err:
            self.unsaved += 1
            self.notice = not_saved(err)
            return answered
        return replace(answered, answer_id=answer_id)

    def undo(self, session: StudySession, undone: Answered) -> None:
        """Take `undone` (the sitting's last answer) back out of the history, if it was kept."""
        if self.store is None or session.store_id is None or undone.answer_id is None:
            return
        try:
            for _ in undone.question.pairs or (None,):  # a matching question kept one answer a pair
                self.store.undo_last(session.store_id)
        except STORE_ERRORS as err:
            self.notice = f"Could not take the answer back in your history: {first_line(err)}"

    def finish(self, session: StudySession, *, ended_early: bool) -> None:
        """Note the end of the session in the history (nothing if no answer was kept)."""
        if self.store is None or session.store_id is None:
            return
        try:
            self.store.finish_session(session.store_id, ended_early=ended_early, now=self.clock())
        except STORE_ERRORS as err:
            self.notice = f"Could not note the end of the session: {first_line(err)}"

    def _start(self, session: StudySession) -> None:
        """Record the session's start, at its first answer: no "0/0" rows."""
        if self.store is None or session.store_id is not None:
            return
        deck = session.deck
        try:
            session.store_id = self.store.start_session(deck.id, session.mode.value, deck.version, now=self.clock())
        except STORE_ERRORS as err:
            self.notice = not_saved(err)

    def _save_pairs(
        self, session: StudySession, answered: Answered, response_ms: int, store: Store, sid: int
    ) -> int | None:
        """Keep each pair of a matching question as an answer about its glossary term (term_id);
        returns the last answer's id."""
        q, deck = answered.question, session.deck
        answer_id = None
        for t, ((term, meaning), chosen) in enumerate(zip(q.pairs, answered.paired, strict=True)):
            right = right_meaning(q, t) == chosen
            answer_id = store.record_answer(
                sid,
                deck.id,
                term_id(term),
                deck_version=deck.version,
                content_hash=term_hash(term, meaning),
                kind=q.kind.value,
                response=q.options[chosen],
                correct=right,
                rating=rating_for(right),
                response_ms=max(response_ms, 0),
                now=self.clock(),
            )
        return answer_id


def first_line(err: Exception) -> str:
    """The first line of an error's message, or its type's name when it has none."""
    text = str(err)
    return text.splitlines()[0] if text else type(err).__name__


def not_saved(err: Exception) -> str:
    """What to tell a learner whose answer could not be kept: why, in plain words, and that they
    can keep studying."""
    if isinstance(err, HistoryFull):
        why = "the disk is full"
    elif isinstance(err, HistoryLocked):
        why = "another program is using your history"
    else:
        why = first_line(err)
    return (
        f"Your answer could not be saved ({why}). You can keep studying; "
        "this session's answers may not be in your history."
    )
