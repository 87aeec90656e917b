"""The deck files while the app runs: loaded at start-up (large ones off the UI thread), then watched.

Home should show without waiting for a large deck. So at start-up a deck file of up to
`LOAD_AT_ONCE` bytes is loaded straight away (from the parsed-deck cache, or parsed: a few
milliseconds), while a larger one is left unchecked: Home draws its row from the cache's summary
of it (quiz.deck.cache.DeckSummary), or as "checking..." when the file changed since it was cached.
The app's watcher (a thread worker, QuizApp.watch_decks) then loads every unchecked deck and,
from then on, every deck file that changes on disk, and posts a `DeckReloaded` message for each;
the app passes it on to every screen.

A large deck that has to be parsed (new or edited) is parsed in a child process (`parse_in_child`),
which files it in the parsed-deck cache; the watcher then reads it back from there. The parser
(tomli is compiled and keeps Python's lock for its whole parse of a large file) would otherwise
take turns with the UI thread for half a second. Whatever happens to the child, the watcher then
loads the deck as before (`load_found`): from the entry the child wrote, or by parsing it itself,
so a deck with a problem shows the same errors, and a child that fails or is killed costs time only.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import suppress
from pathlib import Path

from textual.message import Message

from quiz.deck import cache as deck_cache
from quiz.deck.discover import FoundDeck, deck_files, deck_folders, load_found
from quiz.paths import builtin_decks_dir, cache_dir
from quiz.tui.services import Services

LOAD_AT_ONCE = 256 * 1024
"""Bytes: deck files up to this size are loaded before Home shows (the built-in deck is 57 KB and
parses in about 30 ms); larger ones are loaded by the watcher while Home shows their row."""

MASTERY_AT_ONCE = 1_000
"""Facts: a deck with more has its mastered facts counted off the UI thread (fsrs runs for every
reviewed fact: about 130 ms for 10,000 facts at a long history); Home shows "…" until then."""

Stamp = tuple[int, int] | None
"""A file's modification time (ns) and size, or None when it cannot be read."""
_UNCHECKED: Stamp = (-1, -1)
"""The stamp of a deck not loaded yet: never equal to a real file's, so the watcher loads it."""
CHILD_PARSE = (
    "import sys; from pathlib import Path; from quiz.deck.load import load_deck; "
    "load_deck(Path(sys.argv[1]), cache=Path(sys.argv[2]))"
)
"""What the child process of `parse_in_child` runs: load_deck through the cache, which files the deck."""
CHILD_TIMEOUT = 60.0
"""Seconds a child may parse before it is killed (an 8 MiB deck, the largest accepted, takes about 2 s)."""
_QUIZ_ROOT = Path(__file__).resolve().parents[2]
"""The folder holding the quiz package: the child imports this quiz, wherever the app was started."""


class DeckReloaded(Message, bubble=False):
    """A deck file was loaded (again): `found` replaces the app's decks[`index`]. `mastered` holds
    the ids of its mastered facts when the watcher counted them (a deck of more than
    MASTERY_AT_ONCE facts, counted in the watcher's thread right after the load, so that Home
    draws the row once and never counts while the deck is read), else None.

    Posted to the app by its watcher; the app then posts one to each screen.
    """

    def __init__(self, index: int, found: FoundDeck, mastered: set[str] | None = None) -> None:
        super().__init__()
        self.index = index
        self.found = found
        self.mastered = mastered


def reloads(watch: DeckWatch, services: Services) -> Iterator[DeckReloaded]:
    """A DeckReloaded for each deck file `watch` loads again (DeckWatch.changed), with the mastered
    facts of a large deck (counted_later) counted here, in the watcher's thread, right after the read:
    Home then draws the row once. Call it off the UI thread."""
    for index, fresh in watch.changed():
        deck, mastered = fresh.deck, None
        if deck is not None and counted_later(len(deck.facts)):
            mastered = count_mastered(services, deck.id, {f.id for f in deck.facts})
        yield DeckReloaded(index, fresh, mastered)


def counted_later(facts: int) -> bool:
    """Whether a deck of this many facts has its mastered facts counted off the UI thread
    (MASTERY_AT_ONCE): by the watcher when it loads the deck, by Home's worker when it draws again."""
    return facts > MASTERY_AT_ONCE


def count_mastered(services: Services, deck_id: str, ids: set[str]) -> set[str] | None:
    """The ids among `ids` of the deck's mastered facts (Store.mastered_facts, now), counted on a
    connection of the calling thread's own (a worker's); None when there is no history or it
    cannot be read now (the caller keeps its last count)."""
    from quiz.store import Store, StoreError

    store = services.store
    if store is None:
        return None
    try:
        with Store.open(services.settings.data_dir, scheduler=store.scheduler, backup=False) as own:
            return own.mastered_facts(deck_id, ids, services.now())
    except (StoreError, OSError):
        return None


