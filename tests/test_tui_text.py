"""How the screens shorten text to fit a table's column."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from quiz.tui.text import WORD_CUT, fit, fit_middle

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
        assert text.startswith(head) and text.endswith(tail) and cell_len(tail) >= width // 2 - 1 - WORD_CUT
        cut_head, cut_tail = text[len(head) : len(head) + 1], text[len(text) - len(tail) - 1 : len(text) - len(tail)]
        assert cut_head in ("", " ") or " " not in head[-WORD_CUT:]  # between words where a space is near
        assert cut_tail in ("", " ") or " " not in tail[:WORD_CUT]


def test_a_question_shortened_in_the_middle_keeps_its_words_whole() -> None:
    """A tester could not tell which question "Which local way to…adioactive material" was."""
    question = "Which local way to treat a liver metastasis puts radioactive material inside the tumor?"
    assert fit_middle(question, 56) == "Which local way to…material inside the tumor?"


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


# -- the study screen's status line (quiz.tui.lines.status_text) ----------------------------------

PART = st.text(st.sampled_from("abcdefgh 0123456789:+-()"), min_size=1, max_size=30).map(str.strip).filter(bool)
FORMS = st.lists(st.lists(PART, min_size=1, max_size=3), min_size=1, max_size=3)


@given(FORMS, st.text(min_size=1, max_size=60), st.integers(1, 200))
def test_the_status_line_never_runs_past_its_width(forms: list[list[str]], title: str, width: int) -> None:
    from quiz.tui.lines import status_text

    assert cell_len(status_text(forms, title, width)) <= width


@given(FORMS, st.text(st.sampled_from("abcdefgh XYZ"), min_size=1, max_size=60).map(str.strip).filter(bool))
def test_the_status_line_keeps_the_title_wherever_the_shortest_status_leaves_it_room(
    forms: list[list[str]], title: str
) -> None:
    """A tester's status line lost the deck title once certainty points were shown: it is shortened
    (fit), never left out, while the shortest form leaves MIN_TITLE cells (or the whole title)."""
    from quiz.tui.lines import MIN_TITLE, SEPARATORS, status_text

    shortest = cell_len(SEPARATORS[-1].join(forms[-1])) + len(SEPARATORS[-1])
    for width in range(shortest + min(MIN_TITLE, len(title)), shortest + 80):
        shown = status_text(forms, title, width).split("|")[-1].strip()
        assert shown == title or (shown.endswith("…") and title.startswith(shown[:-1])), (width, shown)
        assert shown == title or len(shown) - 1 >= len(title[: MIN_TITLE - 1].rstrip())  # at least 11 cells of it


def test_the_longest_study_status_keeps_the_score_and_the_deck_title_at_60_and_80_columns() -> None:
    from quiz.mode import Mode
    from quiz.tui.lines import status_forms, status_text

    forms = status_forms(10, 10, (10, 10), 30, Mode.MATCH)  # the longest status of a ten-question session
    for width in (58, 78):  # 60 and 80 columns less the line's padding
        line = status_text(forms, "Stage IV and recurrent rectal cancer: treatment options", width)
        assert "Question 10 of 10" in line and "Score 10 of 10" in line, line
        assert line.split("|")[-1].strip().startswith("Stage IV and"), line
        assert cell_len(line) <= width
    assert "(certainty +30)" in status_text(forms, "Stage IV", 78)  # a short title leaves room for the points



HOSTILE = st.lists(
    st.sampled_from(["kidney", " ", "❤", "中", "\u200d", "\ufe0f", "\u200e", "\u2028", "\x1b", "\U000e0041", "\xad"])
    | st.characters(),
    max_size=12,
).map("".join)


@given(HOSTILE, st.lists(st.tuples(HOSTILE.filter(str.strip), HOSTILE), max_size=3))
def test_deck_text_with_its_glossary_words_marked_is_shown_safe(text: str, glossary: list[tuple[str, str]]) -> None:
    """with_terms draws a text made safe as plain() makes it, whatever it and its glossary's terms
    hold: nothing a terminal acts on or that shows as nothing is left raw (escaping it again changes
    nothing), and it says what the text says (the same escapes, a joiner cut at a marked word's edge
    apart)."""
    from quiz.tui.text import with_terms
    from quiz.untrusted import visible

    shown = with_terms(f"The kidney. {text}", [("kidney", "An organ"), *glossary])
    assert visible(shown.plain, lines=True) == shown.plain
    assert visible(shown.plain) == visible(f"The kidney. {text}")
    assert any("underline" in str(span.style) for span in shown.spans)
