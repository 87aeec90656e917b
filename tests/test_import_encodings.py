"""The encodings a card list arrives in (header_encoding_candidates.sh b, c): UTF-16 without its
byte-order mark is text, not "a binary file"; a Latin-1 or Windows-1252 file is refused naming its
line and the way out, --encoding; binary data stays refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.cli import main
from quiz.deck.load import load_deck, utf16_order
from quiz.interop.formats import not_an_export

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


@pytest.mark.parametrize("name", ["punycode", "idna", "IDNA", "unicode_escape", "Raw-Unicode-Escape", "undefined"])
def test_a_codec_for_no_file_of_text_is_refused_as_an_encoding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """T6 #16: punycode gave "unexpected error (UnicodeError)"; unicode_escape read `\\n` in a card
    as a line break. Each is refused as "bogus" is."""
    assert _import(tmp_path, b"q\\n\ta\nq2\ta2\n", "--encoding", name) == 2
    assert f"{name!r} is not a text encoding (cp1252, latin-1, utf-16...)" in capsys.readouterr().err


def test_two_exports_joined_and_a_zero_width_space_leave_nothing_unseen_in_a_question(tmp_path: Path) -> None:
    """bom_midfile.sh: `cat a.txt b.txt` of two UTF-8 exports with a byte-order mark, and a zero-width
    space after q3: the questions read as they look, and a note names the lines."""
    raw = b"\xef\xbb\xbfq1\ta1\n" + b"\xef\xbb\xbfq2\ta2\nq3\xe2\x80\x8b\ta3\n"
    (tmp_path / "both.txt").write_bytes(raw)
    from quiz.interop.importer import import_cards

    result = import_cards(raw.decode("utf-8-sig"), "both.txt", deck_id="t")
    assert [f.question for f in result.deck.facts] == ["q1", "q2", "q3"]
    assert any(n.endswith("which would make a text look like another: line 2, 3") for n in result.notes)


MARKS = st.sampled_from(["\u200b", "\ufeff", "\u2060", "\u2063", "\u180e"])
WORDS = st.text(st.sampled_from("abcé -?"), min_size=1, max_size=8).filter(lambda t: t.strip(" -?") != "")


@given(st.lists(st.one_of(WORDS, MARKS), min_size=1, max_size=8).map("".join), st.booleans())
def test_marks_that_show_as_nothing_are_taken_out_of_any_field(text: str, html: bool) -> None:
    from quiz.interop.table import read_cards
    from quiz.untrusted import visible

    plain = "".join(c for c in text if visible(c) == c)
    if html:
        text = text.replace("\u200b", "&#x200b;")  # an entity is read, then taken out too
    table = read_cards(f"#separator:tab\n#html:{str(html).lower()}\nq{text}\t{text}a\n", "t.txt")
    assert [(c.front, c.back) for c in table.cards] in ([(f"q{plain}".strip(), f"{plain}a".strip())], [])


def test_joiners_that_scripts_and_emoji_need_are_kept() -> None:
    from quiz.interop.importer import import_cards

    text = "Who treats you?\t\U0001f468\u200d\u2695\ufe0f a doctor\nमित्र\tक्\u200dष\n"
    facts = import_cards(text, "t.txt", deck_id="t").deck.facts
    assert [f.answer for f in facts] == ["\U0001f468\u200d\u2695\ufe0f a doctor", "क्\u200dष"]


@pytest.mark.parametrize("raw", [b"[" * 8_000_000, b"[" * 100_000 + b"]" * 100_000, b"{" * 100_000])
def test_brackets_nested_past_the_json_parser_are_refused_with_a_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], raw: bytes
) -> None:
    """JSON is told by parsing it, which "[[[[..." took past Python's recursion limit: "unexpected error"."""
    assert _import(tmp_path, raw) == 1
    printed = capsys.readouterr()
    assert "unexpected error" not in printed.err and "no row has a separator" in printed.out


