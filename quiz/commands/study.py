"""`quiz study DECK`: open a study session directly and return to the shell when it ends."""

from __future__ import annotations

import argparse

HELP = "study a deck now (multiple choice, flashcards, typed answers, a mix, or what is due)"
MODES = ("multiple-choice", "flashcard", "typed", "mixed", "due")


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("deck", metavar="DECK", help="a deck file, or the id of a deck `quiz decks` lists")
    parser.add_argument("--mode", choices=MODES, default="mixed", help="how to ask (default: mixed)")
    parser.add_argument("--count", type=_positive, metavar="N", help="how many questions (default: 10)")
    parser.add_argument("--seed", type=int, metavar="N", help="fix the order and options, to repeat a session")


def run(args: argparse.Namespace) -> int:
    from quiz.deck.discover import resolve_deck
    from quiz.deck.errors import DeckError
    from quiz.deck.load import load_deck
    from quiz.mode import Mode
    from quiz.paths import data_dir

    path = resolve_deck(args.deck, data_dir(args.data_dir))
    try:
        load_deck(path)
    except DeckError as err:
        for problem in err.problems:
            print(problem)
        return 1
    from quiz.tui.run import run_study

    return run_study(args, path, Mode(args.mode), args.count)
