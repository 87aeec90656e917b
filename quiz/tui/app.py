"""QuizApp: holds the decks and the store, watches deck files, and routes between screens."""

from __future__ import annotations

import asyncio
import os
import signal
from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from rich.text import Text
from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen
from textual.theme import Theme

from quiz.certainty import AskCertainty
from quiz.deck.discover import FoundDeck, discover, load_found, refuse_shared_ids
from quiz.mode import Mode
from quiz.paths import cache_dir
from quiz.schedule import Scheduler, utc
from quiz.store import DamagedDatabase, Store, StoreError, verify
from quiz.tui.settle import SETTLE_S, Settled
from quiz.untrusted import visible

VERIFY_AFTER = 3.0
"""Seconds after start-up before a large history is read through once, so start-up stays quick."""
CHECKPOINT_EVERY = 15.0
"""Seconds between checkpoints of the history's WAL while the app runs (cheap when nothing is new)."""
QUIT_SIGNALS = ("SIGTERM", "SIGHUP")
"""Signals that quit the app as ctrl+q does: `kill`, a system shutting down, a closed terminal window."""


HIGH_CONTRAST = Theme(
    name="quiz-high-contrast",
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#FFFF00",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1A1A1A",
    success="#00FF00",
    warning="#FFFF00",
    error="#FF5555",
    dark=True,
)
"""White on black with yellow keys, for low vision: the one theme quiz adds to Textual's."""


def theme_kind(theme: Theme) -> str:
    """'high contrast', 'dark' or 'light': how the theme list describes a theme."""
    if theme.name == HIGH_CONTRAST.name:
        return "high contrast"
    return "dark" if theme.dark else "light"


class ChoiceList(Provider):
    """A command palette list of choices: each subclass says what they are (`choices`)."""

    def choices(self) -> list[tuple[str, Callable[[], None]]]:
        """(label, what choosing it does), in the order shown."""
        raise NotImplementedError

    async def discover(self) -> Hits:
        for label, choose in self.choices():
            yield DiscoveryHit(label, choose)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for label, choose in self.choices():
            if (score := matcher.match(label)) > 0:
                yield Hit(score, matcher.highlight(label), choose)


class ThemeList(ChoiceList):
    """The theme list: each name with whether it is light, dark or high contrast."""

    def choices(self) -> list[tuple[str, Callable[[], None]]]:
        app = self.app
        out = []
        for theme in sorted(app.available_themes.values(), key=lambda t: t.name):

            def choose(name: str = theme.name) -> None:
                app.theme = name

            out.append((f"{theme.name} ({theme_kind(theme)})", choose))
        return out


class CertaintyList(ChoiceList):
    """The certainty choices, the one in use marked."""

    def choices(self) -> list[tuple[str, Callable[[], None]]]:
        app = self.app
        out = []
        for setting in AskCertainty:

            def choose(setting: AskCertainty = setting) -> None:
                app.set_certainty(setting)  # type: ignore[attr-defined]

            now = " (now)" if setting is getattr(app, "ask_certainty", None) else ""
            out.append((f"Ask how sure I am {setting.label}{now}", choose))
        return out


@dataclass
class StudyRequest:
    """A session to open straight away (`quiz study DECK ...`)."""

    path: Path
    mode: Mode = Mode.MIXED
    count: int | None = None


@dataclass
class Settings:
    """What the command line decided: where data lives, which decks, the seed and the clock."""

    data_dir: Path
    deck_paths: list[Path] | None = None
    seed: int | None = None
    clock: Callable[[], datetime] = field(default=lambda: utc())
    fuzz: bool = True
    blink: bool = True
    watch_interval: float = 1.0
    config_dir: Path | None = None
    """Where the person's choices (the theme) are kept (quiz.preferences); None keeps nothing."""
    settle: float = SETTLE_S
    """Seconds a screen ignores keys after something new appears on it (quiz.tui.settle)."""


