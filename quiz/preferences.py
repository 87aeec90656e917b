"""What a person chose in the app (the theme, and any later choice), kept between runs.

The file is `settings.toml` in the user's config folder (platformdirs' user_config_dir, or
$QUIZ_CONFIG_DIR), readable by its owner alone (0600 in a 0700 folder). A missing file means the
defaults; a damaged one is ignored (the defaults are used and the caller is told why), never a
crash, and it is replaced only when the person changes a setting again.
"""

# No `from __future__ import annotations` here: typing.NamedTuple compiles each annotation written
# as text (typing.ForwardRef), about 7 µs a field at every start of the app (docs/benchmarks.md).

import os
from pathlib import Path
from typing import NamedTuple

from quiz.errors import QuizError, UsageError
from quiz.files import write_atomic
from quiz.paths import APP_NAME, ensure_private_dir, os_path

CONFIG_ENV_VAR = "QUIZ_CONFIG_DIR"
FILE_NAME = "settings.toml"
MAX_BYTES = 64 * 1024
"""A settings file larger than this is not read (it cannot be one quiz wrote)."""
DAMAGED = "{path} is damaged (it is not a settings file quiz can read); using the defaults"


class Preferences(NamedTuple):
    """The person's choices; None means "quiz's default"."""

    theme: str | None = None
    certainty: str | None = None
    """For which facts to ask how sure the learner is: a quiz.certainty.AskCertainty value."""


def config_dir() -> Path:
    """The folder of the settings file (not created): $QUIZ_CONFIG_DIR, else platformdirs'.
    Raises QuizError, naming it, when $QUIZ_CONFIG_DIR starts with a `~name` of no user."""
    env = os.environ.get(CONFIG_ENV_VAR)
    if env:
        try:
            return os_path(env)
        except UsageError as err:  # a ~name of no user (quiz.paths.os_path)
            raise QuizError(f"{CONFIG_ENV_VAR}={err}") from None
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def load(folder: Path) -> tuple[Preferences, str | None]:
    """Read the settings in `folder`: (preferences, None), or (defaults, why they were ignored)."""
    path = folder / FILE_NAME
    try:
        if path.stat().st_size > MAX_BYTES:
            return Preferences(), f"{path} is too large to be a quiz settings file; using the defaults"
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Preferences(), None
    except OSError as err:
        return Preferences(), f"{path} could not be read ({err.strerror or err}); using the defaults"
    except UnicodeDecodeError:
        return Preferences(), DAMAGED.format(path=path)
    import tomllib  # only once there is a file: a new person's every start has none

    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return Preferences(), DAMAGED.format(path=path)
    from quiz.certainty import AskCertainty

    theme, certainty = raw.get("theme"), raw.get("certainty")
    if theme is not None and not (isinstance(theme, str) and theme.isprintable() and len(theme) <= 100):
        return Preferences(), f"{path} has a theme quiz cannot use; using the defaults"
    if certainty is not None and certainty not in {a.value for a in AskCertainty}:
        return Preferences(), f"{path} has a certainty setting quiz cannot use; using the defaults"
    return Preferences(theme=theme, certainty=certainty), None


def save(folder: Path, preferences: Preferences) -> None:
    """Write the settings to `folder` (created 0700), replacing the file whole (0600). Raises OSError."""
    import tomli_w

    ensure_private_dir(folder)
    values = {k: v for k, v in preferences._asdict().items() if v is not None}
    write_atomic(folder / FILE_NAME, lambda out: tomli_w.dump(values, out), private=True)
