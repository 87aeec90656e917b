"""Rows with optional trailing fields (question;answer[;explanation]) and the separator guess: the
sep-guess kind, where a row that leaves out its last field sank the guess (T2 report, fault 8)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.cli import main
from quiz.deck.errors import DeckError
from quiz.interop.header import ANSWER_NAMES, QUESTION_NAMES
from quiz.interop.importer import import_cards
from quiz.interop.rows import guess_separator

RAGGED = "HbA1c goal;below 7,0 %;check every 3 months\nCreatinine upper limit;1,2 mg/dL\n"


def facts(text: str, **options: str) -> list[tuple[str, str, str]]:
    deck = import_cards(text, "t.txt", deck_id="t", **options).deck  # type: ignore[arg-type]
    return [(f.question, f.answer, f.explanation) for f in deck.facts]


def test_a_row_that_leaves_out_its_third_field_keeps_the_semicolon_guess() -> None:
    """ragged_rows.sh: the comma gave both rows two fields, cutting "7,0" and "1,2"; the semicolon
    gives each two or more and cuts nothing, and is the reading."""
    guess = guess_separator(RAGGED)
    assert guess.separator == ";"
    assert guess.reason == (
        "it splits every row into two or more fields, and the others would cut a number in two (“7,0” on line 1)"
    )
    expected = [
        ("HbA1c goal", "below 7,0 %", "check every 3 months"),
        ("Creatinine upper limit", "1,2 mg/dL", ""),
    ]
    assert facts(RAGGED) == expected
    assert facts(RAGGED, separator=";") == expected  # a given separator is obeyed, the short row read


@pytest.mark.parametrize("sep", ["\t", "|", ";", ":", ","])
def test_rows_of_two_and_three_fields_are_read_at_any_separator(sep: str) -> None:
    text = f"Heart{sep}a pump{sep}four chambers\nLung{sep}breathes\nLiver{sep}filters{sep}\n"
    assert facts(text) == [("Heart", "a pump", "four chambers"), ("Lung", "breathes", ""), ("Liver", "filters", "")]


def test_a_row_without_a_definition_is_named_with_what_it_lacks(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "short.csv").write_text(RAGGED + "Potassium\n", encoding="utf-8")
    out = tmp_path / "out.toml"
    assert main(["import", str(tmp_path / "short.csv"), "-o", str(out), "--separator", "semicolon"]) == 1
    printed = capsys.readouterr().out
    assert (
        "short.csv:3:1: this row has no semicolon and so no definition: a row needs a term and its definition "
        "(the fields after those may be left out)"
    ) in printed
    assert "double quotes" not in printed and not out.exists()


def test_two_separators_that_each_give_every_row_two_or_more_fields_are_asked_about() -> None:
    """`Heart;pumps blood, moves oxygen;a muscle` could be read at either: quiz asks."""
    text = "Heart;pumps blood, moves oxygen;a muscle\nLung;breathes, exchanges gas\n"
    with pytest.raises(DeckError) as err:
        import_cards(text, "t.txt", deck_id="t")
    [problem] = err.value.problems
    assert problem.message == (
        "cannot tell the separator: semicolon and comma each split every row into two or more fields; "
        "choose one with --separator"
    )


_LETTER = st.sampled_from("abcXYZé")
FIELD = st.builds(  # a digit beside the separator is Rows.splits' case, a space there is dropped
    lambda first, middle, last: first + middle + last,
    _LETTER,
    st.text(st.sampled_from("abcXYZé -?()/0123456789"), max_size=8),
    _LETTER,
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(FIELD, FIELD, st.one_of(st.none(), FIELD)), min_size=1, max_size=8),
    st.sampled_from(["\t", "|", ";", ":", ","]),
)
def test_rows_with_optional_trailing_fields_import_each_field_in_place(
    rows: list[tuple[str, str, str | None]], sep: str
) -> None:
    """Rows of a question, an answer and an optional third field, joined by any one separator and
    holding none: every row is a fact with its own question, answer and explanation ("" where the
    row leaves the third out), whatever mix of widths the rows have."""
    text = "".join(sep.join(f for f in row if f is not None) + "\n" for row in rows)
    try:
        found = facts(text, separator=sep)
    except DeckError as err:  # a repeated question, a field the deck refuses: never a row misread
        assert all("separator" not in p.message and "field" not in p.message for p in err.problems)
        return
    wanted = {(q, a, x or "") for q, a, x in rows}
    assert set(found) <= wanted
    guess = guess_separator(text)
    assert guess.separator == sep or (guess.separator is None and sep in guess.fits)


@pytest.mark.parametrize(
    ("header", "line", "message"),
    [
        ("#guid column:2\n#tags column:2\n", 2, "#tags column:2 names the column #guid column:2 names too"),
        ("#notetype column:1\n#deck column:1\n", 2, "#deck column:1 names the column #notetype column:1 names too"),
    ],
)
def test_two_header_lines_naming_one_column_are_refused(header: str, line: int, message: str) -> None:
    with pytest.raises(DeckError) as err:
        import_cards(f"#separator:tab\n{header}Basic\tq\ta\n", "t.txt", deck_id="t")
    [problem] = err.value.problems
    assert (problem.line, problem.message.split(";")[0]) == (line + 1, message)


@pytest.mark.parametrize(
    "first",
    [
        "Frage;Antwort",
        "Test;Value",
        "Term;Meaning",
        "Pregunta;Respuesta",
        "Question:;Réponse:",
        "front;BACK",
        "Lab  test;Normal range",
        "Laborwert;Referenzbereich",
        "Medication;Dose",
    ],
)
def test_a_first_row_naming_the_columns_is_no_card(first: str) -> None:
    """header_encoding_candidates.sh (a): "Frage;Antwort" became a card; a first row of column
    names in the languages decks are written in is read as names, with a note, and the rows
    below are the cards, in their columns."""
    result = import_cards(f"{first}\nHbA1c Ziel;unter 7,0 %\nKreatinin;1,2 mg/dL\n", "t.txt", deck_id="t")
    facts = [(f.question, f.answer) for f in result.deck.facts]
    assert facts == [("HbA1c Ziel", "unter 7,0 %"), ("Kreatinin", "1,2 mg/dL")]
    assert f"line 1 read as column names: {first.replace(';', ' | ')}" in result.notes
    kept = import_cards(f"{first}\nKreatinin;1,2 mg/dL\n", "t.txt", deck_id="t", header=False).deck.facts
    assert [f.question for f in kept] == [first.split(";")[0], "Kreatinin"]  # --no-header: a card


@pytest.mark.parametrize("first", ["Heart;Pump", "Test;HbA1c", "Value;Meaning", "Front page;Back"])
def test_a_first_row_that_is_a_card_stays_one(first: str) -> None:
    facts = import_cards(f"{first}\nLung;Breathes\n", "t.txt", deck_id="t").deck.facts
    assert [f.question for f in facts] == [first.split(";")[0], "Lung"]


@pytest.mark.parametrize("end", ["", "\n"])
def test_the_last_row_counts_in_the_guess_with_or_without_a_line_break_after_it(end: str) -> None:
    """Every row of a short file is in the guess's sample: here the last is the one that shows the
    comma cuts numbers, and the one that leaves the pipe out."""
    text = "Potassium;5,0 mmol/L\nSodium;140 mmol/L\nCreatinine;1,2 mg/dL" + end
    assert guess_separator(text).separator == ";"
    assert guess_separator("a|b;c\nd|e;f\ng;h" + end).separator == ";"


@pytest.mark.parametrize(
    "text",
    [
        "#separator:tab\n#notetype:Cloze\nThe {{c1::heart}} pumps blood\n",
        "#separator:tab\n#notetype column:1\nCloze\tThe {{c1::heart}} pumps blood\nBasic\tLung\tbreathes\n",
        "The {{c1::heart}} pumps blood;\nLung;breathes\n",
        "Lung;breathes\nThe {{c1::heart}} pumps blood\n",
    ],
)
def test_a_cloze_note_needs_only_its_text(text: str) -> None:
    """A cloze note's Back Extra may be left out like any field after the first it needs."""
    facts = import_cards(text, "t.txt", deck_id="t").deck.facts
    assert ("The [...] pumps blood", "heart") in [(f.question, f.answer) for f in facts]


