"""The process's time zone for a test: days are the person's days (quiz.schedule.local_day)."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def time_zone(name: str) -> Iterator[None]:
    """The process's time zone (TZ) set to `name` inside the block (usable inside a Hypothesis
    test, where a function-scoped fixture is not set up again for each example)."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = name
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()
