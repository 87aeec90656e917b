"""Snapshots of each screen at 80x24, with a seeded shuffle, a frozen clock and no cursor blink.

Review a changed snapshot (snapshot_report.html) before accepting it with --snapshot-update.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from quiz.session import Mode
from quiz.store import Store
from quiz.study import Phase
from quiz.tui.app import StudyRequest
from quiz.tui.screens.study import StudyScreen
from tests.tui_helpers import DECK, FROZEN, make_app, write_deck

pytestmark = pytest.mark.slow  # the whole app, screen by screen

SIZE = (80, 24)


@pytest.fixture
def deck(tmp_path: Path) -> Path:
    return write_deck(tmp_path / "decks")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


def studied(data: Path) -> Path:
    """A history with one finished session, so the disclaimer is not shown again."""
    with Store.open(data, backup=False) as store:
        sid = store.start_session("kidney-care", "multiple-choice", "1.0.0", now=FROZEN)
        store.record_answer(
            sid, "kidney-care", "salt-limit", kind="multiple_choice", response="Plain rice", correct=False, now=FROZEN
        )
        store.record_answer(
            sid, "kidney-care", "water-glasses", kind="multiple_choice", response="8", correct=True, now=FROZEN
        )
        store.finish_session(sid, now=FROZEN)
    return data


def test_home(snap_compare, deck: Path, data: Path) -> None:
    assert snap_compare(make_app([deck], data), terminal_size=SIZE)


def test_home_with_a_broken_deck(snap_compare, deck: Path, data: Path, tmp_path: Path) -> None:
    broken = write_deck(tmp_path / "decks", DECK.replace('distractors = ["2"', 'distractor = ["2"'), "broken.toml")
    assert snap_compare(make_app([broken, deck], data), terminal_size=SIZE)


def test_mode_dialog(snap_compare, deck: Path, data: Path) -> None:
    assert snap_compare(make_app([deck], data), terminal_size=SIZE, press=["enter"])


def test_disclaimer_before_the_first_session(snap_compare, deck: Path, data: Path) -> None:
    assert snap_compare(make_app([deck], data), terminal_size=SIZE, press=["enter", "2"])


def test_multiple_choice_question(snap_compare, deck: Path, data: Path) -> None:
    app = make_app([deck], studied(data), study=StudyRequest(deck, Mode.MULTIPLE_CHOICE))
    assert snap_compare(app, terminal_size=SIZE)


def test_multiple_choice_feedback_wrong(snap_compare, deck: Path, data: Path) -> None:
    app = make_app([deck], studied(data), study=StudyRequest(deck, Mode.MULTIPLE_CHOICE))

    async def answer_wrong(pilot) -> None:
        q = pilot.app.screen.run.session.current
        await pilot.press(str((q.correct_index + 1) % 4 + 1))

    assert snap_compare(app, terminal_size=SIZE, run_before=answer_wrong)


def test_flashcard_back(snap_compare, deck: Path, data: Path) -> None:
    app = make_app([deck], studied(data), study=StudyRequest(deck, Mode.FLASHCARD))
    assert snap_compare(app, terminal_size=SIZE, press=["space"])


def test_typed_feedback(snap_compare, deck: Path, data: Path) -> None:
    app = make_app([deck], studied(data), study=StudyRequest(deck, Mode.TYPED))
    assert snap_compare(app, terminal_size=SIZE, press=[*"eihgt", "enter"])


def test_summary(snap_compare, deck: Path, data: Path) -> None:
    app = make_app([deck], studied(data), study=StudyRequest(deck, Mode.MULTIPLE_CHOICE))

    async def answer_all(pilot) -> None:
        first = True
        while isinstance(pilot.app.screen, StudyScreen):
            q = pilot.app.screen.run.question
            wrong = (q.correct_index + 1) % 4
            await pilot.press(str((wrong if first else q.correct_index) + 1), "enter")
            first = False

    assert snap_compare(app, terminal_size=SIZE, run_before=answer_all)


def test_history(snap_compare, deck: Path, data: Path) -> None:
    assert snap_compare(make_app([deck], studied(data), history=True), terminal_size=SIZE)


def history_of_a_week(data: Path) -> Path:
    """Five sessions over the week before FROZEN: misses on one fact (the Weakest tab), answers
    with certainty (Progress), one session left early, and reviews falling due (Due)."""
    plan = [  # days before FROZEN, then (fact, right, how sure) for each answer
        (6, [("salt-limit", False, 3), ("water-glasses", True, 2), ("dialysis-purpose", True, 1)]),
        (4, [("salt-limit", False, 2), ("water-glasses", True, 3), ("dialysis-purpose", False, 1)]),
        (3, [("salt-limit", True, 1)]),
        (1, [("salt-limit", False, 3), ("water-glasses", True, 3), ("dialysis-purpose", True, 2)]),
        (0, [("salt-limit", True, 2), ("water-glasses", True, 3)]),
    ]
    with Store.open(data, backup=False) as store:
        for days_before, answers in plan:
            when = FROZEN - timedelta(days=days_before, hours=2)
            sid = store.start_session("kidney-care", "multiple-choice", "1.0.0", now=when)
            for i, (fact, right, sure) in enumerate(answers):
                store.record_answer(
                    sid,
                    "kidney-care",
                    fact,
                    kind="multiple_choice",
                    response="x",
                    correct=right,
                    certainty=sure,
                    now=when + timedelta(minutes=i),
                )
            store.finish_session(sid, ended_early=days_before == 3, now=when + timedelta(minutes=len(answers)))
    return data


@pytest.mark.parametrize("tab", ["1", "2", "3", "4"], ids=["sessions", "progress", "weakest", "due"])
def test_history_tab(snap_compare, deck: Path, data: Path, tab: str) -> None:
    app = make_app([deck], history_of_a_week(data), history=True)
    assert snap_compare(app, terminal_size=SIZE, press=[tab])


def test_damaged_history_dialog(snap_compare, deck: Path, data: Path) -> None:
    """The dialog as the app shows it when the history cannot be read; the paths are fixed ones, as
    the real ones hold the test's temporary folder and the time the file was set aside."""
    from quiz.store import DamagedDatabase
    from quiz.tui.screens.dialogs import StoreProblemDialog

    folder = Path("/home/pat/.local/share/quiz")
    err = DamagedDatabase(
        folder / "history.db", folder / "history.damaged-20261127T150000Z.db", "file is not a database"
    )

    async def show(pilot) -> None:
        await pilot.app.push_screen(StoreProblemDialog(err))

    assert snap_compare(make_app([deck], data), terminal_size=SIZE, run_before=show)


