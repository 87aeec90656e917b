"""`quiz new` writes a starter deck that passes `quiz check` as written, and never overwrites a file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.deck.load import load_deck, parse_deck
from quiz.deck.model import DECK_KEYS, FACT_KEYS, SOURCE_KEYS, TOPIC_KEYS
from quiz.interop.template import new_deck_text


def test_new_deck_passes_check_strictly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "blood-pressure.toml"
    assert main(["new", str(path)]) == 0
    deck = load_deck(path)
    assert (deck.id, deck.title, len(deck.facts)) == ("blood-pressure", "Blood pressure", 1)
    capsys.readouterr()
    assert main(["check", "--strict", str(path)]) == 0, capsys.readouterr().out


def test_every_key_is_present_and_commented() -> None:
    text = new_deck_text("d", "D", today=dt.date(2026, 1, 2))
    lines = [line for line in text.splitlines() if not line.startswith((" ", "]"))]  # a list's items and its end
    tables = (("[deck]", DECK_KEYS), ("[[sources]]", SOURCE_KEYS), ("[[topics]]", TOPIC_KEYS), ("[[facts]]", FACT_KEYS))
    for table, keys in tables:
        start = lines.index(table)
        body = lines[start + 1 : start + 1 + len(keys)]
        assert [line.split(" = ")[0] for line in body] == list(keys)
    keyed = [line for line in lines if " = " in line and not line.startswith("#")]
    assert [line for line in keyed if "  # " not in line] == []
    assert "reviewed = 2026-01-02" in text


def test_id_and_title_are_written_as_given(tmp_path: Path) -> None:
    path = tmp_path / "x.toml"
    title = 'Blutdruck "hoch" [b]\\ über'
    assert main(["new", str(path), "--id", "bp-de", "--title", title]) == 0
    deck = load_deck(path)
    assert (deck.id, deck.title) == ("bp-de", title)


def test_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "mine.toml"
    path.write_text("my work", encoding="utf-8")
    assert main(["new", str(path)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "my work"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--id", "Not A Slug"], 'like "not-a-slug"'),
        (["--title", "   "], '"title" is empty'),
        (["--title", "bell\x07"], "control character U+0007"),
    ],
)
def test_bad_id_or_title_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    path = tmp_path / "d.toml"
    assert main(["new", str(path), *args]) == 2  # bad usage
    assert message in capsys.readouterr().err
    assert not path.exists()


def test_name_must_end_in_toml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", str(tmp_path / "deck.txt")]) == 2
    assert ".toml" in capsys.readouterr().err


def test_odd_file_names_still_give_a_valid_deck(tmp_path: Path) -> None:
    path = tmp_path / "über\x1b.toml"
    assert main(["new", str(path)]) == 0
    assert load_deck(path).id == "uber"
    parse_deck(new_deck_text("x", "X", path_hint="a\nb\x1bc"))
