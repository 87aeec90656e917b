"""The importer's corpus: each tests/data/import/anki/NAME.txt gives the deck in NAME.toml or the
problems in NAME.err, and prints the notes in NAME.notes (an empty file: no notes).

The files follow the structures of Anki's own test inputs (pylib/tests/support/text-*.txt) and the
rules of rslib/src/import_export/text/csv/metadata.rs; real-export-*.txt were written by Anki's own
library (tests/anki_exports.py). To add a case, write NAME.txt and its expected files by hand;
`PYTHONPATH=. python tests/test_import_corpus.py NAME` prints what quiz makes of it, to compare.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from quiz.deck.errors import DeckError
from quiz.deck.load import parse_deck
from quiz.deck.write import deck_to_toml
from quiz.interop.importer import import_cards

CORPUS = Path(__file__).parent / "data" / "import" / "anki"
CASES = sorted(p.stem for p in CORPUS.glob("*.txt"))


def outcome(name: str) -> tuple[str, str, str]:
    """What importing the case gives: (deck TOML or "", problems or "", notes)."""
    path = CORPUS / f"{name}.txt"
    try:
        deck, notes, _ = import_cards(path.read_text(encoding="utf-8"), path.name, deck_id="corpus")
    except DeckError as err:
        return "", "".join(f"{p}\n" for p in err.problems), ""
    return deck_to_toml(deck), "", "".join(f"{n}\n" for n in notes)


def expected(name: str, suffix: str) -> str:
    path = CORPUS / f"{name}{suffix}"
    return path.read_text(encoding="utf-8") if path.exists() else ""


@pytest.mark.parametrize("name", CASES)
def test_corpus_case(name: str) -> None:
    assert (CORPUS / f"{name}.toml").exists() != (CORPUS / f"{name}.err").exists(), "one of .toml and .err"
    deck, problems, notes = outcome(name)
    assert (deck, problems, notes) == (expected(name, ".toml"), expected(name, ".err"), expected(name, ".notes"))
    if deck:
        parse_deck(deck, "corpus.toml")  # every deck written passes the loader


if __name__ == "__main__":
    for case in sys.argv[1:]:
        for part in outcome(case):
            print(part, end="")
