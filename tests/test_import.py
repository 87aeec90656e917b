"""Importing Anki and Quizlet text exports: every card kept exactly, every bad row reported by line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from quiz.cli import main
from quiz.deck.errors import DeckError
from quiz.deck.load import load_deck, parse_deck
from quiz.deck.text import blank
from quiz.deck.write import deck_to_toml
from quiz.interop.header import separator_name, separator_text
from quiz.interop.importer import import_cards
from quiz.interop.table import read_cards
from quiz.typed import exact_keys
from quiz.untrusted import INVISIBLE_MARKS

SAMPLES = Path(__file__).parent / "data" / "import"


def cards(text: str, **options: object) -> list[tuple[str, str]]:
    table = read_cards(text, "t.txt", **options)  # type: ignore[arg-type]
    assert table.problems == []
    return [(c.front, c.back) for c in table.cards]


def problems(text: str, **options: object) -> list[tuple[int | None, str]]:
    with pytest.raises(DeckError) as err:
        import_cards(text, "t.txt", deck_id="t", **options)  # type: ignore[arg-type]
    return [(p.line, p.message) for p in err.value.problems]


def test_anki_notes_in_plain_text() -> None:
    deck, notes, _ = import_cards((SAMPLES / "anki-notes.txt").read_text(encoding="utf-8"), "a.txt", deck_id="bp")
    assert deck.title == "Blood pressure"
    assert [(f.question, f.answer, f.tags) for f in deck.facts] == [
        (
            "What is hypertension?",
            "Blood pressure that stays at 130/80 mmHg or higher\non several days",
            ("cardio", "exam::2026"),
        ),
        ("Which number is the systolic pressure?", 'The first, larger number (the "top" one)', ("cardio",)),
        ("What does <BP> stand for?", "Blood pressure", ()),
    ]
    assert notes == []
    assert all(f.id.startswith("anki-") for f in deck.facts)  # from the guid column


def test_quizlet_tab_export() -> None:
    text = (SAMPLES / "quizlet-tab.txt").read_text(encoding="utf-8")
    assert cards(text) == [
        ("Hypertension", "High blood pressure"),
        ("Systolic", "The top number [mmHg]"),
        ("Diastolic", "The bottom number,\nmeasured between beats"),
        ("HbA1c", "Average blood sugar; target < 7%"),
    ]


def test_quizlet_comma_export_with_a_header_row() -> None:
    table = read_cards((SAMPLES / "quizlet-comma.txt").read_text(encoding="utf-8"), "q.txt")
    assert [(c.line, c.front) for c in table.cards] == [(2, "Insulin"), (3, "Glucose, fasting"), (4, "Überzucker")]
    assert "line 1 read as column names: term | definition" in table.notes
    assert any("comma" in note and "guess" in note for note in table.notes)


def test_quizlet_custom_separator() -> None:
    text = (SAMPLES / "quizlet-custom.txt").read_text(encoding="utf-8")
    assert cards(text, separator=" - ")[0] == ("Aspirin", "A medicine that thins the blood")
    # never guessed: the spaced dash is named, and nothing is written with "-" as the answer
    [(line, message)] = problems(text)
    assert line == 1 and message.endswith("every row holds “ - ”: if it separates them, import with --separator ' - '")


def test_every_control_character_of_a_field_is_named_at_once() -> None:
    """A field holding ESC and BEL was reported for ESC alone, so removing it brought the next
    refusal (a tester's report): every kind the field holds is named, once each."""
    [(line, message)] = problems("q1\tA1\x1b]0;x\x07 and \x1b\nq2\tok\n")
    assert line == 1 and "contains the control characters U+001B, U+0007, which a deck cannot hold" in message
    assert message.endswith("remove them and import again")


def test_bad_rows_are_reported_with_their_lines() -> None:
    found = problems((SAMPLES / "bad-rows.txt").read_text(encoding="utf-8"))
    assert [line for line, _ in found] == [3, 4, 5, 6]
    assert found[0][1].startswith("this row has no tab (a guess: choose another with --separator) and so no definition")
    assert (
        found[1][1]
        == "the term (first field) is empty (fields separated by tab, a guess: choose another with --separator)"
    )
    assert "control character U+0007" in found[2][1]
    assert "closing quote is missing" in found[3][1]


def test_quoted_fields_hold_separators_newlines_and_quotes() -> None:
    text = 'a\t"x\ty"\n"two\nlines"\t"say ""hi"""\n"c"\t""""\n'
    assert cards(text) == [("a", "x\ty"), ("two\nlines", 'say "hi"'), ("c", '"')]


def test_line_numbers_count_newlines_inside_quotes() -> None:
    assert problems('"a\nb\nc"\tok\nbad\n') == [
        (
            4,
            "this row has no tab (a guess: choose another with --separator) and so no definition: a row needs a "
            "term and its definition (the fields after those may be left out)",
        )
    ]


def test_text_after_a_closing_quote_is_reported_or_read_literally() -> None:
    text = 'ok\tfine\n"Hi" she said\tGreeting\n'
    assert [line for line, _ in problems(text)] == [2]
    assert cards(text, quotes=False) == [("ok", "fine"), ('"Hi" she said', "Greeting")]


def test_comments_blank_lines_crlf_and_bom() -> None:
    text = "\ufeff# exported 2026\r\n\r\na\tb\r\n# later comment\r\nc\td\r\n"
    table = read_cards(text)
    assert [(c.line, c.front, c.back) for c in table.cards] == [(3, "a", "b"), (5, "c", "d")]
    assert any("skipped 1 comment line" in note and "line 4" in note for note in table.notes)


def test_header_options() -> None:
    text = "Front\tBack\nq\ta\n"
    assert cards(text) == [("q", "a")]
    assert cards(text, header=False) == [("Front", "Back"), ("q", "a")]
    assert cards("Name\tMeaning\nq\ta\n", header=True) == [("q", "a")]


def test_further_fields_become_the_explanation() -> None:
    deck, _, _ = import_cards("q\ta\tbecause\t\tsee page 2\n", "t.txt", deck_id="t")
    assert deck.facts[0].explanation == "because\n\nsee page 2"


def test_fields_after_the_answer_may_be_left_out() -> None:
    """question;answer[;more], as Anki, csv.Sniffer and LibreOffice read rows of different widths:
    a row that leaves out the last fields has them empty, and one that has more is read as wide."""
    deck, notes, _ = import_cards("a\tb\nc\td\te\n", "t.txt", deck_id="t")
    assert [(f.question, f.answer, f.explanation) for f in deck.facts] == [("a", "b", ""), ("c", "d", "e")]
    assert any(n.startswith("fields after the second become the explanation, as on line 2") for n in notes)
    text = "#separator:tab\n#columns:Front\tBack\tExtra\nq\ta\n"
    assert [(f.question, f.answer) for f in import_cards(text, "t.txt", deck_id="t").deck.facts] == [("q", "a")]
    # wider than the columns named, or without a definition, a row is refused with what it lacks
    assert problems(text + "r\tb\tc\td\n") == [
        (4, "#columns (line 2) names 3 columns, but this row has 4 fields separated by tab")
    ]
    assert problems("#guid column:1\ng1\tq\ta\ng2\tq2\n", separator="\t") == [
        (
            3,
            "this row has 2 fields (separated by tab), 1 of which the header names as its guid, note type, deck or "
            "tags column, and so no definition: a row needs a term and its definition (the fields after those may be "
            "left out)",
        )
    ]


def test_ids_are_slugs_made_unique_with_a_fallback() -> None:
    deck, _, _ = import_cards("Blood pressure\ta\nblood  pressure!\tb\n血压\tc\n?\td\ncard-3\te\n", "t", deck_id="t")
    assert [f.id for f in deck.facts] == ["blood-pressure", "blood-pressure-2", "card-3", "card-4", "card-3-2"]
    assert {f.group for f in deck.facts} == {"t"}


def test_separator_names() -> None:
    assert [separator_text(n) for n in ("tab", "Comma", "\\t", ";", " - ")] == ["\t", ",", "\t", ";", " - "]
    for bad in ("", '"', "#", "a\nb"):
        with pytest.raises(ValueError):
            separator_text(bad)


def test_no_cards_is_a_problem() -> None:
    assert problems("# only a comment\n\n") == [(None, "no cards found: the file has no rows of term and definition")]


# Any text a deck can hold: no control characters but tab and newline, not only whitespace.
TEXT = st.text(
    st.characters(
        exclude_categories=("Cs", "Cc"),
        exclude_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
        include_characters="\t\n\"'[]{}#,;\\<>&",
    ),
    min_size=1,
    max_size=30,
).filter(str.strip)
PLAIN_TEXT = TEXT.filter(lambda t: "[sound:" not in t and "<img" not in t.casefold())
"""Text that is all text: Anki's media references ([sound:...], <img ...>) are left out of a fact."""


def quote(field: str, sep: str) -> str:
    """Write a field as the importer's documented rules say: quotes when it holds anything special,
    has spaces around it (dropped otherwise), or starts or ends with a digit where the separator is
    one written inside numbers (a comma between digits is refused as a number cut in two)."""
    digit_edge = sep in ",.: '" and (field[:1].isdigit() or field[-1:].isdigit())
    if any(c in field for c in sep + '"\n') or field.startswith("#") or field != field.strip(" \t") or digit_edge:
        return '"' + field.replace('"', '""') + '"'
    return field


def _same_card(row: tuple[str, str]) -> tuple[str, str]:
    """Rows with the same question and answer (case and spacing aside) are imported once."""
    return (" ".join(row[0].split()).casefold(), " ".join(row[1].split()).casefold())


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(PLAIN_TEXT, PLAIN_TEXT), min_size=1, max_size=8, unique_by=_same_card),
    st.sampled_from(["\t", ",", ";", " | "]),
)
def test_any_table_of_texts_imports_exactly(rows: list[tuple[str, str]], sep: str) -> None:
    text = "".join(f"{quote(a, sep)}{sep}{quote(b, sep)}\n" for a, b in rows)
    # Characters that show as nothing (a zero-width space, U+FEFF: a first one is the file's
    # byte-order mark) are taken out of every field with a note, so that a question does not look
    # like another (tests/test_import_encodings.py): this property is about the rest.
    assume(not re.search(f"[{INVISIBLE_MARKS}]", text))
    assume(not any(blank(a) or blank(b) for a, b in rows))  # a field that shows nothing is empty: refused
    # Answers that say the same in other words ("G" and "Ĝ", "5" and "five") would be one another's
    # wrong options, which the loader refuses (test_deck_options_said): not this property's concern.
    said = [exact_keys(b) for _, b in rows]
    assume(all(a[0] is None or a[0] != b[0] or a[1] == b[1] for i, a in enumerate(said) for b in said[:i]))
    deck, _, _ = import_cards(text, "t.txt", deck_id="t", separator=sep, header=False, html=False)
    loaded = parse_deck(deck_to_toml(deck), "t.toml")
    assert loaded == deck._replace(path=Path("t.toml"))  # the deck, as read from the file it was written to
    assert [(f.question, f.answer) for f in loaded.facts] == rows


