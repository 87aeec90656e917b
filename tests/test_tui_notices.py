"""A notice says only what is true now: cleared when the screen moves on, never shown twice at once
(quiz.tui.notices; Pilot)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.mode import Mode
from quiz.study import Phase
from quiz.tui.app import StudyRequest
from quiz.tui.screens.dialogs import GlossaryDialog
from quiz.tui.screens.study import StudyScreen
from tests.test_tui_in_view import LONG_ANSWERS, press, studying
from tests.tui_helpers import make_app, write_deck

pytestmark = pytest.mark.slow

HINT = "Type your answer, or press F3 to see it."


def shown(app) -> list[str]:  # type: ignore[no-untyped-def]
    """The notices on screen now, as 'title: message'."""
    return [f"{n.title}: {n.message}" for n in app._notifications]


async def test_the_type_your_answer_hint_goes_when_the_question_moves_on(tmp_path: Path) -> None:
    """A tester saw the hint stay over the "How sure are you?" prompt that came after it."""
    deck = write_deck(tmp_path / "decks")
    app = make_app([deck], tmp_path / "data", study=StudyRequest(deck, Mode.TYPED))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")  # the disclaimer
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StudyScreen)
        await pilot.press("enter")  # out of habit, with nothing typed
        await pilot.pause()
        assert shown(app) == [f": {HINT}"]
        await pilot.press(*"eight", "enter")
        await pilot.pause()
        assert screen.run.phase is not Phase.ASKING
        assert HINT not in " ".join(shown(app))


async def test_a_hint_goes_when_another_screen_comes_over_it(tmp_path: Path) -> None:
    deck = write_deck(tmp_path / "decks")
    app = make_app([deck], tmp_path / "data", study=StudyRequest(deck, Mode.TYPED))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert shown(app) == [f": {HINT}"]
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, GlossaryDialog) and shown(app) == []


async def test_window_too_small_is_said_once_however_often_the_key_is_pressed(tmp_path: Path) -> None:
    """At 60x15 with a long question, 4 pressed twice stacked two "Window too small" notices."""
    async with studying(tmp_path, (20, 6), LONG_ANSWERS, Mode.FLASHCARD) as (pilot, screen, _data):
        await press(pilot, "space")
        for _ in range(3):
            await press(pilot, "3")
        too_small = [n for n in shown(screen.app) if n.startswith("Window too small")]
        assert len(too_small) == 1


async def test_a_notice_that_lasts_is_not_cleared_by_a_new_question(tmp_path: Path) -> None:
    """What is not about the moment on screen (a deck reloaded, an answer not saved) stays its time."""
    deck = write_deck(tmp_path / "decks")
    app = make_app([deck], tmp_path / "data", study=StudyRequest(deck, Mode.MULTIPLE_CHOICE))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        app.notify("The deck changed on disk and was reloaded.", title="Deck reloaded", timeout=30)
        app.notify("The deck changed on disk and was reloaded.", title="Deck reloaded", timeout=30)
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        assert shown(app) == ["Deck reloaded: The deck changed on disk and was reloaded."]
