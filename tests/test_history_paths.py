"""A data folder (or backup) named with `..` is the folder the system resolves it to, however many
`..` climb above `/` and whatever links stand before them: SQLite resolves `..` by the letters
alone, and refused such a path ("unable to open database file") or would open another file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.paths import history_db, os_path
from quiz.store import Store, list_backups
from tests.history_helpers import quiz


def above_root(folder: Path, cwd: Path, extra: int = 5) -> str:
    """`folder` spelt from `cwd` with more `..` than there are folders above it."""
    return "../" * (len(cwd.parts) + extra) + str(folder).lstrip("/")


@pytest.mark.parametrize("spelling", ["slash-dot-dot", "relative"])
def test_every_history_command_uses_a_folder_spelt_above_the_root(tmp_path: Path, spelling: str) -> None:
    data = tmp_path / "mydata"
    given_as = "/.." + str(data) if spelling == "slash-dot-dot" else above_root(data, tmp_path)
    for command in (["history", "export", "--csv", "x.csv"], ["history", "--plain"], ["history", "--json"]):
        run = quiz("--data-dir", given_as, *command, cwd=tmp_path)
        assert run.returncode == 0 and "unable to open" not in run.stderr, run.stderr
    assert history_db(data).exists()
    with Store.open(data, backup=False) as store:
        sid = store.start_session("d", "quiz")
        store.record_answer(sid, "d", "f", kind="typed", response="x", correct=True)
        store.finish_session(sid)
        store.backup()
    [backup] = list_backups(data)
    backup_as = "/.." + str(backup) if spelling == "slash-dot-dot" else above_root(backup, tmp_path)
    restored = quiz("--data-dir", given_as, "history", "restore", "--backup", backup_as, cwd=tmp_path)
    assert restored.returncode == 0, restored.stderr


def test_a_dot_dot_after_a_link_is_the_link_targets_parent(tmp_path: Path) -> None:
    real = tmp_path / "real" / "inner"
    real.mkdir(parents=True)
    (tmp_path / "link").symlink_to(real)
    run = quiz("--data-dir", "link/../mydata", "history", "export", "--csv", "-", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert history_db(tmp_path / "real" / "mydata").exists()  # where `ls link/../mydata` looks
    assert not (tmp_path / "mydata").exists()  # where the letters alone lead


def test_a_path_without_dot_dot_is_kept_as_written(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real")
    assert os_path(tmp_path / "link" / "data") == tmp_path / "link" / "data"


@settings(max_examples=30, deadline=None)
@given(extra=st.integers(0, 12), leading=st.integers(0, 3))
def test_os_path_names_what_the_system_opens(
    tmp_path_factory: pytest.TempPathFactory, extra: int, leading: int
) -> None:
    folder = tmp_path_factory.mktemp("f")
    spelt = "/.." * leading + "/" + "../" * extra + str(folder).lstrip("/")
    resolved = os_path(spelt)
    assert ".." not in resolved.parts and os.path.samefile(resolved, spelt)


NO_USER = "~nosuchuser-quiz"


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["--data-dir", f"{NO_USER}/data", "history", "--plain"], {}),
        (["history", "--plain", "--data-dir", f"{NO_USER}/data"], {}),
        (["decks"], {"QUIZ_DATA_DIR": NO_USER}),
        (["history", "--json"], {"QUIZ_DATA_DIR": f"{NO_USER}/x"}),
        (["history", "restore", "--backup", f"{NO_USER}/b.db"], {}),
        (["history", "export", "--csv", "a.csv"], {"QUIZ_DATA_DIR": f"{NO_USER}/x"}),
        (["export", "x.toml", "-o", "x.md"], {"QUIZ_DATA_DIR": NO_USER}),
    ],
)
def test_a_home_of_no_user_is_a_clear_error_naming_the_path(
    tmp_path: Path, args: list[str], env: dict[str, str], monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    from quiz.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.toml").write_text((Path(__file__).parent / "data/decks/valid/complete.toml").read_text())
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert main(args) in (1, 2)
    err = capsys.readouterr().err
    assert f"{NO_USER}: " in err or f"{NO_USER}/" in err
    assert "no such user" in err and "unexpected" not in err and "Traceback" not in err
    if env:
        assert "QUIZ_DATA_DIR=" in err


def test_a_settings_folder_in_the_home_of_no_user_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from quiz.errors import QuizError
    from quiz.preferences import config_dir

    monkeypatch.setenv("QUIZ_CONFIG_DIR", f"{NO_USER}/settings")
    with pytest.raises(QuizError, match=f"QUIZ_CONFIG_DIR={NO_USER}/settings: .*no such user"):
        config_dir()


@settings(max_examples=200, deadline=None)
@given(path=st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1))
def test_os_path_gives_an_absolute_path_or_a_usage_error(path: str) -> None:
    """Whatever the person types (a ~, a ~name of no one, dots): an absolute path, or a UsageError
    naming what was typed; never another exception (a RuntimeError became a traceback)."""
    from quiz.errors import UsageError

    for spelt in (path, "~" + path):
        try:
            assert os_path(spelt).is_absolute()
        except UsageError as err:
            assert str(err).startswith(f"{spelt}: ")
