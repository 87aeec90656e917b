"""The study loop as a person drives it (Pilot): no key answers a question it was not pressed on,
Enter out of habit records nothing, words to know follow the screen, every size of window is
survived, the built-in deck's feedback fits 80x24, and the theme is kept."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input

from quiz.deck.discover import discover
from quiz.generate import Kind
from quiz.mode import Mode
from quiz.paths import builtin_decks_dir
from quiz.store import Store
from quiz.study import Phase
from quiz.tui.app import QuizApp, Settings, StudyRequest
from quiz.tui.lines import MoreLine
from quiz.tui.screens.dialogs import GlossaryDialog, HelpDialog
from quiz.tui.screens.study import StudyScreen
from tests.tui_helpers import FROZEN, make_app, write_deck

pytestmark = pytest.mark.slow  # the whole app driven key by key


@pytest.fixture
def deck(tmp_path: Path) -> Path:
    return write_deck(tmp_path / "decks")


def accepted(data: Path, deck_id: str = "kidney-care") -> Path:
    """A history where the deck's disclaimer was already accepted (one earlier, empty session)."""
    with Store.open(data, backup=False) as store:
        store.finish_session(store.start_session(deck_id, "mixed", "1.0.0", now=FROZEN), now=FROZEN)
    return data


def answers(data: Path) -> list:
    with Store.open(data, backup=False) as store:
        return list(store.answers())


async def test_the_number_that_closes_the_mode_menu_does_not_answer(deck: Path, tmp_path: Path) -> None:
    data = accepted(tmp_path / "data")
    app = make_app([deck], data)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "2")  # Home: the deck; the menu: Multiple choice
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StudyScreen)
        assert screen.run.phase is Phase.ASKING and screen.run.score == (0, 0)
    assert answers(data) == []


async def test_enter_again_on_the_mode_menu_chooses_nothing_so_the_next_number_picks_the_mode(
    deck: Path, tmp_path: Path
) -> None:
    """A tester pressed Enter (the deck), Enter again out of habit, then 4 for "Type the answer": the
    menu had Mixed chosen for them, so Mixed began and the 4 answered its first question. No mode is
    chosen until the learner picks one; a key that is no digit 0-9 ("²", AZERTY's top-left key) is
    none, and stopped the app before."""
    data = accepted(tmp_path / "data")
    app = make_app([deck], data)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter", "²")
        await pilot.pause()
        assert not isinstance(app.screen, StudyScreen)  # still the menu
        assert any("Press the number of a choice" in n.message for n in app._notifications)
        await pilot.press("4")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StudyScreen) and screen.run.mode is Mode.TYPED
        assert screen.run.phase is Phase.ASKING
        await pilot.press("escape")
        await pilot.pause()
    assert answers(data) == []


async def test_enter_sends_a_typed_answer_only_with_it_and_its_question_in_view(deck: Path, tmp_path: Path) -> None:
    """A tester typed an answer, made the window 20x6 and pressed Enter: it was sent from a window
    that showed only the question's first words. Enter now brings the box and the question's end
    into view first, or, where both cannot be seen, says to make the window larger."""
    data = accepted(tmp_path / "data")
    app = make_app([deck], data, study=StudyRequest(deck, Mode.TYPED))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press(*"xyz")
        await pilot.resize_terminal(20, 5)  # the question's end and the box cannot both be seen
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert screen.run.phase is Phase.ASKING and answers(data) == []
        assert any("Make the window larger to send your answer" in n.message for n in app._notifications)
        await pilot.resize_terminal(20, 6)  # they can, scrolled to: the first Enter scrolls, the second sends
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert screen.run.phase is Phase.ASKING and answers(data) == []
        await pilot.press("enter")
        await pilot.pause()
        assert screen.run.phase is Phase.ANSWERED
    assert [a.response for a in answers(data)] == ["xyz"]


async def test_enter_out_of_habit_does_not_answer_option_one(deck: Path, tmp_path: Path) -> None:
    data = accepted(tmp_path / "data")
    app = make_app([deck], data, study=StudyRequest(deck, Mode.MULTIPLE_CHOICE))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter", "enter")
        await pilot.pause()
        screen = app.screen
        assert screen.run.phase is Phase.ASKING
        q = screen.run.question
        await pilot.press("down", "down", "enter")  # Enter on an option the learner moved to answers
        await pilot.pause()
        assert screen.run.phase is Phase.ANSWERED
    assert [a.response for a in answers(data)] == [q.options[1]]


async def test_mixed_mode_enter_after_a_flashcard_answers_nothing(deck: Path, tmp_path: Path) -> None:
    data = accepted(tmp_path / "data")
    app = make_app([deck], data, study=StudyRequest(deck, Mode.MIXED, 3), seed=4)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        kinds = [q.kind for q in screen.run.session.questions]
        assert Kind.FLASHCARD in kinds and len(set(kinds)) > 1, kinds
        for _ in range(len(kinds)):
            kind = screen.run.question.kind
            before = len(answers(data))
            if kind is Kind.FLASHCARD:
                await pilot.press("space", "3")
            elif kind is Kind.MULTIPLE_CHOICE:
                await pilot.press("1")
            else:
                await pilot.press("enter")  # an empty answer is not graded...
                await pilot.pause()
                assert len(answers(data)) == before and screen.run.phase is Phase.ASKING
                await pilot.press("x", "enter")
            await pilot.pause()
            assert screen.run.phase is Phase.ANSWERED  # every kind waits on its feedback
            assert len(answers(data)) == before + 1
            await pilot.press("enter")  # going on
            await pilot.pause()
            if screen.run.phase is Phase.FINISHED or not screen.is_current:
                break
            assert screen.run.phase is Phase.ASKING  # ...and the Enter answered nothing
    assert len(answers(data)) == len(kinds)


