"""A key answers only with an option the learner can see (Pilot, at small sizes): a number key, or
Enter, for an option scrolled away or cut off brings it into view and marks it, and records
nothing; pressed again, on the option now seen, it answers. For every kind answered with a key:
multiple choice, true or false, matching, and how sure (quiz.tui.in_view)."""

from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from textual.widgets import OptionList

from quiz.certainty import AskCertainty
from quiz.mode import Mode
from quiz.study import Phase
from quiz.tui.app import StudyRequest
from quiz.tui.in_view import asked_region, in_view, option_in_view
from quiz.tui.screens.study import StudyScreen
from tests.test_tui_kinds import DECK as KINDS_DECK
from tests.test_tui_study_loop import accepted, answers
from tests.tui_helpers import DECK, make_app, write_deck

pytestmark = pytest.mark.slow

LONG = " ".join(f"Sentence {i} of the leaflet says something more about the kidneys and water." for i in range(25))
"""A question of 25 sentences: below it, at 80x24, only the first options fit."""


def long_question() -> str:
    return DECK.replace("How many glasses of water does the leaflet suggest each day?", LONG)


def options_of(screen: StudyScreen, which: str = "#options") -> OptionList:
    return screen.query_one(which, OptionList)


async def press(pilot, key: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press(key)
    await pilot.pause()
    await pilot.pause()  # the scroll into view is laid out


@asynccontextmanager
async def studying(  # type: ignore[no-untyped-def]
    tmp_path: Path, size: tuple[int, int], deck_text: str = DECK, mode: Mode = Mode.MULTIPLE_CHOICE, **app_options
):
    """A session of `mode` on `deck_text` (disclaimer accepted) at `size`: yields the pilot, the study
    screen and the data folder."""
    deck = write_deck(tmp_path / "decks", deck_text)
    data = accepted(tmp_path / "data")
    app = make_app([deck], data, study=StudyRequest(deck, mode, 1 if mode is Mode.MULTIPLE_CHOICE else None))
    for name, value in app_options.items():
        setattr(app, name, value)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StudyScreen)
        yield pilot, screen, data


@pytest.mark.parametrize(
    ("deck_text", "size", "key"),
    [
        (long_question(), (80, 24), "4"),  # below a long question
        (DECK, (80, 10), "4"),  # a short window: option 4 is below it, the question just fits with it
    ],
    ids=["long-question-80x24", "short-window-80x10"],
)
async def test_a_number_for_an_option_not_in_view_shows_it_and_answers_only_when_pressed_again(
    tmp_path: Path, deck_text: str, size: tuple[int, int], key: str
) -> None:
    async with studying(tmp_path, size, deck_text, Mode.MULTIPLE_CHOICE) as (pilot, screen, data):
        options, index = options_of(screen), int(key) - 1
        assert not option_in_view(options, index)
        await press(pilot, key)
        assert answers(data) == [] and screen.run.phase is Phase.ASKING
        assert option_in_view(options, index) and options.highlighted == index
        assert "▶" in str(options.get_option_at_index(index).prompt)  # marked, not by colour alone
        await press(pilot, key)  # now seen: it answers
        assert screen.run.phase is Phase.ANSWERED
        q = screen.run.last
        assert q is not None
    [answer] = answers(data)
    assert answer.response == q.question.options[index]


async def test_a_window_made_small_under_the_options_records_nothing(tmp_path: Path) -> None:
    """The tester's tmux resize: the options were seen at 80x24, then the window became 20x6."""
    async with studying(tmp_path, (80, 24), DECK, Mode.MULTIPLE_CHOICE) as (pilot, screen, data):
        assert all(option_in_view(options_of(screen), i) for i in range(4))
        await pilot.resize_terminal(20, 6)
        await pilot.pause()
        await press(pilot, "2")
        assert answers(data) == [] and screen.run.phase is Phase.ASKING


