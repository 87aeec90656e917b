"""Keep Anki from reading deck text as MathJax: `\\(` and `\\[` open math in Anki's cards and editor.

Anki's reviewer typesets `\\(...\\)` and `\\[...\\]` with MathJax, and its editor turns them into
math elements (ankitects/anki ts/mathjax). A WORD JOINER (U+2060, invisible and zero-width)
between the backslash and the bracket breaks the delimiter in both, so the text shows as written;
reading a field back removes it again.
"""

from __future__ import annotations

import re

WORD_JOINER = "\u2060"
_OPENER = re.compile(r"\\(?=" + WORD_JOINER + r"*[(\[])")
_BROKEN = re.compile(r"\\" + WORD_JOINER + r"(?=" + WORD_JOINER + r"*[(\[])")


def break_delimiters(text: str) -> str:
    """The text with every `\\(` and `\\[` broken by a word joiner."""
    return _OPENER.sub("\\\\" + WORD_JOINER, text)


def mend_delimiters(text: str) -> str:
    """break_delimiters undone: the text as it was written."""
    return _BROKEN.sub(r"\\", text)
