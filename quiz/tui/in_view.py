"""Whether an option is in view: a key answers only with an option the learner can see, Enter only
with a typed answer and its question in view (typed_seen).

A number key names an option by its place, so on a small window (or below a long question) it
could name one that is scrolled away or cut off, or one a notice is drawn over (notices_over: the
key then takes the notices away, and answers when pressed again). The study screen asks `seen` before it acts on a
number key, Enter or a click: an option not wholly in view is brought into view and marked, and
answers only when chosen again, now seen. What the answer is about must be in view with it: the
question (its last line, for one longer than the window) or the word being matched; where the two
cannot both be seen the key never answers and the learner is told to make the window larger. A
flashcard's grades likewise act only with its answer in view. Only the screen knows what is drawn,
so the rule lives here, in quiz.tui, and not in the run (quiz.study).
"""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Region
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import OptionList, Static

from quiz.tui.notices import passing
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


def _area(widget: Widget) -> Widget | None:
    """The scrolling area a widget is in (the study screen's question and answers), if any."""
    area = next((w for w in widget.ancestors if isinstance(w, Widget) and w.allow_vertical_scroll), None)
    return None if area is None or isinstance(area, Screen) else area


def in_view(widget: Widget, region: Region) -> bool:
    """Whether `region` (screen cells) of `widget`'s content is wholly on screen now, with no notice
    drawn over it: the one rule of what the learner has seen (a number names an option, so one cut
    off or covered, even in part, was not seen)."""
    return (
        bool(region)
        and widget.screen.is_active
        and region.intersection(_room(widget)) == region
        and not notices_over(widget.screen, region)
    )


def notices_over(screen: Screen, region: Region) -> list[Widget]:
    """The notices (Textual's toasts, which float over the screen's corner) drawn over any part of
    `region` (screen cells): a tester answered option 4 two seconds after "Question changed" came
    over most of its text."""
    return [toast for toast in screen.query("Toast") if toast.region.overlaps(region)]


def _uncover(screen: Screen, *regions: Region | None) -> None:
    """Take the notices away when one is drawn over any of `regions`: the learner has read them
    (what they said was about the moment), and what they hid is to be read now."""
    if any(region is not None and notices_over(screen, region) for region in regions):
        screen.app.clear_notifications()


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


def bring_into_view(options: OptionList, index: int, about: Widget | None = None) -> None:
    """Scroll the list, and the scrolling area around it, so option `index` is in view (its top
    first when it cannot wholly fit), and with it what `about` asks (asked_region) when both fit."""
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
    wanted = Region(0, y, 1, region.height)
    if about is not None and about.display:
        together = _together(about, asked_region(about), region)
        wanted = together if together.height <= window.height else wanted
    top = wanted.height > window.height
    area.scroll_to_region(wanted, animate=False, force=True, immediate=True, top=top)


def _tell_too_small(widget: Widget, what: str, to: str = "to choose it") -> None:
    """Say that `what` cannot be seen whole in this window, so its keys wait for a larger one."""
    said = f"Make the window larger {to}. ({what} does not fit.)"  # what to do first: a small window cuts it
    passing(widget, said, title="Window too small")


def _settle(widget: Widget) -> None:
    """Something new was brought into view: the second press of a double press is dropped."""
    if isinstance(widget.screen, Settled):
        widget.screen.settle()


def _lines(widget: Widget) -> list[Content]:
    """The lines a Static shows (none for another widget)."""
    shown = widget.visual if isinstance(widget, Static) else None
    return shown.split("\n") if isinstance(shown, Content) else []


def _line_region(widget: Widget, lines: list[Content], index: int) -> Region:
    """Where line `index` of `lines` (the widget's, _lines) is drawn, wrapped, in screen cells."""
    region = widget.content_region
    rows = [len(line.wrap(region.width)) if region.width else 1 for line in lines[: index + 1]]
    return Region(region.x, region.y + sum(rows[:-1]), region.width, rows[-1])


def asked_region(about: Widget) -> Region:
    """Where what a question asks about is drawn, in screen cells: in a matching list (lines
    starting "▶ " for the term being matched, "  " for the others) the ▶ term's lines; otherwise
    (the prompt) the whole widget, or its last line when it is taller than the scrolling area
    around it: a question longer than the window is read by scrolling, and it asks at its end."""
    region, lines = about.content_region, _lines(about)
    pointed = [i for i, line in enumerate(lines) if line.plain.startswith("▶ ")]
    if pointed:
        return _line_region(about, lines, pointed[0])
    area = _area(about)
    if area is not None and region.height > area.scrollable_content_region.height:
        return Region(region.x, region.bottom - 1, region.width, 1)
    return region