async def test_words_to_know_follow_the_screen(tmp_path: Path) -> None:
    text = (Path(__file__).parent / "tui_helpers.py").read_text()
    assert "dialysis" in text
    deck = write_deck(
        tmp_path / "decks",
        """format = 1
[deck]
id = "terms"
title = "Terms"
[glossary]
"cryosurgery" = "Killing cancer cells by freezing them."
"metastasis" = "Cancer that has spread."
[[facts]]
id = "freeze"
question = "Which treatment can kill metastases in the liver by freezing?"
answer = "Cryosurgery"
distractors = ["Radiation", "Chemotherapy", "Surgery"]
""",
        "terms.toml",
    )
    app = make_app([deck], tmp_path / "data", study=StudyRequest(deck, Mode.FLASHCARD))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, GlossaryDialog)
        assert [t for t, _ in app.screen.entries] == ["metastasis"]  # plural found; the answer's term is not
        await pilot.press("escape", "space", "g")
        await pilot.pause()
        assert [t for t, _ in app.screen.entries] == ["cryosurgery", "metastasis"]
        await pilot.press("enter")  # closes the list, and is used up there
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen) and app.screen.run.phase is Phase.REVEALED


async def test_help_and_words_open_while_typing(deck: Path, tmp_path: Path) -> None:
    app = make_app([deck], accepted(tmp_path / "data"), study=StudyRequest(deck, Mode.TYPED))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen.focused, Input)
        keys = {key.display: key.description for key in screen.query_one("KeysBar").keys}
        assert keys.get("F1") == "Help" and keys.get("F2") == "Words" and keys.get("F3") == "Show answer"
        await pilot.press("g", "?")
        assert screen.query_one(Input).value == "g?"  # letters type
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpDialog)
        await pilot.press("escape", "f2")
        await pilot.pause()
        assert isinstance(app.screen, GlossaryDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert answers(tmp_path / "data") == []


@pytest.mark.parametrize("size", [(10, 8), (6, 6), (1, 1)])
async def test_no_window_size_ends_a_session(tmp_path: Path, size: tuple[int, int]) -> None:
    deck = write_deck(
        tmp_path / "decks",
        """format = 1
[deck]
id = "narrow"
title = "Narrow"
[[facts]]
id = "scope"
question = "Which test looks at the upper gut?"
answer = "Esophagogastroduodenoscopy"
distractors = ["Colonoscopy", "Mammogram", "Spirometry"]
explanation = "It looks at the food pipe, stomach and first part of the bowel."
""",
        "narrow.toml",
    )
    app = make_app([deck], tmp_path / "data", study=StudyRequest(deck, Mode.MULTIPLE_CHOICE, 1))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for phase_keys in ([], ["1"]):
            await pilot.press(*phase_keys)
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await pilot.resize_terminal(80, 24)
            await pilot.pause()
            assert app.is_running and app._exception is None
            assert isinstance(app.screen, StudyScreen)
        assert app.screen.run.phase is Phase.ANSWERED


async def test_every_built_in_feedback_fits_80x24_with_verdict_and_keys(tmp_path: Path) -> None:
    [found] = [f for f in discover(tmp_path / "data") if f.builtin]
    deck = found.deck
    for mode in (Mode.MULTIPLE_CHOICE, Mode.TYPED):
        app = make_app([found.path], tmp_path / "data", study=StudyRequest(found.path, mode, len(deck.facts)))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("enter")  # the disclaimer (the first time)
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, StudyScreen)
            while isinstance(app.screen, StudyScreen):
                q = screen.run.question
                if q.kind is Kind.MULTIPLE_CHOICE:
                    await pilot.press(str((q.correct_index + 1) % len(q.options) + 1))
                    await pilot.pause()
                    if screen.run.phase is Phase.CERTAINTY:  # a must-know fact: how sure? (its line must fit too)
                        await pilot.press("3")
                elif q.kind is Kind.TYPED:
                    await pilot.press("f3")
                else:
                    await pilot.press("space", "1")
                await pilot.pause()
                qa = screen.query_one("#qa")
                assert qa.max_scroll_y == 0, (mode, q.fact_id)  # everything in view, no "more below"
                assert screen.query_one("#verdict").region.y < 3
                assert not screen.query_one(MoreLine).visible
                await pilot.press("enter")
                await pilot.pause()
    assert builtin_decks_dir().is_dir()


