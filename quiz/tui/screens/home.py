"""Home: every deck found, with its size, what is due, the last score and mastery."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Static

from quiz.curriculum import Progress, deck_progress, progress_lines
from quiz.deck.cache import DeckSummary
from quiz.deck.discover import FoundDeck
from quiz.deck.model import NICE_TO_KNOW, Deck
from quiz.glossary import terms_by_id
from quiz.mode import Mode
from quiz.sitting import ReviewSize, review_size
from quiz.store import DeckDue, Store, StoreError
from quiz.tui.bars import KeysBar, TitleBar
from quiz.tui.decks import DeckReloaded, count_mastered, counted_later, is_checking
from quiz.tui.falling_due import REFRESH_S, FallingDue
from quiz.tui.screens.deck_list import DeckList
from quiz.tui.services import Services
from quiz.tui.settle import Settled
from quiz.tui.text import due_lines, fit, plain
from quiz.untrusted import visible, visible_title

if TYPE_CHECKING:
    from quiz.tui.screens.dialogs import StudyChoice

COLUMNS = {"deck": "Deck", "facts": "Facts", "due": "Due now", "last": "Last", "mastery": "Mastered"}
"""The deck table's columns: key and heading."""


class HomeScreen(Settled, Screen[None]):
    """The deck browser."""

    BINDINGS = [
        Binding("r", "review", "Review due"),
        Binding("v", "visit", "Visit date"),
        Binding("h", "app.history", "History"),
        Binding("q", "app.quit", "Quit"),
    ]

    deck = None  # Home has no current deck; Help shows only its keys.

    class StudyAsked(Message):
        """The learner chose a deck and how to study it (or Review moved on to the next deck)."""

        def __init__(
            self,
            found: FoundDeck,
            mode: Mode,
            *,
            topic: str | None = None,
            more_detail: bool = False,
            then: Callable[[], None] | None = None,
        ) -> None:
            super().__init__()
            self.found, self.mode, self.topic, self.more_detail, self.then = found, mode, topic, more_detail, then

    class MasteryCounted(Message):
        """The mastered facts of a large deck, counted off the UI thread (_count_mastery)."""

        def __init__(self, deck_id: str, known: set[str] | None) -> None:
            super().__init__()
            self.deck_id, self.known = deck_id, known

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self._progress: dict[int, tuple[Progress, list[Progress]]] = {}  # by deck index, from the last refresh
        # Each row's deck (its summary while being checked) and the due counts it shows, by index: the
        # detail pane shows them too, and a deck read back as it was keeps them (10,000 rows for a large one).
        self._counts: dict[int, tuple[DeckSummary, DeckDue]] = {}
        self._detail: tuple[str, list[object]] | None = None  # what the detail pane shows (_draw_detail)
        self._mastered: dict[str, set[str]] = {}  # large decks' last count, by deck id
        self._counting: set[str] = set()  # large decks being counted now
        self._falling = FallingDue(self, services, self.refresh_decks)

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="home"):
            yield Static("Choose a deck and press Enter to study.", id="home-hint")
            yield DeckList(id="decks", cursor_type="row", zebra_stripes=False)
            yield Static(id="deck-detail")
        yield KeysBar()

    def on_mount(self) -> None:
        table = self.query_one("#decks", DataTable)
        # Every label and cell is a Text: DataTable reads a str as markup (and loads Rich's emoji
        # table for it), which none of these need.
        for key, label in COLUMNS.items():
            table.add_column(Text(label), key=key, width=38 if key == "deck" else None)
        table.focus()  # the rows come with ScreenResume, sent when the screen is first shown too
        # Facts fall due while Home is open: its counts are read again when the next falls due
        # (refresh_decks sets the timer) and every minute it is shown.
        self.set_interval(REFRESH_S, self._refresh_if_shown)

    def _refresh_if_shown(self) -> None:
        if self.is_current:
            self.refresh_decks()

    def on_screen_resume(self) -> None:
        self.refresh_decks()

    def on_deck_reloaded(self, message: DeckReloaded) -> None:
        """Draw the deck's row again (under another screen, Home is refreshed when shown again)."""
        table = self.query_one("#decks", DataTable)
        if not self.is_current:
            return
        found = self.decks[message.index]
        if found.gone or str(message.index) not in table.rows:  # a deck removed, new or put back: drawn again
            self.refresh_decks()
            return
        # The row was drawn moments ago (a large deck's from the cache's summary): when the deck read
        # back holds the same facts and words, their due counts are the row's (10,000 rows not read again).
        drawn = self._counts.get(message.index)
        same = drawn[1] if drawn is not None and drawn[0] == self.services.identity(found) else None
        cells = self._row(message.index, found, same, message.mastered)
        for column, cell in zip(COLUMNS, cells, strict=True):
            table.update_cell(str(message.index), column, Text(cell))
        self._show_detail()
        if same is None:  # counted again: it may fall due at another moment
            self._arm()

    @property
    def decks(self) -> list[FoundDeck]:
        return self.services.decks

    def refresh_decks(self) -> None:
        """Draw every deck's row again; a deck file removed while quiz runs has none (DeckList)."""
        self._progress, self._counts = {}, {}
        rows = ((index, self._row(index, found)) for index, found in enumerate(self.decks) if not found.gone)
        self.query_one("#decks", DeckList).draw(rows)
        self._show_detail()
        self._arm()

    def _arm(self) -> None:
        """Draw the rows again when the first of their facts or words due later today falls due: the
        moment comes with the counts just drawn (DueCounts.next_due), with no query of its own."""
        self._falling.arm_at(min(filter(None, (c.next_due for _, c in self._counts.values())), default=""))

    def _row(
        self, index: int, found: FoundDeck, counts: DeckDue | None = None, mastered_ids: set[str] | None = None
    ) -> tuple[str, ...]:
        """A deck's cells: title, facts, due now, last score, mastered. A deck still being checked
        gets its row from the cache's summary, or "checking..." (quiz.tui.decks). `counts` are its
        due counts when just taken; `mastered_ids` its mastered facts when just counted (a large
        deck the watcher loaded: DeckReloaded.mastered)."""
        store, now = self.services.store, self.services.now()
        known = self.services.identity(found)
        if known is not None:
            deck_id, title, ids = known.id, known.title, set(known.fact_ids)
        else:
            name = visible(found.path.name)
            first = f"{name}: checking..." if is_checking(found) else f"! {name}: cannot be used"
            return (first, "-", "-", "-", "-")
        due = last = mastered = "-"
        if store is not None:
            if counts is None:
                counts = deck_due(store, known, now)
            self._counts[index] = (known, counts)
            due = str(counts.now)  # facts and words: what a review asks first
            # The last session with answers: one left before its first answer has no score.
            s = next((s for s in store.last_sessions(5, deck_id) if s.answered), None)
            if s is not None:
                last = f"{s.correct}/{s.answered}"
            if not counted_later(len(ids)):
                mastered = self._mastery(index, found, ids, store.mastered_facts(deck_id, ids, now))
            else:
                # Counted once the deck is loaded, not from the cache's summary: a deck being checked
                # may turn out to have a problem, and its count would run while the watcher reads it
                # (the two together made the app's peak memory).
                if mastered_ids is not None:
                    self._mastered[deck_id] = mastered_ids
                elif found.deck is not None and deck_id not in self._counting:
                    self._counting.add(deck_id)
                    self.call_after_refresh(self._count_mastery, deck_id, ids)  # after this frame
                counted = self._mastered.get(deck_id)
                mastered = "…" if counted is None else self._mastery(index, found, ids, counted)
        return (fit(visible_title(title), 38), str(len(ids)), due, last, mastered)

    def _mastery(self, index: int, found: FoundDeck, ids: set[str], known: set[str]) -> str:
        """The Mastered cell of deck `index` from its mastered fact ids (keeping the progress the
        detail pane shows, when the deck is loaded)."""
        if found.deck is None:
            return f"{len(known & ids) * 100 // len(ids)}%" if ids else "-"
        progress = self._progress[index] = deck_progress(found.deck, known)
        return mastered_cell(progress[0])

    @work(thread=True, group="mastery")
    def _count_mastery(self, deck_id: str, ids: set[str]) -> None:
        """Count a large deck's mastered facts off the UI thread (None: the cell keeps its last
        count, and the next refresh tries again)."""
        self.post_message(self.MasteryCounted(deck_id, count_mastered(self.services, deck_id, ids)))

    def on_home_screen_mastery_counted(self, message: MasteryCounted) -> None:
        self._counting.discard(message.deck_id)
        if message.known is None:
            return
        self._mastered[message.deck_id] = message.known
        table = self.query_one("#decks", DataTable)
        for index, found in enumerate(self.decks):
            known = self.services.identity(found)
            if known is None or known.id != message.deck_id or str(index) not in table.rows:
                continue
            ids = set(known.fact_ids)
            table.update_cell(str(index), "mastery", Text(self._mastery(index, found, ids, message.known)))
        self._show_detail()

    def selected(self) -> FoundDeck | None:
        index = self.query_one("#decks", DeckList).deck_index()
        return None if index is None else self.decks[index]

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter (or a click) on a deck's row: study it."""
        event.stop()
        self.action_study()

    def on_data_table_row_highlighted(self, _: DataTable.RowHighlighted) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        found = self.selected()
        if found is None:
            self._draw_detail(Content("No decks found. Put your own decks in the decks folder of your data directory."))
            return
        if found.error is None and found.deck is None:
            name = visible(found.path.name)
            self._draw_detail(plain(f"Checking {name}... (a large deck: its row fills in when it is ready)"))
            return
        if found.deck is None:
            assert found.error is not None
            problems = "\n".join(
                f"{visible(p.path.name)}:{p.line}:{p.col or 1}: {p.message}"
                if p.line
                else f"{visible(p.path.name)}: {p.message}"
                for p in found.error.problems
            )
            self._draw_detail(Content("This deck has a problem and cannot be used:\n") + plain(problems))
            return
        deck = found.deck
        lines = [deck.description] if deck.description else []
        row = self.query_one("#decks", DeckList).deck_index()
        assert row is not None  # the row of `found`
        counts = self._counts[row][1] if row in self._counts else self._due(found)
        visit = self._visit_line(found)
        if counts is not None:
            lines += due_lines(counts, planned=bool(visit))
        if visit:
            lines.append(visit)
        if deck.audience:
            lines.append(f"For: {deck.audience}")
        if deck.reviewed:
            lines.append(f"Content last reviewed: {deck.reviewed.isoformat()}")
        progress = self._progress.get(row)
        if progress is not None:
            lines += progress_lines(*progress)
        self._draw_detail(Content("\n").join([plain(visible_title(deck.title), "bold"), *map(plain, lines)]))

    def _draw_detail(self, content: Content) -> None:
        """Draw the detail pane, unless it shows this already: the row highlighted again after the
        rows are drawn, or a deck read back as it was, redraws nothing."""
        if (content.plain, content.spans) != self._detail:
            self._detail = (content.plain, list(content.spans))
            self.query_one("#deck-detail", Static).update(content)

    def action_study(self) -> None:
        from quiz.tui.screens.dialogs import ModeDialog

        found = self.selected()
        if found is None or not self.settled:
            return
        if is_checking(found):
            self.notify("This deck is still being checked; it can be studied in a moment.", markup=False)
            return
        if found.deck is None:
            self.notify(str(found.error), title="This deck cannot be used", severity="error", markup=False)
            return

        def chosen(choice: StudyChoice | None) -> None:
            if choice is not None:
                self.post_message(
                    self.StudyAsked(found, choice.mode, topic=choice.topic, more_detail=choice.more_detail)
                )

        deck = found.deck
        topics = [(t.id, t.title) for t in deck.topics]
        details = any(f.priority == NICE_TO_KNOW for f in deck.facts)
        dialog = ModeDialog(deck.title, self._review(deck), topics=topics, has_details=details)
        dialog.planned = bool(self._visit_line(found))
        self.app.push_screen(dialog, chosen)

    def _visit_line(self, found: FoundDeck) -> str:
        """The forecast for the deck's visit date, if one is set and still to come."""
        store = self.services.store
        if store is None or found.deck is None:
            return ""
        visit = store.visit(found.deck.id)
        if visit is None:  # most people: no plan, and quiz.visit is not imported at start-up
            return ""
        from quiz.visit import forecast, planning

        now = self.services.now()
        if not planning(visit[0], now):
            return ""
        return forecast(found.deck, store.fact_states(found.deck.id), store.scheduler, now, visit[0]).line()

    def action_visit(self) -> None:
        """Set, change or clear the date of a visit this deck is studied for."""
        from quiz.schedule import local_day
        from quiz.tui.screens.dialogs import VisitDialog
        from quiz.visit import DEFAULT_PER_DAY

        found = self.selected()
        store = self.services.store
        if found is None or found.deck is None or not self.settled:
            return
        if store is None:
            self.notify("The score history is unavailable, so no plan can be kept.", markup=False)
            return
        deck_id = found.deck.id
        current = store.visit(deck_id)

        def chosen(visit: object) -> None:
            if visit is not None and not isinstance(visit, date):  # Escape (False): nothing changes
                return
            if visit is None and current is None:  # an empty box, and no date to clear
                self.notify("No visit date set: the box was empty.", title="Your visit", timeout=4)
                return
            try:
                store.set_visit(deck_id, visit, current[1] if current else DEFAULT_PER_DAY)
            except StoreError as err:
                self.notify(str(err), title="Not saved", severity="error", markup=False)
                return
            said = f"Visit date saved: {visit.isoformat()}." if isinstance(visit, date) else "Visit date cleared."
            self.notify(said, title="Your visit", timeout=4)
            self.refresh_decks()

        today = local_day(self.services.now())
        self.app.push_screen(VisitDialog(found.deck.title, current[0] if current else None, today), chosen)

    def _due(self, found: FoundDeck) -> DeckDue | None:
        """The deck's due counts, or None without a history."""
        store = self.services.store
        if store is None or found.deck is None:
            return None
        return deck_due(store, DeckSummary.of(found.deck), self.services.now())

    def _review(self, deck: Deck) -> Callable[[str | None, bool], ReviewSize] | None:
        """What a review of `deck` asks now, for a topic and details (quiz.sitting), or None without a history."""
        store = self.services.store
        if store is None:
            return None
        return lambda topic, detail: review_size(deck, store, self.services.now(), topic=topic, more_detail=detail)

    def action_review(self) -> None:
        """Review, deck after deck, what is due now and a few new facts (as the mode menu's Review does)."""
        if self.services.store is None:
            self.notify("The score history is unavailable, so nothing is scheduled.", markup=False)
            return
        queue = [f for f in self.decks if (counts := self._due(f)) is not None and (counts.now or counts.facts.new)]
        if not queue:
            self.notify(
                "Nothing is due now, and no new facts are waiting. Come back later, or study a deck.", title="Review"
            )
            return

        total = len(queue)

        def next_deck() -> None:
            if not queue:
                return
            found = queue.pop(0)
            if len(queue) < total - 1:  # the learner finished a deck: say which one comes now
                known = self.services.identity(found)
                title = visible_title(known.title) if known is not None else visible(found.path.name)
                self.notify(f"Next: {title} (deck {total - len(queue)} of {total})", title="Review", markup=False)
            self.post_message(self.StudyAsked(found, Mode.DUE, then=next_deck))

        next_deck()


def mastered_cell(whole: Progress) -> str:
    """The Mastered column: the share of facts mastered, rounded down so that 100% means every one."""
    return f"{whole.mastered * 100 // whole.facts}%" if whole.facts else "-"


def deck_due(store: Store, summary: DeckSummary, now: datetime) -> DeckDue:
    """A deck's due counts, its facts and its glossary words apart (Store.deck_due)."""
    return store.deck_due(summary.id, summary.fact_ids, list(terms_by_id(summary.glossary)), now)
