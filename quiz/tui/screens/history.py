"""History: sessions, accuracy over time, the weakest facts and what falls due, filtered by deck."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Sparkline, Static, TabbedContent, TabPane

from quiz.certainty import Certainty
from quiz.curriculum import deck_progress, progress_lines
from quiz.deck.model import Deck
from quiz.glossary import is_term, terms_by_id
from quiz.mode import Mode
from quiz.plural import plural
from quiz.schedule import local_day, local_time
from quiz.store import OVERVIEW_DAYS
from quiz.tui.bars import KeysBar, TitleBar
from quiz.tui.falling_due import REFRESH_S, FallingDue
from quiz.tui.services import Services
from quiz.tui.settle import Settled
from quiz.tui.text import fit, fit_middle, plain
from quiz.untrusted import visible, visible_title

if TYPE_CHECKING:
    from quiz.store import Store
    from quiz.store.figures import Calibration, Overview

DAYS = OVERVIEW_DAYS


NOT_ENDED = ' "not ended": still open, or quiz stopped first.'
"""Beside the sessions: what a session without an end (killed, or open in a window) is shown as."""


class HistoryScreen(Settled, Screen[None]):
    """Score history from the store, for every deck or one."""

    DEFAULT_CSS = """
    #deck-filter { margin: 1 1 0 1; }
    #accuracy-chart { height: 4; margin: 1 0; }
    /* The tab shown is marked by more than its colour (a reviewer saw only a lighter grey). */
    #history-tabs Tab.-active { text-style: bold reverse; }
    """
    BINDINGS = [
        Binding("escape,q", "dismiss(None)", "Back"),
        Binding("f", "filter", "Filter by deck"),
        Binding("1", "tab('tab-sessions')", "Tabs", key_display="1-4"),
        Binding("2", "tab('tab-progress')", "Progress", show=False),
        Binding("3", "tab('tab-weakest')", "Weakest", show=False),
        Binding("4", "tab('tab-due')", "Due", show=False),
    ]

    deck: Deck | None = None
    deck_id: str | None = None
    """The deck whose history is shown; None for every deck."""

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self._falling = FallingDue(self, services, self._refresh_due)

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(id="deck-filter")
        with TabbedContent(id="history-tabs"):
            with TabPane("1 Sessions", id="tab-sessions"):
                yield Static(
                    'Newest first. "early" means the session was left before its last question.',
                    id="sessions-text",
                )
                yield DataTable(id="sessions", cursor_type="row")
            with TabPane("2 Progress", id="tab-progress"):
                yield Static(id="progress-text")
                yield Static(id="topic-progress")
                yield Static(id="calibration")
                yield Sparkline([], id="accuracy-chart")
                yield DataTable(id="days", cursor_type="row")
            with TabPane("3 Weakest", id="tab-weakest"):
                yield Static("The facts you missed most, of those tried at least 3 times.", id="weakest-text")
                yield DataTable(id="weakest", cursor_type="row")
            with TabPane("4 Due", id="tab-due"):
                yield Static(id="due-text")
                yield DataTable(id="forecast", cursor_type="row")
        yield KeysBar()

    def on_mount(self) -> None:
        self.query_one("#sessions", DataTable).add_columns("Date", "Deck", "Mode", "Score", "Time")
        self.query_one("#days", DataTable).add_columns("Day", "Answers", "Right")
        self.query_one("#weakest", DataTable).add_columns("Question", "Tries", "Missed")
        self.query_one("#forecast", DataTable).add_columns("Day", "Falling due")
        self.refresh_history()
        self.query_one("#sessions").focus()
        self.set_interval(REFRESH_S, self._refresh_due)

    def action_tab(self, tab: str) -> None:
        """Show a tab and put the keyboard in its table."""
        self.query_one("#history-tabs", TabbedContent).active = tab
        table = self.query_one(f"#{tab}").query(DataTable).first()
        table.focus()

    def _decks(self) -> list[tuple[str, str]]:
        """(id, title) of each deck quiz found, control characters in titles made visible."""
        named = [self.services.identity(f) or (f.id, f.id) for f in self.services.decks]
        return [(deck_id, visible_title(title)) for deck_id, title, *_ in named]

    def action_filter(self) -> None:
        """Choose the deck in a list that marks the choice moved to with ▶, not by colour alone."""
        from quiz.tui.screens.dialogs import DeckFilterDialog

        def chosen(deck_id: str | None) -> None:
            if deck_id is not None:
                self.show_deck(deck_id or None)

        self.app.push_screen(DeckFilterDialog(self._decks(), self.deck_id), chosen)

    def show_deck(self, deck_id: str | None) -> None:
        """Show one deck's history, or (None) every deck's."""
        self.deck_id = deck_id
        self.refresh_history()

    def on_click(self, event: events.Click) -> None:
        if event.widget is not None and event.widget.id == "deck-filter":
            self.action_filter()

    def _titles(self) -> dict[str, Deck]:
        return {f.deck.id: f.deck for f in self.services.decks if f.deck}

    def refresh_history(self) -> None:
        store = self.services.store
        assert store is not None  # History opens only with a history (QuizApp.action_history)
        now = self.services.now()
        deck_id = self.deck_id
        decks = self._titles()
        self.deck = decks.get(deck_id) if deck_id else None
        filtered = "All decks" if deck_id is None else dict(self._decks()).get(deck_id, visible(deck_id))
        self.query_one("#deck-filter", Static).update(Content(f"Deck: {filtered}   (f: change)"))
        data = store.overview(deck_id, now, DAYS, self.services.scheduled())

        sessions = self.query_one("#sessions", DataTable)
        sessions.clear()
        certainty = store.cbm_scores([s.id for s in data.sessions])
        for s in data.sessions:
            title = decks[s.deck_id].title if s.deck_id in decks else s.deck_id
            end = s.finished_at or s.started_at
            minutes = max(0, int((end - s.started_at).total_seconds() // 60))
            score = f"{s.correct}/{s.answered}" + (" early" if s.ended_early else "")
            if s.id in certainty:  # the certainty points beside the plain score
                score += f" {certainty[s.id][0]:+d}"
            mode = Mode(s.mode).short if s.mode in {m.value for m in Mode} else visible(s.mode)[:12]
            started = local_time(s.started_at).strftime("%Y-%m-%d %H:%M")
            # Widths that keep all five columns inside 80 columns (tests/test_tui_flows.py).
            shown = Text(fit(visible_title(title), 20))
            took = "not ended" if s.finished_at is None else f"{minutes} min" if minutes else "<1 min"
            sessions.add_row(Text(started), shown, Text(mode), Text(score), Text(took))
        sessions.display = sessions.row_count > 0
        self.query_one("#sessions-text", Static).update(
            'Newest first. "early" means the session was left before its last question.'
            + (" A signed number after a score (+3, -2) is its certainty points." if certainty else "")
            + (NOT_ENDED if any(not x.finished_at for x in data.sessions) else "")
            if sessions.row_count
            else "No sessions yet: they show here once you study a deck."
            if deck_id is None
            else "No sessions of this deck yet: they show here once you study it."
        )

        today = local_day(now)
        start = today - timedelta(days=DAYS - 1)
        per_day = data.per_day
        series = [
            (per_day[d][1] / per_day[d][0]) if d in per_day and per_day[d][0] else 0.0
            for d in (start + timedelta(days=i) for i in range(DAYS))
        ]
        total = sum(a for a, _ in per_day.values())
        right = sum(c for _, c in per_day.values())
        # per_day holds these days only: "overall" or "no answers yet" would say more than they show
        # (`quiz history` gives all time)
        in_these_days = f"{right / total:.0%} right in these days" if total else "no answers in these days"
        self.query_one("#progress-text", Static).update(
            f"Share of right answers per day, last {DAYS} days (taller is better): {in_these_days}, "
            f"study streak {plural(data.streak, 'day')}."
        )
        self._show_topic_progress(store, now)
        self.query_one("#calibration", Static).update(calibration_text(store.calibration(deck_id)))
        self.query_one("#accuracy-chart", Sparkline).data = series
        days = self.query_one("#days", DataTable)
        days.clear()
        for day in sorted(per_day, reverse=True):
            answered, correct = per_day[day]
            days.add_row(day.isoformat(), str(answered), f"{correct} ({correct / answered:.0%})")

        weakest = self.query_one("#weakest", DataTable)
        weakest.clear()
        for did, scores in data.weakest:
            deck = decks.get(did)
            words = terms_by_id(deck.glossary) if deck is not None else {}
            for weak in scores:
                text = weak.fact_id
                if is_term(text):  # a glossary word practised by matching it to its meaning
                    text = f"Word: {words.get(text, text)}"
                elif deck is not None:
                    try:
                        text = deck.fact(weak.fact_id).question
                    except KeyError:
                        pass
                weakest.add_row(Text(fit_middle(visible(text), 56)), str(weak.tries), str(weak.misses))
        weakest.display = weakest.row_count > 0
        self.query_one("#weakest-text", Static).update(
            "The facts you missed most, of those tried at least 3 times."
            if weakest.row_count
            else "No weak facts yet: a fact shows here once you have tried it 3 times and missed it."
        )

        self._show_due(data, today)

    def _refresh_due(self) -> None:
        """The Due tab read again: facts fall due while History is open (the other tabs change only
        with answers, and keep their place)."""
        store = self.services.store
        if self.is_current and store is not None:
            now = self.services.now()
            self._show_due(store.overview(self.deck_id, now, DAYS, self.services.scheduled()), local_day(now))

    def on_screen_resume(self) -> None:
        self._falling.resumed()

    def _show_due(self, data: Overview, today: date) -> None:
        """The Due tab drawn from `data`; drawn again when the next fact or word falls due (FallingDue)."""
        self._falling.arm()
        forecast = self.query_one("#forecast", DataTable)
        forecast.clear()
        for day, count in data.forecast:
            if day == today:  # today's count holds what is due now: the two are shown apart
                forecast.add_row("due now", str(data.due_now))
                forecast.add_row("later today", str(count - data.due_now))
                continue
            forecast.add_row(day.strftime("%a %d %b"), str(count))
        self.query_one("#due-text", Static).update(
            f"Due now: {data.due_now} (facts and words to know). Falling due later, over the next two "
            f"weeks: {sum(c for _, c in data.forecast) - data.due_now}."
        )

    def _show_topic_progress(self, store: Store, now: datetime) -> None:
        """The selected deck's mastery as a whole and per topic, and its glossary words practised;
        for all decks, each deck's words practised (hidden with nothing to say)."""
        widget = self.query_one("#topic-progress", Static)
        deck = self.deck
        lines: list[str] = []
        if deck is not None:
            mastered = store.mastered_facts(deck.id, {f.id for f in deck.facts}, now)
            lines = progress_lines(*deck_progress(deck, mastered))
            lines += words_lines(deck, store, now)
        else:  # all decks: each deck's words practised, where it has any (its topics: filter by deck)
            for each in self._titles().values():
                said = words_lines(each, store, now)
                if said and not said[0].startswith("Words to know: 0 of"):
                    lines.append(f"{each.title}: {said[0]}")
        widget.update(Content("\n").join(map(plain, lines)))
        widget.display = bool(lines)