@pytest.mark.parametrize("names", ["Heart\tBack", "Front\tPump", "Organ\tWhat it does"])
def test_a_question_or_answer_no_column_name_gives_is_the_first_column_left(names: str) -> None:
    text = f"#separator:tab\n#columns:{names}\nHeart\tA pump\n"
    assert [(f.question, f.answer) for f in import_cards(text, "t.txt", deck_id="t").deck.facts] == [
        ("Heart", "A pump")
    ]


@pytest.mark.parametrize(
    "first",
    [
        "質問;答え",
        "Вопрос;Ответ",
        "Pytanie;Odpowiedź",
        "Ερώτηση;Απάντηση",
        "سؤال;جواب",
        "问题;答案",
        "問題;答案",
        "질문;답",
        "Питання;Відповідь",
        "Soru;Cevap",
        "ΕΡΩΤΗΣΗ;ΑΠΑΝΤΗΣΗ",
        "質問：;答え：",
    ],
)
def test_a_first_row_naming_the_columns_in_any_script_is_no_card(first: str) -> None:
    """T4 fault 6: a header row in Japanese, Russian, Polish, Greek, Arabic or Chinese became a card."""
    result = import_cards(f"{first}\nMetformin;500 mg twice a day\n", "t.txt", deck_id="t")
    assert [(f.question, f.answer) for f in result.deck.facts] == [("Metformin", "500 mg twice a day")]
    assert any(note.startswith("line 1 read as column names") for note in result.notes)


