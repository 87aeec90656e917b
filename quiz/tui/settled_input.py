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
        if (isinstance(screen, Settled) and screen.is_stale(event)) or await self._own_binding(event):
            event.prevent_default()
            event.stop()
            return
        await super()._on_key(event)

    async def _own_binding(self, event: events.Key) -> bool:
        """Run the box's own binding of a key it does not type (Backspace, the arrows, Enter) now,
        in order with the letters around it; whether one ran. Left to bubble up to the app, as
        Textual does, it ran after letters typed later in a burst: Backspaces held and then
        "occasionally" typed at once were recorded as "ooccasionall" (a tester's report; Textual
        issue 6605, whose pull request 6631 runs them so)."""
        if event.is_printable:
            return False
        for binding in self._bindings.key_to_bindings.get(event.key, ()):
            if not binding.priority and await self.app.run_action(binding.action, self):
                return True
        return False

    def replace(self, text: str, start: int, end: int) -> None:
        """Input.replace, which every key, paste and cut goes through, with `text` as typeable();
        a text that was nothing but control characters changes nothing (a selection stays)."""
        safe = typeable(text)
        if safe or not text:
            super().replace(safe, start, end)

    def validate_value(self, value: str) -> str:
        """Textual's validator for `value`: a value set by code is made typeable() too."""
        return typeable(value)

