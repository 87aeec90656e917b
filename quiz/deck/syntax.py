"""TOML syntax errors in plain words, at the line a person needs to fix.

tomli says where it stopped and why in a parser's terms ("Illegal character '\\n'", "Cannot
declare ('deck',) twice"); an author needs what is wrong and what to write. Where tomli stops
after the mistake (a list or table left open is noticed a line late), the line where it opened
is given instead.
"""

from __future__ import annotations

import ast
import re

from quiz.deck.text import position

_OPENED_LIST = re.compile(r"=\s*\[")
_OPENED_TABLE = re.compile(r"=\s*\{")
_KEY = re.compile(r"""\s*("[^"]*"|'[^']*'|[A-Za-z0-9_.-]+)\s*=""")
_QUOTES = re.compile(r'\\.|"')

Where = tuple[int | None, int | None, str]


def describe(text: str, msg: str, line: int | None, col: int | None) -> Where:
    """The line, column and plain message for tomli's error `msg` at (line, col) in `text`."""
    lines = text.splitlines()
    at = lines[line - 1] if line and line <= len(lines) else ""
    hidden = _invisible_at(at, col)
    if hidden:  # the line looks right on screen: name what cannot be seen
        return line, col, f"{hidden} stands here, where it cannot be seen: delete it"
    if msg == "Illegal character '\\n'" and _open_quote(at):
        opened = [m.start() for m in _QUOTES.finditer(at) if m.group() == '"'][-1]  # the quote left open
        return line, opened + 1, 'this string is not closed: add a closing quote (") before the end of the line'
    if msg == 'Expected "\'"':
        start = next((n for n in range(min(line or 0, len(lines)), 0, -1) if lines[n - 1].count("'") % 2), line)
        return start, None, "this string is not closed: add a closing quote (') before the end of the line"
    if msg == "Unterminated string":
        opened = max(text.rfind('"""'), text.rfind("'''"))
        start = position(text, opened)[0] if opened >= 0 else line
        return start, None, "this multi-line string is not closed: add the closing \"\"\" (or ''')"
    if msg == "Unclosed array" and _comma_missing(lines, line, col):
        return line, col, 'a comma is missing between two items of this list: add "," before this one'
    if msg in ("Unclosed array", "Unclosed inline table"):
        pattern, what, close = (_OPENED_LIST, "list", "]") if msg == "Unclosed array" else (_OPENED_TABLE, "table", "}")
        start = _opened_before(lines, line, pattern)
        return start, None, f'this {what} is not closed: add "{close}" after its last item'
    if msg == "Invalid value" and _KEY.match(at) and (open_list := _list_left_open(lines, line)):
        return open_list, None, f'this list is not closed: add "]" after its last item, before line {line}'
    declared = re.fullmatch(r"Cannot declare (\(.*\)) twice", msg)
    if declared:
        name = ".".join(ast.literal_eval(declared.group(1)))
        headers = _header_lines(lines, name)
        places = " and ".join(map(str, headers[:2])) if len(headers) > 1 else str(line)
        return line, None, f"[{name}] appears twice, at lines {places}: merge them into one"
    if msg == "Cannot overwrite a value":
        return line, None, _overwritten(lines, line, at)
    if msg == "Expected newline or end of document after a statement" and _quote_inside(at, col):
        return line, col, (
            'a double quote inside the text ends it: write \\" for a quote inside, or put the text in single '
            "quotes (question = 'What does \"INR\" mean?')"
        )
    if msg == "Invalid value" and at[(col or 1) - 1 : col] in _CURLY:
        return line, col, 'curly quotes (“ ”), as a word processor writes them, do not start text: type straight "'
    if (key := _KEY.match(at)) and key.group(1).strip("\"'") == "reviewed" and _DATE_LIKE.match(at[key.end() :]):
        value = _DATE_LIKE.match(at[key.end() :]).group(1)  # type: ignore[union-attr]
        return line, key.end() + at[key.end() :].index(value) + 1, (
            f"{value} is no date TOML reads: write a date as year-month-day with four, two and two digits "
            "and no quotes (reviewed = 2026-01-05), a day that exists"
        )
    if msg in _BARE_KEY and (odd := _odd_in_key(at)) is not None:
        import unicodedata

        return line, odd + 1, (
            f"this key holds “{at[odd]}” (U+{ord(at[odd]):04X} {unicodedata.name(at[odd], 'a character')}), which is "
            "not one of the letters a key is written in: type the key again in plain letters (a-z, 0-9, - and _)"
        )
    if msg in _ESCAPES and col and "\\" in at[: col]:  # at the backslash that starts the escape
        return line, at.rindex("\\", 0, col) + 1, _PLAIN["Unescaped '\\' in a string"]
    plain = _PLAIN.get(msg)
    if plain:
        return line, col, plain
    return line, col, f"TOML syntax: {msg}"


_ESCAPES = ("Unescaped '\\' in a string", "Invalid hex value", "Escaped character is not a Unicode scalar value")
"""tomli's words for a backslash that starts no escape TOML knows ("C:\\Users", "\\q", "\\uD800"),
which tomli places after the backslash, at the text it could not read."""


_DATE_LIKE = re.compile(r"\s*(\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4})\s*(?:#.*)?$")
"""A value of `reviewed`, the deck's one date, written as a date in another form ("2026-1-5",
"2026/01/05", "01.05.2026") or a day that does not exist ("2026-02-30"), which tomli stops at in
its own words ("Invalid date or datetime"; after "2026-1", "more text follows", whose advice to
put it in quotes led to another error: a tester's report)."""


