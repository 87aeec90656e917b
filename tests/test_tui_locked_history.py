"""The app with a history another program locks (T9 #7, /tmp/T9/lock.sh): the answer waits, the
store-tending timer writes it once the lock is gone and says so; one still locked out when the app
closes is named."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from quiz.mode import Mode
from quiz.paths import history_db
from quiz.study import Phase
from quiz.tui.app import QuizApp, StudyRequest
from quiz.tui.run import exit_status
from quiz.tui.screens.study import StudyScreen
from tests.test_tui_study_loop import accepted, answers
from tests.tui_helpers import make_app, write_deck

pytestmark = pytest.mark.slow  # the whole app driven key by key


def said(app: QuizApp) -> list[str]:
    return [f"{n.title}: {n.message}" for n in app._notifications]


async def answer_one(app: QuizApp, pilot) -> StudyScreen:
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, StudyScreen)
    await pilot.press("1")
    if screen.run.phase is Phase.CERTAINTY:
        await pilot.press("2")
    await pilot.pause()
    assert screen.run.phase is Phase.ANSWERED
    return screen


def locked_app(tmp_path: Path) -> tuple[QuizApp, Path, sqlite3.Connection]:
    """A multiple-choice session's app, its data folder, and another program's connection to its history."""
    deck = write_deck(tmp_path / "decks")
    data = accepted(tmp_path / "data")
    app = make_app([deck], data, study=StudyRequest(deck, Mode.MULTIPLE_CHOICE))
    return app, data, sqlite3.connect(history_db(data), isolation_level=None, timeout=5)


async def lock_and_answer(app: QuizApp, pilot, other: sqlite3.Connection) -> StudyScreen:
    assert app.store is not None
    app.store.set_busy_timeout(20)  # quiz waits BUSY_TIMEOUT_MS
    other.execute("BEGIN EXCLUSIVE")
    return await answer_one(app, pilot)


async def test_an_answer_locked_out_is_saved_by_the_timer_and_the_learner_told(tmp_path: Path) -> None:
    app, data, other = locked_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await lock_and_answer(app, pilot, other)
        assert any("not saved yet" in s for s in said(app))
        other.execute("ROLLBACK")
        app.tend_store()
        await pilot.pause()
        assert any(s.startswith("Score history: Saved after all: 1 answer") for s in said(app))
        assert len(answers(data)) == 1
    other.close()
    assert app.lost_answers is None
    assert exit_status(app, None) == 0


async def test_an_answer_still_locked_out_when_the_app_closes_is_named_and_quiz_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    app, data, other = locked_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await lock_and_answer(app, pilot, other)
        prompt = screen.run.session.answers[0].question.prompt
    other.execute("ROLLBACK")
    other.close()
    assert app.lost_answers is not None and prompt in app.lost_answers
    assert answers(data) == []
    capsys.readouterr()
    assert exit_status(app, None) == 1  # a script that runs quiz learns that answers were lost
    assert prompt in capsys.readouterr().err
