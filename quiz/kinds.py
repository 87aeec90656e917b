"""More ways to ask: fill in the blank and true or false (from a fact's statement), and matching
glossary words to their meanings. Pure: no I/O, no UI.

Every random choice comes from random.Random(f"{seed}:{id}:{kind}") (quiz.generate.question_rng),
so a question is the same whether it is made alone or with its deck. The fairness rules
(docs/questions.md, "More kinds of question"):

- fill in the blank: typed when the answer is short enough to type (quiz.typed.typed_possible),
  else picked from the answer and the fact's own wrong options, shuffled;
- true or false: the statement as written, or with a wrong option that fits the span
  (quiz.deck.statement.fits_statement) in its place, an "a" or "an" before it made to fit
  (with_option); over a session as many are true as false (balance_truth), and which ones is
  chosen by the seed; a blank after "a" or "an" reads "a(n) _____" (quiz.deck.statement);
- matching: four glossary terms whose meanings differ as a reader sees them (never two meanings
  that are the same text), no two alike and no meaning naming another of the four (_apart),
  asked in one shuffled order, the meanings shown in another. Each pair is an answer about its
  term, recorded under quiz.glossary.term_id(term).
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence

from quiz.deck.model import Deck, Fact, Source
from quiz.deck.options import option_key
from quiz.deck.statement import Statement, agrees, article_before, fit_case, fits_statement, split
from quiz.deck.text import normalize
from quiz.generate import WRONG_OPTIONS, Kind, Question, question_rng
from quiz.give_away import said_outside_span
from quiz.glossary import MATCH_TERMS, TERM_PREFIX, term_id, term_spans
from quiz.meanings import HIDDEN, WORDS, hide_term, kin, written_otherwise
from quiz.typed import deck_lexicon, typed_possible

TRUE, FALSE = "True", "False"
"""The options of a true-or-false question, in this order (key 1 is True, key 2 is False)."""
MATCH_PREFIX = "match:"
"""The start of a matching question's fact_id; its pairs are recorded under their terms' ids."""
MATCH_PROMPT = "Match each word to its meaning."


def _source(deck: Deck, fact: Fact) -> Source | None:
    return deck.source(fact.source) if fact.source else None


def _own_wrong(fact: Fact, answer: str) -> list[str]:
    """The fact's distractors that differ from the answer and from each other (quiz.deck.options.option_key)."""
    seen = {option_key(answer), option_key(fact.answer)}
    out = []
    for d in fact.distractors:
        key = option_key(d)
        if key not in seen:
            seen.add(key)
            out.append(d)
    return out


def _base(fact: Fact, kind: Kind, source: Source | None, prompt: str, answer: str, parts: Statement) -> Question:
    return Question(
        fact_id=fact.id,
        kind=kind,
        prompt=prompt,
        answer=answer,
        explanation=fact.explanation,
        source=source,
        refs=fact.refs,
        statement=parts.true,
        blank=parts.blanked,
    )


# --- fill in the blank -------------------------------------------------------------------------


def fill_blank(deck: Deck, fact: Fact, *, seed: int) -> Question | None:
    """The fill-in-the-blank question of a fact with a statement; None when it has none, when the
    sentence names its answer outside the blank (quiz.give_away.said_outside_span), or when its
    answer can be neither typed nor picked (fewer than 2 wrong options).

    Typed: `answer` is the span's text, `accept` the fact's answer and other accept forms; marked
    by quiz.generate.mark_typed. Picked: `options` hold the span's text and up to 3 wrong options
    that agree with the words beside the blank (quiz.deck.statement.agrees), each cased as the
    span (fit_case), shuffled; `correct_index` is the span's; `whys` the deck's
    why of each wrong option (() when none has one).
    """
    parts = split(fact.statement) if fact.statement else None
    if parts is None or said_outside_span(fact, deck.language):
        return None
    answer = parts.span.strip()
    base = _base(fact, Kind.FILL_BLANK, _source(deck, fact), parts.blanked, answer, parts)
    others = tuple(t for t in (fact.answer, *fact.accept) if normalize(t) != normalize(answer))
    if typed_possible(answer, others, fact.distractors, deck.language):
        return _replace(base, accept=others, lexicon=deck_lexicon(deck))
    wrong = [w for w in _own_wrong(fact, answer) if agrees(parts, w)]  # no plural beside "a(n) _____"
    if len(wrong) < 2:
        return None
    rng = question_rng(seed, fact.id, Kind.FILL_BLANK)
    picked = rng.sample(wrong, min(WRONG_OPTIONS, len(wrong)))
    why = {fit_case(w, parts.span, parts.before): fact.why(w) for w in picked}  # the deck's why of each, as shown
    options = [answer, *why]
    rng.shuffle(options)
    whys = tuple(why.get(o, "") if o != answer else "" for o in options)
    return _replace(
        base, options=tuple(options), correct_index=options.index(answer), whys=whys if any(whys) else ()
    )


