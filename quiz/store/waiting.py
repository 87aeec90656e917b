"""Writes that wait: an answer (an undo, a session's end) the history could not take because another
program held it locked (HistoryLocked), kept in memory in the order given and written, still in
that order, as soon as the history can be written again. No Textual.

Store.waiting holds them; quiz.recording adds them and writes them before the next answer and at a
session's end, the app on its store-tending timer, and Store.close last of all. What still waits
when the history closes is lost, and named (Store.lost) for the person to be told which answers.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from quiz.plural import plural
from quiz.store.errors import HistoryLocked, StoreError


class Waiting(NamedTuple):
    """One write that waits: `what` names it for the learner (no answer text in logs: it is only
    ever shown to them), `write` does it (raising StoreError or OSError), `key` finds it again
    (the answer it writes, so an undo can withdraw it). Named tuples, not dataclasses: this module
    is imported at every start of the app, and a dataclass costs about 1.5 M instructions to make."""

    what: str
    write: Callable[[], object]
    key: object = None


class Written(NamedTuple):
    """What one pass over the waiting writes did: those written, and those that failed for another
    reason than a lock (they are dropped: they can never be written). Make one as Written([], [])."""

    saved: list[Waiting]
    lost: list[Waiting]


class WaitingWrites:
    """The writes waiting for the history's lock, oldest first."""

    def __init__(self) -> None:
        self.items: list[Waiting] = []

    def __len__(self) -> int:
        return len(self.items)

    def __bool__(self) -> bool:
        return bool(self.items)

    def add(self, what: str, write: Callable[[], object], key: object = None) -> None:
        """Keep a write for later, after every write already waiting."""
        self.items.append(Waiting(what, write, key))

    def withdraw(self, key: object) -> bool:
        """Drop the newest waiting write for `key` (an answer taken back before it was ever
        written); returns whether there was one."""
        for i in range(len(self.items) - 1, -1, -1):
            if self.items[i].key is key:
                del self.items[i]
                return True
        return False

    def write(self) -> Written:
        """Write what waits, oldest first, until the history is locked again (the rest then waits
        on, in order). A write that fails otherwise is dropped and named in `lost`."""
        done = Written([], [])
        while self.items:
            item = self.items[0]
            try:
                item.write()
            except HistoryLocked:
                break
            except (StoreError, OSError):
                done.lost.append(item)
            else:
                done.saved.append(item)
            del self.items[0]
        return done


def saved_after_all(written: Written) -> str | None:
    """What to tell the learner once writes that waited for a lock are done (or could not be);
    None when there is nothing to tell."""
    answers = sum(item.key is not None for item in written.saved)  # an answer's write has its key
    parts = []
    if answers:
        one = answers == 1
        parts.append(
            f"Saved after all: {plural(answers, 'answer')} that {'was' if one else 'were'} waiting "
            f"{'is' if one else 'are'} now in your history."
        )
    if written.lost:
        parts.append("Could not be saved: " + "; ".join(item.what for item in written.lost) + ".")
    return " ".join(parts) or None


def lost_message(lost: list[str]) -> str:
    """What to tell the person when the history closed with writes still kept out by a lock
    (Store.lost, oldest first): exactly which answers are not in their history."""
    return (
        "quiz: another program kept your score history locked until quiz closed, so these were not "
        "saved: " + "; ".join(lost) + "."
    )
