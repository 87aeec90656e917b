"""Shared fixtures: no test touches a real home directory or data folder."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from tests.golden_files import Golden, check_golden

# Durations are for bench/, never for tests: on a shared, noisy machine Hypothesis's deadline and
# too-slow checks would fail tests for the machine's load, not for a defect.
settings.register_profile("quiz", deadline=None, suppress_health_check=[HealthCheck.too_slow])
# In CI (CI is set) the examples are derandomized: a run there is the same run as `CI=true pytest`
# here, so a failure it finds can be reproduced, and a new random example never fails a landing.
# Local runs keep exploring new examples.
settings.register_profile("quiz-ci", parent=settings.get_profile("quiz"), derandomize=True, print_blob=True)
settings.load_profile("quiz-ci" if os.environ.get("CI") else "quiz")

# Screens show local time; snapshots must not depend on the machine's time zone.
os.environ["TZ"] = "UTC"
time.tzset()

DATA = Path(__file__).parent / "data"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/*.json from what the code gives now (then read their diff)",
    )


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Golden:
    """check(name, value): value equals tests/golden/<name>.json (tests/golden_files.py)."""
    update = bool(request.config.getoption("--update-golden"))
    return lambda name, value: check_golden(name, value, update=update)


@pytest.fixture(autouse=True)
def private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point QUIZ_DATA_DIR and HOME into the test's own temporary folder."""
    data = tmp_path / "quiz-data"
    monkeypatch.setenv("QUIZ_DATA_DIR", str(data))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "home" / ".config"))
    monkeypatch.delenv("QUIZ_CONFIG_DIR", raising=False)
    return data


@pytest.fixture
def col(tmp_path: Path) -> Iterator[Any]:
    """A new, empty Anki collection (Anki's own library, a test dependency) in tmp_path/anki."""
    collection = pytest.importorskip("anki.collection", reason="the anki package is a test dependency")
    (tmp_path / "anki").mkdir()
    c = collection.Collection(str(tmp_path / "anki" / "collection.anki2"))
    yield c
    c.close()
