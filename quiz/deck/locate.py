"""Find the line and column of each table header and key in a TOML text.

tomli returns plain dicts without positions, so this small scanner walks the text once, skipping
strings, comments and multi-line arrays, to say where each key of the deck format was written.
"""

from __future__ import annotations

import re

_HEADER = re.compile(r"\s*(\[\[?)\s*([^\]]+?)\s*\]\]?")
_KEY = re.compile(
    r"""\s*((?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*'))*)\s*="""
)
# A value that leaves no bracket or string open: a one-line basic or literal string, a number, a
# boolean or a date, then perhaps a comment. Most lines of a deck are `key = "text"`.
# A basic string is written as "[^"\\]*(?:\\.[^"\\]*)*" (runs of plain characters between escapes), the
# same strings as "(?:[^"\\]|\\.)*" but a fifth faster to match on a deck's long lines.
_PLAIN_VALUE = re.compile(r"""\s*(?:"[^"\\]*(?:\\.[^"\\]*)*"(?!")|'[^'\n]*'(?!')|[A-Za-z0-9_:.+-]+)\s*(?:#.*)?\Z""")
_BARE_KEY = re.compile(r"\s*([A-Za-z0-9_-]+)\s*=")
# A line inside a multi-line array that holds one such string and its comma.
_PLAIN_ITEM = re.compile(r"""\s*(?:"[^"\\]*(?:\\.[^"\\]*)*"(?!")|'[^'\n]*'(?!'))\s*,?\s*(?:#.*)?\Z""")
_PART = re.compile(r"""[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*'""")

Position = tuple[int, int]


class Table:
    """Where one table (or one entry of an array of tables) and its keys were written: its header's
    line, or the line and column of the brace an inline table ({ ... }) begins with."""

    __slots__ = ("line", "col", "keys", "items")

    def __init__(self, line: int, col: int = 1) -> None:
        self.line = line
        self.col = col
        self.keys: dict[str, Position] = {}
        self.items: dict[str, list[Position]] = {}
        """Where each item of a key's array begins, for arrays written as `key = [...]`."""

    def item(self, key: str, index: int) -> Position | None:
        """Where the `index`-th item (from 0) of the array `key` begins, if known."""
        found = self.items.get(key, ())
        return found[index] if index < len(found) else None


class Layout:
    """Positions of the top-level keys, the tables and the arrays of tables of a TOML text.

    Plain classes, not dataclasses: `quiz check` would import `dataclasses` (and with it
    `inspect`, `ast` and `dis`, 13 ms) for these two alone (see quiz/deck/model.py).
    """

    __slots__ = ("top", "tables", "arrays", "lines", "first_line")

    def __init__(self) -> None:
        self.top = Table(1)
        self.tables: dict[str, Table] = {}
        self.arrays: dict[str, list[Table]] = {}
        self.lines: list[str] = []
        """The scanned text's lines, without their line ends, for a position inside a value (quiz.deck.in_string)."""
        self.first_line = 1

    def table(self, name: str) -> Table | None:
        """The table `name`, written as a [name] header or as dotted keys."""
        return self.tables.get(name)

    def entry(self, name: str, index: int) -> Table | None:
        """The `index`-th [[name]] entry, if it was written as a header."""
        entries = self.arrays.get(name, [])
        return entries[index] if index < len(entries) else None


def _unquote(part: str) -> str:
    """A key part as the parser reads it: a quoted key without its quotes, with its escapes read
    ("a\\u001bb" is "a", ESC, "b"), so that a key written with an escape is placed at its line."""
    if part[:1] == '"' and "\\" in part:
        import tomli  # only for a key written with an escape

        try:
            return next(iter(tomli.loads(f"{part} = 0")))
        except tomli.TOMLDecodeError:  # the parser refused the file: no key to place
            return part[1:-1]
    if part[:1] in "\"'":
        return part[1:-1]
    return part


def _split_key(text: str) -> list[str]:
    return [_unquote(p) for p in _PART.findall(text)]


def lines_of(text: str) -> list[str]:
    """The lines of a TOML text without their line ends: TOML ends a line only with LF or CR LF
    (str.splitlines would also end one at a U+2028 or U+2029 written in a string)."""
    return (text.replace("\r\n", "\n") if "\r" in text else text).split("\n")


