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

from quiz.deck.text import DOTLESS_I_LANGUAGES
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

ALPHABETS = {
    **dict.fromkeys("ı", DOTLESS_I_LANGUAGES),  # the dotless ı of the Turkic Latin alphabets
    **dict.fromkeys("ƁɓƊɗƘƙƳƴƓɠƇƈƤƥƬƭ", "ha ff srr"),  # the hooked letters of Hausa, Fula and Serer
    **dict.fromkeys("ƠơƯư", "vi"),  # Vietnamese
    **dict.fromkeys("Ʒʒ", "sms"),  # Skolt Sami
    **dict.fromkeys("ƔɣƲʋƐɛƆɔŊŋ", "ee ak tw din ln fon bm gaa kab"),  # Ewe, Akan, Dinka, Lingala, Kabyle...
    **dict.fromkeys("Əə", "az"),  # Azerbaijani
    **dict.fromkeys("Ɑɑ", "fmp"),  # Fe'fe'
    **dict.fromkeys("ǀǁǂǃ", "naq ktz"),  # the clicks of Khoekhoe and Juǀ'hoan
    **dict.fromkeys("ʔɁɂ", "chp den scs xsl dgr nuk"),  # the glottal stop of Dene languages, Nuu-chah-nulth
}  # fmt: skip
"""Letters of the Latin script that are letters of a living language's alphabet, each with the
languages (ISO 639, as in a deck's `language`) that write it. In a deck in one of them the letter
is its own letter, never a look-alike of another: Turkish "ılık" (lukewarm) is not "ilik" (bone
marrow), nor Hausa "ƙasa" a "kasa" (a tester's report, T7). In a deck in any other language it is
what it looks like, as Unicode lists it: an English deck has no dental click, and "Stage ǀV" beside
"Stage IV", "Brɑin" beside "Brain", are one option drawn twice (a tester's report, T8). Its small
or capital letter, where Unicode lists only one of the two, is read as the other's look-alike in
that case ("ƙ" as "k'" beside "Ƙ" as "K'"), so that a capital and its small letter stay one letter."""

SCRIPTS = {
    "CYRILLIC": "ru uk be bg mk sr kk ky tg mn tt ba cv ce os sah ab av kv udm mhr myv mdf krc kbd ady lez inh tyv "
                "bua xal uz cnr rue",
    "GREEK": "el grc", "COPTIC": "cop", "ARMENIAN": "hy hyw", "GEORGIAN": "ka", "CHEROKEE": "chr", "LISU": "lis",
    "HEBREW": "he yi lad", "ARABIC": "ar fa ur ps ckb sd ug ks pnb bal azb prs", "TIFINAGH": "zgh tzm shi rif",
    "CANADIAN SYLLABICS": "cr iu oj crk csw nsk", "ETHIOPIC": "am ti tig", "DEVANAGARI": "hi mr ne sa mai bho kok doi",
    "ORIYA": "or", "MALAYALAM": "ml", "MYANMAR": "my shn ksw", "NKO": "nqo", "OSAGE": "osa", "TAI LE": "tdd",
    "MENDE KIKAKUI": "men", "WARANG CITI": "hoc", "MIAO": "hmd", "BAMUM": "bax", "CJK": "zh ja ko",
    "IDEOGRAPHIC": "zh ja ko", "KATAKANA": "ja", "VERTICAL KANA": "ja",
}  # fmt: skip
"""The living scripts beyond Latin that hold a look-alike of a Latin letter (the start of the
letters' Unicode names), each with the languages (ISO 639, as in a deck's `language`) written in
it (CLDR's likely scripts, and the second script of Serbian and Uzbek). A deck in one of them
reads a word of that script's letters as its own (quiz.deck.text.latin_look_alikes), but for the
letters whose capital and small letter both look like the one Latin letter, so that a word in
capitals and the word in small letters stay one word: Russian "5 КОТ" is "5 кот". A deck in any
other language reads all of them as Latin: "Н₂О" with a Cyrillic Н is "H₂O" in English. A script
not here (Old Italic, Carian, Runic, Deseret) writes no living language."""

