"""Parse and validate a deck file, collecting every problem with its line and column."""

from __future__ import annotations

import codecs
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.deck.errors import DeckError, Problem
from quiz.deck.model import (
    Deck,
)
from quiz.deck.text import (
    CONTROL_ESCAPE,
    NotUTF8,
    control_character,
    control_characters,
    decode,
    position,
)

if TYPE_CHECKING:
    from quiz.deck.positions import Positions

# tomli and quiz.deck.locate are imported where a deck's text is parsed: a deck read back from the
# cache (quiz.deck.cache), as at every start of the app, needs neither.

MAX_BYTES = 8 * 1024 * 1024
"""The largest deck file accepted (8 MiB: about 15,000 facts of patient text)."""
EMPTY = "the file is empty: a deck needs format = 1, a [deck] table and [[facts]]"
CR_LINES = (
    "the lines of this file end with a carriage return (CR) alone, as old Mac files do, which TOML does not "
    "read: save it with LF or CR LF line endings (an editor's line-endings setting)"
)


def parse_deck(text: str, path: Path | str = "<deck>") -> Deck:
    """Turn the text of a deck file into a Deck, or raise DeckError listing every problem.

    Problems always carry their line and column: the text is scanned for where its keys are
    (quiz.deck.locate) only when it has a problem. parse_with_positions also gives a valid
    deck's positions, for authoring advice.
    """
    path = Path(path)
    unix = text.replace("\r\n", "\n") if "\r" in text else text  # a lone CR is refused; CR LF ends a line
    if "\r" in unix and "\n" not in unix:  # every line ends with CR alone: one problem, not one a line
        raise DeckError([Problem(path, 1, None, CR_LINES)])
    if control_characters().search(unix):
        raise DeckError(_with_control_characters(unix, path))
    del unix  # a copy of a large file's text, when it has CR LF line ends
    if not text.strip():
        raise DeckError([Problem(path, None, None, EMPTY)])
    import tomli

    from quiz.deck.locate import Layout, locate
    from quiz.deck.validate import build

    try:
        data = tomli.loads(text)
    except tomli.TOMLDecodeError as err:
        from quiz.deck.syntax import describe

        msg = getattr(err, "msg", str(err))
        line, col, plain = describe(text, msg, getattr(err, "lineno", None), getattr(err, "colno", None))
        raise DeckError([Problem(path, line, col, plain)]) from None
    except RecursionError:
        raise DeckError([Problem(path, None, None, "the file nests tables or lists too deeply to read")]) from None
    if not data:
        raise DeckError([Problem(path, None, None, EMPTY)])
    # The text holds no control character: its strings can hold one only through an escape.
    controls = CONTROL_ESCAPE.search(text) is not None
    try:
        return build(data, path, Layout(), controls=controls)
    except DeckError:
        pass
    # Parsed and built again, the text's layout found, so that every problem says where it is
    # (the first build let go of the tables it checked): the cost falls on a deck with a problem.
    return build(tomli.loads(text), path, locate(text), controls=controls)


MAX_CONTROL_PROBLEMS = 20
"""Raw control characters named one by one in a file's problems; the rest are counted."""


def _with_control_characters(unix: str, path: Path) -> list[Problem]:
    """Every problem of a deck text (LF line ends) that holds raw control characters: each of them
    (up to MAX_CONTROL_PROBLEMS, then a count), then the deck's other problems, found with each
    control character read as a space ("all problems at once": one stray BEL hid eleven others).
    Where the text so read is not TOML on a line that holds a control character, or the line
    after it, the control characters are the problems said: what TOML says there is theirs. A
    problem at a control character's own place is not said twice."""
    import tomli

    controls = control_characters()
    named: list[Problem] = []
    lines: set[int] = set()  # each line holding one, and the line after it (where TOML may notice it)
    line, at, count = 1, 0, 0
    for count, m in enumerate(controls.finditer(unix), start=1):  # one pass: a file may hold millions
        line, at = line + unix.count("\n", at, m.start()), m.start()
        lines |= {line, line + 1}
        if count <= MAX_CONTROL_PROBLEMS:
            named.append(Problem(path, *position(unix, at), f"the file {control_character(m.group())}"))
    problems = list(named)
    if count > MAX_CONTROL_PROBLEMS:
        more = count - MAX_CONTROL_PROBLEMS
        problems.append(Problem(path, None, None, f"and {more} more control characters, which are not allowed"))
    spaced = controls.sub(" ", unix)
    try:
        tomli.loads(spaced)
    except tomli.TOMLDecodeError as err:
        if getattr(err, "lineno", None) in lines:
            return problems
    except RecursionError:
        return problems
    try:
        parse_deck(spaced, path)
    except DeckError as err:
        places = {(p.line, p.col) for p in named}
        problems += [p for p in err.problems if (p.line, p.col) not in places and p.message != EMPTY]
    return sorted(problems, key=lambda p: (p.line is None, p.line or 0, p.col or 0))


def parse_with_positions(text: str, path: Path | str = "<deck>") -> tuple[Deck, Positions]:
    """parse_deck, and where the deck's facts and topics were written (found only when asked)."""
    from quiz.deck.positions import Positions

    deck = parse_deck(text, path)
    return deck, Positions(text, facts=len(deck.facts))


