"""A sitting's answers kept in the score history the moment each is given. No Textual, no sqlite3.

quiz.study.StudyRun decides what an answer is; a `Recorder` writes it: the session's row at its
first answer (a sitting left before any answer leaves nothing behind), each answer (a matching
question's pairs as answers about their glossary terms), an undo, and the session's end. A failed
write never raises: the answer stays in the sitting, and a plain message waits in `notice` for the
screen to show once. One kept out by another program's lock waits and is written later (Recorder);
any other failure counts it in `unsaved`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING

from quiz.generate import Kind, content_hash
from quiz.kinds import right_meaning, term_hash, term_id
from quiz.plural import plural
from quiz.schedule import rating_for
from quiz.session import Answered, StudySession
from quiz.store import HistoryFull, HistoryLocked, StoreError
from quiz.store.waiting import saved_after_all
from quiz.untrusted import visible_title

if TYPE_CHECKING:
    from quiz.deck.model import Deck
    from quiz.store import Store

STORE_ERRORS = (StoreError, OSError)
"""What a write to the history may raise (the store's own errors, chosen by SQLite's result code)."""


class Recorder:
    """Writes one sitting's answers to `store` (None: the history could not be opened, and every
    answer is counted as unsaved). `clock` gives the time each write is stamped with: the moment
    the answer was given, even for one written later.

    An answer the history cannot take because another program holds it locked (HistoryLocked) is
    not lost: it waits in Store.waiting (quiz.store.waiting), in order, and is written before the
    next answer, at the session's end, on the app's timer (quiz.tui.keeping) or as the history
    closes; the learner is told when it is saved after all. Until then every later answer waits
    behind it, so the history keeps the order they were given in.
    """

    def __init__(self, store: Store | None, clock: Callable[[], datetime]) -> None:
        self.store = store
        self.clock = clock
        self.unsaved = 0
        """Answers of this sitting that could not be kept in the history."""
        self.notice: str | None = None
        """The last problem with the history (or the news that waiting answers were saved), for
        the screen to show once."""

    def save(self, session: StudySession, answered: Answered, response_ms: int) -> Answered:
        """Keep `answered` in the history; returns it with its answer id (unchanged if not kept,
        or kept waiting for a lock)."""
        store = self.store
        if store is None:
            self.unsaved += 1
            return answered
        try:  # what is written is the deck and fact as answered, now or later
            given = Given(answered, session.deck, _content(session.deck, answered), max(response_ms, 0), self.clock())
        except KeyError as err:  # a fact no longer in the deck
            self.unsaved += 1
            self.notice = not_saved(err)
            return answered
        self.write_waiting()  # the answers that waited go first
        if store.waiting:
            self._wait(session, given)
            return answered
        try:
            return self._write(session, given)
        except HistoryLocked:
            self._wait(session, given)
        except STORE_ERRORS as err:
            self.unsaved += 1
            self.notice = not_saved(err)
        return answered

    def write_waiting(self, *, patient: bool = True) -> None:
        """Write the answers that waited for a lock (Store.write_waiting); say so when some are
        saved after all, or could never be."""
        if self.store is None:
            return
        written = self.store.write_waiting(patient=patient)
        self.unsaved += len(written.lost)
        news = saved_after_all(written)
        if news:
            self.notice = news

    def undo(self, session: StudySession, undone: Answered) -> None:
        """Take `undone` (the sitting's last answer) back out of the history, if it was kept (one
        still waiting for a lock is only dropped; a lock on the undo makes the undo wait)."""
        store = self.store
        if store is None or store.waiting.withdraw(undone):
            return
        if session.store_id is None or undone.answer_id is None:
            return
        sid = session.store_id

        def take_back() -> None:
            for _ in undone.question.pairs or (None,):  # a matching question kept one answer a pair
                store.undo_last(sid)

        try:
            if store.waiting:
                raise HistoryLocked("earlier writes wait")
            take_back()
        except HistoryLocked:
            store.waiting.add(f"taking back {what_answer(undone, self.clock())}", take_back)
        except STORE_ERRORS as err:
            self.notice = f"Could not take the answer back in your history: {first_line(err)}"

    def finish(self, session: StudySession, *, ended_early: bool) -> None:
        """Note the end of the session in the history (nothing if no answer was kept), after the
        answers that waited for a lock; if some still wait, say so."""
        store = self.store
        if store is None:
            return
        self.write_waiting()
        now = self.clock()

        def end() -> None:
            if session.store_id is not None:  # its first answer may have waited too
                store.finish_session(session.store_id, ended_early=ended_early, now=now)

        try:
            if store.waiting:
                raise HistoryLocked("earlier writes wait")
            end()
        except HistoryLocked:
            store.waiting.add("the end of this session", end)
            answers = sum(item.key is not None for item in store.waiting.items)
            self.notice = (
                f"{plural(answers, 'answer')} of yours {'is' if answers == 1 else 'are'} not saved yet "
                "(another program is using your history). quiz keeps trying while it is open."
            )
        except STORE_ERRORS as err:
            self.notice = f"Could not note the end of the session: {first_line(err)}"

    def _write(self, session: StudySession, given: Given) -> Answered:
        """Write one answer (starting the session's row at its first), stamped when it was given;
        returns it with its answer id. Raises StoreError or OSError."""
        store = self.store
        assert store is not None
        deck, answered, q = given.deck, given.answered, given.answered.question
        if session.store_id is None:  # the session's row, at its first answer: no "0/0" rows
            began = session.started_at or given.at
            session.store_id = store.start_session(deck.id, session.mode.value, deck.version, now=began)
        sid = session.store_id
        if q.kind is Kind.MATCH:
            answer_id = self._save_pairs(given, store, sid)
        else:
            answer_id = store.record_answer(
                sid,
                deck.id,
                q.fact_id,
                deck_version=deck.version,
                content_hash=given.content,
                kind=q.kind.value,
                response=answered.response,
                correct=answered.correct,
                rating=answered.rating,
                response_ms=given.response_ms,
                certainty=answered.certainty,
                slip=answered.slip,
                now=given.at,
            )
        return replace(answered, answer_id=answer_id)

    def _wait(self, session: StudySession, given: Given) -> None:
        """Keep `given` for when the history can be written again; once written, the sitting's
        copy gets its answer id (so u can still take it back)."""
        assert self.store is not None
        answered = given.answered

        def write() -> None:
            kept = self._write(session, given)
            for i, now in enumerate(session.answers):
                if now is answered:
                    session.answers[i] = kept

        self.store.waiting.add(what_answer(answered, given.at), write, key=answered)
        self.notice = (
            "Your answer is not saved yet (another program is using your history). quiz keeps it "
            "and saves it as soon as it can; you can keep studying."
        )

    @staticmethod
    def _save_pairs(given: Given, store: Store, sid: int) -> int | None:
        """Keep each pair of a matching question as an answer about its glossary term (term_id);
        returns the last answer's id."""
        q, deck = given.answered.question, given.deck
        answer_id = None
        for t, ((term, meaning), chosen) in enumerate(zip(q.pairs, given.answered.paired, strict=True)):
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
                response_ms=given.response_ms,
                now=given.at,
            )
        return answer_id


