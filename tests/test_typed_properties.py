"""Properties of typed-answer marking (Hypothesis): numbers, folding, accept texts, look-alikes."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from decimal import Decimal

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from quiz.deck.model import Deck, Fact
from quiz.deck.text import normalize
from quiz.generate import Kind, kinds_for, make_question, mark_typed
from quiz.pronouncing import is_word
from quiz.typed import fold, is_match
from quiz.typed.words import american

UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()  # noqa: E501
TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
WORDS = UNITS + [t if u == "zero" else f"{t}-{u}" for t in TENS for u in UNITS[:10]]  # zero to ninety-nine
NUMBERS = st.builds(
    lambda n, places: Decimal(n).scaleb(-places),
    st.integers(-(10**7), 10**7) | st.integers(-(10**60), 10**60),  # long numbers must stay exact
    st.sampled_from([0, 0, 1, 2, 3, 30]),
)
CONTEXTS = ("{}", "{}%", "{} percent", "<{}", "less than {}", "{} mg", "{} to 9", "about {} in 100")


def forms(x: Decimal, language: str = "en") -> list[str]:
    """Ways a deck in this language may write the number x (docs/questions.md, "Numbers")."""
    plain = format(x, "f")  # exact: Decimal.normalize() would round to 28 digits
    if "." in plain:
        plain = plain.rstrip("0").rstrip(".")
    plain = "0" if plain in ("0", "-0") else plain
    sign, digits = ("-", plain[1:]) if plain.startswith("-") else ("", plain)
    whole, _, frac = digits.partition(".")
    mark, other = (",", ".") if language == "de" else (".", ",")
    bodies = [whole] if not frac else [f"{whole}{mark}{frac}", f"{whole}{mark}{frac}0"]  # with a trailing zero
    if frac:
        if len(frac) != 3:
            bodies.append(f"{whole}{other}{frac}")  # the other mark, where it cannot be a thousands group
        if whole == "0":
            bodies += ["." + frac, "," + frac]  # a leading decimal mark
    if len(whole) > 3:
        grouped = f"{int(whole):,}".replace(",", other)
        bodies.append(grouped + (mark + frac if frac else ""))
        groups = f"{int(whole):,}".split(",")
        if all(g.startswith("0") for g in groups[1:]):  # "10 000": a space before groups starting with 0
            bodies.append(" ".join(groups) + (mark + frac if frac else ""))
    if not frac and int(whole) < 10**6:
        bodies.append(_in_words(int(whole)))
    if digits == "0.5":
        bodies += ["a half", "1/2", "\u00bd"]
    elif frac == "5" and len(whole) < 6:  # a mixed number: 2 1/2 = 2½ = 2 and a half = 2.5
        bodies += [f"{whole} 1/2", f"{whole}\u00bd", f"{whole} and a half"]
    out = []
    for body in bodies:
        if sign:
            out += [f"-{body}", f"\u2212{body}", f"\u2013{body}", f"minus {body}", f"- {body}"]
        else:
            out += [body, f"+{body}"] if body[0].isdigit() else [body]
    return out


def _in_words(n: int) -> str:
    """n (under a million) in English words: 2501 -> "two thousand five hundred and one"."""
    if n < 100:
        return WORDS[n]
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{WORDS[hundreds]} hundred" + (f" and {WORDS[rest]}" if rest else "")
    thousands, rest = divmod(n, 1000)
    return f"{_in_words(thousands)} thousand" + (f" {_in_words(rest)}" if rest else "")


@settings(max_examples=150)
@given(NUMBERS, NUMBERS, st.sampled_from(CONTEXTS), st.sampled_from(["en", "de"]))
def test_a_number_never_passes_for_another_in_any_form(a: Decimal, b: Decimal, context: str, language: str) -> None:
    assume(a != b)
    for answer in forms(a, language):
        for typed in forms(b, language):
            assert not is_match(context.format(answer), context.format(typed), language), (answer, typed)


@settings(max_examples=150)
@given(NUMBERS, st.sampled_from(CONTEXTS), st.sampled_from(["en", "de"]))
def test_every_form_of_a_number_passes_for_every_other(a: Decimal, context: str, language: str) -> None:
    for answer in forms(a, language):
        for typed in forms(a, language):
            assert is_match(context.format(answer), context.format(typed), language), (answer, typed)


VULGAR = st.sampled_from("¼½¾⅐⅑⅒⅓⅔⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞⅟↉")


@given(st.integers(1, 10**6), VULGAR, st.sampled_from(["{}", "{} tablets", "take {} scoops", "{} mg"]))
@example(1, "½", "{} tablets")
@example(3, "⅓", "{}")
def test_a_whole_number_and_a_fraction_character_are_never_read_as_more_digits(
    whole: int, fraction: str, context: str
) -> None:
    """NFKC makes "1½" "11⁄2": the digits of the fraction must not join the whole number."""
    numerator, _, denominator = unicodedata.normalize("NFKC", fraction).partition("\u2044")
    mixed = context.format(f"{whole}{fraction}")
    assert not is_match(mixed, context.format(f"{whole}{numerator}/{denominator}"))
    assert not is_match(context.format(f"{whole}{numerator}/{denominator}"), mixed)
    assert is_match(mixed, context.format(f"{whole} {numerator}/{denominator}"))


ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)


@given(ANY_TEXT)
def test_folding_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)
    assert normalize(normalize(text)) == normalize(text)
    assert normalize(unicodedata.normalize("NFD", text)) == normalize(text)


# Deck text as the loader lets it through: printable, no control characters, not blank.
TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=20).filter(
    lambda s: s.strip() != ""
)
SHORT = st.lists(st.sampled_from(["Ileum", "ilium", "5", ".5", "-2", "2%", "<1%", "mg", "twenty", "Liver"]) | TEXT,
                 min_size=1, max_size=3).map(" ".join)  # fmt: skip


@settings(max_examples=200)
@given(
    SHORT,
    st.lists(SHORT | st.sampled_from(["...", "!", "-", "\u0301", "10⁹", "½"]), max_size=3),
    st.lists(SHORT, max_size=3),
    st.sampled_from(["en", "de"]),
)
def test_the_answer_and_every_accept_text_are_always_right(
    answer: str, accept: list[str], others: list[str], language: str
) -> None:
    fact = Fact(id="f", question="Q?", answer=answer, accept=tuple(accept))
    deck = Deck(
        id="d", title="D", language=language,
        facts=(fact, *(Fact(id=f"o{i}", question="Q?", answer=o) for i, o in enumerate(others))),
    )
    assume(Kind.TYPED in kinds_for(deck, fact))
    question = make_question(deck, fact, Kind.TYPED, seed=0)
    for text in (answer, *accept):
        marked = mark_typed(question, text)
        assert marked.correct and not marked.slip, text


def _slip(text: str, where: int, letter: str) -> str:
    """text with one letter changed, dropped or doubled, or two neighbours swapped (a slip)."""
    letters = [i for i, c in enumerate(text) if c.isalpha()]
    if not letters:
        return text
    i = letters[where % len(letters)]
    how = where % 4
    if how == 0:
        return text[:i] + letter + text[i + 1 :]
    if how == 1:
        return text[:i] + text[i + 1 :]
    if how == 2:
        return text[:i] + text[i] + text[i:]
    return text[:i] + text[i + 1 : i + 2] + text[i] + text[i + 2 :]


WORDY = st.sampled_from(["Liver", "Ileum", "Colonoscopy", "Heart attack", "The liver", "5 mg"]) | st.text(
    "abcdeilnorstu ", min_size=1, max_size=12
)


@pytest.mark.slow
@settings(max_examples=300)
@given(WORDY | SHORT, st.data())
def test_adding_a_look_alike_to_the_deck_never_makes_a_wrong_answer_right(answer: str, data: st.DataObject) -> None:
    fact = Fact(id="f", question="Q?", answer=answer)
    deck = Deck(id="d", title="D", facts=(fact,))
    assume(Kind.TYPED in kinds_for(deck, fact))
    slip = _slip(answer, data.draw(st.integers(0, 99)), data.draw(st.sampled_from("aeioubdq")))
    typed = data.draw(st.sampled_from([slip, slip, slip.upper()]) | SHORT)
    look_alikes = data.draw(st.lists(st.sampled_from([slip]) | SHORT, max_size=3))
    before = mark_typed(make_question(deck, fact, Kind.TYPED, seed=0), typed)
    more = tuple(Fact(id=f"l{i}", question="Q?", answer=w) for i, w in enumerate(look_alikes))
    as_terms = data.draw(st.booleans())
    bigger = Deck(
        id="d", title="D", facts=(fact, *(() if as_terms else more)),
        glossary=tuple((w, "a term") for w in look_alikes) if as_terms else (),
    )
    after = mark_typed(make_question(bigger, fact, Kind.TYPED, seed=0), typed)
    if not before.correct:
        assert not after.correct
    if after.correct:
        assert before.correct and after.slip == before.slip
    if before.slip and any(normalize(w) == normalize(typed) for w in look_alikes):
        assert not after.correct, (answer, typed)  # the slip made a real word of the deck


@settings(max_examples=300)
@given(ANY_TEXT, st.lists(ANY_TEXT, max_size=2), ANY_TEXT, st.sampled_from(["en", "de", "fr-CA", ""]))
def test_marking_any_text_never_raises(answer: str, accept: list[str], typed: str, language: str) -> None:
    from quiz.typed import Lexicon, look_alikes, mark

    lexicon = Lexicon([answer, *accept, typed], language)
    marked = mark(answer, accept, typed, lexicon)
    assert marked.typed == typed and marked.expected in (answer, *accept)
    assert not (marked.slip and not marked.correct)
    look_alikes(answer, lexicon, accept)


@settings(max_examples=200)
@given(
    st.lists(SHORT | WORDY | st.sampled_from(["5 milligrams", "The liver", "one tablet", "T-cell"]), max_size=6), SHORT
)
def test_a_lexicon_answers_alike_before_and_after_reading_every_text(texts: list[str], query: str) -> None:
    """Lexicon.contains reads only the texts that may hold a word; it must agree with reading them all."""
    from quiz.typed import Lexicon, read

    entries = {e for t in (query, *texts) for run in read(t).runs for e in ("".join(run), *run)} | {"mg", "tablet"}
    quick = Lexicon(texts)
    answers = {e: quick.contains(e) for e in entries}
    full = Lexicon(texts)
    _ = full.words
    assert answers == {e: full.contains(e) for e in entries}


@pytest.mark.parametrize(
    ("text", "run"), [("Ileum B0× A", "timesa"), ("2 weeks rest", "wkrest"), ("5 μg dose", "mcgdose")]
)
def test_a_run_with_a_unit_in_its_one_spelling_is_found_without_reading_every_text(text: str, run: str) -> None:
    """Hypothesis found "timesa" (the run "times a" of "B0× A") in a lexicon read whole but not in
    one asked first: the quick look matched the text's letters, where "×" is no "times"."""
    from quiz.typed import Lexicon

    assert Lexicon([text]).contains(run) and Lexicon([text]).contains(run) == (run in Lexicon([text]).words)


