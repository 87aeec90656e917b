"""Slugs (lowercase ASCII words joined by hyphens) made from any text, for deck and fact ids."""

from __future__ import annotations

import re
import unicodedata

_WORDS = re.compile(r"[a-z0-9]+")


def slugify(text: str, *, max_len: int = 48) -> str:
    """A slug from text, accents folded ("Über 120/80" gives "uber-120-80"); "" when nothing is left."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    ascii_text = "".join(c for c in folded if not unicodedata.combining(c))
    slug = ""
    for word in _WORDS.findall(ascii_text):
        longer = f"{slug}-{word}" if slug else word
        if len(longer) > max_len:
            return slug or word[:max_len]
        slug = longer
    return slug


def unique(slug: str, taken: set[str]) -> str:
    """The slug, or the slug with -2, -3... added, whichever is not yet taken; adds it to `taken`."""
    candidate, n = slug, 1
    while candidate in taken:
        n += 1
        candidate = f"{slug}-{n}"
    taken.add(candidate)
    return candidate
