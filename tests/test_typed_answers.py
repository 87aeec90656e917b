"""The table of typed-answer cases (tests/data/typed-answers.tsv), marked through a real deck.

Each row: the answer and its `accept` texts ("|"-separated), other texts of the deck (answers of
other facts, "|"-separated), the deck's language, what was typed, and whether that is right,
right with a slip, or wrong, with why (docs/questions.md has the rules). `fixed_by` names the
issue whose change made the row pass; it was marked wrongly before.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from quiz.deck.model import Deck, Fact
from quiz.generate import Kind, make_question, mark_typed

TABLE = Path(__file__).parent / "data" / "typed-answers.tsv"


def _rows() -> list[dict[str, str]]:
    with TABLE.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


ROWS = _rows()


def _split(cell: str) -> tuple[str, ...]:
    return tuple(t for t in cell.split("|") if t)


def test_the_table_covers_every_rule_both_ways() -> None:
    assert len(ROWS) >= 300
    by_rule: dict[str, set[str]] = {}
    for row in ROWS:
        by_rule.setdefault(row["why"].split(":")[0], set()).add("right" if row["expected"] != "wrong" else "wrong")
    assert all(seen == {"right", "wrong"} for seen in by_rule.values()), by_rule


@pytest.mark.parametrize("row", ROWS, ids=[f"{i + 2}:{r['answer']}<-{r['typed']}" for i, r in enumerate(ROWS)])
def test_typed_answer_table(row: dict[str, str]) -> None:
    fact = Fact(id="asked", question="Q?", answer=row["answer"], accept=_split(row["accept"]))
    others = tuple(Fact(id=f"other-{i}", question="Q?", answer=a) for i, a in enumerate(_split(row["others"])))
    deck = Deck(id="table", title="Table", facts=(fact, *others), language=row["language"])
    marked = mark_typed(make_question(deck, fact, Kind.TYPED, seed=0), row["typed"])
    got = "wrong" if not marked.correct else "slip" if marked.slip else "right"
    assert got == row["expected"], row["why"]
    assert marked.typed == row["typed"]
    assert marked.expected in (row["answer"], *_split(row["accept"]))


def test_no_word_of_a_look_alike_pair_is_ever_right_for_the_other() -> None:
    """Each pair of the list (quiz/data/look-alikes.tsv) is two words, so neither is a slip of the
    other, both ways: "Rennin" was right for "Renin" (a doubled letter) and "Cystine" for
    "Cysteine" (a dropped vowel), a tester's report, where neither word was in the CMU dictionary."""
    from quiz.typed import is_match, look_alike_pairs

    for a, b in (("Renin", "Rennin"), ("Cysteine", "Cystine"), ("Cysteamine", "Cystamine")):
        assert not is_match(a, b) and not is_match(b, a), (a, b)
    for a, b, _ in look_alike_pairs():
        if not a.startswith("-"):
            assert not is_match(a, b) and not is_match(b, a), (a, b)
            assert not is_match(a.capitalize(), b.capitalize()), (a, b)


def test_the_look_alike_list_has_fifty_pairs_each_with_a_listed_source() -> None:
    from quiz.typed import look_alike_pairs

    text = (Path(__file__).parent.parent / "quiz" / "data" / "look-alikes.tsv").read_text(encoding="utf-8")
    listed = {line.split()[1] for line in text.splitlines() if line.startswith("#   ") and line.split()[1].isalpha()}
    pairs = look_alike_pairs()
    assert len({frozenset(p[:2]) for p in pairs}) == len(pairs) >= 50
    assert {source for _, _, source in pairs} <= listed
    assert all(a != b for a, b, _ in pairs)


@pytest.mark.parametrize(
    ("answer", "typed"), [("Cryosurgery", "cryosergery"), ("Fluorouracil", "Fluorouracyl"),
                          ("Those with limited spread", "those with limitad spread")],
)  # fmt: skip
def test_a_wrong_answer_one_letter_from_the_answer_is_nearly_right(answer: str, typed: str) -> None:
    """"cryosergery" was marked wrong with nothing to say it was one letter off (a tester's report):
    the mark says it was near, and the feedback says so."""
    from textual.content import Content

    from quiz.generate import Kind, Question
    from quiz.schedule import Rating
    from quiz.session import Answered
    from quiz.tui.screens.feedback import feedback_of
    from quiz.typed import mark

    marked = mark(answer, (), typed)
    assert not marked.correct and marked.near
    q = Question(fact_id="f", kind=Kind.TYPED, prompt="What is it?", answer=answer, explanation="", source=None,
                 refs=())  # fmt: skip
    _, lines = feedback_of(Answered(q, typed, False, Rating.AGAIN, mark=marked), ())
    assert isinstance(lines, Content) and "Nearly: one letter is different" in lines.plain


@pytest.mark.parametrize(
    ("answer", "typed"),
    [("5 mg", "6 mg"), ("Vitamin D", "Vitamin C"), ("Hepatitis B", "Hepatitis C"), ("Ileum", "Ilium"),
     ("Colostomy", "Colotomy"), ("Abduction", "Adduction"), ("Pelvis", "Pelvic"), ("Stage IV", "Stage V"),
     ("Liver", "Lover"), ("Chemotherapy", "Radiation"), ("Cryosurgery", "cryo surgery x"),
     ("hepatoma", "hematoma"), ("ureteral", "urethral"), ("Bidex", "Videx"), ("Celebrex", "Cerebrex"),
     ("Radiation therapy", "radiation therapx")],
)  # fmt: skip
def test_another_word_or_number_is_never_nearly_right(answer: str, typed: str) -> None:
    """A different number, a label ("C" for "D"), another real word, a consonant or a first letter
    changed (another word as often as not: "hematoma" for "hepatoma", a reviewer's finding) is
    wrong, not nearly right: "Nearly" would tell a learner who named a bone for the gut that they
    were close."""
    from quiz.typed import mark

    assert not mark(answer, (), typed).near


def test_nearly_is_said_of_the_answer_shown_not_an_accept_text() -> None:
    """"freezing treatmant" was "Nearly" right beside "Answer: Cryotherapy" (a reviewer's finding):
    near means near the answer the feedback shows."""
    from quiz.typed import mark

    assert not mark("Cryotherapy", ("Freezing treatment",), "freezing treatmant").near


@given(st.integers(0, 10_000), st.integers(0, 10_000), st.sampled_from(["mg", "mL", "days", "in 100 people"]))
def test_a_different_figure_is_never_nearly_right(n: int, m: int, unit: str) -> None:
    from quiz.typed import mark

    assume(n != m)
    assert not mark(f"{n} {unit}", (), f"{m} {unit}").near
