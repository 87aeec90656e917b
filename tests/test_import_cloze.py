"""Cloze deletions read as Anki 2.1.56+ reads them, nested ones too, checked with Anki's own
library: each card's question and hidden text are Anki's, and no fact holds cloze markup."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from anki_exports import anki_collection, export_notes
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from quiz.cli import main
from quiz.deck.load import load_deck
from quiz.interop.cloze import ClozeError, clozes

collection = pytest.importorskip("anki.collection", reason="the anki package is a test dependency")

NESTED = "Nested {{c1::outer {{c2::inner}} text}} here."


def test_a_nested_deletion_gives_one_fact_for_each_number_as_anki_asks_them(tmp_path: Path) -> None:
    col = anki_collection(tmp_path, [("Cloze", [NESTED, ""], [])])
    export = tmp_path / "notes.txt"
    export_notes(col, export)
    col.close()
    out = tmp_path / "deck.toml"
    assert main(["import", str(export), "-o", str(out)]) == 0
    assert [(f.question, f.answer, f.statement) for f in load_deck(out).facts] == [
        ("Nested [...] here.", "outer inner text", "Nested {{outer inner text}} here."),
        ("Nested outer [...] text here.", "inner", "Nested outer {{inner}} text here."),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Take {{c1::5 mg {{c2::daily}} now", "the cloze deletion {{c1::... is never closed with }}"),
        ("{{c1::" * 11 + "x" + "}}" * 11, "cloze deletions nested more than 10 deep"),
        ("Dose {{c1::}} here.", "the cloze deletion c1 is empty"),
        ("Dose {{c0::zero}} here.", "a cloze note without a cloze deletion such as {{c1::...}}"),
    ],
    ids=["unclosed", "too-deep", "empty", "c0"],
)
def test_a_deletion_anki_cannot_read_as_written_refuses_its_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, message: str
) -> None:
    source = tmp_path / "c.txt"
    source.write_text(f"#separator:tab\n#notetype column:1\nCloze\t{text}\t\nCloze\tA {{{{c1::b}}}} c\t\n")
    assert main(["import", str(source), "-o", str(tmp_path / "d.toml"), "--skip-bad"]) == 0
    assert f"c.txt:3:1: {message}" in capsys.readouterr().out
    assert [f.answer for f in load_deck(tmp_path / "d.toml").facts] == ["b"]


def _plain(part: str) -> str:
    return re.sub(r"</?span[^>]*>", "", part)


class _Revealed(HTMLParser):
    """The text of each outermost active deletion (<span class="cloze">) on Anki's answer side."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.spans: list[str] = []
        self.open: list[bool] = []  # for each open span, whether it is an active deletion

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "span":
            active = ("class", "cloze") in attrs and not any(self.open)
            if active:
                self.spans.append("")
            self.open.append(active)

    def handle_endtag(self, tag: str) -> None:
        if tag == "span":
            self.open.pop()

    def handle_data(self, data: str) -> None:
        if any(self.open):
            self.spans[-1] += data


def _as_anki_asks(col, text: str) -> Iterator[tuple[int, str, str]]:  # type: ignore[no-untyped-def]
    """Each card Anki makes of a cloze note of `text`: its number, question and hidden text."""
    note = col.new_note(col.models.by_name("Cloze"))
    note.fields[0] = text
    col.add_note(note, col.decks.id("Default"))
    for card in note.cards():
        question = card.question().split("</style>")[-1]
        if "No cloze" in question:
            continue
        revealed = _Revealed()
        revealed.feed(card.answer().split("</style>")[-1])
        # an empty hint ({{c1::x::}}) Anki shows as "[]", quiz as a blank without one: "[...]"
        question = re.sub(r'(<span class="cloze"[^>]*>)\[\]', r"\1[...]", question)
        yield card.ord + 1, _plain(question), " ... ".join(span.strip() for span in revealed.spans)


@pytest.fixture(scope="module")
def col(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    made = anki_collection(tmp_path_factory.mktemp("anki"), [])
    yield made
    made.close()


PIECES = ["{{c0::", "{{c1::", "{{c2::", "{{c3::", "}}", "::", "}", "{", "a", " b", "\n"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(PIECES), max_size=14))
def test_cloze_deletions_are_read_as_anki_reads_them(col, pieces: list[str]) -> None:  # type: ignore[no-untyped-def]
    text = "".join(pieces)
    try:
        made = clozes(text)
    except ClozeError:  # a deletion never closed: refused, where Anki shows its markup or an error
        assume(False)
        return
    for card in made:
        assert not re.search(r"\{\{c[0-9]+::", card.question + card.answer + card.statement)
    assume(text.strip())  # Anki will not add a note with an empty first field
    assert [tuple(c)[:3] for c in made] == list(_as_anki_asks(col, text))
