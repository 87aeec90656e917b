"""The store's fast paths give what the slow, obvious ones give (issue 21): mastery from two columns
and quiz's own forgetting curve equals fsrs's retrievability, a streak found from the UTC day first
equals one counted from every answer's local day, and an answer never runs the WAL checkpoint."""

from __future__ import annotations

import sqlite3
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import fsrs
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.schedule import FSRS_DECAY, TARGET_RECALL, CardState, Phase, Scheduler, local_day
from quiz.store import Store
from quiz.store.rows import stamp
from tests.zones import time_zone

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
ZONES = ["UTC", "America/Los_Angeles", "Asia/Kolkata", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Europe/London"]

stabilities = st.one_of(
    st.floats(min_value=0.01, max_value=36_500, allow_nan=False, allow_infinity=False),
    st.integers(1, 400).map(float),  # whole days: the review lands exactly on a day boundary
)
ages = st.one_of(
    st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=3_000)),
    st.integers(0, 400).map(lambda d: timedelta(days=d)),  # exactly whole days since the review
    st.timedeltas(min_value=timedelta(days=-3), max_value=timedelta(0)),  # reviewed "after" now
)


def fsrs_retrievability(stability: float | None, last_review: datetime | None, now: datetime) -> float:
    """fsrs's own answer, through its Card and Scheduler."""
    card = fsrs.Card(
        card_id=0, state=fsrs.State.Review, stability=stability, difficulty=5.0, due=now, last_review=last_review
    )
    return float(fsrs.Scheduler().get_card_retrievability(card, now))


@given(stabilities, ages, st.integers(0, 86_399_999_999))
def test_retrievability_is_fsrs_own(stability: float, age: timedelta, micros: int) -> None:
    now = NOW + timedelta(microseconds=micros)
    last_review = now - age
    assert Scheduler().retrievability(stability, last_review, now) == fsrs_retrievability(stability, last_review, now)


def test_quiz_keeps_fsrs_own_decay() -> None:
    assert fsrs.Scheduler().parameters[20] == FSRS_DECAY


def test_a_fact_never_reviewed_has_no_retrievability() -> None:
    assert Scheduler().retrievability(None, None, NOW) == 0.0
    assert Scheduler().retrievability(3.0, None, NOW) == 0.0 == fsrs_retrievability(3.0, None, NOW)


fact_rows = st.lists(
    st.tuples(st.sampled_from(list(Phase)), st.one_of(st.none(), stabilities), ages, st.booleans()),
    min_size=1,
    max_size=25,
)


@settings(max_examples=40, deadline=None)
@given(fact_rows, st.booleans())
def test_mastered_facts_are_those_fsrs_rates_at_the_target(
    rows: list[tuple[Phase, float | None, timedelta, bool]], subset: bool
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        Store.open(data, backup=False).close()
        conn = sqlite3.connect(data / "history.db", isolation_level=None)
        expected, wanted = set(), set()
        for i, (phase, stability, age, pick) in enumerate(rows):
            fact_id, last_review = f"f{i}", NOW - age
            conn.execute(
                "INSERT INTO fact_state VALUES ('d', ?, 1, 0, ?, NULL, ?, 5.0, ?, ?)",
                (fact_id, int(phase), stability, stamp(NOW), stamp(last_review)),
            )
            if pick or not subset:
                wanted.add(fact_id)
                if phase is Phase.REVIEW and fsrs_retrievability(stability, last_review, NOW) >= TARGET_RECALL:
                    expected.add(fact_id)
        conn.close()
        with Store.open(data, backup=False) as store:
            assert store.mastered_facts("d", wanted if subset else None, NOW) == expected
            assert store.mastery("d", wanted if subset else None, NOW).mastered == len(expected)
            day_ago = NOW - timedelta(days=1)
            card = CardState(Phase.REVIEW, None, 2.0, 5.0, NOW, day_ago)
            assert store.scheduler.is_mastered(card, NOW) == (fsrs_retrievability(2.0, day_ago, NOW) >= TARGET_RECALL)


def expected_streak(moments: list[datetime], today: date) -> int:
    """Consecutive local days with an answer ending today, or yesterday if today has none: counted by hand."""
    days = {local_day(m) for m in moments}
    day = today if today in days else today - timedelta(days=1)
    count = 0
    while day in days:
        count, day = count + 1, day - timedelta(days=1)
    return count


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(ZONES),
    st.lists(st.tuples(st.integers(0, 14 * 24 * 60), st.sampled_from(["a", "b", "c"])), min_size=1, max_size=12),
    st.integers(0, 3),
)
def test_the_streak_counts_local_days(zone: str, answers: list[tuple[int, str]], days_ago: int) -> None:
    """Across decks: answers are found deck by deck (there is no index by day alone)."""
    moments = [NOW - timedelta(minutes=m) for m, _ in answers]
    with time_zone(zone), tempfile.TemporaryDirectory() as tmp:
        with Store.open(Path(tmp), scheduler=Scheduler(fuzz=False), backup=False) as store:
            sessions = {deck: store.start_session(deck, "multiple-choice", now=NOW) for deck in "abc"}
            for i, (m, deck) in enumerate(zip(moments, (d for _, d in answers), strict=True)):
                store.record_answer(
                    sessions[deck], deck, f"f{i}", kind="multiple_choice", response="x", correct=True, now=m
                )
            today = local_day(NOW) - timedelta(days=days_ago)
            assert store.streak(today) == expected_streak(moments, today)
            for deck in "abc":  # one deck's own streak, as History shows it for the deck chosen
                own = [m for m, (_, d) in zip(moments, answers, strict=True) if d == deck]
                assert store.streak(today, deck) == expected_streak(own, today)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a", "b", "c"]), st.integers(0, 20 * 24 * 60)), max_size=12))
