"""Words to know: glossary terms found in their common forms, and only where they are."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quiz.glossary import term_spans, terms_in

GLOSSARY = [
    ("resectable", "Can be removed by surgery."),
    ("metastasis", "Cancer that has spread."),
    ("tumor", "A lump."),
    ("therapy", "A treatment."),
    ("fusion", "Joining."),
    ("stage IV", "Cancer that has spread far."),
]


def names(text: str) -> list[str]:
    return [t for t, _ in terms_in(text, GLOSSARY)]


def test_common_forms_find_their_term() -> None:
    assert names("Unresectable metastases") == ["resectable", "metastasis"]
    assert names("Two tumors and non-resectable ones") == ["resectable", "tumor"]
    assert names("Therapies differ") == ["therapy"]
    assert names("Stage iv cancer") == ["stage IV"]


def test_other_words_that_contain_a_term_do_not() -> None:
    assert names("An infusion of tumorous cells, resectability, metastatic") == []


def test_spans_cover_the_whole_word_as_written() -> None:
    text = "Unresectable tumors"
    assert [(text[a:b], term) for a, b, term in term_spans(text, [t for t, _ in GLOSSARY])] == [
        ("Unresectable", "resectable"),
        ("tumors", "tumor"),
    ]


@given(st.sampled_from([t for t, _ in GLOSSARY]), st.text(alphabet=" .,;:!?()", max_size=3))
def test_a_term_is_always_found_as_written(term: str, around: str) -> None:
    assert term in names(f"{around}{term}{around}")


@given(st.text(max_size=200))
def test_any_text_gives_spans_inside_it_in_order(text: str) -> None:
    spans = term_spans(text, [t for t, _ in GLOSSARY])
    assert all(0 <= a < b <= len(text) for a, b, _ in spans)
    assert all(b1 <= a2 for (_, b1, _), (a2, _, _) in zip(spans, spans[1:], strict=False))


ACCENTED = ["café au lait spots", "Ménétrier disease", "naïve T cells", "Sjögren syndrome"]


@given(
    st.sampled_from(ACCENTED),
    st.sampled_from(["NFC", "NFD"]),
    st.sampled_from(["NFC", "NFD"]),
    st.text(alphabet=" .,;:!?()", max_size=3),
)
def test_a_term_is_found_whichever_unicode_form_the_text_and_the_glossary_use(
    term: str, text_form: str, term_form: str, around: str
) -> None:
    """An accented letter is one character (NFC) in one file and a letter plus an accent (NFD) in
    another; they look the same, so a term written one way is found in a text written the other."""
    import unicodedata

    glossary_term = unicodedata.normalize(term_form, term)
    text = unicodedata.normalize(text_form, f"Ask about {term}{around}")
    [(start, end, found)] = term_spans(text, [glossary_term])
    assert found == glossary_term
    assert unicodedata.normalize("NFC", text[start:end]) == unicodedata.normalize("NFC", term)
    assert terms_in(text, [(glossary_term, "meaning")]) == [(glossary_term, "meaning")]


def test_two_glossary_terms_kept_under_one_id_are_refused_where_the_second_is() -> None:
    """A term's answers and schedule are kept under term_id (its slug): "CD4+" and "CD4-", or
    "Café" and "Cafe", would share one history, so the deck says where and which."""
    found = _refused(
        'format = 1\n[deck]\nid = "d"\ntitle = "T"\n[glossary]\n"CD4+" = "Helper cells."\n"CD4-" = "Not those."\n'
        '"Café" = "A place."\n"T cell" = "A cell."\n"Cafe" = "Coffee."\n'
        '[[facts]]\nid = "f"\nquestion = "Q?"\nanswer = "A"\n'
    )
    assert [line for line, _ in found] == [7, 10]
    assert '"CD4-" would share its answers and schedule with "CD4+"' in found[0][1]
    assert '"Cafe" would share its answers and schedule with "Café"' in found[1][1]


def test_terms_in_other_scripts_are_kept_apart_and_a_deck_may_hold_many() -> None:
    """A slug keeps only Latin letters: "β-blocker" and "α-blocker" were both "term:blocker", and
    every Chinese or Cyrillic term was "term:term", so a deck could hold one. They keep a short hash
    of themselves; Latin terms keep their slug (and their history)."""
    from pathlib import Path

    from quiz.deck.load import parse_deck
    from quiz.glossary import term_id

    assert term_id("β-blocker") != term_id("α-blocker") and term_id("β-blocker").startswith("term:blocker-")
    assert len({term_id(t) for t in ("乳腺癌", "肺癌", "тромб", "тромбоз")}) == 4
    assert term_id("Café") == term_id("cafe") == "term:cafe" and term_id("5-FU") == "term:5-fu"
    assert term_id(" β-Blocker ") == term_id("β-blocker")  # the same term, however written
    text = (
        'format = 1\n[deck]\nid = "d"\ntitle = "T"\n[glossary]\n"β-blocker" = "A."\n"α-blocker" = "B."\n'
        '"乳腺癌" = "C."\n"肺癌" = "D."\n[[facts]]\nid = "f"\nquestion = "Q?"\nanswer = "A"\n'
    )
    assert len(parse_deck(text, Path("g.toml")).glossary) == 4


def test_glossary_terms_and_options_that_look_the_same_on_screen_are_refused() -> None:
    """A Greek ο in "Cοlon" looks like "Colon", a Cyrillic а in "Blаck tea" like "Black tea", and
    "Heart" with a variation selector like "Heart" (quiz.deck.text.as_seen): two such glossary
    terms, or two such options of one question, would look the same to the learner."""
    found = _refused(
        'format = 1\n[deck]\nid = "d"\ntitle = "T"\n[glossary]\n"Colon" = "The bowel."\n"C\u03bflon" = "Again."\n'
        '[[facts]]\nid = "f"\nquestion = "Q?"\nanswer = "Black tea"\n'
        'distractors = ["Bl\u0430ck tea", "Heart\ufe0f", "Heart", "Green tea"]\n'
    )
    assert [line for line, _ in found] == [7, 12, 12], found
    assert '"C\u03bflon" looks the same as "Colon"' in found[0][1]
    assert "is the same as the answer on screen: it holds U+0430 CYRILLIC SMALL LETTER A" in found[1][1]
    assert "is given twice" in found[2][1]


def _refused(text: str) -> list[tuple[int | None, str]]:
    """(line, message) of each problem the loader refuses the deck `text` with."""
    from pathlib import Path

    import pytest

    from quiz.deck.errors import DeckError
    from quiz.deck.load import parse_deck

    with pytest.raises(DeckError) as err:
        parse_deck(text, Path("g.toml"))
    return [(p.line, p.message) for p in err.value.problems]