def test_with_no_header_a_first_row_that_starts_tags_is_a_card() -> None:
    """Hypothesis found "tags:<TAB>0" left out with --no-header: older Anki's first line "tags: a b"
    names tags, but --no-header makes the first row a card, whatever it says."""
    assert cards("tags:\t0\nq\ta\n", separator="\t", header=False) == [("tags:", "0"), ("q", "a")]
    table = read_cards("tags: heart\nq\ta\n", "t.txt", separator="\t")
    assert [(c.front, c.back, c.tags) for c in table.cards] == [("q", "a", ("heart",))]


def test_cli_import_then_check_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "bp.toml"
    assert main(["import", str(SAMPLES / "quizlet-tab.txt"), "-o", str(out), "--title", "Blood pressure"]) == 0
    assert f"wrote {out}: 4 facts" in capsys.readouterr().out
    deck = load_deck(out)
    assert (deck.id, deck.title, len(deck.facts)) == ("bp", "Blood pressure", 4)
    assert main(["check", str(out)]) == 0


def test_cli_reports_bad_rows_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "bad.toml"
    assert main(["import", str(SAMPLES / "bad-rows.txt"), "-o", str(out)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":")[1] for line in lines[:-2]] == ["3", "4", "5", "6"]
    assert lines[-2] == "4 problems; nothing was written"
    assert not out.exists()


