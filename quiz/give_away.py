"""Whether a text on screen gives an answer away: the one rule for the order of a session's
questions (quiz.apart), the glossary words shown before an answer (quiz.words_shown) and the
questions and fill-in-the-blank sentences that name their own answer (quiz.advice, quiz.kinds).

A text gives an answer away when it shows every number of the answer and every longer word of
it (text_marks, answer_marks). Numbers and words are read as typed marking reads a typed answer
(quiz.typed.read): a number however it is written ("five days" is "5 days", "1 000 mg" 1000 mg,
"½ mg" and "0·5 mg" 0.5 mg, "20:00" 8 pm, "Stage 4" "Stage IV", "2 times a day" twice a day),
words in their American spelling in an English deck ("hypoglycaemia"), a share however it is
written ("25 percent", "1 in 4": quiz.typed.proportions) and an amount in any unit of mass, volume
or time that converts exactly ("4000 mg" is 4 g, "14 days" 2 weeks: quiz.typed.in_base_units),
a temperature by its number and degrees ("minus eighteen degrees" is -18 °C).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from quiz.judging import ABBREVIATION_PLURAL, STOPWORDS, give_away_stems, shares_a_root, stem_word, word_stems
from quiz.typed.words import UNITS

if TYPE_CHECKING:
    from quiz.deck.model import Fact

FUNCTION_WORDS = frozenset(
    "a an the of to in on at by for with and or is are was were be it its their his her as".split()
)
"""Words that say nothing of an answer on their own: left out of its marks (answer_marks)."""
_AMOUNT = "#="
"""The start of an amount's mark: a number in its base unit, with the unit ("#=500 mcg")."""
_LETTERS = re.compile(r"[a-z]+")
"""A word of a lower-cased ASCII text, as typed reading splits it."""
_DIGIT = re.compile(r"[0-9]")
_DEGREES = "#°"
"""The mark of a temperature: a text that says degrees, or °, shows it ("minus eighteen degrees"
says "-18 °C", whose scale typed reading drops with "degrees" when no C or F follows it)."""


@lru_cache(maxsize=4096)
def _read(text: str, language: str) -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
    """(every number mark of `text`, the number marks an answer is given away by, its words as read).

    A number is "#value" (quiz.typed.number_value's plain decimal), a time or a ratio "#h:m", a
    range "#a-b", a share "#p1/4" or a range of shares "#p1/100-3/100" (proportions), a frequency
    not read as one "#a in b" or "#a-b in c", an amount
    "#=value unit" (in_base_units; its unit is then no word of the text); an answer's temperature
    also gives _DEGREES (its C or F then no word). An answer is given away by its amounts and its
    other numbers, each with the word after it, however short ("49 months" needs "mo", the one
    spelling of the unit, not any 49); a text shows all of them, and the parts of each (the number
    of an amount too: "4000 mg" also shows 4000, "20:00" shows 20)."""
    from quiz.typed import in_base_units, proportions, read
    from quiz.typed.words import primary_language

    text = ABBREVIATION_PLURAL.sub("", text)
    if text.isascii() and not _DIGIT.search(text) and primary_language(language) == "en":
        words = _LETTERS.findall(text.lower())
        if _read_otherwise().isdisjoint(words):  # no number, and words as written: no reading needed
            return frozenset(), frozenset(), tuple(words)
    reading = read(text, language)
    runs = [list(run) for run in reading.runs]
    shape = proportions(reading.shape)
    every: set[str] = set()
    answer: set[str] = set()
    run = -1  # the index in runs of the last ("w",) before the part read
    k = 0
    while k < len(shape):
        part, k = shape[k], k + 1
        if part == ("w",):
            run += 1
        if part[0] not in "nrfFp":
            continue
        if part[0] == "p":  # a share, or a range of them: "#p1/4", "#p1/100-3/100"
            mark = "#p" + "-".join(part[1:])
        else:
            mark = {"n": "#{}", "r": "#{}-{}", "f": "#{} in {}", "F": "#{}-{} in {}"}[part[0]].format(*part[1:])
        if part[0] == "n" and shape[k : k + 1] == (("s", ":"),) and k + 1 < len(shape) and shape[k + 1][0] == "n":
            every |= {mark, f"#{shape[k + 1][1]}"}
            mark = f"#{part[1]}:{shape[k + 1][1]}"  # a time of day ("8 pm" is 20:00) or a ratio
            k += 2
        elif part[0] in "nr" and shape[k : k + 1] == (("w",),) and runs[run + 1]:
            unit = runs[run + 1][0]
            scaled, base = in_base_units((part, ("w",)), (unit,))
            if base[0] != unit and unit not in _BY_WORD:  # an amount in a unit that converts: "4 g" is "4000 mg"
                every.add(mark)
                mark = _AMOUNT + "-".join(scaled[0][1:]) + " " + base[0]
                runs[run + 1] = runs[run + 1][1:]
            elif unit in ("c", "f"):  # a temperature ("-18 °C"): said by its number and degrees
                answer.add(_DEGREES)
                runs[run + 1] = runs[run + 1][1:]
            elif unit not in STOPWORDS and unit not in FUNCTION_WORDS:  # "49 months": months too, "mo"
                answer.add(stem_word(unit, language))
        every.add(mark)
        answer.add(mark)
    if answer and _says_degrees(text):  # "5 degrees": typed reading drops "degrees"
        answer.add(_DEGREES)
    return frozenset(every), frozenset(answer), tuple(w for r in runs for w in r)


