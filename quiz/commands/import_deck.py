"""`quiz import FILE -o DECK.toml`: make a deck from an Anki or Quizlet plain-text export."""

from __future__ import annotations

import argparse
from pathlib import Path

from quiz.untrusted import say

HELP = "make a deck from cards exported as text by Anki (notes in plain text) or Quizlet"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", type=Path, help="the exported text file, one card per line")
    parser.add_argument("-o", "--output", metavar="DECK.toml", type=Path, required=True, help="the deck file to write")
    parser.add_argument("--id", dest="deck_id", metavar="ID", help="the deck's id (default: made from the output name)")
    parser.add_argument("--title", metavar="TITLE", help="the deck's title (default: Anki's deck name or the id)")
    parser.add_argument(
        "--group",
        metavar="NAME",
        help="the group every fact joins, so they lend each other wrong answers (default: the id)",
    )
    parser.add_argument(
        "--separator",
        metavar="SEP",
        help="what separates a term from its definition: tab, comma, semicolon, pipe, colon, space or any text "
        "(default: Anki's header, or a guess)",
    )
    header = parser.add_mutually_exclusive_group()
    header.add_argument(
        "--header", dest="header", action="store_true", default=None, help="the first row names the columns"
    )
    header.add_argument(
        "--no-header", dest="header", action="store_false", help="the first row is a card, whatever it says"
    )
    parser.add_argument(
        "--no-quotes",
        dest="quotes",
        action="store_false",
        help="double quotes are part of the text, never around a field",
    )
    parser.add_argument("--force", action="store_true", help="replace DECK.toml if it exists")


def run(args: argparse.Namespace) -> int:
    from quiz.deck.errors import DeckError
    from quiz.deck.load import MAX_BYTES, SLUG, parse_deck
    from quiz.deck.write import deck_to_toml
    from quiz.errors import QuizError
    from quiz.files import write_text
    from quiz.interop.importer import import_cards, separator_text
    from quiz.interop.slug import slugify

    source: Path = args.file
    out: Path = args.output
    if out.suffix != ".toml":
        raise QuizError(f"{out}: a deck file's name ends in .toml")
    if out.exists() and not args.force:
        raise QuizError(f"{out}: already exists; add --force to replace it")
    if out.exists() and source.exists() and out.samefile(source):
        raise QuizError(f"{out}: is the file being imported; choose another output")
    deck_id = args.deck_id if args.deck_id is not None else slugify(out.stem) or "imported"
    if not SLUG.match(deck_id):
        raise QuizError(
            f"--id {deck_id!r} is not a slug: use lowercase letters a-z, digits and single hyphens, "
            f'like "{slugify(deck_id) or "my-deck"}"'
        )
    try:
        separator = separator_text(args.separator) if args.separator is not None else None
    except ValueError as err:
        raise QuizError(f"--separator: {err}") from None
    raw = source.read_bytes()
    if len(raw) > MAX_BYTES:
        raise QuizError(f"{source}: larger than {MAX_BYTES // 1048576} MiB, the most a deck may hold")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        raise QuizError(
            f"{source}:{line}: not UTF-8 text (byte 0x{raw[err.start]:02x}); export or save it as UTF-8"
        ) from None
    try:
        deck, notes = import_cards(
            text,
            source,
            deck_id=deck_id,
            title=args.title,
            group=args.group,
            separator=separator,
            header=args.header,
            quotes=args.quotes,
        )
        toml = f"# Imported from {_one_line(source.name)} by `quiz import`. Check it with `quiz check`.\n\n"
        toml += deck_to_toml(deck)
        _check_size(toml, MAX_BYTES)
        parse_deck(toml, out)
    except DeckError as err:
        for problem in err.problems:
            say(problem)
        say(f"{len(err.problems)} problem{'s' if len(err.problems) != 1 else ''}; nothing was written")
        return 1
    for note in notes:
        say(f"note: {note}")
    write_text(out, toml)
    n = len(deck.facts)
    say(f"wrote {out}: {n} fact{'s' if n != 1 else ''} from {source}")
    return 0


def _one_line(name: str) -> str:
    return "".join(c for c in " ".join(name.split()) if c.isprintable())


def _check_size(toml: str, limit: int) -> None:
    from quiz.errors import QuizError

    size = len(toml.encode("utf-8"))
    if size > limit:
        raise QuizError(
            f"the deck would be {size / 1048576:.1f} MiB; decks may be at most {limit // 1048576} MiB "
            "(split the file and import each part)"
        )
