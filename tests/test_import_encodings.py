"""The encodings a card list arrives in (header_encoding_candidates.sh b, c): UTF-16 without its
byte-order mark is text, not "a binary file"; a Latin-1 or Windows-1252 file is refused naming its
line and the way out, --encoding; binary data stays refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.cli import main
from quiz.deck.load import load_deck
from quiz.interop.formats import not_an_export, utf16_order

CARDS = "HbA1c goal\tbelow 7,0 %\r\nKreatinin\t1,2 mg/dL\r\nFièvre\tfever\r\n"


def _import(tmp_path: Path, raw: bytes, *options: str) -> int:
    (tmp_path / "cards.txt").write_bytes(raw)
    return main(["import", str(tmp_path / "cards.txt"), "-o", str(tmp_path / "out.toml"), *options])


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_its_byte_order_mark_is_read(tmp_path: Path, codec: str) -> None:
    assert not_an_export(CARDS.encode(codec)) is None
    assert _import(tmp_path, CARDS.encode(codec)) == 0
    facts = load_deck(tmp_path / "out.toml").facts
    assert [(f.question, f.answer) for f in facts] == [
        ("HbA1c goal", "below 7,0 %"),
        ("Kreatinin", "1,2 mg/dL"),
        ("Fièvre", "fever"),
    ]


@given(st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), min_size=2))
def test_utf16_of_latin_text_is_told_by_its_bytes(text: str) -> None:
    assert utf16_order(text.encode("utf-16-le")) == "utf-16-le"
    assert utf16_order(text.encode("utf-16-be")) == "utf-16-be"
    assert utf16_order(text.encode("utf-8")) is None


def test_binary_data_is_still_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _import(tmp_path, b"q\ta\n\x00\x01\x02\x00") == 1
    assert "a binary file (it holds NUL bytes)" in capsys.readouterr().err


def test_latin1_is_refused_with_its_line_and_read_with_encoding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = CARDS.encode("cp1252")
    assert _import(tmp_path, raw) == 1
    assert capsys.readouterr().err.strip() == (
        f"quiz: {tmp_path / 'cards.txt'}:3: not UTF-8 text (byte 0xe8): most likely Windows-1252 or Latin-1, as "
        "Excel and older programs save text; save it as UTF-8, or import it with --encoding cp1252 (or the "
        "encoding it was saved in)"
    )
    assert _import(tmp_path, raw, "--encoding", "cp1252", "--force") == 0
    assert load_deck(tmp_path / "out.toml").facts[2].question == "Fièvre"


def test_an_encoding_that_does_not_fit_names_the_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _import(tmp_path, "q\ta\n\u20ac\tb\n".encode(), "--encoding", "ascii") == 1
    assert ":2: not ascii text (byte 0xe2)" in capsys.readouterr().err
    assert _import(tmp_path, b"q\ta\n", "--encoding", "base64") == 2
    assert "'base64' is not a text encoding" in capsys.readouterr().err
    assert _import(tmp_path, b"q\ta\n", "--encoding", "klingon") == 2
