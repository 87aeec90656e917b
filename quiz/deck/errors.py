"""Problems found in a deck, each knowing its file, line and column, like tomli's TOMLDecodeError."""

# No `from __future__ import annotations` here: typing.NamedTuple compiles each annotation written
# as text (typing.ForwardRef), about 7 µs a field at every start of the app (docs/benchmarks.md).

from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from quiz.errors import QuizError
from quiz.untrusted import visible


class Problem(NamedTuple):
    """One problem in a deck file: an error makes the deck unusable, a warning is advice.

    A NamedTuple, as the deck model's records are (quiz/deck/model.py says why).
    """

    path: Path
    line: int | None
    col: int | None
    message: str
    severity: str = "error"
    rule: str | None = None

    @property
    def where(self) -> str:
        """`path:line:col`, the file name made safe for a terminal (it came from the file system)."""
        path = visible(str(self.path))
        return f"{path}:{self.line}:{self.col or 1}" if self.line else path

    def __str__(self) -> str:
        if self.severity == "warning":
            rule = f" [{self.rule}]" if self.rule else ""
            return f"{self.where}: warning: {self.message}{rule}"
        return f"{self.where}: {self.message}"


class DeckError(QuizError, ValueError):
    """A deck that cannot be used; str(err) is the whole message a person reads, one line a problem."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        if not problems:
            raise ValueError("DeckError needs at least one problem")
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
