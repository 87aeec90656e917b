"""Nothing shown gives an answer away when it writes the answer's number another way (quiz.give_away).

A tester (T8 #4, #5) met an answer "5 days" after a feedback that said "five days", and the
Words list (F2) showing "dose: ... half a teaspoon, 2.5 mL" before the question whose answer was
"2.5 mL": numbers were found only as runs of digits, and glossary meanings compared by word stems
only. Numbers are now read as typed marking reads them (quiz.typed.read), for the order of a
session (quiz.apart), the Words list and Mixed mode's matching question (quiz.words_shown).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from quiz.apart import kept_apart
from quiz.deck.load import parse_deck
from quiz.deck.model import Deck, Fact
from quiz.generate import Kind, make_question
from quiz.give_away import answer_marks, gives_away, says, text_marks
from quiz.mode import Mode
from quiz.session import plan
from quiz.words_shown import words_to_know
from tests.test_typed_properties import NUMBERS, forms

GIVEN_AWAY = [
    ("5 days", "Take the tablets for five days."),
    ("2 weeks", "Wait two weeks."),
    ("20 mg", "The dose is twenty mg."),
    ("10 years", "Ten years."),
    ("1000 mg", "Never more than 1 000 mg in one day."),
    ("0.5 mg", "Half a milligram (½ mg) is the dose."),
    ("0.5 mg", "The dose is 0·5 mg."),
    ("0.5 mg", "The dose is .5 mg."),
    ("1/2 tablet", "Take ½ tablet."),
    ("8 pm", "Take it at 20:00."),
    ("25%", "About 25 percent."),
    ("25%", "About one in four (25 per cent)."),
    ("25%", "About 1 in 4 people."),
    ("twice a day", "Take it 2 times a day."),
    ("Stage IV", "Stage 4 means it has spread."),
    ("Hypoglycaemia", "Hypoglycemia is low blood sugar."),
    ("Tumour", "A tumor is a lump."),
    ("4 g", "That is 4000 mg a day."),
    ("2 weeks", "Take it for 14 days."),
    ("-18 °C", "Keep the freezer at minus eighteen degrees, or colder."),
    ("-18 °C", "Keep it at −18 °C."),
    ("5 days", "Take the tablets for 5 days."),
    ("10 years", "Ten more years."),
    ("1,000,000", "About a million people have it."),  # a reviewer: the words of a power were not read
    ("-3 °C", "Store it at -5 °C - -3 °C."),  # a range from a temperature to another (a reviewer)
    ("T3 N1 M0", "The tumour was T3, N1 and M0."),  # "M0" is a stage, no length (a reviewer)
]
"""(b's answer, a's explanation): T8's table, then its controls."""
NOT_GIVEN_AWAY = [
    ("5 days", "Take the tablets for five weeks."),
    ("5 days", "Take five tablets a day."),
    ("0.5 mg", "The dose is 5 mg."),
    ("8 pm", "Take it at 8:00."),
    ("25%", "About 25 people in all."),
    ("2%", "2 years later, most were alive."),
    ("twice a day", "Take it 3 times a day."),
    ("Stage IV", "Stage 3 means it has not spread."),
    ("4 g", "That is 400 mg a day."),
    ("-18 °C", "Keep it at 18 °C."),
    ("-18 °C", "Keep it at minus 18 cats."),
    ("Answer 49 months", "Question 48: what is said in week 49? Answer 48 fever."),  # bench's deck
]


def _two_facts(answer: str, explanation: str) -> str:
    return f"""
format = 1
[deck]
id = "ga"
title = "Give away"
[[facts]]
id = "a-first"
question = "Tell me something about the drug?"
answer = "Yes"
distractors = ["No", "Maybe", "Never"]
explanation = "{explanation}"
[[facts]]
id = "b-second"
question = "What is the number?"
answer = "{answer}"
distractors = ["7 apples", "9 pears", "11 plums"]
explanation = "No explanation."
"""


