"""The deck's text rules (quiz/deck/text.py), the citation wording and a fact's wrong options."""

from __future__ import annotations

import sys
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.deck.model import Deck, Fact, Source, citation
from quiz.deck.options import REPEATED, SAME_AS_ANSWER, WRONG_OPTIONS, clashes, option_key, wrong_options
from quiz.deck.suggest import closest, did_you_mean
from quiz.deck.text import (
    SLUG,
    NotUTF8,
    decode,
    normalize,
    not_a_slug,
    position,
    slugify,
    unique,
)
from quiz.untrusted import invisible


@given(st.text())
def test_a_slug_is_a_slug_or_empty(text: str) -> None:
    slug = slugify(text)
    assert slug == "" or SLUG.match(slug)
    assert len(slug) <= 48


@given(st.text(), st.sets(st.text(alphabet="abc-2", max_size=6), max_size=5))
def test_unique_never_gives_a_taken_slug(slug: str, taken: set[str]) -> None:
    before = set(taken)
    got = unique(slug, taken)
    assert got not in before and got in taken and got.startswith(slug)


def test_not_a_slug_shows_a_slug_made_from_the_value() -> None:
    assert (
        not_a_slug("Über 120/80")
        == "'Über 120/80' is not a slug: use lowercase letters a-z, digits and single hyphens, like \"uber-120-80\""
    )
    assert not_a_slug("!!").endswith('like "my-deck"')


@given(st.text(), st.data())
def test_position_counts_lines_and_columns_from_one(text: str, data: st.DataObject) -> None:
    offset = data.draw(st.integers(0, len(text)))
    line, col = position(text, offset)
    lines = text[:offset].split("\n")
    assert (line, col) == (len(lines), len(lines[-1]) + 1)
    assert position(text.encode("utf-8"), len(text[:offset].encode("utf-8")))[0] == line


def test_decode_drops_a_bom_and_places_a_bad_byte() -> None:
    assert decode("\ufeffa = 1".encode()) == "a = 1"
    with pytest.raises(NotUTF8) as err:
        decode(b'a = 1\nb = "\xff"')
    assert (err.value.line, err.value.col, err.value.byte) == (2, 6, 0xFF)
    assert str(err.value) == "not UTF-8 text (byte 0xff)"


def test_did_you_mean_names_the_closest_candidate_only_when_close() -> None:
    assert did_you_mean("questoin", ("question", "answer")) == ' (did you mean "question"?)'
    assert did_you_mean("zzz", ("question", "answer")) == ""
    assert closest("answr", ["answer"]) == "answer"


def test_normalize_folds_case_composition_spacing_and_invisible_characters() -> None:
    assert normalize("  Cafe\u0301\u200b  AU   lait ") == normalize("café au lait") == "café au lait"


@pytest.mark.parametrize(
    ("source", "refs", "wanted"),
    [
        (Source("s", "A guide", "NCI"), "69-75", "A guide (NCI), references 69-75"),
        (Source("s", "A guide", "NCI"), "7", "A guide (NCI), reference 7"),
        (Source("s", "A guide"), "", "A guide"),
        (Source("s", "A guide"), "16, 88", "A guide, references 16, 88"),
        (None, "12", "reference 12"),
        (None, "", ""),
    ],
)
def test_citation_has_one_wording(source: Source | None, refs: str, wanted: str) -> None:
    assert citation(source, refs) == wanted


@given(st.text(max_size=8), st.lists(st.text(max_size=8), max_size=6))
def test_clashes_keep_each_text_once_and_never_the_answer(answer: str, texts: list[str]) -> None:
    kept = [text for text, _, clash in clashes(answer, texts) if clash is None]
    keys = [normalize(t) for t in kept]
    assert len(set(keys)) == len(keys) and normalize(answer) not in keys
    for text, _, clash in clashes(answer, texts):
        if clash == SAME_AS_ANSWER:
            assert normalize(text) == normalize(answer)
        elif clash == REPEATED:
            assert normalize(text) in keys


@given(st.text(max_size=8), st.lists(st.text(max_size=8), max_size=6))
def test_a_facts_own_wrong_options_are_the_distractors_clashes_keeps(answer: str, texts: list[str]) -> None:
    fact = Fact("a", "Q?", answer, tuple(texts))
    kept = tuple(text for text, _, clash in clashes(answer, texts) if clash is None)
    wrong = wrong_options(Deck("d", "D", (fact,)), fact)
    assert wrong.own == kept and wrong.taken == {option_key(answer), *map(option_key, kept)}


