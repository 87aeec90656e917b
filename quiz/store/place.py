"""The place of the history, refused before anything opens it when no history can be kept there: a
folder, a named pipe or another file that is not a regular one where the history or one of its
side files should be, a link into a folder that is not there, a read-only folder. Each error says
what is wrong and what to do; nothing is changed."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from quiz.paths import can_write_in, shown
from quiz.plural import plural
from quiz.store.backups import answer_count, list_backups, most_answers_first
from quiz.store.connection import SIDE_FILES, history_file
from quiz.store.errors import StoreError


def refuse_folders_in_place(path: Path) -> None:
    """Raise StoreError, naming it, when a folder, or anything else that is not a regular file (a
    named pipe, a socket, a device), stands where the history file `path` or one SQLite writes
    beside it (SIDE_FILES) should be, beside a linked history's file too (history_file): SQLite
    cannot open the history then, and a named pipe would make every command wait for ever."""
    for own in dict.fromkeys((path, history_file(path))):
        for at in (own, *(Path(f"{own}{end}") for end in SIDE_FILES)):
            what = "its score history file" if at == own else "a file SQLite writes beside the score history"
            kind = odd_kind(at)
            if kind is not None:
                that = "that folder" if kind == "a folder" else "it"
                raise StoreError(
                    f"{shown(at)}: this is {kind}, where quiz keeps {what}; nothing was changed. "
                    f"Move or rename {that} (quiz never removes it), then run quiz again"
                )


def odd_kind(path: Path) -> str | None:
    """What stands at `path` when it is there but no regular file ("a folder", "a named pipe (FIFO)",
    "a socket", "a device"), a link followed; None when it is a regular file or nothing is there."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO), not a file"
    if stat.S_ISSOCK(mode):
        return "a socket, not a file"
    return "a device, not a file"


def refuse_link_to_nowhere(path: Path) -> None:
    """Raise StoreError when the history `path` is a link to a file in a folder that does not exist
    (a drive not mounted, a sync folder not there yet), naming the link, where it points, and the
    backup holding the most answers: quiz makes no history there, nor one in place of the link."""
    if not path.is_symlink():
        return
    target = history_file(path)
    if target.parent.is_dir():
        return
    best = [b for b in most_answers_first(list_backups(path.parent)) if answer_count(b)][:1]
    held = (
        f" Your answers are also in the backup {best[0].name} ({plural(answer_count(best[0]) or 0, 'answer')}): "
        f"to go on with it, remove the link {path.name} and run `quiz history restore`."
        if best
        else ""
    )
    raise StoreError(
        f"{shown(path)}: the score history is a link to {shown(target)}, in a folder that does not "
        f"exist ({shown(target.parent)}: a drive not connected?); nothing was changed. Connect that "
        f"drive or make that folder, then run quiz again.{held}"
    )


def refuse_unusable_place(path: Path, *, replacing: bool = False) -> None:
    """Raise StoreError, saying what is wrong and what to do, when the history file `path` cannot be
    used whatever it holds: a folder stands where the file should be, or quiz cannot write in the
    data folder (a read-only disk or mount): SQLite writes beside a history even to read it (its
    -wal and -shm files, SIDE_FILES), and quiz writes backups there; a linked history's folder too;
    or the history is a link into a folder that is not there (refuse_link_to_nowhere); or the
    history or a side file is read-only (refuse_read_only_files), but when `replacing` it (a restore
    moves it aside with its side files, and writes none of them)."""
    refuse_link_to_nowhere(path)
    refuse_folders_in_place(path)
    for folder in dict.fromkeys((path.parent, history_file(path).parent)):  # a linked history's too
        if not can_write_in(folder):
            what = "this data folder" if folder == path.parent else f"this folder, where {shown(path)} links to,"
            raise StoreError(
                f"{shown(folder)}: {what} is read-only, and quiz needs to write in it to use the score history "
                "(even to show it); nothing was changed. Make the folder writable, or copy it somewhere "
                "writable and use that copy (--data-dir DIR, or QUIZ_DATA_DIR)"
            )
    if not replacing:
        refuse_read_only_files(path)


def refuse_read_only_files(path: Path) -> None:
    """Raise StoreError, naming it and what to do, when the history file `path` (or, for a link, its
    file) or a file SQLite keeps beside it (SIDE_FILES) is there but read-only: SQLite makes its
    -wal and -shm files with the history's mode, so a history made read-only (chmod 400) left a
    read-only -shm that kept it unusable once the history was writable again (a tester's report).
    Refused before SQLite opens it, nothing is made beside it. Read-only: this process may not
    write to it (os.access: root may, and SQLite then writes, as it did before)."""
    for own in dict.fromkeys((path, history_file(path))):
        for at in (own, *(Path(f"{own}{end}") for end in SIDE_FILES)):
            if not at.exists() or os.access(at, os.W_OK):
                continue
            what = "the score history" if at == own else "a file SQLite keeps beside the score history"
            raise StoreError(
                f"{shown(at)}: {what} is read-only, and quiz needs to write to it (even to show the history); "
                f"nothing was changed. Make it writable (chmod u+w {shown(at)}), then run quiz again"
            )
