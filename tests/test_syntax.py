"""TOML syntax errors in plain words, at a line of the file."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.deck.errors import DeckError
from quiz.deck.load import parse_deck

PIECES = st.sampled_from(['"', "'", '"""', "[", "]", "{", "}", "=", "\n", "a", "[deck]", "[[facts]]", "\\", " ", "1"])


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join))
def test_a_syntax_error_names_a_line_of_the_file(text: str) -> None:
    try:
        parse_deck("format = 1\n" + text, "d.toml")
    except DeckError as err:
        lines = ("format = 1\n" + text).count("\n") + 1
        for problem in err.problems:
            assert problem.line is None or 1 <= problem.line <= lines, problem


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        ('a = "abc\nb = 1\n', 1, "this string is not closed"),
        ("a = 'abc\nb = 1\n", 1, "this string is not closed"),
        ('a = ["x",\n"y"\nb = 1\n', 1, 'this list is not closed: add "]"'),
        ("a = {b = 1\nc = 2\n", 1, 'this table is not closed: add "}"'),
        ('[deck]\nid = "x"\n\n[deck]\n', 4, "[deck] appears twice, at lines 1 and 4"),
        ("[facts]\n[[facts]]\n", 2, "[[facts]] cannot follow [facts] (line 1)"),
        ('a = "C:\\path"\n', 1, "write \\\\ for a backslash"),
        ("[deck\n", 1, 'this table header is not closed: add "]"'),
    ],
)
def test_plain_words_at_the_line_to_fix(text: str, where: int, words: str) -> None:
    with pytest.raises(DeckError) as info:
        parse_deck(text, "d.toml")
    problem = info.value.problems[0]
    assert problem.line == where and words in problem.message, problem


@pytest.mark.parametrize(("key", "col"), [("аnswer", 1), ("questiоn", 7), ("ωnswer", 1)])
def test_a_key_holding_a_letter_no_key_is_written_in_names_it(key: str, col: int) -> None:
    """A Cyrillic "а" or "о" in a key, which looks Latin, was "neither key = value nor a [table]
    header" or "expected = after the key", with nothing wrong to see (testers' reports)."""
    with pytest.raises(DeckError) as info:
        parse_deck(f'{key} = "A"\n', "d.toml")
    problem = info.value.problems[0]
    assert (problem.line, problem.col) == (1, col)
    assert f"this key holds “{key[col - 1]}” (U+{ord(key[col - 1]):04X} " in problem.message
    assert "which is not one of the letters a key is written in" in problem.message


@pytest.mark.parametrize("text", ['q = "C:\\path"', 'q = "C:\\Users"', 'q = "A \\u12 b"', 'q = "A \\uD800 b"'])
def test_a_backslash_that_starts_no_escape_is_named_at_the_backslash(text: str) -> None:
    """"C:\\Users" gave "TOML syntax: Invalid hex value" two columns past the backslash (a tester's
    report): every escape TOML cannot read is the backslash's, placed at it."""
    with pytest.raises(DeckError) as info:
        parse_deck(text + "\n", "d.toml")
    problem = info.value.problems[0]
    assert (problem.line, problem.col) == (1, text.index("\\") + 1)
    assert "write \\\\ for a backslash, or put the text in single quotes" in problem.message, problem


@pytest.mark.parametrize(
    ("text", "col", "words"),
    [
        # an educator's mistakes: a quote inside the text, curly quotes from a word processor, and a
        # string left open after a quoted key, placed at the key's quote (column 1) before
        ('question = "What does "INR" mean?"\n', 24, "a double quote inside the text ends it: write \\\" for"),
        ("answer = “2 to 3”\n", 10, "curly quotes (“ ”), as a word processor writes them, do not start text"),
        ('"NSAID" = "A pain killer\nb = 1\n', 11, "this string is not closed"),
    ],
)
def test_a_quote_mistake_is_named_for_what_it_is_where_it_is(text: str, col: int, words: str) -> None:
    with pytest.raises(DeckError) as info:
        parse_deck(text, "d.toml")
    problem = info.value.problems[0]
    assert (problem.line, problem.col) == (1, col) and words in problem.message, problem
