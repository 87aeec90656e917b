"""Hostile shapes of import file are refused, or read, with work bounded by limits that count every
line (blank lines and comments too) and every field, whatever the shape: 8 MiB of blank lines,
one huge line, rows of a thousand fields, runs of quotes. (Durations are not asserted; each limit
is, and the sample a guess reads.)"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.deck.errors import DeckError
from quiz.interop.formats import not_an_export
from quiz.interop.importer import import_cards
from quiz.interop.limits import MAX_CELLS, MAX_LINES
from quiz.interop.rows import _PRIVATE_USE, GUESS_LINES, EveryMarkUsed, guess_separator, read_rows, unused_character
from quiz.interop.table import read_cards

MIB = 1024 * 1024


def problems(text: str, **options: str) -> list[str]:
    with pytest.raises(DeckError) as err:
        import_cards(text, "t.txt", deck_id="t", **options)  # type: ignore[arg-type]
    return [p.message for p in err.value.problems]


@pytest.mark.parametrize(
    "text",
    [
        "\n" * (8 * MIB - 10),  # blank_lines.sh: refused after 21 s
        " \n" * (4 * MIB - 5),
        "q\ta\n" + "\r" * (8 * MIB - 10),
        "q\ta\n" + "#\n" * (4 * MIB - 10),  # comments count too
        "#\n" * (4 * MIB - 10) + "q\ta\n",  # a header of comments
        '"' + "\n" * (8 * MIB - 2) + '"\ta\n',  # one quoted field of line breaks
    ],
    ids=["blank", "spaces", "cr", "comments", "comment-header", "quoted-line-breaks"],
)
def test_a_file_of_more_lines_than_an_import_reads_is_refused_before_any_is_read(text: str) -> None:
    assert problems(text) == [
        f"the file has more than {MAX_LINES:,} lines (blank lines and comments count), more than an import reads: "
        "a deck holds at most 20,000 facts; remove the blank lines, or split it into several files and import "
        "each as its own deck"
    ]


def test_blank_lines_and_comments_up_to_the_limit_are_read() -> None:
    text = "q\ta\n" + "\n" * (MAX_LINES - 3) + "#\nr\tb\n"
    assert [(f.question, f.answer) for f in import_cards(text, "t.txt", deck_id="t").deck.facts] == [
        ("q", "a"),
        ("r", "b"),
    ]
    assert problems(text + "\n")[0].startswith(f"the file has more than {MAX_LINES:,} lines")


def test_rows_of_a_thousand_fields_are_refused_past_the_fields_an_import_reads() -> None:
    row = ";".join(["a"] * 1000) + "\n"
    [message] = problems(row * (8 * MIB // len(row)))
    rows = MAX_CELLS // 1000 + 1
    assert message == (
        f"the rows up to line {rows} have more than {MAX_CELLS:,} fields separated by semicolon in all, more than "
        "a deck of 20,000 facts is made of; check the separator (--separator), or split the file into several "
        "and import each as its own deck"
    )


@pytest.mark.parametrize(
    "text",
    ["x" * (8 * MIB), '"' * (8 * MIB), '""' * (4 * MIB), "\t|;:," * (MIB + MIB // 2), '"' + "x;" * (4 * MIB - 2)],
    ids=["letters", "quotes", "quote-pairs", "every-separator", "open-quote"],
)
def test_one_huge_line_is_refused_with_a_reason(text: str) -> None:
    assert len(problems(text)) == 1


def test_the_guess_reads_a_sample_and_the_rows_after_it_are_read_once() -> None:
    """The guess reads GUESS_LINES lines (blank lines count); a row after them that the separator
    chosen does not fit is reported at its line, not a reason to read the whole file again."""
    text = "q;a\n" + "\n" * (GUESS_LINES - 2) + "r;b\n" + "no separator\n"
    guess = guess_separator(text)
    assert guess.separator == ";"
    assert guess.reason == "the only separator that splits every row into the same number of fields"
    table = read_cards(text, "t.txt")
    assert [(p.line, p.message[:36]) for p in table.problems] == [
        (GUESS_LINES + 1, "this row has no semicolon (a guess: ")
    ]


def test_a_sample_that_ends_inside_a_quoted_field_leaves_that_row_out() -> None:
    text = "q;a\n" * (GUESS_LINES - 1) + '"two\nlines";b\n'
    assert guess_separator(text).separator == ";"
    found = read_rows(text, ";", max_lines=GUESS_LINES)
    assert (len(found.rows), found.bad, found.stopped) == (GUESS_LINES - 1, [], True)
    assert read_rows(text, ";", max_lines=GUESS_LINES + 1).rows[-1].fields == ["two\nlines", "b"]


@given(st.text(alphabet='ab;"#\n ', max_size=60), st.integers(min_value=1, max_value=12))
def test_reading_some_lines_reads_the_start_of_the_rows(text: str, lines: int) -> None:
    """read_rows with max_lines gives a start of the rows (and bad rows) all of the text gives, every
    one starting within those lines, and says it stopped exactly when lines were left unread."""
    whole, some = read_rows(text, ";"), read_rows(text, ";", max_lines=lines)
    assert some.rows == whole.rows[: len(some.rows)]
    assert some.bad == whole.bad[: len(some.bad)]
    assert all(row.line <= lines for row in [*some.rows, *some.bad])
    if not some.stopped:
        assert (some.rows, some.bad) == (whole.rows, whole.bad)


def test_a_deck_table_is_found_after_any_number_of_blank_lines() -> None:
    deck = b"\n" * 70_000 + b"[deck]\nid = 'x'\n\n  [[facts]]  \n"
    assert "a quiz deck file already" in (not_an_export(deck[-40:]) or "")
    assert not_an_export(b"\n" * 70_000 + b"[deck\n]\n[[facts]]\n") is None


@given(st.lists(st.text(), max_size=4))
def test_an_unused_character_is_in_none_of_the_texts(texts: list[str]) -> None:
    mark = unused_character(*texts)
    assert 0xE000 <= ord(mark) < 0xF900 and not any(mark in t for t in texts)


def test_a_text_that_holds_every_private_use_character_is_refused_with_a_reason() -> None:
    every = "".join(chr(c) for area in _PRIVATE_USE for c in area)
    with pytest.raises(EveryMarkUsed):
        unused_character(every[:100], every[100:])
    [message] = problems(f"q{every} - a\n", separator=" - ")
    assert message.startswith("the text holds every private use character")
    assert len(problems(f"q{every}\ta\n")) == 1  # each row's colons are read through one too


@pytest.mark.parametrize(
    "field",
    ["<br>" * 100_000, "&amp;" * 100_000, "q {{c1::" * 1_000_000, "{{c1::a}}" * 900_000],
    ids=["tags", "entities", "open-clozes", "clozes"],
)
def test_a_field_longer_than_any_text_even_as_html_is_refused_before_it_is_read(field: str) -> None:
    [message] = problems(f"#html:true\nq\t{field}\n")
    assert message == (
        f"field 2 is {len(field):,} characters long, more than any text of a deck may be, even written as HTML "
        "(at most 50,000 characters are read)"
    )


def test_a_cloze_note_of_more_numbers_than_a_note_may_have_is_refused() -> None:
    text = "".join(f"{{{{c{n}::w{n}}}}} " for n in range(1, 103))
    [message] = problems(f"#notetype:Cloze\n{text}\textra\n")
    assert message == (
        "a cloze note of 102 cloze numbers, more than the 100 a note may have; split it into several notes"
    )


def test_cloze_text_of_many_starts_and_ends_is_read_in_one_pass() -> None:
    """quiz.interop.cloze once searched from each "{{c1::" to the end of the text (quadratic); its
    reading as Anki's is tested in test_import_cloze. Each start here is closed at once."""
    from quiz.interop.cloze import clozes

    [card] = clozes("{{c1::a}} " * 20_000 + "}} {" * 20_000)
    assert card.answer == " ... ".join(["a"] * 20_000)


