"""How the study screen words its options, certainty levels and verdicts (quiz.tui.screens.study)."""

from __future__ import annotations

from textual.content import Content

from quiz.certainty import Certainty, cbm_mark
from quiz.generate import Question
from quiz.tui.text import plain

GRADES = "How well did you know it?  1 Again   2 Hard   3 Good   4 Easy"
RIGHT, WRONG = "✓ Right.", "✗ Not quite."


def option_prompt(q: Question, index: int, highlighted: int | None, paired_with: str | None = None) -> Content:
    """'▶ 2. text' for the option the learner moved to, '  2. text' for the others; a meaning of a
    matching question already given to a term says so: '  2. text  (= term)'."""
    taken = f"  (= {paired_with})" if paired_with is not None else ""
    return plain(f"{'▶' if index == highlighted else ' '} {index + 1}. {q.options[index]}{taken}")


def match_terms(q: Question, pairing: list[int]) -> Content:
    """The terms of a matching question being answered, one a line: those paired ("  term = meaning
    2"), the one to pair now ("▶ term  ← which meaning? Press its number.") and those to come."""
    lines = []
    for t, (term, _) in enumerate(q.pairs):
        if t < len(pairing):
            lines.append(Content.assemble(plain(f"  {term} "), ("= ", "bold"), f"meaning {pairing[t] + 1}"))
        elif t == len(pairing):
            ask = "  ← which meaning? Press its number."
            lines.append(Content.assemble(("▶ ", "bold"), plain(term, "bold"), (ask, "bold")))
        else:
            lines.append(plain(f"  {term}"))
    return Content("\n").join(lines)


def how_sure(response: str, *, typed: bool) -> Content:
    """What was chosen or typed, and the question how sure the learner is (certainty-based marking)."""
    what = "You typed" if typed else "You chose"
    ask = ("How sure are you? ", "bold")
    return Content.assemble((f"{what}: ", "bold"), plain(response), "\n", ask, "Press 1, 2 or 3.")


def level_prompt(level: Certainty, highlighted: int | None) -> str:
    """'▶ 3. Sure  (right: +3 points, wrong: -6)' for the level the learner moved to, ' ' for the
    others: what each level scores is said where it is chosen (certainty-based marking)."""
    right, wrong = cbm_mark(level, True), cbm_mark(level, False)
    unit, lost = "point" if right == 1 else "points", f"{wrong:+d}" if wrong else "0"
    points = f"right: {right:+d} {unit}, wrong: {lost}"
    return f"{'▶' if level.value - 1 == highlighted else ' '} {level.value}. {level.label}  ({points})"
