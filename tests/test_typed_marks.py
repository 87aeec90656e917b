"""Properties of typed-answer marking (Hypothesis) for the marks that a reading must keep: a sign
joined to a word, a letter that names something where an article could stand, a mark over a
symbol or a figure, a capital of another script in a unit, a colon between numbers. Each was a
wrong answer marked right (a tester's report, tests/data/typed-answers.tsv, "T1-variants")."""

from __future__ import annotations

import unicodedata

from hypothesis import example, given
from hypothesis import strategies as st

from quiz.deck.options import Said
from quiz.typed import is_match

WORD = st.sampled_from(
    ["blood", "result", "mother", "cells", "breast", "liver", "positive", "negative", "surgery", "rare", "ve", "line"]
)
"""Plain words: none that reads as a number, a unit, a comparison or a conjunction."""
NOUN = st.sampled_from(["clot", "test", "scan", "dose", "tumor", "cells", "nurse"])
LABEL = st.sampled_from(["O", "A", "B", "AB", "ER", "PR", "HER2", "Rh", "CD4", "CD8", "KRAS", "T4"])
DASH = st.sampled_from(["-", "\u2212"])


@given(LABEL, DASH, WORD)
@example("O", "-", "blood")
@example("HER2", "\u2212", "breast")
def test_a_sign_joined_to_a_word_or_figure_is_never_dropped(label: str, dash: str, word: str) -> None:
    signed = f"{label}{dash} {word}"
    assert not is_match(signed, f"{label} {word}")
    assert not is_match(f"{label} {word}", signed)
    assert not is_match(f"{label}{dash}/{word}{dash}", f"{label}/{word}")
    assert is_match(signed, f"{label.lower()}- {word.upper()}")  # case and the kind of dash do not count
    assert not is_match(signed, f"{label} {dash}{word}")  # the sign of the word after it: "HER2 -ER"


@given(WORD, WORD)
@example("ve", "result")
def test_a_sign_before_a_word_is_kept_and_a_hyphen_between_two_is_not(first: str, second: str) -> None:
    assert not is_match(f"-{first} {second}", f"{first} {second}")
    assert is_match(f"{first}-{second}", f"{first} {second}")


@given(WORD, NOUN)
@example("positive", "blood")
def test_a_leading_a_is_read_as_a_letter_before_one_word_and_as_an_article_before_two(word: str, other: str) -> None:
    assert not is_match(f"A {word}", word)  # "A positive" is a blood group
    assert not is_match(word, f"A {word}")
    assert not is_match(f"A and {word}", f"and {word}")
    assert not is_match(f"A, B and {word}", f"B and {word}")
    if word in ("positive", "negative"):  # a blood group: "A negative blood" is not "negative blood"
        assert not is_match(f"A {word} {other}", f"{word} {other}")
    else:
        assert is_match(f"A {word} {other}", f"{word} {other}")
    for joiner in ("then", "with", "but", "not", "before", "is"):  # no article stands before these
        assert not is_match(f"A {joiner} {word}", f"{joiner} {word}")
    assert is_match(f"The {word}", word) and is_match(word, f"the {word}")
    assert not is_match(f"A {word} {other}", f"{word} {other}", language="es")  # English articles only


SYMBOLS = st.sampled_from(list("=<>≤≥+±~×/") + [str(d) for d in range(10)])
OVERLAYS = st.sampled_from(["\u0338", "\u0336", "\u0335", "\u20d2", "\u0337"])


@given(SYMBOLS, OVERLAYS, st.sampled_from(["", " 0", " 5 mg", "%"]))
@example("=", "\u0338", " 0")
def test_a_mark_over_a_symbol_or_figure_is_kept(symbol: str, overlay: str, rest: str) -> None:
    marked = unicodedata.normalize("NFC", symbol + overlay) + rest
    assert not is_match(symbol + rest, marked)
    assert not is_match(marked, symbol + rest)
    assert is_match(marked, symbol + overlay + rest)  # composed or not, the same mark


@given(st.sampled_from(["Ménière", "Sjögren", "café au lait", "naïve", "Crohn’s"]))
def test_accents_over_letters_still_do_not_count_in_english(text: str) -> None:
    plain = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    assert is_match(text, plain)


@given(st.integers(1, 999), st.sampled_from(["Bq", "bq", "U", "IU", "Gy", "l", "g"]))
def test_a_capital_of_another_script_that_looks_latin_reads_as_that_capital_in_a_unit(n: int, unit: str) -> None:
    cyrillic_m = f"{n} \u041c{unit}"  # Cyrillic capital em: "М" looks like "M", mega (or MU, MIU)
    assert is_match(f"{n} M{unit}", cyrillic_m)
    if not (f"M{unit}".isupper() and f"M{unit}" not in ("MU", "MIU")):  # "5 MG" is 5 mg, as written on labels
        assert not is_match(f"{n} m{unit}", cyrillic_m)


