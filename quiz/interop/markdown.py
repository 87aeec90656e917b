"""Markdown handouts: a whole deck to print or share, and the list of questions a person missed.

Deck text is written so that it reads as written both as plain text and once rendered (CommonMark,
GitHub's Markdown, Pandoc's Markdown): characters that Markdown (or the math of GitHub and Pandoc:
`$x$`, or Pandoc's citations: `@smith2004`) would act on are escaped with a backslash, line breaks
are kept, and numbers are left alone except that a list marker opening a line ("3.", "IV.", "B)",
"(1)") keeps its "." or ")" from starting a list.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Sequence

from quiz.curriculum import by_topic
from quiz.deck.model import MUST_KNOW, Deck, Fact, Topic, citation

# Backslash-escaped wherever they appear: emphasis, code, links, HTML, entities, strikethrough, tables,
# math (`$x$` and `$$x$$` are TeX on GitHub, GitLab, Pandoc and Obsidian; `\$` is a dollar in each) and
# Pandoc's superscript (`2^10^`), `@`, which starts a citation (`@smith2004`) or an example list
# item (`(@)`) in Pandoc, and `{`, which opens attributes (a heading's `{#id}`, Pandoc's and
# markdown-it-attrs' `{.class}`).
_INLINE = re.compile(r"([\\`*_\[\]<>&~|$^@{])")
# Each mark of a pair that an extension of Markdown acts on: `==` (a highlight, in Obsidian and
# others) and `%%` (a comment, which Obsidian hides). One alone is left as it is ("a = b", "60%").
_PAIRED = re.compile(r"([=%])(?=\1)|(?<=([=%]))\2")
# Escaped where they open a line as Markdown reads it: headings, quotes, list items, setext underlines,
# a table's delimiter row (":-:" under any line makes that line a table's header), and Pandoc's
# definitions (": definition" or "~ definition" under a term), fenced divs (":::") and title block ("%").
_LINE_START = re.compile(r"\A(?:#{1,6}(?=\s|\Z)|>|[-+](?=\s|\Z)|[-=]+\s*\Z|(?=[-:\s]*-[-:\s]*\Z)[-:]|[:%])")
# An ordered list's marker opening a line, its "." or ")" escaped: CommonMark's "1." and "1)", and
# Pandoc's fancy lists ("IV.", "B)", "i.", "(1)", "(a)", "#.": pandoc.org/MANUAL.html#ordered-lists).
_ORDERED = re.compile(r"\A(\(?(?:\d+|[A-Za-z]|[ivxlcdm]+|[IVXLCDM]+|#))([.)])(?=\s|\Z)")


def escape(text: str) -> str:
    """One line of deck text, with what Markdown would act on escaped."""
    text = _INLINE.sub(r"\\\1", text.strip())
    text = _PAIRED.sub(lambda m: "\\" + m.group(), text)
    text = _ORDERED.sub(r"\1\\\2", text)
    return _LINE_START.sub(lambda m: "\\" + m.group(), text)


def heading(level: int, text: str) -> str:
    """A heading of deck text on one line: escaped, a run of # at its end kept as text (read as the
    heading's closing sequence, and dropped, after a space in CommonMark, after anything in Pandoc: "C#")."""
    text = " ".join(text.split())
    body = text.rstrip("#")
    hashes = "\\" + text[len(body) :] if len(body) < len(text) else ""
    return "#" * level + " " + escape(body) + (" " if body.endswith(" ") else "") + hashes


def block(text: str) -> str:
    """Deck text as Markdown: escaped, its line breaks kept, its blank lines starting new paragraphs."""
    paragraphs = [p for p in re.split(r"\n[ \t]*\n", text.strip()) if p.strip()]
    return "\n\n".join("\\\n".join(escape(line) for line in p.split("\n") if line.strip()) for p in paragraphs)


def _source_line(deck: Deck, fact: Fact) -> str:
    source = deck.source(fact.source) if fact.source else None
    if source is not None:
        source = source._replace(title=escape(source.title), publisher=escape(source.publisher))
    text = citation(source, escape(fact.refs))
    return f"*Source:* {text}" if source else text[:1].upper() + text[1:]


def _whys(fact: Fact) -> list[str]:
    """Each distractor that has a why, with it, as a list under a heading line."""
    items = [
        f"- *{escape(' '.join(text.split()))}*: {escape(' '.join(why.split()))}"
        for text, why in zip(fact.distractors, fact.whys, strict=False)
        if why
    ]
    return ["**Why not the other answers:**", "\n".join(items)] if items else []


_QUESTION_HEADING = re.compile(r"^### Question \d+", re.MULTILINE)
_ANSWER_LINE = re.compile(r"^\*\*(?:Correct answer|Answer):\*\* ", re.MULTILINE)


def is_handout(text: str) -> bool:
    """Whether text is (the start of) a handout this module writes: a question's heading and an
    answer's line, as _fact_section writes them (in the deck's handout and the missed list)."""
    return bool(_QUESTION_HEADING.search(text) and _ANSWER_LINE.search(text))


