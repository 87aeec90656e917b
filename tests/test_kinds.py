"""The kinds of issue 20 (quiz/kinds.py): fill in the blank, true or false, matching words to
meanings. Generation is pinned as readable JSON (tests/golden/kinds-*.json); the fairness rules
are Hypothesis properties; the run records each matching pair as an answer about its term."""

from __future__ import annotations

import re
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from quiz.commands.preview import to_json
from quiz.deck.load import load_deck, parse_deck
from quiz.deck.model import Deck, Fact
from quiz.deck.statement import option_fits, problem, split
from quiz.deck.text import normalize
from quiz.generate import Kind, generate, kinds_for, make_question, mark_typed, why_of
from quiz.glossary import spells_out, term_id, term_spans, terms_in
from quiz.kinds import (
    FALSE,
    MATCH_TERMS,
    TRUE,
    balance_truth,
    false_options,
    fill_blank,
    make,
    match_question,
    match_questions,
    right_meaning,
    true_false,
    with_option,
)
from quiz.meanings import HIDDEN, hide_term
from quiz.mode import Mode
from quiz.schedule import Rating
from quiz.session import MATCH_PER_SESSION, plan
from quiz.store import Store
from quiz.study import Phase, StudyRun
from tests.golden_files import Golden

ROOT = Path(__file__).resolve().parent.parent
BUILTIN = ROOT / "decks" / "rectal-cancer-stage-iv.toml"
NOW = datetime(2026, 11, 27, 15, 0, tzinfo=UTC)
CHI2_LIMIT_3 = 21.1  # chi-square, 3 degrees of freedom, p = 0.0001
CHI2_LIMITS = {1: 15.1, 2: 18.4, 3: 21.1}
"""Chi-square at p = 0.0001 by degrees of freedom."""


def _chi2(counts: Counter[object], n: int, keys: list[object]) -> float:
    expected = n / len(keys)
    return sum((counts[k] - expected) ** 2 / expected for k in keys)


# --- pinned generation -------------------------------------------------------------------------


@pytest.mark.parametrize("kind", [Kind.FILL_BLANK, Kind.TRUE_FALSE, Kind.MATCH])
def test_the_builtin_deck_gives_the_golden_questions(kind: Kind, golden: Golden) -> None:
    """tests/golden/kinds-*.json: rewrite with --update-golden after reading the deck's diff."""
    deck = load_deck(BUILTIN)
    got = to_json(deck, generate(deck, kinds=[kind], seed=0), seed=0)["questions"]
    golden(f"kinds-{kind.value.replace('_', '-')}", got)


def test_every_fact_of_the_builtin_deck_can_be_asked_in_each_new_kind() -> None:
    deck = load_deck(BUILTIN)
    for fact in deck.facts:
        assert {Kind.FILL_BLANK, Kind.TRUE_FALSE} <= set(kinds_for(deck, fact)), fact.id
        assert false_options(fact), fact.id  # each can be shown false
    assert len(match_questions(deck, seed=0)) >= 10


def test_a_builtin_statement_holds_only_the_figures_of_its_fact() -> None:
    """No number in a statement that its fact (question, answer, accept forms, explanation) lacks."""
    import re

    number = re.compile(r"\d+(?:\.\d+)?|\.\d+")
    for fact in load_deck(BUILTIN).facts:
        parts = split(fact.statement)
        assert parts is not None
        have = set(number.findall(" ".join((fact.question, fact.answer, fact.explanation, *fact.accept))))
        assert set(number.findall(parts.true)) <= have, fact.id


# --- statements ----------------------------------------------------------------------------------


def test_the_span_must_be_the_answer_or_an_accept_form() -> None:
    assert problem("About {{2 in 100}} people.", "2%", ("2 in 100",)) is None
    assert problem("About {{2 In  100}} people.", "2%", ("2 in 100",)) is None  # compared folded
    found = problem("About {{3 in 100}} people.", "2%", ("2 in 100",))
    assert found is not None and found[0] == 6 and "3 in 100" in found[1]
    assert problem("No span here.", "2%", ())[0] == 0  # type: ignore[index]
    assert "more than one" in problem("{{2%}} and {{2%}}", "2%", ())[1]  # type: ignore[index]


