"""Where `quiz check` places a problem inside a string value: a statement's {{...}} span is placed at
its opening brace however the statement is written (a tester's report, T11 C1: escapes, a
multi-line string on its key's line or on the next one, were placed some columns off or a line off)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.deck.errors import DeckError, Problem
from quiz.deck.load import parse_deck
from tests.strategies import texts

HEAD = 'format = 1\n[deck]\nid = "t"\ntitle = "T"\n[[facts]]\nid = "a"\nquestion = "Q"\nanswer = "x"\n'
SPAN = "{{y}}"
PLAIN = texts(max_size=12).map(lambda s: s.replace("{", "(").replace("}", ")")) | st.just("")
FORMS = ('"', '"""', "'", "'''")


def _span_problem(src: str) -> tuple[int, int]:
    """Where the deck `src` places its statement's problem (its span is not the answer)."""
    with pytest.raises(DeckError) as err:
        parse_deck(src)
    [where] = [(p.line, p.col) for p in err.value.problems if '"statement" marks' in p.message]
    assert where[0] is not None and where[1] is not None
    return where[0], where[1]


def _char(src: str, where: tuple[int, int]) -> str:
    """The two characters of the file at (line, column), both from 1, the column in characters."""
    line = src.replace("\r\n", "\n").split("\n")[where[0] - 1]
    return line[where[1] - 1 : where[1] + 1]


@st.composite
def _written(draw: st.DrawFn, value: str, delim: str) -> str:
    """`value` written as the inside of a TOML string between `delim`: each character plainly or as an
    escape, a multi-line string's line breaks as they are or escaped, perhaps a line-ending backslash."""
    basic, multi = delim[0] == '"', len(delim) == 3
    out = []
    for ch in value:
        if basic and multi and not ch.isspace() and draw(st.integers(0, 7)) == 0:
            blank, indent = draw(st.sampled_from(["", " ", "\t "])), draw(st.sampled_from(["", "  ", "\n \t"]))
            out.append(f"\\{blank}\n{indent}")  # a line-ending backslash
        if not basic:
            out.append(ch)
            continue
        plain = ch not in '"\\' and (ch != "\n" or multi)
        forms = [f"\\u{ord(ch):04x}", f"\\U{ord(ch):08x}"] if ord(ch) <= 0xFFFF else [f"\\U{ord(ch):08x}"]
        forms += [f"\\x{ord(ch):02x}"] if ord(ch) < 0x100 else []
        forms += {'"': ['\\"'], "\\": ["\\\\"], "\n": ["\\n"], "\t": ["\\t"]}.get(ch, [])
        out.append(draw(st.sampled_from(([ch] if plain else []) + forms)))
    return "".join(out)


def _fit(text: str, delim: str) -> str:
    """`text` without what a literal string between `delim` cannot hold (it has no escapes)."""
    if delim == "'":
        return text.replace("'", "`").replace("\n", " ")
    return text.replace("'", "`") if delim == "'''" else text


KEYS = ("statement = ", "statement=", '  "statement"  =\t')


@given(st.data(), PLAIN, PLAIN, st.sampled_from(FORMS), st.sampled_from(KEYS))
def test_a_span_is_placed_at_its_opening_brace_however_the_statement_is_written(
    data: st.DataObject, before: str, after: str, delim: str, key: str
) -> None:
    """For a statement in every TOML string form, with escapes, line breaks and line-ending
    backslashes, and with LF or CR LF line ends, the place given is the span's opening brace."""
    first = "\n" if len(delim) == 3 and data.draw(st.booleans()) else ""  # trimmed by TOML
    inside = data.draw(_written(_fit(before, delim), delim)) + SPAN + data.draw(_written(_fit(after, delim), delim))
    src = HEAD + key + delim + first + inside + delim + "\n"
    if data.draw(st.booleans()):
        src = src.replace("\n", "\r\n")
    assert _char(src, _span_problem(src)) == "{{"


@pytest.mark.parametrize(
    ("statement", "where"),
    [
        ('statement = "a \\"b\\" \\u00e9\\t {{y}}"', (9, 31)),  # T11 esc.toml
        ('statement = """The {{y}}\nthing"""', (9, 20)),  # T11 ml2.toml
        ('statement = """\nThe {{y}}\nthing"""', (10, 5)),  # T11 ml.toml
        ('statement = """a \\\n    {{y}}"""', (10, 5)),  # a line-ending backslash drops the break and the spaces
        ("statement = '''\n\\t {{y}}'''", (10, 4)),  # a literal string has no escapes
        ("statement = 'C:\\\\ {{y}}'", (9, 19)),
        ('statement = "\\\\\\\\ {{y}}"', (9, 19)),
        ('statement = "\\U0001F600 {{y}}"', (9, 25)),
        ('statement = "🙂 {{y}}"', (9, 16)),
        ('statement = "{{a}} {{y}}"', (9, 20)),  # a second span
        ('statement = """\nno span"""', (10, 1)),  # no span: placed at the start of the value
    ],
)
def test_a_span_in_each_string_form_is_placed_at_its_brace(statement: str, where: tuple[int, int]) -> None:
    src = HEAD + statement + "\n"
    with pytest.raises(DeckError) as err:
        parse_deck(src)
    [found] = [(p.line, p.col) for p in err.value.problems if '"statement"' in p.message]
    assert found == where


def test_a_span_in_a_fact_written_inline_is_placed_at_its_brace() -> None:
    src = 'format = 1\nfacts = [\n  { id = "a", question = "Q", answer = "x",\n'
    src += '    statement = "\\"q\\" {{y}}" },\n]\n[deck]\nid = "t"\ntitle = "T"\n'
    assert _span_problem(src) == (4, 24)
    assert _char(src, (4, 24)) == "{{"


@pytest.mark.parametrize("separator", ["\u2028", "\u2029"])
def test_a_line_separator_inside_a_string_does_not_start_a_line(separator: str) -> None:
    """TOML ends a line only at LF or CR LF: a U+2028 in a title leaves the lines after it where they are."""
    src = HEAD.replace('title = "T"', f'title = "T{separator}U"') + 'statement = "{{y}}"\nbad = 1\n'
    assert _span_problem(src) == (9, 14)
    assert _char(src, (9, 14)) == "{{"
    [bad] = [(p.line, p.col) for p in _problems_of(src) if "unknown key" in p.message]
    assert bad == (10, 1)


def _problems_of(src: str) -> tuple[Problem, ...]:
    with pytest.raises(DeckError) as err:
        parse_deck(src)
    return err.value.problems
