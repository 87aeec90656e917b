"""Compound units, units whose case is their meaning, and spaces that say something (T10's finding 1
and its low item): a different unit or word is never marked right, typed or as a wrong option."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.deck.options import Said, option_key
from quiz.deck.text import may_hold_case_units
from quiz.typed import case_units, is_match, same_answer
from quiz.typed.units import CALORIE, CAPITAL_ONLY, CASE_PREFIXES, CASE_SYMBOLS, PREFIXES, case_key
from quiz.typed.words import APART_AFTER


def _apart(a: str, b: str) -> None:
    """a and b are told apart both ways: typed, as the same answer, and as two options of a deck."""
    assert not is_match(a, b) and not is_match(b, a), (a, b)
    assert not same_answer(a, b), (a, b)
    said = Said("en")
    assert said.key(a)[0] != said.key(b)[0], (a, b)


def _alike(a: str, b: str) -> None:
    assert is_match(a, b) and is_match(b, a) and same_answer(a, b), (a, b)


NUMBER = st.decimals(0, 1000, places=2, allow_nan=False).map(str)
UNITS = ["m", "mg", "kg", "g", "mL", "L", "mmol", "km", "h", "min", "s", "day", "beats", "cells", "drops", "IU"]
PER = st.sampled_from(["/", " / ", " per "])
PRODUCT = st.sampled_from(["·", "*", "⋅", " · ", "∙"])
JOIN = st.sampled_from(["", " ", "-"])


@given(NUMBER, st.sampled_from(UNITS), st.sampled_from(UNITS), PER, PRODUCT, JOIN)
def test_per_is_never_times_nor_nothing_in_a_unit_after_a_number(
    number: str, top: str, bottom: str, per: str, times: str, join: str
) -> None:
    """ "1 m/s" (metres a second) is not "1 ms", "1 m s" or "1 m·s"; "1 mg/kg" is not "1 mg·kg",
    "1 mg*kg" or "1 mgkg"; "per" is "/" ("2 mg per kg" is "2 mg/kg")."""
    ratio = f"{number} {top}{per}{bottom}"
    _alike(ratio, f"{number} {top}/{bottom}")
    _apart(ratio, f"{number} {top}{join}{bottom}")
    _apart(ratio, f"{number} {top}{times}{bottom}")


@given(NUMBER, st.sampled_from(UNITS), st.sampled_from(UNITS), PRODUCT, JOIN)
def test_a_product_of_units_is_never_the_units_joined(number: str, a: str, b: str, times: str, join: str) -> None:
    """ "1 N·m" is not "1 Nm", nor "1 m·s" "1 ms": a product's parts stay apart; every product
    mark is one ("mg·kg" is "mg*kg")."""
    _alike(f"{number} {a}{times}{b}", f"{number} {a}·{b}")
    _apart(f"{number} {a}{times}{b}", f"{number} {a}{join}{b}")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("1 m/s", "1 ms"), ("1 mg/kg", "1 mg·kg"), ("1 mg/kg", "1 mg*kg"), ("1 mg/kg", "1 mgkg"),
        ("1 mg/kg", "1 mg kg"), ("25 kg/m²", "25 kg·m²"), ("10 mL/h", "10 mLh"), ("5 km/h", "5 kmh"),
        ("2 mmol/L", "2 mmolL"), ("1 mg/kg/day", "1 mg/kgday"), ("250 mg/5 mL", "250 mg 5 mL"),
        ("3/day", "3 day"), ("10^9/L", "10^9 L"), ("60 mL/min/1.73 m²", "60 mL/min 1.73 m²"),
        ("m/s", "ms"), ("km/h", "kmh"), ("mg/dL", "mgdL"), ("5 °C/min", "5 °C min"), ("5%/year", "5% year"),
        ("1 mg/kg", "1 mg-kg"),
    ],
)  # fmt: skip
def test_a_slash_in_a_unit_says_per(a: str, b: str) -> None:
    _apart(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("2 mg/kg", "2 mg per kg"), ("1 mg/kg/day", "1 mg per kg per day"), ("5 mg/kg", "5 mg / kg"),
        ("60 beats/min", "60 beats per minute"), ("5 mg/kg", "5 milligrams per kilogram"),
        ("3/day", "3 per day"), ("3 times/day", "3 times a day"), ("twice a day", "2 times per day"),
        ("5 µg/kg/min", "5 mcg/kg/min"), ("mg/dL", "mg/dl"), ("5-FU/LV", "5 FU LV"), ("A and/or B", "A and or B"),
        ("250 mg/5 mL", "250 mg / 5 mL"), ("5 mg/m²", "5 mg/m2"), ("1/2 tablet", "half a tablet"),
        ("5 °C/min", "5 °C per min"), ("5%/year", "5 percent per year"), ("1 mg/kg", "1 mg∕kg"),
        ("HER2/neu", "HER2 neu"), ("CD4/CD8 ratio", "CD4 CD8 ratio"), ("COVID-19/flu", "COVID-19 flu"),
    ],
)  # fmt: skip
def test_a_slash_elsewhere_reads_as_before(a: str, b: str) -> None:
    """ "per" is "/", a count of times a period is "a day" however written, and a slash between
    words that are no unit after a number is soft, as before ("5-FU/LV", "and/or")."""
    _alike(a, b)


@given(NUMBER, st.sampled_from(["M", "S", "T", "K"]), st.sampled_from(["", "m", "µ", "n", "p", "k"]),
       st.sampled_from(["{} {}", "{}{}", "{} {} NaCl", "take {} {} daily", "{} {}/cm"]))  # fmt: skip
def test_a_symbol_whose_small_letter_is_another_unit_is_never_that_unit(
    number: str, symbol: str, prefix: str, context: str
) -> None:
    """M (molar) is never m (metre), S (siemens) never s (second), T (tablespoon) never t
    (teaspoon), K (kelvin) never k, with any prefix ("5 mS" is not "5 ms", "5 nM" not "5 nm")."""
    _apart(context.format(number, prefix + symbol), context.format(number, prefix + symbol.lower()))


@given(NUMBER, st.sampled_from(CASE_PREFIXES), st.sampled_from(["g", "m", "l", "Bq", "Hz", "mol", "Pa", "Sv"]))
def test_a_capital_prefix_is_never_the_small_one(number: str, prefix: str, base: str) -> None:
    """Mega is never milli, peta never pico ("5 MBq", "5 Pg", "5 Mm", "10 MHz"), zetta, yotta,
    ronna, quetta never zepto, yocto, ronto, quecto. ("5 ML" in capitals throughout is a label's mL.)"""
    _apart(f"{number} {prefix}{base}", f"{number} {prefix.lower()}{base}")


@pytest.mark.parametrize(
    ("a", "b"),
    [("1 M", "1 m"), ("2 M NaCl", "2 m NaCl"), ("100 Cal", "100 cal"), ("5 mS", "5 ms"), ("one M", "one m"),
     ("5 Ml", "5 ml"), ("1 M HCl", "1 m HCl"), ("5 cM", "5 cm"), ("5 Pg", "5 pg"), ("1 K", "1 k"),
     ("2 µS/cm", "2 µs/cm"), ("100 Cal", "100 CAL"), ("5 MSv", "5 mSv")],
)  # fmt: skip
def test_case_tells_these_units_apart(a: str, b: str) -> None:
    _apart(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("5 mg", "5 MG"), ("5 Days", "5 days"), ("1 mL", "1 ml"), ("100 kcal", "100 Kcal"), ("100 kcal", "100 kCal"),
     ("5 mSv", "5 msv"), ("10 Pa", "10 pa"), ("5 Gy", "5 gy"), ("10 Hz", "10 hz"), ("5 ms", "5 MS"),
     ("T2 N0 M0", "t2 n0 m0"), ("CD4 T cells", "cd4 t cells"), ("5 mmHg", "5 MMHG"), ("Stage 4S", "stage 4s"),
     ("Stage 4M", "stage 4m"), ("the 5 Ps", "the 5 ps"), ("the 4Ms", "the 4ms")],
)  # fmt: skip
def test_case_does_not_tell_these_apart(a: str, b: str) -> None:
    """A unit whose other case is no other unit, a word after a number, a unit in capitals
    throughout (a label's) and a letter after a number written into a word are read as before."""
    _alike(a, b)