_READ_WORDS = st.sampled_from(
    ["a", "an", "the", "liver", "Heart", "attack", "five", "twenty", "half", "percent", "per", "cent", "than",
     "more", "to", "in", "mg", "minus", "5", "-", "%", "café", "T", "cell", "from", "between", "and", "ÉCHO",
     "0", "007", "12", "1,000", "2.5", "month", "weeks", "degrees", "c", "no", "less", "at", "most", "up", "over",
     "out", "of", "every", "through", "negative", "a half", "x2", "2nd", "٣", "first", "second", "1st", "hundred",
     "thousand", "000", "050", "500", "kg", "+/-", "--", "1/2", "½", "stage", "Type", "IV", "iiib", "x", "v",
     "once", "twice", "time", "times", "or", "stages", "iiid", "tea", "spoon", "s", "mo", "(", ":"]
)  # fmt: skip


@given(st.lists(_READ_WORDS, max_size=6).map(" ".join) | st.text(max_size=20))
def test_a_plain_text_reads_as_every_rule_would_read_it(text: str) -> None:
    """read's shortcuts for plain words, and for words and whole numbers, give what reading token by
    token gives, for any text."""
    from quiz.typed.folding import fold
    from quiz.typed.reading import read_once, read_tokens

    assert read_once(text) == read_tokens(fold(text))