def stamp(path: Path) -> Stamp:
    """The file's (modification time in ns, size in bytes), or None if it cannot be read."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


def deck_paths(services: Services, also: Path | None = None) -> list[tuple[Path, bool]]:
    """Every deck file the app shows, in Home's order, each with whether it is built in: the
    settings' deck paths, or the built-in decks then the person's decks folder; then `also`
    (the deck of `quiz study DECK`) if it is not among them."""
    settings = services.settings
    if settings.deck_paths is None:
        builtin = builtin_decks_dir()
        files = [
            (path, folder == builtin) for folder in deck_folders(settings.data_dir) for path in deck_files([folder])
        ]
    else:
        files = [(path, False) for path in settings.deck_paths]
    if also is not None and all(path.resolve() != also.resolve() for path, _ in files):
        files.append((also, False))
    return files


def first_load(
    services: Services,
    files: list[tuple[Path, bool]],
    *,
    at_once: Path | None = None,
    listed: Callable[[], list[tuple[Path, bool]]] | None = None,
) -> DeckWatch:
    """Fill services.decks (and .summaries) for start-up and return the watcher that will load the
    decks left unchecked. `at_once` is loaded whatever its size (a session opens on it at once);
    `listed` lists the deck files again, for the watcher to find new ones (deck_paths)."""
    folder = cache_dir(services.settings.data_dir)
    decks: list[FoundDeck] = []
    unchecked: dict[Path, tuple[Stamp, str]] = {}
    now = at_once.resolve() if at_once is not None else None
    for path, builtin in files:
        size = stamp(path)
        if size is not None and size[1] > LOAD_AT_ONCE and path.resolve() != now:
            decks.append(FoundDeck(path, builtin))
            try:
                key = deck_cache.file_key(path)
            except OSError:
                key = ""  # the watcher's load says what is wrong with the file
            unchecked[path] = (size, key)
            summary = deck_cache.read_summary(key, folder) if key else None
            if summary is not None:
                services.summaries[path] = summary
        else:
            decks.append(load_found(path, builtin, cache=folder))
    services.show_decks(decks)
    return DeckWatch(files, folder, unchecked, listed=listed)


class DeckWatch:
    """Which deck files changed (or were never checked) since they were last loaded.

    Thread-safe: the watcher's worker calls `changed` every few seconds, and tests may call it too.
    """

    def __init__(
        self,
        files: list[tuple[Path, bool]],
        cache: Path,
        unchecked: Mapping[Path, tuple[Stamp, str]] | None = None,
        *,
        listed: Callable[[], list[tuple[Path, bool]]] | None = None,
    ) -> None:
        unchecked = unchecked or {}
        self._files = list(files)
        self._listed = listed
        self._cache = cache
        self._stamps = {path: _UNCHECKED if path in unchecked else stamp(path) for path, _ in files}
        self._keys = {path: known for path, known in unchecked.items() if known[1]}
        """The cache key first_load took of a large file, with the file's stamp then: the first
        look reuses it while the stamp is the same, so the 3.6 MB file is hashed once, not thrice."""
        self._lock = threading.Lock()

    @property
    def unchecked(self) -> bool:
        """Whether a deck is left for the first look to load (first_load left a large one unchecked)."""
        with self._lock:
            return _UNCHECKED in self._stamps.values()

    def changed(self) -> Iterator[tuple[int, FoundDeck]]:
        """(index in Home's order, the deck loaded again) for each file that changed since it was
        last loaded, and for each deck file that is new (its index one past the last): reads and
        parses files (through the cache), so call it off the UI thread. A file that is gone (deleted
        or moved away) keeps its index, as a FoundDeck that is `gone`: Home leaves its row out, and
        the file put back is loaded again at that index. A file still there that cannot be read is
        loaded as a deck that cannot be used, its error saying why."""
        with self._lock:
            for path, builtin in self._listed() if self._listed is not None else ():
                if path not in self._stamps:
                    self._files.append((path, builtin))
                    self._stamps[path] = _UNCHECKED
            for index, (path, builtin) in enumerate(self._files):
                now = stamp(path)
                if now == self._stamps[path]:
                    continue
                self._stamps[path] = now  # taken before the load: an edit during it is seen next time
                if now is None and not os.path.lexists(path):
                    yield index, FoundDeck(path, builtin, gone=True)
                    continue
                taken, key = self._keys.pop(path, (None, None))
                key = key if taken == now else None
                if now is not None and now[1] > LOAD_AT_ONCE and not self._cached(path, key):
                    parse_in_child(path, self._cache)
                    key = None  # the child filed the bytes it read, which may be newer
                yield index, load_found(path, builtin, cache=self._cache, key=key)

    def _cached(self, path: Path, key: str | None = None) -> bool:
        """Whether the parsed-deck cache holds the file as it is now (then no child is needed);
        `key` is its cache key if already taken."""
        try:
            key = key or deck_cache.file_key(path)
        except OSError:
            return False
        return deck_cache.read_summary(key, self._cache) is not None


def parse_in_child(path: Path, cache: Path) -> bool:
    """Parse and validate the deck file in a child process that files it in the parsed-deck cache
    folder `cache` (quiz.deck.cache), so that loading it afterwards only reads it back.

    Returns whether the child succeeded. A deck with a problem, a child that cannot start, fails,
    is killed or runs past CHILD_TIMEOUT leaves no entry and is no error: the caller's load parses
    the file itself. The child's output is thrown away (it could quote the deck's text), and it
    starts with -P so that files in the current folder cannot stand in for quiz's modules.
    """
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(_QUIZ_ROOT), os.environ.get("PYTHONPATH")]))}
    command = [sys.executable, "-P", "-c", CHILD_PARSE, os.fspath(path), os.fspath(cache)]
    with suppress(OSError, ValueError, subprocess.SubprocessError):
        done = subprocess.run(
            command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env=env, timeout=CHILD_TIMEOUT, check=False,
        )  # fmt: skip
        return done.returncode == 0
    return False


def is_checking(found: FoundDeck) -> bool:
    """Whether the deck has not been loaded yet (the watcher is on its way to it)."""
    return found.deck is None and found.error is None and not found.gone
