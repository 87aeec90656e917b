"""Anki cloze deletions ({{c1::answer}} or {{c1::answer::hint}}) as question-and-answer pairs.

As Anki makes one card per cloze number, this makes one pair per number: the question is the
text with that number's spans blanked (a hint, where given, shown in the blank) and the others
shown as plain text; the answer is the blanked text, spans of one number joined by " ... ".
"""

from __future__ import annotations

import re
from typing import NamedTuple

CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.DOTALL)
BLANK = "[...]"


class Cloze(NamedTuple):
    """One card of a cloze note: its number, the text with blanks, and what fills them."""

    number: int
    question: str
    answer: str


def has_cloze(text: str) -> bool:
    """True when the text holds at least one cloze deletion."""
    return CLOZE.search(text) is not None


def clozes(text: str) -> list[Cloze]:
    """One Cloze per cloze number in the text, in number order; [] when there is none."""
    numbers = sorted({int(m.group(1)) for m in CLOZE.finditer(text)})
    cards = []
    for number in numbers:

        def blank(m: re.Match[str], number: int = number) -> str:
            if int(m.group(1)) != number:
                return m.group(2)
            return f"[{m.group(3)}]" if m.group(3) else BLANK

        answer = " ... ".join(m.group(2).strip() for m in CLOZE.finditer(text) if int(m.group(1)) == number)
        cards.append(Cloze(number, CLOZE.sub(blank, text), answer))
    return cards
