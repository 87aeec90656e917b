"""Files quiz writes: whole or not at all (a temporary file, then a rename).

A write that fails half-way (a full disk, a kill) leaves the earlier file as it was and at most a
temporary file named `.<name>.<random>.tmp` (0600), which remove_stale_temps clears later: one
of the person's answers is written in the data folder, cleared at quiz's next run (write_atomic's
`temp_folder`), any other beside the file, cleared when that file is next written.
"""

from __future__ import annotations

import errno
import glob
import os
import stat
import tempfile
import time
from collections.abc import Callable, Iterable
from contextlib import suppress
from pathlib import Path
from typing import BinaryIO

from quiz.errors import QuizError
from quiz.paths import current_folder_gone, gone_folder_message


class WriteError(QuizError, OSError):
    """A file could not be written. Its message names the person's file, never the temporary one;
    it is an OSError too (with the errno), so code that handles OSError keeps working."""

    def __init__(self, path: Path, err: OSError) -> None:
        super().__init__(err.errno, f"{path}: cannot be written ({err.strerror or err})")

    def __str__(self) -> str:
        return str(self.strerror)


PRIVATE = 0o600
TEMP_SUFFIX = ".tmp"
STALE_AFTER_S = 3600
"""A temporary file untouched for this long belongs to a write that died (quiz's writes take seconds)."""


def _default_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _mode_for(target: Path, *, private: bool) -> int:
    """The permission bits for the file written as `target`: those of the regular file there now
    (never more open than the owner's when `private`: health data is never made readable to
    others), else 0600 when `private`, else the umask's default for a new file."""
    try:
        info = os.stat(target)
    except OSError:
        info = None
    if info is not None and stat.S_ISREG(info.st_mode):
        kept = stat.S_IMODE(info.st_mode) & 0o777
        return kept & 0o700 if private else kept
    return PRIVATE if private else _default_mode()


def _write_temp(
    folder: Path, name: str, write: Callable[[BinaryIO], object], *, temp_folder: Path | None = None
) -> Path:
    """Write a new temporary file (0600, created with O_EXCL by mkstemp) for the file `name` in
    `folder` and fsync it: in `temp_folder` when given and on the same file system (so a rename
    moves it into place), else in `folder`."""
    if not folder.is_dir():
        raise QuizError(f"{folder}: no such folder")
    if (folder / name).is_dir():
        raise QuizError(f"{folder / name}: is a folder; name a file to write")
    if temp_folder is not None and not _same_file_system(temp_folder, folder):
        temp_folder = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=TEMP_SUFFIX, dir=temp_folder or folder)
    except OSError as err:
        raise WriteError(folder / name, err) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as err:  # the temporary file's name means nothing to the person: name theirs
        Path(tmp).unlink(missing_ok=True)
        raise WriteError(folder / name, err) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def _same_file_system(one: Path, other: Path) -> bool:
    try:
        return os.stat(one).st_dev == os.stat(other).st_dev
    except OSError:
        return False


def write_atomic(
    path: Path,
    write: Callable[[BinaryIO], object],
    *,
    private: bool = False,
    replace: bool = True,
    temp_folder: Path | None = None,
) -> None:
    """Create or replace `path` with what `write` puts in the open file.

    A file replaced keeps its permission bits (as `cp`, `sort -o` and editors keep them: a deck
    the person made 0600 stays so); a new file is 0600 when `private` (health data), else it gets
    the usual permissions (umask). See _mode_for. The temporary file is written in `temp_folder`
    when given (a folder quiz clears of stale ones at its next run: the data folder) and on the
    same file system, else beside the file; older ones left there for the same name are removed.
    If anything fails, `path` is left as it was and the temporary file is removed. What `path`
    names decides how it is written (as `cp` and `sort -o` write onto it):

    - a pipe (FIFO) or a character device (/dev/null), or the file this process's standard output
      or error already writes to (/dev/stdout, /proc/self/fd/1), is written into as a stream
      (stream_into): nothing is stored there to keep, and renaming over one would put a plain
      file in its place (a device node gone from /dev); a terminal is refused (nothing raw goes
      to a terminal: `-` shows the text safely); a block device, a socket or a folder is refused;
    - a link is followed, and the file it points to is written (the link is kept); a link to
      nothing, or a loop of links, is refused (QuizError), as `cp` refuses to write through one;
    - an existing regular file is replaced whole, or, with `replace` false, never: QuizError (the
      name is claimed as write_new_private claims it, so a file made meanwhile is not replaced).

    Raises WriteError (an OSError naming `path`) when the write itself fails (a full disk).
    """
    stream = stream_into(path)
    if stream is not None:
        _write_stream(path, stream, write)
        return
    target = follow_link(path)
    mode = _mode_for(target, private=private)
    remove_stale_temps(target.parent, f".{glob.escape(target.name)}.*{TEMP_SUFFIX}")
    tmp = _write_temp(target.parent, target.name, write, temp_folder=temp_folder)
    try:
        if mode != PRIVATE:
            os.chmod(tmp, mode)
        if replace:
            os.replace(tmp, target)
        elif not _claim(tmp, target):
            raise QuizError(f"{path}: already exists; add --force to replace it")
    except OSError as err:
        raise WriteError(path, err) from None
    finally:
        tmp.unlink(missing_ok=True)


