"""Importing again (the anki-reimport-guid kind): a fact keeps its id, and so its history, whenever
it is the same fact: by guid where both the deck's fact and the note have one, else by its text
(quiz.interop.update.earlier_ids). Guids arriving in the second export (T2 report, fault 4) are no
reason for a new id; two notes with two guids are two facts, whatever their text."""

from __future__ import annotations

from pathlib import Path

import pytest
from anki_exports import anki_collection, export_notes
from hypothesis import given
from hypothesis import strategies as st

from quiz.cli import main
from quiz.deck.load import load_deck
from quiz.interop.cards import fact_id_for_guid
from quiz.interop.importer import import_cards

FEET = [
    ("Basic", ["How often should you check your feet?", "Every day"], []),
    ("Basic", ["What does this sign mean?", "Stop taking the tablet"], []),
    ("Basic", ["What does this sign mean?", "Call your care team"], []),
    ("Cloze", ["Insulin is made in the {{c1::pancreas}}.", ""], []),
]
AGAIN = [["--force"], ["--update"]]


def _import(source: Path, deck: Path, *how: str) -> dict[str, str]:
    args = ["import", str(source), *(["--update", str(deck)] if how == ("--update",) else ["-o", str(deck), *how])]
    assert main(args) == 0
    return {f"{f.question} {f.answer}": f.id for f in load_deck(deck).facts}


@pytest.mark.parametrize("how", AGAIN)
def test_guids_that_arrive_with_a_second_export_keep_every_id(tmp_path: Path, how: list[str]) -> None:
    """guid_force_first_guid.sh, with Anki's own exports: the same notes, first without "Include
    unique identifier", then with it, then with it after an edit in Anki."""
    col = anki_collection(tmp_path, FEET)
    deck = tmp_path / "feet.toml"
    export_notes(col, tmp_path / "v1.txt", everything=False)
    first = _import(tmp_path / "v1.txt", deck)
    assert not any(i.startswith("anki-") for i in first.values())
    export_notes(col, tmp_path / "v2.txt")
    assert "#guid column" in (tmp_path / "v2.txt").read_text(encoding="utf-8")
    assert _import(tmp_path / "v2.txt", deck, *how) == first
    note = col.get_note(col.find_notes('"Stop taking the tablet"')[0])
    note.fields[1] = "Stop taking the tablets"
    col.update_note(note)
    export_notes(col, tmp_path / "v3.txt")
    after = _import(tmp_path / "v3.txt", deck, *how)
    col.close()
    assert after.pop("What does this sign mean? Stop taking the tablets") == first.pop(
        "What does this sign mean? Stop taking the tablet"
    )
    assert after == first


