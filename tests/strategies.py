"""Hypothesis strategies for decks, shared by every property test: any deck the loader accepts.

`decks()` draws every field a deck file can set (sources, topics, glossary, whys, priorities,
typed-answer variants...), so a property over decks is a property over what authors can write.
Its facts share a few groups ("a", "b") often, so questions borrow wrong options across facts.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from quiz.deck.model import PRIORITIES, Deck, Fact, Source, Topic
from quiz.deck.options import Said, group_repeats, on_screen
from quiz.deck.text import blank, normalize, term_id

# Directional formatting characters: the loader rejects them (they can reorder what a reader sees).
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# Characters TOML and Markdown act on, drawn often so that writers and escapers meet them.
SPECIAL = "\"'\\[]{}#=<>&|*_`"


def texts(*, lines: bool = True, max_size: int = 30) -> st.SearchStrategy[str]:
    """Any text the loader lets through in a deck's text field: no control characters but tab (and
    newline when `lines`), no bidi controls, not blank (quiz.deck.text.blank: a soft hyphen alone
    shows nothing, and is empty). Without `lines`, no line or paragraph
    separator either (U+2028, U+2029): one line, as an answer or an option is written."""
    separators = () if lines else ("Zl", "Zp")
    characters = st.characters(
        exclude_categories=("Cc", "Cs", *separators),
        exclude_characters=BIDI_CONTROLS,
        include_characters=("\n\t" if lines else "\t") + SPECIAL,
    )
    return st.text(characters, min_size=1, max_size=max_size).filter(lambda s: not blank(s))


TEXT = texts()
"""Any deck text, lines and all."""
LINE = texts(lines=False, max_size=20)
"""Any deck text on one line."""
SLUG = st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}", fullmatch=True)
"""An id as decks write them: lowercase letters and digits in parts joined by hyphens."""

# Short answers of words and numbers, the kind typed answers are made for.
WORD = st.text(st.sampled_from("abcdeilnorstuCDLS"), min_size=1, max_size=9)
NUMBER = st.builds(lambda n, pct: f"{n}{'%' if pct else ''}", st.integers(0, 999), st.booleans())
SHORT = st.lists(WORD | NUMBER, min_size=1, max_size=3).map(" ".join)
"""One to three words or numbers ("12 Lung", "5%"), as short typed answers are."""


def optional(strategy: st.SearchStrategy[str] = TEXT) -> st.SearchStrategy[str]:
    """The strategy's text, or "" (a key left out)."""
    return st.just("") | strategy


@st.composite
def decks(
    draw: st.DrawFn, answers: st.SearchStrategy[str] = LINE, *, max_facts: int = 4, max_distractors: int = 3
) -> Deck:
    """A deck the loader accepts, of 1 to `max_facts` facts whose answers, wrong options and accepted
    variants are drawn from `answers`: no wrong option says what the answer, an accepted variant or
    another option says (quiz.deck.options.Said) or looks like (on_screen), in its fact or its
    group, no accepted variant says a number the answer does not (Said.other_numbers), and no two
    glossary terms share a history id (term_id), look alike or say the same, as the loader requires."""
    language = draw(st.sampled_from(["en", "de", "fr-CA"]))
    said = Said(language)
    source_ids = draw(st.lists(SLUG, unique=True, max_size=2))
    topic_pool = draw(st.lists(SLUG, unique=True, max_size=3))
    facts = []
    for fact_id in draw(st.lists(SLUG, unique=True, min_size=1, max_size=max_facts)):
        answer = draw(answers)
        accept = tuple(t for t in draw(st.lists(answers, max_size=1)) if not said.other_numbers(answer, t))
        drawn = draw(st.lists(answers, max_size=max_distractors, unique_by=normalize))
        seen = {said.key(t)[0] for t in (answer, *accept)}
        looks = {on_screen(answer)}  # options drawn alike ("O" and "0") are refused too
        distractors = []
        for d in drawn:
            if normalize(d) != normalize(answer) and said.key(d)[0] not in seen and on_screen(d) not in looks:
                seen.add(said.key(d)[0])
                looks.add(on_screen(d))
                distractors.append(d)
        whys = tuple(draw(optional()) for _ in distractors)
        facts.append(
            Fact(
                id=fact_id,
                question=draw(TEXT),
                answer=answer,
                distractors=tuple(distractors),
                explanation=draw(optional()),
                source=draw(st.sampled_from(["", *source_ids])),
                refs=draw(optional()),
                group=draw(st.sampled_from(["", "a", "b"]) | LINE),
                tags=tuple(draw(st.lists(LINE, max_size=2))),
                accept=accept,
                allow=tuple(draw(st.lists(SLUG, max_size=2))),
                topic=draw(st.sampled_from(topic_pool)) if topic_pool else "",
                priority=draw(st.sampled_from(PRIORITIES)),
                whys=whys if any(whys) else (),
            )
        )
    while offenders := {i for i, _, _ in group_repeats(facts, said)}:  # out of their group, then
        facts = [f._replace(group="") if i in offenders else f for i, f in enumerate(facts)]
    terms: dict[str, tuple[str, str]] = {}
    taken: set[object] = set()  # a term's history id, how it looks and what it says: each refused twice
    for term, meaning in draw(st.dictionaries(TEXT, TEXT, max_size=3)).items():
        marks = {term_id(term), on_screen(term), said.key(term)[0]}
        if taken.isdisjoint(marks):
            taken |= marks
            terms[term_id(term)] = (term, meaning)
    used = {f.topic for f in facts}
    return Deck(
        id=draw(SLUG),
        title=draw(TEXT),
        facts=tuple(facts),
        description=draw(optional()),
        language=language,
        audience=draw(optional()),
        version=draw(optional()),
        reviewed=draw(st.none() | st.dates(dt.date(2000, 1, 1))),
        disclaimer=draw(optional()),
        tags=tuple(draw(st.lists(LINE, max_size=2))),
        sources=tuple(
            Source(id=s, title=draw(TEXT), publisher=draw(optional()), url=draw(optional())) for s in source_ids
        ),
        glossary=tuple(terms.values()),
        topics=tuple(Topic(id=t, title=draw(TEXT), summary=draw(optional())) for t in topic_pool if t in used),
    )
