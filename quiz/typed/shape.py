"""Shaping a text's tokens into what it says (quiz.typed.reading reads a text into tokens): ranges
and frequencies joined, units in one spelling, soft punctuation dropped, words grouped into runs.
"""

from __future__ import annotations

import itertools
from typing import NamedTuple

from quiz.typed.numbers import Token, is_number, starts, whole_value
from quiz.typed.signs import ends_a_text, sign_side, stands_before_a_number
from quiz.typed.units import OPERATORS, unit_operator
from quiz.typed.words import (
    ARTICLES,
    DEGREES,
    FREQUENCY,
    PER_PERIOD,
    PER_WORDS,
    RANGE,
    SOFT,
    UNITS,
    leading_article,
)


class Reading(NamedTuple):
    """What a text says for marking: its shape (numbers, symbols, and "w" for each run of words),
    the words of each run, and whether each run touches a number (no slip is forgiven there)."""

    shape: tuple[tuple[str, ...], ...]
    runs: tuple[tuple[str, ...], ...]
    near_number: tuple[bool, ...]


_JOINER_FIRST = frozenset(j[0] for j in (*FREQUENCY, *RANGE, ("and",)))
_SHAPED = (
    _JOINER_FIRST | DEGREES | {"from", "between", "am", "pm"} | {n for n, unit in UNITS.items() if unit == "times"}
)
"""Words that shape_tokens reads as part of a range, a frequency, a temperature, a time of day or a
count of times (the period after it: _units), which shape_parts leaves to it."""


def _joined(tokens: list[Token], i: int, joiners: tuple[tuple[str, ...], ...]) -> tuple[str, ...] | None:
    """The joiner ("to", "in", "-"...) at tokens[i] that a number follows, if any."""
    if i >= len(tokens) or tokens[i][1] not in _JOINER_FIRST:
        return None
    return next((j for j in joiners if starts(tokens, i, j) and is_number(tokens, i + len(j))), None)