def test_the_forecast_of_all_decks_adds_up_each_decks(answers: list[tuple[str, int]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        with Store.open(Path(tmp), scheduler=Scheduler(fuzz=False), backup=False) as store:
            sessions: dict[str, int] = {}
            for i, (deck, minutes) in enumerate(answers):
                moment = NOW - timedelta(minutes=minutes)
                sid = sessions.setdefault(deck, store.start_session(deck, "multiple-choice", now=moment))
                store.record_answer(sid, deck, f"f{i}", kind="multiple_choice", response="x", correct=True, now=moment)
            each = [store.due_forecast(deck, 14, NOW) for deck in "abc"]
            days = [day for day, _ in each[0]]
            totals = [sum(forecast[i][1] for forecast in each) for i in range(14)]
            assert store.due_forecast(None, 14, NOW) == list(zip(days, totals, strict=True))
            # Counted among what each deck schedules (here: every fact it has a state for), each
            # due moment falls on the same day as the SQL ranges put it.
            everything = {deck: {f"f{i}" for i, (d, _) in enumerate(answers) if d == deck} for deck in sessions}
            assert store.due_forecast(None, 14, NOW, everything) == store.due_forecast(None, 14, NOW)


def test_answers_never_checkpoint_and_each_is_committed(tmp_path: Path) -> None:
    """SQLite's automatic checkpoint (every 1,000 WAL pages) would run inside some answer's commit;
    quiz checkpoints when a session ends instead. Each answer is readable by another connection
    the moment record_answer returns."""
    other = None
    with Store.open(tmp_path, scheduler=Scheduler(fuzz=False), backup=False) as store:
        sid = store.start_session("d", "multiple-choice", now=NOW)
        other = sqlite3.connect(tmp_path / "history.db", isolation_level=None)
        for i in range(300):
            store.record_answer(sid, "d", f"f{i}", kind="multiple_choice", response="x", correct=True, now=NOW)
            if i % 50 == 0:
                assert other.execute("SELECT count(*) FROM answers").fetchone() == (i + 1,)
        frames = other.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()[1]
        assert frames > 1_000  # all 300 answers are still in the WAL: none of them checkpointed it
        store.finish_session(sid, now=NOW)
    other.close()


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.timedeltas(min_value=timedelta(days=-3), max_value=timedelta(days=3)),
            st.sampled_from([timedelta(0), timedelta(microseconds=1), timedelta(microseconds=-1)]),
        ),
        min_size=1,
        max_size=20,
    ),
    st.sampled_from(ZONES),
)
def test_due_counts_put_each_due_moment_where_its_datetime_falls(offsets: list[timedelta], zone: str) -> None:
    """SQLite compares the stored text; the long way compares the moments themselves."""
    from quiz.schedule import days_ahead

    with time_zone(zone), tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        Store.open(data, backup=False).close()
        conn = sqlite3.connect(data / "history.db", isolation_level=None)
        end_of_day = days_ahead(NOW, 2)[1]
        moments = [NOW + o for o in offsets] + [end_of_day, end_of_day - timedelta(microseconds=1)]
        for i, due in enumerate(moments):
            conn.execute(
                "INSERT INTO fact_state VALUES ('d', ?, 1, 0, ?, NULL, 3.0, 5.0, ?, ?)",
                (f"f{i}", int(Phase.REVIEW), stamp(due), stamp(NOW)),
            )
        conn.close()
        ids = [f"f{i}" for i in range(len(moments))] + ["new"]
        with Store.open(data, backup=False) as store:
            counts = store.due_counts("d", ids, NOW)
        assert counts.now == sum(due <= NOW for due in moments)
        assert counts.later_today == sum(NOW < due < end_of_day for due in moments)
        assert counts.later == sum(due >= end_of_day for due in moments)
        assert counts.new == 1 and counts.total == len(ids)  # the parts add up to the ids counted


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.timedeltas(min_value=timedelta(days=-2), max_value=timedelta(days=2)), min_size=1, max_size=12),
    st.sets(st.integers(0, 11)),
    st.sampled_from(ZONES),
)
def test_next_due_is_the_first_scheduled_moment_later_today(
    offsets: list[timedelta], left_out: set[int], zone: str
) -> None:
    """Store.next_due, which Home and History set their timers by, is the first moment after now
    and before the person's day ends at which a scheduled id falls due, over two decks."""
    from quiz.schedule import days_ahead

    with time_zone(zone), tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        Store.open(data, backup=False).close()
        conn = sqlite3.connect(data / "history.db", isolation_level=None)
        end_of_day = days_ahead(NOW, 2)[1]
        moments = [NOW + o for o in offsets]
        for i, due in enumerate(moments):
            conn.execute(
                "INSERT INTO fact_state VALUES (?, ?, 1, 0, ?, NULL, 3.0, 5.0, ?, ?)",
                ("ab"[i % 2], f"f{i}", int(Phase.REVIEW), stamp(due), stamp(NOW)),
            )
        conn.close()
        scheduled = {d: {f"f{i}" for i in range(len(moments)) if "ab"[i % 2] == d and i not in left_out} for d in "ab"}
        with Store.open(data, backup=False) as store:
            first = store.next_due(scheduled, NOW)
            # Home arms its timer from the counts it draws (DueCounts.next_due), with no query of its own.
            counted = [store.due_counts(d, scheduled[d], NOW).next_due for d in "ab"]
        later = [m for i, m in enumerate(moments) if NOW < m < end_of_day and i not in left_out]
        assert first == (min(later) if later else None)
        assert min(filter(None, counted), default="") == (stamp(first) if first is not None else "")