def follow_link(path: Path) -> Path:
    """The file `path` names: `path` itself, or the file its link (or chain of links) points to.
    QuizError for a link to nothing or a loop of links: what would be written is unclear."""
    if not path.is_symlink():
        return path
    try:
        return Path(os.path.realpath(path, strict=True))
    except OSError:
        target = Path(os.path.realpath(path))
        raise QuizError(
            f"{path}: a link to {target}, which does not exist (or a loop of links); name the file itself"
        ) from None


STANDARD_OUT = (1, 2)
"""The descriptors of standard output and error: a file named for them is written through them."""


def is_stream(path: Path) -> bool:
    """Whether write_atomic writes into `path` as a stream (stream_into): a pipe, a character
    device, or what standard output or error writes to. Its name says nothing of what is written."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return False
    return stat.S_ISFIFO(info.st_mode) or stat.S_ISCHR(info.st_mode) or _standard_out(info) is not None


def is_standard_output(path: Path) -> bool:
    """Whether `path` names the file standard output writes to (/dev/stdout, /proc/self/fd/1, the
    file a `>` sends it to): a command writing there says what it did on standard error instead."""
    try:
        return os.path.samestat(os.stat(path), os.fstat(1))
    except (OSError, ValueError):
        return False


def is_standard_input(path: Path) -> bool:
    """Whether `path` names the regular file standard input reads (`< file`): the same device and
    inode as os.fstat(0), whatever name, link or hard link leads to it. A pipe or a terminal is
    read as it comes, with nothing stored to lose, so never."""
    try:
        info = os.fstat(0)
        return stat.S_ISREG(info.st_mode) and os.path.samestat(os.stat(path), info)
    except (OSError, ValueError):
        return False


def _standard_out(info: os.stat_result) -> int | None:
    """The standard descriptor (STANDARD_OUT) open on the file `info` describes, if one is."""
    for fd in STANDARD_OUT:
        with suppress(OSError):
            if os.path.samestat(info, os.fstat(fd)):
                return fd
    return None


def stream_into(path: Path) -> int | None:
    """An open descriptor to write into when `path` is what is_stream says (a pipe, a character
    device, or standard output's or error's file: a copy of that descriptor, so a `>>` append
    goes on appending), None when it is a regular file or nothing yet; QuizError for what cannot
    be written to at all. The system follows links, /proc's too, as it opens the file."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as err:
        raise WriteError(path, err) from None
    standard = _standard_out(info)
    if standard is not None:
        fd = os.dup(standard)
    elif stat.S_ISREG(info.st_mode):
        return None
    elif stat.S_ISDIR(info.st_mode):
        raise QuizError(f"{path}: is a folder; name a file to write")
    elif not (stat.S_ISFIFO(info.st_mode) or stat.S_ISCHR(info.st_mode)):
        raise QuizError(f"{path}: not a regular file, a pipe or a character device; quiz does not write there")
    elif stat.S_ISFIFO(info.st_mode):
        fd = _open_pipe(path)
    else:
        try:  # no O_CREAT: what is opened is what was there
            fd = os.open(path, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
        except OSError as err:
            raise WriteError(path, err) from None
    if os.isatty(fd):
        os.close(fd)
        raise QuizError(f"{path}: is a terminal; to see the text there, write to '-' (standard output)")
    return fd


READER_WAIT_S = 5.0
"""How long quiz waits for a program to open a named pipe for reading (one started just after
quiz, `quiz ... --csv pipe & cat pipe`) before saying none is: never a wait without end."""


def _open_pipe(path: Path) -> int:
    """The named pipe `path` opened for writing once a program reads from it (QuizError if none
    does within READER_WAIT_S), then made blocking, so writes wait for the reader as `>` does."""
    deadline = time.monotonic() + READER_WAIT_S
    while True:
        try:
            fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
            break
        except OSError as err:
            if err.errno != errno.ENXIO:  # ENXIO: no reader yet
                raise WriteError(path, err) from None
            if time.monotonic() >= deadline:
                raise QuizError(
                    f"{path}: a named pipe that no program is reading from; start the program that "
                    "reads it first (nothing was written)"
                ) from None
            time.sleep(0.05)
    os.set_blocking(fd, True)
    return fd


def _write_stream(path: Path, fd: int, write: Callable[[BinaryIO], object]) -> None:
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
    except OSError as err:
        raise WriteError(path, err) from None


def _claim(tmp: Path, target: Path) -> bool:
    """Give the written file `tmp` the name `target` only if nothing has that name; whether it did."""
    try:
        os.link(tmp, target)
    except FileExistsError:
        return False
    except OSError:  # a file system without hard links: claim the name, then move in
        try:
            os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE))
        except FileExistsError:
            return False
        os.replace(tmp, target)
    return True


