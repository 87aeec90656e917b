"""Cloze notes past the limits are refused before their cards are made (T9 #8, the
rel-import-column-memory kind): 100 deletions a note and 20,000 rows allowed 2,000,000 cards, all
made before the 20,000-fact limit was checked (minutes, gigabytes, then MemoryError). The cards are
counted as the rows are read, and a note whose question is past its character limit is refused at
its first card. (Durations are not asserted; the peak of memory allocated is, and the limit.)"""

from __future__ import annotations

import tracemalloc

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.deck.checker import MAX_CHARS
from quiz.deck.errors import DeckError
from quiz.deck.validate import MAX_FACTS
from quiz.interop.cloze import ClozeError, _Flat, _parse, _render, cloze_numbers, clozes
from quiz.interop.importer import import_cards

HEAD = "#separator:tab\n#notetype:Cloze\n"


def _notes(rows: int, deletions: int = 99, words: int = 0) -> str:
    """T9's g11/g12/g14 (and p7/p8 with `words`): rows of cloze notes of one-digit deletions."""
    filler = " word" * words
    return HEAD + "".join(
        f"R{r} " + " ".join(f"{{{{c{i}::{i}}}}}{filler}" for i in range(1, deletions + 1)) + "\tx\n"
        for r in range(rows)
    )


def _refused(text: str) -> tuple[list[tuple[int | None, str]], int]:
    """The problems an import of `text` gives, and the most memory it held at once, in bytes."""
    tracemalloc.start()
    try:
        with pytest.raises(DeckError) as err:
            import_cards(text, "t.txt", deck_id="t")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return [(p.line, p.message) for p in err.value.problems], peak


@pytest.mark.parametrize("rows", [300, 3000])
def test_cloze_notes_making_more_cards_than_a_deck_holds_are_refused_before_any_is_made(rows: int) -> None:
    found, peak = _refused(_notes(rows))
    assert found == [
        (
            205,  # the 203rd note passes 20,000 cards (99 each, from line 3)
            f"the rows up to this one make {203 * 99:,} cards (a cloze note makes one for each cloze number), and a "
            f"deck holds at most {MAX_FACTS:,} facts; split the file into several and import each as its own deck",
        )
    ]
    assert peak < 20 * len(_notes(rows)) + 30_000_000  # T9: 310 MB for 300 rows, 2.9 GB for 3,000


@pytest.mark.slow
def test_cards_up_to_the_limit_are_imported() -> None:
    deck = import_cards(_notes(MAX_FACTS // 100, deletions=100), "t.txt", deck_id="t").deck
    assert len(deck.facts) == MAX_FACTS


def test_a_cloze_note_whose_question_is_past_its_limit_is_refused_at_its_first_card() -> None:
    """T9's p7: 100 deletions in ~43,000 characters; each question is as long, and all 100 were made."""
    found, peak = _refused(_notes(20, deletions=100, words=80))
    assert len(found) == 20
    assert all(
        message.startswith('"question" is ') and f"(cloze deletion c1); the limit is {MAX_CHARS:,}" in message
        for _, message in found
    )
    assert peak < 50_000_000  # T9: 710 MB


def test_clozes_stops_at_the_first_card_past_the_limit() -> None:
    text = "Take " + "very " * 500 + "{{c1::one}} or {{c2::two}}"
    with pytest.raises(ClozeError, match=r'"question" is 2,5\d\d characters long \(cloze deletion c1\)'):
        clozes(text, MAX_CHARS)
    assert len(clozes(text)) == 2


PIECES = ["{{c1::", "{{c2::", "{{c3::", "{{c0::", "}}", "::h", "a", " b", "{{c12::"]


@given(st.lists(st.sampled_from(PIECES), max_size=20))
def test_the_numbers_counted_are_the_cards_made_and_made_as_the_walk_makes_them(pieces: list[str]) -> None:
    text = "".join(pieces)
    try:
        made = clozes(text)
    except ClozeError:
        return
    assert cloze_numbers(text) == {c.number for c in made}
    nodes = _parse(text)
    flat = _Flat(nodes)
    for number in (*cloze_numbers(text), 0, 99):
        for shown in (lambda d, t: "[...]", lambda d, t: "", lambda d, t: "{{" + t.strip() + "}}"):
            assert flat.render(number, shown) == _render(nodes, number, shown)
