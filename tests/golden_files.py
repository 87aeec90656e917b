"""Golden files: what a function gave before, kept as readable JSON in tests/golden/.

A test passes a value (dicts, lists, strings, numbers, booleans, None) and a name; the value must
equal tests/golden/<name>.json. When the change is on purpose, rewrite the files and read their
diff before committing it:

    python -m pytest tests/test_generate_pinned.py tests/test_lint_pinned.py tests/test_kinds.py --update-golden

Containers are written one item to a line until they fit on one line, so a diff names the
question, warning or count that changed.
"""

from __future__ import annotations

import difflib
import itertools
import json
from collections.abc import Callable
from pathlib import Path

GOLDEN = Path(__file__).parent / "golden"
WIDTH = 110  # a container whose one-line form is longer is written one item to a line
MAX_DIFF_LINES = 60


def dumps(value: object, indent: str = "") -> str:
    """`value` as JSON, containers spread over lines only where they do not fit on one."""
    flat = json.dumps(value, ensure_ascii=False)
    if len(indent) + len(flat) <= WIDTH or not isinstance(value, dict | list) or not value:
        return flat
    inner = indent + "  "
    if isinstance(value, dict):
        items = [f"{inner}{json.dumps(str(k), ensure_ascii=False)}: {dumps(v, inner)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + f"\n{indent}}}"
    return "[\n" + ",\n".join(inner + dumps(v, inner) for v in value) + f"\n{indent}]"


def check_golden(name: str, value: object, *, update: bool) -> None:
    """Assert `value` equals the golden file `name` (tests/golden/<name>.json); with `update`,
    write the file instead. Raises AssertionError naming the first difference."""
    path = GOLDEN / f"{name}.json"
    text = dumps(value) + "\n"
    if update:
        path.write_text(text, encoding="utf-8")
        return
    assert path.exists(), f"{path} is missing: write it with `python -m pytest --update-golden` and read it"
    expected = dumps(json.loads(path.read_text(encoding="utf-8"))) + "\n"
    got = dumps(json.loads(text)) + "\n"  # tuples become lists, as in the file
    if got != expected:
        diff = difflib.unified_diff(
            expected.splitlines(), got.splitlines(), f"{path.name} (golden)", f"{path.name} (now)", lineterm=""
        )
        shown = list(itertools.islice(diff, MAX_DIFF_LINES))
        raise AssertionError(
            "\n".join([*shown, f"(diff cut at {MAX_DIFF_LINES} lines)" if len(shown) == MAX_DIFF_LINES else ""])
            + "\nIf the change is on purpose, rerun with --update-golden and commit the files' diff, saying why."
        )


Golden = Callable[[str, object], None]
"""The `golden` fixture's type (tests/conftest.py): check(name, value)."""
