"""Nothing from a file or the history reaches a terminal raw: every command that prints deck or
answer text, run for real onto a terminal (a pty), sends no control character of that text; into a
pipe, data a command prints (a CSV) stays exact."""

from __future__ import annotations

import csv
import io
import os
import pty
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quiz.store import Store
from tests.tui_helpers import write_deck

pytestmark = pytest.mark.slow  # real processes

NOW = datetime(2026, 5, 6, 12, 0, tzinfo=UTC)
DECK_ID = "heart\x1b[31m"  # a colour change
RESPONSE = "resp\x1b]0;owned\x07 \x9b2J"  # a window title (OSC 0) and an 8-bit clear screen (C1 CSI)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A data folder whose history holds a deck id and an answer with escape sequences (a history
    copied from elsewhere, or written by another program), and a deck file beside it."""
    folder = tmp_path / "data"
    with Store.open(folder, backup=False) as store:
        sid = store.start_session(DECK_ID, "multiple-choice", "1", now=NOW)
        store.record_answer(sid, DECK_ID, "f1", kind="multiple_choice", response=RESPONSE, correct=False, now=NOW)
        store.finish_session(sid, now=NOW)
    write_deck(folder / "decks")
    return folder


def quiz(data: Path, *args: str, terminal: bool) -> bytes:
    """What `quiz ARGS` writes to standard output, onto a terminal (a pty) or into a pipe."""
    env = {**os.environ, "QUIZ_DATA_DIR": str(data), "XDG_CONFIG_HOME": str(data / "config"), "TERM": "xterm"}
    argv = [sys.executable, "-m", "quiz", *args]
    if not terminal:
        return subprocess.run(argv, stdout=subprocess.PIPE, stdin=subprocess.DEVNULL, env=env, check=True).stdout
    master, slave = pty.openpty()
    proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=slave, stderr=subprocess.DEVNULL, env=env)
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        out += chunk
    os.close(master)
    assert proc.wait(timeout=60) == 0
    return out


COMMANDS = [
    ["history", "export", "--csv", "-"],
    ["history", "--plain"],
    ["history", "--json"],
    ["decks"],
    ["decks", "--json"],
    ["preview", "{deck}"],
    ["export", "{deck}", "--format", "markdown", "-o", "-"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=[" ".join(c[:3]) for c in COMMANDS])
def test_onto_a_terminal_no_control_character_of_the_text_is_sent(data: Path, command: list[str]) -> None:
    args = [a.format(deck=data / "decks" / "kidney.toml") for a in command]
    out = quiz(data, *args, terminal=True).decode("utf-8")
    controls = {c for c in out if (ord(c) < 32 and c not in "\r\n\t") or 0x7F <= ord(c) <= 0x9F}
    assert controls == set()


def test_the_csv_onto_a_terminal_shows_the_escapes_and_into_a_pipe_keeps_them(data: Path) -> None:
    shown = quiz(data, "history", "export", "--csv", "-", terminal=True).decode("utf-8")
    assert "heart\\u001b[31m" in shown and "\\u009b2J" in shown
    exact = quiz(data, "history", "export", "--csv", "-", terminal=False).decode("utf-8")
    [row] = list(csv.DictReader(io.StringIO(exact, newline="")))
    assert (row["deck_id"], row["response"]) == (DECK_ID, RESPONSE)
    assert exact.endswith("\r\n")  # CSV's own line ends, as the file export writes them


def test_the_markdown_handout_onto_a_terminal_shows_a_bidi_mark_escaped_and_into_a_pipe_keeps_it(
    data: Path,
) -> None:
    """A deck in Hebrew or Arabic holds right-to-left marks (U+200F), which the loader accepts. `quiz
    export -o -` wrote them as "\\u200f" into a pipe too, so `> handout.md` was not the handout."""
    deck = data / "decks" / "kidney.toml"
    deck.write_text(deck.read_text(encoding="utf-8").replace("Canned soup often", "\u05d0\u200f Canned soup often", 1),
                    encoding="utf-8")  # fmt: skip
    args = ("export", str(deck), "--format", "markdown", "-o", "-")
    exact = quiz(data, *args, terminal=False).decode("utf-8")
    assert "\u05d0\u200f Canned soup often" in exact
    shown = quiz(data, *args, terminal=True).decode("utf-8")
    assert "\u05d0\\u200f Canned soup often" in shown and "\u200f" not in shown
