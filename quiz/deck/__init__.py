"""Decks: the model, the loader with precise errors, and discovery of decks on disk."""
