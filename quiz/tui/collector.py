"""Python's cyclic garbage collector while the app starts: out of the way until the first frame.

Everything imported before the app runs lives as long as the process does, and so does nearly all
that building the first screen makes (widgets, styles, the decks, the history's figures). Yet the
collector walks the new objects every 700 allocations (Python's default threshold for generation
0): on the bench's history, 22 collections of generation 0 and 2 of generation 1 before Home's first
frame, which freed about 700 objects in all and cost about 9 M instructions (docs/benchmarks.md,
"Start-up, fifth pass"). mypy raises the threshold for its whole build for the same reason.

The app, though, runs for hours, so the threshold is raised only until the first frame is drawn
(QuizApp.on_ready calls `collect_as_usual`) and is Python's own from then on. Held raised, each
collection would walk up to 200,000 objects at once, a pause in the middle of a key press rather
than many too short to see, and the garbage that only the collector frees (Textual's widgets and
messages refer to one another) would wait longer, raising the app's memory.
"""

from __future__ import annotations

import gc

START_UP_THRESHOLD = 200_000
"""New objects between two collections of generation 0 while the app starts (mypy's figure):
more than building Home allocates, so none runs before its first frame."""

_usual: tuple[int, int, int] | None = None
"""The thresholds before `collect_less_while_starting`, given back by `collect_as_usual`."""


def collect_less_while_starting() -> None:
    """Move everything made so far out of the collector's reach (gc.freeze) and raise the
    threshold of generation 0 to START_UP_THRESHOLD until `collect_as_usual`."""
    global _usual
    gc.freeze()
    if _usual is None:
        _usual = gc.get_threshold()
    gc.set_threshold(START_UP_THRESHOLD, *_usual[1:])


def collect_as_usual() -> None:
    """Give the collector back the thresholds it had before `collect_less_while_starting` (nothing
    to do when they were not raised, or were given back already)."""
    global _usual
    if _usual is not None:
        gc.set_threshold(*_usual)
        _usual = None
