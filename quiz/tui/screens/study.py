"""Study: one question at a time, immediate feedback, every answer written to the store as given."""

from __future__ import annotations

import sqlite3
import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from quiz.deck.discover import FoundDeck
from quiz.deck.model import Deck
from quiz.generate import Kind, Question, content_hash, kinds_for, make_question
from quiz.schedule import Rating
from quiz.session import DEFAULT_COUNT, Answered, Mode, StudySession, plan
from quiz.store import StoreError
from quiz.tui.bars import KeysBar
from quiz.tui.text import plain, source_line, terms_in, with_terms

if TYPE_CHECKING:
    from quiz.tui.app import QuizApp

GRADES = "1 Again   2 Hard   3 Good   4 Easy"
RIGHT, WRONG = "✓ Correct.", "✗ Not quite."


def build_session(app: QuizApp, deck: Deck, mode: Mode, *, count: int | None = None) -> StudySession:
    """Plan a session from the deck and what the store says is due or new."""
    store, now = app.store, app.now()
    ids = [f.id for f in deck.facts]
    due = store.due_facts(deck.id, now) if store else []
    unseen = store.new_fact_ids(deck.id, ids, len(ids)) if store else ids
    questions = plan(deck, mode, seed=app.seed, count=count or DEFAULT_COUNT, due=due, unseen=unseen)
    return StudySession(deck, mode, questions)


