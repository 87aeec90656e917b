"""`quiz preview` as an author runs it: text, JSON, kinds, seeds, deck ids and broken decks."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from quiz.cli import main

CORPUS = Path(__file__).parent / "data" / "decks"
COMPLETE = CORPUS / "valid" / "complete.toml"
BUILTIN = Path(__file__).resolve().parent.parent / "decks" / "rectal-cancer-stage-iv.toml"


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    assert main(["preview", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_has_the_documented_schema(capsys: pytest.CaptureFixture[str]) -> None:
    doc = _json(capsys, str(COMPLETE))
    deck = doc["deck"]
    assert isinstance(deck, dict) and deck["id"] == "hand-hygiene" and deck["facts"] == 3 and deck["seed"] == 0
    questions = doc["questions"]
    assert isinstance(questions, list)
    common = {"fact_id", "kind", "prompt", "answer", "explanation", "source", "refs", "content_hash"}
    for q in questions:
        assert common <= set(q)
        assert q["kind"] in ("multiple_choice", "flashcard", "typed")
        if q["kind"] == "multiple_choice":
            assert q["options"].count(q["answer"]) == 1 and q["options"][q["correct_index"]] == q["answer"]
        else:
            assert "options" not in q
    first = questions[0]
    assert first["fact_id"] == "wash-seconds" and first["kind"] == "multiple_choice"
    assert first["source"] == {
        "id": "demo-source",
        "title": "A demonstration source",
        "publisher": "The quiz project",
        "url": "https://example.org/demo",
    }
    typed = next(q for q in questions if q["kind"] == "typed")
    assert typed["accept"] == ["twenty seconds"]


def test_kind_and_seed(capsys: pytest.CaptureFixture[str]) -> None:
    doc = _json(capsys, str(COMPLETE), "--kind", "flashcard")
    assert {q["kind"] for q in doc["questions"]} == {"flashcard"}  # type: ignore[union-attr]
    a = _json(capsys, str(COMPLETE), "--kind", "multiple_choice", "--seed", "1")
    b = _json(capsys, str(COMPLETE), "--kind", "multiple_choice", "--seed", "1")
    assert a == b
    layouts = set()
    for seed in range(10):
        questions = _json(capsys, str(COMPLETE), "--seed", str(seed))["questions"]
        layouts.add(tuple(tuple(q["options"]) for q in questions if q["kind"] == "multiple_choice"))  # type: ignore[union-attr]
    assert len(layouts) > 1


def test_text_shows_options_with_the_answer_marked(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["preview", str(COMPLETE), "--kind", "multiple_choice"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Hand hygiene basics (hand-hygiene): 3 questions from 3 facts, seed 0")
    assert "   For how many seconds should you scrub your hands with soap?" in out
    assert " * " in out and ") 20 seconds" in out
    assert "Source: A demonstration source (The quiz project), reference 1" in out
    # Options are numbered as the app numbers them, by the key a learner presses (a tester: A) to D)).
    from quiz.deck.load import load_deck
    from quiz.generate import Kind, make_question

    deck = load_deck(COMPLETE)
    q = make_question(deck, deck.fact("wash-seconds"), Kind.MULTIPLE_CHOICE, seed=0)
    assert f" * {q.correct_index + 1}) {q.answer}" in out and " A) " not in out


def test_a_deck_id_is_found_in_the_persons_decks(private_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    own = private_home / "decks"
    own.mkdir(parents=True)
    shutil.copy(COMPLETE, own / "hands.toml")
    assert _json(capsys, "hand-hygiene")["deck"]["id"] == "hand-hygiene"  # type: ignore[index]


def test_an_invalid_deck_prints_its_problems_and_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    path = CORPUS / "invalid" / "wrong-types.toml"
    assert main(["preview", str(path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f'{path}:10:1: fact "a": "answer" must be text, got the number 5')


def test_an_unknown_deck_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["preview", "no-such-deck"]) == 1
    assert 'no deck with id "no-such-deck"' in capsys.readouterr().err


def test_an_unknown_kind_is_bad_usage() -> None:
    assert main(["preview", str(COMPLETE), "--kind", "essay"]) == 2


TOPICS = CORPUS / "valid" / "topics.toml"


def test_json_gives_topic_priority_and_the_why_of_each_option(capsys: pytest.CaptureFixture[str]) -> None:
    doc = _json(capsys, str(TOPICS), "--kind", "multiple_choice")
    assert [t["id"] for t in doc["deck"]["topics"]] == ["spread", "call"]  # type: ignore[index]
    rows = {q["fact_id"]: q for q in doc["questions"]}  # type: ignore[union-attr, index]
    fever = rows["fever-call"]
    assert (fever["topic"], fever["priority"]) == ("call", "must-know")
    whys = dict(zip(fever["options"], fever["whys"], strict=True))
    assert whys["Call the care team right away"] == "" and whys["Drink more water"] == ""
    assert whys["Take a paracetamol and go to bed"].startswith("Medicine can hide the fever")
    assert (rows["liver-segments"]["priority"], rows["liver-segments"]["whys"]) == ("nice-to-know", ["", "", "", ""])
    plain = _json(capsys, str(COMPLETE))
    assert {(q["topic"], q["priority"]) for q in plain["questions"]} == {(None, "should-know")}  # type: ignore[union-attr, index]


def test_text_marks_priority_and_topic_and_puts_each_why_under_its_option(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["preview", str(TOPICS), "--kind", "multiple_choice"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "  When to call (call): Signs that need a call to the care team the same day." in lines
    assert "1. [multiple choice] fever-call (must-know; topic: When to call)" in lines
    paracetamol = next(i for i, line in enumerate(lines) if line.endswith("Take a paracetamol and go to bed"))
    assert (
        lines[paracetamol + 1] == "      Why not: Medicine can hide the fever without treating the infection behind it."
    )
    water = next(i for i, line in enumerate(lines) if line.endswith("Drink more water"))
    assert not lines[water + 1].lstrip().startswith("Why not")


@pytest.mark.parametrize("kinds", [None, ["flashcard"], ["typed", "multiple-choice"]])
def test_json_is_streamed_exactly_as_the_whole_document_would_be_written(
    kinds: list[str] | None, capsys: pytest.CaptureFixture[str]
) -> None:
    """quiz preview --json prints one question at a time; the text is json.dumps of the document."""
    from quiz.commands.preview import to_json
    from quiz.deck.load import load_deck
    from quiz.generate import Kind, generate

    args = ["preview", str(BUILTIN), "--json", "--seed", "5"] + [a for k in kinds or [] for a in ("--kind", k)]
    assert main(args) == 0
    deck = load_deck(BUILTIN)
    wanted = [Kind(k.replace("-", "_")) for k in kinds] if kinds else None
    document = to_json(deck, generate(deck, kinds=wanted, seed=5), seed=5)
    assert capsys.readouterr().out == json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def test_a_kind_asked_for_that_the_deck_cannot_give_is_told_with_why(capsys: pytest.CaptureFixture[str]) -> None:
    """An educator with three glossary words asked for matching questions and read "0 questions",
    told nothing more."""
    assert main(["preview", str(COMPLETE), "--kind", "match", "--kind", "fill-blank"]) == 0
    err = capsys.readouterr().err
    said = "no match words to meanings questions: they need 4 glossary words, and this deck's glossary has 1 word"
    assert said in err
    assert 'no fill in the blank questions: they need a fact with a statement = "... {{answer}} ..."' in err
    assert main(["preview", str(COMPLETE), "--kind", "flashcard"]) == 0
    assert capsys.readouterr().err == ""


def test_no_typed_questions_is_told_with_what_a_typed_answer_needs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An educator was told "`quiz check` advises why", and check had no advice on it."""
    deck = tmp_path / "long.toml"
    deck.write_text(
        'format = 1\n[deck]\nid = "long"\ntitle = "Long"\n[[facts]]\nid = "a"\nquestion = "How many bleed?"\n'
        'answer = "About 1 to 3 in every 100 people a year"\n',
        encoding="utf-8",
    )
    assert main(["preview", str(deck), "--kind", "typed"]) == 0
    err = capsys.readouterr().err
    assert "no typed answer questions: they need a short answer (at most 4 words and 30 characters)" in err
    assert "quiz check" not in err


def test_four_glossary_words_that_cannot_be_asked_together_are_told_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each meaning below uses another of the words, so no matching question can be made of them."""
    deck = tmp_path / "d.toml"
    deck.write_text(
        'format = 1\n[deck]\nid = "d"\ntitle = "T"\n[glossary]\n'
        '"INR" = "A blood test of how fast blood clots."\n'
        '"warfarin" = "A medicine that slows clotting, checked by the INR test."\n'
        '"dose" = "The amount of warfarin taken at one time."\n'
        '"vitamin K" = "A vitamin in green leafy food that changes how warfarin works."\n'
        '[[facts]]\nid = "a"\nquestion = "What does INR measure?"\nanswer = "How fast blood clots"\n',
        encoding="utf-8",
    )
    assert main(["preview", str(deck), "--kind", "match"]) == 0
    assert "no 4 of this deck's 4 glossary words can be asked together" in capsys.readouterr().err
