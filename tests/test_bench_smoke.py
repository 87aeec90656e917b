"""The benchmark harness runs end to end on tiny data; durations are never asserted."""

from __future__ import annotations

import math
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import bench.__main__ as bench_main
from bench.data import DataFolderInUse, Sizes, make_data
from bench.figures import FIGURES
from bench.measure import instructions

pytestmark = pytest.mark.slow  # runs the benchmarks

ROOT = Path(__file__).resolve().parent.parent


def test_quick_run_prints_every_figure_with_a_numeric_ratio(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "bench", "--quick", "--runs", "1", "--facts", "60", "--answers", "400"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    ).stdout
    assert bench_main.QUICK_NOTE in out  # issue 21: a smoke run says its figures mean nothing
    rows = [line.split("|")[1:-1] for line in out.splitlines() if line.startswith("|")]
    header, body = [c.strip() for c in rows[0]], [[c.strip() for c in r] for r in rows[2:]]
    assert header == list(bench_main.HEADER)
    names = [r[0] for r in body]
    for figure in ("start-up", "check", "load+generate", "record answer p99", "history queries", "peak memory"):
        assert figure in names
    for row in body:
        assert math.isfinite(float(row[3]))
        assert row[5] in ({"-"} if row[4] == "report" else {"pass", "FAIL"})


def test_only_picks_figures(tmp_path: Path, capsys) -> None:
    figures = bench_main.run(["--quick", "--runs", "1", "--facts", "40", "--answers", "200", "--only", "load"])
    assert [f.name for f in figures] == ["load+generate", "load+generate, deck changed"]
    assert "load+generate" in capsys.readouterr().out
    assert set(FIGURES) >= {"startup", "check", "load", "record", "history", "memory"}


def test_kept_data_is_reused_for_the_same_sizes_and_refused_for_others(tmp_path: Path) -> None:
    small = Sizes(facts=30, answers=100)
    first = make_data(tmp_path, small)
    stamp = first.history_dir.joinpath("history.db").stat().st_mtime_ns
    again = make_data(tmp_path, small)
    assert again == first
    assert again.history_dir.joinpath("history.db").stat().st_mtime_ns == stamp  # not made again
    with pytest.raises(DataFolderInUse, match="other sizes"):
        make_data(tmp_path, Sizes(facts=31, answers=100))


def test_a_folder_with_other_things_in_it_is_not_used_for_data(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(DataFolderInUse, match="not empty"):
        make_data(tmp_path, Sizes(facts=30, answers=100))
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


@pytest.mark.skipif(shutil.which("valgrind") is None, reason="counting instructions needs valgrind")
def test_instruction_counts_grow_with_the_work_done_and_repeat() -> None:
    idle = instructions(["-c", "pass"], None)
    busy = instructions(["-c", "sum(range(300_000))"], None)
    assert busy - idle > 30 * 300_000  # an addition of Python ints takes more than 30 instructions
    assert abs(instructions(["-c", "pass"], None) - idle) < idle * 0.02  # the count repeats


def test_the_default_run_leaves_out_the_valgrind_count() -> None:
    assert "instructions" in FIGURES and "instructions" not in bench_main.DEFAULT_FIGURES
    assert set(bench_main.DEFAULT_FIGURES) == set(FIGURES) - {"instructions"}
