"""The cyclic garbage collector is held back while the app starts, and only until its first frame."""

from __future__ import annotations

import argparse
import gc
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from quiz.tui.collector import START_UP_THRESHOLD, collect_as_usual, collect_less_while_starting, freeze_what_lives
from quiz.tui.run import make_app, run_app


@pytest.fixture
def usual() -> Iterator[tuple[int, int, int]]:
    """This process's thresholds, given back after the test whatever it did; nothing left frozen."""
    before = gc.get_threshold()
    yield before
    collect_as_usual()
    gc.set_threshold(*before)
    gc.unfreeze()


def test_generation_0_waits_longer_until_given_back(usual: tuple[int, int, int]) -> None:
    collect_less_while_starting()
    assert gc.get_threshold() == (START_UP_THRESHOLD, *usual[1:])
    collect_less_while_starting()  # twice: what is given back is still the thresholds from before
    collect_as_usual()
    assert gc.get_threshold() == usual
    collect_as_usual()  # nothing raised: nothing to give back
    assert gc.get_threshold() == usual


class _Node:
    """An object that can be part of a reference cycle and be watched through a weak reference."""

    other: object = None


def test_what_lives_is_frozen_without_a_collection(usual: tuple[int, int, int]) -> None:
    """Walking every object the imports made to find their few hundred of garbage cost 14 M
    instructions of every start (quiz.tui.collector): freeze_what_lives freezes, and collects nothing."""
    collect_less_while_starting()
    kept = _Node()
    kept.other = kept  # a cycle still referred to
    collections: list[str] = []

    def seen(phase: str, info: dict[str, int]) -> None:
        collections.append(phase)

    gc.callbacks.append(seen)
    try:
        frozen = gc.get_freeze_count()
        freeze_what_lives()
    finally:
        gc.callbacks.remove(seen)
    assert collections == []
    assert gc.get_freeze_count() > frozen and kept.other is kept


def test_the_app_collects_as_usual_once_home_is_drawn(tmp_path: Path, usual: tuple[int, int, int]) -> None:
    seen: list[object] = []

    async def look(pilot: object) -> None:
        app = pilot.app  # type: ignore[attr-defined]
        await pilot.pause()  # type: ignore[attr-defined]
        seen.extend([type(app.screen).__name__, gc.get_threshold()])
        app.exit(0)

    app = make_app(argparse.Namespace(data_dir=str(tmp_path / "data")))
    run_app(app, headless=True, size=(80, 24), auto_pilot=look)
    assert seen == ["HomeScreen", usual]  # while the app still runs, after its first frame
    assert gc.get_threshold() == usual


def test_opening_the_app_imports_textual_only_once_the_collector_is_held_back() -> None:
    """quiz.tui.run's _run holds the collector back, then make_app imports the app's modules: were
    they imported with quiz.tui.run, their imports would set off collections (about 30 M
    instructions of the app's start, docs/benchmarks.md)."""
    code = "import sys, quiz.tui.run; print(sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'rich'}))"
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root)
    assert out.stdout.strip() == "[]"