def test_wrong_options_are_the_facts_own_then_its_groups_answers() -> None:
    facts = (
        Fact("a", "Q?", "Liver", ("Lung", "lung "), group="organ"),
        Fact("b", "Q?", "Lung", group="organ"),
        Fact("c", "Q?", "Bone", group="organ"),
        Fact("d", "Q?", "Brain", ("1", "2", "3"), group="organ"),
    )
    deck = Deck("d", "D", facts)
    first = wrong_options(deck, facts[0])
    assert first.own == ("Lung",) and first.from_group() == ["Bone", "Brain"] and first.total == 3
    assert wrong_options(deck, facts[1]).from_group() == ["Liver", "Bone", "Brain"]
    full = wrong_options(deck, facts[3])
    assert len(full.own) == WRONG_OPTIONS and full.group is None and full.total == WRONG_OPTIONS


DEFAULT_IGNORABLE = [0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, *range(0x180B, 0x1810),
                     *range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2060, 0x2070), 0x3164,
                     *range(0xFE00, 0xFE10), 0xFEFF, 0xFFA0, *range(0xFFF0, 0xFFF9), *range(0x1BCA0, 0x1BCA4),
                     *range(0x1D173, 0x1D17B), 0xE0001, *range(0xE0020, 0xE0080), *range(0xE0100, 0xE01F0)]  # fmt: skip
"""Unicode 15.1's Default_Ignorable_Code_Point (DerivedCoreProperties.txt) but the unassigned ones,
written out here apart from quiz.untrusted.invisible()."""
LOOK_ALIKES = {"a": "аα", "c": "с", "e": "е", "o": "оο", "p": "рρ", "x": "хχ", "y": "у", "i": "іι", "k": "κ",
               "h": "һ", "s": "ѕ", "j": "ј", "d": "ԁ", "v": "ν", "u": "υ", "A": "АΑ", "B": "ВΒ", "C": "С",
               "E": "ЕΕ", "H": "НΗ", "I": "ІΙ", "K": "КΚ", "M": "МΜ", "N": "Ν", "O": "ОΟ", "P": "РΡ", "T": "ТΤ",
               "X": "ХΧ", "Y": "УΥ", "Z": "Ζ"}  # fmt: skip
"""Latin letters and the Cyrillic and Greek letters that look like them as written (UTS #39's
confusables): the Greek capital Ν looks like N, its small ν like v."""


@given(st.text(alphabet="acdehijkopsuvxyABCEHIKMNOPTXYZ -", min_size=1, max_size=12), st.data())
def test_what_a_reader_cannot_tell_apart_is_one_option_and_one_typed_answer(word: str, data: st.DataObject) -> None:
    """An invisible character (Default_Ignorable_Code_Point, the braille blank) anywhere, or a
    Cyrillic or Greek letter that looks like a Latin one in a text of Latin letters, leaves how a
    text is compared as it was: as an option (normalize) and as a typed answer (is_match)."""
    from quiz.typed import is_match

    word = "Tea " + word  # a text of Latin letters (a text with none is compared in its own letters)
    chars = list(word)
    for _ in range(data.draw(st.integers(1, 3))):
        at = data.draw(st.integers(1, len(chars)))  # after the "T" that keeps the text Latin
        chars.insert(at, chr(data.draw(st.sampled_from(DEFAULT_IGNORABLE))))
    seen = chars[0] + "".join(data.draw(st.sampled_from([c, *LOOK_ALIKES.get(c, "")])) for c in chars[1:])
    assert normalize(seen) == normalize(word), (word, seen)
    assert normalize(word + "\u2800") == normalize(word)
    if word.strip(" -"):
        assert is_match(word, seen) and is_match(seen, word), (word, seen)


def test_the_micro_sign_is_never_read_as_an_m() -> None:
    """Greek μ (the micro sign's letter under NFKC) is not a look-alike: "5 µg" is not "5 mg"."""
    from quiz.typed import is_match

    assert normalize("5 µg") != normalize("5 mg") and not is_match("5 µg", "5 mg") and not is_match("5 μg", "5 mg")
    assert not is_match("5 µg", "5 \u039cg") and not is_match("Stage IV", "Stage I\u039d")  # Greek capitals Μ, Ν


