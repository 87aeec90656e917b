"""The deck's text rules, in one place: what a deck may not hold, slugs, how texts are compared,
"did you mean", where an offset is in a file, and how a file's bytes become text.

Every reader of deck-shaped text (the loader, the importer, `quiz new`, the advice rules) uses
these, so a rule is the same wherever a person meets it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from functools import cache
from pathlib import Path
from typing import NamedTuple

from quiz.untrusted import BIDI_CONTROLS, CONTROLS, invisible


@cache
def control_characters() -> re.Pattern[str]:
    """What a deck may not hold: C0 controls but tab and newline, DEL, C1 controls and the invisible
    bidirectional embeddings, overrides and isolates (quiz.untrusted.CONTROLS and BIDI_CONTROLS,
    which say why a terminal must not get them).

    A deck may hold the other characters quiz.untrusted.visible() escapes: the bidirectional marks
    (U+200E, U+200F, U+061C), which right-to-left text needs to order its numbers and Latin words;
    the line and paragraph separators; and the characters that show as nothing (zero-width joiners
    in emoji and Indic words, variation selectors, the soft hyphen). Each is shown escaped wherever
    it would mislead (quiz.untrusted.visible), and compared as a reader sees it (as_seen). Compiled
    when first asked, by a deck read or an import, not at every start of the app, which reads its
    decks back from the cache: it costs 2.6 M instructions to compile."""
    return re.compile(f"[{CONTROLS}{BIDI_CONTROLS}]")


CONTROL_ESCAPE = re.compile(r'\\[^"\\nt]')
"""A backslash that may begin a TOML escape writing a character control_characters() rejects
(\\u001b, \\e, \\x07, \\b, \\f, \\r): any but those of \\n, \\t, \\" and \\\\. A text holding
neither such a character nor one of these parses to strings that hold none (tomli turns the CR of
CR LF into LF in multi-line strings). An escaped backslash before a letter counts too: a
false alarm only costs the search of each string."""

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
"""A deck, fact, source or topic id: lowercase ASCII words of letters and digits joined by single hyphens."""

_WORDS = re.compile(r"[a-z0-9]+")


def control_character(text: str) -> str | None:
    """What is wrong with `text` if it holds a character control_characters() rejects ("contains
    the control character U+001B, which is not allowed"), else None."""
    found = control_characters().search(text)
    if found:
        return f"contains the control character U+{ord(found.group()):04X}, which is not allowed"
    return None


def slugify(text: str, *, max_len: int = 48) -> str:
    """A slug from text, accents folded ("Über 120/80" gives "uber-120-80"); "" when nothing is left.

    Whole words are kept up to `max_len` characters (a first word longer than that is cut).
    """
    folded = unicodedata.normalize("NFKD", text.casefold())
    ascii_text = "".join(c for c in folded if not unicodedata.combining(c))
    slug = ""
    for word in _WORDS.findall(ascii_text):
        longer = f"{slug}-{word}" if slug else word
        if len(longer) > max_len:
            return slug or word[:max_len]
        slug = longer
    return slug


def unique(slug: str, taken: set[str]) -> str:
    """The slug, or the slug with -2, -3... added, whichever is not yet taken; adds it to `taken`."""
    candidate, n = slug, 1
    while candidate in taken:
        n += 1
        candidate = f"{slug}-{n}"
    taken.add(candidate)
    return candidate


def not_a_slug(value: str) -> str:
    """The message for an id that is not a slug, with a slug made from it as the example."""
    return (
        f"{value!r} is not a slug: use lowercase letters a-z, digits and single hyphens, "
        f'like "{slugify(value) or "my-deck"}"'
    )


CONFUSABLES = Path(__file__).parent.parent / "data" / "confusables.tsv"
"""The characters that look like a Latin letter, digit or symbol, each with what a reader takes it
for, a letter or a symbol: Unicode's confusables (UTS #39), as `python -m bench.confusables` writes
them from the package confusable-homoglyphs (the file's header says which are kept and why).
"Blаck" with a Cyrillic а looks like "Black", "0.5 mɡ" with a script ɡ like "0.5 mg", "Cօlon" with
an Armenian օ like "Colon", "120∕80" with a division slash like "120/80", "⩾ 5" like "≥ 5". The
micro sign is not among them, nor Greek μ: "µg" is never "mg". Nor is a decimal digit, read as its
value (Bengali ৪ is 4), nor what NFKC reads ("Ｍ", "𝐠")."""


def primary_language(code: str) -> str:
    """The language of a deck's `language` tag, without its region or script, folded: "en-GB" and
    "en_US" -> "en", "pt-BR" -> "pt" (BCP 47's primary language subtag)."""
    return code.split("-")[0].split("_")[0].casefold()


@cache
def _rows() -> tuple[tuple[str, str, str, frozenset[str]], ...]:
    """CONFUSABLES' rows: the text (a character, or a letter and the marks over it), what it looks
    like, its kind ("symbol", "latin" or "letter"), and the languages that write it (most: none)."""
    found = []
    for line in CONFUSABLES.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            code, seen, kind, _, *languages = line.split("\t")
            text = "".join(chr(int(c, 16)) for c in code.split())
            found.append((text, seen, kind, frozenset(" ".join(languages).split())))
    return tuple(found)


def _own(languages: frozenset[str], own: str | None) -> bool:
    """Whether a row written in `languages` is a letter of the deck's own (`own`: its primary
    language; None when no language is known, which counts as every language)."""
    return bool(languages) and (own is None or own in languages)


@cache
def look_alikes(language: str | None = None) -> tuple[dict[int, str], dict[int, str]]:
    """CONFUSABLES' characters as two tables for str.translate: every character (of one code point),
    and the symbols only. Read at the first text beyond ASCII compared, never at the app's start.

    A Latin letter of a living language's alphabet (bench.confusables.ALPHABETS: the Turkish ı, the
    Hausa ƙ, the click ǀ) is its own letter in a text of that language: it is left out when
    `language` (a deck's `language`, BCP 47) is one that writes it, and when no language is known
    (None), but read as what it looks like in a deck in any other: "Brɑin" is "Brain" in English.
    How latin_look_alikes reads them, and the letters of other scripts: _readings.
    """
    own = primary_language(language) if language is not None else None
    every: dict[int, str] = {}
    symbols: dict[int, str] = {}
    for text, seen, kind, languages in _rows():
        if len(text) == 1 and not (kind == "latin" and _own(languages, own)):
            every[ord(text)] = seen
            if kind == "symbol":
                symbols[ord(text)] = seen
    return every, symbols


class _Readings(NamedTuple):
    """look_alikes(language) as latin_look_alikes reads them."""

    anywhere: dict[int, str]
    """The symbols and the Latin letters (kind "symbol" and "latin"), read so in any text."""
    scripts: dict[int, str]
    """The letters of other scripts (kind "letter"), read so in a word drawn in Latin letters."""
    alone: frozenset[int]
    """Of `scripts`, the letters that make a word of look-alikes alone beside numbers and symbols
    (latin_look_alikes): all of them in a deck whose language writes none of their script (or
    none known, as typed marking reads a unit: quiz.typed.folding.case_units), those whose capital
    and small letter look like one Latin letter in a deck whose language writes it: "5 КОТ" (К,
    О, Т look like K, O, T, but к and т like no small letter) is "5 кот" in Russian, "5 KOT" in
    English."""
    apart: frozenset[int]
    """Of `scripts`, the letters that make a word of look-alikes alone in a text of such words: those
    whose capital and small letter look like one Latin letter, in a deck whose language writes
    none of their script (or none known). "С" alone is "C" in English, "ВОТ" is "вот" (В and т
    have no such pair), and a Russian deck keeps its words."""
    found: re.Pattern[str]
    """A letter of `scripts`: most texts beyond ASCII hold none."""


@cache
def _readings(language: str | None) -> _Readings:
    """look_alikes(language) and the rows' kinds and languages as _Readings."""
    every, _ = look_alikes(language)
    own = primary_language(language) if language is not None else None
    kinds = {ord(text): (kind, languages) for text, _, kind, languages in _rows() if len(text) == 1}
    anywhere = {c: seen for c, seen in every.items() if kinds[c][0] != "letter"}
    scripts = {c: seen for c, seen in every.items() if kinds[c][0] == "letter"}

    def cased_alike(c: str) -> bool:  # its capital and small letter look like one Latin letter
        seen = scripts[ord(c)].casefold()
        return all(len(p) == 1 and scripts.get(ord(p), "").casefold() == seen for p in (c.lower(), c.upper()))

    foreign = frozenset(c for c in scripts if own not in kinds[c][1])
    cased = frozenset(c for c in scripts if cased_alike(chr(c)))
    found = re.compile("[" + "".join(re.escape(chr(c)) for c in scripts) + "]")
    return _Readings(anywhere, scripts, foreign | cased, foreign & cased, found)


@cache
def _marked() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    """CONFUSABLES' letters written with a mark over them that look like another letter ("o" and
    U+0338 is "ø", "i" and U+0307 is "i", "ı" and U+0301 is "í"): a pattern of their marks (to
    pass over most texts at once), a pattern of the letters so written, and what each is read as."""
    drawn = {text: seen for text, seen, _, _ in _rows() if len(text) > 1}
    marks = "".join(sorted({c for text in drawn for c in text[1:]}))
    found = re.compile("|".join(map(re.escape, sorted(drawn, key=len, reverse=True))))
    return re.compile(f"[{re.escape(marks)}]"), found, drawn


_LATIN = re.compile("[A-Za-z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")


def holds_latin(text: str) -> bool:
    """Whether `text` holds a Latin letter (of ASCII, Latin-1 or Latin Extended-A and B, or the micro
    sign), which makes it a text of Latin letters."""
    return _LATIN.search(text) is not None


def _beside_numbers(text: str) -> bool:
    """Whether `text` holds a number (a digit of any script, a subscript, a fraction) or a symbol
    (Unicode's general categories N and S: "5", "₂", "½", "°", "⁺", "+")."""
    return any(unicodedata.category(c)[0] in "NS" for c in text)


_WORD = re.compile(r"\S+")


def latin_look_alikes(text: str, latin: bool | None = None, language: str | None = None) -> str:
    """`text` with its look-alikes (look_alikes) as what they look like, in a deck in `language`
    (None: not known); an ASCII text as it is.

    Symbols and Latin letters are read so in any text ("120∕80", "0.5 mɡ", "Brɑin" in English: a
    Latin letter of a living alphabet is its own in a deck that writes it, look_alikes). A letter of
    another script is read as the Latin letter it looks like in each word (a run without spaces)
    that holds a Latin letter ("Cօlon" with an Armenian օ is "Colon"); and in each word whose
    letters are all look-alikes, in a text that holds a Latin letter (holds_latin, or `latin` when
    given: the text it was made from) or a number or a symbol: "37 °С", "Vitamin В₁₂", "Н₂О", "К⁺"
    with a Cyrillic С, В, Н or a Greek Κ are "37 °C", "Vitamin B₁₂", "H₂O", "K⁺" (a tester's
    report, T10). Beside numbers and symbols alone, in a deck whose language writes the script,
    only letters whose capital and small letter both look alike count (_Readings.alone), so that a
    word in capitals stays the word in small letters: "5 КОТ" is "5 кот" in Russian, and "Н₂О"
    stays Cyrillic there. In a text of words of another script alone, a word is read so when each
    of its letters is one whose capital and small letter both look like one Latin letter, in a
    deck whose language writes none of its script (_Readings.apart): "С" and "СО" with Cyrillic
    letters are "C" and "CO" in English, but a Russian, Greek or Hebrew word keeps its letters
    ("ВОДА" is "вода": only some capitals have a look-alike), and beside a unit unless each of its
    letters is a look-alike ("קו 5 mg" is no "קן 5 mg", T7). A Latin letter with a mark that draws
    it as another is that letter: "So̸ren" (o and U+0338) is "Søren", "Ni̇ere" (i and a dot above)
    "Niere", "L̵ódź" "Łódź" (a tester's report, T8)."""
    if text.isascii():
        return text
    readings = _readings(language)
    text = text.translate(readings.anywhere)
    if readings.found.search(text):
        scripts = readings.scripts
        if latin is None:
            latin = _LATIN.search(text) is not None  # holds_latin, without a call in this hot path
        alone = scripts.keys() if latin else readings.alone if _beside_numbers(text) else readings.apart

        def seen(word: re.Match[str]) -> str:
            w = word[0]
            if _LATIN.search(w) or _of_look_alikes(w, alone):
                return w.translate(scripts)
            return w

        text = _WORD.sub(seen, text)
    marks, pattern, drawn_as = _marked()
    if marks.search(text):
        text = pattern.sub(lambda found: drawn_as[found[0]], text)
    return text


def _of_look_alikes(word: str, alone: Collection[int]) -> bool:
    """Whether each letter of `word` is a look-alike of `alone` (code points), and one is."""
    return all(ord(c) in alone or not c.isalpha() for c in word) and any(ord(c) in alone for c in word)


def as_seen(text: str, latin: bool | None = None, language: str | None = None) -> str:
    """A text as a reader tells it apart from another, before case is folded: invisible characters
    (quiz.untrusted.invisible(): default-ignorable and format characters) dropped, the braille
    blank a space, and the characters that look like a Latin letter, digit or symbol as those
    (latin_look_alikes: a letter of another script in a word drawn in Latin letters, "37 °С" with
    a Cyrillic С too; a letter of a living alphabet unless `language` writes it). Two options that
    differ only so look the same on screen; a typed answer is marked the same way
    (quiz.typed.folding.fold). `latin`: as for latin_look_alikes.
    """
    if text.isascii():
        return text
    # Decomposed first, so that a look-alike letter with a mark ("ᾰ") is taken as the letter it is
    # drawn with ("ă"), as it is once a text is written decomposed; callers compose it again.
    text = unicodedata.normalize("NFD", invisible().sub("", text).replace("\u2800", " "))
    return latin_look_alikes(text, latin, language)


def blank(text: str) -> bool:
    """Whether a text shows nothing: empty, only spaces, or only characters a terminal draws as
    nothing (as_seen: a zero-width space, a word joiner, the braille blank). A question, answer or
    option so is empty: "\u200b" passed as an answer, and learners were shown an empty right option
    (a tester's report)."""
    return not text.strip() or not as_seen(text).strip()


CASE_UNIT_CAPITALS = frozenset("GKMPQRSTYZ")
"""The capitals a unit whose case is its meaning may hold (quiz.typed.units: the prefixes M, P, Z,
Y, R, Q, the symbols M, S, T, K, and G before /L), but for the C of the Calorie ("Cal"), which
may_hold_case_units looks for whole: a C starts many words."""


def may_hold_case_units(text: str) -> bool:
    """Whether a text may hold a unit whose case is its meaning (quiz.typed.folding.case_units): one
    with a capital such a unit holds (CASE_UNIT_CAPITALS, "Cal"), or with characters beyond ASCII,
    which may be read as those ("МBq" with a Cyrillic М, a full-width "Ｍ"). An ASCII text without
    any has none. The deck layer tests this before it imports quiz.typed
    (quiz.deck.options.option_key), and case_units itself first."""
    return not text.isascii() or not CASE_UNIT_CAPITALS.isdisjoint(text) or "Cal" in text


DOTLESS_I_LANGUAGES = "tr az crh gag kk tt"
"""The languages whose Latin alphabet writes a dotless ı beside the dotted i (Turkish,
Azerbaijani, Crimean Tatar, Gagauz, Kazakh and Tatar in Latin letters): there "I" is the capital
of "ı", and "İ" of "i" (Unicode's SpecialCasing.txt), and "ı" is its own letter
(bench.confusables.ALPHABETS)."""


@cache
def _dotless_i(language: str) -> bool:
    """Whether a deck's `language` is one of DOTLESS_I_LANGUAGES."""
    return primary_language(language) in DOTLESS_I_LANGUAGES.split()


def fold_case(text: str, language: str | None = None) -> str:
    """`text` case-folded (str.casefold) as a reader of `language` (a deck's; None: not known) tells
    its letters apart. "ß" stays "ß" and the capital "ẞ" is "ß": casefold makes both "ss", and "in
    Maßen" (in moderation) is not "in Massen" (in large amounts), nor "Maße" "Masse" (a tester's
    report, T10). In a language of DOTLESS_I_LANGUAGES "I" is "ı" and "İ" is "i", so that "ILIK"
    is "ılık" (lukewarm) there, never "ilik" (bone marrow); elsewhere both are "i" ("İ" folds to an
    i and a dot above, which is drawn as an i: quiz.deck.text.as_seen). The final "ς" is "σ", as
    casefold makes it: one letter, written so at the end of a word."""
    ascii_text = text.isascii()  # most texts: no İ, ß or ẞ to look for
    if language is not None and ("I" in text or not ascii_text and "\u0130" in text) and _dotless_i(language):
        text = text.replace("I", "\u0131").replace("\u0130", "i")
    if not ascii_text and ("\u00df" in text or "\u1e9e" in text):
        return "\u00df".join(part.casefold() for part in text.replace("\u1e9e", "\u00df").split("\u00df"))
    return text.casefold()


def normalize(text: str, latin: bool | None = None, language: str | None = None) -> str:
    """Fold case (fold_case: "ß" stays "ß"), Unicode composition (NFC) and runs of whitespace, to
    compare texts as a reader would.

    "Café" with a combining accent (NFD, as some editors and PDFs write it) is "café": two options
    a reader cannot tell apart are the same option. Case folding can undo NFC (a folded "İ" has a
    combining dot), so the folded text is composed again. Invisible characters and letters that
    look like Latin ones are folded for the same reason (as_seen; `latin` and `language` as for
    latin_look_alikes).
    """
    if text.isascii() and (language is None or "I" not in text or not _dotless_i(language)):
        return " ".join(text.lower().split())
    seen = unicodedata.normalize("NFC", as_seen(text, latin, language))
    folded = unicodedata.normalize("NFC", fold_case(seen, language))
    return " ".join(latin_look_alikes(folded, latin, language).split())  # a letter folding made (U+0345 is ι)


def position(text: str | bytes, offset: int) -> tuple[int, int]:
    """The line and column (both from 1) of the character or byte at `offset` in `text`."""
    if isinstance(text, str):
        return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)
    return text.count(b"\n", 0, offset) + 1, offset - text.rfind(b"\n", 0, offset)


