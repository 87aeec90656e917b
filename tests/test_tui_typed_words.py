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


def _asking_how_sure(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A multiple-choice session of the test deck that asks how sure after every answer, and its data folder."""
    deck = write_deck(tmp_path / "decks")
    data = accepted(tmp_path / "data")
    app = make_app([deck], data, study=StudyRequest(deck, Mode.MULTIPLE_CHOICE, 3))
    app.ask_certainty = AskCertainty.ALL
    return app, data


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
    app, data = _asking_how_sure(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("1")
        await pilot.pause(0.6)  # longer than ACTED_GAP_S: the answer was chosen on purpose
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


@pytest.mark.parametrize("figure", ["2%", "2 in 100", "2mg"])
async def test_a_figure_typed_on_options_takes_back_the_answer_its_digit_chose(tmp_path: Path, figure: str) -> None:
    """"2%" typed on a question with options chose option 2 (5%) and recorded a miss the learner
    never gave (a tester's report): the key after the digit shows it was typing, and the answer is
    taken back, with a notice."""
    deck = write_deck(tmp_path / "decks")
    data = accepted(tmp_path / "data")
    app = make_app([deck], data, study=StudyRequest(deck, Mode.MULTIPLE_CHOICE, 3))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*figure)
        await pilot.pause()
        assert answers(data) == []
        assert any("That looked like typing, so the answer “2” chose was taken back" in n for n in _notices(app))


@pytest.mark.parametrize("second", ["2", "enter"])
async def test_a_digit_pressed_on_purpose_keeps_its_answer(tmp_path: Path, second: str) -> None:
    """A double press, or Enter to go on, after a digit is no typing: the answer stays."""
    deck = write_deck(tmp_path / "decks")
    data = accepted(tmp_path / "data")
    app = make_app([deck], data, study=StudyRequest(deck, Mode.MULTIPLE_CHOICE, 3))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("2", second)
        await pilot.pause()
        assert len(answers(data)) == 1


async def test_a_key_after_a_pause_keeps_the_answer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("quiz.tui.settle.ACTED_GAP_S", 0.3)
    deck = write_deck(tmp_path / "decks")
    data = accepted(tmp_path / "data")
    app = make_app([deck], data, study=StudyRequest(deck, Mode.MULTIPLE_CHOICE, 3))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause(0.5)
        await pilot.press("%")
        await pilot.pause()
        assert len(answers(data)) == 1


async def test_a_figure_typed_while_asked_how_sure_goes_back_to_choosing(tmp_path: Path) -> None:
    app, data = _asking_how_sure(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press(*"2 in 100")
        await pilot.pause()
        assert screen.run.phase is Phase.ASKING and screen.run.number == 1 and answers(data) == []


async def test_a_figure_typed_in_a_burst_is_taken_back_though_the_screen_had_not_settled(tmp_path: Path) -> None:
    """In a terminal "2%" comes as one burst: the "%" fell in the moment after the digit's screen
    appeared, when keys are dropped as a double press, and the answer stayed (found trying it in
    tmux): a key of a word is read as one all the same."""
    from tests.test_tui_study_loop import SETTLE, settled

    deck = write_deck(tmp_path / "decks")
    data = accepted(tmp_path / "data")
    app = make_app([deck], data, study=StudyRequest(deck, Mode.MULTIPLE_CHOICE, 3), settle=SETTLE)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        await pilot.press("2", "%")
        await pilot.pause()
        assert answers(data) == []
        await settled(pilot)
        await pilot.press("2", "2")  # a double press: the second is dropped, the answer stays
        await pilot.pause()
        assert len(answers(data)) == 1


WORD_GAP = 2.0
"""ACTED_GAP_S in the tests of letters that act: a loaded machine's presses of one word come well within it."""


async def _on_the_second_question(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """A multiple-choice session, settling as a person's does, with its first question answered."""
    from tests.test_tui_study_loop import SETTLE, settled

    monkeypatch.setattr("quiz.tui.settle.ACTED_GAP_S", WORD_GAP)
    deck = write_deck(tmp_path / "decks")
    data = accepted(tmp_path / "data")
    app = make_app([deck], data, study=StudyRequest(deck, Mode.MULTIPLE_CHOICE, 3), settle=SETTLE)
    return app, data, settled


@pytest.mark.parametrize("word", ["unsure", "good", "ugly"])
async def test_a_word_that_begins_with_a_letter_that_acts_never_acts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, word: str
) -> None:
    """"unsure" typed on a question with options took back the answer before with its "u", and
    "good" opened the words with its "g": a letter that acts waits, and a word begun with it is
    dropped whole."""
    app, data, settled = await _on_the_second_question(tmp_path, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        screen = app.screen
        await pilot.press("1")
        await settled(pilot)
        await pilot.press("enter")  # not printable: no part of a figure, however soon it comes
        await settled(pilot)
        assert screen.run.number == 2 and len(answers(data)) == 1
        await pilot.press(*word)
        await pilot.pause()
        assert any("Typing does nothing here" in n for n in _notices(app))
        await pilot.pause(WORD_GAP + GAP)
        assert app.screen is screen and screen.run.number == 2 and len(answers(data)) == 1
        assert not any("taken back" in n for n in _notices(app))


async def test_a_letter_that_acts_acts_after_the_gap_or_before_the_next_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, data, settled = await _on_the_second_question(tmp_path, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        screen = app.screen
        for _ in range(2):
            await pilot.press("1")
            await settled(pilot)
            await pilot.press("enter")
            await settled(pilot)
        assert screen.run.number == 3 and len(answers(data)) == 2
        await pilot.press("u")  # alone: it undoes once no word follows
        await pilot.pause(WORD_GAP + 0.5)
        assert len(answers(data)) == 1
        await settled(pilot)
        await pilot.press("u", "escape")  # a key that is no word's: the undo is done first, at once
        await pilot.pause()
        assert len(answers(data)) == 0 and app.screen is screen  # Escape came as the screen settled


async def test_keys_typed_in_a_burst_reach_the_box_in_order(tmp_path: Path) -> None:
    """Backspaces held and then "occasionally" typed at once were recorded as "ooccasionall": a
    Backspace bubbled up to the app and ran after letters typed later (Textual issue 6605). Here
    the keys are posted together, with no wait between them, as a fast terminal delivers them."""
    from textual import events

    deck = write_deck(tmp_path / "decks")
    data = accepted(tmp_path / "data")
    app = make_app([deck], data, study=StudyRequest(deck, Mode.TYPED, 1))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        box = app.screen.query_one("#typed")
        burst = [*"often", *["backspace"] * 5, *"rarely", "left", "left", "backspace", *"EL", "end", *"!"]
        for key in burst:
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await pilot.pause()
        assert box.value == "rarELly!"


async def test_a_click_while_a_letter_waits_has_the_letter_act_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """"u" and then a click on an option within the wait: the click had answered, and the undo
    that came after took that answer back. The undo acts first; the click was on what it changed."""
    app, data, settled = await _on_the_second_question(tmp_path, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        screen = app.screen
        await pilot.press("1")
        await settled(pilot)
        await pilot.press("enter")
        await settled(pilot)
        assert screen.run.number == 2 and len(answers(data)) == 1
        await pilot.press("u")
        await pilot.click("#options", offset=(6, 1))
        await pilot.pause()
        assert len(answers(data)) == 0 and screen.run.number == 1 and screen.run.phase is Phase.ASKING
        await pilot.pause(WORD_GAP + 0.3)
        assert len(answers(data)) == 0
