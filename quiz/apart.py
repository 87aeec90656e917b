"""Questions of one session kept apart from the feedback that answers them.

After each answer the learner reads the question again, its right answer and its explanation.
Facts of one topic often name each other's answers there: in the built-in deck the feedback of
one question said "With 5-FU/leucovorin alone it was 42%", and the next question asked that
figure. An answer copied from the screen before would be recorded as remembered. So within a
session a question is asked before any question whose feedback gives its answer away, and where
two give each other's answers away, the later one waits for another session.
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping, Sequence

from quiz.deck.model import Deck, Fact, citation
from quiz.generate import Kind, Question
from quiz.give_away import answer_in_context, answer_marks, text_marks
from quiz.kinds import by_typing
from quiz.words_shown import words_to_know


def _answer_of(deck: Deck, q: Question, facts: Mapping[str, Fact] | None = None) -> str:
    """The text a learner must give for `q`: its answer, or for true or false the fact's answer, which
    says whether the sentence shown is true ("" when the deck no longer holds the fact). `facts`:
    the deck's facts by id (_by_id), where many questions are asked of one deck."""
    if q.kind is Kind.TRUE_FALSE:
        fact = _fact(deck, q, facts)
        return "" if fact is None else fact.answer
    return q.answer


def _fact(deck: Deck, q: Question, facts: Mapping[str, Fact] | None) -> Fact | None:
    """The fact `q` asks about, from `facts` (the deck's by id) when given; None when it is gone."""
    if facts is not None:
        return facts.get(q.fact_id)
    try:
        return deck.fact(q.fact_id)
    except KeyError:
        return None


def _by_id(deck: Deck) -> dict[str, Fact]:
    return {f.id: f for f in deck.facts}


def feedback_texts(deck: Deck, q: Question, facts: Mapping[str, Fact] | None = None) -> tuple[str, ...]:
    """Every text the learner may read by the end of `q`'s feedback that says what is right, as
    quiz.tui.screens.feedback draws it (and a flashcard's back): the question, the true sentence of
    a true or false or fill-in-the-blank question, the right answer, the explanation, the source
    line (quiz.deck.model.citation), why each wrong option is wrong (the one chosen shows its
    "why", and any may be chosen), and the meanings of the glossary words the words list then
    explains (quiz.words_shown.words_to_know, answered). Not the wrong options themselves (a
    multiple-choice question's, or the one a false sentence shows): another fact's answer shown as
    wrong gives nothing away, and a false sentence's option changes with the session's balance of
    true and false (quiz.kinds.balance_truth). Texts of a fact the deck no longer holds are left
    out. `facts` as for _answer_of."""
    prompt = "" if q.kind is Kind.TRUE_FALSE else q.prompt
    source = citation(q.source, q.refs) if q.source is not None or q.refs else ""
    fact = _fact(deck, q, facts)
    whys = () if fact is None else fact.whys
    meanings = (meaning for _, meaning in words_to_know(deck, q, answered=True).shown)
    answer = _answer_of(deck, q, facts)
    texts = (prompt, q.statement, q.blank, answer, q.explanation, source, *whys, *q.whys, *meanings)
    return tuple(dict.fromkeys(t for t in texts if t))


def _gives_away_after(deck: Deck, questions: Sequence[Question], asked: list[int]) -> dict[int, set[int]]:
    """For each index of `asked`, the indexes of the others whose answers its feedback gives away
    (quiz.give_away.gives_away; a short answer, with its question: answer_in_context), found
    through an index of who shows each mark: linear in the marks, so that a review of 2,000 due
    facts is ordered in moments, not in 4 million comparisons."""
    language, facts = deck.language, _by_id(deck)
    holding: dict[str, set[int]] = {}  # each mark: the questions whose feedback shows it
    for i in asked:
        for mark in frozenset().union(*(text_marks(t, language) for t in feedback_texts(deck, questions[i], facts))):
            holding.setdefault(mark, set()).add(i)
    after: dict[int, set[int]] = {i: set() for i in asked}
    for j in asked:
        fact = _fact(deck, questions[j], facts)
        question = questions[j].prompt if fact is None else fact.question
        for form in _forms(deck, questions[j], facts):  # a short one ("more") by its question restated with it
            answer = answer_marks(form, language) or answer_in_context(form, question, language)
            if answer:  # gives_away(the marks of i's feedback, answer) for each i of the intersection
                for i in set.intersection(*(holding.get(mark, set()) for mark in answer)) - {j}:
                    after[i].add(j)
    return after


def _forms(deck: Deck, q: Question, facts: Mapping[str, Fact] | None = None) -> tuple[str, ...]:
    """The texts that answer `q` right (_answer_of): for a question answered by typing, its `accept`
    forms too ("APR" for "Abdominoperineal resection"): a feedback that says one gives it away."""
    answer = _answer_of(deck, q, facts)
    return (answer, *q.accept) if by_typing(q) else (answer,)


def kept_apart(deck: Deck, questions: Sequence[Question], limit: int | None = None, *, due: int = 0) -> list[Question]:
    """The questions of a session, none asked after a question whose feedback gives its answer away
    (quiz.give_away.gives_away: its numbers however written, "five days" for "5 days"). Matching
    questions keep their places (quiz.words_shown keeps their meanings from giving answers away).

    The first `due` questions (a review's due facts) are all asked, each before those that give
    it away (the stable topological order; where two or more give each other's answers away, the
    first is asked and those its feedback gives away are left out). The rest are candidates taken
    in their order, up to `limit` questions in all: a candidate whose answer the feedback of one
    taken before gives away is left for another session, so the deck's order of teaching is kept.
    """
    asked = [i for i, q in enumerate(questions) if q.kind is not Kind.MATCH]
    after = _gives_away_after(deck, questions, asked)
    if not any(after.values()):
        return list(questions[:limit])
    placed = _in_order([i for i in asked if i < due], after)
    given = set().union(*(after[i] for i in placed))  # the answers the feedback of those taken gives away
    for i in asked:
        if i >= due and i not in given and (limit is None or len(placed) < limit):
            placed.append(i)
            given |= after[i]
    order = iter(placed)
    out = []
    for q in questions:
        if q.kind is Kind.MATCH:
            out.append(q)
        elif (nxt := next(order, None)) is not None:
            out.append(questions[nxt])
    return out[:limit]


def _in_order(asked: list[int], after: dict[int, set[int]]) -> list[int]:
    """`asked` in the stable topological order in which each comes before those of them that give
    it away (`after[i]`: the ones i gives away), a heap taking the first ready; where none is ready
    (each gives another away) the first left is asked and the ones it gives away are left out."""
    among = set(asked)
    after = {i: after[i] & among for i in asked}
    waiting = {i: len(after[i]) for i in asked}  # how many of those i gives away are still to come
    before: dict[int, list[int]] = {}
    for i, given in after.items():
        for j in given:
            before.setdefault(j, []).append(i)
    ready = [i for i in asked if not waiting[i]]
    heapq.heapify(ready)
    done: set[int] = set()
    placed: list[int] = []

    def settle(j: int) -> None:  # j asked or left out: those that give it away wait for one less
        done.add(j)
        for i in before.get(j, ()):
            waiting[i] -= 1
            if not waiting[i] and i not in done:
                heapq.heappush(ready, i)

    for first in asked:
        while ready:
            i = heapq.heappop(ready)
            if i not in done:
                placed.append(i)
                settle(i)
        if first not in done:  # each left gives another away
            placed.append(first)
            settle(first)
            for j in sorted(after[first] - done):
                settle(j)
    return placed
