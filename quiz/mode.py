"""How a study session asks its questions (kept apart so the app's first screen need not load generation)."""

from __future__ import annotations

from enum import StrEnum


class Mode(StrEnum):
    """How a session asks: one kind of question, a mix, or spaced-repetition review of what is due."""

    MULTIPLE_CHOICE = "multiple-choice"
    FLASHCARD = "flashcard"
    TYPED = "typed"
    MIXED = "mixed"
    DUE = "due"

    @property
    def label(self) -> str:
        return {
            "multiple-choice": "Multiple choice",
            "flashcard": "Flashcards",
            "typed": "Type the answer",
            "mixed": "Mixed",
            "due": "Review what is due",
        }[self.value]

    @property
    def short(self) -> str:
        """The label in at most 12 characters, for a table column at 80 columns."""
        return {
            "multiple-choice": "Multi-choice",
            "flashcard": "Flashcards",
            "typed": "Typed",
            "mixed": "Mixed",
            "due": "Due review",
        }[self.value]
