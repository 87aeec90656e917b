"""The `quiz` command line: one module per subcommand in quiz.commands, listed in COMMANDS.

Each command module defines HELP (one line), add_arguments(parser) and run(args) -> exit code,
and keeps its heavy imports inside run(). Only the module of the command being run is imported,
so that `quiz check` starts fast; quiz.arguments builds the parser, and `quiz` alone, which has
nothing to parse, opens the app without it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import TYPE_CHECKING

from quiz.errors import QuizError, UsageError
from quiz.untrusted import say

if TYPE_CHECKING:
    import argparse

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE = 0, 1, 2


COMMANDS = ("study", "decks", "check", "new", "preview", "import", "export", "history")
"""Every subcommand, in the order `quiz --help` lists them."""

HISTORY_COMMANDS = (None, "study", "history")
"""The commands that open the score history (None: the app)."""


def _open_app(args: argparse.Namespace | None) -> int:
    """`quiz` with no command: the app's Home screen (`args` None: `quiz` alone, nothing parsed)."""
    from quiz.tui.run import run_home

    return run_home(args)


def _check_data_dir(given: str | None) -> None:
    """Refuse a data folder that is a file; warn when other users can read the folder. `given`:
    --data-dir's value, if any."""
    from quiz.paths import data_dir, on_read_only_disk, others_can_read, refuse_non_folder

    root = data_dir(given)
    refuse_non_folder(root)
    if root.is_dir() and others_can_read(root):
        private = (  # chmod cannot change a folder on a read-only disk or mount
            f"run: chmod 700 '{root}'"
            if not on_read_only_disk(root)
            else "copy it to a folder only you can open and use that (--data-dir DIR); it is read-only here"
        )
        say(
            f"quiz: warning: other users can open the data folder {root}; your answers stay readable "
            f"by you alone, but to keep their file names private too {private}",
            file=sys.stderr,
        )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit code; errors are printed, never raised.

    `quiz` alone opens the app without building the parser (there is nothing to parse): argparse
    and the parser took about 4 ms of every start of the app (docs/benchmarks.md).
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv:
        return _run(None, None, None)
    from quiz.arguments import build_parser

    parser, modules = build_parser(argv)
    try:
        args, extra = parser.parse_known_args(argv)
        command = parser.commands.get(args.command, parser)
        if extra:
            command.error(f"unrecognized arguments: {' '.join(extra)}")
    except SystemExit as done:
        return int(done.code or 0)
    return _run(args, modules.get(args.command), command)


def _settle_time_zone() -> None:
    """Fall back to UTC, with a note, when the system's time zone cannot be used (quiz.time_zone)."""
    from quiz.time_zone import settle_time_zone

    note = settle_time_zone()
    if note is not None:
        say(f"quiz: note: {note}", file=sys.stderr)


def _run(args: argparse.Namespace | None, module: ModuleType | None, command: argparse.ArgumentParser | None) -> int:
    """Run `module`'s command, or the app when None, with `args` (None: `quiz` alone, not parsed), its
    errors said in words, a usage error with the usage of `command` (its parser), never a traceback."""
    try:
        _settle_time_zone()
        if getattr(args, "command", None) in HISTORY_COMMANDS:
            _check_data_dir(getattr(args, "data_dir", None))
        if module is None:
            return _open_app(args)
        return int(module.run(args))
    except UsageError as err:
        if command is None:  # `quiz` alone: its usage is the parser's with no arguments
            from quiz.arguments import build_parser

            command = build_parser()[0]
        command.print_usage(sys.stderr)
        say(f"{command.prog}: error: {err}", file=sys.stderr)
        return EXIT_USAGE
    except QuizError as err:
        say(f"quiz: {err}", file=sys.stderr)
        return EXIT_PROBLEM
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except OSError as err:
        from quiz.paths import current_folder_gone, gone_folder_message

        name = os.fsdecode(err.filename) if err.filename else None
        if isinstance(err, FileNotFoundError) and not os.path.isabs(name or "") and current_folder_gone():
            say(f"quiz: {gone_folder_message(name)}", file=sys.stderr)  # a relative path, from no folder
            return EXIT_PROBLEM
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
