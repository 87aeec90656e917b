"""The command line reads like git's: each command's own usage on a mistake, "did you mean", exit 2,
one spelling for modes and kinds, counts in words, suggestions that paste, `-` for standard output."""

from __future__ import annotations

import csv
import io
import os
import shlex
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.arguments import build_parser
from quiz.cli import main
from quiz.paths import builtin_decks_dir
from quiz.plural import plural
from quiz.store import Store

DECKS = Path(__file__).parent / "data" / "decks" / "valid"
COMPLETE = DECKS / "complete.toml"
MINIMAL = DECKS / "minimal.toml"


@pytest.mark.parametrize(
    ("argv", "usage", "hint"),
    [
        (["check", "--stritc"], "usage: quiz check", "(did you mean --strict?)"),
        (["stduy"], "usage: quiz [", "(did you mean study?)"),
        (["preview", str(COMPLETE), "--knid", "typed"], "usage: quiz preview", "(did you mean --kind?)"),
        (["study", "x", "--mode", "flashcrd"], "usage: quiz study", "(did you mean flashcard?)"),
        (["history", "show", "--csv", "x.csv"], "usage: quiz history", "--csv is only for `quiz history export`"),
        (["history", "restore", "--csv", "x.csv"], "usage: quiz history", "--csv is only for `quiz history export`"),
        (["history", "export", "--backup", "b"], "usage: quiz history", "--backup is only for `quiz history restore`"),
        (["export", str(COMPLETE), "--format", "pdf"], "usage: quiz export", "invalid choice: 'pdf'"),
        (["export", str(COMPLETE), "-o", "x.doc"], "usage: quiz export", "--format anki (.apkg)"),
        (["import", "nowhere.txt", "-o", "x.toml"], "usage: quiz import", "nowhere.txt: no such file"),
    ],
)
def test_usage_errors_show_the_commands_own_usage_and_exit_2(
    argv: list[str], usage: str, hint: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith(usage) and hint in err, err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "argv",
    [["preview", str(COMPLETE), "x\x1b]0;PWNED\x07.toml"], ["decks", "--sort", "\x1b]8;;https://e.example/\x07"],
     ["history", "show", "--junk", "\x1b[2J"], ["stduy\x1b[2J"], ["check", "--strict\x9b31m"]],
)  # fmt: skip
def test_a_usage_error_shows_what_was_typed_with_its_control_characters_made_visible(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """`quiz preview a.toml *` in a folder holding a file named with escapes sent them to the
    terminal in "unrecognized arguments: ..." (a tester's report); every other message escapes them."""
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "error:" in err
    assert not any(c in err for c in "\x1b\x07\x9b"), err


def test_help_and_version_still_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert main(["check", "--help"]) == 0
    assert "usage: quiz check" in capsys.readouterr().out


@pytest.mark.parametrize("spelling", ["multiple-choice", "multiple_choice", "Multiple-Choice"])
def test_modes_and_kinds_have_one_spelling_and_keep_the_old_one(
    spelling: str, capsys: pytest.CaptureFixture[str]
) -> None:
    parser, _ = build_parser(["study", "x", "--mode", spelling])
    assert parser.parse_args(["study", "x", "--mode", spelling]).mode == "multiple-choice"
    assert main(["preview", str(COMPLETE), "--kind", spelling]) == 0
    out = capsys.readouterr().out
    assert "[multiple choice]" in out and "[flashcard]" not in out


def test_counts_are_in_words(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert [plural(n, "fact") for n in (0, 1, 2)] == ["0 facts", "1 fact", "2 facts"]
    assert main(["preview", str(MINIMAL), "--kind", "flashcard"]) == 0
    assert "1 question from 1 fact," in capsys.readouterr().out
    decks = tmp_path / "decks"
    decks.mkdir()
    (decks / "m.toml").write_text(MINIMAL.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["--data-dir", str(tmp_path), "decks"]) == 0
    assert "(1 fact, yours)" in capsys.readouterr().out


def test_quiz_new_suggests_commands_that_paste(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "My Deck 2.toml"
    assert main(["new", str(path)]) == 0
    out = capsys.readouterr().out
    command = out.split("run: ", 1)[1].strip()
    assert shlex.split(command) == ["quiz", "check", str(path)]
    assert f"`quiz check {shlex.quote(str(path))}`" in path.read_text(encoding="utf-8")
    assert "before every session" not in path.read_text(encoding="utf-8")
    assert main(["new", str(tmp_path / "My Deck 3")]) == 2
    suggestion = capsys.readouterr().err.split("try: ", 1)[1].rstrip(")\n")
    assert shlex.split(suggestion) == ["quiz", "new", str(tmp_path / "My Deck 3.toml")]


def test_history_csv_to_standard_output_with_questions_and_titles(
    private_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    decks = private_home / "decks"
    decks.mkdir(parents=True)
    (decks / "c.toml").write_text(COMPLETE.read_text(encoding="utf-8"), encoding="utf-8")
    now = datetime(2024, 5, 6, 12, 0, tzinfo=UTC)
    with Store.open(private_home, backup=False) as store:
        sid = store.start_session("hand-hygiene", "quiz", "1", now=now)
        store.record_answer(sid, "hand-hygiene", "wash-seconds", kind="typed", response="20", correct=True, now=now)
    assert main(["history", "export", "--csv", "-"]) == 0
    captured = capsys.readouterr()
    rows = list(csv.DictReader(io.StringIO(captured.out)))
    assert [(r["deck_title"], r["question"]) for r in rows] == [
        ("Hand hygiene basics", "For how many seconds should you scrub your hands with soap?")
    ]
    assert "wrote 1 answer to standard output" in captured.err
    assert not Path("-").exists()


def test_import_update_refuses_a_title_it_would_ignore(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    deck = tmp_path / "d.toml"
    deck.write_text(COMPLETE.read_text(encoding="utf-8"), encoding="utf-8")
    cards = tmp_path / "c.txt"
    cards.write_text("q\ta\n", encoding="utf-8")
    assert main(["import", str(cards), "--update", str(deck), "--title", "New"]) == 2
    assert "--title does not go with --update" in capsys.readouterr().err
    assert deck.read_text(encoding="utf-8") == COMPLETE.read_text(encoding="utf-8")


def test_quiz_alone_parses_nothing_and_says_the_same(tmp_path: Path) -> None:
    """`quiz` with no arguments opens the app without building the parser (argparse was about 4 ms of
    every start: docs/benchmarks.md); its refusals are the ones it always gave."""
    code = "import sys; from quiz.cli import main; done = main([]); print(done, 'argparse' in sys.modules)"

    def quiz_alone(data: Path) -> tuple[str, str]:
        env = {**os.environ, "QUIZ_DATA_DIR": str(data), "QUIZ_CONFIG_DIR": str(tmp_path / "config")}
        out = subprocess.run(
            [sys.executable, "-c", code], stdin=subprocess.DEVNULL, capture_output=True, text=True, env=env,
            cwd=Path(__file__).parent.parent, check=True,
        )  # fmt: skip
        return out.stdout.strip(), out.stderr

    said, err = quiz_alone(tmp_path / "data")  # no terminal here: refused at once, exit 2
    assert said == "2 False" and "the app needs a terminal" in err, err
    (tmp_path / "file").write_text("", encoding="utf-8")
    said, err = quiz_alone(tmp_path / "file")
    assert said == "1 False" and "not a folder" in err and "Traceback" not in err, err



@pytest.fixture
def collector_kept() -> object:
    """The test process's garbage-collector setting, put back after the test."""
    import gc

    kept = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*kept)


@pytest.mark.usefixtures("collector_kept")
def test_quiz_check_makes_the_collector_run_less_often_and_other_commands_do_not(tmp_path: Path) -> None:
    """quiz.commands.check.COLLECTION: `quiz check` sets it; `quiz preview` (whose peak memory it
    raised by half) and `quiz history` (the app, in a terminal) keep the default."""
    import gc

    from quiz.commands.check import COLLECTION

    data = ["--data-dir", str(tmp_path / "data")]
    assert main(["history", "--plain", *data]) == 0
    assert main(["preview", str(builtin_decks_dir() / "rectal-cancer-stage-iv.toml"), "--json", *data]) == 0
    assert gc.get_threshold() == (700, 10, 10)
    assert main(["check", "--quiet", *data]) == 0
    assert gc.get_threshold() == COLLECTION


@settings(max_examples=200, deadline=None)
@given(
    low=st.integers(-(10**6), 10**6),
    span=st.integers(0, 10**7),
    value=st.one_of(st.integers(-(10**30), 10**30), st.integers(-(10**7), 10**7)),
    pad=st.sampled_from(["", " ", "+", "0", "00"]),
)
def test_whole_number_takes_exactly_the_numbers_of_its_range(low: int, span: int, value: int, pad: str) -> None:
    """quiz.arguments.whole_number: every whole number from low to high, however written (a sign,
    leading zeros, spaces), and nothing else, whatever its size (int() of 10**5000 digits raises)."""
    import argparse

    from quiz.arguments import whole_number

    high = low + span
    text = (pad.strip() + str(value) if value >= 0 and pad.strip() else str(value)) + (" " if pad == " " else "")
    parse = whole_number(low, high)
    if low <= value <= high:
        assert parse(text) == value
    else:
        with pytest.raises(argparse.ArgumentTypeError, match=f"from {low:,} to {high:,}"):
            parse(text)


@pytest.mark.parametrize("text", ["", "-", "+", "1.0", "1_000", "0x10", "\u0663", "1e3", "9" * 5000, "1 2"])
def test_whole_number_refuses_what_is_not_one_number_in_ascii_digits(text: str) -> None:
    import argparse

    from quiz.arguments import whole_number

    with pytest.raises(argparse.ArgumentTypeError, match="from 1 to 100"):
        whole_number(1, 100)(text)
