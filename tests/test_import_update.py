"""Importing again: guids keep fact ids, `--update` edits a deck in place, `--skip-bad` writes the good rows."""

from __future__ import annotations

import difflib
from pathlib import Path
from random import Random

import pytest
from anki_exports import anki_collection, anki_holding, export_notes, import_package
from hypothesis import assume, given
from hypothesis import strategies as st

from quiz.cli import main
from quiz.deck.load import load_deck
from quiz.interop.anki import note_guid, to_html
from quiz.interop.html_text import field_text
from quiz.interop.importer import import_cards

DATA = Path(__file__).parent / "data" / "import"


def test_a_reimport_after_an_edit_in_anki_keeps_every_fact_id(tmp_path: Path) -> None:
    # v2 fixes a typo and swaps two notes with the same question; their guids are unchanged.
    out = tmp_path / "feet.toml"
    assert main(["import", str(DATA / "reimport-v1.txt"), "-o", str(out)]) == 0
    before = {f.answer: f.id for f in load_deck(out).facts}
    assert main(["import", str(DATA / "reimport-v2.txt"), "-o", str(out), "--force"]) == 0
    after = load_deck(out).facts
    assert {f.answer: f.id for f in after} == before
    assert after[0].question == "How often should you check your feet?"


DECK = """\
# My feet deck: written by hand after the first import.
format = 1

[deck]
id = "feet"
title = "Feet"  # my title
description = "Looking after your feet."

[[facts]]
id = "{a}"
question = "How often shuold you check your feet?"
answer = "Every day"  # as the nurse says it
distractors = ["Once a week", "Once a month", "Never"]
group = "feet"
# a comment between facts

[[facts]]
id = "{b}"
question = "What does this sign mean?"
answer = "Stop taking the tablet"
group = "feet"

[[facts]]
id = "mine"
question = "Where do I write questions down?"
answer = "In my notebook"
group = "feet"

# the glossary, kept by hand
[glossary]
foot = "the end of the leg"
"""


def test_update_edits_the_deck_in_place_and_keeps_what_is_not_in_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from quiz.interop.cards import fact_id_for_guid

    deck = tmp_path / "feet.toml"
    original = DECK.format(a=fact_id_for_guid("k3Jd9Qp2Lx"), b=fact_id_for_guid("m8Rt5Vw1Zc"))
    deck.write_text(original, encoding="utf-8")
    assert main(["import", str(DATA / "reimport-v2.txt"), "--update", str(deck)]) == 0
    out = capsys.readouterr().out
    assert "2 changed, 1 added, 0 unchanged" in out  # the tablet fact gains its tag
    assert "1 fact no longer in reimport-v2.txt and kept in the deck" in out and "mine" in out
    text = deck.read_text(encoding="utf-8")
    for kept in ("# My feet deck", 'title = "Feet"  # my title', "# a comment between facts", "# the glossary"):
        assert kept in text
    # only the line that changed is written again: the rest of each changed fact stays as written
    removed = [line for line in difflib.ndiff(original.splitlines(), text.splitlines()) if line.startswith("- ")]
    assert removed == ['- question = "How often shuold you check your feet?"']
    facts = {f.id: f for f in load_deck(deck).facts}
    assert facts[fact_id_for_guid("k3Jd9Qp2Lx")].question == "How often should you check your feet?"
    assert facts[fact_id_for_guid("k3Jd9Qp2Lx")].distractors == ("Once a week", "Once a month", "Never")
    assert facts[fact_id_for_guid("n2Yb7Hs4Kq")].answer == "Call your care team"
    assert "mine" in facts
    assert main(["check", str(deck)]) == 0


def test_update_keeps_a_deck_written_with_crlf_line_ends_so(tmp_path: Path) -> None:
    from quiz.interop.cards import fact_id_for_guid

    deck = tmp_path / "feet.toml"
    original = DECK.format(a=fact_id_for_guid("k3Jd9Qp2Lx"), b=fact_id_for_guid("m8Rt5Vw1Zc")).replace("\n", "\r\n")
    deck.write_bytes(original.encode("utf-8"))
    assert main(["import", str(DATA / "reimport-v2.txt"), "--update", str(deck)]) == 0
    written = deck.read_bytes().decode("utf-8")
    assert written.count("\n") == written.count("\r\n") > original.count("\n")
    removed = [line for line in difflib.ndiff(original.split("\r\n"), written.split("\r\n")) if line[:1] == "-"]
    assert removed == ['- question = "How often shuold you check your feet?"']