def _replace(q: Question, **changes: object) -> Question:
    from dataclasses import replace

    return replace(q, **changes)  # type: ignore[arg-type]


# --- true or false -----------------------------------------------------------------------------


def false_options(fact: Fact) -> list[str]:
    """The fact's wrong options that fit its statement's span (quiz.deck.statement.fits_statement), in deck order."""
    parts = split(fact.statement) if fact.statement else None
    if parts is None:
        return []
    return [w for w in _own_wrong(fact, parts.span) if fits_statement(parts, w)]


def with_option(parts: Statement, option: str) -> str:
    """The statement with a wrong option in its span (Statement.with_span), an indefinite article
    right before the span (quiz.deck.statement.article_before) made to fit the option's first sound
    (quiz.pronouncing.indefinite_article): "5-FU is an antibiotic drug", never "a antibiotic", which
    would say that the sentence was changed."""
    found = article_before(parts.before)
    if found is None:
        return parts.with_span(option)
    from quiz.pronouncing import indefinite_article

    article = indefinite_article(fit_case(option, parts.span, parts.before))
    article = article.capitalize() if found.group(1)[0].isupper() else article
    before = parts.before[: found.start(1)] + article + parts.before[found.end(1) :]
    return parts._replace(before=before).with_span(option)


def true_false(deck: Deck, fact: Fact, *, seed: int, truth: bool | None = None) -> Question | None:
    """The true-or-false question of a fact with a statement, or None when it has none or says its
    answer outside the span (quiz.give_away.said_outside_span).

    `truth` says which version to show; None lets the seed choose (an even chance; always True
    when no wrong option fits the span). The false version puts one fitting wrong option, chosen
    by the seed, in the span. `options` are (TRUE, FALSE); `answer` is the right one of them; a
    false version whose wrong option has a `why` in the deck gives it as the why of TRUE.
    """
    parts = split(fact.statement) if fact.statement else None
    if parts is None or said_outside_span(fact, deck.language):
        return None
    rng = question_rng(seed, fact.id, Kind.TRUE_FALSE)
    wrong = false_options(fact)
    chosen_false = rng.random() < 0.5
    swap = rng.choice(wrong) if wrong else ""
    if truth is None:
        truth = not (chosen_false and wrong)
    if not truth and not wrong:
        truth = True
    shown = parts.true if truth else with_option(parts, swap)
    q = _base(fact, Kind.TRUE_FALSE, _source(deck, fact), shown, TRUE if truth else FALSE, parts)
    # Answered "True" to the false version: the deck's why of the wrong option it puts in the span.
    whys = ("", "") if truth or not fact.why(swap) else (fact.why(swap), "")
    return _replace(
        q, options=(TRUE, FALSE), correct_index=0 if truth else 1, truth=truth, whys=whys if any(whys) else ()
    )


def balance_truth(fact_ids: Sequence[str], can_be_false: Iterable[str], *, seed: int) -> dict[str, bool]:
    """Which of a session's true-or-false questions show the true statement: half of them (an odd
    one out chosen by the seed), the false ones chosen by the seed among the facts that can be false.

    Returns {fact id: truth}. When fewer facts can be false than half, the rest are true.
    """
    rng = random.Random(f"truth:{seed}")
    ids = list(dict.fromkeys(fact_ids))
    falsifiable = [i for i in ids if i in set(can_be_false)]
    want_false = len(ids) // 2 + (rng.random() < 0.5 if len(ids) % 2 else 0)
    rng.shuffle(falsifiable)
    false = set(falsifiable[:want_false])
    return {i: i not in false for i in ids}


