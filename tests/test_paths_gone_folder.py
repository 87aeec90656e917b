"""A relative path given while the current folder no longer exists (deleted, or moved away, with a
shell still in it) is told in words, naming the path and what to do: `--data-dir mydata` gave a
Python traceback (os.getcwd failing under Path.absolute, at parsing), QUIZ_DATA_DIR=mydata and a
relative -o or --csv only "quiz: No such file or directory" (T6 #13)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.history_helpers import ROOT, seed

GONE = "the current folder no longer exists"


def quiz_in_a_deleted_folder(
    tmp_path: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run quiz (as the shim does: python -P -m quiz) in a folder deleted just before it starts."""
    folder = tmp_path / "gone"
    folder.mkdir()
    environ = {k: v for k, v in os.environ.items() if k != "QUIZ_DATA_DIR"}
    environ |= {"PYTHONPATH": str(ROOT), "XDG_CONFIG_HOME": str(tmp_path / "config"), **(env or {})}
    return subprocess.run(
        ["sh", "-c", 'rmdir "$PWD" && exec "$@"', "sh", sys.executable, "-P", "-m", "quiz", *args],
        cwd=folder, env=environ, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


@pytest.mark.parametrize(
    "command",
    [["history", "--plain"], ["history", "export", "--csv", "x.csv"], ["decks"], []],
    ids=["history", "export", "decks", "the app"],
)
def test_a_relative_data_dir_in_a_deleted_folder_is_a_usage_error(tmp_path: Path, command: list[str]) -> None:
    run = quiz_in_a_deleted_folder(tmp_path, "--data-dir", "mydata", *command)
    assert run.returncode == 2 and "Traceback" not in run.stderr, run.stderr
    assert f"mydata: a relative path, and {GONE}" in run.stderr and "give a full path" in run.stderr


def test_a_relative_quiz_data_dir_in_a_deleted_folder_is_told(tmp_path: Path) -> None:
    run = quiz_in_a_deleted_folder(tmp_path, "history", "--plain", env={"QUIZ_DATA_DIR": "mydata"})
    assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
    assert f"QUIZ_DATA_DIR=mydata: a relative path, and {GONE}" in run.stderr


@pytest.mark.parametrize(
    "command",
    [
        ["history", "export", "--csv", "x.csv"],
        ["history", "export", "--csv", "sub/x.csv", "--force"],
        ["export", "{deck}", "-o", "out.apkg"],
        ["export", "{deck}", "--format", "markdown", "-o", "out.md"],
        ["import", "{cards}", "-o", "out.toml"],
    ],
    ids=["csv", "csv in a folder", "apkg", "markdown", "import"],
)
def test_a_relative_output_in_a_deleted_folder_is_named(tmp_path: Path, command: list[str]) -> None:
    data = tmp_path / "data"
    seed(data, 3)
    cards = tmp_path / "cards.txt"
    cards.write_text("Normal pulse\t60 to 100 beats a minute\n", encoding="utf-8")
    deck = ROOT / "decks" / "rectal-cancer-stage-iv.toml"
    args = [a.format(deck=deck, cards=cards) for a in command]
    run = quiz_in_a_deleted_folder(tmp_path, *args, env={"QUIZ_DATA_DIR": str(data)})
    output = args[max(i for i, a in enumerate(args) if a in ("-o", "--csv")) + 1]
    assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
    assert f"{output}: a relative path, and {GONE}" in run.stderr, run.stderr


def test_standard_output_needs_no_current_folder(tmp_path: Path) -> None:
    data = tmp_path / "data"
    seed(data, 3)
    run = quiz_in_a_deleted_folder(tmp_path, "history", "export", "--csv", "-", env={"QUIZ_DATA_DIR": str(data)})
    assert run.returncode == 0 and run.stdout.count("\n") == 4, run.stderr
