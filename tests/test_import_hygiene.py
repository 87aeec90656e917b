"""The core never imports Textual, so `quiz check` starts fast and the UI stays a thin layer."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "quiz"


def test_no_core_module_imports_textual() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if "tui" in path.relative_to(PACKAGE).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n == "textual" or n.startswith("textual.") for n in names):
                offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []


def test_quiz_check_does_not_load_textual_or_rich() -> None:
    code = (
        "import sys; from quiz.cli import main; main(['check', '--quiet', 'tests/data/decks/valid']);"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich', 'fsrs', 'sqlite3', 'genanki')"
        " or m.startswith('quiz.commands.') and m != 'quiz.commands.check'))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=PACKAGE.parent
    ).stdout
    assert out.strip().splitlines()[-1] == "[]"