def same_file(path: Path, other: Path) -> bool:
    """Whether `path` and `other` name one file: the same file (links and hard links followed), or,
    where one is missing, the same place once links and `..` are resolved."""
    with suppress(OSError):
        return path.samefile(other)
    return os.path.realpath(path) == os.path.realpath(other)


def _in_folder(path: Path, folder: Path) -> bool:
    """Whether `path` is in `folder` (or below it), by its name or as a (hard) link to a file there."""
    if Path(os.path.realpath(folder)) in Path(os.path.realpath(path)).parents:
        return True
    with suppress(OSError):
        return path.exists() and any(same_file(path, there) for there in folder.iterdir())
    return False


def check_output(path: Path, *, force: bool, keep: Iterable[tuple[Path, str]] = (), alternative: str = "") -> None:
    """Raise QuizError unless quiz may write the file `path` the person named for a command's
    output (an export, an import's deck, a new deck); the one rule every such command follows:

    - never, not even with `force`, a file in `keep` ((file or folder, what it is): the score
      history, its side files, backups, the deck being exported...) or anything in a folder there,
      whatever name or link leads to it; a kept `-` is the file standard input reads, if it reads
      one (is_standard_input: `quiz import - -o cards.toml < cards.toml`);
    - an existing regular file only with `force` (the message names the file and the flag, and
      `alternative`, another way out, if given);
    - a pipe or a character device is written into, not replaced (write_atomic), so it needs no
      `force`: nothing stored there is lost.
    """
    if not path.is_absolute() and current_folder_gone():  # the system can neither check nor write it
        raise QuizError(gone_folder_message(str(path)))
    for kept, what in keep:  # first: a link to a kept file is refused as that file, even a link to none yet
        stdin = str(kept) == "-"
        if is_standard_input(path) if stdin else same_file(path, kept):
            raise QuizError(f"{path}: this is {what}; quiz never writes over it, not even with --force. "
                            "Choose another file")
        if not stdin and kept.is_dir() and _in_folder(path, kept):
            raise QuizError(f"{path}: this is in {what} ({kept}); quiz never writes there, not even with "
                            "--force. Choose another file")
    if is_stream(path):
        return  # written into, not replaced: nothing there is lost
    target = follow_link(path)
    if target.is_dir():
        raise QuizError(f"{path}: is a folder; name a file to write")
    if not force and target.is_file():
        other = f", or {alternative}" if alternative else ""
        raise QuizError(f"{path}: already exists; add --force to replace it{other}")


def write_output(
    path: Path,
    write: Callable[[BinaryIO], object],
    *,
    force: bool,
    keep: Iterable[tuple[Path, str]] = (),
    private: bool = False,
    temp_folder: Path | None = None,
) -> None:
    """Write the file `path` the person named, as check_output allows (which see), whole
    (write_atomic, `private` and `temp_folder` as there): an existing file is replaced only with `force`."""
    keep = list(keep)
    check_output(path, force=force, keep=keep)
    write_atomic(path, write, private=private, replace=force, temp_folder=temp_folder)


def write_text(path: Path, text: str, *, force: bool, keep: Iterable[tuple[Path, str]] = ()) -> None:
    """Create or replace (only with `force`, as write_output) a UTF-8 text file with `\\n` line endings."""
    def write(handle: BinaryIO) -> None:
        handle.write(text.encode("utf-8"))

    write_output(path, write, force=force, keep=keep)


def write_new_private(path: Path, write: Callable[[BinaryIO], object]) -> Path:
    """Write a new 0600 file at `path`, or at `name-2.ext`, `name-3.ext`... if that name is taken;
    return the name used. An existing file is never opened, replaced or written into.

    The file is written whole under a temporary name, then linked to a name that does not exist
    yet (a link, like O_EXCL, fails when the name exists), so no partial file ever has the name.
    """
    tmp = _write_temp(path.parent, path.name, write)
    try:
        for n in range(1, 10_000):
            candidate = path if n == 1 else path.with_name(f"{path.stem}-{n}{path.suffix}")
            if _claim(tmp, candidate):
                return candidate
        raise QuizError(f"{path.parent}: too many files named like {path.name}")
    finally:
        tmp.unlink(missing_ok=True)


def remove_stale_temps(folder: Path, pattern: str = f".*{TEMP_SUFFIX}", *, older_than: float = STALE_AFTER_S) -> int:
    """Delete the temporary files matching `pattern` in `folder` not touched for `older_than`
    seconds (0: all of them), left by writes that died; return how many were removed."""
    removed = 0
    limit = time.time() - older_than
    with suppress(OSError):
        for tmp in folder.glob(pattern):
            with suppress(OSError):
                if older_than <= 0 or tmp.stat().st_mtime < limit:
                    tmp.unlink()
                    removed += 1
    return removed