def words_lines(deck: Deck, store: Store, now: datetime) -> list[str]:
    """The deck's glossary words practised (matched to their meanings) and mastered, with the
    words practised named; [] for a deck without a glossary."""
    words = terms_by_id(deck.glossary)
    if not words:
        return []
    states = {fid: s for fid, s in store.fact_states(deck.id).items() if fid in words}
    mastered = store.mastered_facts(deck.id, set(words), now) if states else set()
    lines = [
        f"Words to know: {len(states)} of {len(words)} practised, {len(mastered)} mastered"
        + (" (practise them with Match words to meanings)." if len(states) < len(words) else ".")
    ]
    if states:
        named = [
            f"{words[fid]}{' (mastered)' if fid in mastered else ''} {s.tries - s.misses}/{s.tries} right"
            for fid, s in sorted(states.items(), key=lambda item: words[item[0]].casefold())
        ]
        lines.append("Words practised: " + "; ".join(named) + ".")
    return lines


def calibration_text(levels: list[Calibration]) -> str:
    """How often the learner was right at each certainty level, as a line each with a bar of ten
    cells (█ right, ░ not), so honesty about certainty can be seen at a glance."""
    if not levels:
        return ""
    lines = ["How sure you were, and how often you were right:"]
    for level in levels:
        share = level.correct / level.answered if level.answered else 0.0
        filled = round(share * 10)
        bar = "█" * filled + "░" * (10 - filled)
        label = Certainty(level.certainty).label
        lines.append(f"  {label:<12} {bar} {share:.0%} right, of {plural(level.answered, 'answer')}")
    return "\n".join(lines)
