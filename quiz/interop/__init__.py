"""Moving decks in and out: a starter deck, Anki packages, Markdown handouts, imported card lists."""
