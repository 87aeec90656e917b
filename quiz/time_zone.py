"""The process's time zone, settled once at start: the system's, or UTC where it cannot be used.

Apart from quiz.schedule, which works out local days with it, so that every command (`quiz check`
too) can settle it without importing the scheduler (2 ms at each start).
"""

from __future__ import annotations

import os
import re
import stat
import struct
from datetime import UTC, datetime
from pathlib import Path

DAY_S = 24 * 3600

_NAME = r"(?:[A-Za-z]{3,}|<[A-Za-z0-9+-]{3,}>)"
_OFFSET = r"([+-]?\d+(?::\d+){0,2})"
_POSIX_TZ = re.compile(rf"{_NAME}{_OFFSET}(?:({_NAME}){_OFFSET}?)?")
"""The start of a POSIX TZ rule (https://pubs.opengroup.org/onlinepubs/9799919799/basedefs/V1_chap08.html):
std name, its offset, then an optional daylight-saving name and its offset; what follows (the rule
for when) does not change the offsets. Figures of any length, as glibc reads them (sscanf %hu:
`AAA-0023:30`, `:030`, `:000`), and whatever follows, as glibc keeps the offsets it read before a
part it cannot read."""
_MOST = (24, 59, 59)
"""glibc's bounds on an offset's hours, minutes and seconds (tzset.c compute_offset: larger figures
count as these)."""


def _seconds(offset: str) -> int:
    """A POSIX offset ("-23:30", "5", "-0023:030") in seconds, west of Greenwich positive, as TZ
    writes it; each figure held to glibc's bound (_MOST), as glibc reads it."""
    sign = -1 if offset.startswith("-") else 1
    parts = [min(int(p), most) for p, most in zip(offset.lstrip("+-").split(":"), _MOST, strict=False)]
    return sign * sum(p * 60**(2 - i) for i, p in enumerate(parts))


def posix_offsets(zone: str) -> list[int]:
    """The UTC offsets (seconds, east positive) a POSIX TZ rule `zone` gives at any moment: its
    standard one and its daylight-saving one (an hour ahead when not given); [] when `zone` is
    not such a rule (a zone name, Europe/Paris, whose offsets the tz database keeps in range)."""
    match = _POSIX_TZ.match(zone)
    if match is None:
        return []
    std, dst_name, dst = match.groups()
    offsets = [-_seconds(std)]
    if dst is not None:
        offsets.append(-_seconds(dst))
    elif dst_name is not None:  # a daylight-saving zone with no offset of its own: an hour ahead
        offsets.append(offsets[0] + 3600)
    return offsets


ZONE_FOLDER = Path("/usr/share/zoneinfo")
"""Where the C library looks for a zone file TZ names by a relative name (glibc's TZDEFAULT folder),
unless TZDIR says another."""


def zone_file_offsets(zone: str) -> list[int]:
    """The UTC offsets (seconds, east positive) the zone file `zone` (a TZ value) leads the C library
    to: every local time type in its tables and those of the POSIX rule in its footer (RFC 8536:
    TZif, versions 1 to 4); [] when `zone` names no zone file that can be read (a POSIX rule).
    /etc/localtime for an empty `zone`, as the C library reads it."""
    name = zone.removeprefix(":") or "/etc/localtime"
    path = Path(name) if name.startswith("/") else Path(os.environ.get("TZDIR") or ZONE_FOLDER) / name
    try:  # never waiting on a pipe: a regular file only
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except (OSError, ValueError):
        return []
    try:
        data = os.read(fd, 1 << 20) if stat.S_ISREG(os.fstat(fd).st_mode) else b""
    except OSError:
        return []
    finally:
        os.close(fd)
    offsets: list[int] = []
    at = 0
    try:
        for time_size in (4, 8):  # the version 1 block, then the 64-bit one (versions 2 and later)
            if data[at:at + 4] != b"TZif":
                break
            isut, isstd, leaps, times, types, chars = struct.unpack(">6l", data[at + 20:at + 44])
            start = at + 44 + times * (time_size + 1)
            offsets += [struct.unpack(">l", data[start + 6 * i:start + 6 * i + 4])[0] for i in range(types)]
            at = start + types * 6 + chars + leaps * (time_size + 4) + isstd + isut
            if data[4:5] < b"2":
                break
        else:
            offsets += posix_offsets(data[at:].strip(b"\n").decode("ascii", "replace"))
    except struct.error:
        pass  # cut short: the offsets read so far, and the moments settle_time_zone tries
    return offsets


def settle_time_zone() -> str | None:
    """Make this process use UTC when the system's time zone cannot be used, and return a note
    saying so (None when it can; call once at start, before anything shows a time).

    A POSIX TZ string may give an offset of a day or more (TZ=UTC+25, EST+30): the C library and
    SQLite's 'localtime' accept it, Python's datetime refuses it (ValueError: an offset must lie
    strictly within a day). Every offset the zone ever takes is tried: both of a POSIX rule's
    (posix_offsets: a daylight-saving one may be out of range a month a year, or an hour), and
    a zone file's (zone_file_offsets: TZ=/path, whose rule may be such a rule), and the zone at
    now, midwinter and midsummer. When one fails, TZ is set to UTC for the C library
    too (time.tzset), so Python's days and SQLite's (quiz.store.queries.LOCAL_DAY) stay one
    meaning of "day". An unknown zone name (TZ=Foo/Bar) is the C library's UTC already.
    """
    zone = os.environ.get("TZ", "")
    now = datetime.now(UTC)
    try:
        if any(abs(offset) >= DAY_S for offset in [*posix_offsets(zone), *zone_file_offsets(zone)]):
            raise ValueError(f"TZ={zone}: an offset of a day or more")
        for moment in (now, now.replace(month=1, day=1), now.replace(month=7, day=1)):
            moment.astimezone()
    except (ValueError, OverflowError, OSError):
        return use_utc()
    return None


def use_utc() -> str:
    """Make this process use UTC, for Python and the C library (so SQLite) alike, and return the
    note saying so and why: what settle_time_zone does with a zone it cannot use, and what a local
    time does should one still fail (quiz.schedule.local_time: a zone file, TZ=/path, whose offset
    is a day or more at a moment settle_time_zone did not try)."""
    import time as clock

    zone = os.environ.get("TZ", "")
    os.environ["TZ"] = "UTC"
    if hasattr(clock, "tzset"):
        clock.tzset()
    named = f"TZ={zone}" if zone else "the system's time zone"
    return f"{named} is not a usable time zone (its offset is a day or more); quiz shows times and days in UTC"
