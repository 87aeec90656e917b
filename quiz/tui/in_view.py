"""Whether an option is in view: a key answers only with an option the learner can see.

A number key names an option by its place, so on a small window (or below a long question) it
could name one that is scrolled away or cut off. The study screen asks `seen` before it acts on a
number key, Enter or a click: an option not wholly in view is brought into view and marked, and
answers only when chosen again, now seen. Only the screen knows what is drawn, so the rule lives
here, in quiz.tui, and not in the run (quiz.study).
"""

from __future__ import annotations

from textual.geometry import Region
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import OptionList

from quiz.tui.settle import Settled


def option_region(options: OptionList, index: int) -> Region | None:
    """Where option `index` of `options` is drawn, in screen cells, whether in view or not (None
    for a list not laid out, or no such option).

    Reads OptionList's private map of options to lines (`_index_to_line`, `_heights`), checked
    against textual 8.2.8, the pinned version: there is no public way to know where an option is."""
    if not options.display or not options.is_mounted:
        return None
    try:
        line, height = options._index_to_line[index], options._heights[index]
    except KeyError:
        return None
    room = options.scrollable_content_region
    return Region(room.x, room.y + line - options.scroll_offset.y, room.width, height)


def _room(widget: Widget) -> Region:
    """The part of a widget's content area that is on screen: inside its own scrolled window, every
    scrolling area around it, and the window."""
    try:
        clip = widget.screen.find_widget(widget).clip
    except Exception:  # not on the screen's map (NoWidget, NoScreen): nothing of it is seen
        return Region()
    return widget.scrollable_content_region.intersection(clip)


def _area(options: OptionList) -> Widget | None:
    """The scrolling area the list is in (the study screen's question and answers), if any."""
    area = next((w for w in options.ancestors if isinstance(w, Widget) and w.allow_vertical_scroll), None)
    return None if area is None or isinstance(area, Screen) else area


def in_view(widget: Widget, region: Region) -> bool:
    """Whether `region` (screen cells) of `widget`'s content is wholly on screen now: the one rule
    of what the learner has seen (a number names an option, so one cut off, even in part, was
    not seen)."""
    return bool(region) and widget.screen.is_active and region.intersection(_room(widget)) == region


def option_in_view(options: OptionList, index: int) -> bool:
    """Whether option `index` is wholly on screen now (in_view)."""
    region = option_region(options, index)
    return region is not None and in_view(options, region)


def fits(options: OptionList, index: int) -> bool:
    """Whether option `index` could be wholly in view in this window, once scrolled to."""
    region = option_region(options, index)
    area = _area(options)
    room = options.scrollable_content_region.height
    if area is not None:
        room = min(room, _room(area).height)
    return region is not None and region.height <= room


def bring_into_view(options: OptionList, index: int) -> None:
    """Scroll the list, and the scrolling area around it, so option `index` is in view (its top
    first when it cannot wholly fit)."""
    region = option_region(options, index)
    if region is None:
        return
    line = options._index_to_line[index]
    inner = Region(0, line, region.width, region.height)
    options.scroll_to_region(inner, animate=False, force=True, immediate=True, top=region.height > options.size.height)
    region = option_region(options, index) or region  # where it is drawn now, in the list moved
    area = _area(options)
    if area is None:
        return
    window = area.scrollable_content_region
    y = area.scroll_offset.y + region.y - window.y  # the option's line in the area's own content
    tall = region.height > window.height
    area.scroll_to_region(Region(0, y, 1, region.height), animate=False, force=True, immediate=True, top=tall)


def _tell_too_small(widget: Widget, what: str) -> None:
    """Say that `what` cannot be seen whole in this window, so its keys wait for a larger one."""
    said = f"{what} does not fit in this window. Make the window larger to choose it."
    widget.app.notify(said, title="Window too small", timeout=6)


def _settle(widget: Widget) -> None:
    """Something new was brought into view: the second press of a double press is dropped."""
    if isinstance(widget.screen, Settled):
        widget.screen.settle()


def seen(options: OptionList, index: int) -> bool:
    """Whether the learner can see option `index`, so a key for it may answer. If not, it is
    brought into view and marked (highlighted), the screen settles (a second press of a double
    press is dropped) and False is returned: the next press, on the option now seen, answers. An
    option taller than the window allows is never answered by key or click: the learner is told
    to make the window larger."""
    if option_in_view(options, index):
        return True
    options.highlighted = index
    bring_into_view(options, index)
    options.call_after_refresh(bring_into_view, options, index)  # once the mark's redraw is laid out
    if not fits(options, index):
        _tell_too_small(options, f"Choice {index + 1}")
    _settle(options)
    return False


def card_seen(grades: Widget, back: Widget) -> bool:
    """Whether a flashcard's grades (`grades`: "How well did you know it? 1 Again ...") are wholly
    in view, and the first line of its back (`back`: "Answer: ..."), so a grade key may act: the
    learner grades an answer they saw, knowing what each number means. If not, the back is brought
    into view and the screen settles (False); grades that do not fit the window are said so."""
    top = back.content_region
    if in_view(grades, grades.content_region) and in_view(back, top._replace(height=1)):
        return True
    back.scroll_visible(animate=False, top=True, immediate=True)
    if not grades.content_region.intersection(grades.screen.region) == grades.content_region:
        _tell_too_small(grades, "The grades line")
    _settle(back)
    return False
