"""The app never shows a traceback, and works in every built-in theme and with NO_COLOR set."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from quiz.session import Mode
from quiz.tui.app import QuizApp, StudyRequest
from quiz.tui.screens.study import StudyScreen
from tests.tui_helpers import contrast, make_app, screen_cells, write_deck

pytestmark = pytest.mark.slow  # the whole app, in every theme and in a child process

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


PANICKING_APP = """
import sys
from pathlib import Path
from rich.traceback import Traceback
from tests.tui_helpers import make_app

app = make_app([Path(sys.argv[1])], Path(sys.argv[2]))

async def fail(pilot):
    await pilot.pause()
    try:
        secret = "chemotherapy dose for patient"
        raise UnicodeDecodeError("utf-8", secret.encode(), 0, 1, "a reader thread failed")
    except UnicodeDecodeError:
        app.panic(Traceback())  # what Textual does when its input thread fails

app.run(headless=True, auto_pilot=fail)
sys.exit(app.return_code)
"""


def test_a_failing_input_thread_ends_with_a_message_and_status_1(tmp_path: Path) -> None:
    """Textual's input thread, failing, calls App.panic with a traceback: it ended the app with
    status 0 and blamed the terminal ("the terminal stopped answering", a tester's report)."""
    deck = write_deck(tmp_path / "decks")
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run([sys.executable, "-c", PANICKING_APP, str(deck), str(tmp_path / "data")],
                          capture_output=True, text=True, cwd=root, timeout=60)  # fmt: skip
    shown = done.stdout + done.stderr
    assert done.returncode == 1, shown
    assert "quiz stopped because it could no longer read the keyboard" in shown
    assert "Traceback" not in shown and "chemotherapy" not in shown


# The ANSI themes use the terminal's own sixteen colours, which the terminal (not quiz) decides.
TERMINAL_PALETTE_THEMES = ("ansi-dark", "ansi-light")


def _unreadable_words(app: QuizApp) -> list[tuple[str, float]]:
    """Words above the key bar whose colour has less than 3:1 contrast with their background
    (WCAG 2.1's minimum for large text and for the parts of a control)."""
    return [
        (text.strip(), round(contrast(fg, bg), 2))
        for y, text, fg, bg in screen_cells(app)
        if y < app.size.height - 1 and re.search(r"\w", text) and contrast(fg, bg) < 3
    ]


async def test_every_builtin_theme_shows_the_question_and_the_verdict_readably(tmp_path: Path) -> None:
    deck = write_deck(tmp_path / "decks")
    app = make_app([deck], tmp_path / "data", study=StudyRequest(deck, Mode.MULTIPLE_CHOICE))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StudyScreen)
        themes = sorted(set(app.available_themes) - set(TERMINAL_PALETTE_THEMES))
        assert len(themes) > 5 and "quiz-high-contrast" in themes
        question = screen.run.session.current
        assert question is not None and question.correct_index is not None
        for answered in (False, True):
            if answered:
                await pilot.press(str(question.correct_index + 1))
                await pilot.pause()
                assert "✓ Right." in str(screen.query_one("#verdict").render())
            for theme in themes:
                app.theme = theme
                await pilot.pause()
                assert app.screen is screen
                shown = " ".join(text for _, text, _, _ in screen_cells(app))
                assert question.prompt[:40] in shown
                assert _unreadable_words(app) == [], (theme, answered)


def _is_grey(rgb: tuple[int, int, int]) -> bool:
    return max(rgb) - min(rgb) <= 4  # rich's default text colour, #c5c8c6, is grey to the eye


async def _wrong_answer_screen(tmp_path: Path) -> tuple[list[str], set[tuple[int, int, int]]]:
    """The study screen's lines and colours just after a wrong answer."""
    deck = write_deck(tmp_path / "decks")
    app = make_app([deck], tmp_path / "data", study=StudyRequest(deck, Mode.MULTIPLE_CHOICE))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen)
        q = app.screen.run.session.current
        assert q is not None and q.correct_index is not None
        await pilot.press(str((q.correct_index + 1) % 4 + 1))
        await pilot.pause()
        cells = screen_cells(app)
        lines = ["".join(text for y, text, _, _ in cells if y == row) for row in range(app.size.height)]
        verdict = str(app.screen.query_one("#verdict").render())
        feedback = str(app.screen.query_one("#feedback").render()).splitlines()
        assert "✗ Not quite." in verdict
        assert f"Answer: {q.answer}" in feedback
        assert f"You chose: {q.options[(q.correct_index + 1) % 4]}" in feedback
        return lines, {c for _, _, fg, bg in cells for c in (fg, bg)}


async def test_no_color_shows_no_colour_and_keeps_meaning_in_words_and_symbols(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines, colours = await _wrong_answer_screen(tmp_path / "colour")
    assert not all(_is_grey(c) for c in colours)  # the check below can fail: by default there is colour
    monkeypatch.setenv("NO_COLOR", "1")
    no_colour_lines, no_colours = await _wrong_answer_screen(tmp_path / "no-colour")
    assert [c for c in no_colours if not _is_grey(c)] == []
    assert no_colour_lines == lines  # every word and symbol is still there


@pytest.mark.parametrize("study", [False, True])
async def test_ctrl_c_says_how_to_quit_in_words_not_markup(tmp_path: Path, study: bool) -> None:
    """Ctrl+C showed "Press [b]ctrl+q[/b] to quit the app": Textual's notice is markup, and quiz shows
    every notice as written (a tester's report), on Home and on a question alike."""
    deck = write_deck(tmp_path / "decks")
    from tests.test_tui_study_loop import accepted

    request = StudyRequest(deck, Mode.MULTIPLE_CHOICE, 1) if study else None
    app = make_app([deck], accepted(tmp_path / "data"), study=request)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+c")
        await pilot.pause()
        said = [str(n.message) for n in app._notifications]
        assert said and all("[" not in m for m in said), said
        assert any("ctrl+q" in m for m in said), said
