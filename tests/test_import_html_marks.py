"""Anki HTML that shows otherwise than as text run together is never merged into a fact unsaid
(T9 #2): "× 10<sup>9</sup>/L" was imported as "× 109/L" and "10<sup>-3</sup>" as "10-3" (another
number, then marked right). Superscripts and subscripts become Unicode's characters, which typed
marking reads as powers; struck-out, hidden and ruby-reading text is left out with a note; simple
MathJax is read as text, and what quiz cannot read is named in a note."""

from __future__ import annotations

from pathlib import Path

import pytest
from anki_exports import anki_collection, export_notes
from hypothesis import given
from hypothesis import strategies as st

from quiz.interop.html_text import field_text
from quiz.interop.importer import import_cards
from quiz.typed import mark

DATA = Path(__file__).parent / "data" / "import" / "html"


@pytest.mark.parametrize(
    ("html", "text", "notes"),
    [
        ("150 to 400 &times; 10<sup>9</sup>/L", "150 to 400 × 10⁹/L", ()),
        ("5 &times; 10<sup>-3</sup> g", "5 × 10⁻³ g", ()),
        ("1.7 m<sup>2</sup>", "1.7 m²", ()),
        ("CO<sub>2</sub> and H<sub>2</sub>O", "CO₂ and H₂O", ()),
        ("Ca<sup>2+</sup>", "Ca²⁺", ()),
        ("10<sup> <b>9</b></sup>/L", "10⁹/L", ()),
        ("the 1<sup>st</sup> dose", "the 1st dose", ()),
        ("Brand<sup>®</sup>", "Brand®", ()),
        ("Vitamin B<sub>12a</sub>", "Vitamin B12a", (("raised", "<sub>12a</sub>"),)),
        ("10<sup>9", "10⁹", ()),  # never closed: read to the end, as a browser does
        ("10<sup>9<sub>2", "1092", (("raised", "<sup>92</sup>"),)),  # a sub in a sup: no one character
        ("x<sup>a<sub>2</sub></sup>y<sup>3</sup>", "xa2y³", (("raised", "<sup>a2</sup>"),)),
        ("<sup>1<sup>2</sup>3</sup>x", "¹²³x", ()),
        ("<s>10 mg 5 mg", "", (("struck", "10 mg 5 mg"),)),
        ("<s>10 mg</s> 5 mg", "5 mg", (("struck", "10 mg"),)),
        ("x<del>a<b>b</b>c</del>y <strike>z</strike>", "xy", (("struck", "abc"), ("struck", "z"))),
        ('<span style="display: none"><span>10</span> mg</span>5 mg', "5 mg", (("hidden", "10 mg"),)),
        ("<div hidden>old</div>new", "new", (("hidden", "old"),)),
        ("<ruby>Bladder<rt>BLAD-er</rt></ruby>", "Bladder", (("ruby", "BLAD-er"),)),
        (r"150 to 400 \(\times 10^9\)/L", "150 to 400 × 10⁹/L", (("mathjax", r"\(\times 10^9\)"),)),
        (r"\(5 \times 10^{-3}\) g", "5 × 10⁻³ g", (("mathjax", r"\(5 \times 10^{-3}\)"),)),
        (r"\[CO_2\] at \(37^\circ\)C", "CO₂ at 37°C", (("mathjax", r"\[CO_2\]"),)),
        (r"\(\frac{1}{2}\) tablet", r"\(\frac{1}{2}\) tablet", (("mathjax-kept", r"\(\frac{1}{2}\)"),)),
        ("\\\u2060(not math\\)", "\\(not math\\)", ()),  # quiz export's own text, its \( broken: as written
    ],
)
def test_what_anki_shows_apart_is_read_apart(html: str, text: str, notes: tuple[tuple[str, str], ...]) -> None:
    assert field_text(html, html=True) == (text, (), notes)


