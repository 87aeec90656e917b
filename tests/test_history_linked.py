"""A history that is a link (history.db -> a file in another folder, a synced one): SQLite keeps
its side files beside the file the link points to, and quiz treats that file as the history.
Nothing a command writes replaces it or its side files, by any name; restore and setting aside
act on that file, and the link stays a link, so no answers are split between two files."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.cli import main
from quiz.paths import backups_dir, history_db
from quiz.store import Store
from quiz.store.backups import never_written
from quiz.store.health import set_aside
from quiz.store.restore import restore_backup
from tests.history_helpers import seed

SIDE = ("-wal", "-shm", "-journal")


@pytest.fixture
def linked(private_home: Path, tmp_path: Path) -> tuple[Path, Path]:
    """(data folder, the real history file elsewhere): history.db links to it; 10 answers in a
    backup, 15 in the history."""
    seed(private_home, 10, backup=True)
    seed(private_home, 5)
    real = tmp_path / "synced" / "h.db"
    real.parent.mkdir()
    shutil.move(history_db(private_home), real)
    history_db(private_home).symlink_to(real)
    return private_home, real


def _answers(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM answers").fetchone()[0])
    finally:
        conn.close()


def _names(data: Path, real: Path, tmp_path: Path, n: int) -> list[Path]:
    """Names that lead to the real history's files: by their own name, a relative one, a link."""
    names = []
    for end in ("", *SIDE):
        target = Path(f"{real}{end}")
        names.append(target)
        names.append(Path(os.path.relpath(target)))
        link = tmp_path / f"l{n}{end.replace('-', '_')}.csv"
        if not link.is_symlink():
            link.symlink_to(target)
        names.append(link)
    return names


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(which=st.integers(min_value=0, max_value=11), force=st.booleans())
def test_nothing_leading_to_a_linked_historys_files_is_written(
    linked: tuple[Path, Path], tmp_path: Path, which: int, force: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    data, real = linked
    with Store.open(data, backup=False):  # open: its -wal and -shm are there, beside `real`
        name = _names(data, real, tmp_path, which)[which]
        before = {p: p.read_bytes() for p in real.parent.iterdir()}
        assert main(["history", "export", "--csv", str(name), *(["--force"] if force else [])]) == 1
        assert "quiz never writes over it" in capsys.readouterr().err
        assert {p: p.read_bytes() for p in real.parent.iterdir()} == before


def test_never_written_names_the_linked_files_side_files_and_those_set_aside(linked: tuple[Path, Path]) -> None:
    data, real = linked
    kept = [path for path, _ in never_written(data)]
    assert real in kept and all(Path(f"{real}{end}") in kept for end in SIDE)
    assert history_db(data) in kept and all(Path(f"{history_db(data)}{end}") in kept for end in SIDE)
    aside = set_aside(history_db(data), "damaged")
    assert aside.parent == real.parent and aside in [path for path, _ in never_written(data)]


def test_setting_a_linked_history_aside_moves_its_file_and_keeps_the_link(linked: tuple[Path, Path]) -> None:
    data, real = linked
    aside = set_aside(history_db(data), "emptied")
    assert history_db(data).is_symlink() and os.readlink(history_db(data)) == str(real)
    assert aside.parent == real.parent and _answers(aside) == 15 and not real.exists()


def test_restore_on_a_linked_history_restores_the_file_it_points_to(linked: tuple[Path, Path]) -> None:
    data, real = linked
    restored = restore_backup(data, force=True)
    assert history_db(data).is_symlink() and os.readlink(history_db(data)) == str(real)
    assert restored.replaced is not None and restored.replaced.parent == real.parent
    assert not restored.replaced.is_symlink() and _answers(restored.replaced) == 15
    assert _answers(real) == 10
    seed(data, 1)  # a later answer goes where the person keeps the history: one file, not two
    assert _answers(real) == 11 and history_db(data).is_symlink()
    assert [p.name for p in data.iterdir() if p.name.startswith("history")] == ["history.db"]
    assert backups_dir(data).is_dir()


def test_a_damaged_linked_history_is_set_aside_beside_its_file_and_the_link_stays(linked: tuple[Path, Path]) -> None:
    from quiz.store import DamagedDatabase

    data, real = linked
    with real.open("r+b") as f:  # the header's page size made nonsense: SQLite cannot read it
        f.seek(16)
        f.write(b"\x00\x03")
    with pytest.raises(DamagedDatabase):
        Store.open(data, backup=False).close()
    assert history_db(data).is_symlink() and os.readlink(history_db(data)) == str(real)
    assert [p.name for p in real.parent.iterdir() if ".damaged-" in p.name]
    seed(data, 1)  # the fresh history is made through the link, where the person keeps it
    assert _answers(real) == 1 and history_db(data).is_symlink()


def test_a_link_to_a_missing_history_is_told_as_a_missing_history(linked: tuple[Path, Path]) -> None:
    from quiz.store import HistoryMissing

    data, real = linked
    real.unlink()
    with pytest.raises(HistoryMissing):
        Store.open(data, backup=False).close()
    assert history_db(data).is_symlink() and real.exists()


def test_a_folder_beside_a_linked_historys_file_is_refused(linked: tuple[Path, Path]) -> None:
    from quiz.store import StoreError

    data, real = linked
    Path(f"{real}-wal").mkdir()
    with pytest.raises(StoreError, match="this is a folder"):
        Store.open(data, backup=False).close()


def _emptied(real: Path) -> None:
    real.write_bytes(b"")


def _rows_deleted(real: Path) -> None:
    conn = sqlite3.connect(real)
    try:
        conn.executescript("DELETE FROM answers; DELETE FROM sessions; DELETE FROM fact_state;")
    finally:
        conn.close()


def _garbage(real: Path) -> None:
    real.write_bytes(b"\x00not a database" * 300)


SPOILT = {"emptied to 0 bytes": _emptied, "its answers deleted": _rows_deleted, "damaged": _garbage}


@pytest.mark.parametrize("how", SPOILT)
def test_a_spoilt_linked_history_is_told_as_an_unlinked_one_with_the_backup_in_the_data_folder(
    linked: tuple[Path, Path], how: str
) -> None:
    """The backups are in the data folder, not beside the file the link points to: a linked history
    emptied was silently started afresh, and a damaged one set aside without its backup named (T6 #4)."""
    from tests.history_helpers import quiz

    data, real = linked
    [backup] = (backups_dir(data)).glob("history-*.db")
    SPOILT[how](real)
    run = quiz("history", "--json", data=data)
    assert run.returncode == 1 and '"sessions"' not in run.stdout, run.stdout
    assert backup.name in run.stderr and "quiz history restore" in run.stderr, run.stderr
    [aside] = real.parent.glob("h.*-*.db")  # set aside beside the file, kept whole; the link stays
    assert history_db(data).is_symlink() and not real.exists() and aside.exists()
    assert restore_backup(data).backup == backup and _answers(real) == 10
    assert history_db(data).is_symlink()