@pytest.mark.parametrize("how", AGAIN)
def test_two_notes_with_two_guids_are_two_facts_whatever_their_text(tmp_path: Path, how: list[str]) -> None:
    deck = tmp_path / "d.toml"
    (tmp_path / "a.txt").write_text("#guid column:1\nguidA\tWhat is it?\tA pump\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("#guid column:1\nguidB\tWhat is it?\tA pump\n", encoding="utf-8")
    assert set(_import(tmp_path / "a.txt", deck).values()) == {fact_id_for_guid("guidA")}
    assert fact_id_for_guid("guidB") in _import(tmp_path / "b.txt", deck, *how).values()


ROWS = st.lists(
    st.tuples(st.sampled_from(["What is it?", "Why?", "When?", "How often?"]), st.sampled_from(["a1", "b2", "c3"])),
    min_size=1,
    max_size=8,
    unique=True,
)


@given(ROWS, st.lists(st.text("abcdef0123456789", min_size=6, max_size=6), min_size=8, max_size=8, unique=True))
def test_a_fact_first_imported_without_a_guid_keeps_its_id_when_its_note_brings_one(
    rows: list[tuple[str, str]], guids: list[str]
) -> None:
    """Whatever the rows, and whatever guids their notes then bring (in another order), every fact
    keeps the id it was first given; and importing the guid'd file again keeps them once more."""
    first = import_cards("".join(f"{q}\t{a}\n" for q, a in rows), "v1.txt", deck_id="t").deck
    text = "#guid column:1\n" + "".join(f"{g}\t{q}\t{a}\n" for g, (q, a) in zip(guids, reversed(rows), strict=False))
    second = import_cards(text, "v2.txt", deck_id="t", earlier=first.facts).deck
    ids = {(f.question, f.answer): f.id for f in first.facts}
    assert {(f.question, f.answer): f.id for f in second.facts} == ids
    third = import_cards(text, "v2.txt", deck_id="t", earlier=second.facts).deck
    assert {(f.question, f.answer): f.id for f in third.facts} == ids


DUPLICATES = [("GuidOne", "What does this sign mean?", "Stop taking the tablet"),
              ("GuidTwo", "What does this sign mean?", "Stop taking the tablet"),
              ("GuidThree", "How often?", "Daily")]  # fmt: skip


def _guid_rows(rows: list[tuple[str, str, str]]) -> str:
    return "#separator:tab\n#guid column:1\n" + "".join(f"{g}\t{q}\t{a}\n" for g, q, a in rows)


@pytest.mark.parametrize("how", AGAIN)
def test_notes_of_one_question_and_answer_reordered_keep_the_id_their_fact_had(tmp_path: Path, how: list[str]) -> None:
    """T6 #9: two notes with the same question and answer (two guids) are imported once; after
    they swap places in Anki, the one fact keeps its id (and history), and the deck holds it once."""
    deck = tmp_path / "dup.toml"
    (tmp_path / "dup1.txt").write_text(_guid_rows(DUPLICATES), encoding="utf-8")
    (tmp_path / "dup2.txt").write_text(_guid_rows([DUPLICATES[1], DUPLICATES[0], DUPLICATES[2]]), encoding="utf-8")
    first = _import(tmp_path / "dup1.txt", deck)
    assert first["What does this sign mean? Stop taking the tablet"] == fact_id_for_guid("GuidOne")
    assert _import(tmp_path / "dup2.txt", deck, *how) == first
    assert len(load_deck(deck).facts) == 2
    assert _import(tmp_path / "dup1.txt", deck, *how) == first


@given(st.permutations(DUPLICATES), st.permutations(DUPLICATES))
def test_any_order_of_repeated_notes_keeps_every_fact_id(
    before: list[tuple[str, str, str]], after: list[tuple[str, str, str]]
) -> None:
    first = import_cards(_guid_rows(before), "v1.txt", deck_id="t").deck
    second = import_cards(_guid_rows(after), "v2.txt", deck_id="t", earlier=first.facts).deck
    assert {(f.question, f.answer): f.id for f in second.facts} == {(f.question, f.answer): f.id for f in first.facts}


def _typed_rows(note_type: str, *fields: str) -> str:
    return "#separator:tab\n#guid column:1\n#notetype column:2\n" + "\t".join(["Qx9", note_type, *fields]) + "\n"


BASIC = _typed_rows("Basic", "How much of drug A do you take?", "5 mg")
ONE_DELETION = _typed_rows("Cloze", "You take {{c1::5 mg}} of drug A.", "")
TWO_DELETIONS = _typed_rows("Cloze", "You take {{c1::5 mg}} of {{c2::drug A}}.", "")


@pytest.mark.parametrize("how", AGAIN)
@pytest.mark.parametrize(("before", "after"), [(BASIC, ONE_DELETION), (ONE_DELETION, BASIC)], ids=["to-cloze", "back"])
def test_a_note_whose_type_changed_to_one_deletion_keeps_its_fact_id(
    tmp_path: Path, how: list[str], before: str, after: str
) -> None:
    """T6 #10: a Basic note made a Cloze note of one deletion in Anki (its guid the same), or back,
    is the same fact: it keeps its id, and the deck holds it once."""
    deck = tmp_path / "h.toml"
    (tmp_path / "h1.txt").write_text(before, encoding="utf-8")
    (tmp_path / "h2.txt").write_text(after, encoding="utf-8")
    [first] = _import(tmp_path / "h1.txt", deck).values()
    [second] = _import(tmp_path / "h2.txt", deck, *how).values()
    assert second == first


@pytest.mark.parametrize(("before", "after"), [(BASIC, TWO_DELETIONS), (TWO_DELETIONS, BASIC)], ids=["to", "back"])
def test_a_note_whose_type_changed_to_several_deletions_says_its_history_does_not_follow(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], before: str, after: str
) -> None:
    deck = tmp_path / "h.toml"
    (tmp_path / "h1.txt").write_text(before, encoding="utf-8")
    (tmp_path / "h2.txt").write_text(after, encoding="utf-8")
    first = set(_import(tmp_path / "h1.txt", deck).values())
    capsys.readouterr()
    assert not first & set(_import(tmp_path / "h2.txt", deck, "--force").values())
    assert "is a new fact, which" in capsys.readouterr().out
