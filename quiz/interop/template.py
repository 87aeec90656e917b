"""The starter deck `quiz new` writes: every key present, each with a comment saying what it is for."""

from __future__ import annotations

import datetime as dt
import shlex

import tomli_w

from quiz.deck.text import slugify

TEMPLATE = """\
# A quiz deck. Check it with `quiz check {path_hint}`; docs/deck-format.md describes every key.
# Replace the example below with your own facts. Text in "quotes" is shown to people exactly as
# written; write long text between triple quotes \"\"\" ... \"\"\" to use several lines.

format = 1  # the deck format version: keep it at 1

[deck]
id = {id}  # lowercase letters, digits and single hyphens; never change it once people use the deck
title = {title}  # shown in the deck list
description = "What this deck teaches, in a sentence or two."  # shown under the title
language = "en"  # the language of the text, as a code such as "en" or "es"
audience = "Patients and families"  # who the deck is written for
version = "0.1.0"  # raise it whenever the content changes
reviewed = {today}  # the date the content was last checked against its sources (no quotes)
disclaimer = "For learning only; not medical advice. Talk with your care team."  # shown before the first session
tags = ["example"]  # words to find the deck by

# One [[sources]] table for each work the facts come from.
[[sources]]
id = "example-source"  # facts name their source by this id
title = "Title of the guideline, leaflet or article"  # as the work itself gives it
publisher = "Who published it"  # an organisation or the authors
url = "https://example.org/where-to-read-it"  # where a reader can find it

# One [[topics]] table for each part of the subject, in the order to learn them. Optional: remove
# every [[topics]] table and every fact's `topic` line for a deck studied as one whole.
[[topics]]
id = "washing"  # facts name their topic by this id
title = "Washing with soap"  # shown as a heading and in progress ("Washing with soap: 3 of 5 mastered")
summary = "How long to wash, and why."  # one short sentence on what the topic covers

# Words a reader may not know, with a plain definition of each. "Match words to meanings" pairs
# four at a time, so give at least four, none of whose definitions uses another of the words.
[glossary]
"hand sanitizer" = "A gel or liquid that kills germs on the hands."  # "term" = "plain definition"
"rinse" = "To wash off with clean running water."  # a second word
"lather" = "The foam that soap makes when you rub it with water."  # a third
"fingertips" = "The ends of your fingers, which touch the most things."  # a fourth: matching can start

# One [[facts]] table for each thing to learn. Questions of every kind are made from it.
[[facts]]
id = "wash-seconds"  # unique in this deck; never reuse an id for a different fact
question = "For how many seconds should you scrub your hands with soap?"  # one clear question
answer = "20 seconds"  # short: the words a person would type or pick
distractors = [  # wrong answers for multiple choice: a text, or {{ text, why }} saying why it is wrong
  {{ text = "5 seconds", why = "A quick rinse feels clean, but most germs are still there." }},
  {{ text = "2 minutes", why = "Longer does no harm, but 20 seconds of scrubbing is enough." }},
  {{ text = "2 seconds", why = "Wetting your hands is not washing them: soap needs time to work." }},
]
explanation = "Scrubbing for 20 seconds removes more germs than a quick rinse."  # shown after answering
source = "example-source"  # the id of a [[sources]] table above
refs = "1"  # where in the source: reference numbers, a page or a section
group = "times"  # facts in one group lend each other wrong answers
tags = ["washing"]  # words to find or filter facts by
accept = ["twenty seconds"]  # other typed answers that count as right
allow = []  # authoring-advice rules to silence for this fact, by name (see `quiz check`)
topic = "washing"  # the id of a [[topics]] table above
priority = "must-know"  # "must-know", "should-know" (the default) or "nice-to-know" (detail to skip)
statement = "Scrub your hands with soap for {{{{20 seconds}}}}."  # the fact as a sentence, answer marked
"""


def slug_from_name(name: str) -> str:
    """A deck id made from a file name: "Blood Pressure.toml" gives "blood-pressure"."""
    return slugify(name)


def title_from_id(deck_id: str) -> str:
    """A first title made from a deck id: "blood-pressure" gives "Blood pressure"."""
    words = deck_id.replace("-", " ").strip()
    return words[:1].upper() + words[1:] if words else "My deck"


def new_deck_text(deck_id: str, title: str, *, today: dt.date | None = None, path_hint: str = "DECK.toml") -> str:
    """The text of a starter deck with this id and title, which passes `quiz check` as written."""
    one_line = "".join(c for c in " ".join(path_hint.split()) if c.isprintable()) or "DECK.toml"
    one_line = shlex.quote(one_line)  # a command a person can paste

    def string(text: str) -> str:
        return tomli_w.dumps({"v": text})[len("v = ") : -1]

    return TEMPLATE.format(
        id=string(deck_id),
        title=string(title),
        today=(today or dt.date.today()).isoformat(),
        path_hint=one_line,
    )
