"""The parsed-deck cache: same deck back, keyed by the file's bytes, private, and never trusted blindly."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.deck.errors import DeckError
from quiz.deck.load import load_deck
from quiz.paths import cache_dir

CORPUS = Path(__file__).parent / "data" / "decks"


@pytest.fixture
def deck_file(tmp_path: Path) -> Path:
    path = tmp_path / "complete.toml"
    shutil.copy(CORPUS / "valid" / "complete.toml", path)
    return path


def test_a_cached_deck_equals_the_parsed_one(deck_file: Path, tmp_path: Path) -> None:
    cache = cache_dir(tmp_path / "data")
    first = load_deck(deck_file, cache=cache)
    [entry] = cache.glob("*.bin")
    second = load_deck(deck_file, cache=cache)
    assert first == second == load_deck(deck_file)
    assert second.path == deck_file and second.reviewed == first.reviewed
    assert entry.stat().st_mode & 0o777 == 0o600
    for folder in (tmp_path / "data", tmp_path / "data" / "cache", cache):
        assert folder.stat().st_mode & 0o777 == 0o700


def test_topics_priorities_and_whys_come_back_from_the_cache(tmp_path: Path) -> None:
    path = tmp_path / "topics.toml"
    shutil.copy(CORPUS / "valid" / "topics.toml", path)
    cache = cache_dir(tmp_path / "data")
    parsed = load_deck(path, cache=cache)
    cached = load_deck(path, cache=cache)
    assert cached == parsed and cached.topics == parsed.topics and cached.topics
    assert [(f.topic, f.priority, f.whys) for f in cached.facts] == [
        (f.topic, f.priority, f.whys) for f in parsed.facts
    ]


def test_an_edited_deck_is_parsed_again(deck_file: Path, tmp_path: Path) -> None:
    cache = cache_dir(tmp_path / "data")
    load_deck(deck_file, cache=cache)
    deck_file.write_text(deck_file.read_text().replace("Hand hygiene basics", "Edited title"))
    assert load_deck(deck_file, cache=cache).title == "Edited title"
    deck_file.write_text(deck_file.read_text().replace('answer = "20 seconds"', "answer = 20"))
    with pytest.raises(DeckError, match="must be text"):
        load_deck(deck_file, cache=cache)
    assert len(list(cache.glob("*.bin"))) == 2  # a broken deck is never cached


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=200))
def test_a_damaged_entry_is_ignored(deck_file: Path, tmp_path: Path, junk: bytes) -> None:
    cache = cache_dir(tmp_path / "data")
    expected = load_deck(deck_file, cache=cache)
    for entry in cache.glob("*.bin"):
        entry.write_bytes(junk)
    assert load_deck(deck_file, cache=cache) == expected


def test_a_deck_loaded_for_study_still_reports_problems_where_they_are(tmp_path: Path) -> None:
    for bad in sorted((CORPUS / "invalid").glob("*.toml")):
        with pytest.raises(DeckError) as plain:
            load_deck(bad)
        with pytest.raises(DeckError) as cached:
            load_deck(bad, cache=cache_dir(tmp_path))
        assert str(cached.value) == str(plain.value)


@settings(max_examples=50, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300_000))
def test_the_key_of_bytes_is_the_key_of_a_file_holding_them(tmp_path: Path, raw: bytes) -> None:
    from quiz.deck import cache as deck_cache

    path = tmp_path / "any.toml"
    path.write_bytes(raw)
    assert deck_cache.bytes_key(raw) == deck_cache.file_key(path)


def test_an_edit_saved_while_loading_is_not_cached_under_the_old_text(
    deck_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quiz.deck import cache as deck_cache

    cache = cache_dir(tmp_path / "data")
    old_key = deck_cache.file_key(deck_file)
    deck_file.write_text(deck_file.read_text().replace("Hand hygiene basics", "Edited title"))
    # The hash was taken just before the edit landed; the bytes parsed are the edited ones.
    monkeypatch.setattr(deck_cache, "file_key", lambda path: old_key)
    assert load_deck(deck_file, cache=cache).title == "Edited title"
    assert not (cache / f"{old_key}.bin").exists()
    monkeypatch.undo()
    assert (cache / f"{deck_cache.file_key(deck_file)}.bin").exists()


FAILING_WRITE = """
import resource, signal, sys
from pathlib import Path
from quiz.deck.load import load_deck
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writing past the limit fails with EFBIG, as on a full disk
resource.setrlimit(resource.RLIMIT_FSIZE, (100, 100))
print(load_deck(Path(sys.argv[1]), cache=Path(sys.argv[2])).id)
"""


def test_a_failed_cache_write_leaves_no_temporary_file_and_old_ones_are_removed(
    deck_file: Path, tmp_path: Path
) -> None:
    import os
    import subprocess
    import sys

    cache = cache_dir(tmp_path / "data")
    root = Path(__file__).resolve().parent.parent
    run = subprocess.run(
        [sys.executable, "-c", FAILING_WRITE, str(deck_file), str(cache)],
        capture_output=True, text=True, cwd=root, timeout=120,
    )  # fmt: skip
    assert run.returncode == 0 and run.stdout.strip(), run.stderr  # the deck loads; the cache is no matter
    assert list(cache.iterdir()) == []
    stale, fresh = cache / ".old.bin.123.tmp", cache / ".new.bin.456.tmp"
    for path in (stale, fresh):
        path.write_bytes(b"partial")
    os.utime(stale, (1, 1))  # left by a write killed long ago
    load_deck(deck_file, cache=cache)
    assert not stale.exists() and fresh.exists()  # a write going on now in another quiz is left alone


def test_a_deck_of_several_records_comes_back_whole_and_in_order(tmp_path: Path) -> None:
    from quiz.deck import cache as deck_cache
    from quiz.deck.model import Deck, Fact

    shared = "The same explanation for many facts."
    facts = tuple(
        Fact(id=f"f{i}", question=f"Question {i}?", answer=f"Answer {i}", distractors=(f"Wrong {i}", "Never"),
             explanation=shared, group=f"g{i % 3}", tags=("t",))
        for i in range(2 * deck_cache.BATCH + 3)
    )  # fmt: skip
    path = tmp_path / "many.toml"
    deck = Deck(id="many", title="Many", facts=facts, path=path)
    folder = cache_dir(tmp_path / "data")
    deck_cache.write("k", deck, folder)
    back = deck_cache.read("k", folder, path)
    assert back == deck
    assert back is not None and back.facts[0].explanation is back.facts[1].explanation  # held once per record
