"""An accept form never says a number the answer does not: the loader refuses it.

A typed answer equal to an accept form is marked right, so "2 pills" accepted for the answer
"3 tablets" marks a wrong number right (T9 #1: an Anki re-import changed the answer and kept the
accept forms written for the old one). The rule is the distractors' (quiz.deck.options.Said) in
reverse: numbers as typed marking reads them, in base units where they convert.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.deck.errors import DeckError
from quiz.deck.load import parse_deck
from quiz.deck.options import Said

HEAD = 'format = 1\n[deck]\nid = "d"\ntitle = "T"\n'


def _deck(answer: str, accept: list[str], statement: str = "") -> str:
    items = ", ".join(f'"{t}"' for t in accept)
    extra = f'statement = "{statement}"\n' if statement else ""
    return HEAD + f'[[facts]]\nid = "f"\nquestion = "Q?"\nanswer = "{answer}"\naccept = [{items}]\n{extra}'


def _problems(text: str) -> list[tuple[int | None, int | None, str]]:
    with pytest.raises(DeckError) as err:
        parse_deck(text, Path("d.toml"))
    return [(p.line, p.col, p.message) for p in err.value.problems]


OTHER_NUMBERS = [
    ("3 tablets", "2 pills"), ("3 tablets", "two tablets"), ("2%", "3"), ("under 7%", "more than 7%"),
    ("first", "second"), ("500 mg", "5 g"), ("2 weeks", "2 days"), ("5 × 10⁻³ g", "5 × 10³ g"),
    ("Stage IV", "Stage 3"), ("once a day", "twice a day"), ("1 in 4", "1 in 3"),
]  # fmt: skip
SAME_NUMBERS = [
    ("3 tablets", "three pills"), ("57%", "57"), ("2%", "1 in 50"), ("500 mg", "0.5 g"), ("50%", "half"),
    ("under 7%", "7%"), ("150 to 400 × 10⁹/L", "150 to 400"), ("Adduction", "toward the body"),
    ("once a day", "daily"), ("2 weeks", "14 days"), ("first", "1st"), ("Stage IV", "stage 4"),
    ("−18 °C", "-18 degrees"),
]  # fmt: skip


@pytest.mark.parametrize(("answer", "accept"), OTHER_NUMBERS)
def test_an_accept_form_saying_another_number_is_refused_where_it_stands(answer: str, accept: str) -> None:
    [(line, col, message)] = _problems(_deck(answer, ["right words", accept]))
    assert (line, col) == (9, 26)
    assert f"the accepted answer {accept!r} says a number the answer {answer!r} does not" in message


@pytest.mark.parametrize(("answer", "accept"), SAME_NUMBERS)
def test_an_accept_form_saying_the_answers_numbers_another_way_is_kept(answer: str, accept: str) -> None:
    assert parse_deck(_deck(answer, [accept]), Path("d.toml")).facts[0].accept == (accept,)


def test_a_statement_marking_an_accept_form_of_another_number_is_refused_with_it() -> None:
    """The T9 deck: answer "3 tablets", accept and statement still saying two."""
    text = _deck("3 tablets", ["two tablets"], "You take {{two tablets}} a day.")
    messages = [m for _, _, m in _problems(text)]
    assert any("'two tablets' says a number the answer '3 tablets' does not" in m for m in messages)


@given(st.integers(0, 10_000), st.integers(0, 10_000), st.sampled_from(["mg", "tablets", "mL", "%", "days", ""]))
def test_an_accept_form_is_refused_exactly_when_its_number_differs(n: int, m: int, unit: str) -> None:
    text = _deck(f"{n} {unit}".strip(), [f"{m} {unit}".strip()])
    if n == m:
        parse_deck(text, Path("d.toml"))
    else:
        assert "says a number the answer" in _problems(text)[0][2]


@given(
    st.integers(1, 5000), st.sampled_from([("mg", "mcg", 1000), ("g", "mg", 1000), ("L", "mL", 1000), ("h", "min", 60)])
)
def test_one_quantity_in_another_unit_is_the_same_number(n: int, units: tuple[str, str, int]) -> None:
    big, small, factor = units
    said = Said("en")
    assert not said.other_numbers(f"{n} {big}", f"{n * factor} {small}")
    assert said.other_numbers(f"{n} {big}", f"{n * factor + 1} {small}")
