"""Marks that say "not", strike out, or stand for a decimal comma, and capital units that are mega:
a tester found each dropped or folded away, so the answer's opposite, or a figure a thousand or a
billion times off, was marked right ("!increased", "P /= .07", "˛2%", "5 m̶g", "6 mV" for "6 MV",
"5 𝚳g" for "5 mcg"). Each property fails if the mark is dropped again."""

from __future__ import annotations

import sys
import unicodedata
from functools import cache

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from quiz.typed import is_match

ANSWER = st.sampled_from(
    ["They are increased", "It went down", "Significant", "2%", "57%", "75 people", "5 mg", "P = .07", "P < .05",
     "Less than 1%", "More than 5 mg", "At least 5 mg", "before surgery", "10 mL"]
)  # fmt: skip


@given(ANSWER)
@example("They are increased")
@example("Less than 1%")
def test_a_bang_joined_before_an_answer_is_not_the_answer(answer: str) -> None:
    assert not is_match(answer, "!" + answer)


@pytest.mark.parametrize(
    "answer, typed",
    [("P = .07", "P /= .07"), ("P = .07", "P =! .07"), ("P = .07", "P ! = .07"), ("P = .07", "P != .07"),
     ("P < .05", "P !< .05"), ("More than 5 mg", "!> 5 mg"), ("At least 5 mg", "!>= 5 mg"),
     ("It went down", "!went down"), ("5 mg", "!5 mg")],
)  # fmt: skip
def test_a_bang_or_slash_joined_to_a_comparison_says_not(answer: str, typed: str) -> None:
    assert not is_match(answer, typed)


@pytest.mark.parametrize(
    "answer, typed",
    [("It went down", "It went down!"), ("It went down", "It went down !"), ("2%", "2%!"), ("P = .07", "P = .07!"),
     ("Less than 1%", "less than 1% !"), ("5 mg", "5 mg!!")],
)  # fmt: skip
def test_a_bang_that_ends_an_answer_is_punctuation(answer: str, typed: str) -> None:
    assert is_match(answer, typed)


@cache
def _spacing_marks() -> str:
    """Every character whose NFKC form is a space and marks (an accent written alone: "¨", "˛")."""
    return "".join(
        c
        for c in map(chr, range(sys.maxunicode + 1))
        if (form := unicodedata.normalize("NFKC", c)).startswith(" ") and len(form) > 1
        and all(unicodedata.combining(m) for m in form[1:])
    )  # fmt: skip


def test_an_accent_written_alone_before_a_figure_is_never_dropped() -> None:
    """"˛2%" (the ogonek, a comma to the eye: 0.2%) and "¨2%" were marked right for 2%."""
    assert "\u02db" in _spacing_marks() and "\u00a8" in _spacing_marks()
    degree = "\u02da"  # the ring, read as a degree sign (SYMBOL_FORMS), which is punctuation before a figure
    marks = _spacing_marks().replace(degree, "")
    right = [hex(ord(c)) for c in marks for answer in ("2%", "5 mg") if is_match(answer, c + answer)]
    assert right == []


OVERLAYS = st.sampled_from(["\u0334", "\u0335", "\u0336", "\u0337", "\u0338"])


@given(OVERLAYS, st.sampled_from(["5 mg", "rise", "P < .05"]))
def test_an_overlay_struck_through_any_character_is_kept(overlay: str, answer: str) -> None:
    """A stroke or slash overlay over a letter, a sign or a space strikes it out ("5 m̶g", "in̸creased", "P ̸< .05")."""
    for i in range(len(answer)):
        assert not is_match(answer, answer[: i + 1] + overlay + answer[i + 1 :]), (i, answer)
    assert not is_match(answer, answer.replace(" ", " " + overlay, 1)) or " " not in answer


@pytest.mark.parametrize("symbol", ["V", "W", "J", "Ω", "Bq", "Hz", "Gy", "Pa"])
def test_a_capital_prefix_before_a_capital_unit_is_mega(symbol: str) -> None:
    """"6 MV" photons are megavolts: "6 mV" was marked right, as if "MV" were a label's capitals."""
    mega, milli = f"6 M{symbol}", f"6 m{symbol}"
    assert not is_match(mega, milli) and not is_match(milli, mega)
    assert not is_match(milli, mega.upper()) and is_match(mega, f"6 M{symbol.upper()}")


def test_a_megarad_is_no_millirad() -> None:
    assert not is_match("5 Mrad", "5 mrad") and not is_match("5 mrad", "5 Mrad")


def test_a_label_in_capitals_is_still_milli() -> None:
    for unit in ("mg", "mL", "mcg", "mmol", "ms"):
        assert is_match(f"5 {unit}", f"5 {unit.upper()}")
    assert not is_match("5 mcg", "5 \U0001d6b3g")  # a bold Greek capital Mu is an M to see, never micro


@pytest.mark.parametrize(
    "answer, typed",
    [("It is similar", "it's similar"), ("They are increased", "they\u2019re increased"),
     ("It is not known", "it isn't known"), ("Cannot be removed", "can't be removed"), ("I am sure", "I'm sure")],
)  # fmt: skip
def test_a_contraction_is_its_words(answer: str, typed: str) -> None:
    """"it's similar" was marked wrong for "It is similar" (a tester's report)."""
    assert is_match(answer, typed)


@given(st.sampled_from(["is", "are", "was", "does", "did", "has", "could"]), st.sampled_from(["known", "higher"]))
def test_a_contraction_keeps_its_not(verb: str, word: str) -> None:
    assert not is_match(f"It {verb} {word}", f"it {verb}n't {word}")
    assert is_match(f"It {verb} not {word}", f"it {verb}n't {word}")


@pytest.mark.parametrize("answer", ["10 mL", "5 mg/kg", "2 tablets"])
def test_a_rate_cut_short_is_not_the_answer(answer: str) -> None:
    """"5 mg/kg/" may be the start of "5 mg/kg/day": a slash that ends the text is kept."""
    assert not is_match(answer, answer + "/") and is_match(answer, answer + ".")
