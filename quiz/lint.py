"""Authoring advice for a valid deck: item-writing rules (NBME) and plain language (PEMAT).

Each rule yields warnings, never errors: `quiz check` prints them after errors and fails on them
only with --strict. A fact silences a rule it has a reason to break with `allow = ["rule"]`,
the reason written in a comment beside it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

from quiz.advice import (
    SENTENCE,
    Advice,
    answer_beside_blank,
    answer_in_question,
    glossary_too_small,
    hardest_to_read,
    same_question,
    statement_asks,
    topic_summary_long,
    warn,
)
from quiz.deck.errors import Problem
from quiz.deck.model import MUST_KNOW, Deck, Fact
from quiz.deck.options import MIN_WRONG_OPTIONS
from quiz.deck.positions import NO_POSITIONS, Positions
from quiz.deck.statement import fits_statement, split
from quiz.deck.suggest import did_you_mean
from quiz.judging import (
    MIN_GRADED_WORDS,
    Judge,
    Judged,
    Search,
    as_written,
    may_hold,
    points_at_other_options,
    reading_stats,
    shared_content_words,
)
from quiz.plural import plural
from quiz.typed import Lexicon, deck_lexicon, look_alikes, slip_runs, typed_possible

RULES: dict[str, str] = {
    "all-of-the-above": 'an option such as "all of the above", "none of the above" or "both A and B"',
    "negative-question": "a question with NOT, EXCEPT or LEAST that is not written in capitals",
    "answer-longer": "the answer is much longer than the wrong options (a cue for test-wise readers)",
    "answer-cue-word": "a word of the question is repeated in the answer but in no wrong option",
    "missing-explanation": "the fact has no explanation",
    "missing-source": "the fact names no source",
    "reading-level": "question, statement and explanation read above grade 8 (Flesch-Kincaid)",
    "percent-without-frequency": 'a percentage in the explanation with no natural frequency ("2 in 100") beside it',
    "flashcard-only": "fewer than two possible wrong options, so the fact is served as a flashcard only",
    "typed-look-alike": "a typed answer is one slip from another real word (of the deck or a medical look-alike)",
    "unknown-allow": "`allow` names a rule that does not exist",
    "missing-why": 'a must-know multiple-choice fact has a distractor without a "why"',
    "topic-summary-long": "a topic's summary is more than one short sentence",
    "context-dependent-stem": 'the question points at a study, group or person it does not name ("the first trial")',
    "extreme-distractors": "every wrong option is an absolute claim (never, always, sure, proven, cure)",
    "unhedged-figure": "the answer is a survival or risk figure and nothing says who was studied",
    "tf-wrong-option-fit": "a wrong option cannot stand in the statement's {{...}} span (no false version from it)",
    "same-question": "the fact asks the question an earlier fact asks (a learner cannot tell which is meant)",
    "answer-in-question": "the question says its own answer (its numbers, however written, and its longer words)",
    "answer-beside-blank": "the statement says its answer outside {{...}} too, so it is not asked as fill in the blank",
    "statement-asks": "the statement asks a question and answers it in {{...}} rather than stating the fact",
    "glossary-too-small": "the glossary has fewer words than a matching question asks (no matching questions)",
}
"""Every warning rule and what it means (docs/questions.md has an example of each)."""

MAX_GRADE = 8.0
LONGER_RATIO = 1.5
LONGER_MIN_CHARS = 5
"""answer-longer: the answer is over 1.5x the wrong options' mean length and 5+ characters longer."""