@given(st.integers(1, 99), st.integers(1, 9999), NOUN)
@example(1, 10, "dilution")
def test_a_colon_between_two_numbers_is_kept(a: int, b: int, word: str) -> None:
    assert not is_match(f"{a}:{b} {word}", f"{a} {b} {word}")
    assert is_match(f"{a}:{b} {word}", f"{a} : {b} {word}")
    assert is_match(f"{word}: {a}", f"{word} {a}")  # after a word it is punctuation


@given(LABEL, WORD)
def test_check_tells_apart_options_that_typed_marking_tells_apart(label: str, word: str) -> None:
    said = Said("en")
    for a, b in [(f"{label}- {word}", f"{label} {word}"), (f"A {word}", word.capitalize()), ("≠ 0", "= 0")]:
        assert said.key(a)[0] != said.key(b)[0]


@given(st.integers(1, 12), st.integers(0, 59), st.sampled_from(["am", "pm", "a.m.", "p.m.", "AM", "PM"]))
@example(8, 0, "pm")
@example(12, 0, "am")
def test_a_time_of_the_12_hour_clock_is_the_time_of_the_24_hour_clock(hour: int, minutes: int, marker: str) -> None:
    h24 = hour % 12 + (12 if marker.lower().startswith("p") else 0)
    twelve = f"{hour}:{minutes:02d} {marker}"
    assert is_match(twelve, f"{h24}:{minutes:02d}") and is_match(f"{h24:02d}:{minutes:02d}", twelve)
    assert not is_match(twelve, f"{hour}:{minutes:02d}") or h24 == hour  # the hour on the other clock
    other = "am" if marker.lower().startswith("p") else "pm"
    assert not is_match(twelve, f"{hour}:{minutes:02d} {other}")
    assert Said("en").key(twelve)[0] == Said("en").key(f"{h24}:{minutes:02d}")[0]  # one option, not two


DECIMALS = st.decimals(min_value=-(10**9), max_value=10**9, places=6, allow_nan=False)


@given(DECIMALS, st.sampled_from([1, 7, 60, 1000, 10**6]))
def test_a_quantity_in_base_units_is_its_exact_product_written_plainly(value: object, factor: int) -> None:
    from decimal import Decimal

    from quiz.typed.quantities import scaled as _scaled

    assert isinstance(value, Decimal)
    plain = format(value.normalize(), "f")
    plain = plain.rstrip("0").rstrip(".") if "." in plain else plain
    scaled = _scaled("0" if plain == "-0" else plain, factor)
    assert Decimal(scaled) == value * factor
    assert not scaled.endswith(("0", ".")) or "." not in scaled  # no trailing zeros after a point


ENCLOSED = st.sampled_from(["({})", "[{}]", "*{}*", "_{}_", "'{}'", '"{}"', "{{{}}}", "( {} )"])
"""A number set off as a text may be: in brackets, quotes, asterisks or underscores."""
SOFT_MARKS = st.sampled_from(list(".,;:!?'\"`()[]{}-_/\\*‘’“”«»…°·•") + [" ", "  ", "( ", "'_"])
"""Soft punctuation (quiz.typed.words.SOFT) and spaces, alone or two together."""
AMOUNT = st.sampled_from(["{} °C", "{}", "{} mg", "take {} mL", "10^{}"])


@given(st.integers(1, 999), DASH, ENCLOSED, AMOUNT)
@example(18, "-", "({})", "{} °C")  # a tester: "-(18) °C" was right for "18 °C"
def test_a_sign_before_an_enclosed_number_is_its_sign(n: int, dash: str, enclosed: str, amount: str) -> None:
    """ "-(18)", "(-)18", "-*18*" and "minus (18)" are -18, as "-18" is: never 18."""
    for signed in (dash + enclosed.format(n), enclosed.format(dash) + str(n), "minus " + enclosed.format(n)):
        assert is_match(amount.format(-n), amount.format(signed)), signed
        assert not is_match(amount.format(n), amount.format(signed)), signed
        assert not is_match(amount.format(signed), amount.format(n)), signed


@given(st.integers(1, 999), st.sampled_from(["-", "\u2212", "--", "+", "."]), SOFT_MARKS, AMOUNT)
@example(18, "--", " ", "{} °C")
@example(5, ".", "(", "{} mg")
@example(3, "-", "_", "10^{}")
def test_a_sign_or_a_decimal_mark_before_a_number_is_never_dropped(n: int, sign: str, soft: str, amount: str) -> None:
    """A minus sign or a leading decimal mark with only soft punctuation between it and a number
    belongs to the number or is kept: the text is never the number without it ("-/18", ".(5) mg")."""
    typed = amount.format(sign + soft + str(n))
    if sign != "+":
        assert not is_match(amount.format(n), typed), typed
    assert not is_match(amount.format(-n), amount.format(f"--{soft}{n}")) or soft in ("-", "--")


