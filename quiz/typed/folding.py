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
from quiz.typed.words import (
    DASHES,
    DOTS,
    NUMBER_WORDS,
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
        text = as_seen(raised, None, language)
    text = unicodedata.normalize("NFKC", fold_case(unicodedata.normalize("NFKC", text), language))
    if not text.isascii():
        if primary_language(language) == "en":  # and "æ", "œ", "ß" as the letters English writes ("oedema")
            text = _accents_dropped(unicodedata.normalize("NFD", text))
            text = text.replace("æ", "ae").replace("œ", "oe").replace("ß", "ss")
        folded = unicodedata.normalize("NFC", text).translate(DASHES)
        text = latin_look_alikes(folded, None, language)  # the look-alikes folding made too
    return text


def _accents_dropped(text: str) -> str:
    """A decomposed (NFD) text without the marks over the letters of its words ("Ménière" ->
    "Meniere") or over a space (an accent written alone, such as "˚" for a degree, which NFKC makes
    a space and a mark). A mark over anything else says something and is kept: "≠" is "=" with a
    stroke over it, "≮" is not "<", a 5 struck through is no 5, and a letter that stands alone is a
    symbol, "Å" (the ångström) no "A" (the ampere), "x̄" (a mean) no "x"."""
    kept = []
    dropped = False  # whether the marks over the last character are dropped
    for i, c in enumerate(text):
        if not unicodedata.combining(c):
            dropped = c.isspace() or c.isalpha() and not _alone(text, i)
        elif dropped:
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
    """The units after a number that folding case would misread, in order: "T" (a tablespoon,
    where "t" is a teaspoon), "G" before /L (giga, where g is grams), a unit with the prefix M
    (mega, a million, where m is milli, a thousandth), its own letters folded, and a molar
    concentration with a prefix (mM, µM, nM, pM: folded, millimetres, nanometres or "5 pm", a time),
    as written: "400 MBq" -> ("Mbq",), "1 T" -> ("T",), "5 G/L" -> ("G",), "5 nM" -> ("nM",). ()
    for "1 t", "400 mBq", "5 mg", "5 g/L", "5 nm" and most texts: what folding reads them as.

    Folding case (`fold`) makes "T" and "t" one text, and "MBq" and "mBq": a dose three times, or a
    billion times, too large would be marked right. The Institute for Safe Medication Practices'
    list of error-prone abbreviations names them. A unit in capitals throughout is milli ("5 MG"
    is 5 mg, as a label writes it), but for "MU" and "MIU", the million units and million IU of
    penicillin and interferon. The text is cut into the tokens the reader reads
    (quiz.typed.numbers.token_pattern), so a unit is found however it and its number are written:
    the number in figures or in words ("one T", "half T", "four hundred MBq"), spaces and soft
    punctuation between ("1  T", "1 (T)", "1-T", "1: T"), the unit's letters a space apart ("5 M U",
    "400 M Bq", "5 G / L", "5 G per L"). A number written into a word ("CD4 T cells") has no unit
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
        if number or word and word.casefold() in _NUMBER_NAMES:
            unit = _unit_after(tokens, n + 1)
            if unit and _misread(unit):
                units.append(unit)
    return tuple(_MOLAR.get(unit) or unit[0] + unit[1:].lower() for unit in units)


_NUMBER_NAMES = frozenset((*NUMBER_WORDS, *SCALES, "half"))
"""Words that name a number a unit may follow ("one T", "four hundred MBq", "half T")."""


@cache
def _a_number() -> re.Pattern[str]:
    """A digit or a word of _NUMBER_NAMES, in any case: a text without one has no case_units (a
    third of their time, in most texts)."""
    return re.compile(r"\d|(?i:" + "|".join(sorted(_NUMBER_NAMES, key=len, reverse=True)) + ")")


def _unit_after(tokens: list[re.Match[str]], k: int) -> str:
    """The unit of _UNIT (or G before /L) that the tokens from k on start with, past soft
    punctuation ("(T)", "-T", ": T"), its letters joined when a space sets them apart ("M U",
    "M Bq"); "" if none."""
    while k < len(tokens) and tokens[k][3] in SOFT:
        k += 1
    first = tokens[k][2] if k < len(tokens) else None
    if not first:
        return ""
    second = tokens[k + 1][2] if k + 1 < len(tokens) else None  # a word a space apart
    if second and _unit().fullmatch(first + second):
        return first + second
    if first in ("G", "g") and _per_litre(tokens, k + 1):
        return first
    return first if _unit().fullmatch(first) else ""


def _per_litre(tokens: list[re.Match[str]], k: int) -> bool:
    """Whether the tokens from k on are "/L" (or "/l", "per L"), spaces and soft punctuation aside."""
    per = False
    while k < len(tokens) and (tokens[k][3] in SOFT or not per and (tokens[k][2] or "").casefold() == "per"):
        per = per or tokens[k][3] in ("/", None)
        k += 1
    return per and k < len(tokens) and tokens[k][2] in ("L", "l")


_MOLAR = {prefix + "M": prefix.replace("u", "μ").replace("µ", "μ") + "M" for prefix in "mµμunpf"}
"""Molar concentrations with an SI prefix (moles a litre: mM, µM or uM, nM, pM, fM), which folding
case would read as a length (mm, nm) or, "5 pM", a time of day; micro in one spelling."""


def _misread(unit: str) -> bool:
    """Whether folding case misreads a unit of case_units: "T", "G" for giga before /L ("5 G/L" of
    platelets is 5 × 10⁹ a litre, "5 g/L" five grams), M for mega ("MBq", "MU") or a molar unit
    (_MOLAR: "5 nM" is not "5 nm")."""
    return unit in ("T", "G") or unit in _MOLAR or unit[0] == "M" and (unit in ("MU", "MIU") or not unit.isupper())


@cache
def _unit() -> re.Pattern[str]:
    """The letters of a unit case_units looks at: T, t, M or m before grams, litres, moles,
    equivalents, becquerels, curies, units, IU, grays, sieverts or hertz, or a prefix before M
    (molar); G or g before /L is _per_litre's."""
    return re.compile("T|t|[Mm](?i:g|l|mol|eq|bq|ci|u|iu|gy|sv|hz)|[mµμunpf]M")


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
