"""Parse and validate a deck file, collecting every problem with its line and column."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quiz.deck.errors import DeckError, Problem
from quiz.deck.model import (
    DECK_KEYS,
    FACT_KEYS,
    FORMAT_VERSION,
    PRIORITIES,
    SHOULD_KNOW,
    SOURCE_KEYS,
    TOPIC_KEYS,
    Deck,
    Fact,
    Source,
    Topic,
)
from quiz.deck.text import (
    CONTROL,
    SLUG,
    NotUTF8,
    control_character,
    decode,
    did_you_mean,
    normalize,
    not_a_slug,
    position,
)
from quiz.untrusted import visible

if TYPE_CHECKING:
    from quiz.deck.locate import Layout, Table
    from quiz.deck.positions import Positions

# tomli and quiz.deck.locate are imported where a deck's text is parsed: a deck read back from the
# cache (quiz.deck.cache), as at every start of the app, needs neither.

MAX_BYTES = 8 * 1024 * 1024
"""The largest deck file accepted (8 MiB: about 15,000 facts of patient text)."""
MAX_FACTS = 20_000
"""The most facts a deck may hold: twice the largest deck quiz is benchmarked with (bench/, 10,000)."""
MAX_CHARS = 2_000
"""The longest text of any field but the long ones: about 300 words, ten times the longest question,
answer or glossary definition of the built-in deck (plain-language guidance keeps each far shorter)."""
MAX_LONG_CHARS = 10_000
"""The longest explanation, description or disclaimer: about 1,500 words, some pages of reading.
A longer text makes every screen that shows it slow to draw (docs/deck-format.md, "Limits")."""
LONG_KEYS = ("explanation", "description", "disclaimer")

EMPTY = "the file is empty: a deck needs format = 1, a [deck] table and [[facts]]"

TOP_KEYS = ("format", "deck", "sources", "topics", "glossary", "facts")
DISTRACTOR_KEYS = ("text", "why")


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return f"the date/time {value.isoformat()}"
    return type(value).__name__


def _control_message(text: str, limit: int = MAX_CHARS) -> str | None:
    """What is wrong with a text of the deck: a control character, or more than `limit` characters."""
    bad = control_character(text)
    if bad:
        return bad
    if len(text) > limit:
        return f'is {len(text):,} characters long; the limit is {limit:,} (see "Limits" in docs/deck-format.md)'
    return None


class _Checker:
    """Walks the parsed TOML once, building the model and collecting problems."""

    def __init__(self, path: Path, layout: Layout) -> None:
        self.path = path
        self.layout = layout
        self.problems: list[Problem] = []

    def add(self, where: tuple[int, int] | None, message: str) -> None:
        line, col = where if where else (None, None)
        self.problems.append(Problem(self.path, line, col, message))

    @staticmethod
    def pos(table: Table | None, key: str | None = None) -> tuple[int, int] | None:
        if table is None:
            return None
        if key is not None and key in table.keys:
            return table.keys[key]
        return (table.line, 1)

    def item_pos(self, table: Table | None, key: str, n: int) -> tuple[int, int] | None:
        """Where the `n`-th item (from 1) of the array `key` was written, else where `key` was."""
        found = table.item(key, n - 1) if table is not None else None
        return found or self.pos(table, key)

    def top_pos(self, key: str) -> tuple[int, int]:
        """Where a top-level key was written: as `key = ...`, as [key] or as the first [[key]]."""
        layout = self.layout
        if key in layout.top.keys:
            return layout.top.keys[key]
        table = layout.tables.get(key) or next(iter(layout.arrays.get(key, [])), None)
        return (table.line, 1) if table else (1, 1)

    def unknown_keys(self, data: dict[str, Any], allowed: tuple[str, ...], table: Table | None, label: str) -> None:
        for key in data:
            if key not in allowed:
                self.add(
                    self.pos(table, key),
                    f'{label}unknown key "{visible(key)}"{did_you_mean(key, allowed)}',
                )

    def text(
        self,
        data: dict[str, Any],
        key: str,
        table: Table | None,
        label: str,
        *,
        required: bool = False,
        slug: bool = False,
    ) -> str:
        value = data.get(key)
        if value is None:
            if required:
                self.add(self.pos(table), f'{label}missing "{key}"')
            return ""
        if not isinstance(value, str):
            self.add(
                self.pos(table, key),
                f'{label}"{key}" must be text, got {_kind(value)}'
                + (
                    f' (write it in quotes: {key} = "{value}")'
                    if isinstance(value, int | float) and not isinstance(value, bool)
                    else ""
                ),
            )
            return ""
        bad = _control_message(value, MAX_LONG_CHARS if key in LONG_KEYS else MAX_CHARS)
        if bad:
            self.add(self.pos(table, key), f'{label}"{key}" {bad}')
            return ""
        if required and not value.strip():
            self.add(self.pos(table, key), f'{label}"{key}" is empty')
            return ""
        if slug and not SLUG.match(value):
            self.add(self.pos(table, key), f'{label}"{key}" {not_a_slug(value)}')
            return ""
        return value

    def texts(self, data: dict[str, Any], key: str, table: Table | None, label: str) -> tuple[str, ...]:
        value = data.get(key)
        if value is None:
            return ()
        if not isinstance(value, list):
            hint = f' (write a list: {key} = ["..."])' if isinstance(value, str) else ""
            self.add(self.pos(table, key), f'{label}"{key}" must be a list of texts, got {_kind(value)}{hint}')
            return ()
        items: list[str] = []
        for n, item in enumerate(value, start=1):
            if not isinstance(item, str):
                self.add(self.item_pos(table, key, n), f'{label}"{key}" item {n} must be text, got {_kind(item)}')
            elif self.text_item(item, key, n, table, label):
                items.append(item)
        return tuple(items)

    def text_item(self, item: str, key: str, n: int, table: Table | None, label: str) -> bool:
        """Whether the `n`-th text of the list `key` can be used (no control character, not empty)."""
        bad = _control_message(item)
        if bad:
            self.add(self.item_pos(table, key, n), f'{label}"{key}" item {n} {bad}')
            return False
        if not item.strip():
            self.add(self.item_pos(table, key, n), f'{label}"{key}" item {n} is empty')
            return False
        return True

    def tables(self, data: dict[str, Any], name: str) -> list[tuple[dict[str, Any], Table | None]]:
        value = data.get(name)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.add(
                self.pos(self.layout.top, name), f'"{name}" must be written as [[{name}]] tables, got {_kind(value)}'
            )
            return []
        return [(entry, self.layout.entry(name, i) or self._fallback(name)) for i, entry in enumerate(value)]

    def identified(
        self, data: dict[str, Any], name: str, keys: tuple[str, ...], what: str
    ) -> Iterator[tuple[dict[str, Any], Table | None, str, str]]:
        """Each [[name]] table as (entry, table, label, id): unknown keys reported, the id read as
        a required slug and a repeated id reported ("duplicate {what} id") at its line."""
        seen: set[str] = set()
        for n, (entry, table) in enumerate(self.tables(data, name), start=1):
            label = f"{what} #{n}: "
            self.unknown_keys(entry, keys, table, label)
            ident = self.text(entry, "id", table, label, required=True, slug=True)
            if ident and ident in seen:
                self.add(self.pos(table, "id"), f'{label}duplicate {what} id "{ident}"')
            seen.add(ident)
            yield entry, table, label, ident

    def _fallback(self, name: str) -> Table:
        from quiz.deck.locate import Table

        return Table(*(self.pos(self.layout.top, name) or (1, 1))[:1])


def _check_deck_table(c: _Checker, data: dict[str, Any]) -> dict[str, Any]:
    deck = data.get("deck")
    table = c.layout.table("deck")
    if deck is None:
        c.add((1, 1), 'missing the [deck] table (it holds the deck\'s "id" and "title")')
        return {}
    if not isinstance(deck, dict):
        c.add(c.pos(c.layout.top, "deck"), f'"deck" must be a table ([deck]), got {_kind(deck)}')
        return {}
    label = "[deck] "
    c.unknown_keys(deck, DECK_KEYS, table, label)
    reviewed = deck.get("reviewed")
    if reviewed is not None and (not isinstance(reviewed, dt.date) or isinstance(reviewed, dt.datetime)):
        c.add(
            c.pos(table, "reviewed"),
            f'{label}"reviewed" must be a date written without quotes, like reviewed = 2026-11-27; '
            f"got {_kind(reviewed)}",
        )
        reviewed = None
    return {
        "id": c.text(deck, "id", table, label, required=True, slug=True),
        "title": c.text(deck, "title", table, label, required=True),
        "description": c.text(deck, "description", table, label),
        "language": c.text(deck, "language", table, label) or "en",
        "audience": c.text(deck, "audience", table, label),
        "version": c.text(deck, "version", table, label),
        "reviewed": reviewed,
        "disclaimer": c.text(deck, "disclaimer", table, label),
        "tags": c.texts(deck, "tags", table, label),
    }


def _check_sources(c: _Checker, data: dict[str, Any]) -> tuple[Source, ...]:
    sources: list[Source] = []
    for entry, table, label, sid in c.identified(data, "sources", SOURCE_KEYS, "source"):
        sources.append(
            Source(
                id=sid,
                title=c.text(entry, "title", table, label, required=True),
                publisher=c.text(entry, "publisher", table, label),
                url=c.text(entry, "url", table, label),
            )
        )
    return tuple(sources)


def _check_topics(c: _Checker, data: dict[str, Any]) -> list[tuple[Topic, Table | None]]:
    """Each [[topics]] entry as a Topic, with where it was written."""
    topics: list[tuple[Topic, Table | None]] = []
    for entry, table, label, tid in c.identified(data, "topics", TOPIC_KEYS, "topic"):
        title = c.text(entry, "title", table, label, required=True)
        topics.append((Topic(id=tid, title=title, summary=c.text(entry, "summary", table, label)), table))
    return topics


def _check_fact_topic(c: _Checker, entry: dict[str, Any], table: Table | None, label: str, topic_ids: set[str]) -> None:
    """A fact names a [[topics]] id when, and only when, the deck has topics."""
    topic = entry.get("topic")
    if not isinstance(topic, str) or _control_message(topic):
        if topic is None and topic_ids:
            known = ", ".join(f'"{t}"' for t in sorted(topic_ids))
            c.add(c.pos(table), f'{label}missing "topic": this deck has [[topics]], so every fact names one ({known})')
        return  # a value of the wrong kind is reported by c.text
    if topic not in topic_ids:
        known = ", ".join(f'"{t}"' for t in sorted(topic_ids)) or "none: add a [[topics]] table"
        c.add(c.pos(table, "topic"), f'{label}"topic" names "{topic}", which is not a [[topics]] id (known: {known})')


def _check_glossary(c: _Checker, data: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    glossary = data.get("glossary")
    if glossary is None:
        return ()
    table = c.layout.table("glossary")
    if not isinstance(glossary, dict):
        c.add(c.pos(c.layout.top, "glossary"), f'"glossary" must be a table ([glossary]), got {_kind(glossary)}')
        return ()
    terms: list[tuple[str, str]] = []
    for term, definition in glossary.items():
        where = c.pos(table, term)
        bad = _control_message(term)
        if bad:
            c.add(where, f"[glossary] a term {bad}")
        elif not term.strip():
            c.add(where, "[glossary] a term is empty")
        elif not isinstance(definition, str):
            c.add(where, f'[glossary] "{term}" must be defined as text, got {_kind(definition)}')
        elif _control_message(definition):
            c.add(where, f'[glossary] "{term}" {_control_message(definition)}')
        elif not definition.strip():
            c.add(where, f'[glossary] "{term}" has an empty definition')
        else:
            terms.append((term, definition))
    return tuple(terms)


def _check_distractors(
    c: _Checker, entry: dict[str, Any], table: Table | None, label: str, answer: str
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The distractors' texts and their whys ("" where none; () when no distractor has one).

    An item is a text or an inline table { text = "...", why = "..." }; a text must differ from
    the answer and from the other texts (compared as `normalize` folds them). A problem in an item
    is placed where the item begins.
    """
    value = entry.get("distractors")
    if not isinstance(value, list):
        return c.texts(entry, "distractors", table, label), ()
    texts: list[str] = []
    whys: list[str] = []
    seen = {normalize(answer)} if answer else set()
    for n, item in enumerate(value, start=1):
        where = c.item_pos(table, "distractors", n)
        if isinstance(item, dict):
            found = _distractor_table(c, item, where, f"{label}distractor {n}: ")
            if found is None:
                continue
            text, why = found
        elif not isinstance(item, str):
            c.add(
                where,
                f'{label}"distractors" item {n} must be text or {{ text = "...", why = "..." }}, got {_kind(item)}',
            )
            continue
        elif c.text_item(item, "distractors", n, table, label):
            text, why = item, ""
        else:
            continue
        key = normalize(text)
        if answer and key == normalize(answer):
            c.add(where, f"{label}the distractor {text!r} is the same as the answer")
        elif key in seen:
            c.add(where, f"{label}the distractor {text!r} is given twice")
        seen.add(key)
        texts.append(text)
        whys.append(why)
    return tuple(texts), tuple(whys) if any(whys) else ()


