"""Find decks on disk: the built-in ones, then the person's own decks folder."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

from quiz.deck.errors import DeckError
from quiz.deck.load import load_deck
from quiz.deck.model import Deck
from quiz.errors import QuizError
from quiz.paths import builtin_decks_dir, cache_dir, user_decks_dir


class FoundDeck(NamedTuple):
    """A deck file found on disk: loaded, or with the error that keeps it from loading."""

    path: Path
    builtin: bool
    deck: Deck | None = None
    error: DeckError | None = None

    @property
    def id(self) -> str:
        return self.deck.id if self.deck else self.path.stem


def deck_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Every deck file named: files as given, folders searched for *.toml, in a stable order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.toml") if p.is_file())
        else:
            yield path


def load_found(path: Path, builtin: bool = False, *, cache: Path | None = None) -> FoundDeck:
    """Load one deck file (through the parsed-deck cache, if given), keeping its error rather than raising it."""
    try:
        return FoundDeck(path, builtin, deck=load_deck(path, cache=cache))
    except DeckError as err:
        return FoundDeck(path, builtin, error=err)


def discover(data_root: Path | None) -> list[FoundDeck]:
    """Load every built-in deck, then every deck in the person's decks folder (if there is one).

    Decks are read through the parsed-deck cache in the data folder, when there is one.
    """
    cache = cache_dir(data_root) if data_root is not None else None
    builtin = builtin_decks_dir()
    return [
        load_found(path, folder == builtin, cache=cache)
        for folder in deck_folders(data_root)
        for path in deck_files([folder])
    ]


def deck_folders(data_root: Path | None) -> list[Path]:
    """Where decks are found: the built-in decks, then the person's decks folder if there is one."""
    folders = [builtin_decks_dir()]
    if data_root is not None and user_decks_dir(data_root).is_dir():
        folders.append(user_decks_dir(data_root))
    return folders


def resolve_deck(arg: str, data_root: Path | None) -> Path:
    """Turn a command-line DECK (a path or a deck id) into the path of its file."""
    path = Path(arg)
    if path.suffix == ".toml" or path.exists() or "/" in arg:
        if not path.exists():
            raise QuizError(f"{arg}: no such deck file")
        return path
    for found in discover(data_root):
        if found.id == arg:
            return found.path
    raise QuizError(f'no deck with id "{arg}" was found; `quiz decks` lists the decks there are')