_BY_WORD = frozenset(("mo", "yr"))
"""Units an answer's amount is given away by as a number and the unit's word (as "49 months" is),
not as an amount converted (in_base_units): months and years convert only into each other, and a
feedback says "Ten more years" far more often than "120 months"."""


def _says_degrees(text: str) -> bool:
    """Whether a text says degrees (a temperature, or an angle): "°", or the word."""
    return "°" in text or "degree" in text.casefold()


def text_marks(text: str, language: str = "en") -> frozenset[str]:
    """What a text on screen shows that can give an answer away: its numbers in all their forms
    (_read), the stems of the words it reads as and of the words as written (quiz.judging.word_stems),
    a unit's one spelling wherever it stands ("weeks" is also "wk"), its abbreviations in capitals
    ("@CT": _ABBREVIATION)."""
    numbers, _, words = _read(text, language)
    stems = (stem_word(w, language) for w in words)
    written = [w for w in word_stems(text, language) if not w.isdigit()]
    units = (stem_word(UNITS[w], language) for w in _LETTERS.findall(text.lower()) if w in UNITS)
    capitals = (_CAPITALS + w for w in _ABBREVIATION.findall(text))
    marks = numbers.union(stems, written, units, capitals)
    return marks | {_DEGREES} if _says_degrees(text) else marks


def answer_marks(text: str, language: str = "en") -> frozenset[str]:
    """What a text must show (text_marks) to give away an answer: its numbers and the stems of its
    longer words (4+ letters, not STOPWORDS); with neither, its abbreviations (a word of 2 or more
    capitals: "APR", "CT": _ABBREVIATION); none for an answer with none of them ("Yes", "about the
    same"). An answer with one of those is read by all its words but FUNCTION_WORDS: "Before their
    surgery" is given away by a text that says "before" and "surgery", not by any text on surgery;
    "5 days" by one that says 5 days, not 5 of anything; "A CT" by one that says CT."""
    _, numbers, words = _read(text, language)
    marks = numbers.union(stem_word(w, language) for w in words if len(w) >= 4 and w not in STOPWORDS)
    if not marks:  # a short answer: said by its abbreviations as written ("APR"), else by nothing ("Yes")
        marks = frozenset(_CAPITALS + w for w in _ABBREVIATION.findall(text))
    if len(marks) != 1:  # two or more; or none ("Yes"): nothing to give away
        return marks
    return marks.union(stem_word(w, language) for w in words if w not in FUNCTION_WORDS)


