"""Decks while the app runs: a large deck checked off the UI thread, and reloads as messages."""

from __future__ import annotations

import threading
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable

import quiz.tui.app
import quiz.tui.decks
import quiz.tui.screens.home
from quiz.deck import cache as deck_cache
from quiz.deck.discover import FoundDeck, load_found
from quiz.deck.load import load_deck
from quiz.mode import Mode
from quiz.paths import cache_dir
from quiz.store import Store
from quiz.tui.app import QuizApp, StudyRequest
from quiz.tui.decks import DeckReloaded
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.study import StudyScreen
from tests.tui_helpers import DECK, make_app, write_deck
from tests.tui_helpers import FROZEN as FROZEN_AT


@pytest.fixture
def deck(tmp_path: Path) -> Path:
    return write_deck(tmp_path / "decks")


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Every deck counts as large (checked by the watcher), and the watcher's loads wait for the
    event: the test sees the app before the check is done, then lets it finish."""
    gate = threading.Event()

    def load_when_let(path: Path, builtin: bool = False, **where: Any) -> FoundDeck:
        gate.wait(10)
        return load_found(path, builtin, **where)

    monkeypatch.setattr(quiz.tui.decks, "LOAD_AT_ONCE", 0)
    monkeypatch.setattr(quiz.tui.decks, "load_found", load_when_let)
    return gate


def _first_row(app: QuizApp) -> list[str]:
    return [str(cell) for cell in app.screen.query_one("#decks", DataTable).get_row_at(0)]


async def _until(pilot, condition, tries: int = 200) -> None:  # type: ignore[no-untyped-def]
    """Let the app run until `condition()` holds (the watcher works in a thread)."""
    for _ in range(tries):
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError("the app never got there")


async def test_an_edited_large_deck_shows_checking_then_its_row_without_a_key(
    deck: Path, tmp_path: Path, held: threading.Event
) -> None:
    app = make_app([deck], tmp_path / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert _first_row(app) == ["kidney.toml: checking...", "-", "-", "-", "-"]
        detail = str(app.screen.query_one("#deck-detail").render())
        assert "Checking kidney.toml" in detail
        held.set()
        await _until(pilot, lambda: _first_row(app)[0] == "Caring for your kidneys")
        assert _first_row(app)[1:] == ["3", "0", "-", "0%"]
        assert "A treatment" not in str(app.screen.query_one("#deck-detail").render())


async def test_a_broken_large_deck_shows_its_error_without_a_key(tmp_path: Path, held: threading.Event) -> None:
    broken = write_deck(tmp_path / "decks", DECK + "\n[[facts]]\nid = 5\n")
    app = make_app([broken], tmp_path / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert _first_row(app)[0] == "kidney.toml: checking..."
        held.set()
        await _until(pilot, lambda: "cannot be used" in _first_row(app)[0])
        assert app.decks[0].error is not None
        assert "has a problem and cannot be used" in str(app.screen.query_one("#deck-detail").render())


async def test_a_cached_large_deck_draws_its_row_from_the_summary_before_it_is_read(
    deck: Path, tmp_path: Path, held: threading.Event
) -> None:
    data = tmp_path / "data"
    load_deck(deck, cache=cache_dir(data))  # cached, as a start before this one left it
    summary = deck_cache.read_summary(deck_cache.file_key(deck), cache_dir(data))
    assert summary == (
        "kidney-care",
        "Caring for your kidneys",
        ("water-glasses", "dialysis-purpose", "salt-limit"),
        (("dialysis", "A treatment that cleans the blood when the kidneys cannot."),),
    )
    app = make_app([deck], data)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.decks[0].deck is None  # not read back yet: the row comes from the summary
        assert _first_row(app) == ["Caring for your kidneys", "3", "0", "-", "0%"]
        await pilot.press("enter")  # nothing to study until the deck is read
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        held.set()
        await _until(pilot, lambda: app.decks[0].deck is not None)


async def test_a_cached_large_deck_is_hashed_once_from_start_to_read(
    deck: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Start-up takes the file's cache key for the summary; the watcher's first look reuses it
    while the file's stamp is the same (it hashed the 3.6 MB bench deck twice more)."""
    data = tmp_path / "data"
    load_deck(deck, cache=cache_dir(data))
    monkeypatch.setattr(quiz.tui.decks, "LOAD_AT_ONCE", 0)
    hashed: list[Path] = []
    file_key = deck_cache.file_key

    def counting(path: Path) -> str:
        hashed.append(path)
        return file_key(path)

    monkeypatch.setattr(deck_cache, "file_key", counting)
    app = make_app([deck], data)
    async with app.run_test(size=(80, 24)) as pilot:
        await _until(pilot, lambda: app.decks[0].deck is not None)
        assert hashed == [deck]
        deck.write_text(DECK.replace("Cleans the blood", "Filters the blood"), encoding="utf-8")
        app.poll_decks()  # an edit: a new stamp, so the file is hashed again and read as it is now
        await _until(pilot, lambda: app.decks[0].deck is not None and "Filters" in str(app.decks[0].deck))
        assert len(hashed) > 1


