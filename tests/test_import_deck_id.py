"""Writing a deck file never cuts a history off from its deck, and never makes two decks quiz finds
share an id (T4 faults 1 and 9): `import -o --force` keeps the id (and [deck] fields) of the deck it
replaces, as `--update` does; `import -o` and `new` refuse an id another found deck has."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from anki_exports import anki_collection, export_notes
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.cli import main
from quiz.deck.discover import discover
from quiz.deck.load import load_deck
from quiz.paths import builtin_decks_dir
from quiz.store import Store

CARDS = "What is 2+2?\t4\nWhat is 3+3?\t6\n"
BUILTIN = sorted(builtin_decks_dir().glob("*.toml"))[0]
DECK = """format = 1

[deck]
id = "diabetes-feet"
title = "Foot care"
description = "Looking after your feet"
audience = "People with diabetes"
language = "es"

[[facts]]
id = "f1"
question = "What is 2+2?"
answer = "4"
group = "g"
"""


def _history(capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    capsys.readouterr()
    assert main(["history", "--json"]) == 0
    return {d["deck_id"]: d["due_now"] for d in json.loads(capsys.readouterr().out)["decks"]}


@pytest.mark.parametrize("how", [["--force"], ["--update"]])
def test_a_reimport_keeps_the_deck_id_title_and_fields_and_so_its_history(
    tmp_path: Path, private_home: Path, capsys: pytest.CaptureFixture[str], how: list[str]
) -> None:
    """f_force_deck_id.sh, with Anki's own export: the deck feet.toml has the id diabetes-feet."""
    col = anki_collection(tmp_path, [("Basic", ["What is 2+2?", "4"], []), ("Basic", ["What is 3+3?", "6"], [])])
    export_notes(col, tmp_path / "v2.txt")
    col.close()
    deck = private_home / "decks" / "feet.toml"
    deck.parent.mkdir(parents=True)
    deck.write_text(DECK, encoding="utf-8")
    with Store.open(private_home, backup=False) as store:
        session = store.start_session("diabetes-feet", "multiple-choice", "1")
        store.record_answer(session, "diabetes-feet", "f1", kind="multiple_choice", response="4", correct=True)
        store.finish_session(session)
    assert _history(capsys) == {"diabetes-feet": 0}
    args = ["--update", str(deck)] if how == ["--update"] else ["-o", str(deck), "--force"]
    assert main(["import", str(tmp_path / "v2.txt"), *args]) == 0
    if how == ["--force"]:
        assert 'kept the deck id "diabetes-feet" and title "Foot care"' in capsys.readouterr().out
    after = load_deck(deck)
    assert (after.id, after.title, after.description, after.audience, after.language) == (
        "diabetes-feet",
        "Foot care",
        "Looking after your feet",
        "People with diabetes",
        "es",
    )
    assert "f1" in [f.id for f in after.facts]
    assert _history(capsys)["diabetes-feet"] is not None  # a deck quiz finds, not an orphaned history


def test_force_with_a_title_or_language_takes_them_and_keeps_the_id(tmp_path: Path) -> None:
    (tmp_path / "c.txt").write_text(CARDS, encoding="utf-8")
    deck = tmp_path / "feet.toml"
    deck.write_text(DECK, encoding="utf-8")
    assert (
        main(["import", str(tmp_path / "c.txt"), "-o", str(deck), "--force", "--title", "Feet", "--language", "de"])
        == 0
    )
    after = load_deck(deck)
    assert (after.id, after.title, after.language, after.audience) == (
        "diabetes-feet",
        "Feet",
        "de",
        "People with diabetes",
    )


def test_force_with_another_id_is_refused_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "c.txt").write_text(CARDS, encoding="utf-8")
    deck = tmp_path / "feet.toml"
    deck.write_text(DECK, encoding="utf-8")
    assert main(["import", str(tmp_path / "c.txt"), "-o", str(deck), "--force", "--id", "feet"]) == 2
    assert "'diabetes-feet'" in capsys.readouterr().err
    assert deck.read_text(encoding="utf-8") == DECK


