"""Run an app headless until its first screen is mounted and idle, then exit (one measurement).

When the first screen is idle the runner writes `IDLE_MARK` and the time (time.monotonic, one clock
for every process on the machine) to stderr, so that start-up is timed from spawn to idle and not
to the end of the process: shutting the app down is no part of starting it. With `EXIT_AT_IDLE`
set in its environment it then ends the process at once (os._exit), so that a count of the
instructions it ran (bench.measure.instructions) also stops at idle.

`python -m bench.app_runner quiz` builds the app the way the command line does (every
subcommand's parser, then quiz.tui.run.make_app); `python -m bench.app_runner minimal` runs the
baseline, a Textual app that mounts one Static. Both exit through the same auto-pilot.
"""

from __future__ import annotations

import os
import sys
import time

_FIRST_SCREEN = ""
IDLE_MARK = "bench.app_runner idle at"
EXIT_AT_IDLE = "BENCH_EXIT_AT_IDLE"


async def _exit_when_idle(pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait until every pending message has been handled and the screen refreshed, then exit."""
    await pilot.pause()
    print(IDLE_MARK, repr(time.monotonic()), file=sys.stderr, flush=True)
    if os.environ.get(EXIT_AT_IDLE):
        os._exit(0)
    global _FIRST_SCREEN
    _FIRST_SCREEN = type(pilot.app.screen).__name__
    pilot.app.exit(0)


def _quiz_app():  # type: ignore[no-untyped-def]
    from quiz.cli import build_parser
    from quiz.tui.run import make_app

    parser, _ = build_parser()
    app = make_app(parser.parse_args([]))
    return app


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
        from quiz.tui.run import run_app

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
