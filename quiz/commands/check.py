"""`quiz check PATH...`: validate deck files and print every problem as PATH:LINE:COL: message."""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.plural import plural

if TYPE_CHECKING:
    from quiz.deck.model import Deck
    from quiz.deck.positions import Positions

from quiz.untrusted import say

COLLECTION = (200_000, 30, 30)
"""gc.set_threshold while `quiz check` runs, as mypy sets it for a build (mypy/build.py): the cyclic
collector runs when 200,000 objects were made, not 700. Parsing and checking a deck makes
hundreds of thousands of dicts, lists and texts that live until the check ends and hold no
cycles, and the collector walked them again and again: about a tenth of `quiz check` on a deck of
10,000 facts, with the same peak memory (docs/benchmarks.md). Not for every command: `quiz
preview --json` leaves cycles behind, and its peak memory rose by half with it."""

HELP = "check deck files and folders, printing every problem with its line and column"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", type=Path, help="deck files or folders (default: every deck quiz finds)"
    )
    parser.add_argument("--strict", action="store_true", help="treat warnings (authoring advice) as problems too")
    parser.add_argument("-q", "--quiet", action="store_true", help="print only problems, not the summary line")


def run(args: argparse.Namespace) -> int:
    from quiz.deck.discover import deck_files, deck_folders, shared_id_problems
    from quiz.deck.errors import DeckError, Problem
    from quiz.deck.load import read_with_positions
    from quiz.judging import graded_reading_stats
    from quiz.lint import lint_deck
    from quiz.paths import data_dir, refuse_non_folder
    from quiz.readability import MIN_SAMPLE_WORDS

    gc.set_threshold(*COLLECTION)
    paths: list[Path] = args.paths
    if not paths:  # every deck quiz finds: the person's own are in the data folder
        root = data_dir(args.data_dir)
        refuse_non_folder(root)
        paths = deck_folders(root)
    missing = [p for p in paths if not p.exists()]
    for p in missing:
        say(f"quiz check: {p}: no such file or folder", file=sys.stderr)
    if missing:
        return 2
    stats = None
    checked = bad = errors = warnings = unadvised = 0
    loaded: list[tuple[Path, tuple[Deck, Positions] | DeckError]] = []
    for path in deck_files(paths):
        try:
            loaded.append((path, read_with_positions(path)))
        except DeckError as err:
            loaded.append((path, err))
    valid = ((path, found[0]) for path, found in loaded if not isinstance(found, DeckError))
    shared = {p.path: p for p in shared_id_problems(valid)}
    for path, found in loaded:
        checked += 1
        problems: list[Problem] = []
        if isinstance(found, DeckError):
            problems.extend(found.problems)
            unadvised += 1
        else:
            deck, positions = found
            if path in shared:
                problems.append(shared[path])
            problems.extend(lint_deck(deck, positions))
            counts = graded_reading_stats(deck)
            stats = counts if stats is None else stats + counts
        n_err = sum(p.severity == "error" for p in problems)
        n_warn = len(problems) - n_err
        for problem in problems:
            say(problem)
        errors += n_err
        warnings += n_warn
        if n_err or (args.strict and n_warn):
            bad += 1
    if not args.quiet:
        grade = stats.grade if stats is not None and stats.words >= MIN_SAMPLE_WORDS else None
        reading_part = f"; reading grade {grade:.1f}" if grade is not None else ""
        say(_summary(checked, bad, errors, warnings, unadvised, strict=args.strict) + reading_part)
    if not checked:  # a folder of no decks, as a mistyped name in a script gives: not "all valid"
        if args.quiet:
            say(_summary(0, 0, 0, 0, 0, strict=args.strict), file=sys.stderr)
        return 2
    return 1 if bad else 0


def _summary(checked: int, bad: int, errors: int, warnings: int, unadvised: int, *, strict: bool) -> str:
    """The last line of `quiz check`. `unadvised` decks had errors, so no advice (warnings) was
    looked for in them: the line says so rather than count their warnings as none."""
    if checked == 0:
        return "no deck files found (decks are *.toml files)"
    if unadvised == checked:
        parts = [plural(errors, "error") + "; the advice (warnings) comes once they are fixed"]
    elif unadvised:
        parts = [plural(errors, "error"), plural(warnings, "warning") + " (more may come once the errors are fixed)"]
    else:
        parts = [plural(errors, "error"), plural(warnings, "warning")]
    verdict = "all valid" if not bad else f"{plural(bad, 'deck')} with problems"
    mode = " (strict)" if strict else ""
    return f"checked {plural(checked, 'deck')}{mode}: {verdict}; {', '.join(parts)}"
