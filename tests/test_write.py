"""deck_to_toml writes decks that load back as the same deck, with every text kept exactly."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings

from quiz.deck.load import load_deck, parse_deck
from quiz.deck.model import Deck, Fact
from quiz.deck.write import deck_to_toml
from tests.strategies import decks

DATA = Path(__file__).parent / "data" / "decks" / "valid"


@pytest.mark.slow
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
