"""The deck corpus: every valid deck loads; every invalid deck gives the message and line it must."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quiz.deck.errors import DeckError
from quiz.deck.load import load_deck

CORPUS = Path(__file__).parent / "data" / "decks"
VALID = sorted((CORPUS / "valid").glob("*.toml"))
INVALID = sorted((CORPUS / "invalid").glob("*.toml"))
EXPECT = re.compile(r"^# expect: (?:(\d+):(\d+): )?(.+)$", re.M)


def expectations(path: Path) -> list[tuple[int | None, int | None, str]]:
    found = [
        (int(line) if line else None, int(col) if col else None, msg)
        for line, col, msg in EXPECT.findall(path.read_text(encoding="utf-8"))
    ]
    assert found, f"{path.name} has no '# expect:' line"
    return found


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_deck_loads(path: Path) -> None:
    deck = load_deck(path)
    assert deck.facts
    assert len({f.id for f in deck.facts}) == len(deck.facts)


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_invalid_deck_reports_each_expected_problem(path: Path) -> None:
    with pytest.raises(DeckError) as info:
        load_deck(path)
    lines = str(info.value).splitlines()
    for line, col, msg in expectations(path):
        prefix = f"{path}:{line}:{col}: " if line else f"{path}: "
        assert any(ln.startswith(prefix) and msg in ln for ln in lines), (prefix + msg, lines)


def test_complete_deck_keeps_every_key() -> None:
    deck = load_deck(CORPUS / "valid" / "complete.toml")
    assert deck.id == "hand-hygiene"
    assert deck.version == "1.2.0"
    assert deck.reviewed is not None and deck.reviewed.isoformat() == "2026-11-27"
    assert deck.glossary == (("hand sanitizer", "A gel or liquid that kills germs on the hands."),)
    wash = deck.fact("wash-seconds")
    assert wash.distractors == ("5 seconds", "60 seconds", "2 seconds")
    assert wash.accept == ("twenty seconds",)
    assert wash.where("refs") == (31, 1)
    assert deck.fact("sanitizer-alcohol").allow == ("answer-cue-word",)
    assert deck.fact("dry-hands").question == "What should you use to dry your hands\nafter washing them?"
    assert deck.source("demo-source") is not None
