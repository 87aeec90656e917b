"""`quiz history`: past sessions and per-deck progress; export every answer; restore a backup."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from quiz.arguments import whole_number
from quiz.paths import shown
from quiz.plural import plural
from quiz.untrusted import ShownText, data_out, say, visible

if TYPE_CHECKING:
    from collections.abc import Collection, Mapping

    from quiz.store import Store

HELP = "show your score history (or: export --csv FILE [--force], restore [--backup FILE] [--force])"
ACTIONS = ("show", "export", "restore")


def no_history_yet(root: Path) -> str:
    """What `quiz history --plain` says when the data folder `root` holds no history: where one
    will be kept, or, when quiz cannot write there (quiz.paths.can_write_in), that none can be
    and what to do."""
    from quiz.paths import can_write_in

    if can_write_in(root):
        return f"No score history yet; it will be kept in {shown(root)}"
    return (
        f"No score history yet, and none can be kept in {shown(root)}: that folder is read-only. Make it "
        "writable, or use a folder you can write in (--data-dir DIR, or QUIZ_DATA_DIR)"
    )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "action",
        nargs="?",
        choices=ACTIONS,
        default="show",
        help="show (default): sessions and decks; export: write every answer to a CSV file; "
        "restore: replace the history with the sound backup holding the most answers",
    )
    parser.add_argument("--deck", metavar="ID", help="only this deck")
    parser.add_argument("--json", action="store_true", help="print the history as JSON")
    parser.add_argument("--plain", action="store_true", help="print a table even in a terminal")
    most = 100_000  # sessions --limit shows: a session a day for over 270 years
    parser.add_argument("--limit", type=whole_number(1, most), default=20, metavar="N", help="sessions to show (20)")
    parser.add_argument(
        "--csv",
        metavar="FILE",
        help="export: the CSV file to write ('-': standard output); an existing file is replaced only with "
        "--force, and never the history, its backups or the files beside it",
    )
    parser.add_argument("--backup", metavar="FILE", help="restore: this backup, not the newest")
    parser.add_argument(
        "--force",
        action="store_true",
        help="restore: replace the history even when it holds answers the backup lacks "
        "(it is kept beside, as history.replaced-<time>.db); export: replace FILE if it exists",
    )


def run(args: argparse.Namespace) -> int:
    from quiz.errors import UsageError
    from quiz.paths import data_dir, history_db

    _refuse_foreign_options(args)
    root = data_dir(args.data_dir)
    if args.action == "restore":
        return _restore(root, Path(args.backup) if args.backup else None, force=args.force)
    if args.action == "export" and not args.csv:
        raise UsageError("say where to write, e.g. quiz history export --csv answers.csv ('-' for standard output)")
    if args.action == "export":
        from quiz.commands._output import check_named_output
        from quiz.store.backups import never_written

        check_named_output(args.csv, force=args.force, keep=never_written(root))  # before the history is read
    if args.action == "show" and not args.json and not args.plain:
        from quiz.tui.run import run_history  # refuses at once (exit 2) without a terminal

        return int(run_history(args))
    from quiz.files import is_standard_output
    from quiz.store import Store
    from quiz.store.backups import missing_history
    from quiz.store.health import lost_log_reason

    path = history_db(root)
    if not path.exists() and lost_log_reason(path) is None and missing_history(path) is None and args.action == "show":
        from quiz.store.place import refuse_folders_in_place, refuse_link_to_nowhere

        refuse_link_to_nowhere(path)  # a link into a folder not there: the answers are elsewhere
        refuse_folders_in_place(path)  # no history can be kept where a folder stands
        if args.json:
            _print_json(None, args.deck, args.limit, sys.stdout)
        else:
            say(no_history_yet(root))
        return 0
    with Store.open(root) as store:
        if args.action == "export":
            from quiz.store.answers_csv import export_csv, write_csv

            titles, questions = _deck_texts(root)
            if args.csv == "-":  # exact into a pipe or a file; onto a terminal, nothing raw (a line ends in \n)
                out = data_out(sys.stdout)
                end = "\n" if isinstance(out, ShownText) else "\r\n"
                count = write_csv(store, out, titles=titles, questions=questions, lineterminator=end)
                say(f"wrote {plural(count, 'answer')} to standard output", file=sys.stderr)
            else:
                count = export_csv(store, Path(args.csv), titles=titles, questions=questions, force=args.force)
                report = sys.stderr if is_standard_output(Path(args.csv)) else sys.stdout
                say(f"wrote {plural(count, 'answer')} to {args.csv}", file=report)
        elif args.json:
            _print_json(store, args.deck, args.limit, sys.stdout, _scheduled(root))
        else:
            print_history(store, args.deck, sys.stdout, limit=args.limit, scheduled=_scheduled(root))
    return 0


_OPTIONS = {
    "deck": ("show",), "json": ("show",), "plain": ("show",), "csv": ("export",), "backup": ("restore",),
    "force": ("restore", "export"),
}  # fmt: skip
"""The actions each option belongs to, by its dest; `limit` (also show's) has a default and is left alone."""


def _refuse_foreign_options(args: argparse.Namespace) -> None:
    """An option given to an action it does not belong to is a usage error, not silently ignored."""
    from quiz.errors import UsageError

    for dest, actions in _OPTIONS.items():
        if getattr(args, dest) not in (None, False) and args.action not in actions:
            option = "--" + dest
            which = " and ".join(f"`quiz history {action}`" for action in actions)
            raise UsageError(f"{option} is only for {which}, not `{args.action}`")


def _scheduled(root: Path) -> dict[str, set[str]]:
    """{deck id: the ids it schedules now} for every deck quiz finds (quiz.glossary.scheduled_ids):
    what is due is counted among these, as Home and Review count it."""
    from quiz.deck.discover import discover
    from quiz.glossary import scheduled_by_deck

    return scheduled_by_deck(found.deck for found in discover(root) if found.deck is not None)


def _deck_texts(root: Path) -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """Deck titles by id and questions by (deck id, fact id), from every deck quiz finds, for the CSV."""
    from quiz.deck.discover import discover

    titles: dict[str, str] = {}
    questions: dict[tuple[str, str], str] = {}
    for found in discover(root):
        if found.deck is not None and found.deck.id not in titles:
            titles[found.deck.id] = found.deck.title
            questions.update({(found.deck.id, f.id): f.question for f in found.deck.facts})
    return titles, questions


def _restore(root: Path, backup: Path | None, *, force: bool = False) -> int:
    """Restore a backup and say what was used and where the replaced file is; without `force`, a
    history holding answers the backup lacks is refused (quiz.store.restore.restore_backup)."""
    from quiz.store.restore import restore_backup

    result = restore_backup(root, backup, force=force)
    say(f"restored the score history from {shown(result.backup)}")
    if result.replaced is not None:
        say(f"the history it replaced is kept at {shown(result.replaced)}")
    return 0


def _when(moment: datetime | None) -> str:
    """A stored moment in the person's own time zone, as the app shows it."""
    from quiz.schedule import local_time

    return local_time(moment).strftime("%Y-%m-%d %H:%M") if moment else "-"


def _pct(part: int, whole: int) -> str:
    return f"{part / whole:.0%}" if whole else "-"


def print_history(
    store: Store,
    deck: str | None,
    out: TextIO,
    *,
    limit: int = 20,
    scheduled: Mapping[str, Collection[str]] | None = None,
) -> None:
    """Print recent sessions and per-deck summaries as a plain table (times and days are local).
    "due now" counts among `scheduled` (as Store.deck_summaries), "-" for a deck quiz cannot find."""
    sessions = store.last_sessions(limit, deck)
    summaries = store.deck_summaries(deck, scheduled=scheduled)
    if not sessions:
        say("No sessions yet." if deck is None else f"No sessions for deck {visible(deck)}.", file=out)
        return
    say("Recent sessions (your local time)", file=out)
    rows: list[tuple[str, ...]] = [("#", "started", "deck", "mode", "answered", "correct", "")]
    for s in sessions:
        note = "ended early" if s.ended_early else ("" if s.finished_at else "not finished")
        rows.append(
            (
                str(s.id), _when(s.started_at), visible(s.deck_id), visible(s.mode), str(s.answered),
                f"{s.correct} ({_pct(s.correct, s.answered)})", note,
            )
        )  # fmt: skip
    _table(rows, out, right={0, 4, 5})
    say("\nDecks", file=out)
    decks: list[tuple[str, ...]] = [
        ("deck", "sessions", "answered", "accuracy", "facts seen", "mastered", "words seen", "due now", "last studied")
    ]
    for d in summaries:
        decks.append(
            (
                visible(d.deck_id), str(d.sessions), str(d.answered), _pct(d.correct, d.answered),
                str(d.facts_seen), str(d.mastered), str(d.words_seen), "-" if d.due_now is None else str(d.due_now),
                _when(d.last_studied),
            )
        )  # fmt: skip
    _table(decks, out, right={1, 2, 3, 4, 5, 6, 7})
    say("(facts seen and mastered count facts; words seen, glossary words practised; due now, both)", file=out)
    days: list[tuple[str, ...]] = [("day", "deck", "answered", "right")]
    for d in summaries:
        for day in store.recent_days(d.deck_id):
            days.append((day.day.isoformat(), visible(d.deck_id), str(day.answered), _pct(day.correct, day.answered)))
    if len(days) > 1:
        say("\nAnswers per day (your days, last 30)", file=out)
        _table(days, out, right={2, 3})
    say(f"\nStudy streak: {plural(store.streak(deck_id=deck), 'day')}", file=out)


def _table(rows: list[tuple[str, ...]], out: TextIO, *, right: set[int]) -> None:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        cells = [c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))]
        say("  ".join(cells).rstrip(), file=out)


