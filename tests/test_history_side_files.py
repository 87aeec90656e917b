"""The files SQLite writes beside the history (-wal, -shm, -journal) go wherever the history goes.

A -wal holds every answer given since the last checkpoint; SQLite deletes it when it opens a
history file that is missing or empty, and a -wal or -journal applied to another file mixes two
histories. So whatever quiz does with a history (open, check, set aside, restore), its side files
travel with it, and none is ever deleted. Real files, real SQLite, real processes where it matters.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
from contextlib import suppress
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from quiz.paths import history_db
from quiz.store import DamagedDatabase, Store, StoreError, list_backups
from quiz.store.health import set_aside
from quiz.store.restore import restore_backup
from tests.history_helpers import ROOT, quiz, seed

SIDE = ("-wal", "-shm", "-journal")


def crash_after(data: Path, n: int, prefix: str = "walled") -> list[str]:
    """Give `n` more answers in a process killed (SIGKILL) before SQLite checkpoints: they are in
    history.db-wal alone. Returns their responses."""
    script = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "from quiz.store import Store\n"
        "s = Store.open(Path(sys.argv[1]), backup=False)\n"
        "sid = s.start_session('d', 'quiz', '1')\n"
        f"for i in range({n}):\n"
        f"    s.record_answer(sid, 'd', f'w{{i}}', kind='typed', response=f'{prefix} {{i}}', correct=True)\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run([sys.executable, "-c", script, str(data)], env=env, capture_output=True, timeout=120)
    assert run.returncode == -signal.SIGKILL, run.stderr
    assert Path(f"{history_db(data)}-wal").stat().st_size > 0
    return [f"{prefix} {i}" for i in range(n)]


def snapshot(data: Path) -> dict[str, bytes]:
    """Every file in the data folder (not the backups), by name."""
    return {p.name: p.read_bytes() for p in data.iterdir() if p.is_file()}


def holds(raw: bytes, response: str) -> bool:
    return response.encode() in raw


# -- the head of the kind: a zero-byte history beside the -wal of a crashed quiz -------------------


@pytest.mark.parametrize("how", ["emptied", "emptied, -shm removed", "removed"])
def test_a_wal_beside_an_emptied_or_missing_history_is_set_aside_with_it(tmp_path: Path, how: str) -> None:
    data = tmp_path / "data"
    seed(data, 10, backup=True)
    walled = crash_after(data, 5)
    path = history_db(data)
    wal = Path(f"{path}-wal").read_bytes()
    if how == "removed":
        path.unlink()
    else:
        path.write_bytes(b"")
    if "-shm" in how:
        Path(f"{path}-shm").unlink()
    run = quiz("history", "--plain", data=data)
    assert run.returncode == 1 and "Traceback" not in run.stderr and "unexpected" not in run.stderr
    assert "No sessions" not in run.stdout + run.stderr
    assert "history.db-wal" in run.stderr and "quiz history restore" in run.stderr
    assert list_backups(data)[0].name in run.stderr
    [kept_wal] = data.glob("history.damaged-*.db-wal")
    assert kept_wal.read_bytes() == wal and all(holds(wal, r) for r in walled)
    assert not any(Path(f"{path}{end}").exists() for end in SIDE)
    assert how == "removed" or kept_wal.with_name(kept_wal.name.removesuffix("-wal")).exists()


def test_every_command_keeps_the_wal_of_an_emptied_history(tmp_path: Path) -> None:
    for command in (["history", "--json"], ["history", "--plain"], ["history", "export", "--csv", "-"]):
        data = tmp_path / "-".join(command).replace("-", "")
        seed(data, 3, backup=True)
        walled = crash_after(data, 2)
        history_db(data).write_bytes(b"")
        quiz(*command, data=data)
        assert any(all(holds(p.read_bytes(), r) for r in walled) for p in data.iterdir() if p.is_file()), command


def test_a_wal_beside_an_empty_history_without_a_backup_is_kept_too(tmp_path: Path) -> None:
    data = tmp_path / "data"
    seed(data, 2)
    crash_after(data, 2)
    history_db(data).write_bytes(b"")
    with pytest.raises(DamagedDatabase, match="history.db-wal") as info:
        Store.open(data, backup=False)
    assert Path(f"{info.value.aside_path}-wal").stat().st_size > 0
    with Store.open(data, backup=False) as store:  # then the person starts afresh
        assert store.last_sessions(5, None) == []
    assert Path(f"{info.value.aside_path}-wal").stat().st_size > 0


def test_a_new_history_and_an_empty_wal_are_no_damage(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    history_db(data).write_bytes(b"")
    Path(f"{history_db(data)}-wal").write_bytes(b"")
    with Store.open(data, backup=False) as store:
        assert store.last_sessions(5, None) == []
    assert not list(data.glob("history.damaged-*"))


# -- restore and set_aside: side files travel, never deleted, never applied to another file --------


def test_restore_over_a_missing_history_keeps_its_wal_and_never_applies_it(tmp_path: Path) -> None:
    data = tmp_path / "data"
    seed(data, 4, backup=True)
    walled = crash_after(data, 3)
    history_db(data).unlink()
    wal = Path(f"{history_db(data)}-wal").read_bytes()
    result = restore_backup(data)
    assert result.replaced is not None and result.replaced.read_bytes() == wal
    assert all(holds(wal, r) for r in walled)
    with Store.open(data, backup=False) as store:  # the backup as it was: no answer of the old -wal
        assert sorted(a.response for a in store.answers()) == sorted(f"resp {i}" for i in range(4))


def test_restore_moves_every_side_file_with_the_history_it_replaces(tmp_path: Path) -> None:
    data = tmp_path / "data"
    seed(data, 4, backup=True)
    crash_after(data, 3)
    before = snapshot(data)
    result = restore_backup(data, force=True)
    assert result.replaced is not None
    for end in ("", "-wal", "-shm"):
        assert Path(f"{result.replaced}{end}").read_bytes() == before[f"history.db{end}"]


@pytest.mark.parametrize(
    "present", [("",), ("", "-wal"), ("", "-wal", "-shm", "-journal"), ("-wal",), ("-journal", "-shm")]
)
def test_set_aside_renames_every_file_and_deletes_none(tmp_path: Path, present: tuple[str, ...]) -> None:
    path = tmp_path / "history.db"
    for end in present:
        Path(f"{path}{end}").write_bytes(end.encode() or b"main")  # an empty name: the history itself
    (tmp_path / "history.db-wal.note").write_bytes(b"not ours")
    aside = set_aside(path, "damaged")
    base = aside if "" in present else next(Path(str(aside).removesuffix(e)) for e in SIDE if str(aside).endswith(e))
    assert aside.exists()
    assert {p.name for p in tmp_path.iterdir()} == {f"{base.name}{end}" for end in present} | {"history.db-wal.note"}
    for end in present:
        assert Path(f"{base}{end}").read_bytes() == (end.encode() or b"main")


# -- a state machine: whatever happens, no answer in a file quiz touched is ever gone --------------


class SideFileMachine(RuleBasedStateMachine):
    """A person studies (sometimes killed before the checkpoint), files are emptied or removed
    outside quiz, and quiz opens, restores and backs up; every answer that was in a file in the
    data folder when quiz touched it is still, byte for byte, in some file there."""

    def __init__(self) -> None:
        super().__init__()
        self.dir = Path(tempfile.mkdtemp(prefix="quiz-side-"))
        self.given = 0
        self.kept: set[str] = set()
        """Responses that must be in some file in the data folder (or its backups): every answer
        given, less those only in a file the person emptied or removed."""

    def teardown(self) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)

    def _present(self) -> set[str]:
        everything = b"".join(p.read_bytes() for p in self.dir.rglob("*") if p.is_file())
        return {r for r in self._all() if holds(everything, r)}

    def _all(self) -> list[str]:
        return [f"answer {i:05d}" for i in range(1, self.given + 1)]

    @rule(count=st.integers(1, 4), killed=st.booleans())
    def study(self, count: int, killed: bool) -> None:
        try:
            store = Store.open(self.dir, backup=False)
        except StoreError:  # set aside; the person starts afresh at the next open
            return
        sid = store.start_session("d", "quiz")
        for _ in range(count):
            self.given += 1
            response = f"answer {self.given:05d}"
            store.record_answer(sid, "d", "f", kind="typed", response=response, correct=True)
            self.kept.add(response)
        if killed:  # the files as a kill leaves them: the answers in the -wal alone
            left = {p.name: p.read_bytes() for p in self.dir.iterdir() if p.name.startswith("history.db")}
            store.close()
            for p in self.dir.iterdir():
                if p.name.startswith("history.db"):
                    p.unlink()
            for name, raw in left.items():
                (self.dir / name).write_bytes(raw)
        else:
            store.close()

    @rule(how=st.sampled_from(["empty", "remove", "remove -shm", "a journal"]))
    def outside(self, how: str) -> None:
        path = history_db(self.dir)
        with suppress(FileNotFoundError):
            if how == "empty":
                path.write_bytes(b"")
            elif how == "remove":
                path.unlink()
            elif how == "a journal":  # damaged: quiz refuses to open until restore sets it aside
                Path(f"{path}-journal").write_bytes(b"\x01" * 2048)
            else:
                Path(f"{path}-shm").unlink()
        self.kept = self._present()  # what the person removed is gone; what is left must stay

    @rule(what=st.sampled_from(["open", "restore", "restore --force", "backup"]))
    def quiz_does(self, what: str) -> None:
        with suppress(StoreError):
            if what.startswith("restore"):
                restore_backup(self.dir, force=what.endswith("--force"))
            elif what == "backup":
                with Store.open(self.dir, backup=False) as store:
                    store.backup(datetime.now(UTC))
            else:
                Store.open(self.dir, backup=False).close()

    @invariant()
    def nothing_quiz_touched_is_lost(self) -> None:
        missing = self.kept - self._present()
        assert not missing, sorted(missing)[:5]


SideFileMachine.TestCase.settings = settings(max_examples=25, stateful_step_count=12, deadline=None)
TestSideFiles = pytest.mark.slow(SideFileMachine.TestCase)


def test_sqlite_itself_deletes_the_wal_of_an_empty_history(tmp_path: Path) -> None:
    # SQLite's own behaviour this module guards against: any connection to an empty file deletes
    # its -wal. If this ever stops being true the guard is still right, but this says why it exists.
    path = tmp_path / "h.db"
    path.write_bytes(b"")
    Path(f"{path}-wal").write_bytes(b"x" * 4096)
    conn = sqlite3.connect(path)
    with suppress(sqlite3.Error):
        conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
    conn.close()
    assert not Path(f"{path}-wal").exists()


@pytest.mark.parametrize("history", ["empty", "missing"])
@pytest.mark.parametrize(
    "journal",
    [b"\x01" + b"x" * 4095, bytes.fromhex("d9d505f920a163d7") + b"\0" * 8 + (5).to_bytes(4, "big") + b"\0" * 4076],
    ids=["damaged", "of a database of 5 pages"],
)
def test_a_journal_beside_an_empty_or_missing_history_is_kept(tmp_path: Path, history: str, journal: bytes) -> None:
    data = tmp_path / "data"
    data.mkdir()
    if history == "empty":
        history_db(data).write_bytes(b"")
    Path(f"{history_db(data)}-journal").write_bytes(journal)
    with pytest.raises(DamagedDatabase, match="history.db-journal beside it, a rollback journal") as info:
        Store.open(data, backup=False)
    kept = info.value.aside_path
    assert Path(f"{kept}-journal" if history == "empty" else kept).read_bytes() == journal
    with Store.open(data, backup=False):  # then a fresh start
        pass
    assert any(p.read_bytes() == journal for p in data.iterdir() if p.is_file())


@pytest.mark.parametrize("magic", [bytes(8), bytes.fromhex("d9d505f920a163d7")], ids=["not yet synced", "synced"])
def test_the_journal_of_a_history_being_created_is_no_damage(tmp_path: Path, magic: bytes) -> None:
    # What SQLite writes while another quiz creates the history: a journal whose magic is still
    # zeros, or whose header says the database had no pages. Setting it aside would take the new
    # history from under that quiz (tests/test_store_processes.py creates one in 6 at once).
    data = tmp_path / "data"
    data.mkdir()
    history_db(data).write_bytes(b"")
    Path(f"{history_db(data)}-journal").write_bytes(magic + b"\0" * 8 + b"\0\0\0\0" + b"\0" * 492)
    with Store.open(data, backup=False) as store:
        assert store.last_sessions(5, None) == []
    assert not list(data.glob("history.damaged-*"))
