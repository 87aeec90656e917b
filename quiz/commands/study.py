"""`quiz study DECK`: open a study session directly and return to the shell when it ends."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from quiz.commands._deck import choice_word, deck_or_problems

HELP = "study a deck now (multiple choice, flashcards, typed answers, a mix, or what is due)"
MODES = ("multiple-choice", "flashcard", "typed", "fill-blank", "true-false", "match", "mixed", "due")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from quiz.arguments import whole_number
    from quiz.deck.validate import MAX_FACTS  # no session asks more questions than a deck may hold
    from quiz.visit import MAX_PER_DAY

    parser.add_argument("deck", metavar="DECK", help="a deck file, or the id of a deck `quiz decks` lists")
    parser.add_argument(
        "--mode",
        type=choice_word,
        choices=MODES,
        default=None,
        help="how to ask: multiple-choice, flashcard, typed, fill-blank, true-false, match, mixed (the default; "
        "with --by, due) or due",
    )
    parser.add_argument(
        "--count", type=whole_number(1, MAX_FACTS), metavar="N", help="how many questions (default: 10)"
    )
    parser.add_argument(
        "--seed",
        type=int,
        metavar="N",
        help="repeat a session: the same seed, deck and history give the same questions, order and options",
    )
    parser.add_argument(
        "--by",
        metavar="YYYY-MM-DD",
        help="the day of a clinic visit: until then, review plans for what you will remember on that day "
        "('none' clears it)",
    )
    parser.add_argument(
        "--per-day",
        type=whole_number(1, MAX_PER_DAY),
        metavar="N",
        help="with --by: questions a day until the visit (default: 10)",
    )


def run(args: argparse.Namespace) -> int:
    from quiz.errors import UsageError
    from quiz.mode import Mode

    if args.per_day is not None and args.by is None:
        raise UsageError("--per-day goes with --by: give the visit date too")
    deck = deck_or_problems(args.deck, args.data_dir)
    if deck is None or deck.path is None:
        return 1
    from quiz.cli import EXIT_USAGE
    from quiz.tui.run import no_terminal, run_study

    visit = _visit_date(args.by) if args.by is not None else None  # a bad date is refused first
    refused = no_terminal()
    if refused:  # before the visit date is kept: a command refused changes nothing
        print(refused, file=sys.stderr)
        return EXIT_USAGE
    if args.by is not None:
        _keep_visit(args, deck.id, visit)
    mode = args.mode or ("due" if args.by not in (None, "none") else "mixed")

    return run_study(args, deck.path, Mode(mode), args.count)


def _visit_date(by: str) -> date | None:
    """The visit date --by gives (None for "none"); UsageError for one parse_visit refuses."""
    from quiz.errors import UsageError
    from quiz.schedule import local_day
    from quiz.visit import parse_visit

    try:
        return None if by.strip().casefold() == "none" else parse_visit(by, local_day())
    except ValueError as err:
        raise UsageError(f"--by: {err}") from None


def _keep_visit(args: argparse.Namespace, deck_id: str, visit: date | None) -> None:
    """Keep (or clear) the deck's visit date given with --by; say what was set."""
    from quiz.paths import data_dir
    from quiz.store import Store
    from quiz.untrusted import say
    from quiz.visit import DEFAULT_PER_DAY

    with Store.open(data_dir(args.data_dir)) as store:
        store.set_visit(deck_id, visit, args.per_day or DEFAULT_PER_DAY)
    if visit is None:
        say(f"{deck_id}: no visit date; review asks what is due, as usual")
    else:
        say(f"{deck_id}: review plans for your visit on {visit.strftime('%A %d %B %Y')}")
