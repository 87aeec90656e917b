"""Open the app from the command line: Home, a study session, or History."""

from __future__ import annotations

import argparse
from pathlib import Path

from quiz.mode import Mode
from quiz.paths import data_dir
from quiz.tui.app import QuizApp, Settings, StudyRequest


def make_app(
    args: argparse.Namespace,
    *,
    study: StudyRequest | None = None,
    history: bool = False,
    deck_paths: list[Path] | None = None,
) -> QuizApp:
    """The app as the command line builds it (tests use the same factory)."""
    settings = Settings(
        data_dir=data_dir(getattr(args, "data_dir", None)), deck_paths=deck_paths, seed=getattr(args, "seed", None)
    )
    return QuizApp(settings, study=study, history=history)


def run_home(args: argparse.Namespace) -> int:
    """`quiz`: the Home screen."""
    return _run(make_app(args))


def run_study(args: argparse.Namespace, path: Path, mode: Mode, count: int | None) -> int:
    """`quiz study DECK`: a session straight away, back to the shell when it ends."""
    return _run(make_app(args, study=StudyRequest(path, mode, count)))


def run_history(args: argparse.Namespace) -> int:
    """`quiz history` in a terminal: the History screen."""
    return _run(make_app(args, history=True))


def _run(app: QuizApp) -> int:
    result = app.run()
    return int(result or app.return_code or 0)
