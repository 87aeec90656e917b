"""Run an app headless until its first screen is mounted and idle, then exit (one measurement).

When the first screen is idle (`ui_idle`: every message handled, the UI thread no longer working,
whatever a worker thread may still be doing) the runner writes `IDLE_MARK` and the time
(time.monotonic, one clock for every process on the machine) to stderr, so that start-up is timed
from spawn to idle and not to the end of the process: shutting the app down is no part of it. With `EXIT_AT_IDLE`
set in its environment it then ends the process at once (os._exit), so that a count of the
instructions it ran (bench.measure.instructions) also stops at idle.

`python -m bench.app_runner quiz` builds the app the way `quiz` alone does (quiz.cli.main: no
arguments, so no parser; then quiz.tui.run: the garbage collector held back, then make_app);
`python -m bench.app_runner minimal` runs the baseline, a Textual app that mounts one Static. Both
exit through the same auto-pilot.
"""

from __future__ import annotations

import asyncio
import os
import sys
import time

_FIRST_SCREEN = ""
IDLE_MARK = "bench.app_runner idle at"
EXIT_AT_IDLE = "BENCH_EXIT_AT_IDLE"


UI_IDLE_CPU = 1 / 1000
"""Seconds of the UI thread's CPU time in one 20 ms slice below which it counts as idle (the
threshold Textual's own wait_for_idle uses for the whole process)."""


async def ui_idle(pilot, longest: float = 1.0) -> None:  # type: ignore[no-untyped-def]
    """Wait until every pending message has been handled and the UI thread has stopped working.

    Textual's `pilot.pause()` waits until the whole *process* uses little CPU, so a worker thread
    still checking a large deck would count as the screen being busy, although the screen is drawn
    and answers keys. This is the same test on the UI thread's own CPU time (time.thread_time),
    used for quiz and its baselines alike; `longest` caps the wait, as Textual's does.
    """
    await pilot.pause(0)  # every message handled (and a slice given up)
    start = time.monotonic()
    while time.monotonic() - start < longest:
        cpu = time.thread_time()
        await asyncio.sleep(1 / 50)
        if time.thread_time() - cpu < UI_IDLE_CPU:
            break
    await pilot.pause(0)


async def _exit_when_idle(pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait until every pending message has been handled and the UI thread is idle, then exit."""
    await ui_idle(pilot)
    print(IDLE_MARK, repr(time.monotonic()), file=sys.stderr, flush=True)
    if os.environ.get(EXIT_AT_IDLE):
        os._exit(0)
    global _FIRST_SCREEN
    _FIRST_SCREEN = type(pilot.app.screen).__name__
    pilot.app.exit(0)


def _quiz_app():  # type: ignore[no-untyped-def]
    from quiz.tui.run import make_app

    return make_app(None)  # `quiz` alone: nothing to parse (quiz.cli.main)


def _minimal_app():  # type: ignore[no-untyped-def]
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Minimal(App[int]):
        def compose(self) -> ComposeResult:
            yield Static("Hello")

    return Minimal()


def main(which: str) -> int:
    options = {"headless": True, "size": (80, 24), "auto_pilot": _exit_when_idle}
    if which == "quiz":
        from quiz.tui.collector import collect_less_while_starting
        from quiz.tui.run import run_app

        collect_less_while_starting()  # as `quiz` does before it imports the app's modules (quiz.tui.run._run)
        app = _quiz_app()
        run_app(app, **options)
    else:
        app = _minimal_app()
        app.run(**options)
    if which == "quiz" and _FIRST_SCREEN != "HomeScreen":
        print(f"bench.app_runner: the app showed {_FIRST_SCREEN or 'nothing'}, not Home", file=sys.stderr)
        return 1
    return int(app.return_code or 0)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