def _distractor_table(
    c: _Checker, item: dict[str, Any], where: tuple[int, int] | None, label: str
) -> tuple[str, str] | None:
    """The text and why of a distractor written { text = "...", why = "..." }, or None after a problem."""
    from quiz.deck.locate import Table

    before = len(c.problems)
    spot = Table(where[0] if where else 0)  # the item's keys are all placed where it begins
    spot.keys = dict.fromkeys((*item, *DISTRACTOR_KEYS), where or (1, 1))
    c.unknown_keys(item, DISTRACTOR_KEYS, spot, label)
    if "text" not in item:
        c.add(where, f'{label}missing "text" (write {{ text = "...", why = "..." }})')
    text = c.text(item, "text", spot, label, required=True) if "text" in item else ""
    why = c.text(item, "why", spot, label)
    if isinstance(item.get("why"), str) and not item["why"].strip():
        c.add(where, f'{label}"why" is empty: say why a learner might pick this option, or leave "why" out')
    return (text, why) if len(c.problems) == before else None


def _check_priority(c: _Checker, entry: dict[str, Any], table: Table | None, label: str) -> str:
    """The fact's priority: one of PRIORITIES, SHOULD_KNOW when not given."""
    value = entry.get("priority")
    if value is not None and not isinstance(value, str):
        c.add(c.pos(table, "priority"), f'{label}"priority" must be one of {_quoted(PRIORITIES)}, got {_kind(value)}')
        return SHOULD_KNOW
    priority = c.text(entry, "priority", table, label)
    if not priority:
        if isinstance(value, str) and not _control_message(value):
            c.add(c.pos(table, "priority"), f'{label}"priority" is empty: use one of {_quoted(PRIORITIES)}')
        return SHOULD_KNOW
    if priority not in PRIORITIES:
        hint = did_you_mean(priority.strip().lower().replace(" ", "-").replace("_", "-"), PRIORITIES)
        c.add(
            c.pos(table, "priority"),
            f'{label}"priority" is "{priority}", which is not one of {_quoted(PRIORITIES)}{hint}',
        )
        return SHOULD_KNOW
    return priority


