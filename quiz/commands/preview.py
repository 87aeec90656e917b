"""`quiz preview DECK`: print the questions a learner would be asked, for an author checking a deck."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from quiz.commands._deck import choice_word, deck_or_problems
from quiz.untrusted import say, visible_title

if TYPE_CHECKING:
    from quiz.deck.model import Deck, Source
    from quiz.generate import Kind, Question

HELP = (
    "print the questions a deck gives (multiple choice, flashcard, typed answer, fill in the blank, "
    "true or false, matching) as a learner sees them"
)
KINDS = ("multiple-choice", "flashcard", "typed", "fill-blank", "true-false", "match")
"""The kinds as the command line spells them (as `quiz study --mode` does); Kind's values use "_"."""
KIND_LABELS = {
    "multiple_choice": "multiple choice",
    "flashcard": "flashcard",
    "typed": "typed answer",
    "fill_blank": "fill in the blank",
    "true_false": "true or false",
    "match": "match words to meanings",
}
WIDTH = 88


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("deck", metavar="DECK", help="a deck file, or the id of a deck quiz can find")
    parser.add_argument(
        "--kind",
        type=choice_word,
        choices=KINDS,
        action="append",
        metavar="KIND",
        help="only questions of this kind: multiple-choice, flashcard, typed, fill-blank, true-false or match "
        "(repeat for several; default: all)",
    )
    parser.add_argument("--seed", type=int, default=0, metavar="N", help="shuffle seed for the options (default 0)")
    parser.add_argument("--json", action="store_true", help="print one JSON document (schema in docs/questions.md)")


def run(args: argparse.Namespace) -> int:
    from quiz.generate import Kind, generate

    deck = deck_or_problems(args.deck, args.data_dir)
    if deck is None:
        say(f"quiz preview: {args.deck} has problems; fix them first (see `quiz check`)", file=sys.stderr)
        return 1
    kinds = [Kind(k.replace("-", "_")) for k in dict.fromkeys(args.kind)] if args.kind else None
    questions = generate(deck, kinds=kinds, seed=args.seed)
    for kind in kinds or ():
        if not any(q.kind is kind for q in questions):
            say(f"quiz preview: {_none_of(deck, kind)}", file=sys.stderr)
    if args.json:
        write_json(deck, questions, seed=args.seed)
    else:
        say(render(deck, questions, seed=args.seed))
    return 0


def _none_of(deck: Deck, kind: Kind) -> str:
    """Why a deck gives no question of `kind`, said where `quiz preview --kind` asked for it."""
    from quiz.generate import Kind
    from quiz.glossary import MATCH_TERMS
    from quiz.plural import plural

    label = KIND_LABELS[kind.value]
    if kind is Kind.MATCH and len(deck.glossary) < MATCH_TERMS:
        words = plural(len(deck.glossary), "word")
        return f"no {label} questions: they need {MATCH_TERMS} glossary words, and this deck's glossary has {words}"
    if kind is Kind.MATCH:
        return (
            f"no {label} questions: no {MATCH_TERMS} of this deck's {len(deck.glossary)} glossary words can be asked "
            "together (a meaning may not use another of the words, nor hide more than one word of its own)"
        )
    if kind in (Kind.FILL_BLANK, Kind.TRUE_FALSE) and not any(f.statement for f in deck.facts):
        return f'no {label} questions: they need a fact with a statement = "... {{{{answer}}}} ..."'
    if kind is Kind.TYPED:
        from quiz.typed import TYPED_MAX_CHARS, TYPED_MAX_WORDS

        return (
            f"no {label} questions: they need a short answer (at most {TYPED_MAX_WORDS} words and "
            f"{TYPED_MAX_CHARS} characters) that no wrong option passes for, even with a slip"
        )
    return f"no {label} questions: no fact of this deck can be asked so (`quiz check` advises why)"


def _source_json(source: Source | None) -> dict[str, str] | None:
    if source is None:
        return None
    return {"id": source.id, "title": source.title, "publisher": source.publisher, "url": source.url}


def _rows(deck: Deck, questions: list[Question]) -> Iterator[dict[str, Any]]:
    """Each question as its JSON-ready row (schema in docs/questions.md)."""
    from quiz.generate import Kind, content_hash, why_of

    facts = {fact.id: fact for fact in deck.facts}
    hashed = ("", "")  # questions come fact by fact: each fact's hash is computed once
    for q in questions:
        if q.kind is Kind.MATCH:
            yield _match_json(q)
            continue
        fact = facts[q.fact_id]
        if hashed[0] != q.fact_id:
            hashed = (q.fact_id, content_hash(fact))
        row: dict[str, Any] = {
            "fact_id": q.fact_id,
            "topic": fact.topic or None,
            "priority": fact.priority,
            "kind": q.kind.value,
            "prompt": q.prompt,
            "answer": q.answer,
            "explanation": q.explanation,
            "source": _source_json(q.source),
            "refs": q.refs,
            "content_hash": hashed[1],
        }
        if q.kind is Kind.MULTIPLE_CHOICE:
            row["options"] = list(q.options)
            row["correct_index"] = q.correct_index
            row["whys"] = [why_of(q, i) for i in range(len(q.options))]
        if q.kind is Kind.TYPED:
            row["accept"] = list(q.accept)
        if q.kind in (Kind.FILL_BLANK, Kind.TRUE_FALSE):
            row["statement"] = q.statement
            row["blank"] = q.blank
        if q.kind is Kind.FILL_BLANK:  # typed when it has no options
            row["options"] = list(q.options)
            row["correct_index"] = q.correct_index
            row["accept"] = list(q.accept)
        if q.kind is Kind.TRUE_FALSE:
            row["truth"] = q.truth
        yield row


