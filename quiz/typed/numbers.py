"""Numbers as a typed or expected text writes them: a value from digits and separators ("1,000",
",5", "10 000"), numbers in words ("one hundred", "twenty-five", "a half"), ordinals ("1st" =
"first"), signs and "+/-". The rules quiz.typed.reading applies token by token (read_tokens); each
form is read only where no other number can be written the same way (reading's docstring).
"""

from __future__ import annotations

import re
from functools import cache

from quiz.typed.quantities import scaled
from quiz.typed.words import (
    DECIMAL_COMMA,
    DECIMAL_POINTS,
    NUMBER_WORDS,
    NUMBERED_BY,
    NUMBERED_LIST,
    ORDINAL_WORDS,
    POWERS,
    RAISED_POINTS,
    SCALES,
    TIMES,
    TIMES_BEFORE,
    ordinal_suffix,
    primary_language,
)


def plain_decimal(text: str) -> str:
    """A decimal's plain form: no leading or trailing zeros ("02.50" -> "2.5"), "-0" is "0".

    Done on the digits as text, so numbers of any length stay exact (decimal.Decimal would round
    them to 28 digits, and int() refuses more than 4,300).
    """
    sign, digits = ("-", text[1:]) if text.startswith("-") else ("", text)
    whole, _, frac = digits.partition(".")
    whole, frac = whole.lstrip("0") or "0", frac.rstrip("0")
    if whole == "0" and not frac:
        return "0"
    return sign + whole + ("." + frac if frac else "")


CODE_DIGITS = 3
"""A whole number of this many digits or more that starts with 0 is a code (whole_value)."""


@cache
def token_pattern() -> re.Pattern[str]:
    """The tokens a text is read in (quiz.typed.reading, and quiz.typed.folding.case_units): a
    number (digits with separators, or a leading decimal point), a run of letters, or one symbol.

    A space separates thousands only before a group of three digits that starts with 0, which is
    never a number on its own: "1 000 mL" and "10 000 IU" are 1000 and 10000, "1 050" is 1050, but
    "2 500 mg tablets" is two numbers, as a person who writes two 500 mg tablets means.
    """
    mark = f"[.,{RAISED_POINTS}]"  # a decimal point or comma, or a thousands mark
    return re.compile(rf"(\d{{1,3}}(?: 0\d\d(?!\d))+(?:{mark}\d+)*|\d+(?:{mark}\d+)*|{mark}\d+)|([^\W\d_]+)|(\S)")


def whole_value(digits: str) -> str:
    """The value of a whole number written in ASCII digits: "12" and "012" are 12. But a run of
    CODE_DIGITS digits or more that starts with 0 ("00002716", "09481", "007") is no quantity
    anyone writes so: it is a code (a trial's registry number, a ZIP code), read as written ("?"
    and its digits, equal only to itself), so "NCT2716" is never "NCT00002716". Two digits are
    still a number ("05" in "05:30" or "05/01" is 5)."""
    if digits[0] == "0" and len(digits) >= CODE_DIGITS:
        return "?" + digits
    return digits.lstrip("0") or "0"


_MARKS = f".,{RAISED_POINTS} "
"""What may stand between the digits of a number (number_value): a point, a comma, a space."""


def in_a_code(raw: str, value: str) -> str:
    """The value of a number written into a word or joined to one by a hyphen (`raw` as written,
    `value` as number_value read it): a code's digits ("CALGB-9481", "NCT00002716"), so a
    thousands mark is no thousands mark there: "CALGB-9,481" is read as written ("?9,481") and is
    never "CALGB-9481". A decimal point is kept as a point ("pH7.40" is pH 7.4)."""
    marks = sum(c in _MARKS for c in raw)
    return "?" + raw if marks > value.count(".") else value


_ROMAN = re.compile(r"(x{0,3})(ix|iv|v?i{0,3})([a-e]?)")


