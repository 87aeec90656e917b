"""No question of a session is asked after one whose feedback gives its answer away (quiz.apart).

A tester studied the built-in deck's topic on chemo into the liver's artery: the feedback of one
question said "With 5-FU/leucovorin alone it was 42%", and the next question asked that figure; the
answer copied from the screen was recorded as right and rated Good.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.apart import _forms, feedback_texts, kept_apart
from quiz.curriculum import session_facts
from quiz.deck.load import load_deck
from quiz.deck.model import Deck, Fact, Source
from quiz.generate import Kind, Question, kinds_for, make_question
from quiz.give_away import answer_in_context, answer_marks, gives_away, text_marks
from quiz.mode import Mode
from quiz.session import plan

BUILT_IN = load_deck(Path(__file__).parent.parent / "decks" / "rectal-cancer-stage-iv.toml")


def _given_away(deck: Deck, questions: list[Question]) -> list[tuple[str, str]]:
    """(earlier, later) fact ids where the earlier one's feedback gives the later one's answer away."""
    shown = [text_marks("\n".join(feedback_texts(deck, q)), deck.language) for q in questions]
    return [
        (a.fact_id, b.fact_id)
        for i, a in enumerate(questions)
        for b in questions[i + 1 :]
        if a.kind is not Kind.MATCH and b.kind is not Kind.MATCH
        and any(gives_away(shown[i], _marks(deck, b, form)) for form in _forms(deck, b))
    ]  # fmt: skip


def _marks(deck: Deck, q: Question, form: str) -> frozenset[str]:
    """What gives away `form`, an answer of `q`: its own marks, or a short one's with its question."""
    return answer_marks(form, deck.language) or answer_in_context(form, deck.fact(q.fact_id).question, deck.language)


def test_the_reported_pair_gives_away_and_is_never_asked_in_that_order() -> None:
    combined, control = BUILT_IN.fact("trial1-pfs-combined"), BUILT_IN.fact("trial1-pfs-control")
    first = make_question(BUILT_IN, combined, Kind.MULTIPLE_CHOICE, seed=0)
    then = make_question(BUILT_IN, control, Kind.MULTIPLE_CHOICE, seed=0)
    assert control.answer == "42%" and "42%" in first.explanation
    assert _given_away(BUILT_IN, [first, then]) == [("trial1-pfs-combined", "trial1-pfs-control")]
    assert [q.fact_id for q in kept_apart(BUILT_IN, [first, then], 10)] == ["trial1-pfs-combined"]
    assert [q.fact_id for q in kept_apart(BUILT_IN, [then, first], 10)] == ["trial1-pfs-control"]  # each the other's


@pytest.mark.parametrize("mode", [m for m in Mode if m is not Mode.MATCH])
@pytest.mark.parametrize("seed", range(4))
def test_no_session_on_the_built_in_deck_gives_an_answer_away(mode: Mode, seed: int) -> None:
    ids = [f.id for f in BUILT_IN.facts]
    for topic in BUILT_IN.topics:
        scope = {f.id for f in session_facts(BUILT_IN, topic.id, more_detail=True, mastered=set())}
        due = ids[seed::4] if mode is Mode.DUE else ()
        questions = plan(BUILT_IN, mode, seed=seed, count=10, due=due, unseen=ids, scope=scope)
        assert _given_away(BUILT_IN, questions) == [], (topic.id, [q.fact_id for q in questions])
        if mode is not Mode.DUE and len(scope) >= 20:  # the places of facts left for another session taken
            assert len(questions) == 10


WORDS = ["leucovorin", "floxuridine", "42%", "57%", "72.2 months", "ablation", "embolization", "2 in 100"]


@st.composite
def _deck_and_questions(draw: st.DrawFn) -> tuple[Deck, list[Question]]:
    """A deck whose explanations and questions name one another's answers often."""
    n = draw(st.integers(1, 8))
    facts = tuple(
        Fact(
            id=f"f{i}",
            question=f"Question {chr(97 + i)}: " + " ".join(draw(st.lists(st.sampled_from(WORDS), max_size=2))),
            answer=draw(st.sampled_from(WORDS)),
            explanation=" ".join(draw(st.lists(st.sampled_from(WORDS), max_size=3))),
        )
        for i in range(n)
    )
    deck = Deck(id="d", title="D", facts=facts)
    return deck, [make_question(deck, f, Kind.FLASHCARD, seed=0) for f in facts]


@settings(max_examples=300)
@given(_deck_and_questions(), st.integers(1, 8), st.integers(0, 8))
def test_kept_apart_asks_none_after_its_answer_is_given_away(
    drawn: tuple[Deck, list[Question]], limit: int, due: int
) -> None:
    """Whatever the deck: none given away by an earlier feedback; candidates in their order (after
    the due ones); every due question asked but where two give each other away; `limit` kept."""
    deck, questions = drawn
    kept = kept_apart(deck, questions, limit, due=due)
    ids = [q.fact_id for q in kept]
    assert _given_away(deck, kept) == [] and len(ids) == len(set(ids)) <= limit
    candidates = [q.fact_id for q in questions[due:]]
    rest = [i for i in ids if i in candidates]
    assert rest == [i for i in candidates if i in rest]  # in their order
    due_ids = [q.fact_id for q in questions[:due]]
    if not _given_away(deck, questions[:due]) and not _given_away(deck, questions[:due][::-1]):
        assert ids[: min(len(due_ids), limit)] == due_ids[:limit]  # none gives another away: as they were
    if not _given_away(deck, questions):
        assert kept == questions[:limit]


