"""Words to know: which of a deck's glossary terms a text uses, in their common forms.

A term is found in a text when the text uses it as written or in a common form of it: a plural
("tumors", "metastases", "therapies"), or with a negating prefix ("unresectable" finds
"resectable", "non-surgical" finds "surgical"). The app underlines what this finds and the
glossary lists exactly these terms, so the two never disagree.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from quiz.deck.text import TERM_PREFIX, term_id

if TYPE_CHECKING:
    from quiz.deck.model import Deck

MATCH_TERMS = 4
"""Terms (and meanings) in one matching question (quiz.kinds.match_questions); a glossary of fewer
has no matching question (quiz check: glossary-too-small)."""

__all__ = ["TERM_PREFIX", "term_id"]  # their home is quiz.deck.text; imported from here too

NEGATING_PREFIXES = ("un", "non", "non-")
"""Prefixes that turn a term into its opposite; the opposite is explained by the term's meaning.
"in-" and its forms are left out: "infusion" is not the opposite of "fusion"."""


def _forms(term: str) -> str:
    """A regular expression for `term` and its plural, as English forms plurals.

    Rules (after the standard English plural rules): -is becomes -es (metastasis, metastases),
    a consonant + y becomes -ies (therapy, therapies), -s/-x/-z/-ch/-sh take -es, others take -s.
    """
    base = re.escape(term)
    lower = term.casefold()
    if lower.endswith("is") and len(term) > 3:
        return rf"{re.escape(term[:-2])}(?:is|es)"
    if lower.endswith("y") and len(term) > 2 and lower[-2] not in "aeiou":
        return rf"{re.escape(term[:-1])}(?:y|ies)"
    if lower.endswith(("s", "x", "z", "ch", "sh")):
        return rf"{base}(?:es)?"
    return rf"{base}s?"


def _ordered(terms: Iterable[str]) -> tuple[str, ...]:
    """The distinct terms, longest first (so "liver metastases" wins over "liver"), then alphabetical."""
    return tuple(sorted({t.strip() for t in terms if t.strip()}, key=lambda t: (-len(t), t)))


def _spellings(term: str) -> dict[str, None]:
    """The term as written and in Unicode's composed and decomposed forms (NFC, NFD): "café" is
    one letter é in one file and e plus an accent in another, and the two look the same."""
    return dict.fromkeys([term, unicodedata.normalize("NFC", term), unicodedata.normalize("NFD", term)])


@lru_cache(maxsize=64)
def _pattern(ordered: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern for the terms in `ordered` (from _ordered); group tN is ordered[N]."""
    if not ordered:
        return None
    prefixes = "|".join(re.escape(p) for p in sorted(NEGATING_PREFIXES, key=len, reverse=True))
    alternatives = "|".join(f"(?P<t{n}>{'|'.join(map(_forms, _spellings(t)))})" for n, t in enumerate(ordered))
    return re.compile(rf"(?<!\w)(?:{prefixes})?(?:{alternatives})(?!\w)", re.IGNORECASE)


def term_spans(text: str, terms: Iterable[str]) -> list[tuple[int, int, str]]:
    """Where each term is used in `text`: (start, end, term) with end exclusive, in text order.

    The span covers the whole word as written (prefix and plural ending included); `term` is the
    glossary's spelling of the term it stands for.
    """
    ordered = _ordered(terms)
    pattern = _pattern(ordered)
    if pattern is None:
        return []
    spans = []
    for match in pattern.finditer(text):
        name = match.lastgroup
        if name is None:
            continue
        spans.append((match.start(), match.end(), ordered[int(name[1:])]))
    return spans


def spells_out(abbreviation: str, words: Sequence[str]) -> bool:
    """Whether `words` are the abbreviation spelled out: each word begins with the next of its
    letters, and any letters left for a word come in order inside it ("Low anterior resection" for
    LAR, "Abdominoperineal resection" for APR, "hyperthermic intraperitoneal chemotherapy" for
    HIPEC). The rule of Schwartz and Hearst's algorithm for abbreviations in biomedical text (2003),
    with every word used, as a definition in a glossary writes it."""
    letters = abbreviation.casefold()

    def fits(at: int, k: int) -> bool:  # letters[at:] spelled by words[k:]
        if k == len(words):
            return at == len(letters)
        word = words[k].casefold()
        if at >= len(letters) or word[0] != letters[at]:
            return False
        for end in range(at + 1, len(letters) - (len(words) - k - 1) + 1):  # this word's letters: at..end
            inside = iter(word[1:])
            if all(c in inside for c in letters[at + 1 : end]) and fits(end, k + 1):
                return True
        return False

    return bool(words) and fits(0, 0)


def terms_in(text: str, glossary: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """The glossary entries (term, meaning) whose term `text` uses, in glossary order."""
    used = {term.casefold() for _, _, term in term_spans(text, (t for t, _ in glossary))}
    return [(term, meaning) for term, meaning in glossary if term.strip().casefold() in used]


def is_term(fact_id: str) -> bool:
    """Whether a recorded id is a glossary term's (term_id), not a fact's."""
    return fact_id.startswith(TERM_PREFIX)


def terms_by_id(glossary: Sequence[tuple[str, str]]) -> dict[str, str]:
    """{term_id(term): term} for a deck's glossary (the first term of each id)."""
    out: dict[str, str] = {}
    for term, _ in glossary:
        out.setdefault(term_id(term), term)
    return out


def scheduled(fact_ids: Iterable[str], glossary: Sequence[tuple[str, str]]) -> set[str]:
    """Every id quiz schedules for a deck with these facts and glossary: the facts' ids and the
    glossary terms' (term_id). What is due is counted among these alone, everywhere (Home, Review,
    History and `quiz history`): a fact taken out of the deck keeps its history but is never due again."""
    return set(fact_ids) | set(terms_by_id(glossary))


def scheduled_ids(deck: Deck) -> set[str]:
    """Every id quiz schedules for a deck as it is now (scheduled)."""
    return scheduled((f.id for f in deck.facts), deck.glossary)


def scheduled_by_deck(decks: Iterable[Deck]) -> dict[str, set[str]]:
    """{deck id: scheduled_ids(deck)} of the decks quiz found (the first of a repeated id): the
    `scheduled` that the store's due counts take, so History counts due as Home does."""
    out: dict[str, set[str]] = {}
    for deck in decks:
        if deck.id not in out:
            out[deck.id] = scheduled_ids(deck)
    return out
