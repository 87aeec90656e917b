"""Importing again where an answer changed to another (T9 #1 and #9, the anki-reimport-guid kind).

A fact that keeps its id (its Anki note's guid) but whose answer is now another keeps nothing
written for the old answer that would mark it right or state it: its accept forms and statement,
and an explanation or a why that says the old answer, are taken out (kept as comments above the
fact) with a note. Matched by text (no guid), an answer made its opposite ("With food" made
"Without food", "Adduction" made "Abduction") is another fact, as a changed number is.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from anki_exports import anki_holding, export_notes
from hypothesis import given
from hypothesis import strategies as st

from quiz.cli import main
from quiz.deck.load import load_deck
from quiz.generate import Kind, generate
from quiz.interop.edits import NEGATIONS, edited
from quiz.interop.importer import import_cards
from quiz.typed import look_alike_pairs, mark

DATA = Path(__file__).parent / "data" / "import" / "answer-changed"


def _updated(tmp_path: Path, before: str, capsys: pytest.CaptureFixture[str]) -> tuple[Path, str]:
    deck = tmp_path / f"{before}.toml"
    shutil.copy(DATA / f"{before}-before.toml", deck)
    capsys.readouterr()
    assert main(["import", str(DATA / "a2.txt"), "--update", str(deck)]) == 0
    return deck, capsys.readouterr().out


def test_an_answer_changed_in_anki_takes_the_old_accept_forms_and_statement_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """T9's u5: answer "2 tablets" made "3 tablets"; the deck's accept "two tablets" and its statement
    "You take {{two tablets}} a day" were kept, so typed "two tablets" and true/false said two."""
    deck, out = _updated(tmp_path, "u5", capsys)
    fact = load_deck(deck).facts[0]
    assert (fact.answer, fact.accept, fact.statement) == ("3 tablets", (), "")
    assert not mark(fact.answer, fact.accept, "two tablets").correct
    assert not generate(load_deck(deck), kinds=[Kind.TRUE_FALSE, Kind.FILL_BLANK])  # no statement left
    assert (
        "fact \"anki-a039131e22\": its answer changed from '2 tablets' to '3 tablets', so its accept forms, "
        "statement, written for the old answer, are taken out (kept as comments above the fact)"
    ) in out
    text = deck.read_text(encoding="utf-8")
    assert (
        "# quiz import --update took these out of the fact below, written for its old answer '2 tablets':\n"
        '# accept = ["two tablets"]\n'
        '# statement = "You take {{two tablets}} a day, one in the morning and one in the evening."\n'
        "[[facts]]\n"
        'id = "anki-a039131e22"\n'
    ) in text
    assert main(["check", str(deck)]) == 0


def test_an_explanation_that_says_the_old_answer_is_taken_out_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """T9's u2: "2 pills" accepted for "3 tablets", "adducting" for "Abduction", and explanations
    saying two tablets and adduction."""
    deck, out = _updated(tmp_path, "u2", capsys)
    tablets, arm, food = load_deck(deck).facts
    assert (tablets.accept, tablets.explanation) == ((), "")
    assert (arm.answer, arm.accept, arm.explanation) == ("Abduction", (), "")
    assert not mark(arm.answer, arm.accept, "adducting").correct
    assert food.answer == "Without food"
    assert '# explanation = "Adduction brings the arm toward the body."' in deck.read_text(encoding="utf-8")
    assert "the answer changed in facts that keep their ids, and so their learners' history" in out
    assert "anki-4d3c5a762f, anki-69ecf50c90; to have the new answer learned afresh" in out


def test_an_edited_answer_keeps_what_was_written_for_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A typo fixed, or the same answer written another way, is the answer edited: nothing is taken out."""
    from quiz.interop.cards import fact_id_for_guid

    deck = tmp_path / "e.toml"
    deck.write_text(
        f'format = 1\n[deck]\nid = "e"\ntitle = "E"\n\n[[facts]]\nid = "{fact_id_for_guid("g1")}"\n'
        'question = "Which way?"\nanswer = "Adducton"\naccept = ["toward the body"]\n'
        'explanation = "Adducton brings the arm in."\n\n'
        f'[[facts]]\nid = "{fact_id_for_guid("g2")}"\nquestion = "How many?"\nanswer = "2 tablets"\n'
        'accept = ["2 pills"]\nstatement = "Take {{2 pills}} a day."\n'
        'distractors = [\n  { text = "1 tablet", why = "Less than the 2 tablets you need." },\n]\n',
        encoding="utf-8",
    )
    (tmp_path / "v2.txt").write_text(
        "#guid column:1\ng1\tWhich way?\tAdduction\ng2\tHow many?\ttwo tablets\n", encoding="utf-8"
    )
    assert main(["import", str(tmp_path / "v2.txt"), "--update", str(deck)]) == 0
    out = capsys.readouterr().out
    assert "2 changed" in out and "taken out" not in out and "changed in a fact" not in out
    arm, dose = load_deck(deck).facts
    assert (arm.answer, arm.accept, arm.explanation) == (
        "Adduction",
        ("toward the body",),
        "Adducton brings the arm in.",
    )
    assert (dose.answer, dose.accept, dose.statement) == ("two tablets", ("2 pills",), "Take {{2 pills}} a day.")
    assert dose.whys == ("Less than the 2 tablets you need.",)


