"""Home and History show a deck's mastery per topic, with its must-know facts counted apart."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from textual.widgets import DataTable

from quiz.schedule import Rating, Scheduler
from quiz.store import Store
from tests.tui_helpers import FROZEN, choose_deck, make_app

pytestmark = pytest.mark.slow  # the whole app driven key by key

TOPICS = Path(__file__).parent / "data" / "decks" / "valid" / "topics.toml"
SIZE = (80, 24)


@pytest.fixture
def topics_deck(tmp_path: Path) -> Path:
    (tmp_path / "decks").mkdir()
    return Path(shutil.copy(TOPICS, tmp_path / "decks" / "topics.toml"))


def learned(data: Path, *fact_ids: str) -> Path:
    """A history in which these facts were answered right four times, days apart: mastered now."""
    with Store.open(data, scheduler=Scheduler(fuzz=False), backup=False) as store:
        start = FROZEN - timedelta(days=10)
        sid = store.start_session("liver-spread", "flashcard", now=start)
        for fact in fact_ids:
            for day in range(4):
                store.record_answer(sid, "liver-spread", fact, kind="flashcard", response="Good", correct=True,
                                    rating=Rating.GOOD, now=start + timedelta(days=day * 3))  # fmt: skip
        store.finish_session(sid, now=FROZEN - timedelta(days=1))
    return data


def detail_text(app: object) -> str:
    return str(app.screen.query_one("#deck-detail").render())  # type: ignore[attr-defined]


async def test_home_shows_mastery_per_topic_and_must_know_apart(topics_deck: Path, tmp_path: Path) -> None:
    app = make_app([topics_deck], learned(tmp_path / "data", "liver-treat", "liver-segments"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        lines = detail_text(app).splitlines()
        assert lines[-3:] == [
            "must-know: 0 of 1 mastered",
            "Liver spread: 2 of 2 mastered",
            "When to call: 0 of 1 mastered, must-know: 0 of 1",
        ]
        assert "Mastered: every" not in detail_text(app)  # its must-know fact is not mastered
        table = app.screen.query_one("#decks", DataTable)
        assert str(table.get_row_at(0)[-1]) == "66%"  # 2 of 3, rounded down


async def test_home_calls_a_deck_mastered_once_every_must_know_fact_is(topics_deck: Path, tmp_path: Path) -> None:
    app = make_app([topics_deck], learned(tmp_path / "data", "liver-treat", "fever-call"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        lines = detail_text(app).splitlines()
        assert "Mastered: every must-know and should-know fact." in lines
        assert "Liver spread: 1 of 2 mastered" in lines  # the nice-to-know fact is extra


async def test_history_shows_the_selected_decks_topics(topics_deck: Path, tmp_path: Path) -> None:
    app = make_app([topics_deck], learned(tmp_path / "data", "fever-call"), history=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        widget = app.screen.query_one("#topic-progress")
        assert not widget.display  # all decks: nothing per topic
        await choose_deck(pilot, 1)
        await pilot.press("2")
        await pilot.pause()
        assert widget.display
        assert str(widget.render()).splitlines() == [
            "must-know: 1 of 1 mastered",  # liver-treat (should-know) is not: not yet mastered as a whole
            "Liver spread: 0 of 2 mastered",
            "When to call: 1 of 1 mastered, must-know: 1 of 1",
        ]


def test_home_with_topics_snapshot(snap_compare, topics_deck: Path, tmp_path: Path) -> None:
    data = learned(tmp_path / "data", "liver-treat", "liver-segments")
    assert snap_compare(make_app([topics_deck], data), terminal_size=SIZE)
