"""A cache of parsed decks keyed by the hash of the file's bytes, so an unchanged deck is not parsed again.

The app loads every deck at each start; a large deck costs far more to parse and validate than to
read back. An entry is written only for a deck that loaded without a problem, in the person's
private data folder, with marshal (plain values only: nothing in an entry is ever run). A missing,
stale or unreadable entry is simply parsed again; the cache can be deleted at any time.

Each entry begins with a small summary of its deck (`DeckSummary`: id, title, fact ids), which
`read_summary` returns without reading the facts: Home draws a large deck's row from it at once.
"""

from __future__ import annotations

import marshal
import os
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple

from quiz import __version__
from quiz.deck.model import Deck, Fact, Source, Topic
from quiz.files import remove_stale_temps
from quiz.paths import FILE_MODE, ensure_private_dir

try:
    from _blake2 import blake2b
except ImportError:  # not CPython
    from hashlib import blake2b
# hashlib.blake2b is CPython's own _blake2.blake2b (hashlib prefers it to OpenSSL's), but importing
# hashlib loads OpenSSL as well: 15 M instructions at every start of the app, where 4 M do for
# _blake2 alone (docs/benchmarks.md).

CACHE_FORMAT = 53
"""Bumped whenever what the loader accepts or keeps changes (5: the field and fact limits; 6: topics,
priorities and whys; 7: statements; 8: no positions in facts and topics; 9: the summary in the
header; 10: glossary terms under one id refused; 11: options that say the same refused; 12: more
ways of saying the same, as typed marking reads numerals, counts and units; 13: a raised decimal
point read, units whose case is their meaning and accents outside English told apart, options that
look the same refused; 14: more ways of saying the same: "plus or minus", ranges with their unit at
both ends, powers of a length, counts of times in a period; 15: look-alike capitals read as written,
dots before a number, "umol" and "uL"; 16: look-alike letters only in a text of Latin letters; 17: a
code's digits read as written, a frequency and a percent of one proportion refused as two options;
18: scientific notation, primes and G/L read; 19: "-isation" is "-ization"; 20: a share in words,
"Half", read as 1 in 2; 21: a sign joined to a word, a leading "A" that names, a mark over a symbol,
a colon between numbers and a look-alike capital in a unit read; 22: British spellings from breame's
table and medical roots; 23: options drawn alike, "Ibuprofen" and "lbuprofen", refused; 24: a time
of day, "8 pm" is "20:00"; 25: one quantity in two units, "0.5 g" and "500 mg"; 26: glossary terms
that say the same, "Tumor" and "Tumour", refused; 27: a run of superscripts one power, "٪" and "≧"
read; 28: an x between numbers is ×; 29: a small i drawn apart from l, group answers and glossary
terms drawn alike refused; 30: an s joined to a number is no second; 31: a sign of the word before
it apart from one of the word after it; 32: no article before a function word or a blood group; 33:
British spellings in English decks only; 34: an ion charge in superscripts and the letters ae and oe
read; 35: a letter alone keeps its mark; 36: a slash joined to a number on one side kept; 37: a
molar unit apart from a length; 38: a unit read as a reader sees it in quiz check; 39: every look-
alike of Unicode's confusables, "0.5 mɡ" and "120∕80", refused; 40: letters of living alphabets and
words of other scripts kept; 41: letters of living alphabets look-alikes outside their languages, a
letter with an overlay or a dot read as the letter it is drawn as; 42: a sign or decimal mark past
soft punctuation, a unit's case however written, a space after a prefix that is a word and the Urdu
full stop read; 43: an accept form saying a number the answer does not refused; 44: a compound
unit's slash and product kept, "1 m/s" apart from "1 ms", units whose case is their meaning from
the SI Brochure, "1 M" apart from "1 m", a space after "not" and like words and between Roman
numerals kept; 45: look-alike letters read in a word of look-alikes beside numbers and symbols
("37 °С", "Н₂О"), Latin look-alikes in any word, "ß" kept apart from "ss" and "I" the capital of
"ı" in Turkish; 46: illnesses named in the plural whose singular is another word, "Piles" and
"pile", told apart; 47: a share written last is the proportion it gives, "½" and "Half", "1/3" and
"A third"; cc, lengths but metres, months in years and pounds in ounces convert; "1 million" is 1,000,000;
"- - 18" is no number -18; "genus" is no plural of "genu"; "1 to 3 in 100" is "1% to 3%"; "57°" is
no 57; "9481,000" is no 9481; 48: "cc" is a spelling of mL; 49: a full-width
macron or a dashed overline is a high minus, as "¯" is; 50: renin and rennin, cysteine and cystine
told apart; 51: a text of characters that show as nothing is empty, a brace outside a statement's span
refused), so no
deck is read back from the cache in an older shape or without meeting a newer rule."""
BATCH = 256
"""Facts in one record: enough for marshal to be fast, few enough to keep memory flat. Within a
record marshal keeps the loader's sharing (a text held by many facts is written once and read back
as one object), so a repeated text is held once per record, not once per fact."""
KEEP = 64
"""Entries kept; the oldest are removed when a new one is written (an author's edits make many)."""


