"""The lines the study and summary screens add under and over their areas: whether there is more to
read (MoreLine), and where the learner is in the session (StatusLine).

Apart from quiz.tui.bars, which every screen uses: Home has neither line, and each widget class
costs every start that defines it about 0.4 ms (docs/benchmarks.md).
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from textual.app import RenderResult
from textual.widgets import Static

from quiz.mode import Mode
from quiz.tui.text import fit, plain
from quiz.untrusted import visible_title

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
    (a review goes from deck to deck), as status_text fits them to the line's width. The title is
    deck text: shown as written."""

    _forms: Sequence[Sequence[str]] = ()
    _title = ""

    def show(self, forms: Sequence[Sequence[str]], deck_title: str) -> None:
        """`forms`: the status in parts, its longest form first (status_text)."""
        self._forms, self._title = forms, visible_title(deck_title)  # escaped before it is fitted
        self.refresh(layout=True)

    def render(self) -> RenderResult:
        return plain(status_text(self._forms, self._title, self.content_size.width))


def status_forms(
    number: int, total: int, score: tuple[int, int], cbm: int | None, mode: Mode, *, practice: bool = False
) -> list[tuple[str, ...]]:
    """What the study screen's status line says, in parts, its longest form first (status_text):
    the question's number ("Practice 2 of 3" in a retry of the missed ones, whose answers are not
    kept: quiz.study.StudyRun.practice), the score (with the certainty points once there are any:
    cbm) and the mode. Shorter forms say the points and the mode briefly, then leave out the mode,
    then the points."""
    where = f"{'Practice' if practice else 'Question'} {number} of {total}"
    said = f"Score {score[0]} of {score[1]}"
    if cbm is None:
        return [(where, said, mode.label), (where, said, mode.short), (where, said)]
    full, brief = f"{said} (certainty points: {cbm:+d})", f"{said} (certainty {cbm:+d})"
    return [(where, full, mode.label), (where, brief, mode.short), (where, brief), (where, said)]


MIN_TITLE = 12
"""Cells: a deck title shortened to fewer than this says too little to be shown."""
SEPARATORS = ("  |  ", " | ")


def status_text(forms: Sequence[Sequence[str]], title: str, width: int) -> str:
    """The status line in `width` cells: the first of `forms` (each a list of parts, the longest
    first) that, its parts joined by a wide separator or else a narrow one, leaves MIN_TITLE cells
    for the title, which is then shortened to the room left (fit). When none does, the last form
    with a narrow separator, and the title only if it fits whole; the line is then cut to `width`.
    A title shorter than MIN_TITLE needs only its own room."""
    if width < 1:
        return ""
    for parts in forms:
        for separator in SEPARATORS:
            status = separator.join(parts)
            room = width - cell_len(status) - cell_len(separator)
            if room >= min(MIN_TITLE, cell_len(title)):
                return f"{status}{separator}{fit(title, room)}"
    status = SEPARATORS[-1].join(forms[-1]) if forms else ""
    whole = f"{status}{SEPARATORS[-1]}{title}"
    return whole if cell_len(whole) <= width else fit(status, width)