@pytest.mark.parametrize(
    ("answer", "distractor", "clash"),
    [("1 T", "1 t", None), ("400 MBq", "400 mBq", None), ("5 mg", "5 MG", SAME_AS_ANSWER), ("3 MIU", "3 mIU", None),
     ("1 T", "1 T ", SAME_AS_ANSWER), ("10 mL", "10 ML", SAME_AS_ANSWER), ("5 nM", "5 nm", None),
     ("400 \u041cBq", "400 mBq", None), ("400 \u041cBq", "400 MBq", SAME_AS_ANSWER), ("400 \uff2dBq", "400 mBq", None),
     ("1 \u13a2", "1 t", None), ("1 \u13a2 a day", "1 T a day", SAME_AS_ANSWER), ("1 \u13a2 a day", "1 t a day", None),
     ("5 mg", "5 \u00b5g", None), ("5 mg", "5 \u03bcg", None)],
)
def test_options_apart_only_by_a_unit_whose_case_is_its_meaning_are_two_options(
    answer: str, distractor: str, clash: str | None
) -> None:
    """ "1 t" (a teaspoon) beside "1 T" (a tablespoon) is a wrong option that teaches, as typed
    marking tells them apart; quiz check said it "is the same as the answer" (option_key). A
    Cyrillic М or a full-width Ｍ reads as the capital M it looks like, as typed marking reads it, a
    Cherokee Ꭲ as a T in a text of Latin letters (alone, "1 Ꭲ" keeps its letter and is no "1 t").
    The micro sign and Greek μ are no look-alike of an m."""
    assert [c for _, _, c in clashes(answer, [distractor])] == [clash]
    fact = Fact(id="f", question="Q?", answer=answer, distractors=(distractor, "9 mg", "8 mg"))
    wrong = wrong_options(Deck("d", "D", (fact,)), fact)
    assert (distractor in wrong.own) == (clash is None)


@pytest.mark.parametrize(
    ("answer", "distractor"),
    [("0.5 mg", "0.5 m\u0261"), ("Colon", "C\u0585lon"), ("120/80", "120\u221580"), ("1/2", "1\u22152"),
     ("Insulin", "\u13a5nsulin"), ("Insulin", "Ins\u1959lin"), ("Insulin", "\u026ansulin"),
     ("< 5", "\u2039 5"), ("< 5", "\u3008 5"), ("< 5", "\u02c2 5"), ("\u2265 5", "\u2a7e 5"), ("\u2264 5", "\u2266 5"),
     ("4 \u00d7 10^9/L", "4 \u2a2f 10^9/L"), ("4 \u00d7 10^9/L", "4 \u2715 10^9/L"), ("4 \u00d7 10^9/L", "4 x 10^9/L"),
     ("-18 \u00b0C", "\u02d718 \u00b0C"), ("-18 \u00b0C", "\u279618 \u00b0C"), ("-18 \u00b0C", "\u221218 \u00b0C"),
     ("Don't", "Don\u2019t"), ("Anaemia", "An\u00e6mia")],
)
def test_options_that_look_the_same_by_any_confusable_are_one_option_and_one_typed_answer(
    answer: str, distractor: str
) -> None:
    """A tester (T5): "0.5 mɡ" with a script ɡ, "Cօlon" with an Armenian օ, "120∕80" with a division
    slash, a Cherokee Ꭵ, a Tai Le ᥙ, a small capital ɪ, ‹ 〈 ˂ for "<", ⩾ for "≥", ⨯ ✕
    for "×" were options apart from the answer they look like: the look-alikes were Cyrillic and
    Greek letters only. Every confusable of Unicode's (UTS #39) is now read as what it looks like,
    in quiz check (named, as what a reader cannot tell apart) and in typed marking."""
    from quiz.deck.options import unseen
    from quiz.typed import is_match

    assert [c for _, _, c in clashes(answer, [distractor])] == [SAME_AS_ANSWER]
    assert [c for _, _, c in clashes(distractor, [answer])] == [SAME_AS_ANSWER]
    assert "which a reader cannot tell apart" in unseen(distractor, answer) + unseen(answer, distractor)
    assert is_match(answer, distractor) and is_match(distractor, answer)