def test_quiz_check_places_a_wrong_span_at_its_line_and_column(tmp_path: Path) -> None:
    from quiz.deck.errors import DeckError

    text = 'format = 1\n[deck]\nid = "d"\ntitle = "D"\n[[facts]]\nid = "a"\nquestion = "Q?"\nanswer = "2%"\n'
    with pytest.raises(DeckError) as err:
        parse_deck(text + 'statement = "About {{3%}} of people."\n', tmp_path / "d.toml")
    [found] = err.value.problems
    assert (found.line, found.col) == (9, 20) and "3%" in found.message


def test_a_figure_fits_only_a_figure_and_a_clause_only_a_clause() -> None:
    assert option_fits("57%", "42%")
    assert not option_fits("57%", "Radiation to the liver")
    assert option_fits("Floxuridine", "5-FU")  # a drug's name is no figure
    assert option_fits("It is similar", "It is much lower")
    assert not option_fits("It is similar", "Much lower")
    assert not option_fits("Before their surgery", "It went up")
    assert not option_fits("the kidney", "The lung. Also the heart.")
    assert option_fits("the kidney", "The lung. Also the heart.", at_end=True)


@pytest.mark.parametrize("fraction", ["½", "¼", "2½", "⅓", "1/2", "0.5"])
def test_a_vulgar_fraction_is_a_figure_as_its_digits_are(fraction: str) -> None:
    """"1 tablet" was refused in place of "½ tablet" (tf-wrong-option-fit), where "0.5 tablet" fit:
    a figure written with a fraction character is a figure (a tester's report)."""
    assert option_fits(f"{fraction} tablet", "1 tablet") and option_fits("1 tablet", f"{fraction} tablet")
    assert not option_fits(f"{fraction} tablet", "A whole bottle") and not option_fits("A whole bottle", fraction)


# --- fill in the blank -------------------------------------------------------------------------


def _deck(*facts: Fact, glossary: tuple[tuple[str, str], ...] = ()) -> Deck:
    return Deck(id="d", title="D", facts=facts, glossary=glossary)


SHORT = Fact(
    id="short",
    question="What share had serious problems?",
    answer="2%",
    accept=("2 in 100",),
    statement="In studies, {{2 in 100}} people had serious problems.",
    distractors=("12%", "20%", "5%"),
)
LONG = Fact(
    id="long",
    question="What can sometimes make liver spots removable?",
    answer="A good response to chemotherapy",
    statement="Spots can sometimes be removed after {{a good response to chemotherapy}}.",
    distractors=("Waiting a few months", "Radiofrequency ablation of the spots", "A special diet"),
)


def test_a_short_blank_is_typed_and_marked_by_the_typed_answer_rules() -> None:
    q = make_question(_deck(SHORT), SHORT, Kind.FILL_BLANK, seed=0)
    assert q.prompt == "In studies, _____ people had serious problems." and not q.options
    assert mark_typed(q, "2 in 100").correct and mark_typed(q, "2%").correct
    assert not mark_typed(q, "3 in 100").correct  # a wrong number is never right
    assert q.statement == "In studies, 2 in 100 people had serious problems."


def test_a_long_blank_is_picked_and_its_options_are_cased_as_the_span() -> None:
    q = make_question(_deck(LONG), LONG, Kind.FILL_BLANK, seed=3)
    assert q.options[q.correct_index] == "a good response to chemotherapy"  # type: ignore[index]
    assert all(o[0].islower() for o in q.options)  # the answer's case is no clue
    assert "a good response" not in q.prompt
    where = Counter(fill_blank(_deck(LONG), LONG, seed=s).correct_index for s in range(800))  # type: ignore[union-attr]
    assert _chi2(where, 800, [0, 1, 2, 3]) < CHI2_LIMIT_3  # the answer's place is no clue


