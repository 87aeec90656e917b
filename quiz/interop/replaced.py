"""The deck a `quiz import -o DECK.toml --force` replaces: what of it the new deck keeps, so that a
re-import never cuts the history (kept by deck id and fact id) off from its deck."""

from __future__ import annotations

import tomllib
from pathlib import Path

from quiz.deck.errors import DeckError
from quiz.deck.load import load_deck
from quiz.deck.model import DECK_KEYS, Deck
from quiz.deck.text import SLUG


def replaced_deck(out: Path) -> Deck | None:
    """The deck `--force` replaces, whose facts keep their ids where the import has them (same
    question and answer; quiz.interop.update.earlier_ids); None if it does not load as a deck."""
    try:
        return load_deck(out)
    except (DeckError, OSError):
        return None


def written_id(out: Path) -> str | None:
    """The [deck] id written in a deck file that does not load as a deck (a fact quiz refuses, say),
    so that replacing it keeps its history's id too; None if there is no file or no id to read, or the
    id is not one a deck may have (quiz.deck.text.SLUG: no deck, and so no history, ever had it)."""
    try:
        with out.open("rb") as file:
            table = tomllib.load(file).get("deck")
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return None
    deck_id = table.get("id") if isinstance(table, dict) else None
    return deck_id if isinstance(deck_id, str) and SLUG.match(deck_id) else None  # else no history has it


def keep_deck_fields(deck: Deck, replaced: Deck, *, title: str | None) -> Deck:
    """The imported deck with the [deck] fields (quiz.deck.model.DECK_KEYS) of the deck it replaces:
    its title (unless --title gives one), description, audience, disclaimer... The id and language
    are the replaced deck's already (unless --language gives one)."""
    kept = {key: getattr(replaced, key) for key in DECK_KEYS if key not in ("id", "language")}
    if title is not None:
        kept["title"] = title
    return deck._replace(**kept)