def test_cli_refuses_to_overwrite_without_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "deck.toml"
    out.write_text("mine", encoding="utf-8")
    src = str(SAMPLES / "quizlet-tab.txt")
    assert main(["import", src, "-o", str(out)]) == 1
    assert "--force" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "mine"
    assert main(["import", src, "-o", str(out), "--force"]) == 0
    assert len(load_deck(out).facts) == 4


def test_cli_rejects_bad_options_and_encodings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "latin1.txt"
    src.write_bytes("a\tb\nFi\xe8vre\tfever\n".encode("latin-1"))
    assert main(["import", str(src), "-o", str(tmp_path / "x.toml")]) == 1
    assert ":2: not UTF-8 text" in capsys.readouterr().err
    assert main(["import", str(SAMPLES / "quizlet-tab.txt"), "-o", str(tmp_path / "x.toml"), "--id", "X Y"]) == 2
    assert 'like "x-y"' in capsys.readouterr().err


def test_anki_header_tags_apply_to_every_card() -> None:
    table = read_cards("#separator:Comma\n#tags:imported heart\n#tags column:3\nq,a,heart extra\n")
    assert [(c.front, c.back, c.tags) for c in table.cards] == [("q", "a", ("imported", "heart", "extra"))]


def test_a_column_number_beyond_the_rows_is_refused_before_it_sizes_anything() -> None:
    text = "#separator:tab\n#tags column:100000000\nq1\ta1\tt\n"
    assert problems(text) == [(2, "#tags column:100000000 names column 100000000, but the rows have 3 fields")]


@pytest.mark.parametrize("number", ["²", "①", "٣", "１", "0", "1e8"])
def test_a_column_number_not_written_in_digits_0_to_9_is_noted_and_left_out(number: str) -> None:
    """A helper: "#tags column:²" stopped the import with a ValueError ("²" is a digit to Python,
    and no number to int()). Anki writes its column numbers in 0-9."""
    imported = import_cards(f"#separator:tab\n#tags column:{number}\nq1\ta1\tt\n", "t.txt", deck_id="t")
    assert f"ignored line 2: #tags column:{number} is not a column number" in imported.notes
    assert [(f.question, f.answer) for f in imported.deck.facts] == [("q1", "a1")]


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("Potassium upper limit 5,0 mmol/L\nSodium upper limit 145 mmol/L\n", "this row has no comma (a guess"),
        ("#separator:tab\n#guid column:1\nk3Jd9Qp2Lx\tHow often?\n", "2 fields (separated by tab), 1 of which"),
        ("#separator:tab\n#guid column:1\n#tags column:2\n#deck column:3\n#notetype column:4\ng\tt\td\tBasic\n",
         "4 of which the header names as its guid, note type, deck or tags columns, and so no term or definition"),
    ],
)
def test_a_row_too_short_says_what_it_lacks_never_expected_n_found_n(text: str, says: str) -> None:
    """A helper met "expected 2 fields separated by tab, found 2": the row had its 2 fields, one of
    them the guid column, so no definition."""
    found = problems(text)
    assert any(says in message for _, message in found), found
    assert not any(message.startswith("expected") for _, message in found)


LINE = TEXT.filter(lambda t: "\n" not in t)
DIRECTIVE = st.one_of(
    st.builds("#separator:{}".format, st.sampled_from(["tab", "comma", "semicolon", "pipe", "space", ":", "x"])),
    st.builds("#html:{}".format, st.sampled_from(["true", "false", "maybe"])),
    st.builds(
        "#{} column:{}".format,
        st.sampled_from(["tags", "guid", "notetype", "deck", "TAGS", "other"]),
        st.integers(-5, 10) | st.integers(10**6, 10**20) | st.integers(-(10**20), 0)
        | st.text(st.sampled_from("12²①٣１e-"), min_size=1, max_size=3),
    ),
    st.builds("#columns:{}".format, st.text(st.sampled_from("ab\t,;"), max_size=12)),
    st.builds("#deck:{}".format, LINE),
    st.builds("#tags:{}".format, LINE),
)


