"""A small deck and an app factory shared by the Pilot and snapshot tests."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

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


def write_named_deck(folder: Path, deck_id: str, title: str) -> Path:
    """The demonstration deck again under another id and title, as `folder/<id>.toml`: a second deck."""
    text = DECK.replace('id = "kidney-care"', f'id = "{deck_id}"').replace("Caring for your kidneys", title)
    return write_deck(folder, text, name=f"{deck_id}.toml")


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


def screen_cells(app: QuizApp) -> list[tuple[int, str, tuple[int, int, int], tuple[int, int, int]]]:
    """What the screen shows, as (row, text, foreground RGB, background RGB) runs, colour filters
    (NO_COLOR) applied.

    Reads the compositor's strips, which Textual keeps private (checked against textual 8.2.8, the
    pinned version): there is no public way to see the colours the terminal is sent."""
    out = []
    for y, strip in enumerate(app.screen._compositor.render_strips()):
        for segment in strip:
            style = segment.style
            if style is None or style.color is None or style.bgcolor is None:
                continue
            fg, bg = style.color.get_truecolor(), style.bgcolor.get_truecolor()
            if style.reverse:
                fg, bg = bg, fg
            out.append((y, segment.text, (fg.red, fg.green, fg.blue), (bg.red, bg.green, bg.blue)))
    return out


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    """The WCAG 2.1 contrast ratio of two sRGB colours, from 1 (same) to 21 (black on white)."""

    def luminance(rgb: tuple[int, int, int]) -> float:
        linear = [c / 255 / 12.92 if c / 255 <= 0.03928 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def worker_groups(app: QuizApp, monkeypatch: pytest.MonkeyPatch, workers: list[Any] | None = None) -> list[str]:
    """The group of every worker the app starts from now on, in order; the workers still run
    (and, given `workers`, each Worker is appended to it, in the same order).

    A worker that finishes at once leaves app.workers before a test can look, so the test
    watches them start instead."""
    started: list[str] = []
    run_worker = app.run_worker

    def recording(*args: Any, **kwargs: Any) -> Any:
        started.append(kwargs.get("group", "default"))
        worker = run_worker(*args, **kwargs)
        if workers is not None:
            workers.append(worker)
        return worker

    monkeypatch.setattr(app, "run_worker", recording)
    return started


async def choose_deck(pilot: Any, moves: int) -> None:
    """On History, open the deck list with f, move down `moves` choices (0 is All decks), press Enter."""
    await pilot.press("f")
    await pilot.pause()
    await pilot.press(*["down"] * moves, "enter")
    await pilot.pause()
