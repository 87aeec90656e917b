"""Nothing lost: the data folder, restore, an emptied history, backups and the files quiz writes.

Each test is one fault from issue 15, run against real files, real SQLite and real processes.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quiz.locks import try_lock
from quiz.paths import backups_dir, history_db
from quiz.store import KEEP_BACKUPS, DamagedDatabase, HistoryLocked, Store, list_backups
from quiz.store.answers_csv import export_csv
from quiz.store.restore import restore_backup

ROOT = Path(__file__).resolve().parent.parent
DAY = timedelta(days=1)
START = datetime(2026, 1, 5, 12, tzinfo=UTC)


def seed(data: Path, n: int, *, backup: bool = False, now: datetime = START) -> Path | None:
    """A history with `n` answers in one finished session, as the cases' seed.py writes it."""
    with Store.open(data, backup=False) as store:
        sid = store.start_session("rectal-cancer-stage-iv", "multiple-choice", "1", now=now)
        for i in range(n):
            store.record_answer(
                sid, "rectal-cancer-stage-iv", f"fact-{i % 30}", kind="multiple_choice",
                response=f"resp {i}", correct=i % 3 != 0, now=now,
            )  # fmt: skip
        store.finish_session(sid, now=now)
        return store.backup(now) if backup else None


def answers(data: Path) -> int:
    with Store.open(data, backup=False) as store:
        return sum(1 for _ in store.answers())


def quiz(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k != "QUIZ_DATA_DIR"}
    base["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        [sys.executable, "-m", "quiz", *args], capture_output=True, text=True, cwd=cwd,
        env={**base, **(env or {})}, timeout=120,
    )  # fmt: skip


# -- the data folder -------------------------------------------------------------------------------


def test_a_relative_data_folder_works_every_time(tmp_path: Path) -> None:
    first = quiz("--data-dir", "mydata", "history", "export", "--csv", "x.csv", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    for run in (
        quiz("--data-dir", "mydata", "history", "--plain", cwd=tmp_path),
        quiz("history", "--json", cwd=tmp_path, env={"QUIZ_DATA_DIR": "mydata"}),
        quiz("--data-dir", "./mydata/../mydata", "history", "export", "--csv", "y.csv", cwd=tmp_path),
    ):
        assert run.returncode == 0 and "unexpected" not in run.stderr, run.stderr
    seed(tmp_path / "mydata", 3, backup=True)
    [backup] = list_backups(tmp_path / "mydata")
    relative = os.path.relpath(backup, tmp_path)
    restored = quiz("--data-dir", "mydata", "history", "restore", "--backup", relative, cwd=tmp_path)
    assert restored.returncode == 0, restored.stderr
    assert answers(tmp_path / "mydata") == 3


def test_the_app_starts_on_a_relative_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from quiz.tui.run import make_app, run_app

    monkeypatch.chdir(tmp_path)
    seed(tmp_path / "mydata", 2)
    shown: list[str] = []

    async def look(pilot: object) -> None:
        app = pilot.app  # type: ignore[attr-defined]
        await pilot.pause()  # type: ignore[attr-defined]
        shown.append(type(app.screen).__name__)
        shown.append(str(app.store_problem))
        app.exit(0)

    for _ in range(2):
        app = make_app(argparse.Namespace(data_dir="mydata"))
        assert app.settings.data_dir.is_absolute()
        run_app(app, headless=True, size=(80, 24), auto_pilot=look)
    assert shown == ["HomeScreen", "None"] * 2


EVERY_COMMAND = [
    [],  # the app
    ["history", "--plain"],
    ["history", "--json"],
    ["history", "export", "--csv", "-"],
    ["history", "restore"],
    ["check"],
    ["decks"],
    ["study", "rectal-cancer-stage-iv", "--count", "1"],
    ["preview", "rectal-cancer-stage-iv"],
    ["export", "rectal-cancer-stage-iv", "-o", "out.apkg"],
    ["import", "cards.txt", "-o", "out.toml"],
]


@pytest.mark.parametrize("command", EVERY_COMMAND, ids=lambda c: " ".join(c) or "app")
@pytest.mark.parametrize("spelling", [["--data-dir", ""], ["--data-dir="]])
def test_an_empty_data_folder_option_is_a_usage_error_for_every_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    command: list[str], spelling: list[str],
) -> None:  # fmt: skip
    from quiz.cli import main
    from quiz.paths import data_dir

    monkeypatch.chdir(tmp_path)
    (tmp_path / "cards.txt").write_text("question\tanswer\n")
    default = data_dir()  # QUIZ_DATA_DIR, here in the test's folder (conftest): it stands for the real one
    seed(default, 3, backup=True)
    before = sorted(p.name for p in default.rglob("*"))
    for argv in (spelling + command, command + spelling) if command else (spelling,):
        assert main(argv) == 2, argv
        err = capsys.readouterr().err
        assert "usage: quiz" in err and "--data-dir: an empty DIR names no folder" in err, err
    assert sorted(p.name for p in default.rglob("*")) == before
    assert not (tmp_path / "out.apkg").exists() and not (tmp_path / "out.toml").exists()