def _quoted(names: tuple[str, ...]) -> str:
    return ", ".join(f'"{n}"' for n in names)


def _check_fact(
    c: _Checker, entry: dict[str, Any], table: Table | None, n: int, source_ids: set[str], topic_ids: set[str]
) -> Fact | None:
    raw_id = entry.get("id")
    label = (
        f'fact "{raw_id}": '
        if isinstance(raw_id, str) and raw_id.strip() and not _control_message(raw_id)
        else f"fact #{n}: "
    )
    before = len(c.problems)
    c.unknown_keys(entry, FACT_KEYS, table, label)
    fid = c.text(entry, "id", table, label, required=True, slug=True)
    question = c.text(entry, "question", table, label, required=True)
    answer = c.text(entry, "answer", table, label, required=True)
    distractors, whys = _check_distractors(c, entry, table, label, answer)
    source = c.text(entry, "source", table, label)
    if source and source not in source_ids:
        known = ", ".join(f'"{s}"' for s in sorted(source_ids)) or "none: add a [[sources]] table"
        c.add(
            c.pos(table, "source"), f'{label}"source" names "{source}", which is not a [[sources]] id (known: {known})'
        )
    _check_fact_topic(c, entry, table, label, topic_ids)
    fact = Fact(
        id=fid,
        question=question,
        answer=answer,
        distractors=distractors,
        explanation=c.text(entry, "explanation", table, label),
        source=source,
        refs=c.text(entry, "refs", table, label),
        group=c.text(entry, "group", table, label),
        tags=c.texts(entry, "tags", table, label),
        accept=c.texts(entry, "accept", table, label),
        allow=c.texts(entry, "allow", table, label),
        topic=c.text(entry, "topic", table, label),
        priority=_check_priority(c, entry, table, label),
        whys=whys,
    )
    return fact if len(c.problems) == before else None


