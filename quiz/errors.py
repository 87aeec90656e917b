"""The error types a person may see; every one carries the whole message to print."""

from __future__ import annotations


class QuizError(Exception):
    """A problem to report to the person in one clear message, never as a traceback."""
