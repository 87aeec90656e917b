"""The command line's parser (argparse): `quiz`'s options and, for each subcommand of
quiz.cli.COMMANDS, the options its module adds.

Built only when there is something to parse: `quiz` alone opens the app without it (quiz.cli.main),
as importing argparse and building the parser took about 4 ms of every start (docs/benchmarks.md).
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys
from collections.abc import Callable, Sequence
from types import ModuleType
from typing import Any, NoReturn

from quiz import __version__
from quiz.cli import COMMANDS, EXIT_USAGE
from quiz.errors import UsageError
from quiz.untrusted import say

_MODULE = {"import": "import_deck"}
"""Subcommands whose module is not named after them (`import` is a Python keyword)."""


class Parser(argparse.ArgumentParser):
    """argparse's parser, whose usage errors suggest the closest option or choice ("did you mean"),
    and which knows its subcommands' parsers by name (`commands`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.commands: dict[str, argparse.ArgumentParser] = {}

    def error(self, message: str) -> NoReturn:
        """Print this command's usage and the message with a suggestion, and exit with status 2.

        The message may quote what was typed or globbed ("unrecognized arguments: x<ESC>]0;...");
        it is said as every message is (quiz.untrusted.say), with control characters made visible."""
        self.print_usage(sys.stderr)
        say(f"{self.prog}: error: {self.suggest(message)}", file=sys.stderr)
        self.exit(EXIT_USAGE)

    def suggest(self, message: str) -> str:
        """The message with "did you mean ..." added where a close option or choice exists."""
        unknown = re.match(r"unrecognized arguments: (\S+)", message)
        if unknown and unknown.group(1).startswith("-"):
            word = unknown.group(1).split("=", 1)[0]
            options = [o for action in self._actions for o in action.option_strings if o.startswith("--")]
            return message + _did_you_mean(word, options)
        choice = re.search(r"invalid choice: '([^']*)' \(choose from (.*)\)", message)
        if choice:
            choices = re.findall(r"'([^']*)'", choice.group(2))
            return message + _did_you_mean(choice.group(1), choices)
        return message


def _did_you_mean(word: str, candidates: list[str]) -> str:
    from quiz.deck.suggest import closest  # only on a mistake

    close = closest(word, candidates)
    return f" (did you mean {close}?)" if close else ""


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


def _data_dir_argument(text: str) -> str:
    """--data-dir's value, refused at parsing (a usage error) when quiz.paths.data_dir refuses it."""
    from quiz.paths import data_dir

    try:
        data_dir(text)
    except UsageError as err:
        raise argparse.ArgumentTypeError(str(err)) from None
    return text


_WHOLE_NUMBER = re.compile(r"[+-]?[0-9]+")


def whole_number(low: int, high: int) -> Callable[[str], int]:
    """An argparse type for an option's number: a whole number from `low` to `high`, written in
    ASCII digits with an optional sign (spaces around it allowed), else a usage error (exit 2)
    giving the range, as git refuses a bad number (`git log -n x`). So a number beyond any
    use (SQLite binds at most 2**63 - 1), 0 or a negative one (SQLite's LIMIT -1 means "all")
    never reaches what reads it."""

    def parse(text: str) -> int:
        from quiz.untrusted import visible

        wanted = f"give a whole number from {low:,} to {high:,}"
        number = text.strip()
        if not _WHOLE_NUMBER.fullmatch(number):
            raise argparse.ArgumentTypeError(f"'{visible(text)}' is not a whole number; {wanted}")
        digits = number.lstrip("+-").lstrip("0")
        if len(digits) > len(str(max(abs(low), abs(high)))) or not low <= int(number) <= high:
            raise argparse.ArgumentTypeError(f"{visible(text)} is out of range; {wanted}")
        return int(number)

    return parse


def _common_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        type=_data_dir_argument,
        help="where history and your own decks are kept (default: $QUIZ_DATA_DIR if set and not empty, "
        "else the platform's user data folder)",
    )


def build_parser(argv: Sequence[str] = ()) -> tuple[Parser, dict[str, ModuleType]]:
    """Build the argument parser: every subcommand for help, only the one named otherwise."""
    parser = Parser(
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
        parser.commands[name] = p
        _common_options(p, suppress=True)
        module.add_arguments(p)
    return parser, modules
