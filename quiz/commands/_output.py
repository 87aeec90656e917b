"""What a command that writes a file the person named never writes over (quiz.files.check_output)."""

from __future__ import annotations

from pathlib import Path


def never_written(given_dir: str | None, *also: tuple[Path, str]) -> list[tuple[Path, str]]:
    """`also` ((file, what it is): the deck being exported, the file being imported), then the
    history, its side files and backups in the data folder that `--data-dir` `given_dir` (or
    QUIZ_DATA_DIR, or the default) names (quiz.store.backups.never_written)."""
    from quiz.paths import data_dir
    from quiz.store.backups import never_written as in_data_dir

    return [*also, *in_data_dir(data_dir(given_dir))]


def refuse_a_found_id(deck_id: str, path: Path, given_dir: str | None, *, how: str) -> None:
    """QuizError when a deck with `deck_id` written at `path` would share its id with another deck
    quiz finds (quiz.deck.discover.other_deck_with_id), naming that deck's file and `how` to choose
    another id (the command's option, or another file name); else nothing."""
    from quiz.deck.discover import other_deck_with_id
    from quiz.errors import QuizError
    from quiz.paths import data_dir

    other = other_deck_with_id(deck_id, path, data_dir(given_dir))
    if other is not None:
        which = "the built-in deck" if other.builtin else "the deck"
        raise QuizError(
            f'{path}: deck id "{deck_id}" is already the id of {which} {other.path}; two decks with one id '
            f"could not be used (they would share one history), so nothing was written: {how}"
        )


STANDARD_OUTPUT = Path("/dev/stdout")
"""The name of the file standard output writes to, where the system has one (Linux, macOS, BSD)."""


def check_named_output(name: str, *, force: bool, keep: list[tuple[Path, str]]) -> None:
    """quiz.files.check_output for the output the person named: a file, or `-` for standard output,
    whose file (after a `>` or `>>`) is refused when it is one in `keep`, as that file named is
    (`quiz history export --csv - >> history.db`); a pipe, a terminal or any other file is fine,
    and nothing is checked where the system names no such file (STANDARD_OUTPUT)."""
    from quiz.files import check_output

    if name != "-":
        check_output(Path(name), force=force, keep=keep)
    elif STANDARD_OUTPUT.exists():
        check_output(STANDARD_OUTPUT, force=True, keep=keep)