async def test_the_watcher_posts_a_reload_that_reaches_the_study_screen(deck: Path, tmp_path: Path) -> None:
    app = make_app([deck], tmp_path / "data", study=StudyRequest(deck, Mode.FLASHCARD, count=2))
    app.settings.watch_interval = 0.02  # the real watcher, looking often; nothing calls poll_decks
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")  # past the disclaimer
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StudyScreen)
        deck.write_text(DECK.replace("Cleans the blood", "Filters the blood"), encoding="utf-8")
        await _until(pilot, lambda: screen.run.deck.fact("dialysis-purpose").answer == "Filters the blood")
        # said by the screen's handler, which posts the notification: it is shown a message later
        await _until(pilot, lambda: any(n.title == "Deck reloaded" for n in app._notifications))


async def _at_how_sure(pilot, app: QuizApp) -> StudyScreen:  # type: ignore[no-untyped-def]
    """Past the disclaimer, option 1 chosen: "How sure are you?" on screen."""
    from quiz.study import Phase

    await pilot.pause(0.4)
    await pilot.press("enter")  # past the disclaimer
    await pilot.pause(0.4)
    screen = app.screen
    assert isinstance(screen, StudyScreen)
    await pilot.press("1")
    await pilot.pause(0.4)
    assert screen.run.phase is Phase.CERTAINTY
    return screen


def _question_edited(app: QuizApp, screen: StudyScreen, folder: Path) -> None:
    """The deck file edited so the question on screen changes (its answer), and the reload posted."""
    fact = screen.deck.fact(screen.run.question.fact_id)
    edited = write_deck(folder, DECK.replace(f'"{fact.answer}"', f'"{fact.answer} (edited)"', 1))
    app.post_message(DeckReloaded(0, load_found(edited)))


async def test_a_question_changed_under_the_learner_drops_keys_a_while_and_says_so(deck: Path, tmp_path: Path) -> None:
    """The deck edited on disk while "How sure are you?" was on screen: the question is asked again,
    and the learner's "2" (meant as Fairly sure) chose option 2 0.45 s later (a tester's report).
    The screen says the question changed and drops keys for CHANGED_SETTLE_S."""
    from quiz.certainty import AskCertainty
    from quiz.study import Phase
    from quiz.tui.settle import CHANGED_SETTLE_S

    app = make_app([deck], tmp_path / "data", study=StudyRequest(deck, Mode.MULTIPLE_CHOICE, count=2), settle=0.3)
    app.ask_certainty = AskCertainty.ALL
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _at_how_sure(pilot, app)
        _question_edited(app, screen, tmp_path / "decks")
        await _until(pilot, lambda: screen.run.phase is Phase.ASKING)
        await _until(pilot, lambda: any(n.title == "Question changed" for n in app._notifications))
        await pilot.pause(0.45)
        await pilot.press("2")  # meant as "Fairly sure": dropped
        await pilot.pause()
        assert screen.run.phase is Phase.ASKING and screen.run.session.answers == []
        await pilot.pause(CHANGED_SETTLE_S)
        await pilot.press("2")
        await pilot.pause()
        assert screen.run.phase is not Phase.ASKING


