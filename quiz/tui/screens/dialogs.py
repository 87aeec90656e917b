"""Modal dialogs: choosing a mode, the disclaimer, keys and sources, glossary, a damaged history."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import NamedTuple, TypeVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, OptionList, Static

from quiz.deck.model import Deck
from quiz.mode import Mode
from quiz.sitting import ReviewSize
from quiz.store import DamagedDatabase
from quiz.tui.bars import KeysBar
from quiz.tui.dialog_fit import fit_body
from quiz.tui.pointed import PointedList
from quiz.tui.settle import Settled
from quiz.tui.settled_input import SettledInput
from quiz.tui.text import held_back_line, plain, review_line
from quiz.untrusted import visible_title
from quiz.visit import parse_visit
from quiz.words_shown import WordsToKnow

MODE_HELP = {
    Mode.MIXED: "a mix of question kinds",
    Mode.MULTIPLE_CHOICE: "pick one of four answers",
    Mode.FLASHCARD: "recall the answer, then say how well you knew it",
    Mode.TYPED: "spell out the answer yourself",
    Mode.DUE: "spaced repetition: what you are about to forget",
    Mode.FILL_BLANK: "a sentence with a word or figure missing",
    Mode.TRUE_FALSE: "is the sentence true or false?",
    Mode.MATCH: "pair four words with their meanings",
}

Result = TypeVar("Result")
KEYS_LINE_FROM = 10
"""A dialog shows its keys line in a window of this many rows or more; in a shorter one the box
needs every row to be drawn whole (quiz.tui.dialog_fit)."""


class Dialog(Settled, ModalScreen[Result]):
    """A quiz dialog: a bordered box in the middle of the screen with a title, a body and a hint
    at the bottom; dismissed with a `Result`. Its rules are read when the first dialog is shown,
    not at Home's start (docs/benchmarks.md).

    A long body scrolls within 65% of the screen's height, or what a short window leaves it
    (quiz.tui.dialog_fit), so the box is not cut: a box cut to the window kept no blank line
    between the body and the hint docked under it (Textual lays a docked widget's margin over
    what is above it)."""

    DEFAULT_CSS = """
    Dialog { align: center middle; }
    .dialog {
        width: 76; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    .dialog-title { text-style: bold; margin: 0 0 1 0; }
    .dialog-body { height: auto; max-height: 65vh; }
    .dialog-hint { dock: bottom; margin: 1 0 0 0; color: $text-muted; }
    .dialog-buttons { height: auto; margin: 1 0 0 0; }
    .dialog-buttons Button { margin: 0 1 0 0; }
    #modes { height: auto; border: none; }
    #scope { margin: 0 0 1 0; }
    #visit-date { margin: 1 0 0 0; }
    #visit-problem { text-style: bold; }
    """

    def on_mount(self) -> None:  # Textual calls each class's handler: a dialog's own runs too
        # The dialog's own keys line, over the screen's below: it said "1-4 Answer ... esc Leave"
        # under the Words list, where digits do nothing and Escape closes the list (a tester's report).
        self.mount(KeysBar())
        self._fit_body()

    def on_resize(self) -> None:
        self._fit_body()

    def _fit_body(self) -> None:
        size = self.app.size
        keys = size.height >= KEYS_LINE_FROM  # a window shorter gives the box every row
        for bar in self.query_children(KeysBar):
            bar.display = keys
        for box in self.query_children(".dialog"):
            fit_body(box, size.with_height(size.height - 1) if keys else size)


class StudyChoice(NamedTuple):
    """What a learner chose to study in the ModeDialog: how to ask, which topic (an id; None for
    all) and whether nice-to-know details are included."""

    mode: Mode
    topic: str | None = None
    more_detail: bool = False


class ModeDialog(Dialog[StudyChoice | None]):
    """Choose how to study a deck, and (for a deck with topics or details) what to study."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Back"),
        Binding("t", "topic", "Topic", show=False),
        Binding("d", "detail", "Details", show=False),
    ]

    def __init__(
        self,
        title: str,
        review: Callable[[str | None, bool], ReviewSize] | None = None,
        *,
        topics: Sequence[tuple[str, str]] = (),
        has_details: bool = False,
    ) -> None:
        super().__init__()
        self.deck_title = title
        self.review = review
        """What a review asks now, for a topic id (None: all) and whether details are in (quiz.sitting)."""
        self.topics = list(topics)
        """(id, title) of each topic of the deck."""
        self.has_details = has_details
        self.topic: int | None = None
        """The chosen topic's index in `topics`; None for all topics."""
        self.more_detail = False

    planned = False
    """Whether review follows a visit plan (quiz.visit) rather than what is due now."""

    def _help(self, mode: Mode) -> str:
        if mode is Mode.DUE and self.planned:
            return "planned for your visit"
        if mode is Mode.DUE and self.review is not None:  # for the topic and details chosen
            topic = None if self.topic is None else self.topics[self.topic][0]
            return review_line(self.review(topic, self.more_detail))
        return MODE_HELP[mode]

    def _rescoped(self) -> None:
        """Say the topic and details chosen, and what a review of them asks."""
        self.query_one("#scope", Static).update(plain(self._scope()))
        due = list(MODE_HELP).index(Mode.DUE)
        self.query_one("#modes", PointedList).retext(due, f"{due + 1}. {Mode.DUE.label}: {self._help(Mode.DUE)}")

    def _scope(self) -> str:
        lines = []
        if self.topics:
            title = "All topics" if self.topic is None else visible_title(self.topics[self.topic][1])
            lines.append(f"Topic: {title}   (t: another topic)")
        if self.has_details:
            lines.append(
                "Details: nice-to-know facts included   (d: leave them out)"
                if self.more_detail
                else "Details: the important facts only   (d: add nice-to-know facts)"
            )
        return "\n".join(lines)

    def compose(self) -> ComposeResult:
        modes = list(MODE_HELP)
        with Vertical(classes="dialog"):
            yield Static(plain(f"Study: {visible_title(self.deck_title)}"), classes="dialog-title")
            scope = Static(plain(self._scope()), id="scope")
            scope.display = bool(self.topics or self.has_details)
            yield scope
            choices = ((m.value, f"{n}. {m.label}: {self._help(m)}") for n, m in enumerate(modes, 1))
            yield PointedList(*choices, id="modes")
            yield Static("Up/Down and Enter, or a number key. Escape goes back.", classes="dialog-hint")

    def on_mount(self) -> None:
        # No mode chosen for the person: Enter again out of habit started Mixed, and the number meant
        # for this menu answered its first question (a tester). PointedList says how to choose.
        self.query_one("#modes", PointedList).highlighted = None
        self._fit_modes()

    def on_resize(self) -> None:
        self._fit_modes()

    def _fit_modes(self) -> None:
        """Give the list of modes what the window leaves it: in a short window it scrolls (its
        scroll bar shows there is more) instead of running off the dialog (a reviewer at 60x20
        could not see modes 7 and 8)."""
        around = 2 + 2 + 2 + (self.query_one("#scope").outer_size.height or 2) + 2  # borders, title, hint
        self.query_one("#modes").styles.max_height = max(3, int(self.app.size.height * 0.9) - around)

    def action_topic(self) -> None:
        """The next topic, then all topics again."""
        if not self.topics:
            return
        self.topic = 0 if self.topic is None else (None if self.topic + 1 == len(self.topics) else self.topic + 1)
        self._rescoped()

    def action_detail(self) -> None:
        if self.has_details:
            self.more_detail = not self.more_detail
            self._rescoped()

    def on_click(self, event: events.Click) -> None:
        if event.widget is not None and event.widget.id == "scope":
            self.action_topic() if self.topics else self.action_detail()

    def _choose(self, mode: Mode) -> None:
        topic = None if self.topic is None else self.topics[self.topic][0]
        self.dismiss(StudyChoice(mode, topic, self.more_detail))

    def on_key(self, event: events.Key) -> None:
        key = event.key
        if key.isascii() and key.isdigit() and 1 <= int(key) <= len(MODE_HELP) and not self.is_stale(event):  # not "²"
            event.stop()  # the key that closes the menu is used up here: it never reaches the next screen
            event.prevent_default()
            self._choose(list(MODE_HELP)[int(key) - 1])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self._choose(Mode(event.option.id))


