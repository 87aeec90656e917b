"""Real processes: answers survive SIGKILL at any moment, and two writers at once lose nothing."""

from __future__ import annotations

import os
import random
import select
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quiz.store import Store

pytestmark = pytest.mark.slow  # real processes killed and racing

ROOT = Path(__file__).resolve().parent.parent

WRITER = """
import sys, time
from pathlib import Path
from quiz.store import Store
data_dir, tag, count, go = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
store = Store.open(data_dir)
sid = store.start_session("deck", "quiz", "1")
print("ready", flush=True)
while not go.exists():
    time.sleep(0.005)
for i in range(count):
    answer_id = store.record_answer(
        sid, "deck", f"{tag}-{i % 50}", kind="typed", response=f"{tag} {i}", correct=i % 3 > 0,
        response_ms=i,
    )
    print(answer_id, f"{tag} {i}", flush=True)
    if i % 7 == 6:
        print("undoing", answer_id, flush=True)
        store.undo_last(sid)
        print("undo", answer_id, flush=True)
store.finish_session(sid)
store.close()
"""


def writer(data_dir: Path, tag: str, count: int, go: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(data_dir), tag, str(count), str(go)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def reported(stdout: str) -> dict[int, str]:
    """The answers a writer reported committed and not undone, from its complete lines.

    An undo the writer began but did not report may or may not have happened; that answer
    is left out of what must be there.
    """
    lines = stdout.split("\n")[:-1]  # the last piece may have been cut by the kill
    kept: dict[int, str] = {}
    for line in lines:
        if line == "ready":
            continue
        first, rest = line.split(" ", 1)
        if first in ("undo", "undoing"):
            kept.pop(int(rest), None)
        else:
            kept[int(first)] = rest
    return kept


def read_lines(proc: subprocess.Popen[str], count: int, timeout: float = 60) -> str:
    """What the process writes to stdout until it has written `count` lines (or ended).

    Reads the pipe's file descriptor directly, as communicate() does, so nothing is held in a
    buffer that communicate() would not see. Raises AssertionError after `timeout` seconds."""
    assert proc.stdout is not None
    fd, got, end = proc.stdout.fileno(), b"", time.monotonic() + timeout
    while got.count(b"\n") < count:
        left = end - time.monotonic()
        assert left > 0, f"the process wrote {len(got.splitlines())} of {count} lines in {timeout} s"
        ready, _, _ = select.select([fd], [], [], left)
        chunk = os.read(fd, 65536) if ready else b""
        if ready and not chunk:
            break  # it ended
        got += chunk
    return got.decode()


def check_database(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    mismatched = conn.execute(
        "SELECT s.id FROM sessions s WHERE s.answered != (SELECT count(*) FROM answers a WHERE a.session_id = s.id)"
    ).fetchall()
    assert mismatched == []  # counts move in the same transaction as the answers
    tries = conn.execute("SELECT coalesce(sum(tries), 0) FROM fact_state").fetchone()[0]
    assert tries == conn.execute("SELECT count(*) FROM answers").fetchone()[0]
    return conn


def test_answers_reported_committed_survive_sigkill(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    go = tmp_path / "go"
    go.touch()
    rng = random.Random(1234)
    expected: dict[int, str] = {}
    for round_no in range(20):
        proc = writer(data_dir, f"r{round_no}", 100_000, go)
        # Killed while starting up (opening or creating the history), or after a chosen number
        # of lines: in the middle of a stream of answers and undos, wherever the next one is.
        lines = rng.choice([0, 1, *range(2, 400)])
        seen = read_lines(proc, lines) if lines else ""
        proc.send_signal(signal.SIGKILL)
        out, err = proc.communicate()
        assert proc.returncode == -signal.SIGKILL, err
        expected.update(reported(seen + out))
        if not (data_dir / "history.db").exists():  # killed before it opened the history
            assert not expected
            continue
        conn = check_database(data_dir / "history.db")
        stored = dict(conn.execute("SELECT id, response FROM answers"))
        conn.close()
        assert {k: stored.get(k) for k in expected} == expected
    assert expected, "no round got as far as an answer: the test proved nothing"


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    go = tmp_path / "go"
    procs = [writer(data_dir, tag, 2000, go) for tag in ("a", "b")]
    ready = [read_lines(p, 1) for p in procs]  # both have opened the history: now they start together
    assert ready == ["ready\n", "ready\n"], [p.stderr.read() if p.stderr else "" for p in procs]
    go.touch()
    results = [p.communicate(timeout=120) for p in procs]
    for p, (_, err) in zip(procs, results, strict=True):
        assert p.returncode == 0, err
        assert err == ""
    kept = {}
    for out, _ in results:
        kept.update(reported(out))
    conn = check_database(data_dir / "history.db")
    stored = dict(conn.execute("SELECT id, response FROM answers"))
    undone_each = 2000 // 7  # every seventh answer is undone
    assert len(stored) == 2 * (2000 - undone_each)
    assert stored == kept
    assert conn.execute("SELECT count(*) FROM sessions WHERE finished_at IS NOT NULL").fetchone()[0] == 2
    conn.close()


OPENER = """
import sys, time
from pathlib import Path
from quiz.store import Store
go = Path(sys.argv[2])
print("ready", flush=True)
while not go.exists():
    time.sleep(0.001)
Store.open(Path(sys.argv[1]), backup=False).close()
"""


def test_many_processes_creating_the_same_history_at_once_all_open_it(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for round_no in range(8):
        data_dir, go = tmp_path / f"data{round_no}", tmp_path / f"go{round_no}"
        procs = [
            subprocess.Popen(
                [sys.executable, "-c", OPENER, str(data_dir), str(go)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=env,
                text=True,
            )
            for _ in range(6)
        ]
        for proc in procs:  # every one is started and waiting: now they open it together
            assert read_lines(proc, 1) == "ready\n"
        go.touch()
        for proc in procs:
            _, err = proc.communicate(timeout=60)
            assert proc.returncode == 0, err
        check_database(data_dir / "history.db").close()


def test_a_history_another_quiz_is_creating_is_not_taken_for_a_foreign_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The race CI once hit, made to happen every time: the other quiz commits its tables between
    the health check's reads of the application id and of the table count."""
    from quiz.store.schema import migrate

    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o700)
    path = data_dir / "history.db"
    other = sqlite3.connect(path, isolation_level=None)  # the other quiz, after its switch to WAL
    other.execute("PRAGMA journal_mode = WAL")
    other.execute("CREATE TABLE IF NOT EXISTS t (x)")  # give the file its pages
    other.execute("DROP TABLE t")
    real_connect = sqlite3.connect
    migrated = []

    def connect(*args, **kwargs):  # type: ignore[no-untyped-def]
        conn = real_connect(*args, **kwargs)
        if "mode=ro" in str(args[0]):

            def trace(sql: str) -> None:
                if "sqlite_schema" in sql and not migrated:
                    migrated.append(True)
                    migrate(other, path)  # commits the tables and the application id

            conn.set_trace_callback(trace)
        return conn

    monkeypatch.setattr(sqlite3, "connect", connect)
    with Store.open(data_dir, backup=False) as store:
        assert store.last_sessions() == []
    other.close()
    assert migrated and not list(data_dir.glob("history.damaged-*"))
