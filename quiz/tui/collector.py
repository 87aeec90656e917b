"""Python's cyclic garbage collector while the app starts: held back until the first frame.

Nearly everything made while the app starts lives as long as the process does: the modules of
Textual and quiz, then the first screen's widgets, styles, decks and figures. Yet the collector
walks the newest objects every 700 allocations (Python's default threshold for generation 0), and
walks them again when they move to generation 1: on the bench's history, 89 collections of
generation 0 and 8 of generation 1 from the first import to Home's first frame, which freed about
1,100 objects in all. Held back, and what the imports made frozen where they end
(`freeze_what_lives`), the start runs about 27 M instructions fewer (docs/benchmarks.md, "Start-up,
fifth pass" and "Start-up, 2026-12-01 eighth pass"). mypy raises the threshold for its whole build
for the same reason.

What lives is frozen without a collection first. The imports leave about 450 objects of garbage
behind (Python's datetime, socket, ssl and pickle modules replace classes and functions as they
load), which stay frozen for as long as the app runs: about 0.3 MiB. Finding them meant walking
every object the imports made, 14 M instructions (about 7 ms) of every start, a wait a person feels
more than a third of a megabyte they never see.

The app runs for hours, so the threshold is raised only until the first frame (QuizApp.on_ready
calls `collect_as_usual` when Textual says the screen is laid out, just before it is painted) and
is Python's own from then on: the first collection after it walks once what building the screen
made (about 2 ms; put after the frame is painted, it kept Home from counting as idle for another
20 ms slice, bench.app_runner.ui_idle). Held raised, each collection would walk up to 200,000
objects at once, a pause in the middle of a key press rather than many too short to see, and the
garbage that only the collector frees (Textual's widgets and messages refer to one another) would
wait longer, raising the app's memory.
"""

from __future__ import annotations

import gc

START_UP_THRESHOLD = 200_000
"""New objects between two collections of generation 0 while the app starts (mypy's figure):
more than building Home allocates, so none runs before its first frame."""

_usual: tuple[int, int, int] | None = None
"""The thresholds before `collect_less_while_starting`, given back by `collect_as_usual`."""


def collect_less_while_starting() -> None:
    """Move every object made so far out of the collector's reach (gc.freeze: when `quiz` starts,
    the interpreter's own) and raise the threshold of generation 0 to START_UP_THRESHOLD until
    `collect_as_usual`."""
    global _usual
    gc.freeze()
    if _usual is None:
        _usual = gc.get_threshold()
    gc.set_threshold(START_UP_THRESHOLD, *_usual[1:])


def freeze_what_lives() -> None:
    """Move every object made since the last freeze out of the collector's reach (gc.freeze): the
    modules, and whatever else lives as long as the process. Nothing is walked: the imports' few
    hundred objects of garbage are frozen with the rest (see the module's docstring)."""
    gc.freeze()


def collect_as_usual() -> None:
    """Give the collector back the thresholds it had before `collect_less_while_starting` (nothing
    to do when they were not raised, or were given back already)."""
    global _usual
    if _usual is not None:
        gc.set_threshold(*_usual)
        _usual = None