async def test_a_long_feedback_keeps_the_verdict_and_says_there_is_more(deck: Path, tmp_path: Path) -> None:
    long = write_deck(
        tmp_path / "decks",
        Path(deck).read_text().replace(
            'explanation = "The leaflet suggests 8 glasses a day unless your team says otherwise."',
            'explanation = "' + "This sentence is here to make the explanation long. " * 30 + '"',
        ),
        "long.toml",
    )
    app = make_app([long], accepted(tmp_path / "data"), study=StudyRequest(long, Mode.MULTIPLE_CHOICE, 3), seed=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        while screen.run.question.fact_id != "water-glasses":
            await pilot.press("1", "enter")
        await pilot.press("1")
        await pilot.pause()
        await pilot.pause()
        assert screen.query_one(MoreLine).visible
        assert "More below" in str(screen.query_one(MoreLine).render())
        await pilot.press("end")
        await pilot.pause()
        await pilot.pause()
        assert "More above" in str(screen.query_one(MoreLine).render())  # the verdict and keys stay in view
        assert screen.query_one("#verdict").region.y < 3


async def test_the_theme_is_kept_for_the_next_start(deck: Path, tmp_path: Path) -> None:
    config = tmp_path / "config"

    def app() -> QuizApp:
        settings = Settings(data_dir=tmp_path / "data", deck_paths=[deck], clock=lambda: FROZEN, config_dir=config)
        return QuizApp(settings)

    first = app()
    async with first.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        first.theme = "quiz-high-contrast"
        await pilot.pause()
    assert (config / "settings.toml").stat().st_mode & 0o777 == 0o600
    written = (config / "settings.toml").stat().st_ino  # each save writes a new file in its place
    second = app()
    async with second.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert second.theme == "quiz-high-contrast"
        assert (config / "settings.toml").stat().st_ino == written  # applying them wrote nothing
        from quiz.certainty import AskCertainty

        assert second.ask_certainty is AskCertainty.MUST_KNOW
        second.set_certainty(AskCertainty.ALL)
    again = app()
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert again.ask_certainty.value == "all" and again.theme == "quiz-high-contrast"
    (config / "settings.toml").write_bytes(b"theme = [\xff")
    third = app()
    async with third.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert third.theme != "quiz-high-contrast" and third.is_running


async def test_the_palette_offers_quizs_own_commands(deck: Path, tmp_path: Path) -> None:
    app = make_app([deck], tmp_path / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert {"Study this deck", "Review what is due", "History", "Keys and help", "Theme"} <= set(titles)


async def test_study_chosen_in_the_palette_opens_the_mode_menu(deck: Path, tmp_path: Path) -> None:
    """Home drops what comes in the moment it is back from the palette, as it drops a key: the
    palette's command waits for it to settle instead of doing nothing."""
    from quiz.tui.screens.dialogs import ModeDialog

    app = make_app([deck], tmp_path / "data", settle=SETTLE)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"study this deck")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settled(pilot)
        await pilot.pause()
        assert isinstance(app.screen, ModeDialog)


async def test_home_and_the_mode_menu_say_the_same_due(deck: Path, tmp_path: Path) -> None:
    data = accepted(tmp_path / "data")
    app = make_app([deck], data)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#decks")
        assert str(table.get_cell_at((0, 2))) == "0"
        detail = str(app.screen.query_one("#deck-detail").render())
        assert "Facts (3): 0 due now" in detail and "3 new" in detail
        await pilot.press("enter")
        await pilot.pause()
        menu = app.screen.query_one("#modes")
        assert "0 facts and words due now, up to 3 new" in str(menu.get_option_at_index(4).prompt)


@pytest.mark.parametrize("argv", [[], ["study", "rectal-cancer-stage-iv"], ["history"]])
def test_without_a_terminal_the_app_exits_2_at_once(argv: list[str], tmp_path: Path) -> None:
    env = {**os.environ, "QUIZ_DATA_DIR": str(tmp_path / "data")}
    done = subprocess.run(
        [sys.executable, "-m", "quiz", *argv],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 2, done.stderr
    assert done.stdout == "" and "needs a terminal" in done.stderr and len(done.stderr.splitlines()) == 1


def test_without_a_terminal_study_by_a_visit_date_keeps_nothing(tmp_path: Path) -> None:
    """T11 O1: `quiz study DECK --by DATE` refused for want of a terminal had kept the visit date."""
    data = tmp_path / "data"
    env = {**os.environ, "QUIZ_DATA_DIR": str(data)}
    soon = (date.today() + timedelta(days=30)).isoformat()
    argv = [sys.executable, "-m", "quiz", "study", "rectal-cancer-stage-iv", "--by", soon]
    done = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 2 and "needs a terminal" in done.stderr and done.stdout == ""
    assert not (data / "history.db").exists()  # no history made, so no visit date kept in one


# -- a double press never acts twice (quiz.tui.settle) --------------------------------------------

SETTLE = 0.3
LOADED_SETTLE = 1.0
"""For double-press tests that a loaded CI made flaky: two presses in a row came over 0.3 s apart."""


async def settled(pilot) -> None:
    await pilot.pause(SETTLE + 0.1)


async def letter_acted(pilot) -> None:  # type: ignore[no-untyped-def]
    """Past the wait of a letter that acts where keys answer ("u", "g": TypedWords.wait_then)."""
    from quiz.tui.settle import ACTED_GAP_S

    await pilot.pause(ACTED_GAP_S + 0.6)


async def test_a_number_pressed_twice_in_the_menu_does_not_answer(deck: Path, tmp_path: Path) -> None:
    data = accepted(tmp_path / "data")
    app = make_app([deck], data, settle=SETTLE)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        await pilot.press("enter")
        await settled(pilot)
        await pilot.press("2", "2")
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen) and app.screen.run.phase is Phase.ASKING
        await settled(pilot)
        await pilot.press("2")  # a press after the question settled answers, as it should
        await pilot.pause()
        assert app.screen.run.phase is Phase.ANSWERED
    assert len(answers(data)) == 1


async def test_two_keys_at_once_in_a_dialog_do_not_crash(deck: Path, tmp_path: Path) -> None:
    app = make_app([deck], accepted(tmp_path / "data"), settle=SETTLE)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        await pilot.press("enter")
        await settled(pilot)
        await pilot.press("down")
        await settled(pilot)
        for _ in range(3):  # a burst, as a paste or a slow link delivers it: all queued before any is handled
            app.post_message(events.Key("enter", "\r"))
        await pilot.pause()
        await pilot.pause()
        assert app.is_running and app._exception is None


async def test_a_double_enter_neither_skips_the_disclaimer_nor_the_summary(deck: Path, tmp_path: Path) -> None:
    from quiz.tui.screens.dialogs import DisclaimerDialog
    from quiz.tui.screens.summary import SummaryScreen

    data = tmp_path / "data"
    # A settle of 1 s: under a loaded CI the second of two presses came over 0.3 s after the first.
    app = make_app([deck], data, study=StudyRequest(deck, Mode.MULTIPLE_CHOICE, 1), settle=LOADED_SETTLE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DisclaimerDialog)
        await pilot.press("enter")  # too soon: the disclaimer has only just appeared
        await pilot.pause()
        assert isinstance(app.screen, DisclaimerDialog)
        await pilot.pause(LOADED_SETTLE + 0.1)
        await pilot.press("enter", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StudyScreen) and screen.run.phase is Phase.ASKING
        await pilot.pause(LOADED_SETTLE + 0.1)
        await pilot.press("1")
        await pilot.pause(LOADED_SETTLE + 0.1)
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
    assert len(answers(data)) == 1


async def test_escape_twice_after_the_word_list_does_not_end_the_session(deck: Path, tmp_path: Path) -> None:
    app = make_app([deck], accepted(tmp_path / "data"), study=StudyRequest(deck, Mode.FLASHCARD), settle=SETTLE)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        await pilot.press("g")
        await settled(pilot)
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen) and app.screen.run.phase is Phase.ASKING


