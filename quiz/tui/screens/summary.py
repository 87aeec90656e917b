"""Summary: the score, the time taken and what was missed, with the right answers."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from quiz.certainty import Certainty
from quiz.curriculum import by_topic
from quiz.deck.model import MUST_KNOW, Deck
from quiz.errors import QuizError
from quiz.files import write_new_private
from quiz.generate import Kind
from quiz.plural import plural
from quiz.session import Answered
from quiz.study import StudyRun
from quiz.tui.bars import KeysBar
from quiz.tui.lines import MoreLine
from quiz.tui.screens.feedback import pair_lines
from quiz.tui.settle import Settled
from quiz.tui.text import PRACTICE, percent, plain, source_line
from quiz.untrusted import visible, visible_title


def _duration(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    if minutes:
        return f"{minutes} min {secs} s"
    return f"{secs} s"


class SummaryScreen(Settled, Screen[str]):
    """Shown when a session ends: returns "retry" (study the missed ones again) or "done"."""

    DEFAULT_CSS = """
    #summary-head { padding: 1 1 0 1; }
    #missed { padding: 0 1; }
    .missed-item { margin: 1 0 0 0; }
    .missed-body { padding: 0 0 0 3; }
    """
    BINDINGS = [
        Binding("r", "dismiss('retry')", "Retry missed"),
        Binding("s", "save", "Save missed list"),
        Binding("enter", "dismiss('done')", "Done"),
        Binding("escape", "dismiss('done')", "Done", show=False),
    ]

    def __init__(self, run: StudyRun) -> None:
        super().__init__()
        self.session = run.session
        self.elapsed = run.elapsed()
        self.early = run.ended_early
        self.practice = run.practice
        self.unsaved = run.unsaved
        self.sure_but_wrong = run.session.sure_but_wrong
        self.saved_to: Path | None = None
        self.must_know = {f.id for f in run.deck.facts if f.priority == MUST_KNOW}
        self.cbm = run.session.cbm_score
        self.clock = run.clock

    @property
    def deck(self) -> Deck:
        return self.session.deck

    def compose(self) -> ComposeResult:
        s = self.session
        finished = f"{'Practice' if self.practice else 'Session'} finished{' early' if self.early else ''}"
        head = [
            Content.styled(finished, "bold"),
            plain(f"{visible_title(self.deck.title)}  |  {s.mode.label}"),
            Content(f"Score: {percent(s.correct, s.answered)}   Time: {_duration(self.elapsed)}"),
        ]
        if any(a.question.kind is Kind.MATCH for a in s.answers):  # "10 of 13" after 10 questions
            head.append(Content("Each pair of a matching question counts as one answer."))
        if self.cbm is not None:
            why = "sure and right gains most, sure and wrong costs most"
            head.append(Content(f"Certainty score: {self.cbm:+d} ({why})"))
        if self.practice:
            head.append(Content(PRACTICE))
        if self.unsaved:
            head.append(
                Content.styled(
                    f"! {plural(self.unsaved, 'answer')} could not be saved to your history.",
                    "bold",
                )
            )
        yield Static(Content("\n").join(head), id="summary-head")
        with VerticalScroll(id="missed"):
            missed = s.missed
            sure = [a for a in missed if a in self.sure_but_wrong]
            others = [a for a in missed if a not in self.sure_but_wrong]
            if not missed:
                every = "You got every question right." if s.done else "Every question you answered was right."
                yield Static(f"{every} Well done!")
            if sure:
                yield Static(Content.styled(f"You were sure, but... ({len(sure)})", "bold"))
                yield Static(
                    "You said you were sure of these answers, and they were not right. "
                    "They are worth asking your care team about."
                )
                yield from self._items(sure, 1)
            if others:
                title = "Also missed" if sure else "Missed"
                heading = Content.styled(f"{title} ({len(others)}): the right answers", "bold")
                yield Static(heading, classes="missed-item")
                yield from self._by_topic(others, len(sure) + 1)
        yield MoreLine("missed")
        yield KeysBar()

    def _by_topic(self, answers: list[Answered], first: int) -> ComposeResult:
        """The answers grouped by topic (in deck order), must-know misses first in each."""
        by_fact = {a.question.fact_id: a for a in answers}
        known = {f.id: f for f in self.deck.facts}
        facts = [known[i] for i in by_fact if i in known] if self.deck.topics else []
        if not facts:
            yield from self._items(answers, first)
            return
        n = first
        for topic, group in by_topic(self.deck, facts, priority_first=True):
            if topic is not None:
                yield Static(plain(visible_title(topic.title), "bold underline"), classes="missed-item")
            items = [by_fact[f.id] for f in group]
            yield from self._items(items, n)
            n += len(items)
        yield from self._items([a for a in answers if a.question.fact_id not in known], n)  # facts edited away

    def _items(self, answers: list[Answered], first: int) -> ComposeResult:
        for n, a in enumerate(answers, first):
            q = a.question
            must = q.fact_id in self.must_know
            label = Content.assemble((f"{n}. ", "bold"), plain(q.prompt), (" (must-know)" if must else "", "bold"))
            yield Static(label, classes="missed-item")
            if q.kind is Kind.MATCH:
                yield Static(Content("\n").join(pair_lines(a, every=False)), classes="missed-body")
                continue
            parts = [
                Content.assemble(("Right answer: ", "bold"), plain(q.answer)),
                _your_answer(a),
            ]
            if q.statement:  # true or false, fill in the blank: the true sentence
                parts.insert(1, Content.assemble(("The true sentence: ", "bold"), plain(q.statement)))
            if a.certainty:
                parts.append(Content.assemble(("You were: ", "bold"), Certainty(a.certainty).label))
            if q.explanation:
                parts.append(plain(q.explanation))
            parts.append(plain(source_line(q.source, q.refs), "italic"))
            yield Static(Content("\n").join(parts), classes="missed-body")

    def on_mount(self) -> None:
        self.query_one("#missed").focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("save",) or (action == "dismiss" and parameters == ("retry",)):
            return bool(self.session.missed)
        return True

    def action_save(self) -> None:
        """Write the missed questions to a Markdown file a person can bring to a clinic visit."""
        from quiz.interop.markdown import missed_list
        from quiz.schedule import local_time

        now: datetime = local_time(self.clock())  # the person's local time
        facts = {f.id: f for f in self.deck.facts}  # a fact removed by an edit since is left out
        items = [(facts[a.question.fact_id], _given(a)) for a in self.session.missed if a.question.fact_id in facts]
        if self.saved_to is not None:  # a second press: the list is already there
            self.notify(f"Already saved to {visible(str(self.saved_to))}", markup=False, timeout=10)
            return
        sure = {a.question.fact_id for a in self.sure_but_wrong}
        title = f"Questions to ask about: {self.deck.title}"
        text = missed_list(self.deck, items, title=title, when=now, sure=sure)
        wanted = save_folder() / f"quiz-missed-{self.deck.id}-{now.strftime('%Y%m%d-%H%M')}.md"
        try:  # a new private file; an existing one (saved earlier, or anybody's) is never touched
            path = write_new_private(wanted, lambda out: _write_all(out, text.encode("utf-8")))
        except (OSError, QuizError) as err:
            reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
            self.notify(f"Could not save the list: {reason}", severity="error", markup=False)
            return
        self.saved_to = path
        self.notify(f"Saved to {visible(str(path))}", title="Missed questions saved", markup=False, timeout=10)


def _given(a: Answered) -> str:
    """What the learner gave, in words: the option or text, how they graded a flashcard ("Again
    (not yet remembered)": the grade's name alone read as an answer in the missed list), or that
    they asked to see the answer. Shown here and written to the missed list."""
    if a.question.kind is Kind.FLASHCARD:
        return f"{a.response} (not yet remembered)"
    return a.response or "(you asked to see the answer)"


def _your_answer(a: Answered) -> Content:
    """What the learner gave (_given), as the summary shows it."""
    said = "You said: " if a.question.kind is Kind.FLASHCARD else "You answered: "
    return Content.assemble((said, "bold"), plain(_given(a)))


def _write_all(out: BinaryIO, data: bytes) -> None:
    out.write(data)


def save_folder() -> Path:
    """Where a missed list is saved: the person's Documents folder (platformdirs), else their
    home folder; never wherever quiz happened to be started from."""
    import platformdirs

    documents = Path(platformdirs.user_documents_dir())
    return documents if documents.is_dir() else Path.home()
