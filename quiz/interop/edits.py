"""Whether a re-imported text is the old one edited (the same fact, which keeps its id and its
learners' history) or another text (another fact). quiz/interop/update.py matches by it."""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quiz.deck.model import Fact

EDIT_SIMILARITY = 80
"""How alike (rapidfuzz's ratio, 0-100) a question or answer must stay for the fact to be the same
one edited ("How often shuold..." fixed, "Call your care team" made "... now"): 80 allows a typo
or two or a word added to a short text, not another text that happens to share the other side."""

NEGATIONS = frozenset(("not", "no", "never", "without", "cannot", "none", "nor", "neither", "non", "nothing"))
"""Words that turn what a text says into its opposite: one added or dropped ("With food" made
"Without food", "Safe" made "Not safe") makes another fact, however alike the letters."""

_NEGATING_PREFIXES = ("un", "non", "in", "im", "il", "ir", "dis", "a", "an")
"""Prefixes that make a word its opposite ("safe" and "unsafe", "typical" and "atypical")."""

_NOT = re.compile(r"n[’']t\b", re.IGNORECASE)
"""The "n't" of "don't", "isn't", "can't": a negation inside a word."""


def words(text: str) -> str:
    """A text with its spacing made one and its case folded: how two texts are compared as written."""
    return " ".join(text.split()).casefold()


def numbers(text: str, language: str = "en") -> tuple[tuple[str, ...], ...]:
    """The numbers a text says, in order, as typed marking reads them (quiz.typed.read: "5",
    "five" and "5.0" alike; "Stage IV" is 4)."""
    from quiz.typed import read

    return tuple(item for item in read(text, language).shape if item != ("w",))


def edited(before: str, after: str, language: str = "en", *, answer: bool = True) -> bool:
    """Whether `after` is `before` with a small edit: as alike as EDIT_SIMILARITY, saying the same
    numbers, and with no word made its opposite or another real word (another_word). A text whose
    number changed ("take 5 mg" made "take 10 mg", "five" made "ten", "0.5 mg" made "5 mg") or whose
    word did ("With food" made "Without food", "Adduction" made "Abduction", "Hyperglycemia" made
    "Hypoglycemia") is another fact, whose learners' history of the old one must not carry over.
    `answer` says the texts are answers, where any real word made another counts (else questions,
    where only look-alikes and negations do: "How many tablets" made "How many pills" asks the same).
    The same answer written another way ("2 tablets" made "two tablets": quiz.typed.same_answer) is
    an edit."""
    from rapidfuzz.fuzz import ratio

    from quiz.typed import same_answer

    if same_answer(before, after, language):  # "2 tablets" made "two tablets"
        return True
    if ratio(words(before), words(after)) < EDIT_SIMILARITY or numbers(before, language) != numbers(after, language):
        return False
    return not another_word(before, after, language, answer=answer)


def another_word(before: str, after: str, language: str = "en", *, answer: bool = True) -> str:
    """The word of `after` that makes it say something else than `before` ("" if none): a negation
    added or dropped (NEGATIONS, "n't", a negating prefix: "unsafe" for "safe"), or a word that
    is a real word where the one it replaces was one too, as typed marking tells a slip from
    another word (quiz.typed.Lexicon.other_word: quiz's medical look-alikes, and with `answer` in
    an English deck the CMU dictionary): "Abduction" for "Adduction", "upper" for "lower". A typo
    fixed ("Adducton" made "Adduction") or a word added ("now") says the same."""
    from quiz.typed import Lexicon, read

    old = [w for run in read(before, language).runs for w in run]
    new = [w for run in read(after, language).runs for w in run]
    dropped, added = Counter(old) - Counter(new), Counter(new) - Counter(old)
    negations = [w for w in (*dropped, *added) if w in NEGATIONS]
    if negations or bool(_NOT.search(before)) != bool(_NOT.search(after)):
        return negations[0] if negations else "n't"
    for a in added:
        for d in dropped:
            if any(a == p + d or d == p + a for p in _NEGATING_PREFIXES):
                return a
    if not dropped or not added:
        return ""
    lexicon = Lexicon((), language if answer else "")  # no language: quiz's look-alikes alone
    found = lexicon.other_word(tuple(old), tuple(new))  # the whole text a look-alike ("T cell"), or a word
    return found if found and lexicon.other_word(tuple(new), tuple(old)) else ""