def _texts_with_numbers() -> list[str]:
    """Every word a rule of reading knows, two at a time, before, after and between numbers."""
    from quiz.typed.words import (
        ARTICLES,
        COMPARISONS,
        DEGREES,
        FREQUENCY,
        NUMBER_WORDS,
        NUMBERED_BY,
        ORDINAL_WORDS,
        RANGE,
        SCALES,
        TIMES,
        UNIT_NAMES,
    )

    known = {w for words, _ in COMPARISONS for w in words} | {w for j in (*FREQUENCY, *RANGE) for w in j}
    vocabulary = sorted(
        known | NUMBER_WORDS.keys() | UNIT_NAMES.keys() | {"weeks", "milligrams"} | DEGREES | ARTICLES
        | ORDINAL_WORDS.keys() | SCALES.keys() | {"000", "050"}
        | {"minus", "negative", "half", "percent", "per", "cent", "from", "between", "and", "liver", "x"}
        | NUMBERED_BY | {"iv", "iiib", "iie"} | TIMES.keys() | {"time", "times", "or", "tea", "spoon", "month", "s"}
    )
    return [
        text
        for a in vocabulary
        for b in vocabulary
        for text in (f"{a} {b} 5", f"5 {a} {b}", f"05 {a} 6 {b}", f"{a} 5 {b} 70")
    ]


def test_words_and_whole_numbers_read_as_every_rule_would_read_them() -> None:
    """read's shortcut for words and whole numbers, against reading token by token (_texts_with_numbers)."""
    from quiz.typed.folding import fold
    from quiz.typed.reading import read_once, read_tokens

    for text in _texts_with_numbers():
        assert read_once(text) == read_tokens(fold(text)), text