def test_every_unit_case_tells_apart_is_seen_by_the_deck_layers_cheap_test() -> None:
    """quiz.deck.text.may_hold_case_units passes every text case_units may find a unit in."""
    symbols = [p + s for p in ("", *PREFIXES) for s in CASE_SYMBOLS]
    capitals = [p + b for p in CASE_PREFIXES for b in ("g", "m", "s", "Bq", "Hz", "mol", "L")]
    for unit in (*symbols, *capitals, *CAPITAL_ONLY, CALORIE, "G"):
        text = f"5 {unit}/L"
        if case_key(unit) or unit == "G":
            assert case_units(text) and may_hold_case_units(text), unit
            assert option_key(text) != option_key(text.lower()) or unit.islower(), unit


@pytest.mark.parametrize(
    ("a", "b"),
    [("not able", "notable"), ("may be", "maybe"), ("every day", "everyday"), ("some time", "sometime"),
     ("any one", "anyone"), ("no body", "nobody"), ("a part", "apart"), ("on set", "onset"),
     ("with hold", "withhold"), ("be low", "below"), ("for ward", "forward"), ("to day", "today"),
     ("up set", "upset"), ("as sent", "assent"), ("in sight", "insight"), ("a head", "ahead"),
     ("Not able to walk", "notable to walk")],
)  # fmt: skip
def test_a_space_after_a_word_that_begins_other_words_says_something(a: str, b: str) -> None:
    _apart(a, b)


