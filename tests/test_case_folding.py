"""Case folding that would merge two letters (quiz.deck.text.fold_case): str.casefold makes "ß"
"ss", so "in Maßen" (in moderation) was right for "in Massen" (in large amounts) in a German deck
(a tester's report, T10); and Python folds "I" to "i", never to the Turkish "ı"."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.deck.options import clashes
from quiz.deck.text import fold_case, normalize
from quiz.typed import is_match
from quiz.typed.folding import fold

TWO_WORDS = [("in Ma\u00dfen", "in Massen"), ("Ma\u00dfe", "Masse"), ("Bu\u00dfe", "Busse"), ("Stra\u00dfe", "Strasse")]


@pytest.mark.parametrize(("sharp", "double"), TWO_WORDS)
@pytest.mark.parametrize("language", ["de", "de-CH", "fr", None])
def test_sharp_s_is_not_double_s_outside_english(sharp: str, double: str, language: str | None) -> None:
    """ß and ss are two letters: two options, and neither typed answer passes for the other."""
    assert normalize(sharp, None, language) != normalize(double, None, language)
    assert [c for _, _, c in clashes(sharp, [double], language)] == [None]
    if language is not None:
        assert fold(sharp, language) != fold(double, language)
        assert not is_match(sharp, double, language) and not is_match(double, sharp, language)


@pytest.mark.parametrize("language", ["de", "en", None])
def test_the_capital_sharp_s_is_the_sharp_s(language: str | None) -> None:
    """ẞ (U+1E9E) is the capital of ß: "MAẞE" is "Maße", as casefold would have it were ß kept."""
    assert normalize("MA\u1e9eE", None, language) == normalize("Ma\u00dfe", None, language) == "ma\u00dfe"
    if language is not None:
        assert fold("MA\u1e9eE", language) == fold("Ma\u00dfe", language)
        assert is_match("Ma\u00dfe", "MA\u1e9eE", language)


def test_in_english_a_sharp_s_is_typed_as_ss_as_accents_are_dropped() -> None:
    """An English keyboard has no ß: "Strasse" is typed for "Straße" as "Meniere" is for "Ménière";
    as options the two stay two, as "Café" and "Cafe" do."""
    assert fold("Stra\u00dfe", "en") == fold("Strasse", "en") == "strasse"
    assert is_match("Stra\u00dfe", "Strasse", "en")
    assert [c for _, _, c in clashes("Stra\u00dfe", ["Strasse"], "en")] == [None]


@given(st.text(alphabet="a\u00dfs\u1e9eSA ", max_size=10), st.sampled_from(["de", "en", "tr", None]))
def test_fold_case_is_casefold_but_for_the_sharp_s(text: str, language: str | None) -> None:
    """Written with ss for each ß, the folded text is casefold's; ß is kept where it was."""
    folded = fold_case(text, language)
    assert folded.replace("\u00df", "ss") == text.casefold()
    assert folded.count("\u00df") == text.count("\u00df") + text.count("\u1e9e")
    assert fold_case(folded, language) == folded


@pytest.mark.parametrize("language", ["tr", "az", "tr-TR"])
def test_turkish_capitals_are_the_capitals_of_turkish_letters(language: str) -> None:
    """In Turkish "I" is the capital of "ı" and "İ" of "i" (SpecialCasing.txt): "ILIK" is "ılık"
    (lukewarm), "İLİK" is "ilik" (bone marrow)."""
    assert normalize("ILIK", None, language) == normalize("\u0131l\u0131k", None, language)
    assert normalize("\u0130L\u0130K", None, language) == normalize("ilik", None, language)
    assert normalize("ILIK", None, language) != normalize("ilik", None, language)
    assert fold("ILIK", language) == fold("\u0131l\u0131k", language) != fold("ilik", language)
    assert [c for _, _, c in clashes("ilik", ["ILIK"], language)] == [None]


@pytest.mark.parametrize("language", ["en", "de", None])
def test_outside_turkish_every_i_is_one_letter(language: str | None) -> None:
    folded = normalize("ilik", None, language)
    assert normalize("ILIK", None, language) == normalize("\u0130LIK", None, language) == folded


@pytest.mark.parametrize("language", ["el", "en", None])
def test_a_final_sigma_is_a_sigma(language: str | None) -> None:
    """ς is σ written at the end of a word: one letter, as casefold has it."""
    small, capitals = "\u03c3\u03bf\u03c6\u03cc\u03c2", "\u03a3\u039f\u03a6\u038c\u03a3"
    assert normalize(small, None, language) == normalize(capitals, None, language)
