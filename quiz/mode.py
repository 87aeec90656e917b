"""How a study session asks its questions (kept apart so the app's first screen need not load generation)."""

from __future__ import annotations

from enum import StrEnum


class Mode(StrEnum):
    """How a session asks: one kind of question, a mix, or spaced-repetition review of what is due."""

    MULTIPLE_CHOICE = "multiple-choice"
    FLASHCARD = "flashcard"
    TYPED = "typed"
    FILL_BLANK = "fill-blank"
    TRUE_FALSE = "true-false"
    MATCH = "match"
    MIXED = "mixed"
    DUE = "due"

    @property
    def label(self) -> str:
        return _LABELS[self.value][0]

    @property
    def short(self) -> str:
        """The label in at most 12 characters, for a table column at 80 columns."""
        return _LABELS[self.value][1]


_LABELS = {
    "multiple-choice": ("Multiple choice", "Multi-choice"),
    "flashcard": ("Flashcards", "Flashcards"),
    "typed": ("Type the answer", "Typed"),
    "fill-blank": ("Fill in the blank", "Fill blank"),
    "true-false": ("True or false", "True/false"),
    "match": ("Match words to meanings", "Match words"),
    "mixed": ("Mixed", "Mixed"),
    "due": ("Review what is due", "Due review"),
}
"""Each mode's label, in full and short."""