OVERLAYS = {"\u0335": "\u0336", "\u0336": "\u0335", "\u0337": "\u0338", "\u0338": "\u0337", "\u0334": ""}
"""The overlay marks struck through a letter, each with the one Unicode's confusables take it for
(a short and a long stroke, a short and a long slash); a tilde overlay has none."""

STRUCK = {"\u0335": "\u0338", "\u0336": "\u0338", "\u0337": "\u0335", "\u0338": "\u0335"}
"""A stroke read as a slash, and a slash as a stroke, where Unicode names no letter drawn with the
one written: a screen font draws an overlay mark where it falls, so "L̵ódź" (L and a short stroke)
is drawn as "Łódź", which Unicode lists as an L with a slash (a tester's report, T8)."""

DOTTED = {"i\u0307": "i", "j\u0307": "j", "\u0131\u0307": "i", "\u0237\u0307": "j"}
"""A dot above a small i or j, which a font draws in place of the letter's own dot (Unicode's
Soft_Dotted property: "i̇" is how a capital İ is written in small letters), or over a dotless ı or
ȷ: each is drawn as the plain letter ("Ni̇ere" is "Niere", "Bı̇le" is "Bile", T8)."""

HEADER = """\
# Characters that look like a Latin letter, digit or symbol, and what they look like: the
# character's code point (or a letter and the marks over it: code points apart), what a reader
# takes it for, its kind, where the row comes from, and the languages that write it, if any. The
# kind: "symbol" and "latin" (a letter of the Latin script, or a modifier letter) are read so in any
# text, but a Latin letter of a living language's alphabet is its own letter in a deck in one of
# its languages (the Turkish "ı"); "letter" (a letter of another script) is read so in a word
# drawn in Latin letters (quiz.deck.text.latin_look_alikes), and in a deck in one of its
# languages only where its capital and small letter both look like one Latin letter, so that a
# Russian, Greek or Hebrew word keeps its own letters. quiz.deck.text.as_seen reads it; written by
# `python -m bench.confusables` (its ALPHABETS and SCRIPTS give the languages).
#
# From Unicode's confusables (UTS #39, confusables.txt) as the package confusable-homoglyphs {version}
# ships it (confusable_homoglyphs/confusables.json), under the Unicode License V3
# (quiz/data/LICENSE-unicode.txt). Kept: single characters that are not ASCII, that NFKC leaves as
# they are (NFKC reads the others: "Ｍ", "𝐠", "Ⅲ"), that are no mark and no decimal digit (a digit
# is read as its value: Bengali ৪ is 4), not read by typed marking as it is (the decimal point "٫"),
# whose prototype is ASCII; "l" read as a capital "I" after a capital letter and as "|" after a
# symbol, as UTS #39 takes the three for one. A letter with an overlay mark (a stroke, a slash)
# whose prototype is a Latin letter written so is read the other way: "o̸" (o and U+0338) is "ø".
# Added (source "quiz"): bench/confusables.py SUPPLEMENT, the small or capital letters of ALPHABETS,
# STRUCK, DOTTED and a dotless ı or ȷ with an accent (accented_dotless).
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


def partners(derived: dict[str, str]) -> dict[str, str]:
    """The small or capital letter of each letter of ALPHABETS that Unicode lists without it, with
    the other's look-alike in its case: "ƙ" as "k'" beside "Ƙ" as "K'", "Ɑ" as "A" beside "ɑ" as "a"."""
    found = {}
    for letter, seen in derived.items():
        if letter in ALPHABETS:
            for other, case in ((letter.lower(), str.lower), (letter.upper(), str.upper)):
                if len(other) == 1 and other != letter and not other.isascii() and other not in derived:
                    found[other] = case(seen)
    return found