# --- matching words to meanings ----------------------------------------------------------------


def matchable_terms(deck: Deck, within: Iterable[str] | None = None) -> list[tuple[str, str]]:
    """The glossary entries a matching question may use, in glossary order: one per meaning as a
    reader sees it (normalize) and per term_id, none whose meaning would hide more than one word
    (hide_term); with `within` (terms), only those terms."""
    wanted = None if within is None else {normalize(t) for t in within}
    seen_meanings: set[str] = set()
    seen_ids: set[str] = set()
    out = []
    for term, meaning in deck.glossary:
        hidden = hide_term(term, meaning)
        key, ident = normalize(hidden), term_id(term)
        if key in seen_meanings or ident in seen_ids or hidden.count(HIDDEN) > 1:
            continue  # more than one word hidden: "the drug ___ with ___, which helps ___ work" reads as nothing
        seen_meanings.add(key)
        seen_ids.add(ident)
        if wanted is None or normalize(term) in wanted:
            out.append((term, meaning))
    return out


def match_question(entries: Sequence[tuple[str, str]], *, seed: int) -> Question:
    """A matching question on these (term, meaning) entries (MATCH_TERMS of them, meanings distinct).

    `pairs` are the entries in the order the terms are asked, `options` the meanings as shown
    (hide_term) in their own order; both orders are shuffled by the seed, each on its own.
    ValueError for two meanings that read the same.
    """
    if len({normalize(hide_term(t, m)) for t, m in entries}) != len(entries):
        raise ValueError("a matching question never shows two meanings that are the same text")
    ids = ",".join(term_id(t).removeprefix(TERM_PREFIX) for t, _ in entries)
    rng = question_rng(seed, ids, Kind.MATCH)
    pairs = list(entries)
    rng.shuffle(pairs)
    meanings = [hide_term(t, m) for t, m in entries]
    rng.shuffle(meanings)
    return Question(
        fact_id=MATCH_PREFIX + ids,
        kind=Kind.MATCH,
        prompt=MATCH_PROMPT,
        answer="",
        explanation="",
        source=None,
        refs="",
        options=tuple(meanings),
        pairs=tuple(pairs),
    )


def right_meaning(q: Question, term_index: int) -> int:
    """The index in q.options of the meaning that pairs with the term q.pairs[term_index]."""
    return q.options.index(hide_term(*q.pairs[term_index]))


def pair_shown(q: Question, option_index: int) -> tuple[str, str]:
    """The entry (term, meaning) of q.pairs whose meaning q.options[option_index] shows: once the
    question is answered, the meaning is read as written, its term in place of each HIDDEN."""
    return next(pair for pair in q.pairs if hide_term(*pair) == q.options[option_index])


def match_questions(
    deck: Deck, *, seed: int, order: Sequence[str] | None = None, within: Iterable[str] | None = None
) -> list[Question]:
    """The deck's glossary as matching questions of MATCH_TERMS terms each; a last group of fewer
    terms is filled up with terms already asked (none when the glossary has fewer than MATCH_TERMS).

    `order` (term ids, e.g. due terms first) puts those terms first; the others follow in an
    order shuffled by the seed. `within` limits the terms (matchable_terms).
    """
    entries = matchable_terms(deck, within)
    if len(entries) < MATCH_TERMS:
        return []
    rng = random.Random(f"match-order:{seed}")
    rest = list(entries)
    rng.shuffle(rest)
    rank = {ident: n for n, ident in enumerate(order or ())}
    rest.sort(key=lambda e: rank.get(term_id(e[0]), len(rank)))
    groups: list[list[tuple[str, str]]] = []
    language = deck.language
    for entry in rest:  # each into the first group with room that it can share (_apart)
        group = next((g for g in groups if len(g) < MATCH_TERMS and all(_apart(entry, e, language) for e in g)), None)
        if group is None:
            groups.append(group := [])
        group.append(entry)
    full = [g for g in groups if len(g) == MATCH_TERMS]
    for last in (g for g in groups if len(g) < MATCH_TERMS):  # filled up with terms already asked
        for entry in rest:  # each one it can share with every entry so far, the fillers' too
            if len(last) < MATCH_TERMS and entry not in last and all(_apart(entry, e, language) for e in last):
                last.append(entry)
        if len(last) == MATCH_TERMS:
            full.append(last)
    return [match_question(group, seed=seed) for group in full]


