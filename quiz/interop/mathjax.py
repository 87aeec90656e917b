"""Keep Anki from reading deck text as MathJax: `\\(` and `\\[` open math in Anki's cards and editor;
and read an Anki field's simple MathJax as the text it shows (as_text).

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


RAISED = dict(zip("0123456789+-−=()n", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁿ", strict=True))
"""Unicode's superscript of each character that has one a deck needs (digits, signs, brackets, n)."""
LOWERED = dict(zip("0123456789+-−=()", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎", strict=True))
"""Unicode's subscript of each character that has one a deck needs (CO₂, H₂O)."""


def raised(text: str, table: dict[str, str]) -> str | None:
    """`text` in superscript or subscript characters (RAISED or LOWERED), spaces around it
    dropped; None if a character of it has none."""
    text = text.strip()
    if not text or any(c not in table for c in text):
        return None
    return "".join(table[c] for c in text)


_MATH = re.compile(r"\\\((.*?)\\\)|\\\[(.*?)\\\]", re.DOTALL)
"""MathJax as Anki writes it, inline `\\(...\\)` or shown `\\[...\\]` (never one broken_delimiters broke)."""
_SYMBOLS = {
    "times": "×", "cdot": "·", "pm": "±", "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "neq": "≠", "ne": "≠",
    "approx": "≈", "mu": "µ", "degree": "°", "circ": "°", "%": "%", ",": " ", ";": " ", " ": " ", "!": "",
}  # fmt: skip
"""MathJax commands read as the character they show."""
_PIECE = re.compile(
    r"\\(?:text|mathrm|rm)\s*\{([^{}\\]*)\}|\\([A-Za-z]+|[%,; !])|([\^_])\s*(\{[^{}]*\}|\\[A-Za-z]+|[^{}\\\s])|([{}])"
)
"""What math holds besides plain characters: \\text{...}, a command, a power or an index, a brace."""


def _math_text(math: str) -> str | None:
    """The text simple math shows ("\\times 10^{-3}" is "× 10⁻³"), or None where it holds what quiz
    does not read (a fraction, a root, a command not in _SYMBOLS, a power with no such characters)."""
    out: list[str] = []
    at = 0
    for m in _PIECE.finditer(math):
        out.append(math[at : m.start()])
        at = m.end()
        text, command, mark, operand, brace = m.groups()
        if text is not None:
            out.append(text)
        elif command is not None:
            if command not in _SYMBOLS:
                return None
            out.append(_SYMBOLS[command])
        elif mark is not None:
            inner = operand[1:-1] if operand.startswith("{") else operand
            if mark == "^" and inner.strip() in ("\\circ", "\\degree"):
                out.append("°")
                continue
            shown = raised(inner, RAISED if mark == "^" else LOWERED)
            if shown is None:
                return None
            out.append(shown)
        elif brace is not None:
            continue  # a group, as in {10}^9
    out.append(math[at:])
    shown = " ".join("".join(out).split())
    return None if any(c in shown for c in "\\^_$") else shown


def as_text(text: str) -> tuple[str, str, str]:
    """`text` with each simple MathJax span (_MATH) as the text it shows ("150 to 400 \\(\\times
    10^9\\)/L" is "150 to 400 × 10⁹/L", which typed marking reads as a power), and the first span
    read so and the first left as written (it holds what _math_text does not read), "" for none.
    Anki typesets MathJax in every field; quiz shows text, so a span left is shown as its source."""
    read, kept = "", ""

    def replaced(m: re.Match[str]) -> str:
        nonlocal read, kept
        shown = _math_text(m.group(1) if m.group(1) is not None else m.group(2))
        if shown is None:
            kept = kept or m.group()
            return m.group()
        read = read or m.group()
        return shown

    return _MATH.sub(replaced, text), read, kept