def test_t9_files_import_as_anki_shows_them_with_notes() -> None:
    sup, notes, _ = import_cards((DATA / "sup.txt").read_text(encoding="utf-8"), "sup.txt", deck_id="s")
    assert [f.answer for f in sup.facts] == ["150 to 400 × 10⁹/L", "4 to 11 x 10⁹/L", "5 × 10⁻³ g", "5 mg", "1.7 m²"]
    assert "left out struck-out text (<s>, <del>, <strike>), which Anki shows crossed out: line 6 (“10 mg”)" in notes
    h2, notes, _ = import_cards((DATA / "h2.txt").read_text(encoding="utf-8"), "h2.txt", deck_id="h")
    assert [f.answer for f in h2.facts][1:3] == ["Bladder", "5 mg"]
    assert any(n.startswith("left out hidden text (display:none), which Anki does not show: line 5") for n in notes)
    assert any(n.startswith("left out ruby readings (<rt>)") for n in notes)
    mj, notes, _ = import_cards((DATA / "mj.txt").read_text(encoding="utf-8"), "mj.txt", deck_id="m")
    assert [f.answer for f in mj.facts] == ["150 to 400 × 10⁹/L", "5 × 10⁻³ g", "mL/min/1.73 m²"]
    assert any(n.startswith("read simple MathJax as text (\\(10^9\\) as 10⁹): line 3, 4, 5") for n in notes)


def test_the_right_value_as_anki_showed_it_is_right_and_a_range_is_not() -> None:
    """T9: mark('5 × 10-3 g', (), '5 x 10 to 3 g') was right, the value as Anki showed it wrong."""
    answer = field_text("5 &times; 10<sup>-3</sup> g", html=True).text
    assert mark(answer, (), "5 × 10⁻³ g").correct and mark(answer, (), "5 x 10^-3 g").correct
    assert not mark(answer, (), "5 x 10 to 3 g").correct and not mark(answer, (), "5 x 10-3 g").correct


@given(st.integers(2, 99), st.integers(-12, 12))
def test_a_power_in_sup_is_read_as_a_power_never_as_digits_run_on(base: int, power: int) -> None:
    text = field_text(f"{base}<sup>{power}</sup> g", html=True).text
    assert mark(text, (), f"{base}^{power} g").correct
    assert not mark(text, (), f"{base}{power} g").correct


@given(st.sampled_from(["s", "del", "strike"]), st.integers(1, 500), st.integers(1, 500))
def test_struck_out_text_is_never_part_of_the_answer(tag: str, old: int, new: int) -> None:
    read = field_text(f"<{tag}>{old} mg</{tag}> {new} mg", html=True)
    assert read.text == f"{new} mg" and read.notes == (("struck", f"{old} mg"),)


def test_anki_s_own_export_of_such_notes_imports_as_anki_shows_them(tmp_path: Path) -> None:
    notes: list[tuple[str, list[str], list[str]]] = [
        ("Basic", ["Platelets?", "150 to 400 &times; 10<sup>9</sup>/L"], []),
        ("Basic", ["New dose?", "<s>10 mg</s> 5 mg"], []),
        ("Basic", ["Small dose?", r"\(5 \times 10^{-3}\) g"], []),
        ("Cloze", ["Normal count is {{c1::4 to 11 &times; 10<sup>9</sup>/L}}", ""], []),
    ]
    col = anki_collection(tmp_path, notes)
    export_notes(col, tmp_path / "notes.txt")
    col.close()
    deck, found, _ = import_cards((tmp_path / "notes.txt").read_text(encoding="utf-8"), "notes.txt", deck_id="a")
    assert [f.answer for f in deck.facts] == ["150 to 400 × 10⁹/L", "5 mg", "5 × 10⁻³ g", "4 to 11 × 10⁹/L"]
    assert deck.facts[3].statement == "Normal count is {{4 to 11 × 10⁹/L}}"
    assert any(n.startswith("left out struck-out text") for n in found)
    assert any(n.startswith("read simple MathJax as text") for n in found)
