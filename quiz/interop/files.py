"""Write an output file whole: a temporary file beside it, then a rename, so no half-written file is left."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from quiz.errors import QuizError


def _default_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomic(path: Path, write: Callable[[BinaryIO], None]) -> None:
    """Create or replace `path` with what `write` puts in the open file, with the usual permissions."""
    folder = path.parent
    if not folder.is_dir():
        raise QuizError(f"{folder}: no such folder")
    if path.is_dir():
        raise QuizError(f"{path}: is a folder; name a file to write")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as err:
        raise QuizError(f"{path}: cannot be written ({err.strerror or err})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
        os.chmod(tmp, _default_mode())
        os.replace(tmp, path)
    except OSError as err:  # the temporary file's name means nothing to the person: name theirs
        Path(tmp).unlink(missing_ok=True)
        raise QuizError(f"{path}: cannot be written ({err.strerror or err})") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text(path: Path, text: str) -> None:
    """Create or replace a UTF-8 text file with `\\n` line endings."""
    write_atomic(path, lambda handle: handle.write(text.encode("utf-8")))
