"""Anki's own library reads our .apkg: one note per fact, the same texts, and updates on re-import."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.cli import main
from quiz.deck.load import load_deck, parse_deck
from quiz.deck.model import Deck, Fact
from quiz.interop.anki import FIELDS, note_guid, source_text, write_apkg
from quiz.interop.importer import import_cards

collection = pytest.importorskip("anki.collection", reason="the anki package is a test dependency")

DATA = Path(__file__).parent / "data"
COMPLETE = DATA / "decks" / "valid" / "complete.toml"


def import_apkg(col: collection.Collection, path: Path) -> object:
    request = collection.ImportAnkiPackageRequest(
        package_path=str(path), options=collection.ImportAnkiPackageOptions(with_scheduling=False)
    )
    return col.import_anki_package(request)


def notes(col: collection.Collection) -> dict[str, object]:
    return {note.guid: note for note in (col.get_note(nid) for nid in col.find_notes(""))}


def text_of(field: str) -> str:
    """What a field shows, as plain text: our <br> back to newlines, entities decoded."""
    return html.unescape(field.replace("<br>", "\n"))


def test_every_fact_becomes_one_note_with_its_texts(tmp_path: Path, col: collection.Collection) -> None:
    deck = load_deck(COMPLETE)
    assert write_apkg(deck, tmp_path / "d.apkg") == 3
    log = import_apkg(col, tmp_path / "d.apkg").log
    assert (len(log.new), len(log.updated), len(log.duplicate)) == (3, 0, 0)
    found = notes(col)
    assert len(found) == 3
    for fact in deck.facts:
        note = found[note_guid(deck.id, fact.id)]
        assert list(note.keys()) == list(FIELDS)
        assert [text_of(f) for f in note.fields] == [
            fact.question,
            fact.answer,
            fact.explanation,
            "",  # no distractor of this deck has a why
            source_text(deck, fact),
        ]
    first = found[note_guid(deck.id, "wash-seconds")]
    assert first["Source"] == "A demonstration source (The quiz project), reference 1"  # one wording (citation)
    assert sorted(first.tags) == ["group::times", "hygiene", "washing"]
    assert [name for name in col.decks.all_names() if name != "Default"] == [deck.title]


def test_topic_and_priority_are_tags_and_the_whys_are_on_the_back(tmp_path: Path, col: collection.Collection) -> None:
    deck = load_deck(DATA / "decks" / "valid" / "topics.toml")
    write_apkg(deck, tmp_path / "t.apkg")
    import_apkg(col, tmp_path / "t.apkg")
    found = notes(col)
    fever = found[note_guid(deck.id, "fever-call")]
    assert {"topic::call", "priority::must-know"} <= set(fever.tags)
    assert "priority::nice-to-know" in found[note_guid(deck.id, "liver-segments")].tags
    assert sorted(found[note_guid(deck.id, "liver-treat")].tags) == ["topic::spread"]  # should-know: the default
    assert col.find_notes('"tag:topic::spread"') and len(col.find_notes('"tag:topic::spread"')) == 2
    items = re.findall(r"<li>.*?</li>", fever["Wrong options"])
    whys = [text_of(re.sub(r"</?(?:ul|li|i)>", " ", item)) for item in items]
    assert [" ".join(w.split()) for w in whys] == [
        "Wait a day to see if it goes away : A fever during chemotherapy can be a serious infection; waiting can be "
        "dangerous.",
        "Take a paracetamol and go to bed : Medicine can hide the fever without treating the infection behind it.",
    ]  # "Drink more water" has no why, so it is not listed
    assert found[note_guid(deck.id, "liver-segments")]["Wrong options"] == ""
    card = col.get_card(col.card_ids_of_note(fever.id)[0])
    back = card.answer()
    assert "Medicine can hide the fever" in back and back.index("Chemotherapy can lower") < back.index("Medicine can")


def test_reimporting_a_changed_deck_updates_instead_of_duplicating(tmp_path: Path, col: collection.Collection) -> None:
    deck = load_deck(COMPLETE)
    write_apkg(deck, tmp_path / "v1.apkg", timestamp=1_700_000_000)
    import_apkg(col, tmp_path / "v1.apkg")
    changed = deck._replace(
        facts=(
            deck.facts[0]._replace(answer="20 seconds or longer"),
            *deck.facts[1:],
            Fact(id="nails", question="Should you clean under your nails?", answer="Yes"),
        ),
    )
    write_apkg(changed, tmp_path / "v2.apkg", timestamp=1_700_086_400)
    log = import_apkg(col, tmp_path / "v2.apkg").log
    assert (len(log.new), len(log.duplicate), len(log.updated)) == (1, 0, 3), log
    found = notes(col)
    assert len(found) == 4
    assert found[note_guid(deck.id, "wash-seconds")]["Answer"] == "20 seconds or longer"
    assert len(col.decks.all_names()) == 2  # Default and ours, not a copy


def test_two_exports_one_after_the_other_update_anki_with_the_second(
    tmp_path: Path, col: collection.Collection
) -> None:
    """T6 #17: `quiz export` twice in one second stamped both packages' notes alike, and Anki, which
    updates a note only from a newer one, kept the first's answer. Each export is later than the one before."""
    deck = load_deck(COMPLETE)
    changed = deck._replace(facts=(deck.facts[0]._replace(answer="Call your care team now"), *deck.facts[1:]))
    for n, version in enumerate((deck, changed, deck, changed)):
        write_apkg(version, tmp_path / f"v{n}.apkg")  # as quiz export writes them, one after the other
    logs = [import_apkg(col, tmp_path / f"v{n}.apkg").log for n in range(4)]  # type: ignore[attr-defined]
    assert [len(log.updated) for log in logs[1:]] == [3, 3, 3]
    assert notes(col)[note_guid(deck.id, deck.facts[0].id)]["Answer"] == "Call your care team now"


