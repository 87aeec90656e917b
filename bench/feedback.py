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


async def _time_presses(app, presses: int, *, ready, answered, past) -> list[float]:  # type: ignore[no-untyped-def]
    """Seconds from each "1" to its screen painted. `ready(app)`: a multiple-choice question is
    being asked; `answered(app)`: its feedback is shown; `past(app)`: the keys that get past
    whatever else is on screen (a disclaimer, or a question of another kind), untimed."""
    times: list[float] = []
    async with app.run_test(headless=True, size=(80, 24)) as pilot:
        await pilot.pause()
        for _ in range(presses * 10):
            if len(times) == presses:
                return times
            if not ready(app):
                await pilot.press(*past(app))
                await pilot.pause()
                continue
            start = time.perf_counter()
            await pilot.press("1")
            await pilot.pause()
            times.append(time.perf_counter() - start)
            if not answered(app):
                raise RuntimeError(f"bench.feedback: key press {len(times)} did not answer the question")
    raise RuntimeError(f"bench.feedback: only {len(times)} multiple-choice questions were asked")


def quiz_presses(data_dir: Path, deck: Path, presses: int) -> list[float]:
    """Key-to-feedback times of quiz's study screen on `deck`, the history in `data_dir`."""
    from quiz.certainty import AskCertainty
    from quiz.mode import Mode
    from quiz.study import Phase
    from quiz.tui.app import QuizApp, Settings, StudyRequest
    from quiz.tui.screens.study import StudyScreen

    settings = Settings(data_dir=data_dir, deck_paths=[deck], seed=1, fuzz=False, blink=False, settle=0.0)
    app = QuizApp(settings, study=StudyRequest(deck, Mode.MULTIPLE_CHOICE, count=presses * 3))
    app.ask_certainty = AskCertainty.OFF  # one key answers (how sure is asked of must-know facts)

    def phase(a: QuizApp) -> Phase | None:
        return a.screen.run.phase if isinstance(a.screen, StudyScreen) else None

    def asking_a_choice(a: QuizApp) -> bool:
        screen = a.screen
        if not isinstance(screen, StudyScreen) or screen.run.question is None:
            return False
        family = min(len(screen.run.question.options), 4)  # the answer keys of this many options
        return screen.check_action("pick", (1, family)) is True

    def past(a: QuizApp) -> list[str]:
        """Past a disclaimer (Enter), a flashcard (show, grade Good) or a typed question (show)."""
        keys = {Phase.ASKING: ["space", "f3"], Phase.REVEALED: ["3"], Phase.CERTAINTY: ["1"]}
        return keys.get(phase(a), ["enter"])  # type: ignore[arg-type]

    return asyncio.run(
        _time_presses(
            app,
            presses,
            ready=asking_a_choice,
            answered=lambda a: phase(a) is Phase.ANSWERED,
            past=past,
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
        _time_presses(
            app,
            presses,
            ready=lambda a: a.shown == "asking",
            answered=lambda a: a.shown == "answered",
            past=lambda a: ["enter"],
        )
    )
