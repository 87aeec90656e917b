"""A deck with characters that show as nothing or that a terminal acts on in every key and every
text, for the tests that every place quiz prints or draws deck text escapes them."""

from __future__ import annotations

import regex

HIDDEN = regex.compile(r"[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\p{Zl}\p{Zp}\p{Cs}]")
"""Every character a terminal acts on, reorders by, or draws as nothing (Unicode's own classes from
the `regex` module, written apart from quiz.untrusted)."""

SHOWN_AS_NOTHING = (
    "\U000e0001\U000e0041\U000e007f\u206a\u206e\ufff9\ufffb\u115f\u1160\u3164\uffa0\u034f\u00ad\ufe0f\ufe0e"
    "\u200b\u200c\u200d\ufeff\u2060\u2061\u180e\u180b\u17b4\U0001d173\U0001bca0\U000e0100\u0600\U00013430"
)
"""The tester's list (T1 item 4: tag characters, U+206A-206F, U+FFF9-FFFB, Hangul fillers, CGJ,
the soft hyphen, variation selectors, zero-width spaces and joiners) and one of each other kind."""

ACCEPTED = SHOWN_AS_NOTHING + "\u200e\u200f\u061c\u2028\u2029"
"""What a deck may hold (quiz.deck.text.control_characters rejects the rest): with the
bidirectional marks and the line and paragraph separators (T1 item 5)."""


def toml_string(text: str) -> str:
    """`text` as a TOML basic string, every character but printable ASCII as its escape."""
    return '"' + "".join(map(_toml_character, text)) + '"'


def _toml_character(c: str) -> str:
    if c.isascii() and c.isprintable() and c not in '"\\':
        return c
    return f"\\u{ord(c):04X}" if ord(c) < 0x10000 else f"\\U{ord(c):08X}"


def hidden_deck(hidden: str = ACCEPTED) -> str:
    """A valid deck (three facts, a source, a topic, a glossary word) whose every text holds `hidden`
    between Latin letters: the title, description, disclaimer, tags, source, topic, glossary term
    and meaning, question, answer, wrong options and why each is wrong, explanation, accept forms
    and true sentence; and a fact with a plain answer, to be typed."""

    def v(text: str) -> str:
        return toml_string(f"{text}{hidden}z")

    return f"""format = 1

[deck]
id = "hidden"
title = {v("Title")}
description = {v("Desc")}
disclaimer = {v("Disclaimer")}
tags = [{v("tag")}]

[[sources]]
id = "s1"
title = {v("Source")}
publisher = {v("Publisher")}

[[topics]]
id = "t1"
title = {v("Topic")}
summary = {v("Summary")}

[glossary]
{v("kidney")} = {v("An organ")}
{v("liver")} = {v("Another organ")}
{v("bladder")} = {v("Holds urine")}
{v("ureter")} = {v("A tube")}

[[facts]]
id = "f1"
source = "s1"
refs = {v("3")}
topic = "t1"
question = {v("What does the kidney do? kidney")}
answer = {v("Cleans")}
distractors = [{{ text = {v("Makes")}, why = {v("Why not")} }}, {{ text = {v("Stops")}, why = {v("Why not")} }},
               {{ text = {v("Adds")}, why = {v("Why not")} }}]
explanation = {v("The kidney cleans")}
accept = [{v("Filters")}]

[[facts]]
id = "f2"
source = "s1"
topic = "t1"
statement = {toml_string(f"The liver says {{{{Second{hidden}z}}}} here.")}
question = {v("Second liver")}
answer = {v("Second")}
distractors = [{v("A1")}, {v("A2")}, {v("A3")}]
explanation = {v("E2")}

[[facts]]
id = "f3"
source = "s1"
topic = "t1"
question = {v("What does the bladder hold?")}
answer = "Urine"
distractors = ["Blood", "Bile", "Air"]
explanation = {v("The bladder holds urine")}
"""


def hidden_keys(hidden: str = SHOWN_AS_NOTHING) -> str:
    """A deck with an unknown key holding `hidden` at the top, in [deck] and in a fact: each reads
    as a known key ("answer") when its hidden characters are drawn as nothing."""
    key = toml_string(f"answer{hidden}")
    return f"""format = 1
{key} = 1

[deck]
id = "hidden-keys"
title = "Keys"
{key} = 1

[[facts]]
id = "f1"
question = "Q?"
answer = "A"
{key} = "x"
"""


def raw(text: str) -> list[str]:
    """The characters of HIDDEN in `text` a terminal gets raw, but a newline, a tab and a pty's CR."""
    return [c for c in text if HIDDEN.match(c) and c not in "\n\t\r"]
