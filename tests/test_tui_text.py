"""How the screens shorten text to fit a table's column."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from quiz.tui.text import fit, fit_middle

WORDS = st.text(st.sampled_from("abc de中文é"), min_size=0, max_size=120)
"""Text of narrow and wide characters: "中" takes two cells of the screen."""


def _shortened(shorten: Callable[[str, int], str], text: str, width: int) -> str | None:
    """The text as `shorten` fits it to `width` cells, or None when it fitted whole and was left so."""
    shown = shorten(text, width)
    assert cell_len(shown) <= width
    if cell_len(text) <= width:
        assert shown == text
        return None
    return shown


@given(WORDS, st.integers(10, 80))
def test_a_text_shortened_in_the_middle_fits_and_keeps_its_start_and_end(text: str, width: int) -> None:
    shown = _shortened(fit_middle, text, width)
    if shown is not None:
        head, _, tail = shown.partition("…")
        assert text.startswith(head) and text.endswith(tail) and cell_len(tail) >= width // 2 - 1


@given(WORDS, st.integers(2, 80))
def test_a_shortened_title_fits_its_cells_and_keeps_its_start(text: str, width: int) -> None:
    """A Chinese title of 38 characters takes 76 cells: it is shortened by what it takes on screen."""
    shown = _shortened(fit, text, width)
    if shown is not None:
        longest = max(n for n in range(len(text) + 1) if cell_len(text[:n]) <= width - 1)
        assert shown == text[:longest].rstrip() + "…"


def test_questions_that_begin_alike_stay_apart_by_how_they_end() -> None:
    """A reviewer saw six History rows that read the same: 'In a trial of people with 1 to 3 ...'."""
    start = "In a trial of people with 1 to 3 liver metastases that could be removed, what did the "
    rows = {fit_middle(start + f"{group} group get after surgery?", 56) for group in ("control", "treatment")}
    assert len(rows) == 2
