"""The word list never shows, before the answer, a meaning that names a form of the answer: words
are compared by their stems in the deck's language (quiz.judging.give_away_stems, shares_a_root),
and a term is named however its words are joined (quiz.judging.names_words)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.deck.load import parse_deck
from quiz.deck.model import Deck, Fact
from quiz.generate import Kind, make_question
from quiz.judging import give_away_stems, names_words, same_root, shares_a_root, word_stems
from quiz.kinds import make, match_questions, right_meaning
from quiz.words_shown import words_to_know

TESTER = """
format = 1
[deck]
id = "gdeck2"
title = "Glossary test 2"
[glossary]
"febrile neutropenia" = "Being feverish in a person with too few neutrophils."
"thrombocytopenia" = "Too few platelets in the blood."
"anemia" = "Too few red blood cells: it makes you tired."
[[facts]]
id = "g1"
question = "In febrile neutropenia, which sign comes with low neutrophils?"
answer = "fevers"
accept = ["fever"]
distractors = ["rashes", "coughs", "chills"]
[[facts]]
id = "g3"
question = "What does anemia often make you feel?"
answer = "Tiredness"
distractors = ["Hunger", "Itching", "Thirst"]
"""


def test_a_meaning_that_names_a_form_of_the_answer_waits_for_the_answer() -> None:
    """A tester saw "febrile neutropenia: Being feverish ..." before answering "fevers", and
    "anemia: ... it makes you tired." before answering "Tiredness"."""
    deck = parse_deck(TESTER)
    for fact_id, term in (("g1", "febrile neutropenia"), ("g3", "anemia")):
        q = make_question(deck, deck.fact(fact_id), Kind.MULTIPLE_CHOICE, seed=0)
        before = words_to_know(deck, q, answered=False)
        assert (before.shown, before.held) == ([], 1), fact_id
        assert term in {t for t, _ in words_to_know(deck, q, answered=True).shown}
    assert give_away_stems("Tiredness") == give_away_stems("tired")  # not "tirednes"


FORMS = [
    ("fever", "fevers", "Fever", "feverish", "FEVERISH"),
    ("tired", "tiredness", "Tiredness", "tiring"),
    ("bleed", "bleeding", "bleeds", "Bleeding"),
    ("infection", "infections", "infected", "infect"),
    ("nausea", "nauseous", "nauseated"),
    ("vomit", "vomiting", "vomited"),
    ("swelling", "swell", "swells"),
    ("metastasis", "metastases"),
    ("therapy", "therapies"),
]
"""Forms of one word: a meaning that uses one names an answer that uses another."""
FILLER = ["a", "person", "with", "too", "few", "neutrophils", "after", "cancer", "medicine", "the", "body"]
"""Words that share a root with no word of FORMS."""


def _deck(answer: str, meaning: str, language: str = "en") -> Deck:
    fact = Fact(id="f", question="Which sign comes with neutropenia?", answer=answer, distractors=("x1", "y2", "z3"))
    return Deck(id="d", title="D", facts=(fact,), glossary=(("neutropenia", meaning),), language=language)


@settings(max_examples=200)
@given(st.sampled_from(FORMS).flatmap(lambda forms: st.tuples(st.sampled_from(forms), st.sampled_from(forms))),
       st.lists(st.sampled_from(FILLER), max_size=6), st.integers(0, 6), st.booleans())  # fmt: skip
def test_no_meaning_that_uses_a_form_of_the_answer_is_shown_before_the_answer(
    forms: tuple[str, str], filler: list[str], at: int, named: bool
) -> None:
    answer, form = forms
    words = list(filler)
    if named:
        words.insert(min(at, len(words)), form)
    deck = _deck(f"A {answer}" if at % 2 else answer, " ".join(["Being", *words]) + ".")
    q = make_question(deck, deck.facts[0], Kind.MULTIPLE_CHOICE, seed=0)
    words_now = words_to_know(deck, q, answered=False)
    assert (words_now.held == 1) is named, (answer, words)
    assert bool(words_now.shown) is not named


def test_the_deck_s_language_stems_the_words_and_an_unknown_one_compares_them_plainly() -> None:
    german = _deck("Schmerzen", "Ein Gefühl von Schmerz im Körper.", language="de")
    q = make_question(german, german.facts[0], Kind.MULTIPLE_CHOICE, seed=0)
    assert words_to_know(german, q, answered=False).held == 1
    assert give_away_stems("Schmerzen", "de") == give_away_stems("Schmerz", "de")
    assert word_stems("fevers tiring", "xx") == ("fevers", "tiring")  # no stemmer: the words as written
    assert shares_a_root(give_away_stems("fever", "xx"), give_away_stems("Fever", "xx"))


@given(st.text(), st.text())
def test_one_root_is_a_symmetric_rule_every_word_meets_with_itself(a: str, b: str) -> None:
    assert same_root(a, a) and same_root(a, b) == same_root(b, a)


TRUE_FALSE = """
format = 1
[deck]
id = "gdeck"
title = "Glossary test"
[glossary]
"chemotherapy" = "Medicine that kills cancer cells."
[[facts]]
id = "g2"
question = "Which blood part helps blood clot?"
answer = "platelet"
distractors = ["neutrophil", "plasma", "red cell"]
statement = "The {{platelet}} helps blood clot after chemotherapy."
"""


def test_a_word_held_back_for_a_wrong_option_is_said_only_to_maybe_hint() -> None:
    """'chemotherapy' (Medicine that kills cancer cells) is held back in both versions of "The
    platelet helps blood clot after chemotherapy.": the wrong option "red cell" may stand in the
    sentence, and a meaning that names a wrong option can say which version is shown. So the
    list must not say its meaning would give the answer away, only that it could hint at it."""
    from quiz.tui.text import held_back_line

    deck = parse_deck(TRUE_FALSE)
    for truth in (True, False):
        q = make(deck, deck.fact("g2"), Kind.TRUE_FALSE, seed=0, truth=truth)
        words = words_to_know(deck, q, answered=False)
        assert words.held == 1
        line = held_back_line(words)
        assert "could hint at the answer" in line and "would" not in line


MATCHING = """
format = 1
[deck]
id = "match-t"
title = "Match test"
[glossary]
"stoma" = "An opening made on the belly."
"ileum" = "The last part of the small bowel."
"CT scan" = "Pictures made with X-rays."
"MRI" = "Pictures made with magnets, clearer than a CT-scan for soft parts."
"PET scan" = "A scan with a weak radioactive sugar."
"chemo" = "Medicine against cancer."
"biopsy" = "Taking a bit of tissue to look at."
"pathologist" = "A doctor who looks at biopsy samples."
[[facts]]
id = "x"
question = "Which?"
answer = "a"
distractors = ["b", "c", "d"]
"""


def test_a_matching_set_never_holds_a_term_and_a_meaning_naming_it_with_a_hyphen() -> None:
    """`quiz preview mt.toml --kind match --seed 2` put MRI ("...clearer than a CT-scan...") and
    CT scan in one set."""
    deck = parse_deck(MATCHING)
    sets = [{t for t, _ in q.pairs} for seed in range(30) for q in match_questions(deck, seed=seed)]
    assert sets and not any({"MRI", "CT scan"} <= s for s in sets)
    assert names_words("clearer than a CT-scan", "CT scan") and names_words("two CT/scans", "ct scan")
    assert not names_words("a scan with a weak sugar", "CT scan")


JOINERS = [" ", "-", "/", "_", " - ", "\u2010"]
TERMS = ["CT scan", "P value", "5-FU", "stem cell", "bone marrow", "liver metastasis"]


@settings(max_examples=200)
@given(st.sampled_from(TERMS), st.sampled_from(JOINERS), st.booleans(), st.sampled_from([str, str.upper, str.title]))
def test_a_term_is_named_however_its_words_are_joined_and_in_its_plural(
    term: str, joiner: str, plural: bool, case
) -> None:
    words = [w if w.isupper() else case(w) for w in re.split(r"[\W_]+", term)]  # "CT" stays "CT"
    if plural:  # an abbreviation's plural ends in a small s whatever the case: "5-FUs", "CTs"
        last = words[-1]
        words[-1] = last + ("s" if last.isupper() and len(last) > 1 else "es" if last.endswith(("s", "S")) else "s")
    written = joiner.join(words)
    assert names_words(f"Pictures, clearer than a {written} for soft parts.", term)
    others = (("biopsy", "Taking a bit of tissue."), ("stoma", "An opening made on the belly."))
    glossary = (("MRI", f"Pictures clearer than a {written}."), (term, "A test."), *others)
    for q in match_questions(Deck(id="d", title="D", facts=(), glossary=glossary), seed=0):
        terms = [t for t, _ in q.pairs]
        assert not ("MRI" in terms and term in terms), (terms, q.options[right_meaning(q, terms.index("MRI"))])
