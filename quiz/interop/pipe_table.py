"""A Markdown table read as rows of fields: an educator's table of questions and answers kept in a
Markdown document (a pipe table, as GitHub Flavored Markdown specifies it, section 4.10 "Tables").

`| Question | Answer |`, a delimiter row `| --- | --- |` and a row a card: read as pipe-separated
rows, each line's outer pipes were fields of their own, empty, and every card was refused for an
empty term (a tester's report).
"""

from __future__ import annotations

import re

_DELIMITER_ROW = re.compile(r"\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*")
"""The row under a Markdown table's header: cells of dashes, each with an optional colon at either
end for its alignment (`| :--- | ---: |`)."""


def pipe_table(body: str) -> str | None:
    """`body` (the text of a file after any Anki header) as pipe-separated rows when it is a
    Markdown table: every line not blank starts and ends with "|", and the second of them is the
    delimiter row. Each line loses its outer pipes and the delimiter row becomes a blank line, so
    every card keeps its line number; the first row names the columns. None when `body` is no such
    table, or escapes a pipe in a cell (`\\|`), which the rows' reader would take for a separator."""
    lines = body.split("\n")
    rows = [i for i, line in enumerate(lines) if line.strip()]
    if len(rows) < 2 or "\\|" in body or not _DELIMITER_ROW.fullmatch(lines[rows[1]]):
        return None
    if not all(lines[i].strip().startswith("|") and lines[i].strip().endswith("|") for i in rows):
        return None
    out = list(lines)
    for i in rows:
        out[i] = lines[i].strip()[1:-1]
    out[rows[1]] = ""
    return "\n".join(out)
