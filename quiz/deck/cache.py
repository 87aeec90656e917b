"""A cache of parsed decks keyed by the hash of the file's bytes, so an unchanged deck is not parsed again.

The app loads every deck at each start; a large deck costs far more to parse and validate than to
read back. An entry is written only for a deck that loaded without a problem, in the person's
private data folder, with marshal (plain values only: nothing in an entry is ever run). A missing,
stale or unreadable entry is simply parsed again; the cache can be deleted at any time.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from pathlib import Path

from quiz import __version__
from quiz.deck.model import Deck, Fact, Source
from quiz.paths import FILE_MODE, ensure_private_dir

CACHE_FORMAT = 1
KEEP = 64
"""Entries kept; the oldest are removed when a new one is written (an author's edits make many)."""


def cache_dir(data_root: Path) -> Path:
    """Where parsed decks are cached, inside the data folder."""
    return data_root / "cache" / "decks"


def _key(raw: bytes) -> str:
    digest = hashlib.blake2b(raw, digest_size=20, person=f"quiz{CACHE_FORMAT}".encode())
    digest.update(__version__.encode())
    return digest.hexdigest()


def read(raw: bytes, folder: Path, path: Path) -> Deck | None:
    """The cached deck for these bytes, or None when there is no usable entry."""
    try:
        data = marshal.loads((folder / f"{_key(raw)}.bin").read_bytes())
        return _from_values(data, path)
    except Exception:  # any unreadable or stale entry is parsed again, never trusted
        return None


def write(raw: bytes, deck: Deck, folder: Path) -> None:
    """Keep a parsed deck for next time; a cache that cannot be written is no problem."""
    try:
        ensure_private_dir(folder)
        final = folder / f"{_key(raw)}.bin"
        tmp = folder / f".{final.name}.{os.getpid()}.tmp"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
        with open(fd, "wb") as out:
            out.write(marshal.dumps(_to_values(deck)))
        os.replace(tmp, final)
        _prune(folder)
    except (OSError, ValueError):
        return


def _prune(folder: Path) -> None:
    entries = sorted(folder.glob("*.bin"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[KEEP:]:
        old.unlink(missing_ok=True)


def _to_values(deck: Deck) -> tuple[object, ...]:
    facts = tuple(
        (f.id, f.question, f.answer, f.distractors, f.explanation, f.source, f.refs, f.group, f.tags, f.accept,
         f.allow, f.line)
        for f in deck.facts
    )  # fmt: skip
    sources = tuple((s.id, s.title, s.publisher, s.url) for s in deck.sources)
    reviewed = deck.reviewed.toordinal() if deck.reviewed else None
    meta = (deck.id, deck.title, deck.description, deck.language, deck.audience, deck.version, reviewed,
            deck.disclaimer, deck.tags)  # fmt: skip
    return (CACHE_FORMAT, meta, sources, deck.glossary, facts)


def _from_values(data: tuple[object, ...], path: Path) -> Deck:
    import datetime as dt

    fmt, meta, sources, glossary, facts = data
    if fmt != CACHE_FORMAT:
        raise ValueError("another cache format")
    deck_id, title, description, language, audience, version, reviewed, disclaimer, tags = meta  # type: ignore[misc]
    intern = sys.intern
    return Deck(
        id=deck_id,
        title=title,
        facts=tuple(
            Fact(fid, q, a, d, e, intern(src), intern(refs), intern(group), t, acc, allow, line)
            for fid, q, a, d, e, src, refs, group, t, acc, allow, line in facts  # type: ignore[attr-defined]
        ),
        description=description,
        language=language,
        audience=audience,
        version=version,
        reviewed=dt.date.fromordinal(reviewed) if reviewed is not None else None,  # type: ignore[arg-type]
        disclaimer=disclaimer,
        tags=tags,
        sources=tuple(Source(*s) for s in sources),  # type: ignore[attr-defined]
        glossary=glossary,  # type: ignore[arg-type]
        path=path,
    )
