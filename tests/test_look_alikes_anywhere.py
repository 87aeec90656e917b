"""Look-alike letters in a text with no Latin letter, and Latin look-alikes in a word with none (a
tester's report, T10): "37 °С" with a Cyrillic С, "Н₂О", "К⁺" with a Greek Κ, "5 µɡ" with a
script ɡ were options apart from "37 °C", "H₂O", "K⁺", "5 µg", and typed answers apart from them
(quiz.deck.text.latin_look_alikes)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.deck.errors import DeckError
from quiz.deck.load import parse_deck
from quiz.deck.model import Deck, Fact
from quiz.deck.options import SAME_AS_ANSWER, clashes, on_screen, wrong_options
from quiz.deck.text import _rows, normalize
from quiz.kinds import false_options
from quiz.typed import is_match
from quiz.typed.folding import fold


def _of_other_scripts() -> dict[str, list[str]]:
    """Each ASCII letter with the letters of other scripts (kind "letter") that look like it."""
    found: dict[str, list[str]] = {}
    for text, seen, kind, _ in _rows():
        if kind == "letter" and len(text) == 1 and len(seen) == 1 and seen.isascii() and seen.isalpha():
            found.setdefault(seen, []).append(text)
    return found


OTHER_SCRIPTS = _of_other_scripts()


BESIDE_NUMBERS = [
    ("37 \u00b0C", "37 \u00b0\u0421"),  # Cyrillic С
    ("37 \u00b0C", "37 \u00b0\ua4da"),  # Lisu ꓚ
    ("37 \u00b0C", "37 \u00b0\u13df"),  # Cherokee Ꮯ
    ("37 \u00b0C", "37 \u00b0\u2ca4"),  # Coptic Ⲥ
    ("98.6 \u00b0F", "98.6 \u00b0\u03dc"),  # Greek digamma Ϝ
    ("Vitamin B\u2081\u2082", "Vitamin \u0412\u2081\u2082"),
    ("H\u2082O", "\u041d\u2082\u041e"),
    ("O\u2082", "\u041e\u2082"),
    ("K\u207a", "\u039a\u207a"),  # Greek Κ
    ("T\u00bd long", "\u0422\u00bd long"),
    ("CO\u2082 level", "\u0421\u041e\u2082 level"),
    ("10 K", "10 \u041a"),  # a letter alone beside a number
    ("pH 7", "\u0440\u041d 7"),  # Cyrillic р and Н
    ("HCO\u2083\u207b", "\u041d\u0421\u041e\u2083\u207b"),  # Cyrillic Н, С, О
    ("5 \u00b5g daily", "5 \u00b5\u0261 d\u0251ily"),  # Latin script ɡ and alpha ɑ
    ("5 \u00b5g", "5 \u00b5\u0261"),
    ("\u00b1 2", "\u00b1 \u01a7"),  # a Latin letter (tone two) drawn as a 2
    ("C", "\u0421"),  # a text of look-alikes alone, each with a look-alike small letter too
    ("CO", "\u0421\u041e"),
    ("XO", "\u0425\u041e"),
]


@pytest.mark.parametrize(("answer", "other"), BESIDE_NUMBERS)
def test_a_look_alike_beside_numbers_and_symbols_is_the_letter_it_looks_like(answer: str, other: str) -> None:
    """In an English deck, the two are one option (quiz check refuses the distractor), one
    glossary term, and one typed answer, either way round."""
    for right, wrong in ((answer, other), (other, answer)):
        assert [c for _, _, c in clashes(right, [wrong], "en")] == [SAME_AS_ANSWER], (right, wrong)
        assert on_screen(right, "en") == on_screen(wrong, "en")
        assert fold(right, "en") == fold(wrong, "en")
        assert is_match(right, wrong, "en"), (right, wrong)


@given(
    st.text(alphabet="ABCEHKMOPTXYZ", min_size=1, max_size=4),
    st.sampled_from(["37 \u00b0", "", "5 ", "\u00b1"]),
    st.sampled_from(["", "\u2082", "\u207a", "\u00bd", " 5", "\u00b2\u207a"]),
    st.data(),
)
def test_capitals_of_any_script_beside_a_number_or_symbol_read_as_latin_in_english(
    letters: str, before: str, after: str, data: st.DataObject
) -> None:
    """A formula, a unit or a grade of capitals beside a number or a symbol, each capital written
    in a script that has a look-alike of it (Cyrillic, Greek, Cherokee, Lisu, Coptic...), is the
    Latin text: in English no such text is a word of another script."""
    if not (before or after):
        before = "5 "
    text = before + letters + after
    seen = before + "".join(data.draw(st.sampled_from([c, *OTHER_SCRIPTS.get(c, [])])) for c in letters) + after
    assert normalize(seen, None, "en") == normalize(text, None, "en"), (text, seen)
    assert on_screen(seen, "en") == on_screen(text, "en")
    assert fold(seen, "en") == fold(text, "en")


@pytest.mark.parametrize(("text", "other"), [("5 \u041a\u041e\u0422", "5 \u043a\u043e\u0442"),
                                             ("\u041d\u0415\u0422 2", "\u043d\u0435\u0442 2")])  # fmt: skip
def test_a_russian_word_beside_a_number_is_its_small_letters_in_a_russian_deck(text: str, other: str) -> None:
    """"5 КОТ" is "5 кот" in Russian: only letters whose capital and small letter both look like
    one Latin letter are read so there (к and т look like none)."""
    assert normalize(text, None, "ru") == normalize(other, None, "ru")
    assert fold(text, "ru") == fold(other, "ru") and is_match(other, text, "ru")


def test_a_cyrillic_celsius_is_a_celsius_in_a_russian_deck_too() -> None:
    """Russian writes "°С" with a Cyrillic С; a Latin "°C" beside it is the same option."""
    assert [c for _, _, c in clashes("37 \u00b0\u0421", ["37 \u00b0C"], "ru")] == [SAME_AS_ANSWER]
    assert normalize("37 \u00b0\u0441", None, "ru") == normalize("37 \u00b0C", None, "ru")


@pytest.mark.parametrize(
    ("answer", "other", "language"),
    [("\u0432\u043e\u0434\u0430", "\u0412\u041e\u0414\u0410", "en"), ("\u05e7\u05d5 5 mg", "\u05e7\u05df 5 mg", "en"),
     ("\u05e7\u05d5", "\u05e7\u05df", "he"), ("\u043d\u0435\u0442", "het", "ru")],
)  # fmt: skip
def test_a_word_of_another_script_alone_keeps_its_letters(answer: str, other: str, language: str) -> None:
    """A Russian or Hebrew word that is not made of look-alikes alone keeps its letters: "вода" is
    "ВОДА" (its capitals fold as its small letters), and "קו 5 mg" is still no "קן 5 mg" (T7)."""
    same = answer.casefold() == other.casefold()
    assert (normalize(answer, None, language) == normalize(other, None, language)) == same


def test_a_group_lends_no_look_alike_and_a_glossary_keeps_one_term() -> None:
    """The tester's decks (nfc3/grp.toml, gl.toml, tf2.toml): a group's answers "37 °C" and "37 °С"
    were both options of one question, two glossary terms, and a true-or-false question stated the
    answer itself as false."""
    answers = ["37 \u00b0C", "37 \u00b0\u0421", "4 \u00b0C", "-18 \u00b0C", "39 \u00b0C"]
    facts = tuple(Fact(id=f"f{n}", question=f"Q{n}?", answer=a, group="temps") for n, a in enumerate(answers))
    deck = Deck("d", "D", facts)
    assert wrong_options(deck, facts[0]).from_group() == ["4 \u00b0C", "-18 \u00b0C", "39 \u00b0C"]
    assert wrong_options(deck, facts[1]).from_group() == ["4 \u00b0C", "-18 \u00b0C", "39 \u00b0C"]
    text = 'format = 1\n[deck]\nid = "d"\ntitle = "T"\n[glossary]\n"37 \u00b0C" = "A."\n"37 \u00b0\u0421" = "B."\n'
    with pytest.raises(DeckError, match="looks the same as"):
        parse_deck(text + '[[facts]]\nid = "f"\nquestion = "Q?"\nanswer = "A"\n', Path("g.toml"))
    fact = Fact(id="f", question="Q?", answer="37 \u00b0C", statement="Normal body temperature is {{37 \u00b0C}}.",
                distractors=("37 \u00b0\u0421", "39 \u00b0C", "35 \u00b0C"))  # fmt: skip
    assert false_options(fact) == ["39 \u00b0C", "35 \u00b0C"]


def test_the_look_alike_is_named() -> None:
    """quiz check says which character a reader cannot tell apart."""
    text = 'format = 1\n[deck]\nid = "d"\ntitle = "T"\n[[facts]]\nid = "f"\nquestion = "Q?"\nanswer = "37 \u00b0C"\n'
    with pytest.raises(DeckError) as err:
        parse_deck(text + 'distractors = ["37 \u00b0\u0421", "39 \u00b0C"]\n', Path("d.toml"))
    [problem] = err.value.problems
    assert "it holds U+0421 CYRILLIC CAPITAL LETTER ES, which a reader cannot tell apart" in problem.message
    assert unicodedata.name("\u0421") in problem.message


@given(st.sampled_from([("ru", "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"), ("el", "αβγδεζηθικλμνξοπρστυφχψω")]), st.data())
def test_a_text_in_the_decks_own_script_folds_its_capitals_as_its_small_letters_beside_numbers(
    script: tuple[str, str], data: st.DataObject
) -> None:
    """In a deck whose language writes the script, a word in capitals is the word in small letters,
    beside numbers and symbols too ("5 КОТ" is "5 кот"): only letters whose capital and small
    letter both look like one Latin letter are read as Latin there."""
    language, letters = script
    text = data.draw(st.text(alphabet=letters + "0123456789\u00b0\u2082\u207a -", min_size=1, max_size=12))
    assert normalize(text.upper(), None, language) == normalize(text, None, language), text
    assert fold(text.upper(), language) == fold(text, language), text
