"""The words and symbols typed answers are read with: number words, units, comparisons, soft
punctuation, and which languages write a decimal comma. Tables only; quiz.typed.reading uses them."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path

from quiz.deck.text import primary_language  # noqa: F401  (its home: the deck's text rules)

TYPO_MIN_LETTERS = 4
"""A slip is forgiven only in a word of at least this many letters, as answered and as typed: "CEB"
is not "CEA", "ice" is not "lice", "hat" is not "heat". Most short words are one slip from
several others, and the dictionaries quiz asks miss many of them."""
TYPO_VOWEL_LETTERS = 8
"""A vowel dropped or added is forgiven only in a word of at least this many letters ("colonscopy",
"hypertenson"); no other changed, added or dropped letter is, at any length: "hepatoma" is not
"hematoma", "ureteral" is not "urethral", "dysphasia" is not "dysphagia". quiz.typed.lexicon.forgivable."""
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

DASHES = str.maketrans(
    dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-")
    | dict.fromkeys("\u00ad\u200b\u200c\u200d\u2060\ufeff", "")  # soft hyphen and zero-width marks
    | {"\u2044": "/"}
)
SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺"
"""A run of these is a power: NFKC would make "10⁹" the number 109 and "10⁻³" the number 10-3, so
the run is written "^-3" first (quiz.typed.folding.fold): "10⁻³" is "10^-3", "10¹⁰" is "10^10"."""
SYMBOL_FORMS = str.maketrans(
    {"º": "°", "\u02da": "°", "\u066a": "%", "\uffe3": "\u00af", "\u0384": "\u00b4", "\u1ffd": "\u00b4",
     "\u1fee": "\u0385", "\u1fbf": "\u1fbd"} | dict.fromkeys("\ufe49\ufe4a\ufe4b\ufe4c", "\u203e")
)  # fmt: skip
"""Symbols written another way that NFKC leaves as they are: the masculine ordinal "º" and the ring
"˚", which stand in for a degree sign on many keyboards (NFKC would make them an "o" and a mark
over a space), and the Arabic percent sign. And each character whose NFKC form is a space and a
mark as the first of those that have that form, which quiz.deck.text.as_seen reads: the
full-width macron "￣" as "¯" and the dashed and wavy overlines "﹉" to "﹌" as "‾", both a high
minus (NFKC alone made them a space and a mark, which an English text drops: "￣18 °C" was read
as 18 °C), the Greek tonos and oxia as the acute "´".
Symbols that look like others (the Japanese "≧" for "≥", "∕" for "/", "˗" and "➖" for a minus)
are read as those by quiz.deck.text.as_seen, as quiz check compares options."""
VULGAR_FRACTIONS = "¼½¾⅐⅑⅒⅓⅔⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞⅟↉"
"""The characters whose NFKC form is a fraction ("½" -> "1⁄2"): every character Unicode decomposes as
<fraction>. After a digit each is a mixed number's fraction, never more digits: "1½" is read as
"1 1/2" (NFKC alone makes it "11⁄2", which read as the fraction eleven halves)."""
# Punctuation that never changes what an answer says; every other symbol ("<", "%", "=", "+") must match.
RAISED_POINTS = "\u00b7\u066b"
"""Marks that are only ever a decimal point between or before digits: the raised point of British
and Lancet style ("0·5 mg"; NFKC makes the Greek ano teleia one) and the Arabic decimal separator
("0٫5"). Before a digit, never soft punctuation: "·5 mg" is 0.5 mg."""
DECIMAL_POINTS = str.maketrans(dict.fromkeys(RAISED_POINTS, "."))
"""RAISED_POINTS as ".", for str.translate (quiz.typed.numbers.number_value)."""
BULLET = "\u2022"
DOTS = str.maketrans(dict.fromkeys("\u2022\u02d9\u00b8\u2219\u22c5\u2027\u30fb\uff65\u25e6\u06d4", BULLET))
"""Dots that are no decimal point but may be taken for one (a bullet, a dot above, a cedilla, the
bullet and dot operators, the katakana middle dot, the Urdu full stop "۔" that an Urdu keyboard's
full-stop key types), as one BULLET, before NFKC turns some into a space and an accent
(quiz.typed.folding.fold). Unicode's confusables take "۔" for a hyphen: a full stop is never a
minus sign, so "۔5 °C" is no "-5 °C" (nor 5 °C, nor 0.5 °C); bench.confusables leaves these out."""
DECIMAL_MARKS = frozenset(".," + RAISED_POINTS + BULLET)
"""A decimal point or comma, or a dot (DOTS) that may be taken for one: standing alone right before
a number (". 5 mg", "•5 mg"), it is never dropped as soft punctuation, so the number is not read
as a whole one (quiz.typed.shape)."""
SOFT = frozenset(".,;:!?'\"`()[]{}-_/\\*\u2018\u2019\u201c\u201d\u00ab\u00bb\u2026\u00b0\u00b7\u2022")
CONTRACTIONS = {
    **{f"{w}'s": f"{w} is" for w in ("it", "that", "there", "here", "what", "who", "he", "she")},
    **{f"{w}'re": f"{w} are" for w in ("they", "we", "you")},
    **{f"{w}'ve": f"{w} have" for w in ("i", "we", "they", "you")},
    **{f"{w}'ll": f"{w} will" for w in ("i", "it", "we", "they", "you", "that")},
    **{f"{w}n't": f"{w} not" for w in ("is", "are", "was", "were", "do", "does", "did", "would", "should", "could")},
    **{f"{w}n't": f"{w} not" for w in ("has", "have", "had", "must", "need")},
    "i'm": "i am", "can't": "cannot", "won't": "will not", "let's": "let us",
}  # fmt: skip
"""The contractions of English a learner types for the words an answer writes out ("it's similar"
for "It is similar", "they're increased"), folded, each with its words; "n't" keeps its "not"."""
ARTICLES = frozenset(("a", "an", "the"))
_NO_ARTICLE_BEFORE = frozenset(
    """
    and or nor but yet so than then to of in on at by for with without from into onto over under above
    below before after between among through via per plus minus versus vs is are was were be been am
    has have had do does did will would can could should may might must not no only also the this
    that these those some any each every all both either neither
    """.split()
)
"""Words no article stands before (conjunctions, prepositions, verbs, determiners): a leading "A"
before one of them names something ("A and B", "A then B", "A with B")."""
PREFIX_WORDS = frozenset(("a", "an", "in"))
"""Prefixes that make a word its opposite ("afebrile", "anaerobic", "incomplete") and are words
themselves, so a text split after one reads as other words: "a febrile" (a feverish one), "in
complete remission", "in active disease" say the opposite of the word joined. The space after one
is no mere spacing (quiz.typed.marking._joined). Prefixes that are no words ("un", "non", "dis",
"ir") may be written apart or hyphenated and still say the word: "non-invasive" is "noninvasive"."""
APART_AFTER = PREFIX_WORDS | frozenset("not no some any every may be for to on at as up with".split())
"""English words after which a space says something, in an English deck: short words of their own
(negations, determiners, prepositions, "may", "be") that begin many other words once joined to the
next: "not able" is no "notable", "may be" no "maybe", "every day" no "everyday", "some time" no
"sometime", "any one" no "anyone", "no body" no "nobody", "on set" no "onset", "with hold" no
"withhold", "be low" no "below", "as sent" no "assent". So the space after one is never taken for
mere spacing (quiz.typed.marking._joined). A space between words of other kinds is ("T cell" is "Tcell",
"heart attack" "heartattack", "health care" "healthcare"): joined, they say the same. Not
"over", "under", "out", "by": "over dose", "out patient", "by pass" say what the word joined says."""
_A_QUANTITY = frozenset(("few", "little", "lot", "lots", "bit", "couple"))
_A_GROUP = frozenset(("positive", "negative", "pos", "neg", "rh"))
"""Words after the A of a blood group ("A positive donor", "A negative blood")."""


def leading_article(words: Sequence[str], language: str) -> bool:
    """Whether the first of a text's leading words (those before any number or symbol, folded) is an
    English article that a typed answer may leave out ("The liver" is "liver", "An X-ray" is
    "X-ray", "A blood clot" is "blood clot"), else it is read as written.

    Only in an English deck, and never before a word no article stands before (_NO_ARTICLE_BEFORE:
    "A and B", "A with B" name A). "A" is also a letter that names things, so it is taken for an
    article only before two words or more, the first of two letters or more, no quantity and no
    word of a blood group: "A B" and "A lines" are not "B" and "lines", "A few days" is not "few
    days", "A negative blood" is not "negative blood". So "tumor" is wrong for "A tumor", as "a
    tumor" is for "Tumor"; a deck may accept it (`accept`).
    """
    if len(words) < 2 or words[0] not in ARTICLES or primary_language(language) != "en":
        return False
    after = words[1]
    if after in _NO_ARTICLE_BEFORE:
        return False
    return words[0] != "a" or (len(words) > 2 and len(after) > 1 and after not in _A_QUANTITY | _A_GROUP)


NUMBER_WORDS = {
    w: str(n)
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen".split()
    )
} | {w: str(10 * n) for n, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2)}
"""Numbers in words, zero to ninety-nine ("twenty-five" is read whole, never as the range 20-5)."""
SCALES = {"hundred": 100, "thousand": 1000}
"""Number words that multiply the number in words before them: "one hundred" = 100, "two thousand
five hundred and one" = 2501, "a hundred" = 100 (quiz.typed.numbers.numbers_in_words)."""
POWERS = {"thousand": 3, "million": 6, "billion": 9}
"""Words that multiply the number before them, in figures too, by a power of ten: "1 million",
"one million" and "a million" are 1,000,000, "2.5 million" is 2,500,000, "5 thousand" is 5,000
(quiz.typed.numbers.powers; "one thousand" is read whole by numbers_in_words first)."""
ORDINAL_WORDS = {
    w: str(n)
    for n, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
        "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split(),
        start=1,
    )
} | {
    w: str(10 * n)
    for n, w in enumerate("twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split(), 2)
}
"""Ordinals in words, first to ninetieth, and "twenty-first" made of two: each is the same as its
figure with the English suffix ("first" = "1st", "second dose" = "2nd dose"). "second" right after
a number is the unit ("20 second"), and is never the end of a compound ("twenty-second" may be a
twenty-second wash), so "22nd" is not read from words."""


def ordinal_suffix(n: int) -> str:
    """The English suffix of an ordinal figure: 1 -> "st", 2 -> "nd", 3 -> "rd", 11 -> "th", 21 -> "st"."""
    if n % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


UNIT_NAMES = {
    "mg": "mg milligram milligrams milligramme milligrammes",
    "mcg": "mcg μg ug microgram micrograms microgramme microgrammes",
    "umol": "umol μmol micromole micromoles",
    "ul": "ul μl microliter microliters microlitre microlitres",
    "g": "g gram grams gramme grammes",
    "kg": "kg kilogram kilograms kilogramme kilogrammes",
    "ml": "ml cc milliliter milliliters millilitre millilitres",
    "l": "l liter liters litre litres",
    "c": "c celsius centigrade",
    "f": "f fahrenheit",
    "s": "s sec secs second seconds",
    "min": "min mins minute minutes",
    "h": "h hr hrs hour hours",
    "wk": "wk wks week weeks",
    "yr": "yr yrs year years",
    "day": "day days",
    "mo": "mo mos mth mths month months",
    "times": "time times x",
    "tablet": "tablet tablets tab tabs",
    "capsule": "cap caps capsule capsules",
    "pill": "pill pills",
    "dose": "dose doses",
    "drop": "drop drops gtt gtts",
    "puff": "puff puffs",
    "unit": "unit units",
    "cup": "cup cups",
    "tbsp": "tbsp tbsps tbs tablespoon tablespoons tablespoonful tablespoonfuls",
    "tsp": "tsp tsps teaspoon teaspoons teaspoonful teaspoonfuls",
}
UNITS = {name: unit for unit, names in UNIT_NAMES.items() for name in names.split()}
PER_PERIOD = {"day": "day", "days": "day", "daily": "day", "night": "night", "nightly": "night", "week": "wk",
              "weekly": "wk", "month": "mo", "monthly": "mo", "year": "yr", "yearly": "yr", "hour": "h", "hourly": "h"}
"""After a count of times, the period it is counted in, in one spelling: "twice daily" is "twice a
day", "3 times weekly" is "3 times a week" (an "a", "an", "each", "every" or "per" before it
dropped: quiz.typed.shape)."""
PER_WORDS = frozenset(("a", "an", "each", "every", "per"))
"""Units right after a number, each in one spelling: singular, plural, abbreviated or in full."""
UNIT_SPELLINGS = frozenset(UNITS.values())
DEGREES = frozenset(("degree", "degrees", "deg"))
# Word sequences that mean a comparison when a number follows them (longest first).
COMPARISONS = (
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
    (("plus", "or", "minus"), "±"),
)
COMPARISONS_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _words, _symbol in COMPARISONS:
    COMPARISONS_BY_FIRST.setdefault(_words[0], []).append((_words, _symbol))
SYMBOL_PAIRS = {("<", "="): "≤", (">", "="): "≥", ("=", "<"): "≤", ("=", ">"): "≥", ("!", "="): "≠"}
"""Two symbols typed together for one that keyboards lack: "<=" is "≤", "!=" is "≠" (as in most
programming languages and plain-text mail). Apart they stay two: "5! = 120" is a factorial."""
TIMES = {"once": "1", "twice": "2", "thrice": "3"}
"""Words that say a number of times: "twice a day" is "2 times a day", "once" is "1 time"."""
TIMES_BEFORE = frozenset("a an per every each daily weekly monthly yearly nightly as or in more less".split())
"""The words before which a word of TIMES is a count, as it is at the end of a text: "twice a day",
"twice as likely", "once or twice". Elsewhere "once" may mean "when" ("once the wound heals")."""
NUMBERED_BY = frozenset("stage stages grade grades type types phase phases class classes schedule schedules".split())
"""Words a number follows that is also written in Roman numerals: "stage IV" is "stage 4", "type I
diabetes" is "type 1 diabetes", "phase III" is "phase 3", a "Schedule II" drug is "schedule 2"
(quiz.typed.numbers.roman_value)."""
NUMBERED_LIST = frozenset(("to", "through", "or", "and"))
"""Words that go on a list or range of Roman numerals after NUMBERED_BY: "stages III and IV" is
"stages 3 and 4", "stage II to III" is "stage 2 to 3" (as a dash or a comma does)."""
# Words between two numbers that make a frequency ("2 in 100") or a range ("2 to 3").
FREQUENCY = (("out", "of", "every"), ("in", "every"), ("of", "every"), ("out", "of"), ("in",))
RANGE = (("to",), ("-",), ("through",))


_BRITISH = (
    "anaemia anemia anaemic anemic anaesthesia anesthesia anaesthetic anesthetic anaesthetist anesthetist "
    "apnoea apnea behaviour behavior caesarean cesarean caesarian cesarean centre center colour color "
    "diarrhoea diarrhea dyspnoea dyspnea fibre fiber foetus fetus gynaecology gynecology haematology "
    "hematology haematoma hematoma haemoglobin hemoglobin haemophilia hemophilia haemorrhage hemorrhage "
    "haemorrhoids hemorrhoids ischaemia ischemia leukaemia leukemia oedema edema oesophagus esophagus "
    "oestrogen estrogen orthopaedic orthopedic paediatric pediatric programme program septicaemia "
    "septicemia tumour tumor tumours tumors leucocyte leukocyte leucocytes leukocytes leucopenia "
    "leukopenia leucocytosis leukocytosis amoxycillin amoxicillin catheterise catheterize catheterised "
    "catheterized hospitalise hospitalize hospitalised hospitalized dialyse dialyze dialysed dialyzed "
    "sceptical skeptical oestradiol estradiol oestrogens estrogens oestriol estriol"
).split()
SPELLINGS = dict(zip(_BRITISH[::2], _BRITISH[1::2], strict=True))
"""British spellings of words a patient deck uses, each with the American one a typed answer is
compared in (quiz.typed.marking), where neither breame's table nor the roots below have them:
the same word, not a slip, so "tumour" is right for "Tumor" (and "tumor" for "Tumour") however
strict the slip rule is. Whole words only, plurals listed."""

NOT_THE_SAME = frozenset(("tonne", "tonnes", "groyne", "groynes"))
"""British words that breame's table gives an American spelling of, but that a patient deck means
otherwise: a tonne is 1,000 kg and a US ton 907 kg; a groyne is a sea wall, not the groin. They
are left out of quiz/data/british-american.tsv."""

BRITISH_AMERICAN = Path(__file__).parent.parent / "data" / "british-american.tsv"
"""About 1,700 British spellings of English words, each with the American one: breame's table
(Apache License 2.0; the file's header says where from), kept as data rather than imported, as
the package's module builds two such tables at import (3 ms of every `quiz check`)."""

_ROOTS = (
    ("aemi", "emi"), ("haem", "hem"), ("oesoph", "esoph"), ("oedem", "edem"), ("paed", "ped"),
    ("gynaec", "gynec"), ("faec", "fec"), ("foet", "fet"), ("coeli", "celi"), ("aetio", "etio"),
    ("rrhoe", "rrhe"), ("pnoe", "pne"), ("anaes", "anes"), ("sulph", "sulf"),
)  # fmt: skip
"""Greek and Latin roots of medical words that British English writes with "ae", "oe" or "ph" and
American English without ("hypoglycaemia", "oesophageal", "faecal", "coeliac", "aetiology",
"amenorrhoea", "hypopnoea", "sulphonylurea"). No English word holds one but a word of that root
(tests/test_typed_spelling.py holds it against the CMU Pronouncing Dictionary's 126,000 words)."""


def american(word: str) -> str:
    """A folded word in its American spelling, as typed answers are compared (quiz.typed.marking)
    and quiz check compares options (quiz.deck.options.Said): SPELLINGS; breame's table of 1,700
    British and American spellings of English words (BRITISH_AMERICAN); the medical roots of _ROOTS
    in any word; and "-isation" as "-ization" in any word ("embolisation", "immunisations"), which
    makes no other English word ("-ise" does: "prise" and "prize"; breame lists the -ise verbs)."""
    found = _spellings().get(word)
    if found is not None:
        return found
    if "ae" in word or "oe" in word or "ph" in word:
        for british, us in _ROOTS:
            if british in word:
                word = word.replace(british, us)
    if word.endswith(("isation", "isations")):
        return word.replace("isation", "ization")
    return word


@cache
def _spellings() -> dict[str, str]:
    """BRITISH_AMERICAN's pairs and SPELLINGS, each British spelling with the American one (read
    when a word is first compared)."""
    lines = BRITISH_AMERICAN.read_text(encoding="utf-8").splitlines()
    return dict(line.split("\t") for line in lines if line and not line.startswith("#")) | SPELLINGS
