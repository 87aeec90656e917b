"""Where a character of a parsed string value was written in the file.

tomli hands back a key's string without positions, and the file may write it with more or fewer
characters than it holds: escapes (`\\"`, `\\u00e9`, `\\t`, `\\\\`), a multi-line string that starts
on its key's line or on the next one (TOML trims a newline right after the opening delimiter), a
line-ending backslash that drops the line break and the spaces after it. This walks the value as
written, as tomli reads it (tomli/_parser.py: parse_basic_str, parse_basic_str_escape,
parse_multiline_str), counting the characters it reads, to the one asked for.
"""

from __future__ import annotations

from quiz.deck.locate import Layout, value_start

Position = tuple[int, int]

_ESCAPE_WIDTH = {"x": 4, "u": 6, "U": 10}
"""How many characters an escape that names a code point takes in the file ("\\u00e9"); every
other escape ("\\t", "\\\\", "\\"") takes two."""


def string_position(layout: Layout, where: Position, offset: int) -> Position | None:
    """The line and column (from 1; the column in characters) in the file of the character at
    `offset` (from 0) of the string value of the key written at `where` (line, column), as a
    scan of the text (quiz.deck.locate) placed that key.

    The character is placed at the first character of what writes it: an escape's backslash.
    An `offset` at the end of the value is placed at its closing delimiter. None where the key's
    value is not a string written there, or ends before `offset`.
    """
    lines, row = layout.lines, where[0] - layout.first_line
    if not 0 <= row < len(lines):
        return None
    line = lines[row]
    i = value_start(line, where[1])
    if i is None:
        return None
    delim = next((d for d in ('"""', "'''", '"', "'") if line.startswith(d, i)), None)
    if delim is None:
        return None
    basic, multi = delim[0] == '"', len(delim) == 3
    i += len(delim)
    if multi and i == len(line):  # the newline right after the opening delimiter is trimmed
        row, i = row + 1, 0
    count = 0
    while row < len(lines):
        line = lines[row]
        if i >= len(line):  # the line break, a character of a multi-line string
            if not multi:
                return None
            if count == offset:
                return row + layout.first_line, i + 1
            row, i, count = row + 1, 0, count + 1
            continue
        if basic and line[i] == "\\":
            if multi and not line[i + 1 :].strip(" \t"):  # a line-ending backslash: no character
                row, i = _after_blank(lines, row + 1)
                continue
            if count == offset:
                return row + layout.first_line, i + 1
            i, count = i + _ESCAPE_WIDTH.get(line[i + 1 : i + 2], 2), count + 1
            continue
        if line.startswith(delim, i):  # the end; up to two more quotes are the value's last characters
            rest = line[i + len(delim) :]
            more = min(len(rest) - len(rest.lstrip(delim[0])), 2) if multi else 0
            return (row + layout.first_line, i + 1 + offset - count) if 0 <= offset - count <= more else None
        if count == offset:
            return row + layout.first_line, i + 1
        i, count = i + 1, count + 1
    return None


def _after_blank(lines: list[str], row: int) -> tuple[int, int]:
    """The first character from the start of lines[row] on that is not a space, a tab or a line break."""
    while row < len(lines):
        line = lines[row]
        start = len(line) - len(line.lstrip(" \t"))
        if start < len(line):
            return row, start
        row += 1
    return row, 0
