"""A question never shows its answer in another form (T11 G4, G5): a matching meaning that names its
term written otherwise (quiz.meanings), a statement whose rest says its answer (quiz.kinds), a false
version whose article gives it away (quiz.kinds.fitted)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quiz.deck.model import Deck, Fact
from quiz.deck.statement import split
from quiz.generate import Kind, kinds_for
from quiz.give_away import said_outside_span
from quiz.kinds import false_options, fill_blank, names_term, true_false
from quiz.lint import CHECKS, Judge
from quiz.meanings import HIDDEN, hide_term, written_otherwise
from quiz.mode import Mode
from quiz.pronouncing import indefinite_article
from quiz.session import plan

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


# --- G5a, G5c: a statement whose rest says its answer is asked in no kind ---------------------------


def _deck(statement: str, answer: str, distractors: tuple[str, ...] = ("Hormone", "Immune", "Antibiotic")) -> Deck:
    fact = Fact(id="f", question="Q?", answer=answer, distractors=distractors, statement=statement)
    return Deck(id="d", title="D", facts=(fact,))


SAID_BESIDE = [  # (statement, answer): the rest says the answer, in the same or another form
    ("You take it {{3 times}} a day: morning, noon and night, thrice.", "3 times"),
    ("5-FU is a {{chemotherapy}} drug, a chemo medicine.", "Chemotherapy"),
    ("The {{colon}} absorbs water; a colonoscopy looks at the colon.", "Colon"),
    ("Cancer that spread is {{metastatic}}; such metastases are common.", "Metastatic"),
    ("Use {{radiotherapy}}: radio for short.", "Radiotherapy"),
    ("An {{infection}} is likely when the wound looks infected.", "Infection"),
    ("The {{liver metastases}} were removed, as liver metastatic spread often is.", "Liver metastases"),
    ("The CEA test measures {{carcinoembryonic antigen}} in the blood.", "Carcinoembryonic antigen"),
    ("The {{CEA}} test measures carcinoembryonic antigen.", "CEA"),
    ("An {{MRI}} uses magnetic resonance imaging.", "MRI"),
    ("After an {{APR}}, most people live with a colostomy; an APR removes the anus.", "APR"),  # G3: short
    ("A {{CT}} scan shows more than an X-ray; a CT takes minutes.", "CT"),
]
NOT_SAID = [  # the rest names something else
    ("5-FU is a {{chemotherapy}} drug given with chemoradiation.", "Chemotherapy"),
    ("The {{liver metastases}} were removed; the lungs were clear.", "Liver metastases"),
    ("The {{radiotherapy}} uses radiation beams.", "Radiotherapy"),
    ("The course lasts {{two weeks}}, which is a fortnight.", "Two weeks"),  # a synonym: out of reach
    ("The CEA test is done before {{colon surgery}}.", "Colon surgery"),
    ("A CT scan showed the {{chemotherapy treatment}} worked.", "Chemotherapy treatment"),  # CT: a guess
    ("A {{CT}} scan takes minutes; it is not a cut.", "CT"),  # the same letters, another word
    ("A scan with sound waves, {{US}}, lets us see the liver.", "US"),  # "us" is no abbreviation
]


def test_a_statement_whose_rest_says_its_answer_is_asked_neither_way_and_warns() -> None:
    for statement, answer in SAID_BESIDE:
        deck = _deck(statement, answer)
        fact = deck.facts[0]
        assert said_outside_span(fact, deck.language), statement
        assert fill_blank(deck, fact, seed=0) is None
        for truth in (True, False, None):
            assert true_false(deck, fact, seed=0, truth=truth) is None
        assert not {Kind.FILL_BLANK, Kind.TRUE_FALSE} & set(kinds_for(deck, fact))
        assert any(CHECKS["answer-beside-blank"](deck, fact, Judge(deck)(fact)))
        for mode in (Mode.FILL_BLANK, Mode.TRUE_FALSE):
            assert plan(deck, mode, seed=0, count=5, unseen=["f"]) == []


def test_a_statement_whose_rest_says_something_else_is_asked() -> None:
    for statement, answer in NOT_SAID:
        deck = _deck(statement, answer)
        fact = deck.facts[0]
        assert not said_outside_span(fact, deck.language), statement
        assert {Kind.FILL_BLANK, Kind.TRUE_FALSE} <= set(kinds_for(deck, fact))


def test_a_true_or_false_question_of_a_fact_edited_to_say_its_answer_becomes_a_flashcard() -> None:
    from quiz.session import remake

    before = _deck("5-FU is a {{chemotherapy}} drug.", "Chemotherapy")
    q = true_false(before, before.facts[0], seed=0, truth=False)
    assert q is not None
    after = _deck("5-FU is a {{chemotherapy}} drug, a chemo medicine.", "Chemotherapy")
    again = remake(q, after, seed=0)
    assert again is not None and again.kind is Kind.FLASHCARD


# --- G5b: the words around the span agree with what a false version puts there ---------------------


def test_the_indefinite_article_is_chosen_by_first_sound() -> None:
    an = ["antibiotic", "Immune drug", "MRI", "X-ray", "HIV test", "NSAID", "FDA ruling", "hour", "honest",
          "8 mg dose", "11-day course", "18% chance", "80 mg", "ultrasound", "eGFR", "RFA", "heir", "ostomy"]
    a = ["hormone", "university", "unit", "European", "one-off", "CT scan", "CEA test", "NASA", "uterus",
         "urostomy", "1 mg", "110 mg", "5-FU", "hospital", "US study", "useful", "eucalyptus"]  # fmt: skip
    assert [w for w in an if indefinite_article(w) != "an"] == []
    assert [w for w in a if indefinite_article(w) != "a"] == []


def test_a_blank_after_an_article_shows_it_neutrally() -> None:
    assert split("5-FU is a {{chemotherapy}} drug.").blanked == "5-FU is a(n) _____ drug."  # type: ignore[union-attr]
    assert split("It is an {{MRI}}.").blanked == "It is a(n) _____."  # type: ignore[union-attr]
    assert split("An {{MRI}} is best.").blanked == "A(n) _____ is best."  # type: ignore[union-attr]
    assert split("Rest. A {{CT scan}} is best.").blanked == "Rest. A(n) _____ is best."  # type: ignore[union-attr]
    # "A" that is no article, and "a" inside a word, are left as written
    assert split("Hepatitis A {{vaccine}} works.").blanked == "Hepatitis A _____ works."  # type: ignore[union-attr]
    assert split("Take vitamin A {{daily}}.").blanked == "Take vitamin A _____."  # type: ignore[union-attr]
    assert split("Use a spa {{daily}}.").blanked == "Use a spa _____."  # type: ignore[union-attr]
    assert split("The {{liver}} is big.").blanked == "The _____ is big."  # type: ignore[union-attr]


ARTICLE_STATEMENTS = [
    ("5-FU is a {{chemotherapy}} drug.", "Chemotherapy", ("Hormone", "Immune", "Antibiotic", "Opioid")),
    ("It was an {{MRI}} scan.", "MRI", ("CT", "X-ray", "Ultrasound", "PET")),
    ("An {{X-ray}} is taken first.", "X-ray", ("MRI", "CT scan", "Ultrasound", "Endoscopy")),
    ("You need an {{8-hour}} fast.", "8-hour", ("3-hour", "11-hour", "6-hour", "18-hour")),
]


def test_a_false_version_puts_the_article_that_fits_its_option() -> None:
    for statement, answer, wrong in ARTICLE_STATEMENTS:
        deck = _deck(statement, answer, wrong)
        fact = deck.facts[0]
        assert false_options(fact) == list(wrong)
        shown = set()
        for seed in range(40):
            q = true_false(deck, fact, seed=seed, truth=False)
            assert q is not None and q.truth is False
            shown.add(q.prompt)
        assert len(shown) == len(wrong)
        for option in wrong:
            sentence = next(s for s in shown if option.casefold() in s.casefold())
            before = sentence[: sentence.casefold().index(option.casefold())]
            assert before.casefold().endswith(indefinite_article(option) + " "), sentence


def test_the_report_s_false_version_reads_an_antibiotic() -> None:
    deck = _deck("5-FU is a {{chemotherapy}} drug.", "Chemotherapy", ("Antibiotic", "Hormone"))
    prompts = {true_false(deck, deck.facts[0], seed=s, truth=False).prompt for s in range(20)}  # type: ignore[union-attr]
    assert prompts == {"5-FU is an antibiotic drug.", "5-FU is a hormone drug."}


def test_a_false_version_keeps_a_verb_and_an_article_in_number() -> None:
    plural_span = _deck("The {{kidneys}} are what filter blood.", "Kidneys", ("Liver", "Lungs", "Heart", "Ovaries"))
    assert false_options(plural_span.facts[0]) == ["Lungs", "Ovaries"]
    singular_span = _deck("The {{liver}} is what stores sugar.", "Liver", ("Kidneys", "Heart", "Pancreas", "Lungs"))
    assert false_options(singular_span.facts[0]) == ["Heart", "Pancreas"]
    after_a = _deck("It is a {{kidney}} problem.", "Kidney", ("Lungs", "Heart", "Virus", "Bones"))
    assert false_options(after_a.facts[0]) == ["Heart", "Virus"]
    # the head of a phrase, not its last word: "radiation of the tumors" is one thing
    head = _deck("Here {{focal radiation of the tumors}} is used.", "Focal radiation of the tumors",
                 ("Radiation to the whole body", "Radiation to the whole liver"))  # fmt: skip
    assert false_options(head.facts[0]) == ["Radiation to the whole body", "Radiation to the whole liver"]
    # none of those words beside the span: any number fits
    free = _deck("Doctors check the {{kidneys}} first.", "Kidneys", ("Liver", "Lungs"))
    assert false_options(free.facts[0]) == ["Liver", "Lungs"]


def test_fill_in_the_blank_offers_no_option_of_the_other_number_beside_the_blank() -> None:
    deck = _deck(
        "It is a {{slow-growing kind of tumor in the bowel lining}} in most people.",
        "Slow-growing kind of tumor in the bowel lining",
        ("Fast-growing kind of tumor in the liver", "Group of infections in the blood",
         "Fast-growing tumors in the bones", "Harmless cysts in the kidneys"),
    )  # fmt: skip
    for seed in range(10):
        q = fill_blank(deck, deck.facts[0], seed=seed)
        assert q is not None and q.options and q.prompt.startswith("It is a(n) _____")
        singular = {"fast-growing kind of tumor in the liver", "group of infections in the blood"}
        assert set(q.options) == {"slow-growing kind of tumor in the bowel lining", *singular}
