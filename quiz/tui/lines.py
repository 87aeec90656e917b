"""The lines the study and summary screens add under and over their areas: whether there is more to
read (MoreLine), and where the learner is in the session (StatusLine).

Apart from quiz.tui.bars, which every screen uses: Home has neither line, and each widget class
costs every start that defines it about 0.4 ms (docs/benchmarks.md).
"""

from __future__ import annotations

from textual.app import RenderResult
from textual.widgets import Static

from quiz.tui.text import fit, plain

MORE_BELOW = "▼ More below: PgDn to read it"
MORE_ABOVE = "▲ More above: PgUp to read it"


class MoreLine(Static):
    """One line under a scrolling area that says when there is more of it below (or above), so
    the area never relies on a two-cell scrollbar to say so. The line keeps its place whether
    shown or not, so showing it never changes what fits above it."""

    DEFAULT_CSS = """
    MoreLine {
        height: 1;
        padding: 0 1;
        text-style: bold;
        background: $panel;
        visibility: hidden;
    }
    """

    def __init__(self, target: str) -> None:
        """`target`: the id of the scrolling widget to speak for, a sibling on the same screen."""
        super().__init__(MORE_BELOW)
        self.target = target

    def on_mount(self) -> None:
        area = self.screen.query_one(f"#{self.target}")
        for attribute in ("scroll_y", "virtual_size", "size"):
            self.watch(area, attribute, self._update_soon, init=False)
        self.call_after_refresh(self.update_line)

    def _update_soon(self) -> None:
        # Once the layout has settled: during a resize the area's size and its content's size
        # change one after the other, and between the two it may seem to hold more than it does.
        self.call_after_refresh(self.update_line)

    def update_line(self) -> None:
        """Show the line when the area has more below (or, at its end, above); hide it otherwise."""
        area = self.screen.query_one(f"#{self.target}")
        y = round(area.scroll_y)
        below, above = y < area.max_scroll_y, y > 0
        self.visible = below or above
        self.update(MORE_BELOW if below else MORE_ABOVE)


class StatusLine(Static):
    """The study screen's top line: where the learner is in the session, then the deck being asked
    (a review goes from deck to deck), its title shortened to the room the line has left, or left
    out when less than MIN_TITLE columns are left. The title is deck text: shown as written."""

    MIN_TITLE = 12
    SEPARATOR = "  |  "
    _status = ""
    _title = ""

    def show(self, status: str, deck_title: str) -> None:
        self._status, self._title = status, deck_title
        self.refresh(layout=True)

    def render(self) -> RenderResult:
        room = self.content_size.width - len(self._status) - len(self.SEPARATOR)
        if room < self.MIN_TITLE:
            return plain(self._status)
        return plain(f"{self._status}{self.SEPARATOR}{fit(self._title, room)}")
