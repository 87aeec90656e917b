"""Home's list of decks: a table whose rows are keyed by each deck's index in Home's decks
(quiz.tui.services.Services.decks, in the order of quiz.tui.decks.deck_paths), so that a deck
loaded again (quiz.tui.decks.DeckReloaded) finds its row. A deck file removed while quiz runs keeps
its index and has no row: the row's place on screen and the deck's index may then differ."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.widgets import DataTable

from quiz.tui.pointed import POINTER


class DeckList(DataTable[Text]):
    """Home's list of decks: Enter studies the cursor's deck, Home and End go to the first and the
    last deck. Enter is the table's key, not the screen's, so keys are taken in the order typed:
    "Down Enter" typed at once studies the deck Down moved to (on the screen, Enter ran first).

    The cursor's row is marked ▶ in its row label, as every list of choices marks the one Enter
    takes (quiz.tui.pointed), not by its shading alone: with NO_COLOR it was bold and shaded only.
    A label is not a cell: each row's cells are the deck's columns alone."""

    BINDINGS = [
        Binding("enter", "select_cursor", "Study"),
        Binding("home", "scroll_top", show=False),
        Binding("end", "scroll_bottom", show=False),
    ]

    def watch_cursor_coordinate(self, old: Coordinate, new: Coordinate) -> None:
        super().watch_cursor_coordinate(old, new)
        if old.row != new.row:
            self._mark(old.row, False)
            self._mark(new.row, True)

    def _mark(self, row: int, on: bool) -> None:
        """Set row `row`'s label to ▶ (`on`) or a blank."""
        if not 0 <= row < self.row_count:
            return
        here = Coordinate(row, 0)
        self.rows[self.coordinate_to_cell_key(here).row_key].label = Text(POINTER.strip() if on else " ")
        self.update_cell_at(here, self.get_cell_at(here))  # the same cell: the row is drawn again

    def deck_index(self) -> int | None:
        """The index of the deck on the cursor's row (the row's key), or None when there is no row."""
        if not self.row_count or self.cursor_row < 0:
            return None
        key = self.coordinate_to_cell_key(Coordinate(self.cursor_row, 0)).row_key.value
        return None if key is None else int(key)

    def draw(self, rows: Iterable[tuple[int, tuple[str, ...]]]) -> None:
        """Draw the rows again: (deck index, cells) each. The cursor stays on the deck it was on,
        or, when that deck has no row now, at the same place on screen (the last row at most)."""
        place, chosen = self.cursor_row, self.deck_index()
        # Rows are removed one by one, not by clear(): clear() also says that no row has a label,
        # and the new rows' ▶ was then measured as none: after a redraw the ▶ column was gone (a
        # new user's report).
        for key in list(self.rows):
            self.remove_row(key)
        for index, cells in rows:
            self.add_row(*map(Text, cells), key=str(index), label=Text(" "))
        if not self.row_count:
            return
        if str(chosen) in self.rows:
            self.move_cursor(row=self.get_row_index(str(chosen)))
        else:
            self.move_cursor(row=min(max(place, 0), self.row_count - 1))
        self._mark(self.cursor_row, True)  # the cursor may not have moved: no watch