@pytest.mark.parametrize(
    ("answer", "shown", "given"),
    [
        ("42%", "With 5-FU/leucovorin alone it was 42% (about 42 in 100 people).", True),
        ("2%", "2 years later, most were alive.", False),  # a percent is not any 2
        ("72.2 months", "Median survival was 72.2 months with both.", True),
        ("72.2 months", "Median survival was 72.2 weeks.", False),
        ("Before their surgery", "Chemo was given after surgery.", False),  # a word that says little alone
        ("Before their surgery", "They were assigned before surgery.", True),
        ("Floxuridine", "The drug was floxuridine (FUDR).", True),
        ("Yes", "Yes, it was.", False),  # nothing to give away
        ("about the same", "It was about the same.", False),  # nor here
        ("APR", "After an APR, most people need a colostomy.", True),  # a short answer: its abbreviation
        ("A CT", "The scan was a CT.", True),
        ("CT", "The scan is quick.", False),
        ("CT", "Sugar intake is cut.", False),  # a word of other letters
        ("US", "Tell us if it hurts.", False),  # an abbreviation is said in capitals, as written
        ("ALL", "All patients were asked.", False),
    ],
)
def test_what_gives_an_answer_away(answer: str, shown: str, given: bool) -> None:
    assert gives_away(text_marks(shown, "en"), answer_marks(answer, "en")) is given


def _two_facts(**first: object) -> tuple[Deck, list[Question]]:
    """A deck of two flashcards: "a" (with `first`'s fields) and "b", whose answer is "2.5 mL"."""
    a = Fact(id="a", question="How is the medicine given?", answer="By mouth", **first)  # type: ignore[arg-type]
    b = Fact(id="b", question="How much is one dose?", answer="2.5 mL")
    deck = Deck(id="d", title="D", facts=(a, b), glossary=(("dose", "The amount taken at one time, here 2.5 mL."),))
    return deck, [make_question(deck, f, Kind.FLASHCARD, seed=0) for f in (a, b)]


@pytest.mark.parametrize(
    "first",
    [
        {"explanation": "Take 2.5 mL by mouth."},  # what was counted before
        {"explanation": "Each dose is taken by mouth."},  # the words list explains "dose": 2.5 mL
        {"distractors": ("By injection",), "whys": ("An injection of 2.5 mL is for babies.",)},  # a why
    ],
    ids=["explanation", "glossary-meaning", "why-not"],
)
def test_every_text_the_feedback_shows_counts(first: dict[str, object]) -> None:
    """T11 G1/G2: the feedback shows more than the answer and the explanation: why the option
    chosen is wrong, and (with g) the meanings of its glossary words. A question whose answer one of
    those says is asked first, or left for another session."""
    deck, (a, b) = _two_facts(**first)
    assert any("2.5 mL" in text for text in feedback_texts(deck, a))
    assert kept_apart(deck, [a, b], 10) == [a]
    assert kept_apart(deck, [b, a], 10) == [b, a]


def test_the_source_line_counts() -> None:
    source = Source(id="s", title="Giving 2.5 mL doses", publisher="P")
    a = Fact(id="a", question="How is the medicine given?", answer="By mouth", source="s")
    b = Fact(id="b", question="How much is one dose?", answer="2.5 mL")
    deck = Deck(id="d", title="D", facts=(a, b), sources=(source,))
    qa, qb = (make_question(deck, f, Kind.FLASHCARD, seed=0) for f in (a, b))
    assert kept_apart(deck, [qa, qb], 10) == [qa]


def _drawn_feedback(q: Question, response: str, correct: bool) -> str:
    """The feedback quiz.tui.screens.feedback draws for an answer to `q`, as plain text."""
    from textual.content import Content

    from quiz.schedule import Rating
    from quiz.session import Answered
    from quiz.tui.screens.feedback import explanation, feedback_of

    verdict, body = feedback_of(Answered(q, response, correct, Rating.GOOD), BUILT_IN.glossary)
    if body is None:  # a flashcard: its back is on screen (quiz.tui.screens.study)
        body = Content.assemble("Answer: ", q.answer, "\n", explanation(q, BUILT_IN.glossary))
    return "\n".join(c.plain for c in (verdict, body))


def _labels() -> str:
    """The words the feedback draws around the deck's texts."""
    from quiz.tui.screens.feedback import GO_ON, GO_ON_TYPED
    from quiz.tui.screens.prompts import RIGHT, WRONG

    said = "Answer: The true sentence: You chose: You typed: Why not: Why it is false: Source: reference references"
    said += " Graded remembered not yet Good Again"  # a flashcard's
    return "\n".join((RIGHT, WRONG, GO_ON, GO_ON_TYPED, said))


