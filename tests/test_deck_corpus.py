"""The deck corpus: every valid deck loads; every invalid deck gives the message and line it must."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quiz.deck.errors import DeckError
from quiz.deck.load import load_deck, read_with_positions

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
    deck, positions = read_with_positions(CORPUS / "valid" / "complete.toml")
    assert deck.id == "hand-hygiene"
    assert deck.version == "1.2.0"
    assert deck.reviewed is not None and deck.reviewed.isoformat() == "2026-11-27"
    assert deck.glossary == (("hand sanitizer", "A gel or liquid that kills germs on the hands."),)
    wash = deck.fact("wash-seconds")
    assert wash.distractors == ("5 seconds", "60 seconds", "2 seconds")
    assert wash.accept == ("twenty seconds",)
    assert positions.fact(deck.facts.index(wash), "refs") == (31, 1)
    assert deck.fact("sanitizer-alcohol").allow == ("answer-cue-word",)
    assert deck.fact("dry-hands").question == "What should you use to dry your hands\nafter washing them?"
    assert deck.source("demo-source") is not None


def test_topics_deck_keeps_topics_priorities_and_whys() -> None:
    deck = load_deck(CORPUS / "valid" / "topics.toml")
    assert [(t.id, t.title) for t in deck.topics] == [("spread", "Liver spread"), ("call", "When to call")]
    assert deck.topic("call").summary == "Signs that need a call to the care team the same day."  # type: ignore[union-attr]
    fever = deck.fact("fever-call")
    assert (fever.topic, fever.priority) == ("call", "must-know")
    assert fever.distractors == (
        "Wait a day to see if it goes away",
        "Take a paracetamol and go to bed",
        "Drink more water",
    )
    assert fever.whys[2] == "" and fever.why("Drink more water") == ""
    assert fever.why("Take a paracetamol and go to bed").startswith("Medicine can hide the fever")
    assert deck.fact("liver-treat").priority == "should-know"  # the default
    assert deck.fact("liver-treat").whys == (
        "",
        "Surgery is possible only when the liver spots can all be removed safely.",
    )
    assert deck.fact("liver-segments").whys == ()  # no why given: none kept


def test_the_documented_example_is_a_valid_deck_with_every_key() -> None:
    doc = (Path(__file__).parent.parent / "docs" / "deck-format.md").read_text(encoding="utf-8")
    example = re.search(r"```toml\n(.*?)```", doc, re.S)
    assert example is not None
    from quiz.deck.load import parse_deck

    deck = parse_deck(example.group(1), "deck-format.md")
    [fact] = deck.facts
    assert [t.id for t in deck.topics] == [fact.topic] == ["washing"]
    assert fact.priority == "must-know" and fact.why("5 seconds")


def test_many_raw_control_characters_are_named_up_to_a_limit_then_counted() -> None:
    from quiz.deck.load import MAX_CONTROL_PROBLEMS, parse_deck

    text = 'format = 1\n[deck]\nid = "d"\ntitle = "T"\n' + "# \x07\n" * (MAX_CONTROL_PROBLEMS + 5)
    with pytest.raises(DeckError) as info:
        parse_deck(text + '[[facts]]\nid = "a"\nquestion = "Q?"\nanswer = 5\n')
    said = [p.message for p in info.value.problems]
    assert sum("U+0007" in m for m in said) == MAX_CONTROL_PROBLEMS
    assert "and 5 more control characters, which are not allowed" in said
    assert any('"answer" must be text' in m for m in said)  # the deck's other problems too


def test_a_control_character_between_items_of_a_list_is_the_one_problem_said() -> None:
    """Read as a space, a stray BEL between two items is no mistake of TOML's: the list is not
    called open, as it was when the character was read as U+FFFD (a review)."""
    from quiz.deck.load import parse_deck

    head = 'format = 1\n[deck]\nid = "d"\ntitle = "T"\n[[facts]]\nid = "a"\nquestion = "Q?"\nanswer = "x"\n'
    for lists in ('accept = ["a"\x07, "b"]\n', 'accept = [\n  "a"\x07\n]\n'):
        with pytest.raises(DeckError) as info:
            parse_deck(head + lists)
        assert [p.message for p in info.value.problems] == [
            "the file contains the control character U+0007, which is not allowed"
        ]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-16"])
def test_a_deck_saved_as_utf16_is_named_so_at_once(tmp_path: Path, encoding: str) -> None:
    """Without its byte-order mark, UTF-16 text is UTF-8 with a NUL beside every letter: quiz check
    took 19 s naming each NUL (a review). It is named for what it is."""
    path = tmp_path / "d.toml"
    path.write_bytes((CORPUS / "valid" / "complete.toml").read_text(encoding="utf-8").encode(encoding))
    with pytest.raises(DeckError) as info:
        load_deck(path)
    (problem,) = info.value.problems
    assert problem.message.startswith("the file is UTF-16 text") and "save it as UTF-8" in problem.message
