"""The built-in decks travel inside the wheel: a plain `pip install .` lists and checks them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # builds and installs the wheel

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with quiz's wheel; the dependencies come from this interpreter's site-packages.

    CI installs quiz itself into this interpreter (`pip install ".[test]"`), so the venv sees a quiz
    already installed: `--ignore-installed` makes pip put the wheel in the venv regardless, and the
    test below checks that the quiz it ran is the venv's own.
    """
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(work), str(ROOT)],
        check=True,
        capture_output=True,
    )
    wheel = next(work.glob("quiz-*.whl"))
    env_dir = work / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    bindir = env_dir / "bin"
    # The venv's own site-packages comes first on sys.path; these are appended after it, so the
    # wheel's quiz wins over any quiz installed beside the dependencies.
    outer = [p for p in sys.path if p.endswith("site-packages") and Path(p).is_dir()]
    (own,) = env_dir.glob("lib/python*/site-packages")
    (own / "outer-dependencies.pth").write_text("\n".join(outer) + "\n")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(bindir / "python"),
            "install",
            "--no-deps",
            "--ignore-installed",
            "--quiet",
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    return bindir


def _run(bindir: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": ""}
    return subprocess.run([str(bindir / "quiz"), *args], capture_output=True, text=True, cwd=cwd, env=env)


def test_installed_quiz_lists_and_checks_its_builtin_decks(installed: Path, tmp_path: Path) -> None:
    listed = _run(installed, "decks", "--json", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    decks = json.loads(listed.stdout)["decks"]
    builtin = [d for d in decks if d["builtin"]]
    assert builtin and all(d["problem"] is None for d in builtin)
    venv_site = str(installed.parent / "lib")
    assert all(d["path"].startswith(venv_site) and "site-packages" in d["path"] for d in builtin)
    checked = _run(installed, "check", cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "all valid" in checked.stdout
