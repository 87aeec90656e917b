"""The process's time zone, settled once at start: the system's, or UTC where it cannot be used.

Apart from quiz.schedule, which works out local days with it, so that every command (`quiz check`
too) can settle it without importing the scheduler (2 ms at each start).
"""

from __future__ import annotations

from datetime import UTC, datetime


def settle_time_zone() -> str | None:
    """Make this process use UTC when the system's time zone cannot be used, and return a note
    saying so (None when it can; call once at start, before anything shows a time).

    A POSIX TZ string may give an offset of a day or more (TZ=UTC+25, EST+30): the C library and
    SQLite's 'localtime' accept it, Python's datetime refuses it (ValueError: an offset must lie
    strictly within a day). The zone is tried at now and at midsummer and midwinter (a daylight
    saving rule may be out of range half the year); when it fails, TZ is set to UTC for the C
    library too (time.tzset), so Python's days and SQLite's (quiz.store.queries.LOCAL_DAY) stay
    one meaning of "day". An unknown zone name (TZ=Foo/Bar) is the C library's UTC already.
    """
    import os
    import time as clock

    now = datetime.now(UTC)
    try:
        for moment in (now, now.replace(month=1, day=1), now.replace(month=7, day=1)):
            moment.astimezone()
    except (ValueError, OverflowError, OSError):
        zone = os.environ.get("TZ", "")
        os.environ["TZ"] = "UTC"
        if hasattr(clock, "tzset"):
            clock.tzset()
        named = f"TZ={zone}" if zone else "the system's time zone"
        return f"{named} is not a usable time zone (its offset is a day or more); quiz shows times and days in UTC"
    return None
