"""Anki cloze deletions ({{c1::answer}} or {{c1::answer::hint}}) as question-and-answer pairs.

As Anki makes one card per cloze number, this makes one pair per number: the question is the
text with that number's spans blanked (a hint, where given, shown in the blank) and the others
shown as plain text; the answer is the blanked text, spans of one number joined by " ... ".
A number with one span also gives the fact's statement (quiz.deck.statement): the text with that
span marked {{...}}, and the others as plain text.
"""

from __future__ import annotations

import re
from typing import NamedTuple

CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.DOTALL)
BLANK = "[...]"


class Cloze(NamedTuple):
    """One card of a cloze note: its number, the text with blanks, what fills them, and the
    statement ("" when the number has more than one span: a statement marks one)."""

    number: int
    question: str
    answer: str
    statement: str = ""


MAX_CLOZES = 100
"""The most cloze numbers a note may have, each a card (Anki's notes have a handful; one of
thousands, in a made-up file, took seconds for each)."""


class TooManyClozes(ValueError):
    """A note with more than MAX_CLOZES cloze numbers."""


def _end(text: str) -> int:
    """Where a search for deletions may stop: after the text's last "}}". Each "{{c1::" after it
    starts no deletion, and a search from each to the end of the text was quadratic."""
    return text.rfind("}}") + 2


def has_cloze(text: str) -> bool:
    """True when the text holds at least one cloze deletion."""
    return CLOZE.search(text, 0, _end(text)) is not None


def clozes(text: str) -> list[Cloze]:
    """One Cloze per cloze number in the text, in number order; [] when there is none;
    TooManyClozes past MAX_CLOZES numbers."""
    head, tail = text[: _end(text)], text[_end(text) :]  # no deletion starts in the tail
    numbers = sorted({int(m.group(1)) for m in CLOZE.finditer(head)})
    if len(numbers) > MAX_CLOZES:
        many = f"{len(numbers):,} cloze numbers"
        raise TooManyClozes(f"a cloze note of {many}, more than the {MAX_CLOZES} a note may have")
    cards = []
    for number in numbers:

        def blank(m: re.Match[str], number: int = number) -> str:
            if int(m.group(1)) != number:
                return m.group(2)
            return f"[{m.group(3)}]" if m.group(3) else BLANK

        spans = [m.group(2).strip() for m in CLOZE.finditer(head) if int(m.group(1)) == number]
        statement = _statement(head, tail, number, spans)
        cards.append(Cloze(number, CLOZE.sub(blank, head) + tail, " ... ".join(spans), statement))
    return cards


def _statement(head: str, tail: str, number: int, spans: list[str]) -> str:
    """The text (`head` + `tail`, where no deletion starts) with the one span of `number` marked
    {{...}} and the others plain; "" when it cannot be one."""
    if len(spans) != 1 or not spans[0]:
        return ""
    rest = CLOZE.sub("", head) + tail
    if "{{" in rest or "}}" in rest:
        return ""

    def mark(m: re.Match[str]) -> str:
        return "{{" + m.group(2).strip() + "}}" if int(m.group(1)) == number else m.group(2)

    return CLOZE.sub(mark, head) + tail


def to_cloze(before: str, span: str, after: str) -> str:
    """A statement's parts as Anki cloze text: the span as {{c1::...}} (the inverse of Cloze.statement)."""
    return f"{before}{{{{c1::{span}}}}}{after}"
