"""Markdown handouts read as written: deck text renders literally, numbers unchanged, nothing missing."""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from mdit_py_plugins.dollarmath import dollarmath_plugin

from quiz.deck.load import load_deck, parse_deck
from quiz.interop.markdown import block, deck_handout, escape, heading, missed_list

DATA = Path(__file__).parent / "data" / "decks" / "valid"
MD = (
    MarkdownIt("commonmark")
    .enable("strikethrough")
    .enable("table")
    .use(dollarmath_plugin, allow_space=True, allow_digits=True)
)
"""CommonMark with GitHub's tables and strikethrough, and `$x$` / `$$x$$` math as GitHub, GitLab,
Pandoc and Obsidian read it (rendered as a <span> or <div> of class math: never deck text)."""


def rendered_text(markdown: str) -> str:
    """What a reader sees once the Markdown is rendered, with whitespace runs made single spaces."""
    out = MD.render(markdown)
    out = re.sub(r"<br\s*/?>", " ", out)
    assert "<a " not in out or "example.org" in out
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", out)).split())


def plain(text: str) -> str:
    return " ".join(text.split())


ANY_CHARACTER = st.characters(exclude_categories=("Cs", "Cc"), include_characters="\n\t")
# Pieces Markdown acts on, so that examples build tables, lists, quotes, headings, emphasis and
# links often: random text alone almost never makes a table's delimiter row.
MARKDOWN_PIECES = st.sampled_from(
    [
        "|",
        " | ",
        "| a | b |",
        "--- | ---",
        "|---|",
        ":-:",
        "# ",
        "> ",
        "- ",
        "1. ",
        "2) ",
        "*",
        "_",
        "`",
        "~~",
        "[x](y)",
        "<b>",
        "&amp;",
        "\\",
        "===",
        "    ",
        "\t",
        "$",
        "$$",
        "$x$",
    ]
)
LINE_CHARACTER = st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp"))
MARKDOWN_LINE = st.lists(st.one_of(MARKDOWN_PIECES, st.text(LINE_CHARACTER, max_size=6)), max_size=6).map("".join)
MARKDOWN_LIKE = st.lists(MARKDOWN_LINE, min_size=1, max_size=4).map("\n".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(ANY_CHARACTER, max_size=60), MARKDOWN_LIKE))
@example("Dose | Times\n--- | ---\n5 mg | 2").via("a table")
@example("|\n:-:").via("a delimiter row without a pipe")
@example("Dose\n-:").via("a delimiter row opening with a dash")
def test_any_text_renders_as_written(text: str) -> None:
    shown = MD.render(block(text))
    assert not re.search(r"<(?!/?(p|br)\b)", shown), shown  # no emphasis, code, links, headings, lists, html
    assert rendered_text(block(text)) == plain(text)


ONE_LINE = st.one_of(st.text(LINE_CHARACTER, min_size=1, max_size=40), MARKDOWN_LINE).filter(str.strip)


@settings(max_examples=300, deadline=None)
@given(ONE_LINE, st.integers(1, 3))
@example("Stage IV #", 1).via("a closing # sequence")
def test_any_text_in_a_heading_renders_as_written(text: str, level: int) -> None:
    shown = MD.render(heading(level, text))
    assert shown.startswith(f"<h{level}>") and shown.count("<") == 2, shown  # the heading and nothing inside
    assert rendered_text(heading(level, text)) == plain(text)


@settings(max_examples=300, deadline=None)
@given(ONE_LINE)
@example("a | b").via("a pipe, which would end the cell")
def test_any_text_in_a_table_cell_renders_as_written(text: str) -> None:
    table = f"| Question |\n| --- |\n| {escape(text)} |\n"
    shown = MD.render(table)
    cell = re.search(r"<td>(.*)</td>", shown, re.DOTALL)
    assert cell is not None, shown
    assert "<" not in cell.group(1)
    assert " ".join(html.unescape(cell.group(1)).split()) == plain(text)


def test_a_title_ending_in_a_hash_keeps_it() -> None:
    deck = parse_deck((DATA / "complete.toml").read_text(encoding="utf-8").replace("Hand hygiene basics", "C #"))
    assert MD.render(deck_handout(deck)).startswith("<h1>C #</h1>")


def test_tricky_text_and_numbers_are_kept() -> None:
    for text in [
        "1. Take 2 tablets",
        "1.5 mg",
        "-5 °C",
        "# 1",
        "> 120/80",
        "*not* _bold_",
        "[/]",
        "a | b",
        "&lt;",
        "60%",
        "between $5 and $10",
        "$$x$$ stays text",
        "2^10^ bytes",
        "a == b",
        "%%not hidden%%",
        "==not highlighted==",
    ]:
        assert block(text).replace("\\", "") == text
        assert rendered_text(block(text)) == text


@given(st.one_of(st.text(LINE_CHARACTER, max_size=40), MARKDOWN_LINE, st.text("=%^ab\\", max_size=12)))
def test_no_mark_an_extension_of_markdown_acts_on_is_left_bare(text: str) -> None:
    """Math, Pandoc's superscript, Obsidian's highlight and comment: each `$`, `^` and each mark of
    a `==` or `%%` pair has a backslash before it (CommonMark renders `\\=` as `=`)."""
    shown = re.sub(r"\\.", "\0", escape(text))  # each escaped character stands apart, as a NUL
    assert "$" not in shown and "^" not in shown and "==" not in shown and "%%" not in shown


def test_line_breaks_and_paragraphs_are_kept() -> None:
    assert MD.render(block("one\ntwo\n\nthree")) == "<p>one<br />\ntwo</p>\n<p>three</p>\n"


