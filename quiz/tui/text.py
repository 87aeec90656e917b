"""Deck text made safe for the screen: never parsed as markup, glossary terms marked."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.cells import cell_len, get_character_cell_size, set_cell_size
from textual.content import Content

from quiz.deck.model import Source, citation
from quiz.glossary import term_spans
from quiz.plural import plural
from quiz.schedule import NEW_PER_SESSION
from quiz.sitting import ReviewSize
from quiz.store import DeckDue, DueCounts
from quiz.untrusted import visible

if TYPE_CHECKING:
    from quiz.words_shown import WordsToKnow  # the study screen's: Home never imports it

TERM_STYLE = "bold underline"


def plain(text: str, style: str = "") -> Content:
    """Deck or file text as it was written: brackets and all, never markup, and any character a
    terminal would act on (ESC, C1, bidi overrides) shown as an escape (quiz.untrusted.visible)."""
    text = visible(text, lines=True)
    return Content.styled(text, style) if style else Content(text)


def fit(text: str, width: int) -> str:
    """Shorten text to `width` cells of the screen with an ellipsis, so a long title never pushes a
    table's columns off an 80-column screen. Cells, not characters: a Chinese character takes two."""
    return text if cell_len(text) <= width else set_cell_size(text, width - 1).rstrip() + "…"


WORD_CUT = 15
"""fit_middle leaves out the part of a word (up to this many cells more) rather than show it cut."""


def fit_middle(text: str, width: int) -> str:
    """Shorten text to `width` cells by leaving out its middle: questions that begin alike ("In a
    trial of people with 1 to 3 liver metastases ...") stay apart by how they end. The cut falls
    between words where a space is within WORD_CUT cells of it, the part of a word left out ("Which
    local way to…material inside", not "…adioactive material"): a reader knows a question by its words."""
    if cell_len(text) <= width:
        return text
    head = set_cell_size(text, width // 3).rstrip()
    tail = _last_cells(text, width - width // 3 - 1)  # the end whole, spaces too
    if text[len(head) : len(head) + 1] not in ("", " ") and " " in head[-WORD_CUT:]:
        head = head[: head.rindex(" ")].rstrip()
    if text[-len(tail) - 1 : -len(tail)] not in ("", " ") and " " in tail[:WORD_CUT]:
        tail = tail[tail.index(" ") + 1 :]
    return head + "…" + tail


def _last_cells(text: str, width: int) -> str:
    """The longest end of `text` that takes at most `width` cells."""
    used = 0
    for i in range(len(text) - 1, -1, -1):
        used += get_character_cell_size(text[i])
        if used > width:
            return text[i + 1 :]
    return text


def with_terms(text: str, glossary: Sequence[tuple[str, str]]) -> Content:
    """Deck text with its glossary terms (quiz.glossary.term_spans) underlined and bold, marked by
    more than colour; each piece made safe as plain() makes it (found in the text as written)."""
    parts, at = [], 0
    for start, end, _term in term_spans(text, (term for term, _ in glossary)):
        parts += [plain(text[at:start]), plain(text[start:end], TERM_STYLE)]
        at = end
    parts.append(plain(text[at:]))
    return Content.assemble(*parts)


PRACTICE = "Practice: these answers are not saved to your history. Review brings each fact back when it is due."
"""What the study screen and the summary say of a retry of the missed ones (quiz.study.StudyRun.practice)."""


def source_line(source: Source | None, refs: str) -> str:
    """'Source: <title> (<publisher>), references 69-75' (quiz.deck.model.citation), or an honest 'none given'."""
    if source is None:
        return "Source: none given" + (f" ({citation(None, refs)})" if refs else "")
    return f"Source: {citation(source, refs)}"


def percent(correct: int, answered: int) -> str:
    """A score as '7 of 10 (70%)'."""
    if not answered:
        return "no answers yet"
    return f"{correct} of {answered} ({correct / answered:.0%})"


def due_lines(due: DeckDue, *, planned: bool = False) -> list[str]:
    """What a deck has to review, each line naming what it counts and adding up to it:
    'Facts (60): 2 due now · 25 later today · 0 after today · 33 new', the same of its words to
    know when it has any, and what a review brings in (with `planned`, a visit plan: quiz.visit)."""
    lines = [_parts("Facts", due.facts)]
    if due.words.total:
        lines.append(_parts("Words to know", due.words))
    lines.append(
        "Review follows your visit plan."
        if planned
        else f"A review asks what is due now and brings in up to {NEW_PER_SESSION} new facts."
    )
    return lines


def _parts(name: str, counts: DueCounts) -> str:
    return (
        f"{name} ({counts.total}): {counts.now} due now · {counts.later_today} later today · "
        f"{counts.later} after today · {counts.new} new"
    )


def held_back_line(words: WordsToKnow) -> str:
    """What the glossary list says of the words on screen it explains only after the answer
    (quiz.words_shown.words_to_know): "1 word here is explained after you answer. Its meaning could
    hint at the answer."; "" when there are none. "more" when the list shows others above it;
    "maybe" for a true-or-false sentence whose changing part may hold one (WordsToKnow.maybe_more).
    "could", not "would": the rule is cautious (a meaning that shares a word with a wrong option of
    a true-or-false sentence is held back too), so a word held back may have told nothing."""
    n = words.held
    why = "Their meanings could hint at the answer." if n > 1 else "Its meaning could hint at the answer."
    if not n:
        maybe = "Another word" if words.shown else "A word"
        return f"{maybe} here may be explained after you answer. {why}" if words.maybe_more else ""
    count = plural(n, "more word" if words.shown else "word")
    also = ", and maybe more" if words.maybe_more else ""
    return f"{count} here {'is' if n == 1 else 'are'} explained after you answer{also}. {why}"


def review_line(size: ReviewSize) -> str:
    """What a review asks now, as the study menu says it: "5 due now, up to 2 new", or, in a deck
    with glossary words (a review asks those due by matching, and brings in new facts only), "7
    facts and words due now, up to 1 new" ("none new" without any). New facts are "up to": one
    whose answer the feedback before it would give away is left for another sitting
    (quiz.apart.kept_apart), which only making the questions tells (a tester's menu said 3 new,
    and the review brought 2). Short, as the menu's line fits 80 columns with a scroll bar beside."""
    new = f"up to {size.new} new" if size.new else "none new"  # short: the menu's line at 80 columns
    if size.glossary:
        return f"{plural(size.facts + size.words, 'fact or word', 'facts and words')} due now, {new}"
    return f"{size.facts} due now, {new}"