def _statement_decks() -> st.SearchStrategy[Deck]:
    words = st.text(st.sampled_from("abcdeilnorstu"), min_size=3, max_size=8)

    @st.composite
    def make(draw: st.DrawFn) -> Deck:
        n = draw(st.integers(1, 6))
        facts = []
        for i in range(n):
            answer = " ".join(draw(st.lists(words, min_size=2, max_size=5)))
            wrong = draw(
                st.lists(
                    st.lists(words, min_size=2, max_size=5).map(" ".join), min_size=0, max_size=4, unique_by=normalize
                ).filter(lambda ds, a=answer: all(normalize(d) != normalize(a) for d in ds))
            )
            facts.append(
                Fact(
                    id=f"f{i}",
                    question=f"Question {i}?",
                    answer=answer,
                    distractors=tuple(wrong),
                    statement=f"Fact {i} says {{{{{answer}}}}} here.",
                )
            )
        return _deck(*facts)

    return make()


@settings(max_examples=100)
@given(_statement_decks(), st.integers(0, 2**32))
def test_same_seed_same_questions_alone_or_in_a_batch(deck: Deck, seed: int) -> None:
    kinds = [Kind.FILL_BLANK, Kind.TRUE_FALSE]
    questions = generate(deck, kinds=kinds, seed=seed)
    assert generate(deck, kinds=kinds, seed=seed) == questions
    for q in questions:
        assert make_question(deck, deck.fact(q.fact_id), q.kind, seed=seed) == q
        assert q.statement == split(deck.fact(q.fact_id).statement).true  # type: ignore[union-attr]
        if q.options and q.kind is Kind.FILL_BLANK:
            assert len({normalize(o) for o in q.options}) == len(q.options)
            assert normalize(q.options[q.correct_index]) == normalize(q.answer)  # type: ignore[index]


@settings(max_examples=15, derandomize=True)
@given(_statement_decks())
def test_the_picked_blank_is_anywhere_with_the_same_chance(deck: Deck) -> None:
    for fact in deck.facts:
        first = fill_blank(deck, fact, seed=0)
        if first is None or not first.options:
            continue
        qs = [fill_blank(deck, fact, seed=s) for s in range(400)]
        k = len(first.options)
        counts = Counter(q.correct_index for q in qs if q is not None)
        assert _chi2(counts, len(qs), list(range(k))) < CHI2_LIMITS[k - 1]


# --- true or false -----------------------------------------------------------------------------


def test_a_false_version_puts_a_fitting_wrong_option_in_the_span() -> None:
    deck = _deck(SHORT)
    q = true_false(deck, SHORT, seed=0, truth=False)
    assert q is not None and q.truth is False and q.answer == FALSE and q.correct_index == 1
    assert q.prompt != q.statement and q.options == (TRUE, FALSE)
    assert any(q.prompt == split(SHORT.statement).with_span(w) for w in SHORT.distractors)  # type: ignore[union-attr]
    shown_true = true_false(deck, SHORT, seed=0, truth=True)
    assert shown_true is not None and shown_true.prompt == shown_true.statement and shown_true.answer == TRUE


def test_a_fact_with_no_fitting_wrong_option_is_only_ever_true() -> None:
    fact = SHORT._replace(distractors=("Radiation", "Surgery"))  # words for a figure: no false version
    assert false_options(fact) == []
    assert all(true_false(_deck(fact), fact, seed=s).truth for s in range(20))  # type: ignore[union-attr]


