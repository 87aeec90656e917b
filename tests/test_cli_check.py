"""`quiz check` and `quiz decks` as a person runs them: output lines, summary and exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from quiz.cli import main

CORPUS = Path(__file__).parent / "data" / "decks"


def test_check_valid_decks_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(CORPUS / "valid")]) == 0
    out = capsys.readouterr().out
    assert "checked 3 decks: all valid; 0 errors" in out


def test_check_reports_every_problem_of_a_file_and_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    path = CORPUS / "invalid" / "wrong-types.toml"
    assert main(["check", str(path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert (
        lines[0] == f'{path}:10:1: fact "a": "answer" must be text, got the number 5 (write it in quotes: answer = "5")'
    )
    assert lines[1].startswith(f'{path}:11:1: fact "a": "distractors" must be a list of texts, got text')
    summary = "checked 1 deck: 1 deck with problems; 2 errors; the advice (warnings) comes once they are fixed"
    assert lines[-1] == summary


def test_the_summary_never_counts_the_advice_of_a_deck_with_errors_as_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A deck with errors is not advised on (its facts are not all read), so the summary said "0
    warnings" of a deck whose advice no one had looked for: it says the advice comes later."""
    good = tmp_path / "good.toml"
    shutil.copy(CORPUS / "valid" / "minimal.toml", good)
    shutil.copy(CORPUS / "invalid" / "unknown-key.toml", tmp_path / "bad.toml")
    assert main(["check", str(good)]) == 0
    warnings = int(capsys.readouterr().out.splitlines()[-1].split(", ")[1].split()[0])
    assert warnings > 0  # the valid deck's own advice, counted
    assert main(["check", str(tmp_path)]) == 1
    last = capsys.readouterr().out.splitlines()[-1]
    assert f"1 error, {warnings} warning" in last and "(more may come once the errors are fixed)" in last


def test_check_a_folder_with_good_and_bad_decks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(CORPUS / "valid" / "minimal.toml", tmp_path / "good.toml")
    shutil.copy(CORPUS / "invalid" / "unknown-key.toml", tmp_path / "bad.toml")
    assert main(["check", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert f'{tmp_path / "bad.toml"}:11:1: fact "rfa-risk": unknown key "distractor"' in out
    assert "checked 2 decks: 1 deck with problems" in out


def test_check_missing_path_is_bad_usage(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path / "nope.toml")]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_check_unknown_option_is_bad_usage() -> None:
    assert main(["check", "--bogus"]) == 2


def test_check_non_utf8_file_says_where(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(b'format = 1\n[deck]\nid = "d"\ntitle = "Caf\xe9"\n')
    assert main(["check", str(path)]) == 1
    assert f"{path}:4:13: the file is not UTF-8 text (byte 0xe9)" in capsys.readouterr().out


def test_check_oversized_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "big.toml"
    path.write_bytes(b"# " + b"x" * (9 * 1024 * 1024))
    assert main(["check", str(path)]) == 1
    assert "decks may be at most 8 MiB" in capsys.readouterr().out


def test_decks_lists_broken_decks_with_their_problem(private_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    own = private_home / "decks"
    own.mkdir(parents=True)
    shutil.copy(CORPUS / "valid" / "complete.toml", own / "hands.toml")
    shutil.copy(CORPUS / "invalid" / "duplicate-id.toml", own / "dup.toml")
    assert main(["decks", "--json"]) == 0
    rows = {row["id"]: row for row in json.loads(capsys.readouterr().out)["decks"]}
    assert rows["hand-hygiene"]["facts"] == 3 and rows["hand-hygiene"]["builtin"] is False
    assert "duplicate id" in rows["dup"]["problem"]
    assert any(row["builtin"] for row in rows.values())


def test_two_decks_with_one_id_are_an_error_naming_both_files(
    private_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    own = private_home / "decks"
    own.mkdir(parents=True)
    shutil.copy(CORPUS / "valid" / "complete.toml", own / "hands.toml")
    shutil.copy(CORPUS / "valid" / "complete.toml", own / "hands-copy.toml")
    first, second = own / "hands-copy.toml", own / "hands.toml"
    assert main(["check", str(own)]) == 1
    out = capsys.readouterr().out
    # Placed at the [deck] table's id, as every problem is (a tester found this one without a line).
    assert f'{first}:5:1: deck id "hand-hygiene" is also the id of {second}' in out
    assert f'{second}:5:1: deck id "hand-hygiene" is also the id of {first}' in out
    assert "2 decks with problems" in out
    assert main(["decks"]) == 0
    out = capsys.readouterr().out
    assert out.count('cannot be used: deck id "hand-hygiene" is also the id of') == 2
    assert main(["preview", "hand-hygiene"]) == 1  # by id: which one? refused, naming both
    err = capsys.readouterr().err
    assert str(first) in err and str(second) in err and "2 deck files have the id" in err
    assert main(["preview", str(first)]) == 0  # by path it is clear which


@pytest.mark.parametrize("quiet", [[], ["-q"]])
def test_a_folder_of_no_decks_is_no_success(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], quiet: list[str]
) -> None:
    """`quiz check emptydir` said "no deck files found" and exited 0, as for valid decks: a
    mistyped folder in a script passed (a tester's report). It is bad usage, as a missing path is."""
    (tmp_path / "notes.txt").write_text("not a deck", encoding="utf-8")
    assert main(["check", *quiet, str(tmp_path)]) == 2
    out, err = capsys.readouterr()
    assert "no deck files found" in out + err


def test_a_file_of_old_mac_line_ends_is_one_problem_saying_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A deck saved with CR alone at each line's end gave a control character problem for every
    line, all "on line 1" (a tester's report): one problem says what the file is and what to do."""
    path = tmp_path / "mac.toml"
    path.write_bytes(b'format = 1\r[deck]\rid = "d"\rtitle = "T"\r[[facts]]\rid = "a"\rquestion = "Q?"\ranswer = "A"\r')
    assert main(["check", str(path)]) == 1
    [problem, _] = capsys.readouterr().out.splitlines()
    assert problem.startswith(f"{path}:1:1: the lines of this file end with a carriage return (CR) alone")
    path.write_bytes(path.read_bytes().replace(b"\r", b"\r\n"))  # CR LF: read as lines
    assert main(["check", str(path)]) == 0


def test_a_folder_check_finds_a_deck_whose_ending_is_in_capitals(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """"UPPER.TOML" in a folder was skipped without a word, though naming it checked it (a tester's
    report): a deck's ".toml" is read in any case."""
    shutil.copy(CORPUS / "valid" / "minimal.toml", tmp_path / "UPPER.TOML")
    shutil.copy(CORPUS / "invalid" / "unknown-key.toml", tmp_path / "Mixed.Toml")
    (tmp_path / "notes.txt").write_text("no deck", encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 1
    assert "checked 2 decks: 1 deck with problems" in capsys.readouterr().out
