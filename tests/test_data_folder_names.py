"""The data folder's name in messages and in QUIZ_DATA_DIR (T9 #12): a tab or line break in its
path is shown escaped, one path on one line (quiz.paths.shown); a QUIZ_DATA_DIR of only white
space is empty, so the default folder is used (the help: "if set and not empty")."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.errors import UsageError
from quiz.paths import data_dir, history_db, shown
from quiz.untrusted import visible
from tests.history_helpers import quiz, seed


@pytest.mark.parametrize("odd", ["nl\nx", "tab\tx", "esc\x1b[31mx"])
def test_a_data_folder_with_a_line_break_or_tab_is_named_on_one_line(tmp_path: Path, odd: str) -> None:
    data = tmp_path / odd
    data.mkdir(mode=0o700)
    backup = seed(data, 3, backup=True)
    assert backup is not None
    history_db(data).write_bytes(b"")  # damaged: the message names the folder twice
    run = quiz("history", "--plain", data=data, cwd=tmp_path)
    assert run.returncode == 1
    assert run.stderr.count("\n") == 1 and "\t" not in run.stderr and "\x1b" not in run.stderr
    assert shown(history_db(data)) in run.stderr
    restored = quiz("history", "restore", "--force", data=data, cwd=tmp_path)
    assert restored.returncode == 0, restored.stderr
    assert restored.stdout.count("\n") == 1 and shown(backup) in restored.stdout


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00/"), min_size=1))
def test_a_path_shown_is_one_line_that_a_terminal_does_not_act_on(name: str) -> None:
    text = shown(Path("/data") / name)
    assert "\n" not in text and "\t" not in text and "\x1b" not in text
    assert visible(text, lines=True) == text  # printed as it is by say()


@pytest.mark.parametrize("blank", [" ", "  ", "\t", " \n"])
def test_a_blank_data_folder_variable_is_the_same_as_unset(
    blank: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("QUIZ_DATA_DIR", raising=False)
    default = data_dir()
    monkeypatch.setenv("QUIZ_DATA_DIR", blank)
    monkeypatch.chdir(tmp_path)
    assert data_dir() == default
    assert not (tmp_path / blank).exists()


@pytest.mark.parametrize("blank", [" ", "\t"])
def test_a_blank_data_folder_option_is_a_usage_error(blank: str) -> None:
    with pytest.raises(UsageError):
        data_dir(blank)