def roman_value(word: str) -> tuple[str, str] | None:
    """A Roman numeral of 1 to 39 as read (case-folded), with the letter a stage may carry (a to e:
    "IIID" melanoma, "IIE" lymphoma): "iv" -> ("4", ""), "iiib" -> ("3", "b"); else None. "v"
    alone is 5, and "c" is never read as 100: stages, grades, types and phases are numbered in
    ones, fives and tens. "x" alone is no number: after these words it is a letter that means
    something else ("Grade X" or "GX", a grade that cannot be assessed, and "Class X", a pregnancy
    category, are neither grade nor class 10: NCI's dictionary of cancer terms, the FDA's former
    pregnancy categories).
    """
    found = _ROMAN.fullmatch(word)
    if found is None or not (found[1] or found[2]) or found[1] == "x" and not found[2]:
        return None
    tens, units, letter = found.groups()
    value = 10 * len(tens) + {"ix": 9, "iv": 4}.get(units, (5 if units.startswith("v") else 0) + units.count("i"))
    return str(value), letter


def _grouped(groups: list[str]) -> bool:
    """Whether digit groups are thousands groups: 1-3 digits not starting with 0, then threes."""
    first, rest = groups[0], groups[1:]
    return 1 <= len(first) <= 3 and first[0] != "0" and all(len(g) == 3 for g in rest)


def number_value(raw: str, language: str = "en") -> str:
    """The value of a number written with digits, "." and ",", as a plain decimal string.

    "1,000" -> "1000", "1 000" -> "1000", "2,5" -> "2.5", ".5" -> "0.5", "2.50" -> "2.5" (in a deck whose `language`
    is in DECIMAL_COMMA, "1,000" -> "1" and "1.000" -> "1000"). A raised point (DECIMAL_POINTS:
    "0·5", as British journals write it) and the Arabic decimal separator ("0٫5") are decimal
    points in any language, and with no other mark. A number that no rule reads ("1,00,000",
    "1.000.5", "1,000·5") comes back as "?" and its text: it equals only itself.
    """
    if raw.isdigit():
        return whole_value(raw)
    pointed = raw.translate(DECIMAL_POINTS)
    if pointed != raw:  # "0·5" and "·5" (a raised decimal point) are 0.5
        whole, point, frac = pointed.partition(".")
        if (whole and not whole.isdigit()) or not frac.isdigit():
            return "?" + raw  # "1,000·5": another mark too
        return plain_decimal((whole or "0") + point + frac)
    if " " in raw:  # thousands set apart by spaces (_token): "10 000", "10 000.5"
        return number_value(raw.replace(" ", ""), language)
    if raw[0] in ".,":  # ".5" and ",5" (a decimal comma, or the keypad's) are 0.5, never 5
        return plain_decimal("0." + raw[1:])
    seps = [c for c in raw if c in ".,"]
    parts = re.split(r"[.,]", raw)
    if len(set(seps)) == 2:
        mark = seps[-1]
        whole, frac = raw.rsplit(mark, 1)
        groups = whole.split("," if mark == "." else ".")
        if mark in whole or not _grouped(groups):
            return "?" + raw
        return plain_decimal("".join(groups) + "." + frac)
    if len(seps) > 1:
        return plain_decimal("".join(parts)) if _grouped(parts) else "?" + raw
    comma_decimal = primary_language(language) in DECIMAL_COMMA
    if not _grouped(parts):  # "2,5", "0,125", "1234,5": not a thousands group, so a decimal mark
        thousands = (seps[0] == ",") != comma_decimal  # the deck's thousands mark: "," in English
        if thousands and len(parts[1]) == 3 and len(parts[0]) > 3 and parts[0][0] != "0":
            return "?" + raw  # "9481,000": 9,481,000 with a mark left out, or 9481.000? Only itself
        return plain_decimal(parts[0] + "." + parts[1])
    if (seps[0] == ",") == comma_decimal:
        return plain_decimal(parts[0] + "." + parts[1])
    return plain_decimal(parts[0] + parts[1])


