"""A text box that ignores the typing meant for what was on screen before (quiz.tui.settle), and
keeps no character a terminal would act on (quiz.untrusted.typeable).

Kept apart from quiz.tui.settle, which every screen uses: deriving from Textual's Input costs
about 1 ms, and Home, the first screen, has no text box (docs/benchmarks.md).
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from quiz.tui.settle import Settled
from quiz.untrusted import typeable


class SettledInput(Input):
    """A text box that drops the typing that reached it before its screen settled, and every
    control character typed, pasted or set into it.

    A focused Input takes printable keys before any binding (or QuizApp.on_key) sees them, so
    letters typed fast across the change of question ("s u r e" while the feedback gave way to
    the next question) would land in the new question's box and be sent with its Enter.
    """

    async def _on_key(self, event: events.Key) -> None:
        screen = self.screen
        if isinstance(screen, Settled) and screen.is_stale(event):
            event.prevent_default()
            event.stop()
            return
        await super()._on_key(event)

    def replace(self, text: str, start: int, end: int) -> None:
        """Input.replace, which every key, paste and cut goes through, with `text` as typeable();
        a text that was nothing but control characters changes nothing (a selection stays)."""
        safe = typeable(text)
        if safe or not text:
            super().replace(safe, start, end)

    def validate_value(self, value: str) -> str:
        """Textual's validator for `value`: a value set by code is made typeable() too."""
        return typeable(value)

