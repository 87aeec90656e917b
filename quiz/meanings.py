"""A glossary meaning as a matching question shows it: naming no form of its own term (quiz.kinds).

A meaning names its term when it uses it in a form quiz.glossary finds (a plural, a negating
prefix), a word that shares a stem or a root with a word of the term, the term written otherwise
(its words joined, hyphenated or apart, in the plural: "radio-therapy" for "radiotherapy", "CT-scans"
for "CT scan"), an abbreviation of the term spelled out or the term's abbreviation ("Computed
tomography" for "CT scan", "PFS" for "progression-free survival"). hide_term hides each of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from quiz.glossary import spells_out, term_spans

HIDDEN = "___"
"""What stands in a meaning for a word of its own term ("Death. A ___ rate is the share of people who die.")."""
WORDS = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")
"""A word as a meaning is read for its term's words: hyphenated and with an apostrophe ("5-FU", "don't")."""


def hide_term(term: str, meaning: str) -> str:
    """The meaning as a matching question shows it, naming no word of its own term.

    Hidden (HIDDEN): the term in any form quiz.glossary finds ("Unresectable"), the term written
    otherwise (written_otherwise: "radio-therapy"), each word that shares a stem with a word of
    the term (as `quiz check` compares cue words: quiz.lint.content_words), is spelled as one
    ("5-FU") or shares its root (kin: "cryosurgical" for "cryosurgery"), and the term's
    abbreviations and initials (_hide_initials). "metastasis" = "... More than one are called ___."
    """
    from quiz.judging import STOPWORDS, content_words

    own = content_words(term)
    spelled = {w for w in map(str.casefold, WORDS.findall(term)) if len(w) >= 3 and w not in STOPWORDS}

    long_words = [w for w in spelled if len(w) >= 5]

    def hide(m: re.Match[str]) -> str:
        word = m.group()
        folded = word.casefold()
        if folded in spelled or content_words(word) & own or any(kin(folded, w) for w in long_words):
            return HIDDEN
        return word

    for start, end, _ in reversed(term_spans(meaning, (term,))):  # "Unresectable" for "resectable"
        meaning = meaning[:start] + HIDDEN + meaning[end:]
    for start, end in reversed(written_otherwise(term, meaning)):  # "radio-therapy" for "radiotherapy"
        meaning = meaning[:start] + HIDDEN + meaning[end:]
    return _hide_initials(term, WORDS.sub(hide, meaning))


_PARTS = re.compile(r"[^\W_]+")
_JOINED_BY = re.compile(r"[ \t\-\u2010\u2011\u00ad/]*")
"""What may stand between the parts of a word written otherwise: spaces, hyphens, a slash."""
_MIN_JOINED = 4
"""A term of fewer letters and digits than this is not looked for written otherwise ("5-FU")."""


def written_otherwise(term: str, text: str) -> list[tuple[int, int]]:
    """Where `text` writes `term` with its letters and digits in order but joined otherwise, as
    (start, end) spans in text order: "radio-therapy" or "Radio therapies" for "radiotherapy",
    "CTscan" or "CT-scans" for "CT scan". A run of the text's words counts when its parts, joined
    by nothing but spaces, hyphens or a slash, read as the term's parts joined, compared by stem
    (quiz.judging.stem_word: a plural too). None for a term of fewer than _MIN_JOINED of them."""
    from quiz.judging import stem_word

    key = "".join(_PARTS.findall(term.casefold()))
    if len(key) < _MIN_JOINED:
        return []
    want = stem_word(key, "en")
    parts = list(_PARTS.finditer(text))
    spans: list[tuple[int, int]] = []
    at = 0  # no span overlaps the one before
    for i, first in enumerate(parts):
        if first.start() < at or not key.startswith(first.group()[:1].casefold()):
            continue
        joined = ""
        for j in range(i, len(parts)):
            if j > i and not _JOINED_BY.fullmatch(text[parts[j - 1].end() : parts[j].start()]):
                break
            joined += parts[j].group().casefold()
            if joined == key or (len(joined) >= len(want) - 1 and stem_word(joined, "en") == want):
                spans.append((first.start(), parts[j].end()))
                at = parts[j].end()
                break
            if not key.startswith(joined):
                break
    return spans


_LETTERS = re.compile(r"[^\W\d_]+")