async def test_certainty_needs_its_own_press(deck: Path, tmp_path: Path) -> None:
    from quiz.certainty import AskCertainty

    data = accepted(tmp_path / "data")
    app = make_app([deck], data, study=StudyRequest(deck, Mode.MULTIPLE_CHOICE), settle=LOADED_SETTLE)
    app.ask_certainty = AskCertainty.ALL
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(LOADED_SETTLE + 0.1)
        screen = app.screen
        await pilot.press("3", "3")
        await pilot.pause()
        assert screen.run.phase is Phase.CERTAINTY and answers(data) == []
        assert "▶" not in str(screen.query_one("#certainty").get_option_at_index(0).prompt)
        await pilot.press("enter")  # nothing is chosen yet: Enter does nothing
        await pilot.pause(LOADED_SETTLE + 0.1)
        await pilot.press("enter")
        assert screen.run.phase is Phase.CERTAINTY
        await pilot.click("#certainty", offset=(4, 3))  # the mouse: "Sure"
        await pilot.pause()
        assert screen.run.phase is Phase.ANSWERED
    [answer] = answers(data)
    assert answer.certainty == 3


async def test_words_whose_meaning_gives_the_answer_away_wait_for_the_answer(tmp_path: Path) -> None:
    deck = write_deck(
        tmp_path / "decks",
        """format = 1
[deck]
id = "pelvis"
title = "Pelvis"
[glossary]
"locally advanced" = "Grown into nearby parts, such as the side wall of the pelvis or the sacrum."
"recurrence" = "Cancer that comes back."
[[facts]]
id = "advanced"
question = "Which finding makes a pelvic recurrence locally advanced?"
answer = "Growth into the sacrum"
distractors = ["A tumor smaller than 1 cm", "A normal blood test", "A cough"]
""",
        "pelvis.toml",
    )
    app = make_app([deck], tmp_path / "data", study=StudyRequest(deck, Mode.MULTIPLE_CHOICE))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        assert [t for t, _ in app.screen.entries] == ["recurrence"] and app.screen.words.held == 1
        await pilot.press("escape", "1", "g")
        await pilot.pause()
        assert [t for t, _ in app.screen.entries] == ["locally advanced", "recurrence"]


FREEZING = """format = 1
[deck]
id = "freezing"
title = "Freezing"
[glossary]
"ablation" = "Destroying a tumor with heat or cold, as cryosurgery does."
"cryosurgery" = "Killing cancer cells by freezing them."
[[facts]]
id = "freeze"
question = "Which kind of ablation kills tumors by freezing them?"
answer = "Cryosurgery"
distractors = ["Radiation", "Embolization", "Chemotherapy"]
statement = "{{Cryosurgery}} is the kind of ablation that kills tumors by freezing them."
"""


@pytest.mark.parametrize(
    ("mode", "said"),
    [
        (Mode.MULTIPLE_CHOICE, "1 word here is explained after you answer. Its meaning could hint at the answer."),
        # Either version of the sentence says the same: "Cryosurgery" may or may not stand in it.
        (Mode.TRUE_FALSE, "1 word here is explained after you answer, and maybe more."),
        (Mode.FILL_BLANK, "1 word here is explained after you answer."),
    ],
)
async def test_the_word_list_says_a_word_is_explained_after_the_answer_and_then_shows_it(
    tmp_path: Path, mode: Mode, said: str
) -> None:
    """A tester's list said "No glossary words on this question" of a sentence with "ablation" in it."""
    deck = write_deck(tmp_path / "decks", FREEZING, "freezing.toml")
    app = make_app([deck], tmp_path / "data", study=StudyRequest(deck, mode))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("f2" if mode is Mode.FILL_BLANK and not screen.run.question.options else "g")
        await pilot.pause()
        assert isinstance(app.screen, GlossaryDialog) and app.screen.entries == []
        text = str(app.screen.query_one(".dialog-body Static").render())
        assert said in text and "No glossary words" not in text
        await pilot.press("escape")
        await pilot.pause()
        if screen.run.question.options:
            await pilot.press("1")
        else:
            await pilot.press(*"cryosurgery", "enter")
        await pilot.pause()
        if screen.run.phase is Phase.CERTAINTY:
            await pilot.press("3")
            await pilot.pause()
        assert screen.run.phase is Phase.ANSWERED
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, GlossaryDialog)
        assert {t for t, _ in app.screen.entries} == {"ablation", "cryosurgery"}  # the true sentence's words too