@dataclass(frozen=True)
class Given:
    """An answer as it is to be written: the deck it was given on (a reload may change the
    sitting's since) with its fact's content hash ("" for a matching question, whose pairs have
    their own), the time taken (ms) and the moment it was given."""

    answered: Answered
    deck: Deck
    content: str
    response_ms: int
    at: datetime


def _content(deck: Deck, answered: Answered) -> str:
    """The content hash the answer is recorded with; raises KeyError when its fact is not in `deck`."""
    q = answered.question
    return "" if q.kind is Kind.MATCH else content_hash(deck.fact(q.fact_id))


def first_line(err: Exception) -> str:
    """The first line of an error's message, or its type's name when it has none."""
    text = str(err)
    return text.splitlines()[0] if text else type(err).__name__


def what_answer(answered: Answered, given_at: datetime) -> str:
    """An answer named for the learner: its question's words (made visible, cut to a line) and the
    time it was given, in the person's time zone."""
    words = visible_title(answered.question.prompt)
    if len(words) > 60:
        words = words[:59].rstrip() + "…"
    return f"your answer to “{words}” at {local_time(given_at)}"


def local_time(moment: datetime) -> str:
    """`moment` as the person's clock shows it (HH:MM)."""
    return moment.astimezone().strftime("%H:%M")


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
