"""The key footer every screen shows: Textual's Footer, rebuilt only when its keys change."""

from __future__ import annotations

from collections.abc import Hashable

from textual.screen import Screen
from textual.widgets import Footer


def shown_keys(screen: Screen[object]) -> tuple[Hashable, ...]:
    """Everything the footer shows of the screen's active bindings, in order."""
    return tuple(
        (binding.key, binding.key_display, binding.description, binding.action, binding.group, enabled, tooltip)
        for _, binding, enabled, tooltip in screen.active_bindings.values()
        if binding.show
    )


class KeysFooter(Footer):
    """Footer that skips rebuilding itself when the keys it would show are the ones it shows.

    Textual's Footer builds all of its key widgets again whenever the screen's bindings are
    refreshed: on focus changes, on screen changes and once more when idle, three times before
    Home is first idle, though the keys are the same each time. That was about a seventh of
    start-up. A change in any key, label, group, tooltip or enabled state still rebuilds it.
    """

    _shown: tuple[Hashable, ...] | None = None

    def bindings_changed(self, screen: Screen[object]) -> None:
        keys = shown_keys(screen)
        if self._bindings_ready and keys == self._shown:
            return
        super().bindings_changed(screen)
        if self._bindings_ready and screen.app.app_focus and self.is_attached and screen is self.screen:
            self._shown = keys  # a rebuild is now scheduled with these keys