def _slip_runs_the_long_way(text: str) -> list[tuple[str, ...]]:
    from quiz.typed.reading import read_once
    from quiz.typed.words import TYPO_MIN_LETTERS

    reading = read_once(text)
    return [
        run
        for run, near in zip(reading.runs, reading.near_number, strict=True)
        if not near and len("".join(run)) >= TYPO_MIN_LETTERS
    ]


@given(st.lists(_READ_WORDS, max_size=6).map(" ".join) | st.text(max_size=20))
@example("risk percent month 5")  # "percent" reads as a symbol, which does not join "risk" to the number
def test_the_runs_a_slip_is_forgiven_in_are_those_of_a_full_reading(text: str) -> None:
    """slip_runs' shortcut (a text of words and whole numbers with a number has none) against the
    long way: every run of a full reading that touches no number and has enough letters."""
    from quiz.typed import slip_runs

    assert slip_runs(text) == _slip_runs_the_long_way(text)


def test_no_run_of_words_beside_whole_numbers_is_one_a_slip_is_forgiven_in() -> None:
    """slip_runs' shortcut against the long way, for every word a rule of reading knows (_texts_with_numbers)."""
    from quiz.typed import slip_runs

    for text in _texts_with_numbers():
        assert slip_runs(text) == _slip_runs_the_long_way(text), text


# --- which slips are forgiven (quiz.typed.lexicon.forgivable, docs/questions.md "One slip") -----

LETTERS = "abcdefghijklmnopqrstuvwxyz"
RARE = st.text("qxzjkvwy" + "aeiou", min_size=1, max_size=1)
"""Letters whose words are seldom real; the properties that need an unknown word leave out the few
the English dictionary knows ("jazz" is a word)."""


def _risky(word: str, at: int, letter: str, how: int) -> str | None:
    """word with a letter changed, added or dropped at `at` that is neither a swap of neighbours,
    nor a doubled or undoubled letter, nor a plural ending, nor the word's other spelling (British
    and American, quiz.typed.words.american: "grey" and "gray", "paed" and "ped"); None if no such
    change is possible there."""
    near = set(word[max(0, at - 1) : at + 2])
    if how == 0 and letter not in near:
        typed = word[:at] + letter + word[at + 1 :]
    elif how == 1 and word[at] not in set(word[max(0, at - 1) : at]) | set(word[at + 1 : at + 2]):
        typed = word[:at] + word[at + 1 :]
    elif how == 2 and letter not in set(word[max(0, at - 1) : at + 1]):
        typed = word[:at] + letter + word[at:]
    else:
        return None
    ends = ("s", "es")
    if any(typed == word + e or word == typed + e for e in ends) or american(typed) == american(word):
        return None
    return typed


@settings(max_examples=300)
@given(st.text(LETTERS, min_size=4, max_size=7), st.integers(0, 99), st.sampled_from(LETTERS), st.integers(0, 2))
@example("fungus", 3, "d", 0)  # fundus
@example("carpal", 4, "e", 0)  # carpel
@example("insulin", 2, "a", 1)  # inulin
@example("mobic", 4, "d", 0)  # Mobid
def test_a_letter_changed_added_or_dropped_in_a_word_under_eight_letters_is_never_forgiven(
    word: str, at: int, letter: str, how: int
) -> None:
    typed = _risky(word, at % len(word), letter, how)
    if typed is None:
        return
    assume(typed != word)
    for answer, text in ((word, typed), (typed, word)):
        if len(answer) < 8:
            assert not is_match(answer, text), (answer, text)
            assert not is_match(f"the {answer} of it", f"the {text} of it"), (answer, text)


@settings(max_examples=300)
@given(st.text(LETTERS, min_size=1, max_size=14), st.sampled_from(LETTERS), st.integers(0, 3))
@example("bidex", "v", 0)  # Videx
@example("lice", "", 1)  # ice
@example("skin", "", 1)  # kin
def test_no_slip_at_the_first_letter_or_into_a_word_under_four_letters_is_forgiven(
    word: str, letter: str, how: int
) -> None:
    typed = [letter + word[1:], word[1:], letter + word, word[1:2] + word[:1] + word[2:]][how]
    assume(typed[:1] != word[:1])
    assume(american(typed) != american(word))  # the other spelling ("aetiology", "etiology") is the same word
    assert not is_match(word, typed), (word, typed)
    assert not is_match(typed, word), (typed, word)


@given(st.text(LETTERS, min_size=4, max_size=4), st.integers(0, 3))
@example("lung", 2)  # lug
@example("salt", 2)  # sat
def test_no_slip_that_leaves_fewer_than_four_letters_is_forgiven(word: str, at: int) -> None:
    typed = word[:at] + word[at + 1 :]
    assume(american(typed) != american(word))  # the other spelling ("haem", "hem") is the same word
    assert not is_match(word, typed) and not is_match(typed, word), (word, typed)


