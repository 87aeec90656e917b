"""Files `quiz import` is given that are not a text export, named for what they are.

An Anki package, a spreadsheet, a PDF or quiz's own handout read as rows of text gives a message
about bytes or separators that says nothing of the real mistake. Each is known by its content
(the first bytes, a ZIP's entry names, a handout's headings), not by its name, and refused with
what to do instead. The rest is left to the text reader.
"""

from __future__ import annotations

import io
import json
import re
import zipfile

from quiz.deck.load import is_utf16
from quiz.interop.markdown import is_handout

_ANKI_EXPORT = (
    'open it in Anki, then use File > Export > "Notes in Plain Text" with "Include unique identifier", and import '
    "that file"
)
_SAVE_AS_TEXT = "save it as CSV (UTF-8) or Unicode Text from the spreadsheet program, and import that"

_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
_SQLITE = b"SQLite format 3\x00"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97-2003, Word 97-2003
_PDF = b"%PDF-"
_SAMPLE = 8192
"""How much of the file's start is looked at for NUL bytes (a binary file has them early)."""

_DECK_TABLE = re.compile(r"^[ \t]*\[deck\][ \t]*$", re.MULTILINE)
_FACTS_TABLE = re.compile(r"^[ \t]*\[\[facts\]\][ \t]*$", re.MULTILINE)
"""A deck's tables, each on a line of its own. Spaces and tabs only around them: `\\s*` also took
line breaks, so that at each of a file's 64 KiB of blank lines the search ran to its end (seconds)."""


def not_an_export(raw: bytes) -> str | None:
    """Why the file's bytes are not a text export `quiz import` reads, or None if they may be one.

    Known: an Anki package (.apkg, .colpkg) or collection, an Excel or LibreOffice spreadsheet, a
    Word document, a PDF, another ZIP archive, a file with NUL bytes that is not UTF-16 (with its
    byte-order mark, or text in Latin letters without it: quiz.deck.load.is_utf16), JSON; and quiz's own
    Markdown handout and deck file (by their headings and tables).
    """
    if raw.startswith(_ZIP):
        return _zip_kind(raw)
    if raw.startswith(_SQLITE):
        return f"an Anki collection or another database, which cannot be imported directly: {_ANKI_EXPORT}"
    if raw.startswith(_OLE):
        return f"an Excel or Word file (97-2003), not a text export; {_SAVE_AS_TEXT}"
    if raw.startswith(_PDF):
        return "a PDF, not a text export; import the cards as text exported from Anki or Quizlet"
    if b"\x00" in raw[:_SAMPLE] and not is_utf16(raw):
        return "a binary file (it holds NUL bytes), not a text export; export or save the cards as UTF-8 text"
    text = raw[: _SAMPLE * 8].decode("utf-8", errors="replace")
    if is_handout(text):
        return (
            "a quiz Markdown handout (from quiz export or a list of missed questions), written to read or print, "
            "not an import format; use the deck it was made from, or import that deck's Anki export"
        )
    if text.lstrip("\ufeff \t\r\n").startswith(("{", "[")) and _is_json(raw):
        return "JSON data (as quiz history --json and quiz decks --json print), not a text export of cards"
    if _DECK_TABLE.search(text) and _FACTS_TABLE.search(text):
        return "a quiz deck file already: use it as it is (quiz check FILE, quiz study FILE), with no import"
    return None


def _is_json(raw: bytes) -> bool:
    try:
        json.loads(raw)
    except ValueError:  # not JSON, or not UTF-8 text
        return False
    except RecursionError:  # "[[[[...": nested deeper than the parser goes; the text reader says what it is
        return False
    return True


def _zip_kind(raw: bytes) -> str:
    try:
        names = zipfile.ZipFile(io.BytesIO(raw)).namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        names = []
    if any(n.startswith("collection.anki2") or n == "collection.anki21b" for n in names):
        return f"an Anki package (.apkg or .colpkg), which cannot be imported directly: {_ANKI_EXPORT}"
    if any(n.startswith("xl/") for n in names):
        return f"an Excel workbook, not a text export; {_SAVE_AS_TEXT}"
    if "content.xml" in names:
        return f"a LibreOffice (OpenDocument) file, not a text export; {_SAVE_AS_TEXT}"
    if any(n.startswith("word/") for n in names):
        return "a Word document, not a text export; save the cards as a table in a text file (UTF-8), and import that"
    return "a ZIP archive, not a text export; unpack it and import the text file of cards inside"
