"""Every text box of the app keeps no character a terminal acts on, typed, pasted or set by code."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.command import CommandInput, CommandPalette
from textual.widgets import Input

from quiz.session import Mode
from quiz.store import Store
from quiz.tui.app import StudyRequest
from quiz.tui.screens.dialogs import VisitDialog
from quiz.tui.screens.study import StudyScreen
from quiz.untrusted import visible
from tests.tui_helpers import make_app, write_deck

pytestmark = pytest.mark.slow  # the whole app driven key by key

PASTES = ["8\x07", "8\x9b31m", "8\u202e", "\x1b]52;c;ZWNobw==\x07 8", "8\u200b\ttimes\r\nmore"]
"""What a tester pasted (tmux paste-buffer -p): BEL, a C1 CSI, a right-to-left override, an OSC 52
clipboard write, and a zero-width space with a tab and a second line."""


def paste(app, text: str) -> None:  # type: ignore[no-untyped-def]
    """A bracketed paste as the terminal delivers it: to the app, which hands it to the focused box."""
    app.post_message(events.Paste(text))


@pytest.mark.parametrize("text", PASTES)
async def test_a_pasted_answer_is_stored_and_shown_without_its_control_characters(tmp_path: Path, text: str) -> None:
    deck = write_deck(tmp_path / "decks")
    data = tmp_path / "data"
    app = make_app([deck], data, study=StudyRequest(deck, Mode.TYPED))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")  # the disclaimer
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StudyScreen)
        box = screen.query_one("#typed", Input)
        paste(app, text)
        await pilot.press("ctrl+g")  # a control typed is no letter either
        await pilot.pause()
        assert box.value == visible(box.value) and "8" in box.value
        await pilot.press("enter")
        await pilot.pause()
    with Store.open(data, backup=False) as store:
        (answer,) = list(store.answers())
    assert answer.response == visible(answer.response) and "8" in answer.response


async def test_a_value_set_by_code_or_a_paste_over_a_selection_keeps_no_control(tmp_path: Path) -> None:
    deck = write_deck(tmp_path / "decks")
    app = make_app([deck], tmp_path / "data", study=StudyRequest(deck, Mode.TYPED))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        box = app.screen.query_one("#typed", Input)
        box.value = "twelve\x1b[2J"
        assert box.value == "twelve[2J"
        box.select_all()
        paste(app, "\x07\x9b")  # nothing but controls: the selection is not replaced by nothing
        await pilot.pause()
        assert box.value == "twelve[2J"


async def test_the_visit_date_and_the_palette_search_keep_no_control(tmp_path: Path) -> None:
    deck = write_deck(tmp_path / "decks")
    app = make_app([deck], tmp_path / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, VisitDialog)
        paste(app, "2026-12-\u202e10")
        await pilot.pause()
        assert app.screen.query_one("#visit-date", Input).value == "2026-12-10"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        paste(app, "His\x1b]0;title\x07tory")
        await pilot.pause()
        assert app.screen.query_one(CommandInput).value == "His]0;titletory"
