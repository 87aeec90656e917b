"""A history emptied or replaced outside quiz is noticed by the answers it holds, never by its size.

Rows deleted with the sqlite3 tool leave the file its size; an empty SQLite database is a few
pages. Either way the backup holding the answers is named and offered, and never rotated away.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.paths import history_db
from quiz.store import KEEP_BACKUPS, DamagedDatabase, Store, list_backups
from quiz.store.restore import restore_backup
from tests.history_helpers import quiz, seed, sql

DAY = timedelta(days=1)


def emptied_by_hand(data: Path) -> None:
    """What `sqlite3 history.db "delete from answers; delete from sessions; delete from fact_state"` does."""
    sql(history_db(data), "DELETE FROM answers; DELETE FROM sessions; DELETE FROM fact_state;")


def replaced_by_an_empty_database(data: Path) -> None:
    """What removing history.db and running `sqlite3 history.db vacuum` does."""
    for end in ("", "-wal", "-shm"):
        Path(f"{history_db(data)}{end}").unlink(missing_ok=True)
    sql(history_db(data), "VACUUM;")


HOW = {"rows deleted": emptied_by_hand, "an empty database": replaced_by_an_empty_database}


@pytest.mark.parametrize("how", HOW)
def test_an_emptied_history_names_the_backup_holding_the_answers(tmp_path: Path, how: str) -> None:
    data = tmp_path / "data"
    backup = seed(data, 10, backup=True)
    assert backup is not None
    size = history_db(data).stat().st_size
    HOW[how](data)
    assert how != "rows deleted" or history_db(data).stat().st_size == size
    run = quiz("history", "--plain", data=data)
    assert run.returncode == 1 and "No sessions" not in run.stdout, run.stdout
    assert "holds no answers, while the backup" in run.stderr and "10 answers" in run.stderr
    assert backup.name in run.stderr and "quiz history restore" in run.stderr
    [aside] = data.glob("history.emptied-*.db")
    assert aside.exists() and not history_db(data).exists()
    restore_backup(data)
    with Store.open(data, backup=False) as store:
        assert sum(1 for _ in store.answers()) == 10


@settings(max_examples=15, deadline=None)
@given(n=st.integers(1, 12), kept=st.integers(0, 12))
def test_a_history_is_set_aside_exactly_when_it_holds_under_half_its_backup(n: int, kept: int) -> None:
    import tempfile

    kept = min(kept, n)
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder)
        seed(data, n, backup=True)
        sql(history_db(data), f"DELETE FROM answers WHERE id > {kept};")
        try:
            Store.open(data, backup=False).close()
            flagged = False
        except DamagedDatabase:
            flagged = True
        assert flagged == (kept * 2 < n)


@pytest.mark.parametrize("how", HOW)
def test_the_backup_of_an_emptied_history_is_never_rotated_away(tmp_path: Path, how: str) -> None:
    data = tmp_path / "data"
    first = seed(data, 10, backup=True)
    HOW[how](data)
    with pytest.raises(DamagedDatabase):
        Store.open(data, backup=False)
    now = datetime.now(UTC)
    with Store.open(data, backup=False) as store:  # the person starts afresh and backs up daily
        for day in range(KEEP_BACKUPS + 2):
            store.backup(now + day * DAY)
    assert first in list_backups(data)
    assert restore_backup(data).backup == first


def test_a_fresh_start_is_not_taken_for_an_emptied_history(tmp_path: Path) -> None:
    data = tmp_path / "data"
    seed(data, 10, backup=True)
    emptied_by_hand(data)
    with pytest.raises(DamagedDatabase):
        Store.open(data, backup=False)
    for _ in range(2):  # the fresh history holds none of the backup's answers, by the person's choice
        with Store.open(data, backup=False) as store:
            assert store.last_sessions(5, None) == []


def test_a_restored_older_backup_is_not_taken_for_an_emptied_history(tmp_path: Path) -> None:
    data = tmp_path / "data"
    older = seed(data, 1, backup=True)
    seed(data, 20, backup=True)
    restore_backup(data, older, force=True)
    with Store.open(data, backup=False) as store:
        assert sum(1 for _ in store.answers()) == 1


def deleted_by_hand(data: Path) -> None:
    """What `rm history.db*` does."""
    for end in ("", "-wal", "-shm"):
        Path(f"{history_db(data)}{end}").unlink(missing_ok=True)


@pytest.mark.parametrize("show", ["--plain", "--json"])
def test_a_deleted_history_names_the_backup_holding_the_answers(tmp_path: Path, show: str) -> None:
    data = tmp_path / "data"
    backup = seed(data, 10, backup=True)
    assert backup is not None
    before = backup.read_bytes()
    deleted_by_hand(data)
    run = quiz("history", show, data=data)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "was missing, while the backup" in run.stderr and "10 answers" in run.stderr
    assert backup.name in run.stderr and "quiz history restore" in run.stderr
    assert backup.read_bytes() == before and list_backups(data) == [backup]
    again = quiz("history", show, data=data)  # told once: going on is the new history's
    assert again.returncode == 0 and again.stderr == "", again.stderr
    restore_backup(data)
    with Store.open(data, backup=False) as store:
        assert sum(1 for _ in store.answers()) == 10


def test_a_deleted_history_is_told_at_every_open_of_the_store(tmp_path: Path) -> None:
    from quiz.store.errors import HistoryMissing

    data = tmp_path / "data"
    seed(data, 3, backup=True)
    deleted_by_hand(data)
    with pytest.raises(HistoryMissing, match="holds 3 answers"):
        Store.open(data, backup=False)
    Store.open(data, backup=False).close()
    seed(data, 4, backup=True)  # the new history's own answers, backed up, then deleted too
    deleted_by_hand(data)
    with pytest.raises(HistoryMissing, match="holds 4 answers"):
        Store.open(data, backup=False)


def test_a_missing_history_beside_backups_of_no_answers_is_a_new_one(tmp_path: Path) -> None:
    data = tmp_path / "data"
    seed(data, 0, backup=True)
    deleted_by_hand(data)
    run = quiz("history", "--plain", data=data)
    assert run.returncode == 0 and "No score history yet" in run.stdout


async def test_the_app_says_a_deleted_history_was_missing_and_goes_on_with_the_new_one(tmp_path: Path) -> None:
    from tests.tui_helpers import make_app, write_deck

    data = tmp_path / "data"
    backup = seed(data, 10, backup=True)
    assert backup is not None
    deleted_by_hand(data)
    app = make_app([write_deck(tmp_path / "decks")], data)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        said = [f"{n.title}: {n.message}" for n in app._notifications]
        assert any("was missing" in s and backup.name in s and "quiz history restore" in s for s in said), said
        assert app.store is not None  # answers given now are kept, in the new history
    assert list_backups(data)[-1] == backup


def older_copy_put_back(data: Path, copy: Path) -> None:
    """What a sync tool or a hand copy of yesterday's file does: the -wal and -shm gone, the old file in place."""
    for end in ("-wal", "-shm"):
        Path(f"{history_db(data)}{end}").unlink(missing_ok=True)
    history_db(data).write_bytes(copy.read_bytes())


