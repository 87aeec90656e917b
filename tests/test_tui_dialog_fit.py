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