# -- topics, must-know facts and whys (the deck-format issue) in the study flow ------------------

TOPICS = Path(__file__).parent / "data" / "decks" / "valid" / "topics.toml"


def test_a_default_session_leaves_nice_to_know_out_and_asks_must_know_first(tmp_path: Path) -> None:
    from quiz.deck.load import load_deck
    from quiz.session import plan_questions

    deck = load_deck(TOPICS)
    default = [q.fact_id for q in plan_questions(deck, Mode.MIXED, None, FROZEN, count=10)]
    assert "liver-segments" not in default and default[0] == "fever-call"
    detail = [q.fact_id for q in plan_questions(deck, Mode.MIXED, None, FROZEN, count=10, more_detail=True)]
    assert "liver-segments" in detail
    topic = [q.fact_id for q in plan_questions(deck, Mode.MIXED, None, FROZEN, count=10, topic="spread")]
    assert topic == ["liver-treat"]


async def test_the_menu_chooses_a_topic_and_details(tmp_path: Path) -> None:
    app = make_app([TOPICS], tmp_path / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        scope = str(app.screen.query_one("#scope").render())
        assert "Topic: All topics" in scope and "important facts only" in scope
        await pilot.press("t", "d")
        await pilot.pause()
        scope = str(app.screen.query_one("#scope").render())
        assert "Topic: Liver spread" in scope and "nice-to-know facts included" in scope
        await pilot.press("3")  # flashcards
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StudyScreen)
        assert {q.fact_id for q in screen.run.session.questions} == {"liver-treat", "liver-segments"}


async def test_the_why_of_the_option_picked_shows_and_no_other(tmp_path: Path) -> None:
    for pick, shown in (("Take a paracetamol and go to bed", True), ("Drink more water", False)):
        app = make_app([TOPICS], tmp_path / f"data-{shown}", study=StudyRequest(TOPICS, Mode.MULTIPLE_CHOICE, 1))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            screen = app.screen
            q = screen.run.question
            assert q.fact_id == "fever-call"
            await pilot.press(str(q.options.index(pick) + 1))
            await pilot.pause()
            assert screen.run.phase is Phase.CERTAINTY  # a must-know fact: how sure? (the default)
            await pilot.press("2")
            await pilot.pause()
            feedback = str(screen.query_one("#feedback").render())
            assert ("Why not: Medicine can hide the fever" in feedback) is shown
            assert ("Why not" in feedback) is shown


async def test_the_summary_groups_misses_by_topic_must_know_first_and_marked(tmp_path: Path) -> None:
    from quiz.tui.screens.summary import SummaryScreen

    app = make_app([TOPICS], tmp_path / "data", study=StudyRequest(TOPICS, Mode.FLASHCARD, 3))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        while isinstance(app.screen, StudyScreen):
            await pilot.press("space", "1", "enter")  # "Again": not yet remembered
            await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        texts = [str(w.render()) for w in app.screen.query(".missed-item")]
        joined = "\n".join(texts)
        assert "(must-know)" in joined
        assert joined.index("When to call") < joined.index("During chemotherapy")


def test_the_theme_list_says_light_dark_or_high_contrast() -> None:
    from textual.theme import BUILTIN_THEMES

    from quiz.tui.app import HIGH_CONTRAST, theme_kind

    assert theme_kind(HIGH_CONTRAST) == "high contrast"
    assert theme_kind(BUILTIN_THEMES["textual-light"]) == "light"
    assert theme_kind(BUILTIN_THEMES["textual-dark"]) == "dark"


async def test_keys_delivered_together_act_once(deck: Path, tmp_path: Path) -> None:
    """A paste or a slow link delivers keys together: each is judged against what the one before it
    brought up, so "space 1" turns a card without grading it, and "1 1" chooses without a certainty."""
    from quiz.certainty import AskCertainty

    data = accepted(tmp_path / "data")
    app = make_app([deck], data, study=StudyRequest(deck, Mode.MIXED, 3), settle=SETTLE, seed=4)
    app.ask_certainty = AskCertainty.ALL
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        screen = app.screen
        for _ in range(3):
            q = screen.run.question
            first = "space" if q.kind is Kind.FLASHCARD else "1"
            if q.kind is Kind.TYPED:
                await pilot.press("x")
                first = "enter"
            before = len(answers(data))
            for key in (first, "1"):
                app.post_message(events.Key(key, " " if key == "space" else None))
            await pilot.pause()
            await pilot.pause()
            assert screen.run.phase in (Phase.REVEALED, Phase.CERTAINTY), q.kind
            assert len(answers(data)) == before
            await settled(pilot)
            await pilot.press("1")
            await settled(pilot)
            await pilot.press("enter")
            await settled(pilot)
            if screen.run.phase is Phase.FINISHED or not screen.is_current:
                break


async def test_going_back_from_how_sure_keeps_what_was_typed(deck: Path, tmp_path: Path) -> None:
    from quiz.certainty import AskCertainty

    app = make_app([deck], accepted(tmp_path / "data"), study=StudyRequest(deck, Mode.TYPED))
    app.ask_certainty = AskCertainty.ALL
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press(*"eight", "enter")
        await pilot.pause()
        assert screen.run.phase is Phase.CERTAINTY
        await pilot.press("escape")
        await pilot.pause()
        assert screen.run.phase is Phase.ASKING and screen.query_one(Input).value == "eight"