@settings(max_examples=150)
@given(st.lists(RARE, min_size=8, max_size=14).map("".join), st.integers(1, 99), st.sampled_from(LETTERS), st.data())
def test_in_a_long_unknown_word_only_a_vowel_dropped_or_added_a_swap_or_a_double_is_forgiven(
    word: str, at: int, letter: str, data: st.DataObject
) -> None:
    """After the first letter of a word of 8+ letters: a vowel dropped or added, two neighbours
    swapped, a letter doubled are slips; a consonant changed, added or dropped, or a vowel changed,
    is another word ("hepatoma" for "hematoma", "peroneal" for "perineal")."""
    from quiz.typed import Lexicon, mark
    from quiz.typed.lexicon import slip_kind

    i = 1 + at % (len(word) - 1)
    how = data.draw(st.integers(0, 3))
    typed = [word[:i] + letter + word[i + 1 :], word[:i] + word[i + 1 :], word[:i] + letter + word[i:],
             word[:i - 1] + word[i] + word[i - 1] + word[i + 1 :] if i > 1 else word][how]  # fmt: skip
    assume(typed != word and not is_word(typed))
    marked = mark(word, (), typed, Lexicon(language="en"))
    kind = slip_kind(word, typed)
    assert (marked.correct and marked.slip) == (kind != "letter"), (word, typed, kind)


@settings(max_examples=150)
@given(st.lists(RARE, min_size=4, max_size=7).map("".join), st.integers(1, 99), st.booleans())
def test_a_swap_or_a_doubled_letter_in_a_short_unknown_word_is_forgiven(word: str, at: int, double: bool) -> None:
    i = 1 + at % (len(word) - 1)
    typed = word[:i] + word[i] + word[i:] if double else word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :]
    from quiz.typed import is_numeral

    assume(typed != word and len(typed) >= 4 and typed[0] == word[0])
    assume(not is_numeral(word) and not is_numeral(typed))  # "xvia" is a stage XVIa
    assume(not is_word(word) and not is_word(typed))
    assert is_match(word, typed) and is_match(typed, word), (word, typed)


ORDINALS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
            "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth").split()  # fmt: skip
ORDINAL_TENS = "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split()