_NEGATIVE = re.compile(r"\b(?:not|except|least)\b", re.IGNORECASE)
_NEGATIVE_NEEDS = ("not", "except", "least")
_NOT_NEGATIVE = re.compile(r"\bat\s+least\b|\bor\s+not\b|\bnot\s+only\b", re.IGNORECASE)
_EMPHASIS = re.compile(r"[*_]+\s*(?:not|except|least)\s*[*_]+", re.IGNORECASE)
_PERCENT = re.compile(r"\d(?:[\d.,]*\d)?\s*(?:%|per\s*cent\b|percent\b)", re.IGNORECASE)
_PERCENT_NEEDS = ("%", "per")
_NUMBER_WORD = r"one|two|three|four|five|six|seven|eight|nine|ten|a|an"
_BASE_WORD = r"ten|twenty|fifty|a\s+hundred|one\s+hundred|hundred|a\s+thousand|one\s+thousand|thousand"
_FREQUENCY = re.compile(
    rf"\b(?:\d[\d,]*|{_NUMBER_WORD})\s+(?:in|out\s+of|of\s+every|in\s+every)\s+(?:\d[\d,]*|{_BASE_WORD})\b",
    re.IGNORECASE,
)
_CONTEXT_DEPENDENT = re.compile(
    r"\b(?:the\s+(?:first|second|third|same|other|earlier|previous)\s+(?P<a>trial|study|group|patient|person)"
    r"|(?:this|these|that|those)\s+(?P<b>trials?|study|studies|people|patients|persons?|groups?|mix)"
    r"|the\s+combined\s+(?P<c>group))\b",
    re.IGNORECASE,
)
"""context-dependent-stem: a pointer at something named on another card (issue 16's examples)."""
_CONTEXT_DEPENDENT_NEEDS = ("trial", "stud", "group", "patient", "person", "people", "mix")
_ABSOLUTE = Search(
    r"\b(?:never|always|sure(?:ly)?|proven|guarantee[sd]?|cure[sd]?|certain(?:ly)?)\b",
    ("never", "always", "sure", "proven", "guarantee", "cure", "certain"),
)
"""extreme-distractors: the words of an absolute claim (NBME: test-wise readers rule such options out)."""
_FIGURE = re.compile(r"(?<![\w-])\d[\d.,]*(?![\w-])")
"""unhedged-figure: a number standing alone ("86%", "72.2 months"), not part of a name ("5-FU", "NCT00002716")."""
_OUTCOME = Search(
    r"\b(?:surviv\w*|alive|lived?|died|deaths?|dying|mortality|risks?|complications?|morbidity|recurrences?"
    r"|came\s+back|comes?\s+back|progression)\b",
    ("surviv", "live", "died", "death", "dying", "mortality", "risk", "complication", "morbidity", "recurrence",
     "back", "progression"),
)  # fmt: skip
"""unhedged-figure: the words of a survival or risk outcome (issue 16: such figures are read as one's own)."""
_WHO_STUDIED = Search(
    r"\b(?:trials?|stud(?:y|ies|ied)|series|cohort|groups?|registry|reviews?"
    r"|(?:people|patients|persons?|those|men|women|adults|children)\s+(?:who|whose|with|given|treated|having"
    r"|in|after|that))\b",
    ("trial", "stud", "series", "cohort", "group", "registry", "review", "people", "patient", "person", "those",
     "men", "adult", "children"),
)  # fmt: skip
"""unhedged-figure: words that say who a figure is about ("in a trial of", "people whose")."""


# --- the rules: each takes (deck, fact, wrong options it may be shown with) -----------------

WrongOptions = Judged
Rule = Callable[[Deck, Fact, WrongOptions], Iterator[Advice]]


def _all_of_the_above(deck: Deck, fact: Fact, wrong: WrongOptions) -> Iterator[Advice]:
    for key, texts in (("answer", [fact.answer]), ("distractors", fact.distractors)):
        for text in texts:
            if points_at_other_options(text):
                yield warn(
                    deck, fact, key, "all-of-the-above",
                    f"the option {text!r} depends on the others, which are shuffled; "
                    "write a single best answer instead",
                )