async def test_enter_on_a_marked_option_out_of_view_shows_it_first(tmp_path: Path) -> None:
    async with studying(tmp_path, (80, 24), DECK, Mode.MULTIPLE_CHOICE) as (pilot, screen, data):
        options = options_of(screen)
        await press(pilot, "down")  # the pointer on option 1, in view
        assert options.highlighted == 0
        await pilot.resize_terminal(80, 7)
        await pilot.pause()
        screen.query_one("#qa").scroll_home(animate=False)  # the question in view, option 1 below it
        await pilot.pause()
        assert not option_in_view(options, 0)
        await press(pilot, "enter")
        assert answers(data) == [] and option_in_view(options, 0)
        await press(pilot, "enter")
        assert screen.run.phase is Phase.ANSWERED
    assert len(answers(data)) == 1


@pytest.mark.parametrize(("mode", "size"), [(Mode.TRUE_FALSE, (80, 8)), (Mode.MATCH, (80, 11))])
async def test_true_or_false_and_matching_answer_only_with_an_option_in_view(
    tmp_path: Path, mode: Mode, size: tuple[int, int]
) -> None:
    async with studying(tmp_path, size, KINDS_DECK, mode) as (pilot, screen, data):
        options = options_of(screen)
        assert not option_in_view(options, 1)
        await press(pilot, "2")
        assert answers(data) == [] and screen.run.pairing == []
        assert option_in_view(options, 1)
        await press(pilot, "2")
        assert len(answers(data)) == 1 if mode is Mode.TRUE_FALSE else screen.run.pairing == [1]


async def test_how_sure_answers_only_with_a_level_in_view(tmp_path: Path) -> None:
    sure = AskCertainty.ALL
    async with studying(tmp_path, (80, 24), DECK, Mode.MULTIPLE_CHOICE, ask_certainty=sure) as (pilot, screen, data):
        await press(pilot, "1")
        assert screen.run.phase is Phase.CERTAINTY
        await pilot.resize_terminal(80, 7)
        await pilot.pause()
        levels = options_of(screen, "#certainty")
        assert not option_in_view(levels, 2)
        await press(pilot, "3")
        assert screen.run.phase is Phase.CERTAINTY and answers(data) == []
        assert option_in_view(levels, 2) and levels.highlighted == 2
        await press(pilot, "3")
        assert screen.run.phase is Phase.ANSWERED
    [answer] = answers(data)
    assert answer.certainty == 3


async def test_an_option_taller_than_the_window_is_never_answered_and_the_learner_is_told(tmp_path: Path) -> None:
    """At 20x6 a meaning of a matching question wraps over more lines than the window has room for:
    it cannot be seen whole, so no press chooses it, and the learner is told to make the window larger."""
    async with studying(tmp_path, (20, 6), KINDS_DECK, Mode.MATCH) as (pilot, screen, data):
        for _ in range(3):
            await press(pilot, "1")
        assert screen.run.pairing == [] and answers(data) == []
        assert any("Make the window larger" in str(n.message) for n in screen.app._notifications)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await press(pilot, "1")
        assert screen.run.pairing == [0]


async def test_a_flashcard_is_graded_only_with_its_answer_and_the_grades_in_view(tmp_path: Path) -> None:
    """At 80x7 the grades line shows but the card's back (the answer) is below the question: a grade
    key brings the answer into view first; at 20x6 the grades line itself does not fit, so no grade
    is taken and the learner is told."""
    async with studying(tmp_path, (80, 7), DECK, Mode.FLASHCARD) as (pilot, screen, data):
        await press(pilot, "space")
        assert screen.run.phase is Phase.REVEALED
        back = screen.query_one("#card-back")
        assert not in_view(back, back.content_region._replace(height=1))
        await press(pilot, "3")
        assert screen.run.phase is Phase.REVEALED and answers(data) == []
        assert in_view(back, back.content_region._replace(height=1))
        await press(pilot, "3")
        assert screen.run.phase is Phase.ANSWERED
        await pilot.resize_terminal(20, 6)
        await press(pilot, "enter")  # the next card
        await press(pilot, "space")
        assert screen.run.phase is Phase.REVEALED
        for _ in range(3):
            await press(pilot, "3")
        assert screen.run.phase is Phase.REVEALED
        assert any("Make the window larger" in str(n.message) for n in screen.app._notifications)
    [graded] = answers(data)
    assert graded.rating == 3


def told_too_small(screen: StudyScreen) -> bool:
    return any("Make the window larger" in str(n.message) for n in screen.app._notifications)