def negate(value: str) -> str:
    """The value with its sign changed ("0" has none; an unread "?..." keeps its mark)."""
    if value == "0":
        return value
    if value.startswith("?"):
        return "?" + negate(value[1:])
    return value[1:] if value.startswith("-") else "-" + value


Token = list[str]
"""[kind, text, spaced, origin]: kind "n" (number value), "w" (word) or "S" (symbol); spaced is "1"
when a space (or the start) comes before it; origin is "spelled" or "half" for numbers in words."""


def word_tokens(word: str, spaced: str, *, numbered: bool = False, after: str = "") -> list[Token]:
    """The tokens a word of letters reads as: a number in words ("five"), "half", a count of times
    ("twice" is "2 times", when `after`, the next word, is one of TIMES_BEFORE or none follows), a
    Roman numeral where `numbered` (after "stage": "stage IV" is "stage 4", "IIIb" is "3b"), else
    the word itself. `spaced`: whether a space comes before it."""
    if word in NUMBER_WORDS:
        return [["n", NUMBER_WORDS[word], spaced, "spelled"]]
    if word == "half":
        return [["n", "0.5", spaced, "half"]]
    if word in TIMES and (not after or after in TIMES_BEFORE):
        return [["n", TIMES[word], spaced, ""], ["w", "times", "1", ""]]
    roman = roman_value(word) if numbered else None
    if roman is not None:
        return [["n", roman[0], spaced, ""], *([["w", roman[1], "", ""]] if roman[1] else [])]
    return [["w", word, spaced, ""]]


def numbering(word: str, tokens: list[Token], numbered: bool) -> bool:
    """Whether a Roman numeral after `word` (read as `tokens`) is a number: after NUMBERED_BY
    ("stage IV"), and on along a list of numerals read so ("stages II and III"), as symbols between
    them leave it ("stage II-III", "stage (IV)")."""
    return word in NUMBERED_BY or numbered and (word in NUMBERED_LIST or tokens[0][0] == "n")


def starts(tokens: list[Token], i: int, words: tuple[str, ...]) -> bool:
    """Whether the words (or symbols) start at tokens[i]."""
    return i + len(words) <= len(tokens) and all(
        tokens[i + k][0] != "n" and tokens[i + k][1] == w for k, w in enumerate(words)
    )


def a_half(tokens: list[Token]) -> list[Token]:
    """ "a half" read as the number 0.5 first, so a sign before it applies ("-a half" is -0.5);
    "2 and a half" is left whole for read(), which makes it 2.5."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        after_and = bool(out) and out[-1][1] == "and"
        if tokens[i][:2] == ["w", "a"] and i + 1 < len(tokens) and tokens[i + 1][3] == "half" and not after_and:
            out.append(["n", "0.5", tokens[i][2], ""])
            i += 2
            continue
        out.append(tokens[i])
        i += 1
    return out


def joined_to_a_word(tokens: list[Token], end: int) -> bool:
    """Whether a number written right after tokens[:end] (no space before it) is written into a
    word: right after its letters ("nct00002716", "HER2") or after them and a hyphen ("calgb-9481")."""
    if end > 0 and tokens[end - 1][0] == "w":
        return True
    return end > 1 and tokens[end - 1][1] == "-" and not tokens[end - 1][2] and tokens[end - 2][0] == "w"


def is_number(tokens: list[Token], i: int) -> bool:
    return 0 <= i < len(tokens) and tokens[i][0] == "n"


def number_follows(tokens: list[Token], i: int) -> bool:
    """A number at tokens[i], or a signed one ("-5", "+5", "minus 5")."""
    if is_number(tokens, i):
        return True
    return i < len(tokens) and tokens[i][1] in ("-", "+", "minus", "negative") and is_number(tokens, i + 1)


MAX_EXPONENT = 30
"""The largest power of ten read in scientific notation ("1e30"); a larger one stays unread."""


def scientific(tokens: list[Token], i: int) -> tuple[str, int] | None:
    """The value of a number in scientific notation that starts at tokens[i], and how many tokens
    it takes: "1e-3" and "1E−3" (1 × 10⁻³) are 0.001, "6.02e23" is 602000000000000000000000, and
    with a space before the E only with a sign after it ("1 E-3"; "HPV 16 E6" is a protein). The
    sign of the power is the power's: "1e-3" is never "1e3". None where no such number starts."""
    if tokens[i][0] != "n" or tokens[i][1].startswith("?") or i + 2 >= len(tokens):
        return None
    e, j = tokens[i + 1], i + 2
    if e[:2] != ["w", "e"]:
        return None
    sign = ""
    if tokens[j][0] == "S" and tokens[j][1] in "-+" and not tokens[j][2]:
        sign, j = tokens[j][1], j + 1
    elif e[2]:  # "16 e6": a word and a number
        return None
    if j >= len(tokens) or tokens[j][0] != "n" or tokens[j][2] or not tokens[j][1].isdigit():
        return None
    power = int(tokens[j][1]) * (-1 if sign == "-" else 1)
    if abs(power) > MAX_EXPONENT:
        return "?" + tokens[i][1] + "e" + sign + tokens[j][1], j + 1 - i
    whole, _, frac = tokens[i][1].lstrip("-").partition(".")
    digits, point = whole + frac, len(whole) + power  # the decimal point moved `power` places
    if point <= 0:
        digits, point = "0" * (1 - point) + digits, 1
    digits += "0" * max(0, point - len(digits))
    value = plain_decimal(digits[:point] + "." + digits[point:])
    return (negate(value) if tokens[i][1].startswith("-") else value), j + 1 - i


