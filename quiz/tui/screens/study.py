"""Study: draws what the StudyRun (quiz.study) says, and maps keys and clicks to its acts.

Every rule of the study loop lives in the run; this screen only decides which act a key means
and draws the phase the run is in. A key that was pressed before the question on screen was
drawn is dropped (it was meant for whatever was there before), so type-ahead never answers.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from quiz.certainty import Certainty
from quiz.deck.model import Deck
from quiz.generate import Kind, Question
from quiz.kinds import by_picking, by_typing
from quiz.schedule import Rating
from quiz.study import Phase, StudyRun
from quiz.tui.bars import KeysBar
from quiz.tui.decks import DeckReloaded
from quiz.tui.in_view import bring_into_view, card_seen, seen, typed_seen
from quiz.tui.lines import MoreLine, StatusLine, status_forms
from quiz.tui.notices import NOTICE_S, moved_on, passing
from quiz.tui.screens.feedback import explanation, feedback_of
from quiz.tui.screens.keys import STUDY_KEYS, answered_by_keys, key_allowed, taken_back, typed_on_keys
from quiz.tui.screens.prompts import GRADES, how_sure, level_prompt, match_terms, option_prompt
from quiz.tui.screens.summary import SummaryScreen
from quiz.tui.settle import CHANGED_SETTLE_S, Settled, TypedWords
from quiz.tui.settled_input import SettledInput
from quiz.tui.text import PRACTICE, plain, with_terms


class StudyScreen(Settled, Screen[bool]):
    """Asks the run's questions; dismissed, once summed up, with whether it was left early (Escape)."""

    DEFAULT_CSS = """
    #study-head { dock: top; height: auto; }
    #progress { height: auto; padding: 0 1; background: $panel; text-style: bold; }
    #qa { height: 1fr; padding: 0 1; }
    #prompt { margin: 1 0 0 0; text-style: bold; }
    #options { margin: 1 0 0 0; height: auto; max-height: 20; border: round $primary; }
    #options:disabled { opacity: 1; }
    #card-back { margin: 1 0 0 0; padding: 0 1; border-left: wide $accent; }
    #typed { margin: 0 0 1 0; }
    #feedback { margin: 1 0; padding: 0 1; border: round $accent; }
    #feedback.right { border: round $success; } #feedback.wrong { border: double $error; }
    #verdict { height: auto; padding: 0 1; text-style: bold; }
    #terms-hint { color: $text-muted; }
    #chosen { margin: 1 0 0 0; }
    #certainty { height: auto; max-height: 14; border: round $primary; }
    """
    BINDINGS = STUDY_KEYS

    def __init__(self, run: StudyRun, path: Path, *, blink: bool = True) -> None:
        super().__init__()
        self.run = run
        self.path = path
        self.blink = blink
        """Whether the answer box's cursor blinks (off in tests and snapshots)."""
        self._drawn: Question | None = None
        self._drawn_phase: Phase | None = None
        self._typed = TypedWords()

    @property
    def deck(self) -> Deck:
        return self.run.deck

    def compose(self) -> ComposeResult:
        with Vertical(id="study-head"):
            yield StatusLine(id="progress")
            yield Static(id="verdict")
        with VerticalScroll(id="qa"):
            yield Static(id="prompt")
            yield Static(id="match")
            yield Static(id="terms-hint")
            yield OptionList(id="options", markup=False)
            yield Static(id="card-back")
            yield SettledInput(placeholder="Type your answer and press Enter", id="typed", select_on_focus=False)
            yield Static(id="chosen")
            yield OptionList(id="certainty", markup=False)
            yield Static(id="feedback")
        yield MoreLine("qa")
        yield KeysBar()

    def on_mount(self) -> None:
        self.query_one("#typed", Input).cursor_blink = self.blink
        self.draw()

    # -- drawing what the run says ---------------------------------------------------------------

    def draw(self) -> None:
        """Draw the run's phase; called after every act."""
        run = self.run
        notice = run.take_notice()
        if notice:
            self.notify(notice, title="Score history", severity="error", markup=False, timeout=10)
        if run.phase is Phase.FINISHED:
            self._show_summary()
            return
        q = run.question
        assert q is not None
        fresh = q is not self._drawn or run.phase is not self._drawn_phase
        step = len(run.pairing)
        if fresh or step != self._drawn_step:  # each pair of a matching question brings up the next term
            self.settle()
            moved_on(self)  # a hint about what was on screen no longer applies
        self._drawn, self._drawn_phase, self._drawn_step = q, run.phase, step
        self._progress()
        # Before the answer only the words the list will explain are underlined: an underline on a
        # word held back (or its absence) would itself be a clue (quiz.words_shown.words_to_know).
        shown = run.words().shown
        answered = run.phase in (Phase.REVEALED, Phase.ANSWERED)
        self.query_one("#prompt", Static).update(with_terms(q.prompt, self.deck.glossary if answered else shown))
        hint = self.query_one("#terms-hint", Static)
        words_key = "F2" if by_typing(q) and run.phase is Phase.ASKING else "g"
        hint.update(f"Underlined words: press {words_key} to see what they mean.")
        # Once the answer is shown the keys line says "g Words": the hint gives its line to the feedback.
        hint.display = run.phase in (Phase.ASKING, Phase.CERTAINTY) and q.kind is not Kind.MATCH and bool(shown)
        asking = run.phase is Phase.ASKING
        self._draw_options(q, asking)
        self._draw_match(q, asking)
        back = self.query_one("#card-back", Static)
        back.display = q.kind is Kind.FLASHCARD and run.phase is not Phase.ASKING
        if back.display:
            answer = Content.assemble(("Answer: ", "bold"), plain(q.answer))
            back.update(Content("\n\n").join([answer, explanation(q, self.deck.glossary)]))
        self._draw_certainty(fresh)
        typed = self.query_one("#typed", Input)
        typed.display = by_typing(q) and asking
        if fresh and typed.display:  # a new question's box is empty; going back keeps what was typed
            typed.value, self._retype = self._retype, ""
            typed.cursor_position = len(typed.value)
        self._draw_feedback()
        self.refresh_bindings()
        if fresh:
            self.query_one("#qa", VerticalScroll).scroll_home(animate=False)
        if run.phase is Phase.CERTAINTY:
            self.query_one("#certainty", OptionList).focus(scroll_visible=False)
        elif (by_picking(q) or q.kind is Kind.MATCH) and asking:
            self.query_one("#options", OptionList).focus(scroll_visible=False)  # the question stays in view
        elif typed.display:
            typed.focus(scroll_visible=False)
        else:
            self.query_one("#qa").focus(scroll_visible=False)
        self.call_after_refresh(self.query_one(MoreLine).update_line)
        self.set_timer(0.1, self.query_one(MoreLine).update_line)  # once the new layout has settled

    def _progress(self) -> None:
        run = self.run
        forms = status_forms(run.number, run.total, run.score, run.session.cbm_score, run.mode, practice=run.practice)
        self.query_one("#progress", StatusLine).show(forms, self.deck.title)

    def _draw_options(self, q: Question, asking: bool) -> None:
        options = self.query_one("#options", OptionList)
        options.display = (by_picking(q) or q.kind is Kind.MATCH) and asking
        drawn = (q, tuple(self.run.pairing))
        if not options.display or options.option_count and self._drawn_options == drawn:
            return
        options.clear_options()
        used = self._used_meanings(q)
        options.add_options([Option(option_prompt(q, i, None, used.get(i))) for i in range(len(q.options))])
        options.highlighted = None  # Enter chooses only an option the learner moved to
        self._drawn_options = drawn

    _drawn_options: tuple[Question, tuple[int, ...]] | None = None
    _drawn_step = 0

    def _used_meanings(self, q: Question) -> dict[int, str]:
        """For a matching question being answered: each meaning given so far, with its term."""
        if q.kind is not Kind.MATCH:
            return {}
        return {m: q.pairs[t][0] for t, m in enumerate(self.run.pairing)}

    def _draw_match(self, q: Question, asking: bool) -> None:
        """The terms of a matching question: those paired, the one to pair now (▶) and those to come."""
        match = self.query_one("#match", Static)
        match.display = q.kind is Kind.MATCH and asking
        if match.display:
            match.update(match_terms(q, self.run.pairing))

    def _draw_certainty(self, fresh: bool) -> None:
        pending = self.run.pending
        chosen = self.query_one("#chosen", Static)
        certainty = self.query_one("#certainty", OptionList)
        chosen.display = certainty.display = pending is not None
        if pending is None:
            return
        chosen.update(how_sure(pending.response, typed=by_typing(pending.question)))
        if fresh:  # Enter chooses only a level the learner moved to, and no pointer shows before
            certainty.clear_options()
            certainty.add_options([Option(level_prompt(level, None)) for level in Certainty])
            certainty.highlighted = None

    def _draw_feedback(self) -> None:
        verdict = self.query_one("#verdict", Static)
        feedback = self.query_one("#feedback", Static)
        last = self.run.last
        verdict.display = feedback.display = last is not None
        if self.run.phase is Phase.REVEALED:  # the grade keys stay in view above a long card back
            verdict.display = True
            verdict.update(Content.styled(GRADES, "bold"))
            verdict.set_classes("")
        if last is None:
            return
        said, lines = feedback_of(last, self.deck.glossary)
        mood = "right" if last.correct else "wrong"
        verdict.update(said)
        verdict.set_classes(mood)
        feedback.display = lines is not None
        if lines is not None:
            feedback.update(lines)
            feedback.set_classes(mood)

    def on_screen_resume(self) -> None:
        self.call_after_refresh(self.query_one(MoreLine).update_line)

    def _show_summary(self) -> None:
        if not self.run.session.answers:
            self.dismiss(self.run.ended_early)
            return
        self.app.push_screen(SummaryScreen(self.run), self._after_summary)

    def _after_summary(self, choice: str | None) -> None:
        if choice == "retry" and self.run.retry_missed():
            self._drawn = None
            self.draw()
            self.notify(PRACTICE, title="Retry missed", markup=False, timeout=6)
            return
        self.dismiss(self.run.ended_early)

    # -- keys and clicks ---------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return key_allowed(self.run, action, parameters)

    def is_stale(self, event: events.Key) -> bool:
        """Settled.is_stale, or a key of a word typed where keys answer (TypedWords): told why."""
        stale = super().is_stale(event)
        if event.is_printable and answered_by_keys(self.run):  # the bindings are read only here
            binding = self.active_bindings.get(event.key)
            bound = binding is not None and binding.enabled  # a key to drop as stale, or one of a word ("2%")
            if not (stale and bound) and self._typed.drops(event, bound):
                if self._typed.taken_back and self.run.phase in (Phase.ANSWERED, Phase.CERTAINTY) and self.run.undo():
                    self.draw()  # the digit began a figure typed ("2%"): the answer it chose is taken back
                passing(self, typed_on_keys(self._typed.taken_back), timeout=NOTICE_S)
                return True
        # A letter's act that waited for more of a word is done before this key, which is judged after it.
        return super().is_stale(event) if self._typed.flush() else stale

    def _after_a_word(self, act: Callable[[], object]) -> None:
        """Do a letter key's `act` where keys answer only once no word follows (TypedWords.wait_then)."""
        self._typed.wait_then(self, act) if self._holds and answered_by_keys(self.run) else act()

    def action_pick(self, number: int, options: int = 4) -> None:
        self._pick(number - 1)

    def _pick(self, index: int) -> None:
        """Answer the question on screen with option `index`, or give it to the next term of a matching question."""
        q = self._drawn
        act = self.run.pair if q is not None and q.kind is Kind.MATCH else self.run.answer_option
        about = self.query_one("#match" if q is not None and q.kind is Kind.MATCH else "#prompt")
        if seen(self.query_one("#options", OptionList), index, about) and act(index, on=q):  # both in view
            self.draw()
        elif q is not None and q.kind is Kind.MATCH and index in self.run.pairing:
            passing(self, "That meaning is taken. Press u to take back a pair.", timeout=NOTICE_S)

    def action_certain(self, number: int) -> None:
        levels = self.query_one("#certainty", OptionList)
        if seen(levels, number - 1) and self.run.set_certainty(Certainty(number), on=self._drawn):
            self.draw()

    @on(OptionList.OptionSelected, "#certainty")
    def certainty_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.time < self._settles_at or self._typed.flush():  # a letter's act that waited comes first
            return
        self.action_certain(event.option_index + 1)

    def action_grade(self, number: int) -> None:
        grades, back = self.query_one("#verdict"), self.query_one("#card-back")
        if card_seen(grades, back) and self.run.grade(Rating(number), on=self._drawn):
            self.draw()

    @on(OptionList.OptionHighlighted, "#certainty")
    def _show_certainty_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        for level in Certainty:
            event.option_list.replace_option_prompt_at_index(level.value - 1, level_prompt(level, event.option_index))

    @on(OptionList.OptionHighlighted, "#options")
    def _show_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Mark the option the learner moved to with a pointer (not colour alone), and keep the
        options in view while moving through them in a small window."""
        q = self._drawn
        if q is not None and q.options and event.option_list.option_count == len(q.options):
            used = self._used_meanings(q)
            for i in range(len(q.options)):
                prompt = option_prompt(q, i, event.option_index, used.get(i))
                event.option_list.replace_option_prompt_at_index(i, prompt)
        bring_into_view(event.option_list, event.option_index)

    @on(OptionList.OptionSelected, "#options")
    def option_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.time < self._settles_at or self._typed.flush():  # a double click; or "u" just before it
            return
        self._pick(event.option_index)

    @on(Input.Submitted, "#typed")
    def typed_answer(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():
            passing(self, "Type your answer, or press F3 to see it.", timeout=NOTICE_S)
            return
        if typed_seen(event.input, self.query_one("#prompt")) and self.run.answer_text(event.value, on=self._drawn):
            self.draw()

    def action_reveal(self) -> None:
        if self.run.reveal(on=self._drawn):
            self.draw()

    def action_give_up(self) -> None:
        if self.run.give_up(on=self._drawn):
            self.draw()

    def action_go_on(self) -> None:
        if self.run.go_on():
            self.draw()

    _retype = ""  # the typed answer put back in the box on going back from "How sure are you?"

    def action_undo(self, after_typing: bool = False) -> None:  # after_typing: ctrl+z (keys.typed_feedback)
        self._take_back() if after_typing else self._after_a_word(self._take_back)

    def _take_back(self) -> None:
        if self.run.pairing and self.run.undo():  # a pair of the matching question on screen
            passing(self, "Pair taken back.", timeout=NOTICE_S)
            self.draw()
            return
        choosing = self.run.phase is Phase.CERTAINTY
        if choosing and self.run.pending is not None and by_typing(self.run.pending.question):
            self._retype = self.run.pending.response
        answers = self.run.session.answers
        undone = answers[-1].question if answers else None
        if self.run.undo():
            passing(self, "Choose again." if choosing else taken_back(self.run, undone), timeout=NOTICE_S)
            self._drawn = None
            self.draw()

    def action_page(self, direction: int) -> None:
        qa = self.query_one("#qa", VerticalScroll)
        if direction > 0:
            qa.scroll_page_down(animate=False)
        else:
            qa.scroll_page_up(animate=False)

    def action_words(self) -> None:  # F2
        self._glossary()

    async def action_help(self) -> None:
        await self.app.run_action("help")

    def action_glossary(self) -> None:  # "g"
        self._after_a_word(self._glossary)

    def _glossary(self) -> None:
        from quiz.tui.screens.dialogs import GlossaryDialog

        self.app.push_screen(GlossaryDialog(self.run.words()))

    def action_back(self) -> None:
        """Escape while asked how sure: back to choosing (nothing was recorded yet)."""
        self._take_back()

    def action_leave(self) -> None:
        """Escape: end the session; what was answered is kept."""
        if self.run.leave():
            self.draw()

    # -- the deck file changed -------------------------------------------------------------------

    def on_deck_reloaded(self, message: DeckReloaded) -> None:
        found = message.found
        if found.path != self.path or found.deck is None or self.run.phase is Phase.FINISHED:
            return
        if not self.run.take_deck(found.deck):
            self.notify("The deck changed on disk and was reloaded.", title="Deck reloaded", timeout=4)
            self.draw()
            return
        self.notify("The deck changed on disk, and so did this question: nothing was recorded for it. "
                    "Read it again and answer.", title="Question changed", severity="warning", timeout=8)  # fmt: skip
        self.draw()
        self.settle(CHANGED_SETTLE_S)  # 1-3 meant how sure, and may now choose an option (a tester's report)
