"""Counts in words: one helper, so every message says "1 fact" and "2 facts"."""

from __future__ import annotations


def plural(n: int, word: str, many: str | None = None) -> str:
    """`n` and the word, plural unless n is 1: plural(2, "fact") is "2 facts"; `many` for irregular plurals."""
    return f"{n} {word if n == 1 else many or word + 's'}"
