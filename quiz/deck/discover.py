"""Find decks on disk: the built-in ones, then the person's own decks folder."""

# No `from __future__ import annotations` here: typing.NamedTuple compiles each annotation written
# as text (typing.ForwardRef), about 7 µs a field at every start of the app (docs/benchmarks.md).

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

from quiz.deck.errors import DeckError, Problem
from quiz.deck.load import load_deck
from quiz.deck.model import Deck
from quiz.errors import QuizError
from quiz.paths import builtin_decks_dir, cache_dir, user_decks_dir


class FoundDeck(NamedTuple):
    """A deck file found on disk: loaded, or with the error that keeps it from loading, or `gone`
    (deleted or moved away since it was found: quiz.tui.decks.DeckWatch)."""

    path: Path
    builtin: bool
    deck: Deck | None = None
    error: DeckError | None = None
    gone: bool = False

    @property
    def id(self) -> str:
        return self.deck.id if self.deck else self.path.stem


def deck_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Every deck file named: files as given, folders searched for *.toml, in a stable order. The
    ending in any case (".TOML", as some systems save it): a folder skipped "UPPER.TOML" without a
    word, where naming the file checked it (a tester's report)."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix.casefold() == ".toml" and p.is_file())
        else:
            yield path


def load_found(path: Path, builtin: bool = False, *, cache: Path | None = None, key: str | None = None) -> FoundDeck:
    """Load one deck file (through the parsed-deck cache, if given, with the file's `key` if the
    caller has it: load_deck), keeping its error rather than raising it."""
    try:
        return FoundDeck(path, builtin, deck=load_deck(path, cache=cache, key=key))
    except DeckError as err:
        return FoundDeck(path, builtin, error=err)


def discover(data_root: Path | None) -> list[FoundDeck]:
    """Load every built-in deck, then every deck in the person's decks folder (if there is one).

    Decks are read through the parsed-deck cache in the data folder, when there is one. Two files
    with one deck id are both returned as decks that cannot be used (refuse_shared_ids).
    """
    return refuse_shared_ids(_load_all(data_root))


def _load_all(data_root: Path | None) -> list[FoundDeck]:
    cache = cache_dir(data_root) if data_root is not None else None
    builtin = builtin_decks_dir()
    return [
        load_found(path, folder == builtin, cache=cache)
        for folder in deck_folders(data_root)
        for path in deck_files([folder])
    ]


def shared_id_problems(decks: Iterable[tuple[Path, Deck]]) -> list[Problem]:
    """A problem for each deck file whose deck id another file also uses, naming the other file(s).

    Two decks with one id would share one score history, and a DECK given by id would pick either.
    """
    paths: dict[str, list[Path]] = {}
    for path, deck in decks:
        paths.setdefault(deck.id, []).append(path)
    problems = []
    for deck_id, files in paths.items():
        for path in files if len(files) > 1 else ():
            others = ", ".join(str(p) for p in files if p != path)
            line, col = _id_position(path) or (None, None)
            problems.append(
                Problem(
                    path,
                    line,
                    col,
                    f'deck id "{deck_id}" is also the id of {others}: two decks with one id would share '
                    "one history; change the id of one of them",
                )
            )
    return problems


ID_SEARCHED = 64 * 1024
"""Bytes of a deck file searched for where its [deck] id is written (it comes first in any deck
quiz writes or documents); an id written later is named without a line."""


def _id_position(path: Path) -> tuple[int, int] | None:
    """(line, column) of the id key of the file's [deck] table, or None when it is not found in its
    first ID_SEARCHED bytes (or the file cannot be read now)."""
    from quiz.deck.locate import locate

    try:
        with path.open("rb") as src:
            head = src.read(ID_SEARCHED).decode("utf-8", errors="replace")
    except OSError:
        return None
    table = locate(head[: head.rfind("\n") + 1] if len(head) == ID_SEARCHED else head).table("deck")
    return table.keys.get("id") if table is not None else None


def refuse_shared_ids(found: list[FoundDeck]) -> list[FoundDeck]:
    """The decks found, with each one whose id another also uses turned into a deck that cannot be
    used, its error naming both files (Home and `quiz decks` show it as such)."""
    problems = {p.path: p for p in shared_id_problems((f.path, f.deck) for f in found if f.deck is not None)}
    return [f._replace(deck=None, error=DeckError([problems[f.path]])) if f.path in problems else f for f in found]


def other_deck_with_id(deck_id: str, path: Path, data_root: Path | None) -> FoundDeck | None:
    """The deck quiz finds (discover: the built-in decks and the decks folder, which need not
    exist yet) whose id is `deck_id`, in a file other than `path`, when a deck written at `path`
    would be found too (it is in one of those folders); else None. A writing command refuses
    such an id: both decks would then be refused as sharing one (refuse_shared_ids)."""
    folders = [builtin_decks_dir()] + ([user_decks_dir(data_root)] if data_root is not None else [])
    target = path.resolve()
    if not any(target.is_relative_to(folder.resolve()) for folder in folders):
        return None
    return next(
        (f for f in _load_all(data_root) if f.deck is not None and f.deck.id == deck_id and f.path.resolve() != target),
        None,
    )


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
    matches = [f.path for f in _load_all(data_root) if f.id == arg]
    if len(matches) > 1:
        raise QuizError(
            f'{len(matches)} deck files have the id "{arg}" ({", ".join(map(str, matches))}): give the path of '
            "the one you mean, and change the id of the others"
        )
    if matches:
        return matches[0]
    raise QuizError(f'no deck with id "{arg}" was found; `quiz decks` lists the decks there are')
