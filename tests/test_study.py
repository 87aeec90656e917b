"""The study flow's core (quiz.study.StudyRun) over a real score history: every act in every phase,
session planning, and a stateful test that drives it with random acts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from quiz.certainty import AskCertainty, Certainty
from quiz.deck.load import load_deck, parse_deck
from quiz.generate import Kind
from quiz.mode import Mode
from quiz.schedule import NEW_PER_SESSION, Rating, Scheduler
from quiz.session import plan_questions
from quiz.store import HistoryFull, Store
from quiz.study import Phase, StudyRun

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)

DECK = """format = 1

[deck]
id = "kidney"
title = "Kidneys"
version = "1.0.0"

[glossary]
"dialysis" = "A treatment for kidneys that have stopped working."
"kidney" = "An organ that makes urine."
"potassium" = "A mineral in food."

[[facts]]
id = "water"
question = "How many glasses of water a day does the leaflet suggest for kidney health?"
answer = "8"
distractors = ["2", "4", "12"]
explanation = "Eight glasses, unless your team says otherwise."

[[facts]]
id = "dialysis"
question = "What does dialysis do?"
answer = "Cleans the blood"
distractors = ["Makes new kidneys", "Stops all pain", "Adds more salt"]
explanation = "It does the kidney's cleaning work."

[[facts]]
id = "salt"
question = "Which food is high in salt?"
answer = "Canned soup"
distractors = ["Fresh apples", "Plain rice", "Fresh carrots"]

[[facts]]
id = "banana"
question = "Which fruit is high in a mineral to watch?"
answer = "Potassium"
distractors = ["Iron"]
explanation = "Bananas have a lot of potassium."

[[facts]]
id = "checkup"
question = "How often are kidney blood tests done in stage 3?"
answer = "Every 6 months"
distractors = ["Every week", "Every 5 years", "Never"]
"""


class Clock:
    """A clock that moves a minute each time it is read, so every answer has its own moment."""

    def __init__(self, start: datetime = T0) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


@pytest.fixture
def deck():
    return parse_deck(DECK)


@pytest.fixture
def store(tmp_path: Path):
    s = Store.open(tmp_path / "data", scheduler=Scheduler(fuzz=False), backup=False)
    yield s
    s.close()


def make_run(deck, store, mode: Mode = Mode.MULTIPLE_CHOICE, *, count: int | None = None, seed: int = 0, clock=None):
    clock = clock or Clock()
    questions = plan_questions(deck, mode, store, clock.now, seed=seed, count=count)
    return StudyRun(deck, mode, questions, store=store, clock=clock, seed=seed)


# -- each act, allowed and refused ----------------------------------------------------------------


def test_a_multiple_choice_answer_is_recorded_once_and_feedback_waits(deck, store) -> None:
    run = make_run(deck, store)
    q = run.question
    assert run.phase is Phase.ASKING and q.kind is Kind.MULTIPLE_CHOICE
    assert run.answer_option(q.correct_index, on=q)
    assert run.phase is Phase.ANSWERED and run.last.correct and run.question is q
    assert not run.answer_option(q.correct_index)  # a second press on the feedback does nothing
    assert [(a.fact_id, a.correct, a.rating) for a in store.answers()] == [(q.fact_id, True, Rating.GOOD)]
    assert run.go_on() and run.phase is Phase.ASKING and run.question is not q


def test_the_history_times_a_session_as_its_summary_does(deck, store) -> None:
    """The summary said "Time: 1 min 11 s" and the history "<1 min" of one session (a tester's
    report): the history's row began at the first answer, the summary at the first question. Both
    run from the sitting's start now, and the row is still written only at the first answer."""
    clock = Clock()
    run = make_run(deck, store, count=2, clock=clock)
    began = clock.now
    clock.now += timedelta(minutes=5)  # five minutes on the first question
    assert store.last_sessions(1) == [] or store.last_sessions(1)[0].answered == 0
    for _ in range(2):
        q = run.question
        run.answer_option(q.correct_index, on=q)
        run.go_on()
    assert run.phase is Phase.FINISHED
    [session] = store.last_sessions(1)
    assert session.started_at == began
    assert session.finished_at is not None
    assert (session.finished_at - session.started_at).total_seconds() == pytest.approx(run.elapsed(), abs=120)
    assert run.elapsed() >= 5 * 60


