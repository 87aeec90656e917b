"""`quiz history --deck D` (--json and --plain) shows deck D's figures, the ones the History
screen shows for D (Store.overview): its streak, its answers per day, its sessions, what is due."""

from __future__ import annotations

import io
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.commands.history import history_json, print_history
from quiz.plural import plural
from quiz.schedule import utc
from quiz.store import Store

DECKS = ["a", "b", "c"]


def _give(store: Store, answers: list[tuple[str, int, bool]]) -> None:
    """One session per (deck, days ago, right) answer, given that many days before now."""
    now = utc()
    for deck, days_ago, right in answers:
        at = now - timedelta(days=days_ago)
        sid = store.start_session(deck, "quiz", "1", now=at)
        store.record_answer(sid, deck, "f1", kind="typed", response="x", correct=right, now=at)
        store.finish_session(sid, now=at)


def _shown(store: Store, deck: str | None) -> tuple[dict[str, object], str]:
    out = io.StringIO()
    print_history(store, deck, out, limit=200)
    return history_json(store, deck, 200), out.getvalue()


def test_the_streak_of_one_deck_is_that_decks(tmp_path: Path) -> None:
    """The report's case: a studied three days running, b only today."""
    with Store.open(tmp_path / "data", backup=False) as store:
        _give(store, [("a", 2, True), ("a", 1, True), ("a", 0, True), ("b", 0, True)])
        data, plain = _shown(store, "b")
        assert data["streak"] == 1 == store.overview("b").streak
        assert "Study streak: 1 day\n" in plain
        data, plain = _shown(store, None)
        assert data["streak"] == 3 and "Study streak: 3 days\n" in plain


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    answers=st.lists(
        st.tuples(st.sampled_from(DECKS), st.integers(0, 40), st.booleans()), min_size=1, max_size=25
    ),
    deck=st.sampled_from([*DECKS, None]),
)
def test_every_figure_of_a_deck_view_is_the_screens(
    tmp_path_factory: pytest.TempPathFactory, answers: list[tuple[str, int, bool]], deck: str | None
) -> None:
    with Store.open(tmp_path_factory.mktemp("h") / "data", backup=False) as store:
        _give(store, answers)
        screen = store.overview(deck)
        data, plain = _shown(store, deck)
        assert data["streak"] == screen.streak
        if screen.sessions:
            assert f"Study streak: {plural(screen.streak, 'day')}\n" in plain
        per_day: dict[str, tuple[int, int]] = {}
        shown_decks = data["decks"]
        assert isinstance(shown_decks, list)
        for d in shown_decks:
            assert deck is None or d["deck_id"] == deck
            for day in d["per_day"]:
                answered, correct = per_day.get(day["day"], (0, 0))
                per_day[day["day"]] = (answered + day["answered"], correct + day["correct"])
        assert per_day == {day.isoformat(): figures for day, figures in screen.per_day.items()}
        sessions = data["sessions"]
        assert isinstance(sessions, list)
        assert [s["id"] for s in sessions] == [s.id for s in screen.sessions[:200]]
        assert sum(d["due_now"] or 0 for d in shown_decks) == screen.due_now