@pytest.mark.parametrize("seed", range(3))
def test_what_the_feedback_draws_is_what_counts(seed: int) -> None:
    """Every number and word the feedback screen draws for any answer to any question of the built-in
    deck (but its labels, the learner's own response and the options) is in feedback_texts: the
    one home of what the feedback shows, which the order of a session reads."""
    for fact in BUILT_IN.facts:
        for kind in kinds_for(BUILT_IN, fact):
            q = make_question(BUILT_IN, fact, kind, seed=seed)
            counted = text_marks("\n".join(feedback_texts(BUILT_IN, q)), "en")
            responses = [(o, i == q.correct_index) for i, o in enumerate(q.options)]
            responses = responses or [(q.answer, True), ("qqqq", False)]  # typed
            if kind is Kind.FLASHCARD:
                responses = [("Good", True), ("Again", False)]
            for response, correct in responses:
                drawn_text = _drawn_feedback(q, response, correct)
                for own in sorted({response, *q.options} - {q.answer}, key=len, reverse=True):
                    # what was chosen, typed or offered, as a whole word
                    drawn_text = re.sub(rf"(?<![\w.]){re.escape(own)}(?!\w)", "\n", drawn_text)
                drawn = text_marks(drawn_text, "en")
                ignored = text_marks(_labels(), "en")
                assert drawn - ignored <= counted, (fact.id, kind, response, sorted(drawn - ignored - counted))


@pytest.mark.parametrize(("kind", "kept"), [(Kind.TYPED, ["a"]), (Kind.MULTIPLE_CHOICE, ["a", "b"])])
def test_a_typed_answer_is_given_away_by_a_form_it_accepts(kind: Kind, kept: list[str]) -> None:
    """T11 G3: "APR" is accepted for "Abdominoperineal resection": a feedback that says "APR" gives
    the typed answer away (the options of a multiple-choice question show the answer as written)."""
    a = Fact(id="a", question="What may follow surgery?", answer="A colostomy", explanation="After an APR, a bag.")
    b = Fact(
        id="b",
        question="Which operation removes the rectum and the anus?",
        answer="Abdominoperineal resection",
        accept=("APR",),
        distractors=("Low anterior resection", "Colectomy", "Polypectomy"),
    )
    deck = Deck(id="d", title="D", facts=(a, b))
    questions = [make_question(deck, a, Kind.FLASHCARD, seed=0), make_question(deck, b, kind, seed=0)]
    assert [q.fact_id for q in kept_apart(deck, questions, 10)] == kept
    assert [q.fact_id for q in kept_apart(deck, questions[::-1], 10)] == ["b", "a"]


def test_a_short_answer_is_given_away_by_its_question_restated_with_it() -> None:
    """A tester: a feedback said "Several studies show more local toxic effects when chemo goes
    into the liver's artery", and the next question asked just that; "more" is accepted typed.
    A short answer ("more": no number, no longer word) is given away by its question's words
    said with it, and by nothing less."""
    said, asked = BUILT_IN.fact("hai-toxic-liver-function"), BUILT_IN.fact("hai-toxic-increased")
    assert "more" in asked.accept and "Several studies show more local toxic effects" in said.explanation
    first = make_question(BUILT_IN, said, Kind.FILL_BLANK, seed=0)
    then = make_question(BUILT_IN, asked, Kind.TYPED, seed=0)
    assert answer_marks("more", "en") == frozenset()
    assert _given_away(BUILT_IN, [first, then]) == [("hai-toxic-liver-function", "hai-toxic-increased")]
    assert [q.fact_id for q in kept_apart(BUILT_IN, [first, then], 10)] == ["hai-toxic-liver-function"]
    shown = text_marks("Chemo into the liver's artery has more local toxic effects.", "en")  # not all it asks
    assert not gives_away(shown, answer_in_context("more", asked.question))
    assert answer_in_context("It is", asked.question) == frozenset()  # function words alone
    assert answer_in_context("more", "More or less?") == frozenset()  # a question of too few marks


def test_a_false_sentence_answered_false_shows_why_it_is_false() -> None:
    """An educator: the why of the wrong option a false sentence used was shown only to whoever
    answered True; answering False rightly, a learner never read it."""
    from quiz.schedule import Rating
    from quiz.session import Answered
    from quiz.tui.screens.feedback import feedback_of

    fact = next(f for f in BUILT_IN.facts if f.statement and any(f.whys))
    false = next(
        q
        for seed in range(200)
        if (q := make_question(BUILT_IN, fact, Kind.TRUE_FALSE, seed=seed)).answer == "False" and any(q.whys)
    )
    why = next(w for w in false.whys if w)
    _, body = feedback_of(Answered(false, "False", True, Rating.GOOD), BUILT_IN.glossary)
    assert body is not None and f"Why it is false: {why}" in body.plain
    true = next(
        q for seed in range(200) if (q := make_question(BUILT_IN, fact, Kind.TRUE_FALSE, seed=seed)).answer == "True"
    )
    _, body = feedback_of(Answered(true, "True", True, Rating.GOOD), BUILT_IN.glossary)
    assert body is not None and "Why it is false" not in body.plain