@settings(max_examples=100, deadline=None)
@given(
    st.sampled_from(sorted(QUESTION_NAMES)),
    st.sampled_from(sorted(ANSWER_NAMES)),
    st.booleans(),
    st.sampled_from([str.upper, str.title, str]),
)
def test_any_known_question_and_answer_names_are_a_header_in_either_order(
    question: str, answer: str, reverse: bool, case: Callable[[str], str]
) -> None:
    """The rule, not the list: a first row naming a question column and an answer column, in any
    order and case, is column names, and each card's question comes from the column so named."""
    names = [case(question), case(answer)]
    row = ["Kreatinin", "1,2 mg/dL"]
    if reverse:
        names, row = names[::-1], row[::-1]
    result = import_cards(f"{';'.join(names)}\n{';'.join(row)}\n", "t.txt", deck_id="t", separator=";")
    assert [(f.question, f.answer) for f in result.deck.facts] == [("Kreatinin", "1,2 mg/dL")]


WORDS = st.text(st.sampled_from("abcdef xyz"), min_size=1, max_size=8).map(str.strip).filter(bool)


@given(
    st.sampled_from([";", "|", ","]),
    st.lists(st.tuples(WORDS, WORDS, WORDS, WORDS), min_size=1, max_size=6),
)
def test_a_tab_in_a_field_of_every_row_is_never_taken_for_the_separator(
    sep: str, rows: list[tuple[str, str, str, str]]
) -> None:
    """T6 #8 (sep-guess): whichever field of each row a tab is pasted into, both it and the
    separator split every row, and quiz asks; a tab only at the row's end (#18) is no field."""
    text = "".join(f"{q}{sep}{a}{sep}{x}\t{y}\n" for q, a, x, y in rows)
    assert guess_separator(text).separator is None
    trailing = "".join(f"{q}{sep}{a}\t\n" for q, a, _, _ in rows)
    assert guess_separator(trailing).separator == sep


SEMI_IN_TEXT = (
    "Fasting glucose goal; type 2,4 to 7 mmol/L\nHbA1c goal; type 2,under 7 %\nBlood pressure goal; over 80,150/90\n"
)


