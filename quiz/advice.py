"""What an authoring warning is before `quiz check` places it, and the rules about more than one fact.

quiz.lint holds the rules about one fact and runs them all (lint_deck); the rules here read a
topic, or every fact of a deck at once, and the two about a fact that says its own answer
(quiz.give_away: answer-in-question, answer-beside-blank).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from quiz.deck.model import Deck, Fact, Topic
from quiz.deck.options import option_key
from quiz.deck.statement import split
from quiz.deck.text import normalize
from quiz.give_away import said_outside_span, says
from quiz.judging import WORD
from quiz.plural import plural

SUMMARY_MAX_WORDS = 25
"""topic-summary-long: a topic's summary is one sentence of at most this many words (read on Home at 80 columns)."""
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9(\"'])")
"""Where a sentence of deck text ends and the next begins (topic-summary-long, percent-without-frequency)."""


class Advice(NamedTuple):
    """One warning before lint_deck places it: the key of the fact or topic it is about (None: the whole entry)."""

    key: str | None
    rule: str
    message: str


def warn(deck: Deck, fact: Fact, key: str | None, rule: str, message: str) -> Advice:
    """A warning about `fact`, placed at `key` (or at its [[facts]] header) when lint_deck reports it."""
    return Advice(key, rule, f'fact "{fact.id}": {message}')


LONG_SENTENCE = 20
"""hardest_to_read names the longest sentence where it has more than this many words, else the longest words."""


def hardest_to_read(fact: Fact) -> tuple[str, str]:
    """Where a fact that reads above its grade (reading-level) is hardest to read, and what there,
    for a message: (the key, "the longest sentence, in the explanation, has 60 words: “...”"), or,
    where its sentences are short, the key of its longest word and "its longest words: ..."."""
    texts = {"question": fact.question, "statement": fact.statement, "explanation": fact.explanation}
    key, longest = max(
        ((key, sentence.split()) for key, text in texts.items() for sentence in SENTENCE.split(text)),
        key=lambda found: len(found[1]),
    )
    if len(longest) > LONG_SENTENCE:
        return key, f"the longest sentence, in the {key}, has {len(longest)} words: “{' '.join(longest[:6])} …”"
    words = sorted(((k, w) for k, text in texts.items() for w in WORD.findall(text)), key=lambda kw: -len(kw[1]))
    named: dict[str, str] = {}
    for _, word in words:
        named.setdefault(word.casefold(), word)  # each once, as first written
    return words[0][0], "its longest words: " + ", ".join(f"“{w}”" for w in list(named.values())[:3])


def glossary_too_small(deck: Deck) -> Iterator[Advice]:
    """glossary-too-small: a warning when the glossary has words, but fewer than a matching question
    pairs (quiz.glossary.MATCH_TERMS): the deck then has no "Match words to meanings" questions, and an
    author who wrote three would not know why (an educator's report)."""
    if not deck.glossary:
        return
    from quiz.glossary import MATCH_TERMS

    count = len(deck.glossary)
    if count < MATCH_TERMS:
        yield Advice(
            None,
            "glossary-too-small",
            f"the glossary has {plural(count, 'word')}; a matching question pairs {MATCH_TERMS}, "
            f"so this deck has no matching questions: add {MATCH_TERMS - count} more",
        )


def topic_summary_long(topic: Topic) -> Iterator[Advice]:
    """topic-summary-long: a warning when a topic's summary is more than one sentence of
    SUMMARY_MAX_WORDS words."""
    words = len(WORD.findall(topic.summary))
    sentences = len([s for s in SENTENCE.split(topic.summary.strip()) if s.strip()])
    if sentences > 1 or words > SUMMARY_MAX_WORDS:
        size = f"{sentences} sentences" if sentences > 1 else f"{words} words"
        yield Advice(
            "summary", "topic-summary-long",
            f'topic "{topic.id}": the summary is {size}; keep it to one sentence of at most '
            f"{SUMMARY_MAX_WORDS} words, saying what the topic covers",
        )  # fmt: skip


def same_question(deck: Deck) -> Iterator[tuple[int, Advice]]:
    """same-question: each fact (its index in deck.facts, and the warning) whose question, as
    quiz.deck.text.normalize folds it, an earlier fact asks, unless it allows the rule. A changed
    figure imported with `quiz import --update` is such a pair: the old fact is kept beside the new
    one (quiz.interop.update), and a learner would be taught two answers to one question."""
    first: dict[str, Fact] = {}
    for index, fact in enumerate(deck.facts):
        earlier = first.setdefault(normalize(fact.question), fact)
        if earlier is fact or "same-question" in fact.allow:
            continue
        if option_key(earlier.answer) == option_key(fact.answer):
            said = "the same answer: one fact written twice"
        else:
            said = f"another answer ({earlier.answer!r}): a learner cannot tell which is meant"
        yield index, warn(deck, fact, "question", "same-question", f'asks the question of fact "{earlier.id}" '
                          f"with {said}; merge the two, or say in each question what sets it apart")  # fmt: skip


def answer_in_question(deck: Deck, fact: Fact, wrong: object) -> Iterator[Advice]:
    """answer-in-question: the question says its own answer (quiz.give_away.says: every number,
    however written, and every longer word of it), so a learner can copy it from the screen in
    every kind that shows the question. A true-or-false or fill-in-the-blank question shows the
    statement instead."""
    if says(fact.question, fact.answer, deck.language):
        yield warn(
            deck, fact, "question", "answer-in-question",
            f"the question already says the answer {fact.answer!r}: a learner can copy it from the screen; "
            "ask without naming it",
        )  # fmt: skip


def answer_beside_blank(deck: Deck, fact: Fact, wrong: object) -> Iterator[Advice]:
    """answer-beside-blank: the statement says its answer outside its {{...}} span
    (quiz.give_away.said_outside_span), so fill in the blank would show it beside the blank and true
    or false would say it twice; the fact is asked neither way (quiz.kinds)."""
    said = said_outside_span(fact, deck.language)
    if said:
        yield warn(
            deck, fact, "statement", "answer-beside-blank",
            f"outside {{{{...}}}} the statement says the answer {said!r} again (its numbers, however written, and "
            "its words), beside the blank: it is asked neither as fill in the blank nor as true or false; write "
            "the rest without it",
        )  # fmt: skip


def statement_asks(deck: Deck, fact: Fact, wrong: object) -> Iterator[Advice]:
    """statement-asks: the statement asks a question and then answers it ("How does their survival
    compare? {{It is similar}}."), so true or false shows a question and an answer as "the
    sentence" to judge, and fill in the blank a question with a blank after it (a tester read five
    such in the built-in deck). A statement states the fact in one sentence around its span."""
    parts = split(fact.statement) if fact.statement else None
    if parts is not None and parts.before.rstrip().endswith("?"):
        yield warn(
            deck, fact, "statement", "statement-asks",
            "the statement asks a question and answers it in {{...}}: true or false would show both as one "
            'sentence to judge; state the fact instead ("... this about their survival: {{It is similar}}.")',
        )  # fmt: skip
