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


class DeckList(DataTable[Text]):
    """Home's list of decks: Enter studies the cursor's deck, Home and End go to the first and the
    last deck. Enter is the table's key, not the screen's, so keys are taken in the order typed:
    "Down Enter" typed at once studies the deck Down moved to (on the screen, Enter ran first)."""

    BINDINGS = [
        Binding("enter", "select_cursor", "Study"),
        Binding("home", "scroll_top", show=False),
        Binding("end", "scroll_bottom", show=False),
    ]

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
        self.clear()
        for index, cells in rows:
            self.add_row(*map(Text, cells), key=str(index))
        if not self.row_count:
            return
        if str(chosen) in self.rows:
            self.move_cursor(row=self.get_row_index(str(chosen)))
        else:
            self.move_cursor(row=min(max(place, 0), self.row_count - 1))
