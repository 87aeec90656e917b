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
