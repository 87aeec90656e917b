"""Text from a file never reaches a terminal raw: visible() and every place that prints or draws it."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import regex
from hypothesis import given
from hypothesis import strategies as st

from quiz import untrusted
from quiz.deck.text import control_characters
from quiz.untrusted import visible

ROOT = Path(__file__).resolve().parent.parent
ESCAPE_DECK = Path(__file__).parent / "data" / "untrusted" / "escape-in-key.toml"

# Every character a terminal acts on, reorders by, or draws as nothing, from the `regex` module's
# Unicode tables (written apart from quiz.untrusted): controls (Cc), format characters (Cf, the
# bidirectional marks and controls among them), Default_Ignorable_Code_Point (tag characters,
# variation selectors, Hangul fillers, the combining grapheme joiner...), the line and paragraph
# separators, and lone surrogates (an undecodable file name), which cannot even be written to a
# UTF-8 terminal.
HIDDEN = regex.compile(r"[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\p{Zl}\p{Zp}\p{Cs}]")
EVERY_HIDDEN = [ch for ch in map(chr, range(0x110000)) if HIDDEN.match(ch)]
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]")
DANGEROUS = [chr(c) for c in [*range(0x20), 0x7F, *range(0x80, 0xA0)]] + list(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029"
)
SHOWN_AS_NOTHING = list(
    "\U000e0001\U000e0041\U000e007f\u206a\u206e\ufff9\ufffb\u115f\u1160\u3164\uffa0\u034f\u00ad\ufe0f\ufe0e"
    "\u200b\u200c\u200d\ufeff\u2060\u2061\u180e\u180b\u17b4\U0001d173\U0001bca0\U000e0100\u0600\U00013430"
)  # the tester's list (T1 item 4) and one of each other kind
KEPT_IN_PROSE = "\u200c\u200d\u180b\u180c\u180d\u180f" + "".join(
    map(chr, [*range(0xFE00, 0xFE10), *range(0xE0100, 0xE01F0)])
)
"""The joiners and variation selectors, which prose keeps where they belong to what is drawn."""
SEQUENCES = [
    "\x1b]8;;https://evil.example/\x07CLICK ME\x1b]8;;\x07",  # OSC 8 hidden hyperlink
    "\x1b]52;c;ZWNobyBwd25lZA==\x07",  # OSC 52 clipboard write
    "\x1b]0;pwned-title\x1b\\",  # OSC 0 window title, ST-terminated
    "\x1b[2J\x1b[?1049h",  # clear screen, alternate screen
    "\x9b31m\x9d0;t\x9c",  # the same through 8-bit C1 controls
    "abc\u202edcba\u2066x\u2069",  # Trojan Source reordering
    "note\U000e0001\U000e0069\U000e0067\U000e006e\U000e006f\U000e0072\U000e0065\u206e\ufff9\u115f\u034f\u00ad",
    "\U0001f469\u200d\u2695\ufe0f \u2764\ufe0f 1\ufe0f\u20e3 \U0001f3f3\ufe0f\u200d\U0001f308",  # emoji sequences
    "\u0915\u094d\u200d\u0937 \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",  # Devanagari ZWJ, Persian ZWNJ
]
texts = st.lists(
    st.sampled_from(DANGEROUS)
    | st.sampled_from(EVERY_HIDDEN)
    | st.characters()
    | st.sampled_from(SEQUENCES)
    | st.sampled_from(["\udc9b", "\ud800"])
).map("".join)


def _unescape(text: str) -> str:
    return json.loads(f'"{text}"') if text else text


def _raw_in_prose(shown: str) -> list[str]:
    """The hidden characters left raw in prose but those prose may keep: tab, newline, and a joiner
    or variation selector beside a drawn symbol or letter of a script without case (never after an
    ASCII character but a keycap's digit, nor at an end)."""
    raw = []
    for i, ch in enumerate(shown):
        if not HIDDEN.match(ch) or ch in "\t\n":
            continue
        beside = shown[i - 1 : i] + shown[i + 1 : i + 2]
        keycap = shown[i - 1 : i] in set("0123456789#*") and shown[i + 1 : i + 2] == "\u20e3"
        if ch in KEPT_IN_PROSE and i > 0 and (keycap or not shown[i - 1].isascii()) and not beside.isspace():
            continue
        raw.append(ch)
    return raw


@given(texts)
def test_nothing_a_terminal_acts_on_or_draws_as_nothing_survives(text: str) -> None:
    name, prose = visible(text), visible(text, lines=True)
    assert [ch for ch in name if HIDDEN.match(ch)] == []  # a name keeps none, tab and newline neither
    assert _raw_in_prose(prose) == []
    assert [ch for ch in prose if RAW.match(ch) and ch not in "\n\t"] == []  # a bidi control never
    for lines, shown in ((False, name), (True, prose)):
        assert visible(shown, lines=lines) == shown  # idempotent: escaping twice changes nothing


def test_every_hidden_character_is_escaped_in_a_name_and_beside_latin_letters_in_prose() -> None:
    """Each of Cc, Cf, Default_Ignorable_Code_Point, Zl, Zp and the surrogates, alone and between
    two letters, in a name and in prose (where tab and newline stay), written as its escape."""
    for ch in EVERY_HIDDEN:
        escape = f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else json.dumps(ch)[1:-1]  # JSON's surrogate pair
        assert visible(f"ab{ch}cd") == f"ab{escape}cd", hex(ord(ch))
        if ch not in "\t\n":
            assert visible(f"ab{ch}cd", lines=True) == f"ab{escape}cd", hex(ord(ch))
            assert visible(ch, lines=True) == escape and visible(f"\u2764{ch}") == f"\u2764{escape}"


def test_the_one_set_of_invisible_characters_is_unicodes() -> None:
    """quiz.untrusted.invisible() is Default_Ignorable_Code_Point with the format characters (Cf),
    and only they: the one home deck.text's as_seen and control_characters build on."""
    assert [ch for ch in map(chr, range(0x110000)) if untrusted.invisible().match(ch)] == [
        ch for ch in EVERY_HIDDEN if regex.match(r"[\p{Cf}\p{Default_Ignorable_Code_Point}]", ch)
    ]
    assert [ch for ch in DANGEROUS if control_characters().match(ch)] == [
        ch for ch in DANGEROUS if ch not in "\t\n\u061c\u200e\u200f\u2028\u2029"
    ]  # the loader takes the bidi marks (right-to-left text needs them) and the separators; shown escaped


def test_prose_keeps_a_joiner_or_selector_only_where_it_belongs_to_what_is_drawn() -> None:
    emoji = "\U0001f469\u200d\u2695\ufe0f \u2764\ufe0f 1\ufe0f\u20e3 \U0001f3f3\ufe0f\u200d\U0001f308"
    scripts = "\u0915\u094d\u200d\u0937 \u0645\u06cc\u200c\u062e"
    assert visible(emoji, lines=True) == emoji and visible(scripts, lines=True) == scripts
    assert visible("Bad\ufe0fX \u200dX\u200d \u2764 \ufe0f a\u200cb \u2764\U000e0041", lines=True) == (
        "Bad\\ufe0fX \\u200dX\\u200d \u2764 \\ufe0f a\\u200cb \u2764\\udb40\\udc41"
    )
    assert visible(emoji) == (  # a name keeps none: two names never read the same
        "\U0001f469\\u200d\u2695\\ufe0f \u2764\\ufe0f 1\\ufe0f\u20e3 \U0001f3f3\\ufe0f\\u200d\U0001f308"
    )


@given(texts)
def test_typed_text_holds_nothing_a_terminal_acts_on(text: str) -> None:
    """What a person types or pastes into a box (quiz.untrusted.typeable) keeps no control, no
    line break and nothing visible() would escape; its printable characters stay, in order."""
    kept = untrusted.typeable(text)
    assert visible(kept) == kept and untrusted.typeable(kept) == kept
    assert HIDDEN.search(kept) is None and "\n" not in kept and "\t" not in kept
    assert [ch for ch in kept if ch != " "] == [ch for ch in text if visible(ch) == ch and ch != " "]


def test_typed_text_keeps_words_apart_and_drops_controls() -> None:
    assert untrusted.typeable("ab\x07c\x1b[31md\x9be\u202ef") == "abc[31mdef"
    assert untrusted.typeable("5\tmg\r\nonce") == "5 mg once"
    assert untrusted.typeable("8 glasses") == "8 glasses"


def test_a_printable_text_without_a_character_shown_as_nothing_is_shown_as_it_is() -> None:
    """visible() returns a text untouched without searching it when str.isprintable() passes it and
    it holds none of the few printable characters that show as nothing (a Hangul filler, a
    variation selector): exact only while every other character it escapes is unprintable, which
    this checks for every code point."""
    printable = "".join(ch for ch in map(chr, range(0x110000)) if ch.isprintable())
    escaped = [ch for ch in printable if visible(ch) != ch]
    assert escaped == sorted(untrusted._shown_as_nothing())
    plain = "".join(ch for ch in printable if ch not in untrusted._shown_as_nothing())
    for lines in (False, True):
        assert visible(plain, lines=lines) is plain


@given(texts.filter(lambda t: "\\" not in t and '"' not in t and not re.search("[\ud800-\udfff]", t)))
def test_the_escape_says_which_character_was_there(text: str) -> None:
    for lines in (False, True):
        assert _unescape(visible(text, lines=lines).replace("\n", "\\n").replace("\t", "\\t")) == text


@given(texts.filter(lambda t: not re.search("[\ud800-\udfff]", t)))
def test_the_escape_keeps_json_valid(text: str) -> None:
    document = json.dumps({"t": text}, ensure_ascii=False)
    assert json.loads(visible(document, lines=True)) == {"t": text}


def test_every_dangerous_character_is_escaped() -> None:
    for ch in DANGEROUS:
        assert visible(ch) == f"\\u{ord(ch):04x}"
    assert visible("a\tb\nc", lines=True) == "a\tb\nc"


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
    assert b"control characters U+001B, U+0007" in outputs["import"]  # named, never echoed
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


def test_a_name_and_prose_show_the_characters_that_show_as_nothing() -> None:
    """A key, an id or a file name with a zero-width space, a word joiner or a byte-order mark in it
    looks like another name ('title' for 'ti<U+200B>tle'): it is shown with the escape, in a name
    and in prose alike (only an emoji's or a script's joiners and selectors stay in prose)."""
    for ch in "\u200b\u2060\u2061\u2064\ufeff\u180e\u00ad\u034f\u115f":
        assert visible(f"ti{ch}tle") == visible(f"ti{ch}tle", lines=True) == f"ti\\u{ord(ch):04x}tle"


def test_check_names_an_unknown_key_with_an_invisible_character_so_it_can_be_found(tmp_path: Path) -> None:
    deck = ESCAPE_DECK.read_text(encoding="utf-8")
    path = tmp_path / "zw.toml"
    path.write_text(deck.replace("[[facts]]\n", '[[facts]]\n"ke\u200by" = 1\n', 1), encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "quiz", "check", str(path)], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert 'unknown key "ke\\u200by"' in out.stdout + out.stderr
