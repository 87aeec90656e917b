"""Nothing lost to a lock (T9 #7): an answer the history cannot take while another program holds it
locked waits, in order, and is written as soon as the lock is gone; what still waits when the
history closes is named. The lock is real: another SQLite connection's BEGIN EXCLUSIVE, as a sync
tool or an SQLite browser takes it (/tmp/T9/lock.sh)."""

from __future__ import annotations

import contextlib
import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from quiz.deck.load import parse_deck
from quiz.deck.model import Deck
from quiz.mode import Mode
from quiz.schedule import Scheduler
from quiz.session import plan_questions
from quiz.store import Store, StoreError
from quiz.study import Phase, StudyRun
from tests.test_study import DECK, Clock

PATIENCE_MS = 30
"""How long a write waits for the lock in these tests (quiz waits BUSY_TIMEOUT_MS)."""


class Lock:
    """Another program's exclusive lock on the history file."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(path, isolation_level=None, timeout=5)
        self.held = False

    def take(self) -> None:
        self.conn.execute("BEGIN EXCLUSIVE")
        self.held = True

    def release(self) -> None:
        self.conn.execute("ROLLBACK")
        self.held = False

    def close(self) -> None:
        if self.held:
            self.release()
        self.conn.close()


@pytest.fixture
def store(tmp_path: Path):
    """The history, closed at the end unless the test closed it."""
    s = Store.open(tmp_path / "data", scheduler=Scheduler(fuzz=False), backup=False)
    yield s
    with contextlib.suppress(StoreError):
        s.close()


@pytest.fixture
def lock(store: Store):
    store.set_busy_timeout(PATIENCE_MS)
    held = Lock(store.path)
    yield held
    held.close()


def make_run(store: Store, deck: Deck | None = None) -> StudyRun:
    deck = deck or parse_deck(DECK)
    clock = Clock()
    questions = plan_questions(deck, Mode.MULTIPLE_CHOICE, store, clock.now, seed=0, count=4)
    return StudyRun(deck, Mode.MULTIPLE_CHOICE, questions, store=store, clock=clock, seed=0)


def answer(run: StudyRun, index: int = 0) -> None:
    assert run.answer_option(index)
    run.go_on()


def kept(store: Store) -> list[tuple[str, str]]:
    return [(a.fact_id, a.response) for a in store.answers()]


def given(run: StudyRun) -> list[tuple[str, str]]:
    return [(a.question.fact_id, a.response) for a in run.session.answers]


def test_an_answer_given_while_locked_is_written_before_the_next_one(store, lock) -> None:
    run = make_run(store)
    lock.take()
    answer(run, 0)
    notice = run.take_notice()
    assert notice is not None and "not saved yet" in notice and "another program" in notice
    assert run.unsaved == 0 and len(store.waiting) == 1
    lock.release()
    answer(run, 1)
    assert kept(store) == given(run)  # both, in the order given
    assert "Saved after all: 1 answer" in (run.take_notice() or "")
    first, second = store.answers()
    assert first.answered_at < second.answered_at  # stamped when given, not when written


def test_answers_waiting_are_written_on_the_timer_once_the_lock_is_gone(store, lock) -> None:
    run = make_run(store)
    lock.take()
    answer(run, 0)
    answer(run, 1)
    run.recorder.write_waiting(patient=False)  # the app's tending timer, while still locked
    assert kept(store) == [] and len(store.waiting) == 2
    lock.release()
    run.take_notice()
    run.recorder.write_waiting(patient=False)
    assert kept(store) == given(run)
    assert "2 answers that were waiting are now in your history" in (run.take_notice() or "")


def test_a_session_ended_while_locked_is_ended_after_its_answers(store, lock) -> None:
    run = make_run(store)
    lock.take()
    answer(run, 0)
    assert run.leave()
    assert "1 answer of yours is not saved yet" in (run.take_notice() or "")
    lock.release()
    store.close()
    assert store.lost == []
    with Store.open(store.root, backup=False) as again:
        assert kept(again) == given(run)
        (session,) = again.last_sessions(5)
        assert session.finished_at is not None and session.answered == 1


def test_the_answers_still_locked_out_at_close_are_named(store, lock) -> None:
    run = make_run(store)
    answer(run, 0)
    lock.take()
    answer(run, 1)
    question = run.session.answers[1].question.prompt
    store.close()
    assert len(store.lost) == 1 and question in store.lost[0]
    lock.release()
    with Store.open(store.root, backup=False) as again:
        assert kept(again) == given(run)[:1]


def test_an_answer_taken_back_before_it_was_written_is_never_written(store, lock) -> None:
    run = make_run(store)
    lock.take()
    assert run.answer_option(0)
    assert run.undo()
    assert not store.waiting
    lock.release()
    answer(run, 1)
    assert kept(store) == given(run)


def test_an_answer_written_late_can_still_be_taken_back(store, lock) -> None:
    run = make_run(store)
    lock.take()
    answer(run, 0)
    lock.release()
    run.recorder.write_waiting()
    assert run.session.answers[0].answer_id is not None
    assert run.answer_option(1)
    assert run.undo()
    assert kept(store) == given(run) and len(given(run)) == 1


def test_an_undo_kept_out_by_the_lock_waits_too(store, lock) -> None:
    run = make_run(store)
    answer(run, 0)
    assert run.answer_option(1)
    lock.take()
    assert run.undo()
    assert len(kept(store)) == 2
    lock.release()
    run.recorder.write_waiting()
    assert kept(store) == given(run)


def test_an_answer_waiting_while_its_fact_leaves_the_deck_is_written_as_given(store, lock) -> None:
    run = make_run(store)
    lock.take()
    answer(run, 0)
    gone = run.session.answers[0].question.fact_id
    assert run.take_deck(parse_deck(DECK.replace(f'id = "{gone}"', 'id = "renamed"'))) is False
    lock.release()
    run.recorder.write_waiting()
    assert kept(store) == given(run) and run.unsaved == 0
    (written,) = store.answers()
    assert written.deck_version == parse_deck(DECK).version


class LockedHistory(RuleBasedStateMachine):
    """Whatever the learner does while another program locks and unlocks the history, once the
    lock is gone and quiz closes, the history holds exactly the answers given, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = tempfile.TemporaryDirectory()
        self.store = Store.open(Path(self.folder.name), scheduler=Scheduler(fuzz=False), backup=False)
        self.store.set_busy_timeout(5)
        self.lock = Lock(self.store.path)
        self.run = make_run(self.store)

    @precondition(lambda self: not self.lock.held)
    @rule()
    def take_lock(self) -> None:
        self.lock.take()

    @precondition(lambda self: self.lock.held)
    @rule()
    def release_lock(self) -> None:
        self.lock.release()

    @precondition(lambda self: self.run.phase is Phase.ASKING)
    @rule(index=st.integers(0, 3))
    def answer(self, index: int) -> None:
        self.run.answer_option(index)

    @precondition(lambda self: self.run.phase is Phase.ANSWERED)
    @rule()
    def go_on(self) -> None:
        self.run.go_on()

    @rule()
    def undo(self) -> None:
        self.run.undo()

    @rule()
    def tend(self) -> None:
        self.run.recorder.write_waiting(patient=False)

    @invariant()
    def nothing_dropped(self) -> None:
        assert self.run.unsaved == 0
        if not self.store.waiting:  # nothing waits: the history is the sitting, in order
            assert kept(self.store) == given(self.run)

    def teardown(self) -> None:
        if self.lock.held:
            self.lock.release()
        expected = given(self.run)
        self.store.close()
        assert self.store.lost == []
        with Store.open(Path(self.folder.name), backup=False) as again:
            assert kept(again) == expected
        self.lock.close()
        self.folder.cleanup()


TestLockedHistory = LockedHistory.TestCase
TestLockedHistory.settings = settings(
    max_examples=40, stateful_step_count=20, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
