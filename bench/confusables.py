"""`python -m bench.confusables`: write quiz/data/confusables.tsv, the characters that look like a
Latin letter, digit or symbol, from Unicode's confusables (UTS #39) as the package
confusable-homoglyphs ships them, and the few look-alikes newer than its data (SUPPLEMENT).

A build step, not part of the app: quiz reads the written table (quiz.deck.text.look_alikes), and
tests/test_confusables.py holds it against the package when the package is installed.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

from quiz.typed.words import DOTS, RAISED_POINTS, SUPERSCRIPTS, SYMBOL_FORMS, VULGAR_FRACTIONS

TABLE = Path(__file__).parent.parent / "quiz" / "data" / "confusables.tsv"

READ = frozenset(RAISED_POINTS + SUPERSCRIPTS + VULGAR_FRACTIONS + "".join(map(chr, {**DOTS, **SYMBOL_FORMS})))
"""Characters typed marking reads with their own meaning (quiz.typed.words): the Arabic decimal
separator "٫" is a decimal point, never the comma it looks like."""

SUPPLEMENT = {
    "\u1959": "u",  # TAI LE LETTER PA (in confusables.txt since Unicode 9)
    "\u03ba": "k", "\u03c7": "x",  # Greek κ, χ: Unicode gives the kra "ĸ" and none; quiz "k", "x" (as before)
    "\u051a": "Q", "\u04ba": "H",  # Cyrillic Ԛ, Һ (as before: newer than the package's data)
    "\u04cf": "l",  # CYRILLIC SMALL LETTER PALOCHKA: "l" in today's confusables.txt, "i" in the package's
    "\u2329": "<", "\u3008": "<", "\u27e8": "<",  # angle brackets drawn as a less-than sign
    "\u232a": ">", "\u3009": ">", "\u27e9": ">",
    "\u2a7e": "\u2265", "\u2267": "\u2265",  # ⩾ (slanted) and ≧ (Japanese) greater-than or equal to
    "\u2a7d": "\u2264", "\u2266": "\u2264",
    "\u2715": "x", "\u2716": "x",  # multiplication X, heavy: as Unicode reads × and ⨯
    "\u02dc": "~",  # SMALL TILDE, as Unicode reads it (NFKC makes it a space and a tilde over it: nothing)
    "\u00af": "-", "\u02c9": "-", "\u203e": "-",  # macron, overline: before a number, a minus (APL's)
}  # fmt: skip
"""Look-alikes of Latin letters and symbols that the package's data lacks, each read as the
character a reader takes it for (the tester's list, T5: Tai Le ᥙ, ⩾ for ≥, ✕ for ×, 〈 for <). A
macron or an overline standing alone is a high minus, as APL and some typesetting write one: it is
never nothing (NFKC makes it a space with a mark over it, which typed marking drops), and "¯18 °C"
is no "18 °C"."""

ALPHABETS = frozenset(
    "ıƁɓƊɗƘƙƳƴƓɠƇƈƤƥƬƭ"  # Turkish dotless ı; the hooked letters of Hausa, Fula and Serer
    "ƠơƯư"  # Vietnamese
    "ƷʒƔɣƲʋƐɛƆɔŊŋƏəⱭɑ"  # Skolt Sami, Ewe, Dinka, Akan, Azerbaijani, Fe'fe'
    "ǀǁǂǃʔɁɂ"  # the clicks of Khoekhoe and Juǀ'hoan, the glottal stop of Dene languages
)
"""Letters of the Latin script that are letters of a living language's alphabet, each its own
letter there, never a look-alike of another: Turkish "ılık" (lukewarm) is not "ilik" (bone
marrow), nor Hausa "ƙasa" a "kasa" (a tester's report, T7). Unicode lists them as confusables of
ASCII letters; quiz keeps them out of the table, as a reader of the language tells them apart."""

HEADER = """\
# Characters that look like a Latin letter, digit or symbol, and what they look like: the
# character's code point, what a reader takes it for, and whether it is a letter (read so only in a
# word holding a Latin letter, so that a Russian, Greek or Hebrew word keeps its own letters) or a
# symbol (read so in any text). quiz.deck.text.as_seen reads it; written by `python -m bench.confusables`.
#
# From Unicode's confusables (UTS #39, confusables.txt) as the package confusable-homoglyphs {version}
# ships it (confusable_homoglyphs/confusables.json), under the Unicode License V3
# (quiz/data/LICENSE-unicode.txt). Kept: single characters that are not ASCII, that NFKC leaves as
# they are (NFKC reads the others: "Ｍ", "𝐠", "Ⅲ"), that are no mark and no decimal digit (a digit
# is read as its value: Bengali ৪ is 4), not read by typed marking as it is (the decimal point "٫"),
# whose prototype is ASCII, and that are no letter of a living language's alphabet (ALPHABETS: the
# Turkish ı, the Hausa ƙ); "l" read as a capital "I"
# after a capital letter and as "|" after a symbol, as UTS #39 takes the three for one. Added
# (source "quiz"): bench/confusables.py SUPPLEMENT.
"""


def derive(matrix: dict[str, list[dict[str, str]]]) -> dict[str, str]:
    """Each character that looks like ASCII text, with that text, from the package's matrix (a
    character or prototype -> the entries {"c": text, "n": name} confused with it, both ways, as
    confusables.json holds it): the rules of HEADER."""
    table: dict[str, str] = {}
    for prototype, entries in matrix.items():
        if not prototype.isascii() or not prototype.isprintable():
            continue
        for entry in entries:
            source = entry["c"].strip("\u200e")  # right-to-left characters come between two LRMs
            if len(source) != 1 or source.isascii() or unicodedata.normalize("NFKC", source) != source:
                continue
            if unicodedata.category(source)[0] == "M" or unicodedata.category(source) == "Nd" or source in READ:
                continue
            if source in ALPHABETS:
                continue
            table[source] = _as_read(source, prototype)
    return dict(sorted(table.items()))


def _as_read(source: str, prototype: str) -> str:
    """The prototype as the character a reader takes `source` for: UTS #39 writes a capital I, a
    small l, the digit 1 and "|" all as "l", and a double quote as two apostrophes."""
    if prototype == "l" and source.isupper():
        return "I"
    if not source.isalpha():
        prototype = prototype.replace("l", "|")
    return '"' if prototype == "''" else prototype


def kind(source: str) -> str:
    """ "letter" for a letter or a number sign of a script (read only in a text of Latin letters),
    else "symbol"."""
    return "letter" if unicodedata.category(source)[0] in "LN" else "symbol"


def rows(matrix: dict[str, list[dict[str, str]]]) -> list[str]:
    """The table's lines below its header: code point, what it reads as, kind, source."""
    derived = derive(matrix)
    lines = [f"{ord(c):04X}\t{p}\t{kind(c)}\tunicode" for c, p in derived.items() if c not in SUPPLEMENT]
    lines += [f"{ord(c):04X}\t{p}\t{kind(c)}\tquiz" for c, p in SUPPLEMENT.items()]
    return lines


def package_matrix() -> tuple[dict[str, list[dict[str, str]]], str]:
    """The package's confusables matrix and its version (ImportError if it is not installed)."""
    from importlib import metadata, resources

    data = resources.files("confusable_homoglyphs").joinpath("confusables.json").read_text(encoding="utf-8")
    return json.loads(data), metadata.version("confusable-homoglyphs")


def main() -> None:
    matrix, version = package_matrix()
    TABLE.write_text(HEADER.format(version=version) + "\n".join(rows(matrix)) + "\n", encoding="utf-8")
    print(f"wrote {TABLE} ({len(rows(matrix))} characters)")


if __name__ == "__main__":
    main()
