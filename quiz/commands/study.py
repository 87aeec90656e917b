"""`quiz study DECK`: open a study session directly and return to the shell when it ends."""

from __future__ import annotations

import argparse

from quiz.commands._deck import choice_word, deck_or_problems

HELP = "study a deck now (multiple choice, flashcards, typed answers, a mix, or what is due)"
MODES = ("multiple-choice", "flashcard", "typed", "mixed", "due")


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("deck", metavar="DECK", help="a deck file, or the id of a deck `quiz decks` lists")
    parser.add_argument(
        "--mode",
        type=choice_word,
        choices=MODES,
        default="mixed",
        help="how to ask: multiple-choice, flashcard, typed, mixed (the default) or due",
    )
    parser.add_argument("--count", type=_positive, metavar="N", help="how many questions (default: 10)")
    parser.add_argument(
        "--seed",
        type=int,
        metavar="N",
        help="repeat a session: the same seed, deck and history give the same questions, order and options",
    )


def run(args: argparse.Namespace) -> int:
    from quiz.mode import Mode

    deck = deck_or_problems(args.deck, args.data_dir)
    if deck is None or deck.path is None:
        return 1
    path = deck.path
    from quiz.tui.run import run_study

    return run_study(args, path, Mode(args.mode), args.count)
