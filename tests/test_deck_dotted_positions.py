"""Where `quiz check` places a problem with a key written as a dotted key (`meta.colour = "red"`): at
the key's own line and column, not at its table's header (a tester's report, T11 C2)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.deck.errors import DeckError
from quiz.deck.load import parse_deck

DECK = '[deck]\nid = "t"\ntitle = "T"\n'
FACT = '[[facts]]\nid = "a"\nquestion = "Q"\nanswer = "x"\n'


def _problems(src: str) -> list[tuple[int | None, int | None, str]]:
    with pytest.raises(DeckError) as err:
        parse_deck(src)
    return [(p.line, p.col, p.message) for p in err.value.problems]


def _at(src: str, message: str) -> tuple[int | None, int | None]:
    """Where the one problem whose message holds `message` is placed."""
    [where] = [(line, col) for line, col, said in _problems(src) if message in said]
    return where


PART = st.sampled_from(["meta", "extra", "x-1", '"a.b"', "'c d'", '"e\\u00e9"'])
DOT = st.sampled_from([".", " . ", "\t.", ". "])


@given(
    st.lists(PART, min_size=2, max_size=4),
    st.data(),
    st.sampled_from(["", "  ", "\t"]),
    st.integers(0, 3),
    st.sampled_from(["1", '"red"', "[1, 2]", "{ a = 1 }"]),
)
def test_a_dotted_key_in_a_fact_is_placed_at_its_line_and_column(
    parts: list[str], data: st.DataObject, pad: str, blanks: int, value: str
) -> None:
    """Whatever its parts (quoted, with dots inside quotes), the dots (spaces around them) and its
    value, an unknown dotted key of a [[facts]] table is placed where it is written."""
    key = parts[0] + "".join(data.draw(DOT) + p for p in parts[1:])
    src = "format = 1\n" + DECK + FACT + "\n" * blanks + f"{pad}{key} = {value}\n"
    assert _at(src, "unknown key") == (9 + blanks, len(pad) + 1)


def test_the_reported_dotted_keys_are_placed_at_their_lines() -> None:
    """T11's files: dotted.toml and dotted2.toml."""
    src = f'format = 1\n{DECK}{FACT}statement = "{{{{x}}}}"\nfacts.bad = 1\n{FACT}source.id = "zz"\n'
    assert _at(src, 'unknown key "facts"') == (10, 1)
    assert _at(src, '"source" must be text, got a table') == (15, 1)
    src = f'format = 1\n{DECK}\n\nmeta.colour = "red"\n{FACT}\n\n  extra.deep.key = 1\n'
    assert _at(src, '[deck] unknown key "meta"') == (7, 1)
    assert _at(src, 'unknown key "extra"') == (14, 3)


@pytest.mark.parametrize(
    ("src", "message", "where"),
    [
        # in a table: the dotted key's first part is the table's key
        (f'format = 1\n{DECK}  "a.b".c = 1\n{FACT}', '[deck] unknown key "a.b"', (5, 3)),
        (f'format = 1\n{DECK}[[facts]]\nid . x = 1\nquestion = "Q"\nanswer = "x"\n', '"id" must be text', (6, 1)),
        (f"format = 1\n{DECK}[[facts]]\nid = 'a'\n\n  question.text = 'Q'\nanswer = 1\n", '"question" must be', (8, 3)),
        # at the top: `deck.x = ...` writes the key "x" of [deck], and [deck] is where its first key is
        ('format = 1\ndeck.id = "t"\n\ndeck.title = 5\n' + FACT, '"title" must be text', (4, 1)),
        ('format = 1\ndeck.id = "t"\ndeck.title = "T"\n  deck.colour = 1\n' + FACT, 'unknown key "colour"', (4, 3)),
        ('format = 1\n\n  deck.title = "T"\n' + FACT, '[deck] missing "id"', (3, 3)),
        # a header [a.b] writes the key "b" of [a], or of the last [[a]] entry
        (f'format = 1\n{DECK}{FACT}\n[facts.meta]\nk = 1\n', 'unknown key "meta"', (10, 1)),
        (f'format = 1\n{DECK}\n [deck.meta]\nk = 1\n{FACT}', '[deck] unknown key "meta"', (6, 2)),
        # in an inline table
        (
            'format = 1\nfacts = [\n  { id = "a", question = "Q",\n    answer = "x", meta.x = 1 },\n]\n' + DECK,
            'unknown key "meta"',
            (4, 19),
        ),
        (
            'format = 1\ndeck = { id = "t", title = "T", "m.n" . x = 1 }\n' + FACT,
            '[deck] unknown key "m.n"',
            (2, 33),
        ),
    ],
)
def test_a_dotted_key_is_placed_at_its_own_line_and_column(src: str, message: str, where: tuple[int, int]) -> None:
    assert _at(src, message) == where
