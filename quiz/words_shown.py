"""The glossary words shown with a question (the Words list, F2) and in a Mixed session's matching
question, none of whose meanings gives an answer away before it is given (quiz.give_away.Answers).
Pure, no I/O; quiz.session plans the session that uses it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from quiz import kinds
from quiz.deck.model import Deck, Fact
from quiz.generate import Kind, Question
from quiz.give_away import Answers
from quiz.glossary import terms_in


class WordsToKnow(NamedTuple):
    """The glossary words of the text on screen (words_to_know)."""

    shown: list[tuple[str, str]]
    """The entries (term, meaning) the glossary list shows now, in glossary order."""
    held: int = 0
    """How many words on screen are explained only after the answer: their meaning could hint at it."""
    maybe_more: bool = False
    """True or false: the part of the sentence that differs between its versions may hold one more."""


def words_to_know(deck: Deck, q: Question, *, answered: bool) -> WordsToKnow:
    """The glossary entries (term, meaning) to show with `q`, and how many of its terms are held
    back until it is answered (`answered`: a flashcard's back or the feedback is on screen).

    Once answered: the terms of the question, the true sentence, the answer and the explanation.
    Before: the terms of the question alone (never terms found only in the answer or the options),
    less any the answer names and any whose meaning gives away or names a word of the answer (or of
    an `accept` form; for true or false, of the fact's answer or the wrong options that may stand in
    its statement: "embolization: blocking the blood vessels ..." would say whether "Embolization ...
    blocks the blood supply" is true): "locally advanced: ... the sacrum" would give away "Growth
    into the sacrum", "dose: ... half a teaspoon, 2.5 mL" the answer "2.5 mL". The rule is
    quiz.give_away.Answers.hinted_by: numbers read as typed marking reads them, words by their stems
    in the deck's language ("Being feverish" names "fevers", "it makes you tired" "Tiredness").
    A matching question's meanings are its answers: all held back until it is answered.

    For true or false the count is the same in both versions, or it would be a clue: it counts the
    words held back in the part of the sentence both versions share (q.blank), and `maybe_more`
    says whether the part that differs (the answer or a wrong option) names a glossary word.
    """
    if q.kind is Kind.MATCH:
        return WordsToKnow(list(q.pairs)) if answered else WordsToKnow([], len(q.pairs))
    if answered:
        return WordsToKnow(terms_in("\n".join([q.prompt, q.statement, q.answer, q.explanation]), deck.glossary))
    named, answer = answer_terms(deck, q)

    def held(entry: tuple[str, str]) -> bool:
        return entry[0] in named or answer.hinted_by(entry[1])

    entries = terms_in(q.prompt, deck.glossary)
    shown = [entry for entry in entries if not held(entry)]
    if q.kind is Kind.TRUE_FALSE:
        shared = [entry for entry in terms_in(q.blank, deck.glossary) if held(entry)]
        spans = terms_in("\n".join(_span_texts(deck, q)), deck.glossary)
        return WordsToKnow(shown, len(shared), maybe_more=any(held(e) and e not in shared for e in spans))
    return WordsToKnow(shown, len(entries) - len(shown))


def _span_texts(deck: Deck, q: Question) -> list[str]:
    """What may stand in the span of a true-or-false question's sentence: the true text and the
    wrong options that fit it (quiz.kinds.false_options); [] when its fact is gone."""
    from quiz.deck.statement import split

    fact = _fact_of(deck, q)
    parts = split(fact.statement) if fact is not None and fact.statement else None
    return [] if fact is None or parts is None else [parts.span, *kinds.false_options(fact)]


def _fact_of(deck: Deck, q: Question) -> Fact | None:
    """The fact `q` asks about, or None when the deck no longer holds it (reloaded after an edit)."""
    try:
        return deck.fact(q.fact_id)
    except KeyError:
        return None


def answer_terms(deck: Deck, q: Question) -> tuple[set[str], Answers]:
    """(the glossary terms `q`'s answer names, the answer's forms as quiz.give_away.Answers): a term
    named, or one whose meaning the answer is hinted by, would give it away (words_to_know)."""
    texts: tuple[str, ...] = (q.answer, *q.accept)
    if q.kind is Kind.TRUE_FALSE:  # what may fill the statement's span would say which version is shown
        fact = _fact_of(deck, q)
        texts = (fact.answer, *fact.accept, *kinds.false_options(fact)) if fact is not None else ()
    named = {term for term, _ in terms_in("\n".join(texts), deck.glossary)}
    return named, Answers(texts, deck.language)


def giving_away(deck: Deck, questions: Sequence[Question]) -> set[str]:
    """The glossary terms whose meaning would give away the answer to one of `questions` (as
    words_to_know holds them back): a matching question among them must not show those meanings (a
    reviewer met "locally advanced" matched at question 2 and asked at question 7)."""
    named: set[str] = set()
    answers = Answers((), deck.language)
    for q in questions:
        if q.kind is not Kind.MATCH:
            terms, forms = answer_terms(deck, q)
            named |= terms
            answers |= forms
    return named | {t for t, m in deck.glossary if answers.hinted_by(m)}