@pytest.mark.parametrize(
    ("answer", "typed"),
    [("18 \u00b0C", "\u02dc18 \u00b0C"), ("18 \u00b0C", "\u00af18 \u00b0C"), ("18 \u00b0C", "\u02d718 \u00b0C"),
     ("18 \u00b0C", "\u279618 \u00b0C"), ("> 5", "\u02c2 5"), ("\u2264 5", "\u2a7e 5"), ("0.5 mg", "5 m\u0261")],
)
def test_a_look_alike_is_never_read_as_nothing_nor_as_another_symbol(answer: str, typed: str) -> None:
    """A small tilde or a macron before a number was dropped (NFKC makes each a space with a mark
    over it): "˜18 °C" and "¯18 °C" were right for "18 °C". A tilde is a tilde, a macron a minus,
    as a modifier or heavy minus is; and a look-alike reads as what it looks like, no more."""
    from quiz.typed import is_match

    assert not is_match(answer, typed) and not is_match(typed, answer)
    assert [c for _, _, c in clashes(answer, [typed])] == [None]


def _spacing_marks() -> dict[str, list[str]]:
    """Every character whose NFKC form is a space and marks (a spacing accent: "¯", "￣", "˚"),
    grouped by that form, the smallest code point first."""
    groups: dict[str, list[str]] = {}
    for point in range(sys.maxunicode + 1):
        form = unicodedata.normalize("NFKC", chr(point))
        if len(form) > 1 and form[0] == " " and all(unicodedata.combining(m) for m in form[1:]):
            groups.setdefault(form, []).append(chr(point))
    return groups


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_spacing_mark_reads_as_every_other_with_its_form(language: str) -> None:
    """The full-width macron "￣" and the overlines "﹉" to "﹌" were dropped before a number, where
    "¯" and "‾" are a high minus: NFKC makes each a space and a mark, and an English text drops a
    mark over a space ("￣18 °C" was right for "18 °C", a tester's report). Each character NFKC makes
    a space and marks is read as the first with that form, over all of Unicode."""
    from quiz.typed import is_match
    from quiz.typed.folding import fold

    for form, group in _spacing_marks().items():
        for c in group[1:]:
            assert fold(f"{c}18 \u00b0C", language) == fold(f"{group[0]}18 \u00b0C", language), (hex(ord(c)), form)
    for minus in "\uffe3\ufe49\ufe4a\ufe4b\ufe4c":
        assert not is_match("18 \u00b0C", f"{minus}18 \u00b0C", language)
        assert is_match("-18 \u00b0C", f"{minus}18 \u00b0C", language)


@pytest.mark.parametrize(
    ("answer", "other", "language"),
    [("\u0131l\u0131k", "ilik", "tr"), ("k\u0131l", "kil", "az"), ("\u0198asa", "Kasa", "ha"),
     ("\u0199asa", "kasa", "ha"), ("\u01a1 5 mg", "o 5 mg", "vi"), ("\u05e7\u05d5 5 mg", "\u05e7\u05df 5 mg", "he"),
     ("\u028bu 5 mg", "uu 5 mg", "ee"), ("\u05e7\u05d5 5 mg", "\u05e7\u05df 5 mg", "en")],
)  # fmt: skip
def test_a_letter_of_a_living_alphabet_or_of_a_word_of_its_own_script_keeps_its_meaning(
    answer: str, other: str, language: str
) -> None:
    """The confusables made Turkish "ılık" (lukewarm) "ilik" (bone marrow), Hausa "ƙasa" "kasa", and
    a Hebrew word beside a unit another Hebrew word (a tester's report, T7): a letter of a living
    language's alphabet is no look-alike in a deck in that language (bench.confusables.ALPHABETS),
    and a word of another script keeps its letters unless it holds a Latin letter or a digit, or is
    made of look-alikes alone."""
    from quiz.typed import is_match

    assert [c for _, _, c in clashes(answer, [other], language)] == [None]
    assert not is_match(answer, other, language) and not is_match(other, answer, language)
    assert is_match("\u0198asa", "\u0199asa", language)  # a Hausa capital and its small letter are one letter


def test_a_macron_or_a_tilde_before_a_number_reads_as_a_minus_or_a_tilde() -> None:
    from quiz.typed import is_match

    assert is_match("-18 \u00b0C", "\u00af18 \u00b0C") and is_match("~18 \u00b0C", "\u02dc18 \u00b0C")
    assert not is_match("-18 \u00b0C", "\u02dc18 \u00b0C")


