"""QuizApp: opens the history, loads and watches the decks, and routes between screens."""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from collections.abc import Callable, Iterable
from contextlib import suppress
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.worker import get_current_worker

from quiz.certainty import AskCertainty
from quiz.deck.discover import FoundDeck
from quiz.mode import Mode
from quiz.store import DamagedDatabase, StoreError
from quiz.tui.collector import collect_as_usual
from quiz.tui.crash import QuietCrashApp
from quiz.tui.decks import DeckReloaded, DeckWatch, deck_paths, first_load, reloads
from quiz.tui.keeping import CHECKPOINT_EVERY, HistoryKeeping
from quiz.tui.notices import Notices
from quiz.tui.palette import HIGH_CONTRAST, CertaintyList, ThemeList, point_commands, system_commands, theme_kind
from quiz.tui.pastes import TypeablePastes
from quiz.tui.services import Services, Settings, StudyRequest
from quiz.tui.settle import Settled
from quiz.untrusted import visible, visible_title

if TYPE_CHECKING:
    from textual.command import CommandPalette

    from quiz.tui.screens.home import HomeScreen

__all__ = ["HIGH_CONTRAST", "QuizApp", "Settings", "StudyRequest", "theme_kind"]

FIRST_FRAME_WAIT = 1.0
"""Seconds the deck watcher waits at most for Home's first frame before its first look: parsing a
large deck in a thread would take turns with the UI thread drawing the frame (Python's GIL)."""
QUIT_SIGNALS = ("SIGTERM", "SIGHUP")
"""Signals that quit the app as ctrl+q does: `kill`, a system shutting down, a closed terminal window."""


