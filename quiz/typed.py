"""Typed answers marked as a careful nurse would: a different number or a different word is never right.

docs/questions.md ("Typed answers: what counts as right") states the rules for authors;
tests/data/typed-answers.tsv is a table of cases. Pure: no I/O but reading quiz's own look-alike
list (quiz/data/look-alikes.tsv) on first use; no UI. rapidfuzz is imported only when a slip is
weighed, so `quiz check` on a deck without near misses does not load it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from quiz.deck.text import normalize

if TYPE_CHECKING:
    from quiz.deck.model import Deck, Fact

TYPO_MIN_LETTERS = 4
"""A slip is forgiven only in a run of words with at least this many letters ("CEB" is not "CEA")."""
TYPED_MAX_WORDS = 4
TYPED_MAX_CHARS = 30
"""A typed-answer question needs a short answer: at most this many words and characters."""
DECIMAL_COMMA = frozenset(
    "af be bg bs ca cs da de el es et eu fi fo fr gl hr hu hy id is it ka kk ky lb lt lv mk mn nb nl nn no "
    "pl pt ro ru sk sl sq sr sv tr uk uz vi".split()
)
"""Languages (ISO 639-1, as in a deck's `language`) that write a decimal comma: "1,000" is 1 there.

From the CLDR number symbols of each language's main locale (decimal sign ","). A deck in any
other language (English by default) reads "1,000" as a thousand.
"""

_LOOK_ALIKES = Path(__file__).with_name("data") / "look-alikes.tsv"
_DASHES = str.maketrans(
    dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-")
    | dict.fromkeys("\u00ad\u200b\u200c\u200d\u2060\ufeff", "")  # soft hyphen and zero-width marks
    | {"\u2044": "/"}
)
# Superscript digits are a power: NFKC would make "10⁹" the number 109, so they become "^9" first.
# The masculine ordinal "º" stands in for a degree sign on many keyboards; NFKC would make it an "o".
_POWERS = str.maketrans(
    {c: "^" + d for c, d in zip("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789", strict=True)} | {"⁻": "^-", "⁺": "^+", "º": "°"}
)
# Punctuation that never changes what an answer says; every other symbol ("<", "%", "=", "+") must match.
_SOFT = frozenset(".,;:!?'\"`()[]{}-_/\\*\u2018\u2019\u201c\u201d\u00ab\u00bb\u2026\u00b0\u00b7\u2022")
_ARTICLES = frozenset(("a", "an", "the"))
_SMALL = {
    w: str(n)
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen".split()
    )
} | {w: str(10 * n) for n, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2)}
"""Numbers in words, zero to ninety-nine ("twenty-five" is read whole, never as the range 20-5)."""
UNIT_NAMES = {
    "mg": "mg milligram milligrams milligramme milligrammes",
    "mcg": "mcg μg ug microgram micrograms microgramme microgrammes",
    "g": "g gram grams gramme grammes",
    "kg": "kg kilogram kilograms kilogramme kilogrammes",
    "ml": "ml milliliter milliliters millilitre millilitres",
    "l": "l liter liters litre litres",
    "c": "c celsius centigrade",
    "f": "f fahrenheit",
    "s": "s sec secs second seconds",
    "min": "min mins minute minutes",
    "h": "h hr hrs hour hours",
    "wk": "wk wks week weeks",
    "yr": "yr yrs year years",
}
_UNITS = {name: unit for unit, names in UNIT_NAMES.items() for name in names.split()}
"""Units right after a number, each in one spelling: singular, plural, abbreviated or in full."""
_UNIT_SPELLINGS = frozenset(_UNITS.values())
_DEGREES = frozenset(("degree", "degrees", "deg"))
# Word sequences that mean a comparison when a number follows them (longest first).
_COMPARISONS = (
    (("no", "more", "than"), "≤"),
    (("no", "less", "than"), "≥"),
    (("no", "fewer", "than"), "≥"),
    (("less", "than"), "<"),
    (("fewer", "than"), "<"),
    (("more", "than"), ">"),
    (("greater", "than"), ">"),
    (("at", "most"), "≤"),
    (("at", "least"), "≥"),
    (("up", "to"), "≤"),
    (("under",), "<"),
    (("below",), "<"),
    (("over",), ">"),
    (("above",), ">"),
)
_COMPARISONS_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _words, _symbol in _COMPARISONS:
    _COMPARISONS_BY_FIRST.setdefault(_words[0], []).append((_words, _symbol))
_SYMBOL_PAIRS = {("<", "="): "≤", (">", "="): "≥", ("=", "<"): "≤", ("=", ">"): "≥"}
# Words between two numbers that make a frequency ("2 in 100") or a range ("2 to 3").
_FREQUENCY = (("out", "of", "every"), ("in", "every"), ("of", "every"), ("out", "of"), ("in",))
_RANGE = (("to",), ("-",), ("through",))


class TypedMark(NamedTuple):
    """How a typed answer was marked, for the feedback and the history.

    correct: the answer counts as right. slip: it counts only by forgiving one slip (a letter
    changed, added, dropped or two swapped). expected: the spelling to show (the answer or the
    `accept` text that was matched; the answer when wrong). typed: the text as typed, unchanged.
    look_alike: when a slip was refused because it makes another real word, that word (folded,
    as "abduction"); "" otherwise.
    """

    correct: bool
    slip: bool
    expected: str
    typed: str
    look_alike: str = ""


class Reading(NamedTuple):
    """What a text says for marking: its shape (numbers, symbols, and "w" for each run of words),
    the words of each run, and whether each run touches a number (no slip is forgiven there)."""

    shape: tuple[tuple[str, ...], ...]
    runs: tuple[tuple[str, ...], ...]
    near_number: tuple[bool, ...]


# --- reading a text ---------------------------------------------------------------------------


def fold(text: str) -> str:
    """A typed or expected text as compared: NFKC, case-folded, accents dropped, every dash a "-".

    NFKC folds compatibility forms (full-width "ＣＥＡ", the ligature "ﬁ") as well as composition
    (NFC); it is applied again after case folding, which can undo it. Idempotent.
    """
    if not text.isascii():
        text = text.translate(_POWERS)
    text = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
        text = unicodedata.normalize("NFC", text).translate(_DASHES)
    return text


@cache
def _token() -> re.Pattern[str]:
    """A number (digits with separators, or a leading decimal point), a run of letters, or one symbol."""
    return re.compile(r"(\d+(?:[.,]\d+)*|[.,]\d+)|([^\W\d_]+)|(\S)")


def _decimal(text: str) -> str:
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


def _grouped(groups: list[str]) -> bool:
    """Whether digit groups are thousands groups: 1-3 digits not starting with 0, then threes."""
    first, rest = groups[0], groups[1:]
    return 1 <= len(first) <= 3 and first[0] != "0" and all(len(g) == 3 for g in rest)


def number_value(raw: str, language: str = "en") -> str:
    """The value of a number written with digits, "." and ",", as a plain decimal string.

    "1,000" -> "1000", "2,5" -> "2.5", ".5" -> "0.5", "2.50" -> "2.5" (in a deck whose `language`
    is in DECIMAL_COMMA, "1,000" -> "1" and "1.000" -> "1000"). A number that no rule reads
    ("1,00,000", "1.000.5") comes back as "?" and its text: it equals only itself.
    """
    if raw.isdigit():
        return _decimal(raw)
    if raw[0] in ".,":  # ".5" and ",5" (a decimal comma, or the keypad's) are 0.5, never 5
        return _decimal("0." + raw[1:])
    seps = [c for c in raw if c in ".,"]
    parts = re.split(r"[.,]", raw)
    if len(set(seps)) == 2:
        mark = seps[-1]
        whole, frac = raw.rsplit(mark, 1)
        groups = whole.split("," if mark == "." else ".")
        if mark in whole or not _grouped(groups):
            return "?" + raw
        return _decimal("".join(groups) + "." + frac)
    if len(seps) > 1:
        return _decimal("".join(parts)) if _grouped(parts) else "?" + raw
    if not _grouped(parts):  # "2,5", "0,125", "1234,5": not a thousands group, so a decimal mark
        return _decimal(parts[0] + "." + parts[1])
    comma_decimal = language.split("-")[0].split("_")[0].casefold() in DECIMAL_COMMA
    if (seps[0] == ",") == comma_decimal:
        return _decimal(parts[0] + "." + parts[1])
    return _decimal(parts[0] + parts[1])


def _negate(value: str) -> str:
    """The value with its sign changed ("0" has none; an unread "?..." keeps its mark)."""
    if value == "0":
        return value
    if value.startswith("?"):
        return "?" + _negate(value[1:])
    return value[1:] if value.startswith("-") else "-" + value


Token = list[str]
"""[kind, text, spaced, origin]: kind "n" (number value), "w" (word) or "S" (symbol); spaced is "1"
when a space (or the start) comes before it; origin is "spelled" or "half" for numbers in words."""


def _starts(tokens: list[Token], i: int, words: tuple[str, ...]) -> bool:
    """Whether the words (or symbols) start at tokens[i]."""
    return i + len(words) <= len(tokens) and all(
        tokens[i + k][0] != "n" and tokens[i + k][1] == w for k, w in enumerate(words)
    )


def _a_half(tokens: list[Token]) -> list[Token]:
    """"a half" read as the number 0.5 first, so a sign before it applies ("-a half" is -0.5);
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


def _is_number(tokens: list[Token], i: int) -> bool:
    return 0 <= i < len(tokens) and tokens[i][0] == "n"


def _number_follows(tokens: list[Token], i: int) -> bool:
    """A number at tokens[i], or a signed one ("-5", "+5", "minus 5")."""
    if _is_number(tokens, i):
        return True
    return i < len(tokens) and tokens[i][1] in ("-", "+", "minus", "negative") and _is_number(tokens, i + 1)


def _is_sign(tokens: list[Token], i: int, before: Token | None) -> bool:
    """Whether the "-" (or "+") at tokens[i] is a sign: a number follows and none comes just before.

    "COVID-19" and "5-FU" hold hyphens (a word or number touches the dash on the left), "2-3" a range.
    """
    if not _is_number(tokens, i + 1):
        return False
    if before is None:
        return True
    if before[0] == "n":
        return False
    return (before[0] == "S" and before[1] != "-") or bool(tokens[i][2])


def _tens_and_units(tokens: list[Token]) -> list[Token]:
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


@lru_cache(maxsize=65536)
def read(text: str, language: str = "en") -> Reading:
    """What a text says for marking (see Reading); `language` is the deck's, for "1,000" and "1.000"."""
    folded = fold(text)
    tokens: list[Token] = []
    for m in _token().finditer(folded):
        number, word, symbol = m.groups()
        spaced = "1" if m.start() == 0 or folded[m.start() - 1].isspace() else ""
        if number:
            if not number.isascii():  # other scripts' digits ("٣") are the same numbers
                number = "".join(str(unicodedata.decimal(c, c)) for c in number)
            tokens.append(["n", number_value(number, language), spaced, ""])
        elif word in _SMALL:
            tokens.append(["n", _SMALL[word], spaced, "spelled"])
        elif word == "half":
            tokens.append(["n", "0.5", spaced, "half"])
        elif word:
            tokens.append(["w", word, spaced, ""])
        else:
            tokens.append(["S", symbol, spaced, ""])
    tokens = _a_half(_tens_and_units(tokens))
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        kind, value = tokens[i][0], tokens[i][1]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        and_a_half = i + 3 < len(tokens) and tokens[i + 3][3] == "half" and _starts(tokens, i + 1, ("and", "a"))
        if kind == "n" and and_a_half:
            whole = value.lstrip("-").isdigit()
            out.append(["n", _decimal(value + ".5") if whole else f"?{value}+half", tokens[i][2], ""])
            i += 4
        elif nxt and nxt[3] == "half" and (value == "a" and kind == "w" or tokens[i][3] == "spelled" and value == "1"):
            out.append(["n", "0.5", tokens[i][2], ""])
            i += 2
        elif tokens[i][3] == "half" and _starts(tokens, i + 1, ("a",)):  # "half a tablet" = "0.5 tablet"
            out.append(tokens[i])
            i += 2
        elif kind == "w" and value == "percent":
            out.append(["S", "%", tokens[i][2], ""])
            i += 1
        elif value == "per" and _starts(tokens, i, ("per", "cent")):
            out.append(["S", "%", tokens[i][2], ""])
            i += 2
        elif kind == "w" and value in ("minus", "negative") and _is_number(tokens, i + 1):
            tokens[i + 1][1] = _negate(tokens[i + 1][1])
            i += 1
        elif kind == "S" and value == "-" and _is_sign(tokens, i, out[-1] if out else None):
            tokens[i + 1][1] = _negate(tokens[i + 1][1])
            i += 1
        elif kind == "S" and value == "+" and nxt and not nxt[2] and _is_sign(tokens, i, out[-1] if out else None):
            i += 1  # "+5" is 5; "2+" and "2 +3" keep their "+"
        elif kind == "S" and value == "/" and out and out[-1][0] == "n" and _is_number(tokens, i + 1):
            out.append(["S", "\u2044", tokens[i][2], ""])  # a fraction or a ratio ("1/2", "120/80"): kept
            i += 1
        elif kind == "S" and nxt and (value, nxt[1]) in _SYMBOL_PAIRS:
            out.append(["S", _SYMBOL_PAIRS[value, nxt[1]], tokens[i][2], ""])
            i += 2
        else:
            candidates = _COMPARISONS_BY_FIRST.get(value, ()) if kind == "w" else ()
            words = next(
                (c for c in candidates if _starts(tokens, i, c[0]) and _number_follows(tokens, i + len(c[0]))), None
            )
            if words:
                out.append(["S", words[1], tokens[i][2], ""])
                i += len(words[0])
            else:
                out.append(tokens[i])
                i += 1
    return _shape(out)


_JOINER_FIRST = frozenset(j[0] for j in (*_FREQUENCY, *_RANGE, ("and",)))


def _joined(tokens: list[Token], i: int, joiners: tuple[tuple[str, ...], ...]) -> tuple[str, ...] | None:
    """The joiner ("to", "in", "-"...) at tokens[i] that a number follows, if any."""
    if i >= len(tokens) or tokens[i][1] not in _JOINER_FIRST:
        return None
    return next((j for j in joiners if _starts(tokens, i, j) and _is_number(tokens, i + len(j))), None)


def _units(items: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """A unit right after a number in one spelling ("5 milligrams" = "5 mg"); "degrees" dropped."""
    out: list[tuple[str, ...]] = []
    after_number = False
    for item in items:
        if item[0] == "w" and after_number:
            if item[1] in _DEGREES:
                continue  # "-18 degrees C" = "-18 °C": the unit is the next word
            item = ("w", _UNITS.get(item[1], item[1]))
        after_number = item[0] in ("n", "r", "f")
        out.append(item)
    return out


def _shape(tokens: list[Token]) -> Reading:
    """Ranges and frequencies from the tokens, soft punctuation dropped, words grouped into runs."""
    items: list[tuple[str, ...]] = []  # ("n", value), ("r", a, b), ("f", a, b), ("s", symbol), ("w", word)
    i = 0
    while i < len(tokens):
        kind, value = tokens[i][0], tokens[i][1]
        if kind == "w" and value in ("from", "between") and _is_number(tokens, i + 1):
            joined = _joined(tokens, i + 2, _RANGE if value == "from" else (("and",), *_RANGE))
            if joined:
                items.append(("r", tokens[i + 1][1], tokens[i + 2 + len(joined)][1]))
                i += 3 + len(joined)
                continue
        if kind == "n":
            frequency = _joined(tokens, i + 1, _FREQUENCY)
            joined = frequency or _joined(tokens, i + 1, _RANGE)
            if joined:
                items.append(("f" if frequency else "r", value, tokens[i + 1 + len(joined)][1]))
                i += 2 + len(joined)
            else:
                items.append(("n", value))
                i += 1
            continue
        if kind == "w":
            items.append(("w", value))
        elif value not in _SOFT:
            items.append(("s", value))
        i += 1
    if len(items) > 1 and items[0][0] == items[1][0] == "w" and items[0][1] in _ARTICLES:
        del items[0]
    items = _units(items)
    shape: list[tuple[str, ...]] = []
    runs: list[list[str]] = []
    near: list[bool] = []
    # A run touches a number when only symbols ("%", "=") stand between them.
    last = ""  # the kind of the last item other than a symbol
    for item in items:
        kind = item[0]
        if kind == "w":
            if shape and shape[-1] == ("w",):
                runs[-1].append(item[1])
            else:
                shape.append(("w",))
                runs.append([item[1]])
                near.append(last in ("n", "r", "f"))
        else:
            shape.append(item)
            if kind in "nrf" and last == "w":
                near[-1] = True
        if kind != "s":
            last = kind
    return Reading(tuple(shape), tuple(tuple(r) for r in runs), tuple(near))


# --- real words that a slip must not become --------------------------------------------------


@cache
def look_alike_pairs() -> tuple[tuple[str, str, str], ...]:
    """quiz's curated medical look-alikes: (word, word, source key), folded, from quiz/data/look-alikes.tsv.

    An entry starting with "-" is a word ending (see the file's header for the sources).
    """
    pairs = []
    for line in _LOOK_ALIKES.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip() or line.startswith("word\t"):
            continue
        a, b, source = line.split("\t")
        pairs.append((fold(a), fold(b), source))
    return tuple(pairs)


class _Curated(NamedTuple):
    words: frozenset[str]  # single-word look-alikes
    runs: dict[str, str]  # every look-alike's letters, spaces and hyphens dropped -> its words ("tcell": "t cell")
    endings: tuple[frozenset[str], ...]  # sets of word endings that make another word of a stem


@cache
def _curated() -> _Curated:
    """The curated look-alikes, arranged for lookup."""
    words: set[str] = set()
    runs: dict[str, str] = {}
    endings: list[set[str]] = []
    for a, b, _ in look_alike_pairs():
        if a.startswith("-"):
            group = next((g for g in endings if a[1:] in g or b[1:] in g), None)
            if group is None:
                endings.append(group := set())
            group.update((a[1:], b[1:]))
            continue
        for entry in (a, b):
            for run in read(entry).runs:
                runs["".join(run)] = " ".join(run)
                if len(run) == 1:
                    words.add(run[0])
    return _Curated(frozenset(words), runs, tuple(frozenset(g) for g in endings))


def _other_ending(expected: str, typed: str) -> bool:
    """Whether typed is expected's stem with another ending of a look-alike set (colotomy, colostomy)."""
    for group in _curated().endings:
        for end in group:
            if expected.endswith(end) and len(expected) - len(end) >= 2:  # a stem to keep ("col-")
                stem = expected[: -len(end)]
                if any(typed == stem + other for other in group if other != end):
                    return True
    return False


class Lexicon:
    """The real words a slip must not become: those of a deck's texts and quiz's look-alikes.

    Made cheaply for every typed question of a deck, and cheap to ask: marking a slip reads only
    the deck texts whose letters contain the word in question, so the first slip in a deck of
    thousands of facts costs milliseconds, not a reading of every text. `language` is the deck's,
    for reading numbers.
    """

    __slots__ = ("language", "_texts", "_letters", "_words", "_runs", "_index")

    def __init__(self, texts: Iterable[str] = (), language: str = "en") -> None:
        self.language = language
        self._texts = texts
        self._letters: list[tuple[str, str]] | None = None  # (a text's letters alone, the text)
        self._words: frozenset[str] | None = None
        self._runs: dict[str, str] = {}
        self._index: list[str] | None = None

    def contains(self, entry: str) -> bool:
        """Whether a folded word or run (spaces dropped) is a curated look-alike or a deck text's run."""
        if self.is_curated(entry):
            return True
        if self._words is not None or entry in _UNIT_SPELLINGS:  # a unit's letters may not be in its text
            return entry in self.words
        if self._letters is None:
            letters = _not_letters()
            self._letters = [(letters.sub("", fold(t)), t) for t in dict.fromkeys(self._texts)]
        return any(
            entry in letters and any("".join(run) == entry for run in read(text, self.language).runs)
            for letters, text in self._letters
        )

    def near(self, word: str) -> set[str]:
        """The words and runs of the lexicon one slip from `word` (OSA distance 1, by rapidfuzz)."""
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        if self._index is None:
            self._index = sorted(self.words | self._runs.keys())
        found = process.extract(word, self._index, scorer=OSA.distance, score_cutoff=1, limit=None)
        return {entry for entry, distance, _ in found if distance == 1}

    def spelled(self, entry: str) -> str:
        """A word or run as the texts write it, folded, with its spaces ("tcell" -> "t cell")."""
        _ = self.words
        return self._runs.get(entry, entry)

    def is_curated(self, entry: str) -> bool:
        """Whether a word or run is one of quiz's medical look-alikes (not only a word of the deck)."""
        curated = _curated()
        return entry in curated.words or entry in curated.runs

    def _load(self) -> frozenset[str]:
        curated = _curated()
        runs = dict(curated.runs)
        texts = self._texts if self._letters is None else (t for _, t in self._letters)
        for text in texts:
            for run in read(text, self.language).runs:
                runs.setdefault("".join(run), " ".join(run))
        self._words, self._runs = frozenset(curated.words | runs.keys()), runs
        return self._words

    @property
    def words(self) -> frozenset[str]:
        """The real words: each deck text's letters (each run of words between numbers, without its
        spaces: "heartattack"), and the curated look-alikes' words and runs; folded."""
        return self._words if self._words is not None else self._load()

    def _english(self, word: str, expected: tuple[str, ...]) -> bool:
        """Whether an English deck's word is in the CMU Pronouncing Dictionary ("fever" for "never").

        The plural or singular of an expected word ("livers" for "liver") stays a slip here, as it
        was before the dictionary was asked; the deck's own words still tell such pairs apart.
        """
        if self.language != "en" or not word.isalpha() or len(word) < TYPO_MIN_LETTERS:
            return False  # the dictionary's short entries are mostly names and abbreviations ("bon", "ung")
        if any(word in (e + "s", e + "es") or e in (word + "s", word + "es") for e in expected):
            return False
        from quiz.pronouncing import is_word  # the dictionary is read at the first slip, not at start-up

        return is_word(word)

    def other_word(self, expected: tuple[str, ...], typed: tuple[str, ...]) -> str:
        """The real word that typed (a run one slip from expected) makes, or "" if it makes none."""
        joined = "".join(typed)
        if joined != "".join(expected) and self.contains(joined):
            return " ".join(typed)
        for word in typed:
            if word in expected:
                continue
            if self.contains(word) or self._english(word, expected) or any(_other_ending(e, word) for e in expected):
                return word
        return ""


@cache
def _not_letters() -> re.Pattern[str]:
    """Everything but letters: what is left of a folded text holds every run of it, joined."""
    return re.compile(r"[\W\d_]+")


def look_alikes(text: str, lexicon: Lexicon, own: Iterable[str] = ()) -> list[str]:
    """The real words that one forgivable slip in `text` would make, sorted; never raises.

    Real words are those of `lexicon` (the deck's texts and the medical look-alikes) and a word's
    stem with another look-alike ending ("colotomy" for "colostomy"). Words of the `own` texts (the
    fact's answer and accept texts) are not counted, nor are words of fewer than TYPO_MIN_LETTERS
    letters or words next to a number, where no slip is forgiven anyway.
    """
    reading = read(text, lexicon.language)
    mine = {w for t in (text, *own) for run in read(t, lexicon.language).runs for w in (*run, "".join(run))}
    found: set[str] = set()
    for run, near_number in zip(reading.runs, reading.near_number, strict=True):
        joined = "".join(run)
        if near_number or len(joined) < TYPO_MIN_LETTERS:
            continue
        for word in {*run, joined}:
            if len(word) < TYPO_MIN_LETTERS:
                continue
            found |= lexicon.near(word)
            for group in _curated().endings:
                for end in group:
                    if word.endswith(end) and len(word) - len(end) >= 2:
                        found.update(w for o in group if _one_slip(word, w := word[: -len(end)] + o))
    return sorted(found - mine)


_deck_lexicon: tuple[object, Lexicon] | None = None


def deck_lexicon(deck: Deck) -> Lexicon:
    """The deck's Lexicon (its answers, distractors, accept texts and glossary terms, its language).

    The last deck's is kept: the app asks one question at a time, and `quiz check` goes fact by fact.
    """
    global _deck_lexicon
    cached = _deck_lexicon
    if cached is not None and cached[0] is deck:
        return cached[1]
    lexicon = Lexicon(deck_texts(deck.facts, deck.glossary), deck.language)
    _deck_lexicon = (deck, lexicon)
    return lexicon


def deck_texts(facts: Iterable[Fact], glossary: Iterable[tuple[str, str]] = ()) -> Iterable[str]:
    """Every answer, distractor and `accept` text of the facts, and every glossary term (lazily)."""
    for fact in facts:
        yield fact.answer
        yield from fact.distractors
        yield from fact.accept
    for term, _ in glossary:
        yield term


CURATED_ONLY = Lexicon()
"""A lexicon of quiz's look-alikes alone, for a question made without its deck."""


# --- marking ------------------------------------------------------------------------------------


def _key(reading: Reading) -> tuple[object, ...]:
    """What must be equal for an exact match: the shape and the letters of each run ("T cell" = "Tcell")."""
    return reading.shape, tuple("".join(run) for run in reading.runs)


def _one_slip(expected: str, typed: str) -> bool:
    """Whether typed is one slip from expected by the optimal string alignment distance (rapidfuzz)."""
    if abs(len(expected) - len(typed)) > 1:
        return False
    from rapidfuzz.distance import OSA

    return OSA.distance(expected, typed, score_cutoff=1) == 1


_ROMAN = re.compile(r"(?=[mdclxvi])m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})[abc]?\Z")
"""A Roman numeral, with the letter a stage may carry ("iv", "iiib"), as read (case-folded)."""


def _numeral(word: str) -> bool:
    """Whether a word is a Roman numeral (a stage, a phase, a grade): a number, never a slip."""
    return len(word) <= 5 and _ROMAN.match(word) is not None


def _slip_run(expected: Reading, typed: Reading) -> int | None:
    """The one run where typed differs from expected by a forgivable slip, if that is all that differs.

    No slip is forgiven in a Roman numeral ("Stage IV" is never "Stage V"), as none is in a number,
    nor in a word of fewer than TYPO_MIN_LETTERS letters ("Vitamin D" is never "Vitamin C").
    """
    if expected.shape != typed.shape:
        return None
    differ = [i for i, (e, t) in enumerate(zip(expected.runs, typed.runs, strict=True)) if "".join(e) != "".join(t)]
    if len(differ) != 1:
        return None
    i = differ[0]
    e, t = "".join(expected.runs[i]), "".join(typed.runs[i])
    if expected.near_number[i] or len(e) < TYPO_MIN_LETTERS or not _one_slip(e, t):
        return None
    numerals = [w for w in expected.runs[i] if _numeral(w)], [w for w in typed.runs[i] if _numeral(w)]
    if numerals[0] != numerals[1]:  # the slip is in a numeral, or makes one
        return None
    words = [(e, t) for e, t in zip(expected.runs[i], typed.runs[i], strict=False) if e != t]
    if len(expected.runs[i]) == len(typed.runs[i]) and any(len(e) < TYPO_MIN_LETTERS for e, _ in words):
        return None  # a short word is a label, not a spelling: "Hepatitis B" is never "Hepatitis C"
    return i


def mark(answer: str, accept: Iterable[str], text: str, lexicon: Lexicon = CURATED_ONLY) -> TypedMark:
    """Mark a typed text against an answer and its `accept` texts (docs/questions.md has the rules).

    An exact match (after folding) with any of them is right; otherwise one slip is forgiven unless
    what was typed is another real word of `lexicon`. Never raises for any text.
    """
    expected = (answer, *accept)
    typed = read(text, lexicon.language)
    readings = [read(e, lexicon.language) for e in expected]
    typed_key, typed_text = _key(typed), normalize(text)
    for e, r in zip(expected, readings, strict=True):
        # The text itself always counts, even one with nothing to read ("...", a lone accent).
        if (r.shape and _key(r) == typed_key) or (typed_text and normalize(e) == typed_text):
            return TypedMark(True, False, e, text)
    refused = ""
    for e, r in zip(expected, readings, strict=True):
        i = _slip_run(r, typed)
        if i is None:
            continue
        other = lexicon.other_word(r.runs[i], typed.runs[i])
        if not other:
            return TypedMark(True, True, e, text)
        refused = refused or other
    return TypedMark(False, False, answer, text, refused)


@cache
def _curated_lexicon(language: str) -> Lexicon:
    return Lexicon(language=language)


def is_match(expected: str, text: str, language: str = "en") -> bool:
    """Whether text passes for expected by these rules, with a slip forgiven and no deck words known."""
    return mark(expected, (), text, _curated_lexicon(language)).correct


@lru_cache(maxsize=65536)
def typed_possible(answer: str, accept: tuple[str, ...], distractors: tuple[str, ...], language: str = "en") -> bool:
    """Whether a fact can be asked as a typed answer: a short answer no distractor passes for.

    Short: at most TYPED_MAX_WORDS words and TYPED_MAX_CHARS characters, with something to compare.
    A distractor that would pass as the answer or an `accept` text even as a slip rules it out
    ("Colon" with the distractor "Colin").
    """
    answer = answer.strip()
    if len(answer) > TYPED_MAX_CHARS or len(answer.split()) > TYPED_MAX_WORDS:
        return False
    reading = read(answer, language)
    if not reading.shape:
        return False
    return not any(is_match(e, d, language) for e in (answer, *accept) for d in distractors)
