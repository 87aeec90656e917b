"""The bars around every screen: a title line at the top, the keys at the bottom.

Both are lighter than Textual's own Header and Footer, which Home (the first screen) pays for at
every start: see docs/benchmarks.md.
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.app import RenderResult
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static


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
    It reads Footer's private `_bindings_ready`, which is why Textual is pinned in pyproject.toml;
    tests/test_tui_flows.py checks the footer still follows the keys after an upgrade.
    """

    _shown: tuple[Hashable, ...] | None = None

    def bindings_changed(self, screen: Screen[object]) -> None:
        keys = shown_keys(screen)
        if self._bindings_ready and keys == self._shown:
            return
        super().bindings_changed(screen)
        if self._bindings_ready and screen.app.app_focus and self.is_attached and screen is self.screen:
            self._shown = keys  # a rebuild is now scheduled with these keys


class TitleBar(Static):
    """The app's title and subtitle on one line at the top, as Textual's Header shows them.

    Header builds four widgets (icon, title, clock space) and watches the title for changes;
    quiz's title never changes, and the command palette stays one key away in the footer.
    """

    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
        content-align: center middle;
    }
    """

    def render(self) -> RenderResult:
        return Content.assemble(self.app.title, (" — ", "dim"), (self.app.sub_title, "dim"))
