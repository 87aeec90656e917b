"""Key to feedback: from the key that answers a multiple-choice question to the feedback painted.

Both apps run headless in this process, driven by Textual's Pilot at 80x24. One press is timed
from `pilot.press("1")` until `pilot.pause()` returns: the key has been handled (for quiz: the
answer recorded durably in the history, at 1M answers) and the screen refreshed. Then Enter moves
on, untimed. The baseline is the least a Textual app does for the same press: a Static updated
by a key binding.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path


async def _time_presses(app, presses: int, *, ready, answered) -> list[float]:  # type: ignore[no-untyped-def]
    """Seconds from each "1" to its screen painted; `ready(app)` / `answered(app)` say where it is."""
    times = []
    async with app.run_test(headless=True, size=(80, 24)) as pilot:
        await pilot.pause()
        for _ in range(10):  # the disclaimer of a deck's first session, if any
            if ready(app):
                break
            await pilot.press("enter")
            await pilot.pause()
        for _ in range(presses):
            if not ready(app):
                raise RuntimeError(f"bench.feedback: {type(app.screen).__name__} is not asking a question")
            start = time.perf_counter()
            await pilot.press("1")
            await pilot.pause()
            times.append(time.perf_counter() - start)
            if not answered(app):
                raise RuntimeError("bench.feedback: the key press did not answer the question")
            await pilot.press("enter")
            await pilot.pause()
    return times


def quiz_presses(data_dir: Path, deck: Path, presses: int) -> list[float]:
    """Key-to-feedback times of quiz's study screen on `deck`, the history in `data_dir`."""
    from quiz.certainty import AskCertainty
    from quiz.mode import Mode
    from quiz.study import Phase
    from quiz.tui.app import QuizApp, Settings, StudyRequest
    from quiz.tui.screens.study import StudyScreen

    settings = Settings(data_dir=data_dir, deck_paths=[deck], seed=1, fuzz=False, blink=False, settle=0.0)
    app = QuizApp(settings, study=StudyRequest(deck, Mode.MULTIPLE_CHOICE, count=presses + 1))
    app.ask_certainty = AskCertainty.OFF  # one key answers (how sure is asked of must-know facts)

    def phase(a: QuizApp) -> Phase | None:
        return a.screen.run.phase if isinstance(a.screen, StudyScreen) else None

    return asyncio.run(
        _time_presses(
            app,
            presses,
            ready=lambda a: phase(a) is Phase.ASKING,
            answered=lambda a: phase(a) is Phase.ANSWERED,
        )
    )


def baseline_presses(presses: int) -> list[float]:
    """The same presses on a Textual app whose "1" updates a Static and Enter puts it back."""
    from textual.app import App, ComposeResult
    from textual.binding import Binding
    from textual.widgets import Static

    class Minimal(App[int]):
        BINDINGS = [Binding("1", "answer", "Answer"), Binding("enter", "next", "Next")]
        shown = "asking"

        def compose(self) -> ComposeResult:
            yield Static("Question 1: press 1", id="text")

        def action_answer(self) -> None:
            self.shown = "answered"
            self.query_one("#text", Static).update("Right. Enter goes on.")

        def action_next(self) -> None:
            self.shown = "asking"
            self.query_one("#text", Static).update("Question: press 1")

    app = Minimal()
    return asyncio.run(
        _time_presses(app, presses, ready=lambda a: a.shown == "asking", answered=lambda a: a.shown == "answered")
    )
