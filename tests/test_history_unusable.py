"""A history quiz cannot use as it is (a table or column missing, a damaged journal beside it) is
named for what it is, with what to do; nothing in it is lost, and never a bare SQLite error."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quiz.paths import history_db
from quiz.store import SCHEMA_VERSION, DamagedDatabase, Store
from quiz.store.schema import expected_columns
from tests.history_helpers import quiz, seed, sql

TABLES = sorted(expected_columns(SCHEMA_VERSION))


def test_the_tables_quiz_needs_are_the_ones_it_builds() -> None:
    assert {"sessions", "answers", "fact_state", "meta", "deck_plan"} <= set(TABLES)
    assert "response" in expected_columns(SCHEMA_VERSION)["answers"]
    assert expected_columns(0) == {}


@pytest.mark.parametrize("table", TABLES)
def test_a_history_missing_a_table_is_set_aside_and_the_backup_offered(tmp_path: Path, table: str) -> None:
    data = tmp_path / "data"
    backup = seed(data, 4, backup=True)
    assert backup is not None
    sql(history_db(data), f"DROP TABLE {table};")
    before = history_db(data).read_bytes()
    run = quiz("history", "--plain", data=data)
    assert run.returncode == 1 and "unexpected" not in run.stderr and "Traceback" not in run.stderr
    assert f"not a usable quiz score history: the table {table} is missing" in run.stderr
    assert backup.name in run.stderr and "quiz history restore" in run.stderr
    [aside] = data.glob("history.damaged-*.db")
    assert aside.read_bytes() == before


def test_a_history_missing_a_column_is_not_usable(tmp_path: Path) -> None:
    data = tmp_path / "data"
    seed(data, 2)
    sql(history_db(data), "ALTER TABLE answers DROP COLUMN slip;")
    with pytest.raises(DamagedDatabase, match="the table answers lacks the column slip"):
        Store.open(data, backup=False)


def test_a_table_more_is_no_damage(tmp_path: Path) -> None:
    data = tmp_path / "data"
    seed(data, 2)
    sql(history_db(data), "CREATE TABLE notes (x);")
    with Store.open(data, backup=False) as store:
        assert sum(1 for _ in store.answers()) == 2


def test_a_backup_missing_a_table_is_not_restored(tmp_path: Path) -> None:
    from quiz.store import StoreError
    from quiz.store.restore import restore_backup

    data = tmp_path / "data"
    backup = seed(data, 2, backup=True)
    assert backup is not None
    sql(backup, "DROP TABLE fact_state;")
    with pytest.raises(StoreError, match="the table fact_state is missing"):
        restore_backup(data, backup)


@pytest.mark.parametrize(
    ("journal", "said"),
    [(os.urandom(4096), "is damaged"), (bytes.fromhex("d9d505f920a163d7") + os.urandom(4088), "unfinished change")],
    ids=["random bytes", "another program's"],
)
def test_a_journal_in_the_way_is_named_with_what_to_do_and_nothing_changes(
    tmp_path: Path, journal: bytes, said: str
) -> None:
    data = tmp_path / "data"
    seed(data, 5, backup=True)
    path = history_db(data)
    journal = b"\x01" + journal[1:] if journal[0] == 0 else journal  # a first byte of 0 is no journal to SQLite
    Path(f"{path}-journal").write_bytes(journal)
    before = {p.name: p.read_bytes() for p in data.iterdir() if p.is_file()}
    for command in (["history", "--plain"], ["history", "--json"], ["history", "export", "--csv", "-"]):
        run = quiz(*command, data=data)
        assert run.returncode == 1 and "readonly" not in run.stderr and "unexpected" not in run.stderr
        assert f"{path}-journal" in run.stderr and said in run.stderr and "move history.db-journal out" in run.stderr
        assert {p.name: p.read_bytes() for p in data.iterdir() if p.is_file()} == before
    Path(f"{path}-journal").rename(tmp_path / "kept-journal")  # what the message says to do
    with Store.open(data, backup=False) as store:
        assert sum(1 for _ in store.answers()) == 5


def test_restore_keeps_a_journal_in_the_way_with_the_history_it_replaces(tmp_path: Path) -> None:
    from quiz.store.restore import restore_backup

    data = tmp_path / "data"
    seed(data, 3, backup=True)
    journal = b"\x01" + os.urandom(4095)
    Path(f"{history_db(data)}-journal").write_bytes(journal)
    result = restore_backup(data)
    assert result.replaced is not None and Path(f"{result.replaced}-journal").read_bytes() == journal
    assert not Path(f"{history_db(data)}-journal").exists()
