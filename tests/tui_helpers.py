"""A small deck and an app factory shared by the Pilot and snapshot tests."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from quiz.tui.app import QuizApp, Settings, StudyRequest

FROZEN = datetime(2026, 11, 27, 15, 0, tzinfo=UTC)

DECK = """format = 1

[deck]
id = "kidney-care"
title = "Caring for your kidneys"
version = "1.0.0"
disclaimer = "For learning only; not medical advice. Talk with your care team."

[[sources]]
id = "demo"
title = "A demonstration source"
publisher = "The quiz project"

[glossary]
"dialysis" = "A treatment that cleans the blood when the kidneys cannot."

[[facts]]
id = "water-glasses"
question = "How many glasses of water does the leaflet suggest each day?"
answer = "8"
distractors = ["2", "4", "12"]
explanation = "The leaflet suggests 8 glasses a day unless your team says otherwise."
source = "demo"
refs = "1"

[[facts]]
id = "dialysis-purpose"
question = "What does dialysis do?"
answer = "Cleans the blood"
distractors = ["Makes new kidneys", "Stops all pain", "Adds more salt"]
explanation = "Dialysis cleans the blood when the kidneys cannot do it."
source = "demo"
refs = "2"

[[facts]]
id = "salt-limit"
question = "Which food is high in salt?"
answer = "Canned soup"
distractors = ["Fresh apples", "Plain rice", "Fresh carrots"]
explanation = "Canned soup often has a lot of salt."
source = "demo"
refs = "3"
"""


def write_deck(folder: Path, text: str = DECK, name: str = "kidney.toml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def make_app(
    decks: list[Path],
    data_dir: Path,
    *,
    study: StudyRequest | None = None,
    history: bool = False,
    seed: int = 0,
    settle: float = 0.0,
) -> QuizApp:
    """The app as the command line builds it, with a frozen clock, no fuzz and a fixed seed.

    Pilot presses keys faster than a person can: screens settle at once (settle=0) unless a test
    is about the settle time itself (quiz.tui.settle)."""
    settings = Settings(
        data_dir=data_dir, deck_paths=decks, seed=seed, clock=lambda: FROZEN, fuzz=False, blink=False, settle=settle
    )
    return QuizApp(settings, study=study, history=history)