def _units(items: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """A unit right after a number in one spelling ("5 milligrams" = "5 mg"); "degrees" dropped;
    after a count of times, the period in one spelling ("twice daily" = "twice a day": PER_PERIOD)."""
    out: list[tuple[str, ...]] = []
    after_number = False
    counted = False  # the last item is "times" right after a number: a count ("2 times", "twice")
    joined = False
    for i, item in enumerate(items):
        if joined:  # the second half of a unit written in two ("tea spoon")
            joined = False
            continue
        if counted and item == ("s", "/"):
            continue  # "2 times/day" and "2 times per day" are "2 times a day"
        if counted and item[0] == "w":
            counted = False
            period = _period(item[1], items[i + 1 : i + 2])
            if period:
                out.append(("w", PER_PERIOD[period]))
                joined = period != item[1]  # "a day": the period was the next word
                continue
        if item[0] == "w" and after_number:
            if item[1] in DEGREES:  # "-18 degrees C" = "-18 °C": the unit is the next word; with
                scale = [UNITS.get(w[1]) for w in items[i + 1 : i + 2] if w[0] == "w"]  # none, "57°" is no 57
                if scale in (["c"], ["f"]):
                    continue
                item = ("w", "°")
            after = [w[1] for w in items[i + 1 : i + 2] if w[0] == "w"]
            joined = _unit_in_two(item[1], after)
            item = ("w", UNITS[item[1] + after[0]] if joined else UNITS.get(item[1], item[1]))
            counted = item[1] == "times"
        else:
            counted = counted and item[0] == "s"  # "2 times/day": a slash between
        after_number = item[0] in ("n", "r", "f", "F") or item in OPERATORS  # "5 mg per kilogram" is "5 mg/kg"
        out.append(item)
    return out


def _period(word: str, after: list[tuple[str, ...]]) -> str:
    """The period (a key of PER_PERIOD) that `word` names after a count of times, or "a", "every"
    and the like and the word `after` it (a list of none or one item); "" if none."""
    if word in PER_PERIOD:
        return word
    if word in PER_WORDS and after and after[0][0] == "w" and after[0][1] in PER_PERIOD:
        return after[0][1]
    return ""


def _unit_in_two(word: str, after: list[str]) -> bool:
    """Whether a word and the word `after` it (a list of none or one) are a unit written in two
    ("tea spoon", "month s"), as a run of words is read whatever its spaces."""
    return bool(after) and word + after[0] in UNITS


COMPARISONS = frozenset("=<>≤≥≠≈~")
"""Signs that compare: a "!" or "/" joined to one makes another ("!=", "/=", "=!", "!<" are "≠", "≮")."""


def _negates(tokens: list[Token], i: int) -> bool:
    """Whether token i is a "!" or "/" that says "not": joined to a comparison sign, or just before
    one ("P /= .07", "P =! .07", "P ! = .07", "!< 1%"), or a "!" joined to the word or number after
    it and to no word or number before ("!increased", "!5 mg"): kept, so the answer's opposite is
    never read as the answer. A "!" that ends a word ("It went down!") is punctuation."""
    if tokens[i][1] not in "!/":
        return False
    before = tokens[i - 1] if i > 0 and not tokens[i][2] else None  # joined on the left
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    joined = after if after is not None and not after[2] else None  # joined on the right
    signs = (before, joined, after if tokens[i][1] == "!" else None)
    if any(t is not None and t[0] == "S" and t[1] in COMPARISONS for t in signs):
        return True
    opens = before is None or before[0] == "S"  # no word or number just before: "!" begins something
    return tokens[i][1] == "!" and opens and joined is not None and joined[0] in ("w", "n")


def _slash_beside_a_number(tokens: list[Token], i: int) -> bool:
    """Whether token i is a slash joined to a number on one side and to nothing on the other ("/5 mg",
    "5/ mg"): kept, so that "5 mg" is never read out of a fraction cut short ("1/5 mg"). Between
    numbers it is a fraction (quiz.typed.reading), and between a word and a number it stands for
    "per" ("mg/5 mL"): both as before."""
    if tokens[i][1] not in "/\\":  # a backslash is a slash typed the wrong way ("丶" reads as one)
        return False
    if is_number(tokens, i + 1) and not tokens[i + 1][2]:
        return i == 0 or bool(tokens[i][2])
    joined_after = i > 0 and tokens[i - 1][0] == "n" and not tokens[i][2]
    return joined_after and (i + 1 == len(tokens) or bool(tokens[i + 1][2]))


def _time_of_day(tokens: list[Token], i: int) -> tuple[str, str, int] | None:
    """A time of the 12-hour clock starting at token i ("8 pm", "8:30 a.m.", "12 am") as the hour
    and minutes of the 24-hour clock it is, and the index after it ("20", "0", ...); else None. So
    "8 pm" says what "20:00" says, "8:00 am" what "8 am" says, and "12 am" is "0:00"."""
    hour, at = tokens[i][1], i + 1
    minutes = "0"
    if starts(tokens, at, (":",)) and is_number(tokens, at + 1) and tokens[at + 1][1].isdigit():
        minutes, at = tokens[at + 1][1], at + 2
    if not (hour.isdigit() and 1 <= int(hour) <= 12 and int(minutes) < 60) or at >= len(tokens):
        return None
    marker = tokens[at][1]
    if tokens[at][0] == "w" and marker in ("am", "pm"):
        at += 1
    elif marker in ("a", "p") and starts(tokens, at + 1, (".", "m")):  # "a.m.", "p.m."
        at += 3
    else:
        return None
    if starts(tokens, at, (".",)) and at + 1 == len(tokens):
        at += 1
    return str(int(hour) % 12 + (12 if marker.startswith("p") else 0)), minutes, at


def _range_in_units(tokens: list[Token], i: int) -> int | None:
    """Where the second unit of a range that gives its unit at both ends starts ("5%-10%", "5 mg
    to 10 mg": the same "%" or word after each number), the range starting at tokens[i]; else None.
    Such a range says what the range with its unit once says."""
    unit = tokens[i + 1] if i + 1 < len(tokens) else None
    if unit is None or not (unit[0] == "w" or unit[1] == "%"):
        return None
    joined = _joined(tokens, i + 2, RANGE)
    end = i + 3 + len(joined) if joined else 0
    if not joined or end >= len(tokens) or tokens[end][:2] != unit[:2]:
        return None
    return end


_LENGTHS = frozenset(("m", "cm", "mm", "km", "μm"))
"""Units of length, whose square and cube (area, volume) are written "m2" as often as "m²"."""


def _power_of_a_length(items: list[tuple[str, ...]], token: Token) -> bool:
    """Whether a number token is the power 2 or 3 written right after a unit of length with no
    space ("m2", "mm3"): the body surface area of "mg/m2" and the count per volume of "cells/mm3"."""
    return token[1] in ("2", "3") and not token[2] and bool(items) and items[-1][0] == "w" and items[-1][1] in _LENGTHS


def shape_tokens(tokens: list[Token], language: str = "en") -> Reading:
    """Ranges and frequencies from the tokens, soft punctuation dropped, a leading article
    (leading_article: `language` is the deck's) dropped, words grouped into runs."""
    leading = [t[1] for t in itertools.takewhile(lambda t: t[0] == "w", tokens[:3])]
    if leading_article(leading, language):
        tokens = tokens[1:]
    # ("n", value), ("r", a, b), ("f", a, of), ("F", a, b, of), ("s", symbol), ("w", word)
    items: list[tuple[str, ...]] = []
    chain = -1  # the token of the last operator of a compound unit (quiz.typed.units.unit_operator)
    i = 0
    while i < len(tokens):
        kind, value = tokens[i][0], tokens[i][1]
        if kind == "w" and value in ("from", "between") and is_number(tokens, i + 1):
            joined = _joined(tokens, i + 2, RANGE if value == "from" else (("and",), *RANGE))
            if joined:
                items.append(("r", tokens[i + 1][1], tokens[i + 2 + len(joined)][1]))
                i += 3 + len(joined)
                continue
        if kind == "n":
            clock = _time_of_day(tokens, i)
            if clock is not None:  # "8 pm" is "20:00", "8:30 a.m." is "8:30"
                hour, minutes, i = clock
                items += [("n", hour), ("s", ":"), ("n", minutes)]
                continue
            if _power_of_a_length(items, tokens[i]):
                items.append(("s", "^"))  # "mg/m2" is "mg/m²", "cells/mm3" is "cells/mm³"
            unit = _range_in_units(tokens, i)
            if unit is not None:  # "5%-10%" is "5-10%", "5 mg to 10 mg" is "5-10 mg"
                unit_kind = "s" if tokens[unit][0] == "S" else "w"
                items += [("r", value, tokens[unit - 1][1]), (unit_kind, tokens[unit][1])]
                i = unit + 1
                continue
            frequency = _joined(tokens, i + 1, FREQUENCY)
            joined = frequency or _joined(tokens, i + 1, RANGE)
            end = i + 1 + len(joined) if joined else i  # the second number
            per = None if frequency or not joined else _joined(tokens, end + 1, FREQUENCY)
            if per:  # "1 to 3 in 100", "1-3 out of 100": a range of frequencies, ("F", a, b, of)
                items.append(("F", value, tokens[end][1], tokens[end + 1 + len(per)][1]))
                i = end + 2 + len(per)
            elif joined:
                items.append(("f" if frequency else "r", value, tokens[end][1]))
                i = end + 1
            else:
                items.append(("n", value))
                i += 1
            continue
        if kind == "w" and value == "x" and items and items[-1][0] == "n" and is_number(tokens, i + 1):
            items.append(("s", "×"))  # "4 x 10^9" is "4 × 10⁹", "3 x 5 cm" is "3 × 5 cm": x between numbers
        elif kind == "w" and value == "s" and not tokens[i][2] and items and items[-1][0] == "n":
            items.append(("s", "s"))  # "in their 40s", "the 1990s": a decade or an age, never "40 seconds"
        elif kind == "w":
            items.append(("w", value))
        elif operator := unit_operator(tokens, i, chain):
            items.append(("s", operator))  # "1 m/s" is not "1 ms", "1 mg/kg" not "1 mg·kg"
            chain = i
        elif value in ("-", "+") and (side := sign_side(tokens, i)):
            items.append(("s", value, side))  # a sign says something, of one word: "O-", "HER2- ER", "-ve"
        elif value == "°" and items and items[-1][0] in "nrfF":
            items.append(("w", "degrees"))  # "57°" is "57 degrees" (_units), never 57
        elif (
            value not in SOFT
            or (value == ":" and i > 0 and tokens[i - 1][0] == "n" and is_number(tokens, i + 1))
            or stands_before_a_number(tokens, i)
            or _slash_beside_a_number(tokens, i)
            or _negates(tokens, i)
            or (value == "/" and ends_a_text(tokens, i))  # "10 mL/", "5 mg/kg/": a rate cut short
        ):  # a colon between numbers is a ratio or a time ("1:10", "8:30"), not "1 10"
            items.append(("s", value))
        i += 1
    items = _units(items)
    shape: list[tuple[str, ...]] = []
    runs: list[list[str]] = []
    near: list[bool] = []
    # A run touches a number when only symbols ("%", "=") stand between them.
    last = ""  # the kind of the last item other than a symbol
    for item in items:
        kind = item[0]
        if kind == "w":
            if shape and shape[-1] == ("w",):
                runs[-1].append(item[1])
            else:
                operand = bool(shape) and shape[-1] in OPERATORS and bool(near)  # "mg/kg": a unit's part
                shape.append(("w",))
                runs.append([item[1]])
                near.append(last in ("n", "r", "f", "F") or operand and near[-1])
        else:
            shape.append(item)
            if kind in "nrfF" and last == "w":
                near[-1] = True
        if kind != "s":
            last = kind
    return Reading(tuple(shape), tuple(tuple(r) for r in runs), tuple(near))


def shape_parts(parts: list[str]) -> Reading | None:
    """shape_tokens of a text's words and whole numbers (quiz.typed.reading.words_and_whole_number_parts)
    when none of its rules but units applies (no word of a range, a frequency or a temperature, no
    leading article), else None.

    Then each number stands alone, the first word after a number is a unit in its one spelling,
    and a run of words touches a number on either side. One pass, without shape_tokens' tokens: `quiz
    check` of a large deck feels it (docs/benchmarks.md). A property test holds it equal to read_tokens.
    """
    if parts[0] in ARTICLES or not _SHAPED.isdisjoint(parts):
        return None
    shape: list[tuple[str, ...]] = []
    runs: list[list[str]] = []
    near: list[bool] = []
    after_number = False
    for i, part in enumerate(parts):
        if part.isdigit():
            if shape:
                near[-1] = True  # a word run is all that comes before a number here
            shape.append(("n", whole_value(part)))
            after_number = True
        elif after_number:
            if _unit_in_two(part, parts[i + 1 : i + 2]):
                return None  # "1 tea spoon": _units' rule
            shape.append(("w",))
            runs.append([UNITS.get(part, part)])
            near.append(True)
            after_number = False
        elif shape:
            runs[-1].append(part)
        else:
            shape.append(("w",))
            runs.append([part])
            near.append(False)
    return Reading(tuple(shape), tuple(map(tuple, runs)), tuple(near))
