"""deck_to_toml writes decks that load back as the same deck, with every text kept exactly."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.deck.load import load_deck, parse_deck
from quiz.deck.model import PRIORITIES, Deck, Fact, Source, Topic
from quiz.deck.text import normalize
from quiz.deck.write import deck_to_toml

DATA = Path(__file__).parent / "data" / "decks" / "valid"
_BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

texts = st.text(
    alphabet=st.characters(exclude_categories=("Cs", "Cc"), include_characters="\n\t\"'\\[]{}#=<>&"),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip() and not (_BIDI & set(s)))
optional = st.one_of(st.just(""), texts)
slugs = st.lists(st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=6), min_size=1, max_size=3).map(
    "-".join
)


@st.composite
def decks(draw: st.DrawFn) -> Deck:
    source_ids = draw(st.lists(slugs, unique=True, max_size=3))
    sources = tuple(Source(id=s, title=draw(texts), publisher=draw(optional), url=draw(optional)) for s in source_ids)
    topic_pool = draw(st.lists(slugs, unique=True, max_size=3))
    facts = []
    for fid in draw(st.lists(slugs, unique=True, min_size=1, max_size=4)):
        answer = draw(texts)
        distractors = [
            d for d in draw(st.lists(texts, max_size=3, unique_by=normalize)) if normalize(d) != normalize(answer)
        ]
        whys = tuple(draw(optional) for _ in distractors)
        facts.append(
            Fact(
                id=fid,
                question=draw(texts),
                answer=answer,
                distractors=tuple(distractors),
                explanation=draw(optional),
                source=draw(st.sampled_from(["", *source_ids])),
                refs=draw(optional),
                group=draw(optional),
                tags=tuple(draw(st.lists(texts, max_size=2))),
                accept=tuple(draw(st.lists(texts, max_size=2))),
                allow=tuple(draw(st.lists(slugs, max_size=2))),
                topic=draw(st.sampled_from(topic_pool)) if topic_pool else "",
                priority=draw(st.sampled_from(PRIORITIES)),
                whys=whys if any(whys) else (),
            )
        )
    used = {f.topic for f in facts}
    return Deck(
        id=draw(slugs),
        title=draw(texts),
        facts=tuple(facts),
        description=draw(optional),
        language=draw(st.sampled_from(["en", "de", "fr-CA"])),
        audience=draw(optional),
        version=draw(optional),
        reviewed=draw(st.none() | st.dates()),
        disclaimer=draw(optional),
        tags=tuple(draw(st.lists(texts, max_size=3))),
        sources=sources,
        glossary=tuple(draw(st.dictionaries(texts, texts, max_size=3)).items()),
        topics=tuple(Topic(id=t, title=draw(texts), summary=draw(optional)) for t in topic_pool if t in used),
    )


@settings(max_examples=100, deadline=None)
@given(decks())
def test_any_deck_round_trips(deck: Deck) -> None:
    assert parse_deck(deck_to_toml(deck), "x.toml") == deck._replace(path=Path("x.toml"))


def test_written_deck_reads_like_an_authors() -> None:
    deck = load_deck(DATA / "complete.toml")
    text = deck_to_toml(deck)
    assert parse_deck(text, DATA / "complete.toml") == deck
    assert text.startswith("format = 1\n\n[deck]\n")
    assert 'distractors = ["5 seconds", "60 seconds", "2 seconds"]' in text
    assert "reviewed = 2026-11-27" in text
    assert '"hand sanitizer" = ' in text
    assert 'question = """\nWhat should you use to dry your hands\nafter washing them?"""' in text


def test_empty_optional_keys_are_left_out() -> None:
    deck = Deck(id="d", title="D", facts=(Fact(id="f", question="Q?", answer="A"),))
    assert deck_to_toml(deck) == (
        'format = 1\n\n[deck]\nid = "d"\ntitle = "D"\nlanguage = "en"\n\n'
        '[[facts]]\nid = "f"\nquestion = "Q?"\nanswer = "A"\n'
    )
