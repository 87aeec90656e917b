"""`quiz export DECK --format anki|markdown -o FILE`: a deck as an Anki package or a Markdown handout."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from quiz.commands._deck import deck_or_problems
from quiz.untrusted import data_out, say

HELP = "export a deck as an Anki package (.apkg) or a Markdown handout (.md)"

FORMATS = {".apkg": "anki", ".md": "markdown", ".markdown": "markdown"}
NOT_WRITTEN = {".csv": "a CSV", ".tsv": "a TSV", ".json": "JSON", ".toml": "a deck file", ".html": "HTML",
               ".htm": "HTML", ".pdf": "a PDF", ".docx": "a Word file", ".colpkg": "an Anki collection"}  # fmt: skip
"""Names of files quiz export does not write, each what such a file is taken to hold: Markdown
into one of them would be read as what it is not (an educator's `-o deck.csv --format markdown`)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("deck", metavar="DECK", help="a deck file, or the id of a deck quiz finds")
    parser.add_argument(
        "--format",
        choices=("anki", "markdown"),
        help="what to write (default: from the output's name, .apkg or .md)",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="the file to write; an existing one is replaced only with --force (never the deck itself, the "
        "history or its backups); '-' (markdown only) prints to standard output",
    )
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")


def run(args: argparse.Namespace) -> int:
    from quiz.commands._output import check_named_output, never_written
    from quiz.errors import UsageError
    from quiz.files import is_standard_output, is_stream, write_text
    from quiz.plural import plural

    out = args.output
    suffix = Path(out).suffix.casefold() if out and out != "-" else ""
    if suffix in NOT_WRITTEN and not is_stream(Path(out)):
        raise UsageError(
            f"{out}: quiz export writes an Anki package (.apkg) or a Markdown handout (.md), not {NOT_WRITTEN[suffix]}"
        )
    named = FORMATS.get(suffix)
    fmt = args.format or named or ("markdown" if out == "-" else None)
    if fmt is None:
        if out and out != "-":
            raise UsageError(f"{out}: say which format to write with --format anki (.apkg) or --format markdown (.md)")
        raise UsageError("say which format to write with --format anki or --format markdown")
    if out and out != "-" and named != fmt and (named is not None or fmt == "anki") and not is_stream(Path(out)):
        wanted = next(suffix for suffix, name in FORMATS.items() if name == fmt)
        raise UsageError(f"{out} is not a name for {fmt}: name the file *{wanted}, or leave --format out")
    if fmt == "anki" and (out is None or out == "-"):
        raise UsageError("an Anki package cannot go to standard output: add -o FILE.apkg")
    out = out or "-"
    deck = deck_or_problems(args.deck, args.data_dir)
    if deck is None:
        return 1
    assert deck.path is not None
    keep = never_written(args.data_dir, (deck.path, "the deck being exported"))
    report = sys.stderr if out != "-" and is_standard_output(Path(out)) else sys.stdout  # not into the file
    check_named_output(out, force=args.force, keep=keep)  # "-" too: `-o - >> history.db` is refused
    if fmt == "anki":
        from quiz.interop.anki import retyped_facts, write_apkg

        retyped = retyped_facts(deck, out)  # read from the earlier export before it is replaced
        n = write_apkg(deck, out)
        say(
            f"wrote {out}: {plural(n, 'note')} for Anki (importing it again updates them, but for a fact that has "
            "gained or lost a statement: Anki cannot change a note's type, so it adds the new note beside the old)",
            file=report,
        )
        if retyped:
            say(
                f"note: {plural(len(retyped), 'fact')} changed note type since {out} was written before: "
                f"{', '.join(retyped)}; in Anki, delete the old note of each after importing",
                file=report,
            )
        return 0
    from quiz.interop.markdown import deck_handout

    text = deck_handout(deck)
    if out == "-":  # exact into a pipe or a file; onto a terminal, nothing raw
        data_out(sys.stdout).write(text)
        return 0
    write_text(Path(out), text, force=args.force, keep=keep)
    say(f"wrote {out}: {plural(len(deck.facts), 'question')} as a Markdown handout", file=report)
    return 0

