"""Pastes made typeable before any box gets them (quiz.untrusted.typeable).

A tester pasted text holding BEL, ESC and a right-to-left override into an answer box, and it was
stored raw. SettledInput makes what is typed into quiz's own boxes typeable; the command palette's
search box is Textual's own, so the app filters every paste once, before any box gets it. Apart from
quiz.tui.settled_input so that the app's start does not import the answer box.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events

from quiz.untrusted import typeable

if TYPE_CHECKING:
    from textual.app import App

    _App = App[int]
else:
    _App = object  # a plain mixin, as quiz.tui.notices' (each subclass of App costs at start)


class TypeablePastes(_App):
    """For an App (listed before it in the bases): every paste made typeable (quiz.untrusted) before
    any box gets it, the command palette's search box too, which is Textual's own, not a
    SettledInput. A box keeps a paste's first line."""

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Paste) and not event.is_forwarded:
            lines = event.text.splitlines()
            event.text = typeable(lines[0]) if lines else ""
        await super().on_event(event)