@settings(max_examples=200)
@given(st.lists(st.sampled_from("abcdefghij"), unique=True, max_size=10), st.data(), st.integers(0, 2**32))
def test_a_session_is_half_true_whichever_facts_can_be_false(ids: list[str], data: st.DataObject, seed: int) -> None:
    can = data.draw(st.lists(st.sampled_from(ids), unique=True) if ids else st.just([]))
    truth = balance_truth(ids, can, seed=seed)
    assert set(truth) == set(ids)
    false = [i for i in ids if not truth[i]]
    assert set(false) <= set(can)
    assert len(false) in {min(len(can), len(ids) // 2), min(len(can), (len(ids) + 1) // 2)}


def test_which_facts_are_false_is_no_clue_from_their_place() -> None:
    ids = [f"f{i}" for i in range(6)]
    counts: Counter[object] = Counter()
    for seed in range(1200):
        counts.update(i for i, t in balance_truth(ids, ids, seed=seed).items() if not t)
    assert _chi2(counts, sum(counts.values()), list(ids)) < 25.7  # 5 degrees of freedom, p = 0.0001


def test_a_true_or_false_session_is_balanced() -> None:
    deck = load_deck(BUILTIN)
    for seed in range(5):
        qs = plan(deck, Mode.TRUE_FALSE, seed=seed, unseen=[f.id for f in deck.facts])
        assert len(qs) == 10 and sum(bool(q.truth) for q in qs) == 5


# --- matching ----------------------------------------------------------------------------------

GLOSSARY = (
    ("mortality", "Death. A mortality rate is the share of people who die."),
    ("resectable", "Able to be removed by surgery. Unresectable means surgery cannot remove it."),
    ("sacrum", "The bone at the base of the spine."),
    ("ablation", "Destroying a tumor where it is."),
    ("ablating", "Destroying a tumor where it is."),  # the same meaning: never shown twice in one question
    ("pelvis", "The lower part of the belly."),
)


def test_a_meaning_never_names_its_own_term() -> None:
    assert hide_term(*GLOSSARY[0]) == f"Death. A {HIDDEN} rate is the share of people who die."
    assert hide_term(*GLOSSARY[1]).startswith(f"Able to be removed by surgery. {HIDDEN} means")
    deck = load_deck(BUILTIN)
    for q in match_questions(deck, seed=0):
        for (term, _), meaning in zip(q.pairs, (q.options[right_meaning(q, t)] for t in range(4)), strict=True):
            assert term_spans(meaning, [term]) == [], term


@settings(max_examples=100)
@given(st.integers(0, 2**32))
def test_a_matching_question_never_shows_two_meanings_alike(seed: int) -> None:
    for q in match_questions(_deck(SHORT, glossary=GLOSSARY), seed=seed):
        assert len(q.pairs) == MATCH_TERMS == len(q.options)
        assert len({normalize(o) for o in q.options}) == MATCH_TERMS
        assert sorted(right_meaning(q, t) for t in range(MATCH_TERMS)) == list(range(MATCH_TERMS))
    with pytest.raises(ValueError):
        match_question(GLOSSARY[2:6], seed=seed)


def test_the_order_of_pairs_is_no_clue() -> None:
    """Where the first term's meaning is shown, and which term comes first, are each uniform."""
    entries = GLOSSARY[:4]
    where: Counter[object] = Counter()
    first: Counter[object] = Counter()
    for seed in range(1200):
        q = match_question(entries, seed=seed)
        where[right_meaning(q, 0)] += 1
        first[q.pairs[0][0]] += 1
    assert _chi2(where, 1200, [0, 1, 2, 3]) < CHI2_LIMIT_3
    assert _chi2(first, 1200, [t for t, _ in entries]) < CHI2_LIMIT_3


def test_a_matching_session_asks_due_terms_first_and_at_most_three_questions() -> None:
    deck = load_deck(BUILTIN)
    due = [term_id("sacrum"), term_id("mortality")]
    qs = plan(deck, Mode.MATCH, seed=4, due=due)
    assert len(qs) == MATCH_PER_SESSION and all(q.kind is Kind.MATCH for q in qs)
    assert {"sacrum", "mortality"} <= {t for t, _ in qs[0].pairs}
    mixed = plan(deck, Mode.MIXED, seed=4, unseen=[f.id for f in deck.facts])
    assert len(mixed) == 10 and [q.kind for q in mixed].count(Kind.MATCH) == 1 and mixed[0].kind is not Kind.MATCH


# --- the run: answers, history, what is on screen ----------------------------------------------


def _run(tmp_path: Path, mode: Mode, deck: Deck | None = None) -> StudyRun:
    deck = deck or load_deck(BUILTIN)
    store = Store.open(tmp_path / "data", backup=False)
    questions = plan(deck, mode, seed=1, unseen=[f.id for f in deck.facts])
    return StudyRun(deck, mode, questions, store=store, clock=lambda: NOW, seed=1)


def test_each_pair_is_an_answer_about_its_term_and_undo_takes_all_back(tmp_path: Path) -> None:
    run = _run(tmp_path, Mode.MATCH)
    q = run.question
    assert q is not None and run.words()[:2] == ([], 4)  # the meanings are the answers: nothing shown
    assert not run.answer_option(0, on=q)  # not a question to pick one option of
    right = [right_meaning(q, t) for t in range(4)]
    assert run.pair(right[0], on=q) and not run.pair(right[0], on=q)  # a meaning is given once
    assert run.undo() and run.pairing == [] and run.phase is Phase.ASKING  # takes the pair back
    assert not run.undo()  # no pair left: "u" never reaches back to the answer before this question
    wrong = [right[1], right[0], right[2], right[3]]
    for index in wrong:
        assert run.pair(index, on=q)
    assert run.phase is Phase.ANSWERED and run.last is not None and not run.last.correct
    assert run.score == (2, 4)  # each pair counts, as the history keeps them
    store = run.store
    assert store is not None
    recorded = {(a.fact_id, a.correct, a.kind) for a in store.answers()}
    assert recorded == {(term_id(t), i >= 2, "match") for i, (t, _) in enumerate(q.pairs)}
    assert set(store.fact_states(run.deck.id)) == {term_id(t) for t, _ in q.pairs}
    assert run.undo()
    assert list(store.answers()) == [] and store.fact_states(run.deck.id) == {}
    assert run.phase is Phase.ASKING and not run.undo()  # asked again: its pairs only, none yet
    store.close()


def test_a_true_or_false_answer_is_recorded_on_its_fact(tmp_path: Path) -> None:
    run = _run(tmp_path, Mode.TRUE_FALSE)
    q = run.question
    assert q is not None and q.kind is Kind.TRUE_FALSE
    assert run.answer_option(q.correct_index, on=q)  # type: ignore[arg-type]
    if run.phase is Phase.CERTAINTY:
        assert run.set_certainty(3, on=q)  # type: ignore[arg-type]
    assert run.last is not None and run.last.correct
    assert [(a.fact_id, a.kind, a.response) for a in run.store.answers()] == [  # type: ignore[union-attr]
        (q.fact_id, "true_false", q.answer)
    ]
    run.store.close()  # type: ignore[union-attr]


def test_true_or_false_holds_back_a_meaning_that_names_the_facts_answer() -> None:
    deck = load_deck(BUILTIN)
    fact = deck.fact("locally-advanced-meaning")
    q = true_false(deck, fact, seed=0, truth=True)
    run = StudyRun(deck, Mode.TRUE_FALSE, [q], clock=lambda: NOW)  # type: ignore[list-item]
    words = run.words()
    assert "locally advanced" not in [t for t, _ in words.shown]  # its meaning names the sacrum
    assert words.held == 1 and words.maybe_more  # "growth into the sacrum" may stand in the sentence
    assert run.answer_option(q.correct_index, on=q)  # type: ignore[arg-type]
    if run.phase is Phase.CERTAINTY:
        assert run.set_certainty(3, on=q)  # type: ignore[arg-type]
    assert {"locally advanced", "sacrum"} <= {t for t, _ in run.words().shown}  # explained after the answer


def test_a_fill_in_the_blank_typed_is_answered_by_text(tmp_path: Path) -> None:
    deck = _deck(SHORT)
    q = make_question(deck, SHORT, Kind.FILL_BLANK, seed=0)
    run = StudyRun(deck, Mode.FILL_BLANK, [q], clock=lambda: NOW)
    assert not run.answer_option(0, on=q) and not run.answer_text("  ", on=q)
    assert run.answer_text("2%", on=q) and run.last is not None and run.last.correct


def test_review_asks_the_words_due_by_matching() -> None:
    deck = load_deck(BUILTIN)
    due = ["rfa-cryo-who", *(term_id(t) for t in ("sacrum", "mortality", "ablation", "pelvis", "LAR"))]
    qs = plan(deck, Mode.DUE, seed=2, due=due, unseen=[])
    assert [q.kind for q in qs][0] is not Kind.MATCH and qs[0].fact_id == "rfa-cryo-who"
    matching = [q for q in qs if q.kind is Kind.MATCH]
    assert len(matching) == 2  # five words due: two questions of four
    asked = {t for q in matching for t, _ in q.pairs}
    assert {"sacrum", "mortality", "ablation", "pelvis", "LAR"} <= asked
    assert all(q.kind is not Kind.MATCH for q in plan(deck, Mode.DUE, seed=2, due=due[:1], unseen=[]))


def test_matching_in_a_topic_asks_the_words_its_facts_use() -> None:
    from quiz.curriculum import session_facts
    from quiz.glossary import terms_in

    deck = load_deck(BUILTIN)
    scope = {f.id for f in session_facts(deck, "pelvic-recurrence", more_detail=True)}
    text = "\n".join(f"{f.question}\n{f.answer}\n{f.explanation}" for f in deck.facts if f.id in scope)
    used = {t for t, _ in terms_in(text, deck.glossary)}
    qs = plan(deck, Mode.MATCH, seed=0, scope=scope)
    assert qs and all(t in used for q in qs for t, _ in q.pairs)
    assert not all(t in used for q in plan(deck, Mode.MATCH, seed=0) for t, _ in q.pairs)  # the whole glossary


def test_u_on_a_matching_question_never_takes_back_the_answer_before_it(tmp_path: Path) -> None:
    """A reviewer pressed u once too often on a matching question: the previous answer was lost."""
    deck = load_deck(BUILTIN)
    first = make_question(deck, deck.facts[0], Kind.FLASHCARD, seed=1)
    match = match_questions(deck, seed=1)[0]
    store = Store.open(tmp_path / "data", backup=False)
    run = StudyRun(deck, Mode.MIXED, [first, match], store=store, clock=lambda: NOW, seed=1)
    assert run.reveal(on=first) and run.grade(Rating.GOOD, on=first) and run.go_on()
    assert run.question is match and not run.undo()  # no pair yet: nothing to take back
    assert run.pair(0, on=match) and run.undo() and not run.undo()  # its pair, then nothing more
    assert len(run.session.answers) == 1 and len(list(store.answers())) == 1
    store.close()


def test_true_or_false_shows_no_word_meaning_that_tells_the_versions_apart() -> None:
    """A reviewer's g on "Embolization ... blocks the blood supply" showed what embolization is."""
    from quiz.words_shown import words_to_know

    deck = load_deck(BUILTIN)
    for fact in deck.facts:
        named = {t for t, _ in terms_in(" ".join((fact.answer, *false_options(fact))), deck.glossary)}
        versions = [make(deck, fact, Kind.TRUE_FALSE, seed=0, truth=truth) for truth in (True, False)]
        seen = [words_to_know(deck, q, answered=False) for q in versions if q is not None]
        for words in seen:
            assert not named & {t for t, _ in words.shown}, fact.id
        assert len({(w.held, w.maybe_more) for w in seen}) == 1, fact.id  # a count that differed would be a clue
    embolization = make(deck, deck.fact("embolization"), Kind.TRUE_FALSE, seed=0, truth=True)
    assert "embolization" not in {t for t, _ in words_to_know(deck, embolization, answered=False)[0]}


def test_a_matching_question_never_pairs_terms_a_learner_could_take_for_each_other() -> None:
    """"adjuvant" beside "adjuvant chemotherapy", "metastasis" beside "liver metastases": either
    meaning would fit either term."""
    from quiz.judging import content_words

    deck = load_deck(BUILTIN)
    for seed in range(20):
        for q in match_questions(deck, seed=seed):
            terms = [t for t, _ in q.pairs]
            for i, a in enumerate(terms):
                for b in terms[i + 1 :]:
                    assert not content_words(a) & content_words(b), (a, b)
                    assert not (a.casefold()[:5] == b.casefold()[:5] and len(a) >= 5), (a, b)


NAMED = ["5-FU", "floxuridine", "chemotherapy", "ablation", "stoma", "P value", "sacrum", "Straße", "ÉCLAT", "node"]
"""Glossary terms for the property below: hyphens, capitals, two words, letters that fold ("ß" is "ss")."""
FILLER = ["a", "drug", "given", "into", "the", "body", "related", "to", "with", "cells"]
CASES = [str, str.upper, str.lower, str.title]


@st.composite
def _naming_glossaries(draw: st.DrawFn) -> tuple[tuple[str, str], ...]:
    """4 to 10 glossary entries whose meanings often name other terms, in any case."""
    terms = draw(st.lists(st.sampled_from(NAMED), min_size=4, max_size=len(NAMED), unique=True))
    entries = []
    for term in terms:
        words = draw(st.lists(st.sampled_from(FILLER + terms), min_size=1, max_size=8))
        entries.append((term, " ".join(draw(st.sampled_from(CASES))(w) for w in words) + "."))
    return tuple(entries)


def _names(meaning: str, term: str) -> bool:
    """The meaning holds the term, both folded (casefold), between word boundaries."""
    return re.search(rf"(?<!\w){re.escape(term.casefold())}(?!\w)", meaning.casefold()) is not None


@settings(max_examples=300)
@given(_naming_glossaries(), st.integers(0, 2**32))
def test_no_meaning_in_a_matching_set_names_another_word_of_the_set(
    glossary: tuple[tuple[str, str], ...], seed: int
) -> None:
    """A tester met "floxuridine: A chemotherapy drug related to 5-FU." with 5-FU one of the four
    words: it says which word the meaning is not. Folded: "5-fu" and "STRASSE" name them too."""
    for q in match_questions(_deck(SHORT, glossary=glossary), seed=seed):
        for t, (term, _) in enumerate(q.pairs):
            shown = q.options[right_meaning(q, t)]
            assert not any(_names(shown, other) for other, _ in q.pairs if other != term), (term, shown)


def test_the_builtin_matching_sets_leave_out_a_meaning_that_names_another_word() -> None:
    deck = load_deck(BUILTIN)
    met = False
    for seed in range(40):
        for q in match_questions(deck, seed=seed):
            terms = [t for t, _ in q.pairs]
            met = met or "floxuridine" in terms
            assert not ("floxuridine" in terms and ("5-FU" in terms or "chemotherapy" in terms)), seed
    assert met  # floxuridine is still asked, beside other words


def test_a_meaning_never_spells_out_its_abbreviation_nor_hides_more_than_one_word() -> None:
    spelled_out = hide_term("LAR", "Low anterior resection: surgery through the belly.")
    assert spelled_out == f"{HIDDEN}: surgery through the belly."
    # A tester: APR's meaning began "Abdominoperineal resection", a letter inside a word.
    apr = "Abdominoperineal resection: surgery that removes the rectum and the anus."
    assert hide_term("APR", apr) == f"{HIDDEN}: surgery that removes the rectum and the anus."
    assert hide_term("HIPEC", "Heat: hyperthermic intraperitoneal chemotherapy.") == f"Heat: {HIDDEN}."
    assert hide_term("progression-free survival", "Alive without growth. The summary calls it PFS.").endswith(
        f"calls it {HIDDEN}."
    )
    deck = load_deck(BUILTIN)
    shown = [meaning for q in match_questions(deck, seed=0) for meaning in q.options]
    assert shown and all(meaning.count(HIDDEN) <= 1 for meaning in shown)


def test_mixed_never_shows_a_meaning_that_answers_another_question_of_the_session() -> None:
    from quiz.words_shown import answer_terms

    deck = load_deck(BUILTIN)
    for seed in range(12):
        questions = plan(deck, Mode.MIXED, seed=seed, unseen=[f.id for f in deck.facts], count=10)
        matching = [q for q in questions if q.kind is Kind.MATCH]
        shown = {t for q in matching for t, _ in q.pairs}
        for q in questions:
            if q.kind is not Kind.MATCH:
                named, answer = answer_terms(deck, q)
                giving = {t for t, meaning in deck.glossary if answer.hinted_by(meaning)}
                assert not shown & (named | giving), (seed, q.fact_id)


def test_a_wrong_option_keeps_its_why_in_fill_in_the_blank_and_true_or_false() -> None:
    """A reviewer picked a wrong option with a why in the deck: multiple choice said why, these did not."""
    deck = load_deck(BUILTIN)
    fact = deck.fact("group-figures-not-personal")  # must-know: every wrong option has a why
    blank = make(deck, fact, Kind.FILL_BLANK, seed=0)
    assert blank is not None and blank.options
    whys = {d.casefold(): fact.why(d) for d in fact.distractors}
    for i, option in enumerate(blank.options):
        assert why_of(blank, i) == ("" if i == blank.correct_index else whys[option.casefold()])
    false = make(deck, fact, Kind.TRUE_FALSE, seed=0, truth=False)
    assert false is not None and why_of(false, 0) in {fact.why(d) for d in fact.distractors} and why_of(false, 0)
    true = make(deck, fact, Kind.TRUE_FALSE, seed=0, truth=True)
    assert true is not None and true.whys == ()


@given(st.lists(st.from_regex(r"[a-z]{3,9}", fullmatch=True), min_size=2, max_size=4), st.data())
def test_an_abbreviation_spelled_out_in_its_meaning_is_hidden(words: list[str], data: st.DataObject) -> None:
    """Each word gives the abbreviation its first letter, and maybe a letter from inside it."""
    letters = ""
    for word in words:
        inner = data.draw(st.sampled_from(["", *word[1:]]))
        letters += word[0] + inner
    assert spells_out(letters.upper(), words)
    assume(len(letters) <= 6)  # longer, it is read as a word, not an abbreviation
    meaning = " ".join(words) + ", done in 2 hours"
    shown = hide_term(letters.upper(), meaning)
    assert " ".join(words) not in shown and HIDDEN in shown


@pytest.mark.parametrize(
    "option, span, before, shown",
    [("Radiation to the liver", "5-FU/leucovorin by itself", "The other group got ", "radiation to the liver"),
     ("radiation", "5-FU", "", "Radiation"), ("radiation", "5-FU", "It was done. ", "Radiation"),
     ("APR", "5-FU", "They got ", "APR"), ("Radiation", "5-FU", None, "Radiation"),
     ("Radiation", "chemo", "They got ", "radiation"), ("radiation", "Chemo", "", "Radiation")],
)  # fmt: skip
def test_a_wrong_option_is_cased_as_its_place_in_the_sentence(
    option: str, span: str, before: str | None, shown: str
) -> None:
    """"The other group got Radiation to the liver." gave the false statement away by its capital
    (a tester's report): a span that starts with a figure ("5-FU") says nothing of case; its place does."""
    from quiz.deck.statement import fit_case

    assert fit_case(option, span, before) == shown


def test_no_false_statement_of_the_builtin_deck_shows_a_capital_mid_sentence() -> None:
    deck = load_deck(BUILTIN)
    for fact in deck.facts:
        parts = split(fact.statement) if fact.statement else None
        if parts is None or not parts.before.strip() or parts.before.rstrip().endswith((".", "?", "!")):
            continue
        for option in false_options(fact):
            first = option.split()[0]
            if first[1:2].isupper():
                continue  # an acronym keeps its capitals
            shown = with_option(parts, option)[len(parts.before):]
            assert not shown[:1].isupper() or parts.span[:1].isupper(), (fact.id, shown)
