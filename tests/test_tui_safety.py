"""The app never shows a traceback, and works in every built-in theme and with NO_COLOR set."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from quiz.session import Mode
from quiz.tui.app import StudyRequest
from quiz.tui.screens.study import StudyScreen
from tests.tui_helpers import make_app, write_deck

CRASHING_APP = """
import sys
from pathlib import Path
from quiz.session import Mode
from quiz.tui.app import StudyRequest
from quiz.tui.screens.study import StudyScreen
from tests.tui_helpers import make_app

def explode(self):
    secret = "chemotherapy dose for patient"  # a local a traceback would print
    raise RuntimeError(secret)

StudyScreen.action_glossary = explode
deck, data = Path(sys.argv[1]), Path(sys.argv[2])
app = make_app([deck], data, study=StudyRequest(deck, Mode.FLASHCARD))

async def press(pilot):
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press("g")
    await pilot.pause()

app.run(headless=True, auto_pilot=press)
sys.exit(app.return_code)
"""


def test_an_unexpected_error_shows_a_message_not_a_traceback(tmp_path: Path) -> None:
    deck = write_deck(tmp_path / "decks")
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run(
        [sys.executable, "-c", CRASHING_APP, str(deck), str(tmp_path / "data")],
        capture_output=True,
        text=True,
        cwd=root,
        timeout=60,
    )
    shown = done.stdout + done.stderr
    assert done.returncode == 1
    assert "quiz stopped because of an unexpected problem (RuntimeError)" in shown
    assert "Traceback" not in shown and "chemotherapy dose" not in shown and "secret" not in shown


async def test_every_builtin_theme_renders_the_study_screen(tmp_path: Path) -> None:
    deck = write_deck(tmp_path / "decks")
    app = make_app([deck], tmp_path / "data", study=StudyRequest(deck, Mode.MULTIPLE_CHOICE))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StudyScreen)
        themes = sorted(app.available_themes)
        assert len(themes) > 5
        for theme in themes:
            app.theme = theme
            await pilot.pause()
            assert app.screen is screen
        await pilot.press(str(screen.run.session.current.correct_index + 1))
        await pilot.pause()
        assert "✓ Right." in str(screen.query_one("#verdict").render())


async def test_no_color_keeps_meaning_in_words_and_symbols(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    deck = write_deck(tmp_path / "decks")
    app = make_app([deck], tmp_path / "data", study=StudyRequest(deck, Mode.MULTIPLE_CHOICE))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        q = app.screen.run.session.current
        await pilot.press(str((q.correct_index + 1) % 4 + 1))
        await pilot.pause()
        assert "✗ Not quite." in str(app.screen.query_one("#verdict").render())
        feedback = str(app.screen.query_one("#feedback").render()).splitlines()
        assert f"Answer: {q.answer}" in feedback
        assert f"You chose: {q.options[(q.correct_index + 1) % 4]}" in feedback
