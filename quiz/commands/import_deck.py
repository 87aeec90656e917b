"""`quiz import FILE -o DECK.toml` (or `--update DECK.toml`): a deck from an Anki or Quizlet plain-text export."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from quiz.untrusted import say, visible

HELP = "make a deck from cards exported as text by Anki (notes in plain text) or Quizlet"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file", metavar="FILE", type=Path, help="the exported text file, one card per line ('-': standard input)"
    )
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument(
        "-o", "--output", metavar="DECK.toml", type=Path, help="the deck file to write ('-': standard output)"
    )
    target.add_argument(
        "--update",
        metavar="DECK.toml",
        type=Path,
        help="update this deck in place: facts matched by id (Anki's guid) keep their id and history, new ones "
        "are added, ones no longer in FILE are kept and listed",
    )
    parser.add_argument(
        "--id",
        dest="deck_id",
        metavar="ID",
        help="the deck's id (default: the id of the deck -o --force replaces, else made from the output name)",
    )
    parser.add_argument(
        "--title", metavar="TITLE", help="the deck's title (default: the replaced deck's, Anki's deck name or the id)"
    )
    parser.add_argument(
        "--language",
        metavar="LANG",
        type=_language,
        help="the language of the cards, as a code such as en, es or de-AT (default: en): typed answers are "
        "marked by its rules (accents, decimal commas)",
    )
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
    parser.add_argument(
        "--row-separator",
        metavar="SEP",
        help="what separates one card from the next, where it is not a new line (Quizlet: semicolon or any text)",
    )
    header = parser.add_mutually_exclusive_group()
    header.add_argument(
        "--header", dest="header", action="store_true", default=None, help="the first row names the columns"
    )
    header.add_argument(
        "--no-header", dest="header", action="store_false", help="the first row is a card, whatever it says"
    )
    html = parser.add_mutually_exclusive_group()
    html.add_argument(
        "--html",
        dest="html",
        action="store_true",
        default=None,
        help="fields are HTML (default: Anki's #html line or a guess)",
    )
    html.add_argument("--no-html", dest="html", action="store_false", help="fields are plain text, whatever they hold")
    from quiz.commands._import_text import encoding_name

    parser.add_argument(
        "--encoding",
        metavar="NAME",
        type=encoding_name,
        help="the file's character encoding where it is not UTF-8 or UTF-16 (which are told apart by "
        "themselves): cp1252 (Windows), latin-1, mac-roman...",
    )
    parser.add_argument(
        "--no-quotes",
        dest="quotes",
        action="store_false",
        help="double quotes are part of the text, never around a field",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace DECK.toml if it exists (never FILE itself, the history or its backups)",
    )
    parser.add_argument(
        "--skip-bad", action="store_true", help="write the rows that can become facts and list the others"
    )


def run(args: argparse.Namespace) -> int:
    from quiz.commands._import_text import read_export
    from quiz.commands._output import never_written, refuse_a_found_id
    from quiz.deck.errors import DeckError
    from quiz.deck.load import MAX_BYTES, load_deck
    from quiz.deck.text import SLUG, not_a_slug, slugify
    from quiz.deck.write import deck_to_toml
    from quiz.errors import QuizError, UsageError
    from quiz.files import check_output, is_standard_output, is_stream, write_text
    from quiz.interop.edits import kept_id_notes, meaning_changed
    from quiz.interop.header import separator_text
    from quiz.interop.importer import BadRows, import_cards
    from quiz.interop.replaced import keep_deck_fields, replaced_deck, written_id
    from quiz.plural import plural

    source: Path = args.file
    out: Path = args.update or args.output
    to_stdout = args.update is None and str(out) == "-"
    report = sys.stderr if to_stdout or is_standard_output(out) else sys.stdout  # stdout carries the deck
    if out.suffix != ".toml" and not to_stdout and not is_stream(out):
        raise UsageError(f"{out}: a deck file's name ends in .toml ('-' writes the deck to standard output)")
    if str(source) != "-" and not source.exists():
        raise UsageError(f"{source}: no such file")
    if source.is_dir():
        raise UsageError(f"{source}: is a folder; give the exported text file")
    keep = [] if to_stdout else never_written(args.data_dir, *_source_kept(source))
    if not to_stdout:  # --update writes over its deck: that is what it is for
        check_output(out, force=args.force or args.update is not None, keep=keep, alternative=_UPDATE)
    if args.update is not None and not out.exists():
        raise QuizError(f"{out}: no such deck file to update")
    if args.update is not None and args.title is not None:
        raise UsageError("--title does not go with --update, which keeps the deck's own title: edit it in the file")
    if args.update is not None and args.language is not None:
        raise UsageError("--language does not go with --update, which keeps the deck's language: edit it in the file")
    existing = load_deck(out) if args.update is not None else None
    a_file = not to_stdout and out.is_file()  # only a deck file has a deck (and a history) to keep
    replaced = existing or (replaced_deck(out) if a_file else None)
    kept_id = replaced.id if replaced is not None else written_id(out) if a_file else None
    if kept_id is not None:  # a deck's history is kept by its id: a re-import never cuts it off
        if args.deck_id is not None and args.deck_id != kept_id:
            doing = "updated" if existing is not None else "replaced"
            raise UsageError(
                f"--id {args.deck_id!r}: the deck being {doing} has the id {kept_id!r}, which keeps its history; "
                "to start a deck with a new id, write another file"
            )
        deck_id = kept_id
    else:
        name = source.stem if to_stdout else out.stem
        deck_id = args.deck_id if args.deck_id is not None else slugify(name) or "imported"
    if not SLUG.match(deck_id):
        raise UsageError(f"--id {not_a_slug(deck_id)}")
    if not to_stdout and existing is None:
        how = (
            "give the deck another id with --id ID, or another file name" if kept_id is None else "change the id of one"
        )
        refuse_a_found_id(deck_id, out, args.data_dir, how=how)
    try:
        separator = separator_text(args.separator) if args.separator is not None else None
    except ValueError as err:
        raise UsageError(f"--separator: {err}") from None
    try:
        row_separator = _row_separator(args.row_separator) if args.row_separator is not None else None
    except ValueError as err:
        raise UsageError(f"--row-separator: {err}") from None
    if row_separator is not None and row_separator == separator:
        raise UsageError("--row-separator and --separator must differ")
    text = read_export(source, MAX_BYTES, args.encoding)
    earlier = replaced.facts if replaced is not None else ()
    try:
        deck, notes, skipped = import_cards(
            text,
            source,
            deck_id=deck_id,
            title=args.title,
            group=args.group,
            separator=separator,
            header=args.header,
            quotes=args.quotes,
            html=args.html,
            row_separator=row_separator,
            skip_bad=args.skip_bad,
            earlier=earlier,
            earlier_deck=replaced.id if replaced is not None else "",
            language=args.language or (replaced.language if replaced is not None else "en"),
            updating=existing is not None,
        )
        if existing is None and replaced is not None:
            deck = keep_deck_fields(deck, replaced, title=args.title)
        if existing is not None:
            from quiz.interop.update import update_deck

            written = out.read_bytes().decode("utf-8")
            update = update_deck(written.replace("\r\n", "\n"), out, deck)
            # the file's own line ends are kept: an update's diff is its edit, not every line
            toml = update.text.replace("\n", "\r\n") if written.split("\n", 1)[0].endswith("\r") else update.text
        else:
            toml = f"# Imported from {_one_line(source.name)} by `quiz import`. Check it with `quiz check`.\n\n"
            toml += deck_to_toml(deck)  # which the loader accepts: import_cards checked it (loader_problems)
        _check_size(toml, MAX_BYTES)
    except DeckError as err:
        _say_some(err.problems, "", report)
        say(f"{plural(len(err.problems), 'problem')}; nothing was written", file=report)
        if isinstance(err, BadRows):
            say("(--skip-bad writes the rows that can be imported and lists the others)", file=report)
        return 1
    _say_some(notes, "note: ", report)
    _say_some(skipped, "skipped: ", report)
    if to_stdout:
        say(toml, end="")
    else:
        write_text(out, toml, force=args.force or existing is not None, keep=keep)
    left_out = f"; {plural(len(skipped), 'problem')} left rows out (listed above)" if skipped else ""
    if existing is not None:
        say(
            f"updated {out} from {source}: {len(update.changed)} changed, {len(update.added)} added, "
            f"{len(update.kept)} unchanged{left_out}"
        )
        if update.missing:
            say(
                f"{plural(len(update.missing), 'fact')} no longer in {source.name} and kept in the deck "
                f"(delete them by hand if they are gone for good): {', '.join(update.missing)}"
            )
        _say_some([*kept_id_notes(update.renumbered), *_taken_out_notes(update.taken_out)], "note: ", sys.stdout)
        if update.questions_kept:
            say(
                "note: a statement was edited in its cloze note, which carries no question, so the deck's own "
                "question was kept; check that it still asks what the statement says: "
                + ", ".join(update.questions_kept)
            )
        return 0
    if replaced is not None:  # -o --force: the same notes as --update on the facts that keep their ids
        before = {f.id: f for f in replaced.facts}
        changes = {f.id: meaning_changed(before[f.id], f, deck.language) for f in deck.facts if f.id in before}
        _say_some(kept_id_notes({k: v for k, v in changes.items() if v}), "note: ", report)
    where = "standard output" if to_stdout else out
    say(f"wrote {where}: {plural(len(deck.facts), 'fact')} from {source}{left_out}", file=report)
    if kept_id is not None:
        say(
            f'kept the deck id "{deck_id}"'
            + (f' and title "{deck.title}"' if replaced is not None and args.title is None else "")
            + f" that {out.name} held, so the deck's history stays with it",
            file=report,
        )
    return 0


_UPDATE = "--update to update it in place"


def _taken_out_notes(taken_out: Sequence[tuple[str, str, str, tuple[str, ...]]]) -> list[str]:
    """A note on each fact whose answer --update changed to another, naming what was taken out."""
    named = {"accept": "accept forms"}
    return [
        f'fact "{fact_id}": its answer changed from {before!r} to {after!r}, so its '
        f"{', '.join(named.get(key, key) for key in keys)}, written for the old answer, are taken out (kept as "
        "comments above the fact): write them again for the new answer"
        for fact_id, before, after, keys in taken_out
    ]


def _source_kept(source: Path) -> list[tuple[Path, str]]:
    """The file being imported, never written over (`-`: the file standard input reads, if any)."""
    return [(source, "the file being imported")]


SHOWN = 20
"""The most problems, notes or skipped rows an import prints of each: a broken file can have
100,000, and a screenful of the first ones says what is wrong; the count says how many more."""


def _say_some(items: Sequence[object], prefix: str, file: TextIO) -> None:
    """The first SHOWN items, each on its line after `prefix`, then "... and N more" if there are."""
    for item in items[:SHOWN]:
        say(f"{prefix}{item}", file=file)
    if len(items) > SHOWN:
        say(f"{prefix}... and {len(items) - SHOWN:,} more", file=file)


def _row_separator(name: str) -> str:
    """A row separator by name ("newline", "semicolon"...) or the text itself; ValueError if unusable."""
    from quiz.interop.header import separator_text

    return "\n" if name.strip().casefold() in ("newline", "new line", "\\n") else separator_text(name)


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


_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
"""A language tag as BCP 47 writes it (RFC 5646): "en", "es", "de-AT", "zh-Hant"."""


def _language(value: str) -> str:
    if not _LANGUAGE.fullmatch(value):
        raise argparse.ArgumentTypeError(f"{visible(value)!r} is not a language code such as en, es or de-AT")
    return value