def _ordinal_forms(n: int) -> list[str]:
    """Ways to write the ordinal n (1 to 99): "21st", "twenty-first" ("twenty-second" is not read)."""
    suffix = "th" if n % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    out = [f"{n}{suffix}"]
    if n < 20:
        out.append(ORDINALS[n - 1])
    elif n % 10 == 0:
        out.append(ORDINAL_TENS[n // 10 - 2])
    elif n % 10 != 2:
        out += [f"{TENS[n // 10 - 2]}-{ORDINALS[n % 10 - 1]}", f"{TENS[n // 10 - 2]} {ORDINALS[n % 10 - 1]}"]
    return out


@given(st.integers(1, 99), st.integers(1, 99), st.sampled_from(["{}", "the {} dose", "{} trimester"]))
def test_an_ordinal_passes_for_itself_in_any_form_and_never_for_another(a: int, b: int, context: str) -> None:
    for answer in _ordinal_forms(a):
        for typed in _ordinal_forms(b):
            assert is_match(context.format(answer), context.format(typed)) == (a == b), (answer, typed)
        for number in forms(Decimal(a)):
            assert not is_match(context.format(answer), context.format(number)), (answer, number)


@given(NUMBERS, st.sampled_from(["-", "\u2212"]))
def test_a_number_after_a_double_minus_is_no_number(a: Decimal, minus: str) -> None:
    """ "--1" is neither 1 nor -1: it matches only itself (docs/questions.md, "Sign")."""
    doubled = f"{minus}{minus}{forms(abs(a))[0]}"
    for typed in forms(a) + forms(-a):
        assert not is_match(doubled, typed) and not is_match(typed, doubled), (doubled, typed)
    assert is_match(doubled, doubled)


@given(st.from_regex(r"[A-Za-z]{1,4}[0-9]{0,2}", fullmatch=True), st.sampled_from(["-", "−", "–", " -"]))
def test_a_sign_at_the_end_is_never_dropped(name: str, minus: str) -> None:
    """ "O-" is another blood group than "O", "HER2-" another result than "HER2": a dash that ends a
    text is a minus sign, not a hyphen to ignore, and typed either way it never passes for the other."""
    from quiz.typed import mark

    assert not mark(name + "-", (), name).correct
    assert not mark(name, (), name + minus).correct
    assert mark(name + "-", (), name + minus).correct


def _roman(n: int) -> str:
    """n (1 to 39) in Roman numerals, written independently of quiz.typed.numbers."""
    tens, units = divmod(n, 10)
    return "X" * tens + ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"][units]


ROMAN_NUMBERS = st.integers(1, 39).filter(lambda n: n != 10)
"""The numbers a Roman numeral after "stage" is read as: 10, "X" alone, is a letter there (roman_value)."""


@given(
    ROMAN_NUMBERS,
    ROMAN_NUMBERS,
    st.sampled_from(["", "a", "b", "c", "d", "e"]),
    st.sampled_from(["Stage {}", "stage {} cancer", "Type {} diabetes", "phase {} trial", "Grade {}", "class {}",
                     "stage-{}", "Stage: {}", "stage ({})", "stages II and {}", "stage I to {}"]),
    st.sampled_from([str.upper, str.lower, str.title]),
)
def test_a_roman_numeral_after_stage_or_type_is_its_number_and_never_another(
    a: int, b: int, letter: str, context: str, case: Callable[[str], str]
) -> None:
    """ "Stage IV" is "stage 4" (and "stage four"), "Stage IIIB" is "stage 3b"; never another number
    or another letter (docs/questions.md, "Numbers")."""
    answer = context.format(case(_roman(a) + letter))
    assert is_match(answer, context.format(f"{b}{letter}")) == (a == b), (answer, b)
    assert is_match(context.format(f"{a}{letter}"), context.format(case(_roman(b) + letter))) == (a == b)
    other = {"": "d", "a": "b", "b": "c", "c": "a", "d": "e", "e": "a"}[letter]
    assert not is_match(answer, context.format(f"{a}{other}")), (answer, other)


def test_a_roman_numeral_is_read_as_a_number_only_after_a_word_numbered_so() -> None:
    """ "Factor V" is not "factor 5", "IV" alone is not "4" (an intravenous line), "Stage C" (a
    letter stage) is never "stage 100", and "Grade X" (cannot be assessed) and "Class X" (a pregnancy
    category) are not 10, as "X" alone is a letter there."""
    pairs = [("Factor V", "factor 5"), ("IV", "4"), ("Stage C", "stage 100"), ("Vitamin D", "vitamin 500"),
             ("Grade X", "grade 10"), ("Class X", "class ten"), ("grade 10", "Grade X"), ("Stage Xa", "stage 10a")]
    for answer, typed in pairs:
        assert not is_match(answer, typed), (answer, typed)
    assert is_match("Stage IV", "stage four") and is_match("type I diabetes", "Type 1 Diabetes")


@given(st.integers(1, 3), st.integers(1, 5), st.sampled_from(["{} a day", "{} daily", "{} as likely", "{}"]))
def test_once_twice_and_thrice_are_1_2_and_3_times(a: int, b: int, context: str) -> None:
    """ "twice a day" is "2 times a day" and "two times a day", never another count."""
    word = ["once", "twice", "thrice"][a - 1]
    for times in (f"{b} times", f"{b} time", f"{['one', 'two', 'three', 'four', 'five'][b - 1]} times"):
        assert is_match(context.format(word), context.format(times)) == (a == b), (word, times)
        assert is_match(context.format(times), context.format(word)) == (a == b), (times, word)


def _unit_spellings() -> list[tuple[str, str]]:
    from quiz.typed import UNIT_NAMES

    return [(unit, name) for unit, names in UNIT_NAMES.items() for name in names.split()]


@given(st.sampled_from(_unit_spellings()), st.sampled_from(_unit_spellings()), NUMBERS)
def test_a_unit_after_a_number_passes_in_any_of_its_spellings_and_never_for_another(
    a: tuple[str, str], b: tuple[str, str], number: Decimal
) -> None:
    """ "3 months" is "3 month" and "3 mo", "2 teaspoons" is "2 tsp"; "2 tsp" is never "2 tbsp"."""
    figure = forms(number)[0]
    assert is_match(f"{figure} {a[1]}", f"{figure} {b[1]}") == (a[0] == b[0]), (a, b)


@given(
    st.decimals(0, 1000, places=2, allow_nan=False).map(str),
    st.sampled_from([("T", "t"), ("MU", "mU"), ("MIU", "mIU"), ("MBq", "mBq"), ("Mmol", "mmol"), ("Mg", "mg"),
                     ("MU", "mu"), ("MBq", "mbq")]),
    st.sampled_from(["{} {}", "{}{}", "{} {} of honey", "take {} {} daily"]),
    st.booleans(),
)
def test_a_unit_whose_case_is_its_meaning_is_never_taken_for_the_other(
    number: str, pair: tuple[str, str], context: str, swap: bool
) -> None:
    """ "1 T" (a tablespoon) is never "1 t" (a teaspoon), "3 MIU" (million units) never "3 mIU",
    "400 MBq" never "400 mBq", as typed or as two options of one question
    (quiz.typed.folding.case_units); each is itself."""
    from quiz.deck.options import Said
    from quiz.typed import same_answer

    a, b = (context.format(number, unit) for unit in (pair[::-1] if swap else pair))
    assert not is_match(a, b) and not same_answer(a, b), (a, b)
    assert is_match(a, a) and same_answer(b, b)
    said = Said("en")
    assert said.key(a)[0] != said.key(b)[0]


@given(
    st.integers(0, 999).map(str),
    st.integers(1, 999).map(str),
    st.sampled_from(["\u00b7", "\u0387", "\u066b"]),
    st.sampled_from(["{} mg", "{}", "take {} mL", "{}%"]),
)
def test_a_raised_decimal_point_is_a_decimal_point_and_never_dropped(
    whole: str, frac: str, point: str, context: str
) -> None:
    """ "0·5 mg" (a raised point, as British journals write decimals) is 0.5 mg, and "·5 mg" is
    0.5 mg, never 5 mg; a point or comma standing before a number (". 5 mg") is never dropped."""
    decimal = f"{whole}.{frac}"
    assert is_match(context.format(decimal), context.format(f"{whole}{point}{frac}"))
    assert is_match(context.format(f"0.{frac}"), context.format(f"{point}{frac}"))
    for leading in (f"{point}{frac}", f". {frac}", f", {frac}", f"{point} {frac}"):
        assert not is_match(context.format(frac), context.format(leading)), (frac, leading)


@given(st.lists(st.sampled_from(LETTERS), min_size=5, max_size=12).map("".join), st.integers(1, 99),
       st.sampled_from(["es", "fr", "de", "pt-BR", "it", "nl"]))
def test_outside_english_no_slip_is_forgiven_and_accents_tell_words_apart(word: str, at: int, language: str) -> None:
    """Where quiz has no dictionary it cannot tell a slip from another word ("pero" for "perro",
    "poison" for "poisson"): none is forgiven (Lexicon.has_dictionary). Accents are kept there
    ("ano" is not "año"), and dropped in English ("Meniere" is "Ménière")."""
    from quiz.typed import Lexicon, mark

    i = 1 + at % (len(word) - 1)
    for typed in (word[:i] + word[i - 1 :], word[:i - 1] + word[i] + word[i - 1] + word[i + 1 :]):  # doubled, swapped
        assume(typed != word)
        assert not mark(word, (), typed, Lexicon(language=language)).correct, (word, typed)
    accented = word[:i] + "\u0303" + word[i:]  # a tilde on a letter
    assert not mark(accented, (), word, Lexicon(language=language)).correct
    assert mark(accented, (), word, Lexicon(language="en")).correct
    assert mark(word.upper(), (), word, Lexicon(language=language)).correct


@given(st.integers(1, 999), st.sampled_from(["m", "cm", "mm", "km"]), st.sampled_from([2, 3]),
       st.sampled_from(["{} mg/{}", "{} cells/{}", "{} {}"]))
def test_a_power_written_after_a_unit_of_length_is_its_power(n: int, unit: str, power: int, context: str) -> None:
    """ "mg/m2" is "mg/m²" (the body surface area a dose is given by), never "mg/m³"."""
    written, raised = context.format(n, f"{unit}{power}"), context.format(n, unit + "²³"[power - 2])
    assert is_match(raised, written) and is_match(written, raised)
    assert not is_match(context.format(n, unit + "³²"[power - 2]), written)


@given(st.integers(0, 500), st.integers(1, 500), st.sampled_from(["%", " mg", " days"]),
       st.sampled_from(["-", "–", " to ", " - "]), st.integers(0, 3))
def test_a_range_with_its_unit_at_both_ends_is_the_range_with_its_unit_once(
    a: int, b: int, unit: str, dash: str, off: int
) -> None:
    """ "5%-10%" and "5 mg to 10 mg" say "5-10%" and "5-10 mg"; never another range. (After a word,
    a dash with spaces on both sides is a minus sign: "5 mg - 10 mg" is left as written.)"""
    assume(unit == "%" or dash != " - ")
    once = f"{a}-{b}{unit}"
    assert is_match(once, f"{a}{unit}{dash}{b}{unit}"), (once, dash)
    assert is_match(once, f"{a}{unit}{dash}{b + off}{unit}") == (off == 0)


PERIODS = [("day", "daily"), ("week", "weekly"), ("month", "monthly"), ("hour", "hourly"), ("year", "yearly")]


@given(st.integers(1, 9), st.integers(1, 9), st.sampled_from(PERIODS),
       st.sampled_from(["{} times {}", "{}x {}", "{} times per {}", "{}x/{}", "{} times every {}", "{} times each {}"]))
def test_a_count_of_times_in_a_period_reads_the_same_however_the_period_is_written(
    n: int, m: int, period: tuple[str, str], form: str
) -> None:
    """ "twice daily" is "twice a day" is "2x/day" (docs/questions.md); never another count or period."""
    noun, adverb = period
    written = form.format(n, noun)
    assert is_match(f"{n} times a {noun}", written) and is_match(f"{n} times {adverb}", written), written
    assert not is_match(f"{m} times a {noun}", written) or m == n
    other = "week" if noun != "week" else "day"
    assert not is_match(f"{n} times a {other}", written)


@given(st.integers(1, 999), st.sampled_from("\u2022\u02d9\u00b8\u2219\u22c5\u2027\u30fb\uff65\u25e6.,\u00b7"),
       st.sampled_from(["{} mg", "{}", "{}%"]), st.sampled_from(["", " "]))
def test_a_dot_that_may_be_taken_for_a_decimal_point_never_leaves_a_whole_number(
    n: int, dot: str, context: str, space: str
) -> None:
    """ "•5 mg" (a bullet), "˙5 mg" (a dot above) or ". 5 mg" may mean 0.5 mg: never 5 mg."""
    assert not is_match(context.format(n), context.format(f"{dot}{space}{n}")), (dot, n)


_CODE_PREFIXES = ["NCT", "CALGB", "E", "ECOG", "ISRCTN", "EudraCT", "NSABP", "RTOG", "ID"]
_JOINERS = ["", "-", " "]


@given(
    st.sampled_from(_CODE_PREFIXES),
    st.from_regex(r"[1-9][0-9]{2,7}", fullmatch=True),
    st.sampled_from(_JOINERS),
    st.sampled_from(_JOINERS),
)
@example("NCT", "2716", "", "")  # a tester: "NCT2716" was right for "NCT00002716"
def test_a_codes_digits_are_read_as_written_spacing_and_case_aside(prefix: str, digits: str, a: str, b: str) -> None:
    """A registry number or trial name: its leading zeros count, and a thousands mark in a number
    written into a word is no thousands mark ("CALGB-9,481" is not "CALGB-9481"); how it is joined
    to its letters, and their case, do not count."""
    assert is_match(f"{prefix}{a}{digits}", f"{prefix.lower()}{b}{digits}")
    assert not is_match(f"{prefix}{a}0000{digits}", f"{prefix}{b}{digits}")
    assert not is_match(f"{prefix}{a}{digits}", f"{prefix}{b}0{digits}")
    grouped = f"{int(digits):,}"
    if a != " " and grouped != digits:
        assert not is_match(f"{prefix}{a}{digits}", f"{prefix}{a}{grouped}")
        assert not is_match(f"{prefix}{a}{grouped}", f"{prefix}{a}{digits}")


@given(
    st.decimals(min_value=Decimal("0.01"), max_value=Decimal(999), places=2, allow_nan=False),
    st.integers(1, 30),
    st.sampled_from(["e", "E"]),
    st.sampled_from(["-", "\u2212", "\u2013"]),
)
@example(Decimal(1), 3, "e", "-")  # a tester: "1e3 g" was right for "1e-3 g"
def test_scientific_notation_keeps_the_sign_of_its_power(mantissa: Decimal, power: int, e: str, minus: str) -> None:
    """"1e-3" is 0.001 and never "1e3": the sign belongs to the power, as a sign belongs to its number."""
    small, large = f"{mantissa}{e}{minus}{power} g", f"{mantissa}{e}{power} g"
    assert not is_match(small, large) and not is_match(large, small)
    assert is_match(small, f"{mantissa.scaleb(-power):f} g") and is_match(large, f"{mantissa.scaleb(power):f} g")


@given(st.integers(0, 99), st.integers(0, 11))
def test_a_prime_after_a_number_is_its_unit(feet: int, inches: int) -> None:
    """Feet and inches (or minutes and seconds of arc), typed with ' and ": never each other, never
    nothing; the typographic primes are the same marks."""
    assert not is_match(f"{feet}'", f'{feet}"') and not is_match(f'{feet}"', f"{feet}'")
    assert not is_match(f"{feet}'", f"{feet}")
    assert not is_match(f"{feet}' {inches}\"", f"{feet}\" {inches}'")
    assert is_match(f"{feet}' {inches}\"", f"{feet}\u2032 {inches}\u2033")


@given(st.integers(1, 999), st.sampled_from(["L", "l"]))
def test_giga_a_litre_is_never_grams_a_litre(n: int, litre: str) -> None:
    assert not is_match(f"{n} G/{litre}", f"{n} g/{litre}") and not is_match(f"{n} g/{litre}", f"{n} G/{litre}")
    assert is_match(f"{n} G/L", f"{n} G/{litre}")


@given(st.from_regex(r"[a-z]{3,9}", fullmatch=True), st.sampled_from(["", "s"]))
def test_british_isation_is_the_same_word_as_ization(stem: str, plural: str) -> None:
    """"embolisation" = "Embolization" (a tester): a spelling, not a slip, in any word."""
    assert is_match(f"{stem}ization{plural}".capitalize(), f"{stem}isation{plural}")
    assert is_match(f"{stem}isation{plural}", f"{stem}ization{plural}")
