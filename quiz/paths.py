"""Where quiz keeps a person's data: platformdirs' user data dir, or QUIZ_DATA_DIR, or --data-dir."""

from __future__ import annotations

import os
from pathlib import Path

from quiz.errors import QuizError, UsageError
from quiz.untrusted import visible

APP_NAME = "quiz"
ENV_VAR = "QUIZ_DATA_DIR"
DIR_MODE = 0o700
FILE_MODE = 0o600


EMPTY_DATA_DIR = "an empty DIR names no folder; give a folder, or leave --data-dir out for the default one"


def shown(path: str | os.PathLike[str]) -> str:
    """`path` as every message shows it: its characters as they are but for those a terminal could
    act on or that show as nothing, tab and line breaks too, written as `\\uXXXX` escapes
    (quiz.untrusted.visible, as for a name): a folder named with a line break reads as one path, on
    one line, and says what it holds."""
    return visible(os.fspath(path))


def os_path(path: str | os.PathLike[str]) -> Path:
    """`path` made absolute (from the current directory; `~` expanded) and naming the file or
    folder the system opens for it. A `..` is resolved as the system resolves it: the parent of
    what stands before it, after links, and `/..` is `/` (resolve()); a path with no `..` is kept as
    written, links and all. SQLite resolves `..` by itself, by the letters alone, and refuses one
    that climbs above `/` ("unable to open database file"), so every path quiz gives SQLite, or
    shows for a folder it uses, comes from here. Raises UsageError, naming `path`, when its `~`
    or `~name` names no home folder (an unknown user, or no HOME), or when it is relative and the
    current folder no longer exists (gone_folder_message)."""
    try:
        expanded = Path(path).expanduser()
    except RuntimeError:  # ~name of no user, or ~ with no home folder known (Python names neither)
        raise UsageError(_unknown_home(os.fspath(path))) from None
    try:
        absolute = expanded.absolute()
    except FileNotFoundError:  # os.getcwd(): the current folder was deleted
        raise UsageError(gone_folder_message(os.fspath(path))) from None
    return absolute.resolve() if ".." in absolute.parts else absolute


def current_folder_gone() -> bool:
    """Whether the current folder no longer exists (deleted, or its parent, while a shell was in
    it): then the system can make no relative path absolute (os.getcwd fails) nor open one."""
    try:
        os.getcwd()
    except FileNotFoundError:
        return True
    return False


def gone_folder_message(path: str | None = None) -> str:
    """What to say when the relative `path` (None: some relative path given) meets a current folder
    that no longer exists (current_folder_gone): it names nothing, and what to do."""
    gone = "the current folder no longer exists (it was deleted or moved)"
    said = (
        f"{path}: a relative path, and {gone}, so it names nothing"
        if path
        else f"a relative path names nothing: {gone}"
    )
    return f"{said}; give a full path, or change to a folder that exists (cd) and run quiz again"


def _unknown_home(path: str) -> str:
    """Why `path`, starting with ~ or ~name, names no folder (os_path's UsageError)."""
    first = Path(path).parts[0]
    if first == "~":
        return f"{path}: ~ stands for your home folder, and none is known here (HOME is not set); give a full path"
    return (
        f"{path}: {first} stands for the home folder of the user {first[1:]}, and there is no such user; "
        "give a full path"
    )


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Return the data directory as an absolute path (not created): the override, then
    $QUIZ_DATA_DIR, then platformdirs. A relative folder is taken from the current directory once,
    here, so every later use (SQLite URIs, backups, restore) names the same folder.

    An empty `override` (`--data-dir ""`) raises UsageError (EMPTY_DATA_DIR): it names no folder,
    and taking it for the default would open the person's own history unasked. An empty
    $QUIZ_DATA_DIR is taken as unset, the convention for environment variables (as for
    $XDG_DATA_HOME in the XDG Base Directory spec), so `QUIZ_DATA_DIR= quiz` is plain `quiz`. A
    value of only spaces, tabs or line breaks (a stray space in a profile line) is empty too: taken
    as a folder named " ", it would give each current folder a history of its own.
    A `~name` of no user is a UsageError for `override` and a QuizError for $QUIZ_DATA_DIR (os_path).
    """
    if override is not None:
        if not os.fspath(override).strip():
            raise UsageError(EMPTY_DATA_DIR)
        return os_path(override)
    env = os.environ.get(ENV_VAR)
    if env and env.strip():
        try:
            return os_path(env)
        except UsageError as err:  # not a usage of the command: the environment's
            raise QuizError(f"{ENV_VAR}={err}") from None
    import platformdirs  # only when needed: keeps `quiz check` start-up small

    return os_path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def ensure_private_dir(path: Path) -> Path:
    """Return `path` made absolute (os_path), creating it (and missing parents) 0700 if it does not exist.

    A folder that already exists keeps its mode: quiz never chmods a folder it did not create
    (a shared 1777 folder would lose its sticky bit); see others_can_read for the warning.
    Raises QuizError when `path` (or a parent) exists but is not a folder.
    """
    path = os_path(path)
    missing = []
    folder = path
    while not folder.is_dir():
        refuse_non_folder(folder)
        missing.append(folder)
        folder = folder.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=DIR_MODE)
        except FileExistsError:  # another quiz made it just now
            continue
        os.chmod(folder, DIR_MODE)  # mkdir's mode is masked by the umask
    return path


def refuse_non_folder(path: Path) -> None:
    """Raise QuizError when `path`, or else the nearest of its parents that exists, is not a folder
    (a file or a dangling link): no folder can be made there ("a-file/data")."""
    for at in (path, *path.parents):
        if at.exists() or at.is_symlink():
            if not at.is_dir():
                raise QuizError(f"{shown(at)}: not a folder; give quiz a folder for its data (--data-dir DIR)")
            return


def can_write_in(folder: Path) -> bool:
    """Whether quiz can make and change files in `folder`, or, when it does not exist yet, in the
    nearest of its parents that does (where it would be made): false on a read-only disk or mount,
    or a folder whose mode does not let this user write."""
    at = next((p for p in (folder, *folder.parents) if p.exists()), folder)
    return os.access(at, os.W_OK | os.X_OK)


def on_read_only_disk(path: Path) -> bool:
    """Whether the existing `path` is on a disk or mount that is read-only (statvfs ST_RDONLY):
    there no file or folder can be changed, not even its mode, whoever owns it."""
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def others_can_read(path: Path) -> bool:
    """Whether users other than the owner can list or enter the existing folder `path`."""
    try:
        return bool(path.stat().st_mode & 0o077)
    except OSError:
        return False


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
