"""A dialog's scrolling body gets what the window leaves it, so the box is never cut.

A dialog (quiz.tui.screens.dialogs.Dialog) is a bordered box: a title, a blank line, a body that
scrolls, a blank line and a hint docked at the bottom ("Escape closes this help."). Its rules let
the body take 65% of the window; below about 16 rows that left the box taller than the window, and
Textual, cutting the box, laid the docked hint over the blank line above it. So on every size the
body's height is capped at what the window leaves once the border, title and hint are drawn; in a
window too short even for one line of body the title's blank line goes, then the title (the hint
still says what the box is). The smallest box drawn whole is its border, the hint with the blank
line above it and one line of body: 5 rows where the hint takes one line, 6 where it wraps to two
("Escape closes this help." at 20 columns), 7 for the disclaimer's three-line hint at 20-24
columns; in a window shorter than that the box is cut to it and its hint drawn over the blank line.

The body scrolls only where its text does not fit, worked out here too. Textual sizes a body for
its text at the full width but wraps the text beside the scrollbar: a scrollbar a small window
needed made the text a line longer than the box sized for it, so back at 80x24 the scrollbar
stayed and the last words were cut off (Words to know, after 80x10).
"""

from __future__ import annotations

from textual.containers import ScrollableContainer
from textual.content import Content
from textual.css.scalar import Unit
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Static


def _rows(widget: Widget, width: int) -> int:
    """How many rows a Static's text takes at `width` columns (1 for another widget)."""
    shown = widget.visual if isinstance(widget, Static) else None
    return max(len(shown.wrap(width)), 1) if isinstance(shown, Content) and width > 0 else 1


def fit_body(box: Widget, size: Size) -> None:
    """Cap the height of `box`'s scrolling body (class dialog-body) so `box` fits a window of
    `size` (columns, rows) with a blank line above its hint (class dialog-hint); nothing is done
    to a box without both. Worked out from the window's size and the box's rules (its width, at
    most the window's), not from the layout, which lags a resize."""
    bodies, hints = box.query_children(".dialog-body"), box.query_children(".dialog-hint")
    titles = box.query_children(".dialog-title")
    if not bodies or not hints or not isinstance(bodies.first(), ScrollableContainer):
        return
    body, hint = bodies.first(), hints.first()
    rule = box.styles.width
    width = min(int(rule.value), size.width) if rule is not None and rule.unit is Unit.CELLS else size.width
    inner = width - box.styles.gutter.width
    room = size.height - box.styles.gutter.height - _rows(hint, inner) - 1  # the hint and the blank line above it
    if titles:
        title, title_rows = titles.first(), _rows(titles.first(), inner)
        wide = room - title_rows - 1 >= 1  # the title, its blank line and one line of body fit
        title.styles.margin = (0, 0, 1, 0) if wide else (0, 0, 0, 0)
        title.display = wide or room - title_rows >= 1
        room -= (title_rows + wide) if title.display else 0
    most = int(size.height * 0.65)  # as its rules say, of the height given (above a keys line)
    body.styles.max_height = max(min(room, most), 1)
    text_rows = sum(_rows(child, inner) for child in body.children)
    body.styles.overflow_y = "auto" if text_rows > max(min(room, most), 1) else "hidden"  # see above