async def test_a_question_changed_under_a_dialog_drops_keys_a_while_once_the_dialog_closes(
    deck: Path, tmp_path: Path
) -> None:
    """The question changed while the Words list was open over "How sure are you?": closing the
    list waited the usual 0.3 s only, and the learner's "2" chose option 2 (a tester's report)."""
    from quiz.certainty import AskCertainty
    from quiz.study import Phase
    from quiz.tui.settle import ACTED_GAP_S

    app = make_app([deck], tmp_path / "data", study=StudyRequest(deck, Mode.MULTIPLE_CHOICE, count=2), settle=0.3)
    app.ask_certainty = AskCertainty.ALL
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _at_how_sure(pilot, app)
        await pilot.press("g")  # the Words list over "How sure are you?", once no word follows the "g"
        await pilot.pause(ACTED_GAP_S + 0.6)
        assert app.screen is not screen and screen.run.phase is Phase.CERTAINTY
        _question_edited(app, screen, tmp_path / "decks")
        await _until(pilot, lambda: screen.run.phase is Phase.ASKING)
        await pilot.pause(2.0)  # the list stays open longer than the wait
        await pilot.press("escape")
        await pilot.pause(0.45)
        await pilot.press("2")  # meant as "Fairly sure": dropped
        await pilot.pause()
        assert app.screen is screen and screen.run.phase is Phase.ASKING and screen.run.session.answers == []