def _negative_question(deck: Deck, fact: Fact, wrong: WrongOptions) -> Iterator[Advice]:
    if not may_hold(fact.question, _NEGATIVE_NEEDS):
        return
    text = _NOT_NEGATIVE.sub(" ", fact.question)
    for found in _NEGATIVE.finditer(text):
        word = found.group()
        emphasised = word.isupper() or _EMPHASIS.search(text, max(0, found.start() - 3), found.end() + 3)
        if not emphasised:
            yield warn(
                deck, fact, "question", "negative-question",
                f'the question asks in the negative ("{word}"): ask it positively, '
                f"or write {word.upper()} in capitals so it is not missed",
            )
            return


def _answer_longer(deck: Deck, fact: Fact, wrong: WrongOptions) -> Iterator[Advice]:
    if wrong.count < 2:
        return
    mean = wrong.mean_length
    length = len(fact.answer.strip())
    if length > LONGER_RATIO * mean and length - mean >= LONGER_MIN_CHARS:
        yield warn(
            deck, fact, "answer", "answer-longer",
            f"the answer has {length} characters, the wrong options {mean:.0f} on average: "
            "the longest option is a known cue; make them alike in length",
        )


def _answer_cue_word(deck: Deck, fact: Fact, wrong: WrongOptions) -> Iterator[Advice]:
    if not wrong.count:
        return
    cues = sorted(w for w in shared_content_words(wrong.answer_words, fact.question) if not wrong.uses(w))
    if cues:
        words = ", ".join(f'"{w}"' for w in as_written(cues, fact.question))
        verb = "appear" if len(cues) > 1 else "appears"
        yield warn(
            deck, fact, "answer", "answer-cue-word",
            f"{words} from the question {verb} in the answer but in no wrong option, which points to the answer",
        )


def _missing_explanation(deck: Deck, fact: Fact, wrong: WrongOptions) -> Iterator[Advice]:
    if not fact.explanation.strip():
        yield warn(
            deck, fact, None, "missing-explanation",
            'no explanation: add explanation = "..." saying why the answer is right',
        )


def _missing_source(deck: Deck, fact: Fact, wrong: WrongOptions) -> Iterator[Advice]:
    if not fact.source:
        yield warn(
            deck, fact, None, "missing-source",
            'no source: add source = "..." naming a [[sources]] id, so a reader can check the fact',
        )


def _reading_level(deck: Deck, fact: Fact, wrong: WrongOptions) -> Iterator[Advice]:
    stats = reading_stats(deck, fact)
    grade = stats.grade
    if grade is not None and stats.words >= MIN_GRADED_WORDS and round(grade, 1) > MAX_GRADE:
        key, hint = hardest_to_read(fact)  # an educator's 60 words were in the explanation, not the question
        yield warn(
            deck, fact, key, "reading-level",
            f"{'question, statement' if fact.statement else 'question'} and explanation read at grade {grade:.1f} "
            f"(Flesch-Kincaid); aim for grade {MAX_GRADE:.0f} or below with shorter sentences and everyday words "
            f"({hint})",
        )


def _percent_without_frequency(deck: Deck, fact: Fact, wrong: WrongOptions) -> Iterator[Advice]:
    if not may_hold(fact.explanation, _PERCENT_NEEDS):
        return
    for sentence in SENTENCE.split(fact.explanation):
        found = _PERCENT.search(sentence)
        if found and not _FREQUENCY.search(sentence):
            yield warn(
                deck, fact, "explanation", "percent-without-frequency",
                f'"{found.group()}" has no natural frequency beside it: add one such as '
                '"2 in 100 people", which more readers understand',
            )
            return


def _flashcard_only(deck: Deck, fact: Fact, wrong: WrongOptions) -> Iterator[Advice]:
    if wrong.count < MIN_WRONG_OPTIONS:
        yield warn(
            deck, fact, "distractors", "flashcard-only",
            f"{plural(wrong.count, 'possible wrong option')}, so this fact is a "
            "flashcard only: add distractors, or a group shared with facts of similar answers",
        )