class DeckFilterDialog(Dialog[str | None]):
    """Choose whose history to show: every deck, or one. Dismissed with the deck's id, "" for
    every deck, or None (Escape: no change). The choice moved to is marked ▶ (quiz.tui.pointed)."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Back")]

    def __init__(self, decks: Sequence[tuple[str, str]], current: str | None) -> None:
        super().__init__()
        self.choices = [("", "All decks"), *decks]
        """(deck id, title) of each choice; "" is every deck."""
        self.current = current or ""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Show the history of", classes="dialog-title")
            yield PointedList(*((str(i), title) for i, (_, title) in enumerate(self.choices)), id="decks")
            yield Static("Up/Down and Enter. Escape goes back.", classes="dialog-hint")

    def on_mount(self) -> None:
        ids = [deck_id for deck_id, _ in self.choices]
        self._fit_decks()
        self.query_one("#decks", PointedList).highlighted = ids.index(self.current) if self.current in ids else 0

    def on_resize(self) -> None:
        self._fit_decks()

    def _fit_decks(self) -> None:
        """The list takes what the window leaves it and scrolls, so the ▶ choice is always in view
        (a reviewer shrank the window with the list open and moved the ▶ out of sight)."""
        decks = self.query_one("#decks", PointedList)
        decks.styles.max_height = max(3, int(self.app.size.height * 0.9) - 8)
        if decks.highlighted is not None:
            decks.scroll_to_highlight()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.dismiss(self.choices[int(event.option.id)][0])

class DisclaimerDialog(Dialog[bool]):
    """The deck's disclaimer, shown before a person's first session of it."""

    BINDINGS = [
        Binding("enter", "dismiss(True)", "I understand"),
        Binding("escape", "dismiss(False)", "Back"),
    ]

    def __init__(self, deck: Deck) -> None:
        super().__init__()
        self.deck = deck

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(plain(f"Before you start: {visible_title(self.deck.title)}"), classes="dialog-title")
            with VerticalScroll(classes="dialog-body"):
                yield Static(plain(self.deck.disclaimer))
            yield Static("Press Enter to start, or Escape to go back.", classes="dialog-hint")


class HelpDialog(Dialog[None]):
    """Every key of the screen below, and the deck's disclaimer and sources."""

    BINDINGS = [Binding("escape,question_mark,q,enter,f1", "dismiss(None)", "Close")]

    def __init__(self, keys: list[tuple[str, str]], deck: Deck | None) -> None:
        super().__init__()
        self.keys = keys
        self.deck = deck

    def compose(self) -> ComposeResult:
        keys = "\n".join(f"  {key:<12} {description}" for key, description in self.keys)
        parts = [f"Keys on this screen:\n{keys}"]
        if self.deck is not None:
            if self.deck.disclaimer:
                parts.append(f"\nAbout this deck:\n{self.deck.disclaimer}")
            for source in self.deck.sources:
                line = f"\nSource: {source.title}"
                if source.publisher:
                    line += f"\n  {source.publisher}"
                if source.url:
                    line += f"\n  {source.url}"
                parts.append(line)
        with Vertical(classes="dialog"):
            yield Static("Help", classes="dialog-title")
            with VerticalScroll(classes="dialog-body"):
                yield Static(plain("\n".join(parts)))
            yield Static("Escape closes this help.", classes="dialog-hint")


