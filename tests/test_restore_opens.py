"""restore opens the backup as quiz would before it takes the history's place (T9 #14): one whose
header says an older schema than its tables (or that cannot be migrated for another reason) is
refused and nothing changes; every command can still open the history afterwards."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quiz.paths import history_db
from quiz.store import Store, StoreError
from quiz.store.restore import restore_backup
from tests.history_helpers import quiz, seed, sql


def test_a_backup_claiming_an_older_schema_than_its_tables_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "nv"
    backup = seed(data, 5, backup=True)
    assert backup is not None
    older = shutil.copy(backup, tmp_path / "older.db")
    sql(Path(older), "PRAGMA user_version = 1;")
    before = history_db(data).read_bytes()
    run = quiz("history", "restore", "--backup", str(older), "--force", data=data, cwd=tmp_path)
    assert run.returncode != 0 and "Traceback" not in run.stderr
    assert "older.db" in run.stderr and "nothing was changed" in run.stderr
    assert history_db(data).read_bytes() == before and not list(data.glob("history.replaced-*"))
    shown = quiz("history", "--plain", data=data, cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr


def test_without_a_backup_named_the_next_usable_one_is_restored(tmp_path: Path) -> None:
    data = tmp_path / "data"
    small = seed(data, 2, backup=True)
    large = seed(data, 3, backup=True, prefix="more")
    assert small is not None and large is not None and small != large
    sql(large, "PRAGMA user_version = 1;")  # the backup holding the most answers cannot be used
    history_db(data).write_bytes(b"")  # the history is lost
    with pytest.raises(StoreError):
        Store.open(data, backup=False)
    restored = restore_backup(data, force=True)
    assert restored.backup == small
    with Store.open(data, backup=False) as store:
        assert len(list(store.answers())) == 2
