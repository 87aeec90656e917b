"""The figures: each one measures quiz and its baseline in the same run and returns both."""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from bench.app_runner import EXIT_AT_IDLE, IDLE_MARK
from bench.data import BENCH_DECK_ID, BenchData
from bench.measure import instructions, interleave, median, peak_rss, percentile, run_child, time_to_mark
from quiz.paths import cache_dir


@dataclass(frozen=True)
class Figure:
    """One row of the table: quiz's figure and its baseline, in the same unit."""

    name: str
    what: str
    value: float
    baseline: float
    unit: str
    budget: float | None
    """The largest allowed ratio; None where the budget is absolute (see `absolute`)."""
    absolute: float | None = None
    """An absolute budget in `unit`, for the figures the issue budgets that way."""
    note: str = ""

    @property
    def ratio(self) -> float:
        return self.value / self.baseline if self.baseline else float("inf")

    @property
    def passed(self) -> bool:
        if self.budget is not None:
            return self.ratio <= self.budget
        return self.absolute is None or self.value <= self.absolute


@dataclass(frozen=True)
class Options:
    """How many times to repeat each measurement."""

    runs: int
    writes: int


QUIZ = ["-m", "bench.app_runner", "quiz"]
MINIMAL = ["-m", "bench.app_runner", "minimal"]
TEXTUAL_HOME = ["-m", "bench.textual_home"]


def startup(data: BenchData, opt: Options) -> Figure:
    """Process start to Home mounted and idle (built-in deck, long history) vs a one-Static app."""
    quiz = lambda: time_to_mark(QUIZ, data.history_dir, IDLE_MARK)  # noqa: E731
    base = lambda: time_to_mark(MINIMAL, data.empty_dir, IDLE_MARK)  # noqa: E731
    quiz(), base()  # warm the page cache and the bytecode caches
    xs, ys = interleave(opt.runs, quiz, base)
    return Figure("start-up", "process start to Home idle, headless", median(xs), median(ys), "s", 1.25)


def large_deck(data: BenchData, opt: Options) -> list[Figure]:
    """Start to Home idle with the 10,000-fact deck in the decks folder (and the long history), its
    cache entry fresh, then with the deck just edited (no entry for its bytes), vs the one-Static app.

    An edit appends a comment line with a new number: the deck stays the same, its bytes do not.
    """
    deck = next((data.large_dir / "decks").glob("*.toml"))
    original = deck.read_bytes()
    edits = iter(range(1_000_000))

    def edited() -> float:
        deck.write_bytes(original + f"# edit {next(edits)}\n".encode())
        return time_to_mark(QUIZ, data.large_dir, IDLE_MARK)

    quiz = lambda: time_to_mark(QUIZ, data.large_dir, IDLE_MARK)  # noqa: E731
    base = lambda: time_to_mark(MINIMAL, data.empty_dir, IDLE_MARK)  # noqa: E731
    try:
        deck.write_bytes(original)
        quiz(), base()  # the first start caches the deck (its worker parses it and writes the entry)
        xs, ys = interleave(opt.runs, quiz, base)
        zs, ws = interleave(opt.runs, edited, base)
    finally:
        deck.write_bytes(original)
    return [
        Figure("open large deck", "start to Home idle, 10,000-fact deck cached", median(xs), median(ys), "s", 1.5),
        Figure("open large deck, edited", "the same, the deck just edited (cache stale)", median(zs), median(ws),
               "s", 1.5),
    ]  # fmt: skip


def key_to_feedback(data: BenchData, opt: Options) -> Figure:
    """A key answering a multiple-choice question to the feedback painted, headless under Pilot, at
    the long history (bench.feedback), vs a Textual app updating a Static on a key press."""
    from bench.feedback import baseline_presses, quiz_presses

    work = data.root / "feedback"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(mode=0o700)
    shutil.copyfile(data.history_dir / "history.db", work / "history.db")
    with open(work / "history.db", "rb+") as copied:  # as in record_answer: the copy's cost is no answer's
        os.fsync(copied.fileno())
    presses = 20 if opt.runs <= 2 else 100
    try:
        xs = quiz_presses(work, data.deck, presses)
        ys = baseline_presses(presses)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return Figure("key to feedback", f"key press to feedback painted, {presses} answers at the long history",
                  median(xs) * 1000, median(ys) * 1000, "ms", 1.5)  # fmt: skip


