"""Unit symbols as SI writes them: which ones case tells apart (quiz.typed.folding.case_units),
which words are unit symbols, and the slash (per) and product marks (times) between the parts of
a compound unit (unit_operator, which quiz.typed.shape keeps).

The source is the SI Brochure (BIPM, 9th edition, 2019: table 2 for the base units, table 4 for the
derived units with special names, table 7 for the prefixes, table 8 for the units accepted for use
with the SI) and the prefixes ronna, quetta, ronto and quecto (CGPM 2022, resolution 3), with the
units clinical texts add: the molar concentration M (mol/L), the equivalent, the international
unit, the unit U, the food Calorie and mmHg.
"""

from __future__ import annotations

import re
from functools import cache

from quiz.typed.numbers import Token, joined_to_a_word

PREFIXES = ("Q", "R", "Y", "Z", "E", "P", "T", "G", "M", "k", "h", "da", "d", "c", "m", "μ", "µ", "u", "mc", "n",
            "p", "f", "a", "z", "y", "r", "q")  # fmt: skip
"""The SI prefixes (table 7 and CGPM 2022), with "u" and "mc" as micro is typed ("ug", "mcg")."""
CASE_PREFIXES = "MPZYRQ"
"""The prefixes whose small letter is another prefix: mega, peta, zetta, yotta, ronna and quetta
are 10⁶ to 10³⁰, milli, pico, zepto, yocto, ronto and quecto 10⁻³ to 10⁻³⁰. "5 MBq" is a
billion times "5 mBq"; "5 Pg" (petagrams) is not "5 pg"."""
CASE_SYMBOLS = ("M", "S", "T", "K")
"""Unit symbols whose small letter is another unit, after a number: M, the molar concentration
(mol/L; "m" is the metre, and "2 m NaCl" a molal solution), S the siemens ("s" the second: "5 mS"
is not "5 ms"), T the tesla or, in a kitchen, the tablespoon ("t" the tonne or the teaspoon), K the
kelvin ("k" a thousand). With any prefix: "mM", "µS", "mT". Not C and F (degrees in either
case), nor H, A, N, V, W and J: no patient deck writes the henry, ampere, newton, volt, watt or
joule alone after a number, and "5 H" typed for "5 h" is still hours."""
CALORIE = "Cal"
"""The food Calorie, a kilocalorie, written with a capital C and no prefix: "100 Cal" is a thousand
times "100 cal" ("kCal" and "Kcal" are the kilocalorie, a kcal written carelessly)."""
CAPITAL_ONLY = frozenset(("MU", "MIU"))
"""Units written in capitals throughout that still mean mega: the million units and million
international units of penicillin and interferon. Any other unit in capitals ("5 MG", "5 ML") is
a label's capitals, milli as written small, but for CAPITAL_SYMBOLS."""
CAPITAL_SYMBOLS = frozenset(("BQ", "CI", "GY", "SV", "HZ", "PA", "J", "W", "V", "Ω", "OHM", "WB"))
"""The units whose own symbol is a capital ("Bq", "V", "Ω"), in capitals: after a capital prefix of
CASE_PREFIXES in capitals throughout ("6 MV" photons, "400 MBQ") they are mega, no label's milli
(a label's capitals are those of units written small: mg, mL, mcg, mmol); "6 mV" is no "6 MV"."""
_BASES = ("g", "m", "l", "mol", "bq", "ci", "u", "iu", "gy", "sv", "hz", "eq", "pa", "j", "w", "v", "ohm", "ω", "cal",
          "bar", "wb", "lm", "lx", "kat", "ev", "cd", "rad")  # fmt: skip
"""The unit symbols of tables 2, 4 and 8 and the clinical ones above, case folded, that a capital
prefix of CASE_PREFIXES before is mega, peta ... ("MBq", "Pg", "Mm", "MHz"). Not the single
letters a, c, f, h, k, n, s and t: "Pa" is the pascal (no pico-year), "Mn" manganese, "Ph" a pH,
and "4 Ms" and "5 Ps" are letters in the plural (the 4Ms of geriatric care, the 5 Ps of a limb's
ischaemia), "5 Pt" five patients: no one writes megaseconds or petatonnes."""
_PER_UNITS = ("g", "m", "s", "l", "mol", "eq", "iu", "u", "h", "min", "d", "day", "wk", "hz", "pa", "j", "cal", "bq",
              "gy", "sv", "mmhg")  # fmt: skip
"""The unit symbols, case folded, that a slash between two of reads as "per" with no number
before them (is_unit_symbol): "m/s", "mg/kg", "mmol/L", "mL/min". Single letters other than these
(a, c, n, v, w ...) are left out: "N/V" (nausea and vomiting) and "A/C" are no units."""


def _any_of(symbols: tuple[str, ...] | list[str]) -> str:
    """A regular expression's alternatives for the symbols, the longest first ("mc" before "m")."""
    return "|".join(sorted(map(re.escape, symbols), key=len, reverse=True))


