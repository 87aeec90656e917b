"""Wrong options never say what the answer says in other words: the loader refuses them.

Typed marking takes ".5 mg" for "0.5 mg" (quiz.typed.exact_keys); a multiple-choice question that
offered ".5 mg" as wrong beside "0.5 mg" would mark a right answer wrong, and two options that say
the same give one away. /work/shared/cases/nfc-nfd-distractor is the head of this kind.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.deck.errors import DeckError
from quiz.deck.load import parse_deck
from quiz.generate import Kind, generate
from quiz.typed import same_answer

HEAD = 'format = 1\n[deck]\nid = "d"\ntitle = "T"\n'

SAID_TWO_WAYS = [
    ("0.5 mg", ".5 mg"), ("−18 °C", "negative 18 °C"), ("minus 18 °C", "-18 °C"), ("1,000 mL", "1000 mL"),
    ("5 mg", "five mg"), ("5 mg", "5 milligrams"), ("Café au lait", "Ｃａｆé au lait"), ("the liver", "Liver"),
    # a frequency and a percent of one proportion (a tester: "2 in 100" was a wrong option beside "2%")
    ("2%", "2 in 100"), ("50%", "1 in 2"), ("25%", "One in four"), ("under 1%", "less than 1 in 100"),
    ("2 in 100", "1 in 50"), ("About 0.5%", "about 1 in 200"),
    # a share in words, the whole option (a tester: "Half" beside "50%")
    ("50%", "Half"), ("About 25%", "About a quarter"), ("Three quarters", "75%"), ("2 in 3", "Two-thirds"),
    # one quantity in two units (a tester: "2 weeks" beside "14 days"), and a time on two clocks
    ("500 mg", "0.5 g"), ("100 mcg", "0.1 mg"), ("1 L", "1000 mL"), ("2 weeks", "14 days"), ("48 hours", "2 days"),
    ("2-3 weeks", "14 to 21 days"), ("8 pm", "20:00"),
    # a share however written, the share last (a tester: "Half" beside "½" and "Ｈａｌｆ" was let through)
    ("Half", "½"), ("Half", "Ｈａｌｆ"), ("Half", "1/2"), ("Half", "0.5"), ("Half", "(Half)"), ("Half", "Half!"),
    ("Over half", "More than 1/2"), ("About half", "about ½"), ("One half", "0.5"), ("A third", "1/3"),
    ("A quarter", "1/4"), ("Three quarters", "3/4"), ("A fifth", "1/5"), ("2 in 3", "2/3"), ("50%", "0.5"),
    # one quantity in units the loader did not convert (the same tester)
    ("1 mL", "1 cc"), ("5 mL", "5 ㏄"), ("1 cm", "10 mm"), ("1.8 km", "180000 cm"), ("1 year", "12 months"),
    ("2 years", "24 months"), ("1 lb", "16 oz"), ("1,000,000", "one million"), ("2.5 million", "2,500,000"),
    # a range of frequencies and the range of percents it is (an educator: "1 to 3 in 100" beside "1% to 3%")
    ("1 to 3 in 100", "1% to 3%"), ("1-3%", "1 to 3 in 100"), ("2-3 percent", "2 to 3 in 100"),
    ("10-30 in 1,000", "1-3%"),
]  # fmt: skip


def _fact(n: int, answer: str, distractors: list[str], accept: list[str] | None = None, group: str = "") -> str:
    def q(items: list[str]) -> str:
        return "[" + ", ".join(f'"{t}"' for t in items) + "]"

    extra = (f"accept = {q(accept)}\n" if accept else "") + (f'group = "{group}"\n' if group else "")
    return f'[[facts]]\nid = "f{n}"\nquestion = "Q{n}?"\nanswer = "{answer}"\ndistractors = {q(distractors)}\n{extra}'


def _problems(text: str) -> list[tuple[int | None, str]]:
    with pytest.raises(DeckError) as err:
        parse_deck(text, Path("d.toml"))
    return [(p.line, p.message) for p in err.value.problems]


@pytest.mark.parametrize(("answer", "other"), SAID_TWO_WAYS)
def test_a_distractor_that_says_the_answer_in_other_words_is_refused_where_it_is(answer: str, other: str) -> None:
    for right, wrong in ((answer, other), (other, answer)):
        [(line, message)] = _problems(HEAD + _fact(1, right, ["2 L", wrong, "9 kg"]))
        assert line == 9 and f"the distractor {wrong!r} says what the answer {right!r} says" in message


def test_a_distractor_that_an_accept_text_or_another_distractor_says_is_refused() -> None:
    found = _problems(HEAD + _fact(1, "Hepar", ["Café au lait", "2 mg", "two mg"], accept=["Cafe au lait"]))
    assert [m.split(": ", 1)[1] for _, m in found] == [
        "the distractor 'Café au lait' says what the accepted answer 'Cafe au lait' says: write another wrong option",
        "the distractor 'two mg' says what the distractor '2 mg' says: write another wrong option",
    ]


def test_a_groups_answers_that_say_the_same_in_other_words_are_refused_and_the_same_words_are_not() -> None:
    same_words = HEAD + _fact(1, "0.5 mg", [], group="g") + _fact(2, "0.5 MG", ["1 mg", "2 mg"], group="g")
    parse_deck(same_words, Path("d.toml"))  # folded the same: one option of the group
    other_words = same_words.replace('answer = "0.5 MG"', 'answer = ".5 mg"')
    [(line, message)] = _problems(other_words)
    assert line == 14 and "its answer '.5 mg' says what '0.5 mg' (fact \"f1\", group \"g\") says" in message


def test_an_accept_text_that_another_answer_of_its_group_says_is_refused() -> None:
    text = HEAD + _fact(1, "Liver", ["Lung", "Skin"], group="g")
    text += _fact(2, "Hepar", ["Bone", "Gut"], ["the liver"], "g")
    [(_, message)] = _problems(text)
    assert "the accepted answer 'the liver' says what 'Liver' (fact \"f1\", group \"g\") says" in message


def test_an_accept_text_written_as_another_answer_of_its_group_is_refused() -> None:
    """Folded the same, it is still offered to the fact as wrong (a distractor written so is drawn once)."""
    text = HEAD + _fact(1, "Liver", [], group="g") + _fact(2, "Hepar", [], ["liver"], "g")
    [(_, message)] = _problems(text)
    assert "the accepted answer 'liver' says what 'Liver' (fact \"f1\", group \"g\") says" in message


@st.composite
def _deck_texts(draw: st.DrawFn) -> str:
    words = [w for pair in SAID_TWO_WAYS for w in pair] + ["2 mg", "10 mL", "the lung", "Tea", "12 °C"]
    facts = [
        _fact(
            n,
            draw(st.sampled_from(words)),
            draw(st.lists(st.sampled_from(words), max_size=5, unique=True)),
            draw(st.lists(st.sampled_from(words), max_size=2, unique=True)),
            draw(st.sampled_from(["", "g"])),
        )
        for n in range(draw(st.integers(1, 5)))
    ]
    return HEAD + "".join(facts)


@settings(max_examples=150, deadline=None)
@given(_deck_texts(), st.integers(0, 2**32))
def test_a_deck_the_loader_takes_never_shows_two_options_that_say_the_same(text: str, seed: int) -> None:
    try:
        deck = parse_deck(text, Path("d.toml"))
    except DeckError:
        return
    for q in generate(deck, kinds=[Kind.MULTIPLE_CHOICE], seed=seed):
        fact = deck.fact(q.fact_id)
        wrong = [o for i, o in enumerate(q.options) if i != q.correct_index]
        for i, option in enumerate(wrong):
            assert not any(same_answer(r, option) for r in (fact.answer, *fact.accept)), (option, fact)
            assert not any(same_answer(other, option) for other in wrong[:i]), (option, wrong)


@given(st.integers(1, 999), st.sampled_from([2, 4, 5, 8, 10, 20, 25, 50, 100, 200, 1000]))
def test_a_frequency_and_the_percent_it_is_are_one_option_and_other_shares_are_two(n: int, m: int) -> None:
    """"n in m" says what its percent says; "1 in 3" is not "33%", nor any share another one."""
    from fractions import Fraction

    percent = Fraction(n * 100, m)
    written = f"{percent.numerator // percent.denominator}" if percent.denominator == 1 else f"{float(percent):g}"
    if Fraction(written) == percent:  # a percent that ends (n/m with m of 2s and 5s always does)
        [(_, message)] = _problems(HEAD + _fact(1, f"{written}%", ["3 in 7", f"{n} in {m}", "9 in 11"]))
        assert f"the distractor '{n} in {m}' says what the answer" in message
    parse_deck(HEAD + _fact(1, f"{n} in {m}", [f"{n + 1} in {m}", f"{n + 2} in {m}"]), Path("d.toml"))
    parse_deck(HEAD + _fact(1, "33%", ["1 in 3", "3 in 10", "1 in 30"]), Path("d.toml"))


DRAWN_ALIKE_PAIRS = [("Ibuprofen", "lbuprofen"), ("O2 mask", "02 mask"), ("Type 1", "Type l"), ("Ill", "III")]


@pytest.mark.parametrize(("answer", "other"), DRAWN_ALIKE_PAIRS)
def test_a_distractor_drawn_like_the_answer_or_another_is_refused_and_says_why(answer: str, other: str) -> None:
    # A tester: "lbuprofen" (a small L) beside "Ibuprofen" was shown as a second option.
    for right, wrong in ((answer, other), (other, answer)):
        [(_, message)] = _problems(HEAD + _fact(1, right, ["2 L", wrong, "9 kg"]))
        assert f"the distractor {wrong!r} is the same as the answer on screen: a capital I, a small l" in message
        [(_, message)] = _problems(HEAD + _fact(1, "Aspirin", [right, wrong, "9 kg"]))
        assert f"the distractor {wrong!r} is given twice: it looks the same as {right!r} on screen" in message


def test_options_that_differ_in_more_than_the_letters_drawn_alike_are_two() -> None:
    parse_deck(HEAD + _fact(1, "Ibuprofen", ["Ibuprofen gel", "lbuprofen tablet", "Naproxen"]), Path("d.toml"))
    parse_deck(HEAD + _fact(1, "Bile", ["Bill", "Oil", "Boil"]), Path("d.toml"))


UNIT_STEPS = [("mcg", "mg", 1000), ("mg", "g", 1000), ("g", "kg", 1000), ("mL", "L", 1000), ("minutes", "hours", 60),
              ("hours", "days", 24), ("days", "weeks", 7), ("seconds", "minutes", 60), ("mL", "cc", 1),
              ("mm", "cm", 10), ("cm", "km", 100_000), ("months", "years", 12),
              ("oz", "lb", 16)]  # fmt: skip


@given(st.integers(1, 10**6), st.sampled_from(UNIT_STEPS), st.integers(-2, 2))
def test_two_options_say_the_same_quantity_exactly_when_their_amounts_in_one_unit_are_equal(
    n: int, step: tuple[str, str, int], off: int
) -> None:
    from quiz.deck.options import Said

    small, large, factor = step
    said = Said("en")
    big = n * factor + off  # in the small unit: equal to n of the large one only when off is 0
    assert (said.key(f"{big} {small}")[0] == said.key(f"{n} {large}")[0]) == (off == 0)


def test_quantities_that_do_not_convert_exactly_stay_two_options() -> None:
    from quiz.deck.options import Said

    said = Said("en")
    for a, b in [("1 month", "30 days"), ("1 year", "365 days"), ("1 teaspoon", "5 mL"), ("5 mg", "5 g"),
                 ("1 lb", "454 g"), ("0 °C", "32 °F"), ("120/80", "3/2"), ("0.5 tablet", "1 tablet"),
                 ("1/2 tablet", "50% tablet"), ("1", "100%"), ("1 in 3", "33%"), ("1/3", "33%"),
                 ("1 to 3 in 100", "2% to 3%"), ("1-3 in 100", "1-3"), ("1-3%", "1-3 in 1,000"),
                 # an area is no length, and "M" may be a stage: not converted (a reviewer)
                 ("1 m²", "100 cm²"), ("1 cm³", "10 mm³"), ("1 m", "100 cm"), ("T3 N1 M1", "T3 N 1000 mm 1"),
                 ("2 to 3 million", "2 - 3,000,000")]:
        assert said.key(a)[0] != said.key(b)[0]


def test_two_glossary_terms_that_say_the_same_are_refused() -> None:
    # A tester: "Tumor" and "Tumour" were both terms, and one matching question showed both.
    glossary = '[glossary]\nTumor = "A lump."\nTumour = "A lump, British."\n"Stage 4" = "x"\n"Stage IV" = "y"\n'
    found = _problems(HEAD + glossary + _fact(1, "A", ["B", "C"]))
    assert [m for _, m in found] == [
        '[glossary] "Tumour" is "Tumor" written another way: keep one',
        '[glossary] "Stage IV" is "Stage 4" written another way: keep one',
    ]
    parse_deck(HEAD + '[glossary]\nTumor = "A lump."\nTumors = "Lumps."\n' + _fact(1, "A", ["B", "C"]), Path("d.toml"))


def test_only_letters_drawn_alike_make_two_options_one() -> None:
    # A tester: "Fail" and "Fall", "Tail" and "Tall", "H1" and "Hi" were refused: a small i is drawn apart.
    for pair in (["Fail", "Fall"], ["Tail", "Tall"], ["Coil", "Coll"], ["Pill", "Pili"], ["H1", "Hi"]):
        parse_deck(HEAD + _fact(1, "Liver", [*pair, "9 kg"]), Path("d.toml"))


def test_two_answers_of_a_group_drawn_alike_are_refused() -> None:
    # A tester: group answers "O2" and "02" passed and were shown as two options of one question.
    text = HEAD + _fact(1, "O2", ["A"], group="g") + _fact(2, "02", ["B"], group="g") + _fact(3, "N2", ["C"], group="g")
    [(_, message)] = _problems(text)
    assert "its answer '02' looks the same on screen as 'O2'" in message


def test_two_glossary_terms_drawn_alike_are_refused() -> None:
    found = _problems(HEAD + '[glossary]\nIbuprofen = "x"\nlbuprofen = "y"\n' + _fact(1, "A", ["B", "C"]))
    assert [m for _, m in found] == ['[glossary] "lbuprofen" looks the same as "Ibuprofen" on screen: keep one']


HIDDEN = [("Bl\u0430ck tea", "U+0430 CYRILLIC SMALL LETTER A"), ("Black\u00a0tea", "U+00A0 NO-BREAK SPACE"),
          ("Black\u200btea", "U+200B ZERO WIDTH SPACE"), ("37 \u00b0\u0421", "U+0421 CYRILLIC CAPITAL LETTER ES"),
          ("Bl\u0251ck tea", "U+0251 LATIN SMALL LETTER ALPHA")]  # fmt: skip


@pytest.mark.parametrize(("hidden", "name"), HIDDEN)
def test_a_distractor_given_twice_names_the_other_and_what_a_reader_cannot_tell_apart(hidden: str, name: str) -> None:
    """A tester (T10): "the distractor 'Blаck tea' is given twice" printed the text as it is, so it
    read as the other; it names the character now, as "the same as the answer" does, and shows the
    other text escaped (repr), either way round."""
    plain = hidden.translate({0x0430: "a", 0x00A0: " ", 0x200B: "", 0x0421: "C", 0x0251: "a"})
    for first, second, holder in ((plain, hidden, "it"), (hidden, plain, "the other")):
        [(_, message)] = _problems(HEAD + _fact(1, "Milk", [first, second, "Water"]))
        assert f"is given twice: it is the same as {first!r} on screen: {holder} holds {name}" in message, message
        assert "\u200b" not in message and "\u00a0" not in message
        [(_, message)] = _problems(HEAD + _fact(1, first, [second, "Water", "Juice"]))
        assert f"is the same as the answer on screen: {holder} holds {name}" in message, message


def test_a_distractor_given_twice_in_another_case_or_spacing_says_nothing_more() -> None:
    [(_, message)] = _problems(HEAD + _fact(1, "Milk", ["Black tea", "black  TEA", "Water"]))
    assert message.endswith("the distractor 'black  TEA' is given twice")
