"""Files quiz writes: whole or not at all (a temporary file, then a rename), and one-at-a-time locks.

A write that fails half-way (a full disk, a kill) leaves the earlier file as it was and at most a
temporary file named `.<name>.<random>.tmp` beside it, which remove_stale_temps clears later.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import BinaryIO

from quiz.errors import QuizError


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


def _write_temp(folder: Path, name: str, write: Callable[[BinaryIO], object]) -> Path:
    """Write a new temporary file (0600, created with O_EXCL by mkstemp) in `folder` and fsync it."""
    if not folder.is_dir():
        raise QuizError(f"{folder}: no such folder")
    if (folder / name).is_dir():
        raise QuizError(f"{folder / name}: is a folder; name a file to write")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=TEMP_SUFFIX, dir=folder)
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


def write_atomic(path: Path, write: Callable[[BinaryIO], object], *, private: bool = False) -> None:
    """Create or replace `path` with what `write` puts in the open file.

    The file is 0600 when `private` (health data), else it gets the usual permissions (umask).
    If anything fails, `path` is left as it was and the temporary file is removed.
    """
    tmp = _write_temp(path.parent, path.name, write)
    try:
        if not private:
            os.chmod(tmp, _default_mode())
        os.replace(tmp, path)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        raise WriteError(path, err) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_text(path: Path, text: str) -> None:
    """Create or replace a UTF-8 text file with `\\n` line endings."""
    def write(handle: BinaryIO) -> None:
        handle.write(text.encode("utf-8"))

    write_atomic(path, write)


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
            try:
                os.link(tmp, candidate)
            except FileExistsError:
                continue
            except OSError:  # a file system without hard links: claim the name, then move in
                try:
                    os.close(os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE))
                except FileExistsError:
                    continue
                os.replace(tmp, candidate)
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


@contextmanager
def try_lock(path: Path) -> Iterator[bool]:
    """Hold an exclusive lock on the file `path` (created 0600) while the block runs, if no other
    process holds it; yield whether this process got it. The operating system releases the lock
    when the process ends, however it ends, so no lock is ever left stale.
    """
    fd = os.open(path, os.O_RDWR | os.O_CREAT, PRIVATE)
    try:
        yield _lock(fd)
    finally:
        os.close(fd)  # closing releases the lock


def _lock(fd: int) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True