@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(
    st.lists(DIRECTIVE, max_size=6),
    st.lists(st.lists(TEXT, min_size=1, max_size=5), max_size=6),
    st.sampled_from(["\t", ",", ";"]),
)
def test_any_directives_and_row_sizes_give_a_deck_or_problems(
    directives: list[str], rows: list[list[str]], sep: str
) -> None:
    text = "".join(f"{d}\n" for d in directives) + "".join(sep.join(quote(f, sep) for f in r) + "\n" for r in rows)
    try:
        deck, *_ = import_cards(text, "t.txt", deck_id="t")
    except DeckError as err:
        assert all(p.message for p in err.problems)
    else:
        assert parse_deck(deck_to_toml(deck), "t.toml") == deck._replace(path=Path("t.toml"))


def test_quizlet_rows_separated_by_semicolons(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Quizlet's export: "Between rows: Semicolon"; a line break inside a definition is text.
    text = "Insulin\tA hormone;Glucose\tSugar in the blood,\nmeasured in mg/dL;Metformin\tA tablet;"
    table = read_cards(text, "q.txt", row_separator=";")
    assert [(c.front, c.back) for c in table.cards] == [
        ("Insulin", "A hormone"),
        ("Glucose", "Sugar in the blood,\nmeasured in mg/dL"),
        ("Metformin", "A tablet"),
    ]
    bad = read_cards("a\tb;c;d\te;", "q.txt", row_separator=";", separator="\t")
    assert [p.line for p in bad.problems] == [2]  # the second row
    src = tmp_path / "q.txt"
    src.write_text(text, encoding="utf-8")
    out = str(tmp_path / "q.toml")
    assert main(["import", str(src), "-o", out, "--row-separator", "tab", "--separator", "tab"]) == 2
    assert "--row-separator and --separator must differ" in capsys.readouterr().err
    assert main(["import", str(src), "-o", out, "--row-separator", "semicolon"]) == 0
    assert len(load_deck(out).facts) == 3


PIECES = st.sampled_from(
    ["#separator:", "#html:", "#columns:", "#notetype:", "#guid column:", "#tags column:", "#deck:", "tags:",
     "tab", "Pipe", "true", "maybe", "Cloze", "Basic", "1", "3", "0", "\t", ",", ";", "|", ":", " ", "\n", '"',
     "{{c1::", "}}", "::", "<br>", "<img src=x>", "[sound:a]", "&amp;", "a", "q", "y", "\u2060", "\\("]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join), st.booleans())
@example("tab#separator:<img src=x>\t#separator:\n<img src=x>#separator:", False)  # two answers saying the same
def test_any_text_gives_a_deck_or_a_deck_error(text: str, skip_bad: bool) -> None:
    try:
        deck, _, _ = import_cards(text, "t.txt", deck_id="t", skip_bad=skip_bad)
    except DeckError:
        return
    # and what is written loads as it was made
    assert parse_deck(deck_to_toml(deck), "t.toml") == deck._replace(path=Path("t.toml"))


def test_an_answer_that_says_what_an_earlier_one_says_is_left_out_of_the_group_with_a_note() -> None:
    """In one group each would be offered as a wrong option to the other, which the loader refuses."""
    text = "Spread to the liver?\tStage IV\nThe stage written?\tstage 4\nHow long?\t3 months\nOther?\tLiver\n"
    deck, notes, _ = import_cards(text, "t.txt", deck_id="t")
    assert [f.group for f in deck.facts] == ["t", "", "t", "t"]
    assert [n for n in notes if "says what" in n] == [
        "line 2: its answer 'stage 4' says what the answer on line 1 says, so it is left out of the group of "
        "answers shown as wrong options; it is asked as a flashcard"
    ]
    assert parse_deck(deck_to_toml(deck), "t.toml") == deck._replace(path=Path("t.toml"))


def test_a_number_that_decimal_commas_make_ambiguous_is_named_with_its_line() -> None:
    text = "Creatinine upper limit;1,2 mg/dL\nFever from;38,5 °C\nDaily dose of the tablet;1,250 mg\n"
    _deck, notes, _skipped = import_cards(text, "lab.csv", deck_id="lab")
    [note] = [n for n in notes if "could be" in n]
    assert note.startswith("line 3: “1,250” could be 1.250 or 1250") and "“1,2” on line 1" in note
    _deck, notes, _skipped = import_cards("Daily dose;1,250 mg\nPlain;2 mg\n", "en.csv", deck_id="en")
    assert not [n for n in notes if "could be" in n]  # no decimal comma in the file: 1,250 is 1250


def test_a_file_past_the_fact_limit_is_refused_at_the_row_that_passes_it() -> None:
    from quiz.deck.validate import MAX_FACTS

    rows = "".join(f"question {n}\tanswer {n}\n" for n in range(MAX_FACTS + 1))
    found = problems(rows + 'broken\t"quote\n')
    # the row past the limit is named, and reading stopped there: the broken row after it is never read
    assert found == [
        (
            None,
            f"the file has more than {MAX_FACTS:,} rows (line {MAX_FACTS + 1:,} is row {MAX_FACTS + 1:,}), and a deck "
            f"holds at most {MAX_FACTS:,} facts; split it into several files and import each as its own deck",
        )
    ]


