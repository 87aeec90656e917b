"""The new kinds as a person drives them (Pilot), with keys and with the mouse: fill in the blank,
true or false, matching words to meanings; Enter out of habit records nothing; every size of
window is survived; snapshots at 80x24."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from quiz.glossary import term_id
from quiz.kinds import right_meaning
from quiz.mode import Mode
from quiz.store import Store
from quiz.study import Phase
from quiz.tui.app import StudyRequest
from quiz.tui.screens.study import StudyScreen
from tests.tui_helpers import FROZEN, choose_deck, make_app, write_deck

SIZE = (80, 24)

DECK = """format = 1

[deck]
id = "kidney-care"
title = "Caring for your kidneys"
version = "1.0.0"

[[sources]]
id = "demo"
title = "A demonstration source"

[glossary]
"dialysis" = "A treatment that cleans the blood when the kidneys cannot."
"kidney" = "One of two organs that clean the blood and make urine."
"sodium" = "Part of salt. Too much raises blood pressure."
"urine" = "Waste water the kidneys make."
"potassium" = "A mineral in bananas and potatoes."

[[facts]]
id = "water-glasses"
question = "How many glasses of water does the leaflet suggest each day?"
answer = "8"
statement = "The leaflet suggests {{8}} glasses of water each day."
distractors = ["2", "4", "12"]
explanation = "The leaflet suggests 8 glasses a day unless your team says otherwise."
source = "demo"

[[facts]]
id = "soup-salt"
question = "Which food is high in salt?"
answer = "Canned soup with added salt"
statement = "One food high in salt is {{canned soup with added salt}}."
distractors = ["Fresh apples from the shop", "Plain boiled rice", "Fresh carrots and peas"]
explanation = "Canned soup often has a lot of salt."
source = "demo"
"""


@pytest.fixture
def deck(tmp_path: Path) -> Path:
    return write_deck(tmp_path / "decks", DECK)


def accepted(data: Path) -> Path:
    """A history where the deck's disclaimer was already accepted."""
    with Store.open(data, backup=False) as store:
        store.finish_session(store.start_session("kidney-care", "mixed", "1.0.0", now=FROZEN), now=FROZEN)
    return data


def answers(data: Path) -> list:  # type: ignore[type-arg]
    with Store.open(data, backup=False) as store:
        return list(store.answers())


def _screen(app) -> StudyScreen:  # type: ignore[no-untyped-def]
    screen = app.screen
    assert isinstance(screen, StudyScreen)
    return screen


async def test_fill_in_the_blank_picked_and_typed_right_and_wrong(deck: Path, tmp_path: Path) -> None:
    data = accepted(tmp_path / "data")
    app = make_app([deck], data, study=StudyRequest(deck, Mode.FILL_BLANK))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = _screen(app)
        for _ in screen.run.session.questions:
            q = screen.run.question
            assert q is not None and "_____" in q.prompt
            await pilot.press("enter")  # out of habit: nothing is highlighted, nothing is typed
            await pilot.pause()
            assert screen.run.phase is Phase.ASKING
            if q.options:  # picked: the wrong option with its key
                wrong = next(i for i in range(len(q.options)) if i != q.correct_index)
                await pilot.press(str(wrong + 1))
            else:  # typed: a wrong number is never right
                assert screen.query_one("#typed", Input).has_focus
                await pilot.press("1", "3", "enter")
            await pilot.pause()
            assert screen.run.phase is Phase.ANSWERED and not screen.run.last.correct  # type: ignore[union-attr]
            feedback = str(screen.query_one("#feedback").render())
            assert "The true sentence:" in feedback and q.statement[:20] in feedback
            await pilot.press("enter")
            await pilot.pause()
    assert [a.correct for a in answers(data)] == [False, False]


