"""The handout's deck text under the renderers people open it in: CommonMark with the common
plugins (markdown-it-py, mdit-py-plugins) and Pandoc's own Markdown (where pandoc is installed)."""

from __future__ import annotations

import html
import re
import shutil
import subprocess

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.subscript import sub_plugin
from mdit_py_plugins.superscript import superscript_plugin
from mdit_py_plugins.tasklists import tasklists_plugin

from quiz.deck.load import parse_deck
from quiz.deck.model import Deck, Fact, Source, Topic
from quiz.interop.markdown import block, deck_handout, heading

PANDOC = shutil.which("pandoc")

MD = (
    MarkdownIt("commonmark")
    .enable(["strikethrough", "table"])
    .use(dollarmath_plugin, allow_space=True, allow_digits=True)
    .use(deflist_plugin)
    .use(footnote_plugin)
    .use(tasklists_plugin)
    .use(sub_plugin)
    .use(superscript_plugin)
)
"""CommonMark with GitHub's tables, strikethrough and task lists, math, definition lists,
footnotes, sub- and superscript: the extensions common Markdown tools turn on."""

# Pieces that open a block or an inline element in CommonMark, GFM or Pandoc's Markdown.
PIECES = st.sampled_from(
    [
        "IV. ",
        "B) ",
        "i. ",
        "v. ",
        "(1) ",
        "(a) ",
        "#. ",
        "(@) ",
        "@smith2004",
        "[@a]",
        ": ",
        "~ ",
        ":::",
        "% ",
        "| ",
        "1. ",
        "2) ",
        "- ",
        "+ ",
        "* ",
        "> ",
        "# ",
        "---",
        "===",
        "^[n]",
        "~x~",
        "^x^",
        "[x]{.y}",
        "`",
        "$",
        "<b>",
        "&amp;",
        "\\",
        "[^1]: ",
        "- [ ] ",
        "A. ",
        "(iv) ",
        "@.",
        "\t",
        "==",
        "%%",
        " {#id}",
        "{.class}",
    ]  # fmt: skip
)
LINE = st.lists(
    st.one_of(PIECES, st.text(st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp")), max_size=5)), max_size=5
).map("".join)
DECK_TEXT = st.lists(LINE, min_size=1, max_size=4).map("\n".join)
"""Deck text of one to four lines, often opening or holding what Markdown acts on."""

EXAMPLES = ["IV. Fourth", "B) second", "i. roman", "v. versus", "(1) first", "#. auto", "(@) example",
            "@smith2004 says", "Term\n: definition", "Dose\n\n: def", "Noted:\n: x", "Term\n~ definition",
            "::: note", "% title", "a\n(iv) four"]  # fmt: skip


def plain(text: str) -> str:
    return " ".join(text.split())


def html_text(out: str) -> str:
    assert not re.search(r"<(?!/?(p|br)\b)", out), out  # no list, definition, citation, heading, code...
    return plain(html.unescape(re.sub(r"<[^>]+>", " ", out)))


def pandoc(markdown: str) -> str:
    """Pandoc's Markdown (every default extension but smart punctuation) rendered as HTML."""
    assert PANDOC is not None
    done = subprocess.run(
        [PANDOC, "-f", "markdown-smart", "-t", "html", "--wrap=none"],
        input=markdown,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


@settings(max_examples=300, deadline=None)
@given(DECK_TEXT)
def test_deck_text_is_plain_text_under_markdown_it_with_plugins(text: str) -> None:
    assert html_text(MD.render(block(text))) == plain(text)


@pytest.mark.parametrize("text", EXAMPLES)
def test_pandoc_markers_are_plain_text_under_markdown_it(text: str) -> None:
    assert html_text(MD.render(block(text))) == plain(text)


@pytest.mark.skipif(PANDOC is None, reason="pandoc is not installed")
@pytest.mark.parametrize("text", EXAMPLES)
def test_pandoc_markers_are_plain_text_under_pandoc(text: str) -> None:
    assert html_text(pandoc(block(text))) == plain(text)


@pytest.mark.skipif(PANDOC is None, reason="pandoc is not installed")
@settings(max_examples=80, deadline=None)
@given(DECK_TEXT)
@example("IV. Fourth\n: def @cite")
def test_deck_text_is_plain_text_under_pandoc(text: str) -> None:
    assert html_text(pandoc(block(text))) == plain(text)


HOSTILE = """format = 1
[deck]
id = "meta"
title = "IV. fluids"
description = "Term\\n: def and @cite and\\nB) list"
language = "en"

[[sources]]
id = "s1"
title = "A) Source"

[[topics]]
id = "t"
title = "Using C#"

[[facts]]
id = "f"
question = "(1) Where does an IV go?"
answer = "i. into a vein"
explanation = "Dose\\n: @smith2004"
distractors = [{ text = "#. the arm", why = "(@) no" }]
source = "s1"
group = "g"
topic = "t"
"""


@pytest.mark.parametrize("render", ["markdown-it", "pandoc"])
def test_every_place_the_handout_writes_deck_text_is_plain(render: str) -> None:
    if render == "pandoc" and PANDOC is None:
        pytest.skip("pandoc is not installed")
    from pathlib import Path

    handout = deck_handout(parse_deck(HOSTILE, Path("meta.toml")))
    out = MD.render(handout) if render == "markdown-it" else pandoc(handout)
    tags = set(re.findall(r"<([a-z0-9]+)", out))
    assert tags <= {"h1", "h2", "h3", "p", "br", "strong", "em", "ul", "li"}, out  # only what the handout makes
    assert not re.search(r"<(ol|dl|dt|dd|span|cite)\b", out)
    text = plain(html.unescape(re.sub(r"<[^>]+>", " ", out)))
    for piece in ["IV. fluids", "Term : def and @cite and B) list", "A) Source", "(1) Where does an IV go?",
                  "i. into a vein", "Dose : @smith2004", "#. the arm", "(@) no", "Using C#"]:  # fmt: skip
        assert piece in text, (piece, text)


@pytest.mark.skipif(PANDOC is None, reason="pandoc is not installed")
@settings(max_examples=40, deadline=None)
@given(LINE.filter(str.strip))
@example("Stage IV {#stage .big}")
def test_a_heading_of_deck_text_is_plain_text_under_pandoc(text: str) -> None:
    out = pandoc(heading(2, text))
    assert re.fullmatch(r'<h2 id="[^"]*">(.*)</h2>\s*', out, re.DOTALL), out
    assert plain(html.unescape(re.sub(r"<[^>]+>", " ", out))) == plain(text)


ONE = LINE.filter(str.strip)
HANDOUT_TAGS = {"h1", "h2", "h3", "p", "br", "strong", "em", "ul", "li", "blockquote"}


@st.composite
def hostile_decks(draw: st.DrawFn) -> tuple[Deck, list[str]]:
    """A deck with arbitrary text in every place the handout writes deck text, and those texts."""
    title, source, publisher, topic, term, option = (draw(ONE) for _ in range(6))
    description, disclaimer, summary, question, answer, explanation, why, definition = (
        draw(DECK_TEXT.filter(str.strip)) for _ in range(8)
    )
    fact = Fact(
        "f", question, answer, distractors=(option,), whys=(why,), explanation=explanation, source="s", topic="t"
    )
    deck = Deck(
        "d",
        title,
        (fact,),
        description=description,
        disclaimer=disclaimer,
        sources=(Source("s", source, publisher),),
        glossary=((term, definition),),
        topics=(Topic("t", topic, summary),),
    )
    texts = [title, source, publisher, topic, term, option, description, disclaimer, summary, question, answer]
    return deck, [*texts, explanation, why, definition]


def _shows_each_text_plainly(out: str, texts: list[str]) -> None:
    tags = set(re.findall(r"<([a-z0-9]+)", out))
    assert tags <= HANDOUT_TAGS, (tags - HANDOUT_TAGS, out)
    shown = plain(html.unescape(re.sub(r"<[^>]+>", " ", out)))
    for text in texts:
        assert plain(text) in shown, (text, shown)


@settings(max_examples=100, deadline=None)
@given(hostile_decks())
def test_every_deck_text_in_the_handout_is_plain_under_markdown_it(case: tuple[Deck, list[str]]) -> None:
    deck, texts = case
    _shows_each_text_plainly(MD.render(deck_handout(deck)), texts)


@pytest.mark.skipif(PANDOC is None, reason="pandoc is not installed")
@settings(max_examples=40, deadline=None)
@given(hostile_decks())
def test_every_deck_text_in_the_handout_is_plain_under_pandoc(case: tuple[Deck, list[str]]) -> None:
    deck, texts = case
    _shows_each_text_plainly(pandoc(deck_handout(deck)), texts)
