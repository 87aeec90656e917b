"""The score history while the app runs: opened before the first screen, then backed up, read
through and checkpointed in the background, each problem said in words (never a traceback)."""

from __future__ import annotations

from contextlib import suppress
from typing import TYPE_CHECKING

from quiz.schedule import Scheduler
from quiz.store import DamagedDatabase, HistoryMissing, Store, StoreError, verify
from quiz.store.waiting import lost_message, saved_after_all
from quiz.tui.services import Services, Settings
from quiz.untrusted import visible

if TYPE_CHECKING:
    from textual.app import App

    _App = App[int]
else:
    _App = object  # a plain mixin, as quiz.tui.settle's: each subclass of App costs 1.5 M instructions at start

VERIFY_AFTER = 3.0
"""Seconds after start-up before a large history is read through once, so start-up stays quick."""
CHECKPOINT_EVERY = 15.0
"""Seconds between checkpoints of the history's WAL while the app runs (cheap when nothing is new)."""


class HistoryKeeping(_App):
    """For an App (listed before it in the bases): the part of QuizApp that keeps the score history
    (Services.store). What a subclass sets up in its __init__ is declared here."""

    settings: Settings
    services: Services
    _damaged: DamagedDatabase | None
    lost_answers: str | None = None
    """Set as the app ends when answers could not be written to the history: which ones."""

    @property
    def store(self) -> Store | None:
        """The score history, or None when it cannot be used (store_problem says why)."""
        return self.services.store

    @store.setter
    def store(self, store: Store | None) -> None:
        self.services.store = store

    @property
    def store_problem(self) -> str | None:
        return self.services.store_problem

    def _try_open_store(self) -> None:
        """Open the history; keep what went wrong (damage, or another problem) for _report_store."""
        services = self.services
        services.store, services.store_problem, self._damaged = None, None, None
        scheduler = Scheduler(fuzz=self.settings.fuzz)
        try:
            try:
                services.store = Store.open(self.settings.data_dir, scheduler=scheduler, backup=False)
            except HistoryMissing as err:  # said once; the new history it started is the one to use now
                self.notify(visible(str(err), lines=True), title="Score history", severity="warning", markup=False)
                services.store = Store.open(self.settings.data_dir, scheduler=scheduler, backup=False)
        except DamagedDatabase as err:
            self._damaged = err
        except (StoreError, OSError) as err:
            services.store_problem = visible(str(err), lines=True)  # it names files

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

    def close_store(self) -> None:
        """Close the history as the app ends (what waited for a lock is written first); what still
        could not be written is kept in `lost_answers` for quiz.tui.run to name in the shell."""
        if self.store is None:
            return
        self.store.close()
        if self.store.lost:
            self.lost_answers = lost_message(self.store.lost)

    def tend_store(self) -> None:
        """Write the answers that waited for another program's lock, if it is gone (quiz.store.waiting),
        and checkpoint the history's WAL (on a timer while the app runs); warn if the -wal file was
        deleted under the app, whose answers the checkpoint has just saved into history.db."""
        if self.store is None:
            return
        news = saved_after_all(self.store.write_waiting(patient=False))  # answers a lock kept out
        if news:
            self.notify(news, title="Score history", markup=False, timeout=10)
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
