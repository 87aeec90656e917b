"""The cheap check a large history gets at open, and the full check (verify) it gets later."""

from __future__ import annotations

from pathlib import Path

import pytest

import quiz.store.health as health_module
from quiz.store import DamagedDatabase, Store, verify
from tests.test_store_damage import make_history, random_bytes, truncated, zeroed_header, zeroed_pages


@pytest.fixture
def large(monkeypatch: pytest.MonkeyPatch) -> None:
    """Treat every file as large: the structural check at open, not quick_check."""
    monkeypatch.setattr(health_module, "QUICK_CHECK_MAX_BYTES", 0)


def test_a_sound_large_history_opens(tmp_path: Path, large: None) -> None:
    data_dir = tmp_path / "data"
    make_history(data_dir)
    with Store.open(data_dir) as s:
        assert len(list(s.answers())) == 300
        assert not s.fully_checked  # so the app runs verify later
    assert verify(data_dir) is None


def test_a_small_history_or_one_with_a_wal_is_read_whole_at_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = tmp_path / "data"
    make_history(data_dir)
    with Store.open(data_dir) as s:
        assert s.fully_checked
        monkeypatch.setattr(health_module, "QUICK_CHECK_MAX_BYTES", 0)
        s.start_session("d", "mixed")  # the open store leaves frames in the -wal file
        with Store.open(data_dir) as second:
            assert second.fully_checked


@pytest.mark.parametrize("damage", [truncated, random_bytes, zeroed_header])
def test_the_structural_check_refuses_damage_and_keeps_the_file(damage, tmp_path: Path, large: None) -> None:
    data_dir = tmp_path / "data"
    bad = damage(make_history(data_dir))
    (data_dir / "history.db").write_bytes(bad)
    with pytest.raises(DamagedDatabase) as caught:
        Store.open(data_dir)
    assert caught.value.aside_path.read_bytes() == bad


def test_a_zeroed_root_page_is_found_at_open(tmp_path: Path, large: None) -> None:
    data_dir = tmp_path / "data"
    raw = bytearray(make_history(data_dir))
    import sqlite3

    conn = sqlite3.connect(data_dir / "history.db")
    root = conn.execute("SELECT rootpage FROM sqlite_schema WHERE name = 'answers'").fetchone()[0]
    conn.close()
    raw[(root - 1) * 4096 : root * 4096] = bytes(4096)
    (data_dir / "history.db").write_bytes(bytes(raw))
    with pytest.raises(DamagedDatabase):
        Store.open(data_dir)


def test_verify_finds_damage_the_open_check_leaves_to_it(tmp_path: Path, large: None) -> None:
    data_dir = tmp_path / "data"
    bad = zeroed_pages(make_history(data_dir))
    (data_dir / "history.db").write_bytes(bad)
    assert verify(data_dir) is not None