def test_an_act_on_a_question_no_longer_on_screen_is_refused(deck, store) -> None:
    run = make_run(deck, store)
    first = run.question
    run.answer_option(0, on=first)
    run.go_on()
    assert not run.answer_option(0, on=first)
    assert not run.answer_option(99)
    assert len(list(store.answers())) == 1


def test_an_empty_typed_answer_is_not_graded(deck, store) -> None:
    run = make_run(deck, store, Mode.TYPED)
    q = run.question
    assert q.kind is Kind.TYPED
    for empty in ("", "   ", "\t"):
        assert not run.answer_text(empty)
    assert run.phase is Phase.ASKING and list(store.answers()) == []
    assert run.answer_text(q.answer.upper())
    assert run.last.correct and run.last.response == q.answer.upper()


def test_giving_up_on_a_typed_answer_counts_as_again(deck, store) -> None:
    run = make_run(deck, store, Mode.TYPED)
    q = run.question
    assert run.give_up(on=q)
    [answer] = store.answers()
    assert (answer.correct, answer.rating, answer.response) == (False, Rating.AGAIN, "")


def test_a_flashcard_is_graded_only_after_it_is_turned(deck, store) -> None:
    run = make_run(deck, store, Mode.FLASHCARD)
    q = run.question
    assert not run.grade(Rating.GOOD)
    assert run.reveal(on=q) and run.phase is Phase.REVEALED
    assert not run.reveal()
    assert run.grade(Rating.HARD, on=q)
    assert run.phase is Phase.ANSWERED  # feedback waits for go_on, like every kind
    [answer] = store.answers()
    assert answer.rating == Rating.HARD and answer.correct  # Hard counts as remembered


def test_words_to_know_never_give_the_answer_away(deck, store) -> None:
    run = make_run(deck, store, Mode.FLASHCARD)
    while run.question.fact_id != "banana":
        run.reveal()
        run.grade(Rating.GOOD)
        run.go_on()
    assert run.words()[0] == []  # "potassium" is only in the answer
    run.reveal()
    assert [t for t, _ in run.words()[0]] == ["potassium"]


def test_words_to_know_after_an_answer_are_of_the_question_just_answered(deck, store) -> None:
    run = make_run(deck, store, Mode.MULTIPLE_CHOICE, count=5)
    while run.question.fact_id != "dialysis":
        run.answer_option(0)
        run.go_on()
    assert [t for t, _ in run.words()[0]] == ["dialysis"]
    run.answer_option(0)
    assert [t for t, _ in run.words()[0]] == ["dialysis", "kidney"]  # the explanation's too


def test_undo_takes_the_answer_back_in_the_store_and_asks_it_again_last(deck, store) -> None:
    run = make_run(deck, store, count=3)
    q = run.question
    run.answer_option((q.correct_index + 1) % 4)
    assert run.undo()
    assert run.phase is Phase.ASKING and run.question is not q and run.score == (0, 0)
    assert list(store.answers()) == [] and store.fact_state("kidney", q.fact_id) is None
    assert run.session.questions[-1] is q and len(run.session.questions) == 3  # after its answer was seen


def test_undo_on_the_last_question_asks_it_again_at_once(deck, store) -> None:
    run = make_run(deck, store, count=1)
    q = run.question
    run.answer_option(q.correct_index)
    assert run.undo() and run.question is q


def test_leave_ends_early_and_keeps_the_answers(deck, store) -> None:
    run = make_run(deck, store)
    run.answer_option(0)
    assert run.leave() and run.phase is Phase.FINISHED and run.ended_early
    assert not run.leave() and not run.undo() and not run.go_on()
    [session] = store.last_sessions(1)
    assert session.ended_early and session.answered == 1


def test_retry_asks_only_the_missed_facts_in_a_new_session(deck, store) -> None:
    run = make_run(deck, store, count=3)
    missed = run.question.fact_id
    run.answer_option((run.question.correct_index + 1) % 4)
    run.go_on()
    while run.phase is not Phase.FINISHED:
        run.answer_option(run.question.correct_index)
        run.go_on()
    assert not run.ended_early and not run.practice
    assert run.retry_missed()
    assert [q.fact_id for q in run.session.questions] == [missed]
    assert run.practice


