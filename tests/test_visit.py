"""A plan that ends on the day of a visit (quiz.visit): the store keeps the date, review plans for
it, the forecast counts must-know facts, and a date that cannot be one is refused."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from textual.widgets import Input

from quiz.cli import main
from quiz.deck.load import load_deck
from quiz.mode import Mode
from quiz.schedule import Rating, Scheduler
from quiz.session import plan_questions
from quiz.store import Store
from quiz.visit import choose_for_visit, forecast, parse_visit, planning
from tests.tui_helpers import make_app, write_deck

TOPICS = Path(__file__).parent / "data" / "decks" / "valid" / "topics.toml"
NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
VISIT = date(2026, 12, 14)


@pytest.fixture
def store(tmp_path: Path):
    s = Store.open(tmp_path / "data", scheduler=Scheduler(fuzz=False), backup=False)
    yield s
    s.close()


def review(store: Store, deck_id: str, fact_id: str, rating: Rating, when: datetime) -> None:
    sid = store.start_session(deck_id, "due", now=when)
    store.record_answer(
        sid, deck_id, fact_id, kind="flashcard", response=rating.name, correct=rating > 1, rating=rating, now=when
    )


def test_the_visit_date_is_kept_and_cleared(store: Store) -> None:
    assert store.visit("d") is None
    store.set_visit("d", VISIT, 12)
    assert store.visit("d") == (VISIT, 12)
    store.set_visit("d", VISIT + timedelta(days=1))
    assert store.visit("d") == (VISIT + timedelta(days=1), 10)
    store.set_visit("d", None)
    assert store.visit("d") is None


def test_review_before_the_visit_follows_the_plan_and_after_it_the_due_facts(store: Store) -> None:
    deck = load_deck(TOPICS)
    review(store, deck.id, "liver-treat", Rating.GOOD, NOW - timedelta(days=20))
    store.set_visit(deck.id, VISIT, 2)
    planned = [q.fact_id for q in plan_questions(deck, Mode.DUE, store, NOW)]
    assert len(planned) == 2 and planned[0] == "fever-call"  # the must-know new fact first
    after = NOW + timedelta(days=20)
    assert not planning(VISIT, after)
    ordinary = [q.fact_id for q in plan_questions(deck, Mode.DUE, store, after)]
    assert ordinary[0] == "liver-treat"  # due now, most overdue first


def test_the_plan_reviews_what_would_be_forgotten_by_the_visit_first(store: Store) -> None:
    deck = load_deck(TOPICS)
    review(store, deck.id, "liver-treat", Rating.AGAIN, NOW - timedelta(days=1))  # weak
    for hours in (0, 1, 30, 200):  # strong: reviewed well, again and again
        review(store, deck.id, "fever-call", Rating.EASY, NOW - timedelta(days=12) + timedelta(hours=hours))
    states = store.fact_states(deck.id)
    chosen = choose_for_visit(deck, states, store.scheduler, NOW, VISIT, scope={"liver-treat", "fever-call"}, per_day=1)
    assert chosen == ["liver-treat"]


def test_the_forecast_counts_must_know_facts_and_never_rounds_up(store: Store) -> None:
    deck = load_deck(TOPICS)
    assert forecast(deck, {}, store.scheduler, NOW, VISIT).must_know_likely == 0
    for hours in (0, 1, 30, 200):
        review(store, deck.id, "fever-call", Rating.EASY, NOW - timedelta(days=12) + timedelta(hours=hours))
    seen = forecast(deck, store.fact_states(deck.id), store.scheduler, NOW, VISIT)
    assert (seen.must_know, seen.days_left) == (1, 14)
    assert seen.must_know_likely in (0, 1) and "of 1 must-know facts" in seen.line()


def test_a_date_that_cannot_be_a_visit_is_refused_with_a_reason() -> None:
    today = date(2026, 11, 30)
    assert parse_visit("", today) is None
    assert parse_visit(" 2026-12-14 ", today) == VISIT
    for text, reason in (("14/12/2026", "not a date"), ("2026-11-29", "has passed"), ("2028-01-01", "a year"),
                         ("2027-02-30", "no day of the calendar"), ("2026-13-01", "no month 13")):  # fmt: skip
        with pytest.raises(ValueError, match=reason):
            parse_visit(text, today)


@given(st.text(max_size=20))
def test_any_text_is_a_date_none_or_a_plain_refusal(text: str) -> None:
    try:
        parse_visit(text, date(2026, 11, 30))
    except ValueError as err:
        assert str(err)


def test_study_by_sets_the_date_or_refuses_a_bad_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    assert main(["study", "rectal-cancer-stage-iv", "--data-dir", str(data), "--by", "soon"]) == 2
    assert "not a date" in capsys.readouterr().err
    assert main(["study", "rectal-cancer-stage-iv", "--data-dir", str(data), "--per-day", "5"]) == 2
    main(["study", "rectal-cancer-stage-iv", "--data-dir", str(data), "--by", "2099-01-01"])
    assert "more than a year" in capsys.readouterr().err


@pytest.mark.slow
async def test_the_visit_dialog_refuses_a_bad_date_then_keeps_a_good_one(tmp_path: Path) -> None:
    from quiz.tui.screens.dialogs import VisitDialog

    deck = write_deck(tmp_path / "decks")
    data = tmp_path / "data"
    app = make_app([deck], data)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, VisitDialog)
        said = " ".join(str(w.render()) for w in app.screen.query("Static"))
        assert "Leave it empty for no visit date." in said and "an empty box sets none" in said
        box = app.screen.query_one("#visit-date", Input)
        assert box.placeholder == "year-month-day"  # a hint in the box, not a date that looks filled in
        await pilot.press("enter")  # out of habit, with only the grey hint in the box: as the hint says
        await pilot.pause()
        assert not isinstance(app.screen, VisitDialog)
        assert any(n.message == "No visit date set: the box was empty." for n in app._notifications)
        with Store.open(data, backup=False) as store:
            assert store.visit("kidney-care") is None
        await pilot.press("v")
        await pilot.pause()
        await pilot.press(*"2026-13-01", "enter")
        await pilot.pause()
        assert isinstance(app.screen, VisitDialog)
        assert "there is no month 13" in str(app.screen.query_one("#visit-problem").render())
        await pilot.press("ctrl+u", *"2026-12-10", "enter")  # the frozen clock's today is 2026-11-27
        await pilot.pause()
        detail = str(app.screen.query_one("#deck-detail").render())
        assert "Visit on Thu 10 Dec (13 days left)" in detail and "Review follows your visit plan." in detail
        assert any(n.message == "Visit date saved: 2026-12-10." for n in app._notifications)
    with Store.open(data, backup=False) as store:
        assert store.visit("kidney-care") == (date(2026, 12, 10), 10)


@pytest.mark.slow
async def test_an_empty_box_clears_the_visit_date_as_the_dialog_says(tmp_path: Path) -> None:
    """The dialog said "Leave it empty to clear it", but an empty Enter answered "Type the date first"."""
    from quiz.tui.screens.dialogs import VisitDialog

    deck = write_deck(tmp_path / "decks")
    data = tmp_path / "data"
    with Store.open(data, backup=False) as store:
        store.set_visit("kidney-care", date(2026, 12, 10), 10)
    app = make_app([deck], data)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, VisitDialog)
        said = " ".join(str(w.render()) for w in app.screen.query("Static"))
        assert "Leave it empty to clear it." in said and "an empty box clears it" in said
        await pilot.press("ctrl+u", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, VisitDialog)
        assert any(n.message == "Visit date cleared." for n in app._notifications)
    with Store.open(data, backup=False) as store:
        assert store.visit("kidney-care") is None


def test_a_history_from_before_visit_dates_is_upgraded_and_keeps_its_answers(tmp_path: Path) -> None:
    import sqlite3

    with Store.open(tmp_path, backup=False) as store:
        review(store, "d", "f", Rating.GOOD, NOW)
    conn = sqlite3.connect(tmp_path / "history.db", isolation_level=None)
    conn.execute("DROP TABLE deck_plan")
    conn.execute("PRAGMA user_version = 3")  # as the schema was before visit dates
    conn.close()
    with Store.open(tmp_path, backup=False) as store:
        assert store.visit("d") is None and len(list(store.answers())) == 1
        store.set_visit("d", VISIT)
        assert store.visit("d") == (VISIT, 10)


@pytest.mark.slow
def test_simulated_learners_remember_more_on_the_visit_day_with_the_plan() -> None:
    """The issue's proof, small: the same seeded learners (their own FSRS parameters) study the
    built-in deck 10 questions a day for 14 days; the plan is not worse than ordinary review."""
    from bench.visit import compare
    from quiz.paths import builtin_decks_dir

    deck = load_deck(builtin_decks_dir() / "rectal-cancer-stage-iv.toml")
    means = compare(deck, learners=12, seed=3)
    assert means["plan"] >= means["review"]
    assert all(0 <= m <= len(deck.facts) for m in means.values())