def answer_in_context(answer: str, question: str, language: str = "en") -> frozenset[str]:
    """What a text must show (text_marks) to give away a short answer, one that answer_marks gives
    nothing ("more", "less", "Yes"), to `question`: the answer's words but FUNCTION_WORDS with the
    question's own marks (answer_marks of it), as a text that restates the question with its
    answer does ("Several studies show more local toxic effects when chemo goes into the liver's
    artery" gives away "more" to "What do several studies show about local toxic effects of chemo
    into the liver's artery?": a tester). Nothing (an empty set) for an answer of function words
    alone, or a question of fewer than 3 marks (a question of a word or two is said by many a text)."""
    _, _, words = _read(answer, language)
    own = frozenset(stem_word(w, language) for w in words if w not in FUNCTION_WORDS)
    asked = answer_marks(question, language)
    return own | asked if own and len(asked) >= 3 else frozenset()


_ABBREVIATION = re.compile(r"(?<![^\W\d_])[A-Z]{2,}(?![^\W\d_])")
"""An abbreviation as written: 2 or more capital letters (ASCII), no letter beside them ("CT",
"APR", the "FU" of "5-FU"): a short answer's word that a text says only where it means it, in
capitals ("US" is not "us", "ALL" not "all")."""
_CAPITALS = "@"
"""The start of an abbreviation's mark, as written in capitals ("@CT": text_marks, answer_marks)."""


def gives_away(shown: frozenset[str], answer: frozenset[str]) -> bool:
    """Whether a text showing the marks `shown` (text_marks) gives away an answer of the marks
    `answer` (answer_marks): every number and every longer word of the answer is in it (for a short
    answer, every abbreviation: "APR"). An answer with none of them ("Yes") is given away by nothing."""
    return bool(answer) and answer <= shown


def says(text: str, answer: str, language: str = "en") -> bool:
    """Whether `text` gives `answer` away (gives_away of their marks): "The colon, also called the
    large bowel ..." says "Colon"; "... half a teaspoon, 2.5 mL" says "2.5 mL"."""
    if _ruled_out(text, answer, language):
        return False
    marks = answer_marks(answer, language)
    return bool(marks) and gives_away(text_marks(text, language), marks)


@lru_cache(maxsize=1)
def _read_otherwise() -> frozenset[str]:
    """The words typed reading may read as a number, a symbol or a unit's one spelling (or whose
    next word it may read as a number: "stage IV"), folded."""
    from quiz.typed.words import DEGREES, NUMBER_WORDS, NUMBERED_BY, ORDINAL_WORDS, POWERS, SCALES, TIMES

    words = (*NUMBER_WORDS, *ORDINAL_WORDS, *SCALES, *POWERS, *TIMES, *NUMBERED_BY, *UNITS, *DEGREES)
    return frozenset({"half", "percent", "per", *words})



def _ruled_out(text: str, answer: str, language: str) -> bool:
    """A quick test that `text` cannot say `answer` (says), before a reading of `text` (`quiz check`
    asks it of every question of a deck: reading each would take a second of 10,000). Only for
    ASCII texts, whose words typed reading keeps as written but for those of _read_otherwise: then
    a longer word of the answer among none of the text's word stems (quiz.judging.word_stems), or
    an answer with a digit and a text with no digit and no word that can be a number, is not said."""
    if not (text.isascii() and answer.isascii()):
        return False
    otherwise = _read_otherwise()
    answer_words = _LETTERS.findall(ABBREVIATION_PLURAL.sub("", answer).lower())
    words = _LETTERS.findall(ABBREVIATION_PLURAL.sub("", text).lower())
    kept = [w for w in answer_words if len(w) >= 4 and w not in STOPWORDS and w not in otherwise]
    if kept:
        stems = {stem_word(w, language) for w in words}  # each kept by stem_word: a deck's words repeat
        if any(stem_word(w, language) not in stems for w in kept):
            return True
    if _DIGIT.search(answer):  # the answer holds a number (a digit always reads as one)
        return _DIGIT.search(text) is None and otherwise.isdisjoint(words)  # and the text none
    return False


