"""`quiz history restore` never replaces, unasked, a history holding answers the backup lacks.

The history in place, when it can be read, is compared with the backup answer by answer; more
answers, or later ones, are refused with both counts unless the person gives --force. A damaged
history is restored over without it (it is kept beside, as every replaced history is).
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.paths import history_db
from quiz.store import Store
from quiz.store.restore import HistoryNewer, restore_backup
from tests.history_helpers import quiz
from tests.history_helpers import seed as answer


def held(data: Path) -> list[str]:
    with Store.open(data, backup=False) as store:
        return sorted(a.response for a in store.answers())


def files(data: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in data.iterdir() if p.is_file() and not p.name.endswith(("-shm", "-wal"))}


def test_restore_refuses_a_backup_lacking_answers_and_says_how_many_each_holds(tmp_path: Path) -> None:
    data = tmp_path / "data"
    answer(data, 2, backup=True)
    answer(data, 40, prefix="later")
    before = files(data)
    run = quiz("history", "restore", data=data)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "holds 42 answers" in run.stderr and "holds 2 answers" in run.stderr
    assert "quiz history restore --force" in run.stderr and "Nothing was changed" in run.stderr
    assert files(data) == before and not list(data.glob("history.replaced-*"))
    assert len(held(data)) == 42
    forced = quiz("history", "restore", "--force", data=data)
    assert forced.returncode == 0, forced.stderr
    assert len(held(data)) == 2
    [replaced] = data.glob("history.replaced-*.db")
    assert "history.replaced-" in forced.stdout and replaced.exists()


def test_a_backup_as_large_but_without_the_later_answers_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "data"
    backup = answer(data, 5, backup=True)
    with sqlite3.connect(history_db(data)) as conn:  # as many answers, but one of them a later one
        conn.execute("DELETE FROM answers WHERE id = 1")
    conn.close()
    answer(data, 1, prefix="later")
    with pytest.raises(
        HistoryNewer, match="holds 5 answers and the backup .* holds 5 answers: 1 answer in the history is"
    ):
        restore_backup(data, backup)
    with pytest.raises(HistoryNewer, match=f"--backup {backup} --force"):
        restore_backup(data, backup)


def test_a_backup_holding_every_answer_is_restored_without_force(tmp_path: Path) -> None:
    data = tmp_path / "data"
    answer(data, 3)
    old = shutil.copy(history_db(data), tmp_path / "old.db")
    answer(data, 5, prefix="later", backup=True)
    history_db(data).unlink()
    shutil.copy(old, history_db(data))  # the history went back; the backup holds all it has and more
    assert restore_backup(data).replaced is not None
    assert len(held(data)) == 8


@pytest.mark.parametrize("damage", ["garbage", "truncated", "zero"])
def test_a_damaged_history_is_restored_over_without_force(tmp_path: Path, damage: str) -> None:
    data = tmp_path / "data"
    answer(data, 4, backup=True)
    answer(data, 30, prefix="later")
    raw = history_db(data).read_bytes()
    damaged = {"garbage": b"not a database" * 500, "truncated": raw[: len(raw) // 3], "zero": b""}[damage]
    history_db(data).write_bytes(damaged)
    result = restore_backup(data)
    assert result.replaced is not None and result.replaced.read_bytes() == damaged
    assert len(held(data)) == 4


@settings(max_examples=12, deadline=None)
@given(before=st.integers(0, 6), after=st.integers(0, 6), force=st.booleans())
def test_restore_without_force_never_replaces_answers_the_backup_lacks(before: int, after: int, force: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder)
        backup = answer(data, before, backup=True)
        answer(data, after, prefix="later")
        had = held(data)
        try:
            restore_backup(data, backup, force=force)
        except HistoryNewer:
            assert not force and after > 0 and held(data) == had
        else:
            assert force or after == 0
            [replaced] = data.glob("history.replaced-*.db")
            assert replaced.exists() and len(held(data)) == before


def test_a_restore_killed_between_its_two_renames_is_told_at_the_next_run(tmp_path: Path) -> None:
    """restore_backup sets the history aside, then moves the copy in: killed between the two, the
    next run showed an empty history and said nothing, as a set-aside file hid every older
    backup from the missing-history notice (T6 #6)."""
    from quiz.store.health import set_aside

    data = tmp_path / "data"
    backup = answer(data, 10, backup=True)
    assert backup is not None
    set_aside(history_db(data), "replaced")  # where the kill stops a restore
    run = quiz("history", "--json", data=data)
    assert run.returncode == 1 and '"sessions"' not in run.stdout, run.stdout
    assert "was missing, while the backup" in run.stderr and "10 answers" in run.stderr
    assert backup.name in run.stderr and "quiz history restore" in run.stderr
    restore_backup(data)
    assert len(held(data)) == 10


def test_a_history_deleted_after_a_restore_is_told(tmp_path: Path) -> None:
    """A restore's replaced history tells nothing: the history deleted later is missing as any is,
    though every backup is older than the file the restore set aside."""
    data = tmp_path / "data"
    answer(data, 10, backup=True)
    restore_backup(data)  # the newest backup, holding every answer: the history put back as it was
    for end in ("", "-wal", "-shm"):
        Path(f"{history_db(data)}{end}").unlink(missing_ok=True)
    run = quiz("history", "--plain", data=data)
    assert run.returncode == 1 and "was missing, while the backup" in run.stderr and "10 answers" in run.stderr
    again = quiz("history", "--plain", data=data)  # told once: going on is the new history's
    assert again.returncode == 0 and again.stderr == "", again.stderr


def test_a_restore_killed_before_it_moves_the_copy_in_leaves_the_history_in_place(tmp_path: Path) -> None:
    """The history a restore replaces keeps its name until the copy takes it (set_aside with
    `link`): a kill at that point leaves it, whole, and the next run goes on with it."""
    from quiz.store.health import set_aside

    data = tmp_path / "data"
    answer(data, 10, backup=True)
    answer(data, 2, prefix="more")
    Store.open(data, backup=False).close()
    before = history_db(data).read_bytes()
    aside = set_aside(history_db(data), "replaced", link=True)  # where the kill stops the restore
    assert history_db(data).read_bytes() == before and aside.read_bytes() == before
    run = quiz("history", "--json", data=data)
    assert run.returncode == 0 and run.stderr == "", run.stderr
    assert len(held(data)) == 12


def test_a_restore_keeps_the_replaced_history_apart_from_the_restored_one(tmp_path: Path) -> None:
    data = tmp_path / "data"
    backup = answer(data, 10, backup=True)
    answer(data, 2, prefix="more")
    restored = restore_backup(data, backup, force=True)
    assert restored.replaced is not None and not restored.replaced.samefile(history_db(data))
    assert len(held(data)) == 10
    with Store.open(data, backup=False):
        pass
    conn = sqlite3.connect(restored.replaced)
    try:
        assert conn.execute("SELECT count(*) FROM answers").fetchone()[0] == 12
    finally:
        conn.close()


@pytest.mark.parametrize("link", ["symlink", "hard link", "symlink to the -wal file"])
def test_a_file_in_the_backups_folder_that_is_the_history_itself_is_no_backup(tmp_path: Path, link: str) -> None:
    """T10 #4: a link to the live history named as a backup (the newest, holding the most answers)
    was restored from: the history replaced by itself, "restored", every time."""
    from quiz.paths import backups_dir
    from quiz.store.backups import list_backups

    data = tmp_path / "data"
    real = answer(data, 12, backup=True)
    assert real is not None
    answer(data, 1, prefix="later")  # the history now holds one answer more than the real backup
    alias = backups_dir(data) / "history-20991231T000000000000Z.db"
    target = history_db(data)
    if link == "hard link":
        alias.hardlink_to(target)
    else:
        alias.symlink_to(Path(f"{target}-wal") if link.endswith("-wal file") else Path("..") / target.name)
    assert list_backups(data) == [real]
    before = files(data)
    with pytest.raises(HistoryNewer):  # the one backup lacks the later answer: refused, not "restored"
        restore_backup(data)
    assert files(data) == before and len(held(data)) == 13