def startup_instructions(data: BenchData, opt: Options) -> list[Figure]:
    """Start-up as a count of instructions (valgrind), which machine load does not move: against
    a Textual app that draws Home's visible widgets without quiz's code (bench.textual_home), and
    for reference against the one-Static app.

    Not in the default run: it needs valgrind and takes about 20 s a start. Use it to compare two
    versions of the code on a noisy machine: a change of 3% in the count is real, where start-up
    times on this machine move by 10% from one series to the next.
    """
    env = {EXIT_AT_IDLE: "1"}
    runs = max(1, min(opt.runs, 3))
    xs = [instructions(QUIZ, data.history_dir, env) for _ in range(runs)]
    ys = [instructions(TEXTUAL_HOME, data.empty_dir, env) for _ in range(runs)]
    zs = [instructions(MINIMAL, data.empty_dir, env) for _ in range(runs)]
    return [
        Figure("start-up instructions", "start-up to Home idle, instructions (valgrind) vs Textual-only Home",
               median(xs) / 1e6, median(ys) / 1e6, "M", 1.10),
        Figure("start-up instructions / 1 Static", "the same, against the one-Static app",
               median(xs) / 1e6, median(zs) / 1e6, "M", None),
    ]  # fmt: skip


def check(data: BenchData, opt: Options) -> Figure:
    """`quiz check` on the built-in deck, whole process, vs `python -c "import tomli"`."""
    quiz = lambda: run_child(["-m", "quiz", "check"], data.empty_dir)  # noqa: E731
    base = lambda: run_child(["-c", "import tomli"], data.empty_dir)  # noqa: E731
    quiz(), base()
    xs, ys = interleave(opt.runs, quiz, base)
    return Figure("check", "`quiz check`, built-in deck, whole process", median(xs), median(ys), "s", 2.5)


TOMLI_LOADS = "import sys, tomli; tomli.loads(open(sys.argv[1], encoding='utf-8').read())"
"""The baseline of the large-deck figures: a process that only parses the deck file with tomli."""


def check_large(data: BenchData, opt: Options) -> Figure:
    """`quiz check` on the large deck (advice included), whole process, vs tomli.loads of it, whole process."""
    deck = str(data.deck)
    quiz = lambda: run_child(["-m", "quiz", "check", deck], data.empty_dir)  # noqa: E731
    base = lambda: run_child(["-c", TOMLI_LOADS, deck], data.empty_dir)  # noqa: E731
    quiz(), base()
    xs, ys = interleave(opt.runs, quiz, base)
    return Figure("check, large deck", "`quiz check` of the 10,000-fact deck, whole process", median(xs), median(ys),
                  "s", 3.0)  # fmt: skip


