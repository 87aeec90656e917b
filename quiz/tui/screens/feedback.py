"""What the study screen says after an answer: the verdict line and the feedback under it.

Drawn by quiz.tui.screens.study from the answer the run keeps (quiz.session.Answered): right or
wrong in words and a mark (✓/✗, never colour alone), the right answer, what was chosen or typed
and why it is wrong when the deck says, how sure the learner was and what it scored, then the
explanation with its source.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content

from quiz.certainty import Certainty, cbm_mark
from quiz.generate import Kind, Question, why_of
from quiz.kinds import by_typing, pair_shown, right_meaning
from quiz.session import Answered
from quiz.tui.screens.prompts import RIGHT, WRONG
from quiz.tui.text import plain, source_line, with_terms

GO_ON = "  Enter goes on; u takes it back."
GO_ON_TYPED = "  Enter goes on; ctrl+z takes it back."
"""After a typed answer, where a letter may be the learner typing on (quiz.tui.screens.keys.typed_feedback)."""


def explanation(q: Question, glossary: Sequence[tuple[str, str]]) -> Content:
    """The explanation with its glossary words marked, and the source in italics right under it."""
    parts = [with_terms(q.explanation, glossary)] if q.explanation else []
    parts.append(plain(source_line(q.source, q.refs), "italic"))
    return Content("\n").join(parts)


def feedback_of(last: Answered, glossary: Sequence[tuple[str, str]]) -> tuple[Content, Content | None]:
    """(the verdict line, the feedback under it) for the answer just given; None for a flashcard,
    whose back is already on screen."""
    q = last.question
    if q.kind is Kind.MATCH:
        return _match_feedback(last)
    if q.kind is Kind.FLASHCARD:
        known = "✓ Graded {}: remembered." if last.correct else "✗ Graded {}: not yet remembered."
        return plain(known.format(last.response) + GO_ON, "bold"), None
    mark = last.mark
    spelled = f" It is spelled {mark.expected}." if mark is not None and mark.slip else ""
    said = "✗ You asked to see the answer." if by_typing(q) and not last.response else ""
    go_on = GO_ON_TYPED if by_typing(q) else GO_ON
    verdict = plain(f"{said or (RIGHT if last.correct else WRONG)}{spelled}{go_on}", "bold")
    lines = [Content.assemble(("Answer: ", "bold"), plain(q.answer))]
    if q.kind in (Kind.TRUE_FALSE, Kind.FILL_BLANK):  # the true statement, whatever was shown
        lines.append(Content.assemble(("The true sentence: ", "bold"), with_terms(q.statement, glossary)))
    if by_typing(q):
        typed = last.response if last.response else "(you asked to see the answer)"
        lines.append(Content.assemble(("You typed: ", "bold"), plain(typed)))
        if mark is not None and mark.look_alike:
            lines.append(plain(f"“{mark.look_alike}” is another word, not a spelling slip of “{q.answer}”."))
        elif mark is not None and mark.near:
            lines.append(plain("Nearly: one letter is different from the answer."))
    elif not last.correct:
        lines.append(Content.assemble(("You chose: ", "bold"), plain(last.response)))
        why = why_of(q, q.options.index(last.response)) if last.response in q.options else ""
        if why:  # the misconception the chosen option answers, above the explanation
            label = "Why it is false: " if q.kind is Kind.TRUE_FALSE else "Why not: "
            lines.append(Content.assemble((label, "bold"), with_terms(why, glossary)))
    elif q.kind is Kind.TRUE_FALSE and (why := next((w for w in q.whys if w), "")):
        lines.append(Content.assemble(("Why it is false: ", "bold"), with_terms(why, glossary)))  # "False", rightly
    if last.certainty:
        level = Certainty(last.certainty)
        won = cbm_mark(level, last.correct)
        points = "point" if abs(won) == 1 else "points"
        lines.append(Content.assemble(("You were: ", "bold"), f"{level.label} ({won:+d} certainty {points})"))
    lines.append(explanation(q, glossary))
    return verdict, Content("\n").join(lines)


def _match_feedback(last: Answered) -> tuple[Content, Content]:
    """Each pair of the matching question just answered: right (✓) or not (✗, with the meaning chosen)."""
    q = last.question
    right = sum(right_meaning(q, t) == m for t, m in enumerate(last.paired))
    said = f"✓ All {right} pairs right." if last.correct else f"✗ {right} of {len(q.pairs)} pairs right."
    return Content.styled(said + GO_ON, "bold"), Content("\n").join(pair_lines(last, every=True))


def pair_lines(last: Answered, *, every: bool) -> list[Content]:
    """The pairs of an answered matching question (every one, or only those missed): each word
    with its meaning, marked ✓ or ✗, and under a pair missed the meaning chosen. Meanings are read
    as written, never with the blank the question showed (quiz.kinds.pair_shown)."""
    q = last.question
    lines = []
    for t, ((term, meaning), chosen) in enumerate(zip(q.pairs, last.paired, strict=True)):
        ok = right_meaning(q, t) == chosen
        if ok and not every:
            continue
        lines.append(Content.assemble(("✓ " if ok else "✗ ", "bold"), plain(f"{term}: ", "bold"), plain(meaning)))
        if not ok:
            other, written = pair_shown(q, chosen)
            said = plain(f"{other}: ", "bold"), plain(written)
            lines.append(Content.assemble(("    You chose the meaning of ", "bold"), *said))
    return lines
