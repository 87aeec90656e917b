"""The store against a simple in-memory model: record, undo, finish, time, reopen and migrate."""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from quiz.schedule import CardState, Rating, Scheduler, rating_for
from quiz.store import SCHEMA_VERSION, Store

pytestmark = pytest.mark.slow  # a long Hypothesis state machine over a real history

DECKS = ("asthma", "diabetes")
FACTS = ("f1", "f2", "f3")
START = datetime(2024, 1, 1, 8, 0, tzinfo=UTC)


@dataclass
class ModelAnswer:
    id: int
    session: int
    deck: str
    fact: str
    correct: bool
    rating: Rating
    response: str
    prior: CardState | None


def downgrade_to_v1(path: Path) -> None:
    """Turn a current history back into schema 1, as an older quiz left it."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DROP INDEX answers_by_certainty")
    conn.execute("ALTER TABLE answers DROP COLUMN certainty")
    conn.execute("ALTER TABLE answers DROP COLUMN slip")
    conn.execute("DROP TABLE deck_plan")
    conn.execute("DROP TABLE meta")
    conn.execute("PRAGMA user_version = 1")
    conn.close()


class StoreMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.dir = Path(tempfile.mkdtemp(prefix="quiz-stateful-"))
        self.scheduler = Scheduler(fuzz=False)
        self.store = self.open()
        self.now = START
        self.sessions: dict[int, dict[str, object]] = {}
        self.answers: list[ModelAnswer] = []
        self.cards: dict[tuple[str, str], CardState] = {}

    def open(self) -> Store:
        return Store.open(self.dir, scheduler=self.scheduler, backup=False)

    def teardown(self) -> None:
        self.store.close()
        shutil.rmtree(self.dir, ignore_errors=True)

    def open_sessions(self) -> list[int]:
        return [sid for sid, s in self.sessions.items() if not s["finished"]]

    @rule(deck=st.sampled_from(DECKS), mode=st.sampled_from(["quiz", "flashcards", "typed"]))
    def start(self, deck: str, mode: str) -> None:
        sid = self.store.start_session(deck, mode, "1", now=self.now)
        assert sid not in self.sessions
        self.sessions[sid] = {"deck": deck, "mode": mode, "finished": False, "early": False}

    @precondition(lambda self: self.open_sessions())
    @rule(
        data=st.data(),
        fact=st.sampled_from(FACTS),
        correct=st.booleans(),
        flashcard=st.none() | st.sampled_from(list(Rating)),
        response=st.text(max_size=20),
    )
    def record(self, data, fact: str, correct: bool, flashcard: Rating | None, response: str) -> None:
        sid = data.draw(st.sampled_from(self.open_sessions()))
        deck = str(self.sessions[sid]["deck"])
        if flashcard is not None:
            correct = flashcard != Rating.AGAIN
        answer_id = self.store.record_answer(
            sid, deck, fact, kind="flashcard" if flashcard else "choice", response=response,
            correct=correct, rating=flashcard, response_ms=1, now=self.now,
        )  # fmt: skip
        rating = flashcard if flashcard is not None else rating_for(correct)
        prior = self.cards.get((deck, fact))
        self.cards[(deck, fact)] = self.scheduler.review(prior, rating, self.now)
        self.answers.append(ModelAnswer(answer_id, sid, deck, fact, correct, rating, response, prior))

    @precondition(lambda self: self.open_sessions())
    @rule(data=st.data())
    def undo(self, data) -> None:
        sid = data.draw(st.sampled_from(self.open_sessions()))
        undone = self.store.undo_last(sid)
        mine = [a for a in self.answers if a.session == sid]
        if not mine:
            assert undone is None
            return
        last = mine[-1]
        assert undone is not None and undone.id == last.id and undone.response == last.response
        self.answers.remove(last)
        later = [a for a in self.answers if (a.deck, a.fact) == (last.deck, last.fact) and a.id > last.id]
        if not later:
            if last.prior is None:
                del self.cards[(last.deck, last.fact)]
            else:
                self.cards[(last.deck, last.fact)] = last.prior

    @precondition(lambda self: self.open_sessions())
    @rule(data=st.data(), early=st.booleans())
    def finish(self, data, early: bool) -> None:
        sid = data.draw(st.sampled_from(self.open_sessions()))
        self.store.finish_session(sid, ended_early=early, now=self.now)
        self.sessions[sid].update(finished=True, early=early)

    @rule(minutes=st.integers(0, 60 * 24 * 20))
    def wait(self, minutes: int) -> None:
        self.now += timedelta(minutes=minutes)

    def close(self) -> None:
        """Closing the store ends the sessions it started and did not finish, as cut short."""
        self.store.close()
        for sid in self.open_sessions():
            self.sessions[sid].update(finished=True, early=True)

    @rule()
    def reopen(self) -> None:
        self.close()
        self.store = self.open()

    @rule()
    def migrate_from_v1(self) -> None:
        self.close()
        downgrade_to_v1(self.dir / "history.db")
        self.store = self.open()
        assert self.store.schema_version() == SCHEMA_VERSION

    @invariant()
    def sessions_match(self) -> None:
        stored = {s.id: s for s in self.store.last_sessions(10_000)}
        assert set(stored) == set(self.sessions)
        for sid, model in self.sessions.items():
            s = stored[sid]
            mine = [a for a in self.answers if a.session == sid]
            assert (s.deck_id, s.mode) == (model["deck"], model["mode"])
            assert (s.finished_at is not None, s.ended_early) == (model["finished"], model["early"])
            assert (s.answered, s.correct) == (len(mine), sum(a.correct for a in mine))

    @invariant()
    def answers_match(self) -> None:
        stored = [(a.id, a.session_id, a.fact_id, a.correct, a.rating, a.response) for a in self.store.answers()]
        model = [(a.id, a.session, a.fact, a.correct, int(a.rating), a.response) for a in self.answers]
        assert stored == model

    @invariant()
    def scheduling_matches(self) -> None:
        for deck in DECKS:
            states = self.store.fact_states(deck)
            model = {f: c for (d, f), c in self.cards.items() if d == deck}
            assert {f: s.card for f, s in states.items()} == model
            for fact, state in states.items():
                mine = [a for a in self.answers if (a.deck, a.fact) == (deck, fact)]
                assert (state.tries, state.misses) == (len(mine), sum(not a.correct for a in mine))
            due = sorted(f for f, c in model.items() if c.due <= self.now)
            assert sorted(self.store.due_facts(deck, self.now)) == due
            assert self.store.new_fact_ids(deck, list(FACTS), 3) == [f for f in FACTS if f not in model]


StoreMachine.TestCase.settings = settings(max_examples=30, stateful_step_count=30, deadline=None)
TestStore = StoreMachine.TestCase
