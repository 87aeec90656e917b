"""Every authoring warning: a deck that triggers it, one that does not, and how it is silenced."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from quiz.cli import main
from quiz.deck.errors import Problem
from quiz.deck.load import parse_deck, parse_with_positions
from quiz.judging import deck_reading_grade
from quiz.lint import RULES, lint_deck

HEADER = 'format = 1\n[deck]\nid = "d"\ntitle = "D"\n[[sources]]\nid = "s"\ntitle = "A source"\n'
CLEAN = {
    "id": "clean",
    "question": "Which organ filters the blood?",
    "answer": "Kidney",
    "distractors": ["Heart", "Lung", "Stomach"],
    "explanation": "The kidneys clean the blood and make urine.",
    "source": "s",
}


def _toml(*facts: dict[str, object]) -> str:
    body = ""
    for fact in facts:
        body += "\n[[facts]]\n" + "".join(f"{k} = {json.dumps(v)}\n" for k, v in fact.items() if v is not None)
    return HEADER + body


def _lint(**changes: object) -> list[Problem]:
    return lint_deck(*parse_with_positions(_toml({**CLEAN, **changes}), "deck.toml"))


def _rules(**changes: object) -> list[str]:
    return [p.rule for p in _lint(**changes)]  # type: ignore[misc]


def _line_of(key: str, **changes: object) -> int:
    lines = _toml({**CLEAN, **changes}).splitlines()
    return next(n for n, line in enumerate(lines, start=1) if line.startswith(f"{key} ="))


def test_the_clean_fact_has_no_warnings() -> None:
    assert _lint() == []


# (rule, changes that trigger it, changes that do not, key the warning points at)
CASES = [
    ("all-of-the-above", {"distractors": ["Heart", "Lung", "All of the above"]}, {}, "distractors"),
    ("all-of-the-above", {"distractors": ["Heart", "Lung", "None of these"]}, {}, "distractors"),
    ("all-of-the-above", {"answer": "Both A and B"}, {"distractors": ["Heart", "Lung", "Above the navel"]}, "answer"),
    ("negative-question", {"question": "Which organ does not filter the blood?"},
     {"question": "Which organ does NOT filter the blood?"}, "question"),
    ("negative-question", {"question": "All these filter blood, except which one?"},
     {"question": "All these filter blood, *except* which one?"}, "question"),
    ("negative-question", {"question": "Which organ is least likely to filter blood?"},
     {"question": "Which organ filters at least a litre of blood?"}, "question"),
    ("answer-longer", {"answer": "The kidneys, two bean-shaped organs"},
     {"answer": "The kidneys", "distractors": ["The heart", "The lungs", "The liver"]}, "answer"),
    ("answer-cue-word", {"question": "Which organ filters the blood?", "answer": "A blood filter organ"},
     {"answer": "A blood filter organ", "distractors": ["A blood pump", "An air organ", "A food filter"]}, "answer"),
    ("missing-explanation", {"explanation": None}, {}, None),
    ("missing-source", {"source": None}, {}, None),
    ("reading-level",
     {"explanation": "Glomerular filtration physiologically necessitates considerable hydrostatic pressure "
      "differentials across specialised capillary endothelium, regulated by autoregulatory mechanisms."},
     {"explanation": "The kidneys clean your blood. They make pee."}, "explanation"),  # its longest sentence
    ("reading-level",
     {"question": "Which organ physiologically regulates circulating electrolytes?",
      "explanation": "Nephrons continuously regulate electrolyte concentrations."},
     {"question": "Electrolytes?", "explanation": None}, "question"),  # too few words to grade
    ("percent-without-frequency", {"explanation": "About 2% of people have one kidney."},
     {"explanation": "About 2% of people (2 in 100) have one kidney."}, "explanation"),
    ("percent-without-frequency", {"explanation": "It works. In 30 percent of cases it fails."},
     {"explanation": "Under 1% died (fewer than 1 in 100 people). The result was P = .07."}, "explanation"),
    ("flashcard-only", {"distractors": ["Heart"]}, {"distractors": ["Heart", "Lung"]}, "distractors"),
    ("flashcard-only", {"distractors": None}, {}, None),
    ("unknown-allow", {"allow": ["answer-longr"]}, {"allow": ["answer-longer"]}, "allow"),
    ("missing-why", {"priority": "must-know"}, {"priority": "should-know"}, "distractors"),
    ("typed-look-alike", {"answer": "Ileum"}, {"answer": "Ileum", "allow": ["typed-look-alike"]}, "answer"),
    ("typed-look-alike", {"answer": "Colostomy bag"}, {"answer": "Pouch"}, "answer"),
    ("context-dependent-stem", {"question": "In the first trial, which organ filters the blood?"},
     {"question": "In a trial of dialysis, which organ filters the blood?"}, "question"),
    ("context-dependent-stem", {"question": "In these people, which organ filters the blood?"},
     {"question": "A study followed people on dialysis. In this study, which organ filters the blood?"}, "question"),
    ("context-dependent-stem", {"question": "Which organ filters the blood in the combined group?"},
     {"question": "Which organ filters the blood in a combined group of adults?"}, "question"),
    ("extreme-distractors", {"distractors": ["It never works", "It always works", "It is a sure cure"]},
     {"distractors": ["It never works", "Lung", "Stomach"]}, "distractors"),
    ("extreme-distractors", {"distractors": ["A proven cure", "Guaranteed to help", "Always needed"]},
     {"answer": "It is sure to help", "distractors": ["A proven cure", "Guaranteed to help", "Always needed"]},
     "distractors"),
    ("unhedged-figure",
     {"question": "What share of people are alive 5 years after kidney surgery?", "answer": "86%",
      "distractors": ["72%", "57%", "42%"], "explanation": "At 5 years, 86% (86 in 100) were alive."},
     {"question": "In a trial of people whose kidney tumor was removed, what share were alive 5 years later?",
      "answer": "86%", "distractors": ["72%", "57%", "42%"], "explanation": "At 5 years, 86% (86 in 100) were alive."},
     "answer"),
    ("unhedged-figure",
     {"question": "What is the risk of dying from a kidney biopsy?", "answer": "Less than 1 in 100",
      "distractors": ["About 5 in 100", "About 10 in 100", "About 20 in 100"]},
     {"question": "What drug is given with the kidney biopsy to lower the risk of bleeding?", "answer": "5-FU",
      "distractors": ["Heparin", "Aspirin", "Insulin"]}, "answer"),  # 5-FU names a drug, not a figure
    ("tf-wrong-option-fit",
     {"statement": "The {{kidney}} filters the blood.", "distractors": ["Heart", "It is the lung", "2 hearts"]},
     {"statement": "The {{kidney}} filters the blood.", "distractors": ["Heart", "Lung", "Stomach"]}, "statement"),
    ("tf-wrong-option-fit",  # a clause for a clause only
     {"answer": "It is similar", "statement": "Survival: {{it is similar}}.",
      "distractors": ["It is lower", "Much lower", "It is higher"]},
     {"answer": "It is similar", "statement": "Survival: {{it is similar}}.",
      "distractors": ["It is lower", "It is half", "It is higher"]}, "statement"),
    ("answer-in-question",  # T8 #6: the question says the answer it asks for
     {"question": "The kidney, a bean-shaped organ, filters the blood. Which organ filters the blood?"},
     {"question": "A bean-shaped organ filters the blood. Which organ is it?"}, "question"),
    ("answer-in-question",  # a number however written: "two and a half" is 2.5
     {"question": "A child takes two and a half mL. How much is one dose?", "answer": "2.5 mL",
      "distractors": ["5 mL", "10 mL", "1 mL"]},
     {"question": "A child takes a small dose. How much is it?", "answer": "2.5 mL",
      "distractors": ["5 mL", "10 mL", "1 mL"]}, "question"),
    ("answer-beside-blank",  # T8 #6: the sentence names its answer outside the blank
     {"statement": "The {{kidney}} filters the blood; a kidney is bean-shaped."},
     {"statement": "The {{kidney}} filters the blood."}, "statement"),
    ("answer-beside-blank",
     {"answer": "5 days", "distractors": ["3 days", "7 days", "10 days"],
      "statement": "Take the antibiotic for {{5 days}}: five days in all."},
     {"answer": "5 days", "distractors": ["3 days", "7 days", "10 days"],
      "statement": "Take the antibiotic for {{5 days}}, even if you feel better."}, "statement"),
    ("statement-asks",  # a tester read five in the built-in deck as true or false
     {"answer": "It is similar", "distractors": ["It is lower", "It is half", "It is higher"],
      "statement": "How does survival compare with surgery first? {{It is similar}}."},
     {"answer": "It is similar", "distractors": ["It is lower", "It is half", "It is higher"],
      "statement": "Compared with surgery first, the summary says this about survival: {{It is similar}}."},
     "statement"),
    ("statement-asks",  # a question before a sentence that states the fact is context, not the fact
     {"statement": "Which organ? {{Kidney}}."},
     {"statement": "Which organ filters blood? Most people know: the {{kidney}} does."}, "statement"),
]
TOPIC_RULES = {"topic-summary-long"}
"""Rules about a [[topics]] table rather than a fact (tested below)."""
DECK_RULES = {"same-question", "glossary-too-small"}
"""Rules about two facts of a deck, or about the deck (tested below)."""


def test_every_rule_has_cases() -> None:
    assert {case[0] for case in CASES} | TOPIC_RULES | DECK_RULES == set(RULES)


@pytest.mark.parametrize(
    ("second", "said"),
    [
        ({"answer": "Liver", "distractors": ["Heart", "Lung", "Kidney"]},
         "another answer ('Kidney'): a learner cannot tell which is meant"),
        ({"question": "  which ORGAN filters\nthe blood?"}, "the same answer: one fact written twice"),
    ],
)
def test_same_question_warns_at_the_later_of_two_facts_asking_it(second: dict[str, object], said: str) -> None:
    """An `--update` that changed a figure keeps the old fact beside the new one, and `quiz check`
    called the deck with both, "500 mg" and "1000 mg" for one question, valid (a tester's report)."""
    text = _toml({**CLEAN, "id": "a"}, {**CLEAN, "id": "b", **second})
    found = [p for p in lint_deck(*parse_with_positions(text, "deck.toml")) if p.rule == "same-question"]
    assert [p.message for p in found] == [
        f'fact "b": asks the question of fact "a" with {said}; merge the two, or say in each question what sets it '
        "apart"
    ]
    asked = f"question = {json.dumps({**CLEAN, **second}['question'])}"
    assert found[0].line == max(n for n, line in enumerate(text.splitlines(), start=1) if line == asked)  # b's
    apart = _toml({**CLEAN, "id": "a"}, {**CLEAN, "id": "b", **second, "question": "Which organ cleans the blood?"})
    allowed = _toml({**CLEAN, "id": "a"}, {**CLEAN, "id": "b", **second, "allow": ["same-question"]})
    for other in (apart, allowed):
        assert "same-question" not in [p.rule for p in lint_deck(*parse_with_positions(other, "deck.toml"))]


def test_missing_why_names_the_distractors_of_a_must_know_fact_that_have_none() -> None:
    text = _toml({**CLEAN, "distractors": None, "priority": "must-know"}).replace(
        'priority = "must-know"',
        'priority = "must-know"\ndistractors = [{ text = "Heart", why = "The heart pumps blood." }, "Lung", "Stomach"]',
    )
    (problem,) = [p for p in lint_deck(*parse_with_positions(text, "deck.toml")) if p.rule == "missing-why"]
    assert "'Lung', 'Stomach' have no \"why\"" in problem.message and "Heart" not in problem.message
    every = text.replace('"Lung", "Stomach"', '{ text = "Lung", why = "L." }, { text = "Stomach", why = "S." }')
    assert "missing-why" not in [p.rule for p in lint_deck(*parse_with_positions(every, "deck.toml"))]


def test_missing_why_for_a_must_know_fact_whose_wrong_options_come_from_its_group() -> None:
    facts = [
        {**CLEAN, "id": organ.lower(), "answer": organ, "distractors": None, "group": "organs"}
        for organ in ("Kidney", "Heart", "Lung")
    ]
    facts[0]["priority"] = "must-know"
    found = [p for p in lint_deck(*parse_with_positions(_toml(*facts), "deck.toml")) if p.rule == "missing-why"]
    assert [p.message.split(":")[0] for p in found] == ['fact "kidney"']
    assert "other facts' answers" in found[0].message


@pytest.mark.parametrize(
    ("summary", "warns"),
    [
        ("What it means when cancer has spread to the liver.", False),
        ("What spread means. What it does not mean.", True),
        (" ".join(["word"] * 26) + ".", True),
        (" ".join(["word"] * 25) + ".", False),
    ],
)
def test_topic_summary_long_wants_one_short_sentence(summary: str, warns: bool) -> None:
    fact = {**CLEAN, "topic": "spread"}
    topic = f'[[topics]]\nid = "spread"\ntitle = "Spread"\nsummary = {json.dumps(summary)}\n'
    text = _toml(fact).replace("\n[[facts]]", "\n" + topic + "[[facts]]")
    found = [p for p in lint_deck(*parse_with_positions(text, "deck.toml")) if p.rule == "topic-summary-long"]
    assert len(found) == warns
    if warns:
        line = text.splitlines().index(f"summary = {json.dumps(summary)}") + 1
        assert str(found[0]).startswith(f"deck.toml:{line}:1: warning: topic \"spread\": the summary is ")


@pytest.mark.parametrize(("rule", "bad", "good", "key"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_rule_triggers_and_does_not(
    rule: str, bad: dict[str, object], good: dict[str, object], key: str | None
) -> None:
    found = [p for p in _lint(**bad) if p.rule == rule]
    assert len(found) == 1, _lint(**bad)
    problem = found[0]
    assert problem.severity == "warning"
    header = _toml({**CLEAN, **bad}).splitlines().index("[[facts]]") + 1
    assert problem.line == (_line_of(key, **bad) if key else header)
    assert str(problem).startswith(f"deck.toml:{problem.line}:1: warning: ")
    assert str(problem).endswith(f"[{rule}]")
    assert rule not in _rules(**good), _lint(**good)


@pytest.mark.parametrize(("rule", "bad"), [(c[0], c[1]) for c in CASES if c[0] != "unknown-allow"])
def test_allow_silences_a_rule(rule: str, bad: dict[str, object]) -> None:
    assert rule in _rules(**bad)
    assert rule not in _rules(**bad, allow=[rule])


def test_an_unknown_allow_suggests_the_rule_meant() -> None:
    (problem,) = _lint(allow=["answer-longr"])
    assert 'did you mean "answer-longer"?' in problem.message


def test_a_group_of_similar_answers_gives_wrong_options_and_keeps_cues_fair() -> None:
    facts = [
        {**CLEAN, "id": f"f{n}", "question": f"Which organ does job {n}?", "answer": a, "distractors": None,
         "group": "organs"}
        for n, a in enumerate(["Kidney", "Heart", "Liver"])
    ]
    assert lint_deck(*parse_with_positions(_toml(*facts))) == []
    assert [p.rule for p in lint_deck(*parse_with_positions(_toml(*facts[:2])))] == ["flashcard-only"] * 2


def test_warnings_come_in_file_order() -> None:
    text = _toml({**CLEAN, "id": "a", "source": None},
                 {**CLEAN, "id": "b", "question": "Which organ pumps the blood?", "explanation": None})
    lines = [p.line for p in lint_deck(*parse_with_positions(text))]
    assert lines == sorted(lines) and len(lines) == 2 and lines[0] < lines[1]


def test_deck_reading_grade_pools_every_fact() -> None:
    easy = parse_deck(_toml({**CLEAN, "question": "Is it red?", "explanation": "Yes. It is red."}))
    hard = parse_deck(_toml({**CLEAN, "explanation": CASES[10][1]["explanation"]}))
    assert deck_reading_grade(easy) < 4 < 8 < deck_reading_grade(hard)  # type: ignore[operator]


def test_check_prints_warnings_and_strict_fails_on_them(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "deck.toml"
    path.write_text(_toml({**CLEAN, "source": None}), encoding="utf-8")
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f'{path}:9:1: warning: fact "clean": no source') and out[0].endswith("[missing-source]")
    assert out[-1] == "checked 1 deck: all valid; 0 errors, 1 warning"  # one fact: too little text to grade
    assert main(["check", "--strict", str(path)]) == 1
    assert "1 deck with problems" in capsys.readouterr().out


def test_the_built_in_decks_pass_strict(capsys: pytest.CaptureFixture[str]) -> None:
    decks = Path(__file__).resolve().parent.parent / "decks"
    if not any(decks.glob("*.toml")):
        pytest.skip("no built-in deck yet")
    assert main(["check", "--strict", str(decks)]) == 0, capsys.readouterr().out


OPTION_PIECES = st.sampled_from(
    ["all", "None", "both", "NEITHER", "only", "of", "the", "above", "these", "THOSE", "options", "answers",
     "and", "or", "nor", "&", "a", "B", "c", "(d)", "e", "f", ",", ".", " ", "\t", "\n", "\x1c", "ſ", "K", "é"]
)


@given(st.lists(OPTION_PIECES, max_size=8).map("".join) | st.text(max_size=12))
def test_the_quick_rule_out_of_all_of_the_above_never_misses_a_match(text: str) -> None:
    from quiz.judging import of_the_above, points_at_other_options

    assert points_at_other_options(text) == (of_the_above().search(text) is not None)


def test_typed_look_alike_names_the_word_of_the_deck_or_the_look_alike(tmp_path: Path) -> None:
    deck = parse_deck(
        _toml(
            {**CLEAN, "id": "a", "answer": "Liver", "distractors": ["Heart", "Lung", "Stomach"]},
            {**CLEAN, "id": "b", "answer": "Lever arm", "distractors": ["Heart", "Lung", "Stomach"]},
            {**CLEAN, "id": "c", "answer": "Lever", "distractors": ["Heart", "Lung", "Stomach"]},
            {**CLEAN, "id": "d", "answer": "Adduction", "distractors": ["Heart", "Lung", "Abduction"]},
            {**CLEAN, "id": "e", "answer": "5 mg", "distractors": ["Heart", "Lung", "Stomach"]},
            {**CLEAN, "id": "f", "answer": "Preoperative", "distractors": ["Heart", "Lung", "Stomach"]},
        ),
        "deck.toml",
    )
    found = {p.message.split('"')[1]: p.message for p in lint_deck(deck) if p.rule == "typed-look-alike"}
    assert set(found) == {"a", "b", "c", "d", "f"}  # "5 mg": no slip is forgiven next to a number
    assert '"lever" (a text of this deck)' in found["a"] and '"liver" (a text of this deck)' in found["c"]
    assert '"abduction" (a medical look-alike)' in found["d"]
    assert '"peroperative" (a medical look-alike)' in found["f"]  # a curated beginning before a real word


def test_a_cue_word_is_found_whatever_the_unicode_composition() -> None:
    import unicodedata

    question = unicodedata.normalize("NFD", "Which café test looks inside the bowel?")
    assert "answer-cue-word" in _rules(question=question, answer="A café camera")


def test_a_cue_word_is_named_as_the_question_writes_it() -> None:
    """An educator read "normaliz" (a stem) in the warning, a word they never wrote."""
    [message] = [
        p.message
        for p in _lint(question="Which normalized ratio is the blood test?", answer="The normalized ratio")
        if p.rule == "answer-cue-word"
    ]
    assert '"normalized", "ratio" from the question appear in the answer' in message


def test_reading_level_is_placed_at_what_reads_hardest_and_quotes_it() -> None:
    """An educator's 60-word sentence was in the explanation; the warning pointed at the question."""
    long = ("Warfarin therapy necessitates regular international normalized ratio monitoring because "
            "anticoagulation intensity fluctuates considerably with dietary vitamin K consumption, concurrent "
            "medications and intercurrent illnesses affecting hepatic metabolism.")  # fmt: skip
    [problem] = [p for p in _lint(explanation=long) if p.rule == "reading-level"]
    assert problem.line == _line_of("explanation", explanation=long)
    assert "(the longest sentence, in the explanation, has 26 words: “Warfarin therapy necessitates regular" in (
        problem.message
    )
    [problem] = [p for p in _lint(question="Which organ physiologically regulates circulating electrolytes?",
                                  explanation="Nephrons continuously regulate electrolyte concentrations.")  # fmt: skip
                 if p.rule == "reading-level"]
    assert "its longest words: “physiologically”, “concentrations”, “electrolytes”" in problem.message


NEEDLE_PIECES = st.sampled_from(
    ["not", "NOT", "except", "Least", "at least", "or not", "%", "per cent", "PERCENT", "5", "2.5", "survived",
     "lived", "liver", "died", "deaths", "came back", "risk", "trial", "studies", "people who", "women with",
     "those given", "cohort", "the", "first", "this mix", "these", "the combined group", "patients", "never",
     "Always", "surely", "guaranteed", "cures", "certainly", " ", "\n", "\x1c", "ſ", "K", "é", "İ", ".", "-"]
)
NEEDLE_TEXTS = st.lists(NEEDLE_PIECES, max_size=10).map("".join) | st.text(max_size=20)


@pytest.mark.parametrize(
    ("pattern", "needles"),
    [("_NEGATIVE", "_NEGATIVE_NEEDS"), ("_PERCENT", "_PERCENT_NEEDS"),
     ("_CONTEXT_DEPENDENT", "_CONTEXT_DEPENDENT_NEEDS")],
)  # fmt: skip
@given(text=NEEDLE_TEXTS)
@example(text="In this mix,")
@example(text="The combined group is cured")
def test_the_quick_rule_out_before_a_search_never_misses_a_match(pattern: str, needles: str, text: str) -> None:
    import quiz.lint
    from quiz.judging import may_hold

    found = getattr(quiz.lint, pattern).search(text) is not None
    assert may_hold(text, getattr(quiz.lint, needles)) or not found


@pytest.mark.parametrize("name", ["_OUTCOME", "_WHO_STUDIED", "_ABSOLUTE"])
@given(text=NEEDLE_TEXTS)
@example(text="The combined group is cured")
@example(text="ſurvived, THOSE WITH")
def test_a_quick_search_finds_what_the_case_insensitive_pattern_finds(name: str, text: str) -> None:
    import quiz.lint

    search = getattr(quiz.lint, name)
    assert search.found_in(text) == (search.pattern.search(text) is not None)


CUE_PIECES = st.sampled_from(
    ["Tumour", "tumours", "bleeding", "BLEED", "scan", "scans", "café", "cafe\u0301", "the", "colon", "colonoscopy",
     "5-FU", "x-ray", "İstanbul", "straße", "STRASSE", " ", "-", "'", "\u00ad", "2"]
)
CUE_TEXTS = st.lists(CUE_PIECES, max_size=8).map(" ".join) | st.text(max_size=20)


@given(CUE_TEXTS, CUE_TEXTS)
@example("A café camera", "Which cafe\u0301 test?")
@example("STRASSE", "die straße")
@example("Bleeding tumours", "Which TUMOUR  is\tbleeding?")
def test_shared_content_words_are_the_intersection(short: str, text: str) -> None:
    from quiz.judging import content_words, shared_content_words

    assert shared_content_words(content_words(short), text) == content_words(short) & content_words(text)


OPTION_WORDS = st.sampled_from(["Tumour", "tumours", "bleeding", "BLEED", "scan", "café", "cafe\u0301", "5-FU"])
OPTION_TEXTS = st.builds(
    lambda space, words: space + " ".join(words),
    st.sampled_from(["", " "]),
    st.lists(OPTION_WORDS, min_size=1, max_size=3),
)


@given(st.lists(st.tuples(OPTION_TEXTS, st.lists(OPTION_TEXTS, max_size=3)), min_size=1, max_size=5))
@example([("Tumour scan", []), ("tumours", ["Scans"]), ("Bleeding", [])])
@example([("Tumour", []), (" tumour", []), ("Scan", [" Bleeding"])])
def test_judged_answer_words_and_uses_are_the_long_way(facts: list[tuple[str, list[str]]]) -> None:
    """A group's answers are split and measured once for all its facts (Judged.answer_words, uses,
    mean_length): the same words as content_words of each text, a word is used exactly when a wrong
    option shown has it, and the mean length is that of the wrong options shown."""
    from hypothesis import assume

    from quiz.deck.errors import DeckError
    from quiz.judging import Judge, content_words

    texts = [
        {**CLEAN, "id": f"f{i}", "answer": answer, "distractors": wrong or None, "group": "g"}
        for i, (answer, wrong) in enumerate(facts)
    ]
    try:
        deck = parse_deck(_toml(*texts))
    except DeckError:
        assume(False)
    judge = Judge(deck)
    for fact in deck.facts:
        judged = judge(fact)
        assert judged.answer_words == content_words(fact.answer)
        shown = [*judged.wrong.own, *judged.wrong.from_group()]
        assert judged.mean_length == (sum(len(t.strip()) for t in shown) / len(shown) if shown else 0.0)
        for word in judged.answer_words | {"tumour", "scan", "bleed"}:
            assert judged.uses(word) == any(word in content_words(t) for t in shown), word


TYPED_PIECES = st.sampled_from(
    ["Liver", "Lever", "liver", "arm", "5", "mg", "Colostomy", "bag", "T", "cell", "the", "Abduction"]
)


@given(st.lists(TYPED_PIECES, min_size=1, max_size=4).map(" ".join))
def test_typed_look_alike_warns_exactly_when_typed_and_one_slip_from_a_word(answer: str) -> None:
    """The rule asks whether an answer can be typed only when it has a run a slip is forgiven in:
    it warns exactly when the answer can be typed and has a look-alike (the long way)."""
    from quiz.typed import deck_lexicon, look_alikes, typed_possible

    deck = parse_deck(_toml({**CLEAN, "answer": answer}, {**CLEAN, "id": "other", "answer": "Lever arm"}))
    fact = deck.facts[0]
    warned = any(p.rule == "typed-look-alike" and '"clean"' in p.message for p in lint_deck(deck))
    long_way = typed_possible(fact.answer, fact.accept, fact.distractors, deck.language) and bool(
        look_alikes(fact.answer, deck_lexicon(deck), fact.accept)
    )
    assert warned == long_way


@pytest.mark.parametrize(("words", "warned"), [(0, False), (1, True), (3, True), (4, False)])
def test_a_glossary_of_fewer_words_than_a_matching_question_pairs_is_told(words: int, warned: bool) -> None:
    """An educator wrote three glossary words and found no matching questions, told nothing."""
    glossary = "".join(f'"term{n}" = "Meaning number {n}."\n' for n in range(words))
    text = _toml(CLEAN) + (f"\n[glossary]\n{glossary}" if words else "")
    found = [p for p in lint_deck(*parse_with_positions(text, "deck.toml")) if p.rule == "glossary-too-small"]
    assert bool(found) is warned
    if warned:
        assert found[0].line == text.splitlines().index("[glossary]") + 1
        assert f"the glossary has {words} word" in found[0].message and f"add {4 - words} more" in found[0].message