def _meta(deck: Deck, seed: int) -> dict[str, Any]:
    return {
        "id": deck.id,
        "title": deck.title,
        "path": str(deck.path) if deck.path else None,
        "language": deck.language,
        "version": deck.version,
        "facts": len(deck.facts),
        "seed": seed,
        "topics": [{"id": t.id, "title": t.title, "summary": t.summary} for t in deck.topics],
    }


def to_json(deck: Deck, questions: list[Question], *, seed: int) -> dict[str, Any]:
    """The preview as one JSON-ready document: {"deck": {...}, "questions": [...]}."""
    return {"deck": _meta(deck, seed), "questions": list(_rows(deck, questions))}


def write_json(deck: Deck, questions: list[Question], *, seed: int) -> None:
    """Print to_json's document as json.dumps(..., indent=2, ensure_ascii=False) writes it, one
    question at a time, so a deck of thousands of facts never holds the whole document or its text."""

    def dumped(value: object, indent: str) -> str:
        return json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n" + indent)

    say('{\n  "deck": ' + dumped(_meta(deck, seed), "  ") + ',\n  "questions": [', end="")
    first = True
    for row in _rows(deck, questions):
        say(("\n    " if first else ",\n    ") + dumped(row, "    "), end="")
        first = False
    say("]\n}" if first else "\n  ]\n}")


def _match_json(q: Question) -> dict[str, Any]:
    """A matching question's row: its pairs (term, meaning) in the order asked, the meanings in the order shown."""
    from quiz.kinds import right_meaning

    return {
        "fact_id": q.fact_id,
        "kind": q.kind.value,
        "prompt": q.prompt,
        "pairs": [{"term": term, "meaning": meaning} for term, meaning in q.pairs],
        "options": list(q.options),
        "correct": [right_meaning(q, t) for t in range(len(q.pairs))],
    }


def _wrap(text: str, indent: str) -> list[str]:
    lines = []
    for para in text.splitlines() or [""]:
        lines += textwrap.wrap(para, WIDTH, initial_indent=indent, subsequent_indent=indent) or [indent.rstrip()]
    return lines


def _render_match(n: int, q: Question) -> list[str]:
    """A matching question as text: the terms (A, B...) with the number of their meaning, then the meanings."""
    from quiz.kinds import right_meaning

    out = [f"{n}. [{KIND_LABELS[q.kind.value]}] {', '.join(term for term, _ in q.pairs)}"]
    out += _wrap(q.prompt, "   ")
    for t, (term, _) in enumerate(q.pairs):
        out += _wrap(f"{chr(ord('A') + t)}) {term}  = {right_meaning(q, t) + 1}", "   ")
    for i, meaning in enumerate(q.options, start=1):
        out += _wrap(meaning, f"   {i}. ")[:1] + _wrap(meaning, "      ")[1:]
    out.append("")
    return out


def render(deck: Deck, questions: list[Question], *, seed: int) -> str:
    """The preview as text for a person: each question, its options and what the back of the card says."""
    from quiz.deck.model import citation
    from quiz.generate import Kind, why_of
    from quiz.plural import plural

    counts = f"{plural(len(questions), 'question')} from {plural(len(deck.facts), 'fact')}"
    out = [f"{visible_title(deck.title)} ({deck.id}): {counts}, seed {seed}", ""]
    if deck.topics:
        out.append("Topics:")
        for topic in deck.topics:
            summary = f": {topic.summary}" if topic.summary else ""
            out += _wrap(f"{visible_title(topic.title)} ({topic.id}){summary}", "  ")
        out.append("")
    titles = {t.id: t.title for t in deck.topics}
    priorities = {f.id: f.priority for f in deck.facts}
    topics = {f.id: f.topic for f in deck.facts}
    for n, q in enumerate(questions, start=1):
        if q.kind is Kind.MATCH:
            out += _render_match(n, q)
            continue
        about = [priorities[q.fact_id]] + ([f"topic: {titles[topics[q.fact_id]]}"] if topics[q.fact_id] else [])
        out.append(f"{n}. [{KIND_LABELS[q.kind.value]}] {q.fact_id} ({'; '.join(about)})")
        out += _wrap(q.prompt, "   ")
        if q.kind is Kind.TRUE_FALSE:
            out += _wrap(f"Answer: {q.answer}" + ("" if q.truth else f" (true: {q.statement})"), "   ")
        elif q.options:
            for i, option in enumerate(q.options):
                mark = "*" if i == q.correct_index else " "  # numbered by the key a learner presses
                out += _wrap(option, f" {mark} {i + 1}) ")[:1] + _wrap(option, "      ")[1:]
                if why_of(q, i):
                    out += _wrap(f"Why not: {why_of(q, i)}", "      ")
        elif q.kind in (Kind.TYPED, Kind.FILL_BLANK):
            accepted = f" (also accepted: {', '.join(q.accept)})" if q.accept else ""
            out += _wrap(f"Answer: {q.answer}{accepted}", "   ")
        else:
            out += _wrap(f"Back: {q.answer}", "   ")
        if q.explanation:
            out += _wrap(q.explanation, "   ")
        if q.source:
            out += _wrap(f"Source: {citation(q.source, q.refs)}", "   ")
        out.append("")
    return "\n".join(out).rstrip() + "\n"