def test_a_why_that_says_the_old_answer_is_taken_out_and_the_others_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from quiz.interop.cards import fact_id_for_guid

    deck = tmp_path / "w.toml"
    deck.write_text(
        f'format = 1\n[deck]\nid = "w"\ntitle = "W"\n\n[[facts]]\nid = "{fact_id_for_guid("g1")}"\n'
        'question = "Which movement brings the arm toward the body?"\nanswer = "Adduction"\n'
        'distractors = [\n  { text = "Flexion", why = "Flexion bends; adduction brings the arm in." },\n'
        '  { text = "Rotation", why = "Rotation turns the arm." },\n  "Extension",\n]\n',
        encoding="utf-8",
    )
    v2 = "#guid column:1\ng1\tWhich movement brings the arm toward the body?\tAbduction\n"
    (tmp_path / "v2.txt").write_text(v2, encoding="utf-8")
    assert main(["import", str(tmp_path / "v2.txt"), "--update", str(deck)]) == 0
    assert "so its why of the distractor 'Flexion', written for the old answer" in capsys.readouterr().out
    [fact] = load_deck(deck).facts
    assert fact.whys == ("", "Rotation turns the arm.", "")
    assert "# why of the distractor 'Flexion' : \"Flexion bends" not in deck.read_text(encoding="utf-8")
    assert "# why of the distractor 'Flexion': \"Flexion bends; adduction brings the arm in.\"" in deck.read_text(
        encoding="utf-8"
    )


def test_force_says_what_update_says_of_a_fact_that_keeps_its_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """T9 #9b: `-o --force` over the deck made from a1.txt said nothing of a number changed under a guid."""
    deck = tmp_path / "a.toml"
    assert main(["import", str(DATA / "a1.txt"), "-o", str(deck)]) == 0
    shutil.copy(deck, tmp_path / "b.toml")
    capsys.readouterr()
    assert main(["import", str(DATA / "a2.txt"), "-o", str(deck), "--force"]) == 0
    forced = capsys.readouterr()
    assert main(["import", str(DATA / "a2.txt"), "--update", str(tmp_path / "b.toml")]) == 0
    updated = capsys.readouterr().out
    notes = [line for line in updated.splitlines() if "learned afresh" in line]
    assert len(notes) == 2 and "a number changed in a fact that keeps its id" in notes[0]
    assert all(note in forced.out + forced.err for note in notes)


OPPOSITES = [
    ("With food", "Without food"), ("Adduction", "Abduction"), ("Hyperglycemia", "Hypoglycemia"),
    ("Safe to drive", "Not safe to drive"), ("Lower back", "Upper back"), ("Take it", "Don't take it"),
    ("Safe", "Unsafe"), ("Ileum", "Ilium"), ("Colostomy", "Colotomy"),
]  # fmt: skip
EDITS = [
    ("Adducton", "Adduction"), ("Call your care team", "Call your care team now"), ("2 tablets", "two tablets"),
    ("Tumour", "Tumor"), ("Shaky and sweaty", "Shaky and sweaty!"), ("Every day", "Every  day"),
]  # fmt: skip


@pytest.mark.parametrize(("before", "after"), OPPOSITES)
def test_an_answer_made_its_opposite_or_another_word_is_another_fact(before: str, after: str) -> None:
    """T9 #9a: "Without food" kept the id (and history) of "With food": rapidfuzz's ratio was 90."""
    first = import_cards(f"Which one?\t{before}\nOther?\tOther answer\n", "v1.txt", deck_id="t").deck
    again = import_cards(f"Which one?\t{after}\nOther?\tOther answr\n", "v2.txt", deck_id="t", earlier=first.facts)
    assert again.deck.facts[0].id != first.facts[0].id
    assert again.deck.facts[1].id == first.facts[1].id


@pytest.mark.parametrize(("before", "after"), EDITS)
def test_an_answer_edited_is_the_same_fact(before: str, after: str) -> None:
    first = import_cards(f"Which one?\t{before}\n", "v1.txt", deck_id="t").deck
    again = import_cards(f"Which one?\t{after}\n", "v2.txt", deck_id="t", earlier=first.facts).deck
    assert again.facts[0].id == first.facts[0].id