def test_help(snap_compare, deck: Path, data: Path) -> None:
    app = make_app([deck], studied(data), study=StudyRequest(deck, Mode.MULTIPLE_CHOICE))
    assert snap_compare(app, terminal_size=SIZE, press=["question_mark"])


def test_glossary(snap_compare, deck: Path, data: Path) -> None:
    app = make_app([deck], studied(data), study=StudyRequest(deck, Mode.FLASHCARD))

    async def to_dialysis(pilot) -> None:
        while pilot.app.screen.run.question.fact_id != "dialysis-purpose":
            await pilot.press("space", "3", "enter")
        await pilot.press("g")

    assert snap_compare(app, terminal_size=SIZE, run_before=to_dialysis)


def test_the_longest_built_in_feedback(snap_compare, data: Path) -> None:
    """The built-in deck's longest multiple-choice feedback, answered wrong, whole at 80x24."""
    from quiz.deck.discover import discover

    [found] = [f for f in discover(data) if f.builtin]
    deck = found.deck

    def size(fact) -> int:
        return len(fact.question) + len(fact.answer) + len(fact.explanation) + max(map(len, fact.distractors or ("",)))

    longest = max((f for f in deck.facts if len(f.distractors) >= 3), key=size)
    app = make_app([found.path], data, study=StudyRequest(found.path, Mode.MULTIPLE_CHOICE, len(deck.facts)))

    async def to_longest(pilot) -> None:
        await pilot.press("enter")  # the disclaimer
        screen = pilot.app.screen
        while screen.run.question.fact_id != longest.id:
            await pilot.press("1")
            if screen.run.phase is Phase.CERTAINTY:  # must-know facts ask how sure
                await pilot.press("2")
            await pilot.press("enter")
        q = screen.run.question
        await pilot.press(str((q.correct_index + 1) % len(q.options) + 1))
        if screen.run.phase is Phase.CERTAINTY:
            await pilot.press("3")

    assert snap_compare(app, terminal_size=SIZE, run_before=to_longest)