def parse_deck(text: str, path: Path | str = "<deck>") -> Deck:
    """Turn the text of a deck file into a Deck, or raise DeckError listing every problem.

    Problems always carry their line and column: the text is scanned for where its keys are
    (quiz.deck.locate) only when it has a problem. parse_with_positions also gives a valid
    deck's positions, for authoring advice.
    """
    path = Path(path)
    unix = text.replace("\r\n", "\n")  # a lone CR is refused; CR LF ends a line
    bad = CONTROL.search(unix)
    if bad:
        line, col = position(unix, bad.start())
        raise DeckError([Problem(path, line, col, f"the file {_control_message(bad.group())}")])
    if not text.strip():
        raise DeckError([Problem(path, None, None, EMPTY)])
    import tomli

    from quiz.deck.locate import Layout, locate

    try:
        data = tomli.loads(text)
    except tomli.TOMLDecodeError as err:
        from quiz.deck.syntax import describe

        msg = getattr(err, "msg", str(err))
        line, col, plain = describe(text, msg, getattr(err, "lineno", None), getattr(err, "colno", None))
        raise DeckError([Problem(path, line, col, plain)]) from None
    except RecursionError:
        raise DeckError([Problem(path, None, None, "the file nests tables or lists too deeply to read")]) from None
    if not data:
        raise DeckError([Problem(path, None, None, EMPTY)])
    try:
        return _build(data, path, Layout())
    except DeckError:
        pass  # build again with the text's layout, so that every problem says where it is
    return _build(data, path, locate(text))


