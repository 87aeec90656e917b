"""rewrite_fact: `quiz import --update` writes again only the keys of a fact that changed, where
they stand, and keeps every other line the author wrote (comments, key order, layout)."""

from __future__ import annotations

import tomli
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.deck.load import parse_deck
from quiz.deck.model import FACT_KEYS, Deck, Fact
from quiz.deck.write import fact_keys, fact_to_toml, rewrite_fact
from tests.strategies import decks

AUTHORS = '''\
[[facts]]
id = "feet"
# checked with the nurse, May
question = """
How often shuold you
check your feet?"""  # the typo came from Anki
answer = "Every day"   # not "daily"
tags = ["feet", "daily care"]  # my own tags
distractors = [
  "Once a week",  # a common mistake
  "Once a month",
  "Never",
]
source = "leaflet"'''


def _fact(table: str) -> Fact:
    text = f'format = 1\n[deck]\nid = "d"\ntitle = "D"\n[[sources]]\nid = "leaflet"\ntitle = "L"\n\n{table}\n'
    return parse_deck(text).facts[0]


def test_only_the_changed_key_is_written_again_and_its_comment_stays() -> None:
    lines = AUTHORS.split("\n")
    before = _fact(AUTHORS)
    after = before._replace(question="How often should you check your feet?")
    result = rewrite_fact(lines, before, after)
    assert result is not None
    assert result == [
        *lines[:3],
        'question = "How often should you check your feet?"  # the typo came from Anki',
        *lines[6:],
    ]
    assert _fact("\n".join(result)) == after


def test_a_key_added_goes_after_the_key_before_it_and_one_taken_out_goes() -> None:
    lines = AUTHORS.split("\n")
    before = _fact(AUTHORS)
    after = before._replace(tags=(), statement="Check your feet {{every day}}.", explanation="Look at them.")
    result = rewrite_fact(lines, before, after)
    assert result is not None
    assert _fact("\n".join(result)) == after
    assert 'explanation = "Look at them."' == result[result.index('source = "leaflet"') - 1]
    assert result[-1] == 'statement = "Check your feet {{every day}}."'
    assert not any(line.startswith("tags") for line in result)
    assert "  \"Once a week\",  # a common mistake" in result and "# checked with the nurse, May" in result


def test_a_changed_list_written_over_lines_is_replaced_whole() -> None:
    lines = AUTHORS.split("\n")
    before = _fact(AUTHORS)
    after = before._replace(distractors=("Once a week", "Every year", "Never"))
    result = rewrite_fact(lines, before, after)
    assert result is not None
    assert 'distractors = ["Once a week", "Every year", "Never"]' in result
    assert result[-1] == 'source = "leaflet"' and _fact("\n".join(result)) == after


def test_a_key_written_in_quotes_or_indented_stays_as_written() -> None:
    """A reviewer: an author's `"question" = ...` came back as `question = ...`."""
    table = '[[facts]]\nid = "a"\n  "question"= "Q?"  # asked so\nanswer = "A"'
    before = _fact(table)
    result = rewrite_fact(table.split("\n"), before, before._replace(question="Which?"))
    assert result == ['[[facts]]', 'id = "a"', '  "question"= "Which?"  # asked so', 'answer = "A"']


def test_a_table_the_scan_cannot_read_is_left_to_the_caller() -> None:
    assert rewrite_fact(['id = "x"'], Fact("x", "Q?", "A"), Fact("x", "Q2?", "A")) is None


KEYS = st.lists(st.sampled_from(FACT_KEYS[1:]), unique=True)


@settings(max_examples=60, deadline=None)
@given(decks(max_facts=2), KEYS, st.randoms(use_true_random=False), st.data())
def test_any_changes_to_a_table_in_any_order_with_comments_read_as_the_new_fact(
    deck: Deck, changing: list[str], random: object, data: st.DataObject
) -> None:
    before = deck.facts[0]
    other = deck.facts[-1]
    after = before._replace(**{k: getattr(other, k) for k in changing}, whys=before.whys)
    if "distractors" in changing:
        after = after._replace(whys=other.whys)
    written = list(fact_keys(before).items())
    random.shuffle(written)  # type: ignore[attr-defined]
    lines = ["[[facts]]"]
    comments = []
    for n, (key, text) in enumerate(written):
        if data.draw(st.booleans()):
            comments.append(f"# about {key} {n}")
            lines.append(comments[-1])
        lines += text.split("\n")
        if data.draw(st.booleans()):
            lines[-1] += f"  # {key} is # right"
    result = rewrite_fact(lines, before, after)
    assert result is not None
    read = tomli.loads("\n".join(result))["facts"][0]
    assert read == tomli.loads(fact_to_toml(after))["facts"][0]
    assert [line for line in result if line.startswith("# about")] == comments
    unchanged = [text for key, text in written if fact_keys(after).get(key) == text]
    kept = "\n".join(result)
    assert all(text in kept for text in unchanged)
    order = [key for key, _ in written if key in read]
    assert [k for k in read if k in order] == order  # the author's order of the keys that stay