async def test_a_reload_posted_to_the_app_shows_on_home_when_it_is_shown_again(deck: Path, tmp_path: Path) -> None:
    app = make_app([deck], tmp_path / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        home = app.screen
        await pilot.press("h")  # History on top of Home
        await pilot.pause()
        fresh = load_found(write_deck(tmp_path / "decks", DECK.replace("Caring for", "Looking after")))
        app.post_message(DeckReloaded(0, fresh))
        await pilot.press("escape")  # Home, shown again, draws the deck as reloaded
        await pilot.pause()
        assert app.screen is home
        assert _first_row(app)[0] == "Looking after your kidneys"


def test_a_large_deck_is_parsed_in_a_child_that_files_it_in_the_cache(deck: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    assert quiz.tui.decks.parse_in_child(deck, cache)
    assert deck_cache.read(deck_cache.file_key(deck), cache, deck) == load_deck(deck)
    broken = write_deck(tmp_path / "broken", DECK + "\n[[facts]]\nid = 5\n")
    assert not quiz.tui.decks.parse_in_child(broken, cache)  # a deck with a problem: no entry
    assert deck_cache.read(deck_cache.file_key(broken), cache, broken) is None


@pytest.mark.parametrize("child", ["/bin/false", "/no/such/python"])
def test_a_child_that_fails_leaves_the_watcher_to_load_the_deck_itself(
    child: str, deck: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = write_deck(tmp_path / "broken", DECK + "\n[[facts]]\nid = 5\n")
    monkeypatch.setattr(quiz.tui.decks, "LOAD_AT_ONCE", 0)  # every deck counts as large
    monkeypatch.setattr(quiz.tui.decks.sys, "executable", child)
    unchecked = dict.fromkeys([deck, broken], (None, ""))  # no key taken at start-up
    watch = quiz.tui.decks.DeckWatch([(deck, False), (broken, False)], tmp_path / "cache", unchecked)
    loaded = dict(watch.changed())
    assert loaded[0].deck == load_deck(deck)
    assert loaded[1].error is not None and loaded[1].error.problems == load_found(broken).error.problems  # type: ignore[union-attr]


def test_a_large_deck_already_in_the_cache_needs_no_child(
    deck: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    load_deck(deck, cache=cache)
    children: list[Path] = []

    def parse_in_child(path: Path, cache: Path) -> bool:
        children.append(path)
        return False  # the watcher then parses it itself

    monkeypatch.setattr(quiz.tui.decks, "LOAD_AT_ONCE", 0)
    monkeypatch.setattr(quiz.tui.decks, "parse_in_child", parse_in_child)
    watch = quiz.tui.decks.DeckWatch([(deck, False)], cache, {deck: (None, "")})
    assert [found.deck for _, found in watch.changed()] == [load_deck(deck)]
    assert children == []
    deck.write_text(DECK.replace("Cleans the blood", "Filters the blood"), encoding="utf-8")  # edited: a child
    assert [found.deck.title for _, found in watch.changed() if found.deck] == ["Caring for your kidneys"]
    assert children == [deck]


def test_the_watcher_knows_whether_a_deck_is_left_for_its_first_look(deck: Path, tmp_path: Path) -> None:
    """The app's watcher looks as soon as Home is drawn only when a deck was left unchecked at
    start-up; otherwise every deck was loaded a moment before, and its first look comes one interval in."""
    cache = tmp_path / "cache"
    assert not quiz.tui.decks.DeckWatch([(deck, False)], cache).unchecked
    watch = quiz.tui.decks.DeckWatch([(deck, False)], cache, {deck: (None, "")})
    assert watch.unchecked
    assert [found.deck for _, found in watch.changed()] == [load_deck(deck)]
    assert not watch.unchecked


async def test_a_large_decks_mastery_is_counted_once_the_deck_is_read_not_from_its_summary(
    deck: Path, tmp_path: Path, held: threading.Event, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Counted by the watcher, in its thread, right after it reads the deck: never while the deck is
    read, and once, so that Home draws the row once (a count of Home's own would come as a second
    redraw). Home counts again in its own worker when it draws every row again."""
    monkeypatch.setattr(quiz.tui.decks, "MASTERY_AT_ONCE", 0)  # counted off the UI thread
    counted: list[tuple[str, str]] = []
    count = quiz.tui.decks.count_mastered

    def counting(services: object, deck_id: str, ids: set[str]) -> object:
        counted.append((threading.current_thread().name, deck_id))
        return count(services, deck_id, ids)  # type: ignore[arg-type]

    monkeypatch.setattr(quiz.tui.decks, "count_mastered", counting)
    monkeypatch.setattr(quiz.tui.screens.home, "count_mastered", counting)
    loads: list[str] = []
    load = quiz.tui.decks.load_found  # the held one

    def loading(*args: Any, **kwargs: Any) -> FoundDeck:
        loads.append(threading.current_thread().name)
        return load(*args, **kwargs)

    monkeypatch.setattr(quiz.tui.decks, "load_found", loading)
    data = tmp_path / "data"
    load_deck(deck, cache=cache_dir(data))
    with Store.open(data, backup=False) as store:
        sid = store.start_session("kidney-care", "multiple-choice", "1.0.0", now=FROZEN_AT - timedelta(days=3))
        for _ in range(4):  # answered right, days apart: mastered
            store.record_answer(sid, "kidney-care", "salt-limit", kind="typed", response="x", correct=True,
                                now=FROZEN_AT - timedelta(days=60 - 15 * _))  # fmt: skip
        store.finish_session(sid, now=FROZEN_AT - timedelta(days=3))
    app = make_app([deck], data)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert _first_row(app) == ["Caring for your kidneys", "3", "0", "4/4", "…"]  # from the summary
        await pilot.pause(0.1)
        assert counted == []  # not while the deck is being read
        held.set()
        await _until(pilot, lambda: _first_row(app)[4] != "…")
        await pilot.pause(0.1)
        assert counted == [(loads[0], "kidney-care")]  # once, by the watcher
        assert _first_row(app)[4] == "33%"
        app.screen.refresh_decks()  # as every minute: Home's own worker counts again
        await _until(pilot, lambda: len(counted) == 2)
        assert counted[1][0] != counted[0][0]


async def test_a_cached_large_decks_due_facts_and_words_are_counted_once_from_its_summary(
    deck: Path, tmp_path: Path, held: threading.Event, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The row drawn from the summary counts what the deck schedules (its facts and its glossary's
    words, as History and Review do); once the deck is read back holding the same, nothing is
    counted again (a large deck's 10,000 rows), and the detail pane shows the row's counts."""
    from datetime import timedelta

    from quiz.glossary import term_id
    from quiz.store import Store
    from quiz.store.due import DueQueries
    from tests.tui_helpers import FROZEN

    data = tmp_path / "data"
    load_deck(deck, cache=cache_dir(data))
    then = FROZEN - timedelta(days=30)
    with Store.open(data, backup=False) as store:
        sid = store.start_session("kidney-care", "multiple-choice", "1.0.0", now=then)
        for fact in ("salt-limit", term_id("dialysis")):
            store.record_answer(sid, "kidney-care", fact, kind="multiple_choice", response="x", correct=False, now=then)
        store.finish_session(sid, now=then)
    counted: list[frozenset[str]] = []
    due_counts = DueQueries.due_counts

    def counting(self: DueQueries, deck_id: str, ids: Any, now: Any = None) -> Any:
        counted.append(frozenset(ids))
        return due_counts(self, deck_id, ids, now)

    monkeypatch.setattr(DueQueries, "due_counts", counting)
    facts = frozenset({"water-glasses", "dialysis-purpose", "salt-limit"})
    app = make_app([deck], data)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert _first_row(app)[:3] == ["Caring for your kidneys", "3", "2"]  # a fact and a word
        held.set()
        await _until(pilot, lambda: app.decks[0].deck is not None)
        await pilot.press("down", "up")  # the detail pane drawn again, from the row's counts
        await pilot.pause()
        detail = str(app.screen.query_one("#deck-detail").render())
        assert "Facts (3): 1 due now" in detail and "Words to know (1): 1 due now" in detail
        assert counted.count(facts) == 1
        assert counted.count(frozenset({term_id("dialysis")})) == 1


async def test_a_large_deck_being_checked_is_named_as_its_file_is_named_never_as_markup(
    tmp_path: Path, held: threading.Event
) -> None:
    """A file name is untrusted text: brackets show as written (no style, no click action) and an
    escape character is made visible, in the row and in the detail pane."""
    deck = write_deck(tmp_path / "decks", name="[bold]x[@click=app.quit]y\x1b[31m.toml")
    app = make_app([deck], tmp_path / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        detail = str(app.screen.query_one("#deck-detail").render())
        assert "Checking [bold]x[@click=app.quit]y" in detail
        assert "\x1b" not in detail and "\x1b" not in _first_row(app)[0]
        held.set()


async def test_a_problem_found_in_a_deck_file_is_told_with_its_name_made_safe(
    tmp_path: Path, held: threading.Event
) -> None:
    broken = write_deck(tmp_path / "decks", DECK + "\n[[facts]]\nid = 5\n", name="bad\x1b[31m\x9b.toml")
    app = make_app([broken], tmp_path / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        held.set()
        await _until(pilot, lambda: len(app._notifications) > 0)
        told = next(iter(app._notifications))
        assert told.title.startswith("Problem in bad") and not set("\x1b\x9b") & set(told.title + told.message)


async def test_a_deck_file_added_while_the_app_is_open_shows_on_home(tmp_path: Path) -> None:
    """The watcher lists the decks folders again at each look: a new deck file gets a row (after
    the others), and can be studied, without a restart."""
    from quiz.tui.app import Settings
    from tests.tui_helpers import FROZEN, write_named_deck

    data = tmp_path / "data"
    write_deck(data / "decks")
    settings = Settings(data_dir=data, clock=lambda: FROZEN, fuzz=False, blink=False, settle=0.0)
    app = QuizApp(settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        before = [str(row[0]) for row in map(app.screen.query_one("#decks", DataTable).get_row_at, range(2))]
        assert before[1] == "Caring for your kidneys" and len(app.decks) == 2  # the built-in deck first
        write_named_deck(data / "decks", "new-deck", "A deck written just now")
        app.poll_decks()
        await _until(pilot, lambda: app.screen.query_one("#decks", DataTable).row_count == 3)
        assert str(app.screen.query_one("#decks", DataTable).get_row_at(2)[0]) == "A deck written just now"
        app.poll_decks()  # seen once: not added again
        await pilot.pause()
        assert len(app.decks) == 3
        await pilot.press("end", "enter")
        await pilot.pause()
        assert "A deck written just now" in str(app.screen.query_one(".dialog-title").render())


def _titles(app: QuizApp) -> list[str]:
    table = app.screen.query_one("#decks", DataTable)
    return [str(table.get_row_at(row)[0]) for row in range(table.row_count)]


async def test_a_deck_file_removed_while_the_app_is_open_leaves_home_and_comes_back_when_put_back(
    tmp_path: Path,
) -> None:
    """A tester deleted a deck file: Home kept offering it as "cannot be used". Its row goes at the
    watcher's next look, the others keep theirs (rows are keyed by deck index), and the file put
    back is shown again in its place."""
    from quiz.tui.app import Settings
    from quiz.tui.screens.dialogs import ModeDialog
    from tests.tui_helpers import FROZEN, write_named_deck

    data = tmp_path / "data"
    kidney = write_deck(data / "decks")
    write_named_deck(data / "decks", "lungs", "Looking after your lungs")
    app = QuizApp(Settings(data_dir=data, clock=lambda: FROZEN, fuzz=False, blink=False, settle=0.0))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        home = app.screen
        assert _titles(app)[1:] == ["Caring for your kidneys", "Looking after your lungs"]
        await pilot.press("end")  # on the lungs
        kidney.unlink()
        app.poll_decks()
        await _until(pilot, lambda: len(_titles(app)) == 2)
        assert _titles(app)[1:] == ["Looking after your lungs"] and not app._notifications  # no "Problem in"
        assert home.selected().deck.title == "Looking after your lungs"  # type: ignore[attr-defined, union-attr]
        write_named_deck(data / "decks", "new-deck", "A deck written just now")  # index 3, on row 2
        app.poll_decks()
        await _until(pilot, lambda: len(_titles(app)) == 3)
        await pilot.press("end", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ModeDialog)
        assert "A deck written just now" in str(app.screen.query_one(".dialog-title").render())
        await pilot.press("escape", "home", "down", "enter")
        await pilot.pause()
        assert "Looking after your lungs" in str(app.screen.query_one(".dialog-title").render())
        await pilot.press("escape")
        write_deck(data / "decks")  # put back: in its place again
        app.poll_decks()
        await _until(pilot, lambda: len(_titles(app)) == 4)
        assert _titles(app)[1:] == ["Caring for your kidneys", "Looking after your lungs", "A deck written just now"]


async def test_a_deck_file_removed_during_its_session_lets_the_session_end_and_leaves_home(tmp_path: Path) -> None:
    from quiz.tui.app import Settings
    from quiz.tui.screens.summary import SummaryScreen

    data = tmp_path / "data"
    kidney = write_deck(data / "decks")
    app = QuizApp(Settings(data_dir=data, clock=lambda: FROZEN_AT, fuzz=False, blink=False, settle=0.0))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("down", "enter", "3")  # the kidney deck, as flashcards
        await pilot.pause()
        await pilot.press("enter")  # past the disclaimer
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StudyScreen)
        kidney.unlink()
        app.poll_decks()
        await pilot.pause()
        for _ in range(3):  # the session goes on with the deck it holds
            await pilot.press("space", "3", "enter")
            await pilot.pause()
        assert isinstance(app.screen, SummaryScreen) and len(screen.run.session.answers) == 3
        await pilot.press("enter")  # Done: Home, without the deck
        await _until(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert len(_titles(app)) == 1 and "Caring for your kidneys" not in _titles(app)


async def test_a_deck_refused_for_another_files_id_is_usable_once_that_file_is_gone(tmp_path: Path) -> None:
    """Two deck files with one id are both refused. A tester deleted the copy and the original
    stayed refused until its own file changed: the refusal is now worked out again at each reload,
    from the decks as loaded. A copy put back refuses both again, and says so."""
    from quiz.tui.app import Settings

    data = tmp_path / "data"
    kidney = write_deck(data / "decks")
    copy = write_deck(data / "decks", name="copy.toml")
    app = QuizApp(Settings(data_dir=data, clock=lambda: FROZEN_AT, fuzz=False, blink=False, settle=0.0))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert [f.deck for f in app.decks[1:]] == [None, None]
        assert [f.path for f in app.decks[1:]] == [copy, kidney]  # in file name order
        assert "kidney.toml" in str(app.decks[1].error) and "copy.toml" in str(app.decks[2].error)
        copy.unlink()
        app.poll_decks()
        await _until(pilot, lambda: app.decks[2].deck is not None)
        assert app.decks[1].gone and not app._notifications
        assert _titles(app)[1:] == ["Caring for your kidneys"]
        await pilot.press("down", "enter")
        await pilot.pause()
        assert "Caring for your kidneys" in str(app.screen.query_one(".dialog-title").render())
        await pilot.press("escape")
        write_deck(data / "decks", name="copy.toml")
        app.poll_decks()
        await _until(pilot, lambda: app.decks[2].deck is None)
        assert app.decks[1].deck is None and any("copy.toml" in n.title for n in app._notifications)


async def test_homes_due_lines_name_what_they_count_and_add_up_to_it(deck: Path, tmp_path: Path) -> None:
    """A tester saw "Due now: 2 · later today: 37 · new: 33" for a deck of 60 facts: glossary
    words were counted in due and later but not in new. Each line names what it counts (facts,
    words to know), its parts add up to that number, and the Facts column is the same number."""
    import re

    from quiz.deck.text import term_id

    data = tmp_path / "data"
    with Store.open(data, backup=False) as store:
        sid = store.start_session("kidney-care", "matching", "1.0.0", now=FROZEN_AT)
        store.record_answer(sid, "kidney-care", "salt-limit", kind="multiple_choice", response="x", correct=True,
                            now=FROZEN_AT)  # fmt: skip
        store.record_answer(sid, "kidney-care", term_id("dialysis"), kind="matching", response="x", correct=False,
                            now=FROZEN_AT - timedelta(hours=1))  # fmt: skip
        store.finish_session(sid, now=FROZEN_AT)
    app = make_app([deck], data)
    async with app.run_test(size=(80, 24)) as pilot:
        await _until(pilot, lambda: app.decks[0].deck is not None)
        await pilot.press("down", "up")
        await pilot.pause()
        detail = str(app.screen.query_one("#deck-detail").render()).replace("\n", " ")
        pattern = r"(Facts|Words to know) \((\d+)\): (\d+) due now · (\d+) later today · (\d+) after today · (\d+) new"
        lines = {name: [int(n) for n in numbers] for name, *numbers in re.findall(pattern, detail)}
        assert lines == {"Facts": [3, 0, 1, 0, 2], "Words to know": [1, 1, 0, 0, 0]}
        assert all(whole == sum(parts) for whole, *parts in lines.values())
        assert _first_row(app)[1:3] == ["3", "1"]  # Facts; Due now: what a review asks first, the word


def _drawn_rows(app: QuizApp) -> list[str]:
    """Home's deck rows as drawn (the screen's lines that hold a deck's title)."""
    lines = ["".join(s.text for s in strip) for strip in app.screen._compositor.render_strips()]
    return [line for line in lines if ("Caring for your kidneys" in line or "Heart care" in line) and "0%" in line]


@pytest.mark.parametrize("no_color", [False, True])
async def test_the_deck_the_cursor_is_on_is_marked_not_by_shading_alone(
    deck: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_color: bool
) -> None:
    """With NO_COLOR the selected deck was shown by bold and shading alone, where menus and options
    use ▶: the cursor's row carries ▶ too, only it, as the cursor moves and the rows are drawn again."""
    from tests.tui_helpers import write_named_deck

    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    other = write_named_deck(deck.parent, "heart-care", "Heart care")
    app = make_app([deck, other], tmp_path / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        rows = _drawn_rows(app)
        assert [r.lstrip().startswith("▶") for r in rows] == [True, False]
        await pilot.press("down")
        await pilot.pause()
        assert [r.lstrip().startswith("▶") for r in _drawn_rows(app)] == [False, True]
        home = app.screen
        assert isinstance(home, HomeScreen)
        home.refresh_decks()  # the rows drawn again: the mark stays with the deck
        await pilot.pause()
        assert [r.lstrip().startswith("▶") for r in _drawn_rows(app)] == [False, True]
        assert _first_row(app)[0] == "Caring for your kidneys"  # the mark is no cell of the row


async def test_the_command_palettes_highlighted_command_is_marked_and_still_runs(deck: Path, tmp_path: Path) -> None:
    """The palette (ctrl+p) is a list of choices too: its highlighted command reads "▶ ", the others
    are indented as much, as the search narrows it, and Enter runs the command marked."""
    from textual.command import CommandInput, CommandList, CommandPalette

    def marked(app: QuizApp) -> list[str]:
        commands = app.screen.query_one(CommandList)
        prompts = [str(commands.get_option_at_index(i).prompt) for i in range(commands.option_count)]
        return [p.splitlines()[0] for p in prompts if p.startswith("▶ ")]

    app = make_app([deck], tmp_path / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await _until(pilot, lambda: isinstance(app.screen, CommandPalette) and len(marked(app)) == 1)
        first = marked(app)
        await pilot.press("down")
        await _until(pilot, lambda: marked(app) != first)
        assert len(marked(app)) == 1
        await pilot.press(*"theme")
        await _until(pilot, lambda: marked(app) == ["▶ Theme"])
        await pilot.press("enter")
        await _until(pilot, lambda: isinstance(app.screen, CommandPalette) and len(marked(app)) == 1)
        assert "Search for a theme" in str(app.screen.query_one(CommandInput).placeholder)
