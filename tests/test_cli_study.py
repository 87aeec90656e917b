"""`quiz study` refuses a deck it cannot use before any screen opens."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.cli import main

CORPUS = Path(__file__).parent / "data" / "decks"


def test_study_an_invalid_deck_prints_its_problems_and_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    path = CORPUS / "invalid" / "wrong-types.toml"
    assert main(["study", str(path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f'{path}:10:1: fact "a": "answer" must be text')
    assert len(out) == 2


def test_study_an_unknown_deck_id(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["study", "no-such-deck"]) == 1
    assert 'no deck with id "no-such-deck"' in capsys.readouterr().err


@pytest.mark.parametrize("args", [["--mode", "quiz"], ["--count", "0"], ["--count", "many"]])
def test_study_bad_options_are_usage_errors(args: list[str]) -> None:
    assert main(["study", "rectal-cancer-stage-iv", *args]) == 2
