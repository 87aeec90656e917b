"""What the screens use, handed to them when they are built: the settings, the decks, the history."""

from __future__ import annotations

from collections.abc import Callable
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


class StudyRequest:
    """A session to open straight away (`quiz study DECK ...`)."""

    def __init__(self, path: Path, mode: Mode = Mode.MIXED, count: int | None = None) -> None:
        self.path = path
        self.mode = mode
        self.count = count


class Settings:
    """What the command line decided: where data lives, which decks, the seed and the clock.

    This and the two classes beside it are plain classes, not dataclasses: a dataclass writes and
    compiles its methods when its module is imported (2.3 M instructions each at every start of the
    app, docs/benchmarks.md), and none of the three is compared, copied or printed.
    """

    def __init__(
        self,
        data_dir: Path,
        deck_paths: list[Path] | None = None,
        seed: int | None = None,
        clock: Callable[[], datetime] = utc,
        fuzz: bool = True,
        blink: bool = True,
        watch_interval: float = 1.0,
        config_dir: Path | None = None,
        settle: float = SETTLE_S,
    ) -> None:
        self.data_dir = data_dir
        self.deck_paths = deck_paths
        self.seed = seed
        self.clock = clock
        self.fuzz = fuzz
        self.blink = blink
        self.watch_interval = watch_interval
        """Seconds between looks at the deck files for edits (quiz.tui.decks.DeckWatch)."""
        self.config_dir = config_dir
        """Where the person's choices (the theme) are kept (quiz.preferences); None keeps nothing."""
        self.settle = settle
        """Seconds a screen ignores keys after something new appears on it (quiz.tui.settle)."""


class Services:
    """The app's shared state, one object every screen is given (never reached through `self.app`).

    `decks` is the list Home shows, in order (set by `show_decks` and `reloaded`); an entry whose
    deck and error are both None is still being checked off the UI thread (quiz.tui.decks), and
    `summaries` then holds what the parsed-deck cache knows of it, by path. `store` is None when
    the history cannot be used (`store_problem` says why); the app replaces it when the history is
    restored.
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.decks: list[FoundDeck] = []
        self._loaded: list[FoundDeck] = []
        self.summaries: dict[Path, DeckSummary] = {}
        self.store: Store | None = None
        self.store_problem: str | None = None

    def show_decks(self, loaded: list[FoundDeck]) -> None:
        """Show the deck files as loaded (in Home's order): `decks` is `loaded` with each deck whose
        id another file also uses refused (quiz.deck.discover.refuse_shared_ids). The decks as
        loaded are kept, so the refusal is worked out again at each reload: a deck refused for
        another file's id is usable again once that file is gone or has another id."""
        from quiz.deck.discover import refuse_shared_ids

        self._loaded = list(loaded)
        self.decks[:] = refuse_shared_ids(self._loaded)

    def reloaded(self, index: int, found: FoundDeck) -> FoundDeck:
        """Show `found`, a deck file loaded again, at `index` of `decks` (len(decks): a file new in
        the folder), and return what `decks` now holds there (refused if its id is another's)."""
        self.summaries.pop(found.path, None)
        self.show_decks([*self._loaded[:index], found, *self._loaded[index + 1 :]])
        return self.decks[index]

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

    def scheduled(self) -> dict[str, set[str]]:
        """{deck id: the ids it schedules now} of every deck Home lists (quiz.glossary.scheduled; a
        deck still being checked: from its cached summary); the first deck of a repeated id counts.
        What is due is counted among these, so History and the timers count what Home counts."""
        from quiz.glossary import scheduled

        out: dict[str, set[str]] = {}
        for found in self.decks:
            if (known := self.identity(found)) is not None and known.id not in out:
                out[known.id] = scheduled(known.fact_ids, known.glossary)
        return out

    def now(self) -> datetime:
        """The current time (the settings' clock: frozen in tests), timezone-aware UTC."""
        return self.settings.clock()
