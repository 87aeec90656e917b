"""End to end: the installed `quiz` in a real terminal (a pty) studies five questions of the
built-in deck, quits, and the session is in `quiz history --json`."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import pty
import re
import select
import shutil
import struct
import subprocess
import termios
import time
from pathlib import Path

import pytest

from quiz.tui.settle import SETTLE_S

pytestmark = pytest.mark.slow  # a real terminal (pty) and the installed quiz

QUIZ = shutil.which("quiz")


class Terminal:
    """A child process on an 80x24 pseudo-terminal, fed keys like a person at a keyboard."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        self.proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True)
        os.close(slave)
        self.output = b""

    def drain(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            ready, _, _ = select.select([self.master], [], [], left)
            if not ready:
                continue
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output += chunk

    def wait_for(self, text: bytes | re.Pattern[bytes], timeout: float = 30) -> None:
        pattern = text if isinstance(text, re.Pattern) else re.compile(re.escape(text))
        end = time.monotonic() + timeout
        while not pattern.search(self.output) and time.monotonic() < end and self.proc.poll() is None:
            self.drain(0.2)
        assert pattern.search(self.output), f"never saw {pattern.pattern!r}"

    def wait_until_quiet(self, quiet: float, timeout: float = 30) -> None:
        """Return once the screen has not changed for `quiet` seconds (what is new is drawn)."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            before = len(self.output)
            self.drain(quiet)
            if len(self.output) == before:
                return
        raise AssertionError(f"the screen was still changing after {timeout} s")

    def read_to_end(self, timeout: float = 30) -> None:
        """Read what the child writes until it has ended."""
        end = time.monotonic() + timeout
        while self.proc.poll() is None and time.monotonic() < end:
            self.drain(0.2)
        self.drain(0.2)  # what it wrote last, up to the end of the terminal's output
        assert self.proc.poll() is not None, f"the child was still running after {timeout} s"

    def press(self, *keys: str) -> None:
        """Press keys as a person does: once the screen is drawn and has settled (quiz ignores keys
        for SETTLE_S after something new appears, so a double press never acts twice)."""
        for key in keys:
            self.wait_until_quiet(SETTLE_S + 0.1)
            os.write(self.master, {"enter": b"\r", "escape": b"\x1b"}.get(key, key.encode()))

    def answer(self, key: str, answered: int) -> None:
        """Choose option `key` as the `answered`-th answer, and say "Fairly sure" when asked how
        sure (quiz asks it for must-know facts); returns once the score counts the answer."""
        scored = re.compile(rb"Score \d of %d " % answered)
        self.press(key)
        self.wait_for(re.compile(scored.pattern + rb"|How sure are you\?"))
        if not scored.search(self.output):
            self.press("2")
            self.wait_for(scored)

    def close(self) -> int:
        try:
            code = self.proc.wait(timeout=30)
        finally:
            self.kill()
        return code

    def kill(self) -> None:
        """End the child if it is still there (a failed test must not leave it running)."""
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        with contextlib.suppress(OSError):
            os.close(self.master)


@pytest.mark.skipif(QUIZ is None, reason="the quiz command is not installed (pip install .)")
def test_study_five_questions_then_find_the_session_in_history(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    env = {**os.environ, "QUIZ_DATA_DIR": str(tmp_path / "data"), "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    argv = [QUIZ, "study", "rectal-cancer-stage-iv", "--mode", "multiple-choice", "--count", "5", "--seed", "7"]
    term = Terminal(argv, env)
    request.addfinalizer(term.kill)
    term.wait_for(b"Press Enter to start")
    term.press("enter")
    term.wait_for(b"Question 1 of 5")
    for answered in range(1, 6):
        # The progress line is redrawn whole whenever it changes: "Score R of N" after an answer.
        term.output = b""
        term.answer("1", answered)
        term.output = b""
        term.press("enter")
        if answered < 5:
            term.wait_for(re.compile(rb"Question %d of 5" % (answered + 1)))
    term.wait_for(b"Session finished")
    term.press("enter")
    assert term.close() == 0

    shown = subprocess.run([QUIZ, "history", "--json"], capture_output=True, text=True, env=env, check=True)
    [session] = json.loads(shown.stdout)["sessions"]
    assert session["deck_id"] == "rectal-cancer-stage-iv"
    assert session["mode"] == "multiple-choice"
    assert session["answered"] == 5 and session["finished_at"] is not None
