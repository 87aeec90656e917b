"""A file the person names for a command's output (history export --csv, export -o, import -o,
new) is written by one rule (quiz.files.check_output, write_output, write_atomic): an existing
file is replaced only with --force; the history, its side files, the histories set aside, the
backups and the deck being exported never, whatever name or link leads to them; a pipe or a
device is written into, never replaced; a link is followed and kept."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import IO

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.cli import main
from quiz.errors import QuizError
from quiz.files import write_output
from quiz.paths import backups_dir, history_db
from quiz.store.backups import never_written
from quiz.store.health import set_aside
from tests.history_helpers import ROOT, seed

DECKS = Path(__file__).parent / "data" / "decks"
COMPLETE = DECKS / "valid" / "complete.toml"
CARDS = "What is HbA1c?\tA blood test\nHow often should you check your feet?\tEvery day\n"

Writer = Callable[[Path], list[str]]
"""The arguments of a command that writes the file it is given (the tests' folder is the cwd)."""
REPLACED = "history.replaced-20260101T000000Z.db"


def _history_csv(out: Path) -> list[str]:
    return ["history", "export", "--csv", str(out)]


def _markdown(out: Path) -> list[str]:
    return ["export", str(COMPLETE), "--format", "markdown", "-o", str(out)]


def _anki(out: Path) -> list[str]:
    return ["export", str(COMPLETE), "--format", "anki", "-o", str(out)]


def _import(out: Path) -> list[str]:
    source = Path("cards.txt").absolute()
    source.write_text(CARDS, encoding="utf-8")
    return ["import", str(source), "-o", str(out)]


WRITERS: dict[str, tuple[Writer, str]] = {
    "history export --csv": (_history_csv, ".csv"),
    "export markdown": (_markdown, ".md"),
    "export anki": (_anki, ".apkg"),
    "import -o": (_import, ".toml"),
}


@pytest.fixture
def data(private_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder with a history of 4 answers, a backup and a history set aside; the cwd is
    the test's own folder."""
    monkeypatch.chdir(tmp_path)
    seed(private_home, 3, backup=True)
    seed(private_home, 1)
    shutil.copy(history_db(private_home), private_home / REPLACED)  # as a restore leaves it
    return private_home


def _contents(folder: Path) -> dict[Path, bytes]:
    """The history's files and the backups in the data folder `folder` (not the deck cache)."""
    files = [*folder.glob("history*"), *backups_dir(folder).iterdir()]
    return {p: p.read_bytes() for p in sorted(files)}


@pytest.mark.parametrize("writer", WRITERS)
def test_an_existing_file_is_replaced_only_with_force(
    data: Path, tmp_path: Path, writer: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args, suffix = WRITERS[writer]
    out = tmp_path / f"mine{suffix}"
    out.write_bytes(b"the person's own file\n")
    assert main(args(out)) == 1
    err = capsys.readouterr().err
    assert f"{out}: already exists" in err and "--force" in err
    assert out.read_bytes() == b"the person's own file\n"
    assert main([*args(out), "--force"]) == 0
    assert out.read_bytes() != b"the person's own file\n"


def _kept_names(data: Path) -> list[Path]:
    """Every file in the data folder that holds answers, and names SQLite would use there."""
    path = history_db(data)
    aside = data / REPLACED
    return [
        path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal"), aside,
        *backups_dir(data).iterdir(), backups_dir(data) / "new-file",
    ]  # fmt: skip


@pytest.mark.parametrize("writer", WRITERS)
@pytest.mark.parametrize("force", [False, True])
@pytest.mark.parametrize("way", ["link", "hard link", "dots"])
def test_the_history_and_its_backups_are_never_written_over(
    data: Path, tmp_path: Path, writer: str, force: bool, way: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args, suffix = WRITERS[writer]
    before = _contents(data)
    for n, kept in enumerate(_kept_names(data)):
        if way == "link":
            name = tmp_path / f"link{n}{suffix}"
            name.symlink_to(kept)
        elif way == "hard link":
            if not kept.is_file():
                continue
            name = tmp_path / f"hard{n}{suffix}"
            os.link(kept, name)
        else:
            name = kept.parent / "sub" / ".." / kept.name
            if kept.suffix != suffix and writer != "history export --csv":
                continue  # the name must be one for the format; links and hard links give one
        assert main([*args(name), *(["--force"] if force else [])]) == 1, name
        err = capsys.readouterr().err
        assert "quiz never writes" in err and "even with --force" in err, err
    assert _contents(data) == before
    assert not (backups_dir(data) / "new-file").exists()


def test_the_deck_being_exported_is_never_written_over(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    deck = tmp_path / "deck.toml"
    shutil.copy(COMPLETE, deck)
    (tmp_path / "deck.md").symlink_to(deck)
    assert main(["export", str(deck), "--format", "markdown", "-o", str(tmp_path / "deck.md"), "--force"]) == 1
    assert "the deck being exported" in capsys.readouterr().err
    assert main(["export", str(deck), "--format", "markdown", "-o", str(deck), "--force"]) == 2  # a .toml name
    assert "not a deck file" in capsys.readouterr().err
    assert deck.read_bytes() == COMPLETE.read_bytes()


def test_import_never_writes_over_the_file_it_imports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "cards.toml"
    source.write_text(CARDS, encoding="utf-8")
    assert main(["import", str(source), "-o", str(source), "--force"]) == 1
    assert "the file being imported" in capsys.readouterr().err
    assert source.read_text(encoding="utf-8") == CARDS


def test_quiz_new_never_writes_over_a_file_or_into_the_backups(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", str(backups_dir(data) / "mine.toml")]) == 1
    assert "quiz never writes there" in capsys.readouterr().err
    assert not (backups_dir(data) / "mine.toml").exists()


@pytest.mark.parametrize("writer", WRITERS)
def test_a_pipe_is_written_into_not_replaced(data: Path, tmp_path: Path, writer: str) -> None:
    args, suffix = WRITERS[writer]
    pipe = tmp_path / f"pipe{suffix}"
    os.mkfifo(pipe)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(pipe.read_bytes()), daemon=True)
    reader.start()
    assert main(args(pipe)) == 0
    reader.join(timeout=30)  # not a duration asserted: a pipe quiz did not write into would never end
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)
    assert got and len(got[0]) > 20


def test_a_pipe_nobody_reads_is_refused_not_waited_on_for_ever(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("quiz.files.READER_WAIT_S", 0.2)
    pipe = tmp_path / "pipe.csv"
    os.mkfifo(pipe)
    assert main(["history", "export", "--csv", str(pipe)]) == 1
    assert f"{pipe}: a named pipe that no program is reading from" in capsys.readouterr().err
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)


@pytest.mark.parametrize("writer", WRITERS)
def test_a_character_device_is_written_into_not_replaced(data: Path, writer: str) -> None:
    args, _ = WRITERS[writer]
    devnull = Path(os.devnull)
    before = os.lstat(devnull)
    assert main(args(devnull)) == 0
    after = os.lstat(devnull)
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
def test_a_full_device_is_an_error_naming_it(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["history", "export", "--csv", "/dev/full"]) == 1
    assert "/dev/full: cannot be written" in capsys.readouterr().err
    assert stat.S_ISCHR(os.lstat("/dev/full").st_mode)


@pytest.mark.parametrize("writer", WRITERS)
def test_a_link_is_followed_and_kept(data: Path, tmp_path: Path, writer: str) -> None:
    args, suffix = WRITERS[writer]
    (tmp_path / "docs").mkdir()
    target = tmp_path / "docs" / f"file{suffix}"
    target.write_bytes(b"old")
    link = tmp_path / f"link{suffix}"
    link.symlink_to(Path("docs") / target.name)
    assert main([*args(link), "--force"]) == 0
    assert link.is_symlink() and os.readlink(link) == str(Path("docs") / target.name)
    assert target.read_bytes() != b"old"


def test_a_link_to_nothing_is_refused(data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    link = tmp_path / "answers.csv"
    link.symlink_to(tmp_path / "gone" / "answers.csv")
    assert main(["history", "export", "--csv", str(link)]) == 1
    assert f"{link}: a link to" in capsys.readouterr().err
    assert link.is_symlink() and not (tmp_path / "gone").exists()


KINDS = ["new", "file", "link to file", "kept file", "link to kept", "hard link to kept", "in kept folder"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(KINDS), force=st.booleans(), old=st.binary(max_size=64), new=st.binary(max_size=64))
def test_nothing_kept_is_written_and_nothing_existing_without_force(
    tmp_path_factory: pytest.TempPathFactory, kind: str, force: bool, old: bytes, new: bytes
) -> None:
    """Whatever names it: a kept file (or one in a kept folder) never changes; an existing file
    changes only with force, and then holds the whole new text; a link stays a link."""
    root = tmp_path_factory.mktemp("out")
    kept_file, kept_folder, mine = root / "kept.db", root / "backups", root / "mine.txt"
    kept_folder.mkdir()
    for path in (kept_file, kept_folder / "b.db", mine):
        path.write_bytes(old)
    name = {
        "new": root / "new.txt",
        "file": mine,
        "link to file": root / "l1",
        "kept file": kept_file,
        "link to kept": root / "l2",
        "hard link to kept": root / "h",
        "in kept folder": kept_folder / "b.db",
    }[kind]
    if kind.startswith("link"):
        name.symlink_to(mine if kind == "link to file" else kept_file)
    if kind.startswith("hard"):
        os.link(kept_file, name)
    keep = [(kept_file, "kept"), (kept_folder, "a kept folder")]
    try:
        write_output(name, lambda out: out.write(new), force=force, keep=keep)
        wrote = True
    except QuizError:
        wrote = False
    assert kept_file.read_bytes() == old and (kept_folder / "b.db").read_bytes() == old
    if kind in ("file", "link to file"):
        assert wrote == force and mine.read_bytes() == (new if force else old)
    if kind == "new":
        assert wrote and name.read_bytes() == new
    if kind.startswith("link"):
        assert name.is_symlink()
    if "kept" in kind:
        assert not wrote


def test_never_written_names_what_holds_answers(data: Path) -> None:
    kept = [path for path, _ in never_written(data)]
    assert history_db(data) in kept and backups_dir(data) in kept and data / REPLACED in kept
    aside = set_aside(history_db(data), "damaged")
    assert aside in [path for path, _ in never_written(data)]


def _run_into(args: list[str], data: Path, stdout: int | IO[bytes]) -> subprocess.CompletedProcess[bytes]:
    """quiz run as a person runs it, its standard output sent to `stdout` (a pipe, or a file)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QUIZ_DATA_DIR": str(data)}
    return subprocess.run(
        [sys.executable, "-m", "quiz", *args], stdout=stdout, stderr=subprocess.PIPE, env=env, timeout=120
    )


STDOUT_NAMES = ["/dev/stdout", "/proc/self/fd/1", "/dev/fd/1"]


@pytest.mark.skipif(not Path("/proc/self/fd/1").exists(), reason="no /proc here")
@pytest.mark.parametrize("name", STDOUT_NAMES)
@pytest.mark.parametrize("writer", WRITERS)
def test_standard_output_by_name_is_written_through(data: Path, tmp_path: Path, writer: str, name: str) -> None:
    """Into a pipe, a file (`>`) and a file appended to (`>>`), what quiz says goes to stderr."""
    args, _ = WRITERS[writer]
    piped = _run_into(args(Path(name)), data, subprocess.PIPE)
    assert piped.returncode == 0, piped.stderr
    assert b"wrote" in piped.stderr and b"wrote" not in piped.stdout and len(piped.stdout) > 20
    out = tmp_path / "out"
    with out.open("wb") as file:
        assert _run_into(args(Path(name)), data, file).returncode == 0
    assert out.read_bytes() == piped.stdout or writer == "export anki"  # a package says when it was made
    out.write_bytes(b"kept\n")
    with out.open("ab") as file:
        assert _run_into(args(Path(name)), data, file).returncode == 0
    assert out.read_bytes().startswith(b"kept\n") and len(out.read_bytes()) > 25
    assert Path("/dev/stdout").is_symlink() or stat.S_ISCHR(os.lstat("/dev/stdout").st_mode)
