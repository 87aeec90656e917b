"""Make "Notes in Plain Text" exports with Anki's own library (the `anki` package in the test extra)."""

from __future__ import annotations

from pathlib import Path

NOTES = [
    ("Basic", ["What is <b>hypertension</b>?", "Pressure &gt; 130/80&nbsp;mmHg<br>on several days"], ["cardio"]),
    ("Basic (and reversed card)", ["Systolic", "The top number"], []),
    ("Basic (optional reversed card)", ["Diastolic", "The bottom number", "y"], []),
    ("Cloze", ["The {{c1::heart}} pumps {{c2::blood}}", "Extra bit"], ["anat"]),
    ("Basic (type in the answer)", ["Normal pulse?", '60-100 <img src="pulse.png">'], []),
]
"""A note of each stock note type quiz imports: (note type, fields, tags)."""


def anki_collection(folder: Path, notes: list[tuple[str, list[str], list[str]]] = NOTES):  # type: ignore[no-untyped-def]
    """A new Anki collection in `folder` holding `notes` in the deck "Heart::Blood pressure"."""
    from anki.collection import Collection

    col = Collection(str(folder / "collection.anki2"))
    deck_id = col.decks.id("Heart::Blood pressure")
    for kind, fields, tags in notes:
        note = col.new_note(col.models.by_name(kind))
        for i, text in enumerate(fields):
            note.fields[i] = text
        note.tags = list(tags)
        col.add_note(note, deck_id)
    return col


def import_package(col, package: Path) -> None:  # type: ignore[no-untyped-def]
    """Import a package (`quiz export`'s .apkg) into `col` as Anki's File > Import does, without scheduling."""
    from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest

    options = ImportAnkiPackageOptions(with_scheduling=False, with_deck_configs=False)
    col.import_anki_package(ImportAnkiPackageRequest(package_path=str(package), options=options))


def anki_holding(tmp_path: Path, deck: Path):  # type: ignore[no-untyped-def]
    """A new Anki collection (Anki's own library) that has imported `quiz export` of the deck."""
    import tempfile

    from quiz.cli import main

    package = tmp_path / "d.apkg"
    assert main(["export", str(deck), "-o", str(package), "--force"]) == 0  # a new package each cycle
    col = anki_collection(Path(tempfile.mkdtemp(dir=tmp_path)), [])
    import_package(col, package)
    return col


def export_notes(col, path: Path, *, everything: bool = True) -> str:  # type: ignore[no-untyped-def]
    """Export every note as Anki's "Notes in Plain Text" does; with everything, every column Anki offers."""
    col.export_note_csv(
        out_path=str(path),
        limit=None,
        with_html=everything,
        with_tags=True,
        with_deck=everything,
        with_notetype=everything,
        with_guid=everything,
    )
    return path.read_text(encoding="utf-8")


if __name__ == "__main__":  # writes the committed copies in tests/data/import/anki/
    import tempfile

    out = Path(__file__).parent / "data" / "import" / "anki"
    with tempfile.TemporaryDirectory() as work:
        col = anki_collection(Path(work))
        export_notes(col, out / "real-export-every-column.txt")
        export_notes(col, out / "real-export-plain.txt", everything=False)
        col.close()