def copy_of_history(data: Path, to: Path) -> Path:
    """A copy of the history as it is now, whole (its -wal checkpointed into it by closing)."""
    Store.open(data, backup=False).close()
    to.write_bytes(history_db(data).read_bytes())
    return to


@settings(max_examples=12, deadline=None)
@given(before=st.integers(1, 12), after=st.integers(1, 12))
def test_an_older_copy_put_in_place_is_told_and_its_backup_offered_whatever_the_counts(before: int, after: int) -> None:
    """6 answers, then 4 more backed up, then yesterday's copy (6) put back: the 4 vanished silently
    while the copy held over half the backup's answers (T6 #5). Any answer a backup of its own line
    holds beyond the history's last is told."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "data"
        seed(data, before)
        copy = copy_of_history(data, Path(folder) / "yesterday.db")
        backup = seed(data, after, backup=True, prefix="later")
        assert backup is not None
        older_copy_put_back(data, copy)
        with pytest.raises(DamagedDatabase) as told:
            Store.open(data, backup=False)
        assert backup.name in str(told.value) and f"holds {before + after} answers" in str(told.value)
        assert "older copy" in str(told.value)
        [aside] = data.glob("history.*-*.db")
        assert aside.read_bytes() == copy.read_bytes()  # kept, unchanged
        restore_backup(data)
        with Store.open(data, backup=False) as store:
            assert sum(1 for _ in store.answers()) == before + after


def test_an_older_copy_put_in_place_is_told_by_the_command(tmp_path: Path) -> None:
    data = tmp_path / "data"
    seed(data, 6)
    copy = copy_of_history(data, tmp_path / "yesterday.db")
    backup = seed(data, 4, backup=True, prefix="later")
    assert backup is not None
    older_copy_put_back(data, copy)
    run = quiz("history", "--plain", data=data)
    assert run.returncode == 1 and "Recent sessions" not in run.stdout, run.stdout
    assert "holds 6 answers, while the backup" in run.stderr and "10 answers" in run.stderr
    assert backup.name in run.stderr and "quiz history restore" in run.stderr


@pytest.mark.parametrize("undone", [1, 3])
def test_a_history_that_went_on_or_took_answers_back_after_its_backup_is_quiet(tmp_path: Path, undone: int) -> None:
    """Answers after the backup, or the session's last answers taken back (undo) after it: the
    history has given every id the backup holds, so it is its own, not an older copy."""
    data = tmp_path / "data"
    seed(data, 6, backup=True)
    with Store.open(data, backup=False) as store:
        sid = store.start_session("d", "quiz", "1")
        for i in range(undone):
            store.record_answer(sid, "d", f"f{i}", kind="typed", response="r", correct=True)
        store.backup()
        for _ in range(undone):
            assert store.undo_last(sid) is not None
    Store.open(data, backup=False).close()
    seed(data, 2)  # and went on
    with Store.open(data, backup=False) as store:
        assert sum(1 for _ in store.answers()) == 8


def test_an_older_copy_of_another_line_is_not_compared(tmp_path: Path) -> None:
    """A backup restored on purpose starts a line of its own: the newer backups of the history it
    replaced are not its own, though they hold answers after its last."""
    data = tmp_path / "data"
    older = seed(data, 3, backup=True)
    seed(data, 5, backup=True, prefix="later")
    restore_backup(data, older, force=True)
    for _ in range(2):
        with Store.open(data, backup=False) as store:
            assert sum(1 for _ in store.answers()) == 3


@settings(max_examples=12, deadline=None)
@given(before=st.integers(0, 6), during=st.integers(1, 6), undone=st.integers(0, 6), after=st.integers(0, 3))
def test_quiz_s_own_undo_and_answers_after_a_backup_never_look_replaced(
    before: int, during: int, undone: int, after: int
) -> None:
    """Whatever a backup taken mid-session holds, the answers taken back (undo) and given after it
    leave the history its own: it has given every id the backup holds, so it is no older copy, and
    the answers quiz took back are counted (COUNT_UNDO), so undoing over half of what the backup
    holds is not taken for rows deleted by hand (set aside as emptied, a first session undone)."""
    import tempfile

    undone = min(undone, during)
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder)
        seed(data, before, backup=True)
        with Store.open(data, backup=False) as store:
            sid = store.start_session("d", "quiz", "1")
            for i in range(during):
                store.record_answer(sid, "d", f"f{i}", kind="typed", response=f"during {i}", correct=True)
            store.backup()  # another quiz's daily backup, taken while this session runs
            for _ in range(undone):
                store.undo_last(sid)
        seed(data, after, prefix="after")
        with Store.open(data, backup=False) as store:
            assert sum(1 for _ in store.answers()) == before + during - undone + after