async def test_fill_in_the_blank_right_by_mouse_and_by_typing(deck: Path, tmp_path: Path) -> None:
    data = accepted(tmp_path / "data")
    app = make_app([deck], data, study=StudyRequest(deck, Mode.FILL_BLANK))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = _screen(app)
        for _ in screen.run.session.questions:
            q = screen.run.question
            assert q is not None
            if q.options:
                await pilot.click("#options", offset=(6, 1 + q.correct_index))  # type: ignore[operator]
            else:
                await pilot.press(*q.answer, "enter")
            await pilot.pause()
            assert screen.run.phase is Phase.ANSWERED and screen.run.last.correct  # type: ignore[union-attr]
            await pilot.press("enter")
            await pilot.pause()
    assert [a.correct for a in answers(data)] == [True, True]


async def test_true_or_false_with_keys_and_mouse(deck: Path, tmp_path: Path) -> None:
    data = accepted(tmp_path / "data")
    app = make_app([deck], data, study=StudyRequest(deck, Mode.TRUE_FALSE))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = _screen(app)
        truths = [q.truth for q in screen.run.session.questions]
        assert sorted(truths) == [False, True]  # a session is half true
        first = screen.run.question
        assert first is not None
        await pilot.press("3", "enter")  # no third option; Enter with nothing highlighted
        await pilot.pause()
        assert screen.run.phase is Phase.ASKING
        await pilot.press("2" if first.truth else "1")  # wrong, by key
        await pilot.pause()
        assert not screen.run.last.correct  # type: ignore[union-attr]
        assert f"The true sentence: {first.statement}" in str(screen.query_one("#feedback").render())
        await pilot.press("enter")
        await pilot.pause()
        second = screen.run.question
        assert second is not None
        await pilot.click("#options", offset=(6, 1 + second.correct_index))  # type: ignore[operator]  # right, by mouse
        await pilot.pause()
        assert screen.run.last.correct  # type: ignore[union-attr]
    assert [(a.fact_id, a.correct) for a in answers(data)] == [(first.fact_id, False), (second.fact_id, True)]


async def test_matching_with_keys_and_mouse_records_each_word(deck: Path, tmp_path: Path) -> None:
    data = accepted(tmp_path / "data")
    app = make_app([deck], data, study=StudyRequest(deck, Mode.MATCH))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = _screen(app)
        q = screen.run.question
        assert q is not None and len(q.pairs) == 4
        right = [right_meaning(q, t) for t in range(4)]
        await pilot.press("enter")  # out of habit: no meaning is highlighted
        await pilot.pause()
        assert screen.run.pairing == []
        await pilot.press(str(right[0] + 1), str(right[0] + 1))  # the second press: that meaning is taken
        await pilot.pause()
        assert screen.run.pairing == [right[0]]
        await pilot.press("u")  # takes the pair back
        await pilot.pause()
        assert screen.run.pairing == []
        await pilot.press(str(right[1] + 1))  # term 1 gets term 2's meaning: wrong
        await pilot.pause()
        await pilot.click("#options", offset=(6, 1 + right[0]))  # the mouse (each meaning is one line): wrong
        await pilot.pause()
        await pilot.press(str(right[2] + 1), str(right[3] + 1))
        await pilot.pause()
        assert screen.run.phase is Phase.ANSWERED and not screen.run.last.correct  # type: ignore[union-attr]
        feedback = str(screen.query_one("#feedback").render())
        assert "✗" in feedback and "✓" in feedback and f"You chose the meaning of {q.pairs[1][0]}:" in feedback
        assert "2 of 4 pairs right" in str(screen.query_one("#verdict").render())
    recorded = [(a.fact_id, a.correct) for a in answers(data)]
    assert recorded == [(term_id(t), i >= 2) for i, (t, _) in enumerate(q.pairs)]


@pytest.mark.parametrize("mode", [Mode.MATCH, Mode.MULTIPLE_CHOICE])
async def test_the_summary_says_each_pair_counts_as_an_answer(deck: Path, tmp_path: Path, mode: Mode) -> None:
    """"Question 10 of 10", then "Score: 10 of 13" (a new user's report): a matching question's
    pairs are each an answer, and the summary says so where there were any."""
    from quiz.tui.screens.summary import SummaryScreen

    app = make_app([deck], accepted(tmp_path / "data"), study=StudyRequest(deck, mode, 1))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = _screen(app)
        q = screen.run.question
        assert q is not None
        keys = [str(right_meaning(q, t) + 1) for t in range(len(q.pairs))] if mode is Mode.MATCH else ["1"]
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        head = str(app.screen.query_one("#summary-head").render())
        assert ("Each pair of a matching question counts as one answer." in head) is (mode is Mode.MATCH)


