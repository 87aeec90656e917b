"""Deck text made safe for the screen: never parsed as markup, glossary terms marked."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from textual.content import Content

from quiz.deck.model import Source

TERM_STYLE = "bold underline"


def plain(text: str, style: str = "") -> Content:
    """Deck text as it was written: brackets and all, never markup."""
    return Content.styled(text, style) if style else Content(text)


def fit(text: str, width: int) -> str:
    """Shorten text to `width` characters with an ellipsis, so a long title never pushes a table's
    columns off an 80-column screen."""
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _term_pattern(terms: Iterable[str]) -> re.Pattern[str] | None:
    ordered = sorted({t for t in terms if t.strip()}, key=len, reverse=True)
    if not ordered:
        return None
    alternatives = "|".join(re.escape(t) for t in ordered)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def terms_in(text: str, glossary: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """The glossary entries whose term appears in `text`, in glossary order."""
    pattern = _term_pattern(term for term, _ in glossary)
    if pattern is None:
        return []
    found = {m.group().casefold() for m in pattern.finditer(text)}
    return [(term, meaning) for term, meaning in glossary if term.casefold() in found]


def with_terms(text: str, glossary: Sequence[tuple[str, str]]) -> Content:
    """Deck text with its glossary terms underlined and bold (marked by more than colour)."""
    content = Content(text)
    pattern = _term_pattern(term for term, _ in glossary)
    if pattern is None:
        return content
    for match in pattern.finditer(text):
        content = content.stylize(TERM_STYLE, match.start(), match.end())
    return content


def source_line(source: Source | None, refs: str) -> str:
    """'Source: <title> (<publisher>), references 69-75', or an honest 'no source given'."""
    if source is None:
        return "Source: none given" + (f" (references {refs})" if refs else "")
    who = f" ({source.publisher})" if source.publisher else ""
    where = f", references {refs}" if refs else ""
    return f"Source: {source.title}{who}{where}"


def percent(correct: int, answered: int) -> str:
    """A score as '7 of 10 (70%)'."""
    if not answered:
        return "no answers yet"
    return f"{correct} of {answered} ({correct / answered:.0%})"
