"""Certainty-based marking (CBM): how sure the learner was, and a mark that rewards honesty.

After choosing or typing an answer, and before the feedback, the learner says how sure they are.
The marks are Gardner-Medwin's (A. R. Gardner-Medwin, "Confidence-based marking: towards deeper
learning and better exams", 2006; the scheme Moodle's quiz uses): right at low, medium or high
certainty scores 1, 2 or 3; wrong scores 0, -2 or -6. Its point is to find the dangerous case, a
confident wrong belief, which a patient should take to their care team.
"""

from __future__ import annotations

import enum

from quiz.schedule import Rating


class Certainty(enum.IntEnum):
    """How sure the learner said they were; the values are the keys that choose them."""

    LOW = 1
    MEDIUM = 2
    HIGH = 3

    @property
    def label(self) -> str:
        """The plain words shown to the learner: Guessing, Fairly sure, Sure."""
        return _LABELS[self]


_LABELS = {Certainty.LOW: "Guessing", Certainty.MEDIUM: "Fairly sure", Certainty.HIGH: "Sure"}
_MARKS = {Certainty.LOW: (1, 0), Certainty.MEDIUM: (2, -2), Certainty.HIGH: (3, -6)}


def cbm_mark(certainty: Certainty, correct: bool) -> int:
    """The CBM mark of one answer: 1/2/3 when right, 0/-2/-6 when wrong (Gardner-Medwin)."""
    right, wrong = _MARKS[Certainty(certainty)]
    return right if correct else wrong


def rating_with_certainty(correct: bool, certainty: Certainty | None) -> Rating:
    """The spaced-repetition rating of a marked answer: wrong is Again; right but guessing is Hard
    (it was not really known); otherwise right is Good."""
    if not correct:
        return Rating.AGAIN
    return Rating.HARD if certainty is Certainty.LOW else Rating.GOOD


class AskCertainty(enum.StrEnum):
    """For which facts the learner is asked how sure they are (a setting, quiz.preferences)."""

    MUST_KNOW = "must-know"
    """Only for must-know facts: the default."""
    ALL = "all"
    OFF = "off"

    @property
    def label(self) -> str:
        return {"must-know": "for must-know facts", "all": "for every question", "off": "never"}[self.value]


def asks_certainty(setting: AskCertainty, priority: str) -> bool:
    """Whether a question about a fact of `priority` asks for certainty under `setting`."""
    if setting is AskCertainty.ALL:
        return True
    return setting is AskCertainty.MUST_KNOW and priority == "must-know"