def _confusables() -> dict[str, str]:
    """The vendored table's characters that read as one ASCII character (quiz/data/confusables.tsv)."""
    from quiz.deck.text import look_alikes

    every, _ = look_alikes()
    return {chr(code): seen for code, seen in every.items() if len(seen) == 1 and seen.isascii()}


CONFUSABLE_OF: dict[str, list[str]] = {}
for _source, _seen in sorted(_confusables().items()):
    CONFUSABLE_OF.setdefault(_seen, []).append(_source)


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 <>/-", min_size=1, max_size=12),
       st.data())  # fmt: skip
def test_a_text_and_the_text_with_any_letter_or_symbol_swapped_for_a_confusable_are_one(
    word: str, data: st.DataObject
) -> None:
    """A text of Latin letters, digits and symbols, and the text with any of them written as a
    character of Unicode's confusables that looks like it, are one option (normalize, on_screen)
    and one typed answer (is_match)."""
    from quiz.deck.options import on_screen
    from quiz.typed import is_match

    word = "Tea " + word  # a text of Latin letters (a text with none keeps its own letters)
    seen = word[0] + "".join(data.draw(st.sampled_from([c, *CONFUSABLE_OF.get(c, [])])) for c in word[1:])
    assert normalize(seen) == normalize(word), (word, seen)
    assert on_screen(seen) == on_screen(word), (word, seen)
    if any(c.isalnum() for c in word[4:]):
        assert is_match(word, seen) and is_match(seen, word), (word, seen)


@given(st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюяαβγδεζηθικλμνξοπρστυφχψω ", min_size=1, max_size=12))
def test_a_russian_or_greek_text_folds_its_capitals_as_its_small_letters(text: str) -> None:
    """ "ВОДА" is "вода": in a text with no Latin letter, no letter is read as a Latin look-alike, so
    capitals with a look-alike (В, К, Т) and small letters without one fold alike."""
    from quiz.typed import is_match

    assert normalize(text.upper()) == normalize(text), text
    if text.strip():
        assert is_match(text, text.upper()) and is_match(text.upper(), text)


def test_a_groups_answer_or_a_glossary_term_that_looks_like_another_is_never_a_second_option() -> None:
    """A tester (T5): a group's answers "0.5 mg" and "0.5 mɡ" (a script ɡ) were two options of one
    question, and "Cօlon" (an Armenian օ) a glossary term beside "Colon"."""
    from pathlib import Path

    from quiz.deck.errors import DeckError
    from quiz.deck.load import parse_deck

    answers = ["0.5 mg", "0.5 m\u0261", "5 mg", "1 mg", "2 mg"]
    facts = tuple(Fact(id=f"f{n}", question=f"Q{n}?", answer=a, group="doses") for n, a in enumerate(answers))
    deck = Deck("d", "D", facts)
    assert [wrong_options(deck, fact).from_group() for fact in facts[:2]] == [["5 mg", "1 mg", "2 mg"]] * 2
    text = 'format = 1\n[deck]\nid = "d"\ntitle = "T"\n[glossary]\n"Colon" = "A."\n"C\u0585lon" = "B."\n'
    with pytest.raises(DeckError) as err:
        parse_deck(text + '[[facts]]\nid = "f"\nquestion = "Q?"\nanswer = "A"\n', Path("g.toml"))
    wanted = '[glossary] "C\u0585lon" looks the same as "Colon" on screen: keep one'
    assert [p.message for p in err.value.problems] == [wanted]


@given(st.text(st.sampled_from(" \t\n\u00a0\u3000\u200b\u2060\ufeff\u2800\u180e\u2061"), max_size=8),
       st.text(st.characters(categories=("L", "N", "P", "S")).filter(lambda c: not invisible().match(c)),
               min_size=1, max_size=3))  # fmt: skip
def test_a_text_is_blank_exactly_when_it_shows_nothing(nothing: str, something: str) -> None:
    """Spaces and characters drawn as nothing make an empty answer ("\\u200b" passed, a tester's
    report); one letter, digit, mark of punctuation or symbol drawn among them makes a text."""
    from quiz.deck.text import blank

    assert blank(nothing)
    assert not blank(nothing + something + nothing)