def test_force_over_a_deck_that_does_not_load_keeps_the_id_written_in_it(tmp_path: Path) -> None:
    (tmp_path / "c.txt").write_text(CARDS, encoding="utf-8")
    deck = tmp_path / "feet.toml"
    deck.write_text(DECK.replace('answer = "4"', 'answer = ""'), encoding="utf-8")  # a fact the loader refuses
    assert main(["import", str(tmp_path / "c.txt"), "-o", str(deck), "--force"]) == 0
    assert load_deck(deck).id == "diabetes-feet"


@settings(max_examples=30, deadline=None)
@given(
    st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True),
    st.from_regex(r"[A-Za-z][A-Za-z0-9 _]{0,15}", fullmatch=True),
)
def test_force_keeps_any_deck_id_whatever_the_file_name(deck_id: str, name: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "c.txt").write_text(CARDS, encoding="utf-8")
        deck = root / f"{name}.toml"
        deck.write_text(DECK.replace("diabetes-feet", deck_id), encoding="utf-8")
        assert main(["import", str(root / "c.txt"), "-o", str(deck), "--force"]) == 0
        assert load_deck(deck).id == deck_id


@pytest.mark.parametrize(
    "command",
    [
        ["import", "{cards}", "-o", "{out}"],
        ["import", "{cards}", "-o", "{out}", "--force"],
        ["new", "{out}"],
    ],
)
def test_an_id_the_builtin_deck_has_is_refused_in_the_decks_folder(
    tmp_path: Path, private_home: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    """f_id_clash.sh: the file name gives the built-in deck's id; both decks then could not be used."""
    (tmp_path / "c.txt").write_text(CARDS, encoding="utf-8")
    out = private_home / "decks" / BUILTIN.name
    out.parent.mkdir(parents=True)
    args = [part.format(cards=tmp_path / "c.txt", out=out) for part in command]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert str(BUILTIN) in err and "--id" in err
    assert not out.exists()
    assert all(found.deck is not None for found in discover(private_home))
    assert main([*args, "--id", "my-own"]) == 0
    assert all(found.deck is not None for found in discover(private_home))


def test_an_id_a_deck_in_the_decks_folder_has_is_refused_and_its_own_file_may_be_replaced(
    tmp_path: Path, private_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "c.txt").write_text(CARDS, encoding="utf-8")
    decks = private_home / "decks"
    (decks / "sub").mkdir(parents=True)
    (decks / "sub" / "feet.toml").write_text(DECK, encoding="utf-8")
    for args in (["import", str(tmp_path / "c.txt"), "-o", str(decks / "f2.toml"), "--id", "diabetes-feet"],
                 ["new", str(decks / "diabetes-feet.toml")]):  # fmt: skip
        assert main(args) == 1
        assert str(decks / "sub" / "feet.toml") in capsys.readouterr().err
    assert sorted(p.name for p in decks.rglob("*.toml")) == ["feet.toml"]
    assert main(["import", str(tmp_path / "c.txt"), "-o", str(decks / "sub" / "feet.toml"), "--force"]) == 0
    assert main(["new", str(tmp_path / "diabetes-feet.toml")]) == 0  # outside the folders quiz looks in


@settings(max_examples=20, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["new", "import", "import --force"]),
            st.sampled_from(["a", "b", "sub/a", BUILTIN.stem]),
            st.sampled_from([None, "a", "b", BUILTIN.stem]),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_no_writing_command_leaves_a_deck_that_cannot_be_used(steps: list[tuple[str, str, str | None]]) -> None:
    """Whatever the names, ids and order of new and import in the decks folder, every deck quiz
    finds afterwards can be used (no two share an id)."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "c.txt").write_text(CARDS, encoding="utf-8")
        data = root / "data"
        for command, name, deck_id in steps:
            out = data / "decks" / f"{name}.toml"
            out.parent.mkdir(parents=True, exist_ok=True)
            args = ["new", str(out)] if command == "new" else ["import", str(root / "c.txt"), "-o", str(out)]
            args += ["--force"] if command.endswith("--force") else []
            args += ["--id", deck_id] if deck_id else []
            main(["--data-dir", str(data), *args])
        assert all(found.deck is not None for found in discover(data)), [f.error for f in discover(data)]