def history_json(
    store: Store | None, deck: str | None, limit: int, scheduled: Mapping[str, Collection[str]] | None = None
) -> dict[str, object]:
    """The history as plain data: {"sessions": [...], "decks": [...], "streak": days}.

    A deck's `facts_seen` and `mastered` count its facts, `words_seen` and `words_mastered` its
    glossary words, and `due_now` and `due_forecast` both, as a review asks them, among `scheduled`
    ({deck id: the ids it schedules now}, as Home counts), with `due_now` null and no forecast for
    a deck quiz cannot find; without `scheduled`, every stored state counts.

    A session's `certainty_points` is its certainty-based score (quiz.certainty), null when the
    learner was never asked how sure; a deck's `calibration` lists, per certainty level (1
    Guessing, 2 Fairly sure, 3 Sure), the answers given at it and how many were right."""
    if store is None:
        return {"sessions": [], "decks": [], "streak": 0}
    shown = store.last_sessions(limit, deck)
    points = store.cbm_scores([s.id for s in shown])
    sessions = [
        {
            "id": s.id,
            "deck_id": s.deck_id,
            "mode": s.mode,
            "started_at": s.started_at.isoformat(),
            "finished_at": s.finished_at.isoformat() if s.finished_at else None,
            "answered": s.answered,
            "correct": s.correct,
            "ended_early": s.ended_early,
            "certainty_points": points[s.id][0] if s.id in points else None,
        }
        for s in shown
    ]
    decks = []
    for d in store.deck_summaries(deck, scheduled=scheduled):
        decks.append(
            {
                "deck_id": d.deck_id,
                "sessions": d.sessions,
                "answered": d.answered,
                "correct": d.correct,
                "facts_seen": d.facts_seen,
                "mastered": d.mastered,
                "words_seen": d.words_seen,
                "words_mastered": d.words_mastered,
                "due_now": d.due_now,
                "last_studied": d.last_studied.isoformat() if d.last_studied else None,
                "per_day": [
                    {"day": a.day.isoformat(), "answered": a.answered, "correct": a.correct}
                    for a in store.recent_days(d.deck_id)
                ],
                "calibration": [
                    {"certainty": c.certainty, "answered": c.answered, "correct": c.correct}
                    for c in store.calibration(d.deck_id)
                ],
                "due_forecast": [
                    {"day": day.isoformat(), "due": n}
                    for day, n in store.due_forecast(d.deck_id, scheduled=scheduled)
                    if d.due_now is not None
                ],
            }
        )
    return {"sessions": sessions, "decks": decks, "streak": store.streak(deck_id=deck)}


def _print_json(
    store: Store | None,
    deck: str | None,
    limit: int,
    out: TextIO,
    scheduled: Mapping[str, Collection[str]] | None = None,
) -> None:
    import json

    say(json.dumps(history_json(store, deck, limit, scheduled), indent=2, ensure_ascii=False), file=out)