def _fact_section(deck: Deck, fact: Fact, n: int, *, answered: str | None = None) -> list[str]:
    must = " (must-know)" if fact.priority == MUST_KNOW else ""
    parts = [f"### Question {n}{must}", block(fact.question)]
    if answered is not None:
        parts.append(f"**Your answer:** {block(answered) or '(none)'}")
    parts.append(f"**{'Correct answer' if answered is not None else 'Answer'}:** {block(fact.answer)}")
    if fact.explanation:
        parts.append(block(fact.explanation))
    parts += _whys(fact)
    source = _source_line(deck, fact)
    if source:
        parts.append(source)
    return parts


def _sources_section(deck: Deck) -> list[str]:
    if not deck.sources:
        return []
    items = []
    for source in deck.sources:
        line = f"- {escape(source.title)}"
        if source.publisher:
            line += f", {escape(source.publisher)}"
        if source.url:
            line += f": <{source.url}>" if _plain_url(source.url) else f": {escape(source.url)}"
        items.append(line)
    return ["## Sources", "\n".join(items)]


def _plain_url(url: str) -> bool:
    return re.fullmatch(r"https?://[^\s<>]+", url) is not None


def _glossary_section(deck: Deck) -> list[str]:
    if not deck.glossary:
        return []
    items = [f"- **{escape(term)}**: {escape(' '.join(definition.split()))}" for term, definition in deck.glossary]
    return ["## Glossary", "\n".join(items)]


def _heading(deck: Deck) -> list[str]:
    parts = [heading(1, deck.title)]
    if deck.description:
        parts.append(block(deck.description))
    if deck.disclaimer:
        parts.append("> " + block(deck.disclaimer).replace("\n", "\n> "))
    details = []
    if deck.audience:
        details.append(f"For: {escape(deck.audience)}")
    if deck.version:
        details.append(f"Version {escape(deck.version)}")
    if deck.reviewed:
        details.append(f"Reviewed {deck.reviewed.isoformat()}")
    if details:
        parts.append(" · ".join(details))
    return parts


def _topic_heading(topic: Topic | None) -> list[str]:
    if topic is None:
        return ["## Questions and answers"]
    parts = [heading(2, topic.title)]
    if topic.summary:
        parts.append(block(topic.summary))
    return parts


def deck_handout(deck: Deck) -> str:
    """The deck as a readable handout: title, disclaimer, sources, glossary, then every fact.

    A deck with topics has a section per topic (its title and summary); must-know facts are marked
    "(must-know)" in words, and each wrong option's why follows the fact.
    """
    parts = _heading(deck) + _sources_section(deck) + _glossary_section(deck)
    n = 0
    for topic, facts in by_topic(deck, deck.facts):
        parts += _topic_heading(topic)
        for fact in facts:
            n += 1
            parts += _fact_section(deck, fact, n)
    return "\n\n".join(parts) + "\n"


def missed_list(
    deck: Deck,
    missed: Sequence[tuple[Fact, str]],
    *,
    title: str,
    when: dt.datetime | None = None,
    sure: Collection[str] = (),
) -> str:
    """The questions a person missed, with what they answered, to take to a clinic visit.

    The facts in `sure` (ids of facts answered wrong at high certainty, quiz.certainty) come
    first, under a heading that invites the person to ask their care team about them. The rest
    are grouped by topic (in deck order), must-know misses first in each and marked "(must-know)";
    after those first, each group's heading says so ("Also missed: Diet", or "Also missed").
    """
    parts = [heading(1, title)]
    about = f"From the deck “{escape(' '.join(deck.title.split()))}”"
    if when is not None:
        about += f", {when.strftime('%Y-%m-%d %H:%M')}"
    parts.append(about)
    if deck.disclaimer:
        parts.append("> " + block(deck.disclaimer).replace("\n", "\n> "))
    if not missed:
        parts.append("No questions were missed.")
    answers = {fact.id: answered for fact, answered in missed}
    n = 0
    confident = [fact for fact, _ in missed if fact.id in sure]
    if confident:
        parts.append(heading(2, "You were sure, but..."))
        parts.append(
            "You were sure of these answers, and they were not right. They are worth asking your care team about."
        )
        for fact in confident:
            n += 1
            parts += _fact_section(deck, fact, n, answered=answers[fact.id])
    rest = [fact for fact, _ in missed if fact.id not in sure]
    for topic, facts in by_topic(deck, rest, priority_first=True):
        if topic is not None or confident:  # the rest after those: "Also missed", by topic ("Also missed: Diet")
            name = topic.title if topic is not None else ""
            parts.append(heading(2, f"Also missed: {name}" if confident and name else name or "Also missed"))
        for fact in facts:
            n += 1
            parts += _fact_section(deck, fact, n, answered=answers[fact.id])
    parts += _sources_section(deck)
    return "\n\n".join(parts) + "\n"