def test_a_retry_of_the_missed_ones_is_practice_and_keeps_nothing(deck, store) -> None:
    """Each fact a retry asks had its answer on screen moments before, in the feedback: an answer
    to it now says little of what will be remembered (the rule of quiz.apart). So the history
    keeps no session, answer or schedule change of a retry, and undo and leaving change nothing."""
    run = make_run(deck, store, count=3)
    while run.phase is not Phase.FINISHED:
        run.answer_option((run.question.correct_index + 1) % 4)  # every one missed
        run.go_on()
    def history() -> tuple:  # the sessions, the answers and when each fact falls due
        return store.last_sessions(5), list(store.answers()), store.due_forecast(deck.id, 400, Clock().now)

    kept = history()
    assert run.retry_missed() and run.practice and run.total == 3
    run.answer_option(run.question.correct_index)
    assert run.score == (1, 1) and run.unsaved == 0
    assert run.undo() and run.score == (0, 0)
    run.answer_option((run.question.correct_index + 1) % 4)
    run.go_on()
    run.answer_option(run.question.correct_index)
    run.go_on()
    run.leave()
    assert run.phase is Phase.FINISHED and run.score == (1, 2)
    assert run.retry_missed() and run.practice  # the one missed again: practice again
    run.answer_option(run.question.correct_index)
    run.go_on()
    assert history() == kept


def test_a_retry_of_a_matching_session_asks_only_the_matching_questions_missed(store) -> None:
    """A new user missed one of three matching questions, and Retry missed asked four: the plan
    of a "Match" session made its three again, the missed one after them."""
    from quiz.kinds import right_meaning

    built_in = load_deck(Path(__file__).parent.parent / "decks" / "rectal-cancer-stage-iv.toml")
    run = make_run(built_in, store, Mode.MATCH)
    assert run.total == 3
    first = run.question
    while run.phase is not Phase.FINISHED:
        q = run.question
        right = [right_meaning(q, t) for t in range(len(q.pairs))]
        for t in range(len(q.pairs)):  # the first question with two meanings swapped, the others right
            run.pair(right[t ^ 1] if q is first and t < 2 else right[t])
        run.go_on()
    assert [a.question for a in run.missed] == [first]
    assert run.retry_missed()
    assert run.session.questions == [first]


def test_a_session_left_before_any_answer_leaves_nothing(deck, store) -> None:
    run = make_run(deck, store)
    assert run.leave()
    assert store.last_sessions(5) == [] and run.session.store_id is None


def test_the_response_time_is_stored(deck, store) -> None:
    ticks = iter([100.0, 102.5])
    clock = Clock()
    questions = plan_questions(deck, Mode.MULTIPLE_CHOICE, store, clock.now)
    run = StudyRun(deck, Mode.MULTIPLE_CHOICE, questions, store=store, clock=clock, monotonic=lambda: next(ticks))
    run.answer_option(0)
    assert [a.response_ms for a in store.answers()] == [2500]


def test_a_history_that_cannot_be_written_is_a_notice_not_an_error(deck, store) -> None:
    run = make_run(deck, store)
    run.answer_option(0)
    run.go_on()
    pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
    store._conn.execute(f"PRAGMA max_page_count = {pages}")
    # Fill the file's last free space with the smallest answers, as a full disk leaves it.
    with pytest.raises(HistoryFull):
        for n in range(100_000):
            store.record_answer(run.session.store_id, "kidney", f"{n}", kind="t", response="", correct=True)
    assert run.answer_option(0)
    assert run.unsaved == 1 and "disk is full" in run.take_notice()
    assert run.score == (int(run.session.answers[0].correct) + int(run.session.answers[1].correct), 2)
    assert run.take_notice() is None


# -- how sure the learner is (certainty-based marking) ---------------------------------------------


def test_an_answer_waits_for_its_certainty_then_is_recorded_with_it(deck, store) -> None:
    run = make_run(deck, store)
    run.ask_certainty = AskCertainty.ALL
    q = run.question
    assert run.answer_option(q.correct_index, on=q)
    assert run.phase is Phase.CERTAINTY and list(store.answers()) == []
    assert run.words()[0] == [] or all(t in q.prompt.lower() for t, _ in run.words()[0])
    assert not run.go_on() and not run.answer_option(0)
    assert run.set_certainty(Certainty.LOW, on=q)
    [answer] = store.answers()
    assert (answer.correct, answer.certainty, answer.rating) == (True, 1, Rating.HARD)  # right but guessing
    assert run.session.cbm_score == 1