def test_hostile_text_is_shown_as_written_never_acted_on(tmp_path: Path, col: collection.Collection) -> None:
    src = COMPLETE.read_text(encoding="utf-8").replace(
        'answer = "60%"', 'answer = "[sound:x.mp3] <img src=x onerror=alert(1)> &amp; {{Answer}} 60%"'
    )
    deck = parse_deck(src)
    write_apkg(deck, tmp_path / "h.apkg")
    import_apkg(col, tmp_path / "h.apkg")
    note = notes(col)[note_guid(deck.id, "sanitizer-alcohol")]
    assert text_of(note["Answer"]) == deck.fact("sanitizer-alcohol").answer
    card = note.cards()[0]
    shown = card.answer()
    assert "<img" not in shown and "[sound:" not in shown
    assert card.answer_av_tags() == []
    assert "{{Answer}}" in html.unescape(re.sub(r"<[^>]+>", "", shown))


def test_import_then_export_gives_anki_the_same_cards(tmp_path: Path, col: collection.Collection) -> None:
    text = (DATA / "import" / "quizlet-tab.txt").read_text(encoding="utf-8")
    deck, _, _ = import_cards(text, "q.txt", deck_id="bp")
    write_apkg(deck, tmp_path / "bp.apkg")
    import_apkg(col, tmp_path / "bp.apkg")
    shown = sorted((text_of(n["Question"]), text_of(n["Answer"])) for n in notes(col).values())
    assert shown == sorted((f.question, f.answer) for f in deck.facts)
    assert all(n.tags == ["group::bp"] for n in notes(col).values())


def test_same_deck_gives_the_same_package(tmp_path: Path) -> None:
    deck: Deck = load_deck(COMPLETE)
    write_apkg(deck, tmp_path / "a.apkg", timestamp=1_700_000_000)
    write_apkg(deck, tmp_path / "b.apkg", timestamp=1_700_000_000)
    assert (tmp_path / "a.apkg").read_bytes() == (tmp_path / "b.apkg").read_bytes()


def test_cli_export_anki(tmp_path: Path, col: collection.Collection, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "deck.apkg"
    assert main(["export", str(COMPLETE), "--format", "anki", "-o", str(out)]) == 0
    assert capsys.readouterr().out.startswith(f"wrote {out}: 3 notes")
    import_apkg(col, out)
    assert len(notes(col)) == 3


def shown_text(rendered: str) -> str:
    """The text of a rendered card as MathJax scans it: tags out (inline ones join text), entities decoded."""
    body = re.sub(r"<style>.*?</style>", "", rendered, flags=re.DOTALL)
    return html.unescape(re.sub(r"<[^>]+>", "", body))


def test_mathjax_delimiters_in_deck_text_stay_text_in_anki(tmp_path: Path, col: collection.Collection) -> None:
    # The case from ../shared/cases/anki-mathjax: \( and \[ would be typeset as math by Anki.
    deck = load_deck(DATA / "export" / "mathjax.toml")
    write_apkg(deck, tmp_path / "mj.apkg")
    import_apkg(col, tmp_path / "mj.apkg")
    note = notes(col)[note_guid(deck.id, "ratio")]
    card = note.cards()[0]
    for rendered in (card.question(), card.answer(), *note.fields):
        text = shown_text(rendered)
        assert "\\(" not in text and "\\[" not in text, text  # MathJax's openers, in the card and the editor
    fact = deck.facts[0]
    visible = shown_text(card.answer()).replace("\u2060", "")
    for written in (fact.question, fact.answer, fact.explanation):
        assert written in visible
    assert card.answer_av_tags() == []  # [sound:x.mp3] stays text


def test_a_field_exported_to_anki_reads_back_exactly() -> None:
    from quiz.interop.anki import to_html
    from quiz.interop.html_text import field_text

    for text in ("\\(a/b\\) and \\[x\\]", "C:\\path\\(1)", "\u2060\\(kept", "\\\u2060(kept"):
        assert field_text(to_html(text), html=True).text == text


def as_a_browser_shows(field: str) -> str:
    """The text of an HTML field as a browser (Anki's card view) lays it out: a run of spaces, tabs
    and line ends as one space, none at the start of a line, <br> as a line break."""
    lines = re.split(r"<br\s*/?>", re.sub(r"[ \t\n]+", " ", field))
    shown = (html.unescape(re.sub(r"<[^>]+>", "", line)).lstrip(" ").replace("\xa0", " ") for line in lines)
    return "\n".join(line.rstrip(" ") for line in shown)  # spaces that end a line show as nothing


@given(st.text(st.sampled_from([" ", "a", "\n", "<", "&"]), max_size=16).map(str.lstrip))
def test_a_field_exported_to_anki_shows_its_spaces_as_written(text: str) -> None:
    """T10: "Spaces   kept" showed as "Spaces kept" in Anki (HTML shows a run of spaces as one)."""
    from quiz.interop.anki import to_html

    assert as_a_browser_shows(to_html(text)) == "\n".join(line.rstrip(" ") for line in text.split("\n"))


@given(st.text(st.sampled_from(["\\", "(", "[", "\u2060", "a", ")"]), max_size=12))
def test_breaking_mathjax_delimiters_is_undone_exactly(text: str) -> None:
    from quiz.interop.mathjax import break_delimiters, mend_delimiters

    broken = break_delimiters(text)
    assert "\\(" not in broken and "\\[" not in broken
    assert mend_delimiters(broken) == text