@pytest.mark.parametrize(("answer", "explanation"), GIVEN_AWAY)
def test_a_number_written_another_way_in_a_feedback_keeps_its_question_apart(answer: str, explanation: str) -> None:
    deck = parse_deck(_two_facts(answer, explanation))
    questions = plan(deck, Mode.TYPED, seed=0, count=5, unseen=["a-first", "b-second"])
    assert [q.fact_id for q in questions] == ["a-first"]  # b waits for another session
    assert says(explanation, answer)


@pytest.mark.parametrize(("answer", "explanation"), NOT_GIVEN_AWAY)
def test_another_number_gives_nothing_away(answer: str, explanation: str) -> None:
    deck = parse_deck(_two_facts(answer, explanation))
    questions = plan(deck, Mode.TYPED, seed=0, count=5, unseen=["a-first", "b-second"])
    assert [q.fact_id for q in questions] == ["a-first", "b-second"]
    assert not says(explanation, answer)


UNITS = ["days", "mg", "weeks", "mL", "tablets", "years", "hours"]


def _plain(x: Decimal) -> str:
    return forms(x)[0]


def _pair(answer: str, explanation: str) -> tuple[Deck, list[Fact]]:
    facts = [
        Fact(id="a", question="What do you know?", answer="Yes", explanation=explanation),
        Fact(id="b", question="How much?", answer=answer),
    ]
    return Deck(id="d", title="D", facts=tuple(facts)), facts


@settings(max_examples=300)
@given(NUMBERS, st.data(), st.sampled_from(UNITS))
def test_a_feedback_naming_a_number_in_any_form_is_never_followed_by_its_question(
    x: Decimal, data: st.DataObject, unit: str
) -> None:
    """For any number and any way typed marking reads it as that number (tests.test_typed_properties
    forms: in words, with a thousands space, ½, a raised point, a sign...), a feedback naming it with
    the unit is never followed by the question whose answer it is."""
    form = data.draw(st.sampled_from(forms(x)))
    deck, facts = _pair(f"{_plain(x)} {unit}", f"It is {form} {unit} in all.")
    questions = [make_question(deck, f, Kind.FLASHCARD, seed=0) for f in facts]
    assert [q.fact_id for q in kept_apart(deck, questions, 10)] == ["a"], form


@settings(max_examples=200)
@given(NUMBERS, NUMBERS, st.data(), st.sampled_from(UNITS))
def test_a_feedback_naming_another_number_gives_nothing_away(
    x: Decimal, y: Decimal, data: st.DataObject, unit: str
) -> None:
    assume(x != y)
    form = data.draw(st.sampled_from(forms(y)))
    assert not says(f"It is {form} {unit} in all.", f"{_plain(x)} {unit}"), form


GLOSS = """
format = 1
[deck]
id = "t8-gloss"
title = "Syrup dose"
[[facts]]
id = "syrup-dose"
question = "How much is one dose of the syrup for a child under 6?"
answer = "2.5 mL"
distractors = ["5 mL", "10 mL", "1 mL"]
explanation = "Use the syringe that comes with the syrup."
[[facts]]
id = "wait"
question = "How long do you wait between two doses of the syrup?"
answer = "4 hours"
distractors = ["1 hour", "30 minutes", "12 hours"]
explanation = "Wait, so that no dose is too close to the last."
[[facts]]
id = "fever"
question = "Which syrup is used for a fever in a child?"
answer = "Paracetamol"
distractors = ["Aspirin", "Codeine", "Antibiotics"]
explanation = "Paracetamol syrup lowers a fever."
[glossary]
dose = "How much medicine you take at one time. For this syrup under age 6 it is half a teaspoon, 2.5 mL."
syrup = "A medicine mixed in a sweet liquid."
fever = "A body temperature above 38 °C."
syringe = "A plastic tube with a plunger, to measure a liquid."
child = "A person under 16."
"""


