"""`quiz import --update` from notes `quiz export` made, edited in Anki itself (its own library):
a why edited in the Wrong options field is the distractor's, a topic or priority moved by its tag
moves the fact, and a note added with a topic tag is a fact of that topic (an educator's round trip)."""

from __future__ import annotations

from pathlib import Path

import pytest
from anki_exports import anki_collection, export_notes, import_package

from quiz.cli import main
from quiz.deck.load import load_deck
from quiz.interop.anki import note_guid

DECK = """\
format = 1

[deck]
id = "warfarin"
title = "Warfarin"

[[sources]]
id = "leaflet"
title = "Warfarin leaflet"

[[topics]]
id = "inr"
title = "The INR test"

[[topics]]
id = "bleeding"
title = "Bleeding"

[[facts]]
id = "inr-normal"
question = "What is a usual INR for someone not on a blood thinner?"
answer = "About 1"
distractors = [
  { text = "About 2.5", why = "This is the goal for someone on warfarin." },
  { text = "About 10", why = "An INR this high is dangerous." },
  "About 0.1",
]
explanation = "Without a blood thinner the INR is about 1."
source = "leaflet"
topic = "inr"
priority = "must-know"

[[facts]]
id = "bleed-sign"
question = "Which sign of bleeding needs a call to your care team?"
answer = "Black stools"
distractors = ["Dry skin", "A cold nose", "Sore feet"]
source = "leaflet"
topic = "bleeding"

[[facts]]
id = "bleed-gums"
question = "What may bleeding gums mean on warfarin?"
answer = "The INR may be too high"
distractors = ["The INR is too low", "Nothing at all", "A cold"]
source = "leaflet"
topic = "bleeding"
"""


@pytest.fixture
def round_trip(tmp_path: Path):  # type: ignore[no-untyped-def]
    deck = tmp_path / "warfarin.toml"
    deck.write_text(DECK, encoding="utf-8")
    assert main(["export", str(deck), "-o", str(tmp_path / "w.apkg")]) == 0
    col = anki_collection(tmp_path, [])
    import_package(col, tmp_path / "w.apkg")
    yield deck, col
    col.close()


def _note(col, fact_id: str):  # type: ignore[no-untyped-def]
    return next(n for n in map(col.get_note, col.find_notes("")) if n.guid == note_guid("warfarin", fact_id))


def _update(col, deck: Path) -> int:  # type: ignore[no-untyped-def]
    notes = deck.parent / "notes.txt"
    export_notes(col, notes)
    return main(["import", str(notes), "--update", str(deck)])


def test_a_why_edited_in_anki_is_the_distractors_never_the_explanations(round_trip) -> None:  # type: ignore[no-untyped-def]
    """The edited why and the one nobody touched were both pasted into the explanation."""
    deck, col = round_trip
    note = _note(col, "inr-normal")
    note["Wrong options"] = note["Wrong options"].replace("is dangerous", "is dangerous and needs care today")
    col.update_note(note)
    assert _update(col, deck) == 0
    fact = load_deck(deck).fact("inr-normal")
    assert fact.explanation == "Without a blood thinner the INR is about 1."
    assert fact.whys == (
        "This is the goal for someone on warfarin.", "An INR this high is dangerous and needs care today.", ""
    )
    assert fact.distractors == ("About 2.5", "About 10", "About 0.1")


def test_a_priority_or_topic_moved_by_its_tag_in_anki_moves_the_fact(round_trip) -> None:  # type: ignore[no-untyped-def]
    """priority::should-know in place of priority::must-know left the priority and added a tag (a
    tag only taken out changes nothing: a note of another deck has none)."""
    deck, col = round_trip
    note = _note(col, "inr-normal")
    note.tags = [t for t in note.tags if not t.startswith("priority::")] + ["priority::should-know"]
    col.update_note(note)
    note = _note(col, "bleed-sign")
    note.tags = [t for t in note.tags if not t.startswith("topic::")] + ["topic::inr", "priority::must-know"]
    col.update_note(note)
    assert _update(col, deck) == 0
    facts = {f.id: f for f in load_deck(deck).facts}
    assert (facts["inr-normal"].priority, facts["inr-normal"].tags) == ("should-know", ())
    moved = facts["bleed-sign"]
    assert (moved.topic, moved.priority, moved.tags) == ("inr", "must-know", ())
    assert 'priority = "must-know"' not in deck.read_text(encoding="utf-8").split('id = "bleed-sign"')[0]


def test_a_note_added_in_anki_with_a_topic_tag_is_a_fact_of_that_topic(round_trip) -> None:  # type: ignore[no-untyped-def]
    """A note added in Anki with the tag topic::bleeding stopped the whole update: no topic."""
    deck, col = round_trip
    model = col.models.by_name(_note(col, "bleed-sign").note_type()["name"])
    note = col.new_note(model)
    note["Question"], note["Answer"] = "Which painkiller is safest with warfarin?", "Paracetamol"
    note.tags = ["topic::bleeding", "priority::must-know"]
    col.add_note(note, col.decks.all_names_and_ids()[-1].id)
    assert _update(col, deck) == 0
    [added] = [f for f in load_deck(deck).facts if f.id not in ("inr-normal", "bleed-sign", "bleed-gums")]
    assert (added.answer, added.topic, added.priority, added.tags) == ("Paracetamol", "bleeding", "must-know", ())


def test_a_note_quiz_did_not_make_leaves_the_priority_and_topic_as_the_deck_has_them(tmp_path: Path) -> None:
    """Notes of another deck carry no priority tag: only quiz's own note says should-know by none."""
    deck = tmp_path / "warfarin.toml"
    deck.write_text(DECK, encoding="utf-8")
    plain = tmp_path / "plain.txt"
    plain.write_text("What is a usual INR for someone not on a blood thinner?\tabout 1\n", encoding="utf-8")
    assert main(["import", str(plain), "--update", str(deck), "--separator", "tab"]) == 0
    fact = load_deck(deck).fact("inr-normal")
    assert (fact.answer, fact.priority, fact.topic) == ("about 1", "must-know", "inr")


def test_a_new_note_with_no_topic_tag_is_refused_saying_how_to_give_it_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deck = tmp_path / "warfarin.toml"
    deck.write_text(DECK, encoding="utf-8")
    plain = tmp_path / "plain.txt"
    plain.write_text("Which painkiller is safest with warfarin?\tParacetamol\n", encoding="utf-8")
    assert main(["import", str(plain), "--update", str(deck), "--separator", "tab"]) == 1
    assert "in Anki, a note's tag topic::ID gives it its topic" in capsys.readouterr().out
    assert deck.read_text(encoding="utf-8") == DECK
