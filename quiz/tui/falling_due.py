"""Screens that show what is due draw again the moment the next fact or word falls due.

"Due" means one thing everywhere at every moment (quiz.store.due): Home's "Due now" and History's
Due tab must not lag `quiz history` and the study menu. Each asks the store when the next scheduled
id falls due later today (Store.next_due) and sets a timer for that moment; it still reads again
every REFRESH_S seconds, for what changes without a due moment (the day turning, a deck edited).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.screen import Screen
    from textual.timer import Timer

    from quiz.tui.services import Services

REFRESH_S = 60.0
"""Seconds between readings of what is due while Home, or History's Due tab, is shown."""
LEAST_WAIT_S = 0.05
"""The shortest wait set: a timer that fires a little early (before the clock reaches the due
moment) is set again for what is left, not in a loop that takes the UI thread."""


class FallingDue:
    """The timer of one screen: calls `redraw` when the next of the decks' ids falls due, or, when
    another screen is over it then, as soon as it is shown again (resumed)."""

    def __init__(self, owner: Screen[object], services: Services, redraw: Callable[[], None]) -> None:
        self.owner, self.services, self.redraw = owner, services, redraw
        self._timer: Timer | None = None
        self._missed = False

    def arm(self) -> None:
        """Set the timer for the next due moment later today (Store.next_due among Services.scheduled),
        replacing the one set before; none without a history or with nothing falling due today."""
        store = self.services.store
        self.arm_at(store.next_due(self.services.scheduled(), self.services.now()) if store is not None else None)

    def arm_at(self, at: datetime | str | None) -> None:
        """Set the timer for `at` (a moment, or a stored one as DueCounts.next_due gives it), replacing
        the one set before; None or "" sets none. Home knows the moment from the counts it drew."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if isinstance(at, str):
            at = datetime.fromisoformat(at) if at else None
        if at is not None:
            wait = (at - self.services.now()).total_seconds()
            self._timer = self.owner.set_timer(max(wait, LEAST_WAIT_S), self._fell_due)

    def _fell_due(self) -> None:
        self._timer = None
        if self.owner.is_current:
            self.redraw()
        else:
            self._missed = True

    def resumed(self) -> None:
        """The screen is shown again (ScreenResume): draw it again if something fell due meanwhile."""
        if self._missed:
            self._missed = False
            self.redraw()