def test_t9_quizlet_reimport_gives_each_opposite_answer_a_new_id(tmp_path: Path) -> None:
    deck = tmp_path / "q.toml"
    assert main(["import", str(DATA / "q1.csv"), "-o", str(deck)]) == 0
    before = {f.answer: f.id for f in load_deck(deck).facts}
    assert main(["import", str(DATA / "q2.csv"), "-o", str(deck), "--force"]) == 0
    after = {f.answer: f.id for f in load_deck(deck).facts}
    assert after["Shaky and sweaty"] == before["Shaky and sweaty"]
    for old, new in (("With food", "Without food"), ("Adduction", "Abduction"), ("Hyperglycemia", "Hypoglycemia")):
        assert after[new] != before[old]


@pytest.mark.parametrize(("a", "b"), [(a, b) for a, b, _ in look_alike_pairs() if not a.startswith("-")])
def test_no_medical_look_alike_is_an_edit_of_the_other(a: str, b: str) -> None:
    assert not edited(a, b) and not edited(b, a)
    assert not edited(f"the {a}", f"the {b}", answer=False)


WORDS = st.lists(
    st.sampled_from(["take", "it", "with", "food", "the", "tablet", "each", "morning", "safe"]), min_size=1, max_size=6
)


@given(WORDS, st.sampled_from(sorted(NEGATIONS)), st.integers(0, 6), st.booleans())
def test_a_negation_added_or_dropped_is_never_an_edit(words: list[str], negation: str, at: int, answer: bool) -> None:
    text = " ".join(words)
    negated = " ".join([*words[:at], negation, *words[at:]])
    assert not edited(text, negated, answer=answer) and not edited(negated, text, answer=answer)


ANKI_DECK = """\
format = 1

[deck]
id = "tabs"
title = "Tablets"

[[facts]]
id = "dose"
question = "How many tablets a day?"
answer = "2 tablets"
accept = ["two tablets", "2 pills"]
explanation = "Take 2 tablets a day, morning and evening."

[[facts]]
id = "spoken"
question = "How many tablets do you take at night?"
answer = "1 tablet"
accept = ["one tablet"]
statement = "At night you take {{one tablet}}."
"""


def test_an_answer_changed_in_anki_itself_takes_out_the_old_accept_forms(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Through Anki's own library: `quiz export`, the answers edited in Anki (a Basic note's Answer, a
    cloze note's deletion), its notes export, `quiz import --update`."""
    from quiz.interop.anki import note_guid

    deck = tmp_path / "tabs.toml"
    deck.write_text(ANKI_DECK, encoding="utf-8")
    col = anki_holding(tmp_path, deck)
    for note in map(col.get_note, col.find_notes("")):
        if note.guid == note_guid("tabs", "dose"):
            note["Answer"] = "3 tablets"
        if note.guid == note_guid("tabs", "spoken", cloze=True):
            note["Text"] = note["Text"].replace("one tablet", "two tablets")
        col.update_note(note)
    export_notes(col, tmp_path / "edited.txt")
    col.close()
    capsys.readouterr()
    assert main(["import", str(tmp_path / "edited.txt"), "--update", str(deck)]) == 0
    dose, spoken = load_deck(deck).facts
    assert (dose.answer, dose.accept, dose.explanation) == ("3 tablets", (), "")
    assert (spoken.answer, spoken.accept, spoken.statement) == ("two tablets", (), "At night you take {{two tablets}}.")
    assert not mark(dose.answer, dose.accept, "2 pills").correct
    out = capsys.readouterr().out
    assert "its accept forms, explanation, written for the old answer, are taken out" in out
    assert "fact \"spoken\": its answer changed from '1 tablet' to 'two tablets', so its accept forms," in out
    assert main(["check", str(deck)]) == 0


@pytest.mark.parametrize(
    ("text", "before", "after", "says"),
    [
        ("Take it with food to avoid an upset stomach.", "With food", "Without food", True),
        ("Wash with soap every day.", "With food", "Without food", False),  # "with" alone is in most texts
        ("Not now: later.", "No", "Yes", False),  # "no" is no word of "not"
        ("Adduction brings the arm toward the body.", "Adduction", "Abduction", True),
        ("Take two tablets a day.", "2 tablets", "3 tablets", True),
        ("Take them in the morning.", "2 tablets", "3 tablets", False),
    ],
)
def test_an_explanation_says_the_old_answer_by_its_number_its_text_or_its_changed_word(
    text: str, before: str, after: str, says: bool
) -> None:
    from quiz.interop.edits import says_before

    assert says_before(text, before, after) is says
