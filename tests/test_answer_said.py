"""A question or fill-in-the-blank sentence that says its own answer (T8 #6).

"The large bowel, or _____, absorbs water; cancer of the colon is common." was asked as it was,
and `quiz check` said nothing; nor of a typed question that held its own answer. Now `quiz check`
warns (answer-beside-blank, answer-in-question: quiz.advice), and such a statement is asked neither
as fill in the blank nor as true or false (quiz.kinds.said_outside_span, T11 G5). The rule is the one that
keeps a session's feedback from giving answers away (quiz.give_away).
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.deck.load import parse_deck, parse_with_positions
from quiz.deck.model import Deck, Fact
from quiz.generate import Kind, kinds_for
from quiz.kinds import fill_blank
from quiz.lint import CHECKS, Judge, lint_deck
from quiz.mode import Mode
from quiz.session import plan
from tests.test_typed_properties import NUMBERS, forms

BLANKS = """
format = 1
[deck]
id = "t8-blank"
title = "Blanks"
[[facts]]
id = "dose"
question = "How much paracetamol may an adult take in one day?"
answer = "4 g"
distractors = ["8 g", "1 g", "12 g"]
statement = "An adult may take up to {{4 g}} of paracetamol a day, that is 4000 mg."
explanation = "More harms the liver."
[[facts]]
id = "days"
question = "For how many days is the antibiotic course taken?"
answer = "5 days"
distractors = ["3 days", "7 days", "10 days"]
statement = "Take the antibiotic for {{5 days}}: five days in all, even if you feel better."
explanation = "Finish the course."
[[facts]]
id = "sign"
question = "At what temperature should the freezer be kept?"
answer = "-18 °C"
distractors = ["18 °C", "-4 °C", "4 °C"]
statement = "Keep the freezer at {{-18 °C}}, that is minus eighteen degrees, or colder."
explanation = "Colder is fine."
[[facts]]
id = "organ"
question = "Which organ is the large bowel?"
answer = "Colon"
distractors = ["Liver", "Spleen", "Stomach"]
statement = "The large bowel, or {{colon}}, absorbs water; cancer of the colon is common."
explanation = "Colon."
[[facts]]
id = "fair"
question = "Which organ filters the blood?"
answer = "Kidney"
distractors = ["Liver", "Spleen", "Stomach"]
statement = "The {{kidney}} filters the blood."
explanation = "It makes urine."
"""
IN_QUESTION = """
format = 1
[deck]
id = "t8-inq"
title = "Answer in the question"
[[facts]]
id = "bowel"
question = "The colon, also called the large bowel, takes water from food. What is another name for the large bowel?"
answer = "Colon"
explanation = "Colon and large bowel are the same organ."
[[facts]]
id = "dose"
question = "A child under 6 takes 2.5 mL of the syrup. How much syrup is one dose for a child under 6?"
answer = "2.5 mL"
explanation = "Use the syringe."
[[facts]]
id = "fair"
question = "How much syrup is one dose for a child under 6?"
answer = "2.5 mL"
explanation = "Use the syringe."
"""


def _warned(text: str, rule: str) -> list[str]:
    return [p.message.split('"')[1] for p in lint_deck(*parse_with_positions(text, "deck.toml")) if p.rule == rule]


def test_a_statement_that_names_its_answer_beside_the_blank_warns_and_is_not_asked_so() -> None:
    deck = parse_deck(BLANKS)
    assert _warned(BLANKS, "answer-beside-blank") == ["dose", "days", "sign", "organ"]
    for fact in deck.facts:
        beside = fact.id != "fair"
        assert (fill_blank(deck, fact, seed=0) is None) is beside, fact.id
        assert (Kind.FILL_BLANK in kinds_for(deck, fact)) is not beside
        assert (Kind.TRUE_FALSE in kinds_for(deck, fact)) is not beside  # T11 G5: it says its answer twice
    for mode in (Mode.FILL_BLANK, Mode.TRUE_FALSE):
        asked = plan(deck, mode, seed=0, count=10, unseen=[f.id for f in deck.facts])
        assert [q.fact_id for q in asked] == ["fair"]


def test_a_question_that_says_its_own_answer_warns() -> None:
    assert _warned(IN_QUESTION, "answer-in-question") == ["bowel", "dose"]


UNITS = ["days", "mg", "weeks", "mL", "tablets"]


def _fact(answer: str, statement: str = "", question: str = "How much is it?") -> Deck:
    fact = Fact(id="f", question=question, answer=answer, distractors=("x1 cats", "y2 dogs"), statement=statement)
    return Deck(id="d", title="D", facts=(fact,))


@settings(max_examples=150)
@given(NUMBERS, NUMBERS, st.data(), st.sampled_from(UNITS))
def test_a_sentence_naming_its_answer_in_any_form_beside_the_blank_is_never_asked_so(
    x: Decimal, y: Decimal, data: st.DataObject, unit: str
) -> None:
    """For any number and any form typed marking reads as it, a statement that names the span's
    number and unit outside the span is never asked as fill in the blank, and warns; one that
    names another number is asked."""
    answer = f"{forms(x)[0]} {unit}"
    named = data.draw(st.sampled_from(forms(y)))
    deck = _fact(answer, statement=f"Take {{{{{answer}}}}} in all; that is {named} {unit}.")
    fact = deck.facts[0]
    warned = any(CHECKS["answer-beside-blank"](deck, fact, Judge(deck)(fact)))
    assert warned is (x == y), named
    assert (Kind.FILL_BLANK not in kinds_for(deck, fact)) is (x == y), named


@settings(max_examples=150)
@given(NUMBERS, NUMBERS, st.data(), st.sampled_from(UNITS))
def test_a_question_naming_its_answer_in_any_form_warns(x: Decimal, y: Decimal, data: st.DataObject, unit: str) -> None:
    named = data.draw(st.sampled_from(forms(y)))
    deck = _fact(f"{forms(x)[0]} {unit}", question=f"You take {named} {unit}. How much is it?")
    fact = deck.facts[0]
    assert any(CHECKS["answer-in-question"](deck, fact, Judge(deck)(fact))) is (x == y), named