def test_sure_and_wrong_costs_most_and_is_listed(deck, store) -> None:
    run = make_run(deck, store)
    run.ask_certainty = AskCertainty.ALL
    q = run.question
    run.answer_option((q.correct_index + 1) % 4)
    run.set_certainty(Certainty.HIGH)
    assert run.session.cbm_score == -6 and [a.question for a in run.session.sure_but_wrong] == [q]
    assert [(a.certainty, a.rating) for a in store.answers()] == [(3, Rating.AGAIN)]
    assert store.cbm_scores([run.session.store_id]) == {run.session.store_id: (-6, 1)}
    assert [(c.certainty, c.answered, c.correct) for c in store.calibration("kidney")] == [(3, 1, 0)]


def test_undo_or_leave_while_asked_how_sure_records_nothing(deck, store) -> None:
    run = make_run(deck, store)
    run.ask_certainty = AskCertainty.ALL
    q = run.question
    run.answer_option(0)
    assert run.undo() and run.phase is Phase.ASKING and run.question is q
    run.answer_option(1)
    assert run.leave() and run.phase is Phase.FINISHED
    assert list(store.answers()) == []


def test_must_know_only_asks_for_must_know_facts(deck, store) -> None:
    run = make_run(deck, store)
    assert run.ask_certainty is AskCertainty.MUST_KNOW
    run.answer_option(0)
    assert run.phase is Phase.ANSWERED  # no fact of this deck is must-know


def test_give_up_and_flashcards_are_never_asked_how_sure(deck, store) -> None:
    run = make_run(deck, store, Mode.FLASHCARD)
    run.ask_certainty = AskCertainty.ALL
    run.reveal()
    run.grade(Rating.GOOD)
    assert run.phase is Phase.ANSWERED


# -- planning ---------------------------------------------------------------------------------


def test_review_asks_what_is_due_first_then_at_most_a_few_new(deck, store) -> None:
    clock = Clock()
    sid = store.start_session("kidney", "due", now=T0)
    store.record_answer(
        sid, "kidney", "salt", kind="flashcard", response="Again", correct=False, rating=Rating.AGAIN, now=T0
    )
    later = T0 + timedelta(days=2)
    questions = plan_questions(deck, Mode.DUE, store, later, new_per_session=2)
    assert [q.fact_id for q in questions][:1] == ["salt"]
    assert len(questions) == 1 + 2
    counts = store.due_counts("kidney", [f.id for f in deck.facts], later)
    assert (counts.now, counts.new) == (1, len(deck.facts) - 1)
    assert clock  # the clock is not needed to plan


def test_multiple_choice_falls_back_to_a_flashcard_for_a_fact_with_too_few_wrong_options(deck, store) -> None:
    questions = plan_questions(deck, Mode.MULTIPLE_CHOICE, store, T0, count=10)
    kinds = {q.fact_id: q.kind for q in questions}
    assert kinds["banana"] is Kind.FLASHCARD and kinds["water"] is Kind.MULTIPLE_CHOICE


def test_the_same_seed_and_history_give_the_same_session(deck, store) -> None:
    one = plan_questions(deck, Mode.MIXED, store, T0, seed=7)
    two = plan_questions(deck, Mode.MIXED, store, T0, seed=7)
    assert one == two


def test_an_edited_deck_is_used_from_the_next_question(deck, store) -> None:
    run = make_run(deck, store, count=5)
    first = run.question
    run.answer_option(first.correct_index)
    removed = run.session.questions[1].fact_id
    edited = parse_deck(DECK.replace(f'id = "{removed}"', 'id = "renamed"'))
    run.take_deck(edited)
    assert run.question is first and run.phase is Phase.ANSWERED  # the feedback stays
    run.go_on()
    assert removed not in [q.fact_id for q in run.session.questions[1:]]
    assert run.deck is edited