def test_educator_round_trip_through_anki_keeps_every_fact_id(tmp_path: Path) -> None:
    # Anki export -> quiz import -> edit in Anki -> quiz import --update: with Anki's own library.
    col = anki_collection(tmp_path)
    deck = tmp_path / "bp.toml"
    assert main(["import", str(_export(col, tmp_path / "v1.txt")), "-o", str(deck)]) == 0
    ids = [f.id for f in load_deck(deck).facts]
    note = col.get_note(col.find_notes("Systolic")[0])
    note["Back"] = "The top (larger) number"
    col.update_note(note)
    assert main(["import", str(_export(col, tmp_path / "v2.txt")), "--update", str(deck)]) == 0
    facts = load_deck(deck).facts
    assert [f.id for f in facts] == ids
    assert "The top (larger) number" in [f.answer for f in facts]
    col.close()


def test_a_deck_exported_by_quiz_and_edited_in_anki_updates_its_own_facts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = DATA.parent / "decks" / "valid"
    deck = tmp_path / "deck.toml"
    deck.write_text(next(p for p in sorted(source.glob("*.toml"))).read_text(encoding="utf-8"), encoding="utf-8")
    original = load_deck(deck)
    assert main(["export", str(deck), "-o", str(tmp_path / "d.apkg")]) == 0
    col = anki_collection(tmp_path, [])
    import_package(col, tmp_path / "d.apkg")
    before = deck.read_text(encoding="utf-8")
    assert main(["import", str(_export(col, tmp_path / "back.txt")), "--update", str(deck)]) == 0
    assert [f.id for f in load_deck(deck).facts] == [f.id for f in original.facts]
    assert deck.read_text(encoding="utf-8") == before  # nothing changed in Anki: nothing changes here
    first = original.facts[0]
    note = next(n for n in map(col.get_note, col.find_notes("")) if n.guid == note_guid(original.id, first.id))
    note["Answer"] = "Edited in Anki &amp; kept"
    col.update_note(note)
    assert main(["import", str(_export(col, tmp_path / "edited.txt")), "--update", str(deck)]) == 0
    out = capsys.readouterr().out
    assert "1 changed, 0 added" in out
    edited = load_deck(deck).facts[0]
    assert (edited.id, edited.answer) == (first.id, "Edited in Anki & kept")
    # another answer: the accept form and the explanation that says "20 seconds" were written for the old one
    assert f"fact \"{first.id}\": its answer changed from '20 seconds' to" in out
    assert '# accept = ["twenty seconds"]' in deck.read_text(encoding="utf-8")
    kept = edited._replace(answer=first.answer, accept=first.accept, explanation=first.explanation)
    assert kept == first  # its distractors, source and the rest are kept
    col.close()


def _export(col, path: Path) -> Path:  # type: ignore[no-untyped-def]
    export_notes(col, path)
    return path