def _typed_look_alike(deck: Deck, fact: Fact, wrong: WrongOptions) -> Iterator[Advice]:
    # An answer without a run a slip is forgiven in has no look-alike (look_alikes): whether it can
    # be typed at all, which reads every distractor, is not asked.
    if not slip_runs(fact.answer, deck.language):
        return
    if not typed_possible(fact.answer, fact.accept, fact.distractors, deck.language):
        return
    lexicon = deck_lexicon(deck)
    found = look_alikes(fact.answer, lexicon, fact.accept)
    if found:
        named = ", ".join(
            f'"{lexicon.spelled(w)}" ({"a text of this deck" if _deck_text(lexicon, w) else "a medical look-alike"})'
            for w in found
        )
        yield warn(
            deck, fact, "answer", "typed-look-alike",
            f"the typed answer {fact.answer!r} is one slip from {named}: a learner who types that is marked "
            "wrong, so make sure the question tells them apart",
        )


def _deck_text(lexicon: Lexicon, word: str) -> bool:
    """Whether a look-alike is a word of the deck's texts, not one of quiz's (curated, or made of a
    curated ending or beginning: "colotomy", "peroperative")."""
    return lexicon.contains(word) and not lexicon.is_curated(word)


def _unknown_allow(deck: Deck, fact: Fact, wrong: WrongOptions) -> Iterator[Advice]:
    for name in fact.allow:
        if name not in RULES:
            hint = did_you_mean(name, list(RULES)) or f" (rules: {', '.join(RULES)})"
            yield warn(deck, fact, "allow", "unknown-allow", f'allow names "{name}", which is not a rule{hint}')


def _missing_why(deck: Deck, fact: Fact, wrong: WrongOptions) -> Iterator[Advice]:
    if fact.priority != MUST_KNOW or wrong.count < MIN_WRONG_OPTIONS:
        return
    if not fact.distractors:
        yield warn(
            deck, fact, None, "missing-why",
            "must-know, but its wrong options are other facts' answers, which say nothing of why they are "
            'wrong: add distractors = [{ text = "...", why = "..." }]',
        )
        return
    without = [d for d in fact.distractors if not fact.why(d)]
    if without:
        names = ", ".join(repr(d) for d in without)
        yield warn(
            deck, fact, "distractors", "missing-why",
            f'must-know, but {names} {"has" if len(without) == 1 else "have"} no "why": write each as '
            '{ text = "...", why = "..." } so a learner who picks it learns what makes it wrong',
        )


def _context_dependent_stem(deck: Deck, fact: Fact, wrong: WrongOptions) -> Iterator[Advice]:
    if not may_hold(fact.question, _CONTEXT_DEPENDENT_NEEDS):
        return
    for found in _CONTEXT_DEPENDENT.finditer(fact.question):
        noun = (found.group("a") or found.group("b") or found.group("c")).rstrip("s").lower()
        # "A trial of ... What did this trial find?" names its trial first: no warning.
        if re.search(rf"\ban?\s+(?:[\w'-]+\s+)?{noun}", fact.question[: found.start()], re.IGNORECASE):
            continue
        yield warn(
            deck, fact, "question", "context-dependent-stem",
            f'the question points at "{found.group()}" without naming it; cards come in any order, so say '
            'what it is about ("In a trial of chemo after liver surgery, ...")',
        )
        return


def _extreme_distractors(deck: Deck, fact: Fact, wrong: WrongOptions) -> Iterator[Advice]:
    own = fact.distractors
    if len(own) < MIN_WRONG_OPTIONS or _ABSOLUTE.found_in(fact.answer):
        return
    if all(map(_ABSOLUTE.found_in, own)):
        yield warn(
            deck, fact, "distractors", "extreme-distractors",
            "every wrong option is an absolute claim (never, always, sure, proven, cure), so the one hedged "
            "option can be picked without knowing the fact; make some wrong options plausible",
        )


