"""Text from a file never reaches a terminal raw: visible() and every place that prints or draws it."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from quiz import untrusted
from quiz.deck.text import control_characters
from quiz.untrusted import visible

ROOT = Path(__file__).resolve().parent.parent
ESCAPE_DECK = Path(__file__).parent / "data" / "untrusted" / "escape-in-key.toml"

# Every character a terminal acts on or that reorders what it shows: C0 (but newline), DEL, C1, the
# bidirectional marks, embeddings, overrides and isolates, the line and paragraph separators, and
# lone surrogates (an undecodable file name), which cannot even be written to a UTF-8 terminal.
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]")
DANGEROUS = [chr(c) for c in [*range(0x20), 0x7F, *range(0x80, 0xA0)]] + list(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029"
)
SEQUENCES = [
    "\x1b]8;;https://evil.example/\x07CLICK ME\x1b]8;;\x07",  # OSC 8 hidden hyperlink
    "\x1b]52;c;ZWNobyBwd25lZA==\x07",  # OSC 52 clipboard write
    "\x1b]0;pwned-title\x1b\\",  # OSC 0 window title, ST-terminated
    "\x1b[2J\x1b[?1049h",  # clear screen, alternate screen
    "\x9b31m\x9d0;t\x9c",  # the same through 8-bit C1 controls
    "abc\u202edcba\u2066x\u2069",  # Trojan Source reordering
]
texts = st.lists(
    st.sampled_from(DANGEROUS) | st.characters() | st.sampled_from(SEQUENCES) | st.sampled_from(["\udc9b", "\ud800"])
).map("".join)


def _unescape(text: str) -> str:
    return re.sub(r"\\u([0-9a-f]{4})", lambda m: chr(int(m.group(1), 16)), text)


@given(texts)
def test_nothing_a_terminal_acts_on_survives(text: str) -> None:
    for lines in (False, True):
        shown = visible(text, lines=lines)
        allowed = "\n\t" if lines else ""
        assert [ch for ch in shown if RAW.match(ch) and ch not in allowed] == []
        assert visible(shown, lines=lines) == shown  # idempotent: escaping twice changes nothing


@given(texts)
def test_typed_text_holds_nothing_a_terminal_acts_on(text: str) -> None:
    """What a person types or pastes into a box (quiz.untrusted.typeable) keeps no control, no
    line break and nothing visible() would escape; its printable characters stay, in order."""
    kept = untrusted.typeable(text)
    assert visible(kept) == kept and untrusted.typeable(kept) == kept
    assert RAW.search(kept) is None and "\n" not in kept and "\t" not in kept
    assert [ch for ch in kept if ch != " "] == [ch for ch in text if visible(ch) == ch and ch != " "]


def test_typed_text_keeps_words_apart_and_drops_controls() -> None:
    assert untrusted.typeable("ab\x07c\x1b[31md\x9be\u202ef") == "abc[31mdef"
    assert untrusted.typeable("5\tmg\r\nonce") == "5 mg once"
    assert untrusted.typeable("8 glasses") == "8 glasses"


def test_a_printable_text_is_shown_as_it_is_as_nothing_printable_is_escaped() -> None:
    """visible() returns a printable text untouched without searching it: exact only while every
    character it escapes is unprintable (str.isprintable), which this checks for every code point."""
    printable = "".join(ch for ch in map(chr, range(0x110000)) if ch.isprintable())
    for lines in (False, True):
        assert re.search(untrusted._UNSAFE_LINES if lines else untrusted._UNSAFE, printable) is None
        assert visible(printable, lines=lines) is printable


@given(texts.filter(lambda t: "\\" not in t))
def test_the_escape_says_which_character_was_there(text: str) -> None:
    assert _unescape(visible(text)) == text


@given(texts.filter(lambda t: not re.search("[\ud800-\udfff]", t)))
def test_the_escape_keeps_json_valid(text: str) -> None:
    document = json.dumps({"t": text}, ensure_ascii=False)
    assert json.loads(visible(document, lines=True)) == {"t": text}


def test_every_dangerous_character_is_escaped_and_the_loader_rejects_the_controls() -> None:
    for ch in DANGEROUS:
        assert visible(ch) == f"\\u{ord(ch):04x}"
    assert visible("a\tb\nc", lines=True) == "a\tb\nc"
    assert [ch for ch in DANGEROUS if control_characters().match(ch)] == [
        ch for ch in DANGEROUS if ch not in "\t\n\u061c\u200e\u200f\u2028\u2029"
    ]


def _quiz(*args: str, data: Path, cwd: Path | None = None) -> bytes:
    done = subprocess.run(
        [sys.executable, "-m", "quiz", *args],
        capture_output=True,
        cwd=cwd or ROOT,
        env={"QUIZ_DATA_DIR": str(data), "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
        timeout=120,
    )
    return done.stdout + done.stderr


def _raw_controls(output: bytes) -> list[str]:
    return [ch for ch in output.decode("utf-8") if RAW.match(ch) and ch not in "\n"]


def test_cli_messages_show_escapes_from_key_names_file_names_and_header_rows(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "decks").mkdir(parents=True)
    shutil.copy(ESCAPE_DECK, data / "decks" / "x\x1b]0;title\x07y.toml")
    header = tmp_path / "cards.csv"
    header.write_text("front,back\x1b]52;c;eA==\x07\nq1,a1\n", encoding="utf-8")
    outputs = {
        "check": _quiz("check", str(ESCAPE_DECK), data=data),
        "check folder": _quiz("check", str(data / "decks"), data=data),
        "decks": _quiz("decks", data=data),
        "decks --json": _quiz("decks", "--json", data=data),
        "import": _quiz("import", str(header), "--no-header", "-o", str(tmp_path / "out.toml"), data=data),
        "preview": _quiz("preview", str(data / "decks" / "x\x1b]0;title\x07y.toml"), data=data),
    }
    for name, output in outputs.items():
        assert _raw_controls(output) == [], name
    assert b"\\u001b]8;;https://evil.example/" in outputs["check"]
    assert b"x\\u001b]0;title\\u0007y" in outputs["decks"]
    assert b"control character U+001B" in outputs["import"]  # named, never echoed
    shown = json.loads(outputs["decks --json"])["decks"]
    assert any(d["id"] == "x\x1b]0;title\x07y" for d in shown)  # JSON keeps the true name, escaped


async def test_home_draws_no_escape_from_a_deck_or_its_file_name(tmp_path: Path) -> None:
    from quiz.tui.app import QuizApp, Settings

    data = tmp_path / "data"
    (data / "decks").mkdir(parents=True)
    shutil.copy(ESCAPE_DECK, data / "decks" / "x\x1b]0;title\x07y.toml")
    app = QuizApp(Settings(data_dir=data, blink=False))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("DataTable")
        table.move_cursor(row=table.row_count - 1)
        await pilot.pause()
        screen = app.export_screenshot()
        assert "x\\u001b]0;title\\u0007y" in screen.replace("&#160;", " ")
    assert _raw_controls(screen.encode()) == []


def test_a_name_shows_the_characters_that_show_as_nothing() -> None:
    """A key, an id or a file name with a zero-width space, a word joiner or a byte-order mark in it
    looks like another name ('title' for 'ti<U+200B>tle'): as a name it is shown with the escape,
    in text of many lines it is left (as are the joiners some scripts and emoji need)."""
    for ch in "\u200b\u2060\u2061\u2064\ufeff\u180e":
        assert visible(f"ti{ch}tle") == f"ti\\u{ord(ch):04x}tle"
        assert visible(f"ti{ch}tle", lines=True) == f"ti{ch}tle"
    assert visible("क्\u200dष \U0001f469\u200d\u2695\ufe0f") == "क्\u200dष \U0001f469\u200d\u2695\ufe0f"


def test_check_names_an_unknown_key_with_an_invisible_character_so_it_can_be_found(tmp_path: Path) -> None:
    deck = ESCAPE_DECK.read_text(encoding="utf-8")
    path = tmp_path / "zw.toml"
    path.write_text(deck.replace("[[facts]]\n", '[[facts]]\n"ke\u200by" = 1\n', 1), encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "quiz", "check", str(path)], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert 'unknown key "ke\\u200by"' in out.stdout + out.stderr