def test_a_row_of_more_fields_than_any_card_has_is_refused_at_once() -> None:
    from quiz.interop.rows import MAX_FIELDS

    text = "q\ta\n" + "\t".join(["x"] * (MAX_FIELDS + 1)) + '\nbroken\t"quote\n'
    assert problems(text) == [
        (
            None,
            f"line 2 has more than {MAX_FIELDS:,} fields separated by tab, more than any card has; check the "
            "separator (--separator), or split the row",
        )
    ]
    # a thousand fields is a row like any other (its fields after the second make the explanation)
    assert len(import_cards("q\ta\n" + "\t".join(["x"] * MAX_FIELDS) + "\n", "t", deck_id="t").deck.facts) == 2


def test_one_column_of_many_lines_still_asks_for_the_separator() -> None:
    from quiz.deck.validate import MAX_FACTS

    [(line, message)] = problems("x\n" * (MAX_FACTS * 3))
    assert line == 1 and message.startswith("no row has a separator between a term and its definition")


def test_the_cli_prints_the_first_twenty_problems_and_counts_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "bad.txt").write_text('"q\ta\n' * 100, encoding="utf-8")  # each row: text after a closing quote
    assert main(["import", str(tmp_path / "bad.txt"), "-o", str(tmp_path / "out.toml")]) == 1
    out = capsys.readouterr().out.splitlines()
    assert len([line for line in out if "text follows a closing quote" in line]) == 20
    assert out[-2:] == ["... and 30 more", "50 problems; nothing was written"]
    assert not (tmp_path / "out.toml").exists()


@settings(max_examples=100, deadline=None)
@given(
    st.text(st.sampled_from("abc XYZ-é"), min_size=1, max_size=12)
    .filter(lambda t: t.strip() and t[-1] != " " and " - " not in t),  # " - " in every row: quiz asks
    st.integers(0, 999),
    st.sampled_from(["0", "5", "25", "125", "05"]),
    st.sampled_from([None, ","]),
)
def test_a_decimal_comma_cut_by_the_separator_is_never_imported(
    question: str, whole: int, decimals: str, separator: str | None
) -> None:
    number = f"{whole},{decimals}"
    found = problems(f"{question},{number} mg/dL\n", separator=separator)
    assert [line for line, _ in found] == [1] and f"“{number}”" in found[0][1]
    # quoted, the same number is the answer
    assert cards(f'{question},"{number} mg/dL"\n', separator=separator) == [(question.strip(" "), f"{number} mg/dL")]


def test_a_utf16_file_with_its_byte_order_mark_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # As Excel's "Unicode Text" saves a table: UTF-16 with a byte-order mark, CRLF line ends.
    out = tmp_path / "lab.toml"
    assert main(["import", str(SAMPLES / "lab-values-utf16.csv"), "-o", str(out)]) == 0
    assert [(f.question, f.answer) for f in load_deck(out).facts][:2] == [
        ("Creatinine upper limit", "1,2 mg/dL"),
        ("Potassium upper limit", "5,0 mmol/L"),
    ]
    (tmp_path / "odd.csv").write_bytes(b"\xff\xfeq\x00;\x00a")  # an odd number of bytes: not UTF-16
    assert main(["import", str(tmp_path / "odd.csv"), "-o", str(tmp_path / "odd.toml")]) == 1
    assert "starts as UTF-16 text but is not" in capsys.readouterr().err


def test_a_control_character_is_named_with_the_field_it_is_in() -> None:
    """ "the term (first field) contains ...", "a further field contains ...": a field named in words
    (it said "the a further field")."""
    found = problems("Heart\tA pump\textra\x07x\nLung\tBre\x07athes\tok\n")
    named = [message.split(" contains")[0] for _, message in found]
    assert named == ["a further field", "the definition (second field)"]


# Separator guessing (the sep-guess case and its kind): a guess is taken only where one separator
# is the reading; where two split every row alike quiz asks, and a space between words is text.


def test_a_semicolon_file_with_decimal_commas_is_read_at_the_semicolon() -> None:
    text = (SAMPLES / "sep-guess-lab-values.csv").read_text(encoding="utf-8")
    assert cards(text) == [
        ("HbA1c goal", "below 7,0 %"),
        ("Creatinine upper limit", "1,2 mg/dL"),
        ("Potassium upper limit", "5,0 mmol/L"),
    ]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Q1;A1|x\nQ2;A2|y\n", "pipe and semicolon"),
        ("a|b,c\nd|e,f\n", "pipe and comma"),
        ("Q1: A1; x\nQ2: A2; y\n", "semicolon and colon"),
        ("Dose, adult;5 mg\nDose, child;2 mg\n", "semicolon and comma"),
    ],
)
def test_two_separators_that_both_split_every_row_are_not_chosen_between(text: str, names: str) -> None:
    assert problems(text) == [
        (1, f"cannot tell the separator: {names} each split every row into the same number of fields; "
            "choose one with --separator")
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "both"),
    [
        ("Q: one\tA\nR: two\tB\n", "tab and colon"),
        ("Potassium upper limit;5.0 mmol/L;Take\tcare\nSodium lower limit;135 mmol/L;See\tnote\n", "tab and semicolon"),
    ],
)
def test_a_tab_is_no_proof_where_another_separator_also_splits_every_row(text: str, both: str) -> None:
    """A tab pasted into a field of every row splits it as well as the separator does (T6 #8)."""
    [(line, message)] = problems(text)
    assert (line, message) == (1, f"cannot tell the separator: {both} each split every row into the same number of "
                                  "fields; choose one with --separator")  # fmt: skip
    assert cards("Q: one\tA\nR: two\tB\n", separator="\t") == [("Q: one", "A"), ("R: two", "B")]