class NotUTF8(ValueError):
    """Bytes that are not UTF-8 text: where the first bad byte is (line and column from 1) and its value."""

    def __init__(self, line: int, col: int, byte: int) -> None:
        self.line, self.col, self.byte = line, col, byte
        super().__init__(f"not UTF-8 text (byte 0x{byte:02x})")


def decode(raw: bytes) -> str:
    """A file's bytes as text: UTF-8 with an optional byte-order mark; NotUTF8 if they are not."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line, col = position(raw, err.start)
        raise NotUTF8(line, col, raw[err.start]) from None


TERM_PREFIX = "term:"
"""The start of the id a glossary term's answers are recorded under (term_id)."""


def term_id(term: str) -> str:
    """The id a glossary term's answers and scheduling state are kept under: "term:" + its slug.

    "5-FU/leucovorin" is "term:5-fu-leucovorin". A fact id is a slug, so it never holds ":".
    Matching questions (quiz.kinds) record one answer per pair under it. A term with letters a slug
    cannot keep ("β-blocker", "乳腺癌", "Ærø") gets a short hash of itself after its slug, so that
    two such terms are two ids ("term:blocker-…" for "β-blocker" and "α-blocker" alike was one).
    """
    slug = slugify(term)
    folded = unicodedata.normalize("NFKD", term.casefold())
    if any(c.isalnum() and not c.isascii() for c in folded if not unicodedata.combining(c)):
        import hashlib

        digest = hashlib.blake2b(unicodedata.normalize("NFC", term.strip().casefold()).encode(), digest_size=4)
        slug = f"{slug}-{digest.hexdigest()}" if slug else digest.hexdigest()
    return TERM_PREFIX + (slug or "term")
