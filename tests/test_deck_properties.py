"""Properties of the loader: only DeckError escapes, and valid decks round-trip through tomli_w."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
import tomli
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.deck.errors import DeckError
from quiz.deck.load import parse_bytes, parse_deck, parse_with_positions
from quiz.deck.model import SHOULD_KNOW, Deck
from tests.strategies import TEXT, decks

PATH = Path("x.toml")


@given(st.text())
def test_any_text_gives_a_deck_or_a_deck_error(src: str) -> None:
    with contextlib.suppress(DeckError):
        parse_deck(src, path=PATH)


@given(st.binary())
def test_any_bytes_give_a_deck_or_a_deck_error(raw: bytes) -> None:
    with contextlib.suppress(DeckError):
        parse_bytes(raw, path=PATH)


def test_deep_nesting_is_a_deck_error() -> None:
    src = "format = 1\nx = " + "[" * 100_000 + "]" * 100_000
    try:
        parse_deck(src, path=PATH)
    except DeckError as err:
        assert "too deeply" in str(err) or "TOML syntax" in str(err)
    else:
        raise AssertionError("a deeply nested file must not load")


TOML_ISH = st.dictionaries(
    st.text(min_size=1, max_size=8),
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
        max_leaves=8,
    ).filter(lambda v: v is not None),
    max_size=5,
)


def as_deck_text(doc: dict[str, object]) -> str | None:
    """`doc` as a format-1 deck file, or None where TOML cannot write it (tomli_w refuses)."""
    try:
        return tomli_w.dumps({"format": 1, **doc})
    except (TypeError, ValueError):
        return None


@given(TOML_ISH)
def test_any_toml_document_gives_a_deck_or_a_deck_error(doc: dict[str, object]) -> None:
    src = as_deck_text(doc)
    if src is None:
        return
    with contextlib.suppress(DeckError):
        parse_deck(src, path=PATH)


def to_toml(deck: Deck) -> str:
    meta: dict[str, object] = {"id": deck.id, "title": deck.title, "language": deck.language}
    for key in ("description", "audience", "version", "disclaimer", "tags"):
        if getattr(deck, key):
            meta[key] = list(getattr(deck, key)) if key == "tags" else getattr(deck, key)
    if deck.reviewed:
        meta["reviewed"] = deck.reviewed
    doc: dict[str, object] = {"format": 1, "deck": meta}
    if deck.sources:
        doc["sources"] = [{key: value for key, value in s._asdict().items() if value} for s in deck.sources]
    if deck.topics:
        doc["topics"] = [
            {"id": t.id, "title": t.title, **({"summary": t.summary} if t.summary else {})} for t in deck.topics
        ]
    if deck.glossary:
        doc["glossary"] = dict(deck.glossary)
    facts = []
    for f in deck.facts:
        entry: dict[str, object] = {"id": f.id, "question": f.question, "answer": f.answer}
        for key in ("distractors", "explanation", "source", "refs", "group", "tags", "accept", "allow", "topic"):
            value = getattr(f, key)
            if value:
                entry[key] = list(value) if isinstance(value, tuple) else value
        if f.whys:
            entry["distractors"] = [
                {"text": d, "why": w} if w else d for d, w in zip(f.distractors, f.whys, strict=True)
            ]
        if f.priority != SHOULD_KNOW:
            entry["priority"] = f.priority
        facts.append(entry)
    doc["facts"] = facts
    return tomli_w.dumps(doc, multiline_strings=True)


@pytest.mark.slow
@settings(max_examples=150)
@given(decks())
def test_valid_deck_written_with_tomli_w_loads_back_equal(deck: Deck) -> None:
    assert parse_deck(to_toml(deck), path=PATH) == deck._replace(path=PATH)  # a deck's path is part of it


@pytest.mark.slow
@settings(max_examples=50)
@given(decks(), st.booleans())
def test_positions_found_for_one_fact_are_those_of_the_whole_file(deck: Deck, multiline: bool) -> None:
    """Advice is placed by scanning only its fact's part of the file where that is exact (no
    multi-line strings); each position is the one a scan of the whole file gives."""
    from quiz.deck.locate import locate
    from quiz.deck.positions import Positions

    text = tomli_w.dumps(tomli.loads(to_toml(deck)), multiline_strings=multiline)
    parsed, lazy = parse_with_positions(text, PATH)
    whole = Positions(layout=locate(text))
    keys = ("answer", "id", "nothing", "question", None, "distractors", "explanation", "refs")
    for i in range(len(parsed.facts)):
        for key in keys:  # a fact's part scanned as far as a key, then on to its end, then read again
            assert lazy.fact(i, key) == whole.fact(i, key)
    for key in keys:  # each key found by a scan that stops at it
        fresh = Positions(text, facts=len(parsed.facts))
        assert [fresh.fact(i, key) for i in range(len(parsed.facts))] == [
            whole.fact(i, key) for i in range(len(parsed.facts))
        ]


@given(st.lists(st.lists(TEXT, min_size=1, max_size=3), min_size=1, max_size=4), st.sampled_from(["", " ", "  "]))
def test_each_item_of_an_array_is_placed_where_it_begins(lines: list[list[str]], pad: str) -> None:
    """Problems in one distractor point at it: the locator finds where every item of a list begins."""
    from quiz.deck.locate import locate

    def item(text: str) -> str:
        return tomli_w.dumps({"v": text})[len("v = ") : -1]

    src = "x = [\n" + "".join(pad + f",{pad}".join(map(item, row)) + ",\n" for row in lines) + "]\n"
    written = [item(t) for row in lines for t in row]
    found = locate(src).top.items["x"]
    rows = src.splitlines()
    assert [rows[line - 1][col - 1 :].startswith(w) for (line, col), w in zip(found, written, strict=True)] == [
        True
    ] * len(written)


HEADER_PIECES = st.sampled_from(
    ["[[facts]]", "[[ facts\t]]", "[[", "]]", "facts", "[facts]", " ", "\t", "\n", "\r", "#", "x", '"']
)


@given(st.lists(HEADER_PIECES, max_size=12).map("".join))
def test_fact_headers_are_the_lines_an_anchored_search_finds(text: str) -> None:
    import re

    from quiz.deck.positions import fact_headers

    anchored = re.compile(r"^[ \t]*\[\[[ \t]*facts[ \t]*\]\]", re.MULTILINE)
    assert fact_headers(text) == [m.start() for m in anchored.finditer(text)]


LINE_PIECES = st.sampled_from(['"', "\\", "'", "a", " ", "\t", "#", ",", "x = ", '"""', "é"])


