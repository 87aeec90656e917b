"""Where `quiz check` places a problem (quiz/deck/locate.py): at the line and column of the thing it
is about, however the deck is written (a tester's report, T8: a glossary term written with an
escape was placed at the [glossary] header, and facts written as an inline array at the array)."""

from __future__ import annotations

import tomli
import tomli_w
from hypothesis import given
from hypothesis import strategies as st

from quiz.deck.locate import locate
from tests.strategies import LINE, SLUG, TEXT


def _written(value: object) -> str:
    """A value as tomli_w writes it (a text with its escapes: "\\u001b", "\\n")."""
    return tomli_w.dumps({"v": value})[len("v = ") : -1]


def _key(text: str) -> str:
    """A key as tomli_w writes it: bare when it can be, else a quoted text with its escapes."""
    return tomli_w.dumps({text: 0})[: -len(" = 0\n")]


@given(st.lists(TEXT, min_size=1, max_size=6, unique=True), st.sampled_from(["", "  "]))
def test_each_glossary_term_is_placed_at_its_own_line(terms: list[str], pad: str) -> None:
    """A term written with escapes (a control character, a quote, a line break) is found at its
    line and column, as a plain one is."""
    lines = ["format = 1", "[glossary]", *(f"{pad}{_key(t)} = {_written('x')}" for t in terms)]
    src = "\n".join(lines) + "\n"
    assert list(tomli.loads(src)["glossary"]) == terms
    table = locate(src).table("glossary")
    assert table is not None
    assert [table.keys.get(t) for t in terms] == [(3 + n, len(pad) + 1) for n in range(len(terms))]


FACT_KEYS = st.lists(st.sampled_from(["id", "question", "answer", "explanation", "bogus"]), min_size=1, unique=True)


@given(
    st.lists(st.tuples(FACT_KEYS, st.lists(LINE, min_size=1, max_size=3), SLUG), min_size=1, max_size=4),
    st.sampled_from(["", " ", "  "]),
    st.booleans(),
)
def test_each_key_and_item_of_facts_written_inline_is_placed_where_it_begins(
    facts: list[tuple[list[str], list[str], str]], pad: str, broken: bool
) -> None:
    """`facts = [ { id = "a", ... }, ... ]`: each fact is placed at its brace, each of its keys and
    each item of its distractors at where it is written, also with the distractors' list broken over
    lines; a fact's key that follows such a list too."""
    rows = []
    for keys, distractors, value in facts:
        between = f",{pad}\n    " if broken else f",{pad}"
        items = between.join(map(_written, distractors))
        pairs = [f"{k}{pad}={pad}{_written(value)}" for k in keys]
        rows.append(f"  {{{pad}distractors{pad}={pad}[{items}],{pad}{f',{pad}'.join(pairs)}{pad}}},")
    src = "format = 1\nfacts = [\n" + "\n".join(rows) + "\n]\n"
    parsed = tomli.loads(src)["facts"]
    assert [f["distractors"] for f in parsed] == [d for _, d, _ in facts]
    lines = src.splitlines()
    entries = locate(src).arrays["facts"]
    assert len(entries) == len(facts)
    for entry, (keys, distractors, _) in zip(entries, facts, strict=True):
        assert lines[entry.line - 1][entry.col - 1] == "{"
        for key in ("distractors", *keys):
            line, col = entry.keys[key]
            assert lines[line - 1][col - 1 :].startswith(f"{key}{pad}="), (key, src)
        placed = entry.items["distractors"]
        assert len(placed) == len(distractors), src
        for (line, col), d in zip(placed, distractors, strict=True):
            assert lines[line - 1][col - 1 :].startswith(_written(d)), src


def test_a_table_written_inline_is_placed_at_its_keys() -> None:
    src = 'format = 1\ndeck = { id = "d", title = "T", colour = "red" }\n'
    table = locate(src).table("deck")
    assert table is not None and (table.line, table.col) == (2, 8)
    assert table.keys == {"id": (2, 10), "title": (2, 20), "colour": (2, 33)}
