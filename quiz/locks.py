"""One-at-a-time locks on a file, released by the operating system however the process ends."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from quiz.files import PRIVATE


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
