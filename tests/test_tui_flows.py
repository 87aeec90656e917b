"""Pilot tests of each flow of the app, driven through the same factory the command line uses."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from quiz.deck.load import load_deck
from quiz.deck.model import citation
from quiz.generate import Kind, content_hash
from quiz.schedule import Rating
from quiz.session import Mode
from quiz.store import Store
from quiz.study import Phase
from quiz.tui.app import StudyRequest
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.study import StudyScreen
from quiz.tui.screens.summary import SummaryScreen
from tests.tui_helpers import DECK, choose_deck, make_app, worker_groups, write_deck, write_named_deck

pytestmark = pytest.mark.slow  # the whole app driven key by key


@pytest.fixture
def deck(tmp_path: Path) -> Path:
    return write_deck(tmp_path / "decks")


def answers(data: Path) -> list:
    with Store.open(data, backup=False) as store:
        return list(store.answers())


def sessions(data: Path) -> list:
    with Store.open(data, backup=False) as store:
        return store.last_sessions(10)


def shown(screen: StudyScreen) -> str:
    """The verdict line and the feedback box, as drawn."""
    return str(screen.query_one("#verdict").render()) + "\n" + str(screen.query_one("#feedback").render())


async def _study(pilot, mode_key: str = "2") -> StudyScreen:
    """From Home: Enter on the deck, a mode by number, Enter on the first-session disclaimer."""
    await pilot.press("enter", mode_key)
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, StudyScreen)
    return screen


async def _review(pilot) -> StudyScreen:  # type: ignore[no-untyped-def]
    """From Home: r, Review of what is due (no disclaimer: the deck was studied before)."""
    await pilot.press("r")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, StudyScreen) and screen.run.session.mode is Mode.DUE
    return screen


async def test_right_answer_is_recorded_with_feedback(deck: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    app = make_app([deck], data)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _study(pilot)
        q = screen.run.session.current
        assert q.kind is Kind.MULTIPLE_CHOICE
        await pilot.press(str(q.correct_index + 1))
        await pilot.pause()
        feedback = shown(screen)
        assert "✓ Right." in feedback and f"Answer: {q.answer}" in feedback
        assert f"Source: {citation(q.source, q.refs)}" in feedback and q.refs in feedback
    got = answers(data)
    assert [(a.fact_id, a.correct, a.kind) for a in got] == [(q.fact_id, True, "multiple_choice")]
    fact = load_deck(deck).fact(q.fact_id)
    assert got[0].content_hash == content_hash(fact) and got[0].deck_version == "1.0.0"


async def test_wrong_answer_shows_the_right_one(deck: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    app = make_app([deck], data)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _study(pilot)
        q = screen.run.session.current
        wrong = next(i for i in range(4) if i != q.correct_index)
        await pilot.press(str(wrong + 1))
        await pilot.pause()
        feedback = shown(screen)
        assert "✗ Not quite." in feedback and q.answer in feedback
    assert [(a.correct, a.response) for a in answers(data)] == [(False, q.options[wrong])]


@pytest.mark.parametrize(
    ("key", "rating", "remembered"),
    [("1", Rating.AGAIN, False), ("2", Rating.HARD, True), ("3", Rating.GOOD, True), ("4", Rating.EASY, True)],
)
async def test_flashcard_grading(deck: Path, tmp_path: Path, key: str, rating: Rating, remembered: bool) -> None:
    """Each key records its own grade: the store would infer Good (or Again) from right or wrong alone."""
    data = tmp_path / "data"
    app = make_app([deck], data)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _study(pilot, "3")
        q = screen.run.session.current
        assert q.kind is Kind.FLASHCARD
        await pilot.press("1")  # grading before the back is shown does nothing
        assert screen.run.session.answers == []
        await pilot.press("space")
        assert q.answer in str(screen.query_one("#card-back").render())
        await pilot.press(key)
        await pilot.pause()
        assert screen.run.session.position == 1
    got = answers(data)
    assert [(a.fact_id, a.rating, a.correct) for a in got] == [(q.fact_id, rating, remembered)]


async def test_typed_answer_forgives_case(deck: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    app = make_app([deck], data, study=StudyRequest(deck, Mode.TYPED))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")  # the disclaimer
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StudyScreen)
        q = screen.run.session.current
        assert q.kind is Kind.TYPED
        await pilot.press(*q.answer.upper())
        await pilot.press("enter")
        await pilot.pause()
        assert "✓ Right." in shown(screen)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.run.session.position == 1 and screen.run.phase is Phase.ASKING
    assert [a.correct for a in answers(data)] == [True]


async def test_undo_takes_the_answer_back_everywhere(deck: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    app = make_app([deck], data)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _study(pilot)
        first = screen.run.session.current
        await pilot.press(str(first.correct_index + 1))
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        assert screen.run.session.answers == [] and screen.run.session.questions[-1] is first
        assert screen.run.phase is Phase.ASKING
        (said,) = [n.message for n in app._notifications]  # which question was taken back, by its words
        assert said.startswith(f"Answer taken back. “{first.prompt[:20]}")
        assert said.endswith("” comes again at the end.")
    assert answers(data) == []
    with Store.open(data, backup=False) as store:
        assert store.fact_state("kidney-care", first.fact_id) is None


async def test_undo_of_an_answer_whose_fact_left_the_deck_does_not_say_it_comes_again(
    deck: Path, tmp_path: Path
) -> None:
    """A fact taken out of the deck during the session, its answer then taken back: the note said
    it "comes again at the end", and it never did (a tester's report, T7)."""
    from quiz.deck.discover import load_found
    from quiz.tui.decks import DeckReloaded

    app = make_app([deck], tmp_path / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _study(pilot)
        first = screen.run.session.current
        await pilot.press(str(first.correct_index + 1))
        await pilot.pause()
        gone = DECK.replace(f'id = "{first.fact_id}"', 'id = "renamed-since"')
        app.post_message(DeckReloaded(0, load_found(write_deck(tmp_path / "decks", gone))))
        await pilot.pause()
        app.clear_notifications()
        await pilot.press("u")
        await pilot.pause()
        said = [n.message for n in app._notifications]  # the deck's own notice may come late: CI met two
        assert any(m.endswith("” left the deck.") for m in said) and not any("comes again" in m for m in said), said


async def test_leaving_early_keeps_answers_and_marks_the_session(deck: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    app = make_app([deck], data)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _study(pilot)
        await pilot.press("1")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    [session] = sessions(data)
    assert session.ended_early and session.answered == 1 and session.finished_at is not None
    assert screen.run.session.answers and len(answers(data)) == 1


async def test_retry_missed_asks_only_the_missed_facts(deck: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    app = make_app([deck], data)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _study(pilot)
        missed = None
        while screen.run.session.current is not None:
            q = screen.run.session.current
            if missed is None:
                missed = q.fact_id
                await pilot.press(str((q.correct_index + 1) % 4 + 1))
            else:
                await pilot.press(str(q.correct_index + 1))
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("r")
        await pilot.pause()
        assert app.screen is screen
        assert [q.fact_id for q in screen.run.session.questions] == [missed]
        assert str(screen.query_one("#progress").render()).startswith("Practice 1 of 1")
        await pilot.press(str(screen.run.session.current.correct_index + 1))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        head = str(app.screen.query_one("#summary-head").render())
        assert head.startswith("Practice finished") and "not saved to your history" in head
    assert [s.answered for s in sessions(data)] == [3]  # the retry is practice: no session, no answer
    assert len(answers(data)) == 3


async def test_history_screen_shows_sessions(deck: Path, tmp_path: Path) -> None:
    from textual.widgets import DataTable

    data = tmp_path / "data"
    with Store.open(data, backup=False) as store:
        sid = store.start_session("kidney-care", "multiple-choice", "1.0.0")
        store.record_answer(sid, "kidney-care", "salt-limit", kind="multiple_choice", response="x", correct=False)
        store.finish_session(sid)
    app = make_app([deck], data, history=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#sessions", DataTable)
        assert table.row_count == 1
        row = [str(c) for c in table.get_row_at(0)]
        assert row[1] == "Caring for your kid…" and row[2] == "Multi-choice" and row[3] == "0/1"


@pytest.mark.parametrize("sure", [False, True])
async def test_history_says_what_a_signed_number_after_a_score_is(deck: Path, tmp_path: Path, sure: bool) -> None:
    """A new user read "8/13 -2" in the sessions table and could not tell what the -2 was: the
    line under the table says it, where a session has certainty points."""
    from textual.widgets import DataTable

    data = tmp_path / "data"
    with Store.open(data, backup=False) as store:
        sid = store.start_session("kidney-care", "multiple-choice", "1.0.0")
        certainty = {"certainty": 3} if sure else {}
        store.record_answer(
            sid, "kidney-care", "salt-limit", kind="multiple_choice", response="x", correct=False, **certainty
        )
        store.finish_session(sid)
    app = make_app([deck], data, history=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        score = str(app.screen.query_one("#sessions", DataTable).get_row_at(0)[3])
        said = str(app.screen.query_one("#sessions-text").render())
        assert score == ("0/1 -6" if sure else "0/1")
        assert ("certainty points" in said) is sure


async def test_history_says_its_share_of_right_answers_is_of_the_days_it_shows(deck: Path, tmp_path: Path) -> None:
    """History's chart line gives the share of right answers of its last 30 days; it said "100%
    overall" where `quiz history` gives all time, and "no answers yet" to someone whose answers
    were older than those days."""
    from datetime import UTC, datetime, timedelta

    data = tmp_path / "data"
    with Store.open(data, backup=False) as store:
        sid = store.start_session("kidney-care", "multiple-choice", "1.0.0")
        long_ago = datetime.now(UTC) - timedelta(days=40)
        store.record_answer(sid, "kidney-care", "salt-limit", kind="multiple_choice", response="x", correct=True,
                            now=long_ago)  # fmt: skip
        store.finish_session(sid)
    app = make_app([deck], data, history=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = str(app.screen.query_one("#progress-text").render())
        assert "no answers in these days" in text and "yet" not in text and "overall" not in text


async def test_broken_deck_is_listed_and_the_others_work(deck: Path, tmp_path: Path) -> None:
    from textual.widgets import DataTable

    broken = write_deck(tmp_path / "decks", DECK.replace('answer = "8"', "answer = 8"), name="broken.toml")
    data = tmp_path / "data"
    app = make_app([broken, deck], data)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#decks", DataTable)
        assert "broken.toml: cannot be used" in str(table.get_row_at(0)[0])
        assert "must be text" in str(app.screen.query_one("#deck-detail").render())
        await pilot.press("enter")  # studying the broken deck explains, and does not crash
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("down")
        screen = await _study(pilot)
        assert screen.deck.id == "kidney-care"


async def test_deck_text_is_never_markup(tmp_path: Path) -> None:
    path = write_deck(tmp_path / "decks", DECK.replace("What does dialysis do?", "[@click=app.quit]Dose[/]"))
    data = tmp_path / "data"
    app = make_app([path], data, study=StudyRequest(path, Mode.FLASHCARD, count=3))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        while screen.run.session.current.fact_id != "dialysis-purpose":
            await pilot.press("space", "3", "enter")
            await pilot.pause()
        prompt = screen.query_one("#prompt")
        assert str(prompt.render()) == "[@click=app.quit]Dose[/]"
        await pilot.click("#prompt")
        await pilot.pause()
        assert app.is_running and app.screen is screen


async def test_deck_edited_while_open_is_reloaded(deck: Path, tmp_path: Path) -> None:
    from textual.widgets import DataTable

    data = tmp_path / "data"
    app = make_app([deck], data)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        deck.write_text(DECK.replace("Caring for your kidneys", "Kidney care, edited"), encoding="utf-8")
        app.poll_decks()
        await pilot.pause()
        table = app.screen.query_one("#decks", DataTable)
        assert str(table.get_row_at(0)[0]) == "Kidney care, edited"
        deck.write_text(DECK + "\n[[facts]]\nid = 5\n", encoding="utf-8")
        app.poll_decks()
        await pilot.pause()
        assert app.decks[0].error is not None
        assert "cannot be used" in str(table.get_row_at(0)[0])
        assert app.is_running


async def test_missed_list_is_saved_as_private_markdown(
    deck: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(tmp_path))  # the person's Documents folder
    theirs = tmp_path / "quiz-missed-kidney-care-20261127-1500.md"  # the name quiz picks (FROZEN clock)
    theirs.write_text("somebody's own notes\n", encoding="utf-8")
    theirs.chmod(0o644)
    app = make_app([deck], tmp_path / "data", study=StudyRequest(deck, Mode.MULTIPLE_CHOICE, count=1))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        q = app.screen.run.session.current
        await pilot.press(str((q.correct_index + 1) % 4 + 1), "enter")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("s")  # a second press: already saved, nothing written again
        await pilot.pause()
    assert theirs.read_text(encoding="utf-8") == "somebody's own notes\n"
    assert theirs.stat().st_mode & 0o777 == 0o644
    saved = sorted(p for p in tmp_path.glob("quiz-missed-kidney-care-*.md") if p != theirs)
    assert [p.name for p in saved] == ["quiz-missed-kidney-care-20261127-1500-2.md"]  # their file is kept
    for path in saved:
        assert path.stat().st_mode & 0o777 == 0o600
        text = path.read_text(encoding="utf-8")
        assert q.prompt in text and q.answer in text
    assert not list(tmp_path.glob(".*.tmp"))


async def test_the_missed_list_says_a_flashcard_grade_is_a_grade(
    deck: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The list to take to a clinic visit said "**Your answer:** Again" of a card graded Again (a
    new user's report): it says what the summary says, "Again (not yet remembered)"."""
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(tmp_path))
    app = make_app([deck], tmp_path / "data", study=StudyRequest(deck, Mode.FLASHCARD, count=1))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")  # the disclaimer
        await pilot.pause()
        await pilot.press("space")
        await pilot.pause()
        await pilot.press("1")  # Again: the card comes again later in the session
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("s")
        await pilot.pause()
    [saved] = tmp_path.glob("quiz-missed-kidney-care-*.md")
    assert "**Your answer:** Again (not yet remembered)" in saved.read_text(encoding="utf-8")


async def test_review_due_asks_the_due_facts(deck: Path, tmp_path: Path) -> None:
    from datetime import timedelta

    from tests.tui_helpers import FROZEN

    data = tmp_path / "data"
    with Store.open(data, backup=False) as store:
        sid = store.start_session("kidney-care", "multiple-choice", "1.0.0", now=FROZEN - timedelta(days=30))
        store.record_answer(
            sid, "kidney-care", "salt-limit", kind="multiple_choice", response="x", correct=False,
            now=FROZEN - timedelta(days=30),
        )  # fmt: skip
        store.finish_session(sid, now=FROZEN - timedelta(days=30))
    app = make_app([deck], data)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = await _review(pilot)
        # the due fact first, then at most a few new ones
        assert screen.run.session.questions[0].fact_id == "salt-limit"
        assert len(screen.run.session.questions) == 3


async def test_damaged_history_is_kept_aside_and_a_fresh_one_started(deck: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    garbage = b"this is not a database, but it is somebody's history" * 100
    (data / "history.db").write_bytes(garbage)
    app = make_app([deck], data)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "cannot be used: not an SQLite database" in str(app.screen.query_one(".dialog-body").render())
        await pilot.click("#fresh")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and app.store is not None
    kept = [p for p in data.iterdir() if p.name.startswith("history.damaged-") and p.read_bytes() == garbage]
    assert len(kept) == 1


async def test_a_full_disk_is_a_message_and_studying_goes_on(deck: Path, tmp_path: Path) -> None:
    from textual.widgets import Input

    data = tmp_path / "data"
    app = make_app([deck], data, study=StudyRequest(deck, Mode.TYPED))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        # SQLite's own cap on the file's size: a write that needs a new page fails with
        # SQLITE_FULL ("database or disk is full"), exactly as on a full disk.
        conn = app.store._conn
        conn.execute(f"PRAGMA max_page_count = {conn.execute('PRAGMA page_count').fetchone()[0]}")
        screen.query_one("#typed", Input).value = "a long answer " * 2000
        await pilot.press("enter")
        await pilot.pause()
        assert "✗ Not quite." in shown(screen)
        assert screen.run.unsaved == 1 and screen.run.session.position == 1
        assert any("the disk is full" in n.message for n in app._notifications)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.run.phase is Phase.ASKING and app.is_running
        await pilot.press("escape")
        await pilot.pause()
        assert "1 answer could not be saved" in str(app.screen.query_one("#summary-head").render())


async def test_the_daily_backup_is_taken_in_the_background(
    deck: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    with Store.open(data, backup=False) as store:
        sid = store.start_session("kidney-care", "multiple-choice", "1.0.0")
        store.record_answer(sid, "kidney-care", "salt-limit", kind="multiple_choice", response="x", correct=False)
    app = make_app([deck], data)
    workers: list = []
    started = worker_groups(app, monkeypatch, workers)
    async with app.run_test(size=(80, 24)) as pilot:
        # The backup's own worker, as it was started: it may have finished and left app.workers
        # already, and wait_for_complete([]) would wait for the deck watcher, which never ends.
        await pilot.pause()
        backup = [w for group, w in zip(started, workers, strict=True) if group == "backup"]
        assert len(backup) == 1
        await backup[0].wait()
        await pilot.pause()
    assert started.count("backup") == 1
    backups = list((data / "backups").glob("*.db"))
    assert len(backups) == 1 and backups[0].stat().st_mode & 0o777 == 0o600


async def test_an_unusable_history_is_a_message_and_home_still_opens(deck: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    (data / "history.db").mkdir()  # neither a database nor something to move aside
    app = make_app([deck], data)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and app.store is None
        notes = list(app._notifications)
        assert any(n.title == "Score history unavailable" and "will not be saved" in n.message for n in notes)
        await pilot.press("enter", "2", "enter")
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen)


async def test_home_is_the_first_screen_and_escape_cannot_leave_it_blank(deck: Path, tmp_path: Path) -> None:
    app = make_app([deck], tmp_path / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen_stack == [app.screen] and isinstance(app.screen, HomeScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and app.is_running


def footer_keys(screen) -> dict[str, bool]:  # type: ignore[no-untyped-def]
    """The footer's keys as drawn: key -> enabled; each key and its label is on the line."""
    from quiz.tui.bars import KeysBar

    bar = screen.query_one(KeysBar)
    line = bar.render().plain
    for key in bar.keys:
        assert f" {key.display} {key.description} " in line
    return {key.key: key.enabled for key in bar.keys}


async def test_the_footer_follows_the_keys_as_they_change(deck: Path, tmp_path: Path) -> None:
    app = make_app([deck], tmp_path / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert footer_keys(app.screen) == {
            "enter": True,
            "r": True,
            "v": True,
            "h": True,
            "q": True,
            "question_mark": True,
            "ctrl+p": True,
        }
        screen = await _study(pilot)
        q = screen.run.session.current
        assert q.kind is Kind.MULTIPLE_CHOICE
        await pilot.pause()
        asking = footer_keys(screen)
        assert "1" in asking and "enter" not in asking and "u" not in asking  # nothing to go on to or undo

        await pilot.press(str(q.correct_index + 1))
        await pilot.pause()
        answered = footer_keys(screen)
        assert answered["enter"] and answered["u"] and "1" not in answered
        await pilot.press("u")  # undo: back to asking, and the footer with it
        await pilot.pause()
        assert footer_keys(screen) == asking


async def test_a_click_on_a_key_in_the_bar_presses_it(deck: Path, tmp_path: Path) -> None:
    from quiz.tui.bars import KeysBar
    from quiz.tui.screens.history import HistoryScreen

    app = make_app([deck], tmp_path / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(KeysBar)
        start = bar.render().plain.index(" h History ")
        await pilot.click(KeysBar, offset=(start + 3, 0))
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)


@pytest.mark.parametrize("width", [30, 45, 60])
async def test_a_narrow_bar_leaves_out_whole_keys_and_keeps_the_palette(deck: Path, tmp_path: Path, width: int) -> None:
    from quiz.tui.bars import KeysBar

    app = make_app([deck], tmp_path / "data")
    async with app.run_test(size=(width, 24)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(KeysBar)
        line = bar.render().plain
        assert len(line) == width and line.rstrip().endswith("^p palette")
        drawn = [k for k in bar.keys if f" {k.display} {k.description} " in line]
        assert drawn[-1].key == "ctrl+p" and drawn[0].key == "enter"
        assert drawn[:-1] == bar.keys[: len(drawn) - 1]  # the first keys, in order, none cut


@pytest.mark.parametrize("width", [30, 40, 50])
async def test_a_narrow_bar_keeps_the_way_out(deck: Path, tmp_path: Path, width: int) -> None:
    """At 40 columns the study screen's keys line had no room for "esc Leave" (a reviewer): where
    not all keys fit, the way out keeps its room and comes after the first keys that fit."""
    from quiz.tui.bars import KeysBar

    data = tmp_path / "data"
    with Store.open(data, backup=False) as store:  # the disclaimer accepted: the question is on screen
        store.finish_session(store.start_session("kidney-care", "mixed", "1.0.0"))
    app = make_app([deck], data, study=StudyRequest(deck, Mode.MULTIPLE_CHOICE))
    async with app.run_test(size=(width, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen)
        bar = app.screen.query_one(KeysBar)
        line = bar.render().plain
        drawn = [k for k in bar.keys if f" {k.display} {k.description} " in line]
        assert len(line) == width and len(drawn) < len(bar.keys)  # not all fit
        assert [k.key for k in drawn if k.key != "ctrl+p"][-1] == "escape" and " esc Leave " in line
        others = [k for k in bar.keys if k.key not in ("escape", "ctrl+p")]
        assert [k for k in drawn if k.key not in ("escape", "ctrl+p")] == others[: len(drawn) - 2]


async def test_the_deck_moved_to_keeps_its_marker_after_the_menu_is_closed(deck: Path, tmp_path: Path) -> None:
    """A new user: Down, Enter, Escape, and the ▶ column of the deck list was gone, the deck moved
    to shown by its shading alone (the table drew its rows again, and clear() lost their labels)."""
    other = write_named_deck(tmp_path / "decks", "deck-b", "Deck B")
    app = make_app([deck, other], tmp_path / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#decks")
        await pilot.press("down", "enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        for keys, row in ((), 2), (("up",), 1):
            await pilot.press(*keys)
            await pilot.pause()
            lines = [table.render_line(y).text for y in range(3)]
            assert [line.lstrip().startswith("▶") for line in lines[1:]] == [row == 1, row == 2], lines


async def test_history_tables_fit_80_columns_with_the_longest_cells(deck: Path, tmp_path: Path) -> None:
    from textual.widgets import DataTable

    data = tmp_path / "data"
    long_deck = write_deck(
        tmp_path / "decks", DECK.replace("Caring for your kidneys", "A very long deck title " * 4), name="long.toml"
    )
    with Store.open(data, backup=False) as store:
        for mode in ("due", "typed", "multiple-choice"):
            sid = store.start_session("kidney-care", mode, "1.0.0")
            for i in range(120):  # three-digit counts, and misses for the weakest list
                fact = ("salt-limit", "dialysis-purpose")[i % 2]
                store.record_answer(sid, "kidney-care", fact, kind="typed", response="x", correct=i % 3 > 0)
            store.finish_session(sid, ended_early=True)
    app = make_app([long_deck], data, history=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for tab_key, tab in (("1", "tab-sessions"), ("2", "tab-progress"), ("3", "tab-weakest"), ("4", "tab-due")):
            await pilot.press(tab_key)
            await pilot.pause()
            for table in app.screen.query_one(f"#{tab}").query(DataTable):
                assert table.virtual_size.width <= table.scrollable_content_region.width, (tab_key, table.id)
        rows = [[str(c) for c in app.screen.query_one("#sessions", DataTable).get_row_at(i)] for i in range(3)]
        assert [r[3] for r in rows] == ["80/120 early"] * 3
        assert app.screen.query_one("#weakest", DataTable).row_count == 2
        assert {r[2] for r in rows} == {"Due review", "Typed", "Multi-choice"}
        assert rows[0][1].startswith("A very long deck") and rows[0][1].endswith("…")
        assert "early" in str(app.screen.query_one("#sessions-text").render())


async def test_a_session_quiz_never_ended_shows_as_not_ended(deck: Path, tmp_path: Path) -> None:
    """A session cut off by kill -9 showed on the History screen as an ordinary one, "<1 min" long
    (from its start to its start), where `quiz history --plain` said "not finished" (a tester's
    report): the screen says it has not ended, which may be because it is still open (in this or
    another window: a reviewer's finding), and what that means."""
    import sqlite3

    from textual.widgets import DataTable

    from quiz.paths import history_db

    data = tmp_path / "data"
    with Store.open(data, backup=False) as store:
        sid = store.start_session("kidney-care", "multiple-choice", "1.0.0")
        store.record_answer(sid, "kidney-care", "salt-limit", kind="multiple_choice", response="x", correct=False)
    with sqlite3.connect(history_db(data)) as db:  # as a process killed before its end leaves it
        db.execute("UPDATE sessions SET finished_at = NULL, ended_early = 0")
    app = make_app([deck], data, history=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        row = [str(c) for c in app.screen.query_one("#sessions", DataTable).get_row_at(0)]
        assert row[3:] == ["0/1", "not ended"]
        said = str(app.screen.query_one("#sessions-text").render())
        assert '"not ended": still open, or quiz stopped first.' in said


async def test_home_table_fits_80_columns_with_the_longest_cells(tmp_path: Path) -> None:
    from textual.widgets import DataTable

    decks = tmp_path / "decks"
    long_deck = write_deck(decks, DECK.replace("Caring for your kidneys", "A very long deck title " * 4), name="a.toml")
    write_deck(decks, "format = 1\n", name="a-broken-deck-with-a-file-name-much-longer-than-its-column.toml")
    data = tmp_path / "data"
    with Store.open(data, backup=False) as store:
        sid = store.start_session("kidney-care", "typed", "1.0.0")
        for i in range(120):
            store.record_answer(sid, "kidney-care", "salt-limit", kind="typed", response="x", correct=i % 2 == 0)
    app = make_app(sorted(decks.glob("*.toml")), data)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#decks", DataTable)
        assert table.row_count == 2 and long_deck.exists()
        assert table.virtual_size.width <= table.scrollable_content_region.width
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(2)]
        assert any("60/120" in row for row in rows)  # the longest "Last" cell is there, and fits


@pytest.mark.parametrize("mode", list(Mode))
def test_every_mode_has_a_short_label_for_the_sessions_table(mode: Mode) -> None:
    assert 0 < len(mode.short) <= 12 and len(mode.short) <= len(mode.label)


async def test_a_deck_edited_during_a_session_shows_on_home_when_back(deck: Path, tmp_path: Path) -> None:
    from textual.widgets import DataTable

    app = make_app([deck], tmp_path / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        await _study(pilot)
        deck.write_text(DECK.replace("Caring for your kidneys", "Kidney care, edited"), encoding="utf-8")
        app.poll_decks()
        await pilot.pause()
        await pilot.press("escape")  # leave before answering: straight back to Home
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert str(app.screen.query_one("#decks", DataTable).get_row_at(0)[0]) == "Kidney care, edited"


async def test_no_backup_worker_starts_when_no_backup_is_due(
    deck: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    with Store.open(data, backup=False) as store:
        sid = store.start_session("kidney-care", "multiple-choice", "1.0.0")
        store.record_answer(sid, "kidney-care", "salt-limit", kind="multiple_choice", response="x", correct=False)
        assert store.backup_if_due() is not None and not store.backup_due()
    app = make_app([deck], data)
    started = worker_groups(app, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        # Every worker but the deck watcher, which runs as long as the app does (an empty list
        # would mean every worker to wait_for_complete).
        others = [w for w in app.workers if w.group != "decks"]
        if others:
            await app.workers.wait_for_complete(others)
        await pilot.pause()
    assert "backup" not in started  # a worker that found nothing due would leave no other trace
    assert len(list((data / "backups").glob("*.db"))) == 1


async def test_a_deleted_wal_is_reported_and_its_answers_kept(deck: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    app = make_app([deck], data, study=StudyRequest(deck, Mode.MULTIPLE_CHOICE, count=3))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        for _ in range(2):
            await pilot.press("1", "enter")
            await pilot.pause()
        assert app.store is not None
        Path(f"{app.store.path}-wal").unlink()
        app.tend_store()  # what the app's timer does while it runs
        await pilot.pause()
        assert any("was deleted while quiz was open" in n.message for n in app._notifications)
        app.store._conn.close()  # then the process dies without closing anything
        app.store = None
    with Store.open(data, backup=False) as store:
        assert sum(1 for _ in store.answers()) == 2


async def test_an_emptied_history_offers_the_backup_holding_the_answers(deck: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Store.open(data, backup=False) as store:
        sid = store.start_session("kidney-care", "quiz")
        for _ in range(10):
            store.record_answer(sid, "kidney-care", "water-glasses", kind="typed", response="8", correct=True)
        store.finish_session(sid)
        backup = store.backup()
    (data / "history.db").write_bytes(b"")
    app = make_app([deck], data)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        body = str(app.screen.query_one(".dialog-body").render())
        assert f"it is empty, while the backup {backup.name} holds 10" in body
        await pilot.click("#restore")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and app.store is not None
        assert sum(1 for _ in app.store.answers()) == 10
async def test_two_decks_with_one_id_show_as_a_problem_naming_both(deck: Path, tmp_path: Path) -> None:
    from textual.widgets import DataTable

    copy = write_deck(tmp_path / "decks", name="copy.toml")
    app = make_app([deck, copy], tmp_path / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#decks", DataTable)
        assert "cannot be used" in str(table.get_row_at(0)[0])
        detail = str(app.screen.query_one("#deck-detail").render())
        assert 'deck id "kidney-care" is also the id of' in detail and "copy.toml" in detail


async def test_each_sitting_shuffles_the_options_anew(deck: Path, tmp_path: Path) -> None:
    """A reviewer met the same question three times with its options in the same order."""
    data = tmp_path / "data"
    app = make_app([deck], data)
    async with app.run_test(size=(80, 24)) as pilot:
        orders = []
        for _ in range(3):
            screen = await _study(pilot)  # leaving before any answer records nothing: the disclaimer again
            orders.append({q.fact_id: q.options for q in screen.run.session.questions})
            await pilot.press("escape")
            await pilot.pause()
            await pilot.pause()
        assert orders[0].keys() == orders[1].keys() == orders[2].keys()
        assert orders[0] != orders[1] or orders[1] != orders[2]
    assert answers(data) == []


async def test_history_chooses_its_deck_in_a_list_marked_without_colour(deck: Path, tmp_path: Path) -> None:
    """The deck filter is a list whose choice moved to reads "▶ ..." (a reviewer saw History's
    drop-down mark it by colour alone); Enter shows that deck, Escape changes nothing."""
    from quiz.tui.screens.dialogs import DeckFilterDialog
    from quiz.tui.screens.history import HistoryScreen

    other = write_named_deck(tmp_path / "decks", "heart-care", "Heart care")
    data = tmp_path / "data"
    with Store.open(data, backup=False) as store:
        for deck_id in ("kidney-care", "heart-care"):
            sid = store.start_session(deck_id, "quiz", "1.0.0")
            store.record_answer(sid, deck_id, "f1", kind="choice", response="x", correct=True)
    app = make_app([deck, other], data, history=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HistoryScreen)

        def said() -> str:
            return str(screen.query_one("#deck-filter").render())

        def sessions() -> int:
            return screen.query_one("#sessions").row_count

        assert said().startswith("Deck: All decks") and sessions() == 2
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, DeckFilterDialog)
        listed = app.screen.query_one("#decks")
        assert [str(listed.get_option_at_index(i).prompt) for i in range(3)] == [
            "▶ All decks", "  Caring for your kidneys", "  Heart care",
        ]  # fmt: skip
        await pilot.press("down", "down")
        await pilot.pause()
        assert str(listed.get_option_at_index(2).prompt) == "▶ Heart care"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen and said().startswith("Deck: Heart care") and sessions() == 1
        await pilot.press("f")
        await pilot.pause()
        assert str(app.screen.query_one("#decks").get_option_at_index(2).prompt) == "▶ Heart care"  # where it is
        await pilot.press("up", "escape")
        await pilot.pause()
        assert app.screen is screen and said().startswith("Deck: Heart care")  # Escape changes nothing
        await pilot.press("f")
        await pilot.pause()
        await pilot.press("up", "up", "enter")
        await pilot.pause()
        assert said().startswith("Deck: All decks") and sessions() == 2


async def test_escape_ends_a_review_of_several_decks_and_finishing_one_goes_on(deck: Path, tmp_path: Path) -> None:
    """A reviewer pressed Escape in Review (r) and was taken to the next deck with something due,
    six times, before Home came back. Finishing a deck goes on to the next, and says which."""
    from quiz.tui.screens.summary import SummaryScreen as Summary

    other = write_named_deck(tmp_path / "decks", "heart-care", "Heart care")
    data = tmp_path / "data"
    with Store.open(data, backup=False) as store:  # both decks seen before: no disclaimer
        for deck_id in ("kidney-care", "heart-care"):
            store.finish_session(store.start_session(deck_id, "quiz", "1.0.0"))
    app = make_app([deck, other], data)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _review(pilot)
        await pilot.press("escape")  # nothing answered: the review ends, Home again
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)

        screen = await _review(pilot)
        reviewed = screen.run.deck.id
        while screen.run.phase is not Phase.FINISHED:  # answer every question of the first deck
            await pilot.press("1")
            await pilot.pause()
            if screen.run.phase is Phase.CERTAINTY:
                await pilot.press("2")
                await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, Summary)
        await pilot.press("enter")  # Done: on to the next deck with something waiting
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen) and app.screen.run.deck.id != reviewed
        title = app.screen.run.deck.title  # named as it begins: Done gave no word of another deck
        assert [n.message for n in app._notifications if n.title == "Review"] == [f"Next: {title} (deck 2 of 2)"]


async def test_the_deck_list_fits_a_window_made_smaller_while_it_is_open(tmp_path: Path) -> None:
    """A reviewer shrank the window to 40x12 with the list open: it ran off the dialog, unscrolled,
    and the ▶ choice moved out of sight."""
    decks = [write_named_deck(tmp_path / "decks", f"d{i}", f"Deck {i}") for i in range(5)]
    data = tmp_path / "data"
    with Store.open(data, backup=False) as store:
        store.finish_session(store.start_session("d0", "quiz", "1.0.0"))
    app = make_app(decks, data, history=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        await pilot.press("down", "down", "down", "down")
        await pilot.pause()
        listed = app.screen.query_one("#decks")
        assert listed.highlighted == 4
        assert listed.region.bottom <= app.screen.size.height  # inside the window
        assert listed.scroll_y > 0  # scrolled to the ▶ choice


async def test_home_and_history_count_the_same_facts_as_due(deck: Path, tmp_path: Path) -> None:
    """A fact taken out of its deck keeps its history but is never due again: Home said "2" and
    History's Due tab "1" to a reviewer (History counted the stored state of the removed fact)."""
    from datetime import timedelta

    from quiz.commands.history import history_json
    from quiz.glossary import scheduled_ids
    from quiz.tui.screens.history import HistoryScreen
    from tests.tui_helpers import FROZEN

    data = tmp_path / "data"
    month_ago = FROZEN - timedelta(days=30)
    with Store.open(data, backup=False) as store:
        sid = store.start_session("kidney-care", "multiple-choice", "1.0.0", now=month_ago)
        for fact in ("salt-limit", "a-fact-since-removed"):
            store.record_answer(
                sid, "kidney-care", fact, kind="multiple_choice", response="x", correct=False, now=month_ago
            )
        store.finish_session(sid, now=month_ago)
    app = make_app([deck], data)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        row = home.query_one("#decks").get_row_at(0)
        assert str(row[2]) == "1"  # the Due now column
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert str(app.screen.query_one("#due-text").render()).startswith("Due now: 1 ")
        deck_now = load_deck(deck)
        store = app.services.store
        assert store is not None
        doc = history_json(store, None, 5, {deck_now.id: scheduled_ids(deck_now)})
        assert [d["due_now"] for d in doc["decks"]] == [1]  # `quiz history --json` too


async def test_a_deck_without_sessions_says_so_on_the_sessions_tab(deck: Path, tmp_path: Path) -> None:
    other = write_named_deck(tmp_path / "decks", "heart-care", "Heart care")
    data = tmp_path / "data"
    with Store.open(data, backup=False) as store:
        store.finish_session(store.start_session("kidney-care", "quiz", "1.0.0"))
    app = make_app([deck, other], data, history=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = app.screen.query_one("#sessions-text")
        assert str(text.render()).startswith("Newest first")
        await choose_deck(pilot, 2)  # Heart care: never studied
        assert str(text.render()).startswith("No sessions of this deck yet")
        assert not app.screen.query_one("#sessions").display


async def test_home_and_end_go_to_the_first_and_the_last_deck(deck: Path, tmp_path: Path) -> None:
    from textual.widgets import DataTable

    decks = [deck, *(write_named_deck(tmp_path / "decks", f"deck-{n}", f"Deck {n}") for n in range(3))]
    app = make_app(decks, tmp_path / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#decks", DataTable)
        await pilot.press("end")
        assert table.cursor_row == 3 and "Deck 2" in str(app.screen.query_one("#deck-detail").render())
        await pilot.press("home")
        assert table.cursor_row == 0 and "Caring for your kidneys" in str(app.screen.query_one("#deck-detail").render())


async def test_down_and_enter_typed_at_once_study_the_deck_down_moved_to(deck: Path, tmp_path: Path) -> None:
    """Keys are taken in the order typed: Enter bound on the screen with priority ran ahead of the
    table's Down, and studied the deck above the one the person moved to."""
    from textual import events

    from quiz.tui.screens.dialogs import ModeDialog

    other = write_named_deck(tmp_path / "decks", "deck-b", "Deck B")
    app = make_app([deck, other], tmp_path / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for key, character in (("down", None), ("enter", "\r")):
            app.post_message(events.Key(key, character))  # both waiting before either is handled
        await pilot.pause()
        assert isinstance(app.screen, ModeDialog)
        assert "Study: Deck B" in " ".join(str(w.render()) for w in app.screen.query("Static"))


async def test_homes_help_lists_every_key_its_keys_line_shows(deck: Path, tmp_path: Path) -> None:
    """Enter is the deck table's key, not the screen's: the help lists it all the same."""
    from quiz.tui.screens.dialogs import HelpDialog

    app = make_app([deck], tmp_path / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        shown = {(key.display, key.description) for key in app.screen.query_one("KeysBar").keys}
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpDialog)
        listed = {description for _, description in app.screen.keys}
        assert ("⏎", "Study") in shown and {description for _, description in shown} - {"palette"} <= listed, listed


@pytest.mark.parametrize("where", ["home", "study", "summary", "history", "words"])
@pytest.mark.parametrize("height", [24, 16, 40])
async def test_every_help_keeps_a_blank_line_above_its_hint(tmp_path: Path, where: str, height: int) -> None:
    """A tester saw the help's last line run into "Escape closes this help." with no gap: the box,
    cut to the window, laid the hint over the blank line above it."""
    from quiz.paths import builtin_decks_dir
    from quiz.tui.screens.dialogs import Dialog, DisclaimerDialog

    builtin = next(builtin_decks_dir().glob("*.toml"))  # a long disclaimer and sources: the longest help
    study = StudyRequest(builtin, Mode.FLASHCARD) if where in ("study", "summary", "words") else None
    app = make_app([builtin], tmp_path / "data", study=study, history=where == "history")
    async with app.run_test(size=(80, height)) as pilot:
        await pilot.pause()
        if isinstance(app.screen, DisclaimerDialog):
            await pilot.press("enter")
            await pilot.pause()
        if where == "summary":
            await pilot.press("space", "3", "escape")
            await pilot.pause()
            assert isinstance(app.screen, SummaryScreen)
        await pilot.press("g" if where == "words" else "question_mark")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, Dialog)
        hint = dialog.query_one(".dialog-hint")
        above = max(w.region.bottom for w in dialog.query(".dialog-title, .dialog-body"))
        assert hint.region.y - above >= 1, (hint.region, above)
        assert dialog.query_one(".dialog").region.bottom <= height  # the box is whole: the hint is seen


async def test_no_sessions_at_all_is_worded_for_all_decks(deck: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Store.open(data, backup=False):
        pass  # a history with no sessions yet
    app = make_app([deck], data, history=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "All decks" in str(app.screen.query_one("#deck-filter").render())
        text = str(app.screen.query_one("#sessions-text").render())
        assert text.startswith("No sessions yet") and "this deck" not in text
        assert not app.screen.query_one("#sessions").display


async def test_home_draws_its_detail_pane_again_only_when_it_would_show_something_else(
    deck: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The row highlighted again after the rows are drawn (and a deck read back as it was) showed the
    same text: drawing it again cost a layout and a render of the screen at every start."""
    from textual.widgets import Static

    other = write_named_deck(tmp_path / "decks", "heart", "Heart care")
    app = make_app([deck, other], tmp_path / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        drawn: list[str] = []
        update = Static.update

        def counting(self: Static, *args: object, **kwargs: object) -> None:
            if self.id == "deck-detail":
                drawn.append(str(args[0]))
            update(self, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(Static, "update", counting)
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        screen._show_detail()
        screen.refresh_decks()
        assert drawn == []  # the same deck, the same text
        await pilot.press("down")
        assert len(drawn) == 1 and drawn[0].startswith("Heart care")
        await pilot.press("up")
        assert len(drawn) == 2 and drawn[1].startswith("Caring for your kidneys")


async def test_historys_due_tab_is_read_again_while_it_is_open(deck: Path, tmp_path: Path) -> None:
    """Facts fall due while History is open: its Due tab is read again as Home's rows are, every
    REFRESH_S seconds (called here at once), and the other tabs keep their place."""
    from datetime import timedelta

    from quiz.tui.app import QuizApp, Settings
    from tests.tui_helpers import FROZEN

    data = tmp_path / "data"
    with Store.open(data, backup=False) as store:
        sid = store.start_session("kidney-care", "multiple-choice", "1.0.0", now=FROZEN)
        store.record_answer(sid, "kidney-care", "salt-limit", kind="multiple_choice", response="x", correct=False,
                            now=FROZEN)  # fmt: skip
        store.finish_session(sid, now=FROZEN)
    moment = [FROZEN]
    settings = Settings(data_dir=data, deck_paths=[deck], clock=lambda: moment[0], fuzz=False, blink=False, settle=0)
    app = QuizApp(settings, history=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        due = app.screen.query_one("#due-text")
        assert str(due.render()).startswith("Due now: 0 ")
        moment[0] = FROZEN + timedelta(days=3)
        app.screen._refresh_due()  # type: ignore[attr-defined]
        await pilot.pause()
        assert str(due.render()).startswith("Due now: 1 ")


class _HeldClock:
    """A clock held at `start` until `release()`, then running in real time from there: a slow
    machine's start-up cannot carry it past a due moment before the test has read the screen."""

    def __init__(self, start: datetime) -> None:
        self.start = start
        self.released_at: float | None = None

    def __call__(self) -> datetime:
        import time
        from datetime import timedelta

        if self.released_at is None:
            return self.start
        return self.start + timedelta(seconds=time.monotonic() - self.released_at)

    def release(self) -> None:
        import time

        self.released_at = time.monotonic()


def _falling_due_soon(data: Path) -> _HeldClock:
    """A history whose one fact falls due later today, and a held clock at a moment just before
    then: once released, the fact falls due while the screen is open, long before REFRESH_S."""
    from datetime import timedelta

    from tests.tui_helpers import FROZEN

    with Store.open(data, backup=False) as store:
        sid = store.start_session("kidney-care", "multiple-choice", "1.0.0", now=FROZEN)
        store.record_answer(sid, "kidney-care", "salt-limit", kind="multiple_choice", response="x", correct=False,
                            now=FROZEN)  # fmt: skip
        store.finish_session(sid, now=FROZEN)
        state = store.fact_state("kidney-care", "salt-limit")
    assert state is not None and state.card.due > FROZEN
    return _HeldClock(state.card.due - timedelta(seconds=0.5))


async def _until(pilot, condition, tries: int = 400) -> bool:  # type: ignore[no-untyped-def]
    for _ in range(tries):
        if condition():
            return True
        await pilot.pause(0.05)
    return False


async def test_homes_due_now_is_drawn_again_when_a_fact_falls_due(deck: Path, tmp_path: Path) -> None:
    """A tester saw Home say 0 due while `quiz history` and the study menu said 2: Home read its
    counts every 60 s. It draws again at the moment the next fact falls due."""
    from quiz.tui.app import QuizApp, Settings

    data = tmp_path / "data"
    clock = _falling_due_soon(data)
    settings = Settings(data_dir=data, deck_paths=[deck], clock=clock, fuzz=False, blink=False, settle=0)
    app = QuizApp(settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        detail = app.screen.query_one("#deck-detail")
        assert "Facts (3): 0 due now · 1 later today" in str(detail.render())
        clock.release()
        assert await _until(pilot, lambda: "Facts (3): 1 due now · 0 later today" in str(detail.render()))


async def test_historys_due_tab_is_drawn_again_when_a_fact_falls_due(deck: Path, tmp_path: Path) -> None:
    from quiz.tui.app import QuizApp, Settings

    data = tmp_path / "data"
    clock = _falling_due_soon(data)
    settings = Settings(data_dir=data, deck_paths=[deck], clock=clock, fuzz=False, blink=False, settle=0)
    app = QuizApp(settings, history=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        due = app.screen.query_one("#due-text")
        assert str(due.render()).startswith("Due now: 0 ")
        clock.release()
        assert await _until(pilot, lambda: str(due.render()).startswith("Due now: 1 "))
