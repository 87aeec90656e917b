"""What a write keeps of what the person had: a file replaced keeps its permission bits (a
private deck stays private), the file standard input reads is never written over (`quiz import -
-o cards.toml < cards.toml`), and a write killed half-way leaves no copy of the answers behind
past quiz's next run."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.files import STALE_AFTER_S, TEMP_SUFFIX, write_atomic
from quiz.store import Store
from tests.history_helpers import ROOT, quiz, seed

CARDS = "What is HbA1c?\tA blood test\nHow often should you check your feet?\tEvery day\n"
COMPLETE = Path(__file__).parent / "data" / "decks" / "valid" / "complete.toml"


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mode=st.integers(min_value=0, max_value=0o777), private=st.booleans(), link=st.booleans())
def test_a_replaced_file_keeps_its_mode_and_a_private_one_never_opens(
    tmp_path_factory: pytest.TempPathFactory, mode: int, private: bool, link: bool
) -> None:
    folder = tmp_path_factory.mktemp("mode")
    mine = folder / "mine.txt"
    mine.write_bytes(b"old")
    os.chmod(mine, mode)
    name = folder / "link.txt" if link else mine
    if link:
        name.symlink_to(mine)
    write_atomic(name, lambda out: out.write(b"new"), private=private)
    assert mine.read_bytes() == b"new" and _mode(mine) == (mode & 0o700 if private else mode)
    assert name.is_symlink() == link


@pytest.mark.parametrize("private", [False, True])
def test_a_new_file_gets_the_usual_mode_or_0600(tmp_path: Path, private: bool) -> None:
    mask = os.umask(0o022)
    try:
        write_atomic(tmp_path / "new.txt", lambda out: out.write(b"x"), private=private)
    finally:
        os.umask(mask)
    assert _mode(tmp_path / "new.txt") == (0o600 if private else 0o644)


def test_update_force_and_export_keep_a_private_decks_mode(private_home: Path, tmp_path: Path) -> None:
    (tmp_path / "mine.txt").write_text(CARDS, encoding="utf-8")
    deck = tmp_path / "mine.toml"
    assert quiz("import", "mine.txt", "-o", "mine.toml", data=private_home, cwd=tmp_path).returncode == 0
    for args in (["import", "mine.txt", "--update", "mine.toml"], ["import", "mine.txt", "-o", "mine.toml", "--force"]):
        os.chmod(deck, 0o600)
        assert quiz(*args, data=private_home, cwd=tmp_path).returncode == 0, args
        assert _mode(deck) == 0o600, args
    (tmp_path / "notes.md").write_text("x", encoding="utf-8")
    os.chmod(tmp_path / "notes.md", 0o640)
    assert quiz("export", str(COMPLETE), "-o", "notes.md", "--force", data=private_home, cwd=tmp_path).returncode == 0
    assert _mode(tmp_path / "notes.md") == 0o640


@pytest.mark.parametrize("way", ["same name", "link", "hard link", "relative"])
def test_import_from_standard_input_never_writes_over_the_file_it_reads(
    private_home: Path, tmp_path: Path, way: str
) -> None:
    cards = tmp_path / "cards.toml"
    cards.write_text(CARDS, encoding="utf-8")
    out = {"same name": cards, "link": tmp_path / "link.toml", "hard link": tmp_path / "hard.toml",
           "relative": Path("sub/../cards.toml")}[way]  # fmt: skip
    (tmp_path / "sub").mkdir()
    if way == "link":
        out.symlink_to(cards)
    if way == "hard link":
        os.link(cards, out)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QUIZ_DATA_DIR": str(private_home)}
    with cards.open("rb") as stdin:
        done = subprocess.run([sys.executable, "-m", "quiz", "import", "-", "-o", str(out), "--force"], stdin=stdin,
                              capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)  # fmt: skip
    assert done.returncode == 1 and "this is the file being imported" in done.stderr, done.stderr
    assert cards.read_text(encoding="utf-8") == CARDS


def test_import_from_a_pipe_still_writes(private_home: Path, tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QUIZ_DATA_DIR": str(private_home)}
    done = subprocess.run([sys.executable, "-m", "quiz", "import", "-", "-o", "cards.toml"], input=CARDS,
                          capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "What is HbA1c?" in (tmp_path / "cards.toml").read_text(encoding="utf-8")


_KILLED_EXPORT = """
import os, signal, sys
from pathlib import Path
from quiz.files import write_output

