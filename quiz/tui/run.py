"""Open the app from the command line: Home, a study session, or History.

The app's modules (Textual, the screens) are imported by `make_app`, not with this module: `_run`
holds the garbage collector back first (quiz.tui.collector), so that importing them does not set
off collections that walk what they make again and again.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quiz.cli import EXIT_USAGE
from quiz.mode import Mode
from quiz.paths import data_dir
from quiz.preferences import config_dir
from quiz.tui.collector import collect_as_usual, collect_less_while_starting, freeze_what_lives

if TYPE_CHECKING:
    import argparse

    from quiz.tui.app import QuizApp, StudyRequest


def make_app(
    args: argparse.Namespace | None,
    *,
    study: StudyRequest | None = None,
    history: bool = False,
    deck_paths: list[Path] | None = None,
) -> QuizApp:
    """The app as the command line builds it (tests use the same factory); `args` None is `quiz`
    alone, which parses nothing (quiz.cli.main): every setting its default."""
    from quiz.tui.app import QuizApp, Settings

    settings = Settings(
        data_dir=data_dir(getattr(args, "data_dir", None)),
        deck_paths=deck_paths,
        seed=getattr(args, "seed", None),
        config_dir=config_dir(),
    )
    return QuizApp(settings, study=study, history=history)


def run_home(args: argparse.Namespace | None) -> int:
    """`quiz`: the Home screen."""
    return _run(args)


def run_study(args: argparse.Namespace, path: Path, mode: Mode, count: int | None) -> int:
    """`quiz study DECK`: a session straight away, back to the shell when it ends."""
    return _run(args, study=(path, mode, count))


def run_history(args: argparse.Namespace) -> int:
    """`quiz history` in a terminal: the History screen."""
    return _run(args, history=True)


NO_TERMINAL = (
    "quiz: the app needs a terminal to draw in, and {which} not one. "
    "Without a terminal, use `quiz decks`, `quiz check`, `quiz preview DECK` or `quiz history --plain`."
)


def no_terminal() -> str | None:
    """Why the app cannot run here (NO_TERMINAL: stdin or stdout is not a terminal), or None. A
    command that opens the app asks before it changes anything (`quiz study --by`)."""
    missing = [
        name
        for name, stream in (("standard input", sys.stdin), ("standard output", sys.stdout))
        if stream is None or not stream.isatty()
    ]
    if not missing:
        return None
    return NO_TERMINAL.format(which=" and ".join(missing) + (" are" if len(missing) > 1 else " is"))


def _run(
    args: argparse.Namespace | None, *, study: tuple[Path, Mode, int | None] | None = None, history: bool = False
) -> int:
    """Build and run the app (a session on `study`: deck file, mode, count; or History), or refuse
    at once (exit 2) when stdin or stdout is not a terminal: Textual would otherwise wait forever
    for keys that never come, writing escape codes into a file."""
    refused = no_terminal()
    if refused:
        print(refused, file=sys.stderr)
        return EXIT_USAGE
    collect_less_while_starting()  # before make_app imports the app's modules (run_app gives it back)
    from quiz.tui.services import StudyRequest

    app = make_app(args, study=StudyRequest(*study) if study else None, history=history)
    return exit_status(app, run_app(app))


def exit_status(app: QuizApp, result: int | None) -> int:
    """The exit status of `quiz` once `app` has closed (`result`: what App.run returned): the app's
    own, or 1 when answers the history was locked against were never saved (HistoryKeeping.lost_answers),
    which are then named on stderr, in the shell, where the message stays to be read."""
    status = int(result or app.return_code or 0)
    if app.lost_answers:
        print(app.lost_answers, file=sys.stderr)
        return status or 1
    return status


def run_app(app: QuizApp, **options: Any) -> int | None:
    """Run the app (Textual's App.run with `options`) the way every command does.

    Everything imported so far lives as long as the process does: gc.freeze() moves it out of the
    collector's generations, so the collections that building the screens sets off would scan only
    new objects; and until the first frame there are none at all. `quiz` holds the collector back
    before the app's modules are imported, too (_run). quiz.tui.collector says why, and why only
    until the first frame.
    """
    freeze_what_lives()
    collect_less_while_starting()
    try:
        return app.run(**options)
    finally:
        collect_as_usual()  # the app ended before its first frame: an error, or a test
