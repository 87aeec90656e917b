"""What a mistyped name was likely meant to be: "did you mean ...?" in a deck's and a command's messages."""

from __future__ import annotations


def closest(word: str, candidates: list[str] | tuple[str, ...]) -> str | None:
    """The candidate most like `word` (difflib's ratio of at least 0.6), or None."""
    import difflib  # only on a mistake

    match = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    return match[0] if match else None


def did_you_mean(word: str, candidates: list[str] | tuple[str, ...]) -> str:
    """' (did you mean "key"?)' for the closest candidate, or "" when none is close."""
    match = closest(word, candidates)
    return f' (did you mean "{match}"?)' if match else ""
