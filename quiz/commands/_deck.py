"""What several commands share: a DECK argument turned into a usable deck, or its problems printed."""

from __future__ import annotations

from quiz.deck.model import Deck
from quiz.untrusted import say


def choice_word(text: str) -> str:
    """A mode or question kind as typed, in the one spelling the command line uses ("multiple-choice");
    the older "multiple_choice" is kept as an alias."""
    return text.strip().casefold().replace("_", "-")


def deck_or_problems(arg: str, data_dir_arg: str | None) -> Deck | None:
    """Load the deck named by a command-line DECK (a path or an id); print its problems as
    `quiz check` does and return None when it cannot be used."""
    from quiz.deck.discover import resolve_deck
    from quiz.deck.errors import DeckError
    from quiz.deck.load import load_deck
    from quiz.paths import cache_dir, data_dir

    root = data_dir(data_dir_arg)
    path = resolve_deck(arg, root)
    try:  # through the parsed-deck cache, as the app loads it (an id was just loaded that way)
        return load_deck(path, cache=cache_dir(root))
    except DeckError as err:
        for problem in err.problems:
            say(problem)
        return None