NAMING = """format = 1
[deck]
id = "naming"
title = "Meanings that name their words"
[glossary]
"radiation therapy" = "Radiation given from a machine to kill cancer cells."
"cryosurgery" = "Killing a tumor by freezing it. Cryosurgery uses a very cold probe."
"stoma" = "An opening made on the belly. A stoma lets waste leave the body."
"sphincter" = "The ring of muscle around the anus. The sphincter keeps stool in."
[[facts]]
id = "one"
question = "How many glasses of water a day?"
answer = "8"
"""


async def test_after_a_matching_answer_every_meaning_reads_as_written(tmp_path: Path) -> None:
    """A tester read "You chose: ___ given from ...": the meaning with the blank the question showed."""
    from quiz.tui.screens.summary import SummaryScreen

    deck = write_deck(tmp_path / "decks", NAMING, "naming.toml")
    app = make_app([deck], tmp_path / "data", study=StudyRequest(deck, Mode.MATCH))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = _screen(app)
        q = screen.run.question
        assert q is not None and all("___" in meaning for meaning in q.options)  # each hides its own word
        right = [right_meaning(q, t) for t in range(4)]
        await pilot.press(*(str(right[(t + 1) % 4] + 1) for t in range(4)))  # each word the next one's meaning
        await pilot.pause()
        feedback = str(screen.query_one("#feedback").render())
        for t, (term, meaning) in enumerate(q.pairs):
            other, written = q.pairs[(t + 1) % 4]
            assert f"{term}: {meaning}" in feedback and f"You chose the meaning of {other}: {written}" in feedback
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        summary = " ".join(str(w.render()) for w in app.screen.query("Static"))
    assert "___" not in feedback and "___" not in summary