def read_with_positions(path: Path | str) -> tuple[Deck, Positions]:
    """load_deck (without the cache), and where the deck's facts and topics were written.

    Raises DeckError as load_deck does.
    """
    path = Path(path)
    return parse_with_positions(_decode(read_bounded(path), path), path)  # the bytes let go of once decoded


def load_deck(path: Path | str, *, cache: Path | None = None, key: str | None = None) -> Deck:
    """Read a deck file and return the Deck, or raise DeckError listing every problem.

    With `cache` (a folder), a deck whose bytes were loaded before is read back from there
    instead of being parsed and validated again. `key` is the file's cache key when the caller
    has just taken it (quiz.deck.cache.file_key), so a large file is not hashed twice.
    """
    path = Path(path)
    if cache is not None:
        from quiz.deck import cache as deck_cache

        with _file_problems(path):
            _check_file(path)  # before file_key, which reads the file through to its end
            cached = deck_cache.read(key or deck_cache.file_key(path), cache, path)
        if cached is not None:
            return cached
    raw = read_bounded(path)
    # Keyed by the bytes parsed, not by the hash taken before: an edit saved between the two
    # reads must not file the new deck under the old text's key.
    key = deck_cache.bytes_key(raw) if cache is not None else ""
    text = _decode(raw, path)
    del raw  # not held while the text is parsed
    deck = parse_deck(text, path)
    if cache is not None:
        deck_cache.write(key, deck, cache)
    return deck


@contextmanager
def _file_problems(path: Path) -> Iterator[None]:
    """A file that cannot be read becomes a DeckError saying why."""
    try:
        yield
    except IsADirectoryError:
        raise DeckError([Problem(path, None, None, "is a folder, not a deck file")]) from None
    except OSError as err:
        raise DeckError([Problem(path, None, None, f"cannot read the file: {err.strerror or err}")]) from None


def _too_large(path: Path, size: str, limit: int) -> DeckError:
    message = f"the file is {size}; decks may be at most {limit // 1048576} MiB (split it into several decks)"
    return DeckError([Problem(path, None, None, message)])


def _check_file(path: Path, limit: int = MAX_BYTES) -> None:
    """Refuse, before a byte is read, a folder, what is not a regular file, and a file larger than
    `limit` bytes. A pipe or a device (a FIFO, /dev/zero, `<(command)`) has no size to check and
    may never end, or never start: opening a FIFO waits for a writer. So it is refused as it is."""
    info = path.stat()
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(path)
    if not stat.S_ISREG(info.st_mode):
        raise DeckError(
            [
                Problem(
                    path,
                    None,
                    None,
                    "is not a regular file but a pipe, a device or a socket, which may never end; "
                    "save what it holds to a file, and give that",
                )
            ]
        )
    if info.st_size > limit:
        raise _too_large(path, f"{info.st_size / 1048576:.1f} MiB", limit)


def read_bounded(path: Path | str, limit: int = MAX_BYTES) -> bytes:
    """A file's bytes, of which at most `limit` + 1 are ever read: the one way a deck file (or a
    file `quiz import` reads) is read. DeckError, its one problem saying why, for a folder, what
    is not a regular file (_check_file), a file larger than `limit` bytes (by its size, or by what
    could be read, should it grow in between), or a file that cannot be read."""
    path = Path(path)
    with _file_problems(path):
        _check_file(path, limit)
        with path.open("rb") as src:
            raw = src.read(limit + 1)
    if len(raw) > limit:
        raise _too_large(path, f"larger than {limit // 1048576} MiB", limit)
    return raw


UTF16_SAMPLE = 8192
"""Bytes read to tell UTF-16 text without its byte-order mark (utf16_order)."""
UTF16_MARKS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def utf16_order(raw: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" where the bytes look like UTF-16 text without its byte-order mark,
    as some Windows tools save a table: an even number of bytes whose first 8 KiB have a NUL as
    the high byte of at least half their characters (Latin letters, digits, tabs, line breaks) and
    none as the low one; else None. (With the mark, the reader knows; without it, only text mostly
    in Latin letters can be told from binary data.)"""
    sample = raw[:UTF16_SAMPLE]
    if len(raw) % 2 or len(sample) < 4:
        return None
    units = len(sample) // 2
    for order, high, low in (("utf-16-le", sample[1::2], sample[0::2]), ("utf-16-be", sample[0::2], sample[1::2])):
        if high.count(0) * 2 >= units and low.count(0) == 0:
            return order
    return None


def is_utf16(raw: bytes) -> bool:
    """Whether the bytes are UTF-16 text, with its byte-order mark (UTF16_MARKS) or without (utf16_order)."""
    return raw.startswith(UTF16_MARKS) or utf16_order(raw) is not None


def _decode(raw: bytes, path: Path) -> str:
    if len(raw) > MAX_BYTES:
        raise DeckError([Problem(path, None, None, f"the file is larger than {MAX_BYTES // 1048576} MiB")])
    if is_utf16(raw):
        said = "the file is UTF-16 text (as some Windows programs save it), not UTF-8: save it as UTF-8"
        raise DeckError([Problem(path, None, None, said)])
    try:
        return decode(raw)
    except NotUTF8 as err:
        raise DeckError([Problem(path, err.line, err.col, f"the file is {err}; save it as UTF-8")]) from None


def parse_bytes(raw: bytes, path: Path | str = "<deck>") -> Deck:
    """Decode a deck file's bytes (UTF-8, an optional BOM) and parse it."""
    path = Path(path)
    return parse_deck(_decode(raw, path), path)
