"""The `quiz` command line: one module per subcommand in quiz.commands, listed in COMMANDS.

Each command module defines HELP (one line), add_arguments(parser) and run(args) -> exit code,
and keeps its heavy imports inside run(). Only the module of the command being run is imported,
so that `quiz check` starts fast.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from types import ModuleType

from quiz import __version__
from quiz.errors import QuizError
from quiz.untrusted import say

EXIT_OK, EXIT_PROBLEM = 0, 1


COMMANDS = ("study", "decks", "check", "new", "preview", "import", "export", "history")
"""Every subcommand, in the order `quiz --help` lists them."""

_MODULE = {"import": "import_deck"}

HISTORY_COMMANDS = (None, "study", "history")
"""The commands that open the score history (None: the app)."""


def _command_module(name: str) -> ModuleType:
    return importlib.import_module(f"quiz.commands.{_MODULE.get(name, name)}")


def _command_modules(argv: Sequence[str]) -> dict[str, ModuleType]:
    """The modules the parser needs: the command asked for, all of them for help or a typo, else none."""
    words = iter(argv)
    for word in words:
        if word == "--data-dir":
            next(words, None)
        elif word in COMMANDS:
            return {word: _command_module(word)}
        elif not word.startswith("-") or word in ("-h", "--help"):
            return {name: _command_module(name) for name in COMMANDS}
    return {}  # `quiz` alone opens the app: no command module is needed


def _common_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help="where history and your own decks are kept (default: $QUIZ_DATA_DIR or the platform's user data folder)",
    )


def build_parser(argv: Sequence[str] = ()) -> tuple[argparse.ArgumentParser, dict[str, ModuleType]]:
    """Build the argument parser: every subcommand for help, only the one named otherwise."""
    parser = argparse.ArgumentParser(
        prog="quiz",
        description="Learn about a disease and its treatment with quizzes and flashcards. "
        "With no command, quiz opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"quiz {__version__}")
    _common_options(parser, suppress=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    modules = _command_modules(list(argv))
    for name, module in modules.items():
        p = sub.add_parser(name, help=module.HELP, description=module.HELP)
        _common_options(p, suppress=True)
        module.add_arguments(p)
    return parser, modules


def _open_app(args: argparse.Namespace) -> int:
    """`quiz` with no command: the app's Home screen."""
    from quiz.tui.run import run_home

    return run_home(args)


def _check_data_dir(args: argparse.Namespace) -> None:
    """Refuse a data folder that is a file; warn when other users can read the folder."""
    from quiz.paths import data_dir, others_can_read, refuse_non_folder

    root = data_dir(args.data_dir)
    refuse_non_folder(root)
    if root.is_dir() and others_can_read(root):
        say(
            f"quiz: warning: other users can open the data folder {root}; your answers stay readable "
            f"by you alone, but to keep their file names private too run: chmod 700 '{root}'",
            file=sys.stderr,
        )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit code; errors are printed, never raised."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser, modules = build_parser(argv)
    args = parser.parse_args(argv)
    try:
        if args.command in HISTORY_COMMANDS:
            _check_data_dir(args)
        if args.command is None:
            return _open_app(args)
        return int(modules[args.command].run(args))
    except QuizError as err:
        say(f"quiz: {err}", file=sys.stderr)
        return EXIT_PROBLEM
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except OSError as err:
        where = f": {err.filename}" if err.filename else ""
        say(f"quiz: {err.strerror or err}{where}", file=sys.stderr)
        return EXIT_PROBLEM
    except Exception as err:  # last resort: never show a person a traceback
        if os.environ.get("QUIZ_DEBUG"):
            raise
        say(
            f"quiz: unexpected error ({type(err).__name__}); nothing was lost. "
            "Set QUIZ_DEBUG=1 to see the details when reporting it.",
            file=sys.stderr,
        )
        return EXIT_PROBLEM
