"""Where the history cannot be kept, quiz says so plainly and what to do: a data folder that is
read-only (a read-only disk or mount) and a folder standing where the history file should be.
Through the real command line, on a real read-only folder; nothing is changed."""

from __future__ import annotations

import os
import stat
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.paths import history_db
from quiz.store import Store, StoreError

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
    with made_read_only(seeded(tmp_path / "data")) as data:
        yield data


@contextmanager
def made_read_only(data: Path) -> Iterator[Path]:
    """`data` made read-only for the block: a read-only bind mount for root, 0555 for anyone else."""
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


@pytest.mark.parametrize("end", ["-wal", "-journal", "-shm"])
@pytest.mark.parametrize("command", COMMANDS, ids=[" ".join(c[1:3]) for c in COMMANDS])
def test_a_folder_where_sqlite_keeps_a_file_beside_the_history_is_named_as_such(
    tmp_path: Path, command: list[str], end: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A folder named history.db-wal (or -journal, -shm) beside the history: SQLite could not open
    the history, and quiz said only 'unable to open database file'."""
    data = seeded(tmp_path / "data")
    side = Path(f"{history_db(data)}{end}")
    side.unlink(missing_ok=True)
    side.mkdir()
    (side / "kept.txt").write_text("mine")
    files = before(data)
    assert main([*command, "--data-dir", str(data)]) == 1
    said = capsys.readouterr().err
    assert f"{side}: this is a folder, where quiz keeps a file SQLite writes beside the score history" in said
    assert "unable to open" not in said and "Move or rename that folder" in said
    assert (side / "kept.txt").read_text() == "mine" and before(data) == files


@pytest.fixture
def read_only_empty(tmp_path: Path) -> Iterator[Path]:
    """A data folder with no history, read-only (as read_only)."""
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    with made_read_only(data):
        yield data


def test_no_history_in_a_read_only_folder_is_not_said_to_be_kept_there(
    read_only_empty: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["history", "--plain", "--data-dir", str(read_only_empty)]) == 0
    said = capsys.readouterr().out
    assert "will be kept" not in said
    assert f"none can be kept in {read_only_empty}: that folder is read-only" in said and "--data-dir" in said


def test_no_history_in_a_writable_folder_says_where_it_will_be_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["history", "--plain", "--data-dir", str(tmp_path)]) == 0
    assert f"it will be kept in {tmp_path}" in capsys.readouterr().out


@pytest.mark.skipif(os.geteuid() != 0, reason="a read-only mount needs root")
def test_the_warning_about_a_folder_others_can_open_gives_no_chmod_on_a_read_only_disk(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """chmod cannot change a folder on a read-only disk: quiz said to run it there."""
    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    data.chmod(0o755)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,mode=755", "tmpfs", str(data)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot make a read-only mount here: {mounted.stderr.decode(errors='replace').strip()}")
    try:
        main(["history", "--plain", "--data-dir", str(data)])
    finally:
        subprocess.run(["umount", str(data)], check=True)
    said = capsys.readouterr().err
    assert "other users can open the data folder" in said
    assert "chmod" not in said and "read-only" in said and "--data-dir" in said


def test_no_history_is_not_said_to_be_kept_where_a_folder_blocks_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    side = Path(f"{history_db(tmp_path)}-wal")
    side.mkdir()
    assert main(["history", "--plain", "--data-dir", str(tmp_path)]) == 1
    said = capsys.readouterr()
    assert "will be kept" not in said.out and f"{side}: this is a folder" in said.err


@pytest.mark.parametrize("end", ["", "-wal", "-journal"])
@pytest.mark.parametrize("command", COMMANDS, ids=[" ".join(c[1:3]) for c in COMMANDS])
def test_a_named_pipe_where_the_history_or_a_file_beside_it_should_be_is_refused_at_once(
    tmp_path: Path, command: list[str], end: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """T9 #16: a FIFO named history.db made every command wait for ever (opened, it blocks)."""
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    if end:
        seeded(data)
    pipe = Path(f"{history_db(data)}{end}")
    pipe.unlink(missing_ok=True)
    os.mkfifo(pipe)
    assert main([*command, "--data-dir", str(data)]) == 1
    said = capsys.readouterr().err
    assert f"{pipe}: this is a named pipe (FIFO), not a file, where quiz keeps" in said
    assert stat.S_ISFIFO(pipe.stat().st_mode)


def test_a_history_linked_to_a_named_pipe_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    pipe = tmp_path / "elsewhere.db"
    os.mkfifo(pipe)
    history_db(data).symlink_to(pipe)
    with pytest.raises(StoreError, match="named pipe"):
        Store.open(data, backup=False)


@pytest.mark.parametrize("command", COMMANDS, ids=[" ".join(c[1:3]) for c in COMMANDS])
def test_a_history_linked_into_a_folder_that_is_not_there_is_told_and_the_backup_named(
    tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """T9 #11: a history on a drive not connected said only "No such file or directory"."""
    data = tmp_path / "data"
    with Store.open(data, backup=False) as store:
        sid = store.start_session("kidney-care", "multiple-choice", "1")
        store.record_answer(sid, "kidney-care", "f", kind="multiple_choice", response="r", correct=True)
        store.finish_session(sid)
        backup = store.backup()
    history_db(data).rename(tmp_path / "real.db")
    target = tmp_path / "nomount" / "history.db"
    history_db(data).symlink_to(target)
    assert main([*command, "--data-dir", str(data)]) == 1
    said = capsys.readouterr().err
    assert f"is a link to {target}, in a folder that does not exist" in said
    assert backup.name in said and "No such file" not in said
    assert history_db(data).is_symlink() and not target.parent.exists()


@pytest.mark.parametrize("command", COMMANDS, ids=[" ".join(c[1:3]) for c in COMMANDS])
def test_a_history_linked_into_a_folder_that_is_not_there_is_told_without_a_backup_too(
    tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """With no backup beside it, `quiz history --plain` said "No score history yet; it will be kept
    in ..." of a history linked to a drive not connected, where export named the link (a tester's
    report): every command names it."""
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    target = tmp_path / "nomount" / "history.db"
    history_db(data).symlink_to(target)
    assert main([*command, "--data-dir", str(data)]) == 1
    said = capsys.readouterr()
    assert f"is a link to {target}, in a folder that does not exist" in said.err
    assert "No score history yet" not in said.out + said.err


def as_a_user(argv: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """`python -m quiz ARGV` as a person runs it, whom file modes stop: for root, with the
    capabilities that pass over them dropped (setpriv); skipped where that cannot be done."""
    import shutil
    import sys

    command = [sys.executable, "-m", "quiz", *argv]
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("root, and no setpriv to run as a user whom file modes stop")
        caps = "-dac_override,-dac_read_search,-fowner"
        command = ["setpriv", f"--bounding-set={caps}", f"--inh-caps={caps}", *command]
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config")}
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120, check=False)


@pytest.mark.parametrize("end", ["", "-shm", "-wal"])
@pytest.mark.parametrize("command", COMMANDS[:3], ids=[" ".join(c[1:3]) for c in COMMANDS[:3]])
def test_a_read_only_history_file_is_named_and_nothing_is_made_beside_it(
    tmp_path: Path, command: list[str], end: str
) -> None:
    """A history made read-only (chmod 400) was opened, and SQLite made its -shm and -wal files
    read-only as it is: once the history was writable again, the read-only -shm kept it unusable
    ("attempt to write a readonly database", a tester's report). A read-only history, or one of its
    side files, is named with what to do, before anything opens it."""
    data = seeded(tmp_path / "data")
    at = Path(f"{history_db(data)}{end}")
    if end:
        at.write_bytes(b"")
    at.chmod(0o400)
    files = before(data)
    done = as_a_user([*command, "--data-dir", str(data)], tmp_path)
    assert done.returncode == 1, done
    assert f"{at}: " in done.stderr and "is read-only, and quiz needs to write to it" in done.stderr
    assert "chmod u+w" in done.stderr and "Traceback" not in done.stderr
    assert before(data) == files  # nothing made beside it, nothing changed
    at.chmod(0o600)
    assert as_a_user(["history", "--plain", "--data-dir", str(data)], tmp_path).returncode == 0


def test_a_read_only_history_is_restored_over(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A restore moves the history aside and writes none of it: a read-only one is no reason to refuse
    (a reviewer found `quiz history restore --force` refused once the read-only check came)."""
    data = tmp_path / "data"
    with Store.open(data) as store:
        sid = store.start_session("kidney-care", "multiple-choice", "1")
        store.record_answer(sid, "kidney-care", "f", kind="multiple_choice", response="r", correct=True)
        store.finish_session(sid)
        store.backup()
    history_db(data).chmod(0o444)
    assert main(["history", "restore", "--force", "--data-dir", str(data)]) == 0, capsys.readouterr()
    assert os.access(history_db(data), os.W_OK) and "restored" in capsys.readouterr().out
