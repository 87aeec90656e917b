"""The study screen's keys and when each acts (quiz.tui.screens.study maps them to the run's acts)."""

from __future__ import annotations

from textual.binding import Binding, BindingType

from quiz.generate import Kind, Question
from quiz.kinds import by_picking, by_typing
from quiz.study import Phase, StudyRun
from quiz.tui.text import fit
from quiz.untrusted import visible

STUDY_KEYS: list[BindingType] = [
    # One family of answer keys a number of options, so the keys line names the keys there are
    # ("1-2" for true or false): check_action shows the family of the question on screen.
    Binding("1", "pick(1, 4)", "Answer", key_display="1-4"),
    Binding("2", "pick(2, 4)", "Answer", show=False),
    Binding("3", "pick(3, 4)", "Answer", show=False),
    Binding("4", "pick(4, 4)", "Answer", show=False),
    Binding("1", "pick(1, 3)", "Answer", key_display="1-3"),
    Binding("2", "pick(2, 3)", "Answer", show=False),
    Binding("3", "pick(3, 3)", "Answer", show=False),
    Binding("1", "pick(1, 2)", "Answer", key_display="1-2"),
    Binding("2", "pick(2, 2)", "Answer", show=False),
    Binding("1", "grade(1)", "Grade", key_display="1-4"),
    Binding("2", "grade(2)", "Grade", show=False),
    Binding("3", "grade(3)", "Grade", show=False),
    Binding("4", "grade(4)", "Grade", show=False),
    Binding("1", "certain(1)", "How sure", key_display="1-3"),
    Binding("2", "certain(2)", "How sure", show=False),
    Binding("3", "certain(3)", "How sure", show=False),
    Binding("space", "reveal", "Show answer"),
    Binding("f3", "give_up", "Show answer", key_display="F3"),
    Binding("enter", "go_on", "Next"),
    Binding("enter", "reveal", "Show answer", show=False),
    Binding("u", "undo", "Undo"),
    # After a typed answer a letter may be the learner typing on: there, undo is ctrl+z, never "u".
    Binding("ctrl+z", "undo(True)", "Undo", key_display="ctrl+z"),
    Binding("g", "glossary", "Words"),
    Binding("f2", "words", "Words", key_display="F2"),
    Binding("f1", "help", "Help", key_display="F1"),
    Binding("escape", "back", "Back"),  # while asked how sure: back to choosing (nothing recorded yet)
    Binding("escape", "leave", "Leave"),
    # Page keys read the question and feedback even while the options have the keys: they never
    # move the option pointer (the "more below" line names them).
    Binding("pagedown", "page(1)", "Read on", show=False, priority=True),
    Binding("pageup", "page(-1)", "Read back", show=False, priority=True),
]
"""The keys of a study session; their labels are what the keys line shows."""


def key_allowed(run: StudyRun, action: str, parameters: tuple[object, ...]) -> bool | None:
    """Whether the study screen's key for `action` acts now (Screen.check_action): True shows and
    allows it, False hides it. Each key does one thing in each phase of the run."""
    q = run.question
    kind = q.kind if q is not None else None
    phase = run.phase
    if action == "pick":  # (number, how many options the family is for)
        if phase is not Phase.ASKING or q is None or not (by_picking(q) or kind is Kind.MATCH):
            return False
        return parameters[1] == min(len(q.options), 4)
    if action == "grade":
        return phase is Phase.REVEALED
    if action == "certain":
        return phase is Phase.CERTAINTY
    if action == "reveal":
        return phase is Phase.ASKING and kind is Kind.FLASHCARD
    if action == "give_up":
        return phase is Phase.ASKING and q is not None and by_typing(q)
    if action == "back":
        return phase is Phase.CERTAINTY
    if action == "leave":
        return phase is not Phase.CERTAINTY
    if action == "go_on":
        return phase is Phase.ANSWERED
    if action == "undo":
        if bool(parameters and parameters[0]) != typed_feedback(run):  # "u", or ctrl+z after a typed answer
            return False
        if phase is Phase.ASKING and kind is Kind.MATCH:  # only its own pairs (StudyRun.undo)
            return bool(run.pairing)
        return phase is Phase.CERTAINTY or (phase is not Phase.FINISHED and bool(run.session.answers))
    typing = phase is Phase.ASKING and q is not None and by_typing(q)
    if action in ("words", "help"):  # keys that never type, shown while the answer box has the keys
        return True if typing else False
    return True


def typed_feedback(run: StudyRun) -> bool:
    """Whether the feedback on screen is a typed answer's: its undo key is ctrl+z, not "u" (a learner
    who starts typing the next word there, "urea", took back the answer just recorded: a tester's
    report). Typing is the one way of answering where letters are the answer."""
    q = run.question
    return run.phase is Phase.ANSWERED and q is not None and by_typing(q)


def answered_by_keys(run: StudyRun) -> bool:
    """Whether the question on screen is answered by keys, not by typing: its options, its card, how
    sure the learner is, or its feedback (quiz.tui.settle.TypedWords drops a word typed there, and
    takes back an answer a digit gave just before it: "2%")."""
    q = run.question
    return run.phase is not Phase.FINISHED and q is not None and not by_typing(q)


def typed_on_keys(digit: str) -> str:
    """The notice for a word typed where keys answer; `digit`: the key whose answer it took back ("" if none)."""
    if digit:
        return (f"That looked like typing, so the answer “{digit}” chose was taken back. "
                "Answer with the number of an option.")  # fmt: skip
    return "Typing does nothing here: answer with the keys named at the bottom."


def taken_back(run: StudyRun, undone: Question | None) -> str:
    """The notice for an answer taken back (`undone`: its question), once the run has undone it:
    with another question on screen, which question it was and whether it comes again."""
    if run.question is undone:
        return "Answer taken back. Try again."
    later = {q.fact_id for q in run.session.questions[run.session.position :]}
    about = fit(visible(undone.prompt if undone is not None else ""), 40)
    again = "comes again at the end" if undone is not None and undone.fact_id in later else "left the deck"
    return f"Answer taken back. “{about}” {again}."
