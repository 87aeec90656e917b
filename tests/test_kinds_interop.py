"""Statements and Anki's cloze notes, checked with Anki's own library: a cloze note imports as a
fact with a statement, and a fact with a statement exports as a Cloze note that Anki reads back
and that imports again as the same statement."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from anki_exports import anki_collection, export_notes

from quiz.cli import main
from quiz.deck.load import load_deck, parse_deck
from quiz.deck.write import deck_to_toml
from quiz.interop.anki import note_guid, write_apkg
from quiz.interop.cloze import clozes

collection = pytest.importorskip("anki.collection", reason="the anki package is a test dependency")

DECK = """format = 1

[deck]
id = "kidney-care"
title = "Caring for your kidneys"

[[sources]]
id = "demo"
title = "A demonstration source"

[[facts]]
id = "dialysis-purpose"
question = "What does dialysis do?"
answer = "Cleans the blood"
statement = "Dialysis {{cleans the blood}} when the kidneys cannot {do} it <well>."
distractors = ["Makes new kidneys", "Stops all pain", "Adds more salt"]
explanation = "Dialysis cleans the blood when the kidneys cannot do it."
source = "demo"

[[facts]]
id = "salt-limit"
question = "Which food is high in salt?"
answer = "Canned soup"
explanation = "Canned soup often has a lot of salt."
"""


def _exported_into(col: collection.Collection, tmp_path: Path):  # type: ignore[no-untyped-def]
    """DECK, exported by quiz and imported into the Anki collection `col` by Anki itself."""
    deck = parse_deck(DECK, "kidney.toml")
    write_apkg(deck, tmp_path / "k.apkg", timestamp=1_700_000_000)
    request = collection.ImportAnkiPackageRequest(
        package_path=str(tmp_path / "k.apkg"), options=collection.ImportAnkiPackageOptions(with_scheduling=False)
    )
    col.import_anki_package(request)
    return deck


def test_a_cloze_with_one_span_gives_a_statement_marking_it() -> None:
    [first, second] = clozes("The {{c1::heart}} pumps {{c2::blood::fluid}} round the body")
    assert first.statement == "The {{heart}} pumps blood round the body"
    assert second.statement == "The heart pumps {{blood}} round the body"
    assert second.question == "The heart pumps [fluid] round the body"


def test_a_cloze_number_with_two_spans_gives_no_statement() -> None:
    [card] = clozes("{{c1::Salt}} and {{c1::sugar}} are added")
    assert (card.answer, card.statement) == ("Salt ... sugar", "")


def test_an_anki_cloze_note_imports_as_a_fact_with_a_statement(tmp_path: Path) -> None:
    col = anki_collection(tmp_path, [("Cloze", ["The {{c1::heart}} pumps {{c2::blood}}", "Extra bit"], ["anat"])])
    export = tmp_path / "notes.txt"
    export_notes(col, export)
    col.close()
    out = tmp_path / "deck.toml"
    assert main(["import", str(export), "-o", str(out)]) == 0
    facts = load_deck(out).facts
    assert [(f.answer, f.statement) for f in facts] == [
        ("heart", "The {{heart}} pumps blood"),
        ("blood", "The heart pumps {{blood}}"),
    ]


def test_a_fact_with_a_statement_exports_as_a_cloze_note_anki_reads(tmp_path: Path, col: collection.Collection) -> None:
    deck = _exported_into(col, tmp_path)
    by_guid = {n.guid: n for n in map(col.get_note, col.find_notes(""))}
    cloze = by_guid[note_guid(deck.id, "dialysis-purpose", cloze=True)]
    assert cloze.note_type()["name"] == "quiz cloze: kidney-care" and cloze.note_type()["type"] == 1  # a cloze type
    assert html.unescape(cloze.fields[0]) == "Dialysis {{c1::cleans the blood}} when the kidneys cannot {do} it <well>."
    assert "cleans the blood" in html.unescape(cloze.fields[1])  # the explanation on the back
    [card] = cloze.cards()
    assert "[...]" in html.unescape(card.question())  # Anki's own cloze: one deletion, nothing else blanked
    assert "{do}" in html.unescape(card.question())
    plain = by_guid[note_guid(deck.id, "salt-limit")]
    assert plain.note_type()["name"] == "quiz: kidney-care"  # no statement: the deck's own note type


def test_the_statement_survives_a_round_trip_through_anki(tmp_path: Path, col: collection.Collection) -> None:
    _exported_into(col, tmp_path)
    export = tmp_path / "back.txt"
    export_notes(col, export)
    out = tmp_path / "back.toml"
    assert main(["import", str(export), "-o", str(out)]) == 0
    back = {f.answer.casefold(): f for f in load_deck(out).facts}
    assert back["cleans the blood"].statement == "Dialysis {{cleans the blood}} when the kidneys cannot {do} it <well>."
    assert parse_deck(deck_to_toml(load_deck(out)), "again.toml") == load_deck(out)._replace(path=Path("again.toml"))


def test_a_span_holding_a_double_colon_is_no_hint_in_anki_and_reads_back(
    tmp_path: Path, col: collection.Collection
) -> None:
    # Anki takes the first "::" in a deletion as the start of a hint: {{c1::a::b}} asked "[b]", answered "a".
    deck = parse_deck(
        DECK.replace("Dialysis {{cleans the blood}}", "Dialysis {{cleans::the blood}}").replace(
            'answer = "Cleans the blood"', 'answer = "Cleans::the blood"'
        ),
        "kidney.toml",
    )
    write_apkg(deck, tmp_path / "k.apkg", timestamp=1_700_000_000)
    request = collection.ImportAnkiPackageRequest(
        package_path=str(tmp_path / "k.apkg"), options=collection.ImportAnkiPackageOptions(with_scheduling=False)
    )
    col.import_anki_package(request)
    by_guid = {n.guid: n for n in map(col.get_note, col.find_notes(""))}
    note = by_guid[note_guid(deck.id, "dialysis-purpose", cloze=True)]
    [card] = note.cards()
    question, answer = html.unescape(card.question()), html.unescape(card.answer())
    assert "Dialysis <span" in question and "[...]</span>" in question and "[the blood]" not in question
    assert ">cleans::the blood</span> when" in answer
    export = tmp_path / "back.txt"
    export_notes(col, export)  # Anki's own text export, imported again by quiz
    out = tmp_path / "back.toml"
    assert main(["import", str(export), "-o", str(out)]) == 0
    back = {f.answer: f for f in load_deck(out).facts}
    assert back["cleans::the blood"].statement.startswith("Dialysis {{cleans::the blood}} when")