async def test_history_shows_certainty_points_and_calibration(deck: Path, tmp_path: Path) -> None:
    import json as _json

    from textual.widgets import DataTable

    from quiz.commands.history import history_json

    data = tmp_path / "data"
    with Store.open(data, backup=False) as store:
        sid = store.start_session("kidney-care", "multiple-choice", "1.0.0", now=FROZEN)
        store.record_answer(sid, "kidney-care", "water-glasses", kind="multiple_choice", response="8",
                            correct=True, certainty=3, now=FROZEN)  # fmt: skip
        store.record_answer(sid, "kidney-care", "salt-limit", kind="multiple_choice", response="Plain rice",
                            correct=False, certainty=3, now=FROZEN)  # fmt: skip
        store.finish_session(sid, now=FROZEN)
        doc = _json.loads(_json.dumps(history_json(store, None, 10)))
    assert doc["sessions"][0]["certainty_points"] == 3 - 6
    assert doc["decks"][0]["calibration"] == [{"certainty": 3, "answered": 2, "correct": 1}]
    app = make_app([deck], data, history=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        row = [str(c) for c in app.screen.query_one("#sessions", DataTable).get_row_at(0)]
        assert "1/2 -3" in row
        text = str(app.screen.query_one("#calibration").render())
        assert "Sure" in text and "█████░░░░░ 50% right, of 2 answers" in text


async def test_the_summary_leads_with_what_was_sure_but_wrong(deck: Path, tmp_path: Path) -> None:
    from quiz.certainty import AskCertainty
    from quiz.tui.screens.summary import SummaryScreen

    app = make_app([deck], accepted(tmp_path / "data"), study=StudyRequest(deck, Mode.MULTIPLE_CHOICE, 2))
    app.ask_certainty = AskCertainty.ALL
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        first = app.screen.run.question
        await pilot.press(str((first.correct_index + 1) % 4 + 1), "3", "enter")  # wrong, and sure
        await pilot.pause()
        second = app.screen.run.question
        await pilot.press(str((second.correct_index + 1) % 4 + 1), "1", "enter")  # wrong, but guessing
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        texts = [str(w.render()) for w in app.screen.query("Static")]
        joined = "\n".join(texts)
        assert "You were sure, but... (1)" in joined and "Also missed (1)" in joined
        assert joined.index(first.prompt) < joined.index("Also missed") < joined.index(second.prompt)
        assert "Certainty score: -6" in joined


async def test_letters_typed_as_the_next_question_appears_do_not_land_in_its_box(deck: Path, tmp_path: Path) -> None:
    """A reviewer typed fast across the change of question: the letters went into the new box."""
    data = accepted(tmp_path / "data")
    app = make_app([deck], data, study=StudyRequest(deck, Mode.TYPED, 2), settle=SETTLE)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        screen = app.screen
        await pilot.press("x", "enter")  # a wrong answer
        await settled(pilot)
        assert screen.run.phase is Phase.ANSWERED
        await pilot.press("enter", "r", "e")  # on to the next question, then typing at once
        await pilot.pause()
        assert screen.run.phase is Phase.ASKING and screen.query_one("#typed").value == ""
        await settled(pilot)
        await pilot.press("o", "k")  # once it has settled, typing is typing
        await pilot.pause()
        assert screen.query_one("#typed").value == "ok"
    assert len(answers(data)) == 1


async def test_letters_typed_on_a_typed_answers_feedback_never_take_it_back(deck: Path, tmp_path: Path) -> None:
    """A tester typed on from the feedback ("urea") and its "u" took back the answer just recorded.
    After a typed answer undo is ctrl+z; "u" still takes back a chosen one."""
    data = accepted(tmp_path / "data")
    app = make_app([deck], data, study=StudyRequest(deck, Mode.TYPED, 2), settle=SETTLE)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        screen = app.screen
        await pilot.press("x", "enter")  # a wrong answer, recorded
        await settled(pilot)
        verdict = str(screen.query_one("#verdict").render())
        assert screen.run.phase is Phase.ANSWERED and "ctrl+z takes it back" in verdict
        await pilot.press("u", "r", "e", "a")
        await settled(pilot)
        assert screen.run.phase is Phase.ANSWERED and len(answers(data)) == 1
        await pilot.press("ctrl+z")
        await settled(pilot)
        assert screen.run.phase is Phase.ASKING and answers(data) == []
    mc = make_app([deck], data, study=StudyRequest(deck, Mode.MULTIPLE_CHOICE, 2), settle=SETTLE)
    async with mc.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        screen = mc.screen
        await pilot.press("1")
        await settled(pilot)
        assert screen.run.phase is Phase.ANSWERED and "u takes it back" in str(screen.query_one("#verdict").render())
        await pilot.press("ctrl+z")  # not this feedback's key
        await settled(pilot)
        assert len(answers(data)) == 1
        await pilot.press("u")
        await letter_acted(pilot)
        assert answers(data) == []


LONG_QUESTION = (
    "Your doctor has explained the treatment plan for the next months: the visits, the blood tests "
    "before each cycle, the medicines for sickness and what to do at home. Ask your nurse if anything "
    "in it is not clear, and write your questions down before the visit so you remember them. " * 2
)


async def test_a_number_key_never_answers_an_option_a_notice_is_drawn_over(tmp_path: Path) -> None:
    """A tester answered option 4 two seconds after "Question changed" came over most of its text.
    The key takes the notices away instead; pressed again, with the option seen, it answers."""
    from quiz.tui.in_view import notices_over, option_region

    facts = "".join(
        f'[[facts]]\nid = "f{i}"\nquestion = "{LONG_QUESTION}Question {i}: what do you do first for a fever?"\n'
        f'answer = "Call the helpline number straight away, day or night {i}"\n'
        f'distractors = ["Wait for the next clinic visit {i}", "Take paracetamol and rest {i}", "Drink water {i}"]\n'
        for i in range(3)
    )
    deck = write_deck(tmp_path / "decks", f'format = 1\n[deck]\nid = "long"\ntitle = "Long"\n{facts}')
    data = tmp_path / "data"
    with Store.open(data, backup=False) as store:  # the disclaimer already accepted
        store.finish_session(store.start_session("long", "mixed", "1", now=FROZEN), now=FROZEN)
    app = make_app([deck], data, study=StudyRequest(deck, Mode.MULTIPLE_CHOICE, 3), settle=SETTLE)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:  # toasts drawn, as in a terminal
        await settled(pilot)
        screen = app.screen
        options = screen.query_one("#options")
        app.notify("The deck changed on disk, and so did this question. " * 6, title="Question changed", timeout=30)
        await settled(pilot)  # the toast is mounted after a refresh
        under = [i for i in range(4) if notices_over(screen, option_region(options, i))]
        assert under, "the notice covers no option: the test shows nothing"
        await pilot.press(str(under[-1] + 1))
        await settled(pilot)
        assert screen.run.session.answers == [] and not app._notifications
        await pilot.press(str(under[-1] + 1))
        await settled(pilot)
        assert len(screen.run.session.answers) == 1


@pytest.mark.parametrize("size", [(60, 20), (80, 24)])
async def test_every_mode_of_the_menu_can_be_seen_and_is_marked_when_moved_to(
    deck: Path, tmp_path: Path, size: tuple[int, int]
) -> None:
    """A reviewer at 60x20 could not see modes 7 and 8; the one moved to was marked by colour alone."""
    from quiz.deck.discover import discover

    data = tmp_path / "data"
    [builtin] = [f for f in discover(data) if f.builtin]  # topics and details: the menu at its tallest
    with Store.open(data, backup=False) as store:  # its disclaimer already accepted
        store.finish_session(store.start_session(builtin.deck.id, "mixed", "1", now=FROZEN), now=FROZEN)
    app = make_app([builtin.path], data)
    async with app.run_test(size=size) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        menu = app.screen.query_one("#modes")
        assert menu.highlighted is None  # no mode chosen for the learner: Enter alone chooses nothing
        for index in range(menu.option_count):
            await pilot.press("down")
            await pilot.pause()
            assert menu.highlighted == index
            prompts = [str(menu.get_option_at_index(i).prompt) for i in range(menu.option_count)]
            assert [p.startswith("▶") for p in prompts] == [i == index for i in range(menu.option_count)]
            dialog = app.screen.query_one(".dialog").content_region
            assert dialog.contains_region(menu.region), (menu.region, dialog)  # the list is whole: it scrolls
            hint = app.screen.query_one(".dialog-hint").region
            assert dialog.contains_region(hint) and hint.y >= menu.region.bottom


async def test_escape_while_asked_how_sure_is_labelled_back_and_goes_back(deck: Path, tmp_path: Path) -> None:
    """A reviewer read "esc Leave" on the how-sure step, where Escape goes back to the options."""
    from quiz.certainty import AskCertainty
    from quiz.tui.bars import KeysBar

    data = accepted(tmp_path / "data")
    app = make_app([deck], data, study=StudyRequest(deck, Mode.MULTIPLE_CHOICE))
    app.ask_certainty = AskCertainty.ALL
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert ("esc", "Leave") in [(k.display, k.description) for k in screen.query_one(KeysBar).keys]
        await pilot.press("1")
        await pilot.pause()
        keys = [(k.display, k.description) for k in screen.query_one(KeysBar).keys]
        assert screen.run.phase is Phase.CERTAINTY and ("esc", "Back") in keys and ("esc", "Leave") not in keys
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen) and screen.run.phase is Phase.ASKING
    assert answers(data) == []


