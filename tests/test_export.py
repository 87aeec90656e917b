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
        (["-o", "deck.txt"], "--format anki (.apkg) or --format markdown (.md)"),
        (["--format", "anki"], "-o FILE.apkg"),
        (["--format", "anki", "-o", "-"], "standard output"),
        (["-o", "x.md", "--format", "anki"], "x.md is not a name for anki: name the file *.apkg"),
        (["-o", "x.apkg", "--format", "markdown"], "x.apkg is not a name for markdown: name the file *.md"),
        # an educator asked for a CSV and got Markdown in a .csv file
        (["-o", "deck.csv"], "deck.csv: quiz export writes an Anki package (.apkg) or a Markdown handout (.md), not"),
        (["-o", "deck.CSV", "--format", "markdown"], "not a CSV"),
    ],
)
def test_usage_problems(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["export", str(COMPLETE), *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: quiz export") and message in err
    assert list(tmp_path.iterdir()) == []


def test_a_file_that_cannot_be_written_is_named_not_its_temporary_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(COMPLETE), "-o", str(tmp_path / "missing" / "x.md")]) == 1
    assert "no such folder" in capsys.readouterr().err
    (tmp_path / "x.md").mkdir()
    assert main(["export", str(COMPLETE), "-o", str(tmp_path / "x.md")]) == 1
    err = capsys.readouterr().err
    assert f"{tmp_path / 'x.md'}: is a folder" in err and ".tmp" not in err


def test_dash_prints_the_handout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(COMPLETE), "-o", "-"]) == 0
    assert capsys.readouterr().out.startswith("# Hand hygiene basics")


def test_never_overwrites_the_deck_itself(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    deck = tmp_path / "d.md"
    deck.write_bytes(COMPLETE.read_bytes())
    assert main(["export", str(deck), "--format", "markdown", "-o", str(deck)]) == 1
    assert "is the deck being exported" in capsys.readouterr().err
    assert deck.read_bytes() == COMPLETE.read_bytes()
