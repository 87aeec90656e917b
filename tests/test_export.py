"""`quiz export`: the format from --format or the file name, problems printed as `quiz check` does."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.deck.load import load_deck
from quiz.interop.markdown import deck_handout

DECKS = Path(__file__).parent / "data" / "decks"
COMPLETE = DECKS / "valid" / "complete.toml"


def test_markdown_to_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "handout.md"
    assert main(["export", str(COMPLETE), "-o", str(out)]) == 0
    assert capsys.readouterr().out == f"wrote {out}: 3 questions as a Markdown handout\n"
    assert out.read_text(encoding="utf-8") == deck_handout(load_deck(COMPLETE))


def test_markdown_to_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(COMPLETE), "--format", "markdown"]) == 0
    assert capsys.readouterr().out == deck_handout(load_deck(COMPLETE))


def test_deck_found_by_id(private_home: Path, tmp_path: Path) -> None:
    (private_home / "decks").mkdir(parents=True)
    shutil.copy(COMPLETE, private_home / "decks" / "mine.toml")
    out = tmp_path / "h.md"
    assert main(["export", "hand-hygiene", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("# Hand hygiene basics\n")


def test_an_invalid_deck_prints_its_problems_like_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = DECKS / "invalid" / "unknown-key.toml"
    assert main(["check", "--quiet", str(bad)]) == 1
    expected = capsys.readouterr().out
    out = tmp_path / "x.md"
    assert main(["export", str(bad), "-o", str(out)]) == 1
    assert capsys.readouterr().out == expected
    assert not out.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "deck.txt"], "--format anki or --format markdown"),
        (["--format", "anki"], "-o FILE.apkg"),
        (["--format", "anki", "-o", "-"], "standard output"),
        (["-o", "missing/x.md"], "no such folder"),
    ],
)
def test_usage_problems(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["export", str(COMPLETE), *args]) == 1
    assert message in capsys.readouterr().err


def test_never_overwrites_the_deck_itself(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    deck = tmp_path / "d.md"
    deck.write_bytes(COMPLETE.read_bytes())
    assert main(["export", str(deck), "--format", "markdown", "-o", str(deck)]) == 1
    assert "is the deck itself" in capsys.readouterr().err
    assert deck.read_bytes() == COMPLETE.read_bytes()