class StudyScreen(Screen[None]):
    """Asks the session's questions; screens own their behaviour, the session and store are plain objects."""

    BINDINGS = [
        Binding("1", "pick(1)", "Answer", key_display="1-4"),
        Binding("2", "pick(2)", "Answer", show=False),
        Binding("3", "pick(3)", "Answer", show=False),
        Binding("4", "pick(4)", "Answer", show=False),
        Binding("space", "reveal", "Show answer"),
        Binding("enter", "proceed", "Next"),
        Binding("u", "undo", "Undo"),
        Binding("g", "glossary", "Glossary"),
        Binding("escape", "leave", "Leave"),
    ]

    phase: reactive[str] = reactive("asking", bindings=True)

    def __init__(self, session: StudySession, path: Path) -> None:
        super().__init__()
        self.session = session
        self.path = path
        self.started_at = None
        self._shown_at = time.monotonic()
        self._unsaved = 0

    @property
    def deck(self) -> Deck:
        return self.session.deck

    @property
    def quiz(self) -> QuizApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Static(id="progress")
        with VerticalScroll(id="qa"):
            yield Static(id="prompt")
            yield OptionList(id="options", markup=False)
            yield Static(id="card-back")
            yield Static(GRADES, id="grades")
            yield Input(
                placeholder="Type your answer and press Enter",
                id="typed",
                select_on_focus=False,
            )
            yield Static(id="feedback")
        yield KeysBar()

    def on_mount(self) -> None:
        self.query_one("#typed", Input).cursor_blink = self.quiz.settings.blink
        self.started_at = self.quiz.now()
        self._start_store_session()
        self.show_question()

    # -- the store ------------------------------------------------------------------------------

    def _start_store_session(self) -> None:
        store = self.quiz.store
        if store is None:
            return
        try:
            self.session.store_id = store.start_session(
                self.deck.id, self.session.mode.value, self.deck.version, now=self.quiz.now()
            )
        except (StoreError, sqlite3.Error, OSError) as err:
            self._store_failed(err)

    def _store_failed(self, err: Exception) -> None:
        self.notify(
            f"Your answer could not be saved ({_reason(err)}). You can keep studying; "
            "this session's answers may not be in your history.",
            title="Not saved",
            severity="error",
            markup=False,
            timeout=10,
        )

    def _save(self, answered: Answered) -> Answered:
        store, sid = self.quiz.store, self.session.store_id
        if store is None or sid is None:
            self._unsaved += 1
            return answered
        q = answered.question
        fact = self.deck.fact(q.fact_id)
        try:
            answer_id = store.record_answer(
                sid,
                self.deck.id,
                q.fact_id,
                deck_version=self.deck.version,
                content_hash=content_hash(fact),
                kind=q.kind.value,
                response=answered.response,
                correct=answered.correct,
                rating=answered.rating if q.kind is Kind.FLASHCARD else None,
                response_ms=int((time.monotonic() - self._shown_at) * 1000),
                now=self.quiz.now(),
            )
        except (StoreError, sqlite3.Error, OSError) as err:
            self._unsaved += 1
            self._store_failed(err)
            return answered
        return replace(answered, answer_id=answer_id)

    # -- showing a question ----------------------------------------------------------------------

    def _progress(self) -> None:
        s = self.session
        n = len(s.questions)
        k = min(s.position + (0 if self.phase == "answered" else 1), n)
        text = f"Question {k} of {n}  |  Score {s.correct} of {len(s.answers)}  |  {s.mode.label}"
        self.query_one("#progress", Static).update(plain(text))

    def show_question(self) -> None:
        q = self.session.current
        if q is None:
            self._finish(early=False)
            return
        self.phase = "asking"
        self._shown_at = time.monotonic()
        glossary = self.deck.glossary
        self.query_one("#prompt", Static).update(with_terms(q.prompt, glossary))
        options = self.query_one("#options", OptionList)
        options.clear_options()
        options.display = q.kind is Kind.MULTIPLE_CHOICE
        options.disabled = False
        if q.kind is Kind.MULTIPLE_CHOICE:
            options.add_options([Option(f"{n}. {text}") for n, text in enumerate(q.options, 1)])
            options.highlighted = 0
        back = self.query_one("#card-back", Static)
        back.display = False
        self.query_one("#grades", Static).display = False
        typed = self.query_one("#typed", Input)
        typed.display = q.kind is Kind.TYPED
        typed.disabled = False
        typed.value = ""
        feedback = self.query_one("#feedback", Static)
        feedback.display = False
        feedback.set_classes("")
        self._progress()
        self.query_one("#qa", VerticalScroll).scroll_home(animate=False)
        if q.kind is Kind.MULTIPLE_CHOICE:
            options.focus()
        elif q.kind is Kind.TYPED:
            typed.focus()
        else:
            self.query_one("#qa").focus()

    def _explain(self, q: Question) -> Content:
        parts = [with_terms(q.explanation, self.deck.glossary)] if q.explanation else []
        parts.append(plain(source_line(q.source, q.refs), "italic"))
        return Content("\n\n").join(parts)

    def _show_feedback(self, answered: Answered) -> None:
        q = answered.question
        feedback = self.query_one("#feedback", Static)
        if q.kind is Kind.FLASHCARD:
            return
        verdict = Content.styled(RIGHT if answered.correct else WRONG, "bold")
        lines = [verdict, Content.assemble(("Answer: ", "bold"), q.answer)]
        if not answered.correct and q.kind is Kind.TYPED:
            lines.append(Content.assemble(("You typed: ", "bold"), answered.response or "(nothing)"))
        lines.append(self._explain(q))
        lines.append(Content("Press Enter to continue, or u to undo."))
        feedback.update(Content("\n").join(lines))
        feedback.set_classes("right" if answered.correct else "wrong")
        feedback.display = True
        if q.kind is Kind.MULTIPLE_CHOICE:
            self._mark_options(q, answered)
        self.query_one("#qa", VerticalScroll).focus()
        self.call_after_refresh(feedback.scroll_visible, animate=False)

    def _mark_options(self, q: Question, answered: Answered) -> None:
        options = self.query_one("#options", OptionList)
        options.clear_options()
        for n, text in enumerate(q.options, 1):
            if n - 1 == q.correct_index:
                mark = "✓"
                note = "  (right answer)"
            elif text == answered.response:
                mark, note = "✗", "  (your answer)"
            else:
                mark, note = " ", ""
            options.add_option(Option(f"{mark} {n}. {text}{note}"))
        options.disabled = True

    # -- answering ---------------------------------------------------------------------------

    def _answer(self, response: str | int | Rating) -> None:
        answered = self._save(self.session.grade(response))
        self.session.record(answered)
        if answered.question.kind is Kind.FLASHCARD:
            self.show_question()
            return
        self.phase = "answered"
        self._progress()
        self._show_feedback(answered)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        q = self.session.current
        if action == "pick":
            if q is None or self.phase == "answered":
                return False
            if q.kind is Kind.FLASHCARD:
                return self.phase == "revealed"
            return q.kind is Kind.MULTIPLE_CHOICE
        if action == "reveal":
            return q is not None and q.kind is Kind.FLASHCARD and self.phase == "asking"
        if action == "proceed":
            return self.phase == "answered" or (q is not None and q.kind is Kind.FLASHCARD and self.phase == "asking")
        if action == "undo":
            return bool(self.session.answers)
        return True

    def action_pick(self, number: int) -> None:
        q = self.session.current
        if q is None:
            return
        if q.kind is Kind.MULTIPLE_CHOICE and number <= len(q.options):
            self._answer(number - 1)
        elif q.kind is Kind.FLASHCARD and self.phase == "revealed":
            self._answer(Rating(number))

    @on(OptionList.OptionSelected, "#options")
    def option_chosen(self, event: OptionList.OptionSelected) -> None:
        if self.phase == "asking":
            self._answer(event.option_index)

    @on(Input.Submitted, "#typed")
    def typed_answer(self, event: Input.Submitted) -> None:
        if self.phase != "asking":
            return
        event.input.disabled = True
        self._answer(event.value)

    def action_reveal(self) -> None:
        q = self.session.current
        if q is None or q.kind is not Kind.FLASHCARD or self.phase != "asking":
            return
        back = self.query_one("#card-back", Static)
        back.update(Content("\n\n").join([Content.assemble(("Answer: ", "bold"), q.answer), self._explain(q)]))
        back.display = True
        self.query_one("#grades", Static).display = True
        self.phase = "revealed"
        self.call_after_refresh(self.query_one("#grades").scroll_visible, animate=False)

    def action_proceed(self) -> None:
        if self.phase == "answered":
            self.show_question()
        else:
            self.action_reveal()

    def action_undo(self) -> None:
        undone = self.session.undo()
        if undone is None:
            return
        store, sid = self.quiz.store, self.session.store_id
        if store is not None and sid is not None and undone.answer_id is not None:
            try:
                store.undo_last(sid)
            except (StoreError, sqlite3.Error, OSError) as err:
                self.notify(f"Could not undo in your history ({_reason(err)}).", severity="error", markup=False)
        self.notify("Answer taken back. Try again.", timeout=3)
        self.show_question()

    def action_glossary(self) -> None:
        from quiz.tui.screens.dialogs import GlossaryDialog

        q = self.session.current or (self.session.answers[-1].question if self.session.answers else None)
        if q is None:
            return
        text = " ".join([q.prompt, q.answer, q.explanation, *q.options])
        self.app.push_screen(GlossaryDialog(terms_in(text, self.deck.glossary)))

    def action_leave(self) -> None:
        self._finish(early=True)

    # -- ending ---------------------------------------------------------------------------------

    def _finish(self, *, early: bool) -> None:
        from quiz.tui.screens.summary import SummaryScreen

        store, sid = self.quiz.store, self.session.store_id
        if store is not None and sid is not None:
            try:
                store.finish_session(sid, ended_early=early or not self.session.done, now=self.quiz.now())
            except (StoreError, sqlite3.Error, OSError) as err:
                self._store_failed(err)
        if not self.session.answers:
            self.dismiss(None)
            return
        elapsed = (self.quiz.now() - self.started_at).total_seconds() if self.started_at else 0.0
        summary = SummaryScreen(self.session, elapsed, early=early, unsaved=self._unsaved)
        self.app.push_screen(summary, self._after_summary)

    def _after_summary(self, choice: str | None) -> None:
        if choice == "retry" and self.session.missed:
            missed = list(dict.fromkeys(a.question.fact_id for a in self.session.missed))
            questions = plan(self.deck, self.session.mode, seed=self.quiz.seed + 1, only=missed)
            self.session = StudySession(self.deck, self.session.mode, questions)
            self.started_at = self.quiz.now()
            self._unsaved = 0
            self._start_store_session()
            self.show_question()
            return
        self.dismiss(None)

    # -- the deck file changed -------------------------------------------------------------------

    def deck_reloaded(self, found: FoundDeck) -> None:
        if found.path != self.path or found.deck is None:
            return
        deck = found.deck
        s = self.session
        upcoming: list[Question] = []
        for q in s.questions[s.position :]:
            try:
                fact = deck.fact(q.fact_id)
            except KeyError:
                continue
            kinds = kinds_for(deck, fact)
            kind = q.kind if q.kind in kinds else Kind.FLASHCARD
            upcoming.append(make_question(deck, fact, kind, seed=self.quiz.seed))
        s.deck = deck
        s.questions = s.questions[: s.position] + upcoming
        self.notify("The deck changed on disk and was reloaded.", title="Deck reloaded", timeout=4)
        if self.phase != "answered":
            self.show_question()
        else:
            self._progress()


def _reason(err: Exception) -> str:
    text = str(err)
    if "disk" in text.lower() and "full" in text.lower():
        return "the disk is full"
    return text.splitlines()[0] if text else type(err).__name__