class GlossaryDialog(Dialog[None]):
    """The definitions of the glossary terms on the screen, and how many are explained only after
    the answer (held_back_line)."""

    BINDINGS = [Binding("escape,g,f2,enter", "dismiss(None)", "Close")]

    def __init__(self, words: WordsToKnow) -> None:
        super().__init__()
        self.entries = words.shown
        self.words = words

    def compose(self) -> ComposeResult:
        parts = [Content.assemble(plain(term, "bold underline"), "\n", plain(means)) for term, means in self.entries]
        later = held_back_line(self.words)
        if later:
            parts.append(Content(later))
        body = Content("\n\n").join(parts)
        with Vertical(classes="dialog"):
            yield Static("Words to know", classes="dialog-title")
            with VerticalScroll(classes="dialog-body"):
                yield Static(body or "No glossary words on this question.")
            yield Static("Escape closes this list.", classes="dialog-hint")


class StoreProblemDialog(Dialog[str]):
    """The score history could not be read: say where the damaged file is and what can be done."""

    BINDINGS = [Binding("escape", "dismiss('quit')", "Quit")]

    def __init__(self, err: DamagedDatabase) -> None:
        super().__init__()
        self.err = err

    def compose(self) -> ComposeResult:
        text = (
            f"Your score history cannot be used: {self.err.reason}.\n\n"
            f"Nothing was deleted. The file was kept at:\n{self.err.aside_path}\n\n"
            "You can restore the backup holding the most answers, or start a fresh history."
        )
        with Vertical(classes="dialog"):
            yield Static("Score history problem", classes="dialog-title")
            yield Static(plain(text), classes="dialog-body")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Restore backup", id="restore", variant="primary")
                yield Button("Start fresh", id="fresh")
                yield Button("Quit", id="quit")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or "quit")


class VisitDialog(Dialog[object]):
    """The date of a clinic visit to prepare a deck for: dismissed with the date, None for an empty
    box (no date: the one set is cleared), or False (Escape) to change nothing. A date that cannot
    be one is refused with a message."""

    BINDINGS = [Binding("escape", "dismiss(False)", "Back")]

    def __init__(self, title: str, current: date | None, today: date) -> None:
        super().__init__()
        self.deck_title = title
        self.current = current
        self.today = today

    def compose(self) -> ComposeResult:
        example = (self.today + timedelta(days=14)).isoformat()
        with Vertical(classes="dialog"):
            yield Static(plain(f"Your visit: {visible_title(self.deck_title)}"), classes="dialog-title")
            yield Static(
                "Until the day of your visit, Review (r) chooses each day's questions so that you "
                "remember the most on that day, must-know facts first.\n\n"
                f"Type the date as year-month-day, for example {example}. "
                + ("Leave it empty to clear it." if self.current else "Leave it empty for no visit date.")
            )
            yield SettledInput(
                value=self.current.isoformat() if self.current else "",
                placeholder="year-month-day",  # a hint, not a date: an example there looked filled in
                id="visit-date",
                max_length=10,
            )
            yield Static(id="visit-problem")
            empty = "clears it" if self.current else "sets none"
            yield Static(f"Enter saves the date (an empty box {empty}). Escape goes back.", classes="dialog-hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Dismiss with the date typed, or None for an empty box, as the dialog says (the grey hint
        is no date typed: Home says that no date was set)."""
        event.stop()
        try:
            visit = parse_visit(event.value, self.today)
        except ValueError as err:
            self.query_one("#visit-problem", Static).update(plain(f"! {err}"))
            return
        self.dismiss(visit)
