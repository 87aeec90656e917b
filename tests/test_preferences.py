"""The settings file: kept privately, read back, and ignored with a reason when damaged."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from quiz.preferences import FILE_NAME, Preferences, load, save


def test_a_choice_is_kept_privately(tmp_path: Path) -> None:
    folder = tmp_path / "config" / "quiz"
    save(folder, Preferences(theme="nord"))
    assert load(folder) == (Preferences(theme="nord"), None)
    assert (folder / FILE_NAME).stat().st_mode & 0o777 == 0o600
    assert folder.stat().st_mode & 0o777 == 0o700
    assert [p.name for p in folder.iterdir()] == [FILE_NAME]


def test_no_file_means_the_defaults(tmp_path: Path) -> None:
    assert load(tmp_path) == (Preferences(), None)


@given(st.binary(max_size=200))
def test_any_damaged_file_gives_the_defaults_or_a_choice_never_an_error(tmp_path_factory, raw: bytes) -> None:
    folder = tmp_path_factory.mktemp("cfg")
    (folder / FILE_NAME).write_bytes(raw)
    chosen, problem = load(folder)
    assert isinstance(chosen, Preferences)
    assert problem is None or (chosen == Preferences() and FILE_NAME in problem)
    assert chosen.theme is None or (chosen.theme.isprintable() and problem is None)


def test_a_theme_that_is_not_text_is_ignored_with_a_reason(tmp_path: Path) -> None:
    (tmp_path / FILE_NAME).write_text('theme = "\\u001b[2J"\n')
    chosen, problem = load(tmp_path)
    assert chosen == Preferences() and "cannot use" in problem