def test_an_edit_elsewhere_keeps_the_choice_waiting_for_how_sure(deck, store) -> None:
    """A deck edited on disk while the learner was asked how sure they were dropped their choice and
    asked the question again, its options in a new order: their next "2" (Fairly sure) chose an
    option (a tester's report). An edit that leaves the question on screen as it was keeps it all."""
    run = make_run(deck, store, count=3)
    run.ask_certainty = AskCertainty.ALL
    q = run.question
    run.answer_option(q.correct_index)
    assert run.phase is Phase.CERTAINTY
    other = next(f.id for f in deck.facts if f.id != q.fact_id)
    edited = parse_deck(DECK.replace(f'id = "{other}"', 'id = "renamed"'))
    assert run.take_deck(edited) is False
    assert run.phase is Phase.CERTAINTY and run.question is q and run.pending is not None
    run.set_certainty(Certainty.MEDIUM)
    assert [(a.question.fact_id, a.correct) for a in run.session.answers] == [(q.fact_id, True)]


def test_an_edit_of_the_question_on_screen_asks_it_afresh_and_says_so(deck, store) -> None:
    run = make_run(deck, store, count=3)
    run.ask_certainty = AskCertainty.ALL
    q = run.question
    run.answer_option(q.correct_index)
    answer = deck.fact(q.fact_id).answer
    edited = parse_deck(DECK.replace(f'answer = "{answer}"', f'answer = "{answer} (edited)"', 1))
    assert run.take_deck(edited) is True
    assert run.phase is Phase.ASKING and run.pending is None and run.session.answers == []
    assert run.question.fact_id == q.fact_id and run.question != q


def test_new_facts_per_session_default() -> None:
    assert NEW_PER_SESSION == 3


# -- the stateful test ---------------------------------------------------------------------------


class StudyMachine(RuleBasedStateMachine):
    """Random acts, in any phase, over a real store; after each step the store agrees with the acts."""

    def __init__(self) -> None:
        super().__init__()
        import tempfile

        self.folder = tempfile.TemporaryDirectory()
        self.deck = parse_deck(DECK)
        self.store = Store.open(Path(self.folder.name), scheduler=Scheduler(fuzz=False), backup=False)
        self.expected: list[tuple[str, bool]] = []
        self.seen: list = []

    @initialize(mode=st.sampled_from(list(Mode)), seed=st.integers(0, 5), ask=st.sampled_from(list(AskCertainty)))
    def start(self, mode: Mode, seed: int, ask: AskCertainty) -> None:
        clock = Clock()
        questions = plan_questions(self.deck, mode, self.store, clock.now, seed=seed, count=4)
        self.run = StudyRun(self.deck, mode, questions, store=self.store, clock=clock, seed=seed, ask_certainty=ask)
        self._count = 0
        self._note()

    def _note(self) -> None:
        if self.run.question is not None and self.run.question not in self.seen:
            self.seen.append(self.run.question)

    def _target(self, stale: bool):
        return self.seen[0] if stale and self.seen else self.run.question

    def _acted(self, acted: bool) -> None:
        """Note an answer the act recorded (an answer waiting for its certainty is not one yet; a
        retry of the missed ones records none)."""
        answers = self.run.session.answers
        if acted and len(answers) > self._count and not self.run.practice:
            self.expected.append((answers[-1].question.fact_id, answers[-1].correct))
        self._count = len(answers)
        self._note()

    @rule(index=st.integers(-1, 4), stale=st.booleans())
    def answer_option(self, index: int, stale: bool) -> None:
        on = self._target(stale)
        allowed = self.run.phase is Phase.ASKING and on is self.run.question
        acted = self.run.answer_option(index, on=on)
        assert not acted or allowed
        self._acted(acted)

    @rule(text=st.sampled_from(["", " ", "8", "cleans the blood", "wrong", "Every 6 months"]), stale=st.booleans())
    def answer_text(self, text: str, stale: bool) -> None:
        acted = self.run.answer_text(text, on=self._target(stale))
        assert not acted or text.strip()
        self._acted(acted)

    @rule()
    def give_up(self) -> None:
        self._acted(self.run.give_up())

    @rule()
    def reveal(self) -> None:
        before = self.run.phase
        assert not self.run.reveal() or before is Phase.ASKING
        self._note()

    @rule(rating=st.sampled_from(list(Rating)))
    def grade(self, rating: Rating) -> None:
        before = self.run.phase
        acted = self.run.grade(rating)
        assert not acted or before is Phase.REVEALED
        self._acted(acted)

    @rule(level=st.sampled_from(list(Certainty)), stale=st.booleans())
    def set_certainty(self, level: Certainty, stale: bool) -> None:
        before = self.run.phase
        acted = self.run.set_certainty(level, on=self._target(stale))
        assert not acted or before is Phase.CERTAINTY
        self._acted(acted)

    @rule()
    def go_on(self) -> None:
        self.run.go_on()
        self._note()

    @rule()
    def stray_enter(self) -> None:
        """What the screen does with Enter: go on after feedback, turn a flashcard, else nothing."""
        if not self.run.go_on():
            self.run.reveal()
        self._note()

    @rule()
    def undo(self) -> None:
        waiting = self.run.phase is Phase.CERTAINTY
        if self.run.undo() and not waiting and not self.run.practice:
            self.expected.pop()
        self._count = len(self.run.session.answers)
        self._note()

    @rule()
    def leave(self) -> None:
        self.run.leave()

    @rule()
    def retry(self) -> None:
        self.run.retry_missed()
        self._count = len(self.run.session.answers)
        self._note()

    @precondition(lambda self: self.run.phase is not Phase.FINISHED)
    @rule(drop=st.sampled_from(["water", "salt", "checkup"]))
    def edit_deck(self, drop: str) -> None:
        edited = parse_deck(DECK.replace(f'id = "{drop}"', f'id = "{drop}-2"'))
        self.deck = edited
        self.run.take_deck(edited)
        self._note()

    @invariant()
    def store_holds_exactly_the_acts(self) -> None:
        if not hasattr(self, "run"):
            return
        stored = [(a.fact_id, a.correct) for a in self.store.answers()]
        assert stored == self.expected

    @invariant()
    def score_shown_is_the_stores(self) -> None:
        if not hasattr(self, "run") or self.run.session.store_id is None:
            return
        row = self.store.session(self.run.session.store_id)
        assert (row.correct, row.answered) == self.run.score

    @invariant()
    def scheduling_state_is_the_replay_of_the_answers(self) -> None:
        if not hasattr(self, "run"):
            return
        scheduler = Scheduler(fuzz=False)
        replayed: dict[str, object] = {}
        for a in self.store.answers():
            replayed[a.fact_id] = scheduler.review(replayed.get(a.fact_id), Rating(a.rating), a.answered_at)
        states = self.store.fact_states("kidney")
        assert set(states) == set(replayed)
        for fact_id, state in states.items():
            assert state.card == replayed[fact_id]

    def teardown(self) -> None:
        self.store.close()
        self.folder.cleanup()