def test_skip_bad_writes_the_good_rows_and_lists_the_others(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "some.toml"
    assert main(["import", str(DATA / "bad-rows.txt"), "-o", str(out), "--skip-bad"]) == 0
    printed = capsys.readouterr().out
    assert [line.split(":")[2] for line in printed.splitlines() if line.startswith("skipped:")] == ["3", "4", "5", "6"]
    assert [f.question for f in load_deck(out).facts] == ["Good term"]


def test_two_fitting_separators_ask_for_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "two.csv"
    src.write_text("a;b,c\nd;e,f\n", encoding="utf-8")
    assert main(["import", str(src), "-o", str(tmp_path / "x.toml")]) == 1
    assert "semicolon and comma each split every row" in capsys.readouterr().out
    assert main(["import", str(src), "-o", str(tmp_path / "x.toml"), "--separator", "semicolon"]) == 0
    assert [f.answer for f in load_deck(tmp_path / "x.toml").facts] == ["b,c", "e,f"]


LINE = st.text(
    st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp"), exclude_characters="\xa0"), min_size=1, max_size=20
)


@given(st.lists(LINE, min_size=1, max_size=3))
def test_text_quiz_exports_to_anki_reads_back_the_same(lines: list[str]) -> None:
    text = "\n".join(line.strip(" ") for line in lines)
    assume(text.strip() == text and text and "\n\n" not in text)
    assert field_text(to_html(text), html=True) == (text, (), ())


def test_update_matches_facts_first_imported_without_guids_by_their_question(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deck = tmp_path / "feet.toml"
    plain = tmp_path / "plain.txt"
    plain.write_text("How often should you check your feet?\tEvery day\nNew question?\tNew answer\n", encoding="utf-8")
    assert main(["import", str(plain), "-o", str(deck)]) == 0
    first = {f.question: f.id for f in load_deck(deck).facts}
    assert main(["import", str(DATA / "reimport-v2.txt"), "--update", str(deck)]) == 0
    facts = {f.question: f.id for f in load_deck(deck).facts}
    assert facts["How often should you check your feet?"] == first["How often should you check your feet?"]
    assert facts["New question?"] == first["New question?"]  # kept, and listed as no longer in the file
    out = capsys.readouterr().out
    assert f"(delete them by hand if they are gone for good): {first['New question?']}" in out


@pytest.mark.parametrize("how", ["--force", "--update"])
def test_a_reimport_without_guids_keeps_ids_by_question_and_answer(tmp_path: Path, how: str) -> None:
    # v2 fixes a typo in a question and swaps two notes that ask the same question; no guids.
    out = tmp_path / "n.toml"
    assert main(["import", str(DATA / "reimport-noguid-v1.txt"), "-o", str(out)]) == 0
    before = {f.answer: f.id for f in load_deck(out).facts}
    again = ["-o", str(out), "--force"] if how == "--force" else ["--update", str(out)]
    assert main(["import", str(DATA / "reimport-noguid-v2.txt"), *again]) == 0
    after = load_deck(out).facts
    assert {f.answer: f.id for f in after} == before
    assert {f.question for f in after} == {"How often should you check your feet?", "What does this sign mean?"}


def test_a_new_fact_never_takes_the_id_of_one_it_replaces(tmp_path: Path) -> None:
    out = tmp_path / "n.toml"
    (tmp_path / "v1.txt").write_text("What does this sign mean?\tStop taking the tablet\n", encoding="utf-8")
    (tmp_path / "v2.txt").write_text(
        "What does this sign mean?\tCall your care team\nWhat does this sign mean?\tStop now\n", encoding="utf-8"
    )
    assert main(["import", str(tmp_path / "v1.txt"), "-o", str(out)]) == 0
    assert main(["import", str(tmp_path / "v2.txt"), "-o", str(out), "--force"]) == 0
    # two facts now ask it, neither is the old one: neither takes its id (and its history)
    assert "what-does-this-sign-mean" not in {f.id for f in load_deck(out).facts}


@given(
    st.lists(
        st.tuples(st.sampled_from(["What is it?", "Why?", "When?"]), st.sampled_from(["a", "b", "c", "d"])),
        min_size=1,
        max_size=8,
        unique=True,
    ),
    st.randoms(use_true_random=False),
)
def test_any_reordering_keeps_every_fact_id(rows: list[tuple[str, str]], random: Random) -> None:
    first = import_cards("".join(f"{q}\t{a}\n" for q, a in rows), "v1.txt", deck_id="t").deck
    shuffled = list(rows)
    random.shuffle(shuffled)
    text = "".join(f"{q}\t{a}\n" for q, a in shuffled)
    second = import_cards(text, "v2.txt", deck_id="t", earlier=first.facts).deck
    assert {(f.question, f.answer): f.id for f in second.facts} == {(f.question, f.answer): f.id for f in first.facts}


def test_an_edit_keeps_the_id_and_another_text_does_not() -> None:
    first = import_cards("What does this sign mean?\tCall your care team\n", "v1.txt", deck_id="t").deck
    [old] = first.facts

    def again(line: str) -> str:
        return import_cards(line, "v2.txt", deck_id="t", earlier=first.facts).deck.facts[0].id

    assert again("What does this sign mean?\tCall your care team now\n") == old.id  # the answer edited
    assert again("What does this sign mean ?\tCall your care team\n") == old.id  # a space added
    assert again("What does this sgin mean?\tCall your care team\n") == old.id  # the question's typo fixed
    assert again("What does this sign mean?\tStop taking the tablet\n") != old.id  # another fact
    assert again("Who do you call at night?\tCall your care team\n") != old.id  # another question


def test_update_never_gives_an_old_fact_s_history_to_another(tmp_path: Path) -> None:
    out = tmp_path / "n.toml"
    (tmp_path / "v1.txt").write_text("What does this sign mean?\tCall your care team\n", encoding="utf-8")
    (tmp_path / "v2.txt").write_text("What does this sign mean?\tStop taking the tablet\n", encoding="utf-8")
    assert main(["import", str(tmp_path / "v1.txt"), "-o", str(out)]) == 0
    [old] = load_deck(out).facts
    assert main(["import", str(tmp_path / "v2.txt"), "--update", str(out)]) == 0
    after = {f.id: f.answer for f in load_deck(out).facts}
    assert after[old.id] == "Call your care team"  # kept as it was, listed as no longer in the file
    assert "Stop taking the tablet" in after.values()


ROUND_TRIP_DECK = r"""format = 1

[deck]
id = "round"
title = "Round trip"
tags = ["two words"]

[[sources]]
id = "s1"
title = "Guide \\(2020\\) [sound:s.mp3] <i>x</i>"
publisher = "Clinic"

[[facts]]
id = "dose"
question = "Dose of X?"
answer = "5 mg"
distractors = [{ text = "50 mg", why = "Ten times \\(too\\) much" }, { text = "1 mg", why = "Too little" }, "2 mg"]
explanation = "Take it with food.\n\nNot at night."
source = "s1"
refs = "p. 3"
tags = ["a b", "c::d"]

[[facts]]
id = "plain"
question = "What is Y?"
answer = "A tablet"
distractors = ["A cream", "A spray", "A drop"]

[[facts]]
id = "whys-only"
question = "What is Z?"
answer = "A drop"
distractors = [{ text = "A cream", why = "Not on skin" }, "A spray", "A tablet"]

[[facts]]
id = "organ"
question = "Insulin is made in the [which organ?]."
answer = "pancreas"
statement = "Insulin is made in the {{pancreas}}."
explanation = "An organ behind the stomach."
source = "s1"
"""


def _through_anki(tmp_path: Path, deck: Path, *, with_notetype: bool) -> Path:
    """`quiz export` -> Anki -> Anki's notes export, with guids, as a file."""
    col = anki_holding(tmp_path, deck)
    back = tmp_path / "back.txt"
    col.export_note_csv(
        out_path=str(back), limit=None, with_html=True, with_tags=True, with_deck=False,
        with_notetype=with_notetype, with_guid=True,
    )  # fmt: skip
    col.close()
    return back


@pytest.mark.parametrize("with_notetype", [False, True])
def test_a_round_trip_through_anki_with_no_edit_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], with_notetype: bool
) -> None:
    """The fields quiz itself exports ("Wrong options", "Source", a cloze note's Back Extra, tags
    without spaces) come back as the deck's own, never added to the explanation again."""
    deck = tmp_path / "round.toml"
    deck.write_text(ROUND_TRIP_DECK, encoding="utf-8")
    for _cycle in range(3):
        back = _through_anki(tmp_path, deck, with_notetype=with_notetype)
        assert main(["import", str(back), "--update", str(deck)]) == 0
        assert "0 changed, 0 added, 4 unchanged" in capsys.readouterr().out
        assert deck.read_text(encoding="utf-8") == ROUND_TRIP_DECK


