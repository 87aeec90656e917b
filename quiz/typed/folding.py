"""What a typed or expected text is compared as: folded (Unicode forms, case, dashes, accents in
English, superscripts as powers or charges, look-alike letters), and the units after a number
whose case folding would lose (case_units). quiz.typed.reading reads the folded text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from quiz.deck.text import as_seen, fold_case, latin_look_alikes, may_hold_case_units
from quiz.typed.numbers import token_pattern
from quiz.typed.units import case_key
from quiz.typed.words import (
    CONTRACTIONS,
    DASHES,
    DOTS,
    NUMBER_WORDS,
    NUMBERED_BY,
    SCALES,
    SOFT,
    SUPERSCRIPTS,
    SYMBOL_FORMS,
    VULGAR_FRACTIONS,
    primary_language,
)


def fold(text: str, language: str = "en") -> str:
    """A typed or expected text as compared: NFKC, case-folded (quiz.deck.text.fold_case: "ß" stays
    "ß", "I" is "ı" in Turkish), every dash a "-", and in an English text (`language`, the deck's)
    accents dropped and "ß" written "ss", as an English keyboard writes it.

    NFKC folds compatibility forms (full-width "ＣＥＡ", the ligature "ﬁ") as well as composition
    (NFC); it is applied again after case folding, which can undo it. A vulgar fraction after a
    digit is set apart from it first ("1½" -> "1 1/2", never "11/2"). What a reader cannot tell
    apart is folded as quiz.deck.text.as_seen folds it (invisible characters, the characters of
    Unicode's confusables: "0.5 mɡ" is "0.5 mg", "˗18" is "-18", "¯18" a high minus, "˜18" "~18").
    English writes few accents, and a word without them is the same word ("Meniere" for
    "Ménière"); other languages tell words apart by them ("ano" and "año", "schon" and "schön",
    "pécher" and "pêcher"), so they are kept there. Idempotent.
    """
    if not text.isascii():
        raised = _superscripts().sub(_power_or_charge, text)
        raised = _fraction_after_digit().sub(r"\1 \2", raised.translate(SYMBOL_FORMS).translate(DOTS))
        seen = as_seen(raised, None, language)
        normal = unicodedata.normalize("NFKC", seen)  # a form NFKC makes a look-alike: "𝚳" is "Μ", an M
        text = as_seen(normal, None, language) if normal != seen else seen
    text = unicodedata.normalize("NFKC", fold_case(unicodedata.normalize("NFKC", text), language))
    if not text.isascii():
        if primary_language(language) == "en":  # and "æ", "œ", "ß" as the letters English writes ("oedema")
            text = _accents_dropped(unicodedata.normalize("NFD", text))
            text = text.replace("æ", "ae").replace("œ", "oe").replace("ß", "ss")
        folded = unicodedata.normalize("NFC", text).translate(DASHES)
        text = latin_look_alikes(folded, None, language)  # the look-alikes folding made too
    if ("'" in text or "\u2019" in text) and primary_language(language) == "en":
        text = _contraction().sub(lambda m: CONTRACTIONS[m[0].replace("\u2019", "'")], text)
    return text


@cache
def _contraction() -> re.Pattern[str]:
    """A contraction of CONTRACTIONS as a word of a folded text, with either apostrophe."""
    forms = "|".join(re.escape(f).replace("'", "['\u2019]") for f in sorted(CONTRACTIONS, key=len, reverse=True))
    return re.compile(rf"(?<![\w'\u2019])(?:{forms})(?![\w'\u2019])")


def _accents_dropped(text: str) -> str:
    """A decomposed (NFD) text without the marks over the letters of its words ("Ménière" ->
    "Meniere"). A mark over anything else says something and is kept: "≠" is "=" with a stroke
    over it, "≮" is not "<", a 5 struck through is no 5, a mark over a space (an accent written
    alone, which NFKC makes a space and a mark) may be taken for a decimal comma ("˛5 mg", "¨2%")
    or a stroke ("P ̸< .05"), and a letter that stands alone is a symbol, "Å" (the ångström) no "A"
    (the ampere), "x̄" (a mean) no "x". An overlay (combining class 1) strikes out even the letter
    of a word: "m̶g" is no "mg", "in̸creased" no "increased"."""
    kept = []
    dropped = False  # whether the marks over the last character are dropped
    for i, c in enumerate(text):
        if not unicodedata.combining(c):
            dropped = c.isalpha() and not _alone(text, i)
        elif dropped and unicodedata.combining(c) != 1:  # an overlay strikes a letter out: "m̶g"
            continue
        kept.append(c)
    return "".join(kept)


def _alone(text: str, i: int) -> bool:
    """Whether the letter at i of a decomposed text is a word of its own: no letter before it, and
    none after its marks."""
    before, after = i - 1, i + 1
    while before >= 0 and unicodedata.combining(text[before]):
        before -= 1
    while after < len(text) and unicodedata.combining(text[after]):
        after += 1
    return not (before >= 0 and text[before].isalpha()) and not (after < len(text) and text[after].isalpha())


def case_units(text: str) -> tuple[str, ...]:
    """The units after a number that folding case would misread, in order, each as case tells it
    apart (quiz.typed.units.case_key): "400 MBq" -> ("Mbq",), "1 T" -> ("T",), "1 M" -> ("M",),
    "5 mS" -> ("mS",), "5 nM" -> ("nM",), "100 Cal" -> ("Cal",), "5 G/L" -> ("G",). () for "1 t",
    "400 mBq", "1 m", "5 ms", "100 cal", "5 mg", "5 g/L" and most texts: what folding reads them as.

    Folding case (`fold`) makes "T" and "t" one text, and "MBq" and "mBq": a dose three times, or a
    billion times, too large would be marked right. The Institute for Safe Medication Practices'
    list of error-prone abbreviations names them; the SI Brochure gives the family
    (quiz.typed.units): a capital prefix whose small letter is another prefix (M mega and m milli,
    P peta and p pico ...), a symbol whose small letter is another unit (M molar and m metre, S
    siemens and s second, T tablespoon and t teaspoon, K kelvin), and the food Calorie ("Cal", a
    kcal). G is giga only before /L ("5 G/L" of platelets is 5 × 10⁹ a litre, "5 g/L" five grams).
    A unit in capitals throughout is a label's ("5 MG" is 5 mg, "5 MS" 5 ms), but for "MU" and
    "MIU", the million units and million IU of penicillin and interferon. The text is cut into the
    tokens the reader reads (quiz.typed.numbers.token_pattern), so a unit is found however it and
    its number are written: the number in figures or in words ("one T", "half T", "four hundred
    MBq"), spaces and soft punctuation between ("1  T", "1 (T)", "1-T", "1: T"), the unit's letters
    a space apart ("5 M U", "400 M Bq", "5 G / L", "5 G per L"). A number written into a word ("CD4
    T cells", "N0 M0") or after a word of NUMBERED_BY ("Stage 4S": a stage's letter) has no unit
    here. Compared beside the reading (quiz.typed.marking.exact_keys).
    """
    if not text.isascii():  # as a reader sees it: "МBq" with a Cyrillic М is "MBq"
        text = unicodedata.normalize("NFKC", as_seen(text))
    if not may_hold_case_units(text) or not _a_number().search(text):  # most texts
        return ()
    tokens = list(token_pattern().finditer(text))
    units = []
    for n, token in enumerate(tokens):
        number, word = token[1], token[2]
        if number and token.start() and text[token.start() - 1].isalnum():
            continue  # "CD4 T cells": a number written into a word
        if n and (tokens[n - 1][2] or "").casefold() in NUMBERED_BY:
            continue  # "Stage 4S": a stage's letter, no unit
        if number or word and word.casefold() in _NUMBER_NAMES:
            unit = _unit_after(tokens, n + 1)
            if unit:
                units.append(unit)
    return tuple(units)


_NUMBER_NAMES = frozenset((*NUMBER_WORDS, *SCALES, "half"))
"""Words that name a number a unit may follow ("one T", "four hundred MBq", "half T")."""


@cache
def _a_number() -> re.Pattern[str]:
    """A digit or a word of _NUMBER_NAMES, in any case: a text without one has no case_units (a
    third of their time, in most texts)."""
    return re.compile(r"\d|(?i:" + "|".join(sorted(_NUMBER_NAMES, key=len, reverse=True)) + ")")


def _unit_after(tokens: list[re.Match[str]], k: int) -> str:
    """The case_key of the unit that the tokens from k on start with (or "G" before /L), past soft
    punctuation ("(T)", "-T", ": T"), its letters joined when a space sets them apart ("M U",
    "M Bq"); "" if none or if case does not tell it apart."""
    while k < len(tokens) and tokens[k][3] in SOFT:
        k += 1
    first = tokens[k][2] if k < len(tokens) else None
    if not first:
        return ""
    second = tokens[k + 1][2] if k + 1 < len(tokens) else None  # a word a space apart
    joined = case_key(first + second) if second else ""
    if joined:
        return joined
    if first == "G" and _per_litre(tokens, k + 1):
        return first
    return case_key(first)


def _per_litre(tokens: list[re.Match[str]], k: int) -> bool:
    """Whether the tokens from k on are "/L" (or "/l", "per L"), spaces and soft punctuation aside."""
    per = False
    while k < len(tokens) and (tokens[k][3] in SOFT or not per and (tokens[k][2] or "").casefold() == "per"):
        per = per or tokens[k][3] in ("/", None)
        k += 1
    return per and k < len(tokens) and tokens[k][2] in ("L", "l")


def _power_or_charge(run: re.Match[str]) -> str:
    """A run of superscripts as read: a power ("10⁻³" -> "10^-3") after a digit or at the start,
    but an ion's charge after a letter or a subscript when it ends in a sign, written on the line
    as chemists type it ("Ca²⁺" -> "Ca2+", "Na⁺" -> "Na+", "HCO₃⁻" -> "HCO₃-")."""
    raised = unicodedata.normalize("NFKC", run.group())
    before = run.string[run.start() - 1 : run.start()]
    after_a_symbol = before.isalpha() or (before != "" and not before.isascii())  # "a", "₃"
    return raised if after_a_symbol and raised[-1] in "+-\u2212" else "^" + raised


@cache
def _superscripts() -> re.Pattern[str]:
    """A run of superscript digits and signs: a power (quiz.typed.words.SUPERSCRIPTS)."""
    return re.compile(f"[{SUPERSCRIPTS}]+")


@cache
def _fraction_after_digit() -> re.Pattern[str]:
    """A digit (of any script) and the vulgar fraction right after it: a mixed number ("1½")."""
    return re.compile(rf"(\d)([{VULGAR_FRACTIONS}])")