@cache
def _case_unit() -> re.Pattern[str]:
    """A unit symbol that case tells apart (case_key), as written, in its groups: a capital prefix
    of CASE_PREFIXES and its unit; or a prefix and a symbol of CASE_SYMBOLS; or the Calorie."""
    symbols = "".join(CASE_SYMBOLS)
    return re.compile(rf"([{CASE_PREFIXES}])((?i:{_any_of(_BASES)}))|({_any_of(PREFIXES)})?([{symbols}])|({CALORIE})")


def case_key(unit: str) -> str:
    """A unit symbol written after a number (NFKC) as case tells it apart, "" if case does not:
    "MBq" -> "Mbq", "mS" -> "mS", "µM" and "uM" -> "μM", "M" -> "M", "Cal" -> "Cal", "T" -> "T";
    "" for "mg", "ms", "kcal", "kCal", "mL", "Hz" and a unit in capitals throughout ("MG", "MS",
    "CAL"), which is a label's milli, but for CAPITAL_ONLY. A word that is no unit gives ""."""
    capital_symbol = unit[:1] in CASE_PREFIXES and unit[1:] in CAPITAL_SYMBOLS
    if len(unit) > 1 and unit.isupper() and unit not in CAPITAL_ONLY and not capital_symbol:
        return ""
    found = _case_unit().fullmatch(unit)
    if found is None:
        return ""
    capital, base, prefix, symbol, calorie = found.groups()
    if capital:
        return capital + base.lower()
    if symbol:
        return {"u": "μ", "µ": "μ", "mc": "μ"}.get(prefix or "", prefix or "") + symbol
    return calorie or ""


@cache
def _per_unit() -> re.Pattern[str]:
    """A folded unit symbol of _PER_UNITS, with a prefix that folding leaves as it is (is_unit_symbol)."""
    return re.compile(rf"(?:{_any_of([p for p in PREFIXES if p.islower()])})?(?:{_any_of(_PER_UNITS)})")


def is_unit_symbol(word: str) -> bool:
    """Whether a folded word is a unit symbol of _PER_UNITS, with or without a prefix ("mg", "kg",
    "mmol", "ml", "km", "h", "min"): between two of them a slash is "per", even with no number
    before them ("m/s" is not "ms")."""
    return _per_unit().fullmatch(word) is not None


PRODUCTS = frozenset("\u00b7\u2022*")
"""Marks of a product between unit symbols: the middle dot, a bullet (quiz.typed.words.DOTS folds
the dot and bullet operators "⋅" and "∙" into one) and "*". Read as one ("·"). A "×" is read as the
letter x it looks like (quiz.deck.text.as_seen), so "mg×kg" is the word "mgxkg"."""


OPERATORS = frozenset((("s", "/"), ("s", "\u00b7")))
"""The shape items of unit_operator: per and times."""


def unit_operator(tokens: list[Token], i: int, chain: int) -> str:
    """ "/" (per) or "·" (times) when token i is a slash or a product mark (PRODUCTS) between the
    parts of a compound unit, else "": after a number and before a unit ("10^9/L", "2/day"), or
    after a unit right after a number ("1 mg/kg", "25 kg·m²", "250 mg/5 mL"), or after the part
    before an operator found at `chain` ("1 mg/kg/day", "mL/min/1.73 m²"), or between two unit
    symbols (is_unit_symbol: "m/s", "mg/dL"). So "1 m/s" is not "1 ms" nor "1 m·s",
    and "1 mg/kg" not "1 mg·kg" nor "1 mgkg": per and times say different units, and a unit's
    letters joined say another. "per" between words reads as "/" (quiz.typed.reading), so "2 mg
    per kg" is "2 mg/kg". Elsewhere a slash between words is soft ("5-FU/LV" is "5 FU LV",
    "and/or"), as it is after a number written into a word ("HER2/neu", "CD4/CD8"), and a product
    mark must be joined to both sides or spaced from both: "mg *kg*" is emphasis."""
    value = tokens[i][1]
    if tokens[i][0] != "S" or value != "/" and value not in PRODUCTS or i == 0 or i + 1 >= len(tokens):
        return ""
    before, after = tokens[i - 1], tokens[i + 1]
    per = value == "/"
    if after[0] != "w" and not (per and after[0] == "n"):
        return ""
    if not per and (before[0] != "w" or bool(tokens[i][2]) != bool(after[2])):
        return ""
    if _a_quantity(tokens, i - 1) or before[:2] == ["S", "%"]:  # "10^9/L", "2/day", "5%/year"
        return "/" if after[0] == "w" else ""
    if before[0] != "w":
        return ""
    part = i >= 2 and (_a_quantity(tokens, i - 2) or tokens[i - 2][1] == "°" or i - 2 == chain)  # "5 °C/min"
    if part or after[0] == "w" and is_unit_symbol(before[1]) and is_unit_symbol(after[1]):
        return "/" if per else "\u00b7"
    return ""


def _a_quantity(tokens: list[Token], k: int) -> bool:
    """Whether token k is a number that is a quantity, not one written into a word ("HER2", "CD4")."""
    return tokens[k][0] == "n" and (bool(tokens[k][2]) or not joined_to_a_word(tokens, k))