def struck(matrix: dict[str, list[dict[str, str]]]) -> dict[str, tuple[str, str]]:
    """Each Latin letter with one overlay mark (OVERLAYS) that Unicode lists as the prototype of a
    Latin letter, with that letter and the row's source: "o" and U+0338 -> ("ø", "unicode"), with
    U+0337 too (OVERLAYS), and "L" and U+0335 -> ("Ł", "quiz") as a stroke is read as a slash
    (STRUCK) where Unicode names none. Of two such letters, the one of the base's case ("l̵" is "ƚ",
    not the capital "Ɨ"), whose small letter is the small base's ("D̵" is "Đ", as "d̵" is "đ"), else
    the first."""
    drawn: dict[str, list[str]] = {}
    for prototype, entries in matrix.items():
        if len(prototype) == 2 and prototype[0].isascii() and prototype[0].isalpha() and prototype[1] in OVERLAYS:
            for entry in entries:
                c = entry["c"]
                latin = len(c) == 1 and unicodedata.name(c, "").startswith("LATIN")
                if latin and unicodedata.normalize("NFKC", c) == c:
                    drawn.setdefault(prototype, []).append(c)
    chosen: dict[str, str] = {}
    for prototype in sorted(drawn, key=lambda p: (p[0].isupper(), p)):  # small letters first
        letters = sorted(drawn[prototype])
        base = prototype[0]
        cased = [c for c in letters if c.isupper() == base.isupper()] or letters
        small = chosen.get(base.lower() + prototype[1])
        chosen[prototype] = next((c for c in cased if small and c.lower() == small), cased[0])
    found: dict[str, tuple[str, str]] = {}
    for prototype, letter in chosen.items():
        found.setdefault(prototype, (letter, "unicode"))
        if OVERLAYS[prototype[1]]:
            found.setdefault(prototype[0] + OVERLAYS[prototype[1]], (letter, "unicode"))
    for prototype, (letter, _) in list(found.items()):
        other = STRUCK.get(prototype[1])
        if other:
            for mark in (other, OVERLAYS[other]):
                found.setdefault(prototype[0] + mark, (letter, "quiz"))
    return dict(sorted(found.items()))


def accented_dotless() -> dict[str, str]:
    """A dotless ı or ȷ with a mark above, each with the accented i or j it is drawn as: a font draws
    an i under an accent without its dot (Unicode's Soft_Dotted property), so "ı" and U+0301 is
    drawn as "í" (as a dot above makes an "i", DOTTED)."""
    found = {}
    for code in range(0x0300, 0x0370):
        mark = chr(code)
        if code != 0x0307 and unicodedata.combining(mark) == 230:
            for dotless, letter in (("\u0131", "i"), ("\u0237", "j")):
                accented = unicodedata.normalize("NFC", letter + mark)
                if len(accented) == 1:
                    found[dotless + mark] = accented
    return found


def kind(source: str) -> str:
    """ "latin" for a letter of the Latin script or a modifier letter (read as what it looks like in
    any text), "letter" for a letter or a number sign of another script (read so in a word drawn in
    Latin letters: quiz.deck.text.latin_look_alikes), else "symbol" (read so in any text)."""
    if unicodedata.category(source)[0] not in "LN":
        return "symbol"
    return "latin" if unicodedata.name(source, "").startswith(("LATIN ", "MODIFIER LETTER ")) else "letter"


def languages(text: str, kind: str) -> str:
    """The languages that write `text` (a character, or a letter and its marks): ALPHABETS' for a
    Latin letter, SCRIPTS' for a letter of another script, "" for a symbol or a letter no living
    language writes."""
    if text in ALPHABETS:
        return ALPHABETS[text]
    name = unicodedata.name(text[0], "") if kind == "letter" else ""
    return next((written for script, written in SCRIPTS.items() if name.startswith(script + " ")), "")


def _row(text: str, seen: str, kind: str, source: str) -> str:
    """One line of the table: `text`'s code points, then the other columns, then the languages that
    write it (languages), if any."""
    code = " ".join(f"{ord(c):04X}" for c in text)
    written = languages(text, kind)
    return "\t".join((code, seen, kind, source, written) if written else (code, seen, kind, source))


def rows(matrix: dict[str, list[dict[str, str]]]) -> list[str]:
    """The table's lines below its header (HEADER says what they hold)."""
    derived = derive(matrix)
    lines = [_row(c, p, kind(c), "unicode") for c, p in derived.items() if c not in SUPPLEMENT]
    lines += [_row(c, p, kind(c), "quiz") for c, p in SUPPLEMENT.items()]
    lines += [_row(c, p, kind(c), "quiz") for c, p in sorted(partners(derived).items())]
    lines += [_row(c, p, "latin", source) for c, (p, source) in struck(matrix).items()]
    lines += [_row(c, p, "latin", "quiz") for c, p in {**DOTTED, **accented_dotless()}.items()]
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
