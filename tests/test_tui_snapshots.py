"""Snapshots of each screen at 80x24, with a seeded shuffle, a frozen clock and no cursor blink.

Review a changed snapshot (snapshot_report.html) before accepting it with --snapshot-update.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.session import Mode
from quiz.store import Store
from quiz.study import Phase
from quiz.tui.app import StudyRequest
from quiz.tui.screens.study import StudyScreen
from tests.tui_helpers import DECK, FROZEN, make_app, write_deck

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
    broken = write_deck(tmp_path / "decks", DECK.replace("distractors = [\"2\"", "distractor = [\"2\""), "broken.toml")
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