def check_memory(data: BenchData, opt: Options) -> list[Figure]:
    """Peak RSS of `quiz check` and of `quiz preview --json` on the large deck vs tomli.loads of it."""
    deck = str(data.deck)
    base = lambda: float(peak_rss(["-c", TOMLI_LOADS, deck], data.empty_dir))  # noqa: E731
    check = lambda: float(peak_rss(["-m", "quiz", "check", deck], data.empty_dir))  # noqa: E731
    preview = lambda: float(peak_rss(["-m", "quiz", "preview", deck, "--json"], data.empty_dir))  # noqa: E731
    runs = max(1, opt.runs // 3)
    preview()  # the preview reads the deck through the parsed-deck cache, as the app does: fill it
    xs, ys = interleave(runs, check, base)
    zs, ws = interleave(runs, preview, base)
    return [
        Figure("peak memory, check", "`quiz check` of the 10,000-fact deck, peak RSS", median(xs) / 1024,
               median(ys) / 1024, "MiB", 1.5),
        Figure("peak memory, preview --json", "`quiz preview --json` of the 10,000-fact deck, peak RSS",
               median(zs) / 1024, median(ws) / 1024, "MiB", 1.5),
    ]  # fmt: skip


def load_generate(data: BenchData, opt: Options) -> list[Figure]:
    """Load, validate and generate every question of the large deck vs tomli.loads of its text.

    The budgeted figure loads as the app does, through the parsed-deck cache (an unchanged deck is
    read back, not parsed again); the row after it parses and validates the text every time.
    """
    import tomli

    from quiz.deck.load import load_deck
    from quiz.generate import generate

    cache = cache_dir(data.root / "load-cache")

    def quiz(use_cache: bool = True) -> float:
        start = time.perf_counter()
        deck = load_deck(data.deck, cache=cache if use_cache else None)
        generate(deck, seed=1)
        return time.perf_counter() - start

    def parsed() -> float:
        return quiz(use_cache=False)

    def base() -> float:
        start = time.perf_counter()
        tomli.loads(data.deck.read_text(encoding="utf-8"))
        return time.perf_counter() - start

    quiz(), parsed(), base()
    xs, ys = interleave(opt.runs, quiz, base)
    zs, ws = interleave(opt.runs, parsed, base)
    return [
        Figure("load+generate", "load, validate, generate: large deck", median(xs), median(ys), "s", 1.5),
        Figure(
            "load+generate, deck changed", "the same, parsing the text (no cache)", median(zs), median(ws), "s", None
        ),  # fmt: skip
    ]


def record_answer(data: BenchData, opt: Options) -> list[Figure]:
    """p99 of one durable record_answer at the long history vs one durable one-row INSERT (issue 21).

    The baseline is what durability itself costs: on the same database, a connection set up as
    the store's is (WAL, synchronous=FULL, no automatic checkpoint) commits BEGIN IMMEDIATE, one
    INSERT into a small table, COMMIT. Both take turns, so each meets the WAL as often growing as
    written over; every SESSION answers both stop for the checkpoint a session's end makes
    (untimed: it is off the answer's path, as in the app).
    """
    from quiz.schedule import Scheduler
    from quiz.store import Store

    work = data.root / "writes"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(mode=0o700)
    shutil.copyfile(data.history_dir / "history.db", work / "history.db")
    # The copy is still in the page cache, unwritten: the first checkpoint's fsync would write
    # all 200 MB of it back (0.6 s for one answer), which is the copy's cost, not an answer's.
    with open(work / "history.db", "rb+") as copied:
        os.fsync(copied.fileno())
    store = Store.open(work, scheduler=Scheduler(fuzz=False), backup=False)
    raw = sqlite3.connect(work / "history.db", isolation_level=None, timeout=10)
    raw.execute("PRAGMA journal_mode = WAL")
    raw.execute("PRAGMA synchronous = FULL")
    raw.execute("PRAGMA wal_autocheckpoint = 0")
    raw.execute("CREATE TABLE bench_one_row (id INTEGER PRIMARY KEY, at REAL NOT NULL)")
    session = 20
    try:
        sid = store.start_session(BENCH_DECK_ID, "mixed")
        facts = [f"fact-{i:05d}" for i in range(50)]
        moment = datetime.now(UTC)

        def quiz(i: int) -> float:
            start = time.perf_counter()
            store.record_answer(
                sid, BENCH_DECK_ID, facts[i % len(facts)], kind="multiple_choice", response="An answer",
                correct=i % 5 > 0, response_ms=3000, now=moment + timedelta(seconds=i),
            )  # fmt: skip
            return time.perf_counter() - start

        def one_row() -> float:
            start = time.perf_counter()
            raw.execute("BEGIN IMMEDIATE")
            raw.execute("INSERT INTO bench_one_row (at) VALUES (?)", (start,))
            raw.execute("COMMIT")
            return time.perf_counter() - start

        xs, ys = [], []
        for i in range(opt.writes):
            xs.append(quiz(i))
            ys.append(one_row())
            if i % session == session - 1:
                store.checkpoint()
    finally:
        raw.close()
        store.close()
        shutil.rmtree(work, ignore_errors=True)
    return [
        Figure("record answer p99", "one answer committed durably at the long history, vs a durable 1-row INSERT",
               percentile(xs, 99) * 1000, percentile(ys, 99) * 1000, "ms", 3.0, note="goal 2x"),
        Figure("record answer median", "the median answer, against the same",
               median(xs) * 1000, median(ys) * 1000, "ms", None),
    ]  # fmt: skip


def history_queries(data: BenchData, opt: Options) -> Figure:
    """Every query the History screen runs (all decks), in-process, vs point lookups."""
    from quiz.deck.discover import discover
    from quiz.glossary import scheduled_by_deck
    from quiz.store import Store

    scheduled = scheduled_by_deck(f.deck for f in discover(data.history_dir) if f.deck is not None)
    store = Store.open(data.history_dir, backup=False)
    conn = store._conn
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    refresh_history_queries(store, datetime.now(UTC), scheduled)
    conn.set_trace_callback(None)
    n_queries = len(statements)
    top = conn.execute("SELECT max(id) FROM answers").fetchone()[0] or 1
    try:

        def quiz() -> float:
            start = time.perf_counter()
            refresh_history_queries(store, datetime.now(UTC), scheduled)
            return time.perf_counter() - start

        def base() -> float:
            start = time.perf_counter()
            for i in range(n_queries):
                conn.execute("SELECT correct FROM answers WHERE id = ?", (1 + (i * 7919) % top,)).fetchone()
            return time.perf_counter() - start

        quiz(), base()
        xs, ys = interleave(opt.runs, quiz, base)
    finally:
        store.close()
    return Figure(
        "history queries", f"every History screen query ({n_queries} statements)",
        median(xs) * 1000, median(ys) * 1000, "ms", None, absolute=50.0,
    )  # fmt: skip


POINT_LOOKUP = """
import os, sqlite3
conn = sqlite3.connect(os.path.join(os.environ["QUIZ_DATA_DIR"], "history.db"))
conn.execute("SELECT correct FROM answers WHERE id = ?", (500_000,)).fetchone()
"""
"""The baseline of `quiz history --json`: a process that opens the same history and reads one row by its key."""


def history_json(data: BenchData, opt: Options) -> Figure:
    """`quiz history --json` at the long history, whole process, vs one indexed point lookup (issue 21)."""
    quiz = lambda: run_child(["-m", "quiz", "history", "--json"], data.history_dir)  # noqa: E731
    base = lambda: run_child(["-c", POINT_LOOKUP], data.history_dir)  # noqa: E731
    quiz(), base()  # warm the page cache (and bring the copy's schema up to date, once)
    xs, ys = interleave(opt.runs, quiz, base)
    return Figure("history --json", "`quiz history --json` at the long history, vs one point lookup",
                  median(xs), median(ys), "s", 4.0, note="goal 3x")  # fmt: skip


def refresh_history_queries(store, now: datetime, scheduled=None) -> None:  # type: ignore[no-untyped-def]
    """The store calls HistoryScreen.refresh_history makes for "all decks", without the widgets;
    `scheduled` as the screen builds it from the decks Home lists (HistoryScreen._scheduled)."""
    store.overview(None, now, scheduled=scheduled)  # the screen's window, quiz.store.OVERVIEW_DAYS


def memory(data: BenchData, opt: Options) -> list[Figure]:
    """Peak RSS of the app with the large deck (and the long history) vs the one-Static app.

    The budgeted figure is an ordinary start, with the deck already in the parsed-deck cache; the
    first start after a deck changes parses it, and is reported on its own row.
    """
    cache = cache_dir(data.large_dir)
    quiz = lambda: float(peak_rss(["-m", "bench.app_runner", "quiz"], data.large_dir))  # noqa: E731
    base = lambda: float(peak_rss(["-m", "bench.app_runner", "minimal"], data.empty_dir))  # noqa: E731

    def cold() -> float:
        shutil.rmtree(cache, ignore_errors=True)
        return quiz()

    runs = max(1, opt.runs // 2)
    quiz()  # fills the cache
    xs, ys = interleave(runs, quiz, base)
    firsts, _ = interleave(runs, cold, base)
    quiz()
    return [
        Figure("peak memory", "app with the large deck, peak RSS", median(xs) / 1024, median(ys) / 1024, "MiB", 1.5),
        Figure(
            "peak memory, deck changed",
            "first start after the large deck changed (parsed, not cached)",
            median(firsts) / 1024,
            median(ys) / 1024,
            "MiB",
            None,
        ),  # fmt: skip
    ]


def visit(data: BenchData, opt: Options) -> list[Figure]:
    """The visit plan against ordinary review and the deck in order (bench/visit.py): must-know
    facts likely recalled on the visit day, 200 simulated learners (20 with --quick), built-in deck.
    Higher is better, so each row is the other strategy over the plan: at most 1.0 passes."""
    from bench.visit import compare
    from quiz.deck.load import load_deck
    from quiz.paths import builtin_decks_dir

    deck = load_deck(builtin_decks_dir() / "rectal-cancer-stage-iv.toml")
    means = compare(deck, learners=20 if opt.runs <= 2 else 200)
    what = "must-know facts likely recalled on the visit day, 10 questions a day for 14 days"
    return [
        Figure("visit: plan", what + " (the date-aware plan)", means["plan"], means["plan"], "facts", None),
        Figure("visit: review / plan", "the same with ordinary review", means["review"], means["plan"], "facts", 1.0),
        Figure("visit: in order / plan", "the same, the deck in order", means["order"], means["plan"], "facts", 1.0),
    ]


FIGURES: dict[str, Callable[[BenchData, Options], Figure | list[Figure]]] = {
    "startup": startup,
    "large": large_deck,
    "feedback": key_to_feedback,
    "check": check,
    "check-large": check_large,
    "check-memory": check_memory,
    "load": load_generate,
    "record": record_answer,
    "history": history_queries,
    "history-json": history_json,
    "memory": memory,
    "instructions": startup_instructions,
    "visit": visit,
}
DEFAULT_FIGURES = [name for name in FIGURES if name != "instructions"]
NO_DATA = {"visit"}
"""Figures that need none of the generated data (a large deck, a long history)."""
"""What `python -m bench` measures without --only: all but the valgrind count, which is slow."""