_PLAIN = {
    "Expected newline or end of document after a statement": (
        'more text follows the value on this line: put text in double quotes (answer = "20 seconds"), '
        "and each key on a line of its own"
    ),
    "Unescaped '\\' in a string": (
        "a backslash in double quotes starts an escape such as \\n: write \\\\ for a backslash, "
        "or put the text in single quotes"
    ),
    "Expected '=' after a key in a key/value pair": 'expected "=" after the key: write key = value',
    "Expected ']' at the end of a table declaration": 'this table header is not closed: add "]"',
    "Expected ']]' at the end of an array declaration": 'this table header is not closed: add "]]"',
    "Invalid statement": "this line is neither key = value nor a [table] header",
    "Invalid value": 'this value is not one TOML knows: put text in double quotes ("...")',
}


_CURLY = frozenset("“”„‟‘’‚‛«»")
"""Quotation marks a word processor writes, which TOML does not read as quotes."""


def _quote_inside(line: str, col: int | None) -> bool:
    """Whether tomli stopped at (col) right after a double-quoted value closed early by a quote in
    its text, with more text and a quote after: `question = "What does "INR" mean?"`."""
    key = _KEY.match(line)
    if key is None or not col or col < 2:
        return False
    value = line[key.end() :].lstrip()
    return value.startswith('"') and line[col - 2] == '"' and '"' in line[col - 1 :]


_VALUE_START = "\"'0123456789+-[{"
_VALUE_END = "\"'0123456789]}"


def _comma_missing(lines: list[str], line: int | None, col: int | None) -> bool:
    """Whether tomli stopped in a list at (line, col) on the start of a value right after the end of
    another, with only spaces (or a line break) between: a missing comma ("2.5 ml" "2.5 millilitres"),
    not a list left open."""
    if not line or not col or line > len(lines):
        return False
    here = lines[line - 1]
    if here[col - 1 : col] not in tuple(_VALUE_START) or (col > 1 and not here[col - 2].isspace()):
        return False
    before = here[: col - 1].strip() or (lines[line - 2].split("#", 1)[0].strip() if line > 1 else "")
    return before[-1:] in tuple(_VALUE_END)


_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"|\'[^\']*\'')


def _invisible_at(line: str, col: int | None) -> str:
    """The invisible character (quiz.untrusted.invisible) at 1-based `col` of `line`, named
    ("the invisible character U+200B ZERO WIDTH SPACE"), else ""."""
    import unicodedata

    from quiz.untrusted import invisible

    char = line[col - 1 : col] if col else ""
    if not char or char.isascii() or not invisible().match(char):
        return ""
    return f"the invisible character U+{ord(char):04X} {unicodedata.name(char, '')}".rstrip()


def _list_left_open(lines: list[str], line: int | None) -> int | None:
    """The line of the list that is still open above `line` (its "[" with no "]" after it, strings
    aside), where tomli read the next key = value as one of its items; None if there is none."""
    depth = 0
    for n in range((line or 1) - 1, 0, -1):
        if '"""' in lines[n - 1] or "'''" in lines[n - 1]:
            return None  # a multi-line string: its lines are text, not TOML
        bare = _STRINGS.sub('""', lines[n - 1].split("#", 1)[0])
        depth += bare.count("[") - bare.count("]")
        if _OPENED_LIST.search(bare):
            return n if depth > 0 else None
        if _KEY.match(lines[n - 1]) or lines[n - 1].lstrip().startswith("["):
            return None
    return None


def _open_quote(line: str) -> bool:
    """True when a line leaves a double-quoted string open (an odd number of unescaped quotes)."""
    return sum(1 for m in _QUOTES.finditer(line) if m.group() == '"') % 2 == 1


def _opened_before(lines: list[str], line: int | None, pattern: re.Pattern[str]) -> int | None:
    for n in range((line or len(lines)), 0, -1):
        if n <= len(lines) and pattern.search(lines[n - 1]):
            return n
    return line


def _header_lines(lines: list[str], name: str) -> list[int]:
    parts = r"\s*\.\s*".join(re.escape(p) for p in name.split("."))
    header = re.compile(r"\s*\[\[?\s*" + parts + r"\s*\]")
    return [n for n, text in enumerate(lines, start=1) if header.match(text)]


def _overwritten(lines: list[str], line: int | None, at: str) -> str:
    stripped = at.strip()
    if stripped.startswith("["):
        name = stripped.strip("[] ")
        earlier = [n for n in _header_lines(lines, name) if line is None or n < line]
        where = f" (line {earlier[0]})" if earlier else ""
        return f"{stripped} cannot follow [{name}]{where}: a name is either one table or a list of [[tables]]"
    key = _KEY.match(at)
    if key is None:
        return "this key is already set above: keep one of them"
    name = key.group(1)
    earlier = [n for n in range(1, line or 1) if (m := _KEY.match(lines[n - 1])) and m.group(1) == name]
    where = f", at lines {earlier[-1]} and {line}" if earlier else ""
    return f'"{name.strip(chr(34))}" is set twice in the same table{where}: keep one of them'


_BARE_KEY = ("Invalid statement", "Expected '=' after a key in a key/value pair")
"""tomli's words where a bare key holds a character TOML does not allow in one: at its start, or
after a letter ("questiоn" with a Cyrillic "о")."""


def _odd_in_key(line: str) -> int | None:
    """The index of the first character of a bare key (before "=") that TOML does not allow there and
    that is not ASCII (a Cyrillic "а" in "аnswer", pasted or typed on another keyboard), or None."""
    key = line.split("=", 1)[0] if "=" in line else ""
    return next((i for i, c in enumerate(key) if not c.isascii() and not c.isspace()), None)
