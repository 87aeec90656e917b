"""Letters drawn as other letters (a tester's report, T8): a letter of a living alphabet is a
look-alike outside the languages that write it, and a letter written with an overlay or a dot is
read as the letter it is drawn as (quiz.deck.text.as_seen, bench/confusables.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bench.confusables import ALPHABETS
from quiz.deck.errors import DeckError
from quiz.deck.load import load_deck
from quiz.deck.options import SAME_AS_ANSWER, clashes, on_screen
from quiz.deck.text import look_alikes, normalize
from quiz.typed import is_match

DRAWN_ALIKE = [
    ("Stage IV", "Stage \u01c0V", "en"),  # U+01C0 LATIN LETTER DENTAL CLICK
    ("Brain", "Br\u0251in", "en"),  # U+0251 LATIN SMALL LETTER ALPHA
    ("Skin", "Sk\u0131n", "de"),  # the dotless ı outside Turkish
    ("Bile", "B\u0131\u0307le", "tr"),  # a dotless ı with a dot above is an i, in Turkish too
    ("Niere", "Ni\u0307ere", "de"),  # an i with a dot above, where accents are kept
    ("S\u00f8ren", "So\u0338ren", "da"),  # o and U+0338 COMBINING LONG SOLIDUS OVERLAY
    ("\u0141\u00f3d\u017a", "L\u0335\u00f3d\u017a", "pl"),  # L and U+0335 COMBINING SHORT STROKE OVERLAY
    ("\u0141\u00f3d\u017a", "L\u0337o\u0301dz\u0301", "pl"),  # a short slash, and the accents decomposed
    ("\u0111-dimer", "d\u0335-dimer", "en"),
    ("\u0127", "h\u0335", "mt"),
    ("mill\u00ee", "mill\u0131\u0302", "tr"),  # a dotless ı under a circumflex is drawn as "î"
]


@pytest.mark.parametrize(("answer", "other", "language"), DRAWN_ALIKE)
def test_two_options_drawn_alike_are_one(answer: str, other: str, language: str) -> None:
    assert [c for _, _, c in clashes(answer, [other], language)] == [SAME_AS_ANSWER]
    assert on_screen(answer, language) == on_screen(other, language)


@pytest.mark.parametrize(
    ("answer", "other", "language"),
    [("\u0131l\u0131k", "ilik", "tr"), ("Stage \u01c0V", "Stage IV", "naq"), ("Br\u0251in", "Brain", "fmp"),
     ("\u0199asa", "kasa", "ha"), ("S\u00f8ren", "Soren", "en"), ("\u0141\u00f3d\u017a", "L\u00f3d\u017a", "pl")],
)  # fmt: skip
def test_a_letter_of_its_own_language_or_without_its_stroke_stays_another_option(
    answer: str, other: str, language: str
) -> None:
    assert [c for _, _, c in clashes(answer, [other], language)] == [None]


LETTERS = sorted(c for c in ALPHABETS if c != "\u0131")  # ı: with no language known, I folds to i, never to ı


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz" + "".join(LETTERS), min_size=1, max_size=10),
       st.sampled_from([None, "en", "de", "ha", "tr", "vi", "ee", "naq", "sms", "fmp"]))  # fmt: skip
def test_a_word_in_capitals_is_the_word_in_small_letters_in_any_deck(word: str, language: str | None) -> None:
    """A letter of a living alphabet and its capital are one letter, read as a look-alike or not
    alike: "Ƙasa" is "ƙasa" in Hausa and in English (T7), where Unicode lists only the capital."""
    capitals = (word.replace("i", "\u0130") if language == "tr" else word).upper()  # Turkish: i is İ's small letter
    assert normalize(capitals, None, language) == normalize(word, None, language)


def _read_as_one_ascii_letter() -> list[tuple[str, str, frozenset[str]]]:
    """The letters of living alphabets that look like one ASCII letter, with their languages."""
    every, _ = look_alikes("en")
    return [(c, every[ord(c)], frozenset(ALPHABETS[c].split())) for c in sorted(ALPHABETS)
            if ord(c) in every and len(every[ord(c)]) == 1 and every[ord(c)].isalpha()]  # fmt: skip


ONE_LETTER = _read_as_one_ascii_letter()


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8), st.sampled_from(ONE_LETTER), st.data())
def test_a_letter_of_a_living_alphabet_is_a_look_alike_only_outside_its_languages(
    word: str, letter: tuple[str, str, frozenset[str]], data: st.DataObject
) -> None:
    """Written in a word in place of the ASCII letter it looks like, the letter makes the same
    option in a deck in English or German, and another in a deck in a language that writes it."""
    c, seen, languages = letter
    at = data.draw(st.integers(0, len(word)))
    plain, drawn = word[:at] + seen + word[at:], word[:at] + c + word[at:]
    for language in ("en", "de"):
        assert on_screen(drawn, language) == on_screen(plain, language), (drawn, language)
    for language in languages:
        assert normalize(drawn, None, language) != normalize(plain, None, language), (drawn, language)


def _struck() -> list[tuple[str, str]]:
    """The letters with an overlay or a dot of quiz/data/confusables.tsv, and what each is read as."""
    from quiz.deck.text import _marked

    return sorted(_marked()[2].items())


SMALL = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", max_size=6)


@given(SMALL, st.sampled_from(_struck()), SMALL, st.sampled_from(["en", "de", "pl", "tr"]))
def test_a_letter_written_with_an_overlay_is_the_letter_it_is_drawn_as(
    before: str, struck: tuple[str, str], after: str, language: str
) -> None:
    """"o" and U+0338 is "ø" wherever it stands, in a deck in any language, as an option (on_screen)
    and typed (is_match); the letter drawn without a mark is another."""
    sequence, letter = struck
    drawn, written = before + sequence + after, before + letter + after
    assert on_screen(drawn, language) == on_screen(written, language)
    assert normalize(drawn, None, language) == normalize(written, None, language)
    if written.strip():
        assert is_match(written, drawn, language) and is_match(drawn, written, language)


def test_an_english_deck_refuses_options_drawn_alike_and_a_turkish_deck_keeps_its_letters(tmp_path: Path) -> None:
    """The tester's decks (T8: alpha.toml, look.toml, de-dot.toml are in tests/data/decks/invalid)
    against T7's Turkish deck, which is valid: ılık (lukewarm) is not ilik (bone marrow)."""
    deck = tmp_path / "turkish.toml"
    deck.write_text(
        'format = 1\n[deck]\nid = "t"\ntitle = "Kemik iliği"\nlanguage = "tr"\n[[facts]]\nid = "ilik"\n'
        'question = "Kan hücreleri kemiğin içinde hangi dokuda yapılır?"\nanswer = "ilik"\n'
        'distractors = ["ılık", "kıl", "kas"]\n',
        encoding="utf-8",
    )
    assert load_deck(deck).fact("ilik").distractors == ("ılık", "kıl", "kas")
    deck.write_text(deck.read_text(encoding="utf-8").replace('"tr"', '"en"'), encoding="utf-8")
    with pytest.raises(DeckError, match="the distractor 'ılık' is the same as the answer"):
        load_deck(deck)