def test_more_html_tags_than_a_deck_is_written_with_are_refused_before_any_is_read() -> None:
    from quiz.interop.limits import MAX_TAGS

    rows = "".join(f"q{i}\t" + "<b>x</b>" * 13 + "\n" for i in range(MAX_TAGS // 26 + 1))
    assert problems("#html:true\n" + rows) == [
        f"the file holds more than {MAX_TAGS:,} HTML tags and entities, more than a deck of 20,000 facts is "
        "written with; split it into several files and import each as its own deck"
    ]
    assert len(import_cards("#html:false\n" + rows, "t.txt", deck_id="t").deck.facts) > MAX_TAGS // 26  # text


@given(st.text(st.sampled_from("ab &;#x3c9amplt\r\n\xa0 "), max_size=30))
def test_a_field_without_a_tag_reads_as_the_html_parser_reads_it(field: str) -> None:
    from quiz.interop.html_text import _TextParser, field_text

    parser = _TextParser()
    parser.feed(field)
    parser.close()
    by_parser = "\n".join(line.strip(" ") for line in "".join(parser.parts).replace("\xa0", " ").split("\n")).strip()
    assert field_text(field, html=True).text == by_parser


@pytest.mark.parametrize("width", [2, 999])
def test_rows_are_read_field_by_field_whatever_width_the_column_names_give(
    monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    """T6 #14 (rel-import-column-memory): a #columns line of 999 names over rows of two fields read
    every row as 999 fields (47 s for 260 KB). Each field a row has is read once, the deck the same
    as without the names; counted, not timed."""
    import quiz.interop.cards as cards

    read: list[str] = []

    def counted(text: str, *, html: bool) -> object:
        read.append(text)
        return field_text(text, html=html)

    field_text = cards.field_text
    monkeypatch.setattr(cards, "field_text", counted)
    names = "\t".join(f"c{n}" for n in range(width))
    rows = "".join(f"q{n}\ta{n}\n" for n in range(200))
    deck = import_cards(f"#separator:tab\n#columns:{names}\n{rows}", "t.txt", deck_id="t").deck
    assert len(read) == 400
    narrow = import_cards(f"#separator:tab\n{rows}", "t.txt", deck_id="t").deck
    assert deck == narrow


def test_column_names_wider_than_any_card_are_refused_at_their_line() -> None:
    assert problems("#separator:tab\n#columns:" + "a\t" * 1_000_000 + "\nq\ta\n") == [
        "the column names name 1,000,000 columns, more than any card has (1,000); check them"
    ]


def test_rows_a_row_separator_makes_count_as_lines_do() -> None:
    assert problems("q\tax" * (MAX_LINES + 1), row_separator="x")[0].startswith(
        f"the file has more than {MAX_LINES:,} rows (blank rows and comments count)"
    )