def test_handout_has_every_part_in_order() -> None:
    deck = load_deck(DATA / "complete.toml")
    text = deck_handout(deck)
    seen = rendered_text(text)
    expected = [deck.title, deck.disclaimer, "Sources", deck.sources[0].title, "Glossary", deck.glossary[0][1]]
    for fact in deck.facts:
        expected += [plain(fact.question), plain(fact.answer), plain(fact.explanation)]
    positions = [seen.find(plain(e)) for e in expected]
    assert -1 not in positions, [e for e, p in zip(expected, positions, strict=True) if p == -1]
    assert positions == sorted(positions)
    assert "references 2, 3" in seen


def test_handout_of_hostile_deck_renders_literally() -> None:
    src = (DATA / "complete.toml").read_text(encoding="utf-8")
    src = src.replace("Hand hygiene basics", "# [@click=app.quit]Dose[/] <script>x</script>")
    src = src.replace('answer = "60%"', 'answer = "1. <b>60%</b> & *more*"')
    deck = parse_deck(src)
    shown = MD.render(deck_handout(deck))
    assert "<script>" not in shown and "<b>60%" not in shown and "<em>more" not in shown
    seen = rendered_text(deck_handout(deck))
    assert "# [@click=app.quit]Dose[/] <script>x</script>" in seen
    assert "1. <b>60%</b> & *more*" in seen


def test_missed_list_shows_both_answers() -> None:
    deck = load_deck(DATA / "complete.toml")
    fact = deck.facts[0]
    text = missed_list(deck, [(fact, "5 [s]")], title="Questions to ask", when=dt.datetime(2026, 3, 4, 9, 30))
    seen = rendered_text(text)
    assert seen.startswith("Questions to ask From the deck “Hand hygiene basics”, 2026-03-04 09:30")
    assert "Your answer: 5 [s] Correct answer: 20 seconds" in seen
    assert plain(fact.explanation) in seen
    assert "No questions were missed." in missed_list(deck, [], title="Missed", when=None)


def _outline(markdown: str) -> list[tuple[str, str]]:
    """The rendered document as (block tag, its text) pairs: headings, paragraphs and list items."""
    tokens = MD.parse(markdown)
    out = []
    for i, token in enumerate(tokens):
        if token.type in ("heading_open", "paragraph_open"):
            inline = tokens[i + 1]
            tag = token.tag
            if token.type == "paragraph_open" and i > 0 and tokens[i - 1].type == "list_item_open":
                tag = "li"
            out.append((tag, "".join(child.content for child in inline.children or [])))
    return out


def test_handout_has_a_section_per_topic_with_must_know_marked_and_whys_under_the_options() -> None:
    deck = load_deck(DATA / "topics.toml")
    outline = _outline(deck_handout(deck))
    headings = [(tag, text) for tag, text in outline if tag in ("h2", "h3")]
    assert headings == [
        ("h2", "Liver spread"),
        ("h3", "Question 1"),
        ("h3", "Question 2"),
        ("h2", "When to call"),
        ("h3", "Question 3 (must-know)"),
    ]
    spread = outline.index(("h2", "Liver spread"))
    assert outline[spread + 1] == ("p", "What it means when cancer has spread to the liver.")
    must = outline.index(("h3", "Question 3 (must-know)"))
    assert outline[must + 1] == ("p", deck.fact("fever-call").question)
    items = [text for tag, text in outline[must:] if tag == "li"]
    assert items == [
        "Wait a day to see if it goes away: A fever during chemotherapy can be a serious infection; waiting can be "
        "dangerous.",
        "Take a paracetamol and go to bed: Medicine can hide the fever without treating the infection behind it.",
    ]  # "Drink more water" has no why
    assert [text for tag, text in outline[:must] if tag == "li"] == [
        "Always: Surgery is possible only when the liver spots can all be removed safely."
    ]


def test_a_deck_without_topics_keeps_one_section() -> None:
    outline = _outline(deck_handout(load_deck(DATA / "complete.toml")))
    assert [text for tag, text in outline if tag == "h2"] == ["Sources", "Glossary", "Questions and answers"]


def test_missed_list_groups_by_topic_must_know_first_and_marked() -> None:
    deck = load_deck(DATA / "topics.toml")
    missed = [(deck.fact(i), "?") for i in ("liver-segments", "fever-call", "liver-treat")]
    headings = [(tag, text) for tag, text in _outline(missed_list(deck, missed, title="Missed")) if tag[0] == "h"]
    assert headings[1:] == [
        ("h2", "Liver spread"),
        ("h3", "Question 1"),
        ("h3", "Question 2"),
        ("h2", "When to call"),
        ("h3", "Question 3 (must-know)"),
    ]
    seen = rendered_text(missed_list(deck, missed, title="Missed"))
    assert seen.index(deck.fact("liver-treat").question) < seen.index(deck.fact("liver-segments").question)


def test_missed_list_puts_what_the_person_was_sure_of_first() -> None:
    deck = load_deck(DATA / "topics.toml")
    missed = [(deck.fact(i), "?") for i in ("liver-segments", "fever-call", "liver-treat")]
    text = missed_list(deck, missed, title="Missed", sure={"liver-segments"})
    headings = [text for tag, text in _outline(text) if tag == "h2"]
    # the rest by topic, each heading saying so: no "Also missed" with nothing under it but headings
    assert headings[:3] == ["You were sure, but...", "Also missed: Liver spread", "Also missed: When to call"]
    seen = rendered_text(text)
    assert "worth asking your care team" in seen
    assert seen.index(deck.fact("liver-segments").question) < seen.index(deck.fact("fever-call").question)