class QuizApp(App[int]):
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
        self.study_request = study
        self.open_history = history
        self.store: Store | None = None
        self.store_problem: str | None = None
        self._damaged: DamagedDatabase | None = None
        self.decks: list[FoundDeck] = []
        self._signals: list[int] = []
        self._stamps: dict[Path, tuple[int, int] | None] = {}
        self.seed = settings.seed if settings.seed is not None else int.from_bytes(os.urandom(4))
        self.ask_certainty = AskCertainty.MUST_KNOW
        """For which facts a session asks how sure the learner is (a kept setting)."""

    # -- start-up -----------------------------------------------------------------------------

    def on_load(self) -> None:
        """Load the decks and open the history before the first screen is built (no screen needed)."""
        self.decks = self._load_decks()
        self._stamps = {f.path: _stamp(f.path) for f in self.decks}
        self._try_open_store()

    @property
    def _home_first(self) -> bool:
        """Whether the app starts on Home: no damaged history to ask about, no session or History asked for."""
        return self._damaged is None and self.study_request is None and not self.open_history

    def get_default_screen(self) -> Screen[object]:
        """Home is the first screen itself when that is where the app starts (nothing to push)."""
        if self._home_first:
            from quiz.tui.screens.home import HomeScreen

            return HomeScreen()
        return super().get_default_screen()

    def on_mount(self) -> None:
        self.register_theme(HIGH_CONTRAST)
        self._apply_preferences()
        self._catch_quit_signals()
        self.set_interval(self.settings.watch_interval, self.poll_decks)
        self.set_interval(CHECKPOINT_EVERY, self.tend_store)
        if self._home_first:
            self._after_store_opened()
        else:
            self._report_store()

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
        self.theme_changed_signal.subscribe(self, lambda _theme: self._keep_preferences())

    def _keep_preferences(self) -> None:
        from quiz import preferences

        folder = self.settings.config_dir
        if folder is None:
            return
        try:
            preferences.save(folder, preferences.Preferences(theme=self.theme, certainty=self.ask_certainty.value))
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
        study = getattr(screen, "action_study", None)
        if study is not None:
            yield SystemCommand("Study this deck", "Choose how to study the selected deck", study)
        review = getattr(screen, "action_review", None)
        if review is not None:
            yield SystemCommand("Review what is due", "Spaced repetition: what you are about to forget", review)
        glossary = getattr(screen, "action_glossary", None)
        if glossary is not None:
            yield SystemCommand("Words to know", "What the underlined words on screen mean", glossary)
        yield SystemCommand("History", "Your past sessions, progress and what falls due", self.action_history)
        yield SystemCommand("Keys and help", "Every key of this screen, and the deck's sources", self.action_help)
        yield SystemCommand("Theme", "Colours: light, dark or high contrast (kept for next time)", self.action_themes)
        yield SystemCommand(
            "How sure are you?",
            f"Now asked {self.ask_certainty.label}: must-know facts, every question, or never",
            self.action_certainty,
        )
        yield SystemCommand("Quit", "Leave quiz (every answer is already saved)", self.action_quit)

    def action_themes(self) -> None:
        """The theme list, each theme said to be light, dark or high contrast."""
        from textual.command import CommandPalette

        self.push_screen(CommandPalette(providers=[ThemeList], placeholder="Search for a theme…"))

    @property
    def _cache(self) -> Path:
        return cache_dir(self.settings.data_dir)

    def _load_decks(self) -> list[FoundDeck]:
        if self.settings.deck_paths is None:
            found = discover(self.settings.data_dir)
        else:
            found = refuse_shared_ids([load_found(path, cache=self._cache) for path in self.settings.deck_paths])
        request = self.study_request
        if request is not None and all(f.path.resolve() != request.path.resolve() for f in found):
            found.append(load_found(request.path, cache=self._cache))
        return found

    def _try_open_store(self) -> None:
        """Open the history; keep what went wrong (damage, or another problem) for _report_store."""
        self.store, self.store_problem, self._damaged = None, None, None
        try:
            self.store = Store.open(self.settings.data_dir, scheduler=Scheduler(fuzz=self.settings.fuzz), backup=False)
        except DamagedDatabase as err:
            self._damaged = err
        except (StoreError, OSError) as err:
            self.store_problem = visible(str(err), lines=True)  # it names files

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

    def _after_store_opened(self) -> None:
        """Say the history cannot be used, or start the daily backup and the background check."""
        if self.store is None:
            self.notify(
                f"{self.store_problem}\nYou can study, but answers will not be saved.",
                title="Score history unavailable",
                severity="error",
                markup=False,
                timeout=15,
            )
            return
        if self.store.backup_due():  # at most once a day: the worker opens the history again
            self.run_worker(self._back_up_store, thread=True, group="backup")
        if not self.store.fully_checked:  # a large history was only checked in part at open
            self.set_timer(VERIFY_AFTER, lambda: self.run_worker(self._verify_store, thread=True, group="verify"))

    def _back_up_store(self) -> None:
        """Take the daily backup off the UI thread (at a million answers it takes a second or so)."""
        try:
            with Store.open(self.settings.data_dir, backup=False) as store:
                store.backup_if_due()
        except (StoreError, OSError):
            pass  # a backup that cannot be taken today is tried again at the next start

    def _verify_store(self) -> None:
        """Read the whole history once (quick_check) off the UI thread; say so if it is damaged."""
        reason = verify(self.settings.data_dir)
        if reason is not None:
            self.call_from_thread(
                self.notify,
                f"The score history looks damaged ({reason}). Quit, then run `quiz history restore` "
                "to go back to the newest backup.",
                title="Score history",
                severity="error",
                markup=False,
                timeout=30,
            )

    def _after_store_problem(self, choice: str | None) -> None:
        from quiz.store import restore_backup

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
            self.push_screen(HomeScreen())
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
        questions = plan_questions(
            deck, mode, self.store, self.now(), seed=self.seed, count=count, topic=topic, more_detail=more_detail
        )
        if not questions:
            message = (
                "Nothing is due in this deck right now, and no new facts are waiting. Well done!"
                if mode is Mode.DUE
                else "This deck has no questions of that kind."
            )
            self.notify(message, title=deck.title, markup=False)
            if exit_after:
                self.exit(0)
            elif then:
                then()
            return

        def finished(_: object = None) -> None:
            if exit_after:
                self.exit(0)
            elif then is not None:
                then()

        def open_session(accepted: bool | None = True) -> None:
            if not accepted:
                finished()
                return
            run = StudyRun(deck, mode, questions, store=self.store, clock=self.now, seed=self.seed)
            run.ask_certainty = self.ask_certainty
            self.push_screen(StudyScreen(run, found.path), finished)

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
        self.push_screen(HistoryScreen(), (lambda _: self.exit(0)) if exit_after else None)

    def on_key(self, event: events.Key) -> None:
        """Drop a key pressed before the screen on top settled (quiz.tui.settle), before any
        binding sees it: a double press, or keys delivered together, act once."""
        screen = self.screen
        if isinstance(screen, Settled) and screen.is_stale(event):
            event.prevent_default()
            event.stop()

    def action_help(self) -> None:
        """Show every key of the current screen, and the deck's disclaimer and sources."""
        from quiz.tui.screens.dialogs import HelpDialog

        if isinstance(self.screen, HelpDialog):
            return
        keys: list[tuple[str, str]] = []
        for active in self.active_bindings.values():
            binding = active.binding
            if binding.show and binding.description and active.enabled and isinstance(active.node, App | Screen):
                keys.append((binding.key_display or self.get_key_display(binding), binding.description))
        keys.append(("ctrl+q", "Quit quiz (every answer is already saved)"))
        deck = getattr(self.screen, "deck", None)
        self.push_screen(HelpDialog(keys, deck))

    def now(self) -> datetime:
        return self.settings.clock()

    # -- watching deck files -------------------------------------------------------------------

    def poll_decks(self) -> None:
        """Reload any deck file that changed on disk, so an author sees edits while the app is open."""
        for index, found in enumerate(self.decks):
            stamp = _stamp(found.path)
            if stamp == self._stamps.get(found.path):
                continue
            self._stamps[found.path] = stamp
            fresh = load_found(found.path, found.builtin, cache=self._cache)
            self.decks[index] = fresh
            if fresh.error is not None:
                self.notify(
                    str(fresh.error.problems[0]),
                    title=f"Problem in {found.path.name}",
                    severity="error",
                    markup=False,
                    timeout=10,
                )
            for screen in self.screen_stack:
                hook = getattr(screen, "deck_reloaded", None)
                if hook is not None:
                    hook(fresh)

    # -- never a traceback ---------------------------------------------------------------------

    def _fatal_error(self) -> None:
        """Exit on an unexpected error without Textual's traceback, whose locals hold health text
        (with QUIZ_DEBUG set, Textual's own report, traceback and all)."""
        import sys

        if os.environ.get("QUIZ_DEBUG"):
            super()._fatal_error()
            return

        kind = type(sys.exc_info()[1]).__name__ if sys.exc_info()[1] else "error"
        self.bell()
        self._exit_renderables.append(
            Text(
                f"quiz stopped because of an unexpected problem ({kind}). Every answer you gave "
                "was saved. Set QUIZ_DEBUG=1 to see the details when reporting it."
            )
        )
        self._close_messages_no_wait()

    def panic(self, *renderables: object) -> None:
        """Textual's last resort (a failing input thread, say): never let it print a traceback."""
        from rich.traceback import Traceback

        if not os.environ.get("QUIZ_DEBUG") and any(isinstance(r, Traceback) for r in renderables):
            renderables = (
                Text("quiz stopped because the terminal stopped answering. Every answer you gave was saved."),
            )
        super().panic(*renderables)  # type: ignore[arg-type]

    def _handle_exception(self, error: Exception) -> None:
        if os.environ.get("QUIZ_DEBUG"):
            super()._handle_exception(error)
            return
        self._return_code = 1
        if self._exception is None:
            self._exception = error
            self._exception_event.set()
        self._fatal_error()

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

    def tend_store(self) -> None:
        """Checkpoint the history's WAL (on a timer while the app runs); warn if the -wal file was
        deleted under the app, whose answers the checkpoint has just saved into history.db."""
        if self.store is None:
            return
        with suppress(StoreError):  # a busy or full history: the next tick tries again
            self.store.checkpoint()
        if self.store.wal_lost:  # found now, or when a session ended
            self.store.wal_lost = False
            self.notify(
                f"The file {self.store.path.name}-wal was deleted while quiz was open. The answers it "
                "held have been saved into the history; please do not delete quiz's files while it runs.",
                title="Score history",
                severity="warning",
                markup=False,
                timeout=30,
            )

    def on_unmount(self) -> None:
        loop = asyncio.get_running_loop()
        for number in self._signals:
            with suppress(NotImplementedError, RuntimeError, ValueError):
                loop.remove_signal_handler(number)
        if self.store is not None:
            self.store.close()


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)
