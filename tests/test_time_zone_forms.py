"""Every TZ value, however its figures are written, either works or falls back to UTC with a note:
never a ValueError where local days are computed (quiz.time_zone, quiz.schedule.local_time), in
`quiz history` or anywhere else. POSIX offsets are read as glibc reads them (any number of
leading zeros, each figure held to glibc's bounds)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.schedule import day_start, local_day, local_time
from quiz.store import Store
from quiz.time_zone import posix_offsets, settle_time_zone, zone_file_offsets
from tests.zones import time_zone

ROOT = Path(__file__).resolve().parent.parent
PADDED = [
    "AAA-0023:30BBB,M4.1.0,M5.1.0",  # the report's: +24:30 in April
    "AAA-23:30BBB-0024:30,M4.1.0,M5.1.0",
    "AAA-23:030BBB,M4.1.0,M5.1.0",
    "AAA-23:30:000BBB,M4.1.0,M5.1.0",
    "AAA-00000000023:30BBB,M4.1.0,M5.1.0",
    "AAA-23:30BBB-24:30;no rule glibc reads",  # glibc keeps the offsets it read before
]


@pytest.mark.parametrize("zone", PADDED)
def test_zero_padded_offsets_out_of_range_fall_back_to_utc(zone: str) -> None:
    with time_zone(zone):
        note = settle_time_zone()
        assert note is not None and f"TZ={zone}" in note
        assert local_time(datetime(2026, 4, 15, 12, tzinfo=UTC)).utcoffset() == timedelta(0)


def test_offsets_are_read_as_glibc_reads_them() -> None:
    assert posix_offsets("AAA-0023:30") == [(23 * 60 + 30) * 60]
    assert posix_offsets("AAA-23:099") == [(23 * 60 + 59) * 60]  # minutes past 59 count as 59
    assert posix_offsets("AAA-99") == [24 * 3600]  # hours past 24 count as 24
    assert posix_offsets("EST5EDT") == [-5 * 3600, -4 * 3600] and posix_offsets("Europe/Paris") == []


def _glibc_offsets(zone: str) -> set[int]:
    """The UTC offsets the C library gives under `zone` at every 6 hours of 2026."""
    start = int(datetime(2026, 1, 1, tzinfo=UTC).timestamp())
    with time_zone(zone):
        return {time.localtime(start + hours * 3600).tm_gmtoff for hours in range(0, 366 * 24, 6)}


FIGURES = st.builds(
    lambda sign, zeros, figures: sign + ":".join("0" * z + str(f) for z, f in zip(zeros, figures, strict=False)),
    st.sampled_from(["", "+", "-"]),
    st.lists(st.integers(0, 4), min_size=3, max_size=3),
    st.lists(st.integers(0, 99), min_size=1, max_size=3),
)
RULES = st.sampled_from(["", ",M4.1.0,M5.1.0", ",J100/0,J101/0", ",M10.1.0,M10.2.0/3", ";x", ",", ",M3"])


@settings(max_examples=150, deadline=None)
@given(std=FIGURES, dst=st.one_of(st.none(), st.just(""), FIGURES), rule=RULES)
def test_every_offset_glibc_gives_a_posix_rule_is_one_posix_offsets_names(std: str, dst: str | None, rule: str) -> None:
    """What the C library uses is among what the check looks at, however the figures are written,
    or the check finds an offset of a day or more (and falls back) anyway."""
    zone = f"AAA{std}" + ("" if dst is None else f"BBB{dst}{rule}")
    named = posix_offsets(zone)
    if any(abs(offset) >= 24 * 3600 for offset in named):
        return
    assert _glibc_offsets(zone) <= set(named), zone


TZ_TEXT = st.text(alphabet=st.sampled_from("ABCabc<>+-:,./0123456789JMZU T"), max_size=40)


@settings(max_examples=200, deadline=None)
@given(
    zone=st.one_of(TZ_TEXT, st.builds(lambda a, b: f"AAA{a}BBB{b}", FIGURES, TZ_TEXT)),
    at=st.datetimes(datetime(1990, 1, 1), datetime(2060, 1, 1)),
)
def test_any_tz_works_or_falls_back_to_utc_with_a_note(zone: str, at: datetime) -> None:
    moment = at.replace(tzinfo=UTC)
    with time_zone(zone):
        note = settle_time_zone()
        day = local_day(moment)
        local_time()
        day_start(day)
        if note is None:
            assert os.environ["TZ"] == zone  # kept, and no local time needed the last resort
        else:
            assert f"TZ={zone}" in note and os.environ["TZ"] == "UTC"


@pytest.mark.parametrize("zone", [PADDED[0], PADDED[2]])
def test_quiz_history_with_a_zero_padded_zone_shows_utc_with_a_note(tmp_path: Path, zone: str) -> None:
    data = tmp_path / "data"
    april = datetime(2026, 4, 15, 12, tzinfo=UTC)
    with Store.open(data, backup=False) as store:
        sid = store.start_session("d", "quiz", now=april)
        store.record_answer(sid, "d", "f", kind="typed", response="x", correct=True, now=april)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QUIZ_DATA_DIR": str(data), "TZ": zone}
    for command in (["history", "--plain"], ["history", "--json"], ["history", "export", "--csv", "-"]):
        run = subprocess.run([sys.executable, "-m", "quiz", *command], capture_output=True, text=True, env=env,
                             timeout=120)  # fmt: skip
        assert run.returncode == 0 and "unexpected" not in run.stderr, (command, run.stderr)
        assert "quiz: note:" in run.stderr and "UTC" in run.stderr


def _zone_file(path: Path, utoff: int, footer: str) -> Path:
    """A TZif version 2 file (RFC 8536): one transition (1970) to a type `utoff` seconds east,
    then the POSIX rule `footer`."""
    import struct

    def block(time_size: int) -> bytes:
        when = struct.pack(">q" if time_size == 8 else ">l", 0)
        return struct.pack(">6l", 0, 0, 0, 1, 1, 4) + when + b"\0" + struct.pack(">lBB", utoff, 0, 0) + b"AAA\0"

    header = b"TZif2" + bytes(15)
    path.write_bytes(header + block(4) + header + block(8) + f"\n{footer}\n".encode())
    return path


def test_a_zone_file_whose_rule_is_out_of_range_part_of_the_year_falls_back(tmp_path: Path) -> None:
    """TZ=/path to a zone file: its April offset (+24:30, from its footer's rule) is found before
    any local time is made, and the note said, as for the same rule in TZ itself."""
    odd = _zone_file(tmp_path / "odd", 23 * 3600 + 1800, "AAA-23:30BBB,M4.1.0,M5.1.0")
    with time_zone(str(odd)):
        assert time.localtime(int(datetime(2026, 4, 15, tzinfo=UTC).timestamp())).tm_gmtoff == 24 * 3600 + 1800
        note = settle_time_zone()
        assert note is not None and f"TZ={odd}" in note
    fine = _zone_file(tmp_path / "fine", 3600, "AAA-1BBB,M3.5.0,M10.5.0/3")
    with time_zone(str(fine)):
        assert settle_time_zone() is None


@pytest.mark.parametrize("zone", ["Europe/Paris", "America/Sao_Paulo", "Pacific/Kiritimati", "Asia/Kolkata"])
def test_a_real_zone_files_offsets_are_read(zone: str) -> None:
    import zoneinfo

    offsets = set(zone_file_offsets(zone))
    now = datetime.now(UTC)
    expected = {int(now.replace(month=m).astimezone(zoneinfo.ZoneInfo(zone)).utcoffset().total_seconds())  # type: ignore[union-attr]
                for m in (1, 7)}  # fmt: skip
    assert expected <= offsets and all(abs(offset) < 24 * 3600 for offset in offsets)


@settings(max_examples=100, deadline=None)
@given(cut=st.integers(0, 200), noise=st.binary(max_size=80))
def test_a_damaged_zone_file_never_raises(tmp_path_factory: pytest.TempPathFactory, cut: int, noise: bytes) -> None:
    folder = tmp_path_factory.mktemp("zone")
    whole = _zone_file(folder / "z", 3600, "AAA-1").read_bytes()
    (folder / "z").write_bytes(whole[:cut] + noise)
    zone_file_offsets(str(folder / "z"))
