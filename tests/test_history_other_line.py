"""Another history put in the person's place (T9 #6): a fresh or smaller history of another line
(another computer's new quiz, another person's, copied over by a sync tool or by hand) is told and
the backup holding the answers offered, as an emptied one of the same line is; a fresh start quiz
itself made (the history before set aside, missing, or restored) is never taken for one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.paths import history_db
from quiz.store import DamagedDatabase, HistoryMissing, Store
from quiz.store.restore import restore_backup
from tests.history_helpers import quiz, seed


def put_over(source: Path, data: Path) -> None:
    """Copy another data folder's history over this one's, as a sync tool does."""
    for end in ("", "-wal", "-shm"):
        Path(f"{history_db(data)}{end}").unlink(missing_ok=True)
    shutil.copy(history_db(source), history_db(data))


def test_a_fresh_history_of_another_line_copied_over_is_told_and_the_backup_offered(tmp_path: Path) -> None:
    mine, theirs = tmp_path / "y1", tmp_path / "y2"
    backup = seed(mine, 12, backup=True)
    seed(theirs, 0)
    put_over(theirs, mine)
    run = quiz("history", "--plain", data=mine, cwd=tmp_path)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert backup is not None and backup.name in run.stderr and "holds 12 answers" in run.stderr
    assert "another one was put in its place" in run.stderr
    [aside] = mine.glob("history.emptied-*.db")
    assert quiz("history", "restore", data=mine, cwd=tmp_path).returncode == 0
    with Store.open(mine, backup=False) as store:
        assert len(list(store.answers())) == 12


def test_another_persons_smaller_history_copied_over_is_told(tmp_path: Path) -> None:
    mine, theirs = tmp_path / "x1", tmp_path / "x2"
    seed(mine, 12, backup=True)
    seed(theirs, 3)
    put_over(theirs, mine)
    with pytest.raises(DamagedDatabase, match="it holds 3 answers, while the backup .* holds 12 answers"):
        Store.open(mine, backup=False)


def test_a_larger_history_of_another_line_is_not_told(tmp_path: Path) -> None:
    mine, theirs = tmp_path / "a", tmp_path / "b"
    seed(mine, 3, backup=True)
    seed(theirs, 12)
    put_over(theirs, mine)
    with Store.open(mine, backup=False) as store:
        assert len(list(store.answers())) == 12


def test_a_fresh_start_after_a_missing_history_is_told_once(tmp_path: Path) -> None:
    data = tmp_path / "data"
    seed(data, 12, backup=True)
    for end in ("", "-wal", "-shm"):
        Path(f"{history_db(data)}{end}").unlink(missing_ok=True)
    with pytest.raises(HistoryMissing):
        Store.open(data, backup=False)
    for _ in range(2):  # the new history quiz made, told of, is the person's from now on
        with Store.open(data, backup=False) as store:
            assert list(store.answers()) == []
    assert not list(data.glob("history.emptied-*"))


def test_a_fresh_start_after_a_set_aside_history_is_not_told_even_when_the_file_set_aside_is_gone(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    seed(data, 12, backup=True)
    history_db(data).write_bytes(b"")
    with pytest.raises(DamagedDatabase):
        Store.open(data, backup=False)
    seed(data, 1)  # "start fresh"
    for aside in data.glob("history.emptied-*"):
        aside.unlink()  # the person tidies the folder
    with Store.open(data, backup=False) as store:
        assert len(list(store.answers())) == 1


def test_a_restored_history_is_not_told_of_the_backups_of_the_one_it_replaced(tmp_path: Path) -> None:
    data, other = tmp_path / "data", tmp_path / "other"
    seed(data, 12, backup=True)
    seed(other, 2, backup=True)
    [small] = (other / "backups").glob("history-*.db")
    restore_backup(data, small, force=True)
    for aside in data.glob("history.replaced-*"):
        aside.unlink()
    with Store.open(data, backup=False) as store:
        assert len(list(store.answers())) == 2


@settings(max_examples=15, deadline=None)
@given(mine=st.integers(1, 8), theirs=st.integers(0, 8))
def test_another_line_copied_over_is_told_exactly_when_it_holds_fewer_answers(mine: int, theirs: int) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        a, b = Path(folder) / "a", Path(folder) / "b"
        seed(a, mine, backup=True)
        seed(b, theirs)
        put_over(b, a)
        try:
            Store.open(a, backup=False).close()
            told = False
        except DamagedDatabase:
            told = True
        assert told is (theirs < mine)