@given(st.sampled_from(sorted(APART_AFTER)), st.text("abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8))
def test_a_word_of_apart_after_is_never_joined_to_the_next(word: str, after: str) -> None:
    """ "not able" is never "notable", whatever the next word ("a" before a letter alone may be an
    article, which a typed answer may leave out)."""
    if word == "a" and len(after) < 2:
        return
    _apart(f"{word} {after}", f"{word}{after}")


@pytest.mark.parametrize(
    ("a", "b"),
    [("T cell", "Tcell"), ("heart attack", "heartattack"), ("health care", "healthcare"), ("non toxic", "nontoxic"),
     ("over dose", "overdose"), ("can not", "cannot"), ("not able", "Not  able"), ("not able", "not-able")],
)  # fmt: skip
def test_other_spaces_are_mere_spacing(a: str, b: str) -> None:
    _alike(a, b)


@given(st.sampled_from(["I", "II", "III", "IV", "V", "VI", "VII", "IX", "X", "XI"]), st.data())
def test_roman_numerals_split_by_a_space_are_never_the_numeral_joined(numeral: str, data: st.DataObject) -> None:
    """ "Factor V III" names two numerals, never Factor VIII; after "stage" they are two numbers."""
    cut = data.draw(st.integers(1, len(numeral) - 1)) if len(numeral) > 1 else 0
    second = data.draw(st.sampled_from(["I", "II", "III", "V", "X"]))
    word = data.draw(st.sampled_from(["Factor", "Stage", "Type", "Lead", "CN"]))
    joined = numeral + second if not cut else numeral
    split = f"{numeral} {second}" if not cut else f"{numeral[:cut]} {numeral[cut:]}"
    _apart(f"{word} {joined}", f"{word} {split}")


def test_numbers_split_by_a_space_stay_as_designed() -> None:
    """A space groups thousands only before a group of three digits starting with 0
    (quiz.typed.numbers.token_pattern)."""
    _alike("1 000 mL", "1000 mL")
    _apart("2 500 mg", "2500 mg")
    _apart("1 2", "12")
    _alike("twenty five", "25")


@given(NUMBER, st.sampled_from(["cc", "CC", "㏄", "mL", "ml", "milliliters", "millilitres"]),
       st.sampled_from(["", "/h", " a day"]))  # fmt: skip
def test_cc_is_a_spelling_of_ml_not_another_amount(number: str, spelling: str, after: str) -> None:
    """A cubic centimetre is a millilitre exactly (SI Brochure, table 8: 1 L = 1 dm³), so "5 cc"
    typed for "5 mL" is the answer in another spelling; a different number never is."""
    _alike(f"{number} mL{after}", f"{number} {spelling}{after}")
    _apart(f"{number} mL{after}", f"{number}1 {spelling}{after}")
