"""A list of choices whose highlighted one is marked ▶ as well as coloured.

Meaning is never carried by colour alone (a person with poor eyesight or a monochrome terminal
must see which choice Enter takes): the study screen marks its options so (screens/prompts.py),
and every other list of choices is a PointedList.
"""

from __future__ import annotations

from typing import Any

from textual.widgets import OptionList
from textual.widgets.option_list import Option

from quiz.tui.notices import passing
from quiz.untrusted import visible

POINTER = "▶ "
UNPOINTED = "  "


class PointedList(OptionList):
    """An OptionList of plain-text choices, `(id, text)` each; the one moved to reads "▶ text". A
    text is a name (a deck or topic title): shown as quiz.untrusted.visible() shows a name."""

    def __init__(self, *choices: tuple[str, str], **kwargs: Any) -> None:
        self._texts = [visible(text) for _, text in choices]  # before OptionList's init, which may highlight one
        self._pointed: int | None = None
        options = (Option(UNPOINTED + visible(text), id=ident) for ident, text in choices)
        super().__init__(*options, markup=False, **kwargs)

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        for index in {self._pointed, highlighted} - {None}:
            assert index is not None
            if index < len(self._texts):
                mark = POINTER if index == highlighted else UNPOINTED
                self.replace_option_prompt_at_index(index, mark + self._texts[index])
        self._pointed = highlighted

    def action_select(self) -> None:
        """Enter: choose the choice moved to. With none moved to yet (a list shown with no choice
        made for the person), say how to choose, and choose nothing."""
        if self.highlighted is None:
            passing(self, "Press the number of a choice, or move to one with Up or Down.", title="Nothing chosen yet")
            return
        super().action_select()

    def retext(self, index: int, text: str) -> None:
        """Show `text` (plain, made visible as a name) for the choice at `index`."""
        self._texts[index] = visible(text)
        mark = POINTER if index == self.highlighted else UNPOINTED
        self.replace_option_prompt_at_index(index, mark + self._texts[index])
