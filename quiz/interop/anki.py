"""Export a deck as an Anki package (.apkg) with genanki: one note per fact, ids stable across exports.

A fact with a statement is a Cloze note (its span the deletion); the others are notes of the
deck's own note type.

Anki matches notes by guid, and ours come from (deck id, fact id), so importing an updated export
updates the notes a person already studies instead of adding copies. Deck text is untrusted and
Anki shows fields as HTML, so every text is escaped; "[" is escaped too, so that text such as
"[sound:x.mp3]" or "[latex]" is shown as written rather than acted on, and so are MathJax's
openers `\\(` and `\\[`.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import json
import math
import re
import sqlite3
import tempfile
import time
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from quiz.deck.model import PRIORITIES, SHOULD_KNOW, Deck, Fact, citation
from quiz.files import write_atomic
from quiz.interop.mathjax import break_delimiters
from quiz.interop.notetypes import NOTE_TYPES, QUIZ_CLOZE_PREFIX, QUIZ_NOTE_TYPE

if TYPE_CHECKING:
    import genanki  # type: ignore[import-untyped]  # genanki ships no type information

FIELDS = QUIZ_NOTE_TYPE
"""The note type's fields, in order; the card's back shows all but the question below it.

"Wrong options" lists each distractor that has a why, with the why: the misconception it answers.
"""

QUESTION_TEMPLATE = '<div class="question">{{Question}}</div>'
ANSWER_TEMPLATE = (
    "{{FrontSide}}\n<hr id=answer>\n"
    '<div class="answer">{{Answer}}</div>\n'
    '{{#Explanation}}<div class="explanation">{{Explanation}}</div>{{/Explanation}}\n'
    '{{#Wrong options}}<div class="whys">{{Wrong options}}</div>{{/Wrong options}}\n'
    '{{#Source}}<div class="source">{{Source}}</div>{{/Source}}'
)
CSS = """\
.card { font-family: sans-serif; font-size: 20px; text-align: left; color: black; background-color: white; }
.answer { font-weight: bold; }
.explanation { margin-top: 1em; }
.whys { margin-top: 1em; }
.source { margin-top: 1em; font-size: 16px; color: #555; }
"""

_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_MIB = 1024 * 1024
_ID_BASE = 1 << 30  # genanki's advice: model and deck ids in [2**30, 2**31)


def stable_id(*parts: str) -> int:
    """A number in [2**30, 2**31) that depends only on the parts, for Anki's model and deck ids."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()
    return _ID_BASE + int.from_bytes(digest[:8], "big") % _ID_BASE


def note_guid(deck_id: str, fact_id: str, *, cloze: bool = False) -> str:
    """The note's guid: the same for the same fact of the same deck in every export, and another
    for its cloze note (`cloze`: a fact with a statement, is_cloze_fact).

    Anki updates a note on import only where the package's note has the note type of the one it
    has (rslib import_export/package/apkg/import/notes.rs, maybe_update_existing_note: another is
    "conflicting", and left as it was; "Merge note types" refuses a cloze type with a regular one).
    A fact that gains or loses a statement changes its note's type, so its note takes another
    guid, and Anki adds it as a new note beside the old one (retyped_facts names them at export),
    rather than keeping the old one in silence."""
    import genanki

    return str(genanki.guid_for(deck_id, fact_id, "cloze") if cloze else genanki.guid_for(deck_id, fact_id))


def is_cloze_fact(fact: Fact) -> bool:
    """Whether a fact is exported as a cloze note: it has a statement with its one span."""
    from quiz.deck.statement import split

    return bool(fact.statement) and split(fact.statement) is not None


def fact_guid(deck_id: str, fact: Fact) -> str:
    """The guid of the note `quiz export` makes of `fact` (note_guid, by its note type)."""
    return note_guid(deck_id, fact.id, cloze=is_cloze_fact(fact))


def retyped_facts(deck: Deck, package: Path | str) -> list[str]:
    """The ids of the facts whose note in `package` (an earlier export of the deck, if it is one)
    is of the other note type: Anki cannot update those notes (note_guid), and adds the new ones
    beside them. [] where `package` is not an Anki package quiz can read."""
    import contextlib

    path = Path(package)
    if not path.is_file():
        return []
    with contextlib.suppress(OSError, zipfile.BadZipFile, sqlite3.Error, KeyError, ValueError):
        with tempfile.TemporaryDirectory(prefix="quiz-anki-") as work, zipfile.ZipFile(path) as apkg:
            if apkg.getinfo("collection.anki2").file_size > 64 * _MIB:
                return []  # not a package quiz wrote (a deck's is kilobytes)
            db = Path(work) / "collection.anki2"
            db.write_bytes(apkg.read("collection.anki2"))
            conn = sqlite3.connect(db)
            try:
                guids = {guid for (guid,) in conn.execute("SELECT guid FROM notes")}
            finally:
                conn.close()
        other_type = {fact.id: note_guid(deck.id, fact.id, cloze=not is_cloze_fact(fact)) for fact in deck.facts}
        return [f.id for f in deck.facts if fact_guid(deck.id, f) not in guids and other_type[f.id] in guids]
    return []


def to_html(text: str) -> str:
    """Deck text as HTML that Anki shows exactly as written: escaped, with line breaks kept.

    "[" becomes an entity so that [sound:...] and [latex] stay text; MathJax's \\( and \\[ are
    broken by an invisible word joiner (quiz.interop.mathjax). HTML shows a run of spaces as one
    and drops a space that begins a line, so each space before another, or after a line break, is
    a no-break space (`&nbsp;`), which quiz's importer reads back as a space
    (quiz.interop.html_text). A space that begins `text` is left: the text may be one part of a
    field (a cloze's), and deck texts do not begin with one.
    """
    escaped = html.escape(break_delimiters(text), quote=True).replace("[", "&#91;")
    return _KEPT_SPACE.sub("&nbsp;", escaped).replace("\n", "<br>")


_KEPT_SPACE = re.compile(r"(?<=\n) | (?= )")
"""A space HTML would not show: one after a line break, or one before another space."""


def tag(text: str) -> str:
    """A text as an Anki tag, which cannot hold spaces."""
    return re.sub(r"\s+", "_", text.strip())


def source_text(deck: Deck, fact: Fact) -> str:
    """What the Source field says: the work's title and publisher, and the reference numbers."""
    text = citation(deck.source(fact.source) if fact.source else None, fact.refs)
    return text[:1].upper() + text[1:] if not fact.source else text


def whys_html(fact: Fact) -> str:
    """The "Wrong options" field: each distractor that has a why, with it ("" when none has)."""
    items = [
        f"<li><i>{to_html(text)}</i>: {to_html(why)}</li>"
        for text, why in zip(fact.distractors, fact.whys, strict=False)
        if why
    ]
    return f"<ul>{''.join(items)}</ul>" if items else ""


def added_texts(deck: Deck, fact: Fact) -> tuple[str, ...]:
    """What `quiz export` writes after a fact's explanation, as an import reads it back: the text
    of its "Wrong options" and "Source" fields (the same two end a cloze note's Back Extra), each
    that is not empty, in that order. An import of the notes joins them to the explanation with a
    blank line (quiz.interop.importer.cards_to_deck), so `--update` takes them off again
    (quiz.interop.merge) rather than adding them to the explanation at every round trip."""
    from quiz.interop.html_text import field_text

    fields = (whys_html(fact), to_html(source_text(deck, fact)))
    return tuple(text for field in fields if (text := field_text(field, html=True).text))


def note_tags(deck: Deck, fact: Fact) -> list[str]:
    """The deck's tags, the fact's own tags, and a tag each for its group, topic and priority.

    Topic and priority tags are hierarchical (`topic::liver-spread`, `priority::must-know`), so
    Anki's browser can filter a topic, or must-know cards alone. A should-know fact (the default)
    has no priority tag, so a deck that sets no priorities gets none.
    """
    tags = [tag(t) for t in (*deck.tags, *fact.tags)]
    if fact.group:
        tags.append(f"group::{tag(fact.group)}")
    if fact.topic:
        tags.append(f"topic::{fact.topic}")
    if fact.priority != SHOULD_KNOW:
        tags.append(f"priority::{fact.priority}")
    return list(dict.fromkeys(t for t in tags if t))


def from_tags(deck: Deck, fact: Fact) -> Fact:
    """`fact` (as an import made it) with the tags note_tags writes for a topic and a priority
    (`topic::liver-spread`, `priority::must-know`) taken out of its tags and read as its topic
    and priority, "" for each it has no tag of: a note moved to another
    topic or priority in Anki by its tag moves the fact. A topic the deck does not have stays a tag."""
    topics = {topic.id for topic in deck.topics}
    topic, priority, tags = "", "", []
    for tag in fact.tags:
        kind, _, value = tag.partition("::")
        if kind == "topic" and value in topics:
            topic = value
        elif kind == "priority" and value in PRIORITIES:
            priority = value
        else:
            tags.append(tag)
    return fact._replace(topic=topic, priority=priority, tags=tuple(tags))


def whys_read_back(old: Fact, explanation: str) -> tuple[str, dict[str, str]]:
    """An imported explanation without the "Wrong options" text whys_html wrote after it, edited or
    not: its last paragraphs, each "<a distractor of `old`>: <why>", as an import reads that field;
    and the whys they give, by distractor (quiz.interop.merge)."""
    paragraphs = explanation.split("\n\n")
    longest_first = sorted(old.distractors, key=len, reverse=True)
    whys: dict[str, str] = {}
    while paragraphs:
        said = next((d for d in longest_first if paragraphs[-1].startswith(f"{d}: ") and d not in whys), None)
        if said is None:
            break
        whys[said] = paragraphs.pop()[len(said) + 2 :]
    return "\n\n".join(paragraphs), whys


def _model(deck: Deck) -> genanki.Model:
    import genanki

    return genanki.Model(
        stable_id("quiz-model", deck.id),
        f"quiz: {deck.id}",
        fields=[{"name": name} for name in FIELDS],
        templates=[{"name": "Question and answer", "qfmt": QUESTION_TEMPLATE, "afmt": ANSWER_TEMPLATE}],
        css=CSS,
    )


def _cloze_model(deck: Deck) -> genanki.Model:
    """The deck's cloze note type ("quiz cloze: DECK-ID"): the stock Cloze type's fields and card."""
    import genanki

    return genanki.Model(
        stable_id("quiz-cloze-model", deck.id),
        f"{QUIZ_CLOZE_PREFIX}{deck.id}",
        fields=[{"name": name} for name in NOTE_TYPES["cloze"]],
        templates=[
            {
                "name": "Cloze",
                "qfmt": "{{cloze:Text}}",
                "afmt": "{{cloze:Text}}<br>\n{{#Back Extra}}<hr>{{Back Extra}}{{/Back Extra}}",
            }
        ],
        css=CSS,
        model_type=genanki.Model.CLOZE,
    )


def notes(deck: Deck) -> list[genanki.Note]:
    """The deck's notes, one for each fact in order: a cloze note for a fact with a statement, a
    note of the deck's own type for the others."""
    import genanki

    model, cloze_model = _model(deck), _cloze_model(deck)
    made = []
    for fact in deck.facts:
        cloze = _cloze_note(deck, fact, cloze_model)
        if cloze is not None:
            made.append(cloze)
            continue
        fields = [
            to_html(fact.question),
            to_html(fact.answer),
            to_html(fact.explanation),
            whys_html(fact),
            to_html(source_text(deck, fact)),
        ]
        made.append(
            genanki.Note(model=model, fields=fields, tags=note_tags(deck, fact), guid=fact_guid(deck.id, fact))
        )
    return made


def build_package(deck: Deck) -> genanki.Package:
    """The genanki package for a deck, with one note for each fact."""
    import genanki

    description = "<br><br>".join(to_html(t) for t in (deck.description, deck.disclaimer) if t)
    anki_deck = genanki.Deck(stable_id("quiz-deck", deck.id), deck.title.replace("::", ":"), description)
    for note in notes(deck):
        anki_deck.add_note(note)
    return genanki.Package(anki_deck)


def _cloze_note(deck: Deck, fact: Fact, model: genanki.Model) -> genanki.Note | None:
    """A fact with a statement as a cloze note (of _cloze_model: Text, Back Extra),
    its span the one deletion; None for a fact without one. Back Extra holds the explanation, the
    whys and the source. "{" in deck text is an entity, so no text but the span is a deletion; and
    ":" in the span is one too, since Anki's cloze parser (rslib/src/cloze.rs) takes the first
    "::" in a deletion as the start of a hint: `{{c1::a::b}}` would ask "[b]" and answer "a"."""
    import genanki

    from quiz.deck.statement import split
    from quiz.interop.cloze import to_cloze

    parts = split(fact.statement) if fact.statement else None
    if parts is None:
        return None

    def text(part: str) -> str:
        return to_html(part).replace("{", "&#123;").replace("}", "&#125;")

    back = [to_html(fact.explanation), whys_html(fact), to_html(source_text(deck, fact))]
    return genanki.Note(
        model=model,
        fields=[
            to_cloze(text(parts.before), text(parts.span).replace(":", "&#58;"), text(parts.after)),
            "<br><br>".join(b for b in back if b),
        ],
        tags=note_tags(deck, fact),
        guid=fact_guid(deck.id, fact),
    )


def export_stamp() -> int:
    """The time, in whole seconds, an export stamps its notes with: the next whole second, once it
    has come (this waits for it, less than a second).

    Anki updates a note on import only where the package's note is newer than its own
    (rslib import_export/package/apkg/import/notes.rs compares their mtimes, whole seconds): two
    exports in one second gave the second's changed notes the first's stamp, and Anki kept the
    first's text. Each export's stamp is a second no earlier export had started in, so it is later
    than any stamp before it, and never in the future once the package exists."""
    stamp = math.floor(time.time()) + 1
    while (left := stamp - time.time()) > 0:
        time.sleep(left)
    return stamp


def write_apkg(deck: Deck, path: Path | str, *, timestamp: float | None = None) -> int:
    """Write the deck as an Anki package, replacing `path` whole, and return the number of notes.

    Anki updates a note on import only when the package's copy is newer, in whole seconds, so the
    notes carry the time of export (export_stamp: later than any export before it), or `timestamp`,
    in seconds, to make the file reproducible. genanki's own write_to_file leaves its SQLite file in
    the temporary folder; this removes it.
    """
    path = Path(path)
    package = build_package(deck)
    when = export_stamp() if timestamp is None else timestamp
    with tempfile.TemporaryDirectory(prefix="quiz-anki-") as work:
        db = Path(work) / "collection.anki2"
        conn = sqlite3.connect(db)
        try:
            package.write_to_db(conn.cursor(), when, itertools.count(int(when * 1000)))
            conn.commit()
        finally:
            conn.close()

        def zip_into(handle: BinaryIO) -> None:
            with zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as apkg:
                # A fixed date in the zip entries: the same deck and timestamp give the same bytes.
                for name, data in (("collection.anki2", db.read_bytes()), ("media", json.dumps({}).encode())):
                    apkg.writestr(zipfile.ZipInfo(name, _ZIP_DATE), data, zipfile.ZIP_DEFLATED)

        write_atomic(path, zip_into)
    return len(deck.facts)