def a_half_in_figures(out: list[Token], tokens: list[Token], i: int) -> bool:
    """Whether the "/" at tokens[i] makes the fraction 1/2 in figures (out[-1] the 1, in digits).

    1/2 is read as 0.5, as "half" is: "1/2 tablet" = "½ tablet" = "half a tablet" = "0.5 tablet",
    and after a whole number and a space it is a mixed number: "2 1/2" = "2½" = 2.5 (read() makes
    "2 and a half" 2.5 too). Only 1/2 itself: 2/4 is not reduced (a murmur graded 2/4 is not one
    graded 1/2) and other fractions stay fractions ("⅓" = "1/3", never 0.33); a 1/2 inside a longer
    chain of slashes ("1/2/3", a date) is not a half.
    """
    if not out or out[-1][0] != "n" or out[-1][3] or out[-1][1].lstrip("-") != "1":
        return False
    if not is_number(tokens, i + 1) or tokens[i + 1][1] != "2" or tokens[i + 1][3]:
        return False
    chained = i + 2 < len(tokens) and tokens[i + 2][1] in ("/", "\u2044")
    return not chained and not (len(out) > 1 and out[-2][1] in ("/", "\u2044"))


def is_ordinal_suffix(number: Token, word: Token) -> bool:
    """Whether a number in digits and the word right after it make an ordinal: "1st", "22nd", "13th"."""
    value = number[1]
    return (
        word[0] == "w" and not word[2] and not number[3] and value.isdigit() and value != "0"
        and word[1] == ordinal_suffix(int(value))
    )  # fmt: skip


def ordinal_word(out: list[Token], word: Token) -> Token:
    """The ordinal a word makes ("first"), with the tens in words before it ("twenty-first");
    the tens are taken from `out`. "second" never ends a compound (words.ORDINAL_WORDS)."""
    value = ORDINAL_WORDS[word[1]]
    hyphen = len(out) > 1 and out[-1][1] == "-" and not out[-1][2] and not word[2]
    tens = out[-2] if hyphen else out[-1] if out else None
    if tens and tens[3] == "spelled" and len(tens[1]) == 2 and tens[1].endswith("0") and len(value) == 1:
        if word[1] != "second":
            del out[-2 if hyphen else -1 :]
            return ["S", f"ordinal {tens[1][0]}{value}", tens[2], ""]
    return ["S", f"ordinal {value}", word[2], ""]