def value_start(line: str, col: int) -> int | None:
    """The index in `line` where the value of the key written at column `col` (from 1) begins,
    after the key, its "=" and spaces; None if no key is written there."""
    found = _KEY.match(line, col - 1)
    if found is None:
        return None
    i = found.end()
    while i < len(line) and line[i] in " \t":
        i += 1
    return i


def value_rows(lines: list[str], row: int, col: int) -> int:
    """How many of `lines` the key written at lines[row], column `col` (from 1), takes with its
    value: 1 for a value on the key's own line, more for a multi-line string or list; 0 where no
    key is written there or its value is never closed."""
    start = value_start(lines[row], col)
    if start is None:
        return 0
    depth, open_string, _ = _skip_value(lines[row], start, 0)
    end = row
    while depth > 0 or open_string:
        end += 1
        if end == len(lines):
            return 0
        pos = 0
        if open_string:
            close = lines[end].find(open_string)
            if close < 0:
                continue
            pos, open_string = close + 3, None
        depth, open_string, _ = _skip_value(lines[end], pos, depth)
    return end - row + 1


def _skip_value(
    line: str,
    pos: int,
    depth: int,
    items: list[Position] | None = None,
    lineno: int = 0,
    expect: bool = False,
) -> tuple[int, str | None, bool]:
    """Scan `line` from `pos` for brackets and strings; return the new depth, an open string and `expect`.

    With `items`, the start of each item of the array open at depth 1 is added to it; `expect`
    says that an item may start next (after "[" or ",").
    """
    i, n = pos, len(line)
    while i < n:
        ch = line[i]
        if ch == "#":
            break
        if items is not None and depth == 1:
            if ch == ",":
                expect = True
            elif expect and not ch.isspace() and ch != "]":
                items.append((lineno, i + 1))
                expect = False
        if items is not None and depth == 0 and ch == "[":
            expect = True
        if line.startswith('"""', i) or line.startswith("'''", i):
            delim = line[i : i + 3]
            end = line.find(delim, i + 3)
            if end < 0:
                return depth, delim, expect
            i = end + 3
            while i < n and line[i] == delim[0]:
                i += 1
            continue
        if ch == '"':
            i += 1
            while i < n and line[i] != '"':
                i += 2 if line[i] == "\\" else 1
        elif ch == "'":
            end = line.find("'", i + 1)
            i = n if end < 0 else end
        elif ch in "[{":
            depth += 1
        elif ch in "]}":
            depth = max(0, depth - 1)
        i += 1
    return depth, None, expect


def inline_table(lines: list[str], row: int, start: int, lineno: int) -> Table:
    """Where the inline table that begins at lines[row][start] ("{", on line `lineno` of the file)
    and its keys were written, and the items of the arrays its keys hold: `facts = [ { id = "a",
    distractors = ["x", "y"] } ]` places "id", "distractors" and each distractor as a [[facts]]
    table does. A value may go on over the next lines (an array, a multi-line string)."""
    table = Table(lineno, start + 1)
    depth = 0  # brackets and braces open within the table's own
    key_next, item_next = True, False
    items: list[Position] | None = None  # the items of the array the last key holds
    i = start + 1
    while row < len(lines):
        line = lines[row]
        n = len(line)
        while i < n:
            if depth == 0 and key_next:
                found = _KEY.match(line, i)
                if found is None:
                    if line[i:].strip()[:1] not in ("", "#"):
                        return table
                    break
                parts = _split_key(found.group(1))  # a dotted key `a.b = 1` is the key "a" of this table
                table.keys.setdefault(parts[0], (lineno, found.start(1) + 1))
                i, key_next = found.end(), False
                array = len(parts) == 1 and line[i:].lstrip()[:1] == "["
                items = table.items.setdefault(parts[0], []) if array else None
                continue
            ch = line[i]
            if depth == 1 and item_next and items is not None and not ch.isspace() and ch not in ",]#":
                items.append((lineno, i + 1))
                item_next = False
            if ch in "\"'":
                delim = ch * 3 if line.startswith(ch * 3, i) else ch
                end = i + len(delim)
                while end < n and not line.startswith(delim, end):
                    end += 2 if ch == '"' and line[end] == "\\" else 1
                while end >= n and len(delim) == 3 and row + 1 < len(lines):  # a multi-line string goes on
                    row, lineno = row + 1, lineno + 1
                    line, n = lines[row], len(lines[row])
                    end = line.find(delim)
                    end = n if end < 0 else end
                i = end + len(delim)
                continue
            if ch == "#":
                break
            if ch in "[{":
                depth += 1
                item_next = depth == 1 and ch == "["
            elif ch in "]}":
                if depth == 0:
                    return table
                depth -= 1
            elif ch == ",":
                key_next, item_next = depth == 0, depth == 1
            i += 1
        row, lineno, i = row + 1, lineno + 1, 0
    return table


