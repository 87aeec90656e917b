"""What the screens use, handed to them when they are built: the settings, the decks, the history."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.mode import Mode
from quiz.schedule import utc
from quiz.tui.settle import SETTLE_S

if TYPE_CHECKING:
    from quiz.deck.cache import DeckSummary
    from quiz.deck.discover import FoundDeck
    from quiz.store import Store


@dataclass
class StudyRequest:
    """A session to open straight away (`quiz study DECK ...`)."""

    path: Path
    mode: Mode = Mode.MIXED
    count: int | None = None


@dataclass
class Settings:
    """What the command line decided: where data lives, which decks, the seed and the clock."""

    data_dir: Path
    deck_paths: list[Path] | None = None
    seed: int | None = None
    clock: Callable[[], datetime] = field(default=lambda: utc())
    fuzz: bool = True
    blink: bool = True
    watch_interval: float = 1.0
    """Seconds between looks at the deck files for edits (quiz.tui.decks.DeckWatch)."""
    config_dir: Path | None = None
    """Where the person's choices (the theme) are kept (quiz.preferences); None keeps nothing."""
    settle: float = SETTLE_S
    """Seconds a screen ignores keys after something new appears on it (quiz.tui.settle)."""


@dataclass
class Services:
    """The app's shared state, one object every screen is given (never reached through `self.app`).

    `decks` is the list Home shows, in order; an entry whose deck and error are both None is still
    being checked off the UI thread (quiz.tui.decks), and `summaries` then holds what the parsed-deck
    cache knows of it, by path. `store` is None when the history cannot be used (`store_problem`
    says why); the app replaces it when the history is restored.
    """

    settings: Settings
    decks: list[FoundDeck] = field(default_factory=list)
    summaries: dict[Path, DeckSummary] = field(default_factory=dict)
    store: Store | None = None
    store_problem: str | None = None

    def identity(self, found: FoundDeck) -> DeckSummary | None:
        """The deck's id, title, fact ids and glossary: from the deck, from the cache's summary while
        it is being checked, or None (a deck that cannot be used, or being checked with no summary)."""
        from quiz.deck.cache import DeckSummary

        if found.deck is not None:
            return DeckSummary.of(found.deck)
        summary = self.summaries.get(found.path)
        if found.error is None and summary is not None:
            return summary
        return None

    def now(self) -> datetime:
        """The current time (the settings' clock: frozen in tests), timezone-aware UTC."""
        return self.settings.clock()