def numbers_in_words(tokens: list[Token]) -> list[Token]:
    """Numbers in words with "hundred" or "thousand" made one: "one hundred" is 100, "two
    thousand five hundred and one" 2501, "a hundred" 100 (words.SCALES). Other words are kept."""
    if not any(t[0] == "w" and t[1] in SCALES for t in tokens):
        return tokens
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        found = _scaled(tokens, i)
        if found is None:
            out.append(tokens[i])
            i += 1
        else:
            out.append(["n", str(found[0]), tokens[i][2], "spelled"])
            i = found[1]
    return out


_PLAIN = re.compile(r"-?\d+(?:\.\d+)?")


def powers(tokens: list[Token]) -> list[Token]:
    """A number followed by "thousand", "million" or "billion" (words.POWERS) made the number it is,
    ("1 million", "a million": 1000000), both ends of a range too ("2-3 million"); such a word after
    anything else kept. English only (quiz.typed.reading): a German or French "Billion" is 10**12."""
    out: list[Token] = []
    for token in tokens:
        before = out[-1] if out else ["", "", "", ""]
        number = "1" if before[:2] == ["w", "a"] else before[1] if before[0] == "n" else ""
        if token[0] != "w" or token[1] not in POWERS or not _PLAIN.fullmatch(number):
            out.append(token)
            continue
        out[-1] = ["n", scaled(number, 10 ** POWERS[token[1]]), before[2], before[3]]
        start = out[-3] if len(out) >= 3 and out[-2][1] in ("-", "to", "through") else ["", ""]
        if start[0] == "n" and _PLAIN.fullmatch(start[1]):  # "2-3 million" is 2,000,000-3,000,000
            out[-3] = ["n", scaled(start[1], 10 ** POWERS[token[1]]), *start[2:]]
    return out


def _scaled(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """The number in words with a scale that starts at tokens[i], and where it ends, if any."""

    def word(k: int, *words: str) -> bool:
        return k < len(tokens) and tokens[k][0] == "w" and tokens[k][1] in words

    def small(k: int) -> tuple[int, int] | None:  # one to ninety-nine in words
        if k < len(tokens) and tokens[k][3] == "spelled" and tokens[k][1] != "0" and len(tokens[k][1]) <= 2:
            return int(tokens[k][1]), k + 1
        return None

    def hundreds(k: int) -> tuple[int, int, bool] | None:  # below a thousand; whether "hundred" was said
        first = small(k) or ((1, k + 1) if word(k, "a") and word(k + 1, *SCALES) else None)
        if first is None:
            return None
        value, k = first
        if not word(k, "hundred"):
            return value, k, False
        value, k = value * 100, k + 1
        rest = small(k + 1) if word(k, "and") else small(k)
        return (value + rest[0], rest[1], True) if rest else (value, k, True)

    first = hundreds(i)
    if first is None:
        return None
    value, k, scaled = first
    if word(k, "thousand"):
        value, k, scaled = value * 1000, k + 1, True
        rest = hundreds(k + 1) if word(k, "and") else hundreds(k)
        if rest:
            value, k = value + rest[0], rest[1]
    return (value, k) if scaled else None


def tens_and_units(tokens: list[Token]) -> list[Token]:
    """Numbers in words of two parts made one: "twenty-five" and "twenty five" are 25."""
    out: list[Token] = []
    for token in tokens:
        if token[3] == "spelled" and len(token[1]) == 1 and token[1] != "0" and out:
            hyphen = len(out) > 1 and out[-1][1] == "-" and not out[-1][2] and not token[2]
            start = len(out) - (2 if hyphen else 1)
            tens = out[start]
            if tens[3] == "spelled" and len(tens[1]) == 2 and tens[1].endswith("0"):
                del out[start:]
                out.append(["n", tens[1][0] + token[1], tens[2], "spelled"])
                continue
        out.append(token)
    return out
