"""The text of a file `quiz import` is given: its encoding told or given, other kinds of file named."""

from __future__ import annotations

import argparse
import codecs
import sys
from pathlib import Path

from quiz.untrusted import visible


def read_export(source: Path, limit: int, encoding: str | None = None) -> str:
    """The file's text: UTF-8 (with or without a byte-order mark), or UTF-16 where the file starts
    with its byte-order mark, as Excel's "Unicode Text" and some Windows tools save a table, or
    without one where its bytes show it (quiz.deck.load.utf16_order), or in `encoding` where
    one is given (--encoding). QuizError if it is none of these (naming the line and the way out),
    if it is larger than `limit` bytes, or if it is another kind of file (an Anki package, a
    spreadsheet, quiz's own handout...: quiz.interop.formats), named for what it is."""
    from quiz.deck.errors import DeckError
    from quiz.deck.load import UTF16_MARKS, read_bounded, utf16_order
    from quiz.deck.text import NotUTF8, decode, position
    from quiz.errors import QuizError
    from quiz.interop.formats import not_an_export
    from quiz.store.answers_csv import CSV_FIELDS

    try:  # a pipe or a device given by name is refused as it is: standard input is read as '-'
        raw = sys.stdin.buffer.read(limit + 1) if str(source) == "-" else read_bounded(source, limit)
    except DeckError as err:
        pipe = not source.is_file() and source.exists()
        raise QuizError(f"{err} (or pipe it into `quiz import -`)" if pipe else str(err)) from None
    if len(raw) > limit:
        raise QuizError(f"{source}: larger than {limit // 1048576} MiB, the most a deck may hold")
    other = not_an_export(raw)
    if other is not None and not (encoding is not None and other.startswith("a binary file")):
        raise QuizError(f"{source}: {other}")
    if raw.removeprefix(codecs.BOM_UTF8).startswith(",".join(CSV_FIELDS[:4]).encode()):
        raise QuizError(
            f"{source}: a quiz score history (from quiz history export --csv): answers given, not cards, "
            "so it cannot become a deck"
        )
    if encoding is not None:
        try:
            text = raw.decode("utf-8-sig" if codecs.lookup(encoding).name == "utf-8" else encoding)
            _not_utf8(raw, text, source, encoding)
            return text
        except UnicodeDecodeError as err:
            line = position(raw, err.start)[0]
            raise QuizError(
                f"{source}:{line}: not {encoding} text (byte 0x{raw[err.start]:02x}); check the encoding the file "
                "was saved in"
            ) from None
        except UnicodeError:  # a codec that says no more than that (no byte to name)
            raise QuizError(f"{source}: not {encoding} text; check the encoding the file was saved in") from None
    if raw.startswith(UTF16_MARKS) and not raw.startswith(codecs.BOM_UTF32_LE):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise QuizError(f"{source}: starts as UTF-16 text but is not; export or save it as UTF-8") from None
    order = utf16_order(raw)
    if order is not None:
        try:
            return raw.decode(order)
        except UnicodeDecodeError:
            raise QuizError(f"{source}: reads as UTF-16 text but is not; export or save it as UTF-8") from None
    try:
        return decode(raw)
    except NotUTF8 as err:
        raise QuizError(
            f"{source}:{err.line}: {err}: most likely Windows-1252 or Latin-1, as Excel and older programs save "
            "text; save it as UTF-8, or import it with --encoding cp1252 (or the encoding it was saved in)"
        ) from None


_NOT_FILE_TEXT = frozenset({"idna", "punycode", "unicode-escape", "raw-unicode-escape", "undefined"})
"""Codecs Python decodes bytes to text with that are no encoding a file of text is saved in: a
domain name's (idna, punycode), Python's backslash escapes, which would make `\n` in a card a line
break (unicode-escape), and the one that refuses everything (undefined). By codecs.lookup's name."""


def encoding_name(name: str) -> str:
    """A text encoding Python knows by `name` ("cp1252", "latin-1", "utf-16"...); argparse's error if
    none, if it names a codec of bytes to bytes (base64, zlib), as bytes.decode refuses them, or of
    text that is no file's (_NOT_FILE_TEXT: punycode, idna...)."""
    try:
        codec = codecs.lookup(name)
        text_encoding = getattr(codec, "_is_text_encoding", True) and codec.name not in _NOT_FILE_TEXT
    except LookupError:
        text_encoding = False
    if not text_encoding:
        shown = visible(name)
        raise argparse.ArgumentTypeError(f"{shown!r} is not a text encoding (cp1252, latin-1, utf-16...)")
    return name


def _not_utf8(raw: bytes, text: str, source: Path, encoding: str) -> None:
    """QuizError if the file is UTF-8 text that `encoding` reads otherwise: it decodes as UTF-8
    and holds characters beyond ASCII, which a single-byte encoding makes two or three others
    ("38 °C" read as cp1252 is "38 Â°C", as mac-roman "38 ¬∞C"). Text in any other encoding that
    holds such characters is almost never valid UTF-8; the error names the first such line as UTF-8
    reads it and as `encoding` does."""
    from quiz.deck.text import NotUTF8, decode
    from quiz.errors import QuizError

    if raw.isascii():
        return
    try:
        utf8 = decode(raw)
    except NotUTF8:
        return
    if utf8 == text:
        return
    lines, others = utf8.split("\n"), text.split("\n")
    number = next((n for n, line in enumerate(lines, start=1) if not line.isascii()), None)
    if number is None:  # nothing but ASCII after UTF-8's byte-order mark
        raise QuizError(
            f"{source}:1: this file is UTF-8 text (it starts with UTF-8's byte-order mark), which read as {encoding} "
            f"would start with “{_shown(others[0][:3])}”: import it without --encoding"
        )
    line, other = lines[number - 1], others[number - 1] if number <= len(others) else ""
    raise QuizError(
        f"{source}:{number}: this file is UTF-8 text (“{_shown(line)}”), which read as {encoding} would be "
        f"“{_shown(other)}”: import it without --encoding"
    )


def _shown(line: str) -> str:
    """A line of the file for a message: its first 60 characters, control characters made visible."""
    return visible(line.strip()[:60])