class DeckSummary(NamedTuple):
    """What Home needs of a deck to draw its row: its id, title, fact ids (in deck order) and
    glossary ((term, meaning) pairs: its words are scheduled too, quiz.glossary.scheduled)."""

    id: str
    title: str
    fact_ids: tuple[str, ...]
    glossary: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, deck: Deck) -> DeckSummary:
        """The summary of a loaded deck, as read_summary gives it for the deck's cache entry."""
        return cls(deck.id, deck.title, tuple(f.id for f in deck.facts), deck.glossary)


def _hasher() -> blake2b:
    digest = blake2b(digest_size=20, person=f"quiz{CACHE_FORMAT}".encode())
    digest.update(__version__.encode())
    return digest


def file_key(path: Path) -> str:
    """The cache key of a deck file: a hash of its bytes (read in pieces, never all at once)."""
    digest = _hasher()
    with path.open("rb") as src:
        while chunk := src.read(1 << 16):
            digest.update(chunk)
    return digest.hexdigest()


def bytes_key(raw: bytes) -> str:
    """The cache key of a deck file's bytes: the same as file_key of a file holding them."""
    digest = _hasher()
    digest.update(raw)
    return digest.hexdigest()


def read(key: str, folder: Path, path: Path) -> Deck | None:
    """The cached deck with this key, or None when there is no usable entry."""
    try:
        with (folder / f"{key}.bin").open("rb") as entry:
            return _load(entry, path)
    except Exception:  # any unreadable or stale entry is parsed again, never trusted
        return None


def read_summary(key: str, folder: Path) -> DeckSummary | None:
    """The summary of the cached deck with this key (its first record only), or None."""
    try:
        with (folder / f"{key}.bin").open("rb") as entry:
            fmt, meta, _sources, _topics, glossary, _count, fact_ids = _get(entry)
        if fmt != CACHE_FORMAT:
            return None
        return DeckSummary(meta[0], meta[1], fact_ids, glossary)
    except Exception:  # as in read: an unusable entry is no summary
        return None


def write(key: str, deck: Deck, folder: Path) -> None:
    """Keep a parsed deck for next time; a cache that cannot be written is no problem."""
    try:
        ensure_private_dir(folder)
        final = folder / f"{key}.bin"
        tmp = folder / f".{final.name}.{os.getpid()}.tmp"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
            with open(fd, "wb") as out:
                _dump(deck, out)
            os.replace(tmp, final)
        except BaseException:
            tmp.unlink(missing_ok=True)  # a full disk leaves no half-written entry behind
            raise
        _prune(folder)
    except (OSError, ValueError):
        return


def _prune(folder: Path) -> None:
    """Keep the KEEP newest entries; remove temporary files a killed write left (quiz.files)."""
    entries = sorted(folder.glob("*.bin"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[KEEP:]:
        old.unlink(missing_ok=True)
    remove_stale_temps(folder)


def _put(values: Any, out: BinaryIO) -> None:
    """One record: its length, then its values in marshal's format (read back whole, which is fast)."""
    blob = marshal.dumps(values)
    out.write(len(blob).to_bytes(4, "little"))
    out.write(blob)


def _get(src: BinaryIO) -> Any:
    size = int.from_bytes(src.read(4), "little")
    blob = src.read(size)
    if len(blob) != size:
        raise EOFError("a cache entry was cut short")
    return marshal.loads(blob)


def _dump(deck: Deck, out: BinaryIO) -> None:
    """A header record, then records of BATCH facts, so reading never holds every fact's values twice."""
    reviewed = deck.reviewed.toordinal() if deck.reviewed else None
    meta = (deck.id, deck.title, deck.description, deck.language, deck.audience, deck.version, reviewed,
            deck.disclaimer, deck.tags)  # fmt: skip
    sources = tuple(map(tuple, deck.sources))
    topics = tuple(map(tuple, deck.topics))
    ids = tuple(f.id for f in deck.facts)  # the summary (read_summary)
    _put((CACHE_FORMAT, meta, sources, topics, deck.glossary, len(deck.facts), ids), out)
    facts = deck.facts
    for start in range(0, len(facts), BATCH):
        batch = facts[start : start + BATCH]
        _put(tuple(map(tuple, batch)), out)  # a fact's fields in Fact's order


def _load(src: BinaryIO, path: Path) -> Deck:
    """Rebuild a deck from its records (a text shared by the facts of a record stays shared: BATCH)."""
    import datetime as dt

    fmt, meta, sources, topics, glossary, count, _ids = _get(src)
    if fmt != CACHE_FORMAT:
        raise ValueError("another cache format")
    deck_id, title, description, language, audience, version, reviewed, disclaimer, tags = meta
    facts: list[Fact] = []
    while len(facts) < count:
        facts += map(Fact._make, _get(src))
    return Deck(
        id=deck_id,
        title=title,
        facts=tuple(facts),
        description=description,
        language=language,
        audience=audience,
        version=version,
        reviewed=dt.date.fromordinal(reviewed) if reviewed is not None else None,
        disclaimer=disclaimer,
        tags=tags,
        sources=tuple(Source(*s) for s in sources),
        glossary=glossary,
        topics=tuple(Topic._make(t) for t in topics),
        path=path,
    )