def _abbreviations(term: str) -> list[str]:
    """The words of `term` that are abbreviations: 2 to 6 capitals, a plural "s" left off ("CT"
    of "CT scan", "NSAID" of "NSAIDs")."""
    words = (w[:-1] if w.endswith("s") and w[:-1].isupper() else w for w in _LETTERS.findall(term))
    return [w for w in words if w.isupper() and 2 <= len(w) <= 6]


def _hide_initials(term: str, meaning: str) -> str:
    """The meaning without the term's abbreviations, spelled out or not ("___: surgery through the
    belly ..." for "LAR", Low anterior resection; "___: many x-rays ..." for "CT scan", Computed
    tomography), nor the initials of its other words ("The summary calls it ___." for
    "progression-free survival", PFS)."""
    abbreviations = _abbreviations(term)
    for abbreviation in abbreviations:
        meaning = _hide_spelled_out(abbreviation, meaning)
        meaning = re.sub(rf"(?<![^\W_]){abbreviation}s?(?![^\W_])", HIDDEN, meaning)
    initials = "".join(w[0] for w in _LETTERS.findall(term) if w not in abbreviations and w[:-1] not in abbreviations)
    if len(initials) < 2:
        return meaning
    return re.sub(rf"\b{re.escape(initials)}\b", HIDDEN, meaning, flags=re.IGNORECASE)


def _hide_spelled_out(abbreviation: str, meaning: str) -> str:
    """The meaning with its first run of words that spells out `abbreviation` hidden (spelled_out_at)."""
    at = spelled_out_at(abbreviation, meaning)
    return meaning if at is None else meaning[: at[0]] + HIDDEN + meaning[at[1] :]


def spelled_out_at(abbreviation: str, text: str) -> tuple[int, int] | None:
    """Where `text` first spells out `abbreviation` (quiz.glossary.spells_out, the longest run
    there), as (start, end), or None; the first only, as a glossary spells it out once ("Afterward,
    a person" also spells APR). A run for a 2-letter abbreviation must be of longer words ("Computed
    tomography" for CT, never "can take")."""
    from quiz.judging import STOPWORDS

    found = list(_LETTERS.finditer(text))
    first = abbreviation[:1].casefold()
    for i in range(len(found)):
        if found[i].group()[:1].casefold() != first:  # a run starts with its first letter
            continue
        for n in range(len(abbreviation), 1, -1):  # the longest run that spells it
            run = found[i : i + n]
            words = [m.group() for m in run]
            short = len(abbreviation) == 2 and any(len(w) < 3 or w.casefold() in STOPWORDS for w in words)
            if len(run) == n and not short and spells_out(abbreviation, words):
                return run[0].start(), run[-1].end()
    return None


_CAPITALS = re.compile(r"[A-Z]{2}")
_LEADING_ARTICLE = re.compile(r"^\s*(?:the|a|an)\s+", re.IGNORECASE)


def abbreviation_says(text: str, answers: Iterable[str]) -> str:
    """The first of `answers` that `text` names by its abbreviation or spelled out, else "": an
    abbreviation of the text of 3 letters or more spelled out by the whole answer, an article before
    it aside ("The CEA test measures ..." for "carcinoembryonic antigen"; "a CT scan" for
    "Chemotherapy treatment" would be a guess), or an answer that is an abbreviation spelled out in
    the text ("... measures carcinoembryonic antigen" for "CEA"). quiz.give_away.said_beside_blank
    asks it."""
    shown = [a for a in _abbreviations(text) if len(a) > 2] if _CAPITALS.search(text) else []
    for answer in answers:
        own = _abbreviations(answer) if _CAPITALS.search(answer) else []
        if len(own) == 1 and _LETTERS.findall(answer) in ([own[0]], [own[0] + "s"]):
            if spelled_out_at(own[0], text) is not None:
                return answer
        elif shown:
            whole = _LEADING_ARTICLE.sub("", answer).strip()
            if any(spelled_out_at(a, whole) == (0, len(whole)) for a in shown):
                return answer
    return ""


def kin(a: str, b: str) -> bool:
    """Two words of one root, the first of 5 letters or more (quiz.judging.same_root:
    "cryosurgical" for "cryosurgery", "artery" for "arterial")."""
    from quiz.judging import same_root

    return len(a) >= 5 and same_root(a, b)
