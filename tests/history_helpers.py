"""Helpers for the score-history tests: a history written through the store, SQL run on a file
as another tool would, and quiz run as a person runs it (a real process)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from quiz.store import Store

ROOT = Path(__file__).resolve().parent.parent


def seed(data: Path, n: int, *, backup: bool = False, prefix: str = "resp") -> Path | None:
    """Give `n` answers (responses "<prefix> <i>") in one finished session of deck "d", as the
    cases' seed.py does; with `backup`, back up after them and return the backup."""
    with Store.open(data, backup=False) as store:
        sid = store.start_session("d", "quiz", "1")
        for i in range(n):
            store.record_answer(sid, "d", f"fact-{i}", kind="typed", response=f"{prefix} {i}", correct=True)
        store.finish_session(sid)
        return store.backup() if backup else None


def sql(path: Path, script: str) -> None:
    """Run `script` on the database at `path`, as the sqlite3 tool would."""
    conn = sqlite3.connect(path)
    try:
        conn.executescript(script)
    finally:
        conn.close()


def quiz(*args: str, data: Path | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run quiz with `args` in a process of its own: on the data folder `data` (QUIZ_DATA_DIR)
    when given, settings kept apart, in `cwd` (default: this one)."""
    env = {k: v for k, v in os.environ.items() if k != "QUIZ_DATA_DIR"}
    env |= {"PYTHONPATH": str(ROOT), "XDG_CONFIG_HOME": str((data.parent if data else cwd or Path.cwd()) / "config")}
    if data is not None:
        env["QUIZ_DATA_DIR"] = str(data)
    return subprocess.run(
        [sys.executable, "-m", "quiz", *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=120
    )