def test_a_stray_separator_at_the_end_of_every_row_is_no_field() -> None:
    """`Normal pulse;60 to 100<TAB>`: the tab gives no answer, the semicolon does (T6 #18); a
    semicolon ending every tab-separated row would stay in the answer, so quiz asks."""
    assert cards("Normal pulse;60 to 100\t\nFever;38 °C\t\n") == [("Normal pulse", "60 to 100"), ("Fever", "38 °C")]
    [(_, message)] = problems("Normal pulse\t60 to 100;\nFever\t38 °C;\n")
    assert message.startswith("cannot tell the separator: every row ends in a semicolon")


@pytest.mark.parametrize(
    "text",
    [
        "Aspirin tablet\nInsulin pen\nBlood test\n",
        "Heart rate\n",
        "What is HbA1c? A blood test\nWhat is BP? Blood pressure\n",
        "Just one column\nAnother line\nThird line\n",
        "Aspirin - painkiller\nInsulin - hormone\nHeparin - anticoagulant\n",
        "Q1 = A1\nQ2 = A2\n",
    ],
)
def test_words_separated_by_spaces_are_never_split_into_fields(text: str) -> None:
    [(line, message)] = problems(text)
    assert line == 1 and message.startswith("no row has a separator between a term and its definition")
    assert "a space is not guessed" in message


def test_a_space_is_guessed_between_fields_in_quotes_and_taken_when_given() -> None:
    assert cards('"Heart rate" "60 to 100"\n"Pulse" 70\n') == [("Heart rate", "60 to 100"), ("Pulse", "70")]
    assert cards("Aspirin tablet\nInsulin pen\n", separator=" ") == [("Aspirin", "tablet"), ("Insulin", "pen")]


WORD = st.text(st.sampled_from("abcXYZé-=?.()/0123456789"), min_size=1, max_size=8)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(WORD, min_size=1, max_size=4).map(" ".join), min_size=1, max_size=6))
def test_lines_of_words_are_never_cut_at_their_spaces(lines: list[str]) -> None:
    """Whatever words a line holds, a guess never reads its spaces as separators: the file is
    refused as one column (or asked about), never imported with a word as the answer."""
    table = read_cards("".join(f"{line}\n" for line in lines), "t.txt")
    assert table.cards == [] and table.problems


@pytest.mark.parametrize("mark", [" = ", " - ", " → "])
@pytest.mark.parametrize("sep", [",", ";"])
def test_a_spaced_mark_in_every_row_beside_the_one_separator_makes_quiz_ask(mark: str, sep: str) -> None:
    """A helper: "Fever = temperature above 38 °C, measured in the mouth" was imported at the comma,
    the question "Fever = temperature above 38 °C". Every row holds " = " too: quiz asks, naming it;
    given, the mark is taken. A tab-separated export's own tab is still taken."""
    text = f"Fever{mark}above 38 °C{sep} in the mouth\nCough{mark}dry or wet{sep} for weeks\n"
    [(_, message)] = problems(text)
    assert message.startswith("cannot tell the separator") and f"every row holds “{mark}” before it" in message
    assert cards(text, separator=mark) == [
        ("Fever", f"above 38 °C{sep} in the mouth"),
        ("Cough", f"dry or wet{sep} for weeks"),
    ]
    assert cards(f"Fever{mark}high\tabove 38 °C\n") == [(f"Fever{mark}high", "above 38 °C")]
    # after the separator, or in quotes, the mark is text: a range of lab values (a reviewer)
    assert cards(f"Sodium{sep}135{mark}145 mmol/L\nPotassium{sep}3.5{mark}5.0\n") == [
        ("Sodium", f"135{mark}145 mmol/L"), ("Potassium", f"3.5{mark}5.0")
    ]
    assert cards(f'"Fever{mark}high"{sep}38 °C\n"Cough{mark}dry"{sep}weeks\n') == [
        (f"Fever{mark}high", "38 °C"), (f"Cough{mark}dry", "weeks")
    ]


_ANKI_ORDER = ["tab", "pipe", "semicolon", "colon", "comma"]
LETTERS = st.text(st.sampled_from("abcXYZé-=?.()/ "), min_size=1, max_size=8).filter(lambda t: t.strip(" ") == t)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(LETTERS, LETTERS, LETTERS), min_size=1, max_size=6),
    st.sampled_from(["|", ";", ":", ","]),
    st.sampled_from(["|", ";", ":", ","]),
)
def test_two_separators_that_split_every_row_alike_make_quiz_ask(
    rows: list[tuple[str, str, str]], first: str, second: str
) -> None:
    """`a|b;c`: either separator gives every row two fields and cuts no number, so either reading
    could be the file's; quiz asks rather than choose."""
    assume(first != second)
    text = "".join(f"{a}{first}{b}{second}{c}\n" for a, b, c in rows)
    names = " and ".join(sorted({separator_name(first), separator_name(second)}, key=_ANKI_ORDER.index))
    assert problems(text) == [
        (1, f"cannot tell the separator: {names} each split every row into the same number of fields; "
            "choose one with --separator")
    ]  # fmt: skip


