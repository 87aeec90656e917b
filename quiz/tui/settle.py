"""One key press does one thing: a screen ignores keys for a moment after it appears, and closes once.

A person who presses a key twice (a shaky hand, a habit, a key held down, a paste or a slow link
that delivers two keys at once) must not have the second press act on whatever the first one
brought up: answer the question that just appeared, skip the disclaimer or the summary, or end a
session after closing a list. So every quiz screen drops the keys that arrive within
`Settings.settle` seconds (SETTLE_S by default) of it appearing, or of `settle()` marking that
something new is on it (the study screen calls it for each new question or step), and a screen
that is closing ignores a second close instead of failing. A text box does the same for the
typing that reaches it: quiz.tui.settled_input.SettledInput (apart, as Home has none).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import events
from textual._time import get_time  # the clock Textual stamps every event with
from textual.await_complete import AwaitComplete

if TYPE_CHECKING:
    from textual.screen import Screen

    _Mixin = Screen[Any]
else:
    _Mixin = object  # a plain mixin: as a Screen subclass it would change the screens' default CSS

SETTLE_S = 0.3
"""How long keys are ignored after something new appears: shorter than anyone takes to read a
question or a dialog, longer than the gap between two presses of a double press (30-250 ms)."""


class Settled(_Mixin):
    """For a Screen (listed before it in the bases): drops keys pressed before the screen settled,
    and closes only once."""

    _settles_at: float = 0.0
    _dismissing: bool = False

    def settle(self) -> None:
        """Mark that something new is on the screen: keys from now until it settles are dropped."""
        settings = getattr(self.app, "settings", None)
        self._settles_at = get_time() + getattr(settings, "settle", SETTLE_S)

    def on_screen_resume(self) -> None:
        self._dismissing = False
        self.settle()

    def on_screen_suspend(self) -> None:
        """Another screen comes over this one: its passing notices no longer apply (quiz.tui.notices)."""
        from quiz.tui.notices import moved_on

        moved_on(self)

    @property
    def settled(self) -> bool:
        """Whether the screen has settled: for actions no on_key sees first (a priority binding's, or
        one a widget's message brings, as the deck table's Enter brings Home's study)."""
        return get_time() >= self._settles_at

    def when_settled(self, callback: Callable[[], object]) -> None:
        """Call `callback` once the screen has settled: for a command chosen in a menu that closes
        onto this screen (the command palette), which the screen would otherwise drop as it comes
        back, as it drops a key."""
        self.set_timer(max(self._settles_at - get_time(), 0.001), callback)

    def is_stale(self, event: events.Key) -> bool:
        """Whether a key was pressed before the screen settled: it was meant for what was there.

        The app asks this as each key reaches it to be matched to a binding (QuizApp.on_key),
        after the key before it has done its work: two keys delivered together are each judged
        against what the one before them brought up.
        """
        return event.time < self._settles_at

    def dismiss(self, result: object = None) -> AwaitComplete:
        """Close the screen with `result`; a second close while it is closing is ignored."""
        if self._dismissing or not self.is_current:
            return AwaitComplete()
        self._dismissing = True
        return super().dismiss(result)