def test_an_empty_data_folder_variable_is_the_same_as_unset(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from quiz.cli import main
    from quiz.paths import data_dir

    monkeypatch.delenv("QUIZ_DATA_DIR")
    default = data_dir()  # the platform's folder, under the test's own XDG_DATA_HOME (conftest)
    assert str(default).startswith(str(tmp_path))
    seed(default, 4)
    assert main(["history", "--json"]) == 0
    unset = json.loads(capsys.readouterr().out)
    monkeypatch.setenv("QUIZ_DATA_DIR", "")
    assert data_dir() == default
    assert main(["history", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == unset
    assert unset["sessions"][0]["answered"] == 4


def test_an_existing_folder_keeps_its_mode_with_a_warning_and_a_file_is_refused(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    run = quiz("--data-dir", "shared", "history", "--plain", cwd=tmp_path)
    assert run.returncode == 0
    assert "warning: other users can open the data folder" in run.stderr
    assert shared.stat().st_mode & 0o7777 == 0o1777
    afile = tmp_path / "afile"
    afile.write_text("mine\n", encoding="utf-8")
    afile.chmod(0o644)
    for folder in ("afile", "afile/data"):  # a file, or a folder to be made inside one
        for args in (("history", "--plain"), ("history", "export", "--csv", "x.csv"), ("study", "x.toml"), ("check",)):
            run = quiz("--data-dir", folder, *args, cwd=tmp_path)
            assert run.returncode == 1 and "afile: not a folder" in run.stderr and "Traceback" not in run.stderr, args
    assert afile.stat().st_mode & 0o777 == 0o644 and afile.read_text(encoding="utf-8") == "mine\n"
    quiz("--data-dir", "new/nested", "history", "export", "--csv", "x.csv", cwd=tmp_path)
    for folder in (tmp_path / "new", tmp_path / "new" / "nested"):
        assert folder.stat().st_mode & 0o777 == 0o700


# -- restore ---------------------------------------------------------------------------------------


def test_restore_refuses_the_history_itself_and_changes_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    seed(data, 12)
    before = sorted(p.name for p in data.iterdir())
    for own in ("history.db", "history.db-wal"):
        if (data / own).exists():
            env = {"QUIZ_DATA_DIR": str(data)}
            run = quiz("history", "restore", "--backup", str(data / own), cwd=tmp_path, env=env)
            assert run.returncode == 1 and "the score history itself" in run.stderr
    assert sorted(p.name for p in data.iterdir()) == before
    assert answers(data) == 12


def test_restore_skips_unreadable_and_damaged_backups(tmp_path: Path) -> None:
    data = tmp_path / "data"
    seed(data, 5, backup=True, now=START)
    sound = list_backups(data)[0]
    later = backups_dir(data) / "history-20260107T120000000000Z.db"
    later.mkdir()  # cannot be read as a file (a root-owned 0000 file is readable by root)
    damaged = backups_dir(data) / "history-20260108T120000000000Z.db"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 200)
    restored = restore_backup(data)
    assert restored.backup == sound
    assert answers(data) == 5


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file whatever its mode")
def test_restore_skips_a_backup_without_read_permission(tmp_path: Path) -> None:
    data = tmp_path / "data"
    seed(data, 5, backup=True, now=START)
    sound = list_backups(data)[0]
    newest = backups_dir(data) / "history-20260107T120000000000Z.db"
    shutil.copy(sound, newest)
    newest.chmod(0)
    assert restore_backup(data).backup == sound


def test_restore_refuses_while_another_quiz_has_the_history_open(tmp_path: Path) -> None:
    data = tmp_path / "data"
    seed(data, 4, backup=True)
    seed(data, 3)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys; from quiz.store import Store; s = Store.open(sys.argv[1], backup=False);"
         "print('open', flush=True); sys.stdin.read()", str(data)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        with pytest.raises(HistoryLocked, match="open in another quiz"):
            restore_backup(data)
        assert not list(data.glob("history.replaced-*"))
    finally:
        holder.communicate("", timeout=60)
    assert answers(data) == 7
    restore_backup(data, force=True)  # the 3 answers after the backup are in the history alone
    assert answers(data) == 4


# -- an emptied history ----------------------------------------------------------------------------


def test_an_emptied_history_is_set_aside_and_the_backup_offered(tmp_path: Path) -> None:
    data = tmp_path / "data"
    backup = seed(data, 10, backup=True)
    assert backup is not None
    history_db(data).write_bytes(b"")
    run = quiz("history", "--json", cwd=tmp_path, env={"QUIZ_DATA_DIR": str(data)})
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "it is empty, while the backup" in run.stderr and backup.name in run.stderr
    assert "quiz history restore" in run.stderr
    [aside] = data.glob("history.emptied-*.db")
    assert aside.stat().st_size == 0
    restored = quiz("history", "restore", cwd=tmp_path, env={"QUIZ_DATA_DIR": str(data)})
    assert restored.returncode == 0, restored.stderr
    shown = quiz("history", "--json", cwd=tmp_path, env={"QUIZ_DATA_DIR": str(data)})
    assert json.loads(shown.stdout)["sessions"][0]["answered"] == 10


def test_a_history_much_smaller_than_its_backup_is_set_aside(tmp_path: Path) -> None:
    data = tmp_path / "data"
    seed(data, 1)
    old = shutil.copy(history_db(data), tmp_path / "old.db")  # an old copy of this history
    seed(data, 599, backup=True, now=datetime.now(UTC) + timedelta(seconds=1))
    for extra in ("", "-wal", "-shm"):
        history_db(data).with_name(f"history.db{extra}").unlink(missing_ok=True)
    shutil.copy(old, history_db(data))  # copied back over it by hand
    with pytest.raises(DamagedDatabase, match="it holds 1 answer, while the backup"):
        Store.open(data, backup=False)


def test_a_fresh_start_after_an_emptied_history_is_not_set_aside_again(tmp_path: Path) -> None:
    data = tmp_path / "data"
    seed(data, 50, backup=True, now=START)
    history_db(data).write_bytes(b"")
    with pytest.raises(DamagedDatabase):
        Store.open(data, backup=False)
    seed(data, 1, now=datetime.now(UTC))  # "start fresh": a new history
    assert answers(data) == 1  # opened twice more without being set aside
    assert len(list(data.glob("history.emptied-*.db"))) == 1


@pytest.mark.parametrize("per_day", [0, 1, 5])
def test_rotation_keeps_the_backup_of_an_emptied_history_however_many_a_fresh_one_holds(
    tmp_path: Path, per_day: int
) -> None:
    # The case rel-zero-byte-history, carried on: the fresh history's daily backups hold none of
    # the emptied one's answers, and with 5 a day soon more of them; its one backup must stay.
    data = tmp_path / "data"
    first = seed(data, 10, backup=True, now=START)
    history_db(data).write_bytes(b"")
    with pytest.raises(DamagedDatabase):
        Store.open(data, backup=False)
    now = datetime.now(UTC)
    with Store.open(data, backup=False) as store:  # the person starts afresh and studies daily
        for day in range(KEEP_BACKUPS + 2):  # 9 days: 0, 9 or 45 answers
            sid = store.start_session("d", "quiz", now=now)
            for _ in range(per_day):
                store.record_answer(sid, "d", "f", kind="typed", response="x", correct=True, now=now)
            store.finish_session(sid, now=now)
            store.backup(now + day * DAY)
    kept = list_backups(data)
    assert first in kept and len(kept) == KEEP_BACKUPS + 1
    if per_day <= 1:
        assert restore_backup(data, force=True).backup == first  # the most answers


def test_rotation_keeps_only_the_newest_backup_of_an_earlier_history(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Store.open(data, backup=False) as store:  # the first history, backed up daily
        sid = store.start_session("d", "quiz", now=START)
        for day in range(KEEP_BACKUPS + 2):
            store.record_answer(sid, "d", "f", kind="typed", response=f"old {day}", correct=True, now=START)
            store.backup(START + day * DAY)
        store.finish_session(sid, now=START)
    newest_old = list_backups(data)[0]
    history_db(data).write_bytes(b"")
    with pytest.raises(DamagedDatabase):
        Store.open(data, backup=False)
    later = START + 30 * DAY
    with Store.open(data, backup=False) as store:
        sid = store.start_session("d", "quiz", now=later)
        for day in range(KEEP_BACKUPS + 2):
            store.record_answer(sid, "d", "f", kind="typed", response=f"new {day}", correct=True, now=later)
            store.backup(later + day * DAY)
    kept = list_backups(data)
    assert kept[KEEP_BACKUPS:] == [newest_old]


def test_rotation_keeps_the_newer_backup_a_history_restored_from_an_older_one_parted_from(tmp_path: Path) -> None:
    # Restoring an older backup of the same history: its answer ids go on from there, so the
    # newer backup's later answers are in no other file, whatever the counts say.
    data = tmp_path / "data"
    with Store.open(data, backup=False) as store:
        sid = store.start_session("d", "quiz", now=START)
        store.record_answer(sid, "d", "f", kind="typed", response="one", correct=True, now=START)
        older = store.backup(START)
        for i in range(5):
            store.record_answer(sid, "d", "f", kind="typed", response=f"later {i}", correct=True, now=START + DAY)
        newer = store.backup(START + DAY)
        store.finish_session(sid, now=START + DAY)
    restore_backup(data, older, force=True)
    with Store.open(data, backup=False) as store:
        sid = store.start_session("d", "quiz", now=START + 2 * DAY)
        for day in range(KEEP_BACKUPS + 2):  # more answers than `newer` holds, from the first day on
            when = START + (2 + day) * DAY
            for i in range(6):
                store.record_answer(sid, "d", "f", kind="typed", response=f"after {day} {i}", correct=True, now=when)
            store.backup(when)
    kept = list_backups(data)
    assert newer in kept and older not in kept and len(kept) == KEEP_BACKUPS + 1


def test_a_restored_backup_of_an_earlier_history_is_not_taken_for_an_emptied_one(tmp_path: Path) -> None:
    # The person restores the history they had before a fresh start; the fresh one's backups hold
    # far more answers, but none of its own: the restored history opens, it is not set aside.
    data = tmp_path / "data"
    with Store.open(data, backup=False):
        pass
    with sqlite3.connect(history_db(data)) as conn:  # the first history began a day before the fresh one
        conn.execute("UPDATE meta SET value = value - 86400 WHERE key = 'began'")
    conn.close()
    now = datetime.now(UTC)  # backups are named by this time: after both histories began
    earlier = seed(data, 10, backup=True, now=now)
    history_db(data).write_bytes(b"")
    with pytest.raises(DamagedDatabase):
        Store.open(data, backup=False)
    seed(data, 200, backup=True, now=now + DAY)
    restore_backup(data, earlier, force=True)
    assert answers(data) == 10
    assert not list(data.glob("history.emptied-*.db"))[1:]  # only the first, emptied by hand


# -- backups: one process at a time, no stale temporary files --------------------------------------


def test_a_backup_left_half_written_is_removed_at_the_next_start(tmp_path: Path) -> None:
    data = tmp_path / "data"
    seed(data, 3, backup=True)
    stale = backups_dir(data) / ".history-20260101T000000000000Z.db.tmp"
    stale.write_bytes(b"\0" * 4096)
    with try_lock(backups_dir(data) / ".backup.lock") as mine:  # another quiz is backing up now
        assert mine
        Store.open(data, backup=False).close()
        assert stale.exists()
    Store.open(data, backup=False).close()
    assert not stale.exists()


def test_backups_are_taken_by_one_process_at_a_time(tmp_path: Path) -> None:
    data = tmp_path / "data"
    seed(data, 20, backup=True, now=START)
    seed(data, 5, now=START)  # changed since, and the backup is days old: one is due
    with try_lock(backups_dir(data) / ".backup.lock") as mine, Store.open(data, backup=False) as store:
        assert mine and store.backup_due()
        assert store.backup_if_due() is None  # another process holds the lock: it is being done
        with pytest.raises(HistoryLocked, match="another quiz is writing a backup"):
            store.backup()
    opener = "import sys; from quiz.store import Store; Store.open(sys.argv[1]).close()"
    procs = [subprocess.Popen([sys.executable, "-c", opener, str(data)], cwd=ROOT) for _ in range(3)]
    assert [p.wait(timeout=120) for p in procs] == [0, 0, 0]
    assert len(list_backups(data)) == 2


LIMITED_EXPORT = """
import resource, signal, sys
from pathlib import Path
from quiz.store.answers_csv import export_csv
from quiz.store import Store
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG, as on a full disk
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[3]), int(sys.argv[3])))
with Store.open(Path(sys.argv[1]), backup=False) as store:
    try:
        export_csv(store, Path(sys.argv[2]), force=True)
    except OSError as err:  # quiz.files.WriteError, an OSError that names the file
        print("failed", err.errno)
"""


@pytest.mark.slow
def test_an_export_that_fails_leaves_the_earlier_export_whole(tmp_path: Path) -> None:
    data = tmp_path / "data"
    seed(data, 5)
    out = tmp_path / "answers.csv"
    with Store.open(data, backup=False) as store:
        assert export_csv(store, out) == 5
    earlier = out.read_bytes()
    assert out.stat().st_mode & 0o777 == 0o600
    seed(data, 2000)
    run = subprocess.run(
        [sys.executable, "-c", LIMITED_EXPORT, str(data), str(out), "200000"],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )  # fmt: skip
    assert run.stdout.startswith("failed"), run.stderr
    assert out.read_bytes() == earlier
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


# -- the WAL and closing ---------------------------------------------------------------------------


def test_answers_survive_a_wal_deleted_under_the_open_history(tmp_path: Path) -> None:
    data = tmp_path / "data"
    store = Store.open(data, backup=False)
    sid = store.start_session("d", "quiz")
    for i in range(30):
        store.record_answer(sid, "d", f"f{i}", kind="typed", response="x", correct=True)
    Path(f"{history_db(data)}-wal").unlink()
    store.record_answer(sid, "d", "late", kind="typed", response="x", correct=True)
    assert store.checkpoint() is False  # the caller warns
    store.record_answer(sid, "d", "after", kind="typed", response="x", correct=True)
    assert store.checkpoint() is True
    os.close(os.open(history_db(data), os.O_RDONLY))
    store._conn.close()  # as a kill would leave it: no orderly close
    assert answers(data) == 32


def test_closing_ends_the_sessions_it_started(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Store.open(data, backup=False) as store:
        done = store.start_session("d", "quiz")
        store.finish_session(done)
        cut = store.start_session("d", "quiz")
        store.record_answer(cut, "d", "f", kind="typed", response="x", correct=True)
    with Store.open(data, backup=False) as store:
        sessions = {s.id: s for s in store.last_sessions()}
    assert sessions[done].finished_at is not None and not sessions[done].ended_early
    assert sessions[cut].finished_at is not None and sessions[cut].ended_early
    assert sqlite3.connect(history_db(data)).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


LIMITED_BACKUP = """
import resource, signal, sys
from pathlib import Path
from quiz.store import Store
store = Store.open(Path(sys.argv[1]), backup=False)
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG, as on a full disk
resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))
try:
    store.backup()
except Exception as err:
    print("failed", type(err).__name__)
"""


@pytest.mark.slow
def test_a_backup_that_fails_on_a_full_disk_leaves_no_temporary_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    earlier = seed(data, 300, backup=True, now=START)
    assert earlier is not None
    run = subprocess.run(
        [sys.executable, "-c", LIMITED_BACKUP, str(data)], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert run.stdout.startswith("failed"), run.stdout + run.stderr
    assert [p.name for p in backups_dir(data).iterdir() if p.name != ".backup.lock"] == [earlier.name]
