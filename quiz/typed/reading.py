"""Reading a typed or expected text for marking: folded, numbers and units in one spelling, words
grouped into runs (quiz.typed.marking compares what two texts say).

Each way of writing a number read here was added only where no other number can be written the
same way (docs/questions.md, "Numbers"; tests/test_typed_properties.py holds that two different
numbers never match in any of these forms):
- "1½" is "1 1/2", never NFKC's "11⁄2"; 1/2 is a half, so "1 1/2" = "1.5" (no other fraction is
  a decimal, and none is reduced: a murmur graded 2/4 is not one graded 1/2);
- a space groups thousands only before a group of three digits starting with 0 ("10 000"):
  "2 500 mg tablets" are two numbers, as written;
- "one hundred" and "two thousand five hundred" are numbers; "1st" is "first", an ordinal, never
  the number 1;
- "--1" is no number (it matches only itself), "+/-" is "±", and "per" before a word is "/" after
  a word, a number or "%" ("mg per kg", "3 per day", "5% per year");
- a Roman numeral is a number only after "stage", "grade", "type", "phase", "class" or "schedule"
  ("stage IV" is "stage 4"; "Factor V" is not "factor 5"; "Grade X" is not 10).

The forms of a number itself (its value, numbers in words, halves, ordinals, signs) are read by
quiz.typed.numbers; this module tokenizes a text, applies them in order and shapes the result.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from quiz.typed.folding import fold
from quiz.typed.numbers import (
    Token,
    a_half,
    a_half_in_figures,
    in_a_code,
    is_number,
    is_ordinal_suffix,
    joined_to_a_word,
    negate,
    number_follows,
    number_value,
    numbering,
    numbers_in_words,
    ordinal_word,
    plain_decimal,
    powers,
    scientific,
    starts,
    tens_and_units,
    token_pattern,
    whole_value,
    word_tokens,
)
from quiz.typed.shape import Reading, shape_parts, shape_tokens
from quiz.typed.signs import is_sign, plus_or_minus, signed_number
from quiz.typed.words import (
    COMPARISONS_BY_FIRST,
    NUMBER_WORDS,
    NUMBERED_BY,
    ORDINAL_WORDS,
    POWERS,
    SCALES,
    SYMBOL_PAIRS,
    TIMES,
    leading_article,
    primary_language,
)

# --- reading a text ---------------------------------------------------------------------------


def read_once(text: str, language: str = "en") -> Reading:
    """What a text says for marking (see Reading); `language` is the deck's, for "1,000" and "1.000".

    Not kept: `read` is this with the last texts read kept, for a caller that reads a text again.
    """
    folded = fold(text, language)
    words = plain_words(folded)
    if words is not None:
        if leading_article(words, language):
            words = words[1:]
        return Reading((("w",),), (tuple(words),), (False,))
    parts = words_and_whole_number_parts(folded)
    if parts is not None:
        return shape_parts(parts) or shape_tokens(_whole_number_tokens(parts), language)
    return read_tokens(folded, language)


read = lru_cache(maxsize=1024)(read_once)
"""read_once, keeping the last 1,024 texts read: marking reads a text again straight away, rarely
later (65,536 held 14 MB in a check of 10,000 facts)."""

_NOT_PLAIN = {"half", "percent", "per", *NUMBER_WORDS, *ORDINAL_WORDS, *SCALES, *POWERS, *TIMES, *NUMBERED_BY}
"""Words that read as a number or a symbol, or make the next one a number ("stage IV"), with no digit."""


def plain_words(folded: str) -> list[str] | None:
    """The words of a folded text of plain words alone (ASCII letters and spaces, none that reads
    as a number or a symbol), else None.

    Such a text reads as one run of words, less a leading article: every other rule of `read`
    (units, ranges, comparisons, signs) needs a number. Most answers and wrong options are plain;
    reading them this way is about 10 times faster, which `quiz check` feels on a large deck
    (docs/benchmarks.md). A property test holds it equal to read_tokens.
    """
    words = folded.split()
    if not words or not folded.isascii():
        return None
    for word in words:
        if not word.isalpha() or word in _NOT_PLAIN:
            return None
    return words


def words_and_whole_number_parts(folded: str) -> list[str] | None:
    """The words and numbers of a folded text of plain words and whole numbers in digits ("answer 12
    month"), none of the words one that read_tokens reads otherwise beside a number, else None.

    Such a text is read by shape_tokens alone: the rules of read_tokens before it (signs, a half,
    comparisons, "per cent", numbers in words) all need a symbol or one of those words; ranges,
    frequencies, units and articles are its own. Two numbers in a row are not such a text:
    "1 000" may be one number (_token). Read this way, the short answers `quiz check` reads by
    the thousand take half the time of read_tokens (docs/benchmarks.md); a property test holds
    the two equal.
    """
    parts = folded.split()
    if not parts or not folded.isascii():
        return None
    for n, part in enumerate(parts):
        if part.isdigit():
            if n and parts[n - 1].isdigit():
                return None
        elif not part.isalpha() or part in _READ_NEAR_A_NUMBER:
            return None
    return parts


def _whole_number_tokens(parts: list[str]) -> list[Token]:
    """The tokens read_tokens makes of words_and_whole_number_parts, spaced as they are."""
    return [["n", whole_value(part), "1", ""] if part.isdigit() else ["w", part, "1", ""] for part in parts]


def read_tokens(folded: str, language: str = "en") -> Reading:
    """`read` of a folded text, token by token: every rule, for any text."""
    tokens: list[Token] = []
    quotes: dict[str, int] = {}  # each quotation mark seen so far, how many times (_prime)
    found = list(token_pattern().finditer(folded))
    numbered = False  # whether a Roman numeral here is a number ("stage IV": numbers.numbering)
    for n, m in enumerate(found):
        number, word, symbol = m.groups()
        spaced = "1" if m.start() == 0 or folded[m.start() - 1].isspace() else ""
        if number:
            if not number.isascii():  # other scripts' digits ("٣") are the same numbers
                number = "".join(str(unicodedata.decimal(c, c)) for c in number)
            value = number_value(number, language)
            if not spaced and joined_to_a_word(tokens, len(tokens)):
                value = in_a_code(number, value)  # "calgb-9,481", "nct00002716"
            tokens.append(["n", value, spaced, ""])
        elif word:
            # the next word, if any: only a word of TIMES asks (a look ahead for every word would
            # make a long text's reading take the square of its length)
            after = next((found[k][2] for k in range(n + 1, len(found)) if found[k][2]), "") if word in TIMES else ""
            read = word_tokens(word, spaced, numbered=numbered, after=after)
            numbered = numbering(word, read, numbered)
            tokens += read
        else:
            prime = _prime(symbol, tokens, spaced, folded, m.end(), quotes)
            if prime == "\u2032" and tokens[-1][:2] == ["S", "\u2032"]:  # "″", which NFKC made "′′"
                tokens[-1][1] = "\u2033"
            else:
                tokens.append(["S", prime or symbol, spaced, ""])
            if not prime:
                quotes[symbol] = quotes.get(symbol, 0) + 1
    tokens = numbers_in_words(tens_and_units(tokens))
    if primary_language(language) == "en" and any(t[0] == "w" and t[1] in POWERS for t in tokens):
        tokens = powers(tokens)
    tokens = a_half(tokens)
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        kind, value = tokens[i][0], tokens[i][1]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        and_a_half = i + 3 < len(tokens) and tokens[i + 3][3] == "half" and starts(tokens, i + 1, ("and", "a"))
        powered = scientific(tokens, i) if kind == "n" and nxt and nxt[1] == "e" else None
        if powered is not None:  # "1e-3", "6.02e23", "1 E-3"
            out.append(["n", powered[0], tokens[i][2], ""])
            i += powered[1]
        elif kind == "n" and nxt and is_ordinal_suffix(tokens[i], nxt):  # "1st", "2nd", "21st"
            out.append(["S", f"ordinal {value}", tokens[i][2], ""])
            i += 2
        elif kind == "w" and value in ORDINAL_WORDS and (value != "second" or not (out and out[-1][0] == "n")):
            out.append(ordinal_word(out, tokens[i]))
            i += 1
        elif kind == "n" and and_a_half:
            whole = value.lstrip("-").isdigit()
            out.append(["n", plain_decimal(value + ".5") if whole else f"?{value}+half", tokens[i][2], ""])
            i += 4
        elif nxt and nxt[3] == "half" and (value == "a" and kind == "w" or tokens[i][3] == "spelled" and value == "1"):
            out.append(["n", "0.5", tokens[i][2], ""])
            i += 2
        elif tokens[i][3] == "half" and starts(tokens, i + 1, ("a",)):  # "half a tablet" = "0.5 tablet"
            out.append(tokens[i])
            i += 2
        elif kind == "w" and value == "percent":
            out.append(["S", "%", tokens[i][2], ""])
            i += 1
        elif value == "per" and starts(tokens, i, ("per", "cent")):
            out.append(["S", "%", tokens[i][2], ""])
            i += 2
        elif kind == "w" and value == "per" and out and (out[-1][0] in ("w", "n") or out[-1][1] == "%") \
                and nxt and nxt[0] == "w":
            out.append(["S", "/", tokens[i][2], ""])  # "mg per kg" = "mg/kg", "3 per day" = "3/day"
            i += 1
        elif kind == "S" and value == "+" and plus_or_minus(tokens, i):
            out.append(["S", "±", tokens[i][2], ""])  # "+/-2" and "+-2" = "±2"
            i += 3 if tokens[i + 1][1] == "/" else 2
        elif kind == "S" and value == "-" and nxt and (nxt[1] in ("minus", "negative") or nxt[1] == "-" and nxt[2]) \
                and (not out or out[-1][0] == "S") and (signed := signed_number(tokens, i + 1)) is not None:
            tokens[signed][1] = "?--" + tokens[signed][1]  # "- - 18", "-minus 18": two signs (not "-5 °C - -3 °C")
            i += 2
        elif kind == "S" and value == "-" and starts(tokens, i, ("-", "-")) and not tokens[i + 1][2] \
                and (signed := signed_number(tokens, i + 1)) is not None:
            if out and out[-1][0] == "n" and signed == i + 2 and not tokens[signed][2]:
                out.append(tokens[i])  # "-3--1": a range to a negative number
                tokens[signed][1] = negate(tokens[signed][1])
            else:  # "--1" and "-- 1" are no number: it matches only itself
                tokens[signed][1] = "?--" + tokens[signed][1]
            i += 2
        elif kind == "w" and value in ("minus", "negative") and (signed := signed_number(tokens, i)) is not None:
            tokens[signed][1] = negate(tokens[signed][1])  # "minus 18", "minus (18)"
            i += 1
        elif kind == "S" and value == "-" and is_sign(tokens, i, out[-1] if out else None):
            signed = signed_number(tokens, i) or i + 1  # "-18", "-(18)", "(-)18": is_sign found it
            tokens[signed][1] = negate(tokens[signed][1])
            i += 1
        elif kind == "S" and value == "+" and nxt and not nxt[2] and is_sign(tokens, i, out[-1] if out else None):
            i += 1  # "+5" and "+(5)" are 5; "2+" and "2 +3" keep their "+"
        elif kind == "S" and value == "/" and a_half_in_figures(out, tokens, i):
            one = out.pop()
            before = out[-1] if out and out[-1][0] == "n" and one[2] else None  # "2 1/2", not "2-1/2"
            if before is not None and before[1].lstrip("-").isdigit() and not one[1].startswith("-"):
                before[1] = plain_decimal(before[1] + ".5")  # "2 1/2" is 2.5, "-2 1/2" is -2.5
            else:
                out.append(["n", "-0.5" if one[1].startswith("-") else "0.5", one[2], ""])
            i += 2
        elif kind == "S" and value == "/" and out and out[-1][0] == "n" and is_number(tokens, i + 1):
            out.append(["S", "\u2044", tokens[i][2], ""])  # a fraction or a ratio ("1/2", "120/80"): kept
            i += 1
        elif kind == "S" and nxt and not nxt[2] and (value, nxt[1]) in SYMBOL_PAIRS:  # typed together
            out.append(["S", SYMBOL_PAIRS[value, nxt[1]], tokens[i][2], ""])
            i += 2
        else:
            candidates = COMPARISONS_BY_FIRST.get(value, ()) if kind == "w" else ()
            words = next(
                (c for c in candidates if starts(tokens, i, c[0]) and number_follows(tokens, i + len(c[0]))), None
            )
            if words:
                out.append(["S", words[1], tokens[i][2], ""])
                i += len(words[0])
            else:
                out.append(tokens[i])
                i += 1
    return shape_tokens(out, language)


_PRIMES = {"'": "\u2032", "\u2019": "\u2032", "\u2032": "\u2032", '"': "\u2033", "\u201d": "\u2033"}
"""The marks that, right after a number, are a prime or a double prime: feet and inches, minutes and
seconds of arc ("5′ 6″", typed "5' 6\""): never each other, and never nothing."""
_OPENING = {"'": "'", "\u2019": "\u2018", '"': '"', "\u201d": "\u201c"}
"""The quotation mark that a closing one of _PRIMES would close."""


def _prime(symbol: str, tokens: list[Token], spaced: str, folded: str, end: int, quotes: dict[str, int]) -> str:
    """"\u2032" or "\u2033" when `symbol`, ending at `end` of `folded`, is a prime or a double prime:
    right after a number, no letter after it ("the 1990's" holds an apostrophe), and not closing a
    quotation opened before it ('"5"' is 5 in quotes). Else ""."""
    prime = _PRIMES.get(symbol)
    if prime is None or spaced or not tokens or tokens[-1][0] != "n" and tokens[-1][:2] != ["S", "\u2032"]:
        return ""
    if end < len(folded) and folded[end].isalpha():
        return ""
    opening = _OPENING.get(symbol)
    if opening == symbol:  # ' and ": one mark opens and closes
        closes = quotes.get(symbol, 0) % 2 == 1
    else:  # ’ and ” close an earlier ‘ or “
        closes = opening is not None and quotes.get(opening, 0) > quotes.get(symbol, 0)
    return "" if closes else prime


_READ_NEAR_A_NUMBER = _NOT_PLAIN | COMPARISONS_BY_FIRST.keys() | {"minus", "negative"}
"""Words that read_tokens reads otherwise beside a number (ranges and frequencies are the shape's own)."""