def parse_with_positions(text: str, path: Path | str = "<deck>") -> tuple[Deck, Positions]:
    """parse_deck, and where the deck's facts and topics were written (found only when asked)."""
    from quiz.deck.positions import Positions

    deck = parse_deck(text, path)
    return deck, Positions(text, facts=len(deck.facts))


def read_with_positions(path: Path | str) -> tuple[Deck, Positions]:
    """load_deck (without the cache), and where the deck's facts and topics were written.

    Raises DeckError as load_deck does.
    """
    path = Path(path)
    raw = _read(path)
    return parse_with_positions(_decode(raw, path), path)


def _build(data: dict[str, Any], path: Path, layout: Layout) -> Deck:
    c = _Checker(path, layout)
    fmt = data.get("format")
    if fmt is None:
        c.add((1, 1), f'missing "format = {FORMAT_VERSION}" at the top of the file')
    elif fmt != FORMAT_VERSION or isinstance(fmt, bool):
        c.add(
            c.pos(layout.top, "format"),
            f"unsupported format {fmt!r}: this version of quiz reads format = {FORMAT_VERSION}",
        )
    for key in data:
        if key not in TOP_KEYS:
            c.add(c.top_pos(key), f'unknown key "{visible(key)}"{did_you_mean(key, TOP_KEYS)}')
    meta = _check_deck_table(c, data)
    sources = _check_sources(c, data)
    topics = _check_topics(c, data)
    glossary = _check_glossary(c, data)
    source_ids = {s.id for s in sources if s.id}
    topic_ids = {t.id for t, _ in topics if t.id}
    facts: list[Fact] = []
    entries = c.tables(data, "facts")
    if len(entries) > MAX_FACTS:
        first_beyond = entries[MAX_FACTS][1]
        c.add(
            (first_beyond.line, 1) if first_beyond else None,
            f"the deck has {len(entries):,} facts; the limit is {MAX_FACTS:,} (split it into several decks)",
        )
        entries = []
    if not entries and "facts" not in data:
        c.add(
            None if not layout.table("deck") else (layout.table("deck").line, 1),  # type: ignore[union-attr]
            "the deck has no facts: add at least one [[facts]] table",
        )
    seen: dict[str, int] = {}
    for n, (entry, table) in enumerate(entries, start=1):
        fact = _check_fact(c, entry, table, n, source_ids, topic_ids)
        fid = entry.get("id")
        if isinstance(fid, str) and fid:
            if fid in seen:
                c.add(
                    c.pos(table, "id"),
                    f'fact "{fid}": duplicate id (fact #{seen[fid]} has it too); ids must be unique and never reused',
                )
            else:
                seen[fid] = n
        if fact is not None:
            facts.append(fact)
    named = {entry.get("topic") for entry, _ in entries}
    for topic, table in {t.id: (t, table) for t, table in reversed(topics)}.values():  # the first of each id
        if topic.id and topic.id not in named:
            c.add(
                c.pos(table, "id"),
                f'topic "{topic.id}" has no facts: name it in a fact (topic = "{topic.id}") or remove the topic',
            )
    if c.problems:
        c.problems.sort(key=lambda p: (p.line or 0, p.col or 0))
        raise DeckError(c.problems)
    return Deck(facts=tuple(facts), sources=sources, glossary=glossary, topics=tuple(t for t, _ in topics), path=path,
                **meta)  # fmt: skip


