"""The house rules that tools check: the layers and the UI-free core (import-linter, contracts in
pyproject.toml), and the types (mypy on quiz/, settings in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=ROOT, timeout=600, check=False)


def test_the_import_contracts_are_kept() -> None:
    """Layers from the front ends (quiz.cli, quiz.commands, quiz.tui) down to quiz.deck, and no
    textual or rich in the core (docs/architecture.md)."""
    done = _run("-c", "from importlinter.cli import lint_imports_command; lint_imports_command()", "--no-cache")
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.slow  # about 15 s without mypy's cache
def test_mypy_finds_no_errors_in_quiz() -> None:
    done = _run("-m", "mypy", "quiz")
    assert done.returncode == 0, done.stdout + done.stderr
