"""The vendored look-alikes (quiz/data/confusables.tsv): Unicode's confusables as the package
confusable-homoglyphs ships them (bench/confusables.py writes the file), and what they may not hold."""

from __future__ import annotations

import unicodedata

import pytest

from bench.confusables import ALPHABETS, SUPPLEMENT, TABLE, rows
from quiz.deck.text import look_alikes


def _lines() -> list[str]:
    return [line for line in TABLE.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]


def test_the_vendored_table_is_what_the_package_gives() -> None:
    """Written again from the installed package, the table is the same: no row edited by hand, none
    left behind by a change of bench/confusables.py's rules (run `python -m bench.confusables`)."""
    pytest.importorskip("confusable_homoglyphs")
    from bench.confusables import package_matrix

    matrix, _ = package_matrix()
    assert _lines() == rows(matrix)
    derived = {line.split("\t")[0] for line in rows(matrix) if line.endswith("\tunicode")}
    assert {f"{ord(c):04X}" for c in SUPPLEMENT}.isdisjoint(derived)


def test_each_look_alike_reads_as_ascii_or_a_comparison_and_never_as_what_quiz_reads_otherwise() -> None:
    """One character a row, beyond ASCII, no mark, no decimal digit (read as its value), none NFKC
    reads; each read as ASCII text (or ≥, ≤); the micro sign and Greek μ are never "m" (nor any
    look-alike "m": UTS #39 reads "rn" as "m", not the other way). In a deck in English every row
    of one character is read; with no language known, the letters of living alphabets are not."""
    every, symbols = look_alikes("en")
    single = [line for line in _lines() if " " not in line.split("\t")[0]]
    assert len(every) == len(single) > 600 and set(symbols.items()) <= set(every.items())
    alphabets = {ord(c) for c in ALPHABETS}
    assert set(look_alikes()[0]) == set(every) - alphabets and alphabets & set(every)
    for code, seen in every.items():
        c = chr(code)
        assert not c.isascii() and unicodedata.category(c)[0] != "M" and unicodedata.category(c) != "Nd", c
        assert unicodedata.normalize("NFKC", c) == c or c in SUPPLEMENT, c
        assert seen.isascii() or seen in "\u2265\u2264", (c, seen)
    assert "m" not in every.values() and ord("\u00b5") not in every and ord("\u03bc") not in every
    assert ord("\u066b") not in every  # the Arabic decimal separator is a decimal point, no comma


def test_a_letter_with_a_mark_is_an_ascii_letter_and_its_marks_read_as_one_letter() -> None:
    """The rows of a letter written with marks: an ASCII letter (or a dotless ı, ȷ) and an overlay
    or a dot above, read as one letter that NFKC leaves as it is and that has no decomposition (so
    NFD never writes it as the sequence again)."""
    marked = [line.split("\t") for line in _lines() if " " in line.split("\t")[0]]
    assert len(marked) > 60
    for code, seen, kind, _source, *languages in marked:
        base, *marks = (chr(int(c, 16)) for c in code.split())
        assert (base.isascii() or base in "\u0131\u0237") and base.isalpha() and kind == "latin", code
        assert all(unicodedata.category(m) == "Mn" for m in marks) and not languages, code
        assert len(seen) == 1 and seen.isalpha(), code
        assert " ".join(f"{ord(c):04X}" for c in unicodedata.normalize("NFD", seen)) not in {m[0] for m in marked}
