"""`quiz history`: the table, the JSON shape, CSV export and restore, through the real CLI."""

from __future__ import annotations

import csv
import json
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.store import Store

NOW = datetime(2024, 5, 6, 12, 0, tzinfo=UTC)


@pytest.fixture
def data_dir(private_home: Path) -> Path:
    """The QUIZ_DATA_DIR the autouse fixture set, filled with two decks of answers."""
    with Store.open(private_home, backup=False) as s:
        for deck, results in (("diabetes", [True, False, True]), ("heart\x1b[31m", [False])):
            sid = s.start_session(deck, "quiz", "1", now=NOW)
            for i, ok in enumerate(results):
                s.record_answer(sid, deck, f"f{i}", kind="choice", response=f"resp {i}", correct=ok, now=NOW)
            s.finish_session(sid, now=NOW)
    return private_home


def test_json_has_the_documented_shape(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["history", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= {"sessions", "decks"}
    first = data["sessions"][-1]
    assert {"id", "deck_id", "mode", "started_at", "finished_at", "answered", "correct"} <= set(first)
    assert (first["deck_id"], first["answered"], first["correct"]) == ("diabetes", 3, 2)
    assert [d["deck_id"] for d in data["decks"]] == ["diabetes", "heart\x1b[31m"]
    # No deck file of either is found: nothing of them can be asked, so nothing is due (Home lists
    # neither); a deck that is found counts what it schedules now (below).
    assert [(d["due_now"], d["due_forecast"]) for d in data["decks"]] == [(None, []), (None, [])]


def test_due_counts_what_the_deck_file_schedules_now(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.tui_helpers import DECK, write_deck

    deck = DECK.replace('id = "kidney-care"', 'id = "diabetes"').replace('id = "salt-limit"', 'id = "f1"')
    write_deck(data_dir / "decks", deck, name="diabetes.toml")  # f1 (missed) is in it, f0 and f2 are not
    assert main(["history", "--json", "--deck", "diabetes"]) == 0
    (summary,) = json.loads(capsys.readouterr().out)["decks"]
    assert summary["due_now"] == 1 and len(summary["due_forecast"]) == 14
    assert main(["history", "--plain"]) == 0
    rows = [line.split() for line in capsys.readouterr().out.splitlines()]
    decks = rows[[r[:1] for r in rows].index(["deck"]) :]
    assert decks[1][0] == "diabetes" and decks[1][7] == "1"  # due now: f1, missed a moment ago
    assert decks[2][7] == "-"  # the other deck's file is not found


def test_glossary_words_are_not_counted_as_facts(private_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A tester practised 12 glossary words after 27 facts: `quiz history` said "facts seen 39".
    Facts and words are counted apart, each under its own name; due now counts both (a review
    asks both), and says so."""
    from quiz.deck.text import term_id
    from tests.tui_helpers import DECK, write_deck

    write_deck(private_home / "decks", DECK)
    with Store.open(private_home, backup=False) as s:
        sid = s.start_session("kidney-care", "multiple-choice", "1.0.0", now=NOW)
        for fact in ("water-glasses", "salt-limit"):
            s.record_answer(sid, "kidney-care", fact, kind="multiple_choice", response="x", correct=False, now=NOW)
        s.finish_session(sid, now=NOW)
        sid = s.start_session("kidney-care", "matching", "1.0.0", now=NOW)
        s.record_answer(sid, "kidney-care", term_id("dialysis"), kind="matching", response="x", correct=False, now=NOW)
        s.finish_session(sid, now=NOW)
    assert main(["history", "--json"]) == 0
    (deck,) = json.loads(capsys.readouterr().out)["decks"]
    assert (deck["facts_seen"], deck["words_seen"], deck["mastered"], deck["due_now"]) == (2, 1, 0, 3)
    assert main(["history", "--plain"]) == 0
    out = capsys.readouterr().out
    rows = [line.split() for line in out.splitlines()]
    header = rows[[r[:1] for r in rows].index(["deck"])]
    row = rows[[r[:1] for r in rows].index(["kidney-care"])]
    assert " ".join(header).startswith("deck sessions answered accuracy facts seen mastered words seen due now")
    assert row[4:8] == ["2", "0", "1", "3"]
    assert "words seen, glossary words practised; due now, both" in out


def test_deck_filter(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["history", "--json", "--deck", "diabetes"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {s["deck_id"] for s in data["sessions"]} == {"diabetes"}
    assert [d["deck_id"] for d in data["decks"]] == ["diabetes"]


def test_table_shows_sessions_and_decks_without_raw_control_characters(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["history", "--plain"]) == 0
    out = capsys.readouterr().out
    assert "diabetes" in out and "2 (67%)" in out and "Decks" in out
    assert "\x1b" not in out and "heart\\u001b[31m" in out
    assert "resp" not in out  # answers themselves are not shown


def test_empty_history_is_not_created_by_looking(private_home: Path, capsys) -> None:
    assert main(["history", "--plain"]) == 0
    assert "No score history yet" in capsys.readouterr().out
    assert main(["history", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["sessions"] == []
    assert not (private_home / "history.db").exists()


def test_export_csv(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "answers.csv"
    assert main(["history", "export", "--csv", str(out)]) == 0
    assert "wrote 4 answers" in capsys.readouterr().out
    with out.open(newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["response"] for r in rows] == ["resp 0", "resp 1", "resp 2", "resp 0"]
    assert os.stat(out).st_mode & 0o777 == 0o600


def test_export_needs_a_file(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["history", "export"]) == 2
    assert "--csv" in capsys.readouterr().err


def test_restore_through_the_cli(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["history", "restore"]) == 1
    assert "no sound backup" in capsys.readouterr().err
    with Store.open(data_dir, backup=False) as s:
        backup = s.backup(NOW)
    assert main(["history", "restore", "--backup", str(backup)]) == 0
    out = capsys.readouterr().out
    assert str(backup) in out and "kept at" in out


def test_data_dir_option_wins_over_the_environment(tmp_path: Path, capsys) -> None:
    other = tmp_path / "elsewhere"
    with Store.open(other, backup=False) as s:
        s.start_session("only-here", "flashcards", now=NOW)
    assert main(["history", "--json", "--data-dir", str(other)]) == 0
    assert json.loads(capsys.readouterr().out)["sessions"][0]["deck_id"] == "only-here"


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ("99999999999999999999999", "out of range"),  # was "unexpected error (OverflowError)"
        ("0", "out of range"),  # was "No sessions yet." on a history with sessions
        ("-1", "out of range"),  # was every session (SQLite's LIMIT -1)
        ("100001", "out of range"),
        ("abc", "is not a whole number"),
        ("1e3", "is not a whole number"),
        ("\u0663", "is not a whole number"),  # an Arabic-Indic 3, which int() reads
        ("5\x1b[31m", "is not a whole number"),
    ],
)
@pytest.mark.parametrize("how", ["--plain", "--json"])
def test_a_limit_outside_1_to_the_most_is_a_usage_error(
    data_dir: Path, capsys: pytest.CaptureFixture[str], value: str, said: str, how: str
) -> None:
    """T6 #15: refused as argparse refuses a bad value (exit 2), giving the range; nothing printed."""
    assert main(["history", how, "--limit", value]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "argument --limit: " in err and said in err and "from 1 to 100,000" in err
    assert "\x1b" not in err


@pytest.mark.parametrize("value", ["1", " 2", "+1", "100000"])
def test_a_limit_in_range_shows_that_many_sessions(
    data_dir: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    assert main(["history", "--json", "--limit", value]) == 0
    assert len(json.loads(capsys.readouterr().out)["sessions"]) == min(int(value), 2)


@pytest.mark.parametrize(
    ("option", "value", "most"),
    [
        ("--count", "0", "20,000"),
        ("--count", "20001", "20,000"),
        ("--per-day", "201", "200"),
        ("--per-day", "x", "200"),
    ],
)
def test_study_numbers_outside_their_range_are_usage_errors(
    private_home: Path, capsys: pytest.CaptureFixture[str], option: str, value: str, most: str
) -> None:
    """--per-day 500 was "the score history could not be written (CHECK constraint failed ...)"."""
    extra = ["--by", "2099-01-01"] if option == "--per-day" else []
    assert main(["study", "rectal-cancer-stage-iv", option, value, *extra]) == 2
    err = capsys.readouterr().err
    assert f"argument {option}: " in err and f"from 1 to {most}" in err
