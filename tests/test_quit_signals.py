"""SIGTERM, SIGHUP (a closed terminal window) and ctrl+q quit cleanly: the terminal is given back,
the store is closed and the session is marked ended, with every answer kept. Real signals, real pty."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import pytest

from quiz.store import Store
from tests.test_end_to_end import Terminal

pytestmark = pytest.mark.slow  # real processes on a pty, real signals

ROOT = Path(__file__).resolve().parent.parent
LEAVE_ALT_SCREEN = b"\x1b[?1049l"
MOUSE_OFF = b"\x1b[?1000l"


def _study(tmp_path: Path, request: pytest.FixtureRequest) -> Terminal:
    env = {**os.environ, "QUIZ_DATA_DIR": str(tmp_path / "data"), "TERM": "xterm-256color", "PYTHONPATH": str(ROOT)}
    argv = [sys.executable, "-m", "quiz", "study", "rectal-cancer-stage-iv", "--mode", "multiple-choice",
            "--count", "5", "--seed", "7"]  # fmt: skip
    term = Terminal(argv, env)
    request.addfinalizer(term.kill)
    term.wait_for(b"Press Enter to start")
    term.press("enter")
    term.wait_for(b"Question 1 of 5")
    term.output = b""
    term.answer("1", 1)
    return term


def _session(tmp_path: Path) -> tuple[int, bool, bool]:
    with Store.open(tmp_path / "data", backup=False) as store:
        [s] = store.last_sessions()
        return s.answered, s.finished_at is not None, s.ended_early


@pytest.mark.parametrize("how", ["SIGTERM", "SIGHUP", "ctrl+q"])
def test_quitting_gives_the_terminal_back_and_ends_the_session(
    how: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    term = _study(tmp_path, request)
    term.output = b""
    if how == "ctrl+q":
        term.press("\x11")
    else:
        term.proc.send_signal(getattr(signal, how))
    term.read_to_end()
    code = term.close()
    assert code == (0 if how == "ctrl+q" else 128 + getattr(signal, how))
    assert LEAVE_ALT_SCREEN in term.output and MOUSE_OFF in term.output
    assert _session(tmp_path) == (1, True, True)


def test_a_closed_terminal_window_keeps_the_answers_and_ends_the_session(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    term = _study(tmp_path, request)
    os.close(term.master)  # the window is gone: the terminal can no longer be written to
    term.proc.send_signal(signal.SIGHUP)
    term.proc.wait(timeout=60)
    assert _session(tmp_path) == (1, True, True)


def test_a_byte_that_is_not_utf8_is_read_as_a_replacement_and_the_session_goes_on(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """What a terminal set to Latin-1 sends for "café" (0xE9 alone) ended the session mid-question
    with "the terminal stopped answering": Textual's input thread decodes strictly (a tester's
    report). It is read as U+FFFD, shown in the answer box, and the session goes on."""
    env = {**os.environ, "QUIZ_DATA_DIR": str(tmp_path / "data"), "TERM": "xterm-256color", "PYTHONPATH": str(ROOT)}
    argv = [sys.executable, "-m", "quiz", "study", "rectal-cancer-stage-iv", "--mode", "typed", "--count", "1"]
    term = Terminal(argv, env)
    request.addfinalizer(term.kill)
    term.wait_for(b"Press Enter to start")
    term.press("enter")
    term.wait_for(b"Question 1 of 1")
    term.drain(2.0)  # past the settle time; the answer box's blinking cursor is never quiet for 0.5 s
    term.output = b""
    os.write(term.master, b"caf\xe9s")  # the lone lead byte is known to be no UTF-8 at the "s"
    term.wait_for("\N{REPLACEMENT CHARACTER}s".encode())
    assert term.proc.poll() is None  # still studying
    term.press("\x11")  # ctrl+q
    term.read_to_end()
    assert term.close() == 0
    assert b"stopped answering" not in term.output