def test_an_excel_sep_line_names_the_separator() -> None:
    assert cards("sep=;\nQ1;A1,5\nQ2;A2\n") == [("Q1", "A1,5"), ("Q2", "A2")]
    assert cards("\ufeffsep=|\r\nq|a;b\r\n") == [("q", "a;b")]
    assert cards("sep=;\nq,a\n", separator=",") == [("q", "a")]  # --separator still wins
    assert cards("sep=\t\nq\ta\n") == [("q", "a")]
    # a first row that only begins like one is a row
    assert cards("sep=low;a\n") == [("sep=low", "a")]


# Files that are not a text export are named for what they are (quiz.interop.formats).
VALID_DECK = sorted((Path(__file__).parent / "data" / "decks" / "valid").glob("*.toml"))[0]


def _refusal(tmp_path: Path, capsys: pytest.CaptureFixture[str], src: Path) -> str:
    out = tmp_path / "out.toml"
    assert main(["import", str(src), "-o", str(out)]) == 1
    assert not out.exists()
    err = capsys.readouterr().err
    assert err.startswith(f"quiz: {src}: ") and err.count("\n") == 1  # one message, not a line per row
    return err


def test_quiz_own_exports_are_named_for_what_they_are(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from quiz.interop.markdown import missed_list

    apkg, handout = tmp_path / "deck.apkg", tmp_path / "deck.md"
    assert main(["export", str(VALID_DECK), "-o", str(apkg)]) == 0
    assert main(["export", str(VALID_DECK), "-o", str(handout)]) == 0
    capsys.readouterr()
    assert "an Anki package (.apkg or .colpkg), which cannot be imported directly: open it in Anki, then use " \
        'File > Export > "Notes in Plain Text"' in _refusal(tmp_path, capsys, apkg)  # fmt: skip
    assert "a quiz Markdown handout" in _refusal(tmp_path, capsys, handout)
    deck = load_deck(VALID_DECK)
    missed = tmp_path / "missed.md"
    missed.write_text(missed_list(deck, [(deck.facts[0], "no idea")], title="Missed"), encoding="utf-8")
    assert "a quiz Markdown handout" in _refusal(tmp_path, capsys, missed)
    assert "a quiz deck file already" in _refusal(tmp_path, capsys, VALID_DECK)
    listing = tmp_path / "decks.json"
    assert main(["--data-dir", str(tmp_path / "data"), "decks", "--json"]) == 0
    listing.write_text(capsys.readouterr().out, encoding="utf-8")
    assert "JSON data (as quiz history --json and quiz decks --json print)" in _refusal(tmp_path, capsys, listing)


def test_other_binary_files_are_named_for_what_they_are(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import sqlite3
    import zipfile

    from anki_exports import anki_collection

    col = anki_collection(tmp_path)
    col.close()
    sqlite3.connect(tmp_path / "plain.db").execute("create table t (x)").connection.commit()
    with zipfile.ZipFile(tmp_path / "cards.xlsx", "w") as book:
        book.writestr("xl/workbook.xml", "<workbook/>")
    with zipfile.ZipFile(tmp_path / "cards.zip", "w") as archive:
        archive.writestr("cards.txt", "q\ta\n")
    (tmp_path / "cards.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    (tmp_path / "cards.bin").write_bytes(b"q\ta\n\x00\x01\x02")
    expected = {
        "collection.anki2": "an Anki collection or another database",
        "plain.db": "an Anki collection or another database",
        "cards.xlsx": "an Excel workbook, not a text export; save it as CSV (UTF-8)",
        "cards.zip": "a ZIP archive, not a text export",
        "cards.pdf": "a PDF, not a text export",
        "cards.bin": "a binary file (it holds NUL bytes)",
    }
    for name, start in expected.items():
        assert f"{tmp_path / name}: {start}" in _refusal(tmp_path, capsys, tmp_path / name)


# Problems are named where they came from: the imported file's line, or the option.
@pytest.mark.parametrize("length", [2_001, 50_000, 131_073, 300_000])
def test_a_field_too_long_for_a_deck_is_refused_at_its_line_in_the_imported_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], length: int
) -> None:
    src, out = tmp_path / "long.txt", tmp_path / "long.toml"
    src.write_text("Q1\tA1\nQ2\t" + "x" * length + "\nQ3\tA3\n", encoding="utf-8")  # no quotes anywhere
    assert main(["import", str(src), "-o", str(out)]) == 1
    printed = capsys.readouterr().out
    # past MAX_FIELD_CHARS (quiz.interop.cards) a field is refused before it is read as HTML or cloze text
    message = (
        f'"answer" is {length:,} characters long; the limit is 2,000'
        if length <= 50_000
        else f"field 2 is {length:,} characters long, more than any text of a deck may be, even written as HTML"
    )
    assert f"{src}:2:1: {message}" in printed
    assert "quote" not in printed and "long.toml" not in printed and not out.exists()
    assert main(["import", str(src), "-o", str(out), "--skip-bad"]) == 0
    assert [f.question for f in load_deck(out).facts] == ["Q1", "Q3"]
    assert f"skipped: {src}:2:1: {message[:20]}" in capsys.readouterr().out


def test_a_bad_title_is_named_as_the_option_that_gave_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src, out = tmp_path / "k1.txt", tmp_path / "k1.toml"
    src.write_text("Q1\tA1\n", encoding="utf-8")
    assert main(["import", str(src), "-o", str(out), "--title", "Tea\x01time"]) == 1
    printed = capsys.readouterr().out
    assert f'{src}: --title: "title" contains the control character U+0001' in printed
    assert "k1.toml" not in printed and "--skip-bad" not in printed and not out.exists()
    src.write_text("Q1\tA1\nQ2\tA2\n", encoding="utf-8")
    assert main(["import", str(src), "-o", str(out), "--group", "Tea\x01time"]) == 1
    printed = capsys.readouterr().out  # once, as the option, not at every row
    assert printed.startswith(f'{src}: --group: "group" contains the control character U+0001')
    assert printed.count("U+0001") == 1 and not out.exists()


def test_a_history_export_is_named_as_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from quiz.store.answers_csv import CSV_FIELDS

    src = tmp_path / "answers.csv"
    src.write_text(",".join(CSV_FIELDS) + "\n" + ",".join(["1"] * len(CSV_FIELDS)) + "\n", encoding="utf-8")
    assert "a quiz score history (from quiz history export --csv)" in _refusal(tmp_path, capsys, src)


def test_the_cards_language_is_the_decks_so_typed_answers_keep_its_accents(tmp_path: Path) -> None:
    """An import made an English deck of Spanish cards: "ano" was right for "año" (accents dropped,
    slips forgiven by an English dictionary). --language sets the deck's language; --update keeps its own."""
    from quiz.generate import Kind, make_question, mark_typed

    cards = tmp_path / "es.txt"
    cards.write_text("year\taño\ndog\tperro\n", encoding="utf-8")
    out = tmp_path / "es.toml"
    assert main(["import", str(cards), "-o", str(out), "--language", "es"]) == 0
    deck = load_deck(out)
    assert deck.language == "es"
    year = make_question(deck, deck.facts[0], Kind.TYPED, seed=0)
    assert not mark_typed(year, "ano").correct and mark_typed(year, "año").correct
    assert main(["import", str(cards), "--update", str(out)]) == 0
    assert load_deck(out).language == "es"
    assert main(["import", str(cards), "--update", str(out), "--language", "de"]) == 2  # bad usage
    assert main(["import", str(cards), "-o", str(tmp_path / "x.toml"), "--language", "e s"]) == 2
    assert main(["import", str(cards), "-o", str(tmp_path / "en.toml")]) == 0
    assert load_deck(tmp_path / "en.toml").language == "en"


def test_notes_quiz_exported_say_what_a_new_deck_from_them_lacks_and_how_to_update_instead() -> None:
    """An educator imported quiz's own Anki export as a new deck and lost its sources, priorities
    and accept forms without a word: the notes say what they do not carry, and --update."""
    text = (
        "#separator:tab\n#html:false\n#guid column:1\n#notetype column:2\n"
        "g1\tquiz: warfarin\tHow many doses today?\tOne dose\tNever double up.\t\tWarfarin guide\n"
        "g2\tBasic\tWhat is INR?\tA blood test\n"
    )
    deck, notes, _ = import_cards(text, "t.txt", deck_id="t")
    (said,) = [n for n in notes if "written by quiz export" in n]
    assert "“quiz: warfarin”" in said and "--update DECK.toml" in said and "accept forms" in said
    assert deck.facts[0].explanation == "Never double up."  # the Source field is not text to learn
    replacing = import_cards(text, "t.txt", deck_id="t", earlier=deck.facts).notes  # -o DECK.toml --force
    assert [n for n in replacing if "written by quiz export" in n]
    updated = import_cards(text, "t.txt", deck_id="t", earlier=deck.facts, updating=True).notes
    assert not [n for n in updated if "written by quiz export" in n]  # an update keeps what the notes lack
    plain = import_cards("What is INR?\tA blood test\n", "t.txt", deck_id="t")
    assert not [n for n in plain.notes if "written by quiz export" in n]


@pytest.mark.parametrize("name", ["Tags", "tags", "TAG"])
def test_a_column_named_tags_holds_the_tags(name: str) -> None:
    """A first row "Question,Answer,Tags,Notes" put the tags into the explanation (a tester's
    report): a column after the answer named Tags holds each fact's tags."""
    text = f"Question,Answer,{name},Notes\nWhat is fever?,38 °C or more,fever vitals,Call the team\n"
    [fact] = import_cards(text, "t.csv", deck_id="t").deck.facts
    assert (fact.answer, fact.tags, fact.explanation) == ("38 °C or more", ("fever", "vitals"), "Call the team")


def test_a_markdown_table_is_read_as_its_rows() -> None:
    """A Markdown table (`| Question | Answer |`, `|---|---|`) had every card refused for an empty
    term, its outer pipes read as fields (a tester's report): it is read as a table, its first row
    naming the columns, each card at its own line."""
    text = "| Question | Answer |\n| :--- | ---: |\n| What is fever? | 38 °C or more |\n\n| Who checks? | A nurse |\n"
    table = read_cards(text, "notes.md")
    assert table.problems == []
    assert [(c.line, c.front, c.back) for c in table.cards] == [
        (3, "What is fever?", "38 °C or more"),
        (5, "Who checks?", "A nurse"),
    ]
    assert any("read as a Markdown table" in n for n in table.notes)
    escaped = text.replace("A nurse", "A nurse \\| a doctor")  # an escaped pipe: not read as a table
    assert not any("Markdown" in n for n in read_cards(escaped, "notes.md").notes)