StudyMachine.TestCase.settings = settings(
    max_examples=60, stateful_step_count=25, suppress_health_check=[HealthCheck.too_slow], deadline=None
)
test_study_machine = pytest.mark.slow(StudyMachine.TestCase)


def test_review_asks_every_fact_home_counts_as_due_nice_to_know_included(tmp_path) -> None:
    """One meaning of "due": a nice-to-know fact studied with details on is due in Review too."""
    from quiz.curriculum import topic_facts
    from quiz.deck.load import load_deck

    deck = load_deck(Path(__file__).parent.parent / "decks" / "rectal-cancer-stage-iv.toml")
    detail = next(f for f in deck.facts if f.priority == "nice-to-know")
    with Store.open(tmp_path, backup=False) as store:
        sid = store.start_session(deck.id, "due", now=T0)
        store.record_answer(
            sid, deck.id, detail.id, kind="flashcard", response="Again", correct=False, rating=Rating.AGAIN, now=T0
        )
        later = T0 + timedelta(days=2)
        due = store.due_counts(deck.id, [f.id for f in deck.facts], later).now
        asked = [q.fact_id for q in plan_questions(deck, Mode.DUE, store, later, new_per_session=0)]
        assert due == 1 and asked == [detail.id]
        # Within a topic, only that topic's due facts; another topic's are not asked.
        other = next(t.id for t in deck.topics if t.id != detail.topic)
        assert detail.id not in {f.id for f in topic_facts(deck, other)}
        assert plan_questions(deck, Mode.DUE, store, later, new_per_session=0, topic=other) == []
        assert [q.fact_id for q in plan_questions(deck, Mode.DUE, store, later, topic=detail.topic)][0] == detail.id