@given(LABEL, st.sampled_from(["-", "\u2212", "+"]), WORD, st.sampled_from(["(", "["]), st.booleans())
@example("Rh", "-", "blood", "(", True)
@example("HER2", "\u2212", "breast", "(", True)
def test_a_sign_in_brackets_after_a_word_is_that_words_sign(
    label: str, sign: str, word: str, bracket: str, spaced: bool
) -> None:
    """ "Rh (-) blood" (as lab reports write it) is "Rh- blood", never "Rh blood" nor "Rh (+) blood"."""
    closing = {"(": ")", "[": "]"}[bracket]
    bracketed = f"{label}{' ' if spaced else ''}{bracket}{sign}{closing} {word}"
    other = "+" if sign != "+" else "-"
    assert is_match(bracketed, f"{label}{sign} {word}") and is_match(f"{label}{sign} {word}", bracketed)
    assert not is_match(bracketed, f"{label} {word}") and not is_match(f"{label} {word}", bracketed)
    assert not is_match(bracketed, f"{label} {bracket}{other}{closing} {word}")


CASE_UNITS = st.sampled_from([("T", "t"), ("MU", "mU"), ("MIU", "mIU"), ("MBq", "mBq"), ("G/L", "g/L"),
                              ("mM", "mm"), ("nM", "nm"), ("Mmol", "mmol")])  # fmt: skip
BETWEEN = st.sampled_from([" ", "", "  ", "\u2009\u2009", " (", "-", ": ", "_", " *", " ["])


@given(st.integers(1, 19), CASE_UNITS, BETWEEN, st.booleans(), st.booleans())
@example(1, ("T", "t"), "  ", False, False)  # a tester: "1  T" was right for "1 t"
@example(5, ("MU", "mU"), " ", True, True)
def test_a_unit_whose_case_is_its_meaning_keeps_it_however_written(
    n: int, pair: tuple[str, str], between: str, in_words: bool, apart: bool
) -> None:
    """ "1 (T)", "1-T", "one T" and "5 M U" say what "1 T" and "5 MU" say, never "1 t" or "5 mU"."""
    from quiz.deck.options import option_key
    from quiz.typed import same_answer
    from quiz.typed.words import NUMBER_WORDS

    number = next(w for w, v in NUMBER_WORDS.items() if v == str(n)) if in_words else str(n)
    between = between or (" " if in_words else "")  # "oneT" is a word
    for unit, other in (pair, pair[::-1]):
        spelled = unit.replace("/", " / ") if apart and "/" in unit else unit[0] + " " + unit[1:] if apart else unit
        typed = f"{number}{between}{spelled}"
        assert not is_match(f"{n} {other}", typed) and not same_answer(f"{n} {other}", typed), typed
        assert option_key(f"{n} {other}") != option_key(typed)
        if not apart or unit[0] in "MG":  # "5 m U" is no unit "mU" written apart: "5 m" is metres
            assert is_match(f"{n} {unit}", typed), typed


PREFIXED = st.sampled_from(["febrile", "septic", "typical", "complete", "active", "direct", "visible", "toxic",
                            "resectable", "regular", "mobile", "infected", "aerobic", "sufficient"])  # fmt: skip


@given(st.sampled_from(["a", "an", "in"]), PREFIXED, NOUN)
@example("a", "febrile", "dose")
@example("in", "complete", "test")
def test_a_space_after_a_prefix_that_is_a_word_is_no_mere_spacing(prefix: str, word: str, noun: str) -> None:
    """ "a febrile" (a feverish one) is not "Afebrile", "in complete remission" not "Incomplete
    remission", either way; the words of a run are still compared joined ("T cell" is "Tcell")."""
    joined, split = f"{prefix}{word}", f"{prefix} {word}"
    for after in ("", f" {noun}") if prefix not in ("a", "an") else ("",):  # "A typical dose": an article
        assert not is_match(joined.capitalize() + after, split + after)
        assert not is_match(split.capitalize() + after, joined + after)
        assert is_match(split.capitalize() + after, f"{prefix}  {word.upper()}{after}")
    for letters in ("heart", "T", "blood", "non", "un", "dis"):  # no word of its own: spacing does not count
        assert is_match(f"{letters} {word}", f"{letters}{word}") and is_match(f"{letters}{word}", f"{letters} {word}")


@given(st.integers(1, 999), AMOUNT)
@example(5, "{} °C")  # a tester: "۔5 °C" was right for "-5 °C"
def test_an_urdu_full_stop_is_never_a_minus_sign(n: int, amount: str) -> None:
    """ "۔" (U+06D4, the full stop an Urdu keyboard types) before a number is no sign and no
    nothing: "۔5 °C" is neither -5 °C nor 5 °C; at the end of an answer it is punctuation."""
    from quiz.typed import same_answer

    typed = amount.format(f"\u06d4{n}")
    for other in (amount.format(-n), amount.format(n)):
        assert not is_match(other, typed) and not same_answer(other, typed), (other, typed)
    assert is_match(amount.format(n), amount.format(n) + "\u06d4")