class QuizApp(HistoryKeeping, Notices, TypeablePastes, QuietCrashApp, App[int]):
    """The quiz app; screens own their behaviour, the app owns decks, store and routing."""

    CSS_PATH = "quiz.tcss"
    TITLE = "quiz"
    SUB_TITLE = "learn about your treatment"
    BINDINGS = [
        Binding("question_mark", "help", "Keys", key_display="?"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
    ]

    def __init__(self, settings: Settings, *, study: StudyRequest | None = None, history: bool = False) -> None:
        super().__init__()
        self.settings = settings
        self.services = Services(settings)
        self.study_request = study
        self.open_history = history
        self._damaged: DamagedDatabase | None = None
        self._passing = {}  # quiz.tui.notices
        self._signals: list[int] = []
        self._watch: DeckWatch | None = None
        self._stop_watching = threading.Event()
        self._first_frame = threading.Event()
        self.seed = settings.seed if settings.seed is not None else int.from_bytes(os.urandom(4))
        self.sittings = 0
        """Sittings opened so far: the n-th is planned with seed + n (the first with `seed` itself)."""
        self.ask_certainty = AskCertainty.MUST_KNOW
        """For which facts a session asks how sure the learner is (a kept setting)."""

    @property
    def decks(self) -> list[FoundDeck]:
        """Every deck Home shows, in order (quiz.tui.decks: some may still be being checked)."""
        return self.services.decks

    # -- start-up -----------------------------------------------------------------------------

    def on_load(self) -> None:
        """Load the decks and open the history before the first screen is built (no screen needed)."""
        also = self.study_request.path if self.study_request else None
        listed = partial(deck_paths, self.services, also=also)  # the watcher lists them again, for new ones
        self._watch = first_load(self.services, listed(), at_once=also, listed=listed)
        self._try_open_store()

    @property
    def _home_first(self) -> bool:
        """Whether the app starts on Home: no damaged history to ask about, no session or History asked for."""
        return self._damaged is None and self.study_request is None and not self.open_history

    def get_default_screen(self) -> Screen[object]:
        """Home is the first screen itself when that is where the app starts (nothing to push)."""
        if self._home_first:
            from quiz.tui.screens.home import HomeScreen

            return HomeScreen(self.services)
        return super().get_default_screen()

    def on_mount(self) -> None:
        self.register_theme(HIGH_CONTRAST)
        self._apply_preferences()
        self._catch_quit_signals()
        self.watch_decks()
        if self._home_first:  # the watcher's first look waits for Home's first frame (a large deck
            self.screen.call_after_refresh(self._first_frame.set)  # would slow the frame down)
        else:
            self._first_frame.set()
        self.set_interval(CHECKPOINT_EVERY, self.tend_store)
        if self._home_first:
            self._after_store_opened()
        else:
            self._report_store()

    def on_ready(self) -> None:
        collect_as_usual()  # the first frame is about to be drawn (quiz.tui.collector)

    def _apply_preferences(self) -> None:
        """Use the theme and the certainty setting the person chose last time; keep later choices."""
        from quiz import preferences

        folder = self.settings.config_dir
        if folder is None:
            return
        chosen, problem = preferences.load(folder)
        if problem:
            self.notify(problem, title="Settings", severity="warning", markup=False, timeout=10)
        if chosen.theme in self.available_themes:
            self.theme = chosen.theme
        if chosen.certainty is not None:
            self.ask_certainty = AskCertainty(chosen.certainty)
        self._kept = preferences.Preferences(theme=self.theme, certainty=self.ask_certainty.value)
        self.theme_changed_signal.subscribe(self, lambda _theme: self._keep_preferences())

    _kept: object = None
    """The preferences as last read or written: applying them at start-up writes nothing."""

    def _keep_preferences(self) -> None:
        from quiz import preferences

        folder = self.settings.config_dir
        now = preferences.Preferences(theme=self.theme, certainty=self.ask_certainty.value)
        if folder is None or now == self._kept:
            return
        try:
            preferences.save(folder, now)
            self._kept = now
        except OSError as err:
            self.notify(f"Could not keep your settings: {err.strerror or err}", severity="warning", markup=False)

    def action_certainty(self) -> None:
        """Choose for which facts quiz asks how sure you are: must-know facts, every question, never."""
        from textual.command import CommandPalette

        self.push_screen(CommandPalette(providers=[CertaintyList], placeholder="Ask how sure I am…"))

    def set_certainty(self, setting: AskCertainty) -> None:
        """Keep the certainty setting (from the next session on) and say so."""
        self.ask_certainty = setting
        self._keep_preferences()
        self.notify(f"quiz will ask how sure you are {setting.label}, from the next session on.", markup=False)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The command palette's commands: quiz's own, where they apply on this screen."""
        return system_commands(self, screen)

    def action_themes(self) -> None:
        """The theme list, each theme said to be light, dark or high contrast."""
        from textual.command import CommandPalette

        self.push_screen(CommandPalette(providers=[ThemeList], placeholder="Search for a theme…"))

    def _open_store(self) -> None:
        self._try_open_store()
        self._report_store()

    def _report_store(self) -> None:
        """Ask what to do about a damaged history, or go on to the first screen."""
        if self._damaged is not None:
            from quiz.tui.screens.dialogs import StoreProblemDialog

            self.push_screen(StoreProblemDialog(self._damaged), self._after_store_problem)
            return
        self._show_first_screen()
        self._after_store_opened()

    def _after_store_problem(self, choice: str | None) -> None:
        from quiz.store.restore import restore_backup

        if choice == "quit" or choice is None:
            self.exit(1)
            return
        if choice == "restore":
            try:
                restored = restore_backup(self.settings.data_dir)
            except (StoreError, OSError) as err:
                self.notify(visible(str(err), lines=True), title="Could not restore", severity="error", markup=False)
            else:
                self.notify(f"Restored the backup {restored.backup.name}.", markup=False)
        self._open_store()

    def _show_first_screen(self) -> None:
        from quiz.tui.screens.home import HomeScreen

        if self.study_request is None and not self.open_history:
            self.push_screen(HomeScreen(self.services))
        elif self.study_request is not None:
            request = self.study_request
            found = next((f for f in self.decks if f.path.resolve() == request.path.resolve()), None)
            if found is None or found.deck is None:
                problem = str(found.error) if found and found.error else f"{request.path}: cannot be read"
                self.exit(1, message=Text(visible(problem, lines=True)))
                return
            self.start_study(found, request.mode, count=request.count, exit_after=True)
        elif self.open_history:
            self.action_history(exit_after=True)

    # -- routing --------------------------------------------------------------------------------

    def start_study(
        self,
        found: FoundDeck,
        mode: Mode,
        *,
        count: int | None = None,
        exit_after: bool = False,
        then: Callable[[], None] | None = None,
        topic: str | None = None,
        more_detail: bool = False,
    ) -> None:
        """Open a study session on a deck (of one topic, with or without nice-to-know details),
        showing the disclaimer first if this is its first session."""
        from quiz.session import plan_questions
        from quiz.study import StudyRun
        from quiz.tui.screens.dialogs import DisclaimerDialog
        from quiz.tui.screens.study import StudyScreen

        deck = found.deck
        assert deck is not None
        # Each sitting of this run of the app has a seed of its own: the same seed again would show
        # every question's options in the same order, and a learner would learn "number 4".
        seed, self.sittings = self.seed + self.sittings, self.sittings + 1
        questions = plan_questions(
            deck, mode, self.store, self.now(), seed=seed, count=count, topic=topic, more_detail=more_detail
        )
        if not questions:
            message = (
                "Nothing is due in this deck right now, and no new facts are waiting. Well done!"
                if mode is Mode.DUE
                else "This deck has no questions of that kind."
            )
            self.notify(message, title=deck.title, markup=False)
            if exit_after:  # `quiz study`: said in the shell, where it stays to be read
                self.exit(0, message=Text(f"{visible_title(deck.title)}: {message}"))
            elif then:
                then()
            return

        def finished(left: bool | None = False) -> None:
            """The session is over: go on to `then` (the next deck of a review) unless the learner
            left it with Escape, which ends the whole review (a reviewer needed six Escapes, one
            per deck with something due, to get back to Home)."""
            if exit_after:
                self.exit(0)
            elif then is not None and not left:
                then()

        def open_session(accepted: bool | None = True) -> None:
            if not accepted:  # Escape on the disclaimer goes back, not on to another deck
                finished(left=True)
                return
            run = StudyRun(deck, mode, questions, store=self.store, clock=self.now, seed=seed)
            run.ask_certainty = self.ask_certainty
            self.push_screen(StudyScreen(run, found.path, blink=self.settings.blink), finished)

        first_time = self.store is not None and not self.store.last_sessions(1, deck.id)
        if first_time and deck.disclaimer:
            self.push_screen(DisclaimerDialog(deck), open_session)
        else:
            open_session()

    def action_history(self, exit_after: bool = False) -> None:
        """Open the History screen."""
        from quiz.tui.screens.history import HistoryScreen

        if self.store is None:
            self.notify(self.store_problem or "No score history.", severity="error", markup=False)
            if exit_after:
                self.exit(1)
            return
        if isinstance(self.screen, HistoryScreen):  # the palette's History, on History itself
            return
        self.push_screen(HistoryScreen(self.services), (lambda _: self.exit(0)) if exit_after else None)

    def on_key(self, event: events.Key) -> None:
        """Drop a key pressed before the screen on top settled (quiz.tui.settle), before any
        binding sees it: a double press, or keys delivered together, act once."""
        screen = self.screen
        if isinstance(screen, Settled) and screen.is_stale(event):
            event.prevent_default()
            event.stop()

    def on_command_palette_option_highlighted(self, message: CommandPalette.OptionHighlighted) -> None:
        """The command palette's highlighted command is marked ▶, not by shading alone (palette.py)."""
        point_commands(message.highlighted_event.option_list)

    def action_help(self) -> None:
        """Show every key of the current screen, and the deck's disclaimer and sources."""
        from quiz.tui.screens.dialogs import HelpDialog

        if isinstance(self.screen, HelpDialog):
            return
        keys: list[tuple[str, str]] = []
        for active in self.active_bindings.values():
            binding = active.binding
            if binding.show and binding.description and active.enabled:  # as the keys line shows them
                keys.append((binding.key_display or self.get_key_display(binding), binding.description))
        keys.append(("ctrl+q", "Quit quiz (every answer is already saved)"))
        deck = getattr(self.screen, "deck", None)
        self.push_screen(HelpDialog(keys, deck))

    def now(self) -> datetime:
        return self.settings.clock()

    def on_home_screen_study_asked(self, message: HomeScreen.StudyAsked) -> None:
        """Home asked for a session (Enter on a deck, or the next deck of a review)."""
        message.stop()
        self.start_study(
            message.found, message.mode, topic=message.topic, more_detail=message.more_detail, then=message.then
        )

    # -- watching deck files -------------------------------------------------------------------

    @work(thread=True, group="decks", exclusive=True)
    def watch_decks(self) -> None:
        """Load the decks left unchecked at start-up (once Home is drawn), then every deck file that
        changes on disk (so an author sees edits while the app is open), off the UI thread; post each
        to the app. With none left unchecked the first look comes one interval in, as every other."""
        worker = get_current_worker()
        if self._watch is not None and self._watch.unchecked:
            self._first_frame.wait(FIRST_FRAME_WAIT)
        elif self._stop_watching.wait(self.settings.watch_interval):  # every deck was loaded a moment ago
            return
        while not worker.is_cancelled:
            self.poll_decks()
            if self._stop_watching.wait(self.settings.watch_interval):
                return

    def poll_decks(self) -> None:
        """Look at the deck files once, posting a DeckReloaded for each one loaded again."""
        if self._watch is not None:
            for message in reloads(self._watch, self.services):
                self.post_message(message)

    def on_deck_reloaded(self, message: DeckReloaded) -> None:
        """Keep the deck loaded again (a problem in it said), and pass the news to every screen."""
        shown = self.services.reloaded(message.index, message.found)
        if shown.error is not None:  # a problem in the file, or its id another file's
            self.notify(
                visible(str(shown.error.problems[0]), lines=True),
                title=f"Problem in {visible(shown.path.name)}",
                severity="error",
                markup=False,
                timeout=10,
            )
        for screen in self.screen_stack:
            screen.post_message(DeckReloaded(message.index, shown, message.mastered))

    # -- ending ---------------------------------------------------------------------------------

    def _catch_quit_signals(self) -> None:
        """Quit on SIGTERM and SIGHUP the way ctrl+q does: the store closes (the session is marked
        ended, the WAL checkpointed) and Textual gives the terminal back (normal screen, no mouse
        reporting). Without this, either signal killed the process where it stood."""
        loop = asyncio.get_running_loop()
        for name in QUIT_SIGNALS:
            number = getattr(signal, name, None)
            if number is None:  # Windows has no SIGHUP
                continue
            with suppress(NotImplementedError, RuntimeError, ValueError):  # not the main thread, or Windows
                loop.add_signal_handler(number, self.exit, 128 + number)
                self._signals.append(number)

    def on_unmount(self) -> None:
        self._stop_watching.set()
        loop = asyncio.get_running_loop()
        for number in self._signals:
            with suppress(NotImplementedError, RuntimeError, ValueError):
                loop.remove_signal_handler(number)
        self.close_store()
