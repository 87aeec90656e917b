"""The bars around every screen: a title line at the top, the keys at the bottom.

Both are lighter than Textual's own Header and Footer, which Home (the first screen) pays for at
every start: see docs/benchmarks.md.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.style import Style
from rich.text import Text
from textual import events
from textual.app import RenderResult
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static


class Key(NamedTuple):
    """One key as the bar shows it."""

    key: str
    display: str
    description: str
    enabled: bool


def shown_keys(screen: Screen[object]) -> tuple[list[Key], Key | None]:
    """The keys a footer shows for the screen: one per action, in order, and the command
    palette's key (shown apart, on the right) when the app has a palette."""
    app = screen.app
    keys: list[Key] = []
    actions: set[str] = set()
    bindings = screen.active_bindings
    for _node, binding, enabled, _tooltip in bindings.values():
        if binding.show and binding.action not in actions:
            actions.add(binding.action)
            keys.append(Key(binding.key, app.get_key_display(binding), binding.description, enabled))
    palette = None
    if app.ENABLE_COMMAND_PALETTE and app.COMMAND_PALETTE_BINDING in bindings:
        _node, binding, enabled, _tooltip = bindings[app.COMMAND_PALETTE_BINDING]
        palette = Key(binding.key, app.get_key_display(binding), binding.description, enabled)
    return keys, palette


class KeysBar(Widget):
    """The screen's keys on one line at the bottom, as Textual's Footer shows them.

    Footer mounts a widget for every key and mounts them all again whenever the screen's
    bindings are refreshed: on every focus change, on screen changes and once more when idle.
    With a table on the screen that was about a fifth of start-up (docs/benchmarks.md). This bar
    is one widget that draws the line again only when a key, label or enabled state changed.
    As on Footer, a click on a key presses it, the palette key sits on the right, a key that
    cannot be used now is dimmed, and keys are bold, so they stand out without colour.
    """

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"keys-bar--key", "keys-bar--description", "keys-bar--hover"}
    DEFAULT_CSS = """
    KeysBar {
        dock: bottom;
        width: 1fr;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        text-wrap: nowrap;
        pointer: pointer;
        & > .keys-bar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .keys-bar--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .keys-bar--hover {
            background: $block-hover-background;
        }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._keys: tuple[list[Key], Key | None] = ([], None)
        self._spans: list[tuple[int, int, Key]] = []  # where each key was drawn: start, end, key
        self._hover: str | None = None

    @property
    def keys(self) -> list[Key]:
        """Every key the bar shows, the palette's last."""
        keys, palette = self._keys
        return [*keys, palette] if palette else list(keys)

    def on_mount(self) -> None:
        self._keys = shown_keys(self.screen)
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if screen is self.screen:
            keys = shown_keys(screen)
            if keys != self._keys:
                self._keys = keys
                self.refresh()

    def render(self) -> RenderResult:
        width = self.size.width
        key_style = self.get_component_rich_style("keys-bar--key", partial=True)
        description_style = self.get_component_rich_style("keys-bar--description", partial=True)
        hover_style = self.get_component_rich_style("keys-bar--hover", partial=True)
        keys, palette = self._keys

        def piece(key: Key) -> Text:
            text = Text.assemble((f" {key.display} ", key_style), (f"{key.description} ", description_style))
            if key.key == self._hover:
                text.stylize(hover_style)
            if not key.enabled:
                text.stylize(Style(dim=True))
            return text

        right = Text.assemble(("▏", Style(dim=True)), piece(palette)) if palette else Text()
        room = max(0, width - right.cell_len)
        # Where not all fit, the way out keeps its room and is drawn after the others that fit: it is
        # never the key left out (at 40 columns the study screen's "esc Leave" was).
        way_out = next((key for key in keys if key.key == "escape"), None)
        if sum(piece(key).cell_len for key in keys) <= room:
            way_out = None
        line, spans = Text(), []
        reserved = piece(way_out).cell_len if way_out is not None else 0
        for key in [key for key in keys if key is not way_out]:
            text = piece(key)
            if line.cell_len + text.cell_len > room - reserved:
                break  # a key that does not fit whole is left out, never cut in half
            spans.append((line.cell_len, line.cell_len + text.cell_len, key))
            line.append_text(text)
        if way_out is not None and line.cell_len + reserved <= room:
            spans.append((line.cell_len, line.cell_len + reserved, way_out))
            line.append_text(piece(way_out))
        line.append(" " * (room - line.cell_len))
        if palette:
            spans.append((room + 1, width, palette))
            line.append_text(right)
        self._spans = spans
        return line

    def _key_at(self, x: int) -> Key | None:
        return next((key for start, end, key in self._spans if start <= x < end), None)

    def on_click(self, event: events.Click) -> None:
        key = self._key_at(event.x)
        if key is None:
            return
        event.stop()
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        key = self._key_at(event.x)
        hover = key.key if key else None
        if hover != self._hover:
            self._hover = hover
            self.refresh()

    def on_leave(self) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()


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
