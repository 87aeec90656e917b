"""Every dialog with a scrolling body keeps a blank line above its hint at every size it can be
drawn (quiz.tui.dialog_fit): the tester saw "Escape closes this help." run into the help's last
line at 40x12, 30x8 and 80x10, below the 16 rows the first fix was tried at (Pilot)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.session import Mode
from quiz.tui.app import StudyRequest
from quiz.tui.screens.dialogs import Dialog, DisclaimerDialog
from tests.tui_helpers import make_app

pytestmark = pytest.mark.slow

WIDTHS = (20, 24, 30, 40, 80, 120)
HEIGHTS = (6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 24, 40)


def gap_problem(dialog: Dialog, size: tuple[int, int]) -> str | None:  # type: ignore[type-arg]
    """What is wrong with the dialog's box at `size`, or None: cut by the window, or no blank line
    between its title or body and its hint."""
    box, hint = dialog.query_one(".dialog"), dialog.query_one(".dialog-hint")
    if size[1] < 2 + hint.region.height + 1 + 1:  # border, hint, blank line, a line of body: the least
        return None  # said in quiz.tui.dialog_fit: a 3-line hint at 20x6 leaves no room for the body
    above = max(w.region.bottom for w in dialog.query(".dialog-title, .dialog-body") if w.display)
    if box.region.bottom > size[1] or box.region.y < 0:
        return f"{size}: the box {box.region} is cut"
    if hint.region.y - above < 1:
        return f"{size}: the hint at row {hint.region.y}, right under row {above - 1}"
    if not dialog.query_one(".dialog-body").region.height:
        return f"{size}: no line of the body is shown"
    return None


@pytest.mark.parametrize("where", ["home", "study", "history", "words", "disclaimer"])
async def test_a_dialog_keeps_a_blank_line_above_its_hint_at_every_size(tmp_path: Path, where: str) -> None:
    from quiz.paths import builtin_decks_dir

    builtin = next(builtin_decks_dir().glob("*.toml"))  # a long disclaimer and sources: the longest help
    study = StudyRequest(builtin, Mode.FLASHCARD) if where in ("study", "words", "disclaimer") else None
    app = make_app([builtin], tmp_path / "data", study=study, history=where == "history")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        if isinstance(app.screen, DisclaimerDialog) and where != "disclaimer":
            await pilot.press("enter")
            await pilot.pause()
        if where in ("home", "study", "history", "words"):
            await pilot.press("g" if where == "words" else "question_mark")
            await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, Dialog)
        problems = []
        for size in [(w, h) for w in WIDTHS for h in HEIGHTS] + [(80, 24), (40, 12), (30, 8), (80, 10)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await pilot.pause()
            problems.append(gap_problem(dialog, size))
        assert "\n".join(p for p in problems if p) == ""


@pytest.mark.parametrize("size", [(40, 12), (30, 8), (80, 10), (20, 6)])
async def test_help_opened_in_a_short_window_keeps_the_blank_line(tmp_path: Path, size: tuple[int, int]) -> None:
    """The tester's sizes, with the help opened there rather than the window made small under it."""
    from quiz.paths import builtin_decks_dir

    builtin = next(builtin_decks_dir().glob("*.toml"))
    app = make_app([builtin], tmp_path / "data")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, Dialog)
        assert gap_problem(dialog, size) is None


def layout(dialog: Dialog) -> list[object]:  # type: ignore[type-arg]
    """Where each part of the dialog is drawn, which scrollbars it shows, and what it says."""
    return [(type(w).__name__, tuple(w.region), w.scrollbars_enabled) for w in dialog.query("*")] + [
        line.text
        for line in dialog._compositor.render_strips()  # the text as drawn (private: pinned 8.2.8)
    ]


def layout_problem(dialog: Dialog, whole: list[object], size: tuple[int, int]) -> str | None:  # type: ignore[type-arg]
    after = layout(dialog)
    if after == whole:
        return None
    changed = [f"  {a} -> {b}" for a, b in zip(whole, after, strict=False) if a != b][:3]
    return f"{type(dialog).__name__} back at 80x24 after {size}:\n" + "\n".join(changed)


def hidden_text(dialog: Dialog, size: tuple[int, int]) -> str | None:  # type: ignore[type-arg]
    """A body whose text runs past it with no scrollbar to say so, or None."""
    bodies = dialog.query(".dialog-body")
    body = bodies.first() if bodies else None
    if body is not None and body.virtual_size.height > body.region.height and not body.scrollbars_enabled[0]:
        rows = f"{body.virtual_size.height} rows in {body.region.height}"
        return f"{type(dialog).__name__} at {size}: {rows}, no scrollbar"
    return None


OPENINGS = {  # how each dialog is opened: the study mode (None: Home), History or not, and the keys
    "help on Home": (None, False, ["question_mark"]),
    "study choices": (None, False, ["enter"]),
    "visit date": (None, False, ["v"]),
    "deck filter": (None, True, ["f"]),
    "disclaimer": (Mode.MULTIPLE_CHOICE, False, []),
    "help in a session": (Mode.MULTIPLE_CHOICE, False, ["enter", "question_mark"]),
    "words, multiple choice": (Mode.MULTIPLE_CHOICE, False, ["enter", "g"]),
    "words, typed": (Mode.TYPED, False, ["enter", "f2"]),
    "words, flashcard": (Mode.FLASHCARD, False, ["enter", "g"]),
}


@pytest.mark.parametrize("opening", OPENINGS)
async def test_every_dialog_is_whole_again_at_80x24_after_any_resize(tmp_path: Path, opening: str) -> None:
    """A tester made the window 80x10 (or 10x8, 40x12) under Words to know and back to 80x24: the
    body stayed narrower, with a scrollbar, and its last words were cut off (a scrollbar the small
    window needed stayed, so the text wrapped narrower than the box was sized for)."""
    from quiz.paths import builtin_decks_dir

    builtin = next(builtin_decks_dir().glob("*.toml"))  # glossary words on its first questions
    mode, history, keys = OPENINGS[opening]
    study = StudyRequest(builtin, mode) if mode else None
    problems = []
    for size in [(80, 10), (10, 8), (40, 12), (30, 8), (120, 40)]:
        app = make_app([builtin], tmp_path / "data", study=study, history=history)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            for key in keys:
                await pilot.press(key)
                await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, Dialog), opening
            whole = layout(dialog)
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await pilot.pause()
            problems.append(hidden_text(dialog, size))
            await pilot.resize_terminal(80, 24)
            await pilot.pause()
            await pilot.pause()
            problems.append(layout_problem(dialog, whole, size))
    assert "\n".join(p for p in problems if p) == ""


async def test_the_store_problem_dialog_is_whole_again_after_a_resize(tmp_path: Path) -> None:
    from quiz.store import DamagedDatabase
    from quiz.tui.screens.dialogs import StoreProblemDialog
    from tests.tui_helpers import write_deck

    deck = write_deck(tmp_path / "decks")
    err = DamagedDatabase(tmp_path / "history.db", tmp_path / "history.damaged.db", "file is not a database")
    app = make_app([deck], tmp_path / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.push_screen(StoreProblemDialog(err))
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, StoreProblemDialog)
        whole = layout(dialog)
        await pilot.resize_terminal(10, 8)
        await pilot.pause()
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        assert layout_problem(dialog, whole, (10, 8)) is None