def test_an_edit_in_anki_to_a_quiz_note_changes_only_what_was_edited(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deck = tmp_path / "round.toml"
    deck.write_text(ROUND_TRIP_DECK, encoding="utf-8")
    before = {f.id: f for f in load_deck(deck).facts}
    col = anki_holding(tmp_path, deck)
    for note in map(col.get_note, col.find_notes("")):
        if note.guid == note_guid("round", "dose"):
            note["Explanation"] = "Take it with food, always."
        if note.guid == note_guid("round", "organ", cloze=True):
            note["Text"] = note["Text"].replace("Insulin is made", "Insulin is made only")
        col.update_note(note)
    capsys.readouterr()
    assert main(["import", str(_export(col, tmp_path / "edited.txt")), "--update", str(deck)]) == 0
    col.close()
    after = {f.id: f for f in load_deck(deck).facts}
    assert after["dose"] == before["dose"]._replace(explanation="Take it with food, always.")
    # the cloze note carries no question: the author's own stays, and quiz says so (T6 #11)
    assert after["organ"] == before["organ"]._replace(statement="Insulin is made only in the {{pancreas}}.")
    assert after["plain"] == before["plain"] and after["whys-only"] == before["whys-only"]
    out = capsys.readouterr().out
    assert "the deck's own question was kept; check that it still asks what the statement says: organ" in out
    assert "a number changed" not in out


def test_a_statement_edited_in_anki_keeps_a_question_the_author_wrote(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """T6 #11: each statement of a deck with questions of their own edited in Anki: the questions
    stay, no number is said to have changed; a question that was the statement blanked follows it."""
    deck = tmp_path / "own.toml"
    deck.write_text(OWN_QUESTIONS, encoding="utf-8")
    before = {f.id: f for f in load_deck(deck).facts}
    col = anki_holding(tmp_path, deck)
    for note in map(col.get_note, col.find_notes("")):
        note["Text"] += " (edited)"
        col.update_note(note)
    capsys.readouterr()
    assert main(["import", str(_export(col, tmp_path / "edited.txt")), "--update", str(deck)]) == 0
    col.close()
    after = {f.id: f for f in load_deck(deck).facts}
    assert after["liver"] == before["liver"]._replace(
        statement="They can sometimes be removed after {{a good response to chemotherapy}}. (edited)"
    )
    assert after["trial"] == before["trial"]._replace(
        statement="In trial 1, people lived {{17 months}} on average. (edited)"
    )
    assert after["blank"] == before["blank"]._replace(
        question="Take [...] each morning. (edited)", statement="Take {{5 mg}} each morning. (edited)"
    )
    out = capsys.readouterr().out
    assert "a number changed" not in out and "check that it still asks what the statement says: liver, trial" in out


OWN_QUESTIONS = """format = 1

[deck]
id = "own"
title = "Own questions"

[[facts]]
id = "liver"
question = "What can make liver metastases removable?"
answer = "a good response to chemotherapy"
statement = "They can sometimes be removed after {{a good response to chemotherapy}}."

[[facts]]
id = "trial"
question = "In trial 1, how long did people live on average?"
answer = "17 months"
statement = "In trial 1, people lived {{17 months}} on average."

[[facts]]
id = "blank"
question = "Take [...] each morning."
answer = "5 mg"
statement = "Take {{5 mg}} each morning."
"""


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Dose of X?\ttake 5 mg twice a day", "Dose of X?\ttake 10 mg twice a day"),
        ("Dose of X?\t0.5 mg", "Dose of X?\t5 mg"),
        ("How many tablets?\tTake five tablets", "How many tablets?\tTake ten tablets"),
        ("Blood pressure goal?\tbelow 140/90 mmHg", "Blood pressure goal?\tbelow 130/80 mmHg"),
        ("Check at 8 am: which sugar?\tFasting", "Check at 9 am: which sugar?\tFasting"),
    ],
)
def test_a_text_whose_number_changed_is_another_fact_with_its_own_history(before: str, after: str) -> None:
    """Matched by text (no guid), an edit that changes a number is not the same fact: its learners'
    history of the old number must not count for the new one, so it takes a new id."""
    first = import_cards(f"{before}\nOther question?\tOther answer\n", "v1.txt", deck_id="t").deck
    again = import_cards(f"{after}\nOther question?\tOther answr\n", "v2.txt", deck_id="t", earlier=first.facts).deck
    assert again.facts[0].id != first.facts[0].id
    assert again.facts[1].id == first.facts[1].id  # a typo fixed: the same fact