PIECES = st.sampled_from(
    [b"\t", b";", b",", b"|", b":", b'"', b"\n", b"\r", b"#", b"\xef\xbb\xbf", b"\xff\xfe", b"\x00", b"{{c1::",
     b"}}", b"<br>", b"&amp;", b"#guid column:1\n", b"#notetype:Cloze\n", b"#columns:a\tb\n", b"#html:true\n",
     b"sep=;\n", b"[", b"{", b"\xe9", b"\xe2\x80\x8b", b"a", b"7,0", b" - "]
)  # fmt: skip


OPTIONS = st.lists(
    st.sampled_from(
        [["--separator", "semicolon"], ["--separator", " - "], ["--row-separator", "semicolon"], ["--no-quotes"],
         ["--html"], ["--no-html"], ["--header"], ["--encoding", "cp1252"], ["--encoding", "utf-16"], ["--skip-bad"]]
    ),
    max_size=3,
    unique_by=lambda option: option[0],
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(PIECES, st.binary(max_size=4)), max_size=30).map(b"".join), OPTIONS)
def test_any_bytes_are_imported_or_refused_with_a_reason(raw: bytes, options: list[list[str]]) -> None:
    """Whatever the bytes and options, `quiz import` writes a deck or says why not: never
    "unexpected error" (a traceback's stand-in)."""
    import contextlib
    import io
    import tempfile

    err, out = io.StringIO(), io.StringIO()
    with tempfile.TemporaryDirectory() as work, contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        source = Path(work) / "cards.txt"
        source.write_bytes(raw)
        args = [arg for option in options for arg in option]
        assert main(["import", str(source), "-o", str(Path(work) / "out.toml"), *args]) in (0, 1, 2)
    assert "unexpected error" not in err.getvalue()


@pytest.mark.parametrize(("codec", "misread"), [("cp1252", "38 Â°C"), ("latin-1", "38 Â°C"), ("mac-roman", "38 ¬∞C")])
def test_utf8_text_given_a_single_byte_encoding_is_refused_naming_what_it_would_become(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], codec: str, misread: str
) -> None:
    """T9 #15: `--encoding cp1252` on a UTF-8 file wrote "38 Â°C" and "1000 Âµg" into the deck, without a word."""
    raw = "Fever threshold;38 °C\nVitamin B12 dose;1000 µg\n".encode()
    assert _import(tmp_path, raw, "--encoding", codec) == 1
    err = capsys.readouterr().err
    assert f"cards.txt:1: this file is UTF-8 text (“Fever threshold;38 °C”), which read as {codec} would be" in err
    assert f"“Fever threshold;{misread}”: import it without --encoding" in err
    assert not (tmp_path / "out.toml").exists()
    assert _import(tmp_path, raw, "--encoding", "utf-8") == 0  # the encoding it is in
    assert _import(tmp_path, b"\xef\xbb\xbfq;a\n", "--encoding", codec, "--force") == 1  # its mark alone
    assert "(it starts with UTF-8's byte-order mark), which read as" in capsys.readouterr().err
    assert _import(tmp_path, b"Plain;ascii\nq;a\n", "--encoding", "cp1252", "--force") == 0


@given(st.text(st.characters(codec="cp1252", exclude_categories=["Cs"]), min_size=1, max_size=20))
def test_text_in_cp1252_is_read_in_it_unless_it_is_utf8_text_too(text: str) -> None:
    """Text in cp1252 beyond ASCII is almost never valid UTF-8: read with --encoding as it is; refused
    only where its bytes are UTF-8 text too, which read as UTF-8 says something else."""
    import tempfile

    from quiz.commands._import_text import read_export
    from quiz.errors import QuizError

    raw = f"q;{text}\n".encode("cp1252")
    with tempfile.TemporaryDirectory() as work:
        (Path(work) / "c.txt").write_bytes(raw)
        try:
            assert read_export(Path(work) / "c.txt", 1 << 20, "cp1252") == raw.decode("cp1252")
        except QuizError as err:
            assert "this file is UTF-8 text" in str(err)
            assert raw.decode("utf-8") != raw.decode("cp1252")