def _together(about: Widget, asked: Region, option: Region) -> Region:
    """The rows from what is asked to the option, in the scrolling area's own content (x 0)."""
    area = _area(about)
    top, bottom = min(asked.y, option.y), max(asked.bottom, option.bottom)
    if area is None:
        return Region(0, top, 1, bottom - top)
    window = area.scrollable_content_region
    return Region(0, area.scroll_offset.y + top - window.y, 1, bottom - top)


def seen(options: OptionList, index: int, about: Widget | None = None) -> bool:
    """Whether the learner can see option `index` and, when `about` is given (the prompt, or the
    matching list), what the question asks about (asked_region), both wholly on screen at once,
    so a key for it may answer. If not, they are brought into view and the option is marked
    (highlighted), the screen settles (a second press of a double press is dropped) and False is
    returned: the next press, with both now seen, answers. An option taller than the window
    allows, or one that cannot be in view together with what is asked, is never answered by key
    or click: the learner is told to make the window larger."""
    asked = asked_region(about) if about is not None and about.display else None
    if option_in_view(options, index) and (asked is None or about is None or in_view(about, asked)):
        return True
    _uncover(options.screen, option_region(options, index), asked)
    options.highlighted = index
    bring_into_view(options, index, about)
    options.call_after_refresh(bring_into_view, options, index, about)  # once the mark's redraw is laid out
    if not fits(options, index):
        _tell_too_small(options, f"Choice {index + 1}")
    elif about is not None and asked is not None and not fits_with(options, index, about):
        asks = "the word it would be matched to" if about.id == "match" else "the question it answers"
        _tell_too_small(options, f"Choice {index + 1} with {asks}")
    _settle(options)
    return False


def fits_with(options: OptionList, index: int, about: Widget) -> bool:
    """Whether option `index` and what `about` asks (asked_region) could both be wholly in view at
    once in this window, once scrolled to."""
    region, area = option_region(options, index), _area(options)
    if region is None or area is None:
        return region is not None
    together = _together(about, asked_region(about), region)
    return together.height <= _room(area).height


def card_seen(grades: Widget, back: Widget) -> bool:
    """Whether a flashcard's grades (`grades`: "How well did you know it? 1 Again ...") are wholly
    in view, and the answer on its back (`back`: its first paragraph, "Answer: ..."), so a grade
    key may act: the learner grades an answer they saw, knowing what each number means. If not,
    the answer is brought into view and the screen settles (False); an answer and grades that
    cannot both be seen in this window are said so, as an option that cannot fit (seen)."""
    lines = _lines(back)
    answer = _line_region(back, lines, 0) if lines else back.content_region._replace(height=1)
    room = _room(back)  # the answer's rows in view, however narrow: a scrollbar may take a column
    if in_view(grades, grades.content_region) and in_view(back, answer._replace(x=room.x, width=room.width)):
        return True
    _uncover(back.screen, grades.content_region, answer)
    area = _area(back)
    if area is not None:  # its rows, not its margin: scroll_visible would show the margin in a 1-row area
        area.scroll_to_region(_together(back, answer, answer), animate=False, force=True, immediate=True, top=True)
    whole = grades.content_region.intersection(grades.screen.region) == grades.content_region
    if not whole or (area is not None and _room(area).height < answer.height):
        _tell_too_small(grades, "The answer with the grades line", "to grade it")
    _settle(back)
    return False


def typed_seen(box: Widget, about: Widget) -> bool:
    """Whether the answer box (`box`) and what the question asks (asked_region of `about`, the
    prompt) are both wholly in view, so Enter may send what was typed: the learner answers a
    question they can see with a text they can see (a tester sent an answer from a window of 20x6
    that showed only the question's first words). If not, the two are brought into view, the screen
    settles and False is returned: Enter again, both now seen, sends it. Where the two cannot be
    seen at once, Enter never sends and the learner is told to make the window larger."""
    asked, typed = asked_region(about), box.content_region
    if in_view(box, typed) and in_view(about, asked):
        return True
    _uncover(box.screen, typed, asked)
    area = _area(box)
    if area is not None:
        together, room = _together(about, asked, typed), _room(area).height
        wanted = together if together.height <= room else _together(box, typed, typed)
        area.scroll_to_region(wanted, animate=False, force=True, immediate=True, top=wanted.height > room)
        if together.height > room:
            _tell_too_small(box, "The answer box with the question", "to send your answer")
    _settle(box)
    return False
