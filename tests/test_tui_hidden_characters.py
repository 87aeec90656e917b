"""Every screen of the app draws a deck's hidden characters (tests.hidden_deck) escaped: Home, the
study choices, the disclaimer, each kind of question before and after its answer, the Words to
know list, the summary, History and its deck list (T1 item 5; case rel-escape-in-key)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable, OptionList, Static

from quiz.generate import Kind
from quiz.kinds import by_typing
from quiz.mode import Mode
from quiz.study import Phase
from quiz.tui.app import QuizApp, StudyRequest
from quiz.tui.screens.study import StudyScreen
from tests.hidden_deck import hidden_deck, raw
from tests.tui_helpers import make_app, write_deck

pytestmark = pytest.mark.slow  # the whole app through every screen


def drawn(app: QuizApp) -> str:
    """What every screen on the stack draws, and what each of its widgets holds, shown or scrolled
    out of view: the compositor's lines, each Static's content, each option and each table cell,
    and the notices (their toasts are drawn on a layer of their own)."""
    parts = [f"{n.title}\n{n.message}" for n in pilot_notices(app)]
    for screen in app.screen_stack:
        for strip in screen._compositor.render_strips():  # private, as in tests.tui_helpers.screen_cells
            parts.append("".join(segment.text for segment in strip))
        for widget in screen.query("*"):
            if isinstance(widget, Static):
                parts.append(str(widget.render()))
            elif isinstance(widget, OptionList):
                parts += [str(widget.get_option_at_index(i).prompt) for i in range(widget.option_count)]
            elif isinstance(widget, DataTable):
                parts += [str(c.label) for c in widget.columns.values()]
                parts += [str(cell) for row in range(widget.row_count) for cell in widget.get_row_at(row)]
    return "\n".join(parts)


def pilot_notices(app: QuizApp) -> list[Any]:
    return list(app._notifications)  # private: Textual has no public list of the notices shown


async def look(pilot: Any, where: str, seen: list[str]) -> None:
    await pilot.pause()
    text = drawn(pilot.app)
    assert raw(text) == [], where
    seen.append(text)


async def answer_every_question(pilot: Any, seen: list[str]) -> None:
    """Answer each question of the session on screen (a wrong option, a wrong word, 'Again'), with
    a look at each phase and at the Words to know list after each answer, to the summary."""
    app = pilot.app
    for _ in range(30):
        await pilot.pause()
        screen = app.screen
        if not isinstance(screen, StudyScreen) or screen.run.phase is Phase.FINISHED:
            return
        run = screen.run
        await look(pilot, f"{run.question.kind} {run.phase}", seen)
        if run.phase is Phase.ASKING:
            q = run.question
            if q.kind is Kind.FLASHCARD:
                await pilot.press("space")
            elif by_typing(q):
                await pilot.press("w", "r", "o", "n", "g", "enter")
            elif q.kind is Kind.MATCH:  # the next term to the next meaning
                await pilot.press(str(len(run.pairing) + 1))
            else:  # a wrong option
                assert q.correct_index is not None
                await pilot.press(str((q.correct_index + 1) % len(q.options) + 1))
        elif run.phase is Phase.REVEALED:
            await pilot.press("1")
        elif run.phase is Phase.CERTAINTY:
            await pilot.press("1")
        elif run.phase is Phase.ANSWERED:
            await pilot.press("g")
            await look(pilot, f"words to know after {run.question.kind}", seen)
            await pilot.press("escape")
            await pilot.pause()
            await pilot.press("enter")
        await pilot.pause()


@pytest.mark.parametrize("mode", [m for m in Mode if m is not Mode.DUE])
async def test_every_study_screen_draws_hidden_characters_escaped(tmp_path: Path, mode: Mode) -> None:
    deck = write_deck(tmp_path / "decks", hidden_deck(), name="hidden.toml")
    (tmp_path / "home").mkdir()  # where the missed list is saved (tests.conftest.private_home)
    app = make_app([deck], tmp_path / "data", study=StudyRequest(deck, mode))
    seen: list[str] = []
    async with app.run_test(size=(100, 40)) as pilot:
        await look(pilot, "disclaimer", seen)
        await pilot.press("enter")
        await answer_every_question(pilot, seen)
        await look(pilot, "summary", seen)
        await pilot.press("s")  # the missed list saved: a notice naming the file
        await look(pilot, "saved", seen)
    shown = "\n".join(seen)
    assert "\\udb40\\udc01" in shown and "\\u200e\\u200f\\u061c\\u2028\\u2029z" in shown  # shown, escaped
    for said in ("Words to know", "Session finished", "Missed questions saved"):
        assert said in shown, said


async def test_home_history_and_their_dialogs_draw_hidden_characters_escaped(tmp_path: Path) -> None:
    decks = tmp_path / "decks"
    deck = write_deck(decks, hidden_deck(), name="hidden.toml")
    broken = write_deck(decks, hidden_deck().replace("[[facts]]", '"answer\\u200b" = 1\n[[facts]]', 1), "broken.toml")
    app = make_app([deck, broken], tmp_path / "data")
    seen: list[str] = []
    async with app.run_test(size=(100, 40)) as pilot:
        await look(pilot, "home", seen)
        await pilot.press("down")
        await look(pilot, "home, the broken deck", seen)
        await pilot.press("enter")  # its problem, as a notice
        await look(pilot, "home, the broken deck's notice", seen)
        await pilot.press("up", "enter")
        await look(pilot, "study choices", seen)
        await pilot.press("t")
        await look(pilot, "study choices, a topic", seen)
        await pilot.press("2")  # multiple choice
        await look(pilot, "disclaimer", seen)
        await pilot.press("enter")
        await answer_every_question(pilot, seen)
        await look(pilot, "summary", seen)
        await pilot.press("enter")
        await look(pilot, "home after a session", seen)
        await pilot.press("h")
        for tab in "1234":
            await pilot.press(tab)
            await look(pilot, f"history tab {tab}", seen)
        await pilot.press("f")
        await look(pilot, "history's deck list", seen)
        await pilot.press("down", "enter")
        await look(pilot, "history of the deck", seen)
    shown = "\n".join(seen)
    assert "Title\\udb40\\udc01" in shown and "answer\\u200b" in shown
    for said in ("This deck cannot be used", "Study: Title", "Before you start: Title", "Session finished",
                 "Show the history of", "Topic\\udb40\\udc01", "Why not\\udb40\\udc01"):  # fmt: skip
        assert said in shown, said
