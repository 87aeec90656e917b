"""Where the history cannot be kept, quiz says so plainly and what to do: a data folder that is
read-only (a read-only disk or mount) and a folder standing where the history file should be.
Through the real command line, on a real read-only folder; nothing is changed."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.paths import history_db
from quiz.store import Store

COMMANDS = [
    ["history", "--plain"],
    ["history", "--json"],
    ["history", "export", "--csv", "-"],
    ["history", "restore"],
]


def seeded(data: Path) -> Path:
    with Store.open(data) as store:  # with a backup, for restore to find
        store.finish_session(store.start_session("kidney-care", "multiple-choice", "1"))
    return data


@pytest.fixture
def read_only(tmp_path: Path) -> Iterator[Path]:
    """A data folder with a history, made read-only: a read-only bind mount for root (whom file
    modes do not stop), a 0555 folder for anyone else; skipped where neither can be made."""
    data = seeded(tmp_path / "data")
    if os.geteuid() != 0:
        data.chmod(0o555)
        yield data
        data.chmod(0o700)
        return
    mounted = subprocess.run(["mount", "--bind", "-o", "ro", str(data), str(data)], capture_output=True, check=False)
    if mounted.returncode != 0:
        pytest.skip(f"cannot make a read-only mount here: {mounted.stderr.decode(errors='replace').strip()}")
    try:
        yield data
    finally:
        subprocess.run(["umount", str(data)], check=True)


def before(data: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in data.iterdir() if p.is_file()}


@pytest.mark.parametrize("command", COMMANDS, ids=[" ".join(c[1:3]) for c in COMMANDS])
def test_a_read_only_data_folder_is_named_as_such(
    read_only: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert not os.access(read_only, os.W_OK)
    files = before(read_only)
    assert main([*command, "--data-dir", str(read_only)]) == 1
    said = capsys.readouterr().err
    assert f"{read_only}: this data folder is read-only" in said
    assert "--data-dir" in said and "unable to open" not in said and "Read-only file system" not in said
    assert before(read_only) == files


@pytest.mark.parametrize("command", COMMANDS, ids=[" ".join(c[1:3]) for c in COMMANDS])
def test_a_folder_where_the_history_file_should_be_is_named_as_such(
    tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    history_db(data).mkdir(parents=True)
    (history_db(data) / "kept.txt").write_text("mine")
    assert main([*command, "--data-dir", str(data)]) == 1
    said = capsys.readouterr().err
    assert f"{history_db(data)}: this is a folder, where quiz keeps its score history file" in said
    assert "Is a directory" not in said
    assert (history_db(data) / "kept.txt").read_text() == "mine"
