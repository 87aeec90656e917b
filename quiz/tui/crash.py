"""Never a traceback to a person: how the app ends on an error nobody planned for.

Textual's own crash report is a Rich traceback with the locals of every frame, and those locals
hold deck and answer text (health data) that would end up in the terminal's scrollback. So the
app replaces that report with one plain sentence, unless QUIZ_DEBUG is set.

Checked against Textual 8.2.8 (the version pyproject.toml pins). Textual has no public hook for
this, so `QuietCrashApp` overrides two private methods and one public one, and uses four private
attributes the way Textual's own versions of those methods do:

- `App._handle_exception(error)` (private): Textual hands an error with a `__rich__` method to
  `panic`, which would print the error's own rendering; here every error goes to `_fatal_error`.
  It sets `_return_code`, `_exception` and `_exception_event` (private) as Textual's does, so
  `App.run` returns 1 and Pilot re-raises the error in tests.
- `App._fatal_error()` (private): Textual appends the traceback to `_exit_renderables` (private,
  printed after the terminal is restored) and calls `_close_messages_no_wait()` (private) to
  stop; here the same two steps with a plain sentence instead of the traceback.
- `App.panic(*renderables)` (public): the last resort (a failing input thread, say) may carry a
  traceback too; it is replaced by a sentence.

After upgrading Textual, read those three methods in textual/app.py again; tests/test_tui_safety.py
fails if an unexpected error shows a traceback.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from rich.console import RenderableType
from rich.text import Text

if TYPE_CHECKING:
    from textual.app import App

    _App = App[int]
else:
    _App = object  # a plain mixin, as quiz.tui.settle's: each subclass of App costs 1.5 M instructions at start

CHECKED_WITH_TEXTUAL = "8.2.8"
"""The Textual version whose private methods this module was read against."""
DEBUG = "QUIZ_DEBUG"
"""Environment variable: when set (to anything), Textual's own report, traceback and all."""


def _debugging() -> bool:
    return bool(os.environ.get(DEBUG))


class QuietCrashApp(_App):
    """For an App (listed before it in the bases): end on an unexpected error with one sentence
    instead of a traceback."""

    def _handle_exception(self, error: Exception) -> None:
        if _debugging():
            super()._handle_exception(error)
            return
        self._return_code = 1
        if self._exception is None:
            self._exception = error
            self._exception_event.set()
        self._fatal_error()

    def _fatal_error(self) -> None:
        """Exit on an unexpected error without Textual's traceback, whose locals hold health text."""
        if _debugging():
            super()._fatal_error()
            return
        error = sys.exc_info()[1]
        kind = type(error).__name__ if error else "error"
        self.bell()
        self._exit_renderables.append(
            Text(
                f"quiz stopped because of an unexpected problem ({kind}). Every answer you gave "
                f"was saved. Set {DEBUG}=1 to see the details when reporting it."
            )
        )
        self._close_messages_no_wait()

    def panic(self, *renderables: RenderableType) -> None:
        """Textual's last resort (a failing input thread, say): never let it print a traceback, and
        end with status 1, as an unexpected error does (App.panic leaves the status 0)."""
        from rich.traceback import Traceback

        if not _debugging() and any(isinstance(r, Traceback) for r in renderables):
            self._return_code = 1
            renderables = (
                Text(
                    "quiz stopped because it could no longer read the keyboard. Every answer you gave "
                    f"was saved. Set {DEBUG}=1 to see the details when reporting it."
                ),
            )
        super().panic(*renderables)
