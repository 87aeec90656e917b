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



async def test_a_mode_with_no_questions_says_so_in_the_shell(tmp_path: Path) -> None:
    """`quiz study DECK --mode match` on a deck without a glossary exited without a word."""
    from quiz.mode import Mode
    from quiz.tui.app import StudyRequest
    from tests.tui_helpers import make_app, write_deck

    deck = write_deck(tmp_path / "decks", 'format = 1\n[deck]\nid = "plain"\ntitle = "Plain"\n'
                      '[[facts]]\nid = "a"\nquestion = "Q?"\nanswer = "A"\n')  # fmt: skip
    app = make_app([deck], tmp_path / "data", study=StudyRequest(deck, Mode.MATCH))
    exits: list[tuple[object, ...]] = []
    real_exit = app.exit

    def exit(*args: object, **kwargs: object) -> None:  # the message Textual prints in the shell at exit
        exits.append((*args, str(kwargs.get("message", ""))))
        real_exit(*args, **kwargs)  # type: ignore[arg-type]

    app.exit = exit  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    assert exits == [(0, "Plain: This deck has no questions of that kind.")]
