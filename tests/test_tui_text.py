"""How the screens shorten text to fit a table's column."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quiz.tui.text import fit_middle

WORDS = st.text(st.sampled_from("abc de"), min_size=0, max_size=120)


@given(WORDS, st.integers(10, 80))
def test_a_text_shortened_in_the_middle_fits_and_keeps_its_start_and_end(text: str, width: int) -> None:
    shown = fit_middle(text, width)
    assert len(shown) <= width
    if len(text) <= width:
        assert shown == text
    else:
        head, _, tail = shown.partition("…")
        assert text.startswith(head) and text.endswith(tail) and len(tail) >= width // 2


def test_questions_that_begin_alike_stay_apart_by_how_they_end() -> None:
    """A reviewer saw six History rows that read the same: 'In a trial of people with 1 to 3 ...'."""
    start = "In a trial of people with 1 to 3 liver metastases that could be removed, what did the "
    rows = {fit_middle(start + f"{group} group get after surgery?", 56) for group in ("control", "treatment")}
    assert len(rows) == 2
