"""Every answer in the history as CSV, one row an answer (`quiz history export --csv`;
docs/history.md gives the columns)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from collections.abc import Mapping

    from _typeshed import SupportsWrite

    from quiz.store import Store

CSV_FIELDS = (
    "answer_id", "session_id", "deck_id", "fact_id", "deck_version", "content_hash",
    "kind", "response", "correct", "rating", "response_ms", "answered_at", "certainty", "slip",
    "deck_title", "question",
)  # fmt: skip
"""The columns of `quiz history export --csv`, one row per answer (docs/history.md)."""


def export_csv(
    store: Store,
    path: Path,
    *,
    titles: Mapping[str, str] | None = None,
    questions: Mapping[tuple[str, str], str] | None = None,
    force: bool = False,
) -> int:
    """Write every answer to a CSV file readable by its owner alone (as write_csv); return the count.

    The file is written as quiz.files.write_output writes a file the person named: an existing
    one is replaced only with `force`, and by a complete one (a full disk leaves it as it was);
    the history, its side files and backups (quiz.store.backups.never_written) never. Raises QuizError when refused.
    """
    import io

    from quiz.files import write_output
    from quiz.store.backups import never_written

    count = 0

    def write(handle: BinaryIO) -> None:
        nonlocal count
        out = io.TextIOWrapper(handle, newline="", encoding="utf-8")
        count = write_csv(store, out, titles=titles, questions=questions)
        out.flush()
        out.detach()  # write_atomic syncs and closes the file itself

    write_output(
        Path(path), write, force=force, keep=never_written(store.root), private=True, temp_folder=store.root
    )  # the answers' temporary copy where quiz clears it at the next run, should this one be killed
    return count


def write_csv(
    store: Store,
    out: SupportsWrite[str],
    *,
    titles: Mapping[str, str] | None = None,
    questions: Mapping[tuple[str, str], str] | None = None,
    lineterminator: str = "\r\n",
) -> int:
    """Write every answer in the history as CSV rows (CSV_FIELDS) to `out` and return the count.

    The history keeps ids only; `titles` (deck id -> title) and `questions` ((deck id, fact id)
    -> question) fill the last two columns, so a person can read the file; "" where unknown.
    `certainty` is 1-3 (Guessing, Fairly sure, Sure) or empty when not asked; `slip` is 1 for a
    typed answer accepted with a one-letter slip. Each row ends in `lineterminator` (CSV's \r\n).
    """
    import csv

    from quiz.store.rows import stamp

    titles = titles or {}
    questions = questions or {}
    count = 0
    writer = csv.writer(out, lineterminator=lineterminator)
    writer.writerow(CSV_FIELDS)
    for a in store.answers():
        writer.writerow(
            [
                a.id, a.session_id, _cell(a.deck_id), _cell(a.fact_id),
                _cell(a.deck_version), a.content_hash, a.kind, _cell(a.response),
                int(a.correct), a.rating, a.response_ms, stamp(a.answered_at),
                "" if a.certainty is None else a.certainty, int(a.slip),
                _cell(titles.get(a.deck_id, "")), _cell(questions.get((a.deck_id, a.fact_id), "")),
            ]
        )  # fmt: skip
        count += 1
    return count


def _cell(text: str) -> str:
    """Keep a spreadsheet from running a cell as a formula (a leading ' is shown, not run)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
