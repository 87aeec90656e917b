"""A word typed on a question answered by keys never answers it nor takes an answer back
(quiz.tui.settle.TypedWords): "lungs" typed on a question with options took back the answer before
with its "u", and "2 in 100" chose option 2 (a tester's report)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.certainty import AskCertainty
from quiz.mode import Mode
from quiz.study import Phase
from quiz.tui.app import StudyRequest
from quiz.tui.screens.study import StudyScreen
from tests.test_tui_study_loop import accepted, answers
from tests.tui_helpers import make_app, write_deck

pytestmark = pytest.mark.slow  # the whole app driven key by key

GAP = 0.4
"""TYPING_GAP_S in these tests: a pause longer than it ends a word."""


@pytest.fixture(autouse=True)
def _short_gap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("quiz.tui.settle.TYPING_GAP_S", GAP)


def _notices(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


@pytest.mark.parametrize("mode", [Mode.MULTIPLE_CHOICE, Mode.FLASHCARD])
async def test_a_word_typed_where_keys_answer_does_nothing_and_says_so(tmp_path: Path, mode: Mode) -> None:
    deck = write_deck(tmp_path / "decks")
    data = accepted(tmp_path / "data")
    app = make_app([deck], data, study=StudyRequest(deck, mode, 3))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StudyScreen)
        if mode is Mode.FLASHCARD:
            await pilot.press("space")  # the card's back: its keys 1-4 grade it
            await pilot.pause()
        else:
            await pilot.press("1")  # a first answer, for a "u" to take back
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
        before, phase, number = len(answers(data)), screen.run.phase, screen.run.number
        await pilot.press(*"lungs", *"2 in 100")
        await pilot.pause()
        assert (len(answers(data)), screen.run.phase, screen.run.number) == (before, phase, number)
        assert any("Typing does nothing here" in n for n in _notices(app))
        await pilot.pause(GAP + 0.2)  # the word is over: a key pressed on purpose acts
        await pilot.press("2")
        await pilot.pause()
        assert len(answers(data)) == before + 1


async def test_a_word_typed_while_asked_how_sure_chooses_no_certainty(tmp_path: Path) -> None:
    deck = write_deck(tmp_path / "decks")
    data = accepted(tmp_path / "data")
    app = make_app([deck], data, study=StudyRequest(deck, Mode.MULTIPLE_CHOICE, 3))
    app.ask_certainty = AskCertainty.ALL
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("1")
        await pilot.pause()
        assert screen.run.phase is Phase.CERTAINTY
        await pilot.press(*"sure 3")
        await pilot.pause()
        assert screen.run.phase is Phase.CERTAINTY and answers(data) == []


async def test_typing_an_answer_in_the_box_is_never_dropped(tmp_path: Path) -> None:
    deck = write_deck(tmp_path / "decks")
    data = accepted(tmp_path / "data")
    app = make_app([deck], data, study=StudyRequest(deck, Mode.TYPED, 1))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press(*"lungs 2 in 100")
        await pilot.pause()
        assert screen.query_one("#typed").value == "lungs 2 in 100"
        assert not any("Typing does nothing here" in n for n in _notices(app))