def write(out):
    out.write(b"answer,time\\n" * 1000)
    out.flush()
    os.kill(os.getpid(), signal.SIGKILL)

write_output(Path(sys.argv[1]), write, force=True, private=True, temp_folder=Path(sys.argv[2]))
"""


def _temps(folder: Path) -> list[Path]:
    return sorted(folder.glob(f".*{TEMP_SUFFIX}"))


def test_a_killed_csv_export_leaves_no_copy_of_the_answers_past_the_next_run(
    private_home: Path, tmp_path: Path
) -> None:
    seed(private_home, 3)
    out = tmp_path / "out"
    out.mkdir()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", _KILLED_EXPORT, str(out / "answers.csv"), str(private_home)],
                          env=env, capture_output=True, timeout=120)  # fmt: skip
    assert done.returncode == -9
    assert os.listdir(out) == []  # nothing in the person's folder
    [left] = _temps(private_home)
    assert _mode(left) == 0o600
    old = time.time() - STALE_AFTER_S - 60
    os.utime(left, (old, old))
    Store.open(private_home, backup=False).close()  # the next run
    assert _temps(private_home) == []


def test_history_export_writes_its_temporary_copy_in_the_data_folder(private_home: Path, tmp_path: Path) -> None:
    seed(private_home, 3)
    old = time.time() - STALE_AFTER_S - 60
    stale = tmp_path / f".answers.csv.abc{TEMP_SUFFIX}"  # a kill's, where an older quiz wrote it
    stale.write_bytes(b"answers")
    os.utime(stale, (old, old))
    assert quiz("history", "export", "--csv", "answers.csv", data=private_home, cwd=tmp_path).returncode == 0
    assert _mode(tmp_path / "answers.csv") == 0o600
    assert _temps(tmp_path) == [] and _temps(private_home) == []


def test_history_exports_temporary_copy_is_in_the_data_folder_and_private(
    private_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where quiz's next run clears it (quiz.store.backups.remove_history_temps), not the person's folder."""
    import quiz.store.answers_csv as history
    from quiz.cli import main

    seed(private_home, 3)
    seen: list[list[tuple[Path, int]]] = []
    real = history.write_csv

    def spy(store, out, **kwargs):  # type: ignore[no-untyped-def]
        seen.append([(p, _mode(p)) for p in _temps(private_home) + _temps(tmp_path)])  # while it is written
        return real(store, out, **kwargs)

    monkeypatch.setattr(history, "write_csv", spy)
    assert main(["history", "export", "--csv", str(tmp_path / "answers.csv")]) == 0
    [[(temp, mode)]] = seen
    assert temp.parent == private_home and mode == 0o600 and _mode(tmp_path / "answers.csv") == 0o600


@pytest.mark.skipif(not Path("/dev/stdout").exists(), reason="no /dev/stdout here")
@pytest.mark.parametrize("kept", ["history.db", "backups"])
@pytest.mark.parametrize("command", [["history", "export", "--csv", "-"], ["export", "DECK", "-o", "-"]])
def test_an_export_to_standard_output_appended_to_the_history_is_refused(
    private_home: Path, kept: str, command: list[str]
) -> None:
    seed(private_home, 2, backup=True)
    target = private_home / kept if kept == "history.db" else next((private_home / kept).iterdir())
    before = target.read_bytes()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QUIZ_DATA_DIR": str(private_home)}
    deck = str(next((ROOT / "decks").glob("*.toml")))
    with target.open("ab") as out:
        done = subprocess.run([sys.executable, "-m", "quiz", *(deck if a == "DECK" else a for a in command)],
                              stdout=out, stderr=subprocess.PIPE, text=True, env=env, timeout=120)  # fmt: skip
    assert done.returncode == 1 and "quiz never writes" in done.stderr, done.stderr
    assert target.read_bytes() == before


def test_a_csv_to_standard_output_in_a_file_of_ones_own_is_written(private_home: Path, tmp_path: Path) -> None:
    seed(private_home, 2)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QUIZ_DATA_DIR": str(private_home)}
    with (tmp_path / "mine.csv").open("wb") as out:
        done = subprocess.run([sys.executable, "-m", "quiz", "history", "export", "--csv", "-"], stdout=out,
                              stderr=subprocess.PIPE, text=True, env=env, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "mine.csv").read_text(encoding="utf-8").count("\n") == 3