@pytest.mark.parametrize("mode", [Mode.FILL_BLANK, Mode.TRUE_FALSE, Mode.MATCH])
async def test_every_size_of_window_is_survived(deck: Path, tmp_path: Path, mode: Mode) -> None:
    data = accepted(tmp_path / "data")
    app = make_app([deck], data, study=StudyRequest(deck, mode))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = _screen(app)
        for size in [(20, 6), (40, 12), (200, 60), (80, 24)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        await pilot.resize_terminal(30, 8)
        await pilot.pause()
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        assert screen.run.phase in (Phase.ASKING, Phase.ANSWERED)


# --- snapshots at 80x24 ------------------------------------------------------------------------


def test_snapshot_fill_in_the_blank(snap_compare, deck: Path, tmp_path: Path) -> None:
    data = accepted(tmp_path / "data")
    app = make_app([deck], data, study=StudyRequest(deck, Mode.FILL_BLANK))
    assert snap_compare(app, terminal_size=SIZE)


def test_snapshot_true_or_false_feedback(snap_compare, deck: Path, tmp_path: Path) -> None:
    data = accepted(tmp_path / "data")
    app = make_app([deck], data, study=StudyRequest(deck, Mode.TRUE_FALSE))
    assert snap_compare(app, terminal_size=SIZE, press=["2"])


def test_snapshot_matching_half_paired(snap_compare, deck: Path, tmp_path: Path) -> None:
    data = accepted(tmp_path / "data")
    app = make_app([deck], data, study=StudyRequest(deck, Mode.MATCH))
    assert snap_compare(app, terminal_size=SIZE, press=["1", "2"])


def test_snapshot_matching_feedback(snap_compare, deck: Path, tmp_path: Path) -> None:
    data = accepted(tmp_path / "data")
    app = make_app([deck], data, study=StudyRequest(deck, Mode.MATCH))
    assert snap_compare(app, terminal_size=SIZE, press=["1", "2", "3", "4"])


async def test_the_summary_lists_the_pairs_missed_and_the_true_sentence(deck: Path, tmp_path: Path) -> None:
    from quiz.tui.screens.summary import SummaryScreen

    data = accepted(tmp_path / "data")
    app = make_app([deck], data, study=StudyRequest(deck, Mode.MATCH))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        q = _screen(app).run.question
        assert q is not None
        right = [right_meaning(q, t) for t in range(4)]
        await pilot.press(*(str(i + 1) for i in (right[1], right[0], right[2], right[3])), "escape")
        await pilot.pause()
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        text = " ".join(str(w.render()) for w in summary.query("Static"))
        assert "Score: 2 of 4" in text
        assert f"✗ {q.pairs[0][0]}: {q.pairs[0][1]}" in text and f"You chose the meaning of {q.pairs[1][0]}:" in text


async def test_history_shows_the_glossary_words_learned(deck: Path, tmp_path: Path) -> None:
    """Issue 20: words matched to their meanings show in History, for all decks and for the deck."""
    data = tmp_path / "data"
    with Store.open(data, backup=False) as store:
        sid = store.start_session("kidney-care", "match", "1.0.0", now=FROZEN)
        term = term_id("dialysis")
        store.record_answer(sid, "kidney-care", term, kind="match", response="x", correct=True, now=FROZEN)
        store.finish_session(sid, now=FROZEN)
    app = make_app([deck], data, history=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = str(app.screen.query_one("#topic-progress").render())
        assert "Caring for your kidneys: Words to know: 1 of" in shown and "practised" in shown
        await choose_deck(pilot, 1)
        shown = str(app.screen.query_one("#topic-progress").render())
        assert "Words practised: dialysis" in shown


async def test_the_keys_line_names_as_many_answer_keys_as_there_are_options(deck: Path, tmp_path: Path) -> None:
    """A reviewer's true-or-false question said "1-4 Answer" for two choices."""
    from quiz.tui.bars import KeysBar

    app = make_app([deck], accepted(tmp_path / "data"), study=StudyRequest(deck, Mode.TRUE_FALSE))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = [k.display for k in app.screen.query_one(KeysBar).keys if k.description == "Answer"]
        assert shown == ["1-2"]
        await pilot.press("3")  # no third choice: nothing happens
        await pilot.pause()
        assert _screen(app).run.phase is Phase.ASKING
        await pilot.press("2")
        await pilot.pause()
        assert _screen(app).run.phase is Phase.ANSWERED


SALT_DECK = """format = 1
[deck]
id = "salt"
title = "Salt"
[glossary]
"salt" = "A mineral in food; too much raises blood pressure."
"sugar" = "A sweet part of food."
[[facts]]
id = "salt-pressure"
question = "What raises blood pressure?"
answer = "Salt"
statement = "{{Salt}} in food raises blood pressure."
distractors = ["Sugar", "Water", "Fibre"]
[[facts]]
id = "sugar-teeth"
question = "What harms teeth?"
answer = "Sugar"
statement = "{{Sugar}} in food harms teeth."
distractors = ["Salt", "Water", "Fibre"]
"""


async def test_before_a_true_or_false_answer_no_underline_tells_the_versions_apart(tmp_path: Path) -> None:
    """Only the words the list will explain are underlined: "Salt" and "Sugar" (either version) are not."""
    from quiz.tui.text import TERM_STYLE

    path = write_deck(tmp_path / "decks", SALT_DECK)
    truths = set()
    app = make_app([path], tmp_path / "data", study=StudyRequest(path, Mode.TRUE_FALSE))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        if not isinstance(app.screen, StudyScreen):
            await pilot.press("enter")  # the disclaimer
            await pilot.pause()
        screen = _screen(app)
        for _ in range(2):
            q = screen.run.question
            assert q is not None
            truths.add(q.truth)
            prompt = screen.query_one("#prompt").visual
            assert not [span for span in prompt.spans if span.style == TERM_STYLE]
            assert not screen.query_one("#terms-hint").display
            await pilot.press("1")
            await pilot.pause()
            prompt = screen.query_one("#prompt").visual
            underlined = [str(prompt)[span.start : span.end] for span in prompt.spans if span.style == TERM_STYLE]
            assert underlined == [w for w in ("Salt", "Sugar") if w in q.prompt]  # once answered, every one is
            await pilot.press("enter")
            await pilot.pause()
    assert truths == {True, False}  # a session is half true, half false
