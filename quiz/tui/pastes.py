"""What the terminal sends, made safe before any box gets it: pastes made typeable
(quiz.untrusted.typeable), and bytes that are not UTF-8 read as U+FFFD.

A tester pasted text holding BEL, ESC and a right-to-left override into an answer box, and it was
stored raw. SettledInput makes what is typed into quiz's own boxes typeable; the command palette's
search box is Textual's own, so the app filters every paste once, before any box gets it. Apart from
quiz.tui.settled_input so that the app's start does not import the answer box.
"""

from __future__ import annotations

import codecs
import functools
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import events

from quiz.untrusted import typeable

if TYPE_CHECKING:
    from textual.app import App
    from textual.driver import Driver

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

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver for this terminal, reading its bytes leniently: a byte that is not UTF-8
        (what a terminal set to Latin-1 sends for "é") is read as U+FFFD, where Textual's strict
        decoder ended the input thread, and the session with it, mid-question (a tester's report;
        Textual issue #6456, open against the 8.2.8 that quiz.tui.crash was read against). The
        Linux drivers take their decoder from the module name `getincrementaldecoder`."""
        driver = super().get_driver_class()
        module = sys.modules[driver.__module__]
        if getattr(module, "getincrementaldecoder", None) is codecs.getincrementaldecoder:
            module.getincrementaldecoder = _lenient_decoder  # type: ignore[attr-defined]
        return driver


def _lenient_decoder(encoding: str) -> Callable[..., codecs.IncrementalDecoder]:
    """codecs.getincrementaldecoder, whose decoders replace what they cannot decode (errors="replace")."""
    return functools.partial(codecs.getincrementaldecoder(encoding), errors="replace")
