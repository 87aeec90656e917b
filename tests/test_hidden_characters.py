"""No character that shows as nothing or that a terminal acts on (tests.hidden_deck.HIDDEN) reaches
the terminal raw from a deck, a key or a file name: in every command that prints deck text, and on
every screen of the app (T1 items 4 and 5; case rel-escape-in-key)."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from contextlib import suppress
from pathlib import Path

import pytest

from tests.hidden_deck import ACCEPTED, SHOWN_AS_NOTHING, hidden_deck, hidden_keys, raw

pytestmark = pytest.mark.slow  # real processes

ROOT = Path(__file__).resolve().parent.parent
FILE_NAME = f"n{SHOWN_AS_NOTHING}ame.toml"
HANDOUT = FILE_NAME.removesuffix(".toml") + ".md"
"""The export's file: Markdown is written only into a name of its own (not *.toml, 38400ab)."""


def quiz(data: Path, *args: str, terminal: bool = False) -> str:
    """Standard output and error of `quiz ARGS`, onto a terminal (a pty) or into a pipe."""
    env = {**os.environ, "QUIZ_DATA_DIR": str(data), "XDG_CONFIG_HOME": str(data / "config"), "TERM": "xterm"}
    argv = [sys.executable, "-m", "quiz", *args]
    if not terminal:
        done = subprocess.run(argv, capture_output=True, stdin=subprocess.DEVNULL, env=env, cwd=ROOT, timeout=120)
        return (done.stdout + done.stderr).decode("utf-8", "surrogateescape")
    master, slave = pty.openpty()
    proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=slave, stderr=slave, env=env, cwd=ROOT)
    os.close(slave)
    chunks = []
    with os.fdopen(master, "rb", buffering=0) as terminal, suppress(OSError):  # EIO: the child closed it
        while chunk := terminal.read(65536):
            chunks.append(chunk)
    proc.wait(timeout=120)
    return b"".join(chunks).decode("utf-8", "surrogateescape")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A data folder with the hidden deck under a file name holding the same characters, and a deck
    whose unknown keys hold them."""
    decks = tmp_path / "data" / "decks"
    decks.mkdir(parents=True)
    (decks / FILE_NAME).write_text(hidden_deck(), encoding="utf-8")
    (decks / "keys.toml").write_text(hidden_keys(), encoding="utf-8")
    return tmp_path / "data"


def test_every_command_shows_hidden_characters_escaped(data: Path, tmp_path: Path) -> None:
    deck, keys = str(data / "decks" / FILE_NAME), str(data / "decks" / "keys.toml")
    checked = quiz(data, "check", deck)
    assert "all valid" in checked  # the loader takes them in every text, as it did
    outputs = {
        "check": checked,
        "check keys": quiz(data, "check", keys),
        "check folder": quiz(data, "check", str(data / "decks")),
        "decks": quiz(data, "decks"),
        "decks --json": quiz(data, "decks", "--json"),
        "export -o": quiz(data, "export", deck, "--format", "markdown", "-o", str(tmp_path / HANDOUT)),
        "export tty": quiz(data, "export", deck, "--format", "markdown", "-o", "-", terminal=True),
        "check tty": quiz(data, "check", keys, terminal=True),
    }
    for kind in ("multiple-choice", "flashcard", "typed", "fill-blank", "true-false", "match"):
        outputs[f"preview {kind}"] = quiz(data, "preview", deck, "--kind", kind)
        outputs[f"preview --json {kind}"] = quiz(data, "preview", "--json", deck, "--kind", kind)
    for name, output in outputs.items():
        assert raw(output) == [], name
        assert "Traceback" not in output, name
    assert outputs["check keys"].count('unknown key "answer\\udb40\\udc01\\udb40\\udc41') == 3
    shown = json.loads(outputs["decks --json"])["decks"]
    assert {d["title"] for d in shown} >= {f"Title{ACCEPTED}z"}  # JSON keeps the true text, escaped
    assert json.loads(outputs["preview --json match"])["deck"]["title"] == f"Title{ACCEPTED}z"
    assert f"Desc{ACCEPTED}z" in (tmp_path / HANDOUT).read_text(encoding="utf-8")  # a file keeps it exact


def test_a_title_is_read_as_prose_on_one_line(data: Path) -> None:
    """A deck title is read, not matched: as in prose an emoji keeps its variation selector and a
    Persian word its non-joiner (a tester: they were escaped, and the titles unreadable), while a
    tag character, a zero-width space beside a Latin letter and a tab are escaped."""
    deck = data / "decks" / "heart.toml"
    persian = "\\u0645\\u06cc\\u200c\\u062e\\u0648\\u0627\\u0647\\u0645"
    title = f"Heart \\u2764\\uFE0F health {persian} a\\u200bb\\tc\\U000E0001"
    deck.write_text(hidden_deck("").replace('id = "hidden"', 'id = "heart"').replace(
        'title = "Titlez"', f'title = "{title}"'), encoding="utf-8")  # fmt: skip
    listed = quiz(data, "decks")
    assert "heart  Heart \u2764\ufe0f health \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645" in listed
    assert "a\\u200bb\\u0009c\\udb40\\udc01" in listed