def _apart(a: tuple[str, str], b: tuple[str, str], language: str = "en") -> bool:
    """Whether two glossary entries may be in one matching question: their terms are not alike
    (_alike), and neither meaning, as shown, names the other's term (names_term, in the deck's
    `language`): "floxuridine: A chemotherapy drug related to 5-FU." beside "5-FU" would say that
    5-FU is not its word."""
    shown_a, shown_b = hide_term(*a), hide_term(*b)
    return not _alike(a, b) and not names_term(shown_a, b[0], language) and not names_term(shown_b, a[0], language)


def names_term(text: str, term: str, language: str = "en") -> bool:
    """Whether `text` uses `term`: in a form quiz.glossary finds (term_spans: "unresectable" for
    "resectable"), or its words in a run of the text's, by stem in `language` and however joined
    (quiz.judging.names_words: "CT-scans" names "CT scan"), or written otherwise
    (quiz.meanings.written_otherwise: "radio-therapy" names "radiotherapy")."""
    from quiz.judging import names_words

    found = bool(term_spans(text, (term,))) or names_words(text, term, language)
    return found or bool(written_otherwise(term, text))


def _alike(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Two glossary terms a learner could take for each other: they share a word or a root
    ("adjuvant", "adjuvant chemotherapy"; "metastasis", "liver metastases"). Never in one question,
    where either meaning could fit either term."""
    from quiz.judging import content_words

    words_a, words_b = content_words(a[0]), content_words(b[0])
    if words_a & words_b:
        return True
    folded_a = [w.casefold() for w in WORDS.findall(a[0])]
    folded_b = [w.casefold() for w in WORDS.findall(b[0])]
    return any(kin(x, y) or kin(y, x) for x in folded_a for y in folded_b)


def term_hash(term: str, meaning: str) -> str:
    """A short, stable hash of a glossary entry, as quiz.generate.content_hash is of a fact."""
    import hashlib

    return hashlib.sha256(f"{' '.join(term.split())}\x1f{' '.join(meaning.split())}".encode()).hexdigest()[:16]


def fact_kinds(deck: Deck, fact: Fact) -> tuple[Kind, ...]:
    """The kinds of this module a fact can be asked as (FILL_BLANK, TRUE_FALSE), in Kind order: none
    when its statement says its answer outside the span (quiz.give_away.said_outside_span)."""
    if not fact.statement or split(fact.statement) is None or said_outside_span(fact, deck.language):
        return ()
    kinds = [Kind.FILL_BLANK] if fill_blank(deck, fact, seed=0) is not None else []
    kinds.append(Kind.TRUE_FALSE)
    return tuple(kinds)


def question(deck: Deck, fact: Fact, kind: Kind, *, seed: int, truth: bool | None = None) -> Question | None:
    """The FILL_BLANK or TRUE_FALSE question of a fact, or None when it cannot be asked that way."""
    if kind is Kind.FILL_BLANK:
        return fill_blank(deck, fact, seed=seed)
    return true_false(deck, fact, seed=seed, truth=truth)


def make(deck: Deck, fact: Fact, kind: Kind, *, seed: int, truth: bool | None = None) -> Question:
    """The FILL_BLANK or TRUE_FALSE question of a fact; ValueError when it cannot be asked that way."""
    q = question(deck, fact, kind, seed=seed, truth=truth)
    if q is None:
        raise ValueError(f'fact "{fact.id}" cannot be a {kind.value.replace("_", " ")} question (see its statement)')
    return q


def by_typing(q: Question) -> bool:
    """Whether a question is answered by typing: typed-answer, and fill in the blank without options."""
    return q.kind is Kind.TYPED or (q.kind is Kind.FILL_BLANK and not q.options)


def by_picking(q: Question) -> bool:
    """Whether a question is answered by picking one of its options: multiple choice, true or
    false, and fill in the blank with options."""
    return q.kind in (Kind.MULTIPLE_CHOICE, Kind.TRUE_FALSE) or (q.kind is Kind.FILL_BLANK and bool(q.options))
