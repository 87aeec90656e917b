"""A fact that gains or loses a statement between two exports changes its note's type (Cloze or
quiz's own), which Anki cannot change on import (the anki-reimport-guid kind; T2 report, fault 9):
the note takes another guid, so that Anki adds the new version rather than keeping the old one in
silence, quiz says so truthfully, and the two notes Anki then holds import back as one fact.
Checked with Anki's own library."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.cli import main
from quiz.deck.load import load_deck
from quiz.interop.anki import fact_guid, note_guid, write_apkg

collection = pytest.importorskip("anki.collection", reason="the anki package is a test dependency")

BASIC = """format = 1

[deck]
id = "cz"
title = "Cloze change"

[[facts]]
id = "organ"
question = "Insulin is made in the [which organ?]."
answer = "pancreas"
explanation = "An organ behind the stomach."

[[facts]]
id = "salt"
question = "Which food is high in salt?"
answer = "Canned soup"
"""
CLOZE = BASIC.replace(
    'explanation = "An organ', 'statement = "Insulin is made in the {{pancreas}}."\nexplanation = "An organ'
)


def _into_anki(col: collection.Collection, package: Path):  # type: ignore[no-untyped-def]
    request = collection.ImportAnkiPackageRequest(
        package_path=str(package), options=collection.ImportAnkiPackageOptions(with_scheduling=False)
    )
    return col.import_anki_package(request).log


def _notes(col: collection.Collection) -> dict[str, tuple[str, str]]:  # type: ignore[name-defined]
    return {n.guid: (n.note_type()["name"], n.fields[0]) for n in map(col.get_note, col.find_notes(""))}


@pytest.mark.parametrize(("first", "second"), [(BASIC, CLOZE), (CLOZE, BASIC)], ids=["gains", "loses"])
def test_anki_gets_the_new_version_of_a_fact_that_changed_note_type(tmp_path: Path, first: str, second: str) -> None:
    (tmp_path / "one.toml").write_text(first, encoding="utf-8")
    (tmp_path / "two.toml").write_text(second, encoding="utf-8")
    one, two = load_deck(tmp_path / "one.toml"), load_deck(tmp_path / "two.toml")
    write_apkg(one, tmp_path / "one.apkg", timestamp=1_700_000_000)
    write_apkg(two, tmp_path / "two.apkg", timestamp=1_700_000_100)
    col = collection.Collection(str(tmp_path / "collection.anki2"))
    _into_anki(col, tmp_path / "one.apkg")
    log = _into_anki(col, tmp_path / "two.apkg")
    notes = _notes(col)
    col.close()
    assert (len(log.new), len(log.conflicting)) == (1, 0)  # it was "conflicting 1", the old card kept
    organ = notes[fact_guid("cz", two.facts[0])]
    assert organ[0] == ("quiz cloze: cz" if second is CLOZE else "quiz: cz")
    assert organ[1].startswith("Insulin is made in the ")
    assert fact_guid("cz", one.facts[0]) in notes  # the old note stays, as quiz says
    assert fact_guid("cz", two.facts[1]) == note_guid("cz", "salt")  # a fact that kept its type keeps its guid


def test_export_says_what_anki_does_and_names_the_facts_that_changed_type(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deck, package = tmp_path / "cz.toml", tmp_path / "cz.apkg"
    deck.write_text(BASIC, encoding="utf-8")
    assert main(["export", str(deck), "-o", str(package)]) == 0
    said = capsys.readouterr().out
    assert "importing it again updates them" in said and "Anki cannot change a note's type" in said
    assert "changed note type" not in said
    deck.write_text(CLOZE, encoding="utf-8")
    if main(["export", str(deck), "-o", str(package)]) != 0:  # where replacing a file asks for --force
        assert "--force" in capsys.readouterr().err
        assert main(["export", str(deck), "-o", str(package), "--force"]) == 0
    said = capsys.readouterr()
    assert "note: 1 fact changed note type since" in said.out and ": organ; in Anki, delete the old note" in said.out


def test_the_two_notes_anki_holds_after_a_change_import_back_as_one_fact(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deck = tmp_path / "cz.toml"
    deck.write_text(BASIC, encoding="utf-8")
    col = collection.Collection(str(tmp_path / "collection.anki2"))
    write_apkg(load_deck(deck), tmp_path / "one.apkg", timestamp=1_700_000_000)
    _into_anki(col, tmp_path / "one.apkg")
    deck.write_text(CLOZE, encoding="utf-8")
    write_apkg(load_deck(deck), tmp_path / "two.apkg", timestamp=1_700_000_100)
    _into_anki(col, tmp_path / "two.apkg")
    from anki_exports import export_notes

    export_notes(col, tmp_path / "back.txt")
    col.close()
    before = deck.read_text(encoding="utf-8")
    assert main(["import", str(tmp_path / "back.txt"), "--update", str(deck)]) == 0
    said = capsys.readouterr().out
    assert deck.read_text(encoding="utf-8") == before  # the older note is not another fact, nor an edit
    assert 'an older note of fact "organ", from before it gained or lost a statement' in said
    assert main(["import", str(tmp_path / "back.txt"), "-o", str(deck), "--force"]) == 0
    assert sorted(f.id for f in load_deck(deck).facts) == ["organ", "salt"]