async def test_a_meaning_is_paired_only_with_the_word_being_matched_in_view(tmp_path: Path) -> None:
    """The tester's fault: after the first pair the list had scrolled to show only meanings, and a
    number paired the next word, never on screen. The word being matched (▶) is brought into view
    with the meaning first; the next press pairs."""
    async with studying(tmp_path, (80, 11), KINDS_DECK, Mode.MATCH) as (pilot, screen, data):
        await press(pilot, "1")
        await press(pilot, "1")
        assert screen.run.pairing == [0]
        await pilot.pause(0.4)  # the next word's settle time passes
        match, options = screen.query_one("#match"), options_of(screen)
        screen.query_one("#qa").scroll_end(animate=False)
        await pilot.pause()
        assert option_in_view(options, 2) and not in_view(match, asked_region(match))
        await press(pilot, "3")
        assert screen.run.pairing == [0] and answers(data) == []
        assert in_view(match, asked_region(match)) and option_in_view(options, 2)
        assert "which meaning" in str(match.visual.split("\n")[1])  # the ▶ line is the second word's
        await press(pilot, "3")
        assert screen.run.pairing == [0, 2]


@pytest.mark.parametrize(
    ("deck_text", "mode", "size", "key"),
    [
        (KINDS_DECK, Mode.TRUE_FALSE, (20, 6), "2"),  # the sentence wraps over more rows than there are
        (KINDS_DECK, Mode.TRUE_FALSE, (80, 7), "2"),
        (DECK, Mode.MULTIPLE_CHOICE, (80, 7), "4"),
        (DECK, Mode.MULTIPLE_CHOICE, (20, 6), "2"),
        (KINDS_DECK, Mode.MATCH, (80, 8), "2"),  # the word being matched is far above its meanings
    ],
    ids=["true-false-20x6", "true-false-80x7", "choice-80x7", "choice-20x6", "match-80x8"],
)
async def test_an_option_that_cannot_be_seen_with_its_question_is_never_answered_and_the_learner_is_told(
    tmp_path: Path, deck_text: str, mode: Mode, size: tuple[int, int], key: str
) -> None:
    """Where the question (or the word being matched) and the option cannot both be in view, a key
    never answers, however often pressed, and the learner is told to make the window larger;
    made larger, the same key brings both into view and then answers."""
    async with studying(tmp_path, size, deck_text, mode) as (pilot, screen, data):
        for _ in range(3):
            await press(pilot, key)
            await pilot.pause(0.4)  # not a double press: a learner pressing again after reading
        assert answers(data) == [] and screen.run.pairing == [] and screen.run.phase is Phase.ASKING
        assert told_too_small(screen)
        asks = "the word it would be matched to" if mode is Mode.MATCH else "the question it answers"
        assert any(asks in str(n.message) for n in screen.app._notifications)  # what must be seen with it
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await press(pilot, key)
        assert screen.run.pairing == [int(key) - 1] if mode is Mode.MATCH else screen.run.phase is not Phase.ASKING


LONG_ANSWERS = (
    DECK.replace('answer = "8"', 'answer = "Eight glasses each day"')
    .replace('answer = "Cleans the blood"', 'answer = "Cleans the blood of waste"')
    .replace('answer = "Canned soup"', 'answer = "Canned soup with added salt"')
)
"""Every card's answer wraps over more rows than a 20x6 window leaves under its grades line."""


async def test_grade_keys_on_a_card_whose_answer_cannot_be_seen_with_its_grades_say_so(tmp_path: Path) -> None:
    """The tester's fault: opened at 20x6, a flashcard's grade keys did nothing and said nothing
    (a multiple choice question at the same size says the window is too small). They grade nothing
    and say it the same way; made larger, the answer is shown and a grade key grades."""
    async with studying(tmp_path, (20, 6), LONG_ANSWERS, Mode.FLASHCARD) as (pilot, screen, data):
        await press(pilot, "space")
        assert screen.run.phase is Phase.REVEALED
        for _ in range(3):
            await press(pilot, "3")
            await pilot.pause(0.4)
        assert screen.run.phase is Phase.REVEALED and answers(data) == []
        assert told_too_small(screen)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await press(pilot, "3")
        assert screen.run.phase is Phase.ANSWERED
    assert len(answers(data)) == 1
