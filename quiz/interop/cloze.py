"""Anki cloze deletions ({{c1::answer}} or {{c1::answer::hint}}) as question-and-answer pairs.

As Anki makes one card per cloze number, this makes one pair per number: the question is the
text with that number's spans blanked (a hint, where given, shown in the blank) and the others
shown as plain text; the answer is the blanked text, spans of one number joined by " ... ".
A number with one span also gives the fact's statement (quiz.deck.statement): the text with that
span marked {{...}}, and the others as plain text.

Deletions nest as Anki 2.1.56+ reads them (rslib/src/cloze.rs): each "}}" closes the deletion
opened last, so `{{c1::outer {{c2::inner}} text}}` asks c1 as "[...]" (answer "outer inner
text") and c2 as "outer [...] text" (answer "inner"). A hint is what follows the first "::" in a
piece of a deletion's own text. A "}}" outside any deletion is text, as in Anki; a deletion never
closed, or nested deeper than Anki reads, is refused (ClozeError): its markup would be the fact.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

_TOKEN = re.compile(r"\{\{c([0-9]+)::|\}\}")
"""A deletion's start (its number in group 1) or an end, as Anki's tokenizer finds them."""
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

MAX_DEPTH = 10
"""The most deletions Anki reads open at once: it drops each start beyond them, so that its ends
close outer deletions (rslib/src/cloze.rs, parse_text_with_clozes). quiz refuses such a note."""


class ClozeError(ValueError):
    """Cloze text quiz cannot read as Anki does: the message says why, for the person importing."""


class TooManyClozes(ClozeError):
    """A note with more than MAX_CLOZES cloze numbers."""


@dataclass(slots=True)
class _Deletion:
    number: int
    nodes: list[str | _Deletion] = field(default_factory=list)
    hint: str = ""


def _parse(text: str) -> list[str | _Deletion]:
    """The text as plain pieces and deletions (nested as Anki nests them); ClozeError for a
    deletion never closed or nested past MAX_DEPTH. Linear in the text."""
    output: list[str | _Deletion] = []
    open_: list[_Deletion] = []
    at = 0

    def add_text(piece: str) -> None:
        if not piece:
            return
        if open_:
            head, colons, hint = piece.partition("::")
            if colons:
                open_[-1].hint = hint
            open_[-1].nodes.append(head)
        else:
            output.append(piece)

    for m in _TOKEN.finditer(text):
        add_text(text[at : m.start()])
        at = m.end()
        if m.group(1) is not None:
            if len(open_) == MAX_DEPTH:
                raise ClozeError(
                    f"cloze deletions nested more than {MAX_DEPTH} deep, which Anki does not read as written; "
                    "take some of them out of the others"
                )
            open_.append(_Deletion(int(m.group(1))))
        elif open_:
            done = open_.pop()
            (open_[-1].nodes if open_ else output).append(done)
        else:
            output.append(m.group())  # an end outside any deletion is text, as in Anki
    add_text(text[at:])
    if open_:
        raise ClozeError(
            f"the cloze deletion {{{{c{open_[0].number}::... is never closed with }}}}; close it and import again"
        )
    return output


def _numbers(nodes: list[str | _Deletion]) -> set[int]:
    found: set[int] = set()
    stack = list(nodes)
    while stack:
        node = stack.pop()
        if isinstance(node, _Deletion):
            found.add(node.number)
            stack += node.nodes
    return found


def _render(nodes: list[str | _Deletion], number: int, shown: Callable[[_Deletion, str], str]) -> str:
    """The nodes as text: each deletion of `number` (not inside another of it) as `shown` gives
    it from the deletion and its text, each other deletion as its text."""
    parts = []
    for node in nodes:
        if isinstance(node, str):
            parts.append(node)
        elif node.number == number:
            parts.append(shown(node, _render(node.nodes, -1, shown)))
        else:
            parts.append(_render(node.nodes, number, shown))
    return "".join(parts)


class _Flat:
    """The top-level nodes as text, each deletion as its own text (its number -1 in _render), and
    where each number's deletions stand among them: a number never inside another deletion is
    rendered by putting its deletions in that list and joining it, not by walking every node again
    (_render), so that a note of 100 deletions makes its 100 cards in linear time each, in C."""

    def __init__(self, nodes: list[str | _Deletion]) -> None:
        self.nodes = nodes
        self.texts = [n if isinstance(n, str) else _render(n.nodes, -1, _blank) for n in nodes]
        self.places: dict[int, list[int]] = {}
        for i, node in enumerate(nodes):
            if isinstance(node, _Deletion):
                self.places.setdefault(node.number, []).append(i)
        self.inner = _numbers([child for n in nodes if isinstance(n, _Deletion) for child in n.nodes])

    def render(self, number: int, shown: Callable[[_Deletion, str], str]) -> str:
        """_render(nodes, number, shown), the same text."""
        if number in self.inner:  # inside another deletion: the walk (rare)
            return _render(self.nodes, number, shown)
        parts = list(self.texts)
        for i in self.places.get(number, ()):
            node = self.nodes[i]
            assert isinstance(node, _Deletion)
            parts[i] = shown(node, self.texts[i])
        return "".join(parts)


def _blank(deletion: _Deletion, text: str) -> str:
    return f"[{deletion.hint}]" if deletion.hint else BLANK


def has_cloze(text: str) -> bool:
    """True when the text holds a cloze deletion: a start with an end after it."""
    start = re.search(r"\{\{c[0-9]+::", text)
    return start is not None and "}}" in text[start.end() :]


def cloze_numbers(text: str) -> set[int]:
    """The numbers of the text's cloze deletions, each a card (c0 makes none), read at C speed:
    those of `clozes` where it reads the text (it refuses a deletion never closed)."""
    return {int(n) for n in _TOKEN.findall(text) if n} - {0}


def clozes(text: str, max_chars: int | None = None) -> list[Cloze]:
    """One Cloze per cloze number in the text, in number order; [] when there is none;
    TooManyClozes past MAX_CLOZES numbers; ClozeError for a deletion never closed or nested
    deeper than Anki reads (MAX_DEPTH), and, where `max_chars` is given, as soon as a card's
    question or statement is longer (a note of 100 deletions in 40,000 characters of text is
    refused at its first card, not after its hundred are made: each of them is as long)."""
    nodes = _parse(text)
    numbers = sorted(_numbers(nodes) - {0})  # Anki makes no card of c0, and shows its text
    if len(numbers) > MAX_CLOZES:
        many = f"{len(numbers):,} cloze numbers"
        raise TooManyClozes(
            f"a cloze note of {many}, more than the {MAX_CLOZES} a note may have; split it into several notes"
        )
    cards = []
    flat = _Flat(nodes)
    for number in numbers:
        spans: list[str] = []

        def blank(deletion: _Deletion, text: str, spans: list[str] = spans) -> str:
            spans.append(text.strip())
            return _blank(deletion, text)

        question = flat.render(number, blank)
        statement = ""
        if len(spans) == 1 and spans[0] and "{{" not in spans[0]:
            rest = flat.render(number, lambda deletion, text: "")
            if "{{" not in rest and "}}" not in rest:
                statement = flat.render(number, lambda deletion, text: "{{" + text.strip() + "}}")
        if max_chars is not None:
            for name, made in (("question", question), ("statement", statement)):
                if len(made) > max_chars:
                    raise ClozeError(
                        f'"{name}" is {len(made):,} characters long (cloze deletion c{number}); the limit is '
                        f'{max_chars:,} (see "Limits" in docs/deck-format.md): split the note into shorter ones'
                    )
        cards.append(Cloze(number, question, " ... ".join(spans), statement))
    return cards


def to_cloze(before: str, span: str, after: str) -> str:
    """A statement's parts as Anki cloze text: the span as {{c1::...}} (the inverse of Cloze.statement)."""
    return f"{before}{{{{c1::{span}}}}}{after}"
