"""A question never shows its answer in another form (T11 G4, G5): a matching meaning that names its
term written otherwise (quiz.meanings), a statement whose rest says its answer (quiz.kinds), a false
version whose article gives it away (quiz.kinds.fitted)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quiz.kinds import names_term
from quiz.meanings import HIDDEN, hide_term, written_otherwise

# --- G4: a meaning that names its own term written otherwise ---------------------------------------


def test_a_meaning_hides_its_term_hyphenated_spaced_joined_or_plural() -> None:
    for term, meaning in [
        ("radiotherapy", "Treatment with radiation beams (radio-therapy)."),
        ("radiotherapy", "Treatment with radiation beams, or radio therapy."),
        ("radiotherapy", "Radio-therapies treat with radiation beams."),
        ("CT scan", "Many x-rays put together by a computer; a CTscan."),
        ("CT scan", "Many x-rays put together by a computer (CT-scans)."),
        ("chemoradiation", "Chemo-radiation: both at once."),
        ("follow-up", "Visits after treatment (followup)."),
        ("by-pass", "A new route around a blocked vessel: a bypass."),
    ]:
        shown = hide_term(term, meaning)
        assert HIDDEN in shown, (term, shown)
        assert "radio" not in shown.casefold() and "ctscan" not in shown.casefold().replace("-", ""), shown


def test_a_meaning_hides_the_spelled_out_abbreviation_in_a_term_not_all_capitals() -> None:
    ct = hide_term("CT scan", "Computed tomography: many x-rays put together by a computer.")
    assert ct == f"{HIDDEN}: many x-rays put together by a computer."
    mri = hide_term("MRI scan", "A picture made with magnetic resonance imaging.")
    assert mri == f"A picture made with {HIDDEN}."
    assert hide_term("NSAIDs", "Non-steroidal anti-inflammatory drugs, such as ibuprofen.").startswith(HIDDEN)
    assert hide_term("PET-CT", "Positron emission tomography with computed tomography.").count(HIDDEN) == 2
    # the abbreviation itself, however short, in a meaning of a term that holds it
    assert "CT" not in hide_term("CT scan", "Computed tomography (CT): x-rays put together.")
    assert hide_term("computed tomography (CT)", "A CT scan uses x-rays.") == f"A {HIDDEN} scan uses x-rays."


def test_two_short_words_are_no_two_letter_abbreviation() -> None:
    assert hide_term("CT scan", "A scan that can take many pictures.") == f"A {HIDDEN} that can take many pictures."


def test_written_otherwise_finds_nothing_else() -> None:
    assert written_otherwise("radiotherapy", "radiation therapy") == []
    assert written_otherwise("CT scan", "the CT of the scan") == []
    assert written_otherwise("therapy", "The. Rapy") == []  # a full stop is no joining
    assert written_otherwise("5-FU", "5 FU") == []  # too short to look for
    assert names_term("Given with radio-therapy.", "radiotherapy")


@given(
    st.lists(st.from_regex(r"[a-z]{3,8}", fullmatch=True), min_size=2, max_size=3),
    st.lists(st.sampled_from([" ", "-", "", "/"]), min_size=2, max_size=2),
)
def test_a_term_written_with_any_joins_is_hidden(parts: list[str], joins: list[str]) -> None:
    term = "".join(parts)
    written = parts[0] + "".join(j + p for j, p in zip(joins, parts[1:], strict=False))
    shown = hide_term(term, f"Said as ({written}) in the clinic.")
    assert written not in shown and HIDDEN in shown