def _table_named(layout: Layout, name: str) -> Table | None:
    """The table a header's name refers to: [name], or the last [[name]] entry written so far."""
    entries = layout.arrays.get(name)
    return entries[-1] if entries else layout.tables.get(name)


def locate(text: str, first_line: int = 1, until: str | None = None) -> Layout:
    """Scan a TOML text and return where its headers and keys are; `first_line` is the number of
    the text's first line (a part of a file is placed as the file's lines). With `until`, the scan
    stops at the first key of that name in the table being read: what follows is left unplaced."""
    layout = Layout()
    current = layout.top
    depth = 0
    open_string: str | None = None
    items: list[Position] | None = None  # the items of the array a key opened, while it is open
    inline: list[Table] | None = None  # its items that are inline tables, for a top-level key
    expect = False
    lines = layout.lines = lines_of(text)
    layout.first_line = first_line
    for row, line in enumerate(lines):
        lineno = row + first_line
        pos = 0
        if open_string:
            end = line.find(open_string)
            if end < 0:
                continue
            pos = end + 3
            open_string = None
        elif depth > 0:
            if _PLAIN_ITEM.match(line):
                if items is not None and depth == 1 and line.strip()[:1] not in ("", ","):
                    items.append((lineno, len(line) - len(line.lstrip()) + 1))
                    expect = True
                continue
        elif depth == 0:
            first = line.lstrip()[:1]
            if not first or first == "#":
                continue
            bare = _BARE_KEY.match(line) if first != "[" else None
            key = None if bare else _KEY.match(line)
            header = _HEADER.match(line) if first == "[" else None
            if header and not key:
                parts = _split_key(header.group(2))
                name = ".".join(parts)
                current = Table(lineno, len(line) - len(line.lstrip()) + 1)
                if len(parts) > 1:  # [deck.meta] writes the key "meta" of [deck]
                    parent = _table_named(layout, ".".join(parts[:-1]))
                    if parent is not None:
                        parent.keys.setdefault(parts[-1], (current.line, current.col))
                if header.group(1) == "[[":
                    layout.arrays.setdefault(name, []).append(current)
                else:
                    layout.tables[name] = current
                continue
            if bare or key:
                parts = [bare.group(1)] if bare else _split_key(key.group(1))  # type: ignore[union-attr]
                col = len(line) - len(line.lstrip()) + 1
                target, named = current, parts[0]  # in a table, `a.b = 1` writes its key "a"
                if len(parts) > 1 and current is layout.top:  # at the top, `deck.id = "d"` writes [deck]'s "id"
                    for n in range(1, len(parts)):
                        target = layout.tables.setdefault(".".join(parts[:n]), Table(lineno, col))
                        target.keys.setdefault(parts[n], (lineno, col))
                    named = parts[-1]
                else:
                    current.keys.setdefault(named, (lineno, col))
                if named == until and target is current:
                    break
                pos = (bare or key).end()  # type: ignore[union-attr]
                if _PLAIN_VALUE.match(line, pos):
                    continue
                value = line[pos:].lstrip()[:1]
                array = value == "[" and (len(parts) == 1 or target is not current)
                items = target.items.setdefault(named, []) if array else None
                top = target is layout.top and len(parts) == 1
                inline = layout.arrays.setdefault(parts[0], []) if top and value == "[" else None
                if top and value == "{":  # `deck = { id = "d", title = "T" }`
                    layout.tables[parts[0]] = inline_table(lines, row, line.index("{", pos), lineno)
        placed = len(items) if items is not None else 0
        depth, open_string, expect = _skip_value(line, pos, depth, items, lineno, expect)
        if inline is not None and items is not None:
            for _, col in items[placed:]:
                if line[col - 1] == "{":  # an entry of an array of tables written inline
                    inline.append(inline_table(lines, row, col - 1, lineno))
        if depth == 0:
            items = inline = None
    return layout
