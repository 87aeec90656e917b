"""The error types a person may see; every one carries the whole message to print."""

from __future__ import annotations


class QuizError(Exception):
    """A problem to report to the person in one clear message, never as a traceback."""


class UsageError(QuizError):
    """A command used the wrong way (an option that does not fit, a missing choice): exit status 2."""