def load_deck(path: Path | str, *, cache: Path | None = None) -> Deck:
    """Read a deck file and return the Deck, or raise DeckError listing every problem.

    With `cache` (a folder), a deck whose bytes were loaded before is read back from there
    instead of being parsed and validated again.
    """
    path = Path(path)
    if cache is not None:
        from quiz.deck import cache as deck_cache

        with _file_problems(path):
            _check_size(path)
            cached = deck_cache.read(deck_cache.file_key(path), cache, path)
        if cached is not None:
            return cached
    raw = _read(path)
    deck = parse_bytes(raw, path)
    if cache is not None:
        # Keyed by the bytes parsed, not by the hash taken before: an edit saved between the two
        # reads must not file the new deck under the old text's key.
        deck_cache.write(deck_cache.bytes_key(raw), deck, cache)
    return deck


@contextmanager
def _file_problems(path: Path) -> Iterator[None]:
    """A file that cannot be read becomes a DeckError saying why."""
    try:
        yield
    except IsADirectoryError:
        raise DeckError([Problem(path, None, None, "is a folder, not a deck file")]) from None
    except OSError as err:
        raise DeckError([Problem(path, None, None, f"cannot read the file: {err.strerror or err}")]) from None


def _check_size(path: Path) -> None:
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise DeckError(
            [
                Problem(
                    path,
                    None,
                    None,
                    f"the file is {size / 1048576:.1f} MiB; decks may be at most "
                    f"{MAX_BYTES // 1048576} MiB (split it into several decks)",
                )
            ]
        )


def _read(path: Path) -> bytes:
    with _file_problems(path):
        _check_size(path)
        return path.read_bytes()


def _decode(raw: bytes, path: Path) -> str:
    if len(raw) > MAX_BYTES:
        raise DeckError([Problem(path, None, None, f"the file is larger than {MAX_BYTES // 1048576} MiB")])
    try:
        return decode(raw)
    except NotUTF8 as err:
        raise DeckError([Problem(path, err.line, err.col, f"the file is {err}; save it as UTF-8")]) from None


def parse_bytes(raw: bytes, path: Path | str = "<deck>") -> Deck:
    """Decode a deck file's bytes (UTF-8, an optional BOM) and parse it."""
    path = Path(path)
    return parse_deck(_decode(raw, path), path)
