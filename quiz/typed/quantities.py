"""What a reading says as a quantity: an amount in its base unit, a percent or a frequency as the
proportion it is, a share written last as one. Typed marking keeps every number as written
(docs/questions.md); these are for the rules that ask what two texts say to a reader: the deck's
rule against options that say the same (quiz.deck.options.Said) and the give-away rule
(quiz.give_away)."""

from __future__ import annotations

from math import gcd

IN_BASE_UNITS = {
    "mcg": ("mcg", 1), "mg": ("mcg", 1000), "g": ("mcg", 10**6), "kg": ("mcg", 10**9),
    "ul": ("ul", 1), "ml": ("ul", 1000), "l": ("ul", 10**6),
    "s": ("s", 1), "min": ("s", 60), "h": ("s", 3600), "day": ("s", 86400), "wk": ("s", 604800),
    "mo": ("mo", 1), "yr": ("mo", 12),
    "μm": ("μm", 1), "mm": ("μm", 1000), "cm": ("μm", 10**4), "km": ("μm", 10**9),
    "oz": ("oz", 1), "lb": ("oz", 16), "lbs": ("oz", 16),
}  # fmt: skip
"""Units of mass, volume, time and length (in their one spelling, UNITS, where "cc" is already
"ml", or as written: "cm", "lb") that convert exactly, each with its base unit and how many of
those it holds (a litre 1,000 mL, a year 12 months, a pound 16 ounces). Not months or years in days or weeks (their days
vary), pounds in grams (453.59237 g), teaspoons and cups (a household spoon is no measure: ISMP),
the percent or mmol of a salt, degrees (°F is no multiple of °C), nor metres: "M" is also a stage
("N1 M0" read as 1 m). A length to a power (an area, "1 m²") is left as it is (in_base_units)."""


def in_base_units(
    shape: tuple[tuple[str, ...], ...], runs: tuple[str, ...]
) -> tuple[tuple[tuple[str, ...], ...], tuple[str, ...]]:
    """The shape and joined runs (quiz.typed.marking.exact_keys) with each number or range whose
    unit follows it alone (a run that is only that unit) given in its base unit (IN_BASE_UNITS):
    what two wrong options say to a reader when both give one quantity, however written ("0.5 g"
    and "500 mg", "2 weeks" and "14 days"). Typed marking keeps them apart, as it keeps every
    number as written (docs/questions.md); the deck's rule against options that say the same
    (quiz.deck.options.Said) reads them so, and asks only for a text holding such a unit. A number
    not read ("?...") is left as it is."""
    out, words = list(shape), list(runs)
    run = -1  # the index in runs of the shape's last ("w",)
    for k, part in enumerate(shape):
        if part == ("w",):
            run += 1
            continue
        if part[0] not in "nr" or k + 1 >= len(shape) or shape[k + 1] != ("w",) or words[run + 1] not in IN_BASE_UNITS:
            continue
        if shape[k + 2 : k + 3] == (("s", "^"),):  # an area or a volume: "1 cm²" is no 10 mm²
            continue
        base, factor = IN_BASE_UNITS[words[run + 1]]
        if all(_read(value) for value in part[1:]):
            out[k] = (part[0], *(scaled(value, factor) for value in part[1:]))
            words[run + 1] = base
    return tuple(out), tuple(words)


def proportions(shape: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
    """The shape with each frequency and each percent written as the proportion it is (("p",
    "1/50") for "2 in 100", "1 in 50" and "2%"; ("p", "1/100", "3/100") for the ranges "1 to 3 in
    100", "1-3%" and "1% to 3%"): what two wrong options say to a reader when both
    give one share of people, however written ("1 in 4" and "25%"). Typed marking keeps them apart
    (a frequency matches only a frequency, docs/questions.md); the deck's rule against options that
    say the same (quiz.deck.options.Said) reads them so. "1 in 3" is not "33%"; a range of no
    percent, a bare number ("half", "0.5") and a number that is not read ("?...") are left as they are."""
    if not any(part[0] in "fF" or part == ("s", "%") for part in shape):
        return shape
    out: list[tuple[str, ...]] = []
    for part in shape:
        *said, whole = part[1:] if part[0] in "fF" else ("?", "?")
        if part[0] in "fF" and all(map(_read, part[1:])) and whole != "0":
            out.append(("p", *(_share(n, whole) for n in said)))  # "1 to 3 in 100": ("p", "1/100", "3/100")
        elif part == ("s", "%") and out and out[-1][0] in "nr" and all(map(_read, out[-1][1:])):
            out[-1] = ("p", *(_share(n, "100") for n in out[-1][1:]))  # "1% to 3%" too
        else:
            out.append(part)
    return tuple(out)


def as_share(shape: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
    """The shape with a share of one written last, as a number between 0 and 1 ("0.5", "½", "half"
    as typed marking reads them) or a fraction ("1/3"), as the proportion it is (("p", "1/2")), as
    proportions writes a percent: an option that is a share ("Half", "About ½", "Over 1/3") says what
    "50%", "about 1 in 2" or "over 33⅓%" says. Within a text ("0.5 tablet", "1/2 dose") a number is
    left as it is, as are a ratio or a score above one ("120/80", "5/2") and a number not read."""
    if not shape:
        return shape
    last = shape[-1]
    if last[0] == "n" and last[1].startswith("0."):  # number_value's plain decimals: no "0.0", no "-"
        return (*shape[:-1], ("p", _share(last[1], "1")))
    if len(shape) >= 3 and shape[-2] == ("s", "\u2044") and last[0] == shape[-3][0] == "n":
        top, bottom = shape[-3][1], last[1]
        if top.isdigit() and bottom.isdigit() and 0 < int(top) < int(bottom):
            return (*shape[:-3], ("p", _share(top, bottom)))
    return shape


def _read(value: str) -> bool:
    """Whether a number's value was read (not "?..." , see quiz.typed.numbers.number_value)."""
    return not value.startswith("?")


def _share(part: str, whole: str) -> str:
    """part / whole (plain decimals, number_value's) as a fraction in lowest terms: "1/50" for 2 and
    100. Done with integers (the fractions module costs `quiz check` 2 ms to import)."""
    (a, b), (c, d) = _as_ratio(part), _as_ratio(whole)
    top, bottom = a * d, b * c
    common = gcd(top, bottom)
    return f"{top // common}/{bottom // common}"


def scaled(value: str, factor: int) -> str:
    """A plain decimal times a whole number, as a plain decimal ("0.5" and 1000 -> "500", "1.25" and
    60 -> "75"), in integers, as number_value writes one: no trailing zeros after the point and
    none before a whole number (the decimal module costs `quiz check` 3 ms to import)."""
    top, bottom = _as_ratio(value)
    whole, rest = divmod(abs(top) * factor, bottom)
    sign = "-" if top < 0 else ""
    if not rest:
        return f"{sign}{whole}"
    places = len(str(bottom)) - 1
    return f"{sign}{whole}.{str(rest).rjust(places, '0').rstrip('0')}"


def _as_ratio(value: str) -> tuple[int, int]:
    """A plain decimal as (numerator, denominator): "2.5" -> (25, 10), "-3" -> (-3, 1)."""
    whole, _, frac = value.partition(".")
    return int(whole + frac), 10 ** len(frac)
