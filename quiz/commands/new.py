"""`quiz new PATH`: write a starter deck with one example fact, every key present and explained."""

from __future__ import annotations

import argparse
import shlex
from pathlib import Path

from quiz.untrusted import say

HELP = "write a new deck file with one example fact, every key present and explained"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="PATH", type=Path, help="the deck file to create (it must not exist yet)")
    parser.add_argument("--id", dest="deck_id", metavar="ID", help="the deck's id (default: made from the file name)")
    parser.add_argument("--title", metavar="TITLE", help="the deck's title (default: made from the id)")


def run(args: argparse.Namespace) -> int:
    from quiz.commands._output import never_written, refuse_a_found_id
    from quiz.deck.errors import DeckError
    from quiz.deck.load import parse_deck
    from quiz.deck.text import SLUG, not_a_slug
    from quiz.errors import QuizError, UsageError
    from quiz.files import check_output, write_text
    from quiz.interop.template import new_deck_text, slug_from_name, title_from_id

    path: Path = args.path
    if path.suffix != ".toml":
        suggestion = shlex.quote(str(path.with_name(path.name + ".toml")))
        raise UsageError(f"{path}: a deck file's name ends in .toml (try: quiz new {suggestion})")
    deck_id = args.deck_id if args.deck_id is not None else slug_from_name(path.stem) or "my-deck"
    if not SLUG.match(deck_id):
        raise UsageError(f"--id {not_a_slug(deck_id)}")
    title = args.title if args.title is not None else title_from_id(deck_id)
    text = new_deck_text(deck_id, title, path_hint=str(path))
    try:
        parse_deck(text, path)
    except DeckError as err:  # only a title the loader refuses (empty, control characters) gets here
        raise UsageError(f"--title cannot be used: {err.problems[0].message}") from None
    keep = never_written(args.data_dir)
    how = "give it another id with --id ID" + (", or another file name" if args.deck_id is None else "")
    refuse_a_found_id(deck_id, path, args.data_dir, how=how)
    if path.exists() or path.is_symlink():  # a pipe, a device, a link to nothing too: quiz new only makes a file
        raise QuizError(f"{path}: already exists; quiz new never overwrites a file (choose another name)")
    check_output(path, force=False, keep=keep)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_text(path, text, force=False, keep=keep)
    say(f"wrote {path}: a deck with one example fact. Edit it, then run: quiz check {shlex.quote(str(path))}")
    return 0