@given(st.lists(LINE_PIECES, max_size=12).map("".join))
def test_a_plain_value_is_the_same_strings_as_the_plain_regex_reads(line: str) -> None:
    """locate's basic-string pattern, written for speed, matches the lines the plain one does."""
    import re

    from quiz.deck.locate import _PLAIN_ITEM, _PLAIN_VALUE

    string = r'"(?:[^"\\]|\\.)*"(?!")'
    value = re.compile(rf"""\s*(?:{string}|'[^'\n]*'(?!')|[A-Za-z0-9_:.+-]+)\s*(?:#.*)?\Z""")
    item = re.compile(rf"""\s*(?:{string}|'[^'\n]*'(?!'))\s*,?\s*(?:#.*)?\Z""")
    assert bool(_PLAIN_VALUE.match(line)) == bool(value.match(line))
    assert bool(_PLAIN_ITEM.match(line)) == bool(item.match(line))


STRING_PIECES = st.sampled_from(
    ["a", " ", "é", "\\n", "\\t", "\\\\", '\\"', "\\u001b", "\\u00e9", "\\U0000009b", "\\u202e", "\\e",
     "\\x07", "\\b", "\\f", "\\r"]
)  # fmt: skip
STRING_FORMS = st.sampled_from(['v = "{}"', 'v = """{}"""', 'v = """{}\r\n"""', "v = '''{}'''", '"{}" = 1'])


@given(st.lists(STRING_PIECES, max_size=10).map("".join), STRING_FORMS)
def test_a_text_without_control_characters_or_their_escapes_parses_to_strings_without_them(
    body: str, form: str
) -> None:
    """The loader searches each string of a deck for control characters only where its text holds
    an escape that could write one (quiz.deck.text.CONTROL_ESCAPE): elsewhere none can be there."""
    from quiz.deck.text import CONTROL_ESCAPE, control_characters

    src = form.format(body) + "\n"
    try:
        data = tomli.loads(src)
    except tomli.TOMLDecodeError:
        return
    if control_characters().search(src.replace("\r\n", "\n")) or CONTROL_ESCAPE.search(src):
        return
    assert not [s for s in [*data, *data.values()] if isinstance(s, str) and control_characters().search(s)]
