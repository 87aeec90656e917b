"""Timing helpers: wall time of a whole process, peak memory of a child, medians and percentiles."""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def child_env(data_dir: Path | None) -> dict[str, str]:
    """The environment for a measured child: quiz's data folder set, the repo importable."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    env.pop("QUIZ_DEBUG", None)
    # An installed quiz runs from compiled bytecode (pip compiles at install): so does the bench.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if data_dir is not None:
        env["QUIZ_DATA_DIR"] = str(data_dir)
    return env


_WRAPPER = """
import os, subprocess, sys
proc = subprocess.Popen(sys.argv[1:])
_pid, status, usage = os.wait4(proc.pid, 0)
print(usage.ru_maxrss)
sys.exit(os.waitstatus_to_exitcode(status))
"""


def peak_rss(argv: Sequence[str], data_dir: Path | None) -> int:
    """Peak RSS in KiB of one run, through a small wrapper process.

    Linux carries a parent's peak RSS into a forked child, so the child is started by a fresh,
    small process rather than by this one, which holds the generated data.
    """
    out = _run([sys.executable, "-c", _WRAPPER, sys.executable, *argv], child_env(data_dir))
    return int(out.stdout.split()[-1])


def run_child(argv: Sequence[str], data_dir: Path | None) -> float:
    """Run one process to its end; return its wall time, spawn to exit."""
    start = time.perf_counter()
    _run([sys.executable, *argv], child_env(data_dir))
    return time.perf_counter() - start


def time_to_mark(argv: Sequence[str], data_dir: Path | None, mark: str) -> float:
    """Run one process to its end; return the time from spawn to the line `mark <monotonic>`
    it wrote on stderr (time.monotonic is one clock for every process on the machine)."""
    start = time.monotonic()
    out = _run([sys.executable, *argv], child_env(data_dir))
    for line in out.stderr.decode(errors="replace").splitlines():
        if line.startswith(mark):
            return float(line[len(mark) :]) - start
    raise RuntimeError(f"{' '.join(argv)} never wrote {mark!r}")


def instructions(argv: Sequence[str], data_dir: Path | None, env: dict[str, str] | None = None) -> int:
    """The number of instructions one run of the child executes, counted by valgrind (callgrind).

    Unlike a duration this hardly depends on what else the machine is doing: two runs of the same
    code differ by about 1-3% (timers and frames still depend on timing), where start-up times on
    this machine differ by 10% or more. It is slow (about 20 s for one start-up) and needs
    valgrind; RuntimeError if it is not installed.
    """
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        raise RuntimeError("valgrind is not installed")
    cmd = [valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, *argv]
    out = _run(cmd, {**child_env(data_dir), "PYTHONHASHSEED": "0", **(env or {})})
    found = re.search(rb"Collected : (\d+)", out.stderr)
    if found is None:
        raise RuntimeError(f"{' '.join(argv)}: valgrind gave no count: {out.stderr.decode(errors='replace')[-800:]}")
    return int(found.group(1))


def _run(cmd: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    """Run one child to its end, its output captured; RuntimeError (with its stderr) if it failed."""
    out = subprocess.run(cmd, env=env, stdin=subprocess.DEVNULL, capture_output=True, check=False)
    if out.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {out.returncode}: {out.stderr.decode(errors='replace')[-800:]}")
    return out


def interleave(runs: int, a: Callable[[], float], b: Callable[[], float]) -> tuple[list[float], list[float]]:
    """Run `a` and `b` in turn `runs` times each, so machine noise falls on both alike."""
    xs, ys = [], []
    for i in range(runs):
        if i % 2:
            ys.append(b())
            xs.append(a())
        else:
            xs.append(a())
            ys.append(b())
    return xs, ys


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100) by nearest rank."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def compile_sources() -> None:
    """Write the bytecode of quiz and bench once, as `pip install` does, so no run compiles."""
    import compileall

    for package in ("quiz", "bench"):
        compileall.compile_dir(str(ROOT / package), quiet=1)