def _unhedged_figure(deck: Deck, fact: Fact, wrong: WrongOptions) -> Iterator[Advice]:
    if not _FIGURE.search(fact.answer):
        return
    said = f"{fact.question} {fact.answer} {fact.explanation}"
    if _OUTCOME.found_in(said) and not _WHO_STUDIED.found_in(said):
        yield warn(
            deck, fact, "answer", "unhedged-figure",
            "the answer is a survival or risk figure, but nothing says whose figure it is; a reader may take it "
            'as their own outlook: say who was studied ("in a trial of 200 people after surgery"), or, for a '
            'figure of no outcome (a target, a dose), allow = ["unhedged-figure"]',
        )


def _tf_wrong_option_fit(deck: Deck, fact: Fact, wrong: WrongOptions) -> Iterator[Advice]:
    """A wrong option that cannot stand in the statement's span is never used for a false version
    (quiz.deck.statement.fits_statement); none that can means true-or-false asks this fact only as true."""
    parts = split(fact.statement) if fact.statement else None
    if parts is None or not fact.distractors:
        return
    unfit = [d for d in fact.distractors if not fits_statement(parts, d)]
    if not unfit:
        return
    names, span = ", ".join(f'"{d}"' for d in unfit), "{{" + parts.span + "}}"
    if len(unfit) == len(fact.distractors):
        message = f"no wrong option reads as a sentence in place of {span} ({names}): no false version can be made"
    else:
        verb, it = ("does", "it is") if len(unfit) == 1 else ("do", "they are")
        message = f"{names} {verb} not read as a sentence in place of {span}: {it} left out of true or false"
    yield warn(deck, fact, "statement", "tf-wrong-option-fit", message)


CHECKS: dict[str, Rule] = {
    "all-of-the-above": _all_of_the_above,
    "negative-question": _negative_question,
    "answer-longer": _answer_longer,
    "answer-cue-word": _answer_cue_word,
    "missing-explanation": _missing_explanation,
    "missing-source": _missing_source,
    "reading-level": _reading_level,
    "percent-without-frequency": _percent_without_frequency,
    "flashcard-only": _flashcard_only,
    "typed-look-alike": _typed_look_alike,
    "unknown-allow": _unknown_allow,
    "missing-why": _missing_why,
    "context-dependent-stem": _context_dependent_stem,
    "extreme-distractors": _extreme_distractors,
    "unhedged-figure": _unhedged_figure,
    "tf-wrong-option-fit": _tf_wrong_option_fit,
    "answer-in-question": answer_in_question,
    "answer-beside-blank": answer_beside_blank,
    "statement-asks": statement_asks,
}


def lint_deck(deck: Deck, positions: Positions = NO_POSITIONS) -> list[Problem]:
    """Every authoring warning for a loaded deck, in file order.

    `positions` (quiz.deck.load.parse_with_positions) places each warning at its line and column;
    without it a warning has none.
    """
    judge = Judge(deck)
    path = deck.path or Path("<deck>")
    problems: list[Problem] = []

    def add(advice: Advice, at: tuple[int, int] | None) -> None:
        line, col = at or (None, None)
        problems.append(Problem(path, line, col, advice.message, "warning", advice.rule))

    for index, fact in enumerate(deck.facts):
        wrong = judge(fact)
        allowed = set(fact.allow)
        for name, check in CHECKS.items():
            if name not in allowed:
                for advice in check(deck, fact, wrong):
                    add(advice, positions.fact(index, advice.key))
    for index, advice in same_question(deck):
        add(advice, positions.fact(index, advice.key))
    for index, topic in enumerate(deck.topics):
        for advice in topic_summary_long(topic):
            add(advice, positions.topic(index, advice.key))
    for advice in glossary_too_small(deck):
        add(advice, positions.table("glossary"))
    problems.sort(key=lambda p: (p.line or 0, p.col or 0))
    return problems