def test_a_separator_cutting_a_number_but_standing_between_words_too_is_asked_about() -> None:
    """T9 #10 (sep-guess): the comma separates these rows (it stands between words on line 2), and
    each question holds a `;`; the comma cut "2,4" and "80,150", so the semicolon was taken."""
    guess = guess_separator(SEMI_IN_TEXT)
    assert guess.separator is None
    assert guess.reason == (
        "semicolon and comma each split every row; the comma cuts a number in two (“2,4” on line 1), but it stands "
        "outside a number too (line 2), so it may be the separator, with the semicolon in the text"
    )
    # a decimal comma, only ever between digits, still gives way (the sep-guess case)
    assert guess_separator("HbA1c goal;below 7,0 %\nCreatinine upper limit;1,2 mg/dL\n").separator == ";"


TEXTS = [
    "Potassium", "upper limit", "with food", "Dose, adult", "3,5 mmol/L", "Note: see", "a|b", "x;y", "Stage IV",
    "BP 120/80 mmHg", "Ratio 1:1000 here", "HbA1c 6,5 %", "Time: 8:00 am", "Blood test; fasting", "pH 7,4 or so",
    "Tab\there",
]  # fmt: skip
"""Texts of fields that neither start nor end with a digit: where one field ends and the next starts
with one (`10` and `5` as `10,5`), no reader can tell a separator from a decimal mark."""


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["\t", ";", ",", "|", ":"]),
    st.lists(
        st.lists(st.lists(st.sampled_from(TEXTS), min_size=1, max_size=2), min_size=2, max_size=3),
        min_size=1,
        max_size=4,
    ),
)
def test_a_guess_is_the_separator_the_rows_were_written_with_or_none(sep: str, rows: list[list[list[str]]]) -> None:
    """Rows written by Python's csv module with any separator (/tmp/T9/sepfuzz.py): the guess is that
    separator, or quiz asks; never another."""
    import csv
    import io

    out = io.StringIO()
    csv.writer(out, delimiter=sep, lineterminator="\n").writerows([" ".join(f) for f in row] for row in rows)
    assert guess_separator(out.getvalue()).separator in (sep, None)


QUIZLET_COMMAS = (
    "Neutropenia,Low neutrophils, a kind of white cell\nMucositis,Sore mouth, gums, and throat\nFever,38 °C, or more\n"
)
"""A Quizlet export with a comma between term and definition and commas in the definitions (a
tester's report: "38 °C, or more" became the answer "38 °C" and the explanation "or more")."""


@pytest.mark.parametrize("sep", [",", ";"])
def test_a_separator_followed_by_a_space_in_the_text_is_not_guessed(sep: str) -> None:
    text = QUIZLET_COMMAS.replace(",", sep)
    guess = guess_separator(text)
    assert guess.separator is None and "on line 1 it also stands in the text" in guess.reason
    with pytest.raises(DeckError, match="put a definition that holds a"):
        import_cards(text, "t.txt", deck_id="t")
    quoted = "".join(f'{t}{sep}"{d}"\n' for t, d in (line.split(sep, 1) for line in text.splitlines()))
    assert [f[:2] for f in facts(quoted)] == [(t, d) for t, d in (ln.split(sep, 1) for ln in text.splitlines())]
    assert facts(text, separator=sep)[2] == ("Fever", "38 °C", "or more")  # a given separator is obeyed


@pytest.mark.parametrize("quoted", [False, True])
def test_a_comma_in_quotes_is_no_sign_of_text(quoted: bool) -> None:
    """A reviewer found a third column in quotes, "Call the team, then rest", refused as a comma
    of the text: csv reads a quoted field's commas as text."""
    field = '"Call the team, then rest"' if quoted else "Call the team"
    text = f"Fever,38 °C,{field}\nPulse,60 to 100,Normal\n"
    assert guess_separator(text).separator == ","
    assert facts(text)[0] == ("Fever", "38 °C", field.strip('"'))


@pytest.mark.parametrize("space", ["", " "])
def test_a_spreadsheets_third_column_is_still_guessed(space: str) -> None:
    """A third column, its commas spaced alike or not at all, is no sign of a comma in the text."""
    text = "Fever,38 °C,Call the team\nPain,Take paracetamol,Rest\nCough,See your doctor\n".replace(",", "," + space)
    assert guess_separator(text).separator == ","
    assert facts(text)[0] == ("Fever", "38 °C", "Call the team")
