"""Home: every deck found, with its size, what is due, the last score and mastery."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Static

from quiz.curriculum import Progress, deck_progress, progress_lines
from quiz.deck.discover import FoundDeck
from quiz.deck.model import NICE_TO_KNOW, Deck
from quiz.glossary import terms_by_id
from quiz.mode import Mode, StudyChoice
from quiz.store import DueCounts, StoreError
from quiz.tui.bars import KeysBar, TitleBar
from quiz.tui.settle import Settled
from quiz.tui.text import due_line, fit, plain
from quiz.untrusted import visible
from quiz.visit import DEFAULT_PER_DAY

if TYPE_CHECKING:
    from datetime import datetime

    from quiz.store import Store

REFRESH_S = 60.0
"""Seconds between Home's readings of what is due while it is shown."""


class HomeScreen(Settled, Screen[None]):
    """The deck browser."""

    BINDINGS = [
        Binding("enter", "study", "Study", priority=True),  # before the table's own Enter
        Binding("r", "review", "Review due"),
        Binding("v", "visit", "Visit date"),
        Binding("h", "app.history", "History"),
        Binding("q", "app.quit", "Quit"),
    ]

    deck = None  # Home has no current deck; Help shows only its keys.
    _progress: dict[int, tuple[Progress, list[Progress]]] = {}  # by deck index, from the last refresh

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="home"):
            yield Static("Choose a deck and press Enter to study.", id="home-hint")
            yield DataTable(id="decks", cursor_type="row", zebra_stripes=False)
            yield Static(id="deck-detail")
        yield KeysBar()

    def on_mount(self) -> None:
        table = self.query_one("#decks", DataTable)
        # Every label and cell is a Text: DataTable reads a str as markup (and loads Rich's emoji
        # table for it), which none of these need.
        table.add_column(Text("Deck"), key="deck", width=38)
        table.add_column(Text("Facts"), key="facts")
        table.add_column(Text("Due now"), key="due")
        table.add_column(Text("Last"), key="last")
        table.add_column(Text("Mastered"), key="mastery")
        table.focus()  # the rows come with ScreenResume, sent when the screen is first shown too
        # Facts fall due while Home is open: its counts are read again every minute it is shown.
        self.set_interval(REFRESH_S, self._refresh_if_shown)

    def _refresh_if_shown(self) -> None:
        if self.is_current:
            self.refresh_decks()

    def on_screen_resume(self) -> None:
        self.refresh_decks()

    def deck_reloaded(self, found: FoundDeck) -> None:
        if self.is_current:  # under another screen, Home is refreshed when it is shown again
            self.refresh_decks()

    @property
    def decks(self) -> list[FoundDeck]:
        return self.app.decks  # type: ignore[attr-defined]

    def refresh_decks(self) -> None:
        table = self.query_one("#decks", DataTable)
        row = table.cursor_row
        table.clear()
        store = self.app.store  # type: ignore[attr-defined]
        now = self.app.now()  # type: ignore[attr-defined]
        self._progress = {}
        for index, found in enumerate(self.decks):
            if found.deck is None:
                dashes = [Text("-")] * 4
                table.add_row(Text(f"! {visible(found.path.name)}: cannot be used"), *dashes, key=str(index))
                continue
            deck = found.deck
            due = last = mastered = "-"
            if store is not None:
                ids = {f.id for f in deck.facts}
                due = str(_with_words(store, deck, store.due_counts(deck.id, ids, now), now).now)
                # The last session with answers: one left before its first answer has no score.
                s = next((s for s in store.last_sessions(5, deck.id) if s.answered), None)
                if s is not None:
                    last = f"{s.correct}/{s.answered}"
                progress = self._progress[index] = deck_progress(deck, store.mastered_facts(deck.id, ids, now))
                mastered = mastered_cell(progress[0])
            cells = (str(len(deck.facts)), due, last, mastered)
            table.add_row(Text(fit(deck.title, 38)), *map(Text, cells), key=str(index))
        if self.decks:
            table.move_cursor(row=min(max(row, 0), len(self.decks) - 1))
        self._show_detail()

    def selected(self) -> FoundDeck | None:
        table = self.query_one("#decks", DataTable)
        if not self.decks or table.cursor_row < 0:
            return None
        return self.decks[min(table.cursor_row, len(self.decks) - 1)]

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter (or a click) on a deck's row: study it."""
        event.stop()
        self.action_study()

    def on_data_table_row_highlighted(self, _: DataTable.RowHighlighted) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        detail = self.query_one("#deck-detail", Static)
        found = self.selected()
        if found is None:
            detail.update("No decks found. Put your own decks in the decks folder of your data directory.")
            return
        if found.deck is None:
            assert found.error is not None
            problems = "\n".join(
                f"{p.path.name}:{p.line}:{p.col or 1}: {p.message}" if p.line else f"{p.path.name}: {p.message}"
                for p in found.error.problems
            )
            detail.update(Content("This deck has a problem and cannot be used:\n") + plain(problems))
            return
        deck = found.deck
        lines = [deck.description] if deck.description else []
        counts = self._due(found)
        visit = self._visit_line(found)
        if counts is not None:
            lines.append(due_line(counts, planned=bool(visit)))
        if visit:
            lines.append(visit)
        if deck.audience:
            lines.append(f"For: {deck.audience}")
        if deck.reviewed:
            lines.append(f"Content last reviewed: {deck.reviewed.isoformat()}")
        progress = self._progress.get(self.query_one("#decks", DataTable).cursor_row)
        if progress is not None:
            lines += progress_lines(*progress)
        detail.update(Content("\n").join([plain(deck.title, "bold"), *map(plain, lines)]))

    def action_study(self) -> None:
        from quiz.tui.screens.dialogs import ModeDialog

        found = self.selected()
        if found is None or not self.settled:
            return
        if found.deck is None:
            self.notify(str(found.error), title="This deck cannot be used", severity="error", markup=False)
            return

        def chosen(choice: StudyChoice | None) -> None:
            if choice is not None:
                self.app.start_study(found, choice.mode, topic=choice.topic, more_detail=choice.more_detail)  # type: ignore[attr-defined]

        deck = found.deck
        topics = [(t.id, t.title) for t in deck.topics]
        details = any(f.priority == NICE_TO_KNOW for f in deck.facts)
        dialog = ModeDialog(deck.title, self._due(found), topics=topics, has_details=details)
        dialog.planned = bool(self._visit_line(found))
        self.app.push_screen(dialog, chosen)

    def _visit_line(self, found: FoundDeck) -> str:
        """The forecast for the deck's visit date, if one is set and still to come."""
        from quiz.visit import forecast, planning

        store = self.app.store  # type: ignore[attr-defined]
        if store is None or found.deck is None:
            return ""
        visit = store.visit(found.deck.id)
        now = self.app.now()  # type: ignore[attr-defined]
        if visit is None or not planning(visit[0], now):
            return ""
        return forecast(found.deck, store.fact_states(found.deck.id), store.scheduler, now, visit[0]).line()

    def action_visit(self) -> None:
        """Set, change or clear the date of a visit this deck is studied for."""
        from quiz.schedule import local_day
        from quiz.tui.screens.dialogs import VisitDialog

        found = self.selected()
        store = self.app.store  # type: ignore[attr-defined]
        if found is None or found.deck is None or not self.settled:
            return
        if store is None:
            self.notify("The score history is unavailable, so no plan can be kept.", markup=False)
            return
        deck_id = found.deck.id
        current = store.visit(deck_id)

        def chosen(visit: object) -> None:
            if visit is False:  # Escape: nothing changes
                return
            try:
                store.set_visit(deck_id, visit, current[1] if current else DEFAULT_PER_DAY)  # type: ignore[arg-type]
            except StoreError as err:
                self.notify(str(err), title="Not saved", severity="error", markup=False)
                return
            self.refresh_decks()

        today = local_day(self.app.now())  # type: ignore[attr-defined]
        self.app.push_screen(VisitDialog(found.deck.title, current[0] if current else None, today), chosen)

    def _due(self, found: FoundDeck) -> DueCounts | None:
        """The deck's due counts, or None without a history."""
        store = self.app.store  # type: ignore[attr-defined]
        if store is None or found.deck is None:
            return None
        now = self.app.now()  # type: ignore[attr-defined]
        deck = found.deck
        return _with_words(store, deck, store.due_counts(deck.id, [f.id for f in deck.facts], now), now)

    def action_review(self) -> None:
        """Review, deck after deck, what is due now and a few new facts (as the mode menu's Review does)."""
        store = self.app.store  # type: ignore[attr-defined]
        if store is None:
            self.notify("The score history is unavailable, so nothing is scheduled.", markup=False)
            return
        queue = [f for f in self.decks if (counts := self._due(f)) is not None and (counts.now or counts.new)]
        if not queue:
            self.notify(
                "Nothing is due now, and no new facts are waiting. Come back later, or study a deck.", title="Review"
            )
            return

        def next_deck() -> None:
            if queue:
                self.app.start_study(queue.pop(0), Mode.DUE, then=next_deck)  # type: ignore[attr-defined]

        next_deck()


def mastered_cell(whole: Progress) -> str:
    """The Mastered column: the share of facts mastered, rounded down so that 100% means every one."""
    return f"{whole.mastered * 100 // whole.facts}%" if whole.facts else "-"


def _with_words(store: Store, deck: Deck, counts: DueCounts, now: datetime) -> DueCounts:
    """The deck's due counts with its glossary words due now added (practised by matching them to
    their meanings, they are reviewed like facts: quiz.session.plan); new words are not counted."""
    if not deck.glossary:
        return counts
    words = store.due_counts(deck.id, list(terms_by_id(deck.glossary)), now)
    return counts._replace(now=counts.now + words.now)