NARROW = "Question 1 of 3 | Score 0 of 0 | [b]Caring for…"
"""The status line at 50 columns: the mode left out and the separators narrowed, for the title."""


@pytest.mark.parametrize(
    ("width", "line"),
    [
        (80, "Question 1 of 3  |  Score 0 of 0  |  Multiple choice  |  [b]Caring for your k…"),
        (120, "Question 1 of 3  |  Score 0 of 0  |  Multiple choice  |  [b]Caring for your kidneys"),
        (50, NARROW),
    ],
)
async def test_the_status_line_names_the_deck_in_the_room_it_has(tmp_path: Path, width: int, line: str) -> None:
    """A review goes from deck to deck: the status line ends with the deck's title, shortened to
    the room left (as written: brackets are not markup); where little room is left, the status is
    said more briefly so that the title keeps at least 12 cells (quiz.tui.lines.status_text)."""
    from tests.tui_helpers import DECK

    deck = write_deck(tmp_path / "decks", DECK.replace("Caring for your kidneys", "[b]Caring for your kidneys"))
    app = make_app([deck], tmp_path / "data", study=StudyRequest(deck, Mode.MULTIPLE_CHOICE, 3))
    async with app.run_test(size=(width, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # the disclaimer
        await pilot.pause()
        assert str(app.screen.query_one("#progress").render()) == line
        await pilot.resize_terminal(50, 24)
        await pilot.pause()
        assert str(app.screen.query_one("#progress").render()) == NARROW


async def test_the_more_below_line_tells_the_truth_after_the_window_is_resized(tmp_path: Path) -> None:
    """During a resize the area's size and its content's size change one after the other; the line
    was decided between the two and said "More below" on a screen with nothing below."""
    [found] = [f for f in discover(tmp_path / "data") if f.builtin]
    app = make_app([found.path], tmp_path / "data", study=StudyRequest(found.path, Mode.FLASHCARD, 3), seed=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # the disclaimer
        await pilot.pause()
        more, qa = app.screen.query_one(MoreLine), app.screen.query_one("#qa")
        for size in ((40, 12), (80, 24), (30, 8), (80, 24)):
            await pilot.resize_terminal(*size)
            await pilot.pause(0.2)
            assert more.visible == (qa.max_scroll_y > 0), size


async def test_the_status_line_keeps_the_deck_title_once_certainty_points_are_shown(tmp_path: Path) -> None:
    """A tester's status line at 80 columns lost the deck title once it showed certainty points."""
    from quiz.certainty import AskCertainty

    builtin = next(builtin_decks_dir().glob("*.toml"))
    app = make_app([builtin], tmp_path / "data", study=StudyRequest(builtin, Mode.TRUE_FALSE))
    app.ask_certainty = AskCertainty.ALL
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")  # past the disclaimer
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StudyScreen)
        await pilot.press("1", "3", "enter")  # an answer, sure of it
        await pilot.pause()
        assert screen.run.number == 2
        line = str(screen.query_one("#progress").render())
        assert "Question 2 of 10" in line and "(certainty " in line and "| Stage IV and" in line, line


async def _hold(pilot, key: str, seconds: float) -> None:
    """A key held down: the terminal sends it again every 33 ms (30 a second)."""
    for _ in range(int(seconds / 0.033)):
        await pilot.press(key)
        await pilot.pause(0.033)


async def test_a_held_key_takes_back_one_answer_not_every_one(
    deck: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Held `u` took back every answer of a session, one per repeat (a tester's report): the
    repeats of a key held since before the screen changed are dropped until it is let go. (The
    longest gap of a repeat is made 1 s here, and the letting go 1.5 s: on a loaded machine a
    33 ms pause took over 0.2 s, a new press by the app's rule, and the test failed.)"""
    monkeypatch.setattr("quiz.tui.settle.REPEAT_GAP_S", 1.0)
    data = accepted(tmp_path / "data")
    app = make_app([deck], data, study=StudyRequest(deck, Mode.MULTIPLE_CHOICE, 3), settle=SETTLE)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(2):
            await settled(pilot)
            await pilot.press("1")
            await settled(pilot)
            await pilot.press("enter")
        await settled(pilot)
        assert len(answers(data)) == 2 and app.screen.run.phase is Phase.ASKING
        await _hold(pilot, "u", 1.2)
        await letter_acted(pilot)
        assert len(answers(data)) == 1
        await pilot.pause(1.5)
        await pilot.press("u")  # let go and pressed again: the next one
        await letter_acted(pilot)
        assert len(answers(data)) == 0


async def test_a_held_number_chooses_an_option_but_not_how_sure(
    deck: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Held `3` chose option 3 and then "Sure" (+3, or -6 if wrong), a certainty the learner never
    chose (a tester's report): the certainty step needs a press of its own. (Repeats up to 1 s
    apart, as in the test above, so a loaded machine's slow pauses still read as a key held.)"""
    monkeypatch.setattr("quiz.tui.settle.REPEAT_GAP_S", 1.0)
    from quiz.certainty import AskCertainty

    data = accepted(tmp_path / "data")
    app = make_app([deck], data, study=StudyRequest(deck, Mode.MULTIPLE_CHOICE), settle=SETTLE)
    app.ask_certainty = AskCertainty.ALL
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        screen = app.screen
        await _hold(pilot, "3", 1.0)
        await pilot.pause()
        assert screen.run.phase is Phase.CERTAINTY and answers(data) == []
        await pilot.pause(1.5)  # let go
        await pilot.press("2")
        await pilot.pause()
        assert screen.run.phase is Phase.ANSWERED
    assert [a.certainty for a in answers(data)] == [2]


async def test_a_held_enter_on_home_stops_at_the_first_screen_it_opens(deck: Path, tmp_path: Path) -> None:
    """Held Enter went from Home through the list of modes and past the "not medical advice"
    disclaimer to the first question (a tester's report)."""
    data = tmp_path / "data"
    app = make_app([deck], data, settle=SETTLE)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        home = app.screen
        await _hold(pilot, "enter", 2.0)
        await pilot.pause()
        opened = app.screen
        assert opened is not home and not isinstance(opened, StudyScreen)
        await settled(pilot)
        await pilot.press("1")  # let go, and a mode chosen: one step on (Enter alone chooses none)
        await pilot.pause()
        assert app.screen is not opened
    assert answers(data) == []


async def test_a_dialog_shows_its_own_keys_not_those_of_the_screen_below(deck: Path, tmp_path: Path) -> None:
    """Under the Words list the keys line said "1-4 Answer  g Words  esc Leave", where digits do
    nothing and Escape closes the list (a tester's report)."""
    from quiz.tui.bars import KeysBar
    from quiz.tui.screens.dialogs import GlossaryDialog

    app = make_app([deck], accepted(tmp_path / "data"), study=StudyRequest(deck, Mode.MULTIPLE_CHOICE), settle=SETTLE)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        await pilot.press("g")
        await letter_acted(pilot)
        assert isinstance(app.screen, GlossaryDialog)
        bar = app.screen.query_one(KeysBar)
        assert [k.description for k in bar.keys if k.description != "palette"] == ["Close"]
        assert bar.region.y == 23  # the bottom line, over the study screen's
