"""Documented limits: a field longer than its limit, or too many facts, is refused with a clear message."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from quiz.deck.checker import MAX_CHARS, MAX_LONG_CHARS
from quiz.deck.errors import DeckError
from quiz.deck.load import parse_deck
from quiz.deck.validate import MAX_FACTS

ROOT = Path(__file__).resolve().parent.parent
HEAD = 'format = 1\n[deck]\nid = "d"\ntitle = "T"\n'


def fact(n: int, **fields: str) -> str:
    values = {"question": f"Q{n}?", "answer": f"A{n}", **fields}
    return f'[[facts]]\nid = "f{n}"\n' + "".join(f'{k} = "{v}"\n' for k, v in values.items())


@pytest.mark.parametrize(
    ("key", "limit", "line"),
    [("question", MAX_CHARS, 7), ("answer", MAX_CHARS, 8), ("refs", MAX_CHARS, 9), ("explanation", MAX_LONG_CHARS, 9)],
)
def test_a_field_at_its_limit_loads_and_one_past_it_is_refused(key: str, limit: int, line: int) -> None:
    assert parse_deck(HEAD + fact(1, **{key: "x" * limit})).facts[0]
    with pytest.raises(DeckError) as info:
        parse_deck(HEAD + fact(1, **{key: "x" * (limit + 1)}), "d.toml")
    assert str(info.value) == (
        f'd.toml:{line}:1: fact "f1": "{key}" is {limit + 1:,} characters long; '
        f'the limit is {limit:,} (see "Limits" in docs/deck-format.md)'
    )


def test_list_items_deck_fields_and_glossary_definitions_have_limits_too() -> None:
    long = "y" * (MAX_CHARS + 1)
    text = (
        f'format = 1\n[deck]\nid = "d"\ntitle = "T"\ndescription = "{"z" * (MAX_LONG_CHARS + 1)}"\n'
        f'[glossary]\n"term" = "{long}"\n'
        f'[[facts]]\nid = "f1"\nquestion = "Q?"\nanswer = "A"\ndistractors = ["{long}"]\n'
    )
    with pytest.raises(DeckError) as info:
        parse_deck(text, "d.toml")
    messages = [p.message for p in info.value.problems]
    assert any('"description" is 10,001 characters long' in m for m in messages)
    assert any('[glossary] "term" is 2,001 characters long' in m for m in messages)
    assert any('"distractors" item 1 is 2,001 characters long' in m for m in messages)


def test_too_many_facts_are_refused_at_the_first_one_past_the_limit() -> None:
    body = "".join(f'[[facts]]\nid = "f{n}"\nquestion = "Q"\nanswer = "A"\n' for n in range(MAX_FACTS + 1))
    with pytest.raises(DeckError) as info:
        parse_deck(HEAD + body, "big.toml")
    [problem] = info.value.problems
    assert problem.line == 5 + 4 * MAX_FACTS
    assert problem.message == (
        f"the deck has {MAX_FACTS + 1:,} facts; the limit is {MAX_FACTS:,} (split it into several decks)"
    )


@pytest.mark.slow
def test_quiz_check_refuses_a_huge_explanation_without_reading_it_for_advice(tmp_path: Path) -> None:
    deck = tmp_path / "huge.toml"
    deck.write_text(HEAD + fact(1, explanation="word " * 1_500_000), encoding="utf-8")  # 7.5 MB
    run = subprocess.run(
        [sys.executable, "-m", "quiz", "check", str(deck)], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert run.returncode == 1
    assert '"explanation" is 7,500,000 characters long; the limit is 10,000' in run.stdout


# A deck file is read at most MAX_BYTES + 1 bytes (quiz.deck.load.read_bounded): a pipe or a device
# given as a deck, which has no size to check and may never end, is refused before it is read.
NOT_A_FILE = "is not a regular file but a pipe, a device or a socket"


@pytest.mark.parametrize("command", [["check"], ["preview"], ["study"], ["export", "-o", "x.md"]])
def test_a_device_given_as_a_deck_is_refused_at_once(
    command: list[str], capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quiz.cli import main

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("QUIZ_DATA_DIR", str(tmp_path / "data"))
    assert main([command[0], "/dev/zero", *command[1:]]) == 1
    assert f"/dev/zero: {NOT_A_FILE}" in capsys.readouterr().out


def test_a_pipe_is_refused_as_a_deck_and_as_an_import(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import os

    from quiz.cli import main
    from quiz.deck.load import read_bounded

    read, write = os.pipe()
    try:
        os.write(write, b"x = 1\n" * 1000)  # as `quiz check <(yes 'x = 1')` gives it
        with pytest.raises(DeckError, match=NOT_A_FILE):
            read_bounded(f"/dev/fd/{read}")
        assert main(["check", f"/dev/fd/{read}"]) == 1
        assert NOT_A_FILE in capsys.readouterr().out
        assert main(["import", f"/dev/fd/{read}", "-o", str(tmp_path / "x.toml")]) == 1
        assert NOT_A_FILE in capsys.readouterr().err and not (tmp_path / "x.toml").exists()
    finally:
        os.close(read)
        os.close(write)


def test_a_fifo_with_no_writer_is_refused_not_waited_on(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "deck.toml"
    os.mkfifo(fifo)
    (tmp_path / "a.txt").write_text("a\tb\n", encoding="utf-8")
    for command in (
        ["check", str(fifo)],
        ["import", str(fifo), "-o", str(tmp_path / "x.toml")],
        ["import", str(tmp_path / "a.txt"), "--update", str(fifo)],
    ):
        # opening a FIFO with no writer waits for one: the timeout only keeps a failure from hanging the suite
        env = {**os.environ, "QUIZ_DATA_DIR": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
        run = [sys.executable, "-m", "quiz", *command]
        done = subprocess.run(run, capture_output=True, text=True, timeout=120, cwd=ROOT, env=env)
        assert NOT_A_FILE in done.stdout + done.stderr and "no such file" not in done.stdout + done.stderr


def test_a_file_is_read_no_further_than_the_limit(tmp_path: Path) -> None:
    from quiz.deck.load import read_bounded

    path = tmp_path / "d.toml"
    path.write_bytes(b"x" * 101)
    assert read_bounded(path, 101) == b"x" * 101
    with pytest.raises(DeckError, match="decks may be at most"):
        read_bounded(path, 100)