def test_the_words_list_holds_back_a_meaning_that_holds_the_numeric_answer() -> None:
    """T8 #5: "dose: ... half a teaspoon, 2.5 mL" was shown before "How much is one dose ...?"."""
    deck = parse_deck(GLOSS)
    q = make_question(deck, deck.fact("syrup-dose"), Kind.TYPED, seed=0)
    before = words_to_know(deck, q, answered=False)
    assert "dose" not in dict(before.shown) and before.held >= 1
    assert "dose" in dict(words_to_know(deck, q, answered=True).shown)
    other = make_question(deck, deck.fact("wait"), Kind.TYPED, seed=0)  # "4 hours": the meaning does not hold it
    assert "dose" in dict(words_to_know(deck, other, answered=False).shown)


@pytest.mark.parametrize("seed", range(16))
def test_mixed_never_matches_a_meaning_that_holds_a_numeric_answer_of_the_session(seed: int) -> None:
    """T8 #5: Mixed mode's matching question showed the meaning of "dose" (2.5 mL) in a session
    that then asked "How much is one dose ...?"."""
    deck = parse_deck(GLOSS)
    questions = plan(deck, Mode.MIXED, seed=seed, count=4, unseen=[f.id for f in deck.facts])
    shown = {t for q in questions if q.kind is Kind.MATCH for t, _ in q.pairs}
    if "syrup-dose" in {q.fact_id for q in questions}:
        assert "dose" not in shown


@settings(max_examples=200)
@given(NUMBERS, NUMBERS, st.data(), st.sampled_from(UNITS))
def test_a_meaning_naming_the_answer_in_any_form_is_held_back(
    x: Decimal, y: Decimal, data: st.DataObject, unit: str
) -> None:
    """A glossary meaning that names the answer's number with its unit, in any form typed marking
    reads as it, is held back before the answer; one naming another number with a unit of under
    4 letters is shown (a longer word of the answer held it back anyway: "days" names "5 days")."""
    named = data.draw(st.sampled_from(forms(y)))
    fact = Fact(id="f", question="How much is one dose?", answer=f"{_plain(x)} {unit}", distractors=("x1", "y2"))
    deck = Deck(id="d", title="D", facts=(fact,), glossary=(("dose", f"How much you take: {named} {unit}."),))
    q = make_question(deck, fact, Kind.FLASHCARD, seed=0)
    held = not words_to_know(deck, q, answered=False).shown
    assert held is (x == y or len(unit) >= 4), named


def test_marks_read_a_time_a_share_and_an_amount_as_one() -> None:
    assert answer_marks("8 pm") == {"#20:0"} and "#20:0" in text_marks("at 20:00")
    assert answer_marks("25%") == {"#p1/4"} and "#p1/4" in text_marks("1 in 4")
    assert answer_marks("4 g") == {"#=4000000 mcg"} and "#=4000000 mcg" in text_marks("4000 mg a day")
    assert answer_marks("Yes") == frozenset()  # nothing to give away


PIECES = [
    "5", "five", "twice", "2 times", "a day", "days", "weeks", "mg", "stage", "IV", "4", "tumour", "tumor",
    "colon", "bowel", "the", "of", "half", "½", "0·5", "1 000", "percent", "%", "in", "per", "MRIs", "MRI",
    "before", "surgery", "Stage", "CT-scans", "hypoglycaemia", "Hypoglycemia", "20:00", "8 pm", "-", ".", ",",
    "°C", "C", "degrees", "minus", "18", "eighteen",
]


@settings(max_examples=500)
@given(st.lists(st.sampled_from(PIECES), max_size=8), st.lists(st.sampled_from(PIECES), min_size=1, max_size=3))
def test_the_quick_test_never_rules_out_a_text_that_says_the_answer(text: list[str], answer: list[str]) -> None:
    """says() first rules out a text by its words alone (_ruled_out, for `quiz check`'s speed): it
    agrees with the marks compared in full."""
    shown, said = " ".join(text), " ".join(answer)
    assert says(shown, said) is gives_away(text_marks(shown), answer_marks(said)), (shown, said)
