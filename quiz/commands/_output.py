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