def test_the_same_number_written_another_way_is_the_same_fact() -> None:
    first = import_cards("Dose of X?\ttake 5 mg twice a day\n", "v1.txt", deck_id="t").deck
    same = import_cards("Dose of X?\ttake 5.0 mg twice daily\n", "v2.txt", deck_id="t", earlier=first.facts).deck
    assert same.facts[0].id == first.facts[0].id


def test_a_number_changed_under_the_same_guid_keeps_the_id_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A note's guid is its identity (the anki-reimport-guid case): the fact keeps its id and
    history, as Anki keeps an edited note's, and the update names it, so the educator can give it a
    new id if the old number was wrong."""
    deck, v2 = tmp_path / "g.toml", tmp_path / "g2.txt"
    (tmp_path / "g1.txt").write_text("#guid column:1\ng1\tDose of X?\ttake 5 mg\ng2\tHow often?\tdaily\n")
    v2.write_text("#guid column:1\ng1\tDose of X?\ttake 10 mg\ng2\tHow often?\tdaily!\n")
    assert main(["import", str(tmp_path / "g1.txt"), "-o", str(deck)]) == 0
    ids = [f.id for f in load_deck(deck).facts]
    capsys.readouterr()
    assert main(["import", str(v2), "--update", str(deck)]) == 0
    assert [f.id for f in load_deck(deck).facts] == ids
    out = capsys.readouterr().out
    assert "2 changed, 0 added" in out
    assert "a number changed in a fact that keeps its id, and so its learners' history" in out
    assert f"as the note's guid is the same: {ids[0]};" in out


def test_replacing_a_deck_with_its_own_anki_export_keeps_every_fact_id(tmp_path: Path) -> None:
    """`-o deck.toml --force` matches the notes quiz export made back to their facts, as --update does."""
    deck = tmp_path / "round.toml"
    deck.write_text(ROUND_TRIP_DECK, encoding="utf-8")
    back = _through_anki(tmp_path, deck, with_notetype=False)
    assert main(["import", str(back), "-o", str(deck), "--force", "--id", "round"]) == 0
    assert [f.id for f in load_deck(deck).facts] == ["dose", "plain", "whys-only", "organ"]


def test_an_update_that_would_make_a_fact_invalid_names_the_fact_in_the_deck_as_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The updated text is never written: its problem is placed at the fact in the file as it is,
    though the facts updated before it grew (here, by an explanation of several lines)."""
    from quiz.interop.cards import fact_id_for_guid

    deck = tmp_path / "d.toml"
    text = (
        f'format = 1\n\n[deck]\nid = "d"\ntitle = "D"\n\n[[facts]]\nid = "{fact_id_for_guid("g0")}"\n'
        'question = "First?"\nanswer = "One"\n\n'
        f'[[facts]]\nid = "{fact_id_for_guid("g")}"\nquestion = "Dose of X?"\nanswer = "5 mg"\n'
        'distractors = ["10 mg", "20 mg", "1 mg"]\n'
    )
    deck.write_text(text, encoding="utf-8")
    rows = '#guid column:1\ng0\tFirst?\tOne\t"Because\nof\nthis"\ng\tDose of X?\t10 mg\t\n'
    (tmp_path / "g.txt").write_text(rows, encoding="utf-8")
    assert main(["import", str(tmp_path / "g.txt"), "--update", str(deck)]) == 1
    line = text.split("\n").index(f'id = "{fact_id_for_guid("g")}"')  # the line of its [[facts]]
    assert f"{deck}:{line}:1: the import would make this fact invalid: " in capsys.readouterr().out
    assert deck.read_text(encoding="utf-8") == text
