"""Validation of a fact's options: the answers it accepts besides its own (`accept`) and its wrong
options (`distractors`), each judged by the rules of quiz.deck.options, so that a typed or chosen
answer is marked as what it says."""

from __future__ import annotations

from typing import Any

from quiz.deck.checker import Checker, kind
from quiz.deck.locate import Table
from quiz.deck.options import REPEATED, SAME_AS_ANSWER, Said, clashes, drawn_twice, unseen
from quiz.deck.text import blank

DISTRACTOR_KEYS = ("text", "why")


def check_accept(
    c: Checker, entry: dict[str, Any], table: Table | None, label: str, answer: str, said: Said
) -> tuple[str, ...]:
    """The fact's accept forms: texts (Checker.texts), each saying no number the answer does not
    (Said.other_numbers: "2 pills" beside the answer "3 tablets" would be marked right, typed), as
    the distractors may not say the answer's. A problem is placed where the item begins."""
    accept = c.texts(entry, "accept", table, label)
    if not answer:
        return accept
    for n, text in enumerate(accept, start=1):
        if said.other_numbers(answer, text):
            c.add(
                c.item_pos(table, "accept", n),
                f"{label}the accepted answer {text!r} says a number the answer {answer!r} does not: typed, it would "
                "be marked right; write it with the answer's numbers, or take it out",
            )
    return accept


def check_distractors(
    c: Checker, entry: dict[str, Any], table: Table | None, label: str, right: tuple[str, ...], said: Said
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The distractors' texts and their whys ("" where none; () when no distractor has one).

    An item is a text or an inline table { text = "...", why = "..." }; a text must differ from
    the answer and from the other texts (compared as `normalize` folds them), and must not say what
    the answer, an accept text or another distractor says in other words (`said`: ".5 mg" beside
    "0.5 mg"). `right`: the answer, then its accept texts. A problem in an item is placed where
    the item begins.
    """
    answer = right[0]
    value = entry.get("distractors")
    if not isinstance(value, list):
        return c.texts(entry, "distractors", table, label), ()
    texts: list[str] = []
    whys: list[str] = []
    items: list[tuple[str, str, tuple[int, int] | None]] = []
    for n, item in enumerate(value, start=1):
        where = c.item_pos(table, "distractors", n)
        if isinstance(item, dict):
            found = _distractor_table(c, item, where, f"{label}distractor {n}: ")
            if found is None:
                continue
            text, why = found
        elif not isinstance(item, str):
            c.add(
                where,
                f'{label}"distractors" item {n} must be text or {{ text = "...", why = "..." }}, got {kind(item)}',
            )
            continue
        elif c.text_item(item, "distractors", n, table, label):
            text, why = item, ""
        else:
            continue
        items.append((text, why, where))
    judged = clashes(answer, [text for text, _, _ in items], said.language)
    roles = [("answer" if n == 0 else "accepted answer", text) for n, text in enumerate(right) if text]
    repeated = dict(said.repeats([*roles, *(("distractor", text) for text, _, _ in items)]))
    for n, ((text, why, where), (_, _, clash)) in enumerate(zip(items, judged, strict=True), start=len(roles)):
        if answer and clash == SAME_AS_ANSWER:
            hidden = unseen(text, answer, said.language)
            c.add(where, f"{label}the distractor {text!r} is the same as the answer{hidden}")
        elif clash == REPEATED:
            twice = drawn_twice(text, [t for t, _, _ in items], said.language)
            c.add(where, f"{label}the distractor {text!r} is given twice{twice}")
        elif n in repeated:
            c.add(where, f"{label}the distractor {text!r} says what {repeated[n]} says: write another wrong option")
        texts.append(text)
        whys.append(why)
    return tuple(texts), tuple(whys) if any(whys) else ()


def _distractor_table(
    c: Checker, item: dict[str, Any], where: tuple[int, int] | None, label: str
) -> tuple[str, str] | None:
    """The text and why of a distractor written { text = "...", why = "..." }, or None after a problem."""
    from quiz.deck.locate import Table

    before = len(c.problems)
    spot = Table(where[0] if where else 0)  # the item's keys are all placed where it begins
    spot.keys = dict.fromkeys((*item, *DISTRACTOR_KEYS), where or (1, 1))
    c.unknown_keys(item, DISTRACTOR_KEYS, spot, label)
    if "text" not in item:
        c.add(where, f'{label}missing "text" (write {{ text = "...", why = "..." }})')
    text = c.text(item, "text", spot, label, required=True) if "text" in item else ""
    why = c.text(item, "why", spot, label)
    if isinstance(item.get("why"), str) and blank(item["why"]):
        c.add(where, f'{label}"why" is empty: say why a learner might pick this option, or leave "why" out')
    return (text, why) if len(c.problems) == before else None