def says_before(text: str, before: str, after: str, language: str = "en") -> bool:
    """Whether `text` (an explanation, a why) says what the answer `before` said that `after` does
    not: a number of `before` not in `after` ("Take 2 tablets a day" for "2 tablets" made "3
    tablets"), the whole of `before` ("take it with food" for "With food"), or a word of five
    letters or more `before` had and `after` has not ("Adduction brings the arm in" for "Adduction"
    made "Abduction"; not "with", which most texts hold), as typed marking reads them."""
    from quiz.typed import read

    gone = Counter(numbers(before, language)) - Counter(numbers(after, language))
    if gone and not set(gone).isdisjoint(numbers(text, language)):
        return True
    if re.search(rf"(?<!\w){re.escape(words(before))}(?!\w)", words(text)):
        return True
    old = {w for run in read(before, language).runs for w in run if len(w) >= _LONG_WORD}
    new = {w for run in read(after, language).runs for w in run}
    own = {w for run in read(text, language).runs for w in run}
    return not (old - new).isdisjoint(own)


_LONG_WORD = 5
"""The fewest letters of a word says_before looks for: shorter ones ("with", "back", "day") are in
most texts whatever they say."""


def written_for_before(
    before: Fact, merged: Fact, language: str = "en"
) -> tuple[Fact, list[tuple[str, str | tuple[str, ...]]]]:
    """`merged` (the fact `before` with an import's edits) without what was written for its old
    answer, where the answer changed to another (not an edit: `edited`), and what was taken out, as
    (key, value). Its accept forms, all of them, and its statement, where the import brings none
    of its own, go ("2 pills" accepted, typed, for "3 tablets"; "You take {{two tablets}} a day"
    made true); its explanation and each distractor's why go where they say the old answer
    (says_before) and the import did not edit them. A fact whose answer is an edit, or unchanged,
    is `merged` as it is."""
    old, new = before.answer, merged.answer
    if old == new or edited(old, new, language):
        return merged, []
    taken: list[tuple[str, str | tuple[str, ...]]] = []
    if merged.accept:
        taken.append(("accept", merged.accept))
    statement = merged.statement
    if statement and statement == before.statement:
        taken.append(("statement", statement))
        statement = ""
    explanation = merged.explanation
    if explanation and explanation == before.explanation and says_before(explanation, old, new, language):
        taken.append(("explanation", explanation))
        explanation = ""
    whys = list(merged.whys)
    for n, (text, why) in enumerate(zip(merged.distractors, merged.whys, strict=False)):  # no whys: ()
        if why and says_before(why, old, new, language):
            taken.append((f"why of the distractor {text!r}", why))
            whys[n] = ""
    fact = merged._replace(
        accept=(), statement=statement, explanation=explanation, whys=tuple(whys) if any(whys) else ()
    )
    return fact, taken


def taken_out_comments(taken: list[tuple[str, str | tuple[str, ...]]], before: str) -> list[str]:
    """What written_for_before took out of a fact, as TOML comment lines to go above it: nothing
    the author wrote is lost, and none of it is read as the fact's."""
    from quiz.deck.write import toml_value

    if not taken:
        return []
    shown = " ".join(before.split())
    lines = [f"quiz import --update took these out of the fact below, written for its old answer {shown!r}:"]
    for key, value in taken:
        lines += f"{key}{' =' if ' ' not in key else ':'} {toml_value(value)}".split("\n")
    return [f"# {line}".rstrip() for line in lines]


def meaning_changed(before: Fact, after: Fact, language: str = "en") -> str:
    """How a fact that keeps its id (its note's guid) came to say something else: "number" where a
    number of its question or answer changed, "answer" where its answer is another (not an edit of
    it: `edited`, "Adduction" made "Abduction"), else "". Its learners' history of the old fact
    stays with it; kept_id_notes says so."""
    if (numbers(before.question, language), numbers(before.answer, language)) != (
        numbers(after.question, language),
        numbers(after.answer, language),
    ):
        return "number"
    if before.answer != after.answer and not edited(before.answer, after.answer, language):
        return "answer"
    return ""


def kept_id_notes(changes: dict[str, str]) -> list[str]:
    """Notes on the facts that keep their id although they say something else (fact id ->
    meaning_changed), as `--update` and `-o --force` print them."""
    notes = []
    for kind, what in (("number", "a number"), ("answer", "the answer")):
        ids = [fact_id for fact_id, change in changes.items() if change == kind]
        if not ids:
            continue
        one = len(ids) == 1
        notes.append(
            f"{what} changed in {'a fact that keeps its id' if one else 'facts that keep their ids'}, and so "
            f"{'its' if one else 'their'} learners' history, as the note's guid is the same: {', '.join(ids)}; "
            f"to have the new {kind} learned afresh, give {'it' if one else 'each'} a new id in the deck"
        )
    return notes