class Answers:
    """The forms of an answer (its text, `accept` forms, what may stand in a true-or-false span) as a
    text shown before it must not hold them: what the glossary words shown before an answer may not
    say (quiz.words_shown). `hinted_by` is the rule.

    A meaning is more than a feedback: it is shown while the learner thinks, so it must not even
    name a word of the answer. Held back is a meaning that says one of the forms (says: "... half
    a teaspoon, 2.5 mL" for "2.5 mL", "... for five days" for "5 days") or shares a root with one
    of their longer words (quiz.judging.shares_a_root: "Being feverish" for "fevers")."""

    def __init__(self, texts: Iterable[str], language: str = "en") -> None:
        texts = tuple(texts)
        self.language = language
        self.marks = tuple(m for m in (answer_marks(t, language) for t in texts) if m)
        self.stems: frozenset[str] = frozenset().union(*(give_away_stems(t, language) for t in texts))

    def __or__(self, other: Answers) -> Answers:
        """The forms of both (for the answers of a whole session)."""
        both = Answers((), self.language)
        both.marks, both.stems = self.marks + other.marks, self.stems | other.stems
        return both

    def hinted_by(self, text: str) -> bool:
        """Whether `text` says one of the forms or names a word of one (see the class)."""
        if shares_a_root(give_away_stems(text, self.language), self.stems):
            return True
        if not self.marks:
            return False
        shown = text_marks(text, self.language)
        return any(gives_away(shown, m) for m in self.marks)


def said_outside_span(fact: Fact, language: str = "en") -> str:
    """The form of a fact's answer (its statement's span, the answer, an `accept` form) that the
    statement says outside its {{...}} span (said_beside_blank), else "" (also for no statement).
    No kind shows such a statement (quiz.kinds): fill in the blank would show the answer beside
    the blank, true or false says it twice in the true version and contradicts itself in the false
    one ("You take it twice a day: morning, noon and night, thrice."). quiz check warns:
    answer-beside-blank (quiz.advice)."""
    from quiz.deck.statement import split

    parts = split(fact.statement) if fact.statement else None
    if parts is None:
        return ""
    return said_beside_blank(parts.before, parts.after, (parts.span.strip(), fact.answer, *fact.accept), language)


def said_beside_blank(before: str, after: str, answers: Iterable[str], language: str = "en") -> str:
    """The first of `answers` (a statement's span, the fact's answer and its `accept` forms) that
    the statement's text outside its {{...}} span says (says: the text `before` and `after` it),
    else "". Fill in the blank would show it beside the blank: "The large bowel, or _____, absorbs
    water; cancer of the colon is common.", "5-FU is a _____ drug, a chemo medicine." (a word of the
    answer in a form of one root: _says_clipped), "The CEA test measures _____." (its abbreviation:
    quiz.meanings.abbreviation_says). said_outside_span asks it of a fact;
    quiz check warns: answer-beside-blank."""
    rest = f"{before}\n{after}"  # a line between: no number is read across the blank
    from quiz.meanings import abbreviation_says

    forms = tuple(dict.fromkeys(answers))  # the span is often the answer as written
    words = _root_words(rest, forms)
    said = next((a for a in forms if says(rest, a, language) or _says_clipped(rest, words, a, language)), "")
    return said or abbreviation_says(rest, forms)


def _root_words(rest: str, answers: tuple[str, ...]) -> frozenset[str]:
    """The words of `rest` of 5 letters or more (folded) when one starts as a word of an answer
    starts but is another (_says_clipped may then find it), else none: a quick test."""
    words = frozenset(_ROOT_START.findall(rest.casefold()))
    if not words:
        return words
    starts = {w[:5] for w in words}
    own = (w for a in answers for w in _ROOT_START.findall(a.casefold()))
    return words if any(w[:5] in starts and w not in words for w in own) else frozenset()


_ROOT_START = re.compile(r"[^\W\d_]{5,}")
"""A word long enough to share a root (quiz.judging.ROOT_LETTERS letters) with another."""


def _says_clipped(rest: str, words: frozenset[str], answer: str, language: str) -> bool:
    """Whether `rest` says `answer` (as says reads it) with a longer word of the answer in a form of
    one root, shorter or longer (quiz.judging.same_root): "a chemo medicine" says "chemotherapy",
    "metastatic" says "metastases". First a quick test: a word of an answer and another word of
    the rest (its `words` of 5 letters or more, folded: _root_words) start with the same 5 letters."""
    if not words:
        return False
    stems = give_away_stems(rest, language)
    kin = {w for w in give_away_stems(answer, language) if w not in stems and shares_a_root((w,), stems)}
    marks = answer_marks(answer, language)
    return bool(kin) and gives_away(text_marks(rest, language) | kin, marks)
