"""Damaged and foreign history files: a clear message, the original bytes kept, no traceback."""

from __future__ import annotations

import os
import random
import sqlite3
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.cli import main
from quiz.store import SCHEMA_VERSION, DamagedDatabase, NewerDatabase, Store
from quiz.store.errors import StoreError
from quiz.store.health import damage, newer_in_header
from quiz.store.restore import restore_backup

NOW = datetime(2024, 5, 6, 12, 0, tzinfo=UTC)


def make_history(data_dir: Path, answers: int = 300) -> bytes:
    """A real history, checkpointed into one file; returns its bytes."""
    s = Store.open(data_dir, backup=False)
    sid = s.start_session("d", "quiz", now=NOW)
    for i in range(answers):
        s.record_answer(sid, "d", f"fact-{i}", kind="typed", response="r" * 40, correct=i % 3 > 0, now=NOW)
    s.close()  # the last connection checkpoints the WAL into the file
    assert not (data_dir / "history.db-wal").exists()
    return (data_dir / "history.db").read_bytes()


def truncated(raw: bytes) -> bytes:
    return raw[: len(raw) // 2 + 100]


def zeroed_pages(raw: bytes) -> bytes:
    page = 4096
    out = bytearray(raw)
    for start in range(page * 2, len(raw) - page, page * 3):
        out[start : start + page] = bytes(page)
    return bytes(out)


def random_bytes(raw: bytes) -> bytes:
    return random.Random(7).randbytes(len(raw))


def zeroed_header(raw: bytes) -> bytes:
    return bytes(100) + raw[100:]


@pytest.mark.parametrize("damage", [truncated, zeroed_pages, random_bytes, zeroed_header])
def test_damaged_file_is_kept_aside_unchanged_with_a_clear_message(
    damage, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = tmp_path / "data"
    bad = damage(make_history(data_dir))
    (data_dir / "history.db").write_bytes(bad)
    code = main(["history", "--plain", "--data-dir", str(data_dir)])
    err = capsys.readouterr().err
    assert code == 1
    assert "damaged" in err and "Traceback" not in err
    aside = [p for p in data_dir.iterdir() if ".damaged-" in p.name and p.suffix == ".db"]
    assert len(aside) == 1 and str(aside[0]) in err
    assert aside[0].read_bytes() == bad
    # the person can start afresh: the next open makes a new, empty history
    with Store.open(data_dir) as fresh:
        assert list(fresh.answers()) == []
    assert aside[0].read_bytes() == bad


def test_the_damage_error_names_both_paths(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / "history.db").write_bytes(b"this is not a database at all" * 50)
    with pytest.raises(DamagedDatabase) as info:
        Store.open(data_dir)
    assert info.value.path == data_dir / "history.db"
    assert info.value.aside_path.exists()
    assert str(info.value.aside_path) in str(info.value)
    assert not (data_dir / "history.db").exists()


def test_damage_points_to_restore_when_a_backup_exists(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    make_history(data_dir, answers=5)
    with Store.open(data_dir) as s:
        s.backup(NOW)
    raw = (data_dir / "history.db").read_bytes()
    (data_dir / "history.db").write_bytes(random_bytes(raw))
    with pytest.raises(DamagedDatabase, match="quiz history restore"):
        Store.open(data_dir)
    restore_backup(data_dir)
    with Store.open(data_dir) as s:
        assert len(list(s.answers())) == 5


def newer_schema(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.execute("CREATE TABLE from_the_future (x)")
    conn.commit()
    conn.close()


def test_a_newer_schema_is_refused_and_never_written(tmp_path: Path, capsys) -> None:
    data_dir = tmp_path / "data"
    make_history(data_dir, answers=5)
    path = data_dir / "history.db"
    newer_schema(path)
    before = path.read_bytes()
    with pytest.raises(NewerDatabase, match="newer version of quiz"):
        Store.open(data_dir)
    assert main(["history", "--json", "--data-dir", str(data_dir)]) == 1
    assert "newer version of quiz" in capsys.readouterr().err
    assert path.read_bytes() == before
    assert sorted(p.name for p in data_dir.iterdir()) == ["history.db"]


def test_a_foreign_sqlite_database_is_not_taken_for_ours(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    conn = sqlite3.connect(data_dir / "history.db")
    conn.execute("CREATE TABLE notes (text)")
    conn.commit()
    conn.close()
    before = (data_dir / "history.db").read_bytes()
    with pytest.raises(DamagedDatabase, match="not a quiz score history") as info:
        Store.open(data_dir)
    assert info.value.aside_path.read_bytes() == before


def test_an_empty_file_is_a_new_history(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / "history.db").touch()
    with Store.open(data_dir) as s:
        assert s.integrity_check() == ["ok"]


def test_a_damaged_wal_travels_with_its_database(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    make_history(data_dir, answers=5)
    path = data_dir / "history.db"
    path.write_bytes(b"garbage" * 1000)
    Path(f"{path}-wal").write_bytes(b"wal bytes")
    with pytest.raises(DamagedDatabase) as info:
        Store.open(data_dir)
    assert Path(f"{info.value.aside_path}-wal").read_bytes() == b"wal bytes"
    assert not Path(f"{path}-wal").exists()
    assert os.listdir(data_dir)


def magic_then_random(raw: bytes, seed: int = 1) -> bytes:
    """SQLite's magic, then random bytes: a half-overwritten file (the report's case)."""
    return b"SQLite format 3\x00" + random.Random(seed).randbytes(len(raw) - 16)


def with_version(raw: bytes, version: int) -> bytes:
    """`raw` with the schema version in its header (bytes 60-63) set to `version`."""
    return raw[:60] + version.to_bytes(4, "big", signed=True) + raw[64:]


@pytest.mark.parametrize("seed", range(6))
def test_magic_then_random_bytes_is_damaged_not_newer(
    tmp_path: Path, seed: int, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = tmp_path / "data"
    make_history(data_dir, answers=5)
    with Store.open(data_dir) as s:
        s.backup(NOW)
    path = data_dir / "history.db"
    bad = with_version(magic_then_random(path.read_bytes(), seed), 1_628_497_272)
    path.write_bytes(bad)
    assert main(["history", "--json", "--data-dir", str(data_dir)]) == 1
    err = capsys.readouterr().err
    assert "newer version" not in err and "damaged" in err and "quiz history restore" in err
    aside = [p for p in data_dir.iterdir() if ".damaged-" in p.name]
    assert len(aside) == 1 and aside[0].read_bytes() == bad


def test_a_quiz_history_at_a_newer_version_with_damage_is_damaged(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    make_history(data_dir)
    path = data_dir / "history.db"
    newer_schema(path)
    path.write_bytes(zeroed_pages(path.read_bytes()))
    with pytest.raises(DamagedDatabase):
        Store.open(data_dir)


def test_another_programs_database_at_a_high_version_is_not_newer(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    conn = sqlite3.connect(data_dir / "history.db")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    with pytest.raises(DamagedDatabase, match="not a quiz score history"):
        Store.open(data_dir)


@settings(max_examples=80, deadline=None)
@given(rest=st.binary(min_size=84, max_size=8192), version=st.integers(SCHEMA_VERSION + 1, 2**31 - 1))
def test_bytes_after_the_magic_are_newer_only_in_a_header_of_quizs(rest: bytes, version: int) -> None:
    """Whatever follows SQLite's magic, with a schema version above this quiz's in the header:
    `damage` says the file is newer only when its header is quiz's (newer_in_header); any other
    file is damaged (a reason) or unreadable (StoreError), never "newer"."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "history.db"
        raw = with_version(b"SQLite format 3\x00" + rest, version)
        path.write_bytes(raw)
        try:
            damage(path)
        except NewerDatabase:
            assert newer_in_header(raw[:100]) == version
        except StoreError:
            pass
