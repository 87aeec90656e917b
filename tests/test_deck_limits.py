"""Documented limits: a field longer than its limit, or too many facts, is refused with a clear message."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from quiz.deck.checker import MAX_CHARS, MAX_LONG_CHARS
from quiz.deck.errors import DeckError
from quiz.deck.load import parse_deck
from quiz.deck.validate import MAX_FACTS

ROOT = Path(__file__).resolve().parent.parent
HEAD = 'format = 1\n[deck]\nid = "d"\ntitle = "T"\n'


def fact(n: int, **fields: str) -> str:
    values = {"question": f"Q{n}?", "answer": f"A{n}", **fields}
    return f'[[facts]]\nid = "f{n}"\n' + "".join(f'{k} = "{v}"\n' for k, v in values.items())


@pytest.mark.parametrize(
    ("key", "limit", "line"),
    [("question", MAX_CHARS, 7), ("answer", MAX_CHARS, 8), ("refs", MAX_CHARS, 9), ("explanation", MAX_LONG_CHARS, 9)],
)
def test_a_field_at_its_limit_loads_and_one_past_it_is_refused(key: str, limit: int, line: int) -> None:
    assert parse_deck(HEAD + fact(1, **{key: "x" * limit})).facts[0]
    with pytest.raises(DeckError) as info:
        parse_deck(HEAD + fact(1, **{key: "x" * (limit + 1)}), "d.toml")
    assert str(info.value) == (
        f'd.toml:{line}:1: fact "f1": "{key}" is {limit + 1:,} characters long; '
        f'the limit is {limit:,} (see "Limits" in docs/deck-format.md)'
    )


def test_list_items_deck_fields_and_glossary_definitions_have_limits_too() -> None:
    long = "y" * (MAX_CHARS + 1)
    text = (
        f'format = 1\n[deck]\nid = "d"\ntitle = "T"\ndescription = "{"z" * (MAX_LONG_CHARS + 1)}"\n'
        f'[glossary]\n"term" = "{long}"\n'
        f'[[facts]]\nid = "f1"\nquestion = "Q?"\nanswer = "A"\ndistractors = ["{long}"]\n'
    )
    with pytest.raises(DeckError) as info:
        parse_deck(text, "d.toml")
    messages = [p.message for p in info.value.problems]
    assert any('"description" is 10,001 characters long' in m for m in messages)
    assert any('[glossary] "term" is 2,001 characters long' in m for m in messages)
    assert any('"distractors" item 1 is 2,001 characters long' in m for m in messages)


def test_too_many_facts_are_refused_at_the_first_one_past_the_limit() -> None:
    body = "".join(f'[[facts]]\nid = "f{n}"\nquestion = "Q"\nanswer = "A"\n' for n in range(MAX_FACTS + 1))
    with pytest.raises(DeckError) as info:
        parse_deck(HEAD + body, "big.toml")
    [problem] = info.value.problems
    assert problem.line == 5 + 4 * MAX_FACTS
    assert problem.message == (
        f"the deck has {MAX_FACTS + 1:,} facts; the limit is {MAX_FACTS:,} (split it into several decks)"
    )


@pytest.mark.slow
def test_quiz_check_refuses_a_huge_explanation_without_reading_it_for_advice(tmp_path: Path) -> None:
    deck = tmp_path / "huge.toml"
    deck.write_text(HEAD + fact(1, explanation="word " * 1_500_000), encoding="utf-8")  # 7.5 MB
    run = subprocess.run(
        [sys.executable, "-m", "quiz", "check", str(deck)], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert run.returncode == 1
    assert '"explanation" is 7,500,000 characters long; the limit is 10,000' in run.stdout
