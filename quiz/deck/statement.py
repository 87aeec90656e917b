"""A fact's statement: a plain sentence saying the fact, with the answer marked as {{...}}.

    statement = "Radiofrequency ablation causes serious problems in about {{2 in 100}} people."

The marked text (the span) must be the fact's answer or one of its `accept` forms, compared as
quiz.deck.load.normalize compares texts; the loader checks it. Fill-in-the-blank and true-or-false
questions are made from the statement (quiz.kinds), and a wrong option is put in place of the
span only when it fits there (option_fits, also the `tf-wrong-option-fit` rule of `quiz check`).
Pure and light: no I/O, imported by the loader.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from quiz.deck.text import blank

SPAN = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)
"""A marked span: {{text}}. Anki's cloze form {{c1::text}} is turned into this on import."""
BLANK = "_____"
"""What stands in the blank of a fill-in-the-blank question."""


class Statement(NamedTuple):
    """A statement split at its one span: the text before it, the span's text and the text after it."""

    before: str
    span: str
    after: str

    def with_span(self, text: str) -> str:
        """The sentence with `text` in place of the span, its first letter cased as the span's (fit_case)."""
        return f"{self.before}{fit_case(text, self.span, self.before)}{self.after}"

    @property
    def true(self) -> str:
        """The sentence as written, without the marks."""
        return f"{self.before}{self.span}{self.after}"

    @property
    def blanked(self) -> str:
        """The sentence with the span blanked (BLANK), an indefinite article before it shown as
        "a(n)" (article_before), which does not say whether the answer starts with a vowel sound."""
        article = article_before(self.before)
        if article is None:
            return f"{self.before}{BLANK}{self.after}"
        neutral = "A(n)" if article.group(1)[0].isupper() else "a(n)"
        return f"{self.before[: article.start(1)]}{neutral}{self.before[article.end(1) :]}{BLANK}{self.after}"


_ARTICLE = re.compile(r"(?<![^\s(\[\"'\u201c\u2018])(an?|An?)(\s+)$")
_SENTENCE_END = (".", "!", "?", ":", ";")


def article_before(before: str) -> re.Match[str] | None:
    """The indefinite article right before a span, as the text before it ends ("It is a ", "An "):
    group 1 is the article. A capital "A" is one only where a sentence starts ("Hepatitis A " holds
    none). None when there is none."""
    found = _ARTICLE.search(before, max(0, len(before.rstrip()) - 2))  # only its last word can be one
    if found is None or found.group(1)[0].islower():
        return found
    earlier = before[: found.start(1)].rstrip(" \t\n(\"'\u201c\u2018")
    return found if not earlier or earlier.endswith(_SENTENCE_END) else None


def split(statement: str) -> Statement | None:
    """The statement split at its span, or None when it has not exactly one non-empty {{...}} span."""
    found = list(SPAN.finditer(statement))
    if len(found) != 1 or blank(found[0].group(1)):
        return None
    m = found[0]
    return Statement(statement[: m.start()], m.group(1), statement[m.end() :])


def problem(statement: str, answer: str, accept: tuple[str, ...]) -> tuple[int, str] | None:
    """What is wrong with a fact's statement, as (offset of the problem in the text, message); None if nothing.

    The span must be marked once, be non-empty, and be the answer or an accept form (compared
    folded, as quiz.deck.load.normalize compares texts); a "{{" never closed (or a "}}" never
    opened) is named at its place.
    """
    from quiz.deck.text import normalize

    found = list(SPAN.finditer(statement))
    if not found:
        if "{{" in statement:
            return statement.index("{{"), 'opens a span with "{{" that is never closed: end the answer with "}}"'
        if "}}" in statement:
            return statement.index("}}"), 'closes a span with "}}" that was never opened: begin the answer with "{{"'
        return 0, 'has no {{...}} span: mark the answer, e.g. "... in about {{2 in 100}} people"'
    if len(found) > 1:
        return found[1].start(), "marks more than one {{...}} span: mark the answer once"
    span = found[0].group(1)
    if blank(span):
        return found[0].start(), "has an empty {{}} span: mark the answer"
    m = found[0]
    # "{{2 tablets}}} daily": a brace left over from marking the span would show beside the blank
    after, before = statement[m.end() : m.end() + 1] == "}", m.start() > 0 and statement[m.start() - 1] == "{"
    stray = m.end() if after else m.start() - 1 if before else None
    if stray is not None:
        return stray, f'has a "{statement[stray]}" beside its {{{{...}}}} span: a span is marked with two; remove it'
    if normalize(span) not in {normalize(t) for t in (answer, *accept)}:
        return (
            found[0].start(),
            f'marks "{span}", which is not the answer ("{answer}") or one of its accept forms',
        )
    return None


def fit_case(text: str, span: str, before: str | None = None) -> str:
    """`text` with its first letter lower-cased when the span's is lower-case (mid-sentence), and
    upper-cased when the span's is upper-case; a word written in capitals ("CALGB", "APR") is kept.
    A span that starts with no letter ("5-FU/leucovorin ...") says nothing: then `before`, the text
    before the span, does: mid-sentence after it, lower-case ("The other group got radiation to
    the liver.", never "got Radiation": a capital there said the sentence was changed)."""
    if not text or not span:
        return text
    first, rest = text[0], text[1:]
    if rest[:1].isupper():  # an acronym or a word in capitals
        return text
    if span[0].islower():
        return first.lower() + rest
    if span[0].isupper():
        return first.upper() + rest
    if before is not None:
        starts = not before.strip() or before.rstrip().endswith(_END)
        return (first.upper() if starts else first.lower()) + rest
    return text


