"""`python -m bench`: generate the data, measure every figure against its baseline, print the table.

Every figure is a ratio against a baseline measured in the same run, because on a shared, noisy
machine only a ratio holds. The table's columns: figure, median (quiz), baseline median, ratio,
budget, pass/fail. The exit code is 0 whatever the figures: the table is the result.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from bench.data import FULL, QUICK, DataFolderInUse, Sizes, make_data
from bench.figures import DEFAULT_FIGURES, FIGURES, NO_DATA, Figure, Options
from bench.measure import compile_sources

HEADER = ("figure", "median", "baseline median", "ratio", "budget", "result")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small data and few runs: a smoke test, not a figure")
    parser.add_argument(
        "--only", action="append", choices=sorted(FIGURES), metavar="NAME",
        help=f"measure only this figure (repeatable): {', '.join(FIGURES)} (instructions: start-up counted "
        "by valgrind, not measured unless named)",
    )  # fmt: skip
    parser.add_argument("--runs", type=int, help="repetitions of each timing (default 15, or 2 with --quick)")
    parser.add_argument("--facts", type=int, help="facts in the large deck (default 10,000)")
    parser.add_argument("--answers", type=int, help="answers in the history (default 1,000,000)")
    parser.add_argument(
        "--keep",
        type=Path,
        metavar="DIR",
        help="generate the data in DIR and keep it; a later run with the same DIR and sizes reuses it",
    )
    return parser.parse_args(argv)


def cells(f: Figure) -> tuple[str, ...]:
    """One table row of text."""
    if f.budget is not None:
        budget = f"<= {f.budget:g}x"
    else:
        budget = f"<= {f.absolute:g} {f.unit}" if f.absolute is not None else "report"
    return (
        f.name,
        f"{f.value:.3f} {f.unit}",
        f"{f.baseline:.3f} {f.unit}",
        f"{f.ratio:.2f}",
        budget,
        "-" if budget == "report" else "pass" if f.passed else "FAIL",
    )


def table(figures: Sequence[Figure]) -> str:
    """The results as a Markdown table (readable in a terminal, pasteable into docs)."""
    rows = [HEADER, *(cells(f) for f in figures)]
    widths = [max(len(r[i]) for r in rows) for i in range(len(HEADER))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |" for r in rows]
    lines.insert(1, "| " + " | ".join("-" * w for w in widths) + " |")
    return "\n".join(lines)


QUICK_NOTE = (
    "--quick: tiny data and few runs, so these figures are not meaningful (a smoke test of the "
    "harness only); run `python -m bench` for the figures."
)
"""Printed under the table of a --quick run."""


def run(argv: Sequence[str] | None = None) -> list[Figure]:
    """Measure the chosen figures, printing progress to stderr and the table to stdout."""
    args = parse_args(argv)
    base = QUICK if args.quick else FULL
    sizes = Sizes(facts=args.facts or base.facts, answers=args.answers or base.answers)
    runs = args.runs or (2 if args.quick else 15)
    opt = Options(runs=runs, writes=40 if args.quick else 400)
    names = args.only or DEFAULT_FIGURES
    compile_sources()
    with tempfile.TemporaryDirectory(prefix="quiz-bench-") as tmp:
        # quiz and the baselines read settings from the user's config folder: an empty one of the
        # harness's own, so a theme someone chose on this machine is no part of any figure.
        os.environ["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")
        root = args.keep or Path(tmp)
        root.mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        print(f"bench: data of {sizes.facts:,} facts and {sizes.answers:,} answers in {root}", file=sys.stderr)
        try:
            data = None if set(names) <= NO_DATA else make_data(root, sizes)
        except DataFolderInUse as err:
            print(f"bench: {err}", file=sys.stderr)
            raise SystemExit(2) from None
        print(f"bench: data ready in {time.perf_counter() - start:.1f} s", file=sys.stderr)
        figures = []
        for name in names:
            start = time.perf_counter()
            result = FIGURES[name](data, opt)
            figures.extend(result if isinstance(result, list) else [result])
            print(f"bench: {name} measured in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    print(table(figures))
    if args.quick:
        print(QUICK_NOTE)
    return figures


if __name__ == "__main__":
    run()
