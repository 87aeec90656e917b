"""Where quiz keeps a person's data: platformdirs' user data dir, or QUIZ_DATA_DIR, or --data-dir."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "quiz"
ENV_VAR = "QUIZ_DATA_DIR"
DIR_MODE = 0o700
FILE_MODE = 0o600


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Return the data directory (not created): the override, then $QUIZ_DATA_DIR, then platformdirs."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    import platformdirs  # only when needed: keeps `quiz check` start-up small

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def ensure_private_dir(path: Path) -> Path:
    """Create `path` (and missing parents, also 0700) if needed; make it readable by its owner alone."""
    missing = []
    folder = path
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    for folder in reversed(missing):
        folder.mkdir(mode=DIR_MODE, exist_ok=True)
    if path.stat().st_mode & 0o777 != DIR_MODE:
        path.chmod(DIR_MODE)
    return path


def user_decks_dir(root: Path) -> Path:
    """The folder of the person's own decks."""
    return root / "decks"


def history_db(root: Path) -> Path:
    """The SQLite score history."""
    return root / "history.db"


def backups_dir(root: Path) -> Path:
    """Where backups of the score history are kept."""
    return root / "backups"


def cache_dir(root: Path) -> Path:
    """Where parsed decks are cached (quiz.deck.cache), inside the data folder."""
    return root / "cache" / "decks"


def builtin_decks_dir() -> Path:
    """The built-in decks: inside the installed package, or `decks/` beside it in a source checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "decks"
    if packaged.is_dir():
        return packaged
    return here.parent / "decks"