_FIGURE = re.compile(r"(?<![\w-])\d[\d.,]*(?![\w-]*[^\W\d_])")
"""A figure: a number standing alone ("57%", "P = .07", "75 people"), not part of a name
("5-FU", "CALGB-9481", "NCT00002716", "1iiA")."""
_CLAUSE = frozenset({"it", "they", "he", "she", "we", "you", "i", "there", "this", "that"})
"""First words that make a span a clause of its own ("It is similar"), not a phrase."""
_END = (".", "?", "!")


def option_fits(answer: str, option: str, *, at_end: bool = False) -> bool:
    """Whether a wrong option reads as a sentence in place of the span that holds `answer`.

    As far as a rule can tell: a figure only for a figure (both hold a digit or neither does),
    a clause only for a clause (both start with "it", "they"...: "It is much lower" for "It is
    similar", never for "Before their surgery"), and no full stop inside the sentence (an option
    that ends a sentence fits only a span at its end). Used for true-or-false questions
    (quiz.kinds) and by `quiz check` (tf-wrong-option-fit).
    """
    # NFKC writes a figure's compatibility forms in digits ("½" as "1⁄2", "²" as "2"): "½ tablet"
    # is a figure as "0.5 tablet" is (a tester's "1 tablet" was refused in place of "½ tablet").
    a, o = unicodedata.normalize("NFKC", answer).strip(), unicodedata.normalize("NFKC", option).strip()
    if not o:
        return False
    if (_is_figure(a) and not _FIGURE.search(o)) or (_is_figure(o) and not _FIGURE.search(a)):
        return False
    if _first_word(a) in _CLAUSE and _first_word(o) not in _CLAUSE:
        return False
    if _first_word(o) in _CLAUSE and _first_word(a) not in _CLAUSE:
        return False
    return at_end or not o.endswith(_END) or a.endswith(_END)


_AGREES = re.compile(r"\s*(?:is|are|was|were|has|have)\b", re.IGNORECASE)
"""A verb right after a span that agrees with it in number ("{{Kidneys}} are ...")."""
_SINGULAR_IN_S = re.compile(
    r"(?:ss|us|is|ics|diabetes|measles|herpes|rabies|scabies|mumps|news|series|species|pancreas|lens|bias|atlas)$"
)
_PLURAL_WORDS = frozenset("people children women men teeth feet mice lice data criteria bacteria".split())
_LETTER_RUNS = re.compile(r"[^\W\d_]+")
_PREPOSITIONS = frozenset("of to in for with from on at by into after before during than that which who".split())


def fits_statement(parts: Statement, option: str) -> bool:
    """Whether a wrong option reads as a sentence in the span of this statement: option_fits, and
    in number where a word beside the span agrees with it: never a plural after "a"/"an"
    (article_before: "is a lungs"), nor one number for the other before "is", "are", "was", "were",
    "has" or "have" ("Liver are"). Used for true or false (quiz.kinds) and tf-wrong-option-fit."""
    return option_fits(parts.span, option, at_end=not parts.after.strip()) and agrees(parts, option)


def agrees(parts: Statement, option: str) -> bool:
    """Whether an option agrees in number with the words beside the statement's span that agree
    with it (fits_statement): what a false version may put there, and what fill in the blank may
    offer to pick beside "a(n) _____" or "_____ are" (quiz.kinds)."""
    article, verb = article_before(parts.before) is not None, _AGREES.match(parts.after) is not None
    if not (article or verb):  # no word beside the span agrees with it
        return True
    plural, span_plural = _looks_plural(option), _looks_plural(parts.span)
    return not (article and plural and not span_plural) and (not verb or plural == span_plural)


def _looks_plural(text: str) -> bool:
    """Whether a phrase reads as a plural, by its last word before a preposition or "that", "which",
    "who" ("radiation of the tumors" is one): "people", or ending in "s" but for endings
    and words that are singular ("virus", "pelvis", "diabetes", "analysis"); "CTs", "people" and two
    things joined by "and" are plural."""
    words = _LETTER_RUNS.findall(text)
    cut = next((i for i, w in enumerate(words) if i and w.casefold() in _PREPOSITIONS), len(words))
    words = words[:cut]  # the head of "radiation of the tumors" is "radiation"
    if not words:
        return False
    if any(w.casefold() == "and" for w in words):  # "the liver and the lungs"
        return True
    last = words[-1]
    if len(last) > 2 and last[:-1].isupper() and last[-1] == "s":  # an abbreviation's plural: "CTs"
        return True
    folded = last.casefold()
    if folded in _PLURAL_WORDS:
        return True
    return len(folded) > 3 and folded.endswith("s") and not _SINGULAR_IN_S.search(folded)


def _is_figure(text: str) -> bool:
    """Whether a text is a figure, with at most two words beside its numbers ("less than 1%", "75 people")."""
    if not _FIGURE.search(text):
        return False
    return len(_FIGURE.sub(" ", text).replace("=", " ").split()) <= 2


def _first_word(text: str) -> str:
    words = text.split(maxsplit=1)
    return words[0].casefold().strip("\"'(") if words else ""
